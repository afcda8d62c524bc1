"""Figures of the corpus store: ingestion with 1 and 2 workers, store size, query times.

    python benchmarks/corpus_bench.py [--n N] [--workers 1 2] [--replicate M] [--keep DIR] [--json] TEXT...

Builds a store from N documents made of the given texts (.txt files, or .jsonl with `id` and
`text`), repeated with new ids until there are N, once per worker count, through the same
`annales.corpus.ingest.add.add` as `annales corpus add`. Reports, per worker count: the wall
time (model loading and worker start-up included), the steady rate (documents/s between the
first and the last document stored), and the peak RSS of the process and of its workers; then
the store's size per 1 000 documents and the median time of three queries on the last store
built: a search, a person's timeline (the person named in the most documents) and the corpus
timeline of one year (the year with the most happenings). `--replicate M` also times them on a
store of M documents copied from the analyses built, under new ids (no analysis run). A script,
not a test: figures depend on the machine. Example:

    python benchmarks/corpus_bench.py --n 50 samples/*.txt
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Before spaCy (and numpy under it) is imported, or its thread pools are already sized.
for _variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

from annales.corpus import open_store, store  # noqa: E402
from annales.corpus.filters import Filters  # noqa: E402
from annales.corpus.ingest.add import add  # noqa: E402
from annales.corpus.people import groups  # noqa: E402
from annales.corpus.search import search  # noqa: E402
from annales.corpus.timeline import timeline  # noqa: E402


def texts_of(paths: list[str]) -> list[tuple[str, str]]:
    """(name, text) of every input: a .txt file, or each record of a .jsonl."""
    result = []
    for path in paths:
        file = Path(path)
        if file.suffix == ".jsonl":
            for line in file.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    result.append((str(record.get("id", file.stem)), record["text"]))
        else:
            result.append((file.stem, file.read_text(encoding="utf-8")))
    if not result:
        raise SystemExit("corpus_bench: no text given")
    return result


def write_corpus(texts: list[tuple[str, str]], n: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for number in range(n):
            name, text = texts[number % len(texts)]
            out.write(json.dumps({"id": f"bench-{number:06d}-{name}", "text": text}, ensure_ascii=False) + "\n")


def _descendants(root: int) -> list[int]:
    """Every process under `root` (pool workers hang under the forkserver, not under us)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        children = parents.get(todo.pop(), [])
        found += children
        todo += children
    return found


def _peak_rss_mb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


class WorkerMemory:
    """The largest peak RSS among the processes under this one, sampled while a run goes on."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.5):
            for pid in _descendants(os.getpid()):
                self.peak = max(self.peak, _peak_rss_mb(pid))

    def __enter__(self) -> WorkerMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def ingest(corpus: Path, store: Path, workers: int) -> dict[str, Any]:
    conn = open_store(str(store), create=True)
    stamps: list[float] = []
    started = time.perf_counter()
    with WorkerMemory() as memory:
        summary = add(conn, [str(corpus)], workers=workers,
                      on_document=lambda status, doc: stamps.append(time.perf_counter()))
    wall = time.perf_counter() - started
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    steady = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 and stamps[-1] > stamps[0] else None
    return {"workers": workers, "documents": summary.added, "failed": len(summary.failures),
            "wall_s": round(wall, 2), "documents_per_s_wall": round(summary.added / wall, 2),
            "documents_per_s_steady": round(steady, 2) if steady else None,
            "peak_rss_mb_process": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "peak_rss_mb_largest_worker": memory.peak}


def replicate(source: Path, target: Path, total: int) -> None:
    """A store of `total` documents made of the analyses of `source` under new ids (no analysis run):
    query times on a large store without spending the CPU a real ingestion takes."""
    analyses = [json.loads(text) for (text,) in open_store(str(source)).execute("SELECT json FROM analyses")]
    conn = open_store(str(target), create=True)
    for number in range(total):
        data = analyses[number % len(analyses)]
        store.put(conn, {**data, "id": f"replica-{number:06d}-{data['id']}"})
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def median_ms(query: Callable[[], list[Any]], repeat: int = 5) -> dict[str, Any]:
    """The median time of `query` and how many rows it returned."""
    times = []
    rows = 0
    for _ in range(repeat):
        started = time.perf_counter()
        rows = len(query())
        times.append((time.perf_counter() - started) * 1000)
    return {"ms": round(statistics.median(times), 2), "rows": rows}


def queries(store: Path) -> dict[str, Any]:
    conn = open_store(str(store))
    people = groups(conn, "people", limit=1)
    person = people[0].name if people else "Eisenhower"
    years = conn.execute("SELECT substr(earliest, 1, 4) AS year, count(*) FROM events WHERE happening = 1 "
                         "AND earliest IS NOT NULL GROUP BY year ORDER BY count(*) DESC LIMIT 1").fetchone()
    year = years[0] if years else "1914"
    result = {
        "search 'général'": median_ms(lambda: search(conn, "général", limit=50)),
        "search 'débarqu*' --from 1940 --to 1945": median_ms(
            lambda: search(conn, "débarqu*", Filters.parse(from_date="1940", to_date="1945"), limit=50)),
        f"timeline --person {person!r}": median_ms(lambda: timeline(conn, Filters.parse(person=person))),
        f"timeline --from {year} --to {year}": median_ms(
            lambda: timeline(conn, Filters.parse(from_date=year, to_date=year))),
        "timeline (whole corpus)": median_ms(lambda: timeline(conn), repeat=3),
    }
    conn.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", nargs="+", metavar="TEXT")
    parser.add_argument("--n", type=int, default=50, help="documents in the store (default 50)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", metavar="DIR", help="build the stores in DIR and keep them")
    parser.add_argument("--replicate", type=int, metavar="M",
                        help="also time the queries on a store of M documents copied from the analyses built")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    texts = texts_of(args.texts)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        corpus = folder / "bench.jsonl"
        write_corpus(texts, args.n, corpus)
        runs = []
        # Most workers first: the parent has not loaded the model yet, so its peak RSS is its own.
        for workers in sorted(args.workers, reverse=True):
            store = folder / f"bench-w{workers}.db"
            store.unlink(missing_ok=True)
            for suffix in ("-wal", "-shm"):
                Path(f"{store}{suffix}").unlink(missing_ok=True)
            runs.append(ingest(corpus, store, workers))
        runs.sort(key=lambda run: run["workers"])
        size = store.stat().st_size
        report = {"n": args.n, "texts": len(texts),
                  "characters_per_document": round(sum(len(t) for _, t in texts) / len(texts)),
                  "ingest": runs, "store_mb_per_1000_documents": round(size / args.n * 1000 / 1024 / 1024, 1),
                  "query_ms": queries(store)}
        if args.replicate:
            large = folder / f"bench-replicated-{args.replicate}.db"
            large.unlink(missing_ok=True)
            replicate(store, large, args.replicate)
            report["replicated"] = {"documents": args.replicate,
                                    "store_mb_per_1000_documents": round(
                                        large.stat().st_size / args.replicate * 1000 / 1024 / 1024, 1),
                                    "query_ms": queries(large)}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    print(f"{args.n} documents from {len(texts)} texts (~{report['characters_per_document']} characters each)")
    for run in runs:
        print(f"workers={run['workers']}: {run['documents']} stored in {run['wall_s']} s; "
              f"{run['documents_per_s_wall']} documents/s wall, {run['documents_per_s_steady']} steady; "
              f"peak RSS {run['peak_rss_mb_process']} MB (process), {run['peak_rss_mb_largest_worker']} MB "
              f"(largest worker)")
    if len(runs) > 1 and runs[0]["documents_per_s_steady"] and runs[-1]["documents_per_s_steady"]:
        print(f"speed-up {runs[-1]['workers']} workers / {runs[0]['workers']}: "
              f"{runs[-1]['documents_per_s_steady'] / runs[0]['documents_per_s_steady']:.2f}x (steady)")
    print(f"store: {report['store_mb_per_1000_documents']} MB per 1 000 documents")
    for name, timed in report["query_ms"].items():
        print(f"query {name}: {timed['ms']} ms ({timed['rows']} rows)")
    if "replicated" in report:
        replicated = report["replicated"]
        print(f"on {replicated['documents']} documents (the same analyses under new ids): "
              f"{replicated['store_mb_per_1000_documents']} MB per 1 000 documents")
        for name, timed in replicated["query_ms"].items():
            print(f"  query {name}: {timed['ms']} ms ({timed['rows']} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
