"""Many documents in one run: each analysed and written as it comes, a bad one reported and passed.

The command line, the corpus store, the server and the cluster runner all go through here, so a
document fails the same way everywhere: one line naming it, and the others go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TextIO

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


@dataclass
class Progress:
    """Counts kept up to date while a batch runs, so that an interrupted run can say where it stopped."""

    seen: int = 0
    written: int = 0
    failures: list[str] = field(default_factory=list)
    last_written: str | None = None


def analyse_items(items: Iterable[Item], context: Context | None = None) -> Iterator[Outcome]:
    """One Outcome per input, in order. A document that cannot be read or analysed becomes an
    Outcome with its error; an unexpected failure on one document never stops the others."""
    context = context or Context.default()
    for item in items:
        if isinstance(item, InputError):
            yield Outcome(id="", error=str(item))
            continue
        try:
            analysis = analyze_document(item, context)
        except AnnalesError as exc:
            yield Outcome(id=item.id, error=f"{item.id}: {exc}")
        except RecursionError:
            yield Outcome(id=item.id, error=f"{item.id}: internal error: structure nested too deeply")
        except Exception as exc:  # a bug on one document must not cost the others their results
            yield Outcome(id=item.id, error=f"{item.id}: internal error: {type(exc).__name__}: {exc}")
        else:
            yield Outcome(id=item.id, analysis=analysis)


def run_batch(items: Iterable[Item], write: Writer, out: TextIO, *, context: Context | None = None,
              progress: Progress | None = None, on_error: Callable[[str], None] | None = None,
              on_warning: Callable[[str], None] | None = None) -> Progress:
    """Analyse and write each document as it arrives; report each failure at once and go on.

    `progress` (created if not given) is updated after every document, so a caller that is
    interrupted knows how many documents were written whole."""
    progress = progress if progress is not None else Progress()
    for outcome in analyse_items(items, context):
        progress.seen += 1
        if outcome.analysis is None:
            message = outcome.error or f"{outcome.id}: not analysed"
            progress.failures.append(message)
            if on_error:
                on_error(message)
            continue
        if on_warning:
            for warning in outcome.analysis.warnings:
                on_warning(f"{outcome.analysis.id}: {warning}")
        write(outcome.analysis, out)
        out.flush()
        progress.written += 1
        progress.last_written = outcome.analysis.id
    return progress
