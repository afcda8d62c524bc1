"""`annales corpus timeline`: every dated happening of the corpus in time order.

A happening is an event whose analysis says `happening: true` (the events layer's decision, read
from the contract) and that has a date. Each comes with its document and its passage.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from annales.corpus.filters import Filters, event_source


@dataclass
class Happening:
    document: str
    event: str
    date: str
    earliest: str
    latest: str
    inferred: bool
    trigger: str
    lemma: str | None
    event_class: str | None
    participants: str  # "Foch (agent); 9e régiment d'infanterie (patient)"
    places: str  # "Metz; Nancy"
    passage: str  # the sentence, the trigger in [brackets]
    story_order: int | None
    doc: int = 0  # the document's row in the store
    sentence: str | None = None  # the passage as written
    takers: list[tuple[str, str, int | None]] = field(default_factory=list)  # (name, role, corpus entity), places too


_SQL = """
SELECT d.id, ev.id, ev.date, ev.earliest, ev.latest, ev.time_inferred, ev.trigger, ev.lemma, ev.class,
       (SELECT json_group_array(json_array(e.name, ee.role, e.corpus_entity)) FROM event_entities ee
          JOIN entities e ON e.doc = ee.doc AND e.id = ee.entity
          WHERE ee.doc = ev.doc AND ee.event = ev.id),
       s.text, s.start, ev.start, ev."end", ev.story_order, ev.doc
FROM {source}
JOIN documents d ON d.doc = ev.doc
LEFT JOIN sentences s ON s.doc = ev.doc AND s.n = ev.n
WHERE ev.happening = 1 AND ev.date IS NOT NULL AND ev.earliest IS NOT NULL{conditions}
ORDER BY ev.earliest, ev.latest, d.id, ev.story_order
"""


def _roles(takers: list[tuple[str, str, int | None]]) -> tuple[str, str]:
    """'Foch (agent); 9e RI (patient)' and 'Metz; Nancy' from the participants and places."""
    participants = [f"{name} ({role})" for name, role, _ in takers if role != "place"]
    places = [name for name, role, _ in takers if role == "place"]
    return "; ".join(participants), "; ".join(places)


def timeline(conn: sqlite3.Connection, filters: Filters | None = None, limit: int | None = None,
             doc: int | None = None) -> list[Happening]:
    """The dated happenings `filters` keep (of the document stored as row `doc`, when given), in time order."""
    source, clauses, params = event_source(filters or Filters())
    if doc is not None:
        clauses, params = [*clauses, "ev.doc = ?"], [*params, doc]
    sql = _SQL.format(source=source, conditions="".join(f" AND {clause}" for clause in clauses))
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    result = []
    for row in conn.execute(sql, params):
        (document, event, date, earliest, latest, inferred, trigger, lemma, event_class, joined,
         sentence, sentence_start, start, end, story_order, row_doc) = row
        takers = [(name, role, group) for name, role, group in json.loads(joined or "[]") if name]
        participants, places = _roles(takers)
        if sentence is None:
            passage = trigger
        else:
            at, to = start - sentence_start, end - sentence_start
            passage = f"{sentence[:at]}[{sentence[at:to]}]{sentence[to:]}"
        result.append(Happening(document=document, event=event, date=date, earliest=earliest, latest=latest,
                                inferred=bool(inferred), trigger=trigger, lemma=lemma, event_class=event_class,
                                participants=participants, places=places, passage=passage,
                                story_order=story_order, doc=row_doc, sentence=sentence, takers=takers))
    return result
