"""The corpus store: its schema and version, one transaction per document, replacing, grouping."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path

import pytest
from corpus_helpers import DIARY, SIEGE, analysis

from annales.corpus import STORE_SCHEMA, StoreError, grouping, open_store, store
from annales.corpus.grouping import fold_name
from annales.model import SCHEMA

TABLES = ("documents", "analyses", "sentences", "timexes", "entities", "mentions", "quantities", "quotes", "events",
          "event_entities", "findings", "finding_evidence", "corpus_entities", "corpus_entity_members")


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    connection = open_store(str(tmp_path / "corpus.db"), create=True)
    yield connection
    connection.close()


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}


def test_a_new_store_says_its_versions(conn: sqlite3.Connection) -> None:
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    assert meta == {"store_schema": STORE_SCHEMA, "analysis_schema": SCHEMA}


def test_a_store_is_plain_sqlite_readable_without_annales(tmp_path: Path) -> None:
    path = tmp_path / "corpus.db"
    conn = open_store(str(path), create=True)
    store.put(conn, SIEGE)
    conn.close()
    plain = sqlite3.connect(path)  # no custom function, no extension: what datasette sees
    assert plain.execute("SELECT id, dct, chars FROM documents").fetchall() == [("siege.txt", None, 159)]
    stored = json.loads(plain.execute("SELECT json FROM analyses").fetchone()[0])
    assert stored == SIEGE
    assert plain.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH 'fevrier'").fetchall()
    # datasette finds the index of a table by this spelling, and offers ?_search= on it.
    (fts,) = plain.execute("SELECT sql FROM sqlite_master WHERE name = 'sentences_fts'").fetchone()
    assert 'content="sentences"' in fts


def test_missing_store_is_an_error_unless_created(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such corpus store"):
        open_store(str(tmp_path / "absent.db"))
    assert not (tmp_path / "absent.db").exists()


@pytest.mark.parametrize("content", [b"not a database at all, just words\n" * 40, b""])
def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="not an annales corpus store"):
        open_store(str(path), create=bool(content))
    assert path.read_bytes() == content


def test_another_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not an annales corpus store"):
        open_store(str(path), create=True)


def test_a_store_of_another_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    open_store(str(path), create=True).close()
    with sqlite3.connect(path) as plain:
        plain.execute("UPDATE meta SET value = 'annales-corpus/0' WHERE key = 'store_schema'")
    with pytest.raises(StoreError, match="annales-corpus/0"):
        open_store(str(path))


def test_a_directory_is_no_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory"):
        open_store(str(tmp_path), create=True)


def test_put_writes_every_table(conn: sqlite3.Connection) -> None:
    assert store.put(conn, SIEGE) == "added"
    assert store.stored_version(conn, "siege.txt") == (SIEGE["source"]["sha256"], SCHEMA)
    n = counts(conn)
    assert (n["sentences"], n["timexes"], n["entities"], n["events"], n["findings"]) == (3, 2, 2, 3, 1)
    assert n["mentions"] == 3  # Denfert-Rochereau twice, Belfort once
    assert conn.execute("SELECT entity, role, rank FROM event_entities WHERE event = 'evt-1' ORDER BY role"
                        ).fetchall() == [("ent-1", "agent", "colonel"), ("ent-2", "place", None)]
    # Each span knows its sentence: passages, mentions, dates and events join on (doc, n).
    assert conn.execute("SELECT n FROM events ORDER BY id").fetchall() == [(0,), (1,), (2,)]
    assert conn.execute("SELECT dates FROM sentences ORDER BY n").fetchall() == [("1871-02-12",), (None,),
                                                                                   ("1871-02-18",)]
    assert conn.execute("SELECT text FROM finding_evidence").fetchall() == [("17 000 hommes",)]


def test_replacing_a_document_leaves_no_trace_of_the_old_one(conn: sqlite3.Connection) -> None:
    store.put(conn, SIEGE)
    store.put(conn, DIARY)
    before = counts(conn)
    changed = copy.deepcopy(SIEGE)
    changed["source"]["sha256"] = "0" * 64
    assert store.put(conn, changed) == "replaced"
    assert counts(conn) == before
    assert conn.execute("SELECT count(*) FROM documents WHERE id = 'siege.txt'").fetchone()[0] == 1
    assert store.stored_version(conn, "siege.txt") == ("0" * 64, SCHEMA)
    assert conn.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'garnison'").fetchone()[0] == 1


def test_a_document_is_stored_whole_or_not_at_all(conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch) -> None:
    store.put(conn, SIEGE)
    before = counts(conn)
    changed = analysis("siege.txt", "Le 12 février 1871, Belfort tient.", version="2")

    def crash(*args: object) -> None:
        raise RuntimeError("killed halfway")

    monkeypatch.setattr(grouping, "link_document", crash)
    with pytest.raises(RuntimeError):
        store.put(conn, changed)
    with pytest.raises(RuntimeError):
        store.put(conn, DIARY)
    assert counts(conn) == before  # the old version intact, the new document absent
    assert store.stored_version(conn, "siege.txt") == (SIEGE["source"]["sha256"], SCHEMA)
    assert store.stored_version(conn, "diary.txt") is None


def test_delete_removes_the_document_and_its_groups(conn: sqlite3.Connection) -> None:
    store.put(conn, SIEGE)
    assert store.delete(conn, "siege.txt")
    assert not store.delete(conn, "siege.txt")
    assert all(count == 0 for count in counts(conn).values())


def test_fold_name() -> None:
    assert fold_name("Saint-Étienne") == "saint etienne"
    assert fold_name("  Le  Général  d’Esperey ") == "le general d'esperey"
    assert fold_name("M. Foch") == "m foch"


def test_one_name_dated_decades_apart_is_two_persons(conn: sqlite3.Connection) -> None:
    store.put(conn, SIEGE)
    store.put(conn, DIARY)
    rows = conn.execute("SELECT ce.name, ce.method, ce.evidence, count(*) FROM corpus_entities ce "
                        "JOIN corpus_entity_members m USING (corpus_entity) WHERE ce.type = 'person' "
                        "GROUP BY ce.corpus_entity ORDER BY ce.name, ce.corpus_entity").fetchall()
    # "Denfert-Rochereau" acts in 1871 in one document and in 1914 in the other: two persons.
    assert [(name, count) for name, _, _, count in rows] == [("Denfert-Rochereau", 1), ("Denfert-Rochereau", 1),
                                                            ("Smith", 1)]
    # "Smith" is ambiguous in its own document: never grouped blindly, a group of its own.
    assert "ambiguous" in rows[2][2]
    # The places of both documents are grouped by type and name.
    assert conn.execute("SELECT count(*) FROM corpus_entities WHERE type = 'place'").fetchone()[0] == 3


def test_the_same_name_in_two_documents_of_one_time_is_one_group(conn: sqlite3.Connection) -> None:
    for doc_id in ("a", "b"):
        store.put(conn, analysis(doc_id, "Le 3 août 1914, Joffre arrive.",
                                 entities=[{"type": "person", "name": "Joffre"}],
                                 dates=[("3 août 1914", "1914-08-03", "1914-08-03", "1914-08-03")],
                                 events=[{"trigger": "arrive", "date": "1914-08-03", "agents": ["Joffre"]}]))
    rows = conn.execute("SELECT ce.name, ce.method, ce.evidence, count(*) FROM corpus_entities ce "
                        "JOIN corpus_entity_members m USING (corpus_entity) GROUP BY ce.corpus_entity").fetchall()
    assert rows == [("Joffre", "names-and-dates", '["same single name", "dates agree (1914 and 1914)"]', 2)]


def test_the_same_name_of_another_type_is_another_group(conn: sqlite3.Connection) -> None:
    store.put(conn, analysis("a", "Le Jean Bart appareille.", entities=[{"type": "ship", "name": "Jean Bart"}]))
    store.put(conn, analysis("b", "Jean Bart est né.", entities=[{"type": "person", "name": "Jean Bart"}]))
    assert conn.execute("SELECT type FROM corpus_entities ORDER BY type").fetchall() == [("person",), ("ship",)]


def test_groups_left_empty_by_a_replacement_go(conn: sqlite3.Connection) -> None:
    store.put(conn, analysis("a", "Foch arrive.", entities=[{"type": "person", "name": "Foch"}]))
    store.put(conn, analysis("a", "Joffre arrive.", entities=[{"type": "person", "name": "Joffre"}], version="2"))
    assert conn.execute("SELECT name FROM corpus_entities").fetchall() == [("Joffre",)]


def test_a_jsonl_of_analyses_is_stored_as_it_is(tmp_path: Path, conn: sqlite3.Connection) -> None:
    from annales.corpus.ingest.add import add
    from annales.corpus.ingest.analyses import is_analyses_file

    made = tmp_path / "made.jsonl"
    made.write_text(json.dumps(SIEGE, ensure_ascii=False) + "\n\n" + '{"schema": "annales/1", "id": "old"}\n'
                    + "{not json\n" + json.dumps({**DIARY, "timexes": "no list"}) + "\n" + json.dumps(DIARY) + "\n",
                    encoding="utf-8")
    documents = tmp_path / "documents.jsonl"
    documents.write_text('{"id": "x", "text": "Le 2 mai 1808, Madrid se soulève."}\n', encoding="utf-8")
    assert is_analyses_file(str(made)) and not is_analyses_file(str(documents))
    errors: list[str] = []
    summary = add(conn, [str(made)], on_error=errors.append)  # no analysis: the model is never loaded
    assert (summary.added, len(summary.failures)) == (2, 3)
    assert [error.split(": ", 1)[0] for error in errors] == [f"{made}:3", f"{made}:4", f"{made}:5"]
    assert "annales/1" in errors[0]
    assert json.loads(conn.execute("SELECT json FROM analyses JOIN documents USING (doc) WHERE id = 'siege.txt'"
                                   ).fetchone()[0]) == SIEGE
    again = add(conn, [str(made)])
    assert (again.added, again.replaced, again.skipped) == (0, 0, 2)
    changed = {**SIEGE, "findings": []}
    made.write_text(json.dumps(changed) + "\n", encoding="utf-8")
    assert add(conn, [str(made)]).replaced == 1
    assert conn.execute("SELECT count(*) FROM findings").fetchone()[0] == 0


def test_runs_creating_the_same_store_at_once_make_one(tmp_path: Path) -> None:
    import threading

    path = str(tmp_path / "new.db")
    errors: list[Exception] = []

    def create() -> None:
        try:
            open_store(path, create=True).close()
        except Exception as exc:  # noqa: BLE001 - what a run would report
            errors.append(exc)

    threads = [threading.Thread(target=create) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert dict(sqlite3.connect(path).execute("SELECT key, value FROM meta")) == {
        "store_schema": STORE_SCHEMA, "analysis_schema": SCHEMA}


def test_a_store_of_the_previous_version_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = open_store(str(path), create=True)
    store.put(conn, SIEGE)
    conn.close()
    with sqlite3.connect(path) as plain:  # a store as annales-corpus/2 wrote it: no relations table
        plain.execute("DROP TABLE relations")
        plain.execute("UPDATE meta SET value = 'annales-corpus/2' WHERE key = 'store_schema'")
    conn = open_store(str(path))
    assert conn.execute("SELECT value FROM meta WHERE key = 'store_schema'").fetchone() == (STORE_SCHEMA,)
    assert conn.execute("SELECT count(*) FROM relations").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    assert store.put(conn, SIEGE) == "replaced"  # its rows deleted table by table, relations included
    conn.close()
