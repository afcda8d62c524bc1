"""The language data of ingest: every FORMAT line gives an example, every example matches its pattern.

The checks every resource file passes (FORMAT line, columns, keys) are in test_resources.py."""

from __future__ import annotations

import pytest

from annales.common.resources import ROOT
from annales.ingest.boilerplate import Cue, cues
from annales.ingest.bylines import BylinePattern, byline_patterns, date_of
from annales.ingest.structure import attribution_strength

INGEST = ROOT / "fr" / "ingest"


FILES = sorted(p.name for p in INGEST.iterdir() if p.name.endswith((".tsv", ".txt")))


@pytest.mark.parametrize("name", FILES)
def test_every_format_line_gives_an_example(name: str) -> None:
    first = INGEST.joinpath(name).read_text(encoding="utf-8").splitlines()[0]
    assert "example" in first.lower() or "e.g." in first.lower()


@pytest.mark.parametrize("cue", cues("fr"), ids=lambda cue: cue.example[:30])
def test_boilerplate_examples_match(cue: Cue) -> None:
    assert cue.pattern.search(cue.example)


@pytest.mark.parametrize("byline", byline_patterns("fr"), ids=lambda b: b.example)
def test_byline_examples_match_and_carry_a_date(byline: BylinePattern) -> None:
    match = byline.pattern.match(byline.example)
    assert match and date_of(match, "fr")


@pytest.mark.parametrize("line", ["Contre-amiral Jean Dupuy", "Rear Admiral John Smith", "Marie Curie"])
def test_names_file_drives_attributions(line: str) -> None:
    assert attribution_strength(line, "fr") is not None
