"""`annales corpus export --format teicorpus|jsonld`: the whole store as one TEI corpus or one JSON-LD graph."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from corpus_helpers import analysis
from lxml import etree

from annales import cli
from annales.corpus import open_store, store
from annales.corpus.export import export
from annales.corpus.jsonld import document_node_id
from annales.export import tei
from annales.model import Analysis

NS = {"t": tei.TEI_NS}
XML_ID = tei.XML_ID

# The same general, by the same name and rank, ten days apart in two documents: one person for any
# grouping of the store. "Smith" is ambiguous in its own document: never grouped.
VERDUN = analysis(
    "verdun.txt",
    "Le 21 février 1916, le général Pétain prend le commandement à Verdun. La garnison compte 20 000 hommes. "
    "Le 26 février 1916, Pétain organise la route de Bar-le-Duc.",
    entities=[{"type": "person", "name": "Pétain", "ranks": ["général"]}, {"type": "place", "name": "Verdun"}],
    dates=[("21 février 1916", "1916-02-21", "1916-02-21", "1916-02-21"),
           ("26 février 1916", "1916-02-26", "1916-02-26", "1916-02-26")],
    events=[{"trigger": "prend le commandement", "lemma": "prendre", "date": "1916-02-21", "agents": ["Pétain"],
             "places": ["Verdun"], "rank": "général"},
            {"trigger": "compte", "lemma": "compter", "happening": False},
            {"trigger": "organise", "lemma": "organiser", "date": "1916-02-26", "agents": ["Pétain"]}],
    findings=[("conflicting-figures", "20 000 here, 18 000 elsewhere.", ["20 000 hommes"])],
)
CARNET = analysis(
    "carnet.txt",
    "Le 1er mars 1916, le général Pétain passe en revue le 33e régiment à Souilly. Smith observe. "
    "Pendant la bataille, les habitants attendent.",
    entities=[{"type": "unit", "name": "33e régiment"}, {"type": "person", "name": "Pétain", "ranks": ["général"]},
              {"type": "place", "name": "Souilly"}, {"type": "person", "name": "Smith", "ambiguous": ["x", "y"]}],
    dates=[("1er mars 1916", "1916-03-01", "1916-03-01", "1916-03-01")],
    events=[{"trigger": "passe en revue", "lemma": "passer", "date": "1916-03-01", "agents": ["Pétain"],
             "patients": ["33e régiment"], "places": ["Souilly"], "rank": "général"},
            {"trigger": "observe", "lemma": "observer", "date": "1916-03-01", "inferred": True, "agents": ["Smith"]},
            {"trigger": "attendent", "lemma": "attendre", "happening": False}],
)
TEXTS = {VERDUN["id"]: VERDUN["text"], CARNET["id"]: CARNET["text"]}


@pytest.fixture
def db(tmp_path: Path) -> Iterator[tuple[str, sqlite3.Connection]]:
    path = str(tmp_path / "corpus.db")
    connection = open_store(path, create=True)
    store.put(connection, VERDUN)
    store.put(connection, CARNET)
    yield path, connection
    connection.close()


def _teicorpus(conn: sqlite3.Connection) -> str:
    out = io.StringIO()
    assert export(conn, "teicorpus", out) == 2
    return out.getvalue()


def _graph(conn: sqlite3.Connection) -> dict[str, Any]:
    out = io.StringIO()
    count = export(conn, "jsonld", out)
    data = json.loads(out.getvalue())
    assert count == len(data["@graph"])
    return data


# --- teicorpus -------------------------------------------------------------------------------------

def test_teicorpus_is_well_formed_for_xmllint(db: tuple[str, sqlite3.Connection], tmp_path: Path) -> None:
    xmllint = shutil.which("xmllint")
    assert xmllint, "xmllint is missing: `make test` installs it (Debian package libxml2-utils)"
    path = tmp_path / "corpus.xml"
    path.write_text(_teicorpus(db[1]), encoding="utf-8")
    result = subprocess.run([xmllint, "--noout", str(path)], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stderr) == (0, "")


def test_teicorpus_holds_a_header_and_one_tei_per_document(db: tuple[str, sqlite3.Connection]) -> None:
    root = etree.fromstring(_teicorpus(db[1]).encode())
    assert root.tag == f"{{{tei.TEI_NS}}}teiCorpus"
    assert [etree.QName(child).localname for child in root] == ["teiHeader", "TEI", "TEI"]
    documents = root.findall("t:TEI", NS)
    assert [document.get("n") for document in documents] == sorted(TEXTS)  # in id order
    for document in documents:
        # The document's own TEI, from the per-document exporter: the same text, the same markup.
        alone = tei.build(Analysis.from_dict(VERDUN if document.get("n") == VERDUN["id"] else CARNET))
        body, alone_body = document.find("t:text/t:body", NS), alone.find("t:text/t:body", NS)
        paragraphs = ["".join(paragraph.itertext()) for paragraph in body.findall("t:p", NS)]
        assert paragraphs == ["".join(paragraph.itertext()) for paragraph in alone_body.findall("t:p", NS)]
        assert paragraphs == [TEXTS[document.get("n")]]
        assert [etree.QName(e).localname for e in body.iter()] == [etree.QName(e).localname for e in alone_body.iter()]


def test_teicorpus_ids_are_unique_and_every_pointer_resolves(db: tuple[str, sqlite3.Connection]) -> None:
    root = etree.fromstring(_teicorpus(db[1]).encode())
    ids = [element.get(XML_ID) for element in root.iter() if element.get(XML_ID) is not None]
    assert len(ids) == len(set(ids))
    pointers = [token[1:] for element in root.iter() for name, value in element.attrib.items()
                if name != XML_ID and value.startswith("#") for token in value.split()]
    assert pointers and set(pointers) <= set(ids)
    # Both documents number their entities from ent-1: the prefixes keep them apart.
    assert {"d1-ent-1", "d2-ent-1"} <= set(ids)


def test_teicorpus_points_a_person_of_two_documents_at_one_group(db: tuple[str, sqlite3.Connection]) -> None:
    root = etree.fromstring(_teicorpus(db[1]).encode())
    same = {person.get("sameAs") for person in root.findall("t:TEI/t:standOff/t:listPerson/t:person", NS)
            if person.findtext("t:persName", namespaces=NS) == "Pétain"}
    assert len(same) == 1 and None not in same
    (group,) = same
    entry = root.find(f"t:teiHeader/t:profileDesc/t:particDesc/t:listPerson/t:person[@xml:id='{group[1:]}']",
                      {**NS, "xml": "http://www.w3.org/XML/1998/namespace"})
    assert entry is not None and entry.findtext("t:persName", namespaces=NS) == "Pétain"
    assert entry.get("n") == "2"  # named in two documents
    places = root.findall("t:teiHeader/t:profileDesc/t:settingDesc/t:listPlace/t:place/t:placeName", NS)
    assert {place.text for place in places} == {"Verdun", "Souilly"}


def test_a_stored_analysis_that_cannot_be_read_is_reported_and_left_out(
        db: tuple[str, sqlite3.Connection], capsys: pytest.CaptureFixture[str]) -> None:
    path, conn = db
    broken = dict(VERDUN, schema="annales/99")
    conn.execute("UPDATE analyses SET json = ? WHERE doc = (SELECT doc FROM documents WHERE id = ?)",
                 (json.dumps(broken), VERDUN["id"]))
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["corpus", "export", path, "--format", "teicorpus"])
    captured = capsys.readouterr()
    assert exit_info.value.code == cli.EXIT_FAILED
    assert captured.err.startswith(f"annales: error: {VERDUN['id']}: stored analysis cannot be read (")
    assert len(captured.err.splitlines()) == 1
    root = etree.fromstring(captured.out.encode())
    assert [document.get("n") for document in root.findall("t:TEI", NS)] == [CARNET["id"]]


# --- jsonld --------------------------------------------------------------------------------------

def _nodes(graph: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [node for node in graph["@graph"] if node["@type"] == kind]


def _references(value: Any) -> Iterator[str]:
    """Every {"@id": …} reference inside a node's properties (not the node's own @id)."""
    if isinstance(value, dict):
        if set(value) == {"@id"}:
            yield value["@id"]
        for key, inner in value.items():
            if key != "@id":
                yield from _references(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _references(inner)


def _passages(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        if "selector" in value:
            yield value
        for inner in value.values():
            yield from _passages(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _passages(inner)


def test_jsonld_uses_schema_org_and_every_reference_resolves(db: tuple[str, sqlite3.Connection]) -> None:
    graph = _graph(db[1])
    assert graph["@context"][0] == "https://schema.org/"
    ids = [node["@id"] for node in graph["@graph"]]
    assert len(ids) == len(set(ids))
    references = set(_references(graph["@graph"]))
    assert references and references <= set(ids)
    assert {node["@type"] for node in graph["@graph"]} == {"CreativeWork", "Person", "Place", "Organization", "Event"}
    documents = _nodes(graph, "CreativeWork")
    assert [node["identifier"] for node in documents] == sorted(TEXTS)
    assert _nodes(graph, "Organization")[0]["name"] == "33e régiment"


def test_jsonld_merges_a_person_across_documents_into_one_node(db: tuple[str, sqlite3.Connection]) -> None:
    graph = _graph(db[1])
    persons = {node["name"]: node for node in _nodes(graph, "Person")}
    assert sorted(persons) == ["Pétain", "Smith"]
    petain = persons["Pétain"]
    assert petain["@id"].startswith("#entity/")
    assert petain["jobTitle"] == ["général"]
    cited = {passage["isPartOf"]["@id"] for passage in petain["subjectOf"]}
    assert cited == {document_node_id(VERDUN["id"]), document_node_id(CARNET["id"])}
    for document in _nodes(graph, "CreativeWork"):
        assert {"@id": petain["@id"]} in document["mentions"]


def test_jsonld_passages_are_the_source_text_at_their_offsets(db: tuple[str, sqlite3.Connection]) -> None:
    graph = _graph(db[1])
    by_node = {document_node_id(doc_id): text for doc_id, text in TEXTS.items()}
    passages = list(_passages(graph["@graph"]))
    assert len(passages) > 10
    for passage in passages:
        selector = passage["selector"]
        assert selector["@type"] == "TextPositionSelector"
        assert by_node[passage["isPartOf"]["@id"]][selector["start"]:selector["end"]] == passage["text"]


def test_jsonld_events_are_the_happenings_with_their_dates_places_and_actors(
        db: tuple[str, sqlite3.Connection]) -> None:
    graph = _graph(db[1])
    events = {(node["subjectOf"]["isPartOf"]["@id"], node["name"]): node for node in _nodes(graph, "Event")}
    verdun, carnet = document_node_id(VERDUN["id"]), document_node_id(CARNET["id"])
    # "compte" and "attendent" are not happenings: no Event.
    assert sorted(events) == sorted([(verdun, "prend le commandement"), (verdun, "organise"),
                                     (carnet, "passe en revue"), (carnet, "observe")])
    names = {node["@id"]: node["name"] for node in graph["@graph"] if "name" in node}
    held = events[(verdun, "prend le commandement")]
    assert (held["startDate"], held["endDate"]) == ("1916-02-21", "1916-02-21")
    assert [names[ref["@id"]] for ref in held["performer"]] == ["Pétain"]
    assert [names[ref["@id"]] for ref in held["location"]] == ["Verdun"]
    assert held["subjectOf"]["text"] == "Le 21 février 1916, le général Pétain prend le commandement à Verdun."
    review = events[(carnet, "passe en revue")]
    assert review["attendee"] == [{"@type": "Role", "roleName": "patient",
                                   "attendee": {"@id": next(i for i, n in names.items() if n == "33e régiment")}}]
    # The same person in both documents: the two events point at one node.
    assert review["performer"] == held["performer"]


def test_jsonld_dates_given_as_intervals_and_ambiguous_names_kept_apart(tmp_path: Path) -> None:
    conn = open_store(str(tmp_path / "c.db"), create=True)
    try:
        store.put(conn, analysis("a.txt", "Au printemps 1917, Smith arrive à Reims.",
                                 entities=[{"type": "person", "name": "Smith", "ambiguous": ["x", "y"]},
                                           {"type": "place", "name": "Reims"}],
                                 dates=[("printemps 1917", "1917-SP", "1917-03-21", "1917-06-20")],
                                 events=[{"trigger": "arrive", "date": "1917-SP", "agents": ["Smith"],
                                          "places": ["Reims"]}]))
        store.put(conn, analysis("b.txt", "Smith écrit.", entities=[{"type": "person", "name": "Smith",
                                                                    "ambiguous": ["x", "y"]}]))
        graph = _graph(conn)
    finally:
        conn.close()
    (event,) = _nodes(graph, "Event")
    assert (event["startDate"], event["endDate"]) == ("1917-03-21", "1917-06-20")
    assert len(_nodes(graph, "Person")) == 2  # "Smith" is ambiguous in each document: never one node


def test_the_command_writes_both_formats(db: tuple[str, sqlite3.Connection],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = db
    for fmt in ("teicorpus", "jsonld"):
        with pytest.raises(SystemExit) as exit_info:
            cli.main(["corpus", "export", path, "--format", fmt])
        captured = capsys.readouterr()
        assert (exit_info.value.code, captured.err) == (0, "")
        if fmt == "jsonld":
            assert len(json.loads(captured.out)["@graph"]) > 5
        else:
            assert etree.fromstring(captured.out.encode()).tag == f"{{{tei.TEI_NS}}}teiCorpus"
