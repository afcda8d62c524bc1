"""`annales corpus export --format teicorpus`: the corpus as one TEI P5 `<teiCorpus>`.

A `<teiHeader>` for the corpus, then one `<TEI>` per stored document, in id order, each made by the
per-document exporter (`annales.export.tei.build`, from the stored analysis read back through
`Analysis.from_dict`), so the corpus and `annales analyze --format tei` write the same TEI.

Two things change from a lone document, because the `<TEI>`s now share one XML document:

- Every xml:id of a document is prefixed with its store number (`d12-ent-3`), and every pointer to
  it (`ref`, `who`, `where`, `target`, … any attribute made of `#id` tokens) follows, so ids stay
  unique across the corpus. Each `<TEI>` carries `xml:id="d12"` and the document's id in `n`.
- The entities grouped across documents (the `corpus_entity` of the store's `entities`) are
  listed once in the corpus header (`particDesc` for persons, organisations and units,
  `settingDesc` for places, `xml:id="grp-N"`), and each document's `<person>`, `<place>` or `<org>`
  points at its group with `sameAs`: a person named in three documents is one `grp-N`.

The file is written a document at a time (one `<TEI>` in memory, not the corpus).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import TextIO

from lxml import etree

from annales.export.tei import TEI_NS, XML_ID, _el, build, clean, xml_id
from annales.model import Analysis

HEADER_LISTS = {"person": ("particDesc", "listPerson", "person", "persName"),
                "organization": ("particDesc", "listOrg", "org", "orgName"),
                "unit": ("particDesc", "listOrg", "org", "orgName"),
                "place": ("settingDesc", "listPlace", "place", "placeName")}
LISTED = {"person", "place", "org"}  # the standOff elements of a document that can point at a group
_GROUPS = """
SELECT g.corpus_entity, g.type, g.name, count(DISTINCT e.doc),
       json_group_array(DISTINCT e.name)
FROM corpus_entities g JOIN entities e ON e.corpus_entity = g.corpus_entity
GROUP BY g.corpus_entity ORDER BY g.corpus_entity
"""


def group_id(corpus_entity: int) -> str:
    return f"grp-{corpus_entity}"


def write(conn: sqlite3.Connection, out: TextIO, on_error: Callable[[str], None] | None = None) -> int:
    """Write the teiCorpus to `out`; returns the number of documents written. A stored analysis
    that cannot be read back is reported through `on_error` and left out."""
    from annales import __version__

    documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<teiCorpus xmlns="{TEI_NS}">\n')
    out.write(_serialise(_header(conn, documents, __version__)))
    written = 0
    rows = conn.execute("SELECT d.doc, d.id, a.json FROM documents d JOIN analyses a USING (doc) ORDER BY d.id")
    for doc, doc_id, text in rows:
        try:
            analysis = Analysis.from_dict(json.loads(text))
        except ValueError as exc:
            if on_error:
                on_error(f"{doc_id}: stored analysis cannot be read ({exc}); left out of the export")
            continue
        tei = build(analysis)
        _link_groups(conn, doc, tei)
        _prefix_ids(tei, f"d{doc}-")
        tei.set(XML_ID, f"d{doc}")
        tei.set("n", clean(doc_id))
        out.write(_serialise(tei))
        written += 1
    out.write("</teiCorpus>\n")
    return written


def _serialise(element: etree._Element) -> str:
    # Each child serialised alone redeclares the TEI namespace, which is the same default namespace.
    return etree.tostring(element, encoding="unicode", pretty_print=True)


def _header(conn: sqlite3.Connection, documents: int, version: str) -> etree._Element:
    header = _el(None, "teiHeader")
    file_desc = _el(header, "fileDesc")
    _el(_el(file_desc, "titleStmt"), "title", "annales corpus")
    _el(_el(file_desc, "publicationStmt"), "p", "Produced automatically by annales from the documents below.")
    plural = "s" if documents != 1 else ""
    _el(_el(file_desc, "sourceDesc"), "p", f"{documents} document{plural}, one TEI element each.")
    application = _el(_el(_el(header, "encodingDesc"), "appInfo"), "application", ident="annales", version=version)
    _el(application, "label", "annales")
    groups = conn.execute(_GROUPS).fetchall()
    listed = [group for group in groups if group[1] in HEADER_LISTS]
    if not listed:
        return header
    profile = _el(header, "profileDesc")
    sections: dict[str, etree._Element] = {}
    lists: dict[tuple[str, str], etree._Element] = {}
    for corpus_entity, kind, name, in_documents, names in listed:
        section, list_tag, tag, name_tag = HEADER_LISTS[kind]
        if section not in sections:
            sections[section] = _el(profile, section)
        if (section, list_tag) not in lists:
            lists[(section, list_tag)] = _el(sections[section], list_tag)
        entry = _el(lists[(section, list_tag)], tag, xml_id=group_id(corpus_entity), n=str(in_documents),
                    type="unit" if kind == "unit" else None)
        _el(entry, name_tag, name)
        for other in json.loads(names):
            if other != name:
                _el(entry, name_tag, other, type="alias")
    return header


def _link_groups(conn: sqlite3.Connection, doc: int, tei: etree._Element) -> None:
    """`sameAs="#grp-N"` on each listed entity of the document that belongs to a header group."""
    groups = {xml_id(entity): corpus_entity for entity, corpus_entity, kind in conn.execute(
        "SELECT id, corpus_entity, type FROM entities WHERE doc = ? AND corpus_entity IS NOT NULL", (doc,))
        if kind in HEADER_LISTS}
    stand_off = tei.find(f"{{{TEI_NS}}}standOff")
    if stand_off is None:
        return
    for element in stand_off.iter(*(f"{{{TEI_NS}}}{tag}" for tag in LISTED)):
        group = groups.get(element.get(XML_ID, ""))
        if group is not None:
            element.set("sameAs", f"#{group_id(group)}")


def _prefix_ids(tei: etree._Element, prefix: str) -> None:
    """Prefix every xml:id under `tei`, and every `#id` pointer to one of them."""
    renamed: dict[str, str] = {}
    for element in tei.iter():
        ident = element.get(XML_ID)
        if ident is not None:
            renamed[ident] = prefix + ident
            element.set(XML_ID, prefix + ident)
    for element in tei.iter():
        for attribute, value in element.attrib.items():
            if attribute == XML_ID or not value.startswith("#"):
                continue
            tokens = value.split()
            if all(token.startswith("#") for token in tokens):
                element.set(attribute, " ".join("#" + renamed.get(token[1:], token[1:]) for token in tokens))
