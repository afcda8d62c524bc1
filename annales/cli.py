"""The `annales` command line: parses options, calls the library, reports errors on one line.

Every failure reaches the user as `annales: error: …` on stderr and a non-zero exit status:
1 when a document could not be read or analysed, 2 for a usage error. No traceback is shown.
Messages quote ids and texts from the documents, so every one goes through `for_terminal`: it
stays one line and cannot drive the terminal. Ctrl-C stops after the last whole document, says
how far the run got and exits 130; a reader that stops early (`| head`) ends the run quietly.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING, Annotated, TextIO, cast

import typer

from annales import __version__
from annales.batch import Progress, Writer, run_batch
from annales.common.terminal import for_terminal
from annales.errors import AnnalesError, InputError
from annales.export import FORMATS, SINGLE_DOCUMENT, ExportOptions, get_writer
from annales.model import SourceDocument

if TYPE_CHECKING:
    from annales.corpus.filters import Filters

PROG = "annales"
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for a command stopped by Ctrl-C
CORPUS_SUFFIXES = (".jsonl", ".ndjson")  # files that may hold several documents

app = typer.Typer(name=PROG, add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Read French historical narrative and turn it into a source-linked chronology.")
eval_app = typer.Typer(no_args_is_help=True, help="Measure annales against annotated corpora.")
app.add_typer(eval_app, name="eval")
corpus_app = typer.Typer(no_args_is_help=True, help="Build and query a corpus store (one SQLite file).")
app.add_typer(corpus_app, name="corpus")


class UsageProblem(AnnalesError):
    """A command line that cannot be carried out as given (exit status 2)."""


class Interrupted(Exception):
    """Ctrl-C: carries what the run got done, for the one line that reports it."""


class PipeClosed(Exception):
    """The reader of stdout went away (`| head`): not an error. Carries the exit status."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def _say(kind: str, message: str) -> None:
    print(f"{PROG}: {kind}: {for_terminal(message)}" if message else f"{PROG}: {kind}", file=sys.stderr, flush=True)


def _error(message: str) -> None:
    _say("error", message)


def _warning(message: str) -> None:
    _say("warning", message)


class _TerminalText:
    """stdout for reports that quote documents (`eval --errors`): their control characters escaped."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(for_terminal(text, keep="\n\t"))

    def flush(self) -> None:
        self._stream.flush()


class _WholeWrites:
    """stdout for the documents: every write ends whole.

    Under `python -u` or PYTHONUNBUFFERED, sys.stdout hands each write to the file descriptor once
    and drops what a signal cut short (a pipe that was full when Ctrl-C came); this writes the
    encoded bytes until none is left."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        binary = getattr(self._stream, "buffer", None)
        if binary is None:  # a stream with no bytes underneath (a StringIO): writes are whole already
            return self._stream.write(text)
        self._stream.flush()  # what was printed before comes first
        data = memoryview(text.encode(self._stream.encoding or "utf-8", self._stream.errors or "strict"))
        while data:
            data = data[binary.write(data) or 0:]
        return len(text)

    def flush(self) -> None:
        self._stream.flush()  # a text stream flushes its bytes too


@contextmanager
def _stoppable(summary: Callable[[], str] = lambda: "", status: Callable[[], int] = lambda: 0) -> Iterator[None]:
    """Ctrl-C and a closed stdout as exceptions of our own: the command line's framework would
    turn them into a silent exit status (130, and 1 for a broken pipe)."""
    try:
        yield
    except KeyboardInterrupt:
        raise Interrupted(summary()) from None
    except BrokenPipeError:
        raise PipeClosed(status()) from None


def interrupted_summary(progress: Progress, total: int | None) -> str:
    """"2 of 5 documents written (last: b.txt)"; without a total (a corpus being streamed),
    "2 documents written"."""
    written = progress.written
    if total is not None:
        text = f"{written} of {total} document{'s' if total != 1 else ''} written"
    else:
        text = f"{written} document{'s' if written != 1 else ''} written"
    if progress.failures:
        text += f", {len(progress.failures)} failed"
    if progress.last_written is not None:
        text += f" (last: {progress.last_written})"
    return text


def _version(value: bool) -> None:
    if value:
        with _stoppable():
            print(f"{PROG} {__version__}", flush=True)
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Read French historical narrative and turn it into a source-linked chronology."""


# `--output FILE` without `--format`: the format its suffix names, when it names one.
OUTPUT_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".txt": "text", ".xml": "tei",
                   ".tei": "tei", ".csv": "csv", ".html": "html", ".htm": "html"}


def default_format(paths: list[str], stdout_is_terminal: bool, output: str | None = None) -> str:
    """The format a file's suffix names (`--output out.csv`); else text on a terminal; when piped
    or written to a file, json for one plain document and jsonl otherwise.

    Decided from the command line alone, before anything is read, so output can stream.
    """
    if output is not None and os.path.splitext(output)[1].lower() in OUTPUT_SUFFIXES:
        return OUTPUT_SUFFIXES[os.path.splitext(output)[1].lower()]
    if stdout_is_terminal and output is None:
        return "text"
    if len(paths) == 1 and not paths[0].lower().endswith(CORPUS_SUFFIXES):
        return "json"
    return "jsonl"


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(
        metavar="PATH", help="Files to read: .txt, .html or .jsonl (one document a line).")],
    output_format: Annotated[str | None, typer.Option(
        "--format", "-f", metavar="|".join(FORMATS),
        help="Output format. Default: text on a terminal; piped, json for one document, jsonl otherwise.",
    )] = None,
    dct: Annotated[str | None, typer.Option(
        "--dct", metavar="YYYY-MM-DD",
        help="Publication date of every input, used to resolve 'hier', 'cette année'…",
    )] = None,
    language: Annotated[str | None, typer.Option(
        "--language", metavar="CODE",
        help="Language of every input (ISO 639-1, e.g. fr); default: detected per document.",
    )] = None,
    all_events: Annotated[bool, typer.Option(
        "--all-events",
        help="List every event in the text, csv, html and timelinejs views, not only what happened "
             "(factual occurrences). json and jsonl always keep every event.",
    )] = False,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="FILE",
        help="Write to FILE instead of stdout: jsonl one whole line per document as it is analysed, "
             "other formats all at once when the run ends. An existing non-empty FILE is never overwritten.",
    )] = None,
    resume: Annotated[bool, typer.Option(
        "--resume",
        help="With --format jsonl --output FILE: keep the documents FILE holds (a half-written last line "
             "is cut off) and analyse and append only the others.",
    )] = False,
    workers: Annotated[int, typer.Option(
        "--workers", "-w", metavar="N", help="Analyse in N processes, each loading the model once; order is kept.",
    )] = 1,
) -> None:
    """Analyse documents and write one analysis per document to stdout (or to --output FILE)."""
    fmt = output_format or default_format(paths, sys.stdout.isatty(), output)
    if fmt not in FORMATS:
        raise UsageProblem(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if fmt in SINGLE_DOCUMENT and len(paths) > 1:
        raise UsageProblem(f"--format {fmt} writes a single document; use --format jsonl for several inputs")
    if workers < 1:
        raise UsageProblem(f"--workers must be at least 1, got {workers}")
    if resume and (output is None or fmt != "jsonl"):
        raise UsageProblem("--resume finishes a JSONL file: use it with --format jsonl --output FILE")
    progress = Progress()
    # A corpus file holds an unknown number of documents until it has been read to the end.
    total = None if any(path.lower().endswith(CORPUS_SUFFIXES) for path in paths) else len(paths)
    # Imported on use, so that `--version` and `eval` do not pay for the ingestion stack.
    from annales.ingest.read import read_inputs

    try:
        items = read_inputs(paths, dct, language)
    except InputError as exc:  # raised, not yielded: the options themselves are wrong (a bad --dct)
        raise UsageProblem(str(exc)) from exc
    if fmt in SINGLE_DOCUMENT:
        items = _at_most_one(items, fmt)
    write = get_writer(fmt, ExportOptions(all_events=all_events))
    if output is not None:
        _run_to_file(items, write, progress, output, fmt=fmt, resume=resume, workers=workers, paths=paths,
                     total=total)
    else:
        with _stoppable(lambda: interrupted_summary(progress, total),
                        lambda: EXIT_FAILED if progress.failures else 0):
            _run(items, write, progress, workers)
    raise typer.Exit(EXIT_FAILED if progress.failures else 0)


@eval_app.command("timeml")
def eval_timeml(
    directory: Annotated[str, typer.Argument(metavar="DIR", help="A folder of TimeML (.tml) documents.")],
    errors: Annotated[bool, typer.Option(
        "--errors", help="List every mismatch, not only the scores.")] = False,
    which_half: Annotated[str | None, typer.Option(
        "--half", metavar="a|b", help="Only the first (a) or second (b) half of the files, in name order.")] = None,
    events: Annotated[bool, typer.Option(
        "--events", help="Also score the events (EVENT extents) and their dates (TLINKs to dates).")] = False,
) -> None:
    """Score the time engine on a TimeML corpus (e.g. French TimeBank)."""
    if which_half not in (None, "a", "b"):
        raise UsageProblem(f"--half takes a or b, got {which_half!r}")
    with _stoppable():
        from annales.eval import timeml

        status = timeml.main(directory, errors=errors, out=cast(TextIO, _TerminalText(sys.stdout)),
                             which_half=which_half, events=events)
    raise typer.Exit(status)


@eval_app.command("hipe")
def eval_hipe(
    path: Annotated[str, typer.Argument(metavar="FILE.tsv", help="A HIPE named-entity file (TSV).")],
    predictions: Annotated[str | None, typer.Option(
        "--predictions", metavar="OUT.tsv", help="Also write our predictions in the same format.")] = None,
    errors: Annotated[bool, typer.Option(
        "--errors", help="List every boundary error, type error, miss and false positive.")] = False,
    which_half: Annotated[str | None, typer.Option(
        "--half", metavar="a|b", help="Only the first (a) or second (b) half of the documents, in id order.")] = None,
) -> None:
    """Score the entity layer on HIPE named-entity gold (strict and fuzzy micro P/R/F1 per type)."""
    if which_half not in (None, "a", "b"):
        raise UsageProblem(f"--half takes a or b, got {which_half!r}")
    with _stoppable():
        from annales.eval import hipe

        status = hipe.main(path, predictions=predictions, out=cast(TextIO, _TerminalText(sys.stdout)),
                           errors=errors, which_half=which_half)
    raise typer.Exit(status)


# `annales corpus …`: thin wrappers over annales.corpus; each opens the store, runs one query, prints.

CorpusPath = Annotated[str, typer.Argument(metavar="CORPUS.db", help="The corpus store (an SQLite file).")]
PersonOption = Annotated[str | None, typer.Option("--person", metavar="NAME", help="Only what names this person.")]
PlaceOption = Annotated[str | None, typer.Option("--place", metavar="NAME", help="Only what names this place.")]
FromOption = Annotated[str | None, typer.Option("--from", metavar="YYYY", help="Only dates from this year on.")]
ToOption = Annotated[str | None, typer.Option("--to", metavar="YYYY", help="Only dates up to this year.")]


@contextmanager
def _corpus(path: str, *, create: bool = False) -> Iterator[sqlite3.Connection]:
    """The store open, its problems as one-line errors (status 1), Ctrl-C and `| head` handled."""
    from annales.corpus import StoreError, open_store

    try:
        conn = open_store(path, create=create)
    except StoreError as exc:
        raise AnnalesError(str(exc)) from exc
    try:
        with _stoppable():
            yield conn
    finally:
        conn.close()


def _corpus_filters(person: str | None, place: str | None, from_date: str | None, to_date: str | None) -> Filters:
    from annales.corpus.filters import FilterError, Filters

    try:
        return Filters.parse(person, place, from_date, to_date)
    except FilterError as exc:
        raise UsageProblem(str(exc)) from exc


@corpus_app.command("add")
def corpus_add(
    store: CorpusPath,
    paths: Annotated[list[str], typer.Argument(metavar="PATH", help="Files (.txt, .html, .jsonl) and folders.")],
    workers: Annotated[int, typer.Option("--workers", "-w", metavar="N",
                                         help="Analyse in N processes (or Ray actors), each loading the model.")] = 1,
    dct: Annotated[str | None, typer.Option("--dct", metavar="YYYY-MM-DD",
                                            help="Publication date of every input.")] = None,
    language: Annotated[str | None, typer.Option("--language", metavar="CODE",
                                                 help="Language of every input (ISO 639-1).")] = None,
    engine: Annotated[str, typer.Option("--engine", metavar="local|ray",
                                        help="Where the analysis runs: local processes, or Ray Data "
                                             "(pip install 'annales[ray]'; RAY_ADDRESS for a cluster).")] = "local",
) -> None:
    """Analyse documents into the store: new ones added, changed ones replaced, unchanged ones skipped."""
    import time

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from annales.corpus.ingest.add import AddSummary, add, count_documents, expand_paths
    from annales.runners import EngineError, get_engine

    if workers < 1:
        raise UsageProblem(f"--workers must be at least 1, got {workers}")
    try:
        get_engine(engine)  # before the store is created: an engine that cannot run leaves no file behind
    except EngineError as exc:
        raise UsageProblem(str(exc)) from exc
    summary = AddSummary()
    started = time.monotonic()
    files = expand_paths(paths)
    console = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]} documents/s"), TextColumn("ETA"), TimeRemainingColumn())
    with _corpus(store, create=True) as conn, Progress(*columns, console=console, disable=not console.is_terminal,
                                                       transient=True) as bar:
        with _stoppable(lambda: f"{summary.line()} (last: {summary.last or 'none'})"):
            task = bar.add_task("corpus add", total=count_documents(files), rate="-")

            def advance(status: str, doc_id: str) -> None:
                elapsed = time.monotonic() - started
                bar.update(task, advance=1, rate=f"{summary.done / elapsed:.2f}" if elapsed else "-")

            try:
                add(conn, files, workers=workers, dct=dct, language=language, summary=summary,
                    on_document=advance, on_error=_error, engine=engine)
            except InputError as exc:  # a bad --dct or --language, before anything is read
                raise UsageProblem(str(exc)) from exc
    elapsed = time.monotonic() - started
    rate = summary.done / elapsed if elapsed else 0.0
    documents = f"{summary.done} document{'s' if summary.done != 1 else ''}"
    _say("corpus", f"{summary.line()}; {documents} in {elapsed:.1f} s ({rate:.2f} documents/s)")
    if summary.failures and summary.done > 1:
        _error(f"{len(summary.failures)} of {summary.done} documents failed: " + "; ".join(summary.failures))
    raise typer.Exit(EXIT_FAILED if summary.failures else 0)


@corpus_app.command("search")
def corpus_search(
    store: CorpusPath,
    query: Annotated[str, typer.Argument(metavar="QUERY", help='Words (all must appear), "phrases", prefix*.')],
    person: PersonOption = None, place: PlaceOption = None, from_date: FromOption = None, to_date: ToOption = None,
    limit: Annotated[int, typer.Option("--limit", metavar="N", help="At most N passages.")] = 50,
) -> None:
    """Passages (sentences) that match, with their document and dates."""
    from annales.corpus import render
    from annales.corpus.search import search

    filters = _corpus_filters(person, place, from_date, to_date)
    with _corpus(store) as conn:
        render.passages(search(conn, query, filters, limit), sys.stdout)


@corpus_app.command("timeline")
def corpus_timeline(
    store: CorpusPath,
    person: PersonOption = None, place: PlaceOption = None, from_date: FromOption = None, to_date: ToOption = None,
    output_format: Annotated[str, typer.Option("--format", "-f", metavar="text|csv|timelinejs",
                                               help="Output format.")] = "text",
) -> None:
    """Every dated happening of the corpus in time order, with its document and passage."""
    from annales.corpus import render
    from annales.corpus.timeline import timeline

    if output_format not in render.TIMELINE_FORMATS:
        raise UsageProblem(f"unknown format {output_format!r}; choose one of: {', '.join(render.TIMELINE_FORMATS)}")
    filters = _corpus_filters(person, place, from_date, to_date)
    with _corpus(store) as conn:
        render.happenings(timeline(conn, filters), output_format, sys.stdout)


def _corpus_groups(store: str, kind: str) -> None:
    from annales.corpus import render
    from annales.corpus.people import groups

    with _corpus(store) as conn:
        render.groups(groups(conn, kind), sys.stdout)


@corpus_app.command("people")
def corpus_people(store: CorpusPath) -> None:
    """The persons of the corpus, the most widely mentioned first."""
    _corpus_groups(store, "people")


@corpus_app.command("places")
def corpus_places(store: CorpusPath) -> None:
    """The places of the corpus, the most widely mentioned first."""
    _corpus_groups(store, "places")


@corpus_app.command("units")
def corpus_units(store: CorpusPath) -> None:
    """The military units of the corpus, the most widely mentioned first."""
    _corpus_groups(store, "units")


@corpus_app.command("show")
def corpus_show(
    store: CorpusPath,
    entity: Annotated[str, typer.Argument(metavar="ENTITY", help="A name, as written in a document.")],
) -> None:
    """One entity across the corpus: names and aliases, ranks by date, documents, happenings."""
    from annales.corpus import render
    from annales.corpus.people import find, profile

    with _corpus(store) as conn:
        found = find(conn, entity)
        if not found:
            raise AnnalesError(f"no entity named {entity!r} in {store}")
        for number, group in enumerate(found):
            if number:
                sys.stdout.write("\n")
            render.profile(profile(conn, group), sys.stdout)


def _one_group(conn: sqlite3.Connection, entity: str, store: str) -> int:
    """The group a name or "#N" stands for; several or none is the user's problem to settle."""
    from annales.corpus.people import find

    found = find(conn, entity)
    if not found:
        raise AnnalesError(f"no entity named {entity!r} in {store}")
    if len(found) > 1:
        choices = ", ".join(f"#{g.corpus_entity} {g.name} ({g.documents} doc.)" for g in found[:10])
        raise UsageProblem(f"{entity!r} names {len(found)} entities: {choices}; give one as #N")
    return found[0].corpus_entity


@corpus_app.command("merge")
def corpus_merge(
    store: CorpusPath,
    first: Annotated[str, typer.Argument(metavar="ENTITY", help="A name or #N (as `corpus people` lists).")],
    second: Annotated[str, typer.Argument(metavar="ENTITY", help="The entity to merge into the first.")],
) -> None:
    """Say that two entities of the corpus are one person (place, unit...); kept when documents are added again."""
    from annales.corpus.corrections import merge

    with _corpus(store) as conn:
        a, b = _one_group(conn, first, store), _one_group(conn, second, store)
        merge(conn, a, b)  # a CorrectionError is an AnnalesError: one line, status 1
        _say("corpus", f"merged #{b} into #{a}")


@corpus_app.command("split")
def corpus_split(
    store: CorpusPath,
    entity: Annotated[str, typer.Argument(metavar="ENTITY", help="A name or #N (as `corpus people` lists).")],
    document: Annotated[str, typer.Option("--document", "-d", metavar="ID",
                                          help="The document whose mention is someone else.")],
) -> None:
    """Say that a document's mention is not the entity it was grouped with; kept when documents are added again."""
    from annales.corpus.corrections import split

    with _corpus(store) as conn:
        group = _one_group(conn, entity, store)
        split(conn, group, document)  # a CorrectionError is an AnnalesError: one line, status 1
        _say("corpus", f"took {document}'s mention out of #{group}")


@corpus_app.command("findings")
def corpus_findings(
    store: CorpusPath,
    kind: Annotated[str | None, typer.Option("--kind", metavar="KIND", help="Only findings of this kind.")] = None,
) -> None:
    """The findings of the corpus, each with its evidence."""
    from annales.corpus import render
    from annales.corpus.findings import findings

    with _corpus(store) as conn:
        render.findings(findings(conn, kind), sys.stdout)


@corpus_app.command("export")
def corpus_export(
    store: CorpusPath,
    output_format: Annotated[str, typer.Option(
        "--format", "-f", metavar="jsonl|csv|teicorpus|jsonld",
        help="jsonl: the analyses; csv: one row per event; teicorpus: one TEI teiCorpus, a TEI per document; "
             "jsonld: schema.org JSON-LD with each claim's source passage.")] = "jsonl",
) -> None:
    """The whole corpus on stdout."""
    from annales.corpus.export import FORMATS, export

    if output_format not in FORMATS:
        raise UsageProblem(f"unknown format {output_format!r}; choose one of: {', '.join(FORMATS)}")
    failures: list[str] = []

    def failed(message: str) -> None:
        failures.append(message)
        _error(message)

    with _corpus(store) as conn:
        export(conn, output_format, cast(TextIO, _WholeWrites(sys.stdout)), failed)
    raise typer.Exit(EXIT_FAILED if failures else 0)


@app.command()
def serve(
    store: Annotated[str | None, typer.Argument(metavar="CORPUS.db",
                                                help="The corpus store; a new temporary one when omitted.")] = None,
    port: Annotated[int, typer.Option("--port", metavar="PORT", help="The port to listen on.")] = 8000,
    host: Annotated[str, typer.Option("--host", metavar="HOST",
                                      help="The address to listen on (other machines reach it unless 127.0.0.1).")
                    ] = "127.0.0.1",
) -> None:
    """A local web workbench over a corpus store: add texts, read them annotated, timeline, map, graph, search."""
    import socket
    import tempfile

    import uvicorn

    from annales.corpus import StoreError
    from annales.web.app import LOOPBACK, create_app

    if not 0 < port < 65536:
        raise UsageProblem(f"--port must be between 1 and 65535, got {port}")
    if host not in LOOPBACK:
        _warning(f"listening on {host}: anyone who can reach this address can read and add to the corpus")
    temporary = None
    if store is None:
        temporary = tempfile.TemporaryDirectory(prefix="annales-serve-")
        store = os.path.join(temporary.name, "corpus.db")
    try:
        application = create_app(store, loopback_only=host in LOOPBACK)
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except StoreError as exc:
        raise AnnalesError(str(exc)) from exc
    except OSError as exc:
        raise AnnalesError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    shown = f"[{host}]" if ":" in host else host
    _say("serve", f"http://{shown}:{port}/ over {store}" + (" (temporary)" if temporary else "") + "; Ctrl-C stops")
    try:
        uvicorn.run(application, host=host, port=port, log_level="warning")
    finally:
        if temporary is not None:
            temporary.cleanup()


def _at_most_one(items: Iterable[SourceDocument | InputError], fmt: str = "json"
                 ) -> Iterator[SourceDocument | InputError]:
    # Looks one document ahead, so that nothing is written before the refusal.
    head = list(islice(iter(items), 2))
    if len(head) > 1:
        raise UsageProblem(f"--format {fmt} writes a single document but the input holds several; "
                           "use --format jsonl")
    yield from head


def _run(items: Iterable[SourceDocument | InputError], write: Writer, progress: Progress, workers: int = 1,
         out: TextIO | None = None) -> Progress:
    """The batch on stdout (or `out`), each failure reported at once; when more than one document
    was given, the failures are listed again at the end."""
    out = out if out is not None else cast(TextIO, _WholeWrites(sys.stdout))
    run_batch(_usable(items), write, out, progress=progress, on_error=_error, on_warning=_warning, workers=workers)
    if progress.failures and progress.seen > 1:
        _error(f"{len(progress.failures)} of {progress.seen} documents failed: " + "; ".join(progress.failures))
    return progress


def _run_to_file(items: Iterable[SourceDocument | InputError], write: Writer, progress: Progress, path: str, *,
                 fmt: str, resume: bool, workers: int, paths: list[str], total: int | None) -> None:
    """`analyze --output FILE`: jsonl appended a whole line at a time (resumable), other formats
    renamed into place at the end (see annales.outfile)."""
    from annales.outfile import JsonlOutput, OutputError, ReplacedOutput, check_target

    try:
        check_target(path, paths)
        target: JsonlOutput | ReplacedOutput = JsonlOutput(path, resume=resume) if fmt == "jsonl" \
            else ReplacedOutput(path)
    except OutputError as exc:
        raise UsageProblem(str(exc)) from exc
    if isinstance(target, ReplacedOutput):
        done = False
        try:
            with _stoppable(lambda: unwritten_summary(progress, total, path)):
                _run(items, write, progress, workers, cast(TextIO, target))
            if progress.written:
                target.commit()
                done = True
        except OSError as exc:  # a full disk, a folder removed: what the run did is lost, never half written
            raise AnnalesError(f"{path}: cannot be written ({exc.strerror or exc}); "
                               f"{unwritten_summary(progress, total, path)}") from exc
        finally:
            if not done:
                target.discard()
        _say("output", f"{_documents(progress.written)} written to {path}" if progress.written
             else f"nothing written to {path}")
        return
    repaired = target.repaired
    if repaired.cut:
        _warning(f"{path}: cut off a half-written last line ({repaired.cut} bytes); that document is analysed again")
    # Documents of a file are named by their path: those the file holds are not counted as to do.
    left = None if total is None else len(dict.fromkeys(paths)) - len(repaired.ids.intersection(paths))
    try:
        with _stoppable(lambda: resumable_summary(progress, left, path, repaired.lines)):
            _run(_not_written(items, repaired.ids, progress), write, progress, workers, cast(TextIO, target))
    except OSError as exc:  # a full disk: the lines written stay, a half line is cut by --resume
        raise AnnalesError(f"{path}: cannot be written ({exc.strerror or exc}); "
                           f"{resumable_summary(progress, left, path, repaired.lines)}") from exc
    finally:
        target.close()
    already = f", {repaired.lines} there already" if repaired.lines else ""
    _say("output", f"{_documents(progress.written)} written to {path}{already}")


def _not_written(items: Iterable[SourceDocument | InputError], written: set[str], progress: Progress
                 ) -> Iterator[SourceDocument | InputError]:
    """The documents whose id the output does not hold yet. An id given twice in one run is
    analysed and written once: in a resumable file an id names one line."""
    queued = set(written)
    for item in items:
        if isinstance(item, SourceDocument):
            if item.id in queued:
                if item.id not in written:
                    _warning(f"{item.id}: given twice; written once")
                progress.skipped += 1
                continue
            queued.add(item.id)
        yield item


def _documents(count: int) -> str:
    return f"{count} document{'s' if count != 1 else ''}"


def resumable_summary(progress: Progress, left: int | None, path: str, already: int) -> str:
    """"3 of 18 documents written to out.jsonl, 1 failed (12 there already; last: c.txt); --resume
    finishes it": `left` counts the documents this run had to write, when known."""
    written = progress.written
    text = f"{written} of {_documents(left)}" if left is not None else _documents(written)
    text += f" written to {path}"
    if progress.failures:
        text += f", {len(progress.failures)} failed"
    notes = [f"{already} there already"] if already else []
    if progress.last_written is not None:
        notes.append(f"last: {progress.last_written}")
    if notes:
        text += f" ({'; '.join(notes)})"
    return text + "; --resume finishes it"


def unwritten_summary(progress: Progress, total: int | None, path: str) -> str:
    """"3 of 5 documents analysed; out.csv not written": a file written at the end is all or nothing."""
    done = progress.written
    text = f"{done} of {_documents(total)} analysed" if total is not None else f"{_documents(done)} analysed"
    if progress.failures:
        text += f", {len(progress.failures)} failed"
    return text + f"; {path} not written"


def _usable(items: Iterable[SourceDocument | InputError]) -> Iterator[SourceDocument | InputError]:
    """The inputs; an InputError raised (not yielded) while reading makes the whole run unusable."""
    try:
        yield from items
    except UsageProblem:
        raise
    except InputError as exc:
        raise UsageProblem(str(exc)) from exc


def main(argv: list[str] | None = None) -> None:
    """Console entry point: runs the command and exits with its status, never with a traceback."""
    command = typer.main.get_command(app)
    try:
        status = command.main(args=argv, prog_name=PROG, standalone_mode=False)
    except UsageProblem as exc:
        _error(str(exc))
        status = EXIT_USAGE
    except AnnalesError as exc:
        _error(str(exc))
        status = EXIT_FAILED
    except Interrupted as exc:
        _say_interrupted(str(exc))
        status = EXIT_INTERRUPTED
    except KeyboardInterrupt:  # while the command line itself was being read
        _say_interrupted("")
        status = EXIT_INTERRUPTED
    except PipeClosed as exc:
        _silence_broken_pipe()
        status = exc.status
    except typer.TyperException as exc:  # click's usage errors: bad option, missing argument…
        # Typer ships its own copy of click, so the help is recognised by name. Any other message
        # is one line, even when it quotes an argument that holds a newline.
        if type(exc).__name__ == "NoArgsIsHelpError":  # a bare `annales` or `annales eval`
            sys.stderr.write(for_terminal(exc.format_message(), keep="\n\t") + "\n")
        else:
            _error(exc.format_message())
        status = getattr(exc, "exit_code", EXIT_USAGE)
    except typer.Abort:
        status = EXIT_FAILED
    except Exception as exc:  # last resort: a bug outside any document
        _error(f"internal error: {type(exc).__name__}: {exc}")
        status = EXIT_FAILED
    try:
        # Output still buffered (`--version`, an eval report) meets a closed pipe here, not at
        # exit, where Python would print "Exception ignored".
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_broken_pipe()
    sys.exit(status if isinstance(status, int) else 0)


def _say_interrupted(summary: str) -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\n")  # the terminal has echoed ^C without ending the line
    _say("interrupted", summary)


def _silence_broken_pipe() -> None:
    """Send whatever is still buffered for a reader that has gone to /dev/null, so that the flush
    at exit neither fails nor prints "Exception ignored"."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BrokenPipeError:
                os.dup2(devnull, stream.fileno())
    finally:
        os.close(devnull)
