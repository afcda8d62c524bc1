"""The linguistic backbone: one spaCy parse of the whole text, shared by every later stage.

spaCy refuses a text longer than `nlp.max_length` (1 000 000 characters). A longer text is parsed
in chunks of at most CHUNK_CHARS, cut at paragraph breaks (else line ends, else sentence ends,
else spaces), and the chunks' Docs are joined into one (`Doc.from_docs`) whose text is the whole
text: every token and offset is the one a single parse would give, and the annotations differ
only where a sentence runs across a cut, which a paragraph break almost never allows. A text up
to CHUNK_CHARS is parsed whole. A document longer than MAX_CHARS is refused before any stage runs
(`check_length`).

spaCy's tokenizer peels a run of characters without a space one affix at a time, so its cost grows
with the square of the run's length (40 000 nested brackets: two minutes). A run longer than
LONG_RUN is therefore cut into pieces of RUN_PIECE characters, each one token, and the text around
it is tokenized as usual: a text without such a run is tokenized exactly as before.

Whatever its length, a text is parsed in pieces of about PIECE_CHARS, cut only where a sentence
surely ends: at a blank line, or at a line that ends a sentence ("…en 1915.\n"). The pieces go to
spaCy as one batch: its parser and NER then step the states of all the pieces together, where a
single Doc is stepped alone, one transition at a time (a tenth of the parse's time on 3 000 words).
The parse of a piece is the parse of the whole text there, since a sentence starts at every such
break (`annales.common.sentence_breaks` sets it before the parser runs); a text with no such break
is parsed whole.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import Any

from annales.common.sentence_breaks import SURE_BREAK
from annales.context import Context, stage
from annales.errors import AnnalesError, InputError
from annales.model import Analysis, Sentence

# The longest document analysed, in characters: about an 850 000-word book. Measured on this
# project's machine kind (2 cores, 24 GB) on French narrative: 5 000 000 characters take about
# 3 minutes and 2.4 GB at peak, every stage linear in the text.
MAX_CHARS = 5_000_000
# The chunks of a text too long to parse whole: a parse's memory grows with its length (1 000 000
# characters at once peak at 3.5 GB, 200 000 at 1.0 GB), its time does not depend on the cut.
CHUNK_CHARS = 200_000
# No word, number or URL is this long: a run of this many characters without a space is debris or
# an attack, and is made of plain tokens of RUN_PIECE characters.
LONG_RUN = 256
RUN_PIECE = 100
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN},}}")
# The pieces of a text parsed as one batch (see the module's docstring). A piece ends at the first
# sure sentence end after PIECE_CHARS: a blank line, or a line end after a sentence's final mark
# that follows a word of three characters or more (not "M.", "J.-C." or an initial).
PIECE_CHARS = 1_000
_SENTENCE_BREAK = SURE_BREAK

# Where a chunk may end, best first: after a blank line, a line end, a sentence end, a space. Each
# takes the whole run of white space, so that the next chunk starts at a word: the tokenizer then
# cuts the two chunks exactly as it cuts the whole text (a run of spaces split in two would give
# two space tokens where the whole text has one).
_CUTS = (
    re.compile(r"\n[ \t\r\f\v]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?…»]\s+"),
    re.compile(r"\s+"),
)


def check_length(text: str) -> None:
    """Raises InputError when `text` is too long to be analysed."""
    if len(text) > MAX_CHARS:
        raise InputError(f"document too long: {len(text):,} characters (limit {MAX_CHARS:,}); split it")


def _last_break(text: str, pattern: re.Pattern[str], start: int, end: int) -> int | None:
    """The end of the last match of `pattern` in text[start:end] after which a word begins."""
    best = None
    for match in pattern.finditer(text, start, end):
        # A match cut short by `end` would split a run of white space.
        if match.end() == len(text) or not text[match.end()].isspace():
            best = match.end()
    return best


def _cut(text: str, start: int, limit: int) -> int:
    """Where the chunk that begins at `start` ends: the best break within `limit` characters.

    A break in the window's first half is taken only when its second half has none of any kind,
    so that chunks stay long and few."""
    window_end = start + limit
    for first in (start + limit // 2, start):
        for pattern in _CUTS:
            end = _last_break(text, pattern, first, window_end)
            if end is not None:
                return end
    # No space at all in `limit` characters: cut anywhere, but not between a letter and its accent.
    end = window_end
    while end > start + 1 and unicodedata.combining(text[end]):
        end -= 1
    return end


def chunk_bounds(text: str, limit: int) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive chunks covering `text`, each at most `limit` characters."""
    return _chunks(text, 0, len(text), limit)


def _chunks(text: str, start: int, stop: int, limit: int) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive chunks covering text[start:stop], each at most `limit` characters."""
    while stop - start > limit:
        end = _cut(text, start, limit)  # the window ends before `stop`, where a word begins
        yield start, end
        start = end
    yield start, stop


def _attach_trailing_space(doc: Any) -> None:
    """The white space that ends a chunk joined to the sentence before it, as the parser joins white
    space inside a text: at a Doc's very end the parser may make it a sentence of its own."""
    if len(doc) > 1 and doc[-1].is_space and doc[-1].head.i == doc[-1].i and doc[-1].has_dep():
        doc[-1].head = doc[-2]
        doc[-1].dep_ = "dep"


def piece_bounds(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of the pieces of text[start:end] parsed as one batch: each ends at the first sure
    sentence break after PIECE_CHARS characters, or at `end`."""
    for match in _SENTENCE_BREAK.finditer(text, start + PIECE_CHARS, end):
        if match.start() < start + PIECE_CHARS or match.end() >= end:
            continue
        yield start, match.end()
        start = match.end()
    yield start, end


def _batches(pieces: list[tuple[int, int]], limit: int) -> Iterator[list[tuple[int, int]]]:
    """The pieces grouped so that a batch holds at most `limit` characters (or one piece): a batch's
    memory grows with its length as a Doc's does."""
    batch: list[tuple[int, int]] = []
    size = 0
    for start, end in pieces:
        if batch and size + end - start > limit:
            yield batch
            batch, size = [], 0
        batch.append((start, end))
        size += end - start
    if batch:
        yield batch


def _tokens(text: str, context: Context) -> Any:
    """The tokenized Doc of `text`, long runs without a space cut into plain pieces."""
    from spacy.tokens import Doc

    nlp = context.nlp
    docs = []
    at = 0
    for match in _LONG_RUN.finditer(text):
        if match.start() > at:
            docs.append(nlp.make_doc(text[at:match.start()]))
        run_end = match.end()
        trailing = len(text) - run_end - len(text[run_end:].lstrip(" "))  # plain spaces after the run
        pieces = [text[i:min(i + RUN_PIECE, run_end)] for i in range(match.start(), run_end, RUN_PIECE)]
        spaces = [False] * len(pieces)
        if trailing:
            spaces[-1] = True  # one space belongs to the last piece, as the tokenizer would attach it
            run_end += 1
        docs.append(Doc(nlp.vocab, words=pieces, spaces=spaces))
        at = run_end
    if at < len(text):
        docs.append(nlp.make_doc(text[at:]))
    return Doc.from_docs(docs, ensure_whitespace=False) if len(docs) > 1 else docs[0]


def _ready(text: str, context: Context, starts: Sequence[int] = ()) -> Any:
    """What spaCy is given for `text`: the text, or its Doc already tokenized when it has a long run
    or when a sentence must start at `starts` (offsets into `text`: at the first word from each)."""
    ready = text if _LONG_RUN.search(text) is None else _tokens(text, context)
    if not starts:
        return ready
    doc = context.nlp.make_doc(ready) if isinstance(ready, str) else ready
    words = [t for t in doc if not t.is_space]
    at = [t.idx for t in words]
    for offset in starts:
        k = bisect_left(at, offset)
        if k < len(words) and words[k].i > 0:
            words[k].is_sent_start = True
    return doc


def parse_text(text: str, context: Context, starts: Sequence[int] = ()) -> Any:
    """The spaCy Doc of `text`, parsed in pieces and chunks (see the module's docstring); a sentence
    starts at the first word from each offset of `starts` (where a block of the layout begins or
    ends: a headline without a final mark, a byline)."""
    from spacy.tokens import Doc

    size = min(CHUNK_CHARS, context.nlp.max_length)
    # A piece longer than spaCy takes at once (no sure break in `size` characters) is cut in chunks.
    pieces = [chunk for start, end in piece_bounds(text, 0, len(text))
              for chunk in ([(start, end)] if end - start <= size else _chunks(text, start, end, size))]
    docs = [doc for batch in _batches(pieces, size)
            for doc in context.parse_batch([_ready(text[start:end], context,
                                                   [o - start for o in starts if start < o < end])
                                            for start, end in batch])]
    for piece in docs[:-1]:
        _attach_trailing_space(piece)
    doc = Doc.from_docs(docs, ensure_whitespace=False) if len(docs) > 1 else docs[0]
    if doc.text != text:  # every offset of every stage rests on this
        raise AnnalesError("internal error: the parse does not give back the text")
    return doc


@stage("backbone", reads=("text", "regions"), adds=("doc", "sentences"))
def parse(analysis: Analysis, context: Context) -> None:
    check_length(analysis.text)
    # A sentence never runs into or out of a block of the layout (a headline, a byline, debris).
    edges = sorted({edge for region in analysis.regions for edge in (region.start, region.end)})
    doc = parse_text(analysis.text, context, edges)
    analysis.doc = doc
    analysis.sentences = [Sentence(s.start_char, s.end_char) for s in doc.sents
                          if analysis.text[s.start_char:s.end_char].strip()]
