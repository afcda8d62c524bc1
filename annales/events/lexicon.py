"""The language data of the events layer, read from `resources/<lang>/events/` once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from annales.common.resources import load_rows

LAYER = "events"


@dataclass(frozen=True)
class Lexicon:
    event_nouns: frozenset[str]  # lemmas of nouns that name something happening
    never_events: frozenset[str]  # verb lemmas that are never events themselves (être, pouvoir …)
    light_with_infinitive: frozenset[str]  # verb lemmas that are no event when they govern an infinitive


@cache
def lexicon(language: str) -> Lexicon:
    # Event nouns live in common/: the time layer reads them too (a date modifying one is its date).
    nouns = frozenset(row[0].lower() for row in load_rows(language, "common", "event_nouns.tsv"))
    light = load_rows(language, LAYER, "light_verbs.tsv")
    return Lexicon(
        event_nouns=nouns,
        never_events=frozenset(row[0] for row in light if row[1] == "always"),
        light_with_infinitive=frozenset(row[0] for row in light if row[1] == "with-infinitive"),
    )
