"""Broken input of every kind through the whole pipeline and every export: no exception, every span
inside the text and equal to its text, a JSON that reads back, a well-formed TEI, no formula in the
CSV. Bounded for CI; `python benchmarks/fuzz.py` runs thousands of cases in separate processes."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from fuzz_helpers import NASTY, check_invariants, mutate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annales.errors import InputError
from annales.model import Dct, SourceDocument
from annales.pipeline import analyze_document

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))


def _base(index: int) -> str:
    text = SAMPLES[index % len(SAMPLES)].read_text(encoding="utf-8")
    start = (index * 977) % max(1, len(text) - 1500)
    return text[start:start + 1500]  # a window keeps each case fast


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(index=st.integers(0, 10_000), seed=st.integers(0, 2**32 - 1), dct=st.sampled_from(
    [None, "0001-01-01", "9999-12-31", "1917-05-03", "2024-02-29"]))
def test_mutated_texts_keep_every_invariant(context, index: int, seed: int, dct: str | None) -> None:
    text = mutate(_base(index), random.Random(seed))
    document = SourceDocument(id=f"fuzz-{index}-{seed}", text=text, dct=None if dct is None else Dct(dct, "option"))
    try:
        analysis = analyze_document(document, context)
    except InputError:
        return  # a clear refusal (too long) is an allowed outcome
    check_invariants(analysis)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=30)), max_size=25).map("".join))
def test_made_up_texts_keep_every_invariant(context, text: str) -> None:
    check_invariants(analyze_document(SourceDocument(id="made-up", text=text), context))


@pytest.mark.parametrize("piece", NASTY)
def test_each_nasty_piece_inside_a_sentence(context, piece: str) -> None:
    text = f"Le 3 mai 1917, le colonel Paul Mercier part {piece} vers Reims avec 1 200 hommes."
    check_invariants(analyze_document(SourceDocument(id="piece", text=text), context))
