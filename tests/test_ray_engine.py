"""`annales corpus add --engine ray`: a real local Ray (2 CPUs) fills a store exactly as the local
engine does; a bad document is one error and the others go on. Ray starts once for this module
(its start and the actors' model loading take some 15 s)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annales import cli
from annales.backbone import MAX_CHARS
from annales.context import Context
from annales.corpus import open_store
from annales.corpus.ingest.add import AddSummary, add, expand_paths
from annales.corpus.schema import DOCUMENT_TABLES
from annales.errors import InputError
from annales.model import SourceDocument
from annales.runners import EngineError, get_engine, ray_engine

GOOD = [
    {"id": "siege", "text": "Le 12 février 1871, le colonel Denfert-Rochereau tient toujours Belfort. "
                            "Le 18 février 1871, la garnison quitte la ville avec les honneurs."},
    {"id": "revue", "text": "Le 4 août 1914, le général Joffre passe en revue le 9e régiment d'infanterie "
                            "à Épinal. Le lendemain, le régiment part vers la frontière."},
]
# Read without trouble, refused by the analysis itself: it fails inside a Ray worker.
TOO_LONG = {"id": "trop-long", "text": "mot " * (MAX_CHARS // 4 + 1)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ray") / "corpus.jsonl"
    lines = [json.dumps(record, ensure_ascii=False) for record in (GOOD[0], TOO_LONG, GOOD[1])]
    path.write_text("\n".join(lines) + '\n{"id": "coupé", "te\n', encoding="utf-8")  # and a line cut short
    return path


def _fill(store: Path, corpus: Path, engine: str, workers: int) -> tuple[AddSummary, list[str], list[str]]:
    conn = open_store(str(store), create=True)
    errors: list[str] = []
    order: list[str] = []
    try:
        summary = add(conn, expand_paths([str(corpus)]), workers=workers, engine=engine,
                      on_error=errors.append, on_document=lambda status, doc: order.append(f"{status} {doc}"))
    finally:
        conn.close()
    return summary, errors, order


@pytest.fixture(scope="module")
def stores(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("stores")
    Context.default().nlp  # noqa: B018 - the local engine's model, shared with the other tests
    local = _fill(folder / "local.db", corpus, "local", 1)
    from_ray: list[str] = []  # what came back from the Ray workers, to know they did the work
    addresses: set[str] = set()  # where Ray's processes reach each other
    real = ray_engine._on_ray

    def watched(documents: list[SourceDocument], workers: int) -> Iterator[dict[str, Any]]:
        import ray

        for row in real(documents, workers):
            from_ray.append(row["id"])
            addresses.add(ray.util.get_node_ip_address())
            yield row

    ray_engine._on_ray = watched
    try:
        on_ray = _fill(folder / "ray.db", corpus, "ray", 2)
    finally:
        ray_engine._on_ray = real
    return {"local": (folder / "local.db", *local), "ray": (folder / "ray.db", *on_ray), "from_ray": from_ray,
            "addresses": addresses}


def _contents(store: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every document's rows, table by table, keyed by the document's id (not its row number)."""
    with sqlite3.connect(store) as conn:
        contents = {"documents": sorted(conn.execute("SELECT id, sha256, schema, language, dct, chars FROM documents"))}
        for table in DOCUMENT_TABLES:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})") if row[1] != "doc"]
            selected = ", ".join(f't."{column}"' for column in columns)
            rows = conn.execute(f"SELECT d.id, {selected} FROM {table} t JOIN documents d USING (doc)")
            contents[table] = sorted(rows, key=repr)
    return contents


def _analyses(store: Path) -> dict[str, dict[str, Any]]:
    with sqlite3.connect(store) as conn:
        return {doc_id: json.loads(text) for doc_id, text in
                conn.execute("SELECT d.id, a.json FROM analyses a JOIN documents d USING (doc)")}


def test_ray_stores_what_the_local_engine_stores(stores: dict[str, Any]) -> None:
    local_store, ray_store = stores["local"][0], stores["ray"][0]
    assert stores["from_ray"] == ["siege", "trop-long", "revue"]
    assert stores["addresses"] == {"127.0.0.1"}  # Ray started here talks over the loopback only
    local, on_ray = _analyses(local_store), _analyses(ray_store)
    assert sorted(on_ray) == ["revue", "siege"]
    for doc_id in on_ray:  # the analysis JSON of each document, field for field
        assert on_ray[doc_id] == local[doc_id], doc_id
    assert any(entity["name"].endswith("Joffre") for entity in on_ray["revue"]["entities"])
    assert [t["value"] for t in on_ray["siege"]["timexes"]][:2] == ["1871-02-12", "1871-02-18"]
    assert _contents(ray_store) == _contents(local_store)


def test_a_bad_document_is_one_error_line_and_the_others_go_on(stores: dict[str, Any]) -> None:
    for engine in ("local", "ray"):
        _, summary, errors, order = stores[engine]
        assert (summary.added, summary.replaced, summary.skipped) == (2, 0, 0), engine
        assert summary.failures == errors and len(errors) == 2, engine
        assert all("\n" not in error for error in errors)
        assert errors[0].startswith("trop-long: document too long: "), engine
        assert "corpus.jsonl:4" in errors[1], engine
        assert order == ["added siege", "failed trop-long", "added revue", "failed "], engine  # input order
    assert stores["ray"][2] == stores["local"][2]


def test_run_again_on_ray_analyses_only_what_is_not_stored(stores: dict[str, Any], corpus: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[str] = []

    def refuses(documents: list[SourceDocument], workers: int) -> Iterator[dict[str, Any]]:
        sent.extend(document.id for document in documents)
        return iter([{"id": d.id, "analysis": "", "error": f"{d.id}: refused again"} for d in documents])

    monkeypatch.setattr(ray_engine, "_on_ray", refuses)
    summary, errors, _ = _fill(stores["ray"][0], corpus, "ray", 2)
    assert sent == ["trop-long"]  # the stored ones are skipped before anything goes to Ray
    assert (summary.added, summary.replaced, summary.skipped) == (0, 0, 2)
    assert errors[0] == "trop-long: refused again" and len(errors) == 2
    assert sorted(_analyses(stores["ray"][0])) == ["revue", "siege"]


def test_a_worker_lost_midway_fails_the_documents_not_returned(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ray Data raises when an actor dies (they are not restarted): what came back is kept, every
    document after it is one error line, and an input error keeps its place."""
    def dies_after_one(documents: list[SourceDocument], workers: int) -> Iterator[dict[str, Any]]:
        yield {"id": documents[0].id, "analysis": "", "error": f"{documents[0].id}: refused"}
        raise RuntimeError("The actor died unexpectedly before finishing this task.\nmore detail")

    monkeypatch.setattr(ray_engine, "_on_ray", dies_after_one)
    items = [SourceDocument(id="a", text="Un."), InputError("x.jsonl:2: bad JSON"),
             SourceDocument(id="b", text="Deux."), SourceDocument(id="c", text="Trois.")]
    outcomes = list(ray_engine.analyse_items_on_ray(items, workers=2))
    assert [(o.id, o.error) for o in outcomes] == [
        ("a", "a: refused"), ("", "x.jsonl:2: bad JSON"),
        ("b", "b: internal error in a Ray worker: RuntimeError: The actor died unexpectedly before finishing "
              "this task."),
        ("c", "c: internal error in a Ray worker: RuntimeError: The actor died unexpectedly before finishing "
              "this task."),
    ]


def test_engines_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    from annales.batch import analyse_items

    assert get_engine("local") is analyse_items
    assert get_engine("ray") is ray_engine.analyse_items_on_ray
    with pytest.raises(EngineError, match="unknown engine 'spark'; choose one of: local, ray"):
        get_engine("spark")
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    with pytest.raises(EngineError, match=r"pip install 'annales\[ray\]'"):
        get_engine("ray")


def test_the_command_line_refuses_an_unknown_engine_before_making_a_store(
        tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["corpus", "add", str(tmp_path / "c.db"), str(corpus), "--engine", "spark"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err == "annales: error: unknown engine 'spark'; choose one of: local, ray\n"
    assert not (tmp_path / "c.db").exists()


def test_importing_annales_does_not_import_ray() -> None:
    code = ("import sys, annales, annales.cli, annales.corpus.ingest.add, annales.runners; "
            "print('ray' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parent.parent)
    assert result.stdout.strip() == "False"
