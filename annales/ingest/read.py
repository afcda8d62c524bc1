"""Read input paths into documents: plain text, HTML pages and JSON Lines corpora.

`read_inputs` yields one SourceDocument per document, or one InputError per bad document, so
that a batch goes on past a bad file. Plain text is kept exactly as decoded (no newline or
Unicode normalisation), so offsets and the sha256 of the bytes describe the same file; the
only exception is a stray NUL byte, read as U+FFFD one for one (see `decode`). A JSON Lines file
is split into lines as bytes, before any decoding, so each line is decoded on its own.

MAX_BYTES bounds a file, a corpus of many documents included; one document is bounded by its
length in characters when it is analysed (`annales.backbone.MAX_CHARS`).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

from annales.errors import InputError
from annales.ingest.decode import Decoded, DecodeError, decode_lines, decode_text
from annales.ingest.html import extract_html
from annales.ingest.jsonl import read_jsonl
from annales.model import Dct, Source, SourceDocument, valid_iso_date

MAX_BYTES = 50 * 1024 * 1024
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})

Item = SourceDocument | InputError


_LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")


def parse_dct_option(value: str | None) -> Dct | None:
    """The `--dct` option as a Dct; raises InputError when it is not YYYY-MM-DD."""
    if value is None:
        return None
    iso = valid_iso_date(value.strip())
    if iso is None:
        raise InputError(f"--dct must be a real date written YYYY-MM-DD, got {value!r}")
    return Dct(iso, "option")


def parse_language(value: str | None, where: str = "--language") -> str | None:
    """An ISO 639-1 code in lower case; raises InputError for anything else."""
    if value is None:
        return None
    code = value.strip().lower() if isinstance(value, str) else value
    if not isinstance(code, str) or not _LANGUAGE_CODE.match(code):
        raise InputError(f"{where} must be a two-letter ISO 639-1 code such as fr, got {value!r}")
    return code


def _read_bytes(path: str) -> bytes:
    file = Path(path)
    if not file.exists():
        raise InputError(f"{path}: no such file")
    if file.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    if not file.is_file():
        raise InputError(f"{path}: not a regular file")
    size = os.stat(path).st_size
    if size > MAX_BYTES:
        megabytes, limit = size / 1024 / 1024, MAX_BYTES // 1024 // 1024
        raise InputError(f"{path}: file too large ({megabytes:.1f} MB, limit {limit} MB); split it")
    try:
        return file.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc


def _decode(path: str, raw: bytes) -> Decoded:
    try:
        decoded = decode_text(raw)
    except DecodeError as exc:
        raise InputError(f"{path}: {exc}") from exc
    if not decoded.text.strip():
        raise InputError(f"{path}: empty file (only whitespace)")
    return decoded


def _read_one(path: str) -> Iterator[Item]:
    raw = _read_bytes(path)
    if not raw.strip():
        raise InputError(f"{path}: empty file")
    suffix = Path(path).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        try:
            lines = decode_lines(raw)
            yield from read_jsonl(path, lines)
        except DecodeError as exc:  # raised before the first line: the file as a whole cannot be read
            raise InputError(f"{path}: {exc}") from exc
        return
    decoded = _decode(path, raw)
    sha = hashlib.sha256(raw).hexdigest()
    warnings = list(decoded.warnings)
    if suffix in HTML_SUFFIXES:
        content = extract_html(decoded.text)
        if content is None:
            raise InputError(f"{path}: HTML page with no main text")
        source = Source(path=path, sha256=sha, encoding=decoded.encoding, media_type="text/html")
        dct = Dct(content.date, "html-meta") if content.date else None
        yield SourceDocument(id=path, text=content.text, source=source, dct=dct, metadata=content.metadata,
                             warnings=warnings)
        return
    source = Source(path=path, sha256=sha, encoding=decoded.encoding, media_type="text/plain")
    yield SourceDocument(id=path, text=decoded.text, source=source, warnings=warnings)


def _read_all(paths: list[str], dct: Dct | None, language: str | None) -> Iterator[Item]:
    for path in paths:
        try:
            for item in _read_one(path):
                if isinstance(item, SourceDocument):
                    if dct is not None:
                        item.dct = dct
                    if language is not None:
                        item.language = language
                yield item
        except InputError as error:
            yield error


def read_inputs(paths: list[str], dct_option: str | None = None, language_option: str | None = None
                ) -> Iterator[Item]:
    """Documents (or one-line InputErrors) for `paths`, in order.

    `dct_option` overrides every other publication date and `language_option` every language;
    both are checked at once, before any file is read, and a bad one raises InputError.
    """
    dct = parse_dct_option(dct_option)
    language = parse_language(language_option)
    return _read_all(list(paths), dct, language)
