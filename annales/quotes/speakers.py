"""Who a cue names: a person by name, the narrator ("je", "nous"), or the person a pronoun stands for.

A name is read from the person mentions the entity layer found. A third-person pronoun ("dit-il",
"il répondit", "selon lui") and a bare rank ("dit le général") are resolved by the coreference
pass the events use (`annales.common.coreference`), run once over the text with the quotations
hidden: the words of a quotation are not the narrative, and a name inside it is not who says it.
A pronoun is given a speaker only when the pass found one person and no other person it could
stand for was told within reach ("Bertin salua Lenoir. « … », dit-il." has no speaker).
"""

from __future__ import annotations

import bisect
from typing import Any

from annales.common.coreference import Reference, resolve_references
from annales.common.index import by_token
from annales.model import Analysis, Entity
from annales.quotes.lexicon import Lexicon

NARRATOR = "narrator"
_PHRASE_POS = frozenset({"DET", "NOUN", "PROPN", "ADJ", "NUM"})  # the words of a noun phrase before its complements


_DESCRIBING = ("nmod", "appos", "acl", "acl:relcl")  # what makes a noun a description, not a bare rank


def _described(noun: Any) -> bool:
    return any(c.dep_ in _DESCRIBING or c.dep_.startswith("flat") for c in noun.children)


class Speakers:
    def __init__(self, analysis: Analysis, lex: Lexicon) -> None:
        self.analysis = analysis
        self.text = analysis.text
        self.lex = lex
        mentions = sorted((m.start, m.end, e.id) for e in analysis.entities if e.type == "person"
                          for m in e.mentions)
        self.mentions = mentions
        self.mention_starts = [m[0] for m in mentions]
        self._references: dict[int, Reference] = {}

    def person_in(self, start: int, end: int) -> str | None:
        """The person entity whose mention overlaps [start, end); the first one when several do."""
        i = bisect.bisect_left(self.mention_starts, start)
        # A mention that began before `start` may still overlap it. Indexed, not sliced: a slice
        # would copy every later mention at each question.
        for k in range(max(i - 1, 0), len(self.mentions)):
            m_start, m_end, entity = self.mentions[k]
            if m_start >= end:
                break
            if m_end > start:
                return entity
        return None

    def _tokens(self, span: tuple[int, int]) -> range:
        doc = self.analysis.doc
        if doc is None:
            return range(0)
        found = doc.char_span(span[0], span[1], alignment_mode="expand")
        return range(found.start, found.end) if found is not None else range(0)

    def prepare(self, subjects: list[tuple[int, int]], quotes: list[tuple[int, int]]) -> None:
        """Run the coreference pass once for the subjects that need it (pronouns, bare ranks), with
        the quotations (`quotes`, character spans) hidden."""
        doc: Any = self.analysis.doc
        needed = [s for s in subjects if self.lex.person_of(self.text[s[0]:s[1]]) == "third"
                  or self.person_in(*s) is None]
        if doc is None or not needed:
            return
        asked = {k for s in needed if self.lex.person_of(self.text[s[0]:s[1]]) == "third" for k in self._tokens(s)}
        hidden = [(r.start, r.stop) for r in (self._tokens(q) for q in quotes) if len(r)]
        entities = self.analysis.entities
        entity_at: dict[int, Entity] = by_token(doc, ((e, m.start, m.end) for e in entities for m in e.mentions))
        dates = by_token(doc, ((True, t.start, t.end) for t in self.analysis.timexes))
        self._references = resolve_references(doc, self.text, self.analysis.language, entity_at, set(dates),
                                              asked=asked, hidden=hidden)

    def _referred(self, subject: tuple[int, int], pronoun: bool) -> str | None:
        """The person the pass found for the pronoun, or for the group noun heading the subject ("dit
        le général"); None when it found none, or, for a pronoun, when another person was in reach."""
        doc = self.analysis.doc
        for k in self._tokens(subject):
            if not pronoun and doc[k].pos_ != "NOUN":
                continue
            if not pronoun and _described(doc[k]):
                return None  # "le porte-parole de la présidence": someone the text describes, not the one in reach
            reference = self._references.get(k)
            if reference is None or reference.entity.type != "person":
                return None
            if pronoun and any(other.type == "person" for other in reference.others):
                return None  # another person could have said it: precision first
            return reference.entity.id
        return None

    def _leading_phrase(self, subject: tuple[int, int]) -> tuple[int, int]:
        """The noun phrase that opens the words after an incise's verb: "le soldat", not "le soldat que
        Bastien avait sauvé"; words inside a person's name are kept ("Charles de Gaulle")."""
        doc = self.analysis.doc
        if doc is None:
            return subject
        end = subject[0]
        for k in self._tokens(subject):
            token = doc[k]
            if token.pos_ not in _PHRASE_POS and self.person_in(token.idx, token.idx + len(token.text)) is None:
                break
            end = token.idx + len(token.text)
        return (subject[0], min(end, subject[1])) if end > subject[0] else subject

    def resolve(self, subject: tuple[int, int] | None, loose: bool = False) -> str | None:
        """The speaker `subject` names; a `loose` subject (read up to the next stop) by its first phrase."""
        if subject is None:
            return None
        person = self.lex.person_of(self.text[subject[0]:subject[1]])
        if person == "first":
            return NARRATOR
        if person == "third":
            return self._referred(subject, pronoun=True)
        if person is not None:
            return None
        phrase = self._leading_phrase(subject) if loose else subject
        named = self.person_in(*phrase)
        if named is not None:
            return named
        if not self._complement_follows(phrase, subject):
            referred = self._referred(phrase, pronoun=False)
            if referred is not None:
                return referred
        return self._author_of_words(phrase, subject)

    def _complement_follows(self, phrase: tuple[int, int], subject: tuple[int, int]) -> bool:
        """True when the words after the subject's first phrase are its complement ("la porte-parole |
        de la présidence"): the phrase describes someone and is no bare rank to resolve."""
        doc = self.analysis.doc
        if doc is None or phrase[1] >= subject[1]:
            return False
        after = next((doc[k] for k in self._tokens((phrase[1], subject[1])) if not doc[k].is_space), None)
        return after is not None and after.pos_ == "ADP" and self.lex.is_a("of", after.text)

    def _author_of_words(self, phrase: tuple[int, int], subject: tuple[int, int]) -> str | None:
        """"selon le mot célèbre de X", "d'après la formule de X": a phrase headed by a noun of words
        spoken or written gives its author, the person named in its complement."""
        doc = self.analysis.doc
        if doc is None:
            return None
        head = next((doc[k] for k in self._tokens(phrase) if doc[k].pos_ == "NOUN"), None)
        if head is None or head.lemma_.lower() not in self.lex.speech_nouns:
            return None
        for k in self._tokens((phrase[1], subject[1])):
            token = doc[k]
            person = self.person_in(token.idx, token.idx + len(token.text))
            if person is not None:
                return person
            if token.pos_ in ("VERB", "AUX", "PRON"):
                return None  # a clause of its own: "le mot que X aimait citer" is not X's
        return None
