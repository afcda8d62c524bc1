"""The `ray` engine: documents analysed by a pool of Ray actors (Ray Data `map_batches`), each
loading the model once; the caller gets `annales.batch.Outcome`s in input order, as from the
local engine, and writes them itself (the corpus store is written by the driver alone).

Only JSON crosses back from a worker: each document's `Analysis.to_dict()`, never the spaCy Doc.
A document that cannot be analysed is one error row and the others go on; an actor that dies
takes with it only the documents not yet returned, each reported as failed (nothing half-stored:
the same command run again analyses them).

Ray starts on this machine with `workers` CPUs, no dashboard, no usage report, its processes
talking over the loopback only. With RAY_ADDRESS set it joins that cluster instead, whose
machines need annales installed.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import warnings
from collections.abc import Iterable, Iterator
from typing import Any

from annales.batch import Item, Outcome, analyse_items
from annales.context import Context
from annales.errors import AnnalesError, InputError
from annales.model import Analysis, SourceDocument


class Analyser:
    """One Ray actor's work: the model loaded when the actor starts; then per batch, pickled
    documents in, one row per document out: its id, its analysis as JSON, or the one line that
    says why there is none."""

    def __init__(self) -> None:
        self.context = Context.default()
        self.context.nlp  # noqa: B018 - load the model now, once per actor

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        documents: list[SourceDocument] = [pickle.loads(blob) for blob in batch["document"]]
        ids: list[str] = []
        analyses: list[str] = []
        errors: list[str] = []
        for outcome in analyse_items(documents, self.context):
            text, error = "", outcome.error or ""
            if outcome.analysis is not None:
                try:
                    text = json.dumps(outcome.analysis.to_dict(), ensure_ascii=False)
                except Exception as exc:  # a contract bug on one document must not cost the others theirs
                    error = f"{outcome.id}: internal error while serialising: {type(exc).__name__}: {exc}"
            ids.append(outcome.id)
            analyses.append(text)
            errors.append(error)
        return {"id": ids, "analysis": analyses, "error": errors}


def analyse_items_on_ray(items: Iterable[Item], *, workers: int = 1, as_contract: bool = False) -> Iterator[Outcome]:
    """One Outcome per input, in input order, the analyses made by `workers` Ray actors (as their
    JSON contract in `contract` with `as_contract`, as in `annales.batch.analyse_items`).

    The documents are gathered first (Ray Data takes a list); a Ray already started in this
    process (`ray.init` by the caller) is used as it is and left running."""
    items = list(items)
    documents = [item for item in items if isinstance(item, SourceDocument)]
    results = _on_ray(documents, workers) if documents else iter(())
    failure: str | None = None
    for item in items:
        if isinstance(item, InputError):
            yield Outcome(id="", error=str(item))
            continue
        if failure is None:
            try:
                row = next(results)
            except StopIteration:
                failure = "no result came back"
            except AnnalesError:  # Ray did not start: the run as a whole fails, on one line
                raise
            except Exception as exc:  # an actor died or Ray itself failed: the rest is not analysed
                failure = f"{type(exc).__name__}: {_first_line(str(exc))}"
        if failure is not None:
            yield Outcome(id=item.id, error=f"{item.id}: internal error in a Ray worker: {failure}")
            continue
        yield _outcome(item.id, row, as_contract)


def _outcome(doc_id: str, row: dict[str, Any], as_contract: bool = False) -> Outcome:
    if row["id"] != doc_id:  # results pair with documents by the order Ray Data keeps: a bug otherwise
        raise AnnalesError(f"the Ray engine returned {row['id']!r} where {doc_id!r} was expected")
    if row["error"] or not row["analysis"]:
        return Outcome(id=doc_id, error=row["error"] or f"{doc_id}: not analysed")
    try:
        data = json.loads(row["analysis"])
        if as_contract:
            return Outcome(id=doc_id, contract=data)
        return Outcome(id=doc_id, analysis=Analysis.from_dict(data))
    except Exception as exc:  # what came back is not the contract: this document alone fails
        return Outcome(id=doc_id, error=f"{doc_id}: internal error reading a Ray worker's analysis: "
                                        f"{type(exc).__name__}: {exc}")


def _on_ray(documents: list[SourceDocument], workers: int) -> Iterator[dict[str, Any]]:
    """The result rows, in the documents' order; Ray started here is shut down when they end."""
    _settings_before_import()
    import ray

    started = _start(ray, workers)
    try:
        from ray.data import ActorPoolStrategy, DataContext

        _quiet_logs()
        settings = DataContext.get_current()
        settings.execution_options.preserve_order = True  # results pair with documents by position
        settings.enable_progress_bars = False  # the command draws its own
        settings.enable_auto_log_stats = False
        rows = [{"id": document.id, "document": pickle.dumps(document)} for document in documents]
        # Blocks of a few documents: an actor free takes the next block, whatever the others hold,
        # and Ray Data's cost per block (scheduling, the driver's bookkeeping: a fifth of a core
        # with one document a block) is shared by several documents.
        blocks = max(min(len(rows), workers), -(-len(rows) // DOCUMENTS_PER_BLOCK))
        dataset = ray.data.from_items(rows, override_num_blocks=blocks)
        # An actor that dies is not restarted: Ray would retry its document without end if that
        # document is what kills it. The run reports the rest as failed, and running it again resumes.
        # Ray 2.60 takes max_restarts only as a free remote argument, which it says it will rename.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            pool = ActorPoolStrategy(size=min(workers, len(rows)))  # no actor loads a model for nothing
            analysed = dataset.map_batches(Analyser, batch_size=1, compute=pool, num_cpus=1, batch_format="numpy",
                                           max_restarts=0)
        yield from analysed.iter_rows()
    finally:
        if started:
            ray.shutdown()


DOCUMENTS_PER_BLOCK = 16


def _settings_before_import() -> None:
    """What Ray reads from the environment when it is imported (a user's own setting wins)."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no report sent anywhere
    if not os.environ.get("RAY_ADDRESS"):
        # Ray's single-machine mode: its processes on this machine reach each other over the
        # loopback address (otherwise they use the machine's network address).
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")


def _start(ray: Any, workers: int) -> bool:
    """Start Ray (True) unless this process has it running already (False)."""
    if ray.is_initialized():
        return False
    # Ray's own messages stay in its session logs (/tmp/ray), off the command's stderr.
    quiet = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.ERROR}
    try:
        if os.environ.get("RAY_ADDRESS"):  # a cluster the user named: its size is its own
            ray.init(**quiet)
        else:
            from ray._private import ray_constants

            # The switch the environment sets, read when Ray was imported: set again for a Ray
            # imported before this module could set it.
            ray_constants.ENABLE_RAY_CLUSTER = os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] not in ("0", "false")
            ray.init(num_cpus=workers, **quiet)
    except Exception as exc:
        raise AnnalesError(f"Ray could not start: {_first_line(str(exc))}") from exc
    return True


def _quiet_logs() -> None:
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")
