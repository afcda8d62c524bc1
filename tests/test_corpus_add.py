"""`annales corpus add` and the corpus commands end to end: real analyses of small French texts."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annales import cli
from annales.context import Context
from annales.corpus import open_store, store
from annales.corpus.ingest import add as add_module
from annales.corpus.ingest.add import AddSummary, add, count_documents, expand_paths

TEXTS = {
    "siege.txt": "Le 12 février 1871, le colonel Denfert-Rochereau tient toujours Belfort. "
                 "Le 18 février 1871, la garnison quitte la ville avec les honneurs.",
    "crue.txt": "En janvier 1910, la Seine déborde. Le 28 janvier 1910, l'eau atteint huit mètres à Paris.",
    "notes/revue.txt": "Le 4 août 1914, le général Joffre passe en revue le 9e régiment d'infanterie à Épinal.",
}
RECORDS = [{"id": "j1", "text": "Le 6 juin 1944, les Alliés débarquent en Normandie."},
           {"id": "j2", "text": "Le 25 août 1944, le général Leclerc entre dans Paris."}]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(argv)
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    for name, text in TEXTS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    (folder / ".hidden.txt").write_text("Caché.", encoding="utf-8")
    (folder / "notes" / "image.png").write_bytes(b"\x89PNG")
    (folder / "corpus.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n\n" for r in RECORDS),
                                         encoding="utf-8")
    return folder


def ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY id")]


def test_expand_and_count(inputs: Path) -> None:
    files = expand_paths([str(inputs), str(inputs / "missing.txt")])
    assert [Path(f).name for f in files] == ["corpus.jsonl", "crue.txt", "revue.txt", "siege.txt", "missing.txt"]
    assert count_documents(files) == 6


def test_add_skips_the_unchanged_and_replaces_the_changed(inputs: Path, tmp_path: Path, context: Context) -> None:
    conn = open_store(str(tmp_path / "c.db"), create=True)
    seen: list[tuple[str, str]] = []
    summary = add(conn, expand_paths([str(inputs)]), on_document=lambda status, doc: seen.append((status, doc)))
    assert (summary.added, summary.replaced, summary.skipped, summary.failures) == (5, 0, 0, [])
    assert sorted(doc for _, doc in seen) == sorted(["j1", "j2", *(str(inputs / name) for name in TEXTS)])
    (inputs / "crue.txt").write_text(TEXTS["crue.txt"].replace("huit", "neuf"), encoding="utf-8")
    again = add(conn, expand_paths([str(inputs)]))
    assert (again.added, again.replaced, again.skipped) == (0, 1, 4)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 5
    (text,) = conn.execute("SELECT s.text FROM sentences s JOIN documents d USING (doc) "
                           "WHERE d.id LIKE '%crue.txt' AND s.text LIKE '%mètres%'").fetchone()
    assert "neuf" in text
    person = conn.execute("SELECT count(*) FROM entities WHERE name LIKE '%Joffre%' AND type = 'person'")
    assert person.fetchone()[0] == 1
    conn.close()


def test_a_bad_document_is_reported_and_the_others_go_on(tmp_path: Path, inputs: Path, context: Context) -> None:
    (inputs / "vide.txt").write_text("   \n", encoding="utf-8")
    bad_line = tmp_path / "bad.jsonl"
    bad_line.write_text('{"id": "ok", "text": "Le 2 mai 1808, Madrid se soulève."}\n{"id": \n', encoding="utf-8")
    conn = open_store(str(tmp_path / "c.db"), create=True)
    errors: list[str] = []
    summary = add(conn, expand_paths([str(inputs / "vide.txt"), str(bad_line), str(inputs / "crue.txt")]),
                  on_error=errors.append)
    assert summary.added == 2 and len(summary.failures) == 2 == len(errors)
    assert "empty" in errors[0] and "bad.jsonl:2" in errors[1]
    assert "ok" in [row[0] for row in conn.execute("SELECT id FROM documents")]


def test_another_dct_or_language_option_analyses_again(tmp_path: Path, inputs: Path, context: Context) -> None:
    conn = open_store(str(tmp_path / "c.db"), create=True)
    crue = [str(inputs / "crue.txt")]
    assert add(conn, crue).added == 1
    assert add(conn, crue).skipped == 1
    assert add(conn, crue, dct="1910-02-01").replaced == 1
    assert conn.execute("SELECT dct, dct_origin FROM documents").fetchone() == ("1910-02-01", "option")
    assert add(conn, crue, dct="1910-02-01").skipped == 1
    assert add(conn, crue, dct="1910-03-01").replaced == 1
    assert add(conn, crue).replaced == 1  # the option dropped: the date no longer comes from it
    assert add(conn, crue, language="fr").skipped == 1  # detected as French already
    assert add(conn, crue, language="FR").skipped == 1


def test_the_same_document_twice_in_one_run_is_stored_once(tmp_path: Path, inputs: Path, context: Context) -> None:
    conn = open_store(str(tmp_path / "c.db"), create=True)
    summary = add(conn, [str(inputs / "crue.txt"), str(inputs / "crue.txt")])
    assert (summary.added, summary.skipped) == (1, 1)


def test_cli_add_then_query(inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                            context: Context) -> None:
    db = str(tmp_path / "c.db")
    status, out, err = run(["corpus", "add", db, str(inputs)], capsys)
    assert status == 0 and out == ""
    assert err.strip().startswith("annales: corpus: 5 added, 0 replaced, 0 unchanged (skipped); 5 documents in")
    status, _, err = run(["corpus", "add", db, str(inputs)], capsys)
    assert status == 0 and "0 added, 0 replaced, 5 unchanged (skipped)" in err
    status, out, _ = run(["corpus", "search", db, "Epinal"], capsys)
    assert status == 0 and "revue.txt §1 [1914-08-04]" in out and "[Épinal]" in out
    status, out, _ = run(["corpus", "search", db, "Paris", "--from", "1944"], capsys)
    assert status == 0 and "j2" in out and "crue.txt" not in out
    status, out, _ = run(["corpus", "timeline", db, "--from", "1944", "--format", "csv"], capsys)
    lines = out.splitlines()
    assert status == 0 and lines[0].startswith("date,") and all(line.startswith("1944-") for line in lines[1:])
    assert len(lines) >= 2
    status, out, _ = run(["corpus", "timeline", db, "--person", "Joffre"], capsys)
    assert status == 0 and out.startswith("1914-08-04") and "revue.txt" in out
    status, out, _ = run(["corpus", "people", db], capsys)
    assert status == 0 and "Joffre" in out
    status, out, _ = run(["corpus", "places", db], capsys)
    assert status == 0 and re.match(r"#\d+ Paris  \[place; 2 documents, 2 mentions\]", out)  # grouped by name
    status, out, _ = run(["corpus", "units", db], capsys)
    assert status == 0 and "9e régiment d'infanterie" in out
    status, out, _ = run(["corpus", "show", db, "joffre"], capsys)
    assert status == 0 and "ranks: général (1914-08-04" in out and "revue.txt" in out
    status, out, _ = run(["corpus", "findings", db], capsys)
    assert status == 0
    status, out, _ = run(["corpus", "export", db, "--format", "jsonl"], capsys)
    assert status == 0 and {"j1", "j2"} < {json.loads(line)["id"] for line in out.splitlines()}
    status, out, _ = run(["corpus", "export", db, "--format", "csv"], capsys)
    assert status == 0 and out.startswith("document,event,date,")


@pytest.mark.parametrize(("argv", "status", "message"), [
    (["corpus", "search", "{missing}", "x"], 1, "no such corpus store"),
    (["corpus", "timeline", "{notadb}"], 1, "not an annales corpus store"),
    (["corpus", "timeline", "{db}", "--from", "19xx"], 2, "--from must be a year"),
    (["corpus", "timeline", "{db}", "--format", "pdf"], 2, "unknown format 'pdf'"),
    (["corpus", "export", "{db}", "--format", "rdf"], 2, "unknown format 'rdf'"),
    (["corpus", "show", "{db}", "Personne"], 1, "no entity named 'Personne'"),
    (["corpus", "add", "{db}", "x.txt", "--workers", "0"], 2, "--workers must be at least 1"),
    (["corpus", "add", "{db}", "x.txt", "--dct", "hier"], 2, "--dct must be a real date"),
    (["corpus", "add", "{db}", "{missing}.txt"], 1, "no such file"),
])
def test_bad_input_is_one_line_and_a_status(argv: list[str], status: int, message: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "c.db"
    open_store(str(db), create=True).close()
    (tmp_path / "notes.db").write_text("des notes\n" * 100, encoding="utf-8")
    names = {"missing": str(tmp_path / "absent"), "notadb": str(tmp_path / "notes.db"), "db": str(db)}
    code, out, err = run([arg.format(**names) for arg in argv], capsys)
    assert code == status and out == ""
    assert message in err and "Traceback" not in err
    assert all(line.startswith("annales: ") for line in err.splitlines())


def test_interrupted_add_keeps_whole_documents_and_resumes(inputs: Path, tmp_path: Path, context: Context,
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "c.db")
    real_put = store.put
    calls = []

    def put_then_stop(conn: sqlite3.Connection, data: dict) -> str:
        calls.append(data["id"])
        if len(calls) == 3:
            raise KeyboardInterrupt  # Ctrl-C in the middle of the third document's transaction
        return real_put(conn, data)

    monkeypatch.setattr(add_module.store, "put", put_then_stop)
    status, _, err = run(["corpus", "add", db, str(inputs)], capsys)
    assert status == 130 and err.startswith("annales: interrupted: 2 added, 0 replaced")
    assert len(ids(Path(db))) == 2
    monkeypatch.setattr(add_module.store, "put", real_put)
    status, _, err = run(["corpus", "add", db, str(inputs)], capsys)
    assert status == 0 and "3 added, 0 replaced, 2 unchanged (skipped)" in err
    assert len(ids(Path(db))) == 5


def test_two_workers_store_what_one_does(inputs: Path, tmp_path: Path, context: Context) -> None:
    paths = [str(inputs / "siege.txt"), str(inputs / "missing.txt"), str(inputs / "corpus.jsonl"),
             str(inputs / "crue.txt")]
    stores = []
    for workers in (1, 2):
        conn = open_store(str(tmp_path / f"w{workers}.db"), create=True)
        order: list[str] = []
        summary = add(conn, paths, workers=workers, summary=AddSummary(),
                      on_document=lambda status, doc, order=order: order.append(doc or status))
        assert summary.added == 4 and len(summary.failures) == 1 and "no such file" in summary.failures[0]
        assert order == [paths[0], "failed", "j1", "j2", paths[3]]  # in input order, whatever finishes first
        stores.append([(doc_id, json.loads(text)) for doc_id, text in conn.execute(
            "SELECT d.id, a.json FROM documents d JOIN analyses a USING (doc) ORDER BY d.id")])
        conn.close()
    assert stores[0] == stores[1]


def test_sigkill_at_any_point_then_rerun_stores_each_document_once(tmp_path: Path) -> None:
    corpus = tmp_path / "many.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"d{number:03d}", "text": f"Le {number % 28 + 1} mars 1916, le "
                                                                          f"bataillon {number} monte en ligne."})
                              + "\n" for number in range(150)), encoding="utf-8")
    db = tmp_path / "c.db"
    command = [sys.executable, "-m", "annales", "corpus", "add", str(db), str(corpus)]
    log = (tmp_path / "stderr").open("w")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as conn:
                    if conn.execute("SELECT count(*) FROM documents").fetchone()[0] >= 3:
                        break
            except sqlite3.Error:
                pass
        time.sleep(0.05)
    assert process.poll() is None, (tmp_path / "stderr").read_text()  # killed while it still works
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    log.close()
    with sqlite3.connect(db) as conn:  # what was committed is whole
        partial = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM analyses").fetchone()[0] == partial
    assert 3 <= partial
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    assert f"{150 - partial} added, 0 replaced, {partial} unchanged" in finished.stderr
    assert ids(db) == [f"d{number:03d}" for number in range(150)]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM sentences").fetchone()[0] == 150


def test_ctrl_c_with_workers_stops_after_whole_documents(tmp_path: Path) -> None:
    corpus = tmp_path / "many.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"d{number:03d}", "text": f"Le {number % 28 + 1} mars 1916, le "
                                                                          f"bataillon {number} monte en ligne."})
                              + "\n" for number in range(400)), encoding="utf-8")
    db = tmp_path / "c.db"
    process = subprocess.Popen([sys.executable, "-m", "annales", "corpus", "add", str(db), str(corpus), "--workers",
                                "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with sqlite3.connect(db, timeout=1) as conn:
                if conn.execute("SELECT count(*) FROM documents").fetchone()[0] >= 3:
                    break
        except sqlite3.Error:
            pass
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert len(err.splitlines()) == 1, err
    (line,) = err.splitlines()
    assert line.startswith("annales: interrupted: ") and "Traceback" not in err
    stored = len(ids(db))
    assert line.startswith(f"annales: interrupted: {stored} added, 0 replaced, 0 unchanged") and stored < 400
