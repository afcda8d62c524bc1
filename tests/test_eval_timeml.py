"""Reading ISO-TimeML files and the `annales eval timeml` report, on our own small fixtures."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from annales.errors import InputError
from annales.eval import timeml
from annales.eval.timeml import main, read_directory, read_timeml
from annales.model import Timex

FIXTURES = Path(__file__).parent / "fixtures" / "timeml"


def test_reads_text_dct_and_timexes_with_entities_decoded() -> None:
    doc = read_timeml(FIXTURES / "bastille.tml")
    assert doc.id == "bastille"
    assert doc.dct == "1989-07-14"
    assert doc.text == ("\nLe 14 juillet 1789, la foule prit la Bastille. Trois jours plus tard, "
                        "le roi se rendit à l'Hôtel de Ville & y reçut la cocarde.\n")
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Le 14 juillet 1789", "DATE", "1789-07-14"), ("Trois jours plus tard", "DATE", "1789-07-17")]


def test_offsets_point_into_the_plain_text() -> None:
    for path in FIXTURES.glob("*.tml"):
        doc = read_timeml(path)
        assert doc.timexes
        for timex in doc.timexes:
            assert doc.text[timex.start:timex.end] == timex.text
        assert "<" not in doc.text.replace("<précisément>", "")


def test_nested_tags_comments_and_non_consuming_timexes() -> None:
    doc = read_timeml(FIXTURES / "siege.tml")
    assert doc.dct == "1971-01-28"  # the time of day of the creation time is dropped
    assert [t.text for t in doc.timexes] == [
        "environ quatre mois", "deux fois par jour", "l'aube du 20 septembre",
        "à la fin de l'hiver de 1871", "à 8\u00a0h\u00a030"]
    assert doc.timexes[0].mod == "APPROX"
    assert "comment" not in doc.text  # an XML comment is not document text
    assert "<précisément>" in doc.text  # escaped markup is text


def test_creation_time_without_a_dct_element(tmp_path: Path) -> None:
    (tmp_path / "a.tml").write_text(
        '<TimeML><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="1815-06-18"/>'
        '<TEXT>Il partit <TIMEX3 tid="t1" type="DATE" value="1815-06-19">le lendemain</TIMEX3>.</TEXT>'
        "</TimeML>", encoding="utf-8")
    doc = read_timeml(tmp_path / "a.tml")
    assert doc.dct == "1815-06-18"
    assert doc.text == "Il partit le lendemain."
    (tmp_path / "b.tml").write_text("<TimeML><TEXT>Rien.</TEXT></TimeML>", encoding="utf-8")
    assert read_timeml(tmp_path / "b.tml").dct is None


@pytest.mark.parametrize("content", ["<TimeML><TEXT>Le <TIMEX3>jour</TEXT></TimeML>", "<TimeML/>"])
def test_unusable_file_is_an_input_error(tmp_path: Path, content: str) -> None:
    (tmp_path / "bad.tml").write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="bad.tml"):
        read_timeml(tmp_path / "bad.tml")


def test_missing_or_empty_directory_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such directory"):
        main(str(tmp_path / "absent"))
    with pytest.raises(InputError, match="no .tml files"):
        main(str(tmp_path))


def gold_echo(wrong: dict[str, str] | None = None, extra: bool = False) -> Any:
    """A stand-in for `analyze` that returns the gold timexes, with chosen values changed."""
    wrong = wrong or {}
    docs = {doc.text: doc for doc in read_directory(FIXTURES)}

    def fake(text: str, dct: str | None = None, id: str = "text") -> Any:
        found = [Timex(f"t{i}", t.start, t.end, t.text, t.type, wrong.get(t.text, t.value))  # type: ignore[arg-type]
                 for i, t in enumerate(docs[text].timexes)
                 if t.text != "quatre heures"]  # one miss
        if extra and "Bastille" in text:
            start = text.index("Bastille")
            found.append(Timex("t99", start, start + 8, "Bastille", "DATE", "1789"))
        return SimpleNamespace(timexes=found)

    return fake


def test_main_reports_scores_and_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timeml, "analyze", gold_echo({"dimanche": "1999-05-16"}, extra=True))
    out = io.StringIO()
    assert main(str(FIXTURES), errors=True, out=out) == 0
    report = out.getvalue()
    assert "3 documents, 10 gold timexes, 10 system timexes" in report
    # 9 of 10 found, 1 false positive: P = R = F1 = 0.9; one of the 9 values is wrong.
    assert "strict       0.900   0.900   0.900" in report
    assert "value        0.800   0.800   0.800     0.889" in report
    assert "DURATION       2   0.500      1.000       1" in report
    assert "MISS   hameau  DURATION PT4H 'quatre heures'" in report
    assert "FALSE  bastille  DATE 1789 'Bastille'" in report
    assert ("WRONG  hameau  value: gold DATE 1999-05-23 'dimanche' / "
            "system DATE 1999-05-16 'dimanche'") in report
    assert "se retrouvent [dimanche] pour la fête" in report


def test_main_without_errors_prints_no_error_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timeml, "analyze", gold_echo())
    out = io.StringIO()
    main(str(FIXTURES), out=out)
    assert "MISS" not in out.getvalue() and "misses" not in out.getvalue()


def test_a_failing_document_is_reported_and_the_others_scored(monkeypatch: pytest.MonkeyPatch) -> None:
    echo = gold_echo()

    def flaky(text: str, dct: str | None = None, id: str = "text") -> Any:
        if id == "siege":
            raise ValueError("boom")
        return echo(text, dct=dct, id=id)

    monkeypatch.setattr(timeml, "analyze", flaky)
    out = io.StringIO()
    assert main(str(FIXTURES), out=out) == 1
    assert "siege: ValueError: boom" in out.getvalue()
    assert "10 gold timexes, 4 system timexes" in out.getvalue()


def test_main_with_the_real_engine_prints_the_report(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(FIXTURES / "hameau.tml", tmp_path)
    assert main(str(tmp_path)) == 0
    report = capsys.readouterr().out
    assert "1 documents, 3 gold timexes" in report
    for row in ("strict", "relaxed", "type", "value", "DATE", "TIME", "DURATION", "SET", "time:"):
        assert any(line.startswith(row) for line in report.splitlines()), row
