"""`annales corpus timeline`: every dated happening of the corpus in time order.

A happening is an event whose analysis says `happening: true` (the events layer's decision, read
from the contract) and that has a date. Each comes with its document and its passage.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

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


_SQL = """
SELECT d.id, ev.id, ev.date, ev.earliest, ev.latest, ev.time_inferred, ev.trigger, ev.lemma, ev.class,
       (SELECT group_concat(ee.role || char(31) || e.name, char(30)) FROM event_entities ee
          JOIN entities e ON e.doc = ee.doc AND e.id = ee.entity
          WHERE ee.doc = ev.doc AND ee.event = ev.id),
       s.text, s.start, ev.start, ev."end", ev.story_order
FROM {source}
JOIN documents d ON d.doc = ev.doc
LEFT JOIN sentences s ON s.doc = ev.doc AND s.n = ev.n
WHERE ev.happening = 1 AND ev.date IS NOT NULL AND ev.earliest IS NOT NULL{conditions}
ORDER BY ev.earliest, ev.latest, d.id, ev.story_order
"""


def _takers(joined: str | None) -> tuple[str, str]:
    """'Foch (agent); 9e RI (patient)' and 'Metz; Nancy' from role-and-name pairs."""
    participants, places = [], []
    for pair in joined.split("\x1e") if joined else []:
        role, _, name = pair.partition("\x1f")
        if role == "place":
            places.append(name)
        else:
            participants.append(f"{name} ({role})")
    return "; ".join(participants), "; ".join(places)


def timeline(conn: sqlite3.Connection, filters: Filters | None = None, limit: int | None = None) -> list[Happening]:
    source, clauses, params = event_source(filters or Filters())
    sql = _SQL.format(source=source, conditions="".join(f" AND {clause}" for clause in clauses))
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    result = []
    for row in conn.execute(sql, params):
        (document, event, date, earliest, latest, inferred, trigger, lemma, event_class, takers,
         sentence, sentence_start, start, end, story_order) = row
        participants, places = _takers(takers)
        if sentence is None:
            passage = trigger
        else:
            at, to = start - sentence_start, end - sentence_start
            passage = f"{sentence[:at]}[{sentence[at:to]}]{sentence[to:]}"
        result.append(Happening(document=document, event=event, date=date, earliest=earliest, latest=latest,
                                inferred=bool(inferred), trigger=trigger, lemma=lemma, event_class=event_class,
                                participants=participants, places=places, passage=passage,
                                story_order=story_order))
    return result
