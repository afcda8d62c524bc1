"""The sentence of an analysis that holds a character offset, found in log time.

Checks and exporters ask once per figure, date or event: a scan of every sentence each time makes
them quadratic in the length of the text.
"""

from __future__ import annotations

import bisect
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annales.model import Analysis, Sentence


class SentenceIndex:
    """The sentences of one analysis (in text order, as the backbone gives them), found by offset in
    log time: checks look one up per figure or mention, exporters per date or event."""

    def __init__(self, analysis: Analysis) -> None:
        self.sentences = analysis.sentences
        self.starts = [sentence.start for sentence in self.sentences]
        # The backbone's sentences follow one another without overlap. A list built by hand may not:
        # there the first sentence holding the offset is looked for one by one, as it always was.
        self._ordered = all(a.end <= b.start for a, b in pairwise(self.sentences))

    def number_of(self, offset: int) -> int | None:
        """The index of the sentence holding `offset`, None when it lies between sentences."""
        if not self._ordered:
            return next((i for i, s in enumerate(self.sentences) if s.start <= offset < s.end), None)
        i = bisect.bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.sentences[i].end else None

    def of(self, offset: int) -> Sentence | None:
        i = self.number_of(offset)
        return None if i is None else self.sentences[i]
