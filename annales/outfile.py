"""The file of `annales analyze --output FILE`: however a run ends, it holds whole documents only.

- `JsonlOutput` (`--format jsonl`): one line per document, appended. Each line is written in one
  piece (a loop of `os.write` on a file opened `O_APPEND`) and fsync'ed before the next document
  is counted, so a run killed with SIGKILL leaves at most a partial last line and never loses a
  line it reported written. Opened with `resume`, the file is repaired first (a trailing partial
  line is cut off at the last newline) and the ids of its lines are read, so the caller can skip
  them: run again, the same command finishes the rest, nothing lost, nothing doubled. An existing
  non-empty file without `resume` is refused, never overwritten. An exclusive `flock` keeps two
  runs from appending to the same file at once.
- `ReplacedOutput` (every other format): the documents go to a hidden temporary file beside FILE
  (`.FILE.XXXX.partial`), renamed over FILE once the run ends with something written. These
  formats cannot be resumed (a JSON object, a page, a header row), so they are written all or
  nothing: an interrupted run leaves FILE as it was (a SIGKILL may leave the `.partial` file,
  never a half FILE).

The classes are file-like (`write`, `flush`) so `annales.batch.run_batch`, which renders each
document first and then writes and flushes it once, writes to them as to stdout.
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

CHUNK = 1 << 20


class OutputError(Exception):
    """An output file that cannot be used as asked; one line saying why and what to do."""


@dataclass
class Repaired:
    """What was found in an existing JSONL output: the ids of its whole lines, and how many bytes
    of a partial last line were cut off."""

    ids: set[str] = field(default_factory=set)
    lines: int = 0
    cut: int = 0


def check_target(path: str, inputs: list[str]) -> None:
    """Raises OutputError when `path` cannot be written as an output: a folder or a device (a rename
    would replace the device's name), in a folder that does not exist, or one of the inputs
    (appending to what is being read)."""
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{path}: is a directory; --output takes a file")
    if not target.parent.is_dir():
        raise OutputError(f"{path}: cannot be created: no such folder {str(target.parent)!r}")
    if target.exists() and not target.is_file():
        raise OutputError(f"{path}: not a regular file; --output writes a file (leave it out to write to stdout)")
    if target.exists():
        for given in inputs:
            try:
                same = os.path.samefile(given, path)
            except OSError:
                continue
            if same:
                raise OutputError(f"{path}: is also an input; write the output to another file")


def _refusal(path: str, resumable: bool) -> OutputError:
    if resumable:
        return OutputError(f"{path} exists; use --resume to finish it or remove it")
    return OutputError(f"{path} exists; remove it or choose another --output")


def _lock(fd: int, path: str) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise OutputError(f"{path}: another run is writing it; wait for it to end") from None


class JsonlOutput:
    """A JSONL output appended one whole, fsync'ed line per document (see the module)."""

    def __init__(self, path: str, *, resume: bool) -> None:
        self.path = path
        try:
            fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o666)
        except OSError as exc:
            raise OutputError(f"{path}: cannot be opened ({exc.strerror or exc})") from exc
        _lock(fd, path)
        self._fd = fd
        self.repaired = Repaired()
        try:
            if os.fstat(fd).st_size:
                if not resume:
                    raise _refusal(path, resumable=True)
                self.repaired = repair(fd, path)
            else:
                _sync_folder(path)  # the file's name, as well as its lines, survives a crash
        except BaseException:
            self.close()
            raise

    def write(self, text: str) -> int:
        data = memoryview(text.encode("utf-8"))
        while data:
            data = data[os.write(self._fd, data):]
        return len(text)

    def flush(self) -> None:
        os.fsync(self._fd)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)  # the lock goes with it
            self._fd = -1


def repair(fd: int, path: str) -> Repaired:
    """Cut a partial last line off the JSONL file open on `fd` and read the ids of its lines.

    Every line the exporter writes is one JSON object ending in a newline (strings escape their
    newlines), so what follows the last newline is a document a killed run did not finish: it is
    removed, and that document is analysed again. A whole line that is not an analysis with an id
    means the file is not ours to append to: OutputError."""
    result = Repaired()
    size = os.fstat(fd).st_size
    offset, pending, number = 0, b"", 0
    while offset < size:
        block = os.pread(fd, min(CHUNK, size - offset), offset)
        if not block:
            break
        offset += len(block)
        *whole, pending = (pending + block).split(b"\n")
        for line in whole:
            number += 1
            if line.strip():
                result.ids.add(_line_id(line, path, number))
                result.lines += 1
    if pending:
        result.cut = len(pending)
        os.ftruncate(fd, size - len(pending))
        os.fsync(fd)
    return result


def _line_id(line: bytes, path: str, number: int) -> str:
    try:
        data = json.loads(line)
    except (UnicodeDecodeError, ValueError):
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        raise OutputError(f"{path}: line {number} is not an analysis with an id; cannot resume this file")
    return data["id"]


class ReplacedOutput:
    """A file written whole or not at all: a temporary file renamed over `path` by `commit`."""

    def __init__(self, path: str) -> None:
        self.path = os.path.realpath(path)  # through a symbolic link: the file it names is replaced, not the link
        target = Path(self.path)
        if target.exists() and target.stat().st_size:
            raise _refusal(path, resumable=False)
        try:
            fd, self._temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
        except OSError as exc:
            raise OutputError(f"{path}: cannot be created ({exc.strerror or exc})") from exc
        self._file = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, text: str) -> int:
        return self._file.write(text)

    def flush(self) -> None:
        self._file.flush()

    def commit(self) -> None:
        """FILE now holds what was written, in one rename."""
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        os.chmod(self._temporary, 0o666 & ~_umask())  # mkstemp's 0600 is for the temporary file only
        os.replace(self._temporary, self.path)
        _sync_folder(self.path)

    def discard(self) -> None:
        """Nothing is written: FILE stays as it was."""
        if not self._file.closed:
            self._file.close()
        try:
            os.unlink(self._temporary)
        except FileNotFoundError:
            pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _sync_folder(path: str) -> None:
    """Make a file's creation or rename durable: fsync its folder (where the platform allows)."""
    try:
        fd = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
