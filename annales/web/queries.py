"""The workbench's own reads of the corpus store: plain SQL over the tables documented in
`annales.corpus.schema`, for what the command line does not ask (a document by its row number,
one document's happenings, facets of search results, the findings about one entity)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from annales.corpus.filters import Filters, name_pattern
from annales.corpus.timeline import Happening, timeline


@dataclass
class Document:
    doc: int
    id: str
    title: str | None
    dct: str | None
    chars: int
    added_at: str

    @property
    def label(self) -> str:
        return self.title or self.id.rsplit("/", 1)[-1]


_DOCUMENT = "SELECT doc, id, title, dct, chars, added_at FROM documents"


def documents(conn: sqlite3.Connection) -> list[Document]:
    return [Document(*row) for row in conn.execute(_DOCUMENT + " ORDER BY doc DESC")]


def count_documents(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])


def document(conn: sqlite3.Connection, doc: int) -> Document | None:
    row = conn.execute(_DOCUMENT + " WHERE doc = ?", (doc,)).fetchone()
    return Document(*row) if row else None


def document_number(conn: sqlite3.Connection, doc_id: str) -> int | None:
    row = conn.execute("SELECT doc FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return row[0] if row else None


def analysis(conn: sqlite3.Connection, doc: int) -> dict[str, Any] | None:
    row = conn.execute("SELECT json FROM analyses WHERE doc = ?", (doc,)).fetchone()
    return json.loads(row[0]) if row else None


def entity_pages(conn: sqlite3.Connection, doc: int) -> dict[str, int]:
    """Entity id of the document -> its corpus entity."""
    return {entity: group for entity, group in conn.execute(
        "SELECT id, corpus_entity FROM entities WHERE doc = ? AND corpus_entity IS NOT NULL", (doc,))}


def happenings(conn: sqlite3.Connection, filters: Filters, doc: int | None = None,
               limit: int = 5000) -> list[Happening]:
    """The dated happenings the filters keep (of one document, when `doc` is given), in time order."""
    return timeline(conn, filters, limit=limit, doc=doc)


@dataclass
class Finding:
    id: str
    kind: str
    severity: str | None
    message: str
    evidence: list[tuple[int, str, int, int, str]]  # (doc, document, start, end, text)


def findings_about(conn: sqlite3.Connection, corpus_entity: int) -> list[Finding]:
    """Cross-source findings with evidence on a mention of the entity (empty until such findings are computed)."""
    rows = conn.execute(
        "SELECT DISTINCT f.finding, f.id, f.kind, f.severity, f.message FROM findings f "
        "JOIN finding_evidence fe ON fe.finding = f.finding "
        "JOIN entities e ON e.doc = fe.doc AND e.corpus_entity = ? "
        'JOIN mentions m ON m.doc = e.doc AND m.entity = e.id AND m.start < fe."end" AND m."end" > fe.start '
        "WHERE f.scope = 'cross-source' ORDER BY f.finding", (corpus_entity,)).fetchall()
    result = []
    for finding, identifier, kind, severity, message in rows:
        evidence = [tuple(row) for row in conn.execute(
            'SELECT fe.doc, d.id, fe.start, fe."end", fe.text FROM finding_evidence fe JOIN documents d '
            "ON d.doc = fe.doc WHERE fe.finding = ? ORDER BY fe.rowid", (finding,))]
        result.append(Finding(identifier, kind, severity, message, evidence))  # type: ignore[arg-type]
    return result


def sentences_naming(conn: sqlite3.Connection, kind: str, name: str) -> set[tuple[str, int]]:
    """(document id, sentence number) of the passages mentioning an entity of `kind` so named (whole words)."""
    return set(conn.execute(
        "SELECT DISTINCT d.id, m.n FROM entities e JOIN mentions m ON m.doc = e.doc AND m.entity = e.id "
        "JOIN documents d ON d.doc = e.doc WHERE e.type = ? AND (' ' || e.names || ' ') LIKE ? ESCAPE '\\' "
        "AND m.n IS NOT NULL", (kind, name_pattern(name))).fetchall())


def facets(conn: sqlite3.Connection, passages: list[tuple[str, int]]) -> dict[str, list[tuple[str, int]]]:
    """Persons, places, units (most passages first) and years (in time order) of the passages, with counts."""
    found: dict[str, dict[str, set[tuple[str, int]]]] = {"person": {}, "place": {}, "unit": {}, "year": {}}
    if not passages:
        return {kind: [] for kind in found}
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS web_passages (id TEXT, n INTEGER)")
    conn.execute("DELETE FROM web_passages")
    conn.executemany("INSERT INTO web_passages VALUES (?, ?)", passages)
    # CROSS JOIN keeps SQLite's order, from the passages out: the temporary table has no statistics,
    # and the planner, starting from every person, place and unit of the corpus, took 0.47 s for
    # 600 passages of a 2 000-document store where this order takes milliseconds.
    for kind, name, document, n in conn.execute(
            "SELECT e.type, e.name, p.id, p.n FROM web_passages p CROSS JOIN documents d ON d.id = p.id "
            "CROSS JOIN mentions m ON m.doc = d.doc AND m.n = p.n "
            "CROSS JOIN entities e ON e.doc = m.doc AND e.id = m.entity "
            "WHERE e.type IN ('person', 'place', 'unit')"):
        found[kind].setdefault(name, set()).add((document, n))
    for year, document, n in conn.execute(
            "SELECT substr(t.earliest, 1, 4), p.id, p.n FROM web_passages p JOIN documents d ON d.id = p.id "
            "JOIN timexes t ON t.doc = d.doc AND t.n = p.n "
            "WHERE t.resolved = 1 AND t.type = 'DATE' AND t.earliest GLOB '[0-9][0-9][0-9][0-9]*'"):
        found["year"].setdefault(year, set()).add((document, n))
    conn.execute("DELETE FROM web_passages")
    result = {kind: sorted(((name, len(hits)) for name, hits in values.items()), key=lambda item: (-item[1], item[0]))
              for kind, values in found.items() if kind != "year"}
    result["year"] = sorted(((year, len(hits)) for year, hits in found["year"].items()), key=lambda item: item[0])
    return result


def graph(conn: sqlite3.Connection, max_nodes: int = 150) -> dict[str, list[dict[str, Any]]]:
    """Persons, units, ships and places (the most mentioned `max_nodes` corpus entities) linked
    when they take part in the same event (`kind` "co-occurrence", weighted by the number of such
    events), and a person to the unit or ship the text says they command (`kind` "command", from
    the person to the unit, weighted by the number of passages saying it, with the first of them)."""
    nodes = [{"id": group, "name": name, "type": kind, "mentions": mentions or 0}
             for group, name, kind, mentions in conn.execute(
                 "SELECT ce.corpus_entity, ce.name, ce.type, sum(e.mentions) FROM corpus_entities ce "
                 "JOIN entities e ON e.corpus_entity = ce.corpus_entity "
                 "WHERE ce.type IN ('person', 'unit', 'ship', 'place') GROUP BY ce.corpus_entity "
                 "ORDER BY sum(e.mentions) DESC, ce.name LIMIT ?", (max_nodes,))]
    kept = {node["id"] for node in nodes}
    edges = [{"source": a, "target": b, "events": events, "kind": "co-occurrence"} for a, b, events in conn.execute(
        "SELECT a.corpus_entity, b.corpus_entity, count(DISTINCT x.doc || ' ' || x.event) "
        "FROM event_entities x JOIN event_entities y ON y.doc = x.doc AND y.event = x.event "
        "JOIN entities a ON a.doc = x.doc AND a.id = x.entity JOIN entities b ON b.doc = y.doc AND b.id = y.entity "
        "WHERE a.corpus_entity < b.corpus_entity GROUP BY a.corpus_entity, b.corpus_entity")
        if a in kept and b in kept]
    # SQLite takes the bare columns of a group from the row min() chose: the first passage saying it.
    edges += [{"source": a, "target": b, "events": passages, "kind": "command", "evidence": text,
               "href": f"/document/{doc}#{relation}"}
              for a, b, passages, _, text, doc, relation in conn.execute(
                  "SELECT p.corpus_entity, u.corpus_entity, count(*), min(r.doc * 1000000000 + r.start), "
                  "r.text, r.doc, r.id FROM relations r "
                  "JOIN entities p ON p.doc = r.doc AND p.id = r.subject "
                  "JOIN entities u ON u.doc = r.doc AND u.id = r.object "
                  "WHERE r.kind = 'commands' AND p.corpus_entity IS NOT NULL AND u.corpus_entity IS NOT NULL "
                  "GROUP BY p.corpus_entity, u.corpus_entity")
              if a in kept and b in kept]
    return {"nodes": nodes, "edges": edges}


@dataclass
class Command:
    commands: bool  # True: the entity commands `other`; False: `other` commands it
    other: str  # the other entity's name in the corpus
    other_entity: int | None  # its corpus entity
    doc: int
    relation: str  # the relation's id in the document
    evidence: str  # the words of the text that say it


def commands_of(conn: sqlite3.Connection, corpus_entity: int) -> list[Command]:
    """The command relations a corpus entity is in, either side, in document and text order."""
    rows = conn.execute(
        "SELECT r.subject = me.id, other.name, ce.name, other.corpus_entity, r.doc, r.id, r.text FROM entities me "
        "JOIN relations r ON r.doc = me.doc AND me.id IN (r.subject, r.object) "
        "JOIN entities other ON other.doc = r.doc "
        "AND other.id = CASE WHEN r.subject = me.id THEN r.object ELSE r.subject END "
        "LEFT JOIN corpus_entities ce ON ce.corpus_entity = other.corpus_entity "
        "WHERE me.corpus_entity = ? AND r.kind = 'commands' ORDER BY r.doc, r.start", (corpus_entity,))
    return [Command(bool(mine), group_name or name, group, doc, relation, text)
            for mine, name, group_name, group, doc, relation, text in rows]


def place_events(conn: sqlite3.Connection) -> dict[int, list[dict[str, Any]]]:
    """Corpus entity of a place -> the dated happenings it takes part in, in time order."""
    found: dict[int, list[dict[str, Any]]] = {}
    for group, doc, event, date, earliest, trigger in conn.execute(
            "SELECT DISTINCT e.corpus_entity, ev.doc, ev.id, ev.date, ev.earliest, ev.trigger FROM entities e "
            "JOIN event_entities ee ON ee.doc = e.doc AND ee.entity = e.id "
            "JOIN events ev ON ev.doc = ee.doc AND ev.id = ee.event "
            "WHERE e.type = 'place' AND e.corpus_entity IS NOT NULL AND ev.happening = 1 AND ev.earliest IS NOT NULL "
            "ORDER BY ev.earliest, ev.doc, ev.story_order"):
        found.setdefault(group, []).append({"date": date, "earliest": earliest, "trigger": trigger,
                                            "href": f"/document/{doc}#{event}"})
    return found
