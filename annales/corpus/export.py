"""`annales corpus export`: the corpus written out whole.

- `jsonl`: each stored analysis, exactly its JSON contract, one document a line (the same lines
  `annales analyze --format jsonl` writes), in id order: `Analysis.from_dict` reads each back.
- `csv`: one row per event of the corpus, with its document, date, class, factuality, whether it
  is a happening, participants, places and passage.
- `teicorpus`: one TEI `<teiCorpus>`, a `<TEI>` per document (`annales.corpus.teicorpus`).
- `jsonld`: one JSON-LD graph in schema.org terms: documents, entities grouped across documents,
  happenings, each claim with its source passage (`annales.corpus.jsonld`).
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Callable
from typing import TextIO

from annales.export.json import dumps

FORMATS = ("jsonl", "csv", "teicorpus", "jsonld")
CSV_COLUMNS = ("document", "event", "date", "earliest", "latest", "inferred", "happening", "class",
               "factuality", "polarity", "trigger", "lemma", "participants", "places", "passage")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")


def export(conn: sqlite3.Connection, fmt: str, out: TextIO, on_error: Callable[[str], None] | None = None) -> int:
    """Write the corpus to `out` in `fmt`; returns the number of records written (documents for
    teicorpus, nodes for jsonld). `on_error` hears of a stored document that cannot be exported."""
    if fmt == "jsonl":
        return _jsonl(conn, out)
    if fmt == "csv":
        return _csv(conn, out)
    if fmt == "teicorpus":
        from annales.corpus import teicorpus

        return teicorpus.write(conn, out, on_error)
    if fmt == "jsonld":
        from annales.corpus import jsonld

        return jsonld.write(conn, out)
    raise ValueError(f"unknown export format {fmt!r}")


def _jsonl(conn: sqlite3.Connection, out: TextIO) -> int:
    count = 0
    for (text,) in conn.execute("SELECT a.json FROM analyses a JOIN documents d ON d.doc = a.doc ORDER BY d.id"):
        out.write(dumps(json.loads(text)) + "\n")
        count += 1
    return count


def _cell(value: object) -> str:
    """A spreadsheet shows a cell starting like a formula as text (OWASP's advice)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


_EVENTS = """
SELECT d.id, ev.id, ev.date, ev.earliest, ev.latest, ev.time_inferred, ev.happening, ev.class, ev.factuality,
       ev.polarity, ev.trigger, ev.lemma,
       (SELECT group_concat(e.name || ' (' || ee.role || ')', '; ') FROM event_entities ee
          JOIN entities e ON e.doc = ee.doc AND e.id = ee.entity
          WHERE ee.doc = ev.doc AND ee.event = ev.id AND ee.role != 'place'),
       (SELECT group_concat(e.name, '; ') FROM event_entities ee
          JOIN entities e ON e.doc = ee.doc AND e.id = ee.entity
          WHERE ee.doc = ev.doc AND ee.event = ev.id AND ee.role = 'place'),
       s.text
FROM events ev JOIN documents d ON d.doc = ev.doc LEFT JOIN sentences s ON s.doc = ev.doc AND s.n = ev.n
ORDER BY d.id, ev.story_order
"""


def _csv(conn: sqlite3.Connection, out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for row in conn.execute(_EVENTS):
        values = list(row)
        values[5] = "" if values[5] is None else ("yes" if values[5] else "no")
        values[6] = "yes" if values[6] else "no"
        values[-1] = " ".join((values[-1] or "").split())
        writer.writerow([_cell(value) for value in values])
        count += 1
    return count
