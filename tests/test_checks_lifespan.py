"""Chronology told by the events: a death before a birth, a past event after the publication.

Births and deaths are checked as a pure function on events built by hand; an event after the
publication needs the tense of its verb, which the check reads from the parse (`analysis.doc`), so
it is checked on analysed text.
"""

from __future__ import annotations

import pytest

from annales import analyze
from annales.checks import lifespan
from annales.model import Analysis, Entity, Event, EventDate, Evidence, Mention, Participant, Span, Trigger

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


BIRTH = "Jean Roux naquit à Nancy le 3 mars 1870."


def _event(number: int, text: str, sentence: str, verb: str, lemma: str, day: str, role: str,
           inferred: bool = False) -> Event:
    start = text.index(sentence)
    at = text.index(verb, start)
    return Event(f"evt-{number}", Span(start, start + len(sentence)), Trigger(at, at + len(verb), verb, lemma),
                 time=None if inferred else f"tmx-{number}", time_inferred=inferred,
                 date=EventDate(day, day, day), participants=[Participant("ent-1", role)])


def _life(death: str, verb: str, lemma: str, day: str, role: str, inferred: bool = False) -> Analysis:
    """Jean Roux's birth in 1870, then `death`, a sentence whose `verb` tells of him on `day`."""
    text = f"{BIRTH} {death}"
    mentions = []
    at = text.find("Jean Roux")
    while at != -1:
        mentions.append(Mention(at, at + len("Jean Roux"), "Jean Roux"))
        at = text.find("Jean Roux", at + 1)
    events = [_event(1, text, BIRTH, "naquit", "naître", "1870-03-03", "agent"),
              _event(2, text, death, verb, lemma, day, role, inferred)]
    return Analysis(id="t", text=text, language="fr", events=events,
                    entities=[Entity("ent-1", "person", "Jean Roux", mentions=mentions)])


@pytest.mark.parametrize(("death", "verb", "lemma", "role"), [
    ("Jean Roux mourut à Paris le 2 avril 1850.", "mourut", "mourir", "agent"),
    ("Un obus tua Jean Roux le 2 avril 1850.", "tua", "tuer", "patient"),
], ids=["dies", "is-killed"])
def test_a_death_before_the_birth_is_reported(death: str, verb: str, lemma: str, role: str) -> None:
    analysis = _life(death, verb, lemma, "1850-04-02", role)
    (finding,) = lifespan.find(analysis)
    assert finding.kind == "chronology" and finding.severity == "high"
    assert finding.message == "Jean Roux dies (1850-04-02) before being born (1870-03-03)."
    death_start = analysis.text.index(death)
    assert finding.evidence == [Evidence(death_start, death_start + len(death), death), Evidence(0, len(BIRTH), BIRTH)]
    assert finding.detail == {"person": "ent-1", "birth": "1870-03-03", "death": "1850-04-02"}


@pytest.mark.parametrize(("death", "verb", "lemma", "day", "role", "inferred"), [
    # dies after being born
    ("Jean Roux mourut à Paris le 2 avril 1931.", "mourut", "mourir", "1931-04-02", "agent", False),
    # the killer, not the one killed: "tuer" tells the death of its patient
    ("Jean Roux tua un loup le 2 avril 1850.", "tua", "tuer", "1850-04-02", "agent", False),
    # a date inherited from the narrative, not written for this death, proves nothing
    ("Jean Roux mourut à Paris.", "mourut", "mourir", "1850-04-02", "agent", True),
], ids=["in-order", "agent-of-a-killing", "inferred-date"])
def test_a_life_told_in_order_is_silent(death: str, verb: str, lemma: str, day: str, role: str,
                                        inferred: bool) -> None:
    assert lifespan.find(_life(death, verb, lemma, day, role, inferred)) == []


def test_empty_analysis_has_no_lifespan_finding() -> None:
    assert lifespan.find(Analysis(id="t", text="", language="fr")) == []
