"""The JSON contract (`schema: annales/1`) of one analysis, indented for reading.

`dumps` is the one JSON encoder of the exporters (json, jsonl, timelinejs). It writes French as
it is (no `\\u00e9`), but escapes, besides what JSON requires, the characters a terminal would act
on (DEL, C1 controls, bidi overrides, line and paragraph separators) and lone surrogates, which
no UTF-8 stream can carry (a JSON input can hold them, escaped the same way). A JSON reader gives
back exactly the text that was analysed.
"""

from __future__ import annotations

import json
import re
from typing import Any, TextIO

from annales.export.options import DEFAULT_OPTIONS, ExportOptions
from annales.model import Analysis

# json.dumps already escapes C0 controls. Outside string literals the output is ASCII, so every
# match lies inside a string, where a \\uXXXX escape means the same character.
_ESCAPED = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def dumps(data: Any, indent: int | None = None) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _ESCAPED.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


# The contract keeps every event, whatever the options: it is the analysis, not a view of it.
def write(analysis: Analysis, stream: TextIO, options: ExportOptions = DEFAULT_OPTIONS) -> None:
    stream.write(dumps(analysis.to_dict(), indent=2) + "\n")
