"""Documents from a JSON Lines corpus: one object per line with `id`, `text` or `html`.

A bad line becomes an InputError naming `file:line`, and the other lines go on. Each line is
decoded on its own (`annales.ingest.decode.decode_lines`), so a line in a legacy encoding neither
garbles the others nor is garbled by them, and a line no encoding reads fails alone. A NUL the
record writes as `\\u0000` in its text does not make it binary: the record is read, with each NUL
as U+FFFD (see `decode`) and a warning. A raw NUL byte in a line is bad JSON for that line alone.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator

from annales.errors import InputError
from annales.ingest.decode import Line, replace_lone_surrogates, replace_nuls
from annales.ingest.html import extract_html
from annales.model import Dct, Source, SourceDocument, valid_iso_date


def _document(record: object, where: str, path: str, line: Line) -> SourceDocument:
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
    sha = hashlib.sha256(line.raw).hexdigest()  # this record's bytes, as stored
    source = Source(path=path, sha256=sha, encoding=line.encoding, media_type=media_type)
    warnings = list(line.warnings)
    text, nuls, first = replace_nuls(text)
    if nuls:
        warnings.append(f"{nuls} NUL {'character' if nuls == 1 else 'characters'} read as U+FFFD "
                        f"(first at offset {first} of the text)")
    # JSON may escape half a surrogate pair ("\ud800"): no character, and no encoder or parser takes it.
    text, halves, first = replace_lone_surrogates(text)
    if halves:
        warnings.append(f"{halves} lone surrogate {'code point' if halves == 1 else 'code points'} read as "
                        f"U+FFFD (first at offset {first} of the text)")
    return SourceDocument(id=doc_id, text=text, source=source, dct=dct, metadata=metadata, language=language,
                          warnings=warnings)


def read_jsonl(path: str, lines: Iterable[Line]) -> Iterator[SourceDocument | InputError]:
    """One document or one InputError per non-blank line of `lines` (see `decode_lines`)."""
    for line in lines:
        where = f"{path}:{line.number}"
        if line.text is None:
            yield InputError(f"{where}: {line.problem}")
            continue
        # Blank after decoding, not only as bytes: a line of no-break spaces holds no record either.
        if not line.text.strip():
            continue
        try:
            record = json.loads(line.text)
        except json.JSONDecodeError as exc:
            # Some messages end in " at" themselves ("Invalid control character at").
            yield InputError(f"{where}: bad JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})")
            continue
        try:
            yield _document(record, where, path, line)
        except InputError as error:
            yield error
