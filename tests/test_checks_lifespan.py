"""Chronology told by the events: a death before a birth, a past event after the publication."""

from __future__ import annotations

import pytest

from annales import analyze

CASES = [
    # (text, publication date, how many chronology findings)
    ("Jean Dupont naquit le 3 mars 1870 à Nancy. Il fut un peintre célèbre. "
     "Jean Dupont mourut le 2 avril 1850 à Paris.", None, 1),
    ("Jean Dupont naquit le 3 mars 1850 à Nancy. Jean Dupont mourut le 2 avril 1870 à Paris.", None, 0),
    ("Le traité a été signé le 12 mars 2003 à Genève.", "1999-05-20", 1),
    ("Le traité sera signé le 12 mars 2003 à Genève.", "1999-05-20", 0),
    ("Le traité a été signé le 12 mars 1998 à Genève.", "1999-05-20", 0),
]


@pytest.mark.parametrize(("text", "dct", "expected"), CASES)
def test_life_and_publication_dates(text: str, dct: str | None, expected: int) -> None:
    analysis = analyze(text, dct=dct)
    found = [f for f in analysis.findings if f.kind == "chronology"]
    assert len(found) == expected, [f.message for f in analysis.findings]
    for finding in found:
        assert finding.evidence
        assert all(analysis.text[e.start:e.end] == e.text for e in finding.evidence)


RANKS = [
    ("En août 1942, le colonel Jean Dupont attaqua la ville. En août 1942, le capitaine Jean Dupont attaqua le port.",
     1),
    ("En août 1942, le capitaine Jean Dupont attaqua la ville. En mai 1944, le colonel Jean Dupont attaqua le port.",
     0),
]


@pytest.mark.parametrize(("text", "expected"), RANKS)
def test_one_person_two_ranks_at_the_same_date(text: str, expected: int) -> None:
    analysis = analyze(text)
    found = [f for f in analysis.findings if f.kind == "role-conflict"]
    assert len(found) == expected, [f.message for f in analysis.findings]
