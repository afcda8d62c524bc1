"""What a figure counts or measures, read from the words after it in the spaCy parse.

Counts and measures are kept apart: "4 canons" counts canons; in "203 mm" the figure is a measure
in the unit "mm". After a mass, volume or money unit, "de" + noun names what is measured
("3 000 tonnes d'obus": unit "t", counted "obus"); after a length it usually names a place
("à 3 km du village"), so it is left alone. `counted` is the noun as written, lower-cased.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from annales.common.index import TokenIndex
from annales.common.text import fold as normalise
from annales.quantities.lexicon import quantity_lexicon

WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*|[%$€°]")
NOUNS = frozenset({"NOUN", "PROPN"})
MEASURED_AFTER = frozenset({"mass", "volume", "money"})  # dimensions whose "de" + noun is what is measured
LOOKAHEAD_TOKENS = 6


@dataclass(frozen=True)
class Description:
    counted: str | None
    unit: str | None
    end: int  # end of the last word read (the counted noun or the unit)


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    g = quantity_lexicon(language).grammar
    return re.compile(g["skip"], re.IGNORECASE), re.compile(g["bare-of"], re.IGNORECASE)


def _unit_at(text: str, offset: int, language: str) -> tuple[str, str, int] | None:
    """The unit written at `offset`, two words before one ("milles marins" before "milles")."""
    units = quantity_lexicon(language).units
    first = WORD.match(text, offset)
    if not first:
        return None
    second = WORD.match(text, first.end() + 1) if text[first.end():first.end() + 1] == " " else None
    if second and normalise(text[offset:second.end()]) in units:
        unit = units[normalise(text[offset:second.end()])]
        return unit.symbol, unit.dimension, second.end()
    if normalise(first.group()) in units:
        unit = units[normalise(first.group())]
        return unit.symbol, unit.dimension, first.end()
    return None


def describe(text: str, end: int, tokens: TokenIndex, language: str = "fr", *, counts: bool = True) -> Description:
    """The unit and counted noun after a figure ending at `end`."""
    lex = quantity_lexicon(language)
    skip, bare_of = _patterns(language)
    unit = dimension = None
    last = end
    gap = text[end:end + 1]
    if gap and not gap.isspace() and gap not in "%$€°":
        if (glued := _unit_at(text, end, language)) is None:  # "203mm" is a measure; "15e" never gets here
            return Description(None, None, end)
        unit, dimension, last = glued
    elif (spaced := _unit_at(text, end + len(text[end:]) - len(text[end:].lstrip()), language)) is not None:
        unit, dimension, last = spaced
    if tokens.doc is None:
        return Description(None, unit, last)
    i = tokens.at_or_after(last)
    after_of = False
    for token in tokens.doc[i:i + LOOKAHEAD_TOKENS]:
        if token.idx < last:
            continue
        surface = token.text
        if skip.fullmatch(surface):
            if unit and not bare_of.fullmatch(surface):
                break
            after_of = True
            continue
        match = WORD.match(text, token.idx)
        word = match.group() if match else surface
        key = normalise(word)
        if key in lex.collectives:  # "des dizaines de milliers de réfugiés"
            continue
        if unit:
            if dimension in MEASURED_AFTER and after_of and token.pos_ == "NOUN":
                return Description(word.lower(), unit, token.idx + len(word))
            if token.pos_ == "ADJ" and not after_of:  # "20 km carrés" is read as a unit already
                continue
            break
        if not counts:
            break
        if key in lex.hints or token.pos_ in NOUNS:
            return Description(word.lower(), None, token.idx + len(word))
        if token.pos_ in ("ADJ", "NUM") and not after_of:
            following = token.nbor(1) if token.i + 1 < len(tokens.doc) else None
            if following is not None and following.pos_ in NOUNS:  # "trois grands navires"
                continue
            if token.pos_ == "ADJ":  # an adjective used as a noun: "400 partisans armés"
                return Description(word.lower(), None, token.idx + len(word))
        break
    return Description(None, unit, last)
