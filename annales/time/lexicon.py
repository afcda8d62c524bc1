"""The temporal vocabulary of one language, read from `resources/<lang>/time/*.tsv` and the calendar words of
`resources/<lang>/common/`.

Tables map a surface form to its meaning (a month number, a season code, an offset). Keys are
compared after `normalise`, so "Août", "août" and typographic apostrophes look the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from annales.common.resources import load_rows
from annales.common.text import fold as normalise

LAYER = "time"
# Calendar words other layers read too live in resources/<lang>/common/.
COMMON_TABLES = {"months": "months", "weekdays": "weekdays", "units": "time_units"}


@dataclass(frozen=True)
class Deictic:
    anchor: str  # "speech" (time of writing) or "story" (the narrative's current time)
    unit: str
    offset: int


@dataclass(frozen=True)
class Direction:
    sign: int
    anchor: str


@dataclass(frozen=True)
class DayPart:
    code: str  # MO, AF, EV, NI, or a clock time "HH:MM"
    mod: str | None


class Lexicon:
    """Every table of one language, as dictionaries keyed by normalised surface forms."""

    def __init__(self, language: str) -> None:
        self.language = language

        def rows(name: str) -> tuple[tuple[str, ...], ...]:
            if name in COMMON_TABLES:
                return load_rows(language, "common", COMMON_TABLES[name] + ".tsv")
            return load_rows(language, LAYER, name + ".tsv")

        self.tables: dict[str, list[str]] = {}
        for name in ("months", "weekdays", "seasons", "dayparts", "units", "vague_quantities", "numbers",
                     "ordinals", "modifiers", "deictics", "directions", "references", "sets", "terms",
                     "year_followers", "holidays", "movable_feasts", "round_numbers"):
            self.tables[name] = [row[0] for row in rows(name)]
        self.months = {normalise(r[0]): int(r[1]) for r in rows("months")}
        self.weekdays = {normalise(r[0]): int(r[1]) for r in rows("weekdays")}
        self.seasons = {normalise(r[0]): r[1] for r in rows("seasons")}
        self.dayparts = {normalise(r[0]): DayPart(r[1], None if r[2] == "-" else r[2]) for r in rows("dayparts")}
        self.units = {normalise(r[0]): r[1] for r in rows("units")}
        self.ordinals = {normalise(r[0]): int(r[1]) for r in rows("ordinals")}
        self.modifiers = {normalise(r[0]): r[1] for r in rows("modifiers")}
        self.deictics = {normalise(r[0]): Deictic(r[1], r[2], int(r[3])) for r in rows("deictics")}
        self.directions = {normalise(r[0]): Direction(int(r[1]), r[2]) for r in rows("directions")}
        self.references = {normalise(r[0]): r[1] for r in rows("references")}
        self.sets = {normalise(r[0]): r[1] for r in rows("sets")}
        self.terms = {normalise(r[0]): r[1] for r in rows("terms")}
        self.vague = {normalise(r[0]) for r in rows("vague_quantities")}
        self.round_numbers = {normalise(r[0]): float(r[1]) for r in rows("round_numbers")}
        self.holidays = {normalise(r[0]): tuple(int(x) for x in r[1].split("-")) for r in rows("holidays")}
        # A movable feast: its days from Easter, and whether only a capital makes the word a feast.
        self.feasts = {normalise(r[0]): (int(r[1]), r[2] == "capital") for r in rows("movable_feasts")}

    def lookup(self, table: dict, surface: str | None):
        if surface is None:
            return None
        key = normalise(surface)
        if key in table:
            return table[key]
        # Hyphenated forms ("mi-") and trailing punctuation are written loosely in real text.
        key = key.rstrip("-. ").strip()
        return table.get(key)


@cache
def lexicon_for(language: str) -> Lexicon:
    return Lexicon(language)
