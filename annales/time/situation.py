"""Where an expression stands: its paragraph and sentence, the tense of the verb it modifies,
whether it sits in a quotation, a sidebar or a byline. Anchoring decides with these facts.

Tense comes from spaCy's morphology (Tense, VerbForm, Mood, Polarity), which is language-blind;
periphrastic tenses ("va lancer", "vient de tomber") come from a resource table.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from annales.model import Analysis
from annales.resources import load_rows

OPENING = {"«": "»", "“": "”"}
SPECIAL_REGIONS = ("byline", "sidebar", "quote-block", "heading", "list")


@dataclass
class Situation:
    paragraph: int
    sentence: int
    in_quote: bool
    region: str | None  # the special region the expression sits in, if any
    framed: bool  # set off by commas or opening its sentence ("Aujourd'hui, …")
    prospective: bool = False  # introduced by a word that looks forward ("jusqu'au", "d'ici")
    # The verb is looked up only when a reading needs it: most expressions never ask.
    verb_reader: Any = field(default=None, repr=False, compare=False)

    @cached_property
    def _verb(self) -> tuple[str | None, bool]:
        return self.verb_reader() if self.verb_reader else (None, False)

    @property
    def tense(self) -> str | None:  # "past", "present", "future" or None
        return self._verb[0]

    @property
    def negated(self) -> bool:
        return self._verb[1]


@cache
def _prospective_cues(language: str) -> tuple[str, ...]:
    return tuple(sorted((row[0].lower() for row in load_rows(language, "time", "prospective_cues.tsv")),
                        key=len, reverse=True))


@cache
def _periphrastic(language: str) -> dict[str, str]:
    return {row[0]: row[1] for row in load_rows(language, "time", "tense_auxiliaries.tsv")}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside « » and “ ” (nesting allowed); unclosed quotes run to the end of their paragraph."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in OPENING:
            stack.append((OPENING[ch], i))
        elif stack and ch == stack[-1][0]:
            _, start = stack.pop()
            if not stack:
                spans.append((start, i + 1))
        elif ch == "\n" and stack and text[i + 1:i + 2] == "\n":
            spans.append((stack[0][1], i))
            stack.clear()
    if stack:
        spans.append((stack[0][1], len(text)))
    return spans


def verb_tense(verb: Any, language: str) -> str | None:
    # Only a tense auxiliary makes a compound past ("a signé"); a passive one ("est fixé") keeps
    # its own tense.
    aux = [c for c in verb.children if c.dep_ == "aux:tense"] or \
        [c for c in verb.children if c.dep_.startswith("aux")]
    verb_form = verb.morph.get("VerbForm")
    if aux:
        first = aux[0]
        periphrastic = _periphrastic(language).get(first.lemma_)
        if periphrastic and "Inf" in verb_form:
            return periphrastic
        tense = first.morph.get("Tense")
        if "Fut" in tense:
            return "future"
        if "Past" in tense or "Imp" in tense:
            return "past"
        if "Pres" in tense:
            return "past" if "Part" in verb_form and first.dep_ == "aux:tense" else "present"
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        periphrastic = _periphrastic(language).get(verb.head.lemma_)
        if periphrastic:
            return periphrastic
    if "Part" in verb_form:
        return None  # a bare participle ("prévue le 15 septembre") says nothing of when
    tense = verb.morph.get("Tense")
    if "Fut" in tense:
        return "future"
    if "Past" in tense or "Imp" in tense:
        return "past"
    if "Cnd" in verb.morph.get("Mood"):
        return "future"
    if "Pres" in tense:
        return "present"
    return None


class Situations:
    """Computes the situation of any span of one analysed text."""

    def __init__(self, analysis: Analysis, language: str) -> None:
        self.analysis = analysis
        self.language = language
        self.text = analysis.text
        self.newlines = [i for i, ch in enumerate(self.text) if ch == "\n"]
        self.sentence_starts = [s.start for s in analysis.sentences]
        self.quotes = quote_spans(self.text)
        self.quote_starts = [s for s, _ in self.quotes]
        self.special = [(r.start, r.end, r.kind) for r in analysis.regions if r.kind in SPECIAL_REGIONS]

    def paragraph_of(self, offset: int) -> int:
        return bisect.bisect_left(self.newlines, offset)

    def sentence_of(self, offset: int) -> int:
        return max(bisect.bisect_right(self.sentence_starts, offset) - 1, 0)

    def in_quote(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, start) - 1
        return i >= 0 and self.quotes[i][0] <= start and end <= self.quotes[i][1]

    def region_of(self, start: int, end: int) -> str | None:
        kinds = {kind for s, e, kind in self.special if s <= start and end <= e}
        return next((kind for kind in SPECIAL_REGIONS if kind in kinds), None)

    def _verb(self, start: int, end: int) -> Any | None:
        doc = self.analysis.doc
        if doc is None:
            return None
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        token = span.root
        for _ in range(8):
            if token.pos_ in ("VERB", "AUX"):
                return token
            if token.head is token:
                break
            token = token.head
        verbs = [t for t in token.sent if t.pos_ in ("VERB", "AUX")]
        return verbs[0] if verbs else None

    def _framed(self, start: int, end: int) -> bool:
        before = self.text[max(0, start - 3):start].rstrip()
        after = self.text[end:end + 2].lstrip()
        opens = not before or before[-1] in ",.;:!?\n(«—–-" or start in self.sentence_starts
        return opens and (after[:1] in (",", ";", ")", "") or before[-1:] == ",")

    def _tense_and_negation(self, start: int, end: int) -> tuple[str | None, bool]:
        verb = self._verb(start, end)
        if verb is None:
            return None, False
        negated = any("Neg" in c.morph.get("Polarity") for c in verb.children)
        return verb_tense(verb, self.language), negated

    def of(self, start: int, end: int) -> Situation:
        return Situation(
            paragraph=self.paragraph_of(start),
            sentence=self.sentence_of(start),
            in_quote=self.in_quote(start, end),
            region=self.region_of(start, end),
            framed=self._framed(start, end),
            prospective=self._prospective(start),
            verb_reader=lambda: self._tense_and_negation(start, end),
        )

    def _prospective(self, start: int) -> bool:
        before = " ".join(self.text[max(0, start - 20):start].lower().split())
        return any(before.endswith(cue) for cue in _prospective_cues(self.language))
