"""`annales corpus merge|split`: a user's correction of the grouping, kept and applied on every regrouping.

A correction names members by document id and folded name (never by row numbers), so it survives
the document being replaced and the store being regrouped. `merge` ties every member of the second
group to the first; `split` takes one document's member out of its group by forbidding it to share
a group with any other member. A later correction of the same pair overrides an earlier one.
"""

from __future__ import annotations

import sqlite3

from annales.corpus import grouping
from annales.corpus.crosssource import refresh_cross_source
from annales.corpus.transaction import immediate
from annales.errors import AnnalesError


class CorrectionError(AnnalesError):
    """A correction that cannot be made (one-line message for the user)."""


def _keys(conn: sqlite3.Connection, corpus_entity: int) -> list[tuple[str, str]]:
    return [(doc_id, folded) for doc_id, folded in conn.execute(
        "SELECT d.id, e.folded FROM corpus_entity_members m JOIN entities e ON e.doc = m.doc AND e.id = m.entity "
        "JOIN documents d ON d.doc = m.doc WHERE m.corpus_entity = ? ORDER BY d.id, e.id", (corpus_entity,))]


def _type(conn: sqlite3.Connection, corpus_entity: int) -> str:
    row = conn.execute("SELECT type FROM corpus_entities WHERE corpus_entity = ?", (corpus_entity,)).fetchone()
    if row is None:
        raise CorrectionError(f"no entity #{corpus_entity}")
    return str(row[0])


def merge(conn: sqlite3.Connection, first: int, second: int) -> None:
    """Make groups `first` and `second` one."""
    if first == second:
        raise CorrectionError(f"#{first} and #{second} are the same entity already")
    if _type(conn, first) != _type(conn, second):
        raise CorrectionError(f"#{first} is a {_type(conn, first)} and #{second} a {_type(conn, second)}: "
                              "entities of different types are not merged")
    anchor = _keys(conn, first)[0]
    with immediate(conn):
        for key in _keys(conn, second):
            grouping.correct(conn, "merge", anchor, key)
    refresh_cross_source(conn)  # who is one person decides which sources disagree about them


def split(conn: sqlite3.Connection, corpus_entity: int, document: str) -> None:
    """Take document `document`'s member out of group `corpus_entity`."""
    keys = _keys(conn, corpus_entity)
    if not keys:
        raise CorrectionError(f"no entity #{corpus_entity}")
    leaving = [key for key in keys if key[0] == document]
    staying = [key for key in keys if key[0] != document]
    if not leaving:
        raise CorrectionError(f"#{corpus_entity} has no member in document {document!r}")
    if not staying:
        raise CorrectionError(f"#{corpus_entity} is named in {document!r} only: nothing to split from")
    with immediate(conn):
        for key in leaving:
            for other in staying:
                grouping.correct(conn, "split", key, other)
    refresh_cross_source(conn)  # who is one person decides which sources disagree about them
