"""`annales analyze --output FILE [--resume]`: whole documents only, nothing lost, nothing doubled.

The in-process tests replace the analysis by a stand-in (what is tested is how documents reach the
file, not what they say); the subprocess tests run the real pipeline and real signals, and act on
what they read in the file, never after a guessed time.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annales import batch, cli
from annales.model import Analysis
from annales.outfile import JsonlOutput, OutputError, ReplacedOutput

TEXTS = [
    "Le 12 février 1871, la garnison de Belfort tient toujours. La ville se rend le 18 février.",
    "En janvier 1910, la Seine déborde. Le 28 janvier, l'eau atteint huit mètres à Paris.",
    "Le 3 août 1914, le 9e régiment quitte Agen. Le lendemain, il arrive à Épinal.",
    "Le 6 juin 1944, les troupes alliées débarquent en Normandie. Caen est libérée en juillet.",
    "En mai 1940, le colonel Morel tient le pont de Sedan pendant deux jours.",
    "Le 11 novembre 1918, l'armistice est signé à Rethondes. Les cloches sonnent partout.",
]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(argv)
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err


# The second document is long (about 40 000 characters, two seconds of analysis): a test that acts
# once the first line is in the file then always finds the run in the middle of the second.
LONG = " ".join(f"Le {day} mars 18{year}, le {day}e bataillon quitte Verdun avec {day * 40} hommes. "
                f"Le lendemain, il arrive à Metz et y reste {year} jours."
                for year in range(10, 99) for day in range(1, 4))


@pytest.fixture
def texts(tmp_path: Path) -> list[str]:
    paths = []
    for number, text in enumerate([TEXTS[0], LONG, *TEXTS[1:]]):
        path = tmp_path / f"doc{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The analysis replaced by a stand-in that records which documents were analysed."""
    calls: list[str] = []

    def analyse(document, context=None) -> Analysis:  # noqa: ANN001 - the pipeline's signature
        calls.append(document.id)
        return Analysis(id=document.id, text=document.text, source=document.source)

    monkeypatch.setattr(batch, "analyze_document", analyse)
    return calls


def _ids(path: Path) -> list[str]:
    data = path.read_bytes()
    assert data == b"" or data.endswith(b"\n"), "the file ends with a partial line"
    return [json.loads(line)["id"] for line in data.decode("utf-8").splitlines()]


def _lines(path: Path) -> dict[str, str]:
    """Each line's id and the sha256 of the line, which must be the only one with that id."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        doc_id = json.loads(line)["id"]
        assert doc_id not in out, f"{doc_id} written twice"
        out[doc_id] = hashlib.sha256(line.encode()).hexdigest()
    return out


# --- the file, on its own -----------------------------------------------------------------------

def test_a_partial_last_line_is_cut_and_the_ids_are_read(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    whole = '{"schema": "annales/2", "id": "a.txt"}\n{"schema": "annales/2", "id": "b.txt", "text": "x"}\n'
    path.write_bytes(whole.encode() + b'{"schema": "annales/2", "id": "c.t')
    output = JsonlOutput(str(path), resume=True)
    try:
        assert output.repaired.ids == {"a.txt", "b.txt"}
        assert (output.repaired.lines, output.repaired.cut) == (2, len('{"schema": "annales/2", "id": "c.t'))
        output.write('{"id": "c.txt"}\n')
        output.flush()
    finally:
        output.close()
    assert path.read_text() == whole + '{"id": "c.txt"}\n'


def test_a_line_cut_in_the_middle_of_a_character_is_cut_whole(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"id": "a"}\n' + '{"id": "b", "text": "é'.encode()[:-1])
    output = JsonlOutput(str(path), resume=True)
    output.close()
    assert path.read_bytes() == b'{"id": "a"}\n' and output.repaired.ids == {"a"}


def test_a_file_that_is_not_ours_is_not_appended_to(tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    path.write_text('{"id": "a"}\nquelques notes\n', encoding="utf-8")
    with pytest.raises(OutputError, match=r"line 2 is not an analysis with an id"):
        JsonlOutput(str(path), resume=True)
    assert path.read_text(encoding="utf-8") == '{"id": "a"}\nquelques notes\n'


def test_two_runs_cannot_append_to_one_file_at_once(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    first = JsonlOutput(str(path), resume=True)
    try:
        with pytest.raises(OutputError, match="another run is writing it"):
            JsonlOutput(str(path), resume=True)
    finally:
        first.close()


def test_a_replaced_output_appears_whole_or_not_at_all(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    output = ReplacedOutput(str(path))
    output.write("a,b\n")
    assert not path.exists()
    output.discard()
    assert sorted(os.listdir(tmp_path)) == []
    output = ReplacedOutput(str(path))
    output.write("a,b\n")
    output.commit()
    assert path.read_text() == "a,b\n" and sorted(os.listdir(tmp_path)) == ["out.csv"]


# --- the command, in process ---------------------------------------------------------------------

def test_resume_repairs_the_file_and_analyses_only_the_rest(
        texts: list[str], analysed: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    status, _, _ = run(["analyze", *texts[:3], "-f", "jsonl", "-o", str(out)], capsys)
    assert status == 0 and _ids(out) == texts[:3]
    kept = out.read_bytes()
    # What a run killed while writing its fourth document leaves behind.
    out.write_bytes(kept + b'{"schema": "annales/2", "id": "' + texts[3].encode()[:10])
    analysed.clear()
    status, stdout, err = run(["analyze", *texts, "-f", "jsonl", "-o", str(out), "--resume"], capsys)
    assert status == 0 and stdout == ""
    assert analysed == texts[3:]  # the three documents in the file are not analysed again
    assert out.read_bytes().startswith(kept)
    assert _ids(out) == texts
    assert "cut off a half-written last line" in err
    assert err.splitlines()[-1] == f"annales: output: 4 documents written to {out}, 3 there already"


def test_resume_of_a_finished_file_does_nothing(
        texts: list[str], analysed: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    run(["analyze", *texts, "-f", "jsonl", "-o", str(out), "--resume"], capsys)  # no file yet: a first run
    before = out.read_bytes()
    analysed.clear()
    status, _, _ = run(["analyze", *texts, "-f", "jsonl", "-o", str(out), "--resume"], capsys)
    assert (status, analysed, out.read_bytes()) == (0, [], before)


def test_an_existing_file_is_refused_without_resume(
        texts: list[str], analysed: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "earlier"}\n', encoding="utf-8")
    status, stdout, err = run(["analyze", *texts, "-f", "jsonl", "-o", str(out)], capsys)
    assert status == cli.EXIT_USAGE and stdout == "" and analysed == []
    assert err == f"annales: error: {out} exists; use --resume to finish it or remove it\n"
    assert out.read_text(encoding="utf-8") == '{"id": "earlier"}\n'


def test_an_existing_file_of_another_format_is_refused_too(
        texts: list[str], analysed: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.csv"
    out.write_text("mes notes\n", encoding="utf-8")
    status, _, err = run(["analyze", *texts, "-o", str(out)], capsys)
    assert status == cli.EXIT_USAGE and analysed == []
    assert err == f"annales: error: {out} exists; remove it or choose another --output\n"
    assert out.read_text(encoding="utf-8") == "mes notes\n"


@pytest.mark.parametrize("argv", [["-f", "csv", "-o", "out.csv", "--resume"], ["-f", "jsonl", "--resume"]])
def test_resume_is_for_a_jsonl_file_only(
        texts: list[str], analysed: list[str], capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    status, _, err = run(["analyze", *texts, *argv], capsys)
    assert status == cli.EXIT_USAGE and analysed == []
    assert err == "annales: error: --resume finishes a JSONL file: use it with --format jsonl --output FILE\n"


def test_a_document_given_twice_is_written_once(
        texts: list[str], analysed: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    status, _, err = run(["analyze", texts[0], texts[1], texts[0], "-f", "jsonl", "-o", str(out)], capsys)
    assert status == 0 and _ids(out) == texts[:2] and analysed == texts[:2]
    assert f"annales: warning: {texts[0]}: given twice; written once" in err


def test_the_format_follows_the_suffix_of_the_output(
        texts: list[str], analysed: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, _ = run(["analyze", *texts, "-o", str(tmp_path / "out.jsonl")], capsys)
    assert status == 0 and _ids(tmp_path / "out.jsonl") == texts
    status, _, _ = run(["analyze", texts[0], "-o", str(tmp_path / "one.json")], capsys)
    assert status == 0 and json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))["id"] == texts[0]


def test_ctrl_c_leaves_a_resumable_file_and_says_how_far_it_got(
        texts: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def analyse(document, context=None) -> Analysis:  # noqa: ANN001
        if document.id == texts[2]:
            signal.raise_signal(signal.SIGINT)  # Ctrl-C while the third document is being analysed
        return Analysis(id=document.id, text=document.text)

    monkeypatch.setattr(batch, "analyze_document", analyse)
    out = tmp_path / "out.jsonl"
    status, _, err = run(["analyze", *texts, "-f", "jsonl", "-o", str(out)], capsys)
    assert status == cli.EXIT_INTERRUPTED and _ids(out) == texts[:2]
    assert err == (f"annales: interrupted: 2 of 7 documents written to {out} (last: {texts[1]}); "
                   "--resume finishes it\n")
    monkeypatch.setattr(batch, "analyze_document", lambda document, context=None: Analysis(document.id, document.text))
    status, _, err = run(["analyze", *texts, "-f", "jsonl", "-o", str(out), "--resume"], capsys)
    assert status == 0 and _ids(out) == texts


def test_ctrl_c_leaves_a_file_written_at_the_end_as_it_was(
        texts: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def analyse(document, context=None) -> Analysis:  # noqa: ANN001
        if document.id == texts[2]:
            signal.raise_signal(signal.SIGINT)
        return Analysis(id=document.id, text=document.text)

    monkeypatch.setattr(batch, "analyze_document", analyse)
    status, _, err = run(["analyze", *texts, "-f", "text", "-o", str(tmp_path / "out.txt")], capsys)
    assert status == cli.EXIT_INTERRUPTED
    assert err == f"annales: interrupted: 2 of 7 documents analysed; {tmp_path / 'out.txt'} not written\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(Path(t).name for t in texts)  # no out.txt, no .partial


# --- the real command, killed ---------------------------------------------------------------------

def _annales(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "annales", "analyze", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def _wait_for_a_line(path: Path, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 300
    while not (path.exists() and b"\n" in path.read_bytes()):
        assert process.poll() is None, process.communicate()[1].decode()
        assert time.monotonic() < deadline, "no document written in 5 minutes"
        time.sleep(0.02)


def test_sigkill_then_resume_gives_the_uninterrupted_file(texts: list[str], tmp_path: Path) -> None:
    reference, out = tmp_path / "reference.jsonl", tmp_path / "out.jsonl"
    process = _annales(*texts, "-f", "jsonl", "-o", str(out), "--resume")
    _wait_for_a_line(out, process)
    process.kill()
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert 1 <= len(_lines(out)) < len(texts)
    resumed = _annales(*texts, "-f", "jsonl", "-o", str(out), "--resume")
    _, err = resumed.communicate(timeout=600)
    assert resumed.returncode == 0, err.decode()
    whole = _annales(*texts, "-f", "jsonl", "-o", str(reference))
    _, err = whole.communicate(timeout=600)
    assert whole.returncode == 0, err.decode()
    assert _lines(out) == _lines(reference)  # every document once, each line as an uninterrupted run writes it
    assert _ids(out) == texts  # the killed run stopped between documents or mid-line: the order holds


def test_sigint_of_the_real_command_names_what_the_file_holds(texts: list[str], tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    process = _annales(*texts, "-f", "jsonl", "-o", str(out), "--workers", "2")
    _wait_for_a_line(out, process)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=300)
    assert process.returncode == cli.EXIT_INTERRUPTED
    ids = _ids(out)
    assert ids == texts[:len(ids)] and ids  # in input order, with workers too
    match = re.fullmatch(r"annales: interrupted: (\d+) of 7 documents written to (.+) \(last: (.+)\); "
                         r"--resume finishes it\n", err.decode())
    assert match, err.decode()
    assert (int(match.group(1)), match.group(2), match.group(3)) == (len(ids), str(out), ids[-1])


def _marked(mark: bytes) -> list[int]:
    """The processes whose environment holds `mark`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if mark in (entry / "environ").read_bytes().split(b"\0"):
                    found.append(int(entry.name))
            except OSError:  # gone meanwhile, or not ours to read
                continue
    return found


def test_workers_end_when_their_parent_is_killed(texts: list[str], tmp_path: Path) -> None:
    # A SIGKILL gives the parent no chance to shut its pool down: the workers (and the process that
    # starts them) must notice alone, or each keeps its model in memory for ever.
    mark = f"ANNALES_TEST_MARK={os.getpid()}-{time.monotonic_ns()}"
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen([sys.executable, "-m", "annales", "analyze", *texts, "-f", "jsonl", "-o", str(out),
                                "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, mark.split("=")[0]: mark.split("=")[1]})
    _wait_for_a_line(out, process)
    assert len(_marked(mark.encode())) >= 3  # the parent, its workers and the process that started them
    process.kill()
    process.wait()
    deadline = time.monotonic() + 60
    while _marked(mark.encode()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _marked(mark.encode()) == []
