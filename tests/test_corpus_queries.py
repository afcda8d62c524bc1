"""Reading the corpus store: search, timeline, people and places, findings, export."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from corpus_helpers import DIARY, SIEGE

from annales.corpus import open_store, render, store
from annales.corpus.corrections import merge
from annales.corpus.export import export
from annales.corpus.filters import FilterError, Filters
from annales.corpus.findings import findings
from annales.corpus.people import find, groups, profile
from annales.corpus.search import fts_query, search
from annales.corpus.timeline import timeline
from annales.model import Analysis


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    connection = open_store(str(tmp_path / "corpus.db"), create=True)
    store.put(connection, SIEGE)
    store.put(connection, DIARY)
    yield connection
    connection.close()


def test_fts_query_quotes_every_word() -> None:
    assert fts_query("général Foch") == '"général" "Foch"'
    assert fts_query('"passe en revue" débarqu*') == '"passe en revue" "débarqu"*'
    assert fts_query('AND OR NOT ( ) " - *') == '"AND" "OR" "NOT"'
    assert fts_query("  ") == ""


def test_search_folds_accents_and_case(conn: sqlite3.Connection) -> None:
    found = search(conn, "GENERAL epinal")
    assert [(p.document, p.sentence, p.dates) for p in found] == [("diary.txt", 1, "1914-08-04")]
    assert "[général]" in found[0].text and "[Épinal]" in found[0].text


def test_search_phrases_prefixes_and_operators(conn: sqlite3.Connection) -> None:
    assert [p.document for p in search(conn, '"passe en revue"')] == ["diary.txt"]
    assert search(conn, '"revue en passe"') == []
    assert {p.document for p in search(conn, "fév*")} == {"siege.txt"}
    assert search(conn, 'NEAR( "unbalanced') == []  # read as words, never an FTS syntax error


def test_search_filters(conn: sqlite3.Connection) -> None:
    assert {p.document for p in search(conn, "Denfert*")} == {"siege.txt", "diary.txt"}
    assert [p.document for p in search(conn, "Denfert*", Filters.parse(from_date="1900"))] == ["diary.txt"]
    assert [p.document for p in search(conn, "Denfert*", Filters.parse(to_date="1871"))] == ["siege.txt"] * 2
    assert [(p.document, p.sentence) for p in search(conn, "Denfert*", Filters.parse(place="belfort"))] == [
        ("siege.txt", 0)]
    by_person = search(conn, "", Filters.parse(person="denfert rochereau"))
    assert [(p.document, p.sentence) for p in by_person] == [("diary.txt", 1), ("siege.txt", 0), ("siege.txt", 2)]
    assert search(conn, "garnison", Filters.parse(person="Rochereau Denfert")) == []


def test_search_by_an_inferred_date(conn: sqlite3.Connection) -> None:
    # "Smith observe" tells no date of its own: its event is dated by the story.
    found = search(conn, "observe", Filters.parse(from_date="1914-08-04", to_date="1914-08-04"))
    assert [(p.document, p.dates) for p in found] == [("diary.txt", "≈1914-08-04")]


@pytest.mark.parametrize("bound", ["19xx", "1914-13", "0", "hier"])
def test_bad_bounds(bound: str) -> None:
    with pytest.raises(FilterError):
        Filters.parse(from_date=bound)


def test_timeline_lists_dated_happenings_in_time_order(conn: sqlite3.Connection) -> None:
    found = timeline(conn)
    assert [(h.date, h.document, h.trigger) for h in found] == [
        ("1871-02-12", "siege.txt", "tient"), ("1871-02-18", "siege.txt", "rend"),
        ("1914-08-03", "diary.txt", "quitte"), ("1914-08-04", "diary.txt", "passe en revue"),
        ("1914-08-04", "diary.txt", "observe")]  # no state ("compte"), nothing undated ("attendent")
    assert found[0].passage.startswith("Le 12 février 1871, le colonel Denfert-Rochereau [tient] toujours")
    assert found[0].participants == "Denfert-Rochereau (agent)" and found[0].places == "Belfort"
    assert found[-1].inferred


def test_timeline_filters(conn: sqlite3.Connection) -> None:
    person = timeline(conn, Filters.parse(person="Denfert-Rochereau"))
    assert [h.trigger for h in person] == ["tient", "rend", "passe en revue"]
    assert [h.trigger for h in timeline(conn, Filters.parse(place="Épinal"))] == ["passe en revue"]
    assert [h.trigger for h in timeline(conn, Filters.parse(from_date="1914", to_date="1914"))] == [
        "quitte", "passe en revue", "observe"]
    assert timeline(conn, Filters.parse(person="Belfort")) == []  # a place is no person


def test_timeline_formats(conn: sqlite3.Connection) -> None:
    out = io.StringIO()
    render.happenings(timeline(conn), "csv", out)
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(table) == 5 and table[0]["date"] == "1871-02-12" and table[0]["document"] == "siege.txt"
    assert table[-1]["inferred"] == "yes"
    out = io.StringIO()
    render.happenings(timeline(conn), "timelinejs", out)
    slides = json.loads(out.getvalue())["events"]
    assert slides[0]["start_date"] == {"year": "1871", "month": "2", "day": "12"}
    assert slides[0]["group"] == "siege.txt" and "(date incertaine)" in slides[-1]["text"]["text"]
    out = io.StringIO()
    render.happenings(timeline(conn), "text", out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 5 and lines[-1].startswith("≈1914-08-04") and "diary.txt" in lines[-1]


def test_people_places_units(conn: sqlite3.Connection) -> None:
    people = groups(conn, "people")
    # The one name alone, acting in 1871 and in 1914: more than BARE_YEARS apart, two persons.
    assert [(g.name, g.documents, g.mentions) for g in people] == [
        ("Denfert-Rochereau", 1, 2), ("Denfert-Rochereau", 1, 1), ("Smith", 1, 1)]
    assert {g.name for g in groups(conn, "places")} == {"Belfort", "Agen", "Épinal"}
    assert [g.name for g in groups(conn, "units")] == ["9e régiment"]


def test_show_a_person_across_documents(conn: sqlite3.Connection) -> None:
    first, second = find(conn, "denfert-rochereau")  # kept apart by their dates (see above) ...
    merge(conn, first.corpus_entity, second.corpus_entity)  # ... until the user says they are one
    (group,) = find(conn, "denfert-rochereau")
    assert find(conn, "Rochereau") == [group]  # words of the name, when no name is exactly it
    assert find(conn, f"#{group.corpus_entity}") == [group]
    assert find(conn, "Castelnau") == [] and find(conn, "...") == []
    seen = profile(conn, group)
    assert seen.ranks == [("colonel", "1871-02-12", "siege.txt"), ("général", "1914-08-04", "diary.txt")]
    assert seen.documents == [("diary.txt", 1), ("siege.txt", 2)]
    assert [h.trigger for h in seen.happenings] == ["tient", "rend", "passe en revue"]
    out = io.StringIO()
    render.profile(seen, out)
    assert "ranks: colonel (1871-02-12, siege.txt); général (1914-08-04, diary.txt)" in out.getvalue()
    assert "merged by the user" in out.getvalue() and out.getvalue().startswith(f"#{group.corpus_entity} ")


def test_findings(conn: sqlite3.Connection) -> None:
    (finding,) = findings(conn)
    assert (finding.document, finding.scope, finding.kind) == ("siege.txt", "document", "conflicting-figures")
    assert finding.evidence == [("siege.txt", 92, 105, "17 000 hommes")]
    assert findings(conn, "chronology") == []


def test_export_jsonl_gives_back_the_analyses(conn: sqlite3.Connection) -> None:
    out = io.StringIO()
    assert export(conn, "jsonl", out) == 2
    lines = out.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == [DIARY, SIEGE]
    assert Analysis.from_dict(json.loads(lines[1])).to_dict() == SIEGE


def test_export_csv_has_one_row_per_event(conn: sqlite3.Connection) -> None:
    out = io.StringIO()
    assert export(conn, "csv", out) == 7
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {row["happening"] for row in rows} == {"yes", "no"}
    assert rows[1]["participants"] == "Denfert-Rochereau (agent); 9e régiment (patient)"


def test_text_views_cannot_drive_the_terminal(tmp_path: Path) -> None:
    conn = open_store(str(tmp_path / "c.db"), create=True)
    from corpus_helpers import analysis

    store.put(conn, analysis("evil\x1b[2J.txt", "Le 5 mai 1821, Napoléon meurt\x1b[31m ici.",
                             dates=[("5 mai 1821", "1821-05-05", "1821-05-05", "1821-05-05")],
                             events=[{"trigger": "meurt", "date": "1821-05-05"}]))
    out = io.StringIO()
    render.happenings(timeline(conn), "text", out)
    assert "\x1b" not in out.getvalue() and "\\x1b" in out.getvalue()
