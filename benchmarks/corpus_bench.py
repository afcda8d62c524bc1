"""Figures of the corpus store at scale: ingestion with 1 and 2 local workers and on Ray, memory per
worker, store size, 200 -> 2 000 documents, and query times on the store built. Exits 1 when a
target is missed.

    python benchmarks/corpus_bench.py [--docs N] [--only local1,local2,ray,scale,queries] [--keep DIR]
                                      [--shared DIR] [--json] [TEXT...]

The input is N documents (default 2 000) of real text from `../shared` (read, never copied into the
project): the HIPE-2020 and NewsEye documents rebuilt from their tokens (`annales.eval.hipe`:
`NoSpaceAfter` joins, an `EndOfLine` is a space), the French TimeBank documents without their tags
and with their DCT (`annales.eval.timeml`), and the `corpus-dev` and `corpus-new` texts, taken in
rounds (each round in a shuffled order, seed 0) with new ids until there are N. TEXT (.txt, or
.jsonl with `id` and `text`) replaces them. They are written as one JSONL in a temporary folder.

Parts (`--only`, all by default), each ingestion run in a child process through the same
`annales.corpus.ingest.add.add` as `annales corpus add`, into a store of its own:
- `local1`, `local2`: 1 and 2 local workers. Target: 2 workers >= 1.8x the documents/s of one.
- `ray`: `--engine ray` with 2 CPUs. Target: within 20% of `local2`'s documents/s.
- `scale`: `local2` on N/10 documents (every tenth of the N by length, so a tenth of the
  characters) against `local2` on N. Target: <= 10.5x the time, peak RSS per worker within 10%.
- `queries`: on the store `local2` built (else `local1`, `ray`; or one kept in `--keep DIR`), each
  the median of 5 runs in this process, printed as the command prints it: `corpus search` of a
  word, `corpus show` of the person named in the most documents (their timeline), `corpus
  timeline --from Y --to Y` of the year with the most happenings. Target: each <= 200 ms.
Every run: peak RSS of each worker (<= 1 GB; with 1 worker the process itself analyses), of the
process, the store's size per 1 000 documents, and the load average when it started and ended
(the machine is shared: throughput ratios measured under load say little).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("local1", "local2", "ray", "scale", "queries")
RUNS = {"local1": ("local", 1), "local2": ("local", 2), "ray": ("ray", 2)}
TARGETS = {"speed-up": 1.8, "rss_mb": 1024, "ray_within": 0.20, "scale": 10.5, "rss_growth": 0.10, "query_ms": 200}


# ------------------------------------------------------------------------------------------------
# The input


def shared_documents(shared: Path) -> list[dict[str, Any]]:
    """Every real document of `shared` as a JSONL record (id, text, dct when known)."""
    from annales.eval.hipe import read_hipe
    from annales.eval.timeml import read_directory

    records: list[dict[str, Any]] = []
    for path in sorted((shared / "data" / "hipe-dev").glob("*.tsv")):
        for doc in read_hipe(path).docs:
            records.append({"id": f"{path.stem}/{doc.id}", "text": doc.text, "dct": doc.date})
    for doc in read_directory(shared / "data" / "fr-timebank-dev" / "Data"):
        records.append({"id": f"timebank/{doc.id}", "text": doc.text, "dct": doc.dct})
    for folder in ("corpus-dev", "corpus-new"):
        for path in sorted((shared / folder).glob("*.txt")):
            records.append({"id": f"{folder}/{path.stem}", "text": path.read_text(encoding="utf-8")})
    return [{key: value for key, value in record.items() if value is not None}
            for record in records if record["text"].strip()]


def given_documents(paths: list[str]) -> list[dict[str, Any]]:
    """The texts given on the command line: a .txt file, or each record of a .jsonl."""
    records = []
    for path in paths:
        file = Path(path)
        if file.suffix == ".jsonl":
            for line in file.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    records.append({"id": str(record.get("id", file.stem)), "text": record["text"]})
        else:
            records.append({"id": file.stem, "text": file.read_text(encoding="utf-8")})
    return records


def rounds(documents: list[dict[str, Any]], n: int, seed: int = 0) -> list[dict[str, Any]]:
    """`n` records: the documents in rounds, each round shuffled, each copy under a new id."""
    shuffle = random.Random(seed)
    result: list[dict[str, Any]] = []
    copy = 0
    while len(result) < n:
        order = list(documents)
        shuffle.shuffle(order)
        for record in order[:n - len(result)]:
            result.append({**record, "id": f"{len(result):05d}-r{copy}-{record['id']}"})
        copy += 1
    return result


def tenth(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every tenth record by length (a tenth of the documents holding a tenth of the characters),
    in their order in `records`."""
    by_length = sorted(range(len(records)), key=lambda i: len(records[i]["text"]))
    return [records[i] for i in sorted(by_length[5::10])]


def write_jsonl(records: list[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


# ------------------------------------------------------------------------------------------------
# Memory of a run's processes, from /proc


def _processes() -> dict[int, tuple[int, str, int]]:
    """pid -> (parent pid, command line, CPU time used so far in clock ticks) of every process."""
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, IndexError, ValueError):
            continue
        table[int(entry.name)] = (int(fields[1]), cmdline, int(fields[11]) + int(fields[12]))  # utime + stime
    return table


def _peak_rss_mb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


class Memory:
    """The peak RSS of a child run and of each of its workers, sampled every 0.2 s: a local
    worker is a child of the pool's forkserver, a Ray worker a process Ray named `ray::…`. Also
    the CPU time of the run and of every process under it (Ray's own included), a cost that the
    machine's other load changes far less than the wall time (a process's last 0.2 s may be missed)."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.process = 0
        self.workers: dict[int, int] = {}
        self.ticks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while True:
            self.sample()
            if self._stop.wait(0.2):
                return

    def sample(self) -> None:
        table = _processes()
        children: dict[int, list[int]] = {}
        for pid, (ppid, _, _) in table.items():
            children.setdefault(ppid, []).append(pid)
        self.process = max(self.process, _peak_rss_mb(self.root))
        if self.root in table:
            self.ticks[self.root] = table[self.root][2]
        todo = list(children.get(self.root, []))
        while todo:
            pid = todo.pop()
            todo += children.get(pid, [])
            self.ticks[pid] = table[pid][2]
            parent_cmdline = table.get(table[pid][0], (0, ""))[1]
            if table[pid][1].startswith("ray::") or "forkserver" in parent_cmdline:
                self.workers[pid] = max(self.workers.get(pid, 0), _peak_rss_mb(pid))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def cpu_s(self) -> float:
        return sum(self.ticks.values()) / os.sysconf("SC_CLK_TCK")


# ------------------------------------------------------------------------------------------------
# One ingestion, in a child process (`corpus_bench.py ingest ENGINE WORKERS CORPUS STORE`)


def child_ingest(engine: str, workers: int, corpus: str, store_path: str) -> None:
    from annales.corpus import open_store
    from annales.corpus.ingest.add import add

    stamps: list[float] = []
    started = time.perf_counter()
    conn = open_store(store_path, create=True)
    summary = add(conn, [corpus], workers=workers, engine=engine,
                  on_document=lambda status, doc: stamps.append(time.perf_counter()))
    wall = time.perf_counter() - started
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    steady = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 and stamps[-1] > stamps[0] else None
    print(json.dumps({"added": summary.added, "failed": len(summary.failures), "failures": summary.failures[:5],
                      "wall_s": wall, "steady": steady}))


def ingest(name: str, engine: str, workers: int, corpus: Path, store: Path, documents: int) -> dict[str, Any]:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{store}{suffix}").unlink(missing_ok=True)
    load_before = os.getloadavg()[0]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    child = subprocess.Popen([sys.executable, __file__, "ingest", engine, str(workers), str(corpus), str(store)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    memory = Memory(child.pid)
    out, err = child.communicate()
    memory.stop()
    if child.returncode != 0:
        raise SystemExit(f"corpus_bench: {name} failed (status {child.returncode}): {err.strip()[-2000:]}")
    result = json.loads(out.strip().splitlines()[-1])
    # With one worker the process analyses itself: it is its own worker. Ray also starts idle
    # workers and helpers of its own (`ray::IDLE`, under 200 MB): the largest `workers` are the actors.
    workers_rss = sorted(memory.workers.values())[-workers:] if workers > 1 else [memory.process]
    return {"part": name, "engine": engine, "workers": workers, "documents": documents,
            "added": result["added"], "failed": result["failed"], "failures": result["failures"],
            "wall_s": round(result["wall_s"], 1), "docs_per_s": round(result["added"] / result["wall_s"], 2),
            "steady_docs_per_s": round(result["steady"], 2) if result["steady"] else None,
            "cpu_s": round(memory.cpu_s, 1),
            "worker_rss_mb": workers_rss, "process_rss_mb": memory.process,
            "store_mb_per_1000": round(store.stat().st_size / max(result["added"], 1) * 1000 / 2**20, 1),
            "load": (round(load_before, 2), round(os.getloadavg()[0], 2)), "store": str(store)}


# ------------------------------------------------------------------------------------------------
# Queries, in this process


def median_ms(query: Callable[[], int], repeat: int = 5) -> dict[str, Any]:
    """The median time of `query` (which returns how many items it printed)."""
    times, count = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        count = query()
        times.append((time.perf_counter() - started) * 1000)
    return {"ms": round(statistics.median(times), 1), "items": count}


def queries(store: Path, word: str) -> dict[str, Any]:
    """`corpus search WORD`, `corpus show PERSON`, `corpus timeline --from Y --to Y`, as the
    commands run them (query and printing, into memory)."""
    from annales.corpus import open_store, render
    from annales.corpus.filters import Filters
    from annales.corpus.people import find, groups, profile
    from annales.corpus.search import search
    from annales.corpus.timeline import timeline

    conn = open_store(str(store))
    person = groups(conn, "people", limit=1)[0].name
    (year,) = conn.execute("SELECT substr(earliest, 1, 4) AS year FROM events WHERE happening = 1 AND earliest "
                           "IS NOT NULL GROUP BY year ORDER BY count(*) DESC LIMIT 1").fetchone()

    def show() -> int:
        found = find(conn, person)
        out = io.StringIO()
        for group in found:
            render.profile(profile(conn, group), out)
        return out.getvalue().count("\n")

    result = {
        f"search {word!r}": median_ms(lambda: render.passages(search(conn, word), io.StringIO())),
        f"show {person!r}": median_ms(show),
        f"timeline --from {year} --to {year}": median_ms(
            lambda: render.happenings(timeline(conn, Filters.parse(from_date=year, to_date=year)), "text",
                                      io.StringIO())),
    }
    conn.close()
    return result


# ------------------------------------------------------------------------------------------------
# Targets and the table


def verdicts(runs: dict[str, dict[str, Any]], timed: dict[str, Any] | None) -> list[tuple[str, str, bool]]:
    """(what, measured, met) for each target the runs made allow to check."""
    checks: list[tuple[str, str, bool]] = []
    for run in runs.values():
        peak = max(run["worker_rss_mb"], default=0)
        checks.append((f"{run['part']}: peak RSS per worker <= {TARGETS['rss_mb']} MB", f"{peak} MB",
                       0 < peak <= TARGETS["rss_mb"]))
    if "local1" in runs and "local2" in runs:
        ratio = runs["local2"]["docs_per_s"] / runs["local1"]["docs_per_s"]
        checks.append((f"2 workers / 1 worker >= {TARGETS['speed-up']}", f"{ratio:.2f}x", ratio >= TARGETS["speed-up"]))
    if "ray" in runs and "local2" in runs:
        gap = runs["ray"]["docs_per_s"] / runs["local2"]["docs_per_s"] - 1
        checks.append(("ray (2 CPUs) within 20% of --workers 2", f"{gap:+.0%}", gap >= -TARGETS["ray_within"]))
    if "scale-small" in runs and "local2" in runs:
        small, large = runs["scale-small"], runs["local2"]
        ratio = large["wall_s"] / small["wall_s"]
        checks.append((f"{small['documents']} -> {large['documents']} documents: time <= {TARGETS['scale']}x",
                       f"{ratio:.2f}x", ratio <= TARGETS["scale"]))
        growth = max(large["worker_rss_mb"]) / max(small["worker_rss_mb"]) - 1
        checks.append(("  and peak RSS per worker within 10%", f"{growth:+.1%}", growth <= TARGETS["rss_growth"]))
    for name, measured in (timed or {}).items():
        checks.append((f"query {name} <= {TARGETS['query_ms']} ms", f"{measured['ms']} ms ({measured['items']} lines)",
                       measured["ms"] <= TARGETS["query_ms"]))
    return checks


def print_table(report: dict[str, Any]) -> None:
    print(f"{report['documents']} documents from {report['texts']} texts (~{report['characters_per_document']} "
          f"characters each), {os.cpu_count()} CPUs")
    header = (f"{'run':<12} {'docs':>5} {'failed':>6} {'wall s':>8} {'docs/s':>7} {'steady':>7} {'CPU s':>7} "
              f"{'worker RSS MB':>14} {'process MB':>10} {'MB/1000 docs':>12} {'load 1-min':>12}")
    print(header)
    print("-" * len(header))
    for run in report["runs"].values():
        load = f"{run['load'][0]}-{run['load'][1]}"
        rss = ",".join(map(str, run["worker_rss_mb"]))
        print(f"{run['part']:<12} {run['added']:>5} {run['failed']:>6} {run['wall_s']:>8} {run['docs_per_s']:>7} "
              f"{run['steady_docs_per_s'] or '-':>7} {run['cpu_s']:>7} {rss:>14} {run['process_rss_mb']:>10} "
              f"{run['store_mb_per_1000']:>12} {load:>12}")
        for failure in run["failures"]:
            print(f"  failed: {failure}")
    per_document = ", ".join(f"{name} {run['cpu_s'] / max(run['added'], 1) * 1000:.0f} ms"
                             for name, run in report["runs"].items())
    print(f"CPU time per document (every process of the run): {per_document}")
    if "scale-small" in report["runs"] and "local2" in report["runs"]:
        small, large = report["runs"]["scale-small"], report["runs"]["local2"]
        print(f"CPU time {small['added']} -> {large['added']} documents: {large['cpu_s'] / small['cpu_s']:.2f}x "
              "(less changed by the machine's other load than the wall time)")
    if report.get("queries_on"):
        print(f"queries on {report['queries_on']}")
    print()
    for what, measured, met in report["checks"]:
        print(f"{'ok  ' if met else 'MISS'} {what}: {measured}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["ingest"]:
        child_ingest(argv[1], int(argv[2]), argv[3], argv[4])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", nargs="*", metavar="TEXT", help="texts to use instead of ../shared's")
    parser.add_argument("--docs", "--n", type=int, default=2000, help="documents ingested (default 2000)")
    parser.add_argument("--only", default=",".join(PARTS), help=f"parts to run, of {','.join(PARTS)}")
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (../shared)")
    parser.add_argument("--keep", metavar="DIR", help="build the input and stores in DIR and keep them")
    parser.add_argument("--word", default="général", help="the word searched (default général)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    parts = [part.strip() for part in args.only.split(",") if part.strip()]
    if unknown := sorted(set(parts) - set(PARTS)):
        parser.error(f"unknown part(s) {', '.join(unknown)}; choose among {','.join(PARTS)}")
    if args.docs < 10:
        parser.error("--docs must be at least 10")
    documents = given_documents(args.texts) if args.texts else shared_documents(Path(args.shared))
    if not documents:
        parser.error("no document to ingest")
    records = rounds(documents, args.docs)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        corpus = folder / f"corpus-{args.docs}.jsonl"
        write_jsonl(records, corpus)
        runs: dict[str, dict[str, Any]] = {}
        # Ray first and one worker last: every run is a process of its own, so the order only
        # spreads the machine's load (and a failure shows early).
        wanted = [part for part in ("ray", "scale", "local2", "local1") if part in parts]
        for part in wanted:
            if part == "scale":
                small = tenth(records)
                small_corpus = folder / f"corpus-{len(small)}.jsonl"
                write_jsonl(small, small_corpus)
                runs["scale-small"] = ingest("scale-small", "local", 2, small_corpus,
                                             folder / f"bench-local2-{len(small)}.db", len(small))
                if "local2" not in parts:
                    runs["local2"] = ingest("local2", "local", 2, corpus, folder / "bench-local2.db", args.docs)
            elif part not in runs:
                engine, workers = RUNS[part]
                runs[part] = ingest(part, engine, workers, corpus, folder / f"bench-{part}.db", args.docs)
            print(f"corpus_bench: {part} done", file=sys.stderr, flush=True)
        timed, queried = None, None
        if "queries" in parts:
            candidates = [Path(runs[name]["store"]) for name in ("local2", "local1", "ray") if name in runs]
            candidates += [folder / f"bench-{name}.db" for name in ("local2", "local1", "ray")]
            queried = next((store for store in candidates if store.exists()), None)
            if queried is None:
                raise SystemExit("corpus_bench: queries need a store: run an ingestion part too, or give --keep DIR "
                                 "where an earlier run kept one")
            timed = queries(queried, args.word)
        report = {"documents": args.docs, "texts": len(documents),
                  "characters_per_document": round(sum(len(r["text"]) for r in records) / len(records)),
                  "runs": runs, "queries_on": str(queried) if queried else None, "queries": timed,
                  "checks": verdicts(runs, timed)}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print_table(report)
    return 0 if all(met for _, _, met in report["checks"]) else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))  # this checkout's annales, whatever the environment has installed
    # Before spaCy (and numpy under it) is imported, or its thread pools are already sized.
    for _variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(_variable, "1")
    sys.exit(main())
