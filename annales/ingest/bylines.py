"""Recognise a byline line ("<date>, par <name>") and read the date it carries."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from annales.ingest._lexicon import alternation, column_values, rows

BYLINE_FILE = "byline.tsv"
DATES_FILE = "dates.tsv"

# Capitalised words, initials and hyphenated names; up to five words.
_NAME = r"(?P<name>[A-ZÀ-Þ][\w'’.-]*(?:\s+[\w'’.-]+){0,4})"


@dataclass(frozen=True)
class BylinePattern:
    pattern: re.Pattern[str]
    example: str


@cache
def month_numbers() -> dict[str, int]:
    return {word.lower(): int(value) for word, value in column_values(DATES_FILE, 3, "month")}


@cache
def date_regex() -> str:
    months = alternation(list(month_numbers()))
    ordinals = alternation([word for word, _ in column_values(DATES_FILE, 3, "ordinal")])
    ordinal = f"(?:{ordinals})?" if ordinals else ""
    written = rf"(?P<day>\d{{1,2}}){ordinal}\s+(?P<month>(?i:{months}))\s+(?P<year>\d{{4}})"
    numeric = r"(?P<nday>\d{1,2})[/.-](?P<nmonth>\d{1,2})[/.-](?P<nyear>\d{4})"
    return rf"(?:{written}|{numeric})"


@cache
def byline_patterns() -> tuple[BylinePattern, ...]:
    weekdays = alternation([word for word, _ in column_values(DATES_FILE, 3, "weekday")])
    fill = {"{weekday}": f"(?i:{weekdays})", "{date}": date_regex(), "{name}": _NAME}
    out = []
    for template, example in rows(BYLINE_FILE, 2):
        source = template
        for key, value in fill.items():
            source = source.replace(key, value)
        out.append(BylinePattern(re.compile(source), example))
    return tuple(out)


def match_byline(line: str) -> re.Match[str] | None:
    for byline in byline_patterns():
        match = byline.pattern.match(line.strip())
        if match:
            return match
    return None


def date_of(match: re.Match[str]) -> str | None:
    """The ISO date a byline match carries, or None when it is not a real calendar date."""
    if match.group("day"):
        day, year = int(match.group("day")), int(match.group("year"))
        month = month_numbers()[match.group("month").lower()]
    else:
        day, month, year = (int(match.group(g)) for g in ("nday", "nmonth", "nyear"))
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
