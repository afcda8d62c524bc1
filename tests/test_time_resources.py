"""The French time rules: every rule and blocker shows an example it matches, and blockers block.

The checks every resource file passes (FORMAT line, columns, keys) are in test_resources.py."""

from __future__ import annotations

import pytest

from annales.time.recognise import recognise
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
