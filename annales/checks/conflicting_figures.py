"""`conflicting-figures`: one force given two different strengths in two places.

"The same group" is read conservatively: both sentences must say they state the size of a force
(a group noun such as a garrison, or a verb of holding), at least one of them by a noun, both must
count people, and the two figures must be close (a near miss, not two different forces).
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from annales.checks.common import (
    MAX_FINDINGS,
    SentenceIndex,
    cue_pattern,
    evidence,
    format_number,
    people_kind,
    skipped,
)
from annales.checks.totals import breakdowns
from annales.model import Analysis, Finding, Quantity

# Two figures further apart than this share are taken for two different forces.
MAX_RELATIVE_GAP = 0.1


@dataclass
class Strength:
    value: int
    sentence: tuple[int, int]
    quantities: list[Quantity]  # the figures it was read from
    parts: list[Quantity]  # the figures it sums, when it is a breakdown
    by_noun: bool


def _cues(analysis: Analysis, start: int, end: int) -> tuple[bool, bool]:
    text = analysis.text[start:end]
    noun = cue_pattern(analysis.language, "group_cues", "noun").search(text) is not None
    verb = cue_pattern(analysis.language, "group_cues", "verb").search(text) is not None
    return noun, verb


def _strengths(analysis: Analysis) -> list[Strength]:
    strengths: list[Strength] = []
    used: set[str] = set()
    sentences = SentenceIndex(analysis)
    for breakdown in breakdowns(analysis):
        used.update(q.id for q in breakdown.parts + breakdown.totals)
        if breakdown.kind != "sum" or not breakdown.consistent():
            continue
        sentence = sentences.of(breakdown.cue_start)
        if sentence is None:
            continue
        noun, verb = _cues(analysis, sentence.start, sentence.end)
        if noun or verb:
            strengths.append(Strength(breakdown.parts_sum, (sentence.start, sentence.end), breakdown.totals,
                                      breakdown.parts, noun))
    for quantity in analysis.quantities:
        if quantity.id in used or people_kind(quantity, analysis.language) != "strength":
            continue
        sentence = sentences.of(quantity.start)
        if sentence is None or skipped(analysis, sentence.start, sentence.end):
            continue
        noun, verb = _cues(analysis, sentence.start, sentence.end)
        if noun or verb:
            strengths.append(Strength(int(quantity.value or 0), (sentence.start, sentence.end), [quantity], [], noun))
    return strengths


def _told(strength: Strength) -> str:
    if strength.parts:
        return f"{format_number(strength.value)} (its units added up)"
    return format_number(strength.value)


def _close(a: int, b: int) -> bool:
    return abs(a - b) / max(a, b) <= MAX_RELATIVE_GAP


def _pairs(strengths: list[Strength]) -> Iterator[tuple[Strength, Strength]]:
    """Every pair (first, second), second told after first, of different but close figures from two
    sentences, one of them stated by a noun; in order of first, then of second.

    Looks only among the figures of close values: a text repeating one garrison's strength a thousand
    times costs a thousand lookups, not half a million comparisons.
    """
    at: dict[int, list[int]] = {}  # value -> indices of the strengths of that value, in order
    by_noun_at: dict[int, list[int]] = {}
    for index, strength in enumerate(strengths):
        at.setdefault(strength.value, []).append(index)
        if strength.by_noun:
            by_noun_at.setdefault(strength.value, []).append(index)
    values = sorted(at)
    block_end = 0  # the last strength of the current sentence: those before it share the sentence
    for index, first in enumerate(strengths):
        if block_end <= index:
            block_end = index
            while block_end + 1 < len(strengths) and strengths[block_end + 1].sentence == first.sentence:
                block_end += 1
        lists = by_noun_at if not first.by_noun else at
        lo = bisect.bisect_left(values, first.value * (1 - MAX_RELATIVE_GAP) - 1)
        hi = bisect.bisect_right(values, first.value / (1 - MAX_RELATIVE_GAP) + 1)
        later = [islice(lists[v], bisect.bisect_right(lists[v], block_end), None) for v in values[lo:hi]
                 if v != first.value and v in lists and _close(first.value, v)]
        for second_index in heapq.merge(*later):
            second = strengths[second_index]
            if first.sentence != second.sentence:
                yield first, second


def find(analysis: Analysis) -> list[Finding]:
    strengths = sorted(_strengths(analysis), key=lambda s: s.quantities[0].start)
    findings: list[Finding] = []
    for first, second in _pairs(strengths):
        if len(findings) == MAX_FINDINGS:
            break
        message = (f"The same force is counted {_told(first)} in one place and {_told(second)} in another.")
        figures = first.quantities + second.quantities
        detail = {"first": {"value": first.value, "quantities": [q.id for q in first.quantities]},
                  "second": {"value": second.value, "quantities": [q.id for q in second.quantities]},
                  "difference": abs(first.value - second.value)}
        for key, strength in (("first", first), ("second", second)):
            if strength.parts:
                detail[key]["arithmetic"] = (" + ".join(format_number(int(q.value or 0)) for q in strength.parts)
                                             + f" = {format_number(strength.value)}")
        findings.append(Finding(id="", kind="conflicting-figures", severity="high", message=message,
                                evidence=[evidence(analysis, q.start, q.end) for q in figures], detail=detail))
    return findings
