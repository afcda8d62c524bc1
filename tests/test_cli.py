"""The command line: output formats, ids, batches, and one-line errors without tracebacks.

Most tests run `annales.cli.main` in-process (the spaCy model then loads once); a few run the
installed entry point in a subprocess to check what a user really sees.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from annales import __version__, batch, cli
from annales.errors import InputError
from annales.export import FORMATS
from annales.model import Dct, Source, SourceDocument

TEXTS = {
    "siege.txt": "Le 12 février 1871, la garnison de Belfort tient toujours. La ville se rend le 18 février.",
    "crue.txt": "En janvier 1910, la Seine déborde. Le 28 janvier, l'eau atteint huit mètres à Austerlitz.",
}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(argv)
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    paths = {}
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths[name] = str(tmp_path / name)
    return paths


def _fake_read_inputs(paths: list[str], dct_option: str | None = None,
                      language_option: str | None = None) -> Iterator[SourceDocument | InputError]:
    """A stand-in for annales.ingest.read: the CLI's batch logic does not depend on how files are read."""
    if dct_option is not None and len(dct_option) != 10:
        raise InputError(f"--dct: {dct_option!r} is not a date (expected YYYY-MM-DD)")
    for path in paths:
        if not Path(path).is_file():
            yield InputError(f"{path}: no such file")
            continue
        yield SourceDocument(id=path, text=Path(path).read_text(encoding="utf-8"), source=Source(path=path),
                             dct=Dct(dct_option, "option") if dct_option else None, language=language_option)


@pytest.fixture
def fake_ingest(monkeypatch: pytest.MonkeyPatch, context: object) -> None:
    module = types.ModuleType("annales.ingest.read")
    module.read_inputs = _fake_read_inputs  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "annales.ingest.read", module)


@pytest.fixture
def real_ingest(context: object) -> None:
    """The real ingestion, with the model loaded once for the session."""


# --- options and formats -------------------------------------------------------------------

@pytest.mark.parametrize(("paths", "terminal", "expected"), [
    (["a.txt"], True, "text"),
    (["a.txt", "b.txt"], True, "text"),
    (["a.txt"], False, "json"),
    (["a.html"], False, "json"),
    (["a.txt", "b.txt"], False, "jsonl"),
    (["corpus.jsonl"], False, "jsonl"),
])
def test_default_format(paths: list[str], terminal: bool, expected: str) -> None:
    assert cli.default_format(paths, terminal) == expected


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--version"], capsys)
    assert code == 0 and out.strip() == f"annales {__version__}"


def test_json_prints_one_object(fake_ingest: None, files: dict[str, str], capsys) -> None:
    code, out, err = run(["analyze", files["siege.txt"], "--format", "json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["id"] == files["siege.txt"] and data["schema"] == "annales/2"
    assert data["text"] == TEXTS["siege.txt"]


def test_piped_single_document_defaults_to_json(fake_ingest: None, files: dict[str, str], capsys) -> None:
    code, out, _ = run(["analyze", files["siege.txt"]], capsys)
    assert code == 0 and json.loads(out)["id"] == files["siege.txt"]


def test_jsonl_carries_one_id_per_line(fake_ingest: None, files: dict[str, str], capsys) -> None:
    code, out, err = run(["analyze", files["siege.txt"], files["crue.txt"], "--format", "jsonl"], capsys)
    assert code == 0, err
    lines = out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [files["siege.txt"], files["crue.txt"]]


def test_piped_several_documents_default_to_jsonl(fake_ingest: None, files: dict[str, str], capsys) -> None:
    code, out, _ = run(["analyze", *files.values()], capsys)
    assert code == 0 and len(out.splitlines()) == 2


def test_text_shows_a_chronology_per_document(fake_ingest: None, files: dict[str, str], capsys) -> None:
    code, out, _ = run(["analyze", *files.values(), "--format", "text", "--dct", "2020-01-01"], capsys)
    assert code == 0
    assert out.count("Chronology") == 2
    assert f"== {files['siege.txt']} ==" in out and "DCT: 2020-01-01 (option)" in out


def test_json_refuses_several_documents(fake_ingest: None, files: dict[str, str], capsys) -> None:
    code, out, err = run(["analyze", *files.values(), "--format", "json"], capsys)
    assert code == 2 and out == ""
    assert err.startswith("annales: error:") and "jsonl" in err


def test_unknown_format_is_a_usage_error(fake_ingest: None, files: dict[str, str], capsys) -> None:
    code, _, err = run(["analyze", files["siege.txt"], "--format", "xml"], capsys)
    assert code == 2 and err.count("\n") == 1 and all(name in err for name in FORMATS)


def test_missing_argument_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["analyze"], capsys)
    assert code == 2 and err.startswith("annales: error:") and err.count("\n") == 1


# --- bad input -----------------------------------------------------------------------------

def test_missing_file_is_one_line(fake_ingest: None, tmp_path: Path, capsys) -> None:
    code, out, err = run(["analyze", str(tmp_path / "absent.txt")], capsys)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("annales: error:") and "absent.txt" in err


def test_batch_goes_on_after_a_bad_file(fake_ingest: None, files: dict[str, str], tmp_path: Path,
                                        capsys) -> None:
    missing = str(tmp_path / "absent.txt")
    code, out, err = run(["analyze", files["siege.txt"], missing, files["crue.txt"], "-f", "jsonl"], capsys)
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == [files["siege.txt"], files["crue.txt"]]
    assert err.splitlines()[-1].startswith("annales: error: 1 of 3 documents failed:")
    assert "absent.txt" in err.splitlines()[-1]


def test_a_crash_on_one_document_is_reported_and_the_others_go_on(
        fake_ingest: None, files: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    real = batch.analyze_document

    def fragile(document: SourceDocument, context: object = None):
        if document.id.endswith("siege.txt"):
            raise ValueError("boom")
        return real(document, context)

    monkeypatch.setattr(batch, "analyze_document", fragile)
    code, out, err = run(["analyze", *files.values(), "-f", "jsonl"], capsys)
    assert code == 1 and len(out.splitlines()) == 1
    assert f"annales: error: {files['siege.txt']}: internal error: ValueError: boom" in err
    assert "Traceback" not in err


def test_warnings_go_to_stderr(fake_ingest: None, files: dict[str, str], monkeypatch, capsys) -> None:
    real = batch.analyze_document

    def warned(document: SourceDocument, context: object = None):
        analysis = real(document, context)
        analysis.warnings.append("the text does not look French")
        return analysis

    monkeypatch.setattr(batch, "analyze_document", warned)
    code, _, err = run(["analyze", files["siege.txt"], "-f", "json"], capsys)
    assert code == 0
    assert f"annales: warning: {files['siege.txt']}: the text does not look French" in err


def test_bad_dct_is_a_clear_error(fake_ingest: None, files: dict[str, str], capsys) -> None:
    code, out, err = run(["analyze", files["siege.txt"], "--dct", "hier"], capsys)
    assert code == 2 and out == ""
    assert err.startswith("annales: error:") and "hier" in err and err.count("\n") == 1


def test_eval_timeml_on_an_empty_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["eval", "timeml", str(tmp_path)], capsys)
    assert code != 0 and "Traceback" not in err
    assert err.startswith("annales: error:") and err.count("\n") == 1


# --- what reaches the terminal ----------------------------------------------------------------

def test_messages_stay_one_line_and_cannot_drive_the_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    cli._error("doc\nannales: error: forged\x1b[2J\u202e\ud800")
    cli._warning("a\tb\r\x9b")
    err = capsys.readouterr().err
    assert err == ("annales: error: doc\\nannales: error: forged\\x1b[2J\\u202e\\ud800\n"
                   "annales: warning: a\\tb\\r\\x9b\n")


def test_a_jsonl_id_with_a_newline_cannot_forge_error_lines(
        fake_ingest: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    forged = "x\nannales: error: forged\x1b[31m"

    def read(paths: list[str], dct_option: str | None = None, language_option: str | None = None):
        yield SourceDocument(id=forged, text=TEXTS["siege.txt"], source=Source(path="c.jsonl"))
        yield SourceDocument(id="ok", text=TEXTS["crue.txt"], source=Source(path="c.jsonl"))

    def warned_or_failing(document: SourceDocument, context: object = None):
        if document.id == forged:
            raise ValueError("boom\x1b[31m")
        analysis = real(document, context)
        analysis.warnings.append("the text\n\x1b]0;title\x07 does not look French")
        return analysis

    real = batch.analyze_document
    monkeypatch.setattr(sys.modules["annales.ingest.read"], "read_inputs", read)
    monkeypatch.setattr(batch, "analyze_document", warned_or_failing)
    code, out, err = run(["analyze", str(tmp_path / "c.jsonl"), "-f", "jsonl"], capsys)
    assert code == 1 and [json.loads(line)["id"] for line in out.splitlines()] == ["ok"]
    lines = err.splitlines()
    assert [line.split(":")[1] for line in lines] == [" error", " warning", " error"]
    assert lines[0] == "annales: error: x\\nannales: error: forged\\x1b[31m: internal error: ValueError: boom\\x1b[31m"
    assert lines[1] == "annales: warning: ok: the text\\n\\x1b]0;title\\x07 does not look French"
    assert "\x1b" not in err


def test_a_failure_while_writing_one_document_is_reported_and_the_others_go_on(
        fake_ingest: None, files: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    real = cli.get_writer("jsonl")

    def fragile(analysis, stream) -> None:
        if analysis.id.endswith("siege.txt"):
            stream.write('{"half": ')  # a writer that breaks halfway leaves nothing behind
            raise ValueError("boom")
        real(analysis, stream)

    monkeypatch.setattr(cli, "get_writer", lambda name, options=None: fragile)
    code, out, err = run(["analyze", *files.values(), "-f", "jsonl"], capsys)
    assert code == 1 and [json.loads(line)["id"] for line in out.splitlines()] == [files["crue.txt"]]
    assert f"annales: error: {files['siege.txt']}: internal error while writing: ValueError: boom" in err


def test_a_bare_command_shows_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([], capsys)
    assert code == 2 and out == "" and err.startswith("Usage: annales") and "analyze" in err


@pytest.mark.parametrize(("written", "failures", "last", "total", "expected"), [
    (2, 0, "b.txt", 5, "2 of 5 documents written (last: b.txt)"),
    (0, 0, None, 1, "0 of 1 document written"),
    (1, 1, "a", None, "1 document written, 1 failed (last: a)"),
    (3, 0, "c", None, "3 documents written (last: c)"),
])
def test_interrupted_summary(written: int, failures: int, last: str | None, total: int | None,
                             expected: str) -> None:
    progress = batch.Progress(seen=written + failures, written=written, failures=["x"] * failures,
                              last_written=last)
    assert cli.interrupted_summary(progress, total) == expected


def test_eval_reports_show_control_characters_as_escapes() -> None:
    stream = io.StringIO()
    cli._TerminalText(stream).write("doc\x1b[31m\tX\n")
    assert stream.getvalue() == "doc\\x1b[31m\tX\n"


# --- with the real ingestion ---------------------------------------------------------------

def test_real_files_in_every_format(real_ingest: None, files: dict[str, str], capsys) -> None:
    for name in FORMATS:
        code, out, err = run(["analyze", files["crue.txt"], "--format", name], capsys)
        assert code == 0, err
        assert out.strip()
    code, out, _ = run(["analyze", *files.values(), "--format", "jsonl"], capsys)
    assert [json.loads(line)["id"] for line in out.splitlines()] == list(files.values())


def test_real_missing_file_in_a_batch(real_ingest: None, files: dict[str, str], tmp_path: Path,
                                      capsys) -> None:
    code, out, err = run(["analyze", files["crue.txt"], str(tmp_path / "absent.txt"), "-f", "jsonl"], capsys)
    assert code == 1 and len(out.splitlines()) == 1
    assert "Traceback" not in err and "1 of 2 documents failed" in err


def test_real_bad_dct(real_ingest: None, files: dict[str, str], capsys) -> None:
    code, out, err = run(["analyze", files["crue.txt"], "--dct", "31/02/1910"], capsys)
    assert code == 2 and out == "" and err.startswith("annales: error:") and err.count("\n") == 1


# --- as a user runs it ---------------------------------------------------------------------

def _subprocess(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "annales", *args], capture_output=True, text=True,
                          timeout=300, check=False)


def test_python_dash_m_version() -> None:
    result = _subprocess("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"annales {__version__}"


def test_subprocess_missing_file_has_no_traceback(tmp_path: Path) -> None:
    result = _subprocess("analyze", str(tmp_path / "absent.txt"))
    assert result.returncode != 0 and result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("annales: error:")


# --- documentation -------------------------------------------------------------------------

@pytest.mark.parametrize("word", ["annales analyze", "--format", "--dct", "annales eval timeml",
                                  "--errors", "--version", "python -m annales", *FORMATS])
def test_readme_documents_every_command_and_option(readme: str, word: str) -> None:
    assert word in readme


# --- bundled samples -----------------------------------------------------------------------

SAMPLES = ["journal_de_marche_1914.txt", "article_commemoration.txt", "recit_debarquement_1944.txt"]


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_is_a_plain_french_text(samples_dir: Path, name: str) -> None:
    text = (samples_dir / name).read_text(encoding="utf-8")
    assert 400 <= len(text.split()) <= 900
    assert "\n\n" not in text and "\r" not in text  # one paragraph per line


def test_samples_run_as_in_make_run(real_ingest: None, samples_dir: Path, capsys) -> None:
    paths = [str(samples_dir / name) for name in SAMPLES]
    code, out, err = run(["analyze", *paths, "--format", "text"], capsys)
    assert code == 0, err
    assert out.count("Chronology") == len(SAMPLES)
    assert "DCT: 2023-11-11" in out  # read from the article's byline
