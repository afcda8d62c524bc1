"""Sentences and spans looked up by bisection answer what a scan of every one would."""

from __future__ import annotations

import random

from annales.common.intervals import Cover
from annales.common.sentences import SentenceIndex
from annales.model import Analysis, Sentence


def scanned(sentences: list[Sentence], offset: int) -> int | None:
    return next((i for i, s in enumerate(sentences) if s.start <= offset < s.end), None)


def analysis_with(sentences: list[Sentence]) -> Analysis:
    return Analysis(id="t", text="x" * 200, sentences=sentences)


def test_sentences_in_text_order_are_found_as_a_scan_finds_them() -> None:
    draw = random.Random(7)
    for _ in range(200):
        sentences, position = [], 0
        for _ in range(draw.randint(0, 12)):
            position += draw.randint(0, 3)  # gaps between sentences, or none
            length = draw.randint(1, 15)
            sentences.append(Sentence(position, position + length))
            position += length
        index = SentenceIndex(analysis_with(sentences))
        for offset in range(-2, position + 3):
            expected = scanned(sentences, offset)
            assert index.number_of(offset) == expected
            assert index.of(offset) == (None if expected is None else sentences[expected])


def test_sentences_out_of_order_or_overlapping_are_found_as_a_scan_finds_them() -> None:
    sentences = [Sentence(20, 30), Sentence(0, 10), Sentence(5, 25), Sentence(40, 40)]
    index = SentenceIndex(analysis_with(sentences))
    for offset in range(-1, 45):
        assert index.number_of(offset) == scanned(sentences, offset)


def test_a_cover_holds_what_one_of_its_spans_holds() -> None:
    draw = random.Random(11)
    for _ in range(300):
        spans = [(s, s + draw.randint(0, 12)) for s in (draw.randint(0, 60) for _ in range(draw.randint(0, 8)))]
        cover = Cover(spans)
        for offset in range(-2, 80):
            assert cover.holds(offset) == any(s <= offset < e for s, e in spans), (spans, offset)
