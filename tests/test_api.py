"""The Python API: `analyze()` and the JSON contract it serialises to."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annales import Analysis, analyze, cli
from annales.model import SCHEMA

TEXT = ("Le 2 décembre 1805, la Grande Armée affronte les Austro-Russes près d'Austerlitz. "
        "La bataille commence à l'aube et s'achève vers 17 heures.\n"
        "Trois jours plus tard, l'empereur d'Autriche demande un armistice.")

CONTRACT: dict[str, type | tuple[type, ...]] = {
    "schema": str, "id": str, "source": dict, "language": str, "metadata": dict, "warnings": list,
    "text": str, "dct": (dict, type(None)), "regions": list, "sentences": list, "timexes": list,
    "entities": list, "quantities": list, "quotes": list, "events": list, "findings": list, "relations": list,
}
TIMEX_KEYS = {"id", "start", "end", "text", "type", "value", "mod", "anchor", "resolved", "interval", "anchoring",
              "confidence", "story_line"}
ANCHORINGS = {None, "explicit", "dct", "story", "relative-to-timex", "relative-to-event"}


@pytest.fixture(scope="module")
def analysis(context: object) -> Analysis:
    return analyze(TEXT, dct="2005-12-02")


def test_analyze_returns_an_analysis(analysis: Analysis) -> None:
    assert isinstance(analysis, Analysis)
    assert analysis.text == TEXT


def test_to_dict_has_every_contract_key_with_its_type(analysis: Analysis) -> None:
    data = analysis.to_dict()
    assert set(data) == set(CONTRACT)
    for key, expected in CONTRACT.items():
        assert isinstance(data[key], expected), key
    assert data["schema"] == SCHEMA
    assert data["dct"] == {"value": "2005-12-02", "origin": "option"}
    assert set(data["source"]) == {"path", "sha256", "encoding", "media_type"}
    json.dumps(data)  # everything in the contract is plain JSON


def test_timexes_follow_the_contract(analysis: Analysis) -> None:
    for timex in analysis.to_dict()["timexes"]:
        assert set(timex) == TIMEX_KEYS
        assert timex["type"] in {"DATE", "TIME", "DURATION", "SET"}
        assert isinstance(timex["resolved"], bool)
        assert timex["anchoring"] in ANCHORINGS
        assert timex["confidence"] is None or 0 <= timex["confidence"] <= 1
        assert timex["story_line"] in (True, False, None)
        assert (timex["confidence"] is None) == (not timex["resolved"] or timex["anchoring"] is None)
        assert TEXT[timex["start"]:timex["end"]] == timex["text"]
        assert timex["interval"] is None or set(timex["interval"]) == {"earliest", "latest"}


def test_sentences_lie_inside_the_text_in_order(analysis: Analysis) -> None:
    sentences = analysis.to_dict()["sentences"]
    assert len(sentences) >= 3
    previous_end = 0
    for sentence in sentences:
        assert previous_end <= sentence["start"] < sentence["end"] <= len(TEXT)
        assert TEXT[sentence["start"]:sentence["end"]].strip()
        previous_end = sentence["end"]


def test_without_dct_the_contract_says_null(context: object) -> None:
    assert analyze("Le 14 juillet 1789, la Bastille tombe.").to_dict()["dct"] is None


def test_api_and_command_line_agree(context: object, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    from annales import analyze_document
    from annales.ingest import read

    path = tmp_path / "austerlitz.txt"
    path.write_text(TEXT, encoding="utf-8")
    (document,) = [d for d in read.read_inputs([str(path)])]
    expected = analyze_document(document).to_dict()

    with pytest.raises(SystemExit) as exit_info:
        cli.main(["analyze", str(path), "--format", "json"])
    assert exit_info.value.code == 0
    assert json.loads(capsys.readouterr().out) == expected
