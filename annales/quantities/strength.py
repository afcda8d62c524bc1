"""Whose strength a figure is: the military unit it is given for.

Two shapes link a figure to a unit entity: a figure in parentheses right after a mention of the
unit ("la 6e force spéciale (1122 hommes)"), and a counted noun followed by "du"/"de la" + a
mention of the unit ("les 800 hommes du 3e bataillon").
"""

from __future__ import annotations

import re
from functools import cache

from annales.common.resources import first_column
from annales.common.text import fold
from annales.model import Analysis
from annales.quantities.lexicon import quantity_lexicon

UNIT_TYPES = frozenset({"unit"})
LOOKBACK = 12  # characters between a mention's end and the opening parenthesis, at most


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    g = quantity_lexicon(language).grammar
    return re.compile("(?:" + g["paren"] + ")$"), re.compile(g["of"], re.IGNORECASE)


@cache
def _subunit_nouns(language: str) -> frozenset[str]:
    nouns = [fold(noun) for noun in first_column(language, "common", "unit_nouns.tsv")]
    return frozenset(list(nouns) + [n + "s" for n in nouns] + [n + "x" for n in nouns])


class StrengthLinker:
    def __init__(self, analysis: Analysis) -> None:
        self.text = analysis.text
        self.language = analysis.language
        self.ends: dict[int, str] = {}
        self.starts: dict[int, str] = {}
        for entity in analysis.entities:
            if entity.type in UNIT_TYPES:
                for mention in entity.mentions:
                    self.ends.setdefault(mention.end, entity.id)
                    self.starts.setdefault(mention.start, entity.id)

    def link(self, start: int, counted_end: int | None, counted: str | None = None) -> str | None:
        if not self.ends:
            return None
        paren, of = _patterns(self.language)
        window = self.text[max(0, start - LOOKBACK):start]
        if (m := paren.search(window)) is not None:
            before = self.text[:start - len(window) + m.start()].rstrip()
            if len(before) in self.ends:
                return self.ends[len(before)]
        if counted_end is not None and (m := of.match(self.text, counted_end)) is not None:
            if counted and self._is_subunit(counted):
                return None  # "deux compagnies du 2e bataillon" are part of it, not its strength
            return self.starts.get(m.end())
        return None

    def _is_subunit(self, counted: str) -> bool:
        return counted.lower() in _subunit_nouns(self.language)
