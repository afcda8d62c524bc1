"""The words that say who speaks a quotation: a speech verb and its subject, "selon X", a colon
after a clause whose subject is a named person.

Incises and "selon" are read with regexes on the few characters around the quote; a verb
before the quote is read from the dependency parse of the clause that ends on the colon.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from annales.common.parse import TokenSentences
from annales.common.quotes import Quoted
from annales.quotes.lexicon import Lexicon

# How far to look around a quote for its cue: an incise or "selon X" is a few words long.
AFTER_WINDOW = 120
BEFORE_WINDOW = 300
_SENTENCE_END = re.compile(r"[.!?…](?=[\s»\"”]|$)")
_LEAD = re.compile(r"[\s,\u00a0\u202f]*")
_SUBJECT_DEPS = ("nsubj", "nsubj:pass")
OPENING_NOUN_WITHIN = 3  # "Le correspondant, X, …": the subject opens the clause after a determiner


@dataclass(frozen=True)
class Attribution:
    cue: tuple[int, int]
    subject: tuple[int, int] | None  # the words naming the speaker, a name or a pronoun
    named: bool = False  # the subject is a name, not a pronoun (colon form: a person is required)


def _from_match(match: re.Match[str]) -> Attribution:
    """The cue and its subject; the regexes name every subject group "pron…" or "subject…"."""
    spans = {name: match.span(name) for name, value in match.groupdict().items() if value}
    subject = next((span for kind in ("pron", "subject") for name, span in spans.items()
                    if name.startswith(kind)), None)
    return Attribution(match.span("cue"), subject)


def _first_sentence_end(text: str, start: int, end: int) -> int:
    match = _SENTENCE_END.search(text, start, end)
    return match.start() if match else end


def incise_inside(text: str, quoted: Quoted, lex: Lexicon) -> Attribution | None:
    """"« Il est injuste, rétorqua Radek, de … »": an incise after a comma in the first sentence.

    Later incises are left alone: deep in a long quotation they usually attribute words the
    speaker reports from someone else.
    """
    limit = _first_sentence_end(text, quoted.start, quoted.end)
    comma = text.find(",", quoted.start, limit)
    while comma != -1:
        lead = _LEAD.match(text, comma + 1)
        at = lead.end() if lead else comma + 1
        for pattern in (lex.incise, lex.attribution):
            match = pattern.match(text, at, quoted.end)
            if match and match.start() <= limit:
                found = _from_match(match)
                if pattern is lex.attribution and found.subject and lex.person_of(text[slice(*found.subject)]):
                    continue  # "selon moi" inside a quote is the speaker's own opinion
                return found
        comma = text.find(",", comma + 1, limit)
    return None


def after(text: str, quoted: Quoted, lex: Lexicon) -> Attribution | None:
    """"« … », dit-il." or "« … », selon X." right after the closing mark."""
    if not quoted.closed:
        return None
    lead = _LEAD.match(text, quoted.outer_end)
    at = lead.end() if lead else quoted.outer_end
    end = min(len(text), at + AFTER_WINDOW)
    for pattern in (lex.incise, lex.attribution):
        match = pattern.match(text, at, end)
        if match:
            return _from_match(match)
    return None


def selon_before(text: str, quoted: Quoted, lex: Lexicon) -> Attribution | None:
    """"Selon X, « … »": an attribution cue earlier in the same sentence."""
    begin = max(0, quoted.outer_start - BEFORE_WINDOW)
    ends = list(_SENTENCE_END.finditer(text, begin, quoted.outer_start))
    begin = ends[-1].end() if ends else begin
    found = None
    for match in lex.attribution.finditer(text, begin, quoted.outer_start):
        found = _from_match(match)
    return found


class SpeechVerbs:
    """The speech verbs of each sentence of a parsed text, read once per sentence.

    A colon before a quote asks for the last speech verb before it in its sentence; a sentence of
    many quotes introduced by colons, read back from each colon, would be read once per quote.
    """

    def __init__(self, doc: Any, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.sentences = TokenSentences(doc)
        self._verbs: dict[int, list[int]] = {}  # first token of a sentence -> its speech verbs

    def last_before(self, i: int) -> Any | None:
        """The last speech verb before token `i` in its sentence, None when there is none."""
        start, end = self.sentences.bounds(i)
        verbs = self._verbs.get(start)
        if verbs is None:
            verbs = [t.i for t in self.doc[start:end]
                     if t.lemma_.lower() in self.lex.speech_lemmas and t.pos_ in ("VERB", "AUX")]
            self._verbs[start] = verbs
        k = bisect_left(verbs, i) - 1
        return self.doc[verbs[k]] if k >= 0 else None

    def opening(self, i: int, count: int) -> list[Any]:
        """The first `count` tokens of the sentence of token `i`, none at or after it."""
        start, _ = self.sentences.bounds(i)
        return list(self.doc[start:min(start + count, i)])


def _token_at(doc: Any, offset: int) -> Any | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _subject_of(verb: Any) -> Any | None:
    """The subject nearest the verb ("il laissa échapper": it sits on the governing verb)."""
    for token in (verb, verb.head):
        subjects = [c for c in token.children if c.dep_ in _SUBJECT_DEPS]
        if subjects:
            return min(subjects, key=lambda c: abs(c.i - verb.i))
        if verb.dep_ != "xcomp":
            break
    return None


def _is_name_part(token: Any) -> bool:
    # "Le correspondant, Robert Martin, …": an apposition, which the parser may read as a conjunct.
    return token.dep_.startswith(("flat", "appos", "det")) or (token.dep_ == "conj" and token.pos_ == "PROPN")


def _name_span(subject: Any) -> tuple[int, int]:
    """The subject's own words: the head with its name parts and apposition, not its complements."""
    tokens = [subject] + [t for c in subject.children if _is_name_part(c) for t in c.subtree]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


def before(text: str, verbs: SpeechVerbs | None, quoted: Quoted,
           is_person: Callable[[int, int], bool]) -> Attribution | None:
    """"Il me dit : « … »" or "Robert Martin, témoin, est sur place : « … »".

    The clause must end on a colon right before the quote. A speech verb gives the cue with its
    subject; without one, the clause is a cue only when its subject is a person by name. `verbs` reads
    the parse; None when there is none.
    """
    if verbs is None:
        return None
    colon = quoted.outer_start - 1
    while colon >= 0 and text[colon] in " \t\n\u00a0\u202f":
        colon -= 1
    if colon < 0 or text[colon] != ":":
        return None
    token = _token_at(verbs.doc, colon)
    if token is None:
        return None
    verb = verbs.last_before(token.i)
    if verb is not None:
        subject = _subject_of(verb)
        if subject is None:
            return Attribution((verb.idx, verb.idx + len(verb.text)), None)
        first = min(subject.left_edge.idx, verb.idx)
        name = _name_span(subject) if subject.i < verb.i else (subject.idx, subject.idx + len(subject.text))
        return Attribution((first, max(verb.idx + len(verb.text), name[1])), name)
    # The parse may hang the clause on a verb inside the quote, so its labels there are unsure:
    # the subject is taken as the noun that opens the clause.
    subject = next((t for t in verbs.opening(token.i, OPENING_NOUN_WITHIN) if t.pos_ in ("NOUN", "PROPN")), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    name = _name_span(subject)
    if not is_person(*name):
        return None
    end = colon
    while end > subject.idx and text[end - 1].isspace():
        end -= 1
    return Attribution((subject.left_edge.idx, end), name, named=True)
