"""Where quotations are in a text: « », “ ” and paired straight quotes.

Every layer asks here, so all agree on what is quoted: only the outermost pair counts (a quote
inside a quote is part of what the outer speaker says), and an unclosed mark runs to the end of
its paragraph (the convention for a quotation that goes on over several paragraphs), unless all
it holds of its own marks is closed pairs: « a « b » c, never closed, is a stray mark before the
quotation « b ». Straight
quotes carry no direction, so they are paired from the characters around them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Generic, TypeVar

# Spaces that may pad the inside of « » in French typesetting (ordinary, no-break, thin).
PADDING = " \t\n\u00a0\u202f\u2009"
MARKS = "«»“”\""
# A straight quote opens after a space or an opening sign and before a word; it closes after
# a word and before a space or punctuation. After a digit it is an inch mark (a 12" gun).
_STRAIGHT = re.compile(
    r"(?P<open>(?:(?<=^)|(?<=[\s(\[«—–:/]))\"(?=[^\s\"]))"
    r"|(?P<inch>(?<=\d)\")"
    r"|(?P<close>(?<=[^\s\"])\"(?=[\s.,;:!?)\]»…—–]|$))",
    re.MULTILINE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Quoted:
    """One quotation: `outer` covers its marks, `start`/`end` only the quoted words."""

    outer_start: int
    outer_end: int
    start: int
    end: int
    closed: bool


OPENING = {"«": "»", "“": "”"}
T = TypeVar("T")


class _LastText(Generic[T]):
    """The answer for the last text asked about. Several layers of one analysis ask about the same
    text (the time layer, the quotes layer, the events' speakers): the text is read once. Strings are
    immutable, so an equal text has the same answer; the text is usually the very same object, which
    makes the comparison immediate. Text and answer are kept in one tuple, replaced at once: a
    thread never reads one text's answer for another."""

    def __init__(self) -> None:
        self._last: tuple[str, T] | None = None

    def get(self, text: str) -> T | None:
        last = self._last
        if last is None or not (text is last[0] or text == last[0]):
            return None
        return last[1]

    def remember(self, text: str, value: T) -> T:
        self._last = (text, value)
        return value


_spans_cache: _LastText[tuple[tuple[int, int], ...]] = _LastText()
_quoted_cache: _LastText[tuple[Quoted, ...]] = _LastText()


# The only characters `quote_spans` acts on: a mark, or the first newline of a paragraph break.
# The regex skips the rest of the text in C; a loop in Python read it a character at a time.
_SIGNIFICANT = re.compile("[«»“”]|\n(?=\n)")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside « » and “ ” (nesting allowed); unclosed quotes run to the end of their paragraph."""
    cached = _spans_cache.get(text)
    if cached is None:
        cached = _spans_cache.remember(text, tuple(_quote_spans(text)))
    return list(cached)  # a copy: the caller may extend or sort it


def _quote_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    # The pairs of the outermost mark's own kind closed right inside it: if it never closes, it was a
    # stray mark (OCR makes them of stains and letters), and those pairs are the quotations.
    inner: list[tuple[int, int]] = []

    def flush(end: int) -> None:
        if len(stack) == 1 and inner:
            spans.extend(inner)
        else:
            spans.append((stack[0][1], end))
        stack.clear()
        inner.clear()

    for match in _SIGNIFICANT.finditer(text):
        i, ch = match.start(), match.group()
        if ch in OPENING:
            stack.append((OPENING[ch], i))
        elif stack and ch == stack[-1][0]:
            _, start = stack.pop()
            if not stack:
                spans.append((start, i + 1))
                inner.clear()
            elif len(stack) == 1 and stack[0][0] == ch:
                inner.append((start, i + 1))
        elif ch == "\n" and stack:  # the pattern only takes a newline another one follows
            flush(i)
    if stack:
        flush(len(text))
    return spans


def _straight_pairs(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    opening: int | None = None
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    # Looked up by bisection: a text with thousands of quotes would otherwise compare every straight
    # quote with every « » span and every paragraph break.
    spans = sorted(taken)
    starts = [s for s, _ in spans]
    reach: list[int] = []  # the furthest end among the spans starting at or before each one
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    for match in _STRAIGHT.finditer(text):
        at = match.start()
        i = bisect.bisect_right(starts, at) - 1
        if i >= 0 and reach[i] > at:
            continue  # inside « »: a nested quote, part of the outer one
        if match.lastgroup == "open":
            opening = at  # a second opener before any closer: the first one was stray
        elif match.lastgroup == "close" and opening is not None:
            b = bisect.bisect_right(breaks, opening)  # the first break after the opening
            if not (b < len(breaks) and breaks[b] < at):  # a pair never spans paragraphs
                pairs.append((opening, at + 1))
            opening = None
    return pairs


def find_quoted(text: str) -> list[Quoted]:
    """Every outermost quotation in text order; never a span that runs backwards."""
    cached = _quoted_cache.get(text)
    if cached is None:
        cached = _quoted_cache.remember(text, tuple(_find_quoted(text)))
    return list(cached)  # a copy of a list of frozen records: the caller may sort or filter it


def _find_quoted(text: str) -> list[Quoted]:
    spans = quote_spans(text)
    if '"' in text:
        spans = sorted(spans + _straight_pairs(text, spans))
    out = []
    for outer_start, outer_end in spans:
        closed = text[outer_end - 1:outer_end] in MARKS and outer_end - 1 > outer_start
        start = outer_start + 1
        end = outer_end - 1 if closed else outer_end
        while start < end and text[start] in PADDING:
            start += 1
        while end > start and text[end - 1] in PADDING:
            end -= 1
        if start < end:
            out.append(Quoted(outer_start, outer_end, start, end, closed))
    return out
