"""Layout regions read from line shape alone: headings, bylines, pull-quotes, lists."""

from __future__ import annotations

import re
from functools import cache

from annales.common.resources import MULTILINGUAL, column_values, load_rows
from annales.common.resources import literal_alternation as alternation
from annales.ingest.bylines import match_byline
from annales.ingest.lines import Block, Line

NAMES_FILE = "names.tsv"

BYLINE_SEARCH_LINES = 10  # a byline sits near the top of a page

HEADING_MAX_CHARS = 90
HEADING_MAX_WORDS = 12
# A trailing ellipsis ends a sentence, except on a very short teaser title set apart with a
# space ("Une victoire …"); a word glued to it ("c'est eux…") is speech trailing off.
HEADING_ELLIPSIS_MAX_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?;:,»\"”)]$")
_TEASER_END = re.compile(r"\s(?:…|\.\.\.)$")
_ELLIPSIS_END = re.compile(r"(?:…|\.\.\.)$")
_HEADING_START = re.compile(r"^[\w«\"“'’(…]")

QUOTE_MIN_CHARS = 15
QUOTE_MAX_CHARS = 320  # a pull-quote is displayed, so short; longer lines are narrative
# Under a bare name, with no rank, dash or quote marks, only a very short line passes: a
# paragraph followed by a section titled with a name must stay narrative.
BARE_QUOTE_MAX_CHARS = 160
_QUOTE_END = re.compile(r"[.!?…»\"”]$")
_QUOTE_START = re.compile(r"^[«\"“]")
ATTRIBUTION_MAX_CHARS = 60
ROLE_MAX_CHARS = 60  # "— Jeanne Dupont, maire de la commune": the role after the comma
FUNCTION_WORDS_FILE = "function_words.tsv"

LIST_MIN_ITEMS = 3
LIST_MIN_MARKED = 2
LIST_ITEM_MAX_CHARS = 100
LIST_ITEM_MAX_WORDS = 16
# A line that is followed by one this long introduces a paragraph: a heading, not a list item.
PARAGRAPH_MIN_CHARS = 150
_ITEM_MARK = re.compile(r"^(?:[-–—•*·▪◦►]\s*|\d+(?:[.,]\d+)?\s|\d+[.)]\s|[a-z][.)]\s|[IVXLC]+[.)]\s)")
_ITEM_BAD_END = re.compile(r"[!?:]$")


def is_byline(line: Line, language: str) -> bool:
    return match_byline(line.text, language) is not None


def byline_lines(lines: list[Line], language: str) -> list[Line]:
    return [line for line in lines[:BYLINE_SEARCH_LINES] if is_byline(line, language)]


def is_heading_text(text: str) -> bool:
    words = text.split()
    if not words or len(text) > HEADING_MAX_CHARS or len(words) > HEADING_MAX_WORDS:
        return False
    if not _HEADING_START.match(text) or text[0].islower() or not any(c.isalpha() for c in text):
        return False
    if _ELLIPSIS_END.search(text):
        return (bool(_TEASER_END.search(text)) and "," not in text
                and len(words) <= HEADING_ELLIPSIS_MAX_WORDS + 1)
    return not _SENTENCE_END.search(text)


def heading_blocks(blocks: list[Block], taken: set[int]) -> list[int]:
    """Indexes of blocks that are headings: short standalone lines that are not sentences.

    The last block is never a heading: a heading stands above something.
    """
    return [i for i, block in enumerate(blocks[:-1])
            if i not in taken and block.single_line and is_heading_text(block.text)]


@cache
def _attribution(language: str) -> re.Pattern[str]:
    ranks = alternation([row[0] for row in column_values(language, "ingest", NAMES_FILE, "rank", 2)])
    particles = alternation([row[0] for row in column_values(language, "ingest", NAMES_FILE, "particle", 2)])
    token = r"[A-ZÀ-Þ](?:[\w'’-]*\w|\.)?"
    return re.compile(
        r"^(?P<dash>[—–-]\s*)?"
        rf"(?:(?P<rank>(?i:{ranks}))\s+)?"
        rf"(?P<name>{token}(?:\s+(?:(?:{particles})\s*)?{token}){{0,3}})"
        rf"(?:,\s*(?P<role>[^.!?]{{1,{ROLE_MAX_CHARS}}}))?$")


@cache
def _section_words(language: str) -> frozenset[str]:
    return frozenset(row[0].lower() for row in column_values(language, "ingest", NAMES_FILE, "section", 2))


@cache
def _common_words() -> frozenset[str]:
    """Capitalised function words ("Le Jour J") are not names, in any language we know."""
    rows = load_rows(MULTILINGUAL, "ingest", FUNCTION_WORDS_FILE, 2)
    return frozenset(w for _lang, words in rows for w in words.split())


def attribution_strength(text: str, language: str) -> str | None:
    """"marked" for a name with a rank, title or dash ("Colonel Jean Dupont", "— Marie Curie,
    chimiste"), "bare" for a plain name of two to four words ("Marie Curie"), else None."""
    match = _attribution(language).match(text)
    if not match or len(match.group("name")) > ATTRIBUTION_MAX_CHARS:
        return None
    if match.group("role") and not match.group("dash"):
        return None  # "Paris, Lyon" is not an attribution; a dash announces one
    names = match.group("name").split()
    if any(name.lower() in _common_words() for name in names) or names[0].lower() in _section_words(language):
        return None  # "CHAPITRE II" under the last paragraph of a chapter is the next one's heading
    if match.group("rank") or match.group("dash"):
        return "marked"
    return "bare" if 2 <= len(names) <= 4 else None


def is_quote_text(text: str, attribution: str) -> bool:
    quoted = bool(_QUOTE_START.match(text))
    longest = QUOTE_MAX_CHARS if attribution == "marked" or quoted else BARE_QUOTE_MAX_CHARS
    if not QUOTE_MIN_CHARS <= len(text) <= longest or _ITEM_MARK.match(text):
        return False
    return bool(_QUOTE_END.search(text) or quoted)


def quote_blocks(blocks: list[Block], taken: set[int], language: str) -> list[tuple[int, int]]:
    """(quote, attribution) block index pairs: a displayed quotation, then who said it."""
    out = []
    i = 0
    while i < len(blocks) - 1:
        quote, who = blocks[i], blocks[i + 1]
        strength = attribution_strength(who.text, language) if who.single_line else None
        if (i not in taken and i + 1 not in taken and quote.single_line and strength
                and is_quote_text(quote.text, strength)):
            out.append((i, i + 1))
            i += 2
        else:
            i += 1
    return out


def _short_item(text: str) -> bool:
    return len(text) <= LIST_ITEM_MAX_CHARS and len(text.split()) <= LIST_ITEM_MAX_WORDS


def _marked_item(text: str) -> bool:
    return _short_item(text) and bool(_ITEM_MARK.match(text)) and not _ITEM_BAD_END.search(text)


def _plain_item(lines: list[Line], i: int) -> bool:
    """An unmarked short line continuing a list, unless it introduces the next paragraph."""
    text = lines[i].text
    if not _short_item(text) or _SENTENCE_END.search(text):
        return False
    return i + 1 >= len(lines) or len(lines[i + 1].text) < PARAGRAPH_MIN_CHARS


def list_runs(lines: list[Line], taken: set[int]) -> list[tuple[int, int]]:
    """(first, last) line indexes of runs of list items.

    A run starts with marked items (bullets, numbers, quantities) and may go on with short
    unmarked items; the line above a run is its title, so it is never part of the run.
    """
    out = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and j not in taken and _marked_item(lines[j].text):
            j += 1
        marked = j - i
        while marked and j < len(lines) and j not in taken and _plain_item(lines, j):
            j += 1
        if marked >= LIST_MIN_MARKED and j - i >= LIST_MIN_ITEMS:
            out.append((i, j - 1))
            i = j
        else:
            i = max(j, i + 1)
    return out
