"""The workbench without a browser: its responses, headers and refusals through Starlette's test
client, the text segments, upload names, and `annales serve`'s one-line errors. The store holds
analyses built by hand (the JSON contract), so no model is loaded here."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from starlette.testclient import TestClient

from annales.cli import main
from annales.corpus import open_store, store
from annales.model import SCHEMA
from annales.web.app import SEARCH_MARKS, create_app, marked, story_ranks
from annales.web.jobs import safe_stem
from annales.web.segments import segments

TEXT = 'Le 3 mai 1917, <b>Jean Roux</b> "><img src=x onerror=alert(1)> arrive à Reims.'


def _event(number: int, word: str, value: str, latest: str) -> dict:
    start = TEXT.index(word)
    return {"id": f"evt-{number}", "sentence": {"start": 0, "end": len(TEXT)},
            "trigger": {"start": start, "end": start + len(word), "text": word, "lemma": word, "pos": "VERB"},
            "class": "OCCURRENCE", "polarity": "POS", "modality": None, "factuality": "fact", "aspect": None,
            "happening": True, "head": None, "time": "tmx-1", "time_inferred": number == 2,
            "date": {"value": value, "earliest": value[:7] + "-01" if len(value) == 7 else value, "latest": latest},
            "participants": [{"entity": "ent-1", "role": "agent"}], "places": [], "quantities": [],
            "story_order": number}


def _analysis() -> dict:
    person = TEXT.index("Jean Roux")
    place = TEXT.index("Reims")
    return {
        "schema": SCHEMA, "id": "hand.txt", "source": {"path": "hand.txt", "sha256": "0" * 64},
        "language": "fr", "metadata": {}, "warnings": [], "text": TEXT, "dct": None, "regions": [],
        "sentences": [{"start": 0, "end": len(TEXT)}],
        "timexes": [{"id": "tmx-1", "start": 0, "end": 13, "text": "Le 3 mai 1917", "type": "DATE",
                     "value": "1917-05-03", "mod": None, "anchor": None, "resolved": True,
                     "interval": {"earliest": "1917-05-03", "latest": "1917-05-03"}, "anchoring": "explicit",
                     "confidence": 0.98, "story_line": False}],
        "entities": [{"id": "ent-1", "type": "person", "name": "Jean Roux", "aliases": [], "rank": None, "ranks": [],
                      "role": None, "title": None, "hull": None, "abbreviation": None, "ambiguous_between": [],
                      "evidence": [], "mentions": [{"start": person, "end": person + 9, "text": "Jean Roux",
                                                    "rank": None}]},
                     {"id": "ent-2", "type": "place", "name": "Reims", "aliases": [], "rank": None, "ranks": [],
                      "role": None, "title": None, "hull": None, "abbreviation": None, "ambiguous_between": [],
                      "evidence": [], "mentions": [{"start": place, "end": place + 5, "text": "Reims", "rank": None}]}],
        "quantities": [], "quotes": [], "events": [_event(1, "arrive", "1917-05-03", "1917-05-03"),
                                                  _event(2, "Reims", "1917-05", "1917-05-31")],
        "findings": [{"id": "fnd-1", "kind": "repetition", "severity": "low", "message": "A passage is printed twice.",
                      "evidence": [{"start": 3, "end": person + 4, "text": TEXT[3:person + 4]}], "detail": {}}],
    }


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    path = str(tmp_path / "corpus.db")
    conn = open_store(path, create=True)
    store.put(conn, _analysis())
    conn.close()
    return TestClient(create_app(path, max_upload=16 * 1024))


def test_every_page_answers_with_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/document/1", "/document/1?vue=chronologie", "/chronologie", "/api/chronologie", "/entites",
                 "/entite/1", "/recherche?q=Reims", "/recherche?annee=1917"):
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response.headers["content-security-policy"]
        assert "script-src 'self';" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
        assert response.headers["x-content-type-options"] == "nosniff"


def test_pages_hold_no_inline_script(client: TestClient) -> None:
    for path in ("/", "/document/1", "/chronologie", "/recherche?q=Reims"):
        body = client.get(path).text
        assert "<script>" not in body and "onerror=" not in body.replace("onerror=alert", "")
        assert all('src="/static/' in tag for tag in body.split("<script")[1:])


def test_the_document_text_is_escaped_and_annotated(client: TestClient) -> None:
    body = client.get("/document/1").text
    assert "&lt;b&gt;" in body and "&lt;img src=x onerror=alert(1)&gt;" in body and "<img" not in body
    assert 'class="a-person a-evidence"' in body and 'href="/entite/' in body
    assert 'title="ISO : 1917-05-03 · intervalle : 1917-05-03 → 1917-05-03 · confiance : 0,98 · ancrage : ' \
           'date écrite en entier"' in body
    assert "Passage répété" in body and "A passage is printed twice." not in body


def test_unknown_rows_are_french_404s(client: TestClient) -> None:
    for path in ("/document/99", "/entite/99", "/document/abc", "/../etc/passwd", "/static/../app.py"):
        response = client.get(path)
        assert response.status_code == 404, path
    assert "Document introuvable" in client.get("/document/99").text


def test_a_post_from_another_origin_is_refused(client: TestClient) -> None:
    response = client.post("/ajouter", data={"text": "Le 1er mai 1900."}, headers={"origin": "http://evil.example"})
    assert response.status_code == 403


def test_uploads_over_the_limit_or_of_another_type_are_refused(client: TestClient) -> None:
    big = client.post("/ajouter", files={"files": ("gros.txt", b"a" * 17 * 1024, "text/plain")})
    assert big.status_code == 413 and "Fichier trop volumineux" in big.text
    other = client.post("/ajouter", files={"files": ("image.png", b"png", "image/png")})
    assert other.status_code == 400 and "type de fichier refusé" in other.text
    empty = client.post("/ajouter", data={"text": "   "})
    assert empty.status_code == 400 and "Rien à analyser" in empty.text


def test_a_text_beyond_the_document_limit_is_refused(tmp_path: Path) -> None:
    path = str(tmp_path / "corpus.db")
    conn = open_store(path, create=True)
    store.put(conn, _analysis())
    conn.close()
    limited = TestClient(create_app(path, max_documents=1))
    assert limited.post("/ajouter", data={"text": "Le 1er mai 1900, Jean Roux arrive."}).status_code == 200
    (job,) = _settle(limited)
    assert job.state == "failed" and "dépasserait la limite de 1" in job.messages[0]
    assert "dépasserait la limite de 1" in limited.get("/corpus").text


def _settle(client: TestClient) -> list:
    analyser = client.app.state.workbench.analyser
    for _ in range(400):
        if not analyser.busy:
            break
        time.sleep(0.05)
    return analyser.jobs


def test_an_uploaded_jsonl_of_analyses_is_stored_once(client: TestClient, tmp_path: Path) -> None:
    data = {**_analysis(), "id": "autre.txt"}
    line = (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8")
    for _ in range(2):
        answer = client.post("/ajouter", files={"files": ("../lot <1>.jsonl", line, "application/jsonl")})
        assert answer.status_code == 200
        _settle(client)
    first, second = client.app.state.workbench.analyser.jobs
    assert first.state == second.state == "done" and first.documents == second.documents == ["autre.txt"]
    assert first.path == second.path and first.path.name == "lot-1.jsonl"  # the same bytes, kept once
    assert [path.name for path in (tmp_path / "corpus-textes").iterdir()] == ["lot-1.jsonl"]
    page = client.get("/").text
    assert page.count('href="/document/2"') == 3  # the two jobs' links and the documents' table
    assert "Documents (2)" in page


def test_a_loopback_server_answers_only_requests_addressed_to_localhost(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "corpus.db"), loopback_only=True)
    for base in ("http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000"):
        assert TestClient(app, base_url=base).get("/").status_code == 200, base
    assert TestClient(app, base_url="http://rebound.example:8000").get("/").status_code == 400


def test_a_bad_timeline_filter_is_a_message(client: TestClient) -> None:
    response = client.get("/api/chronologie?de=hier")
    assert response.status_code == 400 and "« de »" in response.json()["error"]
    assert "« de »" in client.get("/chronologie?de=hier").text


def test_timeline_items_are_escaped_ranged_marked_and_bounded(client: TestClient,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    data = client.get("/api/chronologie").json()
    ranged, exact = data["items"]  # in time order: May 1917 starts before the 3rd
    assert exact["type"] == "box" and exact["end"] is None and exact["className"] == "exact"
    assert ranged["type"] == "range" and ranged["end"] == "1917-05-31T23:59:59"
    assert ranged["className"] == "inferred uncertain" and ranged["href"] == "/document/1#evt-2"
    assert "&lt;img src=x onerror=alert(1)&gt;" in exact["title"] and "<img" not in exact["title"]
    assert exact["content"] == "arrive — Jean Roux" and data["truncated"] is False
    monkeypatch.setattr("annales.web.app.TIMELINE_ITEMS", 1)
    bounded = client.get("/api/chronologie").json()
    assert len(bounded["items"]) == 1 and bounded["truncated"] is True


def test_the_chronology_tab_orders_by_date_or_by_story(client: TestClient) -> None:
    by_date = client.get("/document/1?vue=chronologie").text
    assert by_date.index('href="/document/1#evt-2"') < by_date.index('href="/document/1#evt-1"')
    by_story = client.get("/document/1?vue=chronologie&ordre=recit").text
    assert by_story.index('href="/document/1#evt-1"') < by_story.index('href="/document/1#evt-2"')
    assert "<strong>du récit</strong>" in by_story


def test_segments_cut_at_every_boundary_and_keep_the_text() -> None:
    data = _analysis()
    pieces = segments(data, {"ent-1": 7})
    assert "".join(piece.text for piece in pieces) == TEXT
    person = [piece for piece in pieces if "a-person" in piece.classes]
    assert [piece.text for piece in person] == ["Jean", " Roux"]  # cut where the finding's evidence ends
    assert person[0].findings == ["fnd-1"] and person[1].findings == []
    assert all(piece.href == "/entite/7" for piece in person)


def test_search_marks_become_pieces() -> None:
    start, end = SEARCH_MARKS
    assert marked(f"le {start}général{end} arrive {start}à{end} Reims") == [
        ("le ", False), ("général", True), (" arrive ", False), ("à", True), (" Reims", False)]


def test_brackets_of_the_text_are_never_taken_for_marks() -> None:
    start, end = SEARCH_MARKS
    assert marked(f"le [sic] {start}général{end} [arrive]") == [
        ("le [sic] ", False), ("général", True), (" [arrive]", False)]
    assert marked(f"un {start}signe{end} égaré{end} ici{start}") == [("un ", False), ("signe", True),
                                                                     (" égaré ici", False)]


@pytest.mark.parametrize(("name", "stem"), [
    ("../../etc/passwd", "passwd"), ("C:\\a\\b\\récit final.txt", "recit-final"), (".bashrc", "bashrc"),
    ("<script>.txt", "script"), ("", "texte")])
def test_upload_names_lend_only_safe_letters(name: str, stem: str) -> None:
    assert safe_stem(name) == stem


def test_serve_refuses_a_file_that_is_not_a_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("pas une base", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", str(bad)])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("annales: error:") and "not an annales corpus store" in err and err.count("\n") == 1


def test_serve_says_when_the_port_is_taken(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(SystemExit) as exit_info:
            main(["serve", str(tmp_path / "c.db"), "--port", str(port)])
    assert exit_info.value.code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


COMMANDED = "Le 9e régiment [de marche], commandé par le colonel Jean Roux, attaque Reims [sic]."


def _commanded() -> dict:
    """A hand-made analysis where Jean Roux commands the 9e régiment and both attack (one event)."""
    def at(words: str) -> tuple[int, int]:
        start = COMMANDED.index(words)
        return start, start + len(words)

    def entity(number: int, kind: str, words: str) -> dict:
        start, end = at(words)
        return {"id": f"ent-{number}", "type": kind, "name": words, "aliases": [], "rank": None, "ranks": [],
                "role": None, "title": None, "hull": None, "abbreviation": None, "ambiguous_between": [],
                "evidence": [], "mentions": [{"start": start, "end": end, "text": words, "rank": None}]}

    trigger = at("attaque")
    cue = at("commandé par")
    data = {**_analysis(), "id": "commande.txt", "text": COMMANDED, "timexes": [], "findings": [],
            "source": {"path": "commande.txt", "sha256": "1" * 64},
            "sentences": [{"start": 0, "end": len(COMMANDED)}],
            "entities": [entity(1, "unit", "9e régiment"), entity(2, "person", "Jean Roux"),
                         entity(3, "place", "Reims")]}
    data["events"] = [{**_event(1, "arrive", "1917-05-03", "1917-05-03"), "time": None,
                       "trigger": {"start": trigger[0], "end": trigger[1], "text": "attaque", "lemma": "attaquer",
                                   "pos": "VERB"},
                       "participants": [{"entity": "ent-1", "role": "agent"}, {"entity": "ent-2", "role": "agent"}],
                       "places": ["ent-3"]}]
    data["relations"] = [{"id": "rel-1", "kind": "commands", "subject": "ent-2", "object": "ent-1",
                          "cue": {"start": cue[0], "end": cue[1]},
                          "evidence": {"start": 3, "end": at("Jean Roux")[1],
                                       "text": COMMANDED[3:at("Jean Roux")[1]]}}]
    return data


def test_the_graph_draws_command_apart_from_co_occurrence(tmp_path: Path) -> None:
    path = str(tmp_path / "corpus.db")
    conn = open_store(path, create=True)
    store.put(conn, _commanded())
    assert conn.execute("SELECT subject, object, cue_start, text FROM relations").fetchall() == [
        ("ent-2", "ent-1", COMMANDED.index("commandé"), COMMANDED[3:COMMANDED.index(",", 30)])]
    conn.close()
    data = TestClient(create_app(path)).get("/api/graphe").json()
    names = {node["id"]: node["name"] for node in data["nodes"]}
    command = [edge for edge in data["edges"] if edge["kind"] == "command"]
    assert [(names[edge["source"]], names[edge["target"]]) for edge in command] == [("Jean Roux", "9e régiment")]
    assert command[0]["evidence"].startswith("9e régiment [de marche], commandé par")
    assert command[0]["href"] == "/document/1#rel-1"
    together = {(names[edge["source"]], names[edge["target"]]) for edge in data["edges"]
                if edge["kind"] == "co-occurrence"}
    assert {tuple(sorted(pair)) for pair in together} >= {("9e régiment", "Jean Roux")}
    page = TestClient(create_app(path)).get("/graphe").text
    assert "edge-command" in page and 'id="graph-nodes"' in page  # the legend and the keyboard's list
    roux = next(node["id"] for node in data["nodes"] if node["name"] == "Jean Roux")
    regiment = next(node["id"] for node in data["nodes"] if node["name"] == "9e régiment")
    person = " ".join(TestClient(create_app(path)).get(f"/entite/{roux}").text.split())
    assert f'commande <a href="/entite/{regiment}">9e régiment</a>' in person
    assert '<a href="/document/1#rel-1"><q>9e régiment [de marche], commandé par le colonel Jean Roux</q></a>' in person
    unit = " ".join(TestClient(create_app(path)).get(f"/entite/{regiment}").text.split())
    assert f'commandé par <a href="/entite/{roux}">Jean Roux</a>' in unit
    document = TestClient(create_app(path)).get("/document/1").text
    assert 'id="rel-1" class="a-command" title="commandement : Jean Roux → 9e régiment"' in document


def test_search_snippets_keep_the_texts_brackets_as_text(tmp_path: Path) -> None:
    path = str(tmp_path / "corpus.db")
    conn = open_store(path, create=True)
    store.put(conn, _commanded())
    conn.close()
    body = TestClient(create_app(path)).get("/recherche?q=marche").text
    assert "[de <mark>marche</mark>]" in body and "Reims [sic]." in body
    assert "\ufdd0" not in body and "\ufdd1" not in body


def test_story_ranks_count_each_documents_happenings_and_mark_flashbacks() -> None:
    def told(doc: int, order: int, earliest: str, latest: str | None = None) -> SimpleNamespace:
        return SimpleNamespace(doc=doc, story_order=order, earliest=earliest, latest=latest or earliest)

    # In time order, as the timeline lists them; the text of document 1 tells 1916, then 1914, then 1915.
    found = [told(1, 20, "1914-08-02"), told(2, 1, "1914-09-01"), told(1, 30, "1915-01-01", "1915-12-31"),
             told(1, 5, "1916-02-21"), told(2, 2, "1918-11-11")]
    assert story_ranks(found) == {3: (1, False), 0: (2, True), 2: (3, True), 1: (1, False), 4: (2, False)}


def test_the_timeline_gives_a_story_lane_on_demand(client: TestClient) -> None:
    plain = client.get("/api/chronologie").json()
    assert plain["groups"] is None and all("group" not in item for item in plain["items"])
    data = client.get("/api/chronologie?recit=1").json()
    assert [group["id"] for group in data["groups"]] == ["dates", "recit"]
    story = [item for item in data["items"] if item["group"] == "recit"]
    dated = [item for item in data["items"] if item["group"] == "dates"]
    assert len(story) == len(dated) == 2
    assert sorted((item["rank"], item["href"]) for item in story) == [(1, "/document/1#evt-1"),
                                                                      (2, "/document/1#evt-2")]
    assert all(item["className"] == "story" and not item["flashback"] for item in story)
    assert 'name="recit"' in client.get("/chronologie?recit=1").text
