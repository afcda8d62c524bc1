"""Spans that may nest or overlap, asked whether one of them holds an offset, in log time.

A layer asks once per date or per quotation whether it falls in a quotation or a region: a scan of
every span each time is quadratic in a long text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate


class Cover:
    """The offsets that lie inside at least one of some spans [start, end)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        # The furthest end among the spans that start at or before each one: an offset lies in some
        # span starting at or before it exactly when that furthest end lies beyond it.
        self.reach = list(accumulate((end for _, end in ordered), max))

    def holds(self, offset: int) -> bool:
        """True when some span has start <= offset < end."""
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and self.reach[i] > offset
