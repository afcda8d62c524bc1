"""Analyses already made (`annales analyze --format jsonl`, later the cluster runner's shards),
loaded into the store as they are, without analysing their text again.

A `.jsonl` file is one of analyses when its first record carries `schema` ("annales/2"); each line
is then read back through `Analysis.from_dict`, so the store only ever holds the contract. A bad
line, or one of another schema, is one error naming `file:line`; the other lines go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annales.ingest.read import JSONL_SUFFIXES
from annales.model import SCHEMA, Analysis


def is_analyses_file(path: str) -> bool:
    """A .jsonl file whose first non-blank line is a JSON object with a `schema` field."""
    if Path(path).suffix.lower() not in JSONL_SUFFIXES:
        return False
    try:
        with open(path, "rb") as lines:
            for line in lines:
                if line.strip():
                    record = json.loads(line)
                    return isinstance(record, dict) and "schema" in record
    except (OSError, ValueError):
        return False  # the document reader reports what is wrong with it
    return False


def read_analyses(path: str) -> Iterator[tuple[str, dict[str, Any] | None, str | None]]:
    """(id, analysis dict, None) per good line, ("", None, error) per bad one."""
    try:
        with open(path, "rb") as lines:
            for number, raw in enumerate(lines, 1):
                if not raw.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    record = json.loads(raw)
                except ValueError as exc:
                    yield "", None, f"{where}: not JSON ({exc})"
                    continue
                if not isinstance(record, dict) or record.get("schema") != SCHEMA:
                    schema = record.get("schema") if isinstance(record, dict) else None
                    yield "", None, f"{where}: an analysis of schema {SCHEMA!r} is expected, got {schema!r}"
                    continue
                try:
                    data = Analysis.from_dict(record).to_dict()
                except Exception as exc:  # any malformed field: this line alone is refused
                    yield "", None, f"{where}: not a readable analysis ({type(exc).__name__}: {exc})"
                    continue
                yield data["id"], data, None
    except OSError as exc:
        yield "", None, f"{path}: cannot be read ({exc.strerror or exc})"
