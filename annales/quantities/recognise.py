"""Finding figures in text: one compiled regex over the whole text, then a value for each match.

The pattern is built once per language from the tables in `lexicon.py`; named groups carry the
meaning the engine reads: `mod` (an approximation or bound before the figure), `vague` + `vcoll`
("plusieurs milliers"), `digits` or `words`, `mult` (a multiplier after digits, "2 millions"),
`coll` ("une centaine", "deux milliers"), `pct` (a percent sign or words),
`frac` with its determiner `fdet` and count `fnum` ("les deux tiers"). Digits glued by a typo to
a word ("pas800") are a second small pattern, `glued`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from text_to_num import text2num

from annales.common.first_chars import with_lookahead
from annales.common.resources import alternation
from annales.common.text import fold as normalise
from annales.quantities.lexicon import quantity_lexicon

# Digits: French groups (normal, no-break or narrow no-break space), English commas, dotted
# thousands, then plain integers and decimals. A group of exactly three digits after a comma is a
# thousands separator ("80,000"); any other length is a decimal ("1,50").
SPACE = "[ \u00a0\u202f]"
DIGITS = (rf"\d{{1,3}}(?:,{SPACE}\d{{3}})*,{SPACE}000(?!\d)"  # "263, 000": a comma and a space, as in old prints
          rf"|\d{{1,3}}(?:{SPACE}\d{{3}})+(?!\d)"
          r"|\d{1,3}(?:,\d{3})+(?![\d,])"
          r"|\d{1,3}(?:\.\d{3})+(?![\d.])"
          r"|\d+(?:,\d+)?(?!\d)")
# Before digits: no letter, digit, hyphen or date/time separator ("BB-46", "M4", "12/03", "8:30").
# The one exception is a figure glued by a typo to a lowercase word ("pas800").
DIGITS_BEFORE = r"(?<![\w.,/:°\-])"
GLUED_BEFORE = r"(?<=[a-zà-öø-ÿ]{2})"
# After digits: no letter (ordinals "15e", "2nd", "1er") and no date separator.
DIGITS_AFTER = r"(?![^\W\d_]|[/°\-]\d)"
WORD_END = r"(?![\w'’\-])"


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int  # end of the figure (with its percent sign, collective or fraction word)
    value: float | int | None
    approx: bool
    comparator: str | None
    unit: str | None  # "%" or "fraction" when the figure itself says so
    words: bool  # written in words
    article_only: bool  # just "un"/"une": kept only before a unit of measure
    bare_year: bool  # four plain digits: kept only when they count or measure something


def _fill(template: str, **parts: str) -> str:
    for name, value in parts.items():
        template = template.replace("{" + name + "}", value)
    return template


def _trie(words: list[str]) -> str:
    """`alternation`, behind a lookahead for its words' first letters: the engine tries a trie's
    branches one by one when case is folded, and most words of a text begin none of them."""
    return with_lookahead(alternation(words), re.IGNORECASE)


@cache
def pattern_for(language: str) -> re.Pattern[str]:
    lex = quantity_lexicon(language)
    g = lex.grammar
    atom = _trie(lex.number_words) + r"(?![\w'’])"
    words = rf"{atom}(?:(?:{g['joint']}|\s*-\s*|\s+){atom})*{WORD_END}"
    coll = _trie(list(lex.collectives)) + WORD_END
    mult = _trie(list(lex.multipliers)) + WORD_END
    percent = _trie(lex.fraction_words("percent"))
    frac = _trie(lex.fraction_words("fraction")) + WORD_END
    mod = (rf"(?:(?<![\w'’])(?P<mod>{_trie(lex.approx_with_de)})(?:{g['de']})"
           rf"|(?<![\w'’])(?P<modb>{_trie(lex.approx_bare)})\s+)")
    glued_unit = _trie([u for u in lex.units if " " not in u]) + r"(?!\w)"  # "75mm"
    number = (rf"(?:{DIGITS_BEFORE}(?P<digits>{DIGITS})(?:(?={glued_unit})|{DIGITS_AFTER})"
              rf"|(?<![\w'’\-])(?P<words>{words}))")
    # Every figure starts a word; the leading \b lets the engine skip the inside of words at once.
    source = _fill(
        r"\b{mod}?(?:"
        r"(?<![\w'’])(?P<vague>{vague})\s+(?P<vcoll>{coll})"
        r"|(?:(?<![\w'’])(?P<fdet>{det}))?(?:(?P<fnum>{words}|\d+)\s+)?(?P<frac>{frac})"
        r"|{number}(?:\s+(?P<mult>{mult}))?(?:\s+(?P<coll>{coll}))?(?:\s*(?P<pct>{percent})(?!\w))?"
        r")",
        mod=mod, vague=_trie(lex.vague), coll=coll, det=g["determiner"], words=words, frac=frac,
        number=number, mult=mult, percent=percent,
    )
    # Behind a lookahead for its first characters: scanned without trying the whole pattern at every position.
    return re.compile(with_lookahead(source, re.IGNORECASE), re.IGNORECASE)


@cache
def glued_pattern() -> re.Pattern[str]:
    """Digits glued by a typo to the end of a lowercase word ("pas800")."""
    return re.compile(rf"{GLUED_BEFORE}(?P<glued>\d+)(?!\w)")


def _matches(text: str, language: str) -> Iterator[re.Match[str]]:
    main = pattern_for(language).finditer(text)
    if not any(ch.isdigit() for ch in text):
        yield from main
        return
    glued = list(glued_pattern().finditer(text))
    if not glued:
        yield from main
        return
    yield from sorted([*main, *glued], key=lambda m: m.start())


# More digits than a double holds exactly: no count or measure, but a serial number or noise. JSON
# readers could not hold its value, and past 4 300 digits Python refuses to read it at all.
MAX_DIGITS = 15


_GROUP_SPACE = re.compile(f",?{SPACE}")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+")
_GROUP_MARK = re.compile(r"[.,]")


def parse_digits(text: str) -> int | float | None:
    """The value of a figure written in digits; None for a run of more than MAX_DIGITS digits."""
    if len(text) > MAX_DIGITS and sum(ch.isdigit() for ch in text) > MAX_DIGITS:
        return None
    compact = _GROUP_SPACE.sub("", text)
    if _GROUPED.fullmatch(compact):  # thousands in groups of three, after commas or dots
        return int(_GROUP_MARK.sub("", compact))
    if "," in compact:
        return float(compact.replace(",", "."))
    return int(compact)


def parse_words(text: str, language: str) -> int | None:
    try:
        return text2num(normalise(text), language)
    except ValueError:
        return None


def _words_prefixes(text: str, language: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, value) of the longest readable runs in a run of number words that text2num
    refuses as a whole ("deux et trois", "cinq six")."""
    spans = [m.span() for m in re.finditer(r"[^\s\-]+", text)]
    i = 0
    while i < len(spans):
        for j in range(len(spans), i, -1):
            value = parse_words(text[spans[i][0]:spans[j - 1][1]], language)
            if value is not None:
                yield spans[i][0], spans[j - 1][1], value
                i = j
                break
        else:
            i += 1


def _round(value: float) -> float | int:
    value = round(value, 4)
    return int(value) if value == int(value) else value


def find_candidates(text: str, language: str = "fr") -> Iterator[Candidate]:
    lex = quantity_lexicon(language)
    for m in _matches(text, language):
        group = m.groupdict().get
        comparator = None
        if group("mod") or group("modb"):
            comparator = lex.comparators.get(normalise(group("mod") or group("modb")))
        approx = comparator is not None
        if group("vague"):
            yield Candidate(m.start(), m.end(), None, True, comparator, None, True, False, False)
            continue
        if group("frac"):
            if not (group("fdet") or group("fnum") or comparator):
                continue  # a bare "quart" is a watch or a quarter-hour, not a share
            fraction = lex.fractions[normalise(group("frac"))]
            count: int | float | None = 1
            if group("fnum"):
                fnum = group("fnum")
                count = parse_digits(fnum) if fnum[0].isdigit() else parse_words(fnum, language)
            if count is None:
                continue
            yield Candidate(m.start(), m.end(), _round(count * fraction.value), approx, comparator, "fraction",
                            True, False, False)
            continue
        unit = "%" if group("pct") else None
        if group("words"):
            raw = group("words")
            value = parse_words(raw, language)
            if value is None:
                # Not one number: emit each readable run on its own.
                offset = m.start("words")
                for i, (s, e, v) in enumerate(_words_prefixes(raw, language)):
                    single = normalise(raw[s:e]) in lex.articles
                    yield Candidate(m.start() if i == 0 else offset + s, offset + e, v, approx if i == 0 else False,
                                    comparator if i == 0 else None, None, True, single, False)
                continue
            article_only = normalise(raw) in lex.articles and not (group("coll") or group("pct"))
            written_in_words = True
            bare_year = False
        else:
            raw = group("digits") or group("glued")
            value = parse_digits(raw)
            if value is None:
                continue
            written_in_words = article_only = False
            # Four plain digits are a year more often than a count, OCR'd years too ("4870" for 1870).
            bare_year = bool(re.fullmatch(r"\d{4}", raw)) and not (group("mult") or group("pct"))
            if group("mult"):
                value = _round(value * lex.multipliers[normalise(group("mult"))])
        if group("coll"):
            collective = lex.collectives[normalise(group("coll"))]
            value = _round(value * collective.value)
            if collective.approximate:
                approx = True
                comparator = comparator or "about"
        yield Candidate(m.start(), m.end(), value, approx, comparator, unit, written_in_words, article_only,
                        bare_year)
