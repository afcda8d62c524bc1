"""The `annales` command line: parses options, calls the library, reports errors on one line.

Every failure reaches the user as `annales: error: …` on stderr and a non-zero exit status:
1 when a document could not be read or analysed, 2 for a usage error. No traceback is shown.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Annotated

import typer

from annales import __version__
from annales.batch import Progress, Writer, run_batch
from annales.errors import AnnalesError, InputError
from annales.export import FORMATS, SINGLE_DOCUMENT, get_writer
from annales.model import SourceDocument

PROG = "annales"
EXIT_FAILED = 1
EXIT_USAGE = 2
CORPUS_SUFFIXES = (".jsonl", ".ndjson")  # files that may hold several documents

app = typer.Typer(name=PROG, add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Read French historical narrative and turn it into a source-linked chronology.")
eval_app = typer.Typer(no_args_is_help=True, help="Measure annales against annotated corpora.")
app.add_typer(eval_app, name="eval")


class UsageProblem(AnnalesError):
    """A command line that cannot be carried out as given (exit status 2)."""


def _error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr, flush=True)


def _warning(message: str) -> None:
    print(f"{PROG}: warning: {message}", file=sys.stderr, flush=True)


def _version(value: bool) -> None:
    if value:
        print(f"{PROG} {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Read French historical narrative and turn it into a source-linked chronology."""


def default_format(paths: list[str], stdout_is_terminal: bool) -> str:
    """text on a terminal; when piped, json for one plain document and jsonl otherwise.

    Decided from the command line alone, before anything is read, so output can stream.
    """
    if stdout_is_terminal:
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
) -> None:
    """Analyse documents and write one analysis per document to stdout."""
    fmt = output_format or default_format(paths, sys.stdout.isatty())
    if fmt not in FORMATS:
        raise UsageProblem(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if fmt in SINGLE_DOCUMENT and len(paths) > 1:
        raise UsageProblem(f"--format {fmt} writes a single document; use --format jsonl for several inputs")
    # Imported on use, so that `--version` and `eval` do not pay for the ingestion stack.
    from annales.ingest.read import read_inputs

    try:
        items = read_inputs(paths, dct, language)
    except InputError as exc:  # raised, not yielded: the options themselves are wrong (a bad --dct)
        raise UsageProblem(str(exc)) from exc
    if fmt in SINGLE_DOCUMENT:
        items = _at_most_one(items, fmt)
    progress = _run(items, get_writer(fmt))
    raise typer.Exit(EXIT_FAILED if progress.failures else 0)


@eval_app.command("timeml")
def eval_timeml(
    directory: Annotated[str, typer.Argument(metavar="DIR", help="A folder of TimeML (.tml) documents.")],
    errors: Annotated[bool, typer.Option(
        "--errors", help="List every mismatch, not only the scores.")] = False,
) -> None:
    """Score the time engine on a TimeML corpus (e.g. French TimeBank)."""
    from annales.eval import timeml

    raise typer.Exit(timeml.main(directory, errors=errors, out=sys.stdout))


@eval_app.command("hipe")
def eval_hipe(
    path: Annotated[str, typer.Argument(metavar="FILE.tsv", help="A HIPE named-entity file (TSV).")],
    predictions: Annotated[str | None, typer.Option(
        "--predictions", metavar="OUT.tsv", help="Also write our predictions in the same format.")] = None,
) -> None:
    """Score the entity layer on HIPE named-entity gold (strict and fuzzy micro P/R/F1 per type)."""
    from annales.eval import hipe

    raise typer.Exit(hipe.main(path, predictions=predictions, out=sys.stdout))


def _at_most_one(items: Iterable[SourceDocument | InputError], fmt: str = "json"
                 ) -> Iterator[SourceDocument | InputError]:
    # Looks one document ahead, so that nothing is written before the refusal.
    head = list(islice(iter(items), 2))
    if len(head) > 1:
        raise UsageProblem(f"--format {fmt} writes a single document but the input holds several; "
                           "use --format jsonl")
    yield from head


def _run(items: Iterable[SourceDocument | InputError], write: Writer) -> Progress:
    """The batch on stdout, each failure reported at once; when more than one document was
    given, the failures are listed again at the end."""
    progress = run_batch(_usable(items), write, sys.stdout, on_error=_error, on_warning=_warning)
    if progress.failures and progress.seen > 1:
        _error(f"{len(progress.failures)} of {progress.seen} documents failed: " + "; ".join(progress.failures))
    return progress


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
    except typer.TyperException as exc:  # click's usage errors: bad option, missing argument…
        message = exc.format_message()
        if "\n" in message:  # a bare `annales` shows the help
            sys.stderr.write(message + "\n")
        else:
            _error(message)
        status = getattr(exc, "exit_code", EXIT_USAGE)
    except typer.Abort:
        status = EXIT_FAILED
    except BrokenPipeError:
        # The reader stopped early (`| head`): not an error; silence the flush at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 0
    except Exception as exc:  # last resort: a bug outside any document
        _error(f"internal error: {type(exc).__name__}: {exc}")
        status = EXIT_FAILED
    sys.exit(status if isinstance(status, int) else 0)
