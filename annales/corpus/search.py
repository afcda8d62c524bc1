"""`annales corpus search`: the passages (sentences) that match words, with their document and dates.

The words go to the FTS5 index over the sentences (accents and case folded: "general" finds
"Général"). The query is read as words that must all appear, "quoted phrases" and prefixes
("débarqu*"); FTS5 operators are not passed through, so no query can be a syntax error.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from annales.corpus.filters import Filters, sentence_clauses

_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)
MARK_START, MARK_END = "[", "]"


@dataclass
class Passage:
    document: str
    sentence: int
    dates: str | None
    dct: str | None
    text: str  # the sentence, the matching words between the marks asked for ([brackets] by default)


def fts_query(query: str) -> str:
    """The user's words as an FTS5 expression of quoted terms (implicitly ANDed); '' when none."""
    parts = []
    for phrase, word in _TERM.findall(query):
        if phrase:
            words = _WORD.findall(phrase)
            if words:
                parts.append('"' + " ".join(words) + '"')
            continue
        prefix = word.endswith("*")
        for index, token in enumerate(words := _WORD.findall(word)):
            star = "*" if prefix and index == len(words) - 1 else ""
            parts.append(f'"{token}"{star}')
    return " ".join(parts)


def search(conn: sqlite3.Connection, query: str, filters: Filters | None = None, limit: int = 50,
           marks: tuple[str, str] = (MARK_START, MARK_END)) -> list[Passage]:
    """Matching passages, best first (bm25); with no words, every passage the filters keep, in
    document order. `marks` go around the matching words (brackets for a terminal; a program that
    parses them back picks characters a text never holds)."""
    expression = fts_query(query)
    clauses, params = sentence_clauses(filters or Filters())
    if expression:
        sql = ("SELECT d.id, s.n, s.dates, d.dct, highlight(sentences_fts, 0, ?, ?) FROM sentences_fts "
               "JOIN sentences s ON s.sentence = sentences_fts.rowid JOIN documents d ON d.doc = s.doc "
               "WHERE sentences_fts MATCH ?" + "".join(f" AND {clause}" for clause in clauses) +
               " ORDER BY rank, d.id, s.n LIMIT ?")
        rows = conn.execute(sql, [*marks, expression, *params, limit]).fetchall()
    else:
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        sql = ("SELECT d.id, s.n, s.dates, d.dct, s.text FROM sentences s JOIN documents d ON d.doc = s.doc"
               f"{where} ORDER BY d.id, s.n LIMIT ?")
        rows = conn.execute(sql, [*params, limit]).fetchall()
    return [Passage(document=row[0], sentence=row[1], dates=row[2], dct=row[3], text=row[4]) for row in rows]
