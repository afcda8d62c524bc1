"""The French time resources: every rule shows an example it matches, every file says its FORMAT."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annales.common.resources import resource_path
from annales.time.recognise import recognise
from annales.time.rules import grammar_for

GRAMMAR = grammar_for("fr")
TIME_DIR = resource_path("fr", "time", "rules.tsv").parent
# The time layer reads its own folder and the calendar words of common/.
RESOURCE_FILES = sorted(TIME_DIR.glob("*.tsv")) + sorted((TIME_DIR.parent / "common").glob("*.tsv"))


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


def _announced_columns(format_line: str) -> tuple[int, int]:
    """(required, maximum) columns a FORMAT line announces: <TAB>s outside and inside [...]."""
    body = format_line.removeprefix("# FORMAT:")
    optional = "".join(re.findall(r"\[[^\]]*\]", body))
    required = body.count("<TAB>") - optional.count("<TAB>") + 1
    return required, required + optional.count("<TAB>")


def _rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def test_there_are_resource_files() -> None:
    assert {"rules.tsv", "months.tsv", "time_units.tsv", "numbers.tsv"} <= {p.name for p in RESOURCE_FILES}


@pytest.mark.parametrize("path", RESOURCE_FILES, ids=[p.name for p in RESOURCE_FILES])
def test_resource_file_announces_its_format(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# FORMAT:"), f"{path.name} starts with {first!r}"


@pytest.mark.parametrize("path", RESOURCE_FILES, ids=[p.name for p in RESOURCE_FILES])
def test_resource_rows_have_the_announced_columns(path: Path) -> None:
    required, maximum = _announced_columns(path.read_text(encoding="utf-8").splitlines()[0])
    rows = _rows(path)
    assert rows, f"{path.name} has no rows"
    for row in rows:
        if path.name == "rules.tsv" and row[0].startswith("@"):
            assert len(row) == 2, f"macro line {row[0]} should be name<TAB>pattern"
            continue
        assert required <= len(row) <= maximum, f"{path.name}: {row!r} has {len(row)} columns"
        assert all(cell.strip() for cell in row[:required]), f"{path.name}: empty cell in {row!r}"


@pytest.mark.parametrize("path", RESOURCE_FILES, ids=[p.name for p in RESOURCE_FILES])
def test_resource_keys_never_conflict(path: Path) -> None:
    """A surface form may be listed twice, but never with two different meanings."""
    meanings: dict[str, list[str]] = {}
    for row in _rows(path):
        meanings.setdefault(row[0].strip().lower(), []).append("\t".join(c.strip() for c in row[1:]))
    conflicts = {key: values for key, values in meanings.items() if len(set(values)) > 1}
    assert conflicts == {}
