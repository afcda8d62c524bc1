"""CSV export: one row per event, timex rows when there are no events, header only when empty."""

from __future__ import annotations

import csv
import io

import pytest
from test_export_tei import sample

from annales.export import csv as csv_export
from annales.model import Analysis, Entity, Event, Mention, Participant, Sentence, Span, Timex, Trigger


def _rows(analysis: Analysis) -> list[list[str]]:
    stream = io.StringIO()
    csv_export.write(analysis, stream)
    return list(csv.reader(io.StringIO(stream.getvalue())))


def test_one_row_per_event() -> None:
    rows = _rows(sample())
    assert rows[0] == csv_export.COLUMNS
    assert [r[1] for r in rows[1:]] == ["ev1", "ev2", "ev3"]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["date"] == "1917-03-03" and first["inferred"] == "no"
    # Roles are written beside the names, places among them as "place".
    assert first["participants"] == "général Nivelle (agent); 5e régiment (other); Verdun (place)"
    assert first["places"] == "Verdun" and first["figures"] == "1 200 hommes"
    assert (first["trigger"], first["class"], first["factuality"], first["polarity"], first["head"]) == (
        "quitte", "OCCURRENCE", "fact", "POS", "")
    assert first["phrase"] == "le général Nivelle quitte Verdun"
    assert dict(zip(rows[0], rows[3], strict=True))["inferred"] == "yes"
    assert "<script>&" in rows[2][rows[0].index("sentence")]


def test_timex_fallback_and_empty() -> None:
    analysis = sample()
    analysis.events = []
    rows = _rows(analysis)
    assert [(r[0], r[1], r[3]) for r in rows[1:]] == [("timex", "t1", "1917-03-03"), ("timex", "t2", "1917-SP"),
                                                     ("timex", "t3", "")]
    assert _rows(Analysis(id="e", text="")) == [csv_export.COLUMNS]


def test_deterministic() -> None:
    assert _rows(sample()) == _rows(sample())


def test_through_analyze(context) -> None:
    from annales import analyze

    rows = _rows(analyze("Le 12 juin 1940, Weygand arrive à Briare.", dct="1940-06-20", context=context))
    assert rows[0] == csv_export.COLUMNS
    assert any("1940-06-12" in r for r in rows[1:])


@pytest.mark.parametrize(("cell", "written"), [
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
    ("+33 1 23", "'+33 1 23"),
    ("-12 hommes", "'-12 hommes"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("\rcmd", "'\rcmd"),
    ("\x00x", "'\x00x"),
    ("a = b - c", "a = b - c"),  # only the first character makes a formula
    ("1917-03-03", "1917-03-03"),
    ("", ""),
    ("\ud800x", "\ufffdx"),
])
def test_safe_cell(cell: str, written: str) -> None:
    assert csv_export.safe_cell(cell) == written


def test_formula_cells_from_the_text_are_written_as_text() -> None:
    text = "=cmd|' /C calc'!A0 le 3 mars 1917 \x1b[31m."
    analysis = Analysis(id="f", text=text, sentences=[Sentence(0, len(text))],
                        timexes=[Timex("t1", 19, 33, "le 3 mars 1917", "DATE", "1917-03-03")],
                        entities=[Entity("e1", "person", "@Nivelle", mentions=[Mention(0, 4, "=cmd")])],
                        events=[Event("ev1", Span(0, len(text)), Trigger(19, 21, "le", "le"), participants=[
                            Participant("e1", "agent", "-général")], story_order=1)])
    header, row = _rows(analysis)
    cells = dict(zip(header, row, strict=True))
    assert cells["sentence"] == "'=cmd|' /C calc'!A0 le 3 mars 1917 \x1b[31m."  # the control character kept
    assert cells["participants"] == "'-général @Nivelle (agent)"
    assert cells["story_order"] == "1"
