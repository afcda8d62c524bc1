"""Many documents in one run: each analysed and written as it comes, a bad one reported and passed.

The command line, the corpus store, the server and the cluster runner all go through here, so a
document fails the same way everywhere: one line naming it, and the others go on.
"""

from __future__ import annotations

import io
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from types import FrameType
from typing import Any, TextIO

from annales.context import Context
from annales.errors import AnnalesError, InputError
from annales.model import Analysis, SourceDocument
from annales.pipeline import analyze_document

Item = SourceDocument | InputError
Writer = Callable[[Analysis, TextIO], None]


@dataclass
class Outcome:
    """What became of one input: its analysis, or the one line that says why there is none."""

    id: str
    analysis: Analysis | None = None
    error: str | None = None
    # The analysis as its JSON contract (`Analysis.to_dict()`), instead of `analysis`, when the
    # caller asked for the contract: layers above the pipeline read only that, and a dict of plain
    # values crosses between processes ten times cheaper than the objects (3.5 ms per document
    # to unpickle the objects in the parent, 0.4 ms the dict).
    contract: dict[str, Any] | None = None

    def data(self) -> dict[str, Any] | None:
        """The analysis as its JSON contract, however it came; None when there is none."""
        if self.contract is not None:
            return self.contract
        return None if self.analysis is None else self.analysis.to_dict()


@dataclass
class Progress:
    """Counts kept up to date while a batch runs, so that an interrupted run can say where it stopped."""

    seen: int = 0
    written: int = 0
    skipped: int = 0  # left out before analysis: already in a resumed output
    failures: list[str] = field(default_factory=list)
    last_written: str | None = None


def analyse_items(items: Iterable[Item], context: Context | None = None, *, workers: int = 1,
                  as_contract: bool = False) -> Iterator[Outcome]:
    """One Outcome per input, in order. A document that cannot be read or analysed becomes an
    Outcome with its error; an unexpected failure on one document never stops the others.

    With `workers` > 1 the documents are analysed in a pool of that many processes, each loading
    the model once (the default context; `context` is then not used), up to 32 documents per
    worker ahead of the one yielded; the analyses come back without their spaCy Doc
    (`analysis.doc` is None).

    With `as_contract`, each outcome carries `contract` (the analysis's `to_dict()`, made where
    the analysis was made) and no `analysis`."""
    if workers > 1:
        yield from _analyse_in_pool(items, workers, as_contract)
        return
    context = context or Context.default()
    for item in items:
        outcome = _analyse_one(item, context)
        yield _as_contract(outcome) if as_contract else outcome


def _analyse_one(item: Item, context: Context) -> Outcome:
    if isinstance(item, InputError):
        return Outcome(id="", error=str(item))
    try:
        analysis = analyze_document(item, context)
    except AnnalesError as exc:
        return Outcome(id=item.id, error=f"{item.id}: {exc}")
    except RecursionError:
        return Outcome(id=item.id, error=f"{item.id}: internal error: structure nested too deeply")
    except Exception as exc:  # a bug on one document must not cost the others their results
        return Outcome(id=item.id, error=f"{item.id}: internal error: {type(exc).__name__}: {exc}")
    return Outcome(id=item.id, analysis=analysis)


def _worker_start() -> None:
    """A pool worker: Ctrl-C is the parent's to handle (it stops after whole documents), it ends
    when the parent does, and the model is loaded once, before the first document."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A worker has nothing to tell the user itself: a document's failure travels back as its outcome.
    # What the pool's machinery might print (a result sent to a parent that was interrupted and is
    # gone) would be a traceback under the one-line message of the interrupted run.
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - open for the worker's life
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent.sentinel,), name="end-with-parent", daemon=True).start()
    Context.default().nlp  # noqa: B018 - load the model now


def _end_with(parent_sentinel: int) -> None:
    """Exit as soon as the parent process is gone. A parent killed with SIGKILL cannot shut its pool
    down, and a worker waiting for work would wait forever (its queue's pipe is never closed: the
    worker holds both ends), keeping its model in memory; the parent's sentinel is a pipe that
    the system closes when the parent ends, however it ends."""
    multiprocessing.connection.wait([parent_sentinel])
    os._exit(1)


def _as_contract(outcome: Outcome) -> Outcome:
    if outcome.analysis is not None:
        try:
            outcome.contract = outcome.analysis.to_dict()
        except Exception as exc:  # a contract bug on one document must not cost the others theirs
            outcome.error = f"{outcome.id}: internal error while serialising: {type(exc).__name__}: {exc}"
        outcome.analysis = None
    return outcome


def _analyse_in_worker(item: Item, as_contract: bool = False) -> Outcome:
    outcome = _analyse_one(item, Context.default())
    if as_contract:
        return _as_contract(outcome)
    if outcome.analysis is not None:  # the parse stays in the worker: only the analysis travels
        outcome.analysis.doc = None
        outcome.analysis._region_index = {}
    return outcome


def _analyse_in_pool(items: Iterable[Item], workers: int, as_contract: bool = False) -> Iterator[Outcome]:
    # forkserver: workers start from a clean process, not a copy of a parent that may run threads.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("forkserver"),
                               initializer=_worker_start)
    pending: deque[tuple[str, Future[Outcome]]] = deque()
    analyse = partial(_analyse_in_worker, as_contract=as_contract)

    def collect() -> Outcome:
        doc_id, future = pending.popleft()
        try:
            return future.result()
        except Exception as exc:  # the worker died (out of memory, killed) or the result would not travel
            return Outcome(id=doc_id, error=f"{doc_id}: internal error in a worker: {type(exc).__name__}: {exc}")

    finished = False
    try:
        for item in items:
            doc_id = "" if isinstance(item, InputError) else item.id
            if isinstance(item, InputError):
                future: Future[Outcome] = Future()
                future.set_result(Outcome(id="", error=str(item)))
            else:
                try:
                    future = pool.submit(analyse, item)
                except Exception as exc:  # a broken pool refuses new work: each document says so
                    future = Future()
                    future.set_exception(exc)
            pending.append((doc_id, future))
            # Results are yielded in input order, so a long document at the head holds back the
            # ones behind it: the window must outlast it or the other workers run dry (with two
            # per worker, 9% of the cores sat idle on a mixed corpus; finished analyses are small).
            while len(pending) > 32 * workers or (pending and pending[0][1].done()):
                yield collect()
        while pending:
            yield collect()
        finished = True
    finally:
        # Done: the workers are let go and waited for. Interrupted or abandoned: queued documents
        # are cancelled and the workers finish the one they hold on their own.
        pool.shutdown(wait=finished, cancel_futures=not finished)


def run_batch(items: Iterable[Item], write: Writer, out: TextIO, *, context: Context | None = None,
              progress: Progress | None = None, on_error: Callable[[str], None] | None = None,
              on_warning: Callable[[str], None] | None = None, workers: int = 1) -> Progress:
    """Analyse and write each document as it arrives; report each failure at once and go on.

    `write` is a format's writer with the user's options already bound
    (`annales.export.get_writer(name, ExportOptions(...))`): every format is called alike here.

    `progress` (created if not given) is updated after every document, so a caller that is
    interrupted knows how many documents were written whole. Each document is rendered first and
    then written and flushed in one piece with Ctrl-C held back, so `out` only ever holds whole
    documents, and `progress` counts exactly those."""
    progress = progress if progress is not None else Progress()
    for outcome in analyse_items(items, context, workers=workers):
        progress.seen += 1
        rendered = None
        if outcome.analysis is not None:
            buffer = io.StringIO()
            try:
                write(outcome.analysis, buffer)
            except Exception as exc:  # an exporter bug on one document must not cost the others theirs
                outcome.error = f"{outcome.id}: internal error while writing: {type(exc).__name__}: {exc}"
            else:
                rendered = buffer.getvalue()
        if outcome.analysis is None or rendered is None:
            message = outcome.error or f"{outcome.id}: not analysed"
            progress.failures.append(message)
            if on_error:
                on_error(message)
            continue
        if on_warning:
            for warning in outcome.analysis.warnings:
                on_warning(f"{outcome.analysis.id}: {warning}")
        with _interrupts_held():
            out.write(rendered)
            out.flush()
            progress.written += 1
            progress.last_written = outcome.analysis.id
    return progress


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C during the block takes effect when it ends, not halfway through a write.

    A KeyboardInterrupt raised inside a blocked write to a pipe would lose track of what was
    written. Python signal handlers run in the main thread only, so elsewhere nothing is held."""
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or not callable(previous):
        yield
        return
    held: list[tuple[int, FrameType | None]] = []
    signal.signal(signal.SIGINT, lambda signum, frame: held.append((signum, frame)))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if held:
            previous(*held[0])
