"""TempEval-3 scoring on hand-made spans: no spaCy, no files."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annales.eval import tempeval
from annales.eval.tempeval import PRF, Counts, count, match, score, total
from annales.model import Timex


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str = "DATE"
    value: str = "1999"


def scores_of(gold: list[Span], system: list[Span]) -> tempeval.Scores:
    return score(count(gold, system))


def test_exact_match_is_strict_and_relaxed() -> None:
    result = scores_of([Span(0, 10)], [Span(0, 10)])
    assert result.strict == PRF(1.0, 1.0, 1.0)
    assert result.relaxed == PRF(1.0, 1.0, 1.0)
    assert result.type.f1 == result.value.f1 == 1.0


def test_overlap_is_relaxed_only() -> None:
    counts = count([Span(0, 10)], [Span(3, 14)])
    assert (counts.strict, counts.relaxed) == (0, 1)
    assert score(counts).strict.f1 == 0.0
    assert score(counts).relaxed.f1 == 1.0


def test_touching_spans_do_not_overlap() -> None:
    assert count([Span(0, 10)], [Span(10, 14)]).relaxed == 0


def test_miss_lowers_recall_only() -> None:
    result = scores_of([Span(0, 5), Span(20, 25)], [Span(0, 5)])
    assert result.strict == PRF(1.0, 0.5, pytest.approx(2 / 3))


def test_false_positive_lowers_precision_only() -> None:
    result = scores_of([Span(0, 5)], [Span(0, 5), Span(20, 25)])
    assert result.relaxed == PRF(0.5, 1.0, pytest.approx(2 / 3))


def test_matching_is_one_to_one_by_largest_overlap() -> None:
    gold = [Span(0, 10), Span(12, 20)]
    system = [Span(5, 18)]  # overlaps the first gold by 5, the second by 6
    assert match(gold, system).relaxed == [(1, 0)]
    # One gold, two overlapping system spans: one match and one false positive.
    counts = count([Span(0, 10)], [Span(0, 4), Span(2, 10)])
    assert (counts.relaxed, counts.system) == (1, 2)
    assert match([Span(0, 10)], [Span(0, 4), Span(2, 10)]).relaxed == [(0, 1)]


def test_ties_prefer_the_identical_extent() -> None:
    gold = [Span(0, 10)]
    assert match(gold, [Span(0, 20), Span(0, 10)]).relaxed == [(0, 1)]


def test_duplicate_system_spans_match_once() -> None:
    counts = count([Span(0, 10)], [Span(0, 10), Span(0, 10)])
    assert (counts.strict, counts.relaxed, counts.system) == (1, 1, 2)


def test_wrong_value_and_wrong_type() -> None:
    gold = [Span(0, 5, "DATE", "1999-05-17"), Span(10, 15, "TIME", "1999-05-17TMO")]
    system = [Span(0, 5, "DATE", "1999-05"), Span(10, 15, "DATE", "1999-05-17TMO")]
    counts = count(gold, system)
    assert (counts.relaxed, counts.type_ok, counts.value_ok) == (2, 1, 1)
    result = score(counts)
    assert result.type_accuracy == result.value_accuracy == 0.5
    assert result.value == PRF(0.5, 0.5, 0.5)


def test_values_are_stripped_but_case_sensitive() -> None:
    assert count([Span(0, 5, value=" 1999 ")], [Span(0, 5, value="1999")]).value_ok == 1
    assert count([Span(0, 5, value="1999-05-17TMO")], [Span(0, 5, value="1999-05-17tmo")]).value_ok == 0


@pytest.mark.parametrize(("gold", "system"), [([], []), ([Span(0, 5)], []), ([], [Span(0, 5)])])
def test_empty_sides_score_zero_without_dividing_by_zero(gold: list[Span], system: list[Span]) -> None:
    result = scores_of(gold, system)
    for prf in (result.strict, result.relaxed, result.type, result.value):
        assert prf == PRF(0.0, 0.0, 0.0)
    assert result.type_accuracy == result.value_accuracy == 0.0


def test_micro_average_sums_documents() -> None:
    first = count([Span(0, 5)], [Span(0, 5)])
    second = count([Span(0, 5), Span(8, 9)], [])
    summed = total([first, second])
    assert (summed.gold, summed.system, summed.strict) == (3, 1, 1)
    assert score(summed).strict == PRF(1.0, pytest.approx(1 / 3), 0.5)


def test_breakdown_by_gold_type() -> None:
    gold = [Span(0, 5, "DATE", "1999"), Span(10, 15, "DURATION", "P2D"), Span(20, 25, "DURATION", "P3D")]
    system = [Span(0, 5, "DATE", "1999"), Span(10, 15, "DATE", "P2D"), Span(30, 35, "SET", "P1W")]
    by_type = count(gold, system).by_type
    assert by_type["DATE"] == tempeval.TypeCounts(gold=1, relaxed=1, value_ok=1, system=2)
    assert by_type["DURATION"] == tempeval.TypeCounts(gold=2, relaxed=1, value_ok=1, system=0)
    assert by_type["SET"] == tempeval.TypeCounts(gold=0, relaxed=0, value_ok=0, system=1)


def test_accepts_annales_timexes() -> None:
    timex = Timex(id="t1", start=0, end=5, text="1999.", type="DATE", value="1999")
    assert count([Span(0, 4)], [timex]).value_ok == 1


spans = st.builds(lambda start, length, kind, value: Span(start, start + length, kind, value),
                  st.integers(0, 60), st.integers(1, 12), st.sampled_from(tempeval.TIMEX_TYPES),
                  st.sampled_from(["1999", "1999-05", "P1D"]))


@given(st.lists(spans, max_size=8), st.lists(spans, max_size=8))
def test_scoring_invariants(gold: list[Span], system: list[Span]) -> None:
    matching = match(gold, system)
    counts: Counts = count(gold, system, matching)
    assert counts.strict <= counts.relaxed <= min(len(gold), len(system))
    assert counts.value_ok <= counts.relaxed and counts.type_ok <= counts.relaxed
    for pairs in (matching.strict, matching.relaxed):
        assert len({g for g, _ in pairs}) == len({s for _, s in pairs}) == len(pairs)
    for gi, si in matching.strict:
        assert (gold[gi].start, gold[gi].end) == (system[si].start, system[si].end)
    for gi, si in matching.relaxed:
        assert tempeval.overlap(gold[gi].start, gold[gi].end, system[si].start, system[si].end) > 0
    result = score(counts)
    # The TempEval-3 identity: attribute F1 = relaxed F1 x attribute accuracy.
    assert result.value.f1 == pytest.approx(result.relaxed.f1 * result.value_accuracy)
    assert result.type.f1 == pytest.approx(result.relaxed.f1 * result.type_accuracy)
