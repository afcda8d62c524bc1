"""`sum_mismatch.find` as a pure function, on analyses built by hand (no parse: the check reads the
text, its sentences and its quantities)."""

from __future__ import annotations

import pytest

from annales.checks import sum_mismatch
from annales.model import Analysis, Evidence, Quantity, Sentence


def _analysis(text: str, figures: list[tuple[str, int, str]]) -> Analysis:
    """`text` as one sentence, with one exact count per (written figure, value, counted noun), in order."""
    quantities, at = [], 0
    for number, (written, value, counted) in enumerate(figures, 1):
        start = text.index(written, at)
        at = start + len(written)
        quantities.append(Quantity(f"qty-{number}", start, at, written, value, counted=counted))
    return Analysis(id="t", text=text, language="fr", sentences=[Sentence(0, len(text))], quantities=quantities)


def _between(text: str, first: str, last: str) -> Evidence:
    """The evidence from the first word of `first` to the end of the last occurrence of `last`."""
    start, end = text.index(first), text.rindex(last) + len(last)
    return Evidence(start, end, text[start:end])


SUM = "Le fort abrite 250 marins et 150 sapeurs, soit au total 450 hommes."
PART = "La compagnie perd 60 hommes, dont 40 tués et 25 disparus."


def test_parts_that_miss_their_total_are_reported() -> None:
    analysis = _analysis(SUM, [("250", 250, "marins"), ("150", 150, "sapeurs"), ("450", 450, "hommes")])
    (finding,) = sum_mismatch.find(analysis)
    assert finding.kind == "sum-mismatch" and finding.severity == "medium"
    assert finding.message == "The parts 250 + 150 add up to 400, not to the stated total 450."
    assert finding.evidence == [_between(SUM, "250", "450")]
    assert finding.detail == {"parts": [250, 150], "parts_sum": 400, "totals": [450], "totals_sum": 450,
                              "quantities": ["qty-1", "qty-2", "qty-3"]}


def test_parts_larger_than_their_whole_are_reported() -> None:
    analysis = _analysis(PART, [("60", 60, "hommes"), ("40", 40, "tués"), ("25", 25, "disparus")])
    (finding,) = sum_mismatch.find(analysis)
    assert finding.message == "The parts 40 + 25 come to 65, more than the total 60 they are said to be part of."
    assert finding.evidence == [_between(PART, "60", "25")]
    assert finding.detail["parts_sum"] == 65 and finding.detail["totals_sum"] == 60


@pytest.mark.parametrize(("text", "figures"), [
    ("Le fort abrite 250 marins et 150 sapeurs, soit au total 400 hommes.",
     [("250", 250, "marins"), ("150", 150, "sapeurs"), ("400", 400, "hommes")]),
    ("La compagnie perd 70 hommes, dont 40 tués et 25 disparus.",
     [("70", 70, "hommes"), ("40", 40, "tués"), ("25", 25, "disparus")]),
    # a total over one part only is no breakdown: the figures are not compared
    ("Le fort abrite 250 marins, soit au total 450 hommes.", [("250", 250, "marins"), ("450", 450, "hommes")]),
], ids=["sum-adds-up", "part-within-its-whole", "one-part"])
def test_figures_that_add_up_are_silent(text: str, figures: list[tuple[str, int, str]]) -> None:
    assert sum_mismatch.find(_analysis(text, figures)) == []


def test_empty_analysis_has_no_mismatch() -> None:
    assert sum_mismatch.find(Analysis(id="t", text="", language="fr")) == []
