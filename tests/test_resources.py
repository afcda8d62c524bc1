"""Every resource file, whatever its layer: it says its FORMAT, its rows have the columns the FORMAT
announces, its keys are not listed twice; and every layer a stage needs exists in French."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annales.common.resources import ROOT, has_layer
from annales.pipeline import STAGES

FILES = sorted(ROOT.rglob("*.tsv"))
STAGE_LAYERS = sorted({stage.resources for stage in STAGES if stage.resources})
# The time rules define macros ("@NAME<TAB>pattern", see the header of rules.tsv) among their rules:
# a macro row has its own shape, which one FORMAT line cannot announce beside the rules'.
MACRO_COLUMNS = {("time", "rules.tsv"): 2}


def _id(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _format_line(path: Path) -> str:
    return path.read_text(encoding="utf-8").splitlines()[0]


def _rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]
            if line.strip() and not line.startswith("#")]


def announced_columns(format_line: str) -> tuple[int, int]:
    """(required, maximum) columns of a FORMAT line: one more than its <TAB>s, those inside [...]
    being optional ("a<TAB>b[<TAB>c]" is two or three)."""
    body = format_line.removeprefix("# FORMAT:")
    optional = "".join(re.findall(r"\[[^\]]*\]", body))
    required = body.count("<TAB>") - optional.count("<TAB>") + 1
    return required, required + optional.count("<TAB>")


def _key_width(format_line: str) -> int:
    """How many leading cells make a row's key: a file whose first column is a kind lists words
    by kind ("kind<TAB>word"), so its kind repeats and the kind and word together are the key."""
    return 2 if format_line.removeprefix("# FORMAT:").strip().startswith("kind<TAB>") else 1


def test_every_layer_has_resource_files() -> None:
    layers = {path.parent.name for path in FILES}
    assert {"checks", "common", "entities", "events", "ingest", "quantities", "quotes", "time"} <= layers
    assert {path.parent.parent.name for path in FILES} >= {"fr", "en", "multilingual"}


def test_announced_columns_reads_optional_columns() -> None:
    assert announced_columns("# FORMAT: surface") == (1, 1)
    assert announced_columns("# FORMAT: a<TAB>b (x | y)<TAB>example") == (3, 3)
    assert announced_columns("# FORMAT: a<TAB>b[<TAB>c, d][<TAB>e]") == (2, 4)


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_file_starts_with_its_format(path: Path) -> None:
    first = _format_line(path)
    assert first.startswith("# FORMAT:"), f"{_id(path)} starts with {first!r}"


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_rows_have_the_announced_columns(path: Path) -> None:
    required, maximum = announced_columns(_format_line(path))
    macro_columns = MACRO_COLUMNS.get((path.parent.name, path.name))
    rows = _rows(path)
    assert rows, f"{_id(path)} has no rows"
    for row in rows:
        if macro_columns is not None and row[0].startswith("@"):
            assert len(row) == macro_columns, f"{_id(path)}: macro {row[0]} has {len(row)} columns"
            continue
        assert required <= len(row) <= maximum, f"{_id(path)}: {row!r} has {len(row)} columns, not {required}"
        assert all(cell.strip() for cell in row[:required]), f"{_id(path)}: empty cell in {row!r}"


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_keys_are_listed_once(path: Path) -> None:
    """A key is listed once; its spellings in another case ("armée", "Armée") must mean the same."""
    width = _key_width(_format_line(path))
    seen: set[tuple[str, ...]] = set()
    meanings: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for row in _rows(path):
        cells = tuple(cell.strip() for cell in row)
        key = cells[:width]
        assert key not in seen, f"{_id(path)}: {key} is listed twice"
        seen.add(key)
        meanings.setdefault(tuple(k.lower() for k in key), set()).add(cells[width:])
    conflicts = {key: values for key, values in meanings.items() if len(values) > 1}
    assert conflicts == {}, f"{_id(path)}: one key, several meanings"


def test_stages_declare_layers() -> None:
    assert {"time", "entities", "quantities", "quotes", "checks"} <= set(STAGE_LAYERS)


@pytest.mark.parametrize("layer", STAGE_LAYERS)
def test_every_stage_layer_exists_in_french(layer: str) -> None:
    assert has_layer("fr", layer)


def test_alternation_takes_surfaces_longer_than_the_recursion_limit() -> None:
    import re

    from annales.common.resources import alternation

    long_name = "Abc" * 2000  # a name read from a broken text can be this long
    pattern = re.compile(alternation([long_name, "Abd", "janvier", "janv."]))
    assert pattern.fullmatch(long_name) and pattern.fullmatch("janv.") and not pattern.fullmatch("Ab")
