"""The loaded model is kept out of the cycle collector's walks: its objects are frozen once loaded,
and what an analysis allocates afterwards is still collected."""

from __future__ import annotations

import gc

from annales.common.model_load import YOUNGEST_THRESHOLD
from annales.context import Context
from annales.pipeline import analyze


def test_the_loaded_model_is_frozen_out_of_collections(context: Context) -> None:
    assert context.nlp is not None
    # The model is hundreds of thousands of objects; none of them is walked by a collection again.
    assert gc.get_freeze_count() > 100_000
    # Short-lived objects are collected less eagerly than CPython's default (700 allocations).
    assert gc.get_threshold()[0] >= YOUNGEST_THRESHOLD >= 10_000


def test_what_an_analysis_allocates_is_still_collected(context: Context) -> None:
    analyze("Le 3 mars 1852, le préfet arriva à Besançon.", context=context)
    frozen = gc.get_freeze_count()
    cycle: list[object] = []
    cycle.append(cycle)
    assert gc.is_tracked(cycle)
    del cycle
    assert gc.collect() >= 1  # the cycle made after the freeze is found and freed
    assert gc.get_freeze_count() == frozen
