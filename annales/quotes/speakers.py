"""From the words that name a speaker to a person entity id, "narrator" or None."""

from __future__ import annotations

import bisect
import re

from annales.model import Analysis
from annales.quotes.lexicon import Lexicon

NARRATOR = "narrator"
CONTEXT_MAX_CHARS = 400  # the same sentence and the one before it, at most
_SENTENCE_END = re.compile(r"[.!?…][»\"”]?\s+|\n\s*\n")


class Speakers:
    def __init__(self, analysis: Analysis, lex: Lexicon) -> None:
        self.text = analysis.text
        self.lex = lex
        mentions = sorted((m.start, m.end, e.id) for e in analysis.entities if e.type == "person"
                          for m in e.mentions)
        self.mentions = mentions
        self.mention_starts = [m[0] for m in mentions]

    def person_in(self, start: int, end: int) -> str | None:
        """The person entity whose mention overlaps [start, end); the first one when several do."""
        i = bisect.bisect_left(self.mention_starts, start)
        # A mention that began before `start` may still overlap it. Indexed, not sliced: a slice
        # would copy every later mention at each question.
        for k in range(max(i - 1, 0), len(self.mentions)):
            m_start, m_end, entity = self.mentions[k]
            if m_start >= end:
                break
            if m_end > start:
                return entity
        return None

    def _previous_person(self, before: int, skip: tuple[int, int]) -> str | None:
        """The one person named in this sentence or the previous one before `before`, if only one is."""
        # Counted from the quote when the cue follows it ("« … », dit-il"): the context is before
        # the quote. Sentences are read from punctuation: the parser splits dialogue too finely.
        anchor = min(before, skip[0])
        begin = max(0, anchor - CONTEXT_MAX_CHARS)
        ends = [m.end() for m in _SENTENCE_END.finditer(self.text, begin, anchor)]
        window = ends[-2] if len(ends) >= 2 else begin
        i = bisect.bisect_left(self.mention_starts, window)
        j = bisect.bisect_left(self.mention_starts, before)
        named = {entity for s, e, entity in self.mentions[i:j] if not (skip[0] <= s and e <= skip[1])}
        return named.pop() if len(named) == 1 else None

    def resolve(self, subject: tuple[int, int] | None, quote: tuple[int, int]) -> str | None:
        if subject is None:
            return None
        person = self.lex.person_of(self.text[subject[0]:subject[1]])
        if person == "first":
            return NARRATOR
        if person == "third":
            # The quote's own words are not the context: a name inside it is not who says it.
            return self._previous_person(subject[0], quote)
        if person is not None:
            return None
        return self.person_in(*subject)
