"""Documents from a JSON Lines corpus: one object per line with `id`, `text` or `html`.

A bad line becomes an InputError naming `file:line`, and the other lines go on.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator

from annales.errors import InputError
from annales.ingest.html import extract_html
from annales.model import Dct, Source, SourceDocument, valid_iso_date


def _document(record: object, where: str, path: str, encoding: str, raw_line: str) -> SourceDocument:
    if not isinstance(record, dict):
        raise InputError(f"{where}: a JSON object is expected, got {type(record).__name__}")
    text, html = record.get("text"), record.get("html")
    metadata = {key: str(record[key]) for key in ("title", "url") if record.get(key) is not None}
    metadata["line"] = where.rsplit(":", 1)[1]
    media_type = "text/plain"
    dct: Dct | None = None
    if isinstance(text, str) and text.strip():
        pass
    elif isinstance(html, str) and html.strip():
        content = extract_html(html)
        if content is None:
            raise InputError(f"{where}: the 'html' field has no main text")
        text, media_type = content.text, "text/html"
        metadata = {**content.metadata, **metadata}
        dct = Dct(content.date, "html-meta") if content.date else None
    else:
        raise InputError(f"{where}: no non-empty 'text' or 'html' field")
    if record.get("dct") is not None:
        value = valid_iso_date(record["dct"])
        if value is None:
            raise InputError(f"{where}: 'dct' must be a date YYYY-MM-DD, got {record['dct']!r}")
        dct = Dct(value, "jsonl")
    language = None
    if record.get("language") is not None:
        code = record["language"]
        if not isinstance(code, str) or not re.match(r"^[a-zA-Z]{2}$", code.strip()):
            raise InputError(f"{where}: 'language' must be a two-letter ISO 639-1 code, got {code!r}")
        language = code.strip().lower()
    identifier = record.get("id")
    doc_id = str(identifier) if identifier not in (None, "") else where
    sha = hashlib.sha256(raw_line.encode("utf-8")).hexdigest()  # this record's bytes, as stored
    source = Source(path=path, sha256=sha, encoding=encoding, media_type=media_type)
    return SourceDocument(id=doc_id, text=text, source=source, dct=dct, metadata=metadata, language=language)


def read_jsonl(path: str, content: str, encoding: str) -> Iterator[SourceDocument | InputError]:
    # Split on newlines only: str.splitlines() would also cut at U+2028, which JSON allows raw.
    for number, line in enumerate(content.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"{where}: bad JSON ({exc.msg} at column {exc.colno})")
            continue
        try:
            yield _document(record, where, path, encoding, line)
        except InputError as error:
            yield error
