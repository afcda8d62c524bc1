"""Exporters: one module per output format, each exposing
`write(analysis, stream, options: ExportOptions = DEFAULT_OPTIONS) -> None`.

A new format is one new module and one line in `FORMATS`; the command line offers whatever
is listed here. What the user asked of the output (`--all-events`) reaches every format the same
way: as the `options` of its `write`, bound by `get_writer`, so the batch writer calls every
format alike with an analysis and a stream.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from importlib import import_module
from typing import TextIO

from annales.export.options import DEFAULT_OPTIONS, ExportOptions
from annales.model import Analysis

__all__ = ["DEFAULT_OPTIONS", "FORMATS", "SINGLE_DOCUMENT", "ExportOptions", "Writer", "get_writer"]

Writer = Callable[[Analysis, TextIO], None]

FORMATS: dict[str, str] = {
    "json": "annales.export.json",    # one indented JSON object: the whole contract
    "jsonl": "annales.export.jsonl",  # one compact JSON object per line, one line per document
    "text": "annales.export.text",    # a readable chronology
    "tei": "annales.export.tei",      # TEI P5 XML: inline names, dates, figures, quotes; a standOff
    "timelinejs": "annales.export.timelinejs",  # TimelineJS3 JSON, one slide per dated event
    "csv": "annales.export.csv",      # one row per event (per date when there are no events)
    "html": "annales.export.html",    # one self-contained page: text, chronology, cast, findings
}


# Formats whose output is one whole document (a JSON object, an XML or HTML page, a timeline): they
# refuse a second document rather than write something no reader can open.
SINGLE_DOCUMENT: frozenset[str] = frozenset({"json", "tei", "html", "timelinejs"})


def get_writer(name: str, options: ExportOptions | None = None) -> Writer:
    """The `write` function of format `name`, with `options` bound when given (the function itself
    otherwise, which writes with the default options); KeyError names the known formats."""
    if name not in FORMATS:
        raise KeyError(f"unknown format {name!r} (known: {', '.join(FORMATS)})")
    write = import_module(FORMATS[name]).write
    return write if options is None else partial(write, options=options)

