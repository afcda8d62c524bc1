"""Claims and the conflicts between them: what one passage says about one thing, and the pairs of
values documents give for one thing that do not agree. Days are numbers, so intervals compare and
gaps count in days."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

LAYER = "corpus"  # the resources of the checks: resources/<language>/corpus/
_DAY = re.compile(r"^(-?\d{1,6})-(\d{2})-(\d{2})")

Interval = tuple[int, int]  # first and last day, inclusive, as day numbers


@dataclass
class Claim:
    """What one passage of one document says about one thing."""

    key: tuple[Any, ...]  # the thing: (check, ...) with corpus entities, never a document's own ids
    doc: int
    value: Hashable  # what is compared
    shown: str  # the value as written or as a reader wants it
    when: Interval | None  # the date it holds at (None: the value is itself a date)
    sentence: tuple[int, int]  # (doc, n) of its passage
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Conflict:
    key: tuple[Any, ...]
    left: list[Claim]  # one claim per document, the documents agreeing on one value
    right: list[Claim]  # ... and on the other


# --- dates -----------------------------------------------------------------------------------------------


def day_number(value: str | None) -> int | None:
    """A day as a number that orders days and counts the days between them (exactly within years 1
    to 9999; before year 1, in order, with months of 31 days)."""
    match = _DAY.match(value or "")
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    if 1 <= year <= 9999:
        try:
            return date(year, month, day).toordinal()
        except ValueError:
            return None
    return (year - 2) * 400 + (month - 1) * 31 + day


def interval(earliest: str | None, latest: str | None) -> Interval | None:
    first, last = day_number(earliest), day_number(latest)
    return None if first is None or last is None or last < first else (first, last)


def overlap(a: Interval | None, b: Interval | None) -> bool:
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


def gap(a: Interval, b: Interval) -> int:
    """Days from the end of the earlier interval to the start of the later one (≤ 0: they overlap)."""
    return max(b[0] - a[1], a[0] - b[1])


def iso(day: int) -> str:
    return date.fromordinal(day).isoformat() if 1 <= day <= date.max.toordinal() else str(day)


# --- the engine: claims → conflicts ----------------------------------------------------------------------

Agree = Callable[[tuple[Any, ...], Any, Any], bool]


def conflicts(claims: Iterable[Claim], agree: Agree) -> list[Conflict]:
    """Pairs of values for one thing that do not agree, each with the documents on both sides whose
    claims hold at overlapping dates. A document whose own claims about a thing disagree (at
    overlapping dates) is left out for that thing."""
    by_key: dict[tuple[Any, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_key[claim.key].append(claim)
    found: list[Conflict] = []
    for key in sorted(by_key, key=repr):
        by_doc: dict[int, list[Claim]] = defaultdict(list)
        for claim in by_key[key]:
            by_doc[claim.doc].append(claim)
        classes: dict[Hashable, list[Claim]] = {}
        for doc in sorted(by_doc):
            told = by_doc[doc]
            if any(not agree(key, a.value, b.value) and overlap(a.when, b.when)
                   for i, a in enumerate(told) for b in told[i + 1:]):
                continue
            for claim in told:
                classes.setdefault(claim.value, []).append(claim)
        values = list(classes)
        for i, first in enumerate(values):
            for second in values[i + 1:]:
                if agree(key, first, second):
                    continue
                left, right = _facing(classes[first], classes[second])
                if left and right:
                    found.append(Conflict(key, left, right))
    return found


def _facing(side_a: list[Claim], side_b: list[Claim]) -> tuple[list[Claim], list[Claim]]:
    """The claims of each side (one per document) that hold at a date some claim of the other side
    holds at, the first facing pair first."""
    left: dict[int, Claim] = {}
    right: dict[int, Claim] = {}
    for a in side_a:
        for b in side_b:
            if a.doc != b.doc and overlap(a.when, b.when):
                left.setdefault(a.doc, a)
                right.setdefault(b.doc, b)
    return list(left.values()), list(right.values())
