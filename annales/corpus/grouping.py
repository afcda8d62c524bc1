"""Which entities of different documents are one: for now, the same type and the same name.

The whole grouping lives here, so that the cross-document merging to come (aliases, ranks and
dates, shared context; issue 11, item 2) replaces this module alone. A group is a row of
`corpus_entities` (keyed by type and folded name) and each member a row of
`corpus_entity_members` with its score and the evidence for it. A name a document itself calls
ambiguous ("le Smith", `ambiguous_between`) is never grouped with others: it stays a group alone.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata

METHOD = "same-name"
SAME_NAME = json.dumps(["same name"])
AMBIGUOUS = json.dumps(["ambiguous in its document: not grouped"])
_SEPARATORS = re.compile(r"[\s\-‐‑–—_]+")
_DROPPED = re.compile(r"[.,;:!?«»\"“”()\[\]]")


def fold_name(name: str) -> str:
    """A name as compared across documents: lower case, accents and punctuation dropped, hyphens
    and runs of spaces made one space, apostrophes straightened ("Saint-Étienne" → "saint etienne")."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SEPARATORS.sub(" ", _DROPPED.sub(" ", bare.lower())).strip()


def group_key(entity_type: str, folded: str) -> str:
    return f"{entity_type}:{folded}"


def link_document(conn: sqlite3.Connection, doc: int) -> None:
    """Put every entity of document `doc` into its group, creating groups as needed."""
    entities = conn.execute("SELECT id, type, name, folded, ambiguous_between FROM entities WHERE doc = ?",
                            (doc,)).fetchall()
    for entity_id, entity_type, name, folded, ambiguous in entities:
        alone = json.loads(ambiguous) != []
        key = f"{group_key(entity_type, folded)}@{doc}/{entity_id}" if alone else group_key(entity_type, folded)
        evidence = AMBIGUOUS if alone else SAME_NAME
        conn.execute("INSERT INTO corpus_entities (type, key, name, method, score, evidence) VALUES (?, ?, ?, ?, ?, ?) "
                     "ON CONFLICT (key) DO NOTHING", (entity_type, key, name, METHOD, 1.0, evidence))
        (group,) = conn.execute("SELECT corpus_entity FROM corpus_entities WHERE key = ?", (key,)).fetchone()
        conn.execute("UPDATE entities SET corpus_entity = ? WHERE doc = ? AND id = ?", (group, doc, entity_id))
        conn.execute("INSERT INTO corpus_entity_members (corpus_entity, doc, entity, score, evidence) "
                     "VALUES (?, ?, ?, ?, ?)", (group, doc, entity_id, 1.0, evidence))


def unlink_document(conn: sqlite3.Connection, doc: int) -> None:
    conn.execute("DELETE FROM corpus_entity_members WHERE doc = ?", (doc,))


def drop_empty(conn: sqlite3.Connection) -> None:
    """Groups left with no member (their documents replaced or removed) go."""
    conn.execute("DELETE FROM corpus_entities WHERE corpus_entity NOT IN "
                 "(SELECT corpus_entity FROM corpus_entity_members)")
