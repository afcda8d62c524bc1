"""Questions to spaCy's parse that spaCy answers by walking the sentence, answered without the walk.

`span.root` measures each candidate token's path to the sentence's root, and `token.sent` walks from
the token to both ends of its sentence. Both are cheap in a sentence of twenty words and cost the
whole sentence in one of twenty thousand (a register of dates, a list with no full stop); asked once
per date or per event, they make a layer quadratic in the sentence's length.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any


def span_root(span: Any) -> Any:
    """`span.root`, without its walk up to the sentence's root when the span is a subtree.

    spaCy measures each token's path to the root to pick the highest; in a sentence of thousands of
    dates hung one on another that path is thousands long. A span with a single token governed from
    outside it, as a date is, has that token for root whatever the paths.
    """
    outside = []
    for token in span:
        if token.head.i == token.i:
            return token  # the sentence's root, as spaCy takes it first
        if not span.start <= token.head.i < span.end:
            outside.append(token)
    return outside[0] if len(outside) == 1 else span.root


class TokenSentences:
    """The sentence of any token of a Doc, the one `token.sent` gives, found by bisection.

    The sentence starts are read once, in one pass over the Doc; spaCy's `token.sent` rereads the
    sentence around the token at every question.
    """

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self._starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        # Read on first use: a layer that never asks (quotes, when no quotation follows a colon) pays nothing.
        if self._starts is None:
            self._starts = [sentence.start for sentence in self.doc.sents]
        return self._starts

    def bounds(self, i: int) -> tuple[int, int]:
        """(first token, token after the last) of the sentence of token `i`."""
        starts = self.starts
        k = bisect_right(starts, i) - 1
        return starts[k], starts[k + 1] if k + 1 < len(starts) else len(self.doc)

    def of(self, i: int) -> Any:
        """The sentence of token `i`, as a spaCy Span."""
        start, end = self.bounds(i)
        return self.doc[start:end]
