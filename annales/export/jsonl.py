"""The JSON contract on one line per document, so a corpus can be streamed and split by line."""

from __future__ import annotations

import json
from typing import TextIO

from annales.model import Analysis


def write(analysis: Analysis, stream: TextIO) -> None:
    # json.dumps escapes newlines inside strings, so each document stays on exactly one line.
    stream.write(json.dumps(analysis.to_dict(), ensure_ascii=False))
    stream.write("\n")
