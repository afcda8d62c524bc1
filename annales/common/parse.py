"""Questions to spaCy's parse that spaCy answers by walking the sentence, answered without the walk.

`span.root` measures each candidate token's path to the sentence's root, and `token.sent` walks from
the token to both ends of its sentence. Both are cheap in a sentence of twenty words and cost the
whole sentence in one of twenty thousand (a register of dates, a list with no full stop); asked once
per date or per event, they make a layer quadratic in the sentence's length.
"""

from __future__ import annotations

import weakref
from bisect import bisect_right
from collections.abc import Callable
from functools import wraps
from typing import Any


def span_root(span: Any) -> Any:
    """`span.root`, without its walk up to the sentence's root when the span is a subtree.

    spaCy measures each token's path to the root to pick the highest; in a sentence of thousands of
    dates hung one on another that path is thousands long. A span with a single token governed from
    outside it, as a date is, has that token for root whatever the paths.
    """
    # Asked of one date by the triggers, the dating and the time layer: its root is found once.
    doc, start, end = span.doc, span.start, span.end
    roots = _current(doc).roots
    found = roots.get((start, end))
    if found is None:
        found = roots[start, end] = _span_root(span).i
    return doc[found]  # a Token of its own, as spaCy gives: callers may compare Tokens by identity


def _span_root(span: Any) -> Any:
    outside = []
    for token in span:
        if token.head.i == token.i:
            return token  # the sentence's root, as spaCy takes it first
        if not span.start <= token.head.i < span.end:
            outside.append(token)
    return outside[0] if len(outside) == 1 else span.root


class TokenSentences:
    """The sentence of any token of a Doc, the one `token.sent` gives, found by bisection.

    The sentence starts are read once, in one pass over the Doc; spaCy's `token.sent` rereads the
    sentence around the token at every question.
    """

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self._starts: list[int] | None = None
        self._chars: dict[int, tuple[int, int]] | None = None

    @property
    def starts(self) -> list[int]:
        """Shared: read, never change."""
        # Read on first use: a layer that never asks (quotes, when no quotation follows a colon) pays nothing.
        if self._starts is None:
            self._starts = _current(self.doc).sentence_starts()
        return self._starts

    def bounds(self, i: int) -> tuple[int, int]:
        """(first token, token after the last) of the sentence of token `i`."""
        starts = self.starts
        k = bisect_right(starts, i) - 1
        return starts[k], starts[k + 1] if k + 1 < len(starts) else len(self.doc)

    def of(self, i: int) -> Any:
        """The sentence of token `i`, as a spaCy Span."""
        start, end = self.bounds(i)
        return self.doc[start:end]

    def char_bounds(self, i: int) -> tuple[int, int]:
        """(start_char, end_char) of the sentence of token `i`: read once per sentence, which holds
        many events, without making a Span at each question."""
        if self._chars is None:
            self._chars = {}
        start, end = self.bounds(i)
        found = self._chars.get(start)
        if found is None:
            span = self.doc[start:end]
            found = self._chars[start] = (span.start_char, span.end_char)
        return found


class _DocReadings:
    """What the tokens of one Doc say, read from spaCy once, in one pass over its arrays."""

    def __init__(self, doc: Any) -> None:
        from spacy.attrs import DEP, HEAD, MORPH, POS

        self.doc = weakref.ref(doc)  # a parse cache must not keep a finished analysis's Doc alive
        # The head as an offset: stored unsigned, read signed.
        heads = doc.to_array(HEAD).astype("int64").tolist()
        keys = doc.to_array(MORPH).tolist()
        strings = doc.vocab.strings
        analyses: dict[int, dict[str, list[str]]] = {}
        # One dict per distinct analysis, shared by the tokens that have it.
        self.features: list[dict[str, list[str]]] = []
        for key in keys:
            found = analyses.get(key)
            if found is None:
                found = analyses[key] = _features(strings[key])
            self.features.append(found)
        self.heads = [i + head for i, head in enumerate(heads)]  # the head's index (itself for a root)
        # The children of token i are child_order[first_child[i]:first_child[i + 1]], in text order
        # as `token.children` gives them (its left ones then its right ones, each run in text order).
        # Two flat lists of ints, not a list per token: the cache outlives many collections of the
        # garbage collector, and thousands of small lists would each be tracked and promoted by it.
        self.first_child = [0] * (len(heads) + 1)
        for i, head in enumerate(self.heads):
            if head != i:
                self.first_child[head + 1] += 1
        for i in range(len(heads)):
            self.first_child[i + 1] += self.first_child[i]
        self.child_order = [0] * self.first_child[-1]
        free = self.first_child[:-1]
        for i, head in enumerate(self.heads):
            if head != i:
                self.child_order[free[head]] = i
                free[head] += 1
        # `token.pos_` and `token.dep_` of every token: the names of the ids the arrays hold
        pos, dep = doc.to_array(POS).tolist(), doc.to_array(DEP).tolist()
        names = {key: strings[key] for key in set(pos) | set(dep)}
        self.pos: list[str] = [names[key] for key in pos]
        self.dep: list[str] = [names[key] for key in dep]
        self.child_deps: list[str] = [self.dep[k] for k in self.child_order]  # in the children's order
        # The children as Tokens, in that order too, made on the first ask for children (`children_of`):
        # one flat list, sliced for each word, not a list per word (see above).
        self.child_tokens: list[Any] | None = None
        # Tokens made on first ask, kept: `doc[i]` makes a new Token at each call, and the events
        # layer asks tens of thousands of children per 5 000 words (a verb heading a long list has
        # hundreds). They hold the Doc: the pipeline lets go of them when an analysis is done
        # (`release`).
        self.made: list[Any] = [None] * len(heads)
        self.answers: dict[str, dict[int, Any]] = {}  # `answers`
        self.roots: dict[tuple[int, int], int] = {}  # (start, end) of a span -> its root (`span_root`)
        self.starts: list[int] | None = None  # `sentence_starts`
        self.ranges: dict[tuple[int, int], tuple[int, int] | None] = {}  # `token_range`

    def token(self, doc: Any, i: int) -> Any:
        made = self.made[i]
        if made is None:
            made = self.made[i] = doc[i]
        return made

    def children_tokens(self, doc: Any) -> list[Any]:
        if self.child_tokens is None:
            token = self.token
            self.child_tokens = [token(doc, k) for k in self.child_order]
        return self.child_tokens

    def sentence_starts(self) -> list[int]:
        """The first token of every sentence: read once per Doc, by every pass that asks (triggers,
        dating, the events' sentences)."""
        if self.starts is None:
            doc = self.doc()
            self.starts = [sentence.start for sentence in doc.sents] if doc is not None else []
        return self.starts


def _features(analysis: str) -> dict[str, list[str]]:
    """"Mood=Ind|Tense=Past,Pres" as {"Mood": ["Ind"], "Tense": ["Past", "Pres"]}: the values spaCy's
    `MorphAnalysis.get` gives, in its order. An empty analysis is stored as "_"."""
    features: dict[str, list[str]] = {}
    if analysis and analysis != "_":
        for feature in analysis.split("|"):
            field, _, values = feature.partition("=")
            features[field] = values.split(",")
    return features


_readings: _DocReadings | None = None


def _readings_of(doc: Any) -> _DocReadings:
    """The readings of the last Doc asked about; a Doc is never changed once parsed (the parse is
    only read after the backbone), so what was read stays true while the Doc lives."""
    global _readings
    readings = _readings
    if readings is None or readings.doc() is not doc:
        readings = _readings = _DocReadings(doc)
    return readings


def release() -> None:
    """Forget the Doc read last, with its Tokens: called when an analysis is done, so that a batch
    never holds the parse of a finished document while the next one is parsed."""
    global _readings
    _readings = None


def answers(doc: Any, question: str) -> dict[int, Any]:
    """Token index -> the answer to `question` (a function's name) about that token of `doc`, for a
    question asked of the same word by several layers or passes and costly to answer: kept as long
    as the Doc's readings, since the parse never changes once read."""
    readings = _current(doc)
    found = readings.answers.get(question)
    if found is None:
        found = readings.answers[question] = {}
    return found


def answered_once(question: Callable[..., Any]) -> Callable[..., Any]:
    """`question(token, *settings)` answered once per token of a Doc (and settings, a language):
    for a question several layers or passes ask of the same word (see `answers`)."""
    name = f"{question.__module__}.{question.__qualname__}"

    @wraps(question)
    def ask(token: Any, *settings: Any) -> Any:
        known = answers(token.doc, " ".join((name, *map(str, settings))))
        i = token.i
        if i in known:
            return known[i]
        found = known[i] = question(token, *settings)
        return found

    return ask


def token_range(doc: Any, start: int, end: int) -> tuple[int, int] | None:
    """(first token, token after the last) of `doc.char_span(start, end, alignment_mode="expand")`, None
    when it gives none: the same date or name is looked up by several layers and passes, and
    `char_span` searches the Doc's tokens at each call."""
    ranges = _current(doc).ranges
    if (start, end) in ranges:
        return ranges[start, end]
    span = doc.char_span(start, end, alignment_mode="expand")
    found = ranges[start, end] = (span.start, span.end) if span is not None else None
    return found


def tags(doc: Any) -> tuple[list[str], list[str], list[int]]:
    """(`pos_`, `dep_`, `head.i`) of every token of `doc`, by index: a pass over the whole Doc asks
    them without making a spaCy Token per word. Shared: read, never change."""
    readings = _readings_of(doc)
    return readings.pos, readings.dep, readings.heads


def child_lists(doc: Any) -> tuple[list[int], list[int]]:
    """(child_order, first_child): the indices of the children of token i of `doc` are
    child_order[first_child[i]:first_child[i + 1]], in text order. Shared: read, never change."""
    readings = _readings_of(doc)
    return readings.child_order, readings.first_child


def children_of(token: Any) -> list[Any]:
    """`list(token.children)`, from the children's indices read once per Doc.

    spaCy's `token.children` walks the token's whole subtree span from both edges at each access;
    the events layer asks a word's children for its class, its negation, its auxiliaries, its marks
    and its participants, and each head again for every event below it. The Tokens themselves are
    made once per Doc (`_DocReadings.children_tokens`), and a word's are a slice of them: kept, a
    list per word would outlive collections of the garbage collector and make its full collections
    come sooner, which costs more than the lists.
    """
    readings = _readings
    # The test of `_readings_of`, inlined: this is asked thousands of times per document.
    doc = token.doc
    if readings is None or readings.doc() is not doc:
        readings = _readings_of(doc)
    tokens = readings.child_tokens
    if tokens is None:
        tokens = readings.children_tokens(doc)
    i, first = token.i, readings.first_child
    return tokens[first[i]:first[i + 1]]


def _current(doc: Any) -> _DocReadings:
    readings = _readings
    return readings if readings is not None and readings.doc() is doc else _readings_of(doc)


def has_child_dep(token: Any, *deps: str) -> bool:
    """`any(c.dep_ in deps for c in token.children)`, read off the Doc's arrays: no Token is made."""
    readings = _current(token.doc)
    i, first = token.i, readings.first_child
    start, end = first[i], first[i + 1]
    if start != end:  # most words have no children
        for dep in readings.child_deps[start:end]:  # a loop, not `any`: most words have one or two
            if dep in deps:
                return True
    return False


def children_where(token: Any, test: Callable[[str], bool]) -> list[Any]:
    """`[c for c in token.children if test(c.dep_)]`: only the children whose dependency passes the
    test are made Tokens."""
    doc = token.doc
    readings = _current(doc)
    i, first = token.i, readings.first_child
    start, end = first[i], first[i + 1]
    if start == end:
        return []  # most words have no children: no test to run
    dep, made = readings.dep, readings.made
    return [made[k] or readings.token(doc, k) for k in readings.child_order[start:end] if test(dep[k])]


def morph_of(token: Any, field: str) -> list[str]:
    """`token.morph.get(field)`, from the analyses of the Doc read once.

    spaCy reads the analysis's features anew at each `get` (over a microsecond, twenty times a
    `token.dep_`), and one verb is asked its tense and mood by its class, aspect, factuality and
    dating. A new list when the field is absent, as spaCy gives; else the list is shared: callers read
    it and never change it.
    """
    readings = _readings
    if readings is None or readings.doc() is not token.doc:  # as in `children_of`
        readings = _readings_of(token.doc)
    found = readings.features[token.i].get(field)
    return [] if found is None else found
