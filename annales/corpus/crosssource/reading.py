"""What the checks read of the store besides their own rows: each document's language, the texts,
own dates and grouped mentions of the sentences they need, through a temporary table of (doc, n)
joined on the store's indexes."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field

from annales.corpus.crosssource.engine import Interval, interval


@dataclass
class StoreView:
    """What the checks read about the store once: documents, sentence texts and dates, mentions."""

    conn: sqlite3.Connection
    languages: dict[int, str]
    sentences: dict[tuple[int, int], tuple[int, int, str]] = field(default_factory=dict)
    dates: dict[tuple[int, int], Interval] = field(default_factory=dict)
    mentions: dict[tuple[int, int], list[tuple[int, int, str, int]]] = field(default_factory=dict)

    def load_sentences(self, wanted: set[tuple[int, int]], *, mentions: bool) -> None:
        """Texts (and with `mentions`, the mentions of grouped entities) of the sentences wanted."""
        self._select(wanted - set(self.sentences))
        for doc, n, start, end, text in self.conn.execute(
                'SELECT s.doc, s.n, s.start, s."end", s.text FROM temp.cross_source_sentences t '
                "JOIN sentences s ON s.doc = t.doc AND s.n = t.n"):
            self.sentences[(doc, n)] = (start, end, text)
        if not mentions:
            return
        for doc, n, start, end, kind, group in self.conn.execute(
                'SELECT m.doc, m.n, m.start, m."end", e.type, e.corpus_entity FROM temp.cross_source_sentences t '
                "JOIN mentions m ON m.doc = t.doc AND m.n = t.n JOIN entities e ON e.doc = m.doc AND e.id = m.entity "
                "WHERE e.corpus_entity IS NOT NULL"):
            self.mentions.setdefault((doc, n), []).append((start, end, kind, group))

    def _select(self, wanted: set[tuple[int, int]]) -> None:
        """The sentences the next joins read: a temporary table joined on the store's (doc, n) indexes."""
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS cross_source_sentences "
                          "(doc INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (doc, n))")
        self.conn.execute("DELETE FROM temp.cross_source_sentences")
        self.conn.executemany("INSERT OR IGNORE INTO temp.cross_source_sentences (doc, n) VALUES (?, ?)",
                              sorted(wanted))

    def written_dates(self, wanted: set[tuple[int, int]]) -> dict[tuple[int, int], list[tuple[str, int, int]]]:
        """(id, start, end) of the resolved dates written in each sentence wanted."""
        self._select(wanted)
        found: dict[tuple[int, int], list[tuple[str, int, int]]] = defaultdict(list)
        for doc, n, identifier, start, end in self.conn.execute(
                'SELECT t.doc, t.n, t.id, t.start, t."end" FROM temp.cross_source_sentences w '
                "JOIN timexes t ON t.doc = w.doc AND t.n = w.n WHERE t.resolved = 1 AND t.type IN ('DATE', 'TIME')"):
            found[(doc, n)].append((identifier, start, end))
        return found

    def load_dates(self) -> None:
        """Each sentence's own date: the hull of the resolved dates written in it."""
        for doc, n, earliest, latest in self.conn.execute(
                "SELECT doc, n, min(earliest), max(latest) FROM timexes WHERE resolved = 1 AND n IS NOT NULL "
                "AND type IN ('DATE', 'TIME') AND earliest IS NOT NULL AND latest IS NOT NULL GROUP BY doc, n"):
            span = interval(earliest, latest)
            if span is not None:
                self.dates[(doc, n)] = span

    def date_of(self, doc: int, n: int, inherit: int = 0) -> Interval | None:
        for before in range(n, max(-1, n - inherit - 1), -1):
            if (doc, before) in self.dates:
                return self.dates[(doc, before)]
        return None


def context(conn: sqlite3.Connection) -> StoreView:
    languages = conn.execute("SELECT doc, language FROM documents").fetchall()
    return StoreView(conn, {doc: language or "" for doc, language in languages})
