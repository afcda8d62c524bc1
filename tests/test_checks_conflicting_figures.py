"""`conflicting_figures.find` as a pure function, on analyses built by hand (no parse: the check
reads the text, its sentences and its quantities)."""

from __future__ import annotations

import pytest
from check_helpers import full_stop_sentences

from annales.checks import conflicting_figures
from annales.model import Analysis, Evidence, Quantity


def _analysis(text: str, figures: list[tuple[str, int, str]]) -> Analysis:
    """`text` with one exact count per (written figure, value, counted noun), found in that order."""
    quantities, at = [], 0
    for number, (written, value, counted) in enumerate(figures, 1):
        start = text.index(written, at)
        at = start + len(written)
        quantities.append(Quantity(f"qty-{number}", start, at, written, value, counted=counted))
    return Analysis(id="t", text=text, language="fr", sentences=full_stop_sentences(text), quantities=quantities)


def _evidence(text: str, written: str, after: int = 0) -> Evidence:
    start = text.index(written, after)
    return Evidence(start, start + len(written), written)


TWICE = "La garnison du fort compte 1 200 hommes. Un rapport plus tardif donne 1 250 hommes à la garnison."


def test_a_force_counted_twice_closely_is_a_conflict() -> None:
    analysis = _analysis(TWICE, [("1 200", 1200, "hommes"), ("1 250", 1250, "hommes")])
    (finding,) = conflicting_figures.find(analysis)
    assert finding.kind == "conflicting-figures" and finding.severity == "high"
    assert finding.message == "The same force is counted 1\u202f200 in one place and 1\u202f250 in another."
    assert finding.evidence == [_evidence(TWICE, "1 200"), _evidence(TWICE, "1 250")]
    assert finding.detail == {"first": {"value": 1200, "quantities": ["qty-1"]},
                              "second": {"value": 1250, "quantities": ["qty-2"]}, "difference": 50}


def test_a_breakdown_is_counted_by_its_parts_and_shows_its_arithmetic() -> None:
    text = ("La garnison aligne 400 marins et 500 sapeurs, soit au total 900 hommes. "
            "Le rapport du gouverneur donne 950 hommes à la garnison.")
    analysis = _analysis(text, [("400", 400, "marins"), ("500", 500, "sapeurs"), ("900", 900, "hommes"),
                                ("950", 950, "hommes")])
    (finding,) = conflicting_figures.find(analysis)
    assert finding.message == "The same force is counted 900 (its units added up) in one place and 950 in another."
    # The breakdown is cited by its stated total; its parts are in the arithmetic.
    assert finding.evidence == [_evidence(text, "900"), _evidence(text, "950")]
    assert finding.detail["first"] == {"value": 900, "quantities": ["qty-3"], "arithmetic": "400 + 500 = 900"}
    assert finding.detail["second"] == {"value": 950, "quantities": ["qty-4"]}


@pytest.mark.parametrize(("text", "figures"), [
    # figures too far apart: two forces, not one force miscounted
    ("La garnison du fort compte 1 200 hommes. L'armée de secours compte 35 000 hommes.",
     [("1 200", 1200, "hommes"), ("35 000", 35000, "hommes")]),
    # the same figure twice agrees with itself
    ("La garnison du fort compte 1 200 hommes. Un rapport plus tardif donne 1 200 hommes à la garnison.",
     [("1 200", 1200, "hommes"), ("1 200", 1200, "hommes")]),
    # two counts told by verbs only ("compte", "alignait") may be of two bodies of men
    ("Le fort compte 1 200 hommes. Un rapport plus tardif dit que le camp alignait 1 250 hommes.",
     [("1 200", 1200, "hommes"), ("1 250", 1250, "hommes")]),
    # one count of men, one of guns: only counts of people are strengths
    ("La garnison du fort compte 1 200 hommes. La flotte de la garnison compte 1 250 canons.",
     [("1 200", 1200, "hommes"), ("1 250", 1250, "canons")]),
], ids=["far-apart", "same-figure", "verbs-only", "not-people"])
def test_counts_that_do_not_contradict_are_silent(text: str, figures: list[tuple[str, int, str]]) -> None:
    assert conflicting_figures.find(_analysis(text, figures)) == []


def test_empty_analysis_has_no_conflict() -> None:
    assert conflicting_figures.find(Analysis(id="t", text="", language="fr")) == []
