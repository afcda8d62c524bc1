"""Who "il", "le régiment" and "le 9e" are: a small, explainable coreference pass over persons, units,
organisations and ships.

One walk through the tokens in text order. Every entity mention the entity layer found becomes the
last candidate of its kind (entity type, gender, number, and whether it was a subject); every
referring expression the resources list takes the last compatible candidate before it:

- a subject pronoun (`coreference/pronouns.tsv`: "il", "elles", "celui-ci"; "eux" of a subject's part:
  "la plupart d'entre eux"), not an impersonal one
  (`impersonal_verbs.tsv`: "il faut", "il y a", whose noun after the verb is the real subject and
  stands in the way of the pronouns after it, as a subject naming no entity does): an entity of a
  type the pronoun may stand for, of its gender and number, named in the same sentence or the two
  before. A name the parse marks neither way is masculine singular, French's unmarked form: "elle"
  needs a feminine antecedent,
  "ils" a plural one; a noun's number is its article's when they disagree ("leur front", "les
  Bretons": the tagger errs on nouns that do not change). An "il" the parse reads as impersonal
  is a subject when its verb governs an infinitive ("il ne put y rester") or has an object and no
  clause that could be its real subject ("il y fut arrivé", not "il se trouve que"). A subject of
  the same or the previous sentence is preferred to a more recent non-subject ("César envoie
  Labiénus. Il ordonne …": César). A subject that is no entity ("Un livre trouvé à la gare … Il
  démontre …") is a candidate too: when it is the one chosen, the pronoun is left unresolved
  rather than given to the wrong person. With no subject of this sentence or the one before to
  stand for, the pronoun takes, of the entities of its features within its reach, the one the text
  told most about (the unit a history follows), the last told on a tie;
- a definite group noun alone, in lower case (`group_nouns.tsv`: "le régiment", "la division", "le
  général"; "l'Assemblée" is a name): the entity whose name carries that noun when it was the
  subject of this sentence or the one before, else the one of them the text told most about (a
  history's own regiment, not the unit that relieved it), else for a unit
  the last unit of the noun's gender; a rank ("le général") takes the last person the text gave
  that rank, and no one when none was given;
- a unit named by its number alone ("le 9e", "le 9º", "le 152e"; `ordinal_suffixes.tsv`; as a verb's
  subject also without its ending, "le 9 attaque"): the last unit whose name carries that number;
  not after a plural article ("les 1er et 2e bataillons").
- a possessive determiner (`possessives.tsv`: "son", "sa", "leurs"), for a caller that asks: the
  subject of its own clause when that subject names an entity after it ("Après sa retraite, le
  général Mangin …"), else the last candidate of the possessor's number, either gender (the
  determiner agrees with its noun, not with its possessor), within a pronoun's reach. It is
  returned apart and joins no chain: "son arrivée" is the arrival, not an antecedent.

- for a caller that asks, a subject left unsaid, the wording of a citation ("A brisé la ligne
  ennemie, capturé deux canons"; "Sous l'impulsion de son chef, s'est emparé d'un bois"): a verb in
  a compound tense of the third person heading its sentence, with no subject (a word with a
  preposition the parse made one is none, `subject_articles.tsv`), no noun before it that could be
  one, not asking a question, in a line where a sentence opens on its verb (a capital "A" the
  tagger reads as a noun is still the auxiliary, `auxiliary_forms.tsv`). It is read as the subject
  pronoun of its number (`unsaid_subjects.tsv`: "il") and stands for a subject of this sentence or
  the one before, else a name of this sentence before it without a preposition, else the entity of
  its features the text told most about (the unit a history follows: the citation names its
  commander in a complement, "sous l'impulsion du colonel X"). It is returned apart, keyed on the
  verb, and joins the chain as a pronoun would.

A name told inside parentheses is told aside ("(son chef, le capitaine X, vient de succomber), …,
arrive jusqu'à l'Oise qu'il franchit"): it is no candidate.

A resolved expression then counts as a mention of its entity ("César … Il … Il …" is one chain).
The memory is a fixed number of candidates, so the pass is linear in the length of the document.

Two layers read it: the events (who acts) and the quotes (who speaks, before the events run). A
caller may name tokens it knows to be someone's pronoun whatever the parse made of them (`asked`:
the "-il" of "dit-il", the "lui" of "selon lui", read without the hyphen of the inversion), and
spans of tokens the pass does not read at all (`hidden`: the words of a quotation are not the
narrative, its names are no antecedents and its sentences do not count in the reach). Each
`Reference` lists the other entities that agreed with the pronoun (`others`: "Bertin salua Lenoir. Il
…"), told since the sentence of the one chosen when it is a subject, within the pronoun's reach
otherwise: a caller that wants one answer or none, as the quotes layer does, refuses a choice that
had rivals.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from collections import deque
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from annales.common.parse import children_of, morph_of
from annales.common.resources import exists, load_rows, ordinal_suffixes
from annales.model import Entity, Span

LAYER = "coreference"
FILES = ("pronouns.tsv", "group_nouns.tsv", "impersonal_verbs.tsv")
POSSESSIVES = "possessives.tsv"  # optional: without it, "son", "leur" stay unresolved
NEAREST = "nearest_pronouns.tsv"  # optional: without it, "celui-ci" prefers a subject as "il" does
PARTITIVES = "partitive_prepositions.tsv"  # optional: without it, "d'entre eux" is no subject
GIVEN_NAMES = "given_names.tsv"  # optional, in common/: women's given names take "elle" whatever the tagger says
SUBJECT_ARTICLES = "subject_articles.tsv"  # optional: without it, a subject with a preposition stays one
UNSAID = "unsaid_subjects.tsv"  # optional: without it, a verb with its subject left unsaid stays without one
PERSONAL_PASSIVES = "personal_passives.tsv"  # optional: without it, "il est chargé de …" stays impersonal
AUXILIARIES = "auxiliary_forms.tsv"  # optional: a capital "A" the tagger reads as a noun stays no auxiliary
SUBJECT_DEPS = ("nsubj", "nsubj:pass")
# What keeps a group noun from being a bare "le régiment": a modifier makes it another one ("le
# régiment de Picardie", "la division allemande", "le 3e bataillon").
NAMING_DEPS = ("amod", "nmod", "appos", "flat", "flat:name", "nummod", "compound")
MAX_CLIMB = 4  # heads climbed from a possessive to the verb of its clause: "après la fin de sa retraite"
MAX_WORDS = 3  # "celui-ci" is three tokens: "celui", "-", "ci"
UNMARKED = ("Masc", "Sing")  # the gender and number of a name the parse marks neither way
CLAUSE_DEPS = ("xcomp", "ccomp", "csubj", "csubj:pass")  # a clause that is a verb's complement or subject
NAME_DEPS = ("flat", "flat:name", "appos")  # a name hanging from the noun that heads it ("le général Joffre")
ANY_TYPE = "*"
# How many sentences back a pronoun looks: further, the one it stands for has been named again or
# was no entity at all ("Le 11, le commandant reçoit l'ordre d'une attaque. Elle est repoussée").
PRONOUN_REACH = 2  # a subject that names no entity stands in the way of every pronoun
RECENT = 8  # entities remembered in order of telling, whatever their kind: a pronoun's rivals
_BARE_NUMBER = re.compile(r"(\d{1,3})")
_ASIDE = re.compile(r"\([^()\n]{1,300}\)")
_INVERSION = re.compile(r"^-(?:t-)?")  # "dit-il", "a-t-il": the hyphens of an inverted subject


@dataclass(frozen=True)
class Reference:
    """What a referring expression was resolved to, and the words it was read from."""

    entity: Entity
    span: Span
    others: tuple[Entity, ...] = ()  # for a pronoun: other entities it could stand for (see above)


@dataclass(frozen=True)
class _Pronoun:
    types: frozenset[str]
    gender: str
    number: str
    nearest: bool = False  # "celui-ci", "ce dernier": the last one told, not the subject "il" prefers


@dataclass(frozen=True)
class _GroupNoun:
    type: str
    rank: str | None


@dataclass(frozen=True)
class _Lexicon:
    pronouns: dict[str, _Pronoun]
    group_nouns: dict[str, _GroupNoun]
    numbered: re.Pattern[str]
    impersonal: dict[str, str]  # verb lemma -> when it is impersonal: always, object, or a clitic
    pronoun_starts: frozenset[str]  # first words of the pronouns: most tokens are rejected on sight
    possessives: dict[str, _Pronoun]  # "son", "leurs" -> who may own (gender unused: it is the noun's)
    # prepositions before a pronoun naming the group a subject is part of ("la plupart d'[entre] eux")
    partitives: frozenset[str] = frozenset()
    unsaid: dict[str, _Pronoun] | None = None  # a verb's number -> the pronoun its unsaid subject is
    subject_articles: frozenset[str] = frozenset()  # "de" the parse hangs on a subject as its preposition
    auxiliaries: dict[str, str] | None = None  # an auxiliary's finite form -> its number ("a" -> Sing)
    personal_passives: frozenset[str] = frozenset()  # "il est chargé de": a passive with a person's subject
    women: frozenset[str] = frozenset()  # women's given names (`common/given_names.tsv`): "elle" takes them up


@cache
def _lexicon(language: str) -> _Lexicon | None:
    if not all(exists(language, LAYER, name) for name in FILES):
        return None  # no coreference data for this language: pronouns stay unresolved
    nearest = frozenset(row[0].lower() for row in load_rows(language, LAYER, NEAREST, 1)) \
        if exists(language, LAYER, NEAREST) else frozenset()
    pronouns = {row[0].lower(): _Pronoun(frozenset(t.strip() for t in row[1].split(",")), row[2], row[3],
                                         row[0].lower() in nearest)
                for row in load_rows(language, LAYER, "pronouns.tsv", 4)}
    nouns = {row[0].lower(): _GroupNoun(row[1], None if row[2] == "-" else row[2].lower())
             for row in load_rows(language, LAYER, "group_nouns.tsv", 3)}
    suffixes = ordinal_suffixes(language)
    if not suffixes:
        return None
    numbered = re.compile(r"(\d{1,4})\s?(?:" + "|".join(map(re.escape, suffixes)) + r")", re.IGNORECASE)
    impersonal = {row[0]: row[1].lower() for row in load_rows(language, LAYER, "impersonal_verbs.tsv", 2)}
    starts = frozenset(re.split(r"[-\s'’]", surface)[0] for surface in pronouns)
    owned = load_rows(language, LAYER, POSSESSIVES, 3) if exists(language, LAYER, POSSESSIVES) else ()
    possessives = {row[0].lower(): _Pronoun(frozenset(t.strip() for t in row[1].split(",")), "", row[2])
                   for row in owned}
    partitives = frozenset(row[0].lower() for row in load_rows(language, LAYER, PARTITIVES, 1)) \
        if exists(language, LAYER, PARTITIVES) else frozenset()
    unsaid = {row[0]: pronouns[row[1].lower()] for row in load_rows(language, LAYER, UNSAID, 2)
              if row[1].lower() in pronouns} if exists(language, LAYER, UNSAID) else None
    articles = frozenset(row[0].lower() for row in load_rows(language, LAYER, SUBJECT_ARTICLES, 1)) \
        if exists(language, LAYER, SUBJECT_ARTICLES) else frozenset()
    auxiliaries = {row[0].lower(): row[1] for row in load_rows(language, LAYER, AUXILIARIES, 2)} \
        if exists(language, LAYER, AUXILIARIES) else {}
    personal = frozenset(row[0].lower() for row in load_rows(language, LAYER, PERSONAL_PASSIVES, 1)) \
        if exists(language, LAYER, PERSONAL_PASSIVES) else frozenset()
    women = frozenset(row[0] for row in load_rows(language, "common", GIVEN_NAMES)
                      if len(row) > 1 and row[1] == "f") if exists(language, "common", GIVEN_NAMES) else frozenset()
    return _Lexicon(pronouns, nouns, numbered, impersonal, starts, possessives, partitives, unsaid, articles,
                    auxiliaries, personal, women)


def prepositional_subject(token: Any, language: str | None) -> bool:
    """True for a word the parse made a verb's subject that has a preposition of its own ("Sous
    l'impulsion de son chef, s'est emparé …": "impulsion" read as the subject): a complement, not the
    subject; an article the parse took for a preposition ("de nombreux soldats") leaves it one."""
    lex = _lexicon(language or "")
    return lex is not None and _prepositional(token, lex.subject_articles)


def _prepositional(token: Any, articles: frozenset[str]) -> bool:
    """The test of `prepositional_subject`: a preposition of the word's own phrase, no comma between
    ("au quartier général, Eisenhower donne" hangs "au" on the name: the parse's slip, not his)."""
    if not articles:
        return False
    for c in children_of(token):
        if c.dep_ == "case" and c.i < token.i and c.lower_ not in articles \
                and not any(t.pos_ == "PUNCT" for t in token.doc[c.i + 1:token.i]):
            return True
    return False


@dataclass(frozen=True)
class _Candidate:
    entity: Entity | None  # None: a subject that names no entity
    token: int
    sentence: int
    subject: bool
    complement: bool = False  # named with a preposition ("sous l'impulsion du colonel X"): no unsaid subject
    main: bool = False  # the subject of the sentence's main clause (or of a verb coordinated with it)


def _feature(token: Any, name: str) -> str | None:
    values = morph_of(token, name)
    return values[0] if values else None


def _features(token: Any) -> tuple[str, str]:
    """A noun's gender and number; its number as its article says it when they disagree: the
    tagger errs on nouns that do not change ("leur front" tagged plural, "les Bretons" singular),
    seldom on the article."""
    number = _feature(token, "Number")
    if token.pos_ in ("NOUN", "PROPN"):
        article = next((c for c in children_of(token) if c.dep_ == "det" and c.i < token.i
                        and (_feature(c, "PronType") == "Art" or _feature(c, "Poss") == "Yes")), None)
        if article is not None:
            number = _feature(article, "Number") or number
    return _feature(token, "Gender") or UNMARKED[0], number or UNMARKED[1]


class _Memory:
    """The last candidate of each kind; a handful of entries whatever the length of the text."""

    def __init__(self, kinds: frozenset[str], women: frozenset[str] = frozenset()) -> None:
        self.kinds = kinds  # the group nouns: a unit named by one ("2e bataillon") is of that kind
        self.women = women
        self.last: dict[tuple[str, str, str, bool], _Candidate] = {}
        # Units whose name says no kind ("9e RI"): "le régiment" may be one of them, "le bataillon"
        # is never the "2e régiment".
        self.kindless: dict[str, _Candidate] = {}
        self.by_rank: dict[str, _Candidate] = {}
        self.by_number: dict[str, _Candidate] = {}
        # (type, word of its name) -> the last candidate of each entity carrying that word
        self.by_word: dict[tuple[str, str], dict[str, _Candidate]] = {}
        self.told: dict[str, int] = {}  # entity id -> how often it was told so far, resolved mentions included
        self.entities: dict[str, Entity] = {}  # entity id -> the entity, for `most_told_of`
        # An entity's gender and number as its name was first written: "il" and "elle" do not
        # change it ("ils" wrongly given to César would make him plural for every later "ils").
        self.features: dict[str, tuple[str, str]] = {}
        self.recent: deque[_Candidate] = deque(maxlen=RECENT)

    def remember(self, entity: Entity, root: Any, sentence: int) -> None:
        features = self.features.get(entity.id)
        if features is None:  # the parse's morphology is slow to read: once per entity
            features = _features(root)
            if entity.type == "person" and entity.name.split(" ")[0] in self.women:
                # "Louise Michel": the tagger may give the name no gender, or the surname's
                features = ("Fem", features[1])
            self.features[entity.id] = features
        gender, number = features
        head = _phrase_head(root)
        subject = _subject(head)
        # Named with a preposition ("sous l'impulsion du colonel X"): no subject left unsaid is X.
        candidate = _Candidate(entity, root.i, sentence, subject,
                               not subject and any(c.dep_ == "case" and c.i < head.i for c in children_of(head)),
                               subject and (head.dep_ == "ROOT" or _main_clause(head.head)))
        self.told[entity.id] = self.told.get(entity.id, 0) + 1
        self.entities[entity.id] = entity
        self.last[(entity.type, gender, number, candidate.subject, candidate.main)] = candidate
        self.recent.append(candidate)
        if entity.type == "person":
            # What the text made the person: a rank ("le général"), a title ("l'empereur", kept
            # apart from ranks) or an office ("le président", a role).
            held = [*(entity.ranks or ([entity.rank] if entity.rank else [])),
                    *([entity.title] if entity.title else []), *([entity.role] if entity.role else [])]
            for rank in held:
                self.by_rank[rank.lower()] = candidate
        if entity.type == "unit":
            for number_ in entity_numbers(entity):
                self.by_number[number_] = candidate
            if not _words(entity) & self.kinds:
                self.kindless[gender] = candidate
        for word in _words(entity):
            self.by_word.setdefault((entity.type, word), {})[entity.id] = candidate

    def named(self, type_: str, word: str, sentence: int) -> _Candidate | None:
        """The entity "le régiment" stands for: the last one whose name carries the word when it was
        the subject of this sentence or the one before; else the one the text has told most about,
        the last told on a tie. A history follows its own regiment and names the units beside it
        once or twice, as objects and complements ("relève le 245e régiment", "relevé par le 160e
        régiment, le régiment va cantonner"): "le régiment" is then the one it follows."""
        candidates = self.by_word.get((type_, word))
        if not candidates:
            return None
        last = max(candidates.values(), key=lambda c: c.token)
        if last.subject and last.sentence >= sentence - 1:
            return last
        return max(candidates.values(), key=lambda c: (self.told.get(c.entity.id, 0) if c.entity else 0, c.token))

    def most_told(self, chosen: _Candidate, types: frozenset[str], gender: str, number: str,
                  since: int) -> _Candidate:
        """With no subject near to stand for, a pronoun's antecedent among the entities of its
        features told since sentence `since`: the one the text told most about, the last told on a
        tie. The parse may leave the two units of "le 8e relève le 245e régiment …, qu'il occupe"
        both without a subject's role; the history follows the 8e."""
        best = chosen
        for c in self.recent:
            entity = c.entity
            if entity is None or entity.type not in types or c.sentence < since \
                    or self.features.get(entity.id) != (gender, number):
                continue
            if (self.told.get(entity.id, 0), c.token) > (self.told.get(best.entity.id, 0) if best.entity else 0,
                                                          best.token):
                best = c
        return best

    def most_told_of(self, types: frozenset[str], gender: str, number: str) -> Entity | None:
        """Of all the entities told so far, the one of these types and features told most about."""
        best: Entity | None = None
        for entity in self.entities.values():
            if entity.type in types and self.features.get(entity.id) == (gender, number) and (
                    best is None or self.told[entity.id] > self.told[best.id]):
                best = entity
        return best

    def block(self, token: Any, sentence: int, gender: str, number: str) -> None:
        """A subject naming no entity, or a pronoun standing for none: the antecedent of a pronoun
        that follows, as often as not."""
        main = _main_clause(token.head)
        self.last[(ANY_TYPE, gender, number, True, main)] = _Candidate(None, token.i, sentence, True, main=main)

    def rivals(self, chosen: Entity, types: frozenset[str], gender: str, number: str, since: int) -> tuple[Entity, ...]:
        """The other entities told since sentence `since` that a pronoun of these features could stand for."""
        out: dict[int, Entity] = {}
        for c in self.recent:
            entity = c.entity
            if entity is not None and entity is not chosen and entity.type in types and c.sentence >= since \
                    and self.features.get(entity.id) == (gender, number):
                out[id(entity)] = entity
        return tuple(out.values())

    def agreeing(self, types: frozenset[str], gender: str, number: str) -> list[_Candidate]:
        return [c for (type_, g, n, *_), c in self.last.items()
                if (type_ in types or type_ == ANY_TYPE) and g == gender and n == number]

    def owners(self, types: frozenset[str], number: str) -> list[_Candidate]:
        """The candidates a possessive may stand for: of its possessor's number, of either gender."""
        return [c for (type_, _, n, *_), c in self.last.items()
                if (type_ in types or type_ == ANY_TYPE) and n == number]


@cache
def _numbers_of(name: str, abbreviation: str | None) -> frozenset[str]:
    return frozenset(n.lstrip("0") or "0" for n in re.findall(r"\d+", name + " " + (abbreviation or "")))


def entity_numbers(entity: Entity) -> frozenset[str]:
    """The numbers an entity is named by, without leading zeros ("151e régiment d'infanterie": "151")."""
    return _numbers_of(entity.name, entity.abbreviation)


@cache
def _words_of(name: str) -> frozenset[str]:
    return frozenset(w for w in re.split(r"[\W\d_]+", name.lower()) if w)


def _words(entity: Entity) -> frozenset[str]:
    return _words_of(entity.name)


def _pick(candidates: list[_Candidate], sentence: int) -> _Candidate | None:
    """A subject of this sentence or the one before it if there is one, else the most recent. Of the
    sentence before, the subject of its main clause over one of a clause inside it ("Crillon rentre à
    Madrid, où le roi le fait duc. Il …": Crillon); in the pronoun's own sentence, the nearest ("…
    où l'ennemi a trouvé refuge : il n'en sera chassé que …")."""
    if not candidates:
        return None
    recent_subjects = [c for c in candidates if c.subject and c.sentence >= sentence - 1]
    if recent_subjects:
        latest = max(c.sentence for c in recent_subjects)
        pool = [c for c in recent_subjects if c.sentence == latest]
        if latest < sentence:
            pool = [c for c in pool if c.main] or pool
        return max(pool, key=lambda c: c.token)
    return max(candidates, key=lambda c: c.token)


def _main_clause(verb: Any) -> bool:
    """The word is the root of its sentence, or coordinated with it: no clause holds it."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.head.i == verb.i


# The last document's plain pass (no `asked`, no `hidden`): the events and the relations layers
# both ask it, with the same entities and dates. (weak reference to the Doc, key, references,
# possessives, antecedents, unsaid subjects)
_last_pass: tuple[Any, tuple, dict[int, Reference], dict[int, Reference], dict[int, int],
                  dict[int, Reference]] | None = None


def resolve_references(doc: Any, text: str, language: str | None, entity_at: dict[int, Entity],
                       skip: set[int], *, asked: Collection[int] = (),
                       hidden: Sequence[tuple[int, int]] = (),
                       possessives: dict[int, Reference] | None = None,
                       antecedents: dict[int, int] | None = None,
                       unsaid: dict[int, Reference] | None = None) -> dict[int, Reference]:
    """Token index of a referring expression's head -> the entity it stands for; see `_resolve`.
    A plain pass is made once per Doc, entities and dates: its possessives, antecedents and unsaid
    subjects are collected whether or not this caller asks for them, which changes none of the
    references."""
    global _last_pass
    if asked or hidden or doc is None:
        return _resolve(doc, text, language, entity_at, skip, asked=asked, hidden=hidden,
                        possessives=possessives, antecedents=antecedents, unsaid=unsaid)
    key = (language, text, tuple(sorted((i, id(e)) for i, e in entity_at.items())), frozenset(skip))
    last = _last_pass
    if last is None or last[0]() is not doc or last[1] != key:
        owned: dict[int, Reference] = {}
        pointed: dict[int, int] = {}
        left: dict[int, Reference] = {}
        found = _resolve(doc, text, language, entity_at, skip, possessives=owned, antecedents=pointed,
                         unsaid=left)
        last = _last_pass = (weakref.ref(doc), key, found, owned, pointed, left)
    if possessives is not None:
        possessives.update(last[3])
    if antecedents is not None:
        antecedents.update(last[4])
    if unsaid is not None:
        unsaid.update(last[5])
    return dict(last[2])


def _resolve(doc: Any, text: str, language: str | None, entity_at: dict[int, Entity],
             skip: set[int], *, asked: Collection[int] = (),
             hidden: Sequence[tuple[int, int]] = (),
             possessives: dict[int, Reference] | None = None,
             antecedents: dict[int, int] | None = None,
             unsaid: dict[int, Reference] | None = None) -> dict[int, Reference]:
    """Token index of a referring expression's head -> the entity it stands for. `text`: the text the
    doc's token offsets point into (spaCy rebuilds `doc.text` at every call); `skip`: tokens that
    refer to nothing (the words of a date: "le 1er" is a day, not the 1st regiment); `asked`: tokens
    read as subject pronouns whatever their parse; `hidden`: token ranges [start, end) not read;
    `possessives`, when given, receives the possessive determiners resolved ("son" of "son arrivée" ->
    its possessor), which are kept out of the returned references and of the chains: "sa retraite"
    names the retreat, not its possessor, and is no antecedent; `antecedents`, when given, receives
    the subject pronouns left unresolved because the candidate they agreed with is a subject that
    names no entity, with that subject's token ("Les soldats avancent. Ils …": "Ils" -> "soldats"),
    which the caller may read as people or refuse as a thing ("Le livre … Il démontre"), and so
    for the possessives ("L'empereur … son intervention"); `unsaid`, when given, receives the verbs
    whose subject is left unsaid ("A brisé la ligne ennemie") -> who that subject is."""
    lex = _lexicon(language or "")
    out: dict[int, Reference] = {}
    if lex is None or doc is None:
        return out
    memory = _Memory(frozenset(lex.group_nouns), lex.women)
    owned = lex.possessives if possessives is not None else {}
    rows = _worth_reading(doc, lex, entity_at, skip, owned)
    starts = _sentence_starts(doc)
    unsaid_at = _unsaid_subjects(doc, text, lex, entity_at, skip, starts) \
        if unsaid is not None and lex.unsaid else {}
    if unsaid_at:
        rows = sorted(set(rows) | set(unsaid_at))
    asked = frozenset(asked)
    if asked or hidden:
        ranges = sorted(hidden)
        range_starts = [r[0] for r in ranges]

        def visible(i: int) -> bool:
            k = bisect_right(range_starts, i) - 1
            return k < 0 or i >= ranges[k][1]
        rows = sorted(i for i in set(rows) | set(asked) if visible(i))
        starts = [s for s in starts if s == 0 or visible(s)]
    # A name inside parentheses is told aside ("(son chef, le capitaine X, vient de succomber), …,
    # arrive jusqu'à l'Oise qu'il franchit"): no pronoun after it stands for it.
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(text)] if "(" in text else []
    resume = 0  # the first token not yet read as part of a name or a pronoun
    for i in rows:
        if i < resume:
            continue
        sentence = bisect_right(starts, i) - 1
        sent_end = starts[sentence + 1] if sentence + 1 < len(starts) else len(doc)
        pronoun = unsaid_at.get(i)
        if pronoun is not None and unsaid is not None:
            who = _choose_unsaid(memory, pronoun, sentence)
            if who is not None:
                verb = doc[i]
                unsaid[i] = Reference(who, Span(verb.idx, verb.idx + len(verb)))
                memory.remember(who, verb, sentence)
            if i not in entity_at:
                continue
        entity = entity_at.get(i)
        if entity is not None:
            end = i
            while end + 1 < sent_end and entity_at.get(end + 1) is entity:
                end += 1
            resume = end + 1
            root = _root(doc, i, end)
            if _bare_group_noun(doc, i, end, root, lex):
                # The entity layer may take "le régiment" for a unit of its own: it is the one
                # told before, when there is one.
                reference = _group_reference(root, lex, memory, sentence)
                if reference is not None:
                    out[root.i] = reference
                    entity = reference.entity
            if entity.type != "place" and not _inside(asides, doc[i].idx):
                memory.remember(entity, root, sentence)
            continue
        owner = owned.get(doc[i].lower_)
        if owner is not None and possessives is not None:
            token = doc[i]
            if token.pos_ == "DET" and token.dep_ == "det":
                reference = _possessor(token, owner, memory, sentence, entity_at)
                if isinstance(reference, Reference):
                    possessives[i] = reference
                elif reference is not None and antecedents is not None:
                    antecedents[i] = antecedents.get(reference, reference)
            continue
        found = _referring(doc, text, i, sent_end, lex, memory, sentence, i in asked)
        if found is None:
            token = doc[i]
            if token.dep_ in SUBJECT_DEPS and (token.pos_ == "NOUN" or (
                    token.pos_ == "PROPN" and any(c.dep_ == "det" for c in children_of(token)))) and not any(
                    c.i in entity_at for c in children_of(token) if _names_its_head(c)):
                memory.block(token, sentence, *_features(token))  # "le livre", not "le général Joffre"
            continue
        head, last, reference, features, blocker = found
        resume = last + 1
        if reference is not None:
            out[head.i] = reference
            memory.remember(reference.entity, head, sentence)
        elif features is not None:
            memory.block(head, sentence, *features)  # "elle" for a thing: later "elle"s too
            if blocker is not None and antecedents is not None:
                # "Les soldats avancent. Ils prennent la ferme. Ils …": every "ils" is the soldiers.
                antecedents[head.i] = antecedents.get(blocker, blocker)
    return out


def _worth_reading(doc: Any, lex: _Lexicon, entity_at: dict[int, Entity], skip: set[int],
                   possessives: Collection[str] = ()) -> list[int]:
    """The tokens the pass must look at, in order: the first word of every name, and every word
    that may refer or stand in the way (a pronoun, a group noun, a number, a subject noun).

    Read off the parse's arrays of ids, compared column by column: a spaCy token object, made anew
    at every doc[i], costs more than the test, and most words are none of these."""
    strings = doc.vocab.strings
    columns = doc.to_array(["POS", "DEP", "LOWER", "LEMMA", "SHAPE"])
    pos, dep, lower, lemma, shape = (columns[:, k] for k in range(5))
    nouns = pos == strings["NOUN"]
    # A name no entity holds may be a side's name made of a common noun ("les Alliés"): read as a noun.
    subjects = (dep == strings[SUBJECT_DEPS[0]]) | (dep == strings[SUBJECT_DEPS[1]])
    wanted = (nouns | (pos == strings["PROPN"])) & subjects
    for word in (*lex.pronoun_starts, *possessives):
        wanted |= lower == strings[word]
    for group in lex.group_nouns:
        wanted |= nouns & (lemma == strings[group])
    # A shape starting with a digit ("dx" for "9e", "dddx" for "152e"): a unit named by its number.
    for value in set(shape.tolist()):
        if value in strings and strings[value][:1] == "d":
            wanted |= shape == value
    found = {i for i in wanted.nonzero()[0].tolist() if i not in skip}
    found.update(i for i in entity_at if i - 1 not in entity_at or entity_at[i - 1] is not entity_at[i])
    return sorted(found)


def _sentence_starts(doc: Any) -> list[int]:
    starts = (doc.to_array("SENT_START") == 1).nonzero()[0].tolist()
    return starts if starts and starts[0] == 0 else [0, *starts]


def _phrase_head(token: Any) -> Any:
    """The noun heading a name's phrase: "général" for "Joffre" in "le général Joffre" (hung on it
    without a preposition, as a complement too: "le roi Kofi Karikari")."""
    while _names_its_head(token) and token.head.i != token.i:
        token = token.head
    return token


def _names_its_head(token: Any) -> bool:
    """A name apposed to the noun before it: "Joffre" of "le général Joffre"; the parse may hang it as
    a complement without a preposition ("le roi Kofi Karikari")."""
    return token.dep_ in NAME_DEPS or (token.dep_ == "nmod" and token.pos_ == "PROPN" and token.head.i == token.i - 1
                                       and not any(c.dep_ == "case" for c in children_of(token)))


def _subject(head: Any) -> bool:
    """The phrase is a verb's subject: as the parse says, or a noun the parse made its sentence's root
    with a finite verb hung right after it as its modifier ("Le roi signe le traité", "signe" read as
    describing "roi"): a finite verb without a relative pronoun describes no noun, it is said of it."""
    if head.dep_ in SUBJECT_DEPS:
        return True
    if head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ == "acl" and c.pos_ in ("VERB", "AUX") and "Fin" in morph_of(c, "VerbForm")
               and not any(g.dep_.startswith("nsubj") or g.dep_ == "mark" for g in children_of(c))
               for c in children_of(head) if c.i > head.i)


def _root(doc: Any, start: int, end: int) -> Any:
    """The token of doc[start:end+1] whose head lies outside it (`doc`: the Doc or its tokens)."""
    for k in range(start, end + 1):
        head = doc[k].head.i
        if head == k or not start <= head <= end:
            return doc[k]
    return doc[start]


def _personal(verb: Any) -> bool:
    """True when the "il" the parse reads as an impersonal subject of `verb` may well be a person's:
    the verb governs an infinitive ("il ne put y rester"), or it has an object or a reflexive pronoun
    and no clause that could be its real subject ("Il rata le virage", "Il se replie", not "il se
    trouve que …", "il convient de …")."""
    children = children_of(verb)
    deps = {c.dep_ for c in children}
    if "xcomp" in deps:
        return True
    if deps & {"ccomp", "csubj", "csubj:pass"}:
        return False
    # "Il se replie le lendemain": a reflexive verb with no clause for real subject is someone's doing
    # (the impersonal ones, "il s'agit", "il se passe des choses", are listed apart)
    return bool(deps & {"obj", "iobj", "obl:arg"}) or any("Yes" in morph_of(c, "Reflex") for c in children)


def _hung_before_its_verb(pronoun: Any) -> bool:
    """"Il fait saisir les caisses" parsed with "Il" hung on the infinitive by no relation the parse
    could name: a pronoun right before the verbs it hangs on, with no preposition, is their subject."""
    verb = pronoun.head
    return pronoun.dep_ == "dep" and pronoun.pos_ == "PRON" and verb.pos_ in ("VERB", "AUX") \
        and pronoun.i < verb.i and all(t.pos_ in ("VERB", "AUX") or t.dep_ in ("advmod", "expl:comp", "obj", "iobj")
                                       for t in pronoun.doc[pronoun.i + 1:verb.i]) \
        and not any(c.dep_ == "case" for c in children_of(pronoun))


def _partitive(doc: Any, pronoun: Any, lex: _Lexicon) -> bool:
    """True for the pronoun of a subject's part ("la plupart d'entre eux", "un grand nombre d'entre
    elles"): it stands for the people told before, of whom the subject is a part."""
    return pronoun.dep_ == "nmod" and pronoun.head.dep_ in SUBJECT_DEPS and pronoun.i > 0 \
        and doc[pronoun.i - 1].lower_ in lex.partitives


def _impersonal(subject: Any, lex: _Lexicon) -> bool:
    """True when the pronoun `subject` names no one: "il faut", "il y a", "il ne vient rien", and a
    passive whose real subject is a clause ("il était prescrit de ne point engager le combat"; not
    one of a verb whose object does what the infinitive says, `personal_passives.tsv`: "il est
    chargé d'effectuer des travaux")."""
    verb = subject.head
    # The clause must be one: "il est nommé gouverneur" has a noun for predicate, no real subject.
    if subject.dep_ == "nsubj:pass" and any(c.dep_ in CLAUSE_DEPS and c.pos_ in ("VERB", "AUX")
                                            for c in children_of(verb)) \
            and verb.lemma_ not in lex.personal_passives:
        return True  # not "il est chargé d'effectuer des travaux": someone was given the task
    when = lex.impersonal.get(verb.lemma_)
    if when is None:
        return False
    if when == "always":
        return True
    if when == "object":
        return any(c.dep_ == "obj" and c.i > verb.i for c in children_of(verb))
    return any(c.lower_ == when for c in children_of(verb))


def _referring(doc: Any, text: str, i: int, sent_end: int, lex: _Lexicon, memory: _Memory,
               sentence: int, asked: bool = False) -> tuple[Any, int, Reference | None, tuple[str, str] | None,
                                                            int | None] | None:
    """(head token, last token, reference or None when unresolved, a pronoun's gender and number,
    the subject naming no entity it was given when it was: "les soldats … ils") when a referring
    expression starts at token i, else None. An `asked` token is a subject pronoun whatever its
    parse and its hyphens ("dit-il")."""
    token = doc[i]
    lower = _INVERSION.sub("", token.lower_) if asked else token.lower_
    pronoun_start = lower in lex.pronoun_starts
    if not (pronoun_start or token.pos_ == "NOUN" or token.text[:1].isdigit()):
        return None
    # A pronoun of one to three tokens ("il", "celui-ci" tokenised "celui", "-", "ci").
    for last in range(min(sent_end, i + MAX_WORDS) - 1, i - 1, -1) if pronoun_start else ():
        surface = text[token.idx:doc[last].idx + len(doc[last])].lower()
        pronoun = lex.pronouns.get(_INVERSION.sub("", surface) if asked else surface)
        if pronoun is None:
            continue
        # The parser reads some "il" before a modal as impersonal ("il ne put y rester"): it is a
        # subject when its verb governs an infinitive and is not impersonal itself ("il faut partir").
        subject = token if asked else next((t for t in doc[i:last + 1] if t.dep_ in SUBJECT_DEPS or (
            t.dep_ == "expl:subj" and t.head.pos_ == "VERB" and _personal(t.head)) or _partitive(doc, t, lex)
            or _hung_before_its_verb(t)), None)
        if subject is None:
            return None
        if not asked and _impersonal(subject, lex):
            # "il leur restait cent trente mille hommes ; ils marchèrent …": the noun after an
            # impersonal verb is its real subject, and stands in the way of the pronouns after it.
            real = next((c for c in children_of(subject.head) if c.dep_ == "obj" and c.pos_ == "NOUN"
                         and c.i > subject.head.i), None)
            return (real, last, None, _features(real), None) if real is not None else None
        chosen = _choose(memory, pronoun, sentence)
        nearer = _nearer_noun(doc, chosen.token if chosen is not None else _reach_start(doc, i), i, pronoun) \
            if pronoun.nearest else None
        if nearer is not None:
            # "ces derniers" after "les hommes du lieutenant X": the men, no entity; the caller may
            # read the noun as people
            return subject, last, None, (pronoun.gender, pronoun.number), nearer
        span = Span(token.idx, doc[last].idx + len(doc[last]))
        reference = None
        if chosen is not None and chosen.entity is not None:
            # A subject chosen has rivals from its own sentence on; another antecedent, from the reach.
            since = chosen.sentence if chosen.subject else sentence - PRONOUN_REACH
            others = memory.rivals(chosen.entity, pronoun.types, pronoun.gender, pronoun.number, since)
            reference = Reference(chosen.entity, span, others)
        blocker = chosen.token if chosen is not None and chosen.entity is None else None
        return subject, last, reference, (pronoun.gender, pronoun.number), blocker
    # The words themselves first: most nouns are no group noun, most numbers no unit's.
    text_ = token.text
    noun = lex.group_nouns.get(token.lemma_.lower()) if token.pos_ == "NOUN" and text_.islower() else None
    match = lex.numbered.fullmatch(text_) if noun is None and text_[:1].isdigit() else None
    if match is None and noun is None and token.dep_ in SUBJECT_DEPS:
        # "le 8 apprend l'Armistice": the OCR or the writer left the ordinal's ending out; a bare
        # number is a unit only as the subject of a verb (a day is a date's, and no subject).
        match = _BARE_NUMBER.fullmatch(text_)
    if noun is None and match is None:
        return None
    # The parse may hang the article of "le 152e attaque" on the verb: the word before will do.
    before = doc[i - 1] if i > 0 else None
    determiner = _definite_determiner(token) or (
        before if before is not None and before.pos_ == "DET" and _feature(before, "Definite") == "Def" else None)
    # A plural article heads a list of units whose kind comes last ("les 1er et 2e bataillons"): the
    # "1er" is the first of them, not the last unit numbered 1 ("1er corps d'armée").
    if determiner is None or _feature(token, "Number") == "Plur" or _feature(determiner, "Number") == "Plur":
        return None
    chosen: _Candidate | None = None
    if noun is not None:
        if determiner.head.i != i or any(c.dep_ in NAMING_DEPS for c in children_of(token)):
            return None  # the article belongs to another noun, or the noun is named ("le régiment de Picardie")
        chosen = _group_candidate(token, noun, memory, sentence)
    elif match is not None:
        # "la 3e attaque", "le 9e jour": a number before a noun counts it, whatever the noun; one the
        # caller asks about stands before a verb the tagger read as a noun ("le 151e combat sur la Marne").
        modifies_noun = not asked and token.dep_ in ("amod", "nummod") and token.head.i > i \
            and token.head.pos_ == "NOUN"
        names_kind = any(c.lemma_.lower() in lex.group_nouns for c in children_of(token))  # "9e" + "régiment"
        if not modifies_noun and not names_kind:
            chosen = memory.by_number.get(match.group(1).lstrip("0") or "0")
    if chosen is None or chosen.entity is None:
        return None
    span = Span(min(determiner.idx, token.idx), token.idx + len(token))
    return token, i, Reference(chosen.entity, span), None, None


def _nearer_noun(doc: Any, candidate: int, i: int, pronoun: _Pronoun) -> int | None:
    """The last common noun of the pronoun's gender and number told between the candidate and the
    pronoun: "celui-ci", "ces derniers" stand for the last one told, which then is no entity."""
    for token in reversed(doc[candidate + 1:i]):
        if token.pos_ != "NOUN":
            continue
        gender, number = morph_of(token, "Gender"), morph_of(token, "Number")
        if (not number or pronoun.number in number) and (not gender or pronoun.gender in gender):
            return token.i
    return None


def _reach_start(doc: Any, i: int) -> int:
    """The token before the sentence preceding token i's: how far back a demonstrative with no entity
    to stand for looks for a noun."""
    sentence = doc[i].sent
    before = doc[sentence.start - 1].sent if sentence.start > 0 else sentence
    return before.start - 1


def _choose(memory: _Memory, pronoun: _Pronoun, sentence: int) -> _Candidate | None:
    """The candidate a subject pronoun of these features stands for (see the module's account)."""
    near = [c for c in memory.agreeing(pronoun.types, pronoun.gender, pronoun.number)
            if c.sentence >= sentence - PRONOUN_REACH]
    if pronoun.nearest:
        return max(near, key=lambda c: c.token, default=None)
    chosen = _pick(near, sentence)
    near_subject = chosen is not None and chosen.subject and chosen.sentence >= sentence - 1
    if chosen is not None and chosen.entity is not None and not near_subject:
        chosen = memory.most_told(chosen, pronoun.types, pronoun.gender, pronoun.number,
                                  sentence - PRONOUN_REACH)
    return chosen


def _choose_unsaid(memory: _Memory, pronoun: _Pronoun, sentence: int) -> Entity | None:
    """Who a subject left unsaid is: a subject of this sentence or the one before; else one named in
    this sentence before the verb without a preposition (an individual citation's "Sergent X : A
    entraîné sa section"); else the entity of its features the text told most about so far. A
    citation names its unit's commander in a complement ("sous l'impulsion du colonel X") and leaves
    the unit, the one the history follows, unsaid."""
    agreeing = [c for c in memory.agreeing(pronoun.types, pronoun.gender, pronoun.number) if c.entity is not None]
    subjects = [c for c in agreeing if c.subject and c.sentence >= sentence - 1]
    if subjects:
        return max(subjects, key=lambda c: c.token).entity
    here = [c for c in agreeing if c.sentence == sentence and not c.complement]
    if here:
        return max(here, key=lambda c: c.token).entity
    return memory.most_told_of(pronoun.types, pronoun.gender, pronoun.number)


def _unsaid_subjects(doc: Any, text: str, lex: _Lexicon, entity_at: dict[int, Entity], skip: set[int],
                     starts: list[int]) -> dict[int, _Pronoun]:
    """The verbs heading their sentence whose subject is left unsaid -> the pronoun it stands for.

    Only the sentences' roots are read, and of them only the verbs no subject hangs on, found on the
    parse's arrays: a handful per text."""
    assert lex.unsaid is not None
    strings = doc.vocab.strings
    columns = doc.to_array(["POS", "DEP", "HEAD"])
    pos, dep, head = columns[:, 0], columns[:, 1], columns[:, 2].astype("int64")
    subjects = (dep == strings[SUBJECT_DEPS[0]]) | (dep == strings[SUBJECT_DEPS[1]]) | (dep == strings["expl:subj"])
    cased = set((dep == strings["case"]).nonzero()[0] + head[dep == strings["case"]])
    governed = {i + int(head[i]) for i in subjects.nonzero()[0].tolist()
                if i not in cased or not _prepositional(doc[i], lex.subject_articles)}
    roots = ((dep == strings["ROOT"]) & ((pos == strings["VERB"]) | (pos == strings["NOUN"]))).nonzero()[0].tolist()
    auxiliaries = lex.auxiliaries or {}
    found: list[tuple[int, _Pronoun, bool, int]] = []  # (verb, pronoun, opens its sentence, its line's start)
    for i in roots:
        verb = doc[i]
        read_as_noun = None
        if verb.pos_ == "NOUN":
            # "A brisé la ligne" read as a noun "A" and a participle describing it: the participle
            # is the sentence's verb, the "A" its auxiliary.
            after = doc[i + 1] if i + 1 < len(doc) else None
            if verb.lower_ not in auxiliaries or after is None or after.head.i != i or after.dep_ != "acl" \
                    or after.pos_ != "VERB" or morph_of(after, "VerbForm") != ["Part"]:
                continue
            read_as_noun, verb, i = verb, after, after.i
        if i in governed:
            continue
        sentence = bisect_right(starts, i) - 1
        end = starts[sentence + 1] if sentence + 1 < len(starts) else len(doc)
        if text[doc[starts[sentence]].idx:doc[end - 1].idx + len(doc[end - 1])].rstrip().endswith("?"):
            continue  # a question: "A-t-on jamais vu …", whoever asks
        if not _opens_sentence(text, doc[starts[sentence]].idx):
            continue  # the segmenter cut a sentence inside ("Madrid, | menacé d'un assaut, ouvrit")
        # A compound tense only ("A fait", "S'est maintenu", "Est parti"): the citations' form; a
        # simple form without a subject is more often a noun or an adjective the tagger read as a
        # verb ("relève par la brigade", "la pression continue").
        finite = read_as_noun or next((c for c in children_of(verb) if c.dep_.startswith("aux") and c.i < i), None)
        if finite is None:
            continue
        if finite.pos_ != "AUX" and finite.lower_ in auxiliaries:
            number = auxiliaries[finite.lower_]  # the tagger gave the capital "A" no verb's features
        elif morph_of(finite, "VerbForm") != ["Fin"] or morph_of(finite, "Mood") != ["Ind"] \
                or morph_of(finite, "Person") != ["3"] or not morph_of(finite, "Number"):
            continue  # an order, a wish, an infinitive or a participle heading a title
        else:
            number = morph_of(finite, "Number")[0]
        pronoun = lex.unsaid.get(number)
        if pronoun is None:
            continue
        if any(_bare_before(doc[k], verb, skip) for k in range(starts[sentence], i)):
            continue  # a noun before it with no preposition: a subject the parse misread
        if any(c.dep_.startswith("expl") for c in children_of(verb)) and any(
                c.i > i and c.dep_ in ("obj", "nsubj") and c.pos_ in ("NOUN", "PROPN") and not _has_case(c)
                for c in children_of(verb)):
            continue  # "Dans la voiture se trouvait un plan": the subject after a pronominal verb
        first = next((doc[k] for k in range(starts[sentence], i + 1) if doc[k].pos_ != "PUNCT"), verb)
        found.append((i, pronoun, first.i in (finite.i, i) or (first.head.i == i and first.dep_.startswith("expl")),
                      text.rfind("\n", 0, verb.idx)))
    # A subject is left unsaid in a passage written so, a citation's: one of its sentences at least
    # opens on its verb ("A fait 400 prisonniers", "S'est maintenu"); then a verb after a fronted
    # complement is one too ("Puis, au cours de durs combats, a refoulé l'adversaire"). In prose,
    # a compound verb without a subject is one whose subject the parse lost.
    styled = {line for _, _, initial, line in found if initial}
    return {i: pronoun for i, pronoun, _, line in found if line in styled}


def _opens_sentence(text: str, start: int) -> bool:
    """True when the text before `start` ends a sentence, a line, a title or a quotation's opening
    (".", "!", ":", "«", a new line), not an abbreviation's period ("M. Crassus") nor a comma."""
    before = text[max(0, start - 40):start]
    stripped = before.rstrip()
    if not stripped or "\n" in before[len(stripped):]:
        return True
    if stripped[-1] == ".":
        word = stripped[:-1].split()[-1] if stripped[:-1].split() else ""
        return not (len(word) <= 2 and word[:1].isupper())  # "M.", "P.", "Ch."
    return stripped[-1] in "!?:;«»<>"


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    k = bisect_right(spans, (offset, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


def _has_case(token: Any) -> bool:
    return any(c.dep_ == "case" for c in children_of(token))


def _bare_before(token: Any, verb: Any, skip: set[int]) -> bool:
    """True for a noun or a pronoun before `verb` that hangs on it by no preposition: neither it nor
    a word between it and the verb in the parse has one ("Madrid, menacé d'un assaut, ouvrit"). Object
    clitics and the words of a date are no such noun."""
    if token.pos_ not in ("NOUN", "PROPN", "PRON") or token.i in skip or token.dep_.startswith("aux") \
            or (token.pos_ == "PRON" and token.dep_.startswith(("expl", "obj", "iobj"))):
        return False
    walk = token
    for _ in range(MAX_CLIMB + 2):
        if walk.i == verb.i:
            return True
        if _has_case(walk) or walk.dep_ == "acl:relcl" or walk.i in skip:
            return False
        if walk.head.i == walk.i:
            return False
        walk = walk.head
    return False


def _possessor(determiner: Any, owner: _Pronoun, memory: _Memory, sentence: int,
               entity_at: dict[int, Entity]) -> Reference | int | None:
    """Who "son" or "leur" stands for: the subject of its own clause when it is named after it
    ("Après sa victoire, César rentre"), else the last candidate of the possessor's number, a subject
    of this sentence or the one before first, as for a pronoun. A subject that names no entity in
    between ("Le livre … son auteur", "L'empereur … son intervention") leaves it unresolved: its
    token is returned instead, for a caller that reads people in it."""
    span = Span(determiner.idx, determiner.idx + len(determiner))
    later = _subject_after(determiner, entity_at)
    if later is not None:
        entity, subject = later
        if entity.type in owner.types and _features(subject)[1] == owner.number:
            return Reference(entity, span)
    near = [c for c in memory.owners(owner.types, owner.number) if c.sentence >= sentence - PRONOUN_REACH]
    chosen = _pick(near, sentence)
    if chosen is None:
        return None
    return Reference(chosen.entity, span) if chosen.entity is not None else chosen.token


def _subject_after(determiner: Any, entity_at: dict[int, Entity]) -> tuple[Entity, Any] | None:
    """(entity, the token heading it) when the verb whose clause holds `determiner` has a subject
    that names an entity and comes after it in the sentence."""
    verb = determiner.head
    for _ in range(MAX_CLIMB):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    for child in children_of(verb):
        if child.dep_ in SUBJECT_DEPS and child.i > determiner.i:
            entity = entity_at.get(child.i)
            name = next((c for c in children_of(child) if c.dep_ in NAME_DEPS and c.i in entity_at), None)
            if entity is None and name is not None:
                entity = entity_at[name.i]  # "le général Joffre": the name hangs from the noun
            return (entity, child) if entity is not None else None
    return None


def _definite_determiner(token: Any) -> Any | None:
    """The definite article of `token` ("le", "la", "l'", "du"), when it has one: "du" and "au" may be
    parsed as the preposition they also are."""
    for child in children_of(token):
        if child.dep_ in ("det", "case") and _feature(child, "Definite") == "Def" and _feature(child, "Poss") is None:
            return child
    return None


def _group_candidate(token: Any, noun: _GroupNoun, memory: _Memory, sentence: int) -> _Candidate | None:
    """"le général": the last person made a général; "la division": the unit named a division that
    was a subject just before, or else the one the text told most about (`_Memory.named`), else the last
    unit of the noun's gender; "le gouvernement": the one named so, else no one."""
    if noun.rank is not None:
        return memory.by_rank.get(noun.rank)
    named = memory.named(noun.type, token.lemma_.lower(), sentence)
    if named is not None or noun.type != "unit":
        return named
    return memory.kindless.get(_features(token)[0])


def _bare_group_noun(doc: Any, start: int, end: int, root: Any, lex: _Lexicon) -> bool:
    """True when a mention is a group noun in lower case and its article alone ("le régiment"; not
    "l'Assemblée", a name)."""
    if root.lemma_.lower() not in lex.group_nouns or not root.text.islower() or _feature(root, "Number") == "Plur":
        return False
    return all(k == root.i or doc[k].dep_ == "det" for k in range(start, end + 1)) \
        and not any(c.dep_ in NAMING_DEPS for c in children_of(root))


def _group_reference(root: Any, lex: _Lexicon, memory: _Memory, sentence: int) -> Reference | None:
    chosen = _group_candidate(root, lex.group_nouns[root.lemma_.lower()], memory, sentence)
    if chosen is None or chosen.entity is None:
        return None
    determiner = _definite_determiner(root)
    start = determiner.idx if determiner is not None else root.idx
    return Reference(chosen.entity, Span(min(start, root.idx), root.idx + len(root)))
