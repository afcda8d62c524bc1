"""HIPE named-entity scoring: pure functions on token-level spans and IOB tags.

Nothing here reads files or runs spaCy, so the arithmetic is testable on hand-made spans.
Spans are counted over all documents (micro-average), per coarse type and overall.

Definitions follow the HIPE-2020 / HIPE-2022 shared tasks (Ehrmann et al., 2020, 2022), whose
official scorer is derived from `nervaluate`:
- strict: a system entity is correct when its boundaries and its type are those of a gold entity;
- fuzzy: a system entity is correct when it overlaps a gold entity of the same type.
Matches are one-to-one (a gold entity is credited at most once; for fuzzy, pairs are taken
greedily by largest overlap), so P = correct / system, R = correct / gold for each type; a
right span with a wrong type is a false positive of the system type and a miss of the gold type.
The official scorer may credit one gold entity split in two system entities twice under fuzzy;
we do not, so our fuzzy figures can be a little lower on such splits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class TokenSpan:
    """An entity over tokens `start` (inclusive) to `end` (exclusive) of one document."""

    start: int
    end: int
    type: str


@dataclass(frozen=True)
class CharSpan:
    """An entity over characters `start` to `end` (exclusive) of the document text."""

    start: int
    end: int
    type: str


# ---------------------------------------------------------------------------------------------
# IOB <-> spans


def spans_from_iob(tags: Sequence[str]) -> list[TokenSpan]:
    """Entities of a column of IOB tags (`B-x`, `I-x`, `O`, `_`).

    An `I-x` that does not continue an entity of type x starts one (the conlleval convention),
    so a badly formed file loses no entity.
    """
    spans: list[TokenSpan] = []
    start, kind = -1, ""
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, name = tag.partition("-")
        if prefix == "I" and kind == name and start >= 0:
            continue
        if start >= 0:
            spans.append(TokenSpan(start, i, kind))
            start, kind = -1, ""
        if prefix in ("B", "I") and name:
            start, kind = i, name
    return spans


def iob_from_spans(spans: Iterable[TokenSpan], n_tokens: int) -> list[str]:
    """IOB tags of `n_tokens` tokens. Overlapping spans: the earlier (then longer) one wins."""
    tags = ["O"] * n_tokens
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start), s.type)):
        positions = [i for i in range(max(0, span.start), min(span.end, n_tokens)) if tags[i] == "O"]
        if not positions:
            continue
        # Only a contiguous run from the first free token: a span cut by another stays one entity.
        run = [positions[0]]
        for i in positions[1:]:
            if i != run[-1] + 1:
                break
            run.append(i)
        tags[run[0]] = f"B-{span.type}"
        for i in run[1:]:
            tags[i] = f"I-{span.type}"
    return tags


def token_spans_from_chars(spans: Iterable[CharSpan], offsets: Sequence[tuple[int, int]]) -> list[TokenSpan]:
    """Token spans of character spans: a token is in the entity when it overlaps it.

    `offsets` are the (start, end) character offsets of the tokens, in order. A span that
    overlaps no token (whitespace only) is dropped.
    """
    result = []
    for span in spans:
        inside = [i for i, (s, e) in enumerate(offsets) if s < span.end and span.start < e]
        if inside:
            result.append(TokenSpan(inside[0], inside[-1] + 1, span.type))
    return result


# ---------------------------------------------------------------------------------------------
# Matching and counting


def overlap(a: TokenSpan, b: TokenSpan) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match_strict(gold: Sequence[TokenSpan], system: Sequence[TokenSpan]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, system index) with identical boundaries and type."""
    free: dict[TokenSpan, list[int]] = {}
    for si, s in enumerate(system):
        free.setdefault(s, []).append(si)
    pairs = []
    for gi, g in enumerate(gold):
        candidates = free.get(g)
        if candidates:
            pairs.append((gi, candidates.pop(0)))
    return pairs


def match_fuzzy(gold: Sequence[TokenSpan], system: Sequence[TokenSpan]) -> list[tuple[int, int]]:
    """One-to-one pairs of overlapping spans of the same type, greedily by largest overlap."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            shared = overlap(g, s)
            if shared and g.type == s.type:
                spread = abs(g.start - s.start) + abs(g.end - s.end)
                candidates.append((-shared, spread, gi, si))
    candidates.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _shared, _spread, gi, si in candidates:
        if gi not in used_gold and si not in used_system:
            used_gold.add(gi)
            used_system.add(si)
            pairs.append((gi, si))
    return sorted(pairs)


@dataclass
class TypeCounts:
    gold: int = 0
    system: int = 0
    strict: int = 0  # correct under the strict definition
    fuzzy: int = 0

    def add(self, other: TypeCounts) -> None:
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.fuzzy += other.fuzzy


@dataclass
class Counts:
    by_type: dict[str, TypeCounts] = field(default_factory=dict)

    def tally(self, name: str) -> TypeCounts:
        return self.by_type.setdefault(name, TypeCounts())

    @property
    def overall(self) -> TypeCounts:
        total = TypeCounts()
        for tally in self.by_type.values():
            total.add(tally)
        return total

    def add(self, other: Counts) -> None:
        for name, tally in other.by_type.items():
            self.tally(name).add(tally)


def count(gold: Sequence[TokenSpan], system: Sequence[TokenSpan]) -> Counts:
    """Counts of one document."""
    counts = Counts()
    for g in gold:
        counts.tally(g.type).gold += 1
    for s in system:
        counts.tally(s.type).system += 1
    for _gi, si in match_strict(gold, system):
        counts.tally(system[si].type).strict += 1
    for _gi, si in match_fuzzy(gold, system):
        counts.tally(system[si].type).fuzzy += 1
    return counts


def total(counts: Iterable[Counts]) -> Counts:
    result = Counts()
    for c in counts:
        result.add(c)
    return result


# ---------------------------------------------------------------------------------------------
# Scores


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def prf(correct: int, gold: int, system: int) -> PRF:
    """P, R and F1; 0.0 (never a division error) when there is nothing to divide by."""
    p, r = ratio(correct, system), ratio(correct, gold)
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def strict(tally: TypeCounts) -> PRF:
    return prf(tally.strict, tally.gold, tally.system)


def fuzzy(tally: TypeCounts) -> PRF:
    return prf(tally.fuzzy, tally.gold, tally.system)
