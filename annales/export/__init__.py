"""Exporters: one module per output format, each exposing `write(analysis, stream) -> None`.

A new format is one new module and one line in `FORMATS`; the command line offers whatever
is listed here.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TextIO

from annales.model import Analysis

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


def get_writer(name: str) -> Writer:
    """The `write` function of format `name`; KeyError names the known formats."""
    if name not in FORMATS:
        raise KeyError(f"unknown format {name!r} (known: {', '.join(FORMATS)})")
    return import_module(FORMATS[name]).write

