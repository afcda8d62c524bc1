"""Recognise a byline line ("<date>, par <name>") and read the date it carries."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from annales.common.resources import column_values, load_rows
from annales.common.resources import literal_alternation as alternation

BYLINE_FILE = "byline.tsv"
DATES_FILE = "dates.tsv"

# Capitalised words, initials and hyphenated names; up to five words.
_NAME = r"(?P<name>[A-ZÀ-Þ][\w'’.-]*(?:\s+[\w'’.-]+){0,4})"


@dataclass(frozen=True)
class BylinePattern:
    pattern: re.Pattern[str]
    example: str


@cache
def month_numbers(language: str) -> dict[str, int]:
    return {word.lower(): int(value) for word, value in load_rows(language, "common", "months.tsv", 2)}


@cache
def date_regex(language: str) -> str:
    months = alternation(list(month_numbers(language)))
    ordinals = alternation([word for word, _ in column_values(language, "ingest", DATES_FILE, "ordinal", 3)])
    ordinal = f"(?:{ordinals})?" if ordinals else ""
    written = rf"(?P<day>\d{{1,2}}){ordinal}\s+(?P<month>(?i:{months}))\s+(?P<year>\d{{4}})"
    numeric = r"(?P<nday>\d{1,2})[/.-](?P<nmonth>\d{1,2})[/.-](?P<nyear>\d{4})"
    return rf"(?:{written}|{numeric})"


@cache
def byline_patterns(language: str) -> tuple[BylinePattern, ...]:
    weekdays = alternation([row[0] for row in load_rows(language, "common", "weekdays.tsv", 2)])
    fill = {"{weekday}": f"(?i:{weekdays})", "{date}": date_regex(language), "{name}": _NAME}
    out = []
    for template, example in load_rows(language, "ingest", BYLINE_FILE, 2):
        source = template
        for key, value in fill.items():
            source = source.replace(key, value)
        out.append(BylinePattern(re.compile(source), example))
    return tuple(out)


def match_byline(line: str, language: str) -> re.Match[str] | None:
    for byline in byline_patterns(language):
        match = byline.pattern.match(line.strip())
        if match:
            return match
    return None


def date_of(match: re.Match[str], language: str) -> str | None:
    """The ISO date a byline match carries, or None when it is not a real calendar date."""
    if match.group("day"):
        day, year = int(match.group("day")), int(match.group("year"))
        month = month_numbers(language)[match.group("month").lower()]
    else:
        day, month, year = (int(match.group(g)) for g in ("nday", "nmonth", "nyear"))
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
