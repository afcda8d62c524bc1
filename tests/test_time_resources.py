"""The French time rules: every rule and blocker shows an example it matches, and blockers block.

The checks every resource file passes (FORMAT line, columns, keys) are in test_resources.py."""

from __future__ import annotations

import pytest

from annales.time.recognise import DIGITS, YEAR_DIGITS, propose, recognise, windows
from annales.time.rules import grammar_for

GRAMMAR = grammar_for("fr")


def test_the_grammar_is_not_empty() -> None:
    assert len(GRAMMAR.rules) >= 20
    assert {r.kind for r in GRAMMAR.rules} >= {"date", "time", "duration", "set", "offset", "deictic"}


def test_rule_names_are_unique() -> None:
    names = [r.name for r in GRAMMAR.rules] + [b.name for b in GRAMMAR.blockers]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", GRAMMAR.rules, ids=[r.name for r in GRAMMAR.rules])
def test_rule_matches_its_example(rule) -> None:
    assert rule.example, f"rule {rule.name} has no example"
    assert rule.pattern.search(rule.example), f"{rule.name} does not match {rule.example!r}"


@pytest.mark.parametrize("rule", GRAMMAR.rules, ids=[r.name for r in GRAMMAR.rules])
def test_every_match_of_a_rule_lies_near_a_trigger_of_its_families(rule) -> None:
    """A rule runs only near the trigger words of the families it names: its example, set in a
    longer text, is still found by the windowed search as by a search of the whole text."""
    text = "rien ici.\n" * 12 + rule.example + "\nrien ici." * 12
    whole = {m.start() for m in rule.pattern.finditer(text)}
    windowed = {c.match_start for c in propose(text, GRAMMAR) if c.rule is rule}
    assert whole and whole <= windowed


def test_a_four_digit_run_is_also_a_years_trigger() -> None:
    found = windows("En 1871, 3 hommes. " + "x " * 60 + "Puis 12 autres.", GRAMMAR)
    assert len(found[DIGITS]) == 2 and len(found[YEAR_DIGITS]) == 1
    assert found[YEAR_DIGITS][0][0] == 0


def _blocker_param(blocker):
    return pytest.param(blocker, id=blocker.name)


@pytest.mark.parametrize("blocker", [_blocker_param(b) for b in GRAMMAR.blockers])
def test_blocker_matches_its_example(blocker) -> None:
    assert blocker.where in ("before", "self")
    assert blocker.pattern.search(blocker.example), f"{blocker.name} does not match {blocker.example!r}"


@pytest.mark.parametrize("text", [
    pytest.param("Une fillette âgée de 6 ans.", id="age"),
    pytest.param("Il reviendra un jour.", id="un-jour"),
])
def test_blocked_durations_are_not_recognised(text: str) -> None:
    assert [c for c in recognise(text, GRAMMAR) if c.kind == "duration"] == []
