"""Turn the bytes of a text file into a string, naming the encoding that worked.

Strict UTF-8 is tried first: it almost never decodes legacy bytes by accident. Then CP1252,
the usual legacy encoding of French text (a superset of Latin-1 for printable characters),
and last charset-normalizer for anything else, kept only when it yields Latin-script text: its
guess on short odd bytes is often an East Asian code page, which no French text is written in.
Byte order marks decide UTF-8/UTF-16 outright.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.05  # more control characters than this and the bytes are not text
MIN_LATIN_SHARE = 0.9  # of the letters, for a charset-normalizer guess to be believed
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")


class DecodeError(ValueError):
    """The bytes are binary or in no encoding we can read; the message says which."""


def _control_share(text: str) -> float:
    sample = text[:SNIFF_BYTES]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in _TEXT_CONTROLS) or 0x7F <= ord(c) < 0xA0)
    return bad / len(sample)


def _plausible(text: str) -> bool:
    return _control_share(text) <= MAX_CONTROL_SHARE


def _latin_share(text: str) -> float:
    letters = [c for c in text[:SNIFF_BYTES] if c.isalpha()]
    if not letters:
        return 0.0
    latin = sum(1 for c in letters if ord(c) <= 0x24F or 0x1E00 <= ord(c) <= 0x1EFF)
    return latin / len(letters)


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """(text, encoding name). Raises DecodeError for binary or undecodable bytes."""
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise DecodeError(f"starts as UTF-8 but has invalid bytes at offset {exc.start}") from exc
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise DecodeError(f"starts as UTF-16 but has invalid bytes at offset {exc.start}") from exc
    if b"\x00" in raw[:SNIFF_BYTES]:
        raise DecodeError("binary file (NUL bytes), not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _plausible(text):
            raise DecodeError("binary file (control characters), not text")
        return text, "utf-8"
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        if _plausible(text):
            return text, "cp1252"
    best = from_bytes(raw).best()
    if best is not None:
        text = str(best)
        if text and _plausible(text) and _latin_share(text) >= MIN_LATIN_SHARE:
            return text, best.encoding
    raise DecodeError("undecodable bytes: not UTF-8, CP1252 or any encoding charset-normalizer knows")
