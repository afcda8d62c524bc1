"""Documents longer than spaCy parses at once: parsed in chunks with every offset kept; past MAX_CHARS, refused."""

from __future__ import annotations

import random
import unicodedata

import pytest

from annales import backbone
from annales.backbone import MAX_CHARS, chunk_bounds, parse, parse_text
from annales.batch import analyse_items
from annales.context import Context
from annales.errors import InputError
from annales.model import Analysis, SourceDocument
from annales.pipeline import analyze_document

PERSONS = ["le capitaine Paul Morel", "le lieutenant Jules Vidal", "le sergent Henri Garnier",
           "le colonel Étienne Faure", "l'adjudant Léon Roussel"]
VERBS = ["quitte", "atteint", "occupe", "traverse", "fortifie", "relève", "défend"]
PLACES = ["le village de Vaucourt", "la ferme de Navarin", "le bois de la Hache", "la route de Tahure",
          "le moulin de Fleury", "la gare de Perthes"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]


def _sentence(rng: random.Random) -> str:
    what = f"{rng.choice(PERSONS)} {rng.choice(VERBS)} {rng.choice(PLACES)} avec {rng.randint(2, 900)} hommes"
    if rng.random() < 0.3:
        return f"Le {rng.randint(1, 28)} {rng.choice(MONTHS)} 1915, {what}."
    return f"{what[0].upper()}{what[1:]}."


def _story(chars: int, seed: int = 3) -> str:
    """A French narrative of about `chars` characters: paragraphs of our own varied sentences."""
    rng = random.Random(seed)
    paragraphs, size = [], 0
    while size < chars:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(2, 7))) + rng.choice(["\n\n", "\n", "\n\n\n"])
        paragraphs.append(paragraph)
        size += len(paragraph)
    return "".join(paragraphs)


@pytest.fixture(scope="module")
def long_story() -> str:
    text = _story(1_200_000)
    assert len(text) > 1_000_000
    return text


def test_chunked_parse_keeps_every_offset(long_story: str) -> None:
    # Only the tokenizer here: a full parse of 1.2 million characters takes a minute. The chunks and
    # their joining are the same whatever the components; the next test runs them all on a shorter text.
    tokens_only = Context(model_components=())
    assert len(long_story) > tokens_only.nlp.max_length
    doc = parse_text(long_story, tokens_only)
    assert doc.text == long_story
    whole = tokens_only.nlp.tokenizer(long_story)  # the tokenizer alone has no length limit
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in whole]


def test_chunked_parse_keeps_the_annotations(context: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    text = _story(30_000, seed=5)
    whole = Analysis(id="whole", text=text)
    parse(whole, context)
    monkeypatch.setattr(context.nlp, "max_length", 9_000)
    chunked = Analysis(id="chunked", text=text)
    parse(chunked, context)
    assert len(list(chunk_bounds(text, 9_000))) >= 4
    assert chunked.doc.text == text
    assert [(t.idx, t.text) for t in chunked.doc] == [(t.idx, t.text) for t in whole.doc]
    # The cuts fall at paragraph breaks, where the parser also ends a sentence, so nothing is lost.
    assert chunked.sentences == whole.sentences
    assert [(t.lemma_, t.pos_, t.dep_, t.head.i) for t in chunked.doc] == \
        [(t.lemma_, t.pos_, t.dep_, t.head.i) for t in whole.doc]
    assert [(e.start_char, e.end_char, e.label_) for e in chunked.doc.ents] == \
        [(e.start_char, e.end_char, e.label_) for e in whole.doc.ents]


def test_chunks_end_at_the_best_break() -> None:
    # A break of a better kind wins over a later one of a worse kind, within the window's second half.
    blank_line = "Une phrase. Une autre phrase.\nUne ligne.\n\nUn paragraphe. Et la suite du texte continue"
    assert blank_line[:next(chunk_bounds(blank_line, 60))[1]].endswith("Une ligne.\n\n")
    line_end = "Une phrase. Une autre phrase. Une ligne.\nUn paragraphe. Et la suite du texte continue"
    assert line_end[:next(chunk_bounds(line_end, 60))[1]].endswith("Une ligne.\n")
    sentence_end = "Une phrase. Une autre phrase. Une ligne. Un paragraphe qui ne finit plus jamais de durer"
    assert sentence_end[:next(chunk_bounds(sentence_end, 60))[1]].endswith("Une ligne. ")
    # A break in the window's first half only when its second half has none: chunks stay long.
    assert [end - start for start, end in chunk_bounds("mot " * 30, 50)] == [48, 48, 24]


def test_pieces_end_only_where_a_sentence_surely_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backbone, "PIECE_CHARS", 20)
    text = ("Le colonel arrive au camp le soir.\nIl repart avec M.\nDurand vers la ferme " * 3
            + "et la suite sans fin de ligne ni de point")
    bounds = list(backbone.piece_bounds(text, 0, len(text)))
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in zip(bounds, bounds[1:], strict=False))
    # Cut after "soir.\n" (a word of three letters or more, then the sentence's mark), never after
    # an initial ("M.\n") nor in the middle of a line.
    assert {text[end - 6:end] for _, end in bounds[:-1]} == {"soir.\n"}
    assert len(bounds) == 4


def test_a_text_is_parsed_in_pieces_as_one_batch(context: Context) -> None:
    text = _story(6_000, seed=11)
    pieces = list(backbone.piece_bounds(text, 0, len(text)))
    assert len(pieces) >= 4
    doc = parse_text(text, context)
    assert doc.text == text
    starts = {s.start_char for s in doc.sents}
    # Each piece begins a sentence, and a piece's trailing blank is kept with the sentence before it.
    assert all(start in starts for start, _ in pieces)
    ends = {s.end_char for s in doc.sents}
    assert all(end in ends for _, end in pieces)


@pytest.mark.parametrize("text", [
    _story(5_000, seed=9),
    "x" * 130,  # no break at all: cut anywhere
    unicodedata.normalize("NFD", "x" + "é" * 70),  # … but never between a letter and its accent
    "a\n\n" * 40,
])
def test_chunks_cover_the_text_exactly(text: str) -> None:
    bounds = list(chunk_bounds(text, 50))
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in zip(bounds, bounds[1:], strict=False))
    assert all(0 < end - start <= 50 for start, end in bounds)
    assert not any(unicodedata.combining(text[start]) for start, _ in bounds)


def test_too_long_document_is_refused_before_any_stage(context: Context) -> None:
    text = "Le régiment avance. " * (MAX_CHARS // 20 + 1)
    assert len(text) > MAX_CHARS
    with pytest.raises(InputError) as error:
        analyze_document(SourceDocument(id="long.txt", text=text), context)
    assert str(error.value) == f"document too long: {len(text):,} characters (limit {MAX_CHARS:,}); split it"


def test_too_long_document_fails_alone_in_a_batch(context: Context) -> None:
    too_long = SourceDocument(id="long.txt", text="a " * (MAX_CHARS // 2 + 1))
    short = SourceDocument(id="court.txt", text="Le 2 décembre 1805, la bataille d'Austerlitz commence.")
    first, second = analyse_items([too_long, short], context)
    assert first.analysis is None and first.error is not None and "\n" not in first.error
    assert first.error.startswith("long.txt: document too long: ")
    assert second.analysis is not None and [t.value for t in second.analysis.timexes] == ["1805-12-02"]


def test_the_backbone_stage_checks_the_length_too(context: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backbone, "MAX_CHARS", 10)
    with pytest.raises(InputError, match="document too long: 11 characters"):
        parse(Analysis(id="a", text="onze lettre"), context)


def test_a_long_run_without_spaces_is_cut_into_plain_tokens(context: Context) -> None:
    # The tokenizer's cost grows with the square of such a run; the text around it is untouched.
    run = "(" * 3000 + ")" * 3000
    text = f"Le 3 mai 1917, le régiment part. {run} Le 4 mai 1917, il arrive.\n"
    analysis = Analysis(id="run", text=text)
    parse(analysis, context)
    assert analysis.doc.text == text
    tokens = [t.text for t in analysis.doc]
    assert max(len(t) for t in tokens) <= 100
    before, after = "Le 3 mai 1917, le régiment part.", "Le 4 mai 1917, il arrive."
    assert tokens[:9] == [t.text for t in context.nlp.make_doc(before)]
    assert tokens[-9:-1] == [t.text for t in context.nlp.make_doc(after)]
