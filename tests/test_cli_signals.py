"""Ctrl-C and a reader that stops early, as a user meets them: real processes, real signals, real pipes.

Ctrl-C must leave only whole documents on stdout and say how far the run got; a closed pipe must
end the run quietly. Nothing here waits a guessed time: each test acts on what it has read.
"""

from __future__ import annotations

import fcntl
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import cast

import pytest

from annales import batch, cli
from annales.context import Context
from annales.model import Analysis, SourceDocument

COPIES = 8
SUMMARY = re.compile(r"annales: interrupted: (\d+) of (\d+) documents written(?: \(last: (.+)\))?\n")


@pytest.fixture
def corpus(tmp_path: Path, samples_dir: Path) -> list[str]:
    """Enough copies of a sample that the run is still going when the test acts, and that their
    JSON (about 40 kB each) overflows any pipe buffer."""
    paths = []
    for i in range(COPIES):
        path = tmp_path / f"doc{i:02d}.txt"
        shutil.copy(samples_dir / "recit_debarquement_1944.txt", path)
        paths.append(str(path))
    return paths


def _annales(*args: str, stdout: int, unbuffered: bool = False) -> subprocess.Popen[bytes]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    if unbuffered:  # `python -u`: every write goes straight to the file descriptor
        env["PYTHONUNBUFFERED"] = "1"
    return subprocess.Popen([sys.executable, "-m", "annales", *args], stdout=stdout, stderr=subprocess.PIPE,
                            env=env)


def _whole_documents(out: bytes) -> list[str]:
    """The ids of the JSON lines in `out`, which must all be complete."""
    text = out.decode("utf-8")
    assert text == "" or text.endswith("\n")
    return [json.loads(line)["id"] for line in text.splitlines()]


def _interrupted(stderr: bytes, written: list[str]) -> None:
    err = stderr.decode("utf-8")
    match = SUMMARY.fullmatch(err)
    assert match, err
    assert int(match.group(1)) == len(written) and int(match.group(2)) == COPIES
    assert match.group(3) == (written[-1] if written else None)


def test_ctrl_c_after_the_first_document(corpus: list[str]) -> None:
    process = _annales("analyze", *corpus, "-f", "jsonl", stdout=subprocess.PIPE)
    assert process.stdout is not None
    first = process.stdout.readline()
    process.send_signal(signal.SIGINT)
    rest, stderr = process.communicate(timeout=300)
    written = _whole_documents(first + rest)
    assert process.returncode == 130
    assert written == corpus[:len(written)] and 1 <= len(written) < COPIES
    _interrupted(stderr, written)


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
def test_ctrl_c_in_the_middle_of_a_write_finishes_that_document(corpus: list[str], unbuffered: bool) -> None:
    # A pipe of one page: the first document cannot fit, so once its first bytes arrive the
    # process is blocked in the middle of writing it when the signal comes.
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)
    process = _annales("analyze", *corpus, "-f", "jsonl", stdout=write_end, unbuffered=unbuffered)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        head = reader.read1(100)
        assert head.startswith(b'{"schema"')
        process.send_signal(signal.SIGINT)
        out = head + reader.read()
    _, stderr = process.communicate(timeout=300)
    written = _whole_documents(out)
    assert process.returncode == 130 and written == corpus[:1]
    assert len(out) > 4 * 4096  # the document really was larger than the pipe
    _interrupted(stderr, written)


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
def test_a_reader_that_stops_early_ends_the_run_quietly(corpus: list[str], unbuffered: bool) -> None:
    process = _annales("analyze", *corpus, "-f", "jsonl", stdout=subprocess.PIPE, unbuffered=unbuffered)
    assert process.stdout is not None and process.stderr is not None
    json.loads(process.stdout.readline())
    process.stdout.close()  # like `| head -1`: the rest of the output (> 64 kB) has nowhere to go
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0
    assert stderr == b""  # no traceback, no "Exception ignored"


def test_a_closed_pipe_before_any_output_is_quiet() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    process = _annales("--version", stdout=write_end)
    os.close(write_end)
    _, stderr = process.communicate(timeout=60)
    assert (process.returncode, stderr) == (0, b"")


# --- in process: where exactly the signal lands --------------------------------------------------

class _SignalledHalfway(io.StringIO):
    """An output that receives Ctrl-C halfway through each write, as a full pipe would."""

    def write(self, text: str) -> int:
        half = len(text) // 2
        super().write(text[:half])
        signal.raise_signal(signal.SIGINT)
        return half + super().write(text[half:])


def test_ctrl_c_is_held_until_the_document_and_its_count_are_done(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "analyze_document",
                        lambda document, context=None: Analysis(id=document.id, text=document.text))
    documents = [SourceDocument(id=f"d{i}", text="Le 3 mars 1917.") for i in range(3)]
    out = _SignalledHalfway()
    progress = batch.Progress()
    handler = signal.getsignal(signal.SIGINT)
    with pytest.raises(KeyboardInterrupt):
        batch.run_batch(documents, cli.get_writer("jsonl"), out, context=cast(Context, object()), progress=progress)
    assert _whole_documents(out.getvalue().encode()) == ["d0"]
    assert (progress.written, progress.last_written) == (1, "d0")
    assert signal.getsignal(signal.SIGINT) is handler


class _ShortWrites(io.BytesIO):
    """A file descriptor written without a buffer: each write takes at most 5 bytes."""

    def write(self, data) -> int:  # type: ignore[override]
        return super().write(bytes(data[:5]))


def test_stdout_writes_are_finished_when_the_descriptor_takes_part_of_them() -> None:
    raw = _ShortWrites()
    stdout = io.TextIOWrapper(cast(io.BufferedIOBase, raw), encoding="utf-8", write_through=True)
    cli._WholeWrites(stdout).write("Le 3 mars 1917, « à Verdun ».\n")
    assert raw.getvalue().decode("utf-8") == "Le 3 mars 1917, « à Verdun ».\n"
