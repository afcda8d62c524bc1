"""The JSON contract (`schema: annales/1`) of one analysis, indented for reading."""

from __future__ import annotations

import json
from typing import TextIO

from annales.model import Analysis


def write(analysis: Analysis, stream: TextIO) -> None:
    json.dump(analysis.to_dict(), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
