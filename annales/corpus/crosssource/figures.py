"""`figures-differ`: what a figure measures (a frame word near it, or the counted noun itself, and
the place, unit or ship mentioned nearest; or the quantity layer's `of_entity`), when it holds,
and the interval its approximation, bound or range allows."""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from annales.common.resources import exists, load_rows
from annales.common.text import fold
from annales.corpus.crosssource.engine import LAYER, Claim
from annales.corpus.crosssource.reading import StoreView

STRENGTH_DAYS = 31  # a unit's strength (`of_entity`) changes with every fight: compared within a month
FRAME_WORDS_BEFORE = 8  # how far (in words) a frame word may stand before the figure ...
FRAME_WORDS_AFTER = 5  # ... or after it, its counted noun included
WINDOW_CHARS = 160  # characters read on each side of a figure when looking for its frame word (8 words fit)
ANCHOR_CHARS = 80  # how far the entity a figure is the size of may stand from its frame word
INHERIT_SENTENCES = 3  # an undated sentence takes the date of one at most this many sentences before
ABOUT = 0.1  # "environ 4 800": 4 320 to 5 280
VAGUE = 0.5  # approximate without a comparator ("une centaine"): half to one and a half
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True)
class Frame:
    word: str
    how: str  # "frame" or "counted"
    measure: str
    types: frozenset[str]
    days: int


@lru_cache(maxsize=65536)
def _singular(word: str) -> str:
    word = fold(word)
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


@cache
def _frames(language: str) -> dict[str, Frame]:
    if not exists(language, LAYER, "figure_frames.tsv"):
        return {}
    return {_singular(row[0]): Frame(_singular(row[0]), row[1], row[2], frozenset(t.strip() for t in row[3].split(",")),
                                     int(row[4])) for row in load_rows(language, LAYER, "figure_frames.tsv", 5)}


@cache
def _range_words(language: str) -> frozenset[str]:
    if not exists(language, LAYER, "range_words.tsv"):
        return frozenset()
    return frozenset(fold(row[0]) for row in load_rows(language, LAYER, "range_words.tsv"))


def _bounds(value: float, approx: bool, comparator: str | None) -> tuple[float, float]:
    if comparator == "more-than":
        return value, float("inf")
    if comparator == "less-than":
        return 0.0, value
    if comparator == "about":
        return value * (1 - ABOUT), value * (1 + ABOUT)
    if approx:
        return value * (1 - VAGUE), value * (1 + VAGUE)
    return value, value


def figures_agree(_key: tuple[Any, ...], a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]

@dataclass
class _Quantity:
    doc: int
    n: int
    start: int
    end: int
    text: str
    value: float
    approx: bool
    comparator: str | None
    counted: str | None
    unit: str | None
    strength_of: int | None  # the corpus entity of `of_entity`


def _quantities(conn: sqlite3.Connection) -> dict[tuple[int, int], list[_Quantity]]:
    by_sentence: dict[tuple[int, int], list[_Quantity]] = defaultdict(list)
    for row in conn.execute(
            'SELECT q.doc, q.n, q.start, q."end", q.text, q.value, q.approx, q.comparator, q.counted, q.unit, '
            "oe.corpus_entity FROM quantities q LEFT JOIN entities oe ON oe.doc = q.doc AND oe.id = q.of_entity "
            "WHERE q.value IS NOT NULL AND q.n IS NOT NULL ORDER BY q.doc, q.start"):
        quantity = _Quantity(*row[:6], bool(row[6]), *row[7:])
        by_sentence[(quantity.doc, quantity.n)].append(quantity)
    return by_sentence


def _nearest(mentions: list[tuple[int, int, str, int]], start: int, end: int, types: frozenset[str]) -> int | None:
    """The corpus entity of the mention of one of `types` nearest to [start, end), within
    ANCHOR_CHARS; None when there is none or two different ones are as near."""
    best: list[tuple[int, int]] = []
    for m_start, m_end, kind, group in mentions:
        if kind not in types:
            continue
        distance = max(m_start - end, start - m_end, 0)
        if distance <= ANCHOR_CHARS:
            best.append((distance, group))
    if not best:
        return None
    best.sort()
    if len(best) > 1 and best[1][0] == best[0][0] and best[1][1] != best[0][1]:
        return None
    return best[0][1]


def _measure(ctx: StoreView, quantity: _Quantity, text: str, offset: int,
             frames: dict[str, Frame]) -> tuple[str, int, int] | None:
    """(what is measured, the corpus entity it is the size of, how many days it holds)."""
    if quantity.strength_of is not None:
        return "strength", quantity.strength_of, STRENGTH_DAYS
    mentions = ctx.mentions.get((quantity.doc, quantity.n), [])
    counted = _singular(quantity.counted or "")
    if (frame := frames.get(counted)) is not None and frame.how == "counted":
        group = _nearest(mentions, quantity.start, quantity.end, frame.types)
        return None if group is None else (frame.measure, group, frame.days)
    # Only the words around the figure are read: a long sentence costs no more than a short one.
    begin = max(0, quantity.start - offset - WINDOW_CHARS)
    around = _WORD.finditer(text, begin, min(len(text), quantity.end - offset + WINDOW_CHARS))
    words = [(m.start() + offset, m.end() + offset, _singular(m.group())) for m in around]
    if begin and words:
        words = words[1:]  # the first word may be cut
    at = next((i for i, (start, _, _) in enumerate(words) if start >= quantity.start), len(words))
    figure_words = len(_WORD.findall(quantity.text))
    near: list[tuple[int, Frame, int, int]] = []
    for i in range(max(0, at - FRAME_WORDS_BEFORE), min(len(words), at + figure_words + FRAME_WORDS_AFTER)):
        frame = frames.get(words[i][2])
        if frame is not None and frame.how == "frame":
            distance = at - i if i < at else i - (at + figure_words - 1)
            near.append((distance, frame, words[i][0], words[i][1]))
    if not near:
        return None
    near.sort(key=lambda item: item[0])
    if len(near) > 1 and near[1][0] == near[0][0] and near[1][1].measure != near[0][1].measure:
        return None
    _, frame, start, end = near[0]
    group = _nearest(mentions, start, end, frame.types)
    return None if group is None else (frame.measure, group, frame.days)


def figure_claims(ctx: StoreView) -> list[Claim]:
    quantities = _quantities(ctx.conn)
    wanted = {place for place, found in quantities.items() if any(q.counted or q.strength_of for q in found)}
    ctx.load_sentences(wanted, mentions=True)
    claims: list[Claim] = []
    for place in sorted(wanted):
        doc, n = place
        language = ctx.languages.get(doc, "")
        frames, joiners = _frames(language), _range_words(language)
        if not frames or place not in ctx.sentences:
            continue
        start, _, text = ctx.sentences[place]
        found = quantities[place]
        for i, quantity in enumerate(found):
            if not (quantity.counted or quantity.strength_of):
                continue
            low, high = _bounds(quantity.value, quantity.approx, quantity.comparator)
            shown = quantity.text
            before = found[i - 1] if i else None
            if before is not None and not before.counted and before.end <= quantity.start \
                    and fold(text[before.end - start:quantity.start - start].strip()) in joiners:
                low = min(low, _bounds(before.value, before.approx, before.comparator)[0])  # a range
                shown = text[before.start - start:quantity.end - start]
            measured = _measure(ctx, quantity, text, start, frames)
            if measured is None:
                continue
            measure, group, days = measured
            when = ctx.date_of(doc, n, INHERIT_SENTENCES)
            if when is None or when[1] - when[0] + 1 > days:
                continue
            counted = _singular(quantity.counted or "")
            claims.append(Claim(
                key=("figures-differ", measure, group, counted, quantity.unit or ""), doc=doc, value=(low, high),
                shown=" ".join(part for part in (shown, quantity.counted) if part), when=when, sentence=place,
                extra={"counted": quantity.counted, "unit": quantity.unit}))
    return claims
