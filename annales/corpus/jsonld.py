"""`annales corpus export --format jsonld`: the corpus as one JSON-LD graph in the schema.org vocabulary.

Read from the store's tables. One JSON object, `{"@context": …, "@graph": [nodes]}`, written a node
at a time. Node ids are fragment identifiers relative to the exported file (`#doc/<id>`,
`#entity/<N>`, `#doc/<id>/event/<id>`; ids percent-encoded).

The schema.org properties chosen, and why:

- **A document** is a `CreativeWork` (`identifier` its id, `name` its title or id, `url`,
  `inLanguage`, `encodingFormat`, `datePublished` when it has a publication date); `mentions`
  lists the entities it names: schema.org's "contains a reference to, but is not necessarily
  about".
- **An entity** is one node per group of the store (`entities.corpus_entity`), so a person named
  in three documents is one `Person` node; an entity with no group is a node of its document. Types:
  person `Person`, place `Place`, organisation and military unit `Organization` (schema.org has
  no unit), ship `Vehicle`, a named event `Event`, a work `CreativeWork`, anything else `Thing`.
  `name` is the group's name, `alternateName` the other names and aliases its members go by;
  a person's ranks and roles are `jobTitle` (schema.org's only property for what a person is
  called by position: "général", "député du Tarn").
- **An event** is an `Event` for each happening (an event the text states as having taken place,
  `happening` in the store; states, reports, intentions and negated events are no `Event`, as
  schema.org's Event is "an event happening at a certain time and location"). `name` is the
  trigger's words; `startDate` and `endDate` the earliest and latest of its date (its value when
  it has no interval), as W3C dates or dateTimes; `location` its places. Its agents are
  `performer` (range Person or Organization, "who does it"); its other participants `attendee`
  (also Person or Organization), each wrapped in a schema.org `Role` whose `roleName` keeps
  annales' role (`patient`, `other`): schema.org has no "participant" with a role of its own.
- **The source passage of every claim**: each event's sentence and each entity's mentions are
  `subjectOf` (range CreativeWork, "a CreativeWork about this Thing", the only such property
  schema.org gives every Thing; `citation` exists on CreativeWork only): a `CreativeWork` that
  `isPartOf` the document, with the passage's `text` and its character offsets. schema.org has no
  property for offsets, so they are the W3C Web Annotation `TextPositionSelector`'s `start` and
  `end` (Unicode characters from the start of the document's text, as in the JSON contract),
  named in the `@context` next to schema.org.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any, TextIO
from urllib.parse import quote

from annales.export.json import dumps
from annales.export.tei import w3c

CONTEXT: list[Any] = [
    "https://schema.org/",
    {"oa": "http://www.w3.org/ns/oa#", "selector": {"@id": "oa:hasSelector"},
     "TextPositionSelector": "oa:TextPositionSelector", "start": "oa:start", "end": "oa:end"},
]
TYPES = {"person": "Person", "place": "Place", "organization": "Organization", "unit": "Organization",
         "ship": "Vehicle", "event-name": "Event", "work": "CreativeWork"}
Node = dict[str, Any]


def document_node_id(doc_id: str) -> str:
    return f"#doc/{quote(doc_id, safe='')}"


def entity_node_id(doc_id: str, entity_id: str, corpus_entity: int | None) -> str:
    if corpus_entity is not None:
        return f"#entity/{corpus_entity}"
    return f"{document_node_id(doc_id)}/entity/{quote(entity_id, safe='')}"


def passage(doc_id: str, start: int, end: int, text: str) -> Node:
    return {"@type": "CreativeWork", "isPartOf": {"@id": document_node_id(doc_id)}, "text": text,
            "selector": {"@type": "TextPositionSelector", "start": start, "end": end}}


def write(conn: sqlite3.Connection, out: TextIO) -> int:
    """Write the graph to `out`; returns the number of nodes written."""
    out.write('{"@context": ' + dumps(CONTEXT) + ',\n "@graph": [\n')
    count = 0
    for node in nodes(conn):
        out.write((",\n" if count else "") + "  " + dumps(node))
        count += 1
    out.write("\n]}\n")
    return count


def nodes(conn: sqlite3.Connection) -> Iterator[Node]:
    """Documents, then entities (each group once), then the happenings."""
    yield from _documents(conn)
    yield from _entities(conn)
    yield from _events(conn)


def _documents(conn: sqlite3.Connection) -> Iterator[Node]:
    mentioned: dict[int, list[str]] = {}
    for doc, doc_id, entity_id, corpus_entity in conn.execute(
            "SELECT e.doc, d.id, e.id, e.corpus_entity FROM entities e JOIN documents d USING (doc) "
            "ORDER BY e.doc, e.id"):
        mentioned.setdefault(doc, []).append(entity_node_id(doc_id, entity_id, corpus_entity))
    for doc, doc_id, title, url, language, media_type, dct in conn.execute(
            "SELECT doc, id, title, url, language, media_type, dct FROM documents ORDER BY id"):
        node: Node = {"@id": document_node_id(doc_id), "@type": "CreativeWork", "identifier": doc_id,
                      "name": title or doc_id}
        optional = {"url": url, "inLanguage": language, "encodingFormat": media_type, "datePublished": w3c(dct)}
        node.update({key: value for key, value in optional.items() if value})
        if doc in mentioned:
            node["mentions"] = [{"@id": ident} for ident in dict.fromkeys(mentioned[doc])]
        yield node


def _entities(conn: sqlite3.Connection) -> Iterator[Node]:
    group_names = dict(conn.execute("SELECT corpus_entity, name FROM corpus_entities"))
    passages: dict[tuple[int, str], list[Node]] = {}
    for doc, doc_id, entity_id, start, end, text in conn.execute(
            "SELECT m.doc, d.id, m.entity, m.start, m.\"end\", m.text FROM mentions m JOIN documents d USING (doc) "
            "ORDER BY d.id, m.start, m.\"end\""):
        passages.setdefault((doc, entity_id), []).append(passage(doc_id, start, end, text))
    built: dict[str, Node] = {}
    for doc, doc_id, entity_id, corpus_entity, kind, name, aliases, ranks, role in conn.execute(
            "SELECT e.doc, d.id, e.id, e.corpus_entity, e.type, e.name, e.aliases, e.ranks, e.role "
            "FROM entities e JOIN documents d USING (doc) ORDER BY coalesce(e.corpus_entity, -1), d.id, e.id"):
        ident = entity_node_id(doc_id, entity_id, corpus_entity)
        node = built.get(ident)
        if node is None:
            node = built[ident] = {"@id": ident, "@type": TYPES.get(kind, "Thing"),
                                   "name": group_names.get(corpus_entity, name) if corpus_entity is not None else name}
        names = [name, *json.loads(aliases)]
        _extend(node, "alternateName", [other for other in names if other != node["name"]])
        if kind == "person":
            _extend(node, "jobTitle", [*json.loads(ranks), *([role] if role else [])])
        _extend(node, "subjectOf", passages.get((doc, entity_id), []))
    yield from built.values()


def _extend(node: Node, key: str, values: list[Any]) -> None:
    """Add values to a list property, each once, leaving the property out while it is empty."""
    present = node.setdefault(key, [])
    for value in values:
        if value not in present:
            present.append(value)
    if not present:
        del node[key]


_HAPPENINGS = """
SELECT ev.doc, d.id, ev.id, ev.trigger, ev.date, ev.earliest, ev.latest, s.start, s."end", s.text
FROM events ev JOIN documents d USING (doc) LEFT JOIN sentences s ON s.doc = ev.doc AND s.n = ev.n
WHERE ev.happening = 1
ORDER BY d.id, ev.story_order, ev.id
"""


def _events(conn: sqlite3.Connection) -> Iterator[Node]:
    taking_part: dict[tuple[int, str], list[tuple[str, str]]] = {}
    for doc, doc_id, event_id, entity_id, corpus_entity, role in conn.execute(
            "SELECT ee.doc, d.id, ee.event, ee.entity, e.corpus_entity, ee.role FROM event_entities ee "
            "JOIN documents d USING (doc) JOIN entities e ON e.doc = ee.doc AND e.id = ee.entity"):
        taking_part.setdefault((doc, event_id), []).append((role, entity_node_id(doc_id, entity_id, corpus_entity)))
    for doc, doc_id, event_id, trigger, value, earliest, latest, start, end, sentence in conn.execute(_HAPPENINGS):
        node: Node = {"@id": f"{document_node_id(doc_id)}/event/{quote(event_id, safe='')}", "@type": "Event",
                      "name": trigger}
        begins, ends = w3c(earliest) or w3c(value), w3c(latest) or w3c(value)
        if begins:
            node["startDate"] = begins
        if ends:
            node["endDate"] = ends
        for role, ident in taking_part.get((doc, event_id), []):
            if role == "place":
                _extend(node, "location", [{"@id": ident}])
            elif role == "agent":
                _extend(node, "performer", [{"@id": ident}])
            else:
                _extend(node, "attendee", [{"@type": "Role", "roleName": role, "attendee": {"@id": ident}}])
        if start is not None:
            node["subjectOf"] = passage(doc_id, start, end, sentence)
        yield node
