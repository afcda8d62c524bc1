"""`role_conflict.find` as a pure function, on analyses built by hand (no parse: the check reads the
persons with their ranks, the sentences, and the events with the ranks of their participants)."""

from __future__ import annotations

import pytest
from check_helpers import full_stop_sentences

from annales.checks import role_conflict
from annales.model import Analysis, Entity, Event, EventDate, Evidence, Mention, Participant, Span, Trigger


def _commanders(text: str, names: list[str], rank: str = "colonel") -> Analysis:
    """`text` with one person of `rank` per name, each mentioned once, ids ent-1, ent-2, … in order."""
    entities = []
    for number, name in enumerate(names, 1):
        start = text.index(name)
        entities.append(Entity(f"ent-{number}", "person", name, rank=rank, ranks=[rank],
                               mentions=[Mention(start, start + len(name), name, rank=rank)]))
    return Analysis(id="t", text=text, language="fr", sentences=full_stop_sentences(text), entities=entities)


def _ranked_events(text: str, ranks: list[tuple[str, str, str]]) -> Analysis:
    """One event per sentence of `text`, Jean Roux its agent with the (rank, month, verb) given."""
    sentences = full_stop_sentences(text)
    events = []
    for number, (sentence, (rank, month, verb)) in enumerate(zip(sentences, ranks, strict=True), 1):
        at = text.index(verb, sentence.start)
        events.append(Event(f"evt-{number}", Span(sentence.start, sentence.end),
                            Trigger(at, at + len(verb), verb, verb), time=f"tmx-{number}",
                            date=EventDate(month, f"{month}-01", f"{month}-28"),
                            participants=[Participant("ent-1", "agent", rank=rank)]))
    return Analysis(id="t", text=text, language="fr", sentences=sentences, events=events,
                    entities=[Entity("ent-1", "person", "Jean Roux")])


def _evidence(text: str, words: str) -> Evidence:
    start = text.index(words)
    return Evidence(start, start + len(words), words)


TWO_HEADS = ("Le colonel Jean Roux prend la tête de la garnison. "
             "Trois jours plus tard, le colonel Paul Morel rend la place à l'ennemi.")
TWO_RANKS = "En août 1942, le colonel Jean Roux attaque la ville. En août 1942, le capitaine Jean Roux prend le port."


def test_two_persons_at_the_head_of_one_force_are_reported() -> None:
    analysis = _commanders(TWO_HEADS, ["Jean Roux", "Paul Morel"])
    (finding,) = role_conflict.find(analysis)
    assert finding.kind == "role-conflict" and finding.severity == "medium"
    assert finding.message == ("Two different persons, Jean Roux and Paul Morel, are both given as the colonel "
                               "at the head of the same force.")
    roux, morel = _evidence(TWO_HEADS, "Jean Roux"), _evidence(TWO_HEADS, "Paul Morel")
    assert finding.evidence == [roux, morel]
    assert finding.detail == {"rank": "colonel", "persons": ["ent-1", "ent-2"],
                              "command_mentions": [[roux.start, roux.end], [morel.start, morel.end]]}


def test_one_person_with_two_ranks_in_one_month_is_reported() -> None:
    analysis = _ranked_events(TWO_RANKS, [("colonel", "1942-08", "attaque"), ("capitaine", "1942-08", "prend")])
    (finding,) = role_conflict.find(analysis)
    assert finding.message == "Jean Roux is colonel and capitaine at the same date (1942-08)."
    first, second = analysis.sentences
    assert finding.evidence == [Evidence(first.start, first.end, TWO_RANKS[first.start:first.end]),
                                Evidence(second.start, second.end, TWO_RANKS[second.start:second.end])]
    assert finding.detail == {"person": "ent-1", "ranks": ["colonel", "capitaine"], "date": "1942-08"}


@pytest.mark.parametrize(("text", "names"), [
    # named together, they are two men side by side, not two claims on one post
    ("Le colonel Jean Roux et le colonel Paul Morel tiennent la garnison. La nuit tombe sur le fort.",
     ["Jean Roux", "Paul Morel"]),
    # no word places either at the head of the defence
    ("Le colonel Jean Roux prend la ville. Trois jours plus tard, le colonel Paul Morel rend la place.",
     ["Jean Roux", "Paul Morel"]),
    # three colonels: a rank, not a post
    ("Le colonel Jean Roux tient la garnison. Le colonel Paul Morel arrive. Le colonel Louis Vidal repart.",
     ["Jean Roux", "Paul Morel", "Louis Vidal"]),
], ids=["one-sentence", "no-command-word", "three-holders"])
def test_commanders_that_do_not_compete_are_silent(text: str, names: list[str]) -> None:
    assert role_conflict.find(_commanders(text, names)) == []


def test_a_promotion_between_two_months_is_silent() -> None:
    text = "En août 1942, le capitaine Jean Roux attaque la ville. En mai 1944, le colonel Jean Roux prend le port."
    analysis = _ranked_events(text, [("capitaine", "1942-08", "attaque"), ("colonel", "1944-05", "prend")])
    assert role_conflict.find(analysis) == []


def test_empty_analysis_has_no_role_conflict() -> None:
    assert role_conflict.find(Analysis(id="t", text="", language="fr")) == []
