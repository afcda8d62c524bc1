"""Texts given in the browser, analysed one at a time in one background thread.

Each submission is written under the store's text folder with a name the server makes (the
client's file name only lends its letters, never a path), then goes through the corpus ingest
path (`annales.corpus.ingest.add.add`), the one way documents enter a store. The model is loaded
once, by the first analysis, and kept by the thread's process. The file stays: it is the source
the stored document names, and an identical text given again is recognised and skipped.
"""

from __future__ import annotations

import itertools
import os
import queue
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from annales.corpus import StoreError, open_store
from annales.corpus.ingest.add import AddSummary, add, count_documents
from annales.errors import AnnalesError

STATES = {"waiting": "en attente", "running": "analyse en cours", "done": "terminé", "failed": "échec"}
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass
class Job:
    number: int
    name: str
    path: Path
    dct: str | None
    state: str = "waiting"
    done: int = 0
    messages: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # ids stored (added, replaced or already there)

    @property
    def state_fr(self) -> str:
        return STATES[self.state]

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")


def safe_stem(name: str) -> str:
    """Letters, digits, '-' and '_' of a client's file name (accents dropped), never empty, never a path."""
    stem = Path(Path(name.replace("\\", "/")).name).stem
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return _UNSAFE.sub("-", ascii_stem).strip("-_")[:60] or "texte"


class Analyser:
    """A queue of jobs and the one thread that works through them."""

    def __init__(self, store_path: str, texts_dir: Path, max_documents: int) -> None:
        self.store_path = store_path
        self.texts_dir = texts_dir
        self.max_documents = max_documents
        self.jobs: list[Job] = []
        self._queue: queue.Queue[Job] = queue.Queue()
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def submit(self, name: str, suffix: str, data: bytes, dct: str | None) -> Job:
        """Write `data` under the texts folder (a new name unless the same bytes are there) and queue it."""
        with self._lock:
            self.texts_dir.mkdir(parents=True, exist_ok=True)
            path = self._free_path(safe_stem(name), suffix, data)
            if not path.exists():
                path.write_bytes(data)
            job = Job(next(self._numbers), name, path, dct)
            self.jobs.append(job)
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="annales-web-analyser", daemon=True)
                self._thread.start()
        self._queue.put(job)
        return job

    def recent(self, count: int = 10) -> list[Job]:
        return list(reversed(self.jobs[-count:]))

    @property
    def busy(self) -> bool:
        return any(not job.finished for job in self.jobs)

    def _free_path(self, stem: str, suffix: str, data: bytes) -> Path:
        for number in itertools.count(1):
            path = self.texts_dir / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
            if not path.exists() or path.read_bytes() == data:
                # The folder is ours and the name is made of safe characters: it cannot leave the folder.
                assert path.resolve().parent == self.texts_dir.resolve()
                return path
        raise AssertionError("unreachable")

    def _document_path(self, path: Path) -> str:
        """The path as the document's id: relative to the working folder when it lies under it."""
        relative = os.path.relpath(path)
        return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            job.state = "running"
            try:
                self._run(job)
            except Exception as exc:  # the thread must outlive one bad job
                job.messages.append(f"erreur interne : {type(exc).__name__}: {exc}")
            job.state = "failed" if job.messages and not job.documents else "done"

    def _run(self, job: Job) -> None:
        try:
            conn = open_store(self.store_path, create=True)
        except StoreError as exc:
            job.messages.append(str(exc))
            return
        try:
            stored = int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
            path = self._document_path(job.path)
            given = count_documents([path])
            if stored + given > self.max_documents:
                job.messages.append(f"refusé : le corpus contient {stored} documents, en ajouter {given} dépasserait "
                                    f"la limite de {self.max_documents}")
                return
            summary = AddSummary()

            def progress(status: str, doc_id: str) -> None:
                job.done = summary.done
                if status != "failed" and doc_id:
                    job.documents.append(doc_id)

            try:
                add(conn, [path], dct=job.dct, summary=summary,
                    on_document=progress, on_error=job.messages.append)
            except AnnalesError as exc:  # a bad date, before anything is read
                job.messages.append(str(exc))
        finally:
            conn.close()


def default_texts_dir(store_path: str) -> Path:
    store = Path(store_path)
    return store.parent / f"{store.stem}-textes"


def paste_name() -> str:
    return "texte-colle-" + datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
