"""Who "il", "le régiment" and "le 9e" are: a small, explainable coreference pass over persons, units,
organisations and ships.

One walk through the tokens in text order. Every entity mention the entity layer found becomes the
last candidate of its kind (entity type, gender, number, and whether it was a subject); every
referring expression the resources list takes the last compatible candidate before it:

- a subject pronoun (`coreference/pronouns.tsv`: "il", "elles", "celui-ci"), not an impersonal one
  ("il faut", `impersonal_verbs.tsv`): an entity of a type the pronoun may stand for, agreeing in
  gender and number where the parse says them. A subject of the same or the previous sentence is
  preferred to a more recent non-subject ("César envoie Labiénus. Il ordonne …": César);
- a definite group noun alone (`group_nouns.tsv`: "le régiment", "la division", "le général"): a unit
  whose name carries that noun if one was told, else the last unit of the noun's gender; a rank
  ("le général") takes the last person the text gave that rank, and no one when none was given;
- a unit named by its number alone ("le 9e", "le 9º", "le 152e"; `ordinal_suffixes.tsv`): the last
  unit whose name carries that number.

A resolved expression then counts as a mention of its entity ("César … Il … Il …" is one chain).
The memory is a fixed number of candidates, so the pass is linear in the length of the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from annales.common.resources import exists, load_rows
from annales.model import Entity, Span

LAYER = "coreference"
FILES = ("pronouns.tsv", "group_nouns.tsv", "ordinal_suffixes.tsv", "impersonal_verbs.tsv")
SUBJECT_DEPS = ("nsubj", "nsubj:pass")
# What keeps a group noun from being a bare "le régiment": a modifier makes it another one ("le
# régiment de Picardie", "la division allemande", "le 3e bataillon").
NAMING_DEPS = ("amod", "nmod", "appos", "flat", "flat:name", "nummod", "compound")
MAX_WORDS = 3  # "celui-ci" is three tokens: "celui", "-", "ci"


@dataclass(frozen=True)
class Reference:
    """What a referring expression was resolved to, and the words it was read from."""

    entity: Entity
    span: Span


@dataclass(frozen=True)
class _Pronoun:
    types: frozenset[str]
    gender: str
    number: str


@dataclass(frozen=True)
class _GroupNoun:
    type: str
    rank: str | None


@dataclass(frozen=True)
class _Lexicon:
    pronouns: dict[str, _Pronoun]
    group_nouns: dict[str, _GroupNoun]
    numbered: re.Pattern[str]
    impersonal: frozenset[str]


@cache
def _lexicon(language: str) -> _Lexicon | None:
    if not all(exists(language, LAYER, name) for name in FILES):
        return None  # no coreference data for this language: pronouns stay unresolved
    pronouns = {row[0].lower(): _Pronoun(frozenset(t.strip() for t in row[1].split(",")), row[2], row[3])
                for row in load_rows(language, LAYER, "pronouns.tsv", 4)}
    nouns = {row[0].lower(): _GroupNoun(row[1], None if row[2] == "-" else row[2].lower())
             for row in load_rows(language, LAYER, "group_nouns.tsv", 3)}
    suffixes = sorted((row[0] for row in load_rows(language, LAYER, "ordinal_suffixes.tsv", 1)), key=len, reverse=True)
    numbered = re.compile(r"(\d{1,4})\s?(?:" + "|".join(re.escape(s) for s in suffixes) + r")", re.IGNORECASE)
    impersonal = frozenset(row[0] for row in load_rows(language, LAYER, "impersonal_verbs.tsv", 1))
    return _Lexicon(pronouns, nouns, numbered, impersonal)


@dataclass(frozen=True)
class _Candidate:
    entity: Entity
    token: int
    sentence: int
    subject: bool


def _feature(token: Any, name: str) -> str | None:
    values = token.morph.get(name)
    return values[0] if values else None


class _Memory:
    """The last candidate of each kind; a handful of entries whatever the length of the text."""

    def __init__(self) -> None:
        self.last: dict[tuple[str, str | None, str | None, bool], _Candidate] = {}
        self.by_rank: dict[str, _Candidate] = {}
        self.by_number: dict[str, _Candidate] = {}
        self.by_word: dict[str, _Candidate] = {}

    def remember(self, entity: Entity, root: Any, sentence: int, gender: str | None, number: str | None) -> None:
        candidate = _Candidate(entity, root.i, sentence, root.dep_ in SUBJECT_DEPS)
        self.last[(entity.type, gender, number, candidate.subject)] = candidate
        if entity.type == "person":
            for rank in entity.ranks or ([entity.rank] if entity.rank else []):
                self.by_rank[rank.lower()] = candidate
        elif entity.type == "unit":
            for number_ in _numbers(entity):
                self.by_number[number_] = candidate
            for word in _words(entity):
                self.by_word[word] = candidate

    def agreeing(self, types: frozenset[str], gender: str | None, number: str | None) -> list[_Candidate]:
        return [c for (type_, g, n, _), c in self.last.items()
                if type_ in types and (gender is None or g is None or g == gender)
                and (number is None or n is None or n == number)]


@cache
def _numbers_of(name: str, abbreviation: str | None) -> frozenset[str]:
    return frozenset(re.findall(r"\d+", name + " " + (abbreviation or "")))


def _numbers(entity: Entity) -> frozenset[str]:
    return frozenset(n.lstrip("0") or "0" for n in _numbers_of(entity.name, entity.abbreviation))


def _words(entity: Entity) -> set[str]:
    return {w for w in re.split(r"[\W\d_]+", entity.name.lower()) if w}


def _pick(candidates: list[_Candidate], sentence: int) -> _Candidate | None:
    """A subject of this sentence or the one before it if there is one, else the most recent."""
    if not candidates:
        return None
    recent_subjects = [c for c in candidates if c.subject and c.sentence >= sentence - 1]
    return max(recent_subjects or candidates, key=lambda c: c.token)


def resolve_references(doc: Any, language: str | None, entity_at: dict[int, Entity],
                       skip: set[int]) -> dict[int, Reference]:
    """Token index of a referring expression's head -> the entity it stands for. `skip`: tokens that
    refer to nothing (the words of a date: "le 1er" is a day, not the 1st regiment)."""
    lex = _lexicon(language or "")
    out: dict[int, Reference] = {}
    if lex is None or doc is None:
        return out
    memory = _Memory()
    text = doc.text
    for sentence, sent in enumerate(doc.sents):
        i = sent.start
        while i < sent.end:
            entity = entity_at.get(i)
            if entity is not None:
                end = i
                while end + 1 < sent.end and entity_at.get(end + 1) is entity:
                    end += 1
                root = _root(doc, i, end)
                gender, number = _feature(root, "Gender"), _feature(root, "Number")
                if _bare_group_noun(doc, i, end, root, lex):
                    # The entity layer may take "le régiment" for a unit of its own: it is the one
                    # told before, when there is one.
                    reference = _group_reference(doc, root, lex, memory, sentence)
                    if reference is not None:
                        out[root.i] = reference
                        entity = reference.entity
                if entity.type != "place":
                    memory.remember(entity, root, sentence, gender, number)
                i = end + 1
                continue
            if i in skip:
                i += 1
                continue
            found = _referring(doc, text, i, sent.end, lex, memory, sentence)
            if found is None:
                i += 1
                continue
            head, last, reference, gender, number = found
            out[head.i] = reference
            memory.remember(reference.entity, head, sentence, gender, number)
            i = last + 1
    return out


def _root(doc: Any, start: int, end: int) -> Any:
    """The token of doc[start:end+1] whose head lies outside it."""
    for k in range(start, end + 1):
        head = doc[k].head.i
        if head == k or not start <= head <= end:
            return doc[k]
    return doc[start]


def _referring(doc: Any, text: str, i: int, sent_end: int, lex: _Lexicon, memory: _Memory,
               sentence: int) -> tuple[Any, int, Reference, str | None, str | None] | None:
    """(head token, last token, reference, gender, number) when a referring expression starts at i."""
    token = doc[i]
    # A pronoun of one to three tokens ("il", "celui-ci" tokenised "celui", "-", "ci").
    for last in range(min(sent_end, i + MAX_WORDS) - 1, i - 1, -1):
        surface = text[token.idx:doc[last].idx + len(doc[last])].lower()
        pronoun = lex.pronouns.get(surface)
        if pronoun is None:
            continue
        words = doc[i:last + 1]
        subject = next((t for t in words if t.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.head.lemma_ in lex.impersonal:
            return None
        chosen = _pick(memory.agreeing(pronoun.types, pronoun.gender, pronoun.number), sentence)
        if chosen is None:
            return None
        return subject, last, Reference(chosen.entity, Span(token.idx, doc[last].idx + len(doc[last]))), \
            pronoun.gender, pronoun.number
    # The parse may hang the article of "le 152e attaque" on the verb: the word before will do.
    before = doc[i - 1] if i > 0 else None
    determiner = _definite_determiner(token) or (
        before if before is not None and before.pos_ == "DET" and _feature(before, "Definite") == "Def" else None)
    if determiner is None:
        return None
    if _feature(token, "Number") == "Plur" or any(c.dep_ in NAMING_DEPS for c in token.children):
        return None
    noun = lex.group_nouns.get(token.lemma_.lower()) if token.pos_ == "NOUN" else None
    chosen: _Candidate | None = None
    if noun is not None:
        if determiner.head.i != i:
            return None  # the article belongs to another noun
        chosen = _group_candidate(token, noun, memory, sentence)
    else:
        match = lex.numbered.fullmatch(token.text)
        modifies_noun = token.dep_ in ("amod", "nummod") and token.head.i > i and token.head.pos_ == "NOUN" \
            and token.head.lemma_.lower() in lex.group_nouns
        if match is not None and not modifies_noun:
            chosen = memory.by_number.get(match.group(1).lstrip("0") or "0")
    if chosen is None:
        return None
    span = Span(min(determiner.idx, token.idx), token.idx + len(token))
    return token, i, Reference(chosen.entity, span), _feature(token, "Gender"), "Sing"


def _definite_determiner(token: Any) -> Any | None:
    """The definite article of `token` ("le", "la", "l'", "du"), when it has one."""
    for child in token.children:
        if child.dep_ == "det" and _feature(child, "Definite") == "Def" and _feature(child, "Poss") is None:
            return child
    return None


def _group_candidate(token: Any, noun: _GroupNoun, memory: _Memory, sentence: int) -> _Candidate | None:
    """"le général": the last person made a général; "la division": the last unit named a division,
    else the last unit of the noun's gender."""
    if noun.rank is not None:
        return memory.by_rank.get(noun.rank)
    chosen = memory.by_word.get(token.lemma_.lower()) if noun.type == "unit" else None
    return chosen or _pick(memory.agreeing(frozenset({noun.type}), _feature(token, "Gender"), "Sing"), sentence)


def _bare_group_noun(doc: Any, start: int, end: int, root: Any, lex: _Lexicon) -> bool:
    """True when a mention is a group noun and its article alone ("Le régiment")."""
    if root.lemma_.lower() not in lex.group_nouns or _feature(root, "Number") == "Plur":
        return False
    return all(doc[k].i == root.i or doc[k].dep_ == "det" for k in range(start, end + 1)) \
        and not any(c.dep_ in NAMING_DEPS for c in root.children)


def _group_reference(doc: Any, root: Any, lex: _Lexicon, memory: _Memory, sentence: int) -> Reference | None:
    chosen = _group_candidate(root, lex.group_nouns[root.lemma_.lower()], memory, sentence)
    if chosen is None:
        return None
    determiner = _definite_determiner(root)
    start = determiner.idx if determiner is not None else root.idx
    return Reference(chosen.entity, Span(min(start, root.idx), root.idx + len(root)))
