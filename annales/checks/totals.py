"""Stated totals and the parts they sum, read from one sentence at a time.

A breakdown is "A (x hommes), B (y hommes), soit au total z combattants": parts before a sum cue,
totals after it. A "dont" cue reverses it: one total before, its parts after.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from annales.checks.common import cue_pattern, people_kind, rows, skipped
from annales.model import Analysis, Quantity

# Figures after a cue belong to it while they follow each other closely ("2 619 combattants et 2 217").
CHAIN_GAP = 40
# A "dont" total sits right before its cue ("218 hommes, dont").
PART_TOTAL_GAP = 30


@dataclass
class Breakdown:
    kind: str  # "sum" or "part"
    cue_start: int
    cue_end: int
    parts: list[Quantity]
    totals: list[Quantity]

    @property
    def parts_sum(self) -> int:
        return sum(int(q.value or 0) for q in self.parts)

    @property
    def totals_sum(self) -> int:
        return sum(int(q.value or 0) for q in self.totals)

    def consistent(self) -> bool:
        if self.kind == "part":
            return self.parts_sum <= self.totals_sum
        if self.parts_sum == self.totals_sum or any(q.value == self.parts_sum for q in self.totals):
            return True
        return _splits(self.parts, [int(q.value or 0) for q in self.totals])


def _splits(parts: list[Quantity], totals: list[int]) -> bool:
    """True when the parts, in order, fall into consecutive groups that add up to each total."""
    if not totals:
        return not parts
    running = 0
    for index, part in enumerate(parts):
        running += int(part.value or 0)
        if running == totals[0] and _splits(parts[index + 1:], totals[1:]):
            return True
    return False


def _chain(after: list[Quantity], start: int, language: str) -> list[Quantity]:
    chain: list[Quantity] = []
    last = start
    for quantity in after:
        if quantity.start - last > CHAIN_GAP or people_kind(quantity, language) is None:
            break
        chain.append(quantity)
        last = quantity.end
    return chain


def breakdowns(analysis: Analysis) -> list[Breakdown]:
    language = analysis.language
    kinds = {row[0].lower(): row[1] for row in rows(language, "total_cues")}
    pattern = cue_pattern(language, "total_cues")
    found: list[Breakdown] = []
    # The figures by where they start, so each sentence finds its own without reading all of them.
    order = sorted(range(len(analysis.quantities)), key=lambda i: analysis.quantities[i].start)
    starts = [analysis.quantities[i].start for i in order]
    for sentence in analysis.sentences:
        first, last = bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
        inside = [analysis.quantities[i] for i in sorted(order[first:last])
                  if analysis.quantities[i].end <= sentence.end]
        if not inside:
            continue  # no figure for a cue to add up: its cues are not even looked for
        if skipped(analysis, sentence.start, sentence.end):
            continue
        text = analysis.text[sentence.start:sentence.end]
        for match in pattern.finditer(text):
            cue_start, cue_end = sentence.start + match.start(), sentence.start + match.end()
            kind = kinds.get(" ".join(match.group("cue").lower().split()), "sum")
            before = [q for q in inside if q.end <= cue_start]
            after = [q for q in inside if q.start >= cue_end]
            chain = _chain(after, cue_end, language)
            if not chain:
                continue
            if kind == "part":
                total = before[-1] if before else None
                if total is None or cue_start - total.end > PART_TOTAL_GAP or people_kind(total, language) is None:
                    continue
                found.append(Breakdown(kind, cue_start, cue_end, chain, [before[-1]]))
                continue
            parts = [q for q in before if people_kind(q, language) is not None]
            # A total over fewer than two parts, or over figures that are not all counts of people, is no sum.
            if len(parts) < 2 or len(parts) != len(before):
                continue
            found.append(Breakdown(kind, cue_start, cue_end, parts, chain))
    return found
