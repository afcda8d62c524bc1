"""Encodings and Unicode forms: nothing garbled, nothing lost, every offset into the text as given."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annales.common.unicode import is_nfc, nfc_with_map, remap_spans
from annales.context import Context
from annales.errors import InputError
from annales.ingest.read import read_inputs
from annales.model import Analysis, Event, Evidence, Finding, Mention, SourceDocument, Span, Trigger
from annales.pipeline import analyze_document

UTF8_LINE = "Le 3 août 1914, la mobilisation générale est décrétée à Besançon."
CP1252_LINE = "Le 4 août, le régiment quitte la caserne de Chalon-sur-Saône."


def _read(tmp_path: Path, name: str, raw: bytes) -> tuple[str, list[SourceDocument | InputError]]:
    path = tmp_path / name
    path.write_bytes(raw)
    return str(path), list(read_inputs([str(path)]))


def _record(identifier: str, text: str) -> str:
    return json.dumps({"id": identifier, "text": text}, ensure_ascii=False)


# JSON Lines: each line decoded on its own


def test_jsonl_lines_are_decoded_each_on_its_own(tmp_path: Path) -> None:
    lines = [_record("u1", UTF8_LINE).encode("utf-8"), _record("c2", CP1252_LINE).encode("cp1252"),
             _record("u3", "Le 5 août, départ pour la frontière.").encode("utf-8")]
    path, items = _read(tmp_path, "corpus.jsonl", b"\r\n".join(lines) + b"\r\n")
    documents = {item.id: item for item in items if isinstance(item, SourceDocument)}
    assert len(items) == 3 and set(documents) == {"u1", "c2", "u3"}
    assert documents["u1"].text == UTF8_LINE
    assert documents["c2"].text == CP1252_LINE
    assert documents["u3"].text == "Le 5 août, départ pour la frontière."
    assert [documents[i].source.encoding for i in ("u1", "c2", "u3")] == ["utf-8", "cp1252", "utf-8"]
    assert documents["u1"].warnings == [] and documents["u3"].warnings == []
    assert documents["c2"].warnings == ["mixed encodings: this line read as cp1252 while other lines of the file "
                                        "are UTF-8"]
    for raw, identifier in zip(lines, ("u1", "c2", "u3"), strict=True):
        # The record's bytes as stored: neither the line end nor a re-encoding into UTF-8.
        assert documents[identifier].source.sha256 == hashlib.sha256(raw).hexdigest()


def test_jsonl_wholly_in_cp1252_is_not_mixed(tmp_path: Path) -> None:
    raw = (_record("c1", CP1252_LINE) + "\n" + _record("c2", "Été 1916 : la Somme.") + "\n").encode("cp1252")
    _, items = _read(tmp_path, "ancien.jsonl", raw)
    assert [(d.text, d.source.encoding, d.warnings) for d in items if isinstance(d, SourceDocument)] == [
        (CP1252_LINE, "cp1252", []), ("Été 1916 : la Somme.", "cp1252", [])]


def test_jsonl_undecodable_line_fails_alone(tmp_path: Path) -> None:
    bad = b'{"id": "x", "text": "\x81\x8d\x8f\x90\x9d"}'
    raw = _record("a", UTF8_LINE).encode() + b"\n" + bad + b"\n" + _record("b", CP1252_LINE).encode("cp1252")
    path, items = _read(tmp_path, "corpus.jsonl", raw)
    assert [type(item).__name__ for item in items] == ["SourceDocument", "InputError", "SourceDocument"]
    assert str(items[1]) == f"{path}:2: undecodable bytes: neither UTF-8 nor CP1252"
    assert [item.text for item in items if isinstance(item, SourceDocument)] == [UTF8_LINE, CP1252_LINE]


def test_jsonl_escaped_nul_is_data(tmp_path: Path) -> None:
    text = "Le 2 mai 1808,\u0000 Madrid se soulève."
    _, items = _read(tmp_path, "nul.jsonl", (_record("n", text) + "\n").encode())
    (document,) = items
    assert isinstance(document, SourceDocument)
    # One character for one: offsets into the record's text are kept.
    assert document.text == text.replace("\u0000", "\ufffd") and len(document.text) == len(text)
    assert document.warnings == ["1 NUL character read as U+FFFD (first at offset 14 of the text)"]


def test_jsonl_escaped_lone_surrogate_is_replaced_and_analysed(tmp_path: Path, context: Context) -> None:
    raw = b'{"id": "s", "text": "Le 2 mai 1808, \\ud800 Madrid se soul\\u00e8ve."}\n'
    _, items = _read(tmp_path, "half.jsonl", raw)
    (document,) = items
    assert isinstance(document, SourceDocument)
    assert "\ufffd" in document.text and not any(0xD800 <= ord(c) <= 0xDFFF for c in document.text)
    assert document.warnings == ["1 lone surrogate code point read as U+FFFD (first at offset 15 of the text)"]
    assert [t.value for t in analyze_document(document, context).timexes] == ["1808-05-02"]


def test_jsonl_raw_nul_byte_fails_its_line_only(tmp_path: Path) -> None:
    raw = (_record("a", UTF8_LINE).encode() + b"\n" + b'{"id": "z", "text": "Le 9 mai\x00 1945."}\n'
           + _record("b", "Le 8 mai 1945, la capitulation.").encode() + b"\n")
    path, items = _read(tmp_path, "corpus.jsonl", raw)
    assert [type(item).__name__ for item in items] == ["SourceDocument", "InputError", "SourceDocument"]
    message = str(items[1])
    assert message == f"{path}:2: bad JSON (Invalid control character at column 30)"


def test_jsonl_binary_file_is_refused_as_a_whole(tmp_path: Path) -> None:
    raw = b"\x1f\x8b\x08\x00\x00\x00\x00\x00" + bytes(range(256)) * 8
    path, items = _read(tmp_path, "corpus.jsonl", raw)
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert str(items[0]).startswith(f"{path}: binary file")


def test_jsonl_in_utf16_keeps_each_record_bytes(tmp_path: Path) -> None:
    lines = [_record("a", UTF8_LINE), _record("b", CP1252_LINE)]
    _, items = _read(tmp_path, "corpus.jsonl", "\n".join(lines).encode("utf-16"))
    assert [item.text for item in items if isinstance(item, SourceDocument)] == [UTF8_LINE, CP1252_LINE]
    assert items[1].source.sha256 == hashlib.sha256(lines[1].encode("utf-16-le")).hexdigest()


# Plain text: stray NULs, binary files, mixed encodings


def test_stray_nul_in_text_is_read_as_replacement_character(tmp_path: Path) -> None:
    text = "Le 14 juillet 1790,\nla fête de la\x00 Fédération\x00 réunit les délégués.\n"
    _, items = _read(tmp_path, "texte.txt", text.encode())
    (document,) = items
    assert isinstance(document, SourceDocument)
    assert document.text == text.replace("\x00", "\ufffd")
    assert document.source.sha256 == hashlib.sha256(text.encode()).hexdigest()
    assert document.warnings == ["2 NUL bytes read as U+FFFD (first: line 2)"]


@pytest.mark.parametrize("raw", [
    b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + b"\x02\x00\x3e\x00" + bytes(range(256)) * 4,
    b"\x00" * 4096,
    "Le 14 juillet 1790, la fête de la Fédération.".encode("utf-16-le"),  # no byte order mark
    b"Un texte bien ordinaire. " * 400 + b"\x00\x01\x02\x03" * 400,  # a binary tail
])
def test_binary_file_is_refused(tmp_path: Path, raw: bytes) -> None:
    path, items = _read(tmp_path, "binaire.txt", raw)
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert str(items[0]) in (f"{path}: binary file (NUL bytes), not text",
                             f"{path}: binary file (control characters), not text")


def _mixed_lines() -> tuple[list[bytes], str]:
    lines, expected = [], []
    for number in range(1, 21):
        line = f"Ligne {number} : le régiment gagne l'étape suivante."
        cp1252 = number in (12, 15, 19)
        lines.append(line.encode("cp1252" if cp1252 else "utf-8"))
        expected.append(line)
    return lines, "\n".join(expected) + "\n"


def test_mixed_encodings_keep_utf8_lines_and_warn(tmp_path: Path) -> None:
    lines, expected = _mixed_lines()
    raw = b"\n".join(lines) + b"\n"
    _, items = _read(tmp_path, "melange.txt", raw)
    (document,) = items
    assert isinstance(document, SourceDocument)
    assert document.text == expected and "Ã" not in document.text
    assert document.source.encoding == "utf-8+cp1252"
    assert document.source.sha256 == hashlib.sha256(raw).hexdigest()
    assert document.warnings == ["mixed encodings: 3 lines read as cp1252 (first: line 12)"]
    analysis = Analysis.from_source(document)
    assert analysis.warnings == document.warnings and analysis.warnings is not document.warnings


def test_mixed_encodings_after_a_utf8_byte_order_mark(tmp_path: Path) -> None:
    lines, expected = _mixed_lines()
    _, items = _read(tmp_path, "melange.txt", b"\xef\xbb\xbf" + b"\r\n".join(lines))
    (document,) = items
    assert isinstance(document, SourceDocument)
    assert document.text == expected.rstrip("\n").replace("\n", "\r\n")
    assert document.source.encoding == "utf-8-sig+cp1252"


def test_mixed_file_with_a_line_in_no_encoding_fails_with_its_number(tmp_path: Path) -> None:
    raw = (UTF8_LINE + "\n").encode() + CP1252_LINE.encode("cp1252") + b"\n\x81\x8d\x8f\x90 fin\n"
    path, items = _read(tmp_path, "melange.txt", raw)
    assert [str(item) for item in items] == [
        f"{path}: line 3 is neither UTF-8 nor CP1252, while other lines are UTF-8"]


def test_mixed_encoding_warning_reaches_the_analysis(tmp_path: Path, context: Context) -> None:
    raw = (UTF8_LINE + "\n").encode() + (CP1252_LINE + "\n").encode("cp1252")
    _, (document,) = _read(tmp_path, "melange.txt", raw)
    assert isinstance(document, SourceDocument)
    analysis = analyze_document(document, context)
    assert analysis.warnings[0] == "mixed encodings: 1 line read as cp1252 (first: line 2)"
    assert [t.value for t in analysis.timexes] == ["1914-08-03", "1914-08-04"]


# Unicode normalisation: the stages read NFC, the user gets offsets into the text as given

STORY = ("Le 12 décembre 1914, le général Fernando Durán quitte Orléans pour Besançon avec "
         "1 200 hommes. Le lendemain, l'état-major rejoint Épernay. Le 3 février 1915, "
         "Hélène Lefèvre écrit à Noël Régnier : « Nous tiendrons jusqu'à l'été. » "
         "Le 14 août, le régiment défile à Périgueux.\n")


def _spans(data: Any) -> list[dict[str, Any]]:
    """Every {start, end, …} object in a `to_dict()`, the top-level text excepted."""
    found: list[dict[str, Any]] = []
    stack = [value for key, value in data.items() if key != "text"]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
                found.append(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _assert_same_analysis(composed: Analysis, decomposed: Analysis, nfd: str) -> None:
    assert decomposed.text == nfd
    assert [(t.value, t.type) for t in decomposed.timexes] == [(t.value, t.type) for t in composed.timexes]
    assert sorted((e.type, e.name) for e in decomposed.entities) == sorted((e.type, e.name) for e in composed.entities)
    mine, theirs = _spans(decomposed.to_dict()), _spans(composed.to_dict())
    assert len(mine) == len(theirs)
    for span, twin in zip(mine, theirs, strict=True):
        assert 0 <= span["start"] <= span["end"] <= len(nfd)
        if "text" in span:
            assert nfd[span["start"]:span["end"]] == span["text"]
        # The same words: the decomposed span composes into its twin, at its twin's place.
        assert unicodedata.normalize("NFC", nfd[span["start"]:span["end"]]) == composed.text[twin["start"]:twin["end"]]
        assert len(unicodedata.normalize("NFC", nfd[:span["start"]])) == twin["start"]


def test_nfd_text_gives_the_analysis_of_its_nfc_twin(context: Context) -> None:
    nfd = unicodedata.normalize("NFD", STORY)
    assert nfd != STORY
    composed = analyze_document(SourceDocument(id="nfc", text=STORY), context)
    decomposed = analyze_document(SourceDocument(id="nfd", text=nfd), context)
    assert [t.value for t in composed.timexes] == ["1914-12-12", "1914-12-13", "1915-02-03", "1915-SU", "1915-08-14"]
    assert any(e.name == "Fernando Durán" for e in decomposed.entities)
    _assert_same_analysis(composed, decomposed, nfd)
    assert decomposed.warnings == composed.warnings


PIECES = st.sampled_from([
    "Le 12 décembre 1914, ", "le général Durán ", "quitte Orléans. ", "Le lendemain, ", "Hélène Lefèvre ",
    "arrive à Besançon ", "en février 1916", " avec 300 hommes", ". ", "\n", "\n\n", "L'été suivant, ",
    "le 3 août", " à Périgueux", "Noël Régnier", " « Tenez bon ! » ", "Ça ira. ",
])


@settings(max_examples=30, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=14).map("".join))
def test_nfd_twin_property(context: Context, text: str) -> None:
    nfd = unicodedata.normalize("NFD", text)
    composed = analyze_document(SourceDocument(id="nfc", text=text), context)
    decomposed = analyze_document(SourceDocument(id="nfd", text=nfd), context)
    _assert_same_analysis(composed, decomposed, nfd)


MARKS = st.sampled_from(["\u0301", "\u0300", "\u0302", "\u0308", "\u0327", "\u0323", "\u031b", "\u0344", "\u0345"])
BASES = st.sampled_from(list("aeiouyAEIOUcnCN \n.,'«»-") + ["\u212b", "\u2126", "\u00e9", "\u0391", "\u03c9"])
DECOMPOSED = st.lists(st.tuples(BASES, st.lists(MARKS, max_size=3)), max_size=40).map(
    lambda clusters: "".join(base + "".join(marks) for base, marks in clusters))


@settings(max_examples=50, deadline=None)
@given(st.one_of(DECOMPOSED, st.text(max_size=60)))
def test_nfc_map_property(text: str) -> None:
    normalised, offsets = nfc_with_map(text)
    if offsets is None:
        assert normalised is text  # already NFC, or declined: analysed as given
        return
    assert normalised == unicodedata.normalize("NFC", text)
    assert offsets.start(0) == 0 and offsets.end(len(normalised)) == len(text)
    previous_start = previous_end = 0
    for offset in range(len(normalised) + 1):
        start, end = offsets.start(offset), offsets.end(offset)
        assert previous_start <= start <= end and previous_end <= end
        previous_start, previous_end = start, end
        # A mapped offset never splits a character as given: what lies before it composes into a
        # prefix of the normalised text, ending at or before `offset` (for a start) or after it (an end).
        before = unicodedata.normalize("NFC", text[:start])
        assert normalised.startswith(before) and len(before) <= offset
        through = unicodedata.normalize("NFC", text[:end])
        assert normalised.startswith(through) and len(through) >= offset


def test_nfc_text_costs_no_copy() -> None:
    normalised, offsets = nfc_with_map(STORY)
    assert normalised is STORY and offsets is None


def test_nfc_expansion_maps_to_the_whole_cluster() -> None:
    # U+0344 composes into two characters: a span may end between them, and then takes the whole cluster.
    text = "ab\u0344c"
    normalised, offsets = nfc_with_map(text)
    assert normalised == "ab\u0308\u0301c" and offsets is not None
    # The cluster "b" + U+0344 is [1, 3) as given and [1, 4) normalised.
    assert (offsets.start(1), offsets.end(2), offsets.start(2), offsets.end(3)) == (1, 3, 1, 3)
    assert (offsets.end(4), offsets.start(4), offsets.end(5)) == (3, 3, 4)


def test_hangul_jamo_are_analysed_as_given(context: Context) -> None:
    jamo = "\u1112\u1161\u11ab\u1100\u116e\u11a8"  # "Hanguk" in conjoining jamo, which NFC joins into syllables
    text = f"Le 25 juin 1950, la guerre de Corée commence ({jamo}). Le 3 août, Séoul tombe."
    assert not is_nfc(text)
    assert nfc_with_map(text) == (text, None)  # jamo compose across starters: no cluster-wise map
    analysis = analyze_document(SourceDocument(id="k", text=text), context)
    assert analysis.text == text
    assert any("not in Unicode NFC" in warning for warning in analysis.warnings)
    assert [t.value for t in analysis.timexes][:1] == ["1950-06-25"]


def test_remap_reaches_every_span_once() -> None:
    original = unicodedata.normalize("NFD", "Éloi Durán, préfet, et Zoé Méry")
    normalised, offsets = nfc_with_map(original)
    assert offsets is not None
    name = normalised.index("Durán")
    shared = Span(name, name + 5)
    mention = Mention(name, name + 5, "Durán", role=Span(name + 7, name + 13), descriptor=shared)
    evidence = Evidence(name, name + 5, "Durán")
    finding = Finding(id="fnd-1", kind="role-conflict", severity="medium", message="…", evidence=[evidence],
                      detail={"command_mentions": [[name, name + 5]], "where": {"start": 0, "end": 4, "text": "Éloi"},
                              "parts": [1, 2]})
    event = Event(id="evt-1", sentence=shared, trigger=Trigger(0, 4, "Éloi", "éloi"))
    remap_spans([mention, finding, event, shared], offsets, original)
    start, end = original.index("Dura"), original.index("Dura") + len("Dura\u0301n")
    assert (mention.start, mention.end, mention.text) == (start, end, original[start:end])
    assert (shared.start, shared.end) == (start, end)  # referenced twice, mapped once
    assert original[mention.role.start:mention.role.end] == unicodedata.normalize("NFD", "préfet")
    assert (evidence.start, evidence.end, evidence.text) == (start, end, original[start:end])
    assert finding.detail["command_mentions"] == [[start, end]]
    assert finding.detail["where"] == {"start": 0, "end": 5, "text": original[:5]}
    assert finding.detail["parts"] == [1, 2]  # figures, not offsets
    assert (event.trigger.start, event.trigger.end, event.trigger.text) == (0, 5, original[:5])
