"""TempEval-3 scoring of time expressions: pure functions on lists of spans.

Nothing here knows about files, spaCy or the engine, so the arithmetic is testable on hand-made
spans. Matching is done per document; counts are summed over documents (micro-average).

Definitions follow TempEval-3 (UzZaman et al., 2013):
- strict extent match: identical (start, end);
- relaxed extent match: overlapping spans, one-to-one (greedy by largest overlap);
- attribute (type, value) P/R/F1 count the relaxed matches whose attribute is right, over the
  number of system / gold spans, so attribute F1 = relaxed F1 x attribute accuracy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

TIMEX_TYPES: tuple[str, ...] = ("DATE", "TIME", "DURATION", "SET")


class Extent(Protocol):
    """Anything with character offsets: enough to be matched (events' triggers as well as timexes)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class SpanLike(Extent, Protocol):
    """Anything with an extent, a type and a value: gold timexes and `annales.model.Timex` alike."""

    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...


@dataclass(frozen=True)
class Matching:
    """Index pairs (gold index, system index) for one document."""

    strict: list[tuple[int, int]]
    relaxed: list[tuple[int, int]]


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def match_strict(gold: Sequence[Extent], system: Sequence[Extent]) -> list[tuple[int, int]]:
    """One-to-one pairs with identical extents (a duplicated system span counts once)."""
    free: dict[tuple[int, int], list[int]] = {}
    for si, s in enumerate(system):
        free.setdefault((s.start, s.end), []).append(si)
    pairs = []
    for gi, g in enumerate(gold):
        candidates = free.get((g.start, g.end))
        if candidates:
            pairs.append((gi, candidates.pop(0)))
    return pairs


def match_relaxed(gold: Sequence[Extent], system: Sequence[Extent]) -> list[tuple[int, int]]:
    """One-to-one pairs of overlapping spans, taken greedily by largest overlap.

    Ties prefer identical extents, then the closest extents, so that every strict match is
    also a relaxed match whenever that is possible.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            shared = overlap(g.start, g.end, s.start, s.end)
            if shared > 0:
                exact = (g.start, g.end) == (s.start, s.end)
                spread = abs(g.start - s.start) + abs(g.end - s.end)
                candidates.append((-shared, not exact, spread, gi, si))
    candidates.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _shared, _exact, _spread, gi, si in candidates:
        if gi not in used_gold and si not in used_system:
            used_gold.add(gi)
            used_system.add(si)
            pairs.append((gi, si))
    return sorted(pairs)


def match(gold: Sequence[Extent], system: Sequence[Extent]) -> Matching:
    return Matching(strict=match_strict(gold, system), relaxed=match_relaxed(gold, system))


def same_value(gold: SpanLike, system: SpanLike) -> bool:
    return (gold.value or "").strip() == (system.value or "").strip()


def same_type(gold: SpanLike, system: SpanLike) -> bool:
    return (gold.type or "").strip() == (system.type or "").strip()


@dataclass
class TypeCounts:
    """Counts for one gold type: how much of it is found and how well it is normalised."""

    gold: int = 0
    relaxed: int = 0      # gold spans of this type with a relaxed match
    value_ok: int = 0     # ... whose value is also right
    system: int = 0       # system spans that claim this type

    def add(self, other: TypeCounts) -> None:
        self.gold += other.gold
        self.relaxed += other.relaxed
        self.value_ok += other.value_ok
        self.system += other.system


@dataclass
class Counts:
    """Additive tallies; sum them over documents to micro-average."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    by_type: dict[str, TypeCounts] = field(default_factory=dict)

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.type_ok += other.type_ok
        self.value_ok += other.value_ok
        for name, tally in other.by_type.items():
            self.by_type.setdefault(name, TypeCounts()).add(tally)


def count(gold: Sequence[SpanLike], system: Sequence[SpanLike], matching: Matching | None = None) -> Counts:
    """Tallies for one document."""
    matching = matching or match(gold, system)
    counts = Counts(gold=len(gold), system=len(system), strict=len(matching.strict),
                    relaxed=len(matching.relaxed))
    for g in gold:
        counts.by_type.setdefault(g.type, TypeCounts()).gold += 1
    for s in system:
        counts.by_type.setdefault(s.type, TypeCounts()).system += 1
    for gi, si in matching.relaxed:
        g, s = gold[gi], system[si]
        tally = counts.by_type[g.type]
        tally.relaxed += 1
        if same_type(g, s):
            counts.type_ok += 1
        if same_value(g, s):
            counts.value_ok += 1
            tally.value_ok += 1
    return counts


def total(per_document: Iterable[Counts]) -> Counts:
    summed = Counts()
    for counts in per_document:
        summed.add(counts)
    return summed


def ratio(numerator: int, denominator: int) -> float:
    """numerator / denominator, and 0.0 when there is nothing to divide by."""
    return numerator / denominator if denominator else 0.0


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, correct: int, system: int, gold: int) -> PRF:
        precision, recall = ratio(correct, system), ratio(correct, gold)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1)


@dataclass(frozen=True)
class Scores:
    strict: PRF
    relaxed: PRF
    type: PRF
    value: PRF
    type_accuracy: float   # over relaxed matches
    value_accuracy: float  # over relaxed matches


def score(counts: Counts) -> Scores:
    return Scores(
        strict=PRF.of(counts.strict, counts.system, counts.gold),
        relaxed=PRF.of(counts.relaxed, counts.system, counts.gold),
        type=PRF.of(counts.type_ok, counts.system, counts.gold),
        value=PRF.of(counts.value_ok, counts.system, counts.gold),
        type_accuracy=ratio(counts.type_ok, counts.relaxed),
        value_accuracy=ratio(counts.value_ok, counts.relaxed),
    )
