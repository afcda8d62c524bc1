"""The JSON contract on one line per document, so a corpus can be streamed and split by line."""

from __future__ import annotations

from typing import TextIO

from annales.export.json import dumps
from annales.export.options import DEFAULT_OPTIONS, ExportOptions
from annales.model import Analysis


def write(analysis: Analysis, stream: TextIO, options: ExportOptions = DEFAULT_OPTIONS) -> None:
    # Every event, whatever the options: the contract is the analysis, not a view of it.
    # dumps escapes newlines (and U+2028/U+2029) inside strings, so each document stays on exactly
    # one line; one write, so the line is never split between two writes.
    stream.write(dumps(analysis.to_dict()) + "\n")
