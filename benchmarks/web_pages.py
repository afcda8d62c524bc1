"""The web workbench's page targets (issue 12), on a store: a 5 000-word document's page served
from the store in at most 300 ms, and the corpus timeline of a 2 000-document store drawn in a
real browser in at most 1 s. Exits 1 when a target is missed.

    python benchmarks/web_pages.py --store CORPUS.db [--repeat 5] [--json]

CORPUS.db: a store of about 2 000 documents, e.g. the one `python benchmarks/corpus_bench.py --keep
DIR` leaves in DIR/bench-local2.db. A copy of it is served (`annales serve`, on the loopback); a
5 000-word document is added to the copy first (made as `benchmarks/bench.py` makes its text:
the paragraphs of `samples/` repeated to length), then:
- the document page: the server's time for `GET /document/N` (the whole response read), the
  median of `--repeat` requests after one to warm up;
- the corpus timeline: Debian's chromium driven by Playwright (as the browser tests do) opens
  `/chronologie` (the whole corpus, no filter) and waits for vis-timeline's first item; the time
  from the navigation's start to that item, the median of `--repeat` loads.
Not a unit test: the figures depend on the machine; report its load.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"document_ms": 300, "timeline_ms": 1000}
WORDS = 5000


def _long_document(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench  # the text bench.py measures: the samples' paragraphs repeated to length

    paragraphs, _origin = bench.source_paragraphs()
    path = folder / "long-document.txt"
    path.write_text(bench.build_text(paragraphs, WORDS), encoding="utf-8")
    return path


def _annales(*args: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "annales", *args], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _document_ms(port: int, doc: int, repeat: int) -> list[float]:
    timings = []
    for n in range(repeat + 1):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        began = time.perf_counter()
        connection.request("GET", f"/document/{doc}")
        response = connection.getresponse()
        response.read()
        elapsed = (time.perf_counter() - began) * 1000
        connection.close()
        if response.status != 200:
            raise SystemExit(f"/document/{doc} answered {response.status}")
        if n:  # the first warms the server's caches
            timings.append(elapsed)
    return timings


def _timeline_ms(url: str, repeat: int) -> tuple[list[float], int]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    timings: list[float] = []
    items = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            for n in range(repeat + 1):
                page = browser.new_page(viewport={"width": 1366, "height": 768})
                began = time.perf_counter()
                page.goto(f"{url}/chronologie")
                page.locator(".vis-item").first.wait_for(state="attached", timeout=60_000)
                elapsed = (time.perf_counter() - began) * 1000
                items = page.locator(".vis-item").count()
                page.close()
                if n:  # the first load fills the browser's cache of the vendored scripts
                    timings.append(elapsed)
        finally:
            browser.close()
    return timings, items


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, help="a corpus store of about 2 000 documents")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import web_load  # the same way of serving a copy of a store

    with tempfile.TemporaryDirectory(prefix="annales-web-pages-") as scratch:
        folder = Path(scratch)
        store = folder / "corpus.db"
        shutil.copyfile(args.store, store)
        _annales("corpus", "add", str(store), str(_long_document(folder)))
        with sqlite3.connect(store) as conn:
            documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            doc, words = conn.execute("SELECT doc, chars FROM documents ORDER BY doc DESC LIMIT 1").fetchone()
        server, url, served = web_load._start(str(store))
        try:
            port = int(url.rsplit(":", 1)[1])
            document = _document_ms(port, doc, args.repeat)
            timeline, items = _timeline_ms(url, args.repeat)
        finally:
            server.terminate()
            server.wait(timeout=30)
            served.cleanup()
    figures: dict[str, Any] = {
        "documents": documents, "load": os.getloadavg()[0], "document_characters": words,
        "document_ms": round(statistics.median(document), 1), "document_runs_ms": [round(t) for t in document],
        "timeline_ms": round(statistics.median(timeline), 1), "timeline_runs_ms": [round(t) for t in timeline],
        "timeline_items": items,
    }
    checks = [("document page of a 5 000-word text", figures["document_ms"], TARGETS["document_ms"]),
              ("corpus timeline drawn", figures["timeline_ms"], TARGETS["timeline_ms"])]
    if args.json:
        print(json.dumps({**figures, "met": all(v <= t for _, v, t in checks)}, indent=1))
    else:
        print(f"{documents} documents in the store; load {figures['load']:.2f}")
        for name, value, target in checks:
            print(f"{'ok  ' if value <= target else 'MISS'} {name} <= {target} ms: {value} ms")
        print(f"timeline items drawn: {items}; document of {words} characters")
    return 0 if all(value <= target for _, value, target in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
