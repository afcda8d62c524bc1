"""Sets of character spans: merged, and asked whether they cover an offset or a span."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans made one, sorted by start."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


class SpanSet:
    """A set of spans, merged once, asked many times in O(log n)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = merge_spans(spans)
        self._starts = [start for start, _ in self.spans]

    def __bool__(self) -> bool:
        return bool(self.spans)

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) shares a character with a span."""
        i = bisect_right(self._starts, start) - 1
        for s, e in self.spans[max(0, i):i + 2]:
            if s < end and start < e:
                return True
        return False

    def contains(self, start: int, end: int) -> bool:
        """True when [start, end) lies inside one span."""
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and end <= self.spans[i][1]

    def containing(self, start: int, end: int) -> tuple[int, int] | None:
        i = bisect_right(self._starts, start) - 1
        if i >= 0 and end <= self.spans[i][1]:
            return self.spans[i]
        return None
