"""What every check shares: its language data, sentence lookup and evidence spans."""

from __future__ import annotations

import re
from functools import cache

from annales.common.resources import alternation, load_rows
from annales.common.sentences import SentenceIndex as SentenceIndex  # the checks import it from here
from annales.model import Analysis, Evidence, Quantity

LAYER = "checks"
# Regions whose words are not the author's narrative: nothing in them is checked.
SKIPPED_REGIONS = ("boilerplate",)
# No check reports more findings than this on one document: past a few dozen of one kind, the text
# itself is the problem (a page printed a thousand times), and a reader reads none of them.
MAX_FINDINGS = 100


def rows(language: str, name: str) -> tuple[tuple[str, ...], ...]:
    return load_rows(language, LAYER, name + ".tsv")


@cache
def cue_pattern(language: str, name: str, kind: str | None = None) -> re.Pattern[str]:
    """A case-blind, whole-word regex for the surfaces of one resource file (of one kind)."""
    surfaces = [row[0] for row in rows(language, name) if kind is None or (len(row) > 1 and row[1] == kind)]
    return re.compile(r"(?<!\w)(?P<cue>" + alternation(surfaces, fold_case=True) + r")(?!\w)", re.IGNORECASE)


@cache
def people_kinds(language: str) -> dict[str, str]:
    return {row[0].lower(): row[1] for row in rows(language, "people_nouns")}


def people_kind(quantity: Quantity, language: str) -> str | None:
    """"strength" or "loss" when the quantity is an exact count of people, else None."""
    if quantity.counted is None or quantity.unit or quantity.approx or quantity.comparator:
        return None
    if not isinstance(quantity.value, int) or quantity.value < 1:
        return None
    return people_kinds(language).get(quantity.counted.lower())


def evidence(analysis: Analysis, start: int, end: int) -> Evidence:
    return Evidence(start, end, analysis.text[start:end])


def skipped(analysis: Analysis, start: int, end: int) -> bool:
    return analysis.in_region(start, end, *SKIPPED_REGIONS)


def format_number(value: float | int) -> str:
    """A figure as the text would print it: thin groups of three digits."""
    return f"{value:,}".replace(",", "\u202f") if isinstance(value, int) else str(value)
