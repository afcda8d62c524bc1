"""Reading inputs: encodings, HTML, JSON Lines, bad files and the --dct option."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from annales.errors import InputError
from annales.ingest.read import MAX_BYTES, read_inputs
from annales.model import SourceDocument

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PHRASE = "Le 14 juillet 1790, la fête de la Fédération réunit les délégués des gardes nationales.\n"


def _one(paths: list[str], dct: str | None = None) -> SourceDocument | InputError:
    items = list(read_inputs(paths, dct))
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (PHRASE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + PHRASE.encode("utf-8"), "utf-8-sig"),
        (PHRASE.encode("cp1252"), "cp1252"),
        ("Les « ultras » réclament l’œuvre entière.\n".encode("cp1252"), "cp1252"),
        (PHRASE.encode("utf-16"), "utf-16"),
    ],
)
def test_text_encodings(tmp_path: Path, raw: bytes, encoding: str) -> None:
    path = tmp_path / "texte.txt"
    path.write_bytes(raw)
    document = _one([str(path)])
    assert isinstance(document, SourceDocument)
    assert document.source.encoding == encoding
    assert document.source.sha256 == hashlib.sha256(raw).hexdigest()
    assert document.source.media_type == "text/plain"
    assert document.id == str(path)
    assert document.text == raw.decode(encoding)
    assert not document.text.startswith("\ufeff")


def test_text_is_kept_unchanged_with_crlf(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("Première ligne.\r\nSeconde ligne.\r\n".encode())
    document = _one([str(path)])
    assert isinstance(document, SourceDocument)
    assert document.text == "Première ligne.\r\nSeconde ligne.\r\n"


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[str, str]]:
    empty = tmp_path / "vide.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blanc.txt"
    blank.write_bytes(b"  \n\t\n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    controls = tmp_path / "controles.txt"
    controls.write_bytes(bytes(range(1, 9)) * 50)
    undecodable = tmp_path / "illisible.txt"
    undecodable.write_bytes(b"\x81\x8d\x8f\x90\x9d" * 40)
    large = tmp_path / "enorme.txt"
    with large.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    return {
        "missing": (str(tmp_path / "absent.txt"), "no such file"),
        "directory": (str(tmp_path), "directory"),
        "empty": (str(empty), "empty"),
        "whitespace": (str(blank), "empty"),
        "binary": (str(binary), "binary"),
        "controls": (str(controls), "binary"),
        "undecodable": (str(undecodable), "undecodable"),
        "too large": (str(large), "too large"),
    }


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "whitespace", "binary", "controls",
                                  "undecodable", "too large"])
def test_bad_inputs_give_one_line_errors(tmp_path: Path, case: str) -> None:
    path, words = _bad_inputs(tmp_path)[case]
    error = _one([path])
    assert isinstance(error, InputError)
    message = str(error)
    assert path in message and words in message and "\n" not in message


def test_a_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    good = tmp_path / "bon.txt"
    good.write_text(PHRASE, encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "absent.txt"), str(good)]))
    assert isinstance(items[0], InputError)
    assert isinstance(items[1], SourceDocument)


def test_html_page() -> None:
    document = _one([str(FIXTURES / "page.html")])
    assert isinstance(document, SourceDocument)
    assert document.source.media_type == "text/html"
    assert "janvier 1910" in document.text
    assert "tracker" not in document.text and "console.log" not in document.text
    assert document.metadata["title"] == "La crue de la Seine en 1910"
    assert document.metadata["author"] == "Odile Verrier"
    assert document.dct is not None
    assert (document.dct.value, document.dct.origin) == ("2021-01-28", "html-meta")


def test_html_without_main_text(tmp_path: Path) -> None:
    path = tmp_path / "vide.html"
    path.write_text("<html><head><script>var a = 1;</script></head><body></body></html>", encoding="utf-8")
    error = _one([str(path)])
    assert isinstance(error, InputError) and "no main text" in str(error)


def test_dct_option_overrides_every_date(tmp_path: Path) -> None:
    document = _one([str(FIXTURES / "page.html")], dct="1999-12-31")
    assert isinstance(document, SourceDocument)
    assert document.dct is not None
    assert (document.dct.value, document.dct.origin) == ("1999-12-31", "option")


@pytest.mark.parametrize("value", ["31/12/1999", "1999-13-01", "1999-02-30", "hier", ""])
def test_bad_dct_option_raises_before_reading(value: str) -> None:
    with pytest.raises(InputError, match="--dct"):
        read_inputs(["nothing-is-read.txt"], value)


JSONL_LINES = [
    json.dumps({"id": "a1", "text": "Le 2 décembre 1805, Napoléon l'emporte à Austerlitz.",
                "dct": "2005-12-02", "title": "Austerlitz", "url": "https://exemple.org/a1"},
               ensure_ascii=False),
    "",
    "{ceci n'est pas du JSON",
    json.dumps({"id": "a3", "title": "Sans texte"}),
    json.dumps({"id": "a4", "text": "Le traité de Presbourg suit de peu la bataille.", "dct": "2005-02-30"}),
    json.dumps({"id": "a5", "html": "<html><body><article><p>Le 26 décembre 1805, le traité de Presbourg est "
                "signé entre la France et l'Autriche, qui cède la Vénétie et le Tyrol."
                "</p></article></body></html>"},
               ensure_ascii=False),
    json.dumps(["une", "liste"]),
    json.dumps({"id": "a7", "text": "La paix ne dure guère :\u2028la Prusse reprend les armes."},
               ensure_ascii=False),
]


@pytest.fixture
def corpus(tmp_path: Path) -> list[SourceDocument | InputError]:
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(JSONL_LINES) + "\n", encoding="utf-8")
    return list(read_inputs([str(path)]))


def test_jsonl_good_lines(corpus: list[SourceDocument | InputError]) -> None:
    documents = {item.id: item for item in corpus if isinstance(item, SourceDocument)}
    assert set(documents) == {"a1", "a5", "a7"}
    first = documents["a1"]
    assert first.dct is not None and (first.dct.value, first.dct.origin) == ("2005-12-02", "jsonl")
    assert first.metadata["title"] == "Austerlitz" and first.metadata["url"] == "https://exemple.org/a1"
    assert documents["a5"].source.media_type == "text/html"
    assert "Presbourg" in documents["a5"].text
    assert documents["a7"].dct is None
    assert "\u2028" in documents["a7"].text  # a raw line separator inside a string is not a line end


@pytest.mark.parametrize(("line", "words"), [(3, "bad JSON"), (4, "no non-empty 'text' or 'html'"),
                                             (5, "'dct'"), (7, "JSON object")])
def test_jsonl_bad_lines_name_file_and_line(corpus: list[SourceDocument | InputError], line: int,
                                           words: str) -> None:
    errors = [str(item) for item in corpus if isinstance(item, InputError)]
    assert len(errors) == 4
    assert any(f"corpus.jsonl:{line}:" in message and words in message for message in errors), errors
