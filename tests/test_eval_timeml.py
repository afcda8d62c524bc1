"""Reading ISO-TimeML files and the `annales eval timeml` report, on our own small fixtures."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from annales import cli
from annales.errors import InputError
from annales.eval import events as event_scoring
from annales.eval import timeml
from annales.eval.timeml import main, read_directory, read_timeml
from annales.model import Event, EventDate, Span, Timex, Trigger

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


# --- events (`--events`) ---------------------------------------------------------------------

# Two documents of our own: ISO-TimeML as French TimeBank writes it (eiid on the EVENT, a further instance
# as an empty EVENT with the same eid) and TimeML 1.2 (MAKEINSTANCE, and a DCT known only from its <DCT>
# wrapper).
NIVELLE = """<?xml version="1.0" encoding="UTF-8"?>
<TimeML>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="1917-05-20"/></DCT>
<TEXT><TIMEX3 tid="t1" type="DATE" value="1917-04-16">Le 16 avril 1917</TIMEX3>, l'<EVENT class="OCCURRENCE" \
eid="e1" eiid="ei1" pos="NOUN">offensive</EVENT> <EVENT class="OCCURRENCE" eid="e2" eiid="ei2" pos="VERB" \
tense="PAST">échoua</EVENT> <SIGNAL sid="s1">en</SIGNAL> <TIMEX3 tid="t3" type="DURATION" value="P1D">une journée\
</TIMEX3>. <TIMEX3 anchorTimeID="t1" tid="t2" type="DATE" value="1917-04-17">Le lendemain</TIMEX3>, Nivelle \
<EVENT class="I_ACTION" eid="e3" eiid="ei3" pos="VERB">ordonna</EVENT> une autre <EVENT class="OCCURRENCE" eid="e4" \
eiid="ei4" pos="NOUN">attaque</EVENT>.<EVENT class="OCCURRENCE" eid="e4" eiid="ei14"/><EVENT class="STATE" eid="e9" \
eiid="ei19"/> Les soldats sont <EVENT class="STATE" eid="e5" eiid="ei5" \
pos="ADJECTIVE">las</EVENT>.</TEXT>
<TLINK lid="l1" eventInstanceID="ei2" relType="IS_INCLUDED" relatedToTime="t1"/>
<TLINK lid="l2" timeID="t2" relType="INCLUDES" relatedToEventInstance="ei3"/>
<TLINK lid="l3" eventInstanceID="ei4" relType="DURING" relatedToTime="t2"/>
<TLINK lid="l4" eventInstanceID="ei5" relType="INCLUDES" relatedToTime="t0"/>
<TLINK lid="l5" eventInstanceID="ei1" relType="SIMULTANEOUS" relatedToTime="t3"/>
<TLINK lid="l6" timeID="t1" relType="IS_INCLUDED" relatedToEventInstance="ei1"/>
<TLINK lid="l7" eventInstanceID="ei2" relType="BEFORE" relatedToTime="t0"/>
<TLINK lid="l8" eventInstanceID="ei3" relType="AFTER" relatedToEventInstance="ei2"/>
<TLINK lid="l9" eventInstanceID="ei2" relType="IS_INCLUDED" relatedToTime="t1"/>
</TimeML>
"""
ANNONCE = """<?xml version="1.0" encoding="UTF-8"?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1917-05-20"/></DCT>
<TEXT>Le ministre <EVENT class="REPORTING" eid="e1">annonce</EVENT> <TIMEX3 tid="t1" type="DATE" \
value="PRESENT_REF">désormais</TIMEX3> la <EVENT class="OCCURRENCE" eid="e2" modality="POSSIBILITY">reprise</EVENT> \
des combats, que les généraux <EVENT class="I_STATE" eid="e3">jugent</EVENT> nécessaire.</TEXT>
<MAKEINSTANCE eiid="ei10" eventID="e1" tense="PRESENT" aspect="NONE" polarity="POS"/>
<MAKEINSTANCE eiid="ei11" eventID="e2" modality="NECESSITY"/>
<MAKEINSTANCE eiid="ei12" eventID="e3" polarity="NEG"/>
<TLINK lid="l1" eventInstanceID="ei10" relType="IS_INCLUDED" relatedToTime="t0"/>
<TLINK lid="l2" eventInstanceID="ei12" relType="SIMULTANEOUS" relatedToTime="t0"/>
<TLINK lid="l3" eventInstanceID="ei10" relType="IS_INCLUDED" relatedToTime="t1"/>
<TLINK lid="l4" eventInstanceID="ei11" relType="AFTER" relatedToTime="t0"/>
<TLINK lid="l5" eventInstanceID="ei99" relType="IS_INCLUDED" relatedToTime="t0"/>
</TimeML>
"""


@pytest.fixture
def event_corpus(tmp_path: Path) -> Path:
    (tmp_path / "nivelle.tml").write_text(NIVELLE, encoding="utf-8")
    (tmp_path / "annonce.tml").write_text(ANNONCE, encoding="utf-8")
    return tmp_path


def test_reads_events_instances_times_and_tlinks(event_corpus: Path) -> None:
    doc = read_timeml(event_corpus / "nivelle.tml")
    assert [(e.text, e.event_class, e.pos, e.instances) for e in doc.events] == [
        ("offensive", "OCCURRENCE", "NOUN", ("ei1",)), ("échoua", "OCCURRENCE", "VERB", ("ei2",)),
        ("ordonna", "I_ACTION", "VERB", ("ei3",)), ("attaque", "OCCURRENCE", "NOUN", ("ei4", "ei14")),
        ("las", "STATE", "ADJECTIVE", ("ei5",))]
    assert all(doc.text[e.start:e.end] == e.text for e in doc.events)
    assert doc.events[1].tense == "PAST"
    assert doc.times["t0"] == timeml.GoldTime("t0", "DATE", "1917-05-20", creation_time=True)
    lendemain = doc.times["t2"]
    assert (lendemain.value, lendemain.creation_time, doc.text[lendemain.start:lendemain.end]) == (
        "1917-04-17", False, "Le lendemain")
    assert len(doc.tlinks) == 9
    assert doc.tlinks[1] == timeml.GoldTlink("l2", "INCLUDES", time="t2", related_event_instance="ei3")
    # The scored timexes are unchanged: the DCT and the events are no part of them.
    assert [t.text for t in doc.timexes] == ["Le 16 avril 1917", "une journée", "Le lendemain"]


def test_reads_makeinstance_attributes_and_a_dct_known_from_its_wrapper(event_corpus: Path) -> None:
    doc = read_timeml(event_corpus / "annonce.tml")
    annonce, reprise, jugent = doc.events
    assert annonce.instances == ("ei10",) and (annonce.tense, annonce.aspect, annonce.polarity) == (
        "PRESENT", "NONE", "POS")
    assert reprise.modality == "POSSIBILITY"  # written on the EVENT: its instance does not override it
    assert jugent.polarity == "NEG"
    assert doc.times["t0"].creation_time and doc.dct == "1917-05-20"
    assert doc.instance_index() == {"ei10": 0, "ei11": 1, "ei12": 2, "e1": 0, "e2": 1, "e3": 2}


def test_placing_links_follow_the_direction_of_inclusion(event_corpus: Path) -> None:
    links, containing, no_calendar = event_scoring.placing_links(read_timeml(event_corpus / "nivelle.tml"))
    # l1 (l9 repeats it), l2 said from the event's side, l3; l4 and l6 put the date inside the event,
    # l5 names a duration, l7 and l8 say nothing of inclusion.
    assert [(gi, t.tid, rel) for gi, t, rel in links] == [
        (1, "t1", "IS_INCLUDED"), (2, "t2", "IS_INCLUDED"), (3, "t2", "DURING")]
    assert (containing, no_calendar) == (2, 1)


@pytest.mark.parametrize("gold, ours, placed", [
    ("1999-05-17", "1999-05-17T10:00", True), ("1999-05", "1999-05-17", True), ("1999-05-17", "1999-05-17", True),
    ("1999-05", "1999", False), ("1999-05-1", "1999-05-17", False), ("1999-05-17", "1999-05-18", False)])
def test_within(gold: str, ours: str, placed: bool) -> None:
    assert event_scoring.within(gold, ours) is placed


def _event(text: str, word: str, value: str | None = None, inferred: bool = False, widen: int = 0) -> Event:
    """Our event triggered by the first `word` of `text`, its trigger started `widen` characters earlier."""
    start = text.index(word) - widen
    sentence_start = text.rfind(".", 0, start) + 1
    return Event(f"evt-{start}", Span(sentence_start, text.index(".", start) + 1),
                 Trigger(start, start + widen + len(word), text[start:start + widen + len(word)], word),
                 time_inferred=inferred, date=EventDate(value) if value else None)


def event_echo(with_class: bool = False) -> Any:
    """A stand-in for `analyze`: no timex, and events chosen to hit every case once."""
    def fake(text: str, dct: str | None = None, id: str = "text") -> Any:
        if "Nivelle" in text:
            events = [_event(text, "offensive", "1917-04-16", widen=2),  # overlaps, not strict
                      _event(text, "échoua", "1917-04-16T06:00"), _event(text, "ordonna", "1917-04", inferred=True),
                      _event(text, "attaque"), _event(text, "sont")]  # undated; spurious
            classes: list[Any] = ["OCCURRENCE", "OCCURRENCE", "OCCURRENCE", {"class": "OCCURRENCE"}, "STATE"]
        else:
            events = [_event(text, "annonce", "1917-05-20", inferred=True), _event(text, "reprise", "1917"),
                      _event(text, "généraux")]  # spurious
            classes = ["REPORTING", None, None]
        if not with_class:
            # Events of a layer that gives no class at all.
            return SimpleNamespace(timexes=[], events=[SimpleNamespace(**{**vars(e), "event_class": None}, to_dict=dict)
                                                       for e in events])
        # Events as the class-bearing model will give them: the class as an attribute, or serialised only.
        shown = [SimpleNamespace(**{**vars(e), "event_class": c if isinstance(c, str) else None},
                                 to_dict=(lambda c=c: c) if isinstance(c, dict) else dict)
                 for e, c in zip(events, classes, strict=True)]
        return SimpleNamespace(timexes=[], events=shown)

    return fake


def test_event_extent_class_and_placement_scores(monkeypatch: pytest.MonkeyPatch, event_corpus: Path) -> None:
    monkeypatch.setattr(timeml, "analyze", event_echo())
    out = io.StringIO()
    assert main(str(event_corpus), out=out, events=True) == 0
    report = out.getvalue()
    assert "Events: 8 gold events, 8 system events (their triggers)" in report
    # 6 of 8 paired both ways (las and jugent missed, sont and généraux spurious); l'offensive is not strict.
    assert "overlap      0.750   0.750   0.750" in report
    assert "strict       0.625   0.625   0.625" in report
    assert "class: not produced" in report
    assert "OCCURRENCE           4      4   1.000" in report
    assert "I_STATE              1      0   0.000" in report
    assert "VERB                 2      2   1.000" in report
    assert "(none)               3      2   0.667" in report  # TimeML 1.2 writes no part of speech
    assert "ADJECTIVE            1      0   0.000" in report
    assert "placed 2/5 = 0.400" in report
    assert "own             1       1     1.000" in report
    assert "inferred        2       1     0.500" in report
    assert "undated         1       0     0.000" in report
    assert "no event        1       0     0.000" in report
    assert "not counted: 2 link(s) where the event contains the date" in report
    assert "2 to a timex that is no calendar DATE or TIME" in report
    assert "MISSED" not in report


def test_event_counts_per_document(event_corpus: Path) -> None:
    doc = read_timeml(event_corpus / "annonce.tml")
    result = event_scoring.evaluate(doc, event_echo()(doc.text).events)
    counts = result.counts
    assert (counts.gold, counts.system, counts.matched, counts.strict) == (3, 3, 2, 2)
    assert [(link.status, link.placed, link.ours) for link in result.links] == [
        ("inferred", True, "1917-05-20"), ("no event", False, None)]
    assert (counts.links, counts.placed, counts.containing, counts.no_calendar) == (2, 1, 0, 1)


def test_class_accuracy_reads_the_attribute_or_the_serialised_class(
        monkeypatch: pytest.MonkeyPatch, event_corpus: Path) -> None:
    monkeypatch.setattr(timeml, "analyze", event_echo(with_class=True))
    out = io.StringIO()
    main(str(event_corpus), out=out, events=True)
    # Right: offensive, échoua, attaque (serialised), annonce; wrong: ordonna (I_ACTION), reprise (none).
    assert "class accuracy 0.667 (4/6 matched pairs; 2 of our events have no class)" in out.getvalue()


def test_event_errors_list_misses_spurious_events_and_unplaced_links(
        monkeypatch: pytest.MonkeyPatch, event_corpus: Path) -> None:
    monkeypatch.setattr(timeml, "analyze", event_echo())
    out = io.StringIO()
    main(str(event_corpus), errors=True, out=out, events=True)
    lines = out.getvalue().splitlines()
    section = lines[lines.index("missed events (2)"):]
    assert section == [
        "missed events (2)",
        "MISSED    annonce  I_STATE (none) 'jugent'  | a reprise des combats, que les généraux [jugent] nécessaire.",
        "MISSED    nivelle  STATE ADJECTIVE 'las'  | nna une autre attaque. Les soldats sont [las].",
        "",
        "spurious events (2)",
        "SPURIOUS  annonce  'généraux'  | Le ministre annonce désormais la reprise des combats, que les "
        "[généraux] jugent nécessaire.",
        "SPURIOUS  nivelle  'sont'  | Les soldats [sont] las.",  # cut at its sentence
        "",
        "unplaced links (3)",
        "UNPLACED  annonce  'jugent' SIMULTANEOUS 1917-05-20 (DCT): no event  | "
        "a reprise des combats, que les généraux [jugent] nécessaire.",
        "UNPLACED  nivelle  'ordonna' IS_INCLUDED 1917-04-17 (t2 'Le lendemain'): ours 1917-04 (inferred)  | "
        "a en une journée. Le lendemain, Nivelle [ordonna] une autre attaque. Les soldats sont las",
        "UNPLACED  nivelle  'attaque' DURING 1917-04-17 (t2 'Le lendemain'): ours undated  | "
        "Le lendemain, Nivelle ordonna une autre [attaque]. Les soldats sont las.",
    ]


def test_events_with_half_score_only_that_half(monkeypatch: pytest.MonkeyPatch, event_corpus: Path) -> None:
    monkeypatch.setattr(timeml, "analyze", event_echo())
    out = io.StringIO()
    main(str(event_corpus), out=out, events=True, which_half="a")  # annonce < nivelle
    assert "Events: 3 gold events, 3 system events" in out.getvalue()
    assert "placed 1/2 = 0.500" in out.getvalue()


def test_the_command_line_takes_events(monkeypatch: pytest.MonkeyPatch, event_corpus: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(timeml, "analyze", event_echo())
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["eval", "timeml", str(event_corpus), "--events", "--errors", "--half", "b"])
    out = capsys.readouterr().out
    assert exit_info.value.code == 0
    assert "Events: 5 gold events, 5 system events" in out and "placed 1/3 = 0.333" in out
    assert "MISSED    nivelle  STATE ADJECTIVE 'las'" in out and "jugent" not in out


def test_without_events_no_event_section(monkeypatch: pytest.MonkeyPatch, event_corpus: Path) -> None:
    monkeypatch.setattr(timeml, "analyze", event_echo())
    out = io.StringIO()
    main(str(event_corpus), errors=True, out=out)
    assert "Events:" not in out.getvalue() and "UNPLACED" not in out.getvalue()


def test_events_with_the_real_engine(event_corpus: Path) -> None:
    (event_corpus / "annonce.tml").unlink()
    out = io.StringIO()
    assert main(str(event_corpus), out=out, events=True, errors=True) == 0
    report = out.getvalue()
    assert "Events: 5 gold events" in report and "Placement: 3 gold TLINKs" in report
    for row in ("overlap", "strict", "own", "inferred", "undated", "no event", "missed events", "unplaced links"):
        assert any(line.startswith(row) for line in report.splitlines()), row
