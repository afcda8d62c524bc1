"""From character offsets to the parse's tokens, and to what the layers found there.

Layers keep character offsets; the parse keeps tokens. These indexes go from one to the other
by bisection, without a loop over the document per question.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Any, TypeVar

from annales.common.parse import token_range

T = TypeVar("T")


class TokenIndex:
    """Character offset → token of a spaCy Doc."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.starts = doc.to_array("IDX").tolist() if doc is not None and len(doc) else []

    def at_or_after(self, offset: int) -> int:
        return bisect_left(self.starts, offset)

    def before(self, offset: int) -> Any | None:
        i = bisect_left(self.starts, offset) - 1
        return self.doc[i] if i >= 0 else None

    def after(self, offset: int) -> Any | None:
        i = bisect_left(self.starts, offset)
        return self.doc[i] if i < len(self.starts) else None


def by_token(doc: Any, items: Iterable[tuple[T, int, int]]) -> dict[int, T]:
    """Token index → the first item (value, start, end) whose span covers that token."""
    out: dict[int, T] = {}
    for value, start, end in items:
        tokens = token_range(doc, start, end)
        if tokens is None:
            continue
        for k in range(*tokens):
            out.setdefault(k, value)
    return out
