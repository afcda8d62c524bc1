"""A persistent cache of compiled regular expressions, for the few huge patterns that cost seconds.

spaCy's French tokenizer builds one pattern of 1.4 million characters at import and its serialized
tokenizer holds more: CPython spends about 2.5 s parsing them and optimizing their Unicode classes,
on every start. What that work yields is a list of integers (the SRE code), which CPython can turn
back into a pattern in a millisecond. While `regex_cache()` is active, `re` compiles long patterns
through this module, which keeps their code on disk and reuses it in later processes.

The patterns built from cached code are those `re.compile` builds: the same code, flags and groups.
CPython checks the code it is given (a damaged entry raises instead of crashing), and every entry is
keyed by the pattern's hash, its flags, the Python version and the SRE engine's magic number. Any
trouble with the cache file (missing, unreadable, damaged, from another Python, unwritable
directory) only means compiling as usual: it is never an error. One difference remains: a pattern
rebuilt from the cache is not parsed again, so warnings the parser gives (FutureWarning on nested
sets, DeprecationWarning on bad escapes) appear only in the run that filled the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

try:  # CPython's pattern compiler: private, so anything unexpected turns the cache off
    import _sre
    import re._compiler as _re_compiler
    import re._parser as _re_parser

    _SUPPORTED = sys.implementation.name == "cpython" and all(
        hasattr(module, name)
        for module, name in ((_sre, "compile"), (_sre, "MAGIC"), (_re_compiler, "compile"),
                             (_re_compiler, "_code"), (_re_parser, "parse"))
    )
except ImportError:  # pragma: no cover - other interpreters
    _SUPPORTED = False

CACHE_DIR_VARIABLE = "ANNALES_CACHE_DIR"
# Short patterns compile in microseconds: hashing and storing them would cost more than it saves.
MIN_PATTERN_LENGTH = 200
# Bounds of the file, read whole at every start: fr_core_news_md needs 23 entries and 1.5 MB.
MAX_ENTRIES = 256
MAX_BYTES = 8 * 1024 * 1024
FORMAT = 1
_DEBUG_FLAG = int(re.DEBUG)  # prints while compiling: such patterns always go the usual way

Entry = dict[str, Any]


def default_cache_dir() -> Path | None:
    """`$ANNALES_CACHE_DIR`, else `$XDG_CACHE_HOME/annales`, else `~/.cache/annales`; None when
    there is no home to put it in."""
    explicit = os.environ.get(CACHE_DIR_VARIABLE)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):  # the XDG spec says relative values are to be ignored
        return Path(xdg) / "annales"
    try:
        return Path.home() / ".cache" / "annales"
    except (RuntimeError, KeyError, OSError):
        return None


def cache_file(directory: Path) -> Path:
    # One file per interpreter and engine, so that two Pythons sharing a home never evict each other.
    magic = _sre.MAGIC if _SUPPORTED else 0
    return directory / f"regex-{sys.implementation.cache_tag}-{magic}.json"


def _environment() -> dict[str, Any]:
    return {"format": FORMAT, "python": sys.version, "magic": _sre.MAGIC, "codesize": _sre.CODESIZE,
            "maxunicode": sys.maxunicode}


def _key(pattern: str, flags: int) -> str:
    digest = hashlib.sha256(pattern.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{digest}:{flags}"


class _Store:
    """The entries of one cache file: read once per process, written back when the outermost
    activation ends after something was added."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, Entry] = _read(path)
        self.used: set[str] = set()
        self.dirty = False

    def build(self, original: Callable[..., Any], pattern: Any, flags: int) -> Any:
        if (not isinstance(pattern, str) or len(pattern) < MIN_PATTERN_LENGTH or not isinstance(flags, int)
                or flags & _DEBUG_FLAG):
            return original(pattern, flags)
        flags = int(flags)  # a RegexFlag, when called directly rather than through re.compile
        key = _key(pattern, flags)
        entry = self.entries.get(key)
        if entry is not None:
            try:
                compiled = _from_entry(pattern, entry)
            except Exception:  # damaged or foreign entry: compile anew and replace it
                self.entries.pop(key, None)
            else:
                self.used.add(key)
                return compiled
        entry = _make_entry(pattern, flags)  # raises re.error exactly as re.compile would
        compiled = _from_entry(pattern, entry)
        self.entries[key] = entry
        self.used.add(key)
        self.dirty = True
        return compiled

    def save(self) -> None:
        if not self.dirty:
            return
        # Least recently used first: entries this process did not touch go before the ones it did.
        order = [key for key in self.entries if key not in self.used] + [key for key in self.entries
                                                                         if key in self.used]
        entries = {key: self.entries[key] for key in order}
        body = _trim(entries)
        self.dirty = False  # written or not, trying again at every exit would only repeat the failure
        _write(self.path, body)


def _make_entry(pattern: str, flags: int) -> Entry:
    # What re._compiler.compile computes, as plain ints: the opcodes are int subclasses named for
    # display, which _sre.compile reads as the ints they are.
    parsed = _re_parser.parse(pattern, flags)
    code = [int(op) for op in _re_compiler._code(parsed, flags)]
    groupindex = {str(name): int(index) for name, index in parsed.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return {"flags": int(flags | parsed.state.flags), "code": code, "groups": int(parsed.state.groups - 1),
            "groupindex": groupindex, "indexgroup": indexgroup}


def _from_entry(pattern: str, entry: Entry) -> Any:
    flags, code, groups = entry["flags"], entry["code"], entry["groups"]
    groupindex, indexgroup = entry["groupindex"], entry["indexgroup"]
    if not (type(flags) is int and type(groups) is int and type(code) is list and type(groupindex) is dict
            and type(indexgroup) is list and len(indexgroup) == groups + 1):
        raise ValueError("malformed regex cache entry")
    if not set(map(type, code)) <= {int}:  # JSON may hold floats or booleans where ints belong
        raise ValueError("malformed regex cache code")
    if not all(type(name) is str and type(index) is int for name, index in groupindex.items()):
        raise ValueError("malformed regex cache groups")
    return _sre.compile(pattern, flags, code, groups, groupindex, tuple(indexgroup))


def _read(path: Path) -> dict[str, Entry]:
    try:
        with open(path, "rb") as handle:
            header_line = handle.readline()
            body = handle.read()
        header = json.loads(header_line)
        if not isinstance(header, dict) or header.get("environment") != _environment():
            return {}
        if header.get("sha256") != hashlib.sha256(body).hexdigest():
            return {}  # truncated or altered since written
        entries = json.loads(body)
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        return {}
    if not isinstance(entries, dict):
        return {}
    return {key: entry for key, entry in entries.items() if isinstance(entry, dict)}


def _trim(entries: dict[str, Entry]) -> bytes:
    """The serialized entries, the oldest dropped until within MAX_ENTRIES and MAX_BYTES."""
    keys = list(entries)[-MAX_ENTRIES:]
    sizes = {key: len(json.dumps(entries[key], separators=(",", ":"))) for key in keys}
    total = sum(sizes.values())
    while keys and total > MAX_BYTES:
        total -= sizes[keys.pop(0)]
    return json.dumps({key: entries[key] for key in keys}, separators=(",", ":")).encode("utf-8")


def _write(path: Path, body: bytes) -> None:
    import tempfile  # only when something new is written: most runs never get here

    header = json.dumps({"environment": _environment(), "sha256": hashlib.sha256(body).hexdigest()})
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(header.encode("utf-8") + b"\n")
            handle.write(body)
        os.replace(temporary, path)  # readers see the old file or the new one, never a half-written one
        temporary = None
    except OSError:
        pass  # a cache that cannot be written is only a cache that stays cold
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


_lock = threading.RLock()
_PRISTINE = _re_compiler.compile if _SUPPORTED else None
_depth = 0
_store: _Store | None = None
_original: Callable[..., Any] | None = None
# Each file is read once per process: later activations cost no I/O.
_stores: dict[Path, _Store] = {}


def _compile(pattern: Any, flags: int = 0) -> Any:
    store, original = _store, _original
    if store is None or original is None:  # left while another thread was compiling
        return (original or _PRISTINE)(pattern, flags)
    return store.build(original, pattern, flags)


@contextmanager
def regex_cache(directory: Path | None = None) -> Iterator[None]:
    """While active, long patterns compiled through `re` are built from (and added to) the cache in
    `directory` (by default `default_cache_dir()`). Reentrant (a nested activation shares the outer
    one's file); the outermost exit writes the file when something was added to it."""
    global _depth, _store, _original
    if directory is None:
        directory = default_cache_dir()
    if not _SUPPORTED or directory is None:  # nowhere to keep anything: compile as usual
        yield
        return
    with _lock:
        if _depth == 0:
            path = cache_file(directory)
            if path not in _stores:
                _stores[path] = _Store(path)
            _store = _stores[path]
            # Never our own hook as the original (left in place under someone else's): that would loop.
            _original = _re_compiler.compile if _re_compiler.compile is not _compile else _PRISTINE
            _re_compiler.compile = _compile
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                store = _store
                if _re_compiler.compile is _compile and _original is not None:
                    _re_compiler.compile = _original
                _store, _original = None, None
                if store is not None:
                    try:
                        store.save()
                    except Exception:  # a cache must never fail the analysis
                        pass
