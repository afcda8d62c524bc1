"""Opening a corpus store, and writing or replacing one document's rows in one transaction.

A document is committed whole or not at all: a run killed at any point leaves every committed
document complete, and running the same command again adds the rest. Reading goes through plain
SQL on the tables of `annales.corpus.schema`.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annales.corpus import grouping, rows, schema
from annales.corpus.schema import StoreError
from annales.corpus.transaction import immediate


def open_store(path: str, *, create: bool = False) -> sqlite3.Connection:
    """A connection to the store at `path`; `create` makes a new store when the file is absent.

    Raises StoreError for a missing store (when not creating), a file that is not SQLite, or a
    store of another version."""
    file = Path(path)
    if file.is_dir():
        raise StoreError(f"{path}: is a directory, not a corpus store")
    if not file.exists() and not create:
        raise StoreError(f"{path}: no such corpus store (build one with `annales corpus add {path} PATH...`)")
    if not file.exists() and not file.parent.is_dir():
        raise StoreError(f"{path}: cannot be created: no such folder {str(file.parent)!r}")
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(path, timeout=30, isolation_level=None)
        conn.execute("PRAGMA busy_timeout = 30000")
        fresh = schema.is_empty(conn)
        if fresh and create:
            conn.execute("PRAGMA journal_mode = WAL")  # a commit per document stays cheap
            schema.create(conn)
        else:
            schema.check(conn, path)
    except (sqlite3.Error, OSError, StoreError) as exc:
        if conn is not None:
            conn.close()
        if isinstance(exc, StoreError):
            raise
        if isinstance(exc, OSError):
            raise StoreError(f"{path}: cannot be opened ({exc.strerror or exc})") from exc
        raise StoreError(f"{path}: not an annales corpus store ({exc})") from exc
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def stored_version(conn: sqlite3.Connection, doc_id: str) -> tuple[str | None, str] | None:
    """(sha256, analysis schema) of the stored document `doc_id`, or None when it is not stored."""
    row = conn.execute("SELECT sha256, schema FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return None if row is None else (row[0], row[1])


def put(conn: sqlite3.Connection, data: dict[str, Any]) -> str:
    """Store one analysis (its `to_dict()`), replacing a stored document of the same id; returns
    "added" or "replaced". One transaction: the document is stored whole or not at all."""
    with immediate(conn):
        row = conn.execute("SELECT doc FROM documents WHERE id = ?", (data["id"],)).fetchone()
        blocks_before = _delete_rows(conn, row[0]) if row is not None else set()
        doc = _insert(conn, data, row[0] if row is not None else None)
        grouping.link_document(conn, doc, blocks_before)
        if row is not None:
            grouping.drop_empty(conn)
    return "added" if row is None else "replaced"


def delete(conn: sqlite3.Connection, doc_id: str) -> bool:
    """Remove a stored document and everything drawn from it; False when it is not stored."""
    with immediate(conn):
        row = conn.execute("SELECT doc FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is not None:
            blocks = _delete_rows(conn, row[0])
            conn.execute("DELETE FROM documents WHERE doc = ?", (row[0],))
            grouping.drop_empty(conn)
            grouping.regroup(conn, blocks)
    return row is not None


def _delete_rows(conn: sqlite3.Connection, doc: int) -> set[str]:
    """Delete one document's rows; returns the grouping blocks its entities were in."""
    blocks = grouping.unlink_document(conn, doc)
    for table in schema.DOCUMENT_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE doc = ?", (doc,))  # noqa: S608 - table names are ours
    # A finding with evidence in this document goes, cross-source ones included: they are recomputed.
    findings = [(finding,) for (finding,) in conn.execute(
        "SELECT finding FROM findings WHERE doc = ? UNION SELECT finding FROM finding_evidence WHERE doc = ?",
        (doc, doc))]
    conn.executemany("DELETE FROM finding_evidence WHERE finding = ?", findings)
    conn.executemany("DELETE FROM findings WHERE finding = ?", findings)
    return blocks


def _insert(conn: sqlite3.Connection, data: dict[str, Any], doc: int | None) -> int:
    document = rows.document_row(data)
    document["added_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    if doc is None:
        cursor = conn.execute(_insert_sql("documents", document), document)
        doc = int(cursor.lastrowid or 0)
    else:
        assignments = ", ".join(f"{column} = :{column}" for column in document)
        conn.execute(f"UPDATE documents SET {assignments} WHERE doc = :doc", {**document, "doc": doc})
    conn.execute("INSERT INTO analyses (doc, json) VALUES (?, ?)", (doc, json.dumps(data, ensure_ascii=False)))
    for table, table_rows in rows.document_rows(data):
        if table == "findings":
            _insert_findings(conn, doc, table_rows)
            continue
        if table_rows:
            conn.executemany(_insert_sql(table, {"doc": doc, **table_rows[0]}),
                             [{"doc": doc, **row} for row in table_rows])
    return doc


def _insert_findings(conn: sqlite3.Connection, doc: int, findings: list[dict[str, Any]]) -> None:
    for finding in findings:
        evidence = finding.pop("evidence")
        cursor = conn.execute(_insert_sql("findings", {"doc": doc, **finding}), {"doc": doc, **finding})
        conn.executemany('INSERT INTO finding_evidence (finding, doc, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                         [(cursor.lastrowid, doc, span["start"], span["end"], span["text"]) for span in evidence])


def _insert_sql(table: str, row: dict[str, Any]) -> str:
    columns = ", ".join(f'"{column}"' for column in row)
    values = ", ".join(f":{column}" for column in row)
    return f"INSERT INTO {table} ({columns}) VALUES ({values})"
