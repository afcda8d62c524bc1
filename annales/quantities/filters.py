"""Which candidate figures are not quantities: numbers that name, date or rank rather than count."""

from __future__ import annotations

import re
from functools import cache

from annales.common.index import TokenIndex
from annales.common.resources import alternation, first_column
from annales.common.spans import SpanSet
from annales.common.text import fold as normalise
from annales.model import Analysis
from annales.quantities.lexicon import quantity_lexicon
from annales.quantities.recognise import Candidate

SENTENCE_OPENERS = ".!?:;«\"“—–(\n"
LOOKBACK = 40
# A word-number read as an adjective ("un navire neuf") follows a noun or stands last.
NUMBER_CONTEXT_BEFORE = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PUNCT", "NUM", "ADV", "PRON"})


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = quantity_lexicon(language)
    designated = re.compile(rf"(?<![\w.])(?:{alternation(lex.designators)})(?:{lex.grammar['list']})\s*$",
                            re.IGNORECASE)
    after = re.compile(lex.grammar["after"], re.IGNORECASE)
    return designated, after


@cache
def _calendar(language: str) -> frozenset[str]:
    """Month and weekday names and time units: what a figure counting them is not a quantity of."""
    return frozenset(normalise(word) for name in ("months.tsv", "weekdays.tsv", "time_units.tsv")
                     for word in first_column(language, "common", name))


class Filters:
    def __init__(self, analysis: Analysis) -> None:
        self.text = analysis.text
        self.language = analysis.language
        self.boilerplate = analysis.regions_of("boilerplate")
        # Every timex type: a duration's number belongs to the duration ("trois jours").
        spans = [(t.start, t.end) for t in analysis.timexes]
        spans += [(m.start, m.end) for e in analysis.entities for m in e.mentions]
        self.taken = SpanSet(spans)
        self.calendar = _calendar(analysis.language)

    def temporal(self, word: str | None) -> bool:
        """True for a calendar word: a figure counting months or years is a date or duration the
        time layer did not see ("0 août" in a bad print, "10 000 ans"), not a quantity."""
        return word is not None and normalise(word) in self.calendar

    def keep(self, c: Candidate, tokens: TokenIndex) -> bool:
        if any(r.start <= c.start < r.end for r in self.boilerplate):
            return False
        if self.taken.overlaps(c.start, c.end):
            return False
        designated, _ = _patterns(self.language)
        if not c.words and designated.search(self.text, max(0, c.start - LOOKBACK), c.start):
            return False
        previous = tokens.before(c.start) if tokens.doc is not None else None
        if previous is not None and self.temporal(previous.text):  # "juin 48"
            return False
        if c.words:
            figure = self.text[c.start:c.end]
            if figure[:1].isupper() and self._inside_sentence(c.start):
                return False  # "le Conseil des Cinq-Cents", "les Trois Glorieuses"
            lex = quantity_lexicon(self.language)
            if normalise(figure) in lex.ambiguous and tokens.doc is not None:
                before = tokens.before(c.start)
                after = tokens.after(c.end)
                if not ((before is None or before.pos_ in NUMBER_CONTEXT_BEFORE) and after is not None
                        and after.pos_ in ("NOUN", "ADJ", "ADP")):
                    return False
        return True

    def _inside_sentence(self, start: int) -> bool:
        # The last character before `start` that is no space, found without copying the text before it.
        i = start
        while i > 0 and self.text[i - 1].isspace():
            i -= 1
        return i > 0 and self.text[i - 1] not in SENTENCE_OPENERS

    def approximate_after(self, figure_end: int, described_end: int) -> bool:
        """True when "environ" follows the figure or its counted noun ("200 hommes environ")."""
        _, after = _patterns(self.language)
        return bool(after.match(self.text, figure_end) or after.match(self.text, described_end))
