"""One happening, one line: the phrase of an event, the grouping of a sentence's events under its main
event, and the default selection of happenings in the text, HTML, TimelineJS and CSV views."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from lxml import html as lxml_html
from test_cli import run

from annales.export import ExportOptions, get_writer
from annales.export.happenings import lines, selected
from annales.export.phrases import Phrases, phrase
from annales.model import (
    Analysis,
    Dct,
    Entity,
    Event,
    EventDate,
    Mention,
    Participant,
    Sentence,
    Span,
    Timex,
    Trigger,
)

# Written for these tests: a landing with a purpose, a negated capture, a pronoun, a passive, a death
# told in a participial clause on another day, a state, and a landing told under a state.
SENTENCES = [
    "Le 9 août 1914, le 9e RI débarque à Valmy pour attaquer la ferme.",
    "Le lendemain, Foch n'a pas pris Metz.",
    "Il a aussitôt franchi la rivière près de Meaux.",
    "Metz a été prise par Moltke.",
    "Il s'est emparé du fort de Vaux.",
    "Le colonel Dubreuil, tué le 8 août 1914, est enterré à Reims.",
    "Sa mission est de couvrir Verdun.",
    "Le bataillon, qui avait débarqué à Épernay, est épuisé.",
]
TEXT = " ".join(SENTENCES)
ALL_EVENTS = ExportOptions(all_events=True)


def _at(phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return start, start + len(phrase)


def _sentence(n: int) -> Span:
    start = TEXT.index(SENTENCES[n])
    return Span(start, start + len(SENTENCES[n]))


def _entity(id: str, type: str, name: str, *written: tuple[str, int]) -> Entity:
    return Entity(id, type, name, mentions=[Mention(*_at(w, nth), w) for w, nth in written])  # type: ignore[arg-type]


def _event(id: str, sentence: int, word: str, lemma: str, date: str, *, nth: int = 0, **fields) -> Event:
    start, end = _at(word, nth)
    return Event(id, _sentence(sentence), Trigger(start, end, word, lemma), date=EventDate(date, date, date),
                 story_order=int(id[1:]), **fields)


def analysis() -> Analysis:
    starts = [TEXT.index(s) for s in SENTENCES]
    timexes = [Timex("t1", *_at("Le 9 août 1914"), "Le 9 août 1914", "DATE", "1914-08-09"),
               Timex("t2", *_at("Le lendemain"), "Le lendemain", "DATE", "1914-08-10"),
               Timex("t3", *_at("le 8 août 1914"), "le 8 août 1914", "DATE", "1914-08-08")]
    entities = [
        _entity("u1", "unit", "9e régiment d'infanterie", ("9e RI", 0)),
        _entity("p1", "place", "Valmy", ("Valmy", 0)),
        _entity("f", "person", "Foch", ("Foch", 0)),
        _entity("p2", "place", "Metz", ("Metz", 0), ("Metz", 1)),
        _entity("p3", "place", "Meaux", ("Meaux", 0)),
        _entity("m", "person", "Moltke", ("Moltke", 0)),
        _entity("d", "person", "Dubreuil", ("Dubreuil", 0)),
        _entity("p4", "place", "Reims", ("Reims", 0)),
        _entity("p5", "place", "Épernay", ("Épernay", 0)),
    ]
    he = Span(*_at("Il a aussitôt")).start
    events = [
        _event("e1", 0, "débarque", "débarquer", "1914-08-09", participants=[Participant("u1", "agent")],
               places=["p1"]),
        _event("e2", 0, "attaquer", "attaquer", "1914-08-09", head="e1", factuality="future"),
        _event("e3", 1, "pris", "prendre", "1914-08-10", polarity="NEG", factuality="counterfactual",
               participants=[Participant("f", "agent"), Participant("p2", "patient")]),
        _event("e4", 2, "franchi", "franchir", "1914-08-10",
               participants=[Participant("f", "agent", resolved_from=Span(he, he + 2))], places=["p3"]),
        _event("e5", 3, "prise", "prendre", "1914-08-10",
               participants=[Participant("m", "agent"), Participant("p2", "patient")]),
        _event("e6", 4, "emparé", "emparer", "1914-08-10",
               participants=[Participant("f", "agent", resolved_from=Span(starts[4], starts[4] + 2))]),
        _event("e7", 5, "enterré", "enterrer", "1914-08-10", places=["p4"]),
        _event("e8", 5, "tué", "tuer", "1914-08-08", head="e7", participants=[Participant("d", "patient")]),
        _event("e9", 6, "est", "être", "1914-08-10", nth=2, event_class="STATE"),  # not "s'est", "est enterré"
        _event("e10", 6, "couvrir", "couvrir", "1914-08-10", head="e9", factuality="possible"),
        _event("e11", 7, "épuisé", "épuiser", "1914-08-10", event_class="STATE"),
        _event("e12", 7, "débarqué", "débarquer", "1914-08-10", head="e11", places=["p5"]),
    ]
    for event in events[1:]:
        event.time_inferred = event.id != "e8"
    return Analysis(id="aout", text=TEXT, dct=Dct("1914-09-01", "option"), metadata={"title": "Août 1914"},
                    sentences=[Sentence(s.start, s.end) for s in (_sentence(n) for n in range(len(SENTENCES)))],
                    timexes=timexes, entities=entities, events=events)


def _phrases() -> dict[str, str]:
    a = analysis()
    built = Phrases(a)
    return {e.id: built.of(e) for e in a.events}


def test_phrase_is_the_clause_in_its_own_words() -> None:
    phrases = _phrases()
    assert phrases["e1"] == "le 9e RI débarque à Valmy"  # the actor as written, not the lemma
    assert phrases["e3"] == "Foch n'a pas pris Metz"  # the negation stays with the verb
    assert phrases["e5"] == "Metz a été prise par Moltke"  # a passive keeps its order and its agent


def test_phrase_names_the_actor_a_pronoun_stands_for() -> None:
    phrases = _phrases()
    # "Il" resolved to Foch; the adverb between the auxiliary and the participle is kept.
    assert phrases["e4"] == "Foch a aussitôt franchi la rivière près de Meaux"
    assert phrases["e6"] == "Foch s'est emparé du fort de Vaux"


def test_phrase_passes_over_an_incise_to_find_the_subject() -> None:
    phrases = _phrases()
    assert phrases["e7"] == "Le colonel Dubreuil est enterré à Reims"
    assert phrases["e11"] == "Le bataillon est épuisé"  # the relative clause is its own event, e12


def test_phrase_adds_a_place_said_before_the_verb_with_its_preposition() -> None:
    text = "À Valmy, le régiment débarque."
    a = Analysis(id="v", text=text, sentences=[Sentence(0, len(text))],
                 entities=[Entity("p", "place", "Valmy", mentions=[Mention(2, 7, "Valmy")])],
                 events=[Event("e1", Span(0, len(text)), Trigger(21, 29, "débarque", "débarquer"), places=["p"])])
    assert phrase(a, a.events[0]) == "le régiment débarque à Valmy"


def test_a_place_is_never_the_actor() -> None:
    text = "Verdun résiste."
    a = Analysis(id="v", text=text, sentences=[Sentence(0, len(text))],
                 entities=[Entity("p", "place", "Verdun", mentions=[Mention(0, 6, "Verdun")])],
                 events=[Event("e1", Span(0, len(text)), Trigger(7, 14, "résiste", "résister"),
                               participants=[Participant("p", "agent")])])
    assert phrase(a, a.events[0]) == "Verdun résiste"  # the words as written, never "par Verdun"


def test_phrase_of_an_event_noun_keeps_its_article_and_its_agent() -> None:
    text = "On apprend l'invasion de la Belgique par les Allemands."
    start = text.index("invasion")
    a = Analysis(id="n", text=text, sentences=[Sentence(0, len(text))],
                 entities=[Entity("b", "place", "Belgique", mentions=[Mention(*_span(text, "Belgique"), "Belgique")]),
                           Entity("g", "organization", "Allemands",
                                  mentions=[Mention(*_span(text, "Allemands"), "Allemands")])],
                 events=[Event("e1", Span(0, len(text)), Trigger(start, start + 8, "invasion", "invasion"),
                               participants=[Participant("g", "agent")], places=["b"])])
    assert phrase(a, a.events[0]) == "l'invasion de la Belgique par les Allemands"


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_long_phrases_are_cut_at_a_word() -> None:
    text = "Le régiment " + "très " * 40 + "fatigué marche."
    start = text.index("marche")
    a = Analysis(id="l", text=text, sentences=[Sentence(0, len(text))],
                 events=[Event("e1", Span(0, len(text)), Trigger(start, start + 6, "marche", "marcher"))])
    out = phrase(a, a.events[0])
    assert out.endswith("marche") and len(out) < 90  # the subject is cut, the verb stays


def test_lines_group_sub_events_and_select_happenings() -> None:
    groups = {line.main.id: [s.id for s in line.subs] for line in lines(analysis())}
    # e2 is a purpose (future), e3 negated, e9/e10/e11 states and possibilities: not listed.
    # e8 has its own date: its own line; e12 is told under a state: its own line.
    assert groups == {"e1": [], "e4": [], "e5": [], "e6": [], "e7": [], "e8": [], "e12": []}
    everything = {line.main.id: [s.id for s in line.subs] for line in lines(analysis(), ALL_EVENTS)}
    assert everything["e1"] == ["e2"] and everything["e9"] == ["e10"] and everything["e11"] == ["e12"]
    assert "e8" in everything  # another day: never folded into the burial
    assert len(selected(analysis(), ALL_EVENTS)) == 12


def test_lines_survive_a_loop_of_heads() -> None:
    a = analysis()
    a.events[0].head, a.events[1].head = "e2", "e1"
    assert sum(1 + len(line.subs) for line in lines(a, ALL_EVENTS)) == 12


def _written(name: str, a: Analysis, options: ExportOptions | None = None) -> str:
    stream = io.StringIO()
    get_writer(name, options)(a, stream)
    return stream.getvalue()


def _chronology(out: str) -> list[str]:
    rows = out.splitlines()
    start = rows.index("Chronology") + 1
    return [row for row in rows[start:rows.index("", start)] if not row.lstrip().startswith("(")]


def test_text_chronology_one_line_per_happening() -> None:
    out = _written("text", analysis())
    rows = _chronology(out)
    assert len(rows) == 7
    assert rows[0].startswith("   1914-08-08") and "Dubreuil tué  «" in rows[0]  # its own day, first
    assert rows[1].startswith("   1914-08-09") and "le 9e RI débarque à Valmy  «" in rows[1]
    assert not any("n'a pas pris" in row.split("«")[0] for row in rows)
    assert "(happenings only: 7 of 12 events; --all-events lists them all)" in out


def test_text_chronology_with_every_event_marks_what_did_not_happen() -> None:
    rows = _chronology(_written("text", analysis(), ALL_EVENTS))
    assert len(rows) == 9  # 12 events: three told under another
    landing = next(row for row in rows if "débarque à Valmy" in row)
    assert "(+ attaquer la ferme [future])" in landing
    assert any("Foch n'a pas pris Metz [counterfactual, NEG]" in row for row in rows)
    assert any("est épuisé [STATE] (+ avait débarqué à Épernay)" in row for row in rows)
    assert any("Sa mission est [STATE] (+ couvrir Verdun [possible])" in row for row in rows)


def test_timelinejs_keeps_dated_happenings_with_readable_headlines() -> None:
    slides = json.loads(_written("timelinejs", analysis()))["events"]
    headlines = [s["text"]["headline"] for s in slides]
    assert "Le 9e RI débarque à Valmy" in headlines and "Foch a aussitôt franchi la rivière près de Meaux" in headlines
    assert len(slides) == 7 and not any("pris Metz" in h and "n'a" in h for h in headlines)
    every = json.loads(_written("timelinejs", analysis(), ALL_EVENTS))["events"]
    landing = next(s for s in every if s["unique_id"] == "e1")
    assert "<li>attaquer la ferme [future]</li>" in landing["text"]["text"]  # the purpose, in the slide text
    assert len(every) == 9


def test_timelinejs_without_happenings_makes_no_slide_of_dates() -> None:
    a = analysis()
    a.events = [e for e in a.events if e.id in ("e3", "e9")]
    assert json.loads(_written("timelinejs", a))["events"] == []


def test_csv_rows_carry_trigger_class_factuality_and_roles() -> None:
    def table(options: ExportOptions | None = None) -> list[dict[str, str]]:
        rows = list(csv.reader(io.StringIO(_written("csv", analysis(), options))))
        return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]

    default, every = table(), table(ALL_EVENTS)
    assert [r["id"] for r in default] == ["e1", "e4", "e5", "e6", "e7", "e8", "e12"]
    assert len(every) == 12
    capture = next(r for r in every if r["id"] == "e3")
    assert (capture["trigger"], capture["class"], capture["factuality"], capture["polarity"]) == (
        "pris", "OCCURRENCE", "counterfactual", "NEG")
    assert capture["participants"] == "Foch (agent); Metz (patient)"
    landing = next(r for r in default if r["id"] == "e1")
    assert landing["participants"] == "9e régiment d'infanterie (agent); Valmy (place)"
    assert landing["phrase"] == "le 9e RI débarque à Valmy"
    assert next(r for r in every if r["id"] == "e2")["head"] == "e1"


def test_html_chronology_groups_and_says_what_it_left_out() -> None:
    doc = lxml_html.fromstring(_written("html", analysis()))
    cells = [" ".join(td.text_content().split()) for td in doc.xpath("//table//tr/td[3]")]
    assert "le 9e RI débarque à Valmy" in cells and len(cells) == 7
    assert "7 événements sur 12" in doc.xpath("string(//h2[@id='chronologie']/following-sibling::p[2])")
    every = lxml_html.fromstring(_written("html", analysis(), ALL_EVENTS))
    assert every.xpath("//table//td[3]/ul/li[contains(., 'attaquer la ferme')]")


def test_json_keeps_every_event_whatever_the_options() -> None:
    assert _written("json", analysis(), ALL_EVENTS) == _written("json", analysis())
    assert len(json.loads(_written("json", analysis()))["events"]) == 12


def test_through_analyze(context) -> None:
    from annales import analyze

    a = analyze("Le 12 juin 1940, le général Weygand arrive à Briare.", dct="1940-06-20", context=context)
    slides = json.loads(_written("timelinejs", a))["events"]
    assert slides and "arrive" in slides[0]["text"]["headline"]  # the verb as written, not "arriver"
    assert "Briare" in slides[0]["text"]["headline"]


@pytest.mark.parametrize("fmt", ["csv", "text"])
def test_all_events_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    path = tmp_path / "juin.txt"
    path.write_text("Le 12 juin 1940, Weygand arrive à Briare. Il ne pouvait plus reculer. Il dit qu'il "
                    "faut attendre.", encoding="utf-8")
    code, default, _ = run(["analyze", str(path), "-f", fmt], capsys)
    assert code == 0
    code, every, _ = run(["analyze", str(path), "-f", fmt, "--all-events"], capsys)
    assert code == 0 and len(every.splitlines()) >= len(default.splitlines())
    assert "arrive à Briare" in every


def _phrase_of(context, text: str, word: str) -> str:
    from annales import analyze

    a = analyze(text, dct="1950-01-01", context=context)
    event = next(e for e in a.events if e.trigger.text == word)
    return phrase(a, event)


def test_a_participle_opening_its_incise_is_said_of_the_words_before_its_comma(context) -> None:
    text = "Le traité de Versailles, signé le 28 juin 1919, impose de lourdes réparations."
    assert _phrase_of(context, text, "signé").startswith("Le traité de Versailles signé")
    # A place completing a noun ("de Versailles") is part of the subject, not a complement put first.
    assert _phrase_of(context, text, "impose").startswith("Le traité de Versailles impose")


def test_a_verb_group_after_a_fronted_place_takes_no_subject_from_it(context) -> None:
    text = "À Orléans, nous fûmes reçus par le maire."
    assert not _phrase_of(context, text, "reçus").startswith("À Orléans")


def test_a_long_subject_keeps_its_head(context) -> None:
    text = "Le 4 mai, la prise de la redoute par les chasseurs du commandant Petit ouvre la route."
    assert _phrase_of(context, text, "ouvre").startswith("la prise de la redoute")


def test_a_passive_keeps_its_subject_in_front_of_an_agent_named_further_on(context) -> None:
    text = "Le 2 mai, le commandant de la batterie est remplacé par un jeune lieutenant, Paul Girard."
    assert _phrase_of(context, text, "remplacé").startswith("le commandant de la batterie est remplacé")
    text = "Cette médaille lui sera remise le 4 juin 1920 par le général Paul Girard, gouverneur de Lyon."
    assert _phrase_of(context, text, "remise") == "Cette médaille lui sera remise par général Paul Girard"


def test_a_participle_after_another_verbs_object_takes_no_front_from_it(context) -> None:
    # "convaincu" is said of the one who leaves, not of the town: the words before its comma complete
    # another verb and are not taken as what it describes.
    text = "Le 2 mars 1933, je quittai Munich, convaincu du danger."
    assert not _phrase_of(context, text, "convaincu").startswith("Munich")
    text = "Le 4 mai 1871, le général, calme, ferme, décidé à agir, part pour Versailles."
    assert not _phrase_of(context, text, "décidé").startswith("ferme")


def test_an_event_noun_a_verb_of_no_happening_governs_is_told_with_that_verb(context) -> None:
    # "déclare" is a report, no happening: the war it declares is the line, told with who declared it.
    text = "Le 3 août 1914, l'Allemagne déclare la guerre à la France."
    assert _phrase_of(context, text, "guerre") == "l'Allemagne déclare la guerre à la France"
    # A noun whose own words the verb's phrase would cut keeps its own phrase.
    text = "Le 5 mai 1915, la compagnie déplore la perte de 21 hommes."
    assert _phrase_of(context, text, "perte") == "la perte de 21 hommes"


def test_two_subjects_joined_are_told_together(context) -> None:
    text = "Le 6 juin 1944, les Britanniques et les Canadiens débarquent en Normandie."
    assert _phrase_of(context, text, "débarquent").startswith("les Britanniques et les Canadiens débarquent")
    # A coordinator that joins two clauses gives the second its own subject only.
    text = "Le 7 juin 1944, les Allemands évacuent Bayeux et les Anglais entrent dans la ville."
    assert _phrase_of(context, text, "entrent").startswith("les Anglais entrent")


def test_a_verb_and_the_infinitive_right_after_it_are_quoted_together(context) -> None:
    text = "Le 30 septembre 1895, après un court bombardement, la reine fait hisser le drapeau blanc."
    assert "fait hisser le drapeau blanc" in _phrase_of(context, text, "fait")
    # A plural event noun written as its lemma's plural is a noun: its phrase does not run on.
    text = "Le 2 mai 1916, les tirs partent des deux rives du fleuve."
    assert _phrase_of(context, text, "partent").startswith("les tirs partent")
