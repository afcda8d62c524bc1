"""Each exporter writes what its contract says; the registry lists them all."""

from __future__ import annotations

import io
import json
import re
from importlib import import_module

import pytest

from annales.export import FORMATS, get_writer
from annales.export import text as text_export
from annales.model import Analysis, Dct, Interval, Sentence, Timex

TEXT = ("Le 3 mars 1917, la compagnie quitte Verdun.\n"
        "Le lendemain, à 6 heures du matin, elle arrive à Bar-le-Duc.\n"
        "Le 18, elle repart pendant trois jours.")


def _timex(id: str, phrase: str, type: str, value: str, resolved: bool = True,
           interval: tuple[str, str] | None = None) -> Timex:
    start = TEXT.index(phrase)
    return Timex(id=id, start=start, end=start + len(phrase), text=phrase, type=type, value=value,
                 resolved=resolved, interval=Interval(*interval) if interval else None)


def _analysis(id: str = "doc-1") -> Analysis:
    first, second = TEXT.index("\n"), TEXT.rindex("\n")
    return Analysis(
        id=id, text=TEXT, dct=Dct("1917-03-20", "option"), metadata={"title": "Mars 1917"},
        sentences=[Sentence(0, first), Sentence(first + 1, second), Sentence(second + 1, len(TEXT))],
        timexes=[
            # Listed out of order on purpose: the chronology sorts them.
            _timex("t2", "Le lendemain, à 6 heures du matin", "TIME", "1917-03-04T06:00",
                   interval=("1917-03-04T06:00", "1917-03-04T06:59")),
            _timex("t1", "Le 3 mars 1917", "DATE", "1917-03-03", interval=("1917-03-03", "1917-03-03")),
            _timex("t3", "Le 18", "DATE", "XXXX-XX-18", resolved=False),
            _timex("t4", "pendant trois jours", "DURATION", "P3D"),
        ],
        warnings=["not French?"],
    )


def _written(format: str, *analyses: Analysis) -> str:
    stream = io.StringIO()
    write = get_writer(format)
    for analysis in analyses:
        write(analysis, stream)
    return stream.getvalue()


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_registered_format_has_a_writer(name: str) -> None:
    assert callable(import_module(FORMATS[name]).write)
    assert get_writer(name) is import_module(FORMATS[name]).write


def test_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="jsonl"):
        get_writer("xml")


def test_json_round_trips_to_the_contract() -> None:
    analysis = _analysis()
    out = _written("json", analysis)
    assert json.loads(out) == analysis.to_dict()
    assert "Le 3 mars 1917" in out  # ensure_ascii=False keeps French readable
    assert out.endswith("}\n")


def test_jsonl_writes_one_line_per_document() -> None:
    analyses = [_analysis("a"), _analysis("b"), _analysis("c")]
    lines = _written("jsonl", *analyses).splitlines()
    assert len(lines) == 3  # the newlines inside the text stay escaped
    assert [json.loads(line)["id"] for line in lines] == ["a", "b", "c"]
    assert json.loads(lines[0]) == analyses[0].to_dict()


def test_text_lists_dates_in_time_order_then_unresolved_then_durations() -> None:
    out = _written("text", _analysis())
    assert out.startswith("== Mars 1917 ==\n")
    assert "DCT: 1917-03-20 (option)" in out
    march_3 = out.index("1917-03-03")
    march_4 = out.index("1917-03-04 06:00")
    unresolved = out.index("unresolved")
    duration = out.index("DURATION P3D")
    assert march_3 < march_4 < unresolved < duration


def test_text_shows_each_date_in_its_sentence() -> None:
    out = _written("text", _analysis())
    assert "[Le 3 mars 1917], la compagnie quitte Verdun." in out
    assert "[Le lendemain, à 6 heures du matin], elle arrive à Bar-le-Duc." in out
    unresolved_line = next(line for line in out.splitlines() if "unresolved" in line)
    assert "[Le 18], elle repart pendant trois jours." in unresolved_line
    assert "«pendant trois jours»" in out


def test_text_without_dates_says_so() -> None:
    analysis = Analysis(id="vide", text="Rien ne se passe.", sentences=[Sentence(0, 17)])
    out = _written("text", analysis)
    assert "== vide ==" in out and "DCT: unknown" in out and "(no dates found)" in out


def test_text_cuts_long_sentences_around_the_date() -> None:
    filler = "les hommes attendent sous la pluie " * 20
    text = filler + "le 9 avril 1917 " + filler
    start = text.index("le 9 avril")
    analysis = Analysis(id="long", text=text, sentences=[Sentence(0, len(text))], timexes=[
        Timex("t1", start, start + 15, "le 9 avril 1917", "DATE", "1917-04-09")])
    line = next(line for line in _written("text", analysis).splitlines() if "1917-04-09" in line)
    excerpt = line.split("  ", 2)[-1].strip()
    assert "[le 9 avril 1917]" in excerpt
    assert len(excerpt) <= text_export.EXCERPT_WIDTH
    assert excerpt.startswith("…") and excerpt.endswith("…")


def test_text_is_deterministic() -> None:
    assert _written("text", _analysis()) == _written("text", _analysis())


def test_text_keeps_the_excerpt_inside_its_line() -> None:
    text = "Par Jeanne Morel\nLe 6 juin 1944, les Alliés débarquent."
    start = text.index("Le 6 juin")
    # As if the parser had run the byline and the first sentence together.
    analysis = Analysis(id="ligne", text=text, sentences=[Sentence(0, len(text))], timexes=[
        Timex("t1", start, start + 14, "Le 6 juin 1944", "DATE", "1944-06-06")])
    assert "  [Le 6 juin 1944], les Alliés débarquent." in _written("text", analysis)


@pytest.mark.parametrize(("value", "shown"), [
    ("1914-12-15T06:00", "1914-12-15 06:00"),
    ("1944-06-06TMO", "1944-06-06 MO"),
    ("1944-SU", "1944-SU"),
    ("PRESENT_REF", "PRESENT_REF"),
])
def test_text_splits_date_and_time_only_for_calendar_values(value: str, shown: str) -> None:
    analysis = Analysis(id="v", text="Alors il partit.", sentences=[Sentence(0, 16)], timexes=[
        Timex("t1", 0, 5, "Alors", "DATE", value)])
    line = next(line for line in _written("text", analysis).splitlines() if "[Alors]" in line)
    assert line.split("  [")[0].split() == shown.split()


# --- hostile text: control characters, escape sequences, bidi overrides, lone surrogates --------

HOSTILE = "Le 3 mars 1917\x1b[31m rouge\x1b]0;titre\x07 \x00\x9b2J\x7f \u202edroite\u202c\r\u2028 \ud800 fin."


def _hostile(id: str = "doc\nannales: error: forged\x1b[2J") -> Analysis:
    return Analysis(id=id, text=HOSTILE, metadata={"title": "Titre\x1b[31m\u202e"},
                    sentences=[Sentence(0, len(HOSTILE))],
                    timexes=[Timex("t1", 0, 14, "Le 3 mars 1917", "DATE", "1917-03-03")])


TERMINAL_ACTIVE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@pytest.mark.parametrize("name", ["json", "jsonl", "timelinejs"])
def test_json_formats_keep_the_text_as_given_and_escape_what_a_terminal_would_act_on(name: str) -> None:
    out = _written(name, _hostile())
    out.encode("utf-8")  # the lone surrogate is escaped, not written raw
    assert not TERMINAL_ACTIVE.search(out.replace("\n", ""))
    if name == "timelinejs":
        assert "\\u001b[31m" in out and "\\u202e" in out and "\\ud800" in out
        return
    assert json.loads(out) == _hostile().to_dict()  # every character comes back as it was
    if name == "jsonl":
        assert out.count("\n") == 1 and out.endswith("\n")


def test_text_shows_control_characters_as_escapes() -> None:
    out = _written("text", _hostile())
    out.encode("utf-8")
    assert not TERMINAL_ACTIVE.search(out)
    assert out.startswith("== Titre\\x1b[31m\\u202e ==\n")
    assert "id: doc\\nannales: error: forged\\x1b[2J\n" in out  # the id stays on its own line
    assert not any(line.startswith("annales:") for line in out.splitlines())
    assert "\\x1b]0;titre\\x07" in out and "\\x9b2J" in out and "\\ud800" in out


def test_text_keeps_tabs() -> None:
    analysis = Analysis(id="a\tb", text="Rien.", sentences=[Sentence(0, 5)])
    assert "== a\tb ==" in _written("text", analysis)
