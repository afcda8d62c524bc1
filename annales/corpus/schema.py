"""The corpus store's tables, in one place, and its version.

Plain SQLite tables (any SQLite tool, `datasette corpus.db`, reads them) plus one FTS5 index over
the sentences, kept in step by triggers (its `content="sentences"` written so that datasette
finds it and offers `?_search=` on the sentences). Every table of one document's rows carries `doc`, the
document's row number in `documents`, so a document is deleted (and replaced) table by table in
one transaction. `corpus_entities` and `corpus_entity_members` hold the grouping of entities across
documents (each member filed under its block, see `annales.corpus.grouping`), and
`corpus_corrections` the user's merges and splits, by document id and folded name, so that they
survive a document being added again; `findings` holds per-document findings (`doc` set) and
cross-source ones (`doc` NULL, evidence in several documents); `relations` what the text says
links two entities of one document (who commands which unit), with its evidence span.

A store of the previous version (`annales-corpus/2`) is brought up to this one when opened: the
new table is created, empty for the documents stored before it (their analyses hold no
relations; adding such a document again reads them).
"""

from __future__ import annotations

import sqlite3

from annales.model import SCHEMA as ANALYSIS_SCHEMA

STORE_SCHEMA = "annales-corpus/3"
# Older versions this one upgrades in place: only tables were added since.
UPGRADABLE = frozenset({"annales-corpus/2"})

# The tables that hold one document's rows, each with a `doc` column (deleted in this order).
DOCUMENT_TABLES = ("relations", "event_entities", "events", "mentions", "entities", "timexes", "quantities", "quotes",
                   "sentences", "analyses")

DDL = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    doc INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    sha256 TEXT,
    schema TEXT NOT NULL,
    path TEXT,
    media_type TEXT,
    encoding TEXT,
    language TEXT,
    title TEXT,
    url TEXT,
    dct TEXT,
    dct_origin TEXT,
    chars INTEGER NOT NULL,
    added_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS analyses (
    doc INTEGER PRIMARY KEY REFERENCES documents(doc),
    json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sentences (
    sentence INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(doc),
    n INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    dates TEXT,
    UNIQUE (doc, n)
);
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(
    text, content="sentences", content_rowid="sentence", tokenize="unicode61 remove_diacritics 2"
);
CREATE TRIGGER IF NOT EXISTS sentences_fts_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts (rowid, text) VALUES (new.sentence, new.text);
END;
CREATE TRIGGER IF NOT EXISTS sentences_fts_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.sentence, old.text);
END;
CREATE TABLE IF NOT EXISTS timexes (
    doc INTEGER NOT NULL REFERENCES documents(doc),
    id TEXT NOT NULL,
    n INTEGER,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT,
    value TEXT,
    mod TEXT,
    anchor TEXT,
    resolved INTEGER,
    earliest TEXT,
    latest TEXT,
    anchoring TEXT,
    confidence REAL,
    story_line INTEGER,
    PRIMARY KEY (doc, id)
);
CREATE TABLE IF NOT EXISTS corpus_entities (
    corpus_entity INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    method TEXT NOT NULL,
    score REAL NOT NULL,
    evidence TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entities (
    doc INTEGER NOT NULL REFERENCES documents(doc),
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    folded TEXT NOT NULL,
    names TEXT NOT NULL,
    aliases TEXT NOT NULL,
    rank TEXT,
    ranks TEXT NOT NULL,
    role TEXT,
    title TEXT,
    hull TEXT,
    abbreviation TEXT,
    ambiguous_between TEXT NOT NULL,
    evidence TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    corpus_entity INTEGER REFERENCES corpus_entities(corpus_entity),
    PRIMARY KEY (doc, id)
);
CREATE TABLE IF NOT EXISTS corpus_entity_members (
    corpus_entity INTEGER NOT NULL REFERENCES corpus_entities(corpus_entity),
    doc INTEGER NOT NULL REFERENCES documents(doc),
    entity TEXT NOT NULL,
    score REAL NOT NULL,
    evidence TEXT NOT NULL,
    block TEXT NOT NULL,
    first_year INTEGER,
    last_year INTEGER,
    PRIMARY KEY (doc, entity)
);
CREATE TABLE IF NOT EXISTS corpus_corrections (
    correction INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
    a_doc TEXT NOT NULL,
    a_name TEXT NOT NULL,
    b_doc TEXT NOT NULL,
    b_name TEXT NOT NULL,
    made_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS mentions (
    doc INTEGER NOT NULL REFERENCES documents(doc),
    entity TEXT NOT NULL,
    n INTEGER,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    rank TEXT,
    role TEXT,
    title TEXT,
    descriptor TEXT
);
CREATE TABLE IF NOT EXISTS quantities (
    doc INTEGER NOT NULL REFERENCES documents(doc),
    id TEXT NOT NULL,
    n INTEGER,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL,
    approx INTEGER,
    comparator TEXT,
    counted TEXT,
    unit TEXT,
    of_entity TEXT,
    PRIMARY KEY (doc, id)
);
CREATE TABLE IF NOT EXISTS quotes (
    doc INTEGER NOT NULL REFERENCES documents(doc),
    id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    speaker TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    PRIMARY KEY (doc, id)
);
CREATE TABLE IF NOT EXISTS events (
    doc INTEGER NOT NULL REFERENCES documents(doc),
    id TEXT NOT NULL,
    n INTEGER,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    trigger TEXT NOT NULL,
    lemma TEXT,
    pos TEXT,
    class TEXT,
    polarity TEXT,
    modality TEXT,
    factuality TEXT,
    aspect TEXT,
    happening INTEGER NOT NULL,
    head TEXT,
    timex TEXT,
    time_inferred INTEGER,
    date TEXT,
    earliest TEXT,
    latest TEXT,
    story_order INTEGER,
    PRIMARY KEY (doc, id)
);
CREATE TABLE IF NOT EXISTS event_entities (
    doc INTEGER NOT NULL REFERENCES documents(doc),
    event TEXT NOT NULL,
    entity TEXT,
    role TEXT NOT NULL,
    rank TEXT,
    phrase TEXT
);
CREATE TABLE IF NOT EXISTS relations (
    doc INTEGER NOT NULL REFERENCES documents(doc),
    id TEXT NOT NULL,
    n INTEGER,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    object TEXT NOT NULL,
    cue_start INTEGER NOT NULL,
    cue_end INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (doc, id)
);
CREATE TABLE IF NOT EXISTS findings (
    finding INTEGER PRIMARY KEY,
    doc INTEGER REFERENCES documents(doc),
    id TEXT NOT NULL,
    scope TEXT NOT NULL,
    kind TEXT NOT NULL,
    severity TEXT,
    message TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS finding_evidence (
    finding INTEGER NOT NULL REFERENCES findings(finding),
    doc INTEGER NOT NULL REFERENCES documents(doc),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_by_entity ON mentions (doc, entity);
CREATE INDEX IF NOT EXISTS mentions_by_sentence ON mentions (doc, n);
CREATE INDEX IF NOT EXISTS timexes_by_sentence ON timexes (doc, n);
CREATE INDEX IF NOT EXISTS timexes_by_date ON timexes (earliest, latest);
CREATE INDEX IF NOT EXISTS events_by_date ON events (happening, earliest, latest);
CREATE INDEX IF NOT EXISTS events_by_sentence ON events (doc, n);
CREATE INDEX IF NOT EXISTS event_entities_by_event ON event_entities (doc, event);
CREATE INDEX IF NOT EXISTS event_entities_by_entity ON event_entities (doc, entity);
CREATE INDEX IF NOT EXISTS entities_by_corpus_entity ON entities (corpus_entity);
CREATE INDEX IF NOT EXISTS entities_by_type ON entities (type, folded);
CREATE INDEX IF NOT EXISTS members_by_corpus_entity ON corpus_entity_members (corpus_entity);
CREATE INDEX IF NOT EXISTS members_by_block ON corpus_entity_members (block);
CREATE INDEX IF NOT EXISTS events_by_lemma ON events (lemma);
CREATE INDEX IF NOT EXISTS mentions_by_rank ON mentions (rank) WHERE rank IS NOT NULL;
CREATE INDEX IF NOT EXISTS relations_by_kind ON relations (kind);
CREATE INDEX IF NOT EXISTS findings_by_doc ON findings (doc);
CREATE INDEX IF NOT EXISTS finding_evidence_by_doc ON finding_evidence (doc);
"""


class StoreError(Exception):
    """A file that is not a corpus store this version reads."""


def create(conn: sqlite3.Connection) -> None:
    """The tables of an empty store, and its version in `meta`, in one transaction. Every
    statement is a no-op when its object exists, so two runs creating the same store at once both
    end with one store."""
    meta = (f"INSERT OR IGNORE INTO meta (key, value) VALUES ('store_schema', '{STORE_SCHEMA}'), "
            f"('analysis_schema', '{ANALYSIS_SCHEMA}');")
    conn.executescript("BEGIN IMMEDIATE;" + DDL + meta + "COMMIT;")


def is_empty(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def check(conn: sqlite3.Connection, path: str) -> None:
    """Raises StoreError unless `conn` is a store of this version."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'store_schema'").fetchone()
    except sqlite3.DatabaseError:
        row = None
    if row is None:
        raise StoreError(f"{path}: not an annales corpus store")
    if row[0] in UPGRADABLE:
        _upgrade(conn)
    elif row[0] != STORE_SCHEMA:
        raise StoreError(f"{path}: store schema {row[0]!r}, this annales reads {STORE_SCHEMA!r}; "
                         "build a new store with `annales corpus add`")


def _upgrade(conn: sqlite3.Connection) -> None:
    """Bring an older store to this version: every statement of the DDL is a no-op for what exists,
    so running it adds just the new tables and indexes."""
    conn.executescript("BEGIN IMMEDIATE;" + DDL +
                       f"UPDATE meta SET value = '{STORE_SCHEMA}' WHERE key = 'store_schema';COMMIT;")
