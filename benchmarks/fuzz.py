"""Fuzz annales with thousands of broken inputs: 0 crashes and 0 hangs is the target.

    python benchmarks/fuzz.py [--cases 2000] [--timeout 60] [--workers 2] [--seed 1]

Each case is a real text (samples/, and ../shared's texts when present) broken by the mutations of
tests/fuzz_helpers.py, given either as text to the pipeline or as bytes in a .txt, .jsonl or .html
file read by the ingestion (so encodings, NULs and bad JSON are fuzzed too). Cases run in worker
processes that load the model once; a case that outlives --timeout is a hang, a worker that dies
is a crash, and either gets a fresh worker. Every analysis must keep the invariants of
tests/fuzz_helpers.check_invariants. Exit status 1 when any case failed.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fuzz_helpers import check_invariants, mutate  # noqa: E402


def _texts() -> list[str]:
    paths = sorted((ROOT / "samples").glob("*.txt"))
    shared = ROOT.parent / "shared"
    for folder in ("seeds", "corpus-dev", "corpus-new"):
        paths += sorted((shared / folder).glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def _as_file(text: str, rng: random.Random, folder: Path, number: int) -> Path:
    """The text as a file of a random kind and encoding, sometimes with broken bytes."""
    kind = rng.choice(["txt", "txt", "jsonl", "html"])
    if kind == "jsonl":
        import json

        lines = [json.dumps({"id": f"c{number}-{i}", "text": part}, ensure_ascii=rng.random() < 0.5)
                 for i, part in enumerate(text.split("\n\n")[:5]) if part.strip()]
        raw = ("\n".join(lines) + "\n").encode("utf-8")
    elif kind == "html":
        body = "".join(f"<p>{part}</p>" for part in text.split("\n\n"))
        raw = f"<html><head><title>t</title></head><body><article>{body}</article></body></html>".encode()
    else:
        raw = text.encode(rng.choice(["utf-8", "utf-8", "utf-16", "cp1252"]), errors="replace")
    if rng.random() < 0.3 and raw:
        at = rng.randrange(len(raw))
        raw = raw[:at] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8))) + raw[at:]
    path = folder / f"case{number}.{kind}"
    path.write_bytes(raw)
    return path


def _run_case(args: tuple[int, str, int, str | None]) -> tuple[int, str | None]:
    number, text, seed, folder = args
    from annales.batch import analyse_items
    from annales.errors import InputError
    from annales.ingest.read import read_inputs
    from annales.model import Dct, SourceDocument

    rng = random.Random(seed)
    text = mutate(text, rng, steps=rng.randrange(1, 12))
    try:
        if folder is not None and rng.random() < 0.4:
            items = list(read_inputs([str(_as_file(text, rng, Path(folder), number))]))
        else:
            dct = rng.choice([None, "0001-01-01", "9999-12-31", "1917-05-03"])
            items = [SourceDocument(id=f"case{number}", text=text, dct=Dct(dct, "option") if dct else None)]
        for outcome in analyse_items(items):
            if outcome.analysis is not None:
                check_invariants(outcome.analysis)
            elif "internal error" in (outcome.error or ""):
                return number, f"internal error: {outcome.error}"
        return number, None
    except InputError:
        return number, None
    except Exception:  # the fuzzer's own finding: report it whole
        return number, traceback.format_exc(limit=6)


def _worker(jobs: mp.Queue, results: mp.Queue) -> None:
    from annales.context import Context

    Context.default().nlp  # noqa: B018 - load once per worker
    while (job := jobs.get()) is not None:
        results.put(_run_case(job))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    texts = _texts()
    folder = tempfile.mkdtemp(prefix="annales-fuzz-")
    cases = []
    for number in range(args.cases):
        text = rng.choice(texts)
        start = rng.randrange(max(1, len(text) - 3000))
        cases.append((number, text[start:start + rng.randrange(200, 3000)], rng.randrange(2**32), folder))
    ctx = mp.get_context("spawn")
    pending = list(reversed(cases))
    failures: dict[int, str] = {}
    done = 0
    began = time.perf_counter()
    workers: list[tuple[mp.Process, mp.Queue, mp.Queue, tuple | None, float]] = []

    def start() -> tuple[mp.Process, mp.Queue, mp.Queue, tuple | None, float]:
        jobs, results = ctx.Queue(), ctx.Queue()
        process = ctx.Process(target=_worker, args=(jobs, results), daemon=True)
        process.start()
        return process, jobs, results, None, 0.0

    workers = [start() for _ in range(args.workers)]
    while done < len(cases):
        for i, (process, jobs, results, job, since) in enumerate(workers):
            if job is None and pending:
                job = pending.pop()
                jobs.put(job)
                workers[i] = (process, jobs, results, job, time.perf_counter())
                continue
            if job is None:
                continue
            if not results.empty():
                number, problem = results.get()
                if problem:
                    failures[number] = problem
                done += 1
                workers[i] = (process, jobs, results, None, 0.0)
            elif not process.is_alive() or time.perf_counter() - since > args.timeout:
                kind = "crash (worker died)" if not process.is_alive() else f"hang (over {args.timeout:.0f} s)"
                failures[job[0]] = kind
                done += 1
                process.kill()
                workers[i] = start()
        time.sleep(0.01)
        if done and done % 100 == 0:
            print(f"{done}/{len(cases)} cases, {len(failures)} failures, {time.perf_counter() - began:.0f} s",
                  flush=True)
    for process, jobs, *_ in workers:
        jobs.put(None)
        process.join(timeout=5)
    for number, problem in sorted(failures.items()):
        print(f"case {number} (seed {cases[number][2]}): {problem}")
    print(f"{len(cases)} cases in {time.perf_counter() - began:.0f} s: {len(failures)} failures "
          f"({sum('crash' in p for p in failures.values())} crashes, "
          f"{sum('hang' in p for p in failures.values())} hangs)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
