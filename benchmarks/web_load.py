"""A bounded load test of the web workbench: N concurrent clients for D seconds on the loopback,
each asking in turn for a document page, the timeline page and its data, and a search; reports
the number of requests, errors, and latency percentiles per kind of page.

    python benchmarks/web_load.py --store CORPUS.db [--clients 20] [--seconds 60] [--json]
    python benchmarks/web_load.py --url http://127.0.0.1:8000 [--clients 20] [--seconds 60]

With `--store`, the script starts `annales serve` on a free port over a copy of the store (serving
never writes to it but for an older store's upgrade; the copy keeps the given file as it was) and
stops it at the end; with `--url`, it loads a server already running. The documents asked for are
the store's (with `--url`, those the corpus page links to), each client drawing its own at random
(seeded by its number); the timeline is the corpus timeline of the year with the most happenings
(as a historian narrows it; 1914 against a running server), the search a word common in the
regimental histories and newspapers ("régiment"). A request is an error when it fails or answers
anything but 200. Exits 1 on any error. Not a unit test: the figures depend on the machine (report
its load).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("document", "timeline page", "timeline data", "search")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(store: str) -> tuple[subprocess.Popen[bytes], str, tempfile.TemporaryDirectory[str]]:
    folder = tempfile.TemporaryDirectory(prefix="annales-web-load-")
    copy = Path(folder.name) / "corpus.db"
    shutil.copyfile(store, copy)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen([sys.executable, "-m", "annales", "serve", str(copy), "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/corpus")
            if connection.getresponse().status == 200:
                return server, url, folder
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not start within 60 s")


def _plan(store: str | None, url: str) -> dict[str, Any]:
    """The documents, the year and the search word the clients ask for."""
    documents: list[int] = []
    if store:
        conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
        documents = [row[0] for row in conn.execute("SELECT doc FROM documents")]
        row = conn.execute("SELECT substr(earliest, 1, 4) AS y, count(*) FROM events WHERE happening = 1 "
                           "AND earliest IS NOT NULL GROUP BY y ORDER BY count(*) DESC LIMIT 1").fetchone()
        year = row[0] if row else "1914"
        conn.close()
    else:  # read the corpus page of the running server
        parts = urlsplit(url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        connection.request("GET", "/corpus")
        page = connection.getresponse().read().decode("utf-8")
        documents = sorted({int(n) for n in re.findall(r'href="/document/(\d+)"', page)})
        year = "1914"
    if not documents:
        raise SystemExit("the store holds no document")
    return {"documents": documents, "year": year, "word": "régiment"}


def _client(url: str, plan: dict[str, Any], until: float, seed: int, out: dict[str, list[float]],
            errors: list[str], lock: threading.Lock) -> None:
    parts = urlsplit(url)
    rng = random.Random(seed)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    year = plan["year"]
    paths = {"timeline page": f"/chronologie?de={year}&a={year}",
             "timeline data": f"/api/chronologie?de={year}&a={year}",
             "search": f"/recherche?q={quote(plan['word'])}"}
    times: dict[str, list[float]] = {kind: [] for kind in KINDS}
    failed: list[str] = []
    while time.monotonic() < until:
        for kind in KINDS:
            path = f"/document/{rng.choice(plan['documents'])}" if kind == "document" else paths[kind]
            began = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    failed.append(f"{path}: {response.status}")
            except (OSError, http.client.HTTPException) as exc:
                failed.append(f"{path}: {exc!r}")
                connection.close()
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
            times[kind].append(time.perf_counter() - began)
    connection.close()
    with lock:
        for kind in KINDS:
            out[kind].extend(times[kind])
        errors.extend(failed)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    given = parser.add_mutually_exclusive_group(required=True)
    given.add_argument("--store", help="a corpus store: serve a copy of it for the test")
    given.add_argument("--url", help="a running workbench, http://127.0.0.1:PORT")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    server = folder = None
    url = args.url
    load_before = os.getloadavg()
    if args.store:
        server, url, folder = _start(args.store)
    try:
        plan = _plan(args.store, url)
        out: dict[str, list[float]] = {kind: [] for kind in KINDS}
        errors: list[str] = []
        lock = threading.Lock()
        began = time.monotonic()
        until = began + args.seconds
        clients = [threading.Thread(target=_client, args=(url, plan, until, seed, out, errors, lock))
                   for seed in range(args.clients)]
        for client in clients:
            client.start()
        for client in clients:
            client.join()
        elapsed = time.monotonic() - began
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if folder is not None:
            folder.cleanup()
    figures = {"clients": args.clients, "seconds": round(elapsed, 1), "documents": len(plan["documents"]),
               "year": plan["year"], "requests": sum(len(v) for v in out.values()), "errors": len(errors),
               "load": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
               "kinds": {kind: {"requests": len(values),
                                "p50_ms": round(1000 * statistics.median(values), 1) if values else None,
                                "p95_ms": round(1000 * _percentile(values, 0.95), 1) if values else None,
                                "max_ms": round(1000 * max(values), 1) if values else None}
                         for kind, values in out.items()}}
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{figures['clients']} clients, {figures['seconds']} s, {figures['requests']} requests "
              f"({figures['requests'] / elapsed:.1f}/s), {figures['errors']} errors; {figures['documents']} documents, "
              f"timeline and search of {figures['year']}; load {figures['load'][0]} -> {figures['load'][1]}")
        for kind, numbers in figures["kinds"].items():
            print(f"  {kind:14} {numbers['requests']:6d} requests  p50 {numbers['p50_ms']} ms  "
                  f"p95 {numbers['p95_ms']} ms  max {numbers['max_ms']} ms")
    for error in errors[:10]:
        print("error:", error, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
