"""Kill -9 a batch at random points, run it again, and check nothing was lost or doubled.

    python benchmarks/kill_resume.py [PATH...] [--n 30] [--kills 5] [--seed 11] [--workers 1] [--keep DIR]

For each of the two resumable batches,

    annales corpus add STORE DOCS...
    annales analyze DOCS... --format jsonl --output FILE --resume

it runs the command once uninterrupted (the reference), then again from nothing, killed with SIGKILL
at `--kills` points chosen with `--seed`: each point is "once the output holds k documents, plus a
random part of the time one document takes", k drawn without repetition, so kills land between
documents, in the middle of an analysis and in the middle of a write; after each kill the same
command is started again, and after the last one it runs to the end. Then the output must hold
every document exactly once and equal the reference: the same ids, and for each id the same
content (the sha256 of the analysis JSON; for the store also the number of rows each document has
in every table, so a doubled row is caught), and no process of the killed runs (a pool worker with
its model) may outlive them. Prints a table; exits 1 when a check fails.

PATH: .txt files, TimeML files (.tml, their TEXT read as plain text) or folders of them, e.g.
`../shared/corpus-dev ../shared/data/fr-timebank-dev/Data`; the first `--n` in name order are
used. Without PATH, `--n` small French documents are generated. A script, not a test: it runs the
real command line in subprocesses (`python -m annales` from the current directory).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

POLL = 0.01
MARK = ("KILL_RESUME_RUN", f"{os.getpid()}-{time.time_ns()}")  # in the environment of every process started
PLACES = ["Verdun", "Metz", "Belfort", "Épinal", "Nancy", "Reims", "Sedan", "Toul", "Lunéville", "Bar-le-Duc"]
PEOPLE = ["le général Morel", "le colonel Duval", "le capitaine Lefort", "le commandant Brissac",
          "le lieutenant Garnier", "le maréchal Vautrin"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]


def generated(count: int, folder: Path, rng: random.Random) -> list[Path]:
    """`count` short narratives (a few sentences each, dates, people, places, figures)."""
    paths = []
    for number in range(count):
        year = 1800 + rng.randrange(150)
        sentences = []
        for _ in range(rng.randint(3, 7)):
            day, month = rng.randint(1, 28), rng.choice(MONTHS)
            who, where, there = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(PLACES)
            sentences.append(rng.choice([
                f"Le {day} {month} {year}, {who} quitte {where} avec {rng.randint(2, 90) * 100} hommes.",
                f"Le lendemain, {who} arrive à {there} et y établit son quartier général.",
                f"En {month} {year}, la garnison de {where} compte {rng.randint(10, 80) * 50} soldats.",
                f"Le {day} {month}, {who} attaque les positions ennemies devant {there}.",
                f"{who[0].upper() + who[1:]} écrit le {day} {month} que la ville de {where} tient toujours.",
            ]))
        path = folder / f"recit_{number:03d}.txt"
        path.write_text(" ".join(sentences) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def gathered(given: list[str], count: int, folder: Path) -> list[Path]:
    """The first `count` documents of `given`, copied into `folder` as .txt (TimeML reduced to its text)."""
    files: list[Path] = []
    for name in given:
        path = Path(name)
        files += sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".tml")) if path.is_dir() else [path]
    paths = []
    for number, file in enumerate(files[:count]):
        if file.suffix == ".tml":
            text_element = etree.parse(str(file)).find(".//TEXT")
            text = "".join(text_element.itertext()).strip() if text_element is not None else ""
        else:
            text = file.read_text(encoding="utf-8")
        if not text.strip():
            continue
        target = folder / f"{number:03d}_{file.stem}.txt"
        target.write_text(text, encoding="utf-8")
        paths.append(target)
    return paths


@dataclass
class Batch:
    """One resumable command: how to start it, how many documents its output holds, what it holds."""

    name: str
    command: Callable[[Path], list[str]]
    count: Callable[[Path], int]
    contents: Callable[[Path], dict[str, str]]  # id -> hash of what is stored for it; raises on a double


def _annales(*args: str) -> list[str]:
    return [sys.executable, "-m", "annales", *args]


def left_behind(wait: float = 30.0) -> list[int]:
    """The processes started by this script (and their children: the environment is inherited) still
    alive `wait` seconds at most after the last run ended."""
    mark = f"{MARK[0]}={MARK[1]}".encode()
    deadline = time.monotonic() + wait
    while True:
        alive = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit() and int(entry.name) != os.getpid():
                try:
                    if mark in (entry / "environ").read_bytes().split(b"\0"):
                        alive.append(int(entry.name))
                except OSError:
                    continue
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.2)


def _jsonl_count(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def _jsonl_contents(path: Path) -> dict[str, str]:
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        raise AssertionError("the file ends with a partial line")
    out: dict[str, str] = {}
    for line in data.splitlines():
        doc_id = json.loads(line)["id"]
        if doc_id in out:
            raise AssertionError(f"{doc_id} written twice")
        out[doc_id] = hashlib.sha256(line).hexdigest()
    return out


def _store_count(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # the store is being created
        return 0


def _store_contents(path: Path) -> dict[str, str]:
    """id -> sha256 of the stored analysis (keys sorted) and of the document's row count in every table."""
    from annales.corpus.schema import DOCUMENT_TABLES

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        ids = [row[0] for row in conn.execute("SELECT id FROM documents")]
        if len(ids) != len(set(ids)):
            raise AssertionError("a document id stored twice")
        out = {}
        for doc, doc_id, analysis in conn.execute(
                "SELECT d.doc, d.id, a.json FROM documents d JOIN analyses a USING (doc)"):
            counts = [conn.execute(f"SELECT count(*) FROM {table} WHERE doc = ?", (doc,)).fetchone()[0]  # noqa: S608
                      for table in DOCUMENT_TABLES]
            canonical = json.dumps(json.loads(analysis), sort_keys=True, ensure_ascii=False)
            out[doc_id] = hashlib.sha256(f"{canonical}\n{counts}".encode()).hexdigest()
        if len(out) != len(ids):
            raise AssertionError(f"{len(ids) - len(out)} documents stored without their analysis")
        return out
    finally:
        conn.close()


@dataclass
class Outcome:
    name: str
    documents: int
    reference_seconds: float
    kills: list[str] = field(default_factory=list)  # "k docs (+12 ms)" or "ended first"
    runs: int = 0
    problems: list[str] = field(default_factory=list)


def run_to_end(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"kill_resume: {' '.join(command)} failed ({done.returncode}): {done.stderr.strip()}")


def timed_reference(batch: Batch, reference: Path) -> tuple[float, float]:
    """Runs the command uninterrupted: (its wall time, the time one document takes once the first
    is written, i.e. without the model's loading)."""
    started = time.monotonic()
    process = subprocess.Popen(batch.command(reference), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    first = None
    while process.poll() is None:
        if first is None and batch.count(reference) >= 1:
            first = time.monotonic()
        time.sleep(POLL)
    ended = time.monotonic()
    if process.returncode != 0:
        raise SystemExit(f"kill_resume: {batch.name} failed ({process.returncode}): "
                         f"{process.stderr.read().decode().strip() if process.stderr else ''}")
    count = batch.count(reference)
    return ended - started, (ended - (first or started)) / max(count - 1, 1)


def exercise(batch: Batch, documents: list[Path], folder: Path, kills: int, rng: random.Random) -> Outcome:
    reference = folder / f"reference-{batch.name}"
    seconds, per_document = timed_reference(batch, reference)
    outcome = Outcome(batch.name, len(documents), seconds)
    target = folder / f"killed-{batch.name}"
    points = sorted(rng.sample(range(1, len(documents)), min(kills, len(documents) - 1)))
    for point in points:
        extra = rng.random() * per_document
        process = subprocess.Popen(batch.command(target), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        outcome.runs += 1
        # Each run is let write at least one document before it is killed, so every kill cuts a run
        # that has loaded its model and is somewhere in its batch.
        goal = max(point, batch.count(target) + 1)
        while batch.count(target) < goal and process.poll() is None:
            time.sleep(POLL)
        time.sleep(extra)
        held = batch.count(target)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            process.wait()
            outcome.kills.append(f"{held} (+{extra * 1000:.0f} ms)")
        else:
            process.wait()
            outcome.kills.append(f"ended first ({process.returncode})")
    outcome.runs += 1
    run_to_end(batch.command(target))
    try:
        expected, got = batch.contents(reference), batch.contents(target)
    except AssertionError as exc:
        outcome.problems.append(str(exc))
        return outcome
    if len(expected) != len(documents):
        outcome.problems.append(f"the reference holds {len(expected)} of {len(documents)} documents")
    if set(got) != set(expected):
        lost, extra_ids = sorted(set(expected) - set(got)), sorted(set(got) - set(expected))
        outcome.problems.append(f"lost {lost[:3]}, extra {extra_ids[:3]}")
    differing = sorted(doc_id for doc_id in set(got) & set(expected) if got[doc_id] != expected[doc_id])
    if differing:
        outcome.problems.append(f"{len(differing)} documents differ from the reference, e.g. {differing[0]}")
    return outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", metavar="PATH")
    parser.add_argument("--n", type=int, default=30, help="documents (default 30)")
    parser.add_argument("--kills", type=int, default=5, help="SIGKILLs per command (default 5)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (default: a temporary folder)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.environ[MARK[0]] = MARK[1]
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kill_resume-"))
    folder.mkdir(parents=True, exist_ok=True)
    inputs = folder / "documents"
    if inputs.exists():
        shutil.rmtree(inputs)
    inputs.mkdir()
    documents = gathered(args.paths, args.n, inputs) if args.paths else generated(args.n, inputs, rng)
    if len(documents) < 2:
        raise SystemExit("kill_resume: give at least two documents")
    for stale in folder.glob("*-*"):  # outputs of an earlier run in --keep DIR
        if stale.is_file():
            stale.unlink()
    docs = [str(path) for path in documents]
    workers = ["--workers", str(args.workers)]
    batches = [
        Batch("corpus-add", lambda out: _annales("corpus", "add", str(out), *docs, *workers),
              _store_count, _store_contents),
        Batch("analyze-jsonl", lambda out: _annales("analyze", *docs, "--format", "jsonl", "--output", str(out),
                                                    "--resume", *workers),
              _jsonl_count, _jsonl_contents),
    ]
    outcomes = [exercise(batch, documents, folder, args.kills, rng) for batch in batches]
    stray = left_behind()
    chars = sum(len(path.read_text(encoding="utf-8")) for path in documents)
    print(f"{len(documents)} documents ({chars} characters), seed {args.seed}, workers {args.workers}, "
          f"{'kept in ' + str(folder) if args.keep else 'temporary folder'}")
    print("| command | documents | reference run | killed at: documents held (+ delay) | runs | result |")
    print("|---|---|---|---|---|---|")
    for outcome in outcomes:
        result = "every document once, equal to the reference" if not outcome.problems \
            else "FAILED: " + "; ".join(outcome.problems)
        print(f"| {outcome.name} | {outcome.documents} | {outcome.reference_seconds:.1f} s | "
              f"{', '.join(outcome.kills)} | {outcome.runs} | {result} |")
    print(f"processes of these runs left alive (waited up to 30 s): {len(stray)}"
          + (f" (pids {' '.join(map(str, stray))})" if stray else ""))
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if stray or any(outcome.problems for outcome in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
