"""Turn the bytes of a text file into a string, naming the encoding that worked.

Strict UTF-8 is tried first: it almost never decodes legacy bytes by accident. Then CP1252,
the usual legacy encoding of French text (a superset of Latin-1 for printable characters),
and last charset-normalizer for anything else, kept only when it yields Latin-script text: its
guess on short odd bytes is often an East Asian code page, which no French text is written in.
Byte order marks decide UTF-8/UTF-16 outright.

Mixed encodings. A UTF-8 file into which a few lines were pasted in a legacy encoding ("é" as
the single byte 0xE9) is not decoded as a whole in the legacy encoding, which would turn every
UTF-8 "é" of the other lines into "Ã©". When some lines hold valid multi-byte UTF-8 (or the file
starts with a UTF-8 byte order mark) and others are not UTF-8, each line valid as UTF-8 stays
UTF-8 and the others are read as CP1252; the encoding is named "utf-8+cp1252", and a warning says
how many lines were read as CP1252 and which came first. A line that is not CP1252 either makes
the file fail with its number: no single encoding would read the file without garbling the
UTF-8 lines. A JSON Lines corpus is decoded line by line (`decode_lines`): UTF-8, else CP1252,
else that line alone fails; one record's bytes never change how another is read.

NUL bytes. A file whose bytes are more than 1% NUL, or more than 5% control characters, is binary
and refused. A few NULs in a text are stray bytes (a transfer or editor fault), not binary: each
is read as U+FFFD, the replacement character, one character for one, so offsets are those of the
decoded text; a warning says how many there were and where the first is, and the sha256 of the
bytes still pins what the file holds. U+FFFD rather than NUL itself because the outputs cannot all
carry a NUL: XML forbids it, HTML readers and terminals drop it. The same holds for a NUL a JSONL
record writes as `\\u0000` in its text. A raw NUL byte inside a JSONL line is a control character
JSON does not allow unescaped: that line alone is reported as bad JSON.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass

from charset_normalizer import from_bytes

SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.05  # more control characters than this and the bytes are not text
MAX_NUL_SHARE = 0.01  # more NUL bytes than this and the bytes are not text
STRAY_NULS = 4  # at most this many NULs are stray in a text of any size, even a very short one
# The legacy encoding of a line that is not UTF-8 in a file that otherwise is, and of every such
# line of a JSON Lines file: a single line is too short for a guess to be trusted.
LEGACY = "cp1252"
MIN_LATIN_SHARE = 0.9  # of the letters, for a charset-normalizer guess to be believed
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
# Every byte that is not a C0 control (or DEL), bar the whitespace controls: deleting them leaves the controls.
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not (b < 32 or b == 0x7F) or chr(b) in _TEXT_CONTROLS)


class DecodeError(ValueError):
    """The bytes are binary or in no encoding we can read; the message says which."""


@dataclass(frozen=True)
class Decoded:
    """A decoded text, the encoding that read it, and what the user should know about the reading."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Line:
    """One line of a JSON Lines file: its bytes as stored (without the line end) and their reading.

    `text` is None when no encoding reads the line; `problem` then says why."""

    number: int
    raw: bytes
    text: str | None
    encoding: str
    warnings: tuple[str, ...] = ()
    problem: str | None = None


def _control_share(text: str) -> float:
    sample = text[:SNIFF_BYTES]
    if not sample:
        return 0.0
    # NULs are judged on the bytes (`binary_problem`): a stray one must not make a short text binary.
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in _TEXT_CONTROLS and c != "\x00") or 0x7F <= ord(c) < 0xA0)
    return bad / len(sample)


def _plausible(text: str) -> bool:
    return _control_share(text) <= MAX_CONTROL_SHARE


def _latin_share(text: str) -> float:
    letters = [c for c in text[:SNIFF_BYTES] if c.isalpha()]
    if not letters:
        return 0.0
    latin = sum(1 for c in letters if ord(c) <= 0x24F or 0x1E00 <= ord(c) <= 0x1EFF)
    return latin / len(letters)


def _binary_problem(raw: bytes) -> str | None:
    nuls = raw.count(b"\x00")
    if nuls > STRAY_NULS and nuls > MAX_NUL_SHARE * len(raw):
        return "binary file (NUL bytes), not text"
    # The stray NULs allowed above are not counted again as control characters.
    if len(raw.translate(None, _NOT_CONTROL_BYTES)) - min(nuls, STRAY_NULS) > MAX_CONTROL_SHARE * len(raw):
        return "binary file (control characters), not text"
    return None


def binary_problem(raw: bytes) -> str | None:
    """Why `raw` is binary rather than text, or None when it may be text.

    The start is judged on its own as well as the whole: a binary header followed by text is no text."""
    return _binary_problem(raw[:SNIFF_BYTES]) or _binary_problem(raw)


def _line_number(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def replace_nuls(text: str) -> tuple[str, int, int]:
    """(text with each NUL made U+FFFD, how many there were, the offset of the first or -1)."""
    first = text.find("\x00")
    if first < 0:
        return text, 0, -1
    return text.replace("\x00", "\ufffd"), text.count("\x00"), first


def _with_nuls_replaced(decoded: Decoded) -> Decoded:
    text, count, first = replace_nuls(decoded.text)
    if not count:
        return decoded
    warning = (f"{count} NUL {'byte' if count == 1 else 'bytes'} read as U+FFFD "
               f"(first: line {_line_number(decoded.text, first)})")
    return Decoded(text, decoded.encoding, (*decoded.warnings, warning))


def _lines_read_otherwise(count: int, encoding: str, first: int) -> str:
    return f"mixed encodings: {count} {'line' if count == 1 else 'lines'} read as {encoding} (first: line {first})"


def _mixed(raw: bytes, utf8_name: str, *, declared: bool = False) -> Decoded | None:
    """The text of a UTF-8 file with some lines in a legacy encoding, or None when it is no such mixture.

    A mixture needs evidence of UTF-8: a line of valid multi-byte UTF-8, or a UTF-8 byte order mark
    (`declared`). Splitting on b"\\n" is safe: in UTF-8 and every single-byte code page that byte is
    the line end and nothing else."""
    lines = raw.split(b"\n")
    texts: list[str | None] = []
    bad: list[int] = []
    multibyte = declared
    for index, line in enumerate(lines):
        if line.isascii():
            texts.append(line.decode("ascii"))
            continue
        try:
            texts.append(line.decode("utf-8"))
            multibyte = True
        except UnicodeDecodeError:
            texts.append(None)
            bad.append(index)
    if not multibyte or not bad:
        return None
    for index in bad:
        try:
            texts[index] = lines[index].decode(LEGACY)
        except UnicodeDecodeError as exc:
            # Reading the whole file in another encoding would garble every UTF-8 line: refuse instead.
            raise DecodeError(f"line {index + 1} is neither UTF-8 nor CP1252, while other lines are UTF-8") from exc
    text = "\n".join(t for t in texts if t is not None)
    if not _plausible(text):
        raise DecodeError("binary file (control characters), not text")
    return Decoded(text, f"{utf8_name}+{LEGACY}", (_lines_read_otherwise(len(bad), LEGACY, bad[0] + 1),))


def _decode_unchecked(raw: bytes) -> Decoded:
    if raw.startswith(codecs.BOM_UTF8):
        body = raw[len(codecs.BOM_UTF8):]
        try:
            return Decoded(body.decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as exc:
            mixed = _mixed(body, "utf-8-sig", declared=True)
            if mixed is not None:
                return mixed
            raise DecodeError(f"starts as UTF-8 but has invalid bytes at offset {exc.start + len(codecs.BOM_UTF8)}"
                              ) from exc
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(raw.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"starts as UTF-16 but has invalid bytes at offset {exc.start}") from exc
    problem = binary_problem(raw)
    if problem:
        raise DecodeError(problem)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _plausible(text):
            raise DecodeError("binary file (control characters), not text")
        return Decoded(text, "utf-8")
    mixed = _mixed(raw, "utf-8")
    if mixed is not None:
        return mixed
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        if _plausible(text):
            return Decoded(text, "cp1252")
    best = from_bytes(raw).best()
    if best is not None:
        text = str(best)
        if text and _plausible(text) and _latin_share(text) >= MIN_LATIN_SHARE:
            return Decoded(text, best.encoding)
    raise DecodeError("undecodable bytes: not UTF-8, CP1252 or any encoding charset-normalizer knows")


def decode_text(raw: bytes) -> Decoded:
    """The text of a whole file (plain text or HTML). Raises DecodeError for binary or undecodable bytes."""
    return _with_nuls_replaced(_decode_unchecked(raw))


def _utf16_lines(raw: bytes) -> Iterator[Line]:
    # A UTF-16 file cannot be split on the byte b"\n" and is never a mixture: decoded whole, then
    # cut into lines, each hashed in the file's own byte order.
    try:
        text = raw.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise DecodeError(f"starts as UTF-16 but has invalid bytes at offset {exc.start}") from exc
    order = "utf-16-le" if raw.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        yield Line(number, line.encode(order), line, "utf-16")


def decode_lines(raw: bytes) -> Iterator[Line]:
    """The lines of a JSON Lines file, each decoded on its own: UTF-8 when valid, else CP1252, else
    left undecoded with its `problem`. Blank lines are kept, so numbers are the file's. Raises
    DecodeError, before any line, when the file as a whole is binary."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        yield from _utf16_lines(raw)
        return
    utf8_name = "utf-8"
    if raw.startswith(codecs.BOM_UTF8):
        raw, utf8_name = raw[len(codecs.BOM_UTF8):], "utf-8-sig"
    problem = binary_problem(raw)
    if problem:
        raise DecodeError(problem)
    lines = [line.removesuffix(b"\r") for line in raw.split(b"\n")]
    # A line read as CP1252 is worth a warning only when the file also holds UTF-8 (a byte order
    # mark, or a multi-byte line anywhere, later lines included): a file wholly in CP1252 is not mixed.
    mixed = utf8_name == "utf-8-sig" or any(not line.isascii() and _decodes(line, "utf-8") for line in lines)
    for number, line in enumerate(lines, start=1):
        try:
            yield Line(number, line, line.decode("utf-8"), utf8_name)
            continue
        except UnicodeDecodeError:
            pass
        try:
            text = line.decode(LEGACY)
        except UnicodeDecodeError:
            yield Line(number, line, None, LEGACY, problem="undecodable bytes: neither UTF-8 nor CP1252")
            continue
        warnings = (f"mixed encodings: this line read as {LEGACY} while other lines of the file are UTF-8",) \
            if mixed else ()
        yield Line(number, line, text, LEGACY, warnings)


def _decodes(raw: bytes, encoding: str) -> bool:
    try:
        raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(text: str) -> tuple[str, int, int | None]:
    """`text` with every lone surrogate code point as U+FFFD (one for one, so offsets hold), how
    many there were, and the offset of the first."""
    first = _LONE_SURROGATE.search(text)
    if first is None:
        return text, 0, None
    return _LONE_SURROGATE.subn("\ufffd", text)[0], len(_LONE_SURROGATE.findall(text)), first.start()
