"""`annales corpus add`: read inputs, analyse what is new or changed, commit each document alone.

Inputs are read by `annales.ingest.read.read_inputs` (folders are expanded here to the files it
reads) and analysed by `annales.batch.analyse_items`, with its process pool for `workers` > 1. A
document whose id is stored with the same sha256 and analysis schema (and the same `--dct` and
`--language`, when given) is skipped before it is analysed; a changed one is replaced. A .jsonl
of analyses (`annales analyze --format jsonl`) is stored as it is, without analysing again
(`annales.corpus.ingest.analyses`); one identical to the stored one is skipped. Each
document is one transaction (`store.put`), so a run killed at any point leaves whole documents
only, and the same command run again finishes the rest. With `engine="ray"` the analysis runs on
Ray Data (`annales.runners`); the store is still written here alone.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annales.corpus import store
from annales.corpus.crosssource import refresh_cross_source
from annales.corpus.ingest.analyses import is_analyses_file, read_analyses
from annales.errors import InputError
from annales.ingest.read import HTML_SUFFIXES, JSONL_SUFFIXES, read_inputs
from annales.model import SCHEMA, SourceDocument
from annales.runners import get_engine

TEXT_SUFFIXES = frozenset({".txt"})
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass
class AddSummary:
    """What a run did so far (kept up to date, so an interrupted run can say where it stopped)."""

    added: int = 0
    replaced: int = 0
    skipped: int = 0
    failures: list[str] = field(default_factory=list)
    last: str | None = None

    @property
    def done(self) -> int:
        return self.added + self.replaced + self.skipped + len(self.failures)

    def line(self) -> str:
        text = f"{self.added} added, {self.replaced} replaced, {self.skipped} unchanged (skipped)"
        if self.failures:
            text += f", {len(self.failures)} failed"
        return text


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files as given; a folder becomes the .txt, .html and .jsonl files under it, in name order
    (hidden files and folders left out). A path that is neither is kept, for the reader to report."""
    result: list[str] = []
    for path in paths:
        folder = Path(path)
        if not folder.is_dir():
            result.append(path)
            continue
        found = sorted(str(file) for file in folder.rglob("*")
                       if file.is_file() and file.suffix.lower() in READABLE_SUFFIXES
                       and not any(part.startswith(".") for part in file.relative_to(folder).parts))
        result.extend(found or [path])  # an empty folder is reported by the reader ("is a directory")
    return result


def count_documents(paths: Iterable[str]) -> int:
    """How many documents `paths` (expanded) hold: one a file, one a non-blank line of a .jsonl."""
    total = 0
    for path in paths:
        if Path(path).suffix.lower() in JSONL_SUFFIXES:
            try:
                with open(path, "rb") as lines:
                    total += sum(1 for line in lines if line.strip())
            except OSError:
                total += 1  # the reader reports it, as one failure
        else:
            total += 1
    return total


def add(conn: sqlite3.Connection, paths: list[str], *, workers: int = 1, dct: str | None = None,
        language: str | None = None, summary: AddSummary | None = None,
        on_document: Callable[[str, str], None] | None = None,
        on_error: Callable[[str], None] | None = None, engine: str = "local") -> AddSummary:
    """Add the documents of `paths` (expanded already) to the store; raises InputError for a bad
    `dct` or `language`, EngineError for an `engine` that cannot run, before anything is read.
    `engine` ("local", or "ray" on Ray Data: `annales.runners`) analyses; the store is written here
    alone. `on_document(status, id)` is called after each document ("added", "replaced", "skipped",
    "failed"); `on_error(message)` for each failure."""
    summary = summary if summary is not None else AddSummary()
    analyse = get_engine(engine)
    stored = [path for path in paths if is_analyses_file(path)]
    items = read_inputs([path for path in paths if path not in stored], dct, language)  # checks the options

    def report(status: str, doc_id: str, message: str | None = None) -> None:
        if message is not None:
            summary.failures.append(message)
            if on_error:
                on_error(message)
        if on_document:
            on_document(status, doc_id)

    def new_or_changed() -> Iterator[SourceDocument | InputError]:
        for item in items:
            if isinstance(item, SourceDocument) and _unchanged(conn, item.id, item.source.sha256, dct, language):
                summary.skipped += 1
                report("skipped", item.id)
                continue
            yield item

    def analysed() -> Iterator[tuple[str, dict[str, Any] | None, str | None, bool]]:
        """(id, analysis, error, whether the analysis was made already)."""
        for outcome in analyse(new_or_changed(), workers=workers, as_contract=True):
            data = outcome.data()
            if data is None:
                yield outcome.id, None, outcome.error or f"{outcome.id}: not analysed", False
            else:
                yield outcome.id, data, None, False
        for path in stored:  # made already: stored as they are, whatever --dct or --language say
            for doc_id, data, error in read_analyses(path):
                yield doc_id, data, error, True

    for doc_id, data, error, made in analysed():
        if data is None:
            report("failed", doc_id, error or f"{doc_id}: not analysed")
            continue
        if (_same_analysis(conn, data) if made
                else _unchanged(conn, data["id"], data["source"].get("sha256"), dct, language)):
            summary.skipped += 1  # given twice in one run, analysed twice (in flight at once), stored once
            report("skipped", data["id"])
            continue
        # Stored and counted as one step: a Ctrl-C between the commit and the count would make the
        # summary say one document fewer than the store holds.
        with _ctrl_c_deferred():
            try:
                status = store.put(conn, data)
            except sqlite3.Error as exc:
                report("failed", data["id"], f"{data['id']}: not stored: {exc}")
                continue
            except Exception as exc:  # a bug on one document must not cost the others their place in the store
                report("failed", data["id"],
                       f"{data['id']}: internal error while storing: {type(exc).__name__}: {exc}")
                continue
            if status == "added":
                summary.added += 1
            else:
                summary.replaced += 1
            summary.last = data["id"]
        report(status, data["id"])
    # Cross-source findings (issue 11, item 3): rewritten once per run, over the whole store, since
    # any document added or replaced may agree or disagree with any other.
    with _ctrl_c_deferred():
        refresh_cross_source(conn)
    return summary


@contextmanager
def _ctrl_c_deferred() -> Iterator[None]:
    """Ctrl-C held back until the block ends, then raised (only the main thread receives signals)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, _frame: received.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt


def _unchanged(conn: sqlite3.Connection, doc_id: str, sha256: str | None, dct: str | None,
               language: str | None) -> bool:
    """Stored with the same bytes and analysis schema, and analysed with the same --dct and
    --language (a document added with `--dct` and added again without it, or with another, is
    analysed again: its dates would differ)."""
    if sha256 is None or store.stored_version(conn, doc_id) != (sha256, SCHEMA):
        return False
    stored_dct, origin, stored_language = conn.execute(
        "SELECT dct, dct_origin, language FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if (dct is not None or origin == "option") and (origin, stored_dct) != ("option", dct):
        return False
    return language is None or stored_language == language.strip().lower()


def _same_analysis(conn: sqlite3.Connection, data: dict[str, Any]) -> bool:
    """An analysis made elsewhere is unchanged when it is the one stored, field for field."""
    row = conn.execute("SELECT a.json FROM analyses a JOIN documents d USING (doc) WHERE d.id = ?",
                       (data["id"],)).fetchone()
    return row is not None and json.loads(row[0]) == data
