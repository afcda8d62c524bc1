"""Who takes part in an event and where: participants from the dependency parse, mapped to entities.

Roles: nsubj and obl:agent -> agent, nsubj:pass and obj -> patient, "par X" after a passive verb or an
event noun -> agent (`events/agent_prepositions.tsv`), other obl/nmod/iobj -> other. An agent or a
patient is named near the head of its words (its name, its conjuncts, their complements one level
down: "les troupes de Napoléon"; not under a noun naming persons one by one: "le fils de Bastien",
"les transfuges de X" act, not Bastien nor X). A participant that is itself an event ("l'arrivée de
Leclerc réjouit …") lends its entities to that event only; the subject of a support verb takes part in the
event noun it governs, as its object or the complement the verb takes (`events/support_verbs.tsv`:
"César engage le combat", "Mangin passe à l'attaque"), and so does the agent of its passive ("l'attaque
lancée par le 9e"), unless the noun says whose it is ("repousse l'attaque de l'ennemi"). A paragraph
break ends a clause: the parse may hang a paragraph on the sentence before it. A passive verb with no
agent takes the "par" complement the parse hung on one of its complements ("incendié dans la nuit par
les Prussiens"), when it names someone and no event noun holds it. A date the parse made a second
subject of a verb ("Le même jour, César …" beside the verb's own) takes no part, nor its conjuncts.

A verb without a subject of its own takes the subject its clause is told under:
- a conjoined verb, its first verb's ("Leclerc débarque et prononce un discours");
- an infinitive under a light or subject-control verb ("les troupes vont attaquer Caen"), its
  governor's; under an object-control verb (`events/control_verbs.tsv`: "César ordonne à Labiénus
  d'occuper la colline"), the governor's object, and no one when there is none;
- a gerund, an infinitive or a participle modifying a clause ("en attendant", "pour attaquer"), the
  subject of that clause;
- a participle modifying a noun ("le colonel X, tué le 14"), that noun: the patient, or the agent
  of a verb conjugated with être (`events/etre_verbs.tsv`: "César, arrivé à Bibracte"); not when
  the participle's gender is not the one the noun's article shows (the parse hung it on the wrong
  noun: "une citation à l'ordre du 20e corps, transformée"); a participle after a colon the parse
  hung as the noun's complement is said of it too ("Troupe : tués, 36", a loss tally), of the people
  noun beside it when the noun names none ("Pertes officiers : tués, 7");
- a finite verb the parse hung as a modifier of the noun right before it ("Retiré le 20, le
  régiment gagne la région": "gagne" describing "régiment"), or after the noun's own words ("le 9e
  régiment d'infanterie attaqua", "le colonel X, qui commandait la brigade, attaqua"), that noun; a simple past the
  tagger read as a participle is finite by its ending (`events/finite_endings.tsv`: "attaqua");
- a finite verb the parse hung as the complement of an apposed participle ("Vidal, tombé près de
  moi, mourut": "tombé" read as the main verb), that participle's subject;
- a finite verb after its head with no conjunction, no relative pronoun and no subject, hung as an
  adverbial clause or a parataxis, is the next verb of a list told with commas ("Faidherbe crut bon
  de …, s'éloigna des Prussiens"): its head's subject.
A finite verb with none, its subject the parse hung on the words before it ("À la vue de cette
manœuvre, les Bretons, qui s'étaient retirés, se hâtent": "les Bretons" read as a conjunct of
"manœuvre"): the noun phrase ending right before the verb, hanging by no preposition, when it names
someone or people; else the subject of a participle or a verb without conjunction the parse hung
before it as its adverbial clause ("Les ennemis, ne pouvant soutenir l'effort, se retirèrent").
A verb whose subject a citation leaves unsaid ("A brisé la ligne ennemie, capturé deux canons";
"Sous l'impulsion de son chef, s'est emparé d'un bois", the "impulsion" the parse made its subject
being a complement) takes the one the coreference pass found for it (`coreference`), and so do the
verbs told under it.
A place the parse made the subject after a verb with no object is its object ("…, atteint le Ru
Garnier"): the verb then takes a subject as one without its own does.
A pronominal verb's "être" is no passive's ("s'étaient retirés": agent).
A relative pronoun stands for its antecedent ("le général qui attaqua": the général is the agent).
A subject pronoun, a bare group noun and a unit named by its number ("il", "le régiment", "le 9e")
stand for the entity the coreference pass found (`coreference`), recorded as `resolved_from`.
So does the possessive of an event noun ("son arrivée", "leur retraite"), in the role the noun
gives its "de" complement (`events/complement_roles.tsv`; a noun not listed keeps no possessor:
"son procès"); a first-person possessive ("notre attaque", `events/narrator_pronouns.tsv`) is the
narrator's. Either says whose the event is before a support verb does ("prépare notre offensive").

People or a force that is no entity take part by their words, a phrase participant: an agent or a
patient whose head noun names people or a force (`events/human_nouns.tsv`: "les soldats",
"l'ennemi", "l'armée française", "la garnison"), or a share of them ("la plupart des soldats", "un
millier d'hommes"), and names no entity and refers to none; its words are its determiners, numerals,
adjectives and noun ("les soldats français"), not its complements nor its relative clauses. "Qui"
stands for such a noun as for a name, and so do a subject pronoun and a possessive the coreference
pass gave such a subject ("Les soldats avancent. Ils prennent la ferme", "L'empereur … son
intervention": the phrase, `resolved_from` the pronoun). A named entity in the same words comes first ("les troupes de
Napoléon": Napoléon); a thing ("les canons") and a place never take part this way. An event noun's
complement that names someone takes the role the noun gives it (`events/complement_roles.tsv`:
"l'attaque de l'ennemi", "la retraite des troupes": agent; "l'arrestation des ouvriers": patient);
under any other noun it stays "other" ("la défense du pont").

A first-person pronoun (`events/narrator_pronouns.tsv`: "je", "me", "moi", "nous") outside any
quotation is the narrator of a memoir or a diary: the participant "narrator", which names no entity.
"Nous" is the narrator's side ("nous attaquons", in a regimental history) and is the narrator too,
and so are "les nôtres" and a count or a part of them ("plusieurs des nôtres").
Inside a quotation the pronoun is whoever speaks: the quote's speaker when the quotes layer found
one (an entity, or the narrator quoting themself), and no one when it did not.

A place is never an agent: it goes to the event's places. A state is ("La Prusse envahit la Silésie",
"le royaume de Naples signe"): a subject or agent naming a country, a kingdom or an old state
(`common/states.tsv`, `common/state_nouns.tsv`, today's countries from Babel) is its government
acting, an agent given by its words, as a phrase participant, and not the event's place; a town
that rises stays a place ("Madrid se souleva"). Places are the place entities of the
event's object, of its complements introduced by a place preposition (`events/place_prepositions.tsv`:
"à", "vers", "près de" …), a place that is itself the subject ("Madrid se souleva"), and, for an event
with none of these, the dateline its passage is filed under ("4 août. — Wissembourg. —").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from annales.common.coreference import Reference, prepositional_subject, resolve_references
from annales.common.grammar import participle_disagrees, participle_endings, spelled_as, spelled_present_singular
from annales.common.index import by_token
from annales.common.parse import child_lists, children_of, children_where, has_child_dep, morph_of, tags
from annales.common.quotes import find_quoted
from annales.common.resources import exists, load_rows
from annales.common.states import is_state, state_nouns
from annales.events.triggers import finite_endings, lemma_of
from annales.model import Analysis, Entity, Mention, Participant, Span

NARRATOR = "narrator"  # the participant a first-person pronoun names outside quotations
OBJECT = "obj"  # in `events/support_verbs.tsv`: the event noun is the support verb's object
ROLE_OF_DEP = {"nsubj": "agent", "obl:agent": "agent", "nsubj:pass": "patient", "obj": "patient"}
OTHER_DEPS = ("obl", "nmod", "iobj")
SUBJECT_DEPS = ("nsubj", "nsubj:pass")
BARE_DEPS = ("xcomp", "dep")  # a name hanging from the verb without a preposition, misread
QUOTE_CLOSERS = frozenset({"»", "”", '"'})
INCISE_DEPS = ("nsubj", "obj", "xcomp", "dep", "obl:mod")  # what the parse reads the subject of an incise as
SENTENCE_STOPS = frozenset({".", "!", "?", ";"})  # a token that ends a sentence of the text (the parse's may run on)
FUNCTION_DEPS = ("aux", "cop", "mark", "expl")  # relations only a function word bears: never a name's
ACTOR_TYPES = frozenset({"person", "unit", "organization", "ship", "group"})
# How a name hangs from the noun it follows ("le lieutenant Pinel" is read flat, apposed, or even as
# an adjective); the tokens are only words: an entity must cover them to count.
NAME_DEPS = ("flat", "flat:name", "appos", "amod", "nmod", "compound", "dep", "nummod")
# The words a phrase participant keeps around its noun: "tous les 300 soldats français".
PHRASE_DEPS = ("det", "amod", "nummod")
ASIDE_REACH = 20  # words from a verb back to the subject an aside set off by commas separates it from
SENTENCE_MARKS = frozenset({".", ";", ":", "!", "?"})
PEOPLE = ("people", "force")  # in `events/human_nouns.tsv`: a noun that names people by itself
VESSEL = "vessel"  # a ship named by its kind ("les deux navires"): its crew acts, a ship undergoing is a thing
THIRD = "third"  # in `events/narrator_pronouns.tsv`: "les nôtres", whose verb is in the third person
POSSESSIVE = "possessive"  # in `events/narrator_pronouns.tsv`: a determiner ("notre attaque"), no pronoun
SHARE = "share"  # a count or a part of people, named through its "de" complement: "un millier d'hommes"
LAYER = "events"
MAX_CLIMB = 6  # verbs climbed to find a subject: "… et décida de partir pour aller attaquer"
# A dateline is layout, not words: a place alone between dashes or at a line's head, next to a date.
DASH = r"[—–-]"
ENTRY_HEAD = re.compile(rf"\s*[.,]?\s*{DASH}")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
DATED_HEAD = re.compile(rf"\s*(?:\([^()\n]{{1,40}}\))?\s*[.,]?\s*{DASH}")  # after the date: "(Havas). —"


@dataclass(frozen=True)
class _Lexicon:
    place_cases: frozenset[str]  # after a verb or an event noun
    noun_place_cases: frozenset[str]  # after an event noun only
    object_control: frozenset[str]
    etre_verbs: frozenset[str]
    # lemma -> (role its subject takes in the event noun it governs, how the noun hangs from it:
    # OBJECT or a preposition)
    support_verbs: dict[str, tuple[str, frozenset[str]]]
    agent_cases: frozenset[str]  # "par": the agent of a passive verb or of an event noun
    first_person: dict[str, str]  # pronoun naming the one who tells ("je", "nous") -> subject | object | any
    # nouns naming people, a force or a share of people -> "people" | "force" | "share": "soldat",
    # "garnison", "millier"
    human_nouns: dict[str, str]
    # (event noun lemma, preposition) -> role of a complement naming someone: ("attaque", "de") -> agent
    complement_roles: dict[tuple[str, str], str]
    # adjectives of a people, lower case ("allemand", "françaises"): "l'offensive allemande" is the Germans'
    people_adjectives: frozenset[str]
    # endings of an adjective made of a person's name ("napoléon" + "ienne"): `events/name_adjective_endings.tsv`
    name_adjective_endings: tuple[str, ...] = ()
    event_nouns: frozenset[str] = frozenset()  # lemmas of nouns naming a happening ("guerre", "prise")
    share_cases: frozenset[str] = frozenset()  # "des" of "plusieurs des nôtres": a part of a side
    residents: frozenset[str] = frozenset()  # "les habitants de X": people named by where they live
    # "opposer": a happening as subject, its sides as its object and the complements these introduce
    relation_verbs: dict[str, frozenset[str]] = field(default_factory=dict)
    side_adjectives: frozenset[str] = frozenset()  # "ennemi", "allié": "l'attaque ennemie" is the enemy's


def _people_adjectives(language: str) -> frozenset[str]:
    """The adjectives of the peoples of `common/peoples.tsv` ("Allemands" -> allemand, allemande,
    allemands, allemandes; "Français" -> français, française, françaises)."""
    if not exists(language, "common", "peoples.tsv"):
        return frozenset()
    forms: set[str] = set()
    for (plural, *_rest) in load_rows(language, "common", "peoples.tsv"):
        word = plural.lower()
        stem = word[:-1] if word.endswith("s") and not word.endswith(("ais", "ois")) else word
        forms |= {stem, stem + "s", stem + "e", stem + "es"}
        if stem.endswith("en"):  # "prussien" -> "prussienne"
            forms |= {stem + "ne", stem + "nes"}
    return frozenset(forms)


@cache
def _lexicon(language: str) -> _Lexicon:
    def rows(name: str, columns: int) -> tuple[tuple[str, ...], ...]:
        return load_rows(language, LAYER, name, columns) if exists(language, LAYER, name) else ()
    cases = rows("place_prepositions.tsv", 2)
    return _Lexicon(
        place_cases=frozenset(row[0].lower() for row in cases if row[1] == "any"),
        noun_place_cases=frozenset(row[0].lower() for row in cases if row[1] == "noun"),
        object_control=frozenset(row[0] for row in rows("control_verbs.tsv", 1)),
        etre_verbs=frozenset(row[0] for row in rows("etre_verbs.tsv", 1)),
        support_verbs={row[0]: (row[1], frozenset(w.strip().lower() for w in row[2].split(",")))
                       for row in rows("support_verbs.tsv", 3)},
        agent_cases=frozenset(row[0].lower() for row in rows("agent_prepositions.tsv", 1)),
        first_person={row[0].lower(): row[1] for row in rows("narrator_pronouns.tsv", 3)},
        human_nouns={row[0].lower(): row[1] for row in rows("human_nouns.tsv", 2)},
        complement_roles={(row[1], case.strip().lower()): row[0]
                          for row in rows("complement_roles.tsv", 3) for case in row[2].split(",")},
        people_adjectives=_people_adjectives(language),
        name_adjective_endings=tuple(row[0].lower() for row in rows("name_adjective_endings.tsv", 1)),
        event_nouns=frozenset(row[0].lower() for name in ("common", LAYER) if exists(language, name, "event_nouns.tsv")
                              for row in load_rows(language, name, "event_nouns.tsv")),
        share_cases=frozenset(row[0].lower() for row in rows("share_prepositions.tsv", 1)),
        residents=frozenset(row[0].lower() for row in rows("resident_nouns.tsv", 1)),
        relation_verbs={row[0].lower(): frozenset(c for c in row[1].lower().split(",") if c != "-")
                        for row in rows("relation_verbs.tsv", 2)},
        side_adjectives=frozenset(row[0].lower() for row in rows("side_adjectives.tsv", 1)),
    )


def support_verbs(language: str) -> dict[str, tuple[str, frozenset[str]]]:
    """`events/support_verbs.tsv`: lemma -> (role of its subject in the event noun, how the noun hangs from it)."""
    return _lexicon(language).support_verbs


def told_by_support(noun: Any, language: str) -> bool:
    """The event noun hangs from a support verb the way that verb takes it (`events/support_verbs.tsv`:
    "lance l'attaque", "parvient à un accord"), the verb and the noun telling one happening."""
    verb = noun.head
    support = support_verbs(language).get(lemma_of(verb))
    if support is None or verb.i == noun.i:
        return False
    return _hangs_as(noun, support[1])


def _hangs_as(noun: Any, ways: frozenset[str]) -> bool:
    """The noun hangs from its verb one of the ways a support verb takes its event noun: as its object
    ("obj") or with one of the prepositions listed."""
    return (noun.dep_ == OBJECT and OBJECT in ways) or (noun.dep_.startswith("obl") and _case(noun) in ways)


def entities_by_token(analysis: Analysis, doc: Any) -> tuple[dict[int, Entity], dict[str, _Ranks]]:
    entity_at = by_token(doc, ((e, m.start, m.end) for e in analysis.entities for m in e.mentions))
    ranks_of = {e.id: _Ranks(sorted(e.mentions, key=lambda m: m.start)) for e in analysis.entities}
    return entity_at, ranks_of


class _Ranks:
    """The ranks written at one entity's mentions, in text order, looked up by offset by bisection: a
    person named a thousand times takes part in hundreds of events."""

    def __init__(self, mentions: list[Mention]) -> None:
        ranked = [m for m in mentions if m.rank]
        self.starts = [m.start for m in ranked]
        self.ranks = [m.rank for m in ranked]

    def before(self, offset: int) -> str | None:
        """The rank written at the last mention before `offset` that has one."""
        k = bisect_left(self.starts, offset) - 1
        return self.ranks[k] if k >= 0 else None


def _subtree(token: Any, prune: Any) -> list[int]:
    """Token indexes of `token`'s subtree, not descending into children `prune` rejects."""
    out = []
    stack = [token]
    while stack:
        t = stack.pop()
        out.append(t.i)
        stack.extend(child for child in children_of(t) if not prune(child))
    out.sort()
    return out


def clause_of(token: Any, triggers: set[int]) -> list[int]:
    """The tokens of the trigger's own clause: its subtree, without the clauses of other triggers
    (another event's words are its own). Walked on token indices: no spaCy token is made."""
    order, first = child_lists(token.doc)
    out = []
    stack = [token.i]
    while stack:
        i = stack.pop()
        out.append(i)
        stack.extend(k for k in order[first[i]:first[i + 1]] if k not in triggers)
    out.sort()
    return out


def clause_items(doc: Any, item_at: dict[int, str], triggers: set[int]) -> dict[int, list[str]]:
    """Trigger -> the distinct items of `item_at` (token index -> item id) on the tokens of its clause
    (`clause_of`), in the order of their tokens. A token belongs to the clause of the first trigger
    on its way up the parse, itself included: found from the items' few tokens, with no walk of
    every event's clause."""
    heads = tags(doc)[2]
    out: dict[int, list[str]] = {}
    for j in sorted(item_at):
        k = j
        while k not in triggers and heads[k] != k:
            k = heads[k]
        if k in triggers:
            found = out.setdefault(k, [])
            if item_at[j] not in found:
                found.append(item_at[j])
    return out


def _phrase(token: Any, triggers: set[int]) -> list[int]:
    """A participant's words: its subtree without any clause hanging from it."""
    return _subtree(token, lambda child: child.pos_ in ("VERB", "AUX") or child.i in triggers
                    or child.dep_ in ("acl", "acl:relcl"))


def _feature(token: Any, name: str) -> str | None:
    values = morph_of(token, name)
    return values[0] if values else None


def _set_off_after(noun: Any, verb: Any) -> bool:
    """`verb` follows `noun` at once, or after words of the noun's own only (its complement, its name, a
    relative clause or an apposition set off by commas)."""
    if noun.i == verb.i - 1:
        return True
    return noun.i < verb.i and all(noun.is_ancestor(t) for t in noun.doc[noun.i + 1:verb.i])


def _verb_form(token: Any) -> str | None:
    """The tagger's VerbForm, but "Fin" for a word it read as a participle whose written ending only a
    finite verb has ("attaqua", "marchèrent": a simple past is no participle describing a noun)."""
    form = _feature(token, "VerbForm")
    if form == "Part" and token.lower_.endswith(finite_endings(token.doc.lang_ or "fr")):
        return "Fin"
    return form


@cache
def _preposition_adverbs(language: str) -> frozenset[str]:
    """The first words of the prepositions of several words (`events/place_prepositions.tsv`: "près"
    of "près de", "loin" of "loin de")."""
    if not exists(language, LAYER, "place_prepositions.tsv"):
        return frozenset()
    return frozenset(row[0].lower().split()[0] for row in load_rows(language, LAYER, "place_prepositions.tsv", 2)
                     if " " in row[0])


def _case(token: Any) -> str:
    """The preposition before a noun, its words joined: "à", "près de", "jusqu'à".

    Read on the parse's arrays of indices: asked of every complement of every event, and most have
    no preposition."""
    doc, i = token.doc, token.i
    pos, dep, _ = tags(doc)
    order, first = child_lists(doc)
    words = [k for k in order[first[i]:first[i + 1]]
             if k < i and (dep[k] in ("case", "fixed") or (dep[k] == "advmod" and pos[k] == "ADV" and k + 1 < i))]
    if not words:
        return ""
    for k in list(words):
        words.extend(c for c in order[first[k]:first[k + 1]] if dep[c] == "fixed")
    words.sort()
    if words[0] > 0:
        # "près de Verdun" with "près" hung on the verb: the adverb just before is the preposition's,
        # when it is one that opens a preposition ("arrive ensuite à Verdun": "à", the adverb the verb's)
        before = words[0] - 1
        if pos[before] == "ADV" and dep[before] == "advmod" \
                and doc[before].lower_ in _preposition_adverbs(doc.lang_):
            words.insert(0, before)
    return " ".join(doc[k].lower_ for k in words).replace("' ", "'")


def _name_words(head: Any, beside: bool = True) -> list[int]:
    """The head of a noun phrase and the name hanging from it: "le colonel Driant" (parsed flat, in
    apposition, as an adjective or a complement without a preposition), not "et Roux" nor "de
    Soissons"; nor what follows a clause hung on the head: "Becker, nommé lieutenant-colonel au 340e
    R. I., quitte …" parsed with "R." on "Becker" is the clause's unit, not Becker's name."""
    children = children_of(head)
    clause = min((c.i for c in children if c.dep_ in ("acl", "acl:relcl") and c.i > head.i), default=len(head.doc))
    named = [c for c in children if c.dep_ in NAME_DEPS and not _case(c) and c.i < clause]
    # "le lieutenant-colonel X" parsed with "colonel" set beside "lieutenant" and X on "colonel" (the
    # head's own name only: `beside` is False for a complement's, "la possession du lieutenant-colonel X")
    set_beside = [g.i for c in named if beside and c.dep_ == "appos" and c.pos_ == "NOUN"
                  for g in children_of(c) if g.dep_ in ("flat", "flat:name") and g.i < clause]
    return sorted([head.i] + [c.i for c in named] + set_beside)


def _core_words(head: Any, persons: Any = lambda token, complement: False,
                events: set[int] | frozenset[int] = frozenset()) -> list[int]:
    """The names of a noun phrase's head, of its conjuncts ("X et Y"), and of their complements one
    level down ("les troupes de Napoléon", "la ville de Madrid"); not under a noun `persons` says
    names persons: "le fils de Bastien", "les transfuges de X" act, not Bastien nor X; and not a
    conjunct that is one of the `events`: "par les dragons et le meurtre de X" — X is the murder's."""
    words: set[int] = set()
    stack = [(head, 0)]
    while stack:
        token, depth = stack.pop()
        words.update(_name_words(token, beside=depth == 0))
        for child in children_where(token, lambda dep: dep == "conj" or dep == "nmod"):
            if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ") \
                    and child.i not in events:
                stack.append((child, depth))
            elif child.dep_ == "nmod" and depth == 0 and not persons(token, child):
                stack.append((child, 1))
    return sorted(words)


def _cleft_focus(antecedent: Any) -> Any:
    """The antecedent of "qui" in a cleft sentence: "c'est Martin, un des adjoints du préfet, qui a
    donné l'alerte" — Martin, whom the parse may leave above the apposition the relative hangs
    from. Any other antecedent is itself."""
    current = antecedent
    for _ in range(3):  # the focus, its apposition, the apposition's complement
        if any(c.dep_ == "expl:subj" for c in children_of(current)) and has_child_dep(current, "cop"):
            return current
        if current.dep_ not in ("nmod", "appos") or current.head.i == current.i:
            break
        current = current.head
    return antecedent


def _without_repeated_words(participants: list[Participant]) -> list[Participant]:
    """One participant for the same words: "le Royaume-Uni" given as a side of the conflict and its
    name "Royaume-Uni" as the state acting are one agent (the longer words kept)."""
    phrases = [p for p in participants if p.phrase is not None]
    if len(phrases) < 2:
        return participants
    return [p for p in participants if p.phrase is None or not any(
        q is not p and q.role == p.role and q.phrase is not None and q.phrase.start <= p.phrase.start
        and p.phrase.end <= q.phrase.end and (q.phrase.start, q.phrase.end) != (p.phrase.start, p.phrase.end)
        for q in phrases)]


def _told_before(relative: Any) -> Any | None:
    """The noun or name written right before a relative pronoun (a comma between), at the head of
    its name ("au général Garnet X, qui …": "général"); None when a verb or anything else is there."""
    doc, k = relative.doc, relative.i - 1
    while k >= 0 and doc[k].is_punct and doc[k].text == ",":
        k -= 1
    if k < 0:
        return None
    token = doc[k]
    # a phrase's last word may be no noun: "Alexandre II, qui …" (the regnal number an adjective),
    # "les soldats français, qui …"
    while (token.dep_ in ("flat", "flat:name") or (token.dep_ == "amod" and token.head.i < token.i)) \
            and token.head.i != token.i:
        token = token.head
    return token if token.pos_ in ("NOUN", "PROPN") else None


def _bare_after(noun: Any, verb: Any) -> bool:
    """The noun, with the words the tokenizer split off its hyphens ("lieutenant - colonel"), comes
    right after the verb."""
    if verb is None:
        return False
    doc, first = noun.doc, noun.i
    while first >= 2 and doc[first - 1].text == "-" and doc[first - 2].pos_ == "NOUN":
        first -= 2
    return first == verb.i + 1


def _numbers_differ(participle: Any, subject: Any) -> bool:
    """The participle and the subject both carry a number in the parse's features, and not the same."""
    ours, theirs = _feature(participle, "Number"), _feature(subject, "Number")
    return ours is not None and theirs is not None and ours != theirs


def _third_person_pronoun(token: Any) -> bool:
    return token.pos_ == "PRON" and "3" in morph_of(token, "Person") \
        and not {"Rel", "Dem", "Int"} & set(morph_of(token, "PronType"))


def _is_relative(token: Any) -> bool:
    return token.pos_ == "PRON" and _feature(token, "PronType") == "Rel"  # the part of speech is cheaper


# A name shorter than this makes no adjective one can tell from another word ("Ney" + "iste").
MIN_NAME_STEM = 5


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


@dataclass
class _Argument:
    head: Any  # the token heading the participant's words
    role: str  # agent | patient | other
    case: str = ""  # its preposition, for a complement
    subject: bool = False
    exact: bool = False  # the entity named at the head alone: an antecedent, not its whole phrase


class Participants:
    """Participants and places of every event of one document: built once, asked once per trigger."""

    def __init__(self, analysis: Analysis, doc: Any, triggers: set[int], entity_at: dict[int, Entity],
                 ranks_of: dict[str, _Ranks], misread_verbs: Mapping[int, str] | None = None) -> None:
        """`misread_verbs`: the triggers that are verbs the tagger took for another word, with their
        verb's lemma ("la garnison capitule" read as a noun and its adjective): the parse hangs them on
        their subject."""
        self.doc = doc
        self.triggers = triggers
        self.misread_verbs: Mapping[int, str] = misread_verbs or {}  # token -> the verb's lemma
        self.entity_at = entity_at
        self.ranks_of = ranks_of
        self.lex = _lexicon(analysis.language or "")
        self.language = analysis.language
        dates = by_token(doc, ((True, t.start, t.end) for t in analysis.timexes))
        self.dates = frozenset(dates)  # tokens of a date: "Le même jour" the parse may make a subject
        # "son", "leur" resolved to their possessor: read for event nouns only ("sa retraite").
        self.possessives: dict[int, Reference] = {}
        # Subject pronouns that stand for a subject naming no entity ("les soldats … ils"): its token.
        self.antecedents: dict[int, int] = {}
        # Verbs heading their sentence with their subject left unsaid ("A brisé la ligne ennemie").
        self.unsaid: dict[int, Reference] = {}
        # "Fils d'un tonnelier, il entre à l'école" with "entre" read as a preposition and "il" hung on
        # the noun: the pronoun right before a misread verb is its subject, whatever the parse made of it.
        asked = {v - 1 for v in self.misread_verbs if v > 0 and _third_person_pronoun(doc[v - 1])
                 and doc[v - 1].dep_ not in SUBJECT_DEPS}
        # "le 151e combat sur la Marne" read as "the 151st fight": the unit's number before the verb
        asked |= {v - 1 for v in self.misread_verbs if v > 0 and doc[v - 1].text[:1].isdigit()
                  and doc[v - 1].head.i == v}
        self.references: dict[int, Reference] = resolve_references(
            doc, analysis.text, analysis.language, entity_at, set(dates), asked=asked, possessives=self.possessives,
            antecedents=self.antecedents, unsaid=self.unsaid)
        self.datelines = _Datelines(analysis)
        self.marked = sorted(set(entity_at) | set(self.references))  # tokens that name or refer to someone
        self.speakers = _Speakers(analysis)
        self.persons = {e.id: e for e in analysis.entities if e.type == "person"}
        # a person's name without its final "e" -> {entity id: named by that word alone}
        self._name_stems: dict[str, dict[str, bool]] | None = None
        # A clause never runs across a paragraph break, nor into or out of a block of the layout (a
        # byline's "par X" is its author, not the agent of the headline's verb above it).
        self.breaks = sorted({m.start() for m in PARAGRAPH_BREAK.finditer(analysis.text)}
                             | {edge for r in analysis.regions for edge in (r.start, r.end)})

    def of(self, token: Any) -> tuple[list[Participant], list[str]]:
        """(participants, place entity ids) of the event `token` triggers."""
        arguments = self._arguments(token)
        participants: list[Participant] = []
        places: list[str] = []
        seen: set[str] = set()
        noun = token.pos_ == "NOUN"
        for argument in arguments:
            locative = argument.role == "other" and (
                argument.case in self.lex.place_cases or (noun and argument.case in self.lex.noun_place_cases))
            # Who acts or undergoes is named near the head ("les troupes de Napoléon"), not deep in
            # its complements ("les élèves de la classe de l'école Jules-Ferry").
            core = argument.role in ("agent", "patient")
            teller = self._teller(argument.head)
            if teller is not None:
                who, said = teller
                if who not in seen:
                    seen.add(who)
                    entity = self.speakers.entities.get(who)
                    rank = _rank_at(entity, self.ranks_of[who], token.idx) \
                        if entity is not None and entity.type == "person" and who in self.ranks_of else None
                    role = argument.role
                    if argument.subject and self._first_person(argument.head) \
                            and not self._may_be_subject(argument.head):
                        role = "other"  # "Il m'avait dit", "les Boïens nous attaquent": the object
                    participants.append(Participant(who, role, rank, said))
                continue
            named = False  # a participant that is no place is named
            # "Le dernier poilu de France, X, s'est éteint", "le maire de Lyon est arrivé": a place
            # completing a noun of people or a name with "de" says who they are, not where the event
            # is; one with a preposition of place ("une délégation dans le Kazakhstan") still does.
            described = core and (self._kind(argument.head) in PEOPLE or self._names_someone(argument.head))
            head_entity = self.entity_at.get(argument.head.i)
            for entity, resolved_from in self._entities(argument.head, argument.exact, core):
                if entity.type == "place" and described and entity is not head_entity \
                        and self._of_someone(argument.head, entity):
                    continue
                named = named or entity.type != "place"
                if entity.type == "place" and argument.role == "agent" and argument.head.i not in self.references:
                    state = self._state_acting(argument.head, entity)
                    if state is not None:
                        # "La Prusse envahit la Silésie": a state acts through its government and
                        # army; its words are the agent, the place stays no agent and no event's place.
                        named = True
                        if f"{state.start}:{state.end}" not in seen:
                            seen.add(f"{state.start}:{state.end}")
                            participants.append(Participant(None, "agent", phrase=state))
                        continue
                if entity.type == "place":
                    # A town does not act: "la ville de Madrid se souleva" happened in Madrid. A place
                    # completing a subject or object that names a happening is that happening's, not
                    # this event's: "la guerre des Vosges arrive".
                    of_happening = core and lemma_of(argument.head) in self.lex.event_nouns
                    if (argument.role != "other" or locative) and entity.id not in places and not of_happening:
                        places.append(entity.id)
                    if argument.role != "patient" or (entity is not head_entity
                                                      and self._placed_within(argument.head, entity)):
                        # "rejoignit le 58e régiment à Bordeaux": where the one rejoined was, not whom
                        continue
                if entity.id in seen:
                    continue
                seen.add(entity.id)
                rank = _rank_at(entity, self.ranks_of[entity.id], token.idx) if entity.type == "person" else None
                participants.append(Participant(entity.id, argument.role, rank, resolved_from))
            if core and not named:
                # "les soldats attaquent", "l'ennemi recule": people or a force that is no entity.
                for phrase, pronoun in self._people(argument.head, argument.exact, argument.role):
                    if f"{phrase.start}:{phrase.end}" not in seen:
                        seen.add(f"{phrase.start}:{phrase.end}")
                        participants.append(Participant(None, argument.role, phrase=phrase, resolved_from=pronoun))
        if noun and not any(p.role == "agent" for p in participants):
            # "le bombardement allemand", "l'invasion française": a people's adjective says who acts;
            # "la campagne napoléonienne": the adjective of a person's name, that person.
            for child in children_of(token):
                if child.dep_ != "amod":
                    continue
                if child.lower_ in self.lex.people_adjectives or (
                        child.pos_ == "ADJ" and child.lemma_.lower() in self.lex.side_adjectives):
                    # "le bombardement allemand"; "l'attaque ennemie": the adjective of a side
                    participants.append(Participant(None, "agent", phrase=Span(child.idx, child.idx + len(child))))
                    break
                person = self._person_of_adjective(child)
                if person is not None and person.id not in seen:
                    seen.add(person.id)
                    participants.append(Participant(person.id, "agent"))
                    break
        if noun:
            owner = self._owner(token, seen)
            if owner is not None:
                participants.append(owner)
        if not places:
            dateline = self.datelines.at(token.idx)
            if dateline is not None:
                places.append(dateline)
        return _without_repeated_words(participants), places

    def _state_acting(self, head: Any, place: Entity) -> Span | None:
        """The words of a subject or agent that names a state (`common/states.tsv`, today's countries,
        or a noun of `common/state_nouns.tsv` before the name: "le royaume de Sardaigne"), from its
        article to the end of the name, the state's own in a list of them ("La France et le
        Royaume-Uni déclarent", which the parse may read as appositions); None for any other place, or
        for a state's name deeper in the phrase ("les troupes de la Prusse": the troupes act)."""
        listed, stack = [head], [head]
        while stack:
            for child in children_where(stack.pop(), lambda dep: dep in ("conj", "appos")):
                if child.pos_ in ("NOUN", "PROPN"):
                    listed.append(child)
                    stack.append(child)
        for token in listed:
            words = self._state_words(token, place)
            if words is not None:
                return words
        return None

    def _state_words(self, head: Any, place: Entity) -> Span | None:
        language = self.language or ""
        mention = next((m for m in place.mentions if m.start <= head.idx < m.end), None)
        if mention is not None:
            if not is_state(place.name, language):
                return None
        else:
            # "le royaume de Sardaigne": the noun heads, the name completes it
            if head.pos_ not in ("NOUN", "PROPN") or head.lower_ not in state_nouns(language):
                return None
            mention = next((m for c in children_of(head) if c.dep_.startswith(("nmod", "flat"))
                            for m in place.mentions if m.start <= c.idx < m.end), None)
            if mention is None:
                return None
        first = head
        for child in children_of(head):
            if child.dep_ == "det" and child.i < first.i:
                first = child
        return Span(min(first.idx, mention.start), mention.end)

    def _form(self, token: Any) -> str | None:
        """`_verb_form`, and "Part" for a verb the tagger read as another word whose ending is a
        participle's ("Arrêté le 12 août, …" read as a noun)."""
        form = _verb_form(token)
        misread = self.misread_verbs.get(token.i)
        if form is None and misread is not None \
                and token.lower_.endswith(participle_endings(token.doc.lang_ or "fr")) \
                and not spelled_present_singular(token.lower_, misread, token.doc.lang_ or "fr"):
            return "Part"
        return form

    def _person_of_adjective(self, adjective: Any) -> Entity | None:
        """The person of the text whose name the adjective is made of ("napoléonienne": Napoléon), when
        one only is."""
        endings = self.lex.name_adjective_endings
        word = _unaccented(adjective.lower_)
        if not endings or not word.endswith(endings):
            return None
        if self._name_stems is None:
            stems: dict[str, dict[str, bool]] = {}
            for entity in self.persons.values():
                for name in {entity.name, *(m.text for m in entity.mentions)}:
                    words = name.split()
                    last = _unaccented(words[-1].lower()) if words else ""
                    if len(last) >= MIN_NAME_STEM and last.isalpha():
                        named = stems.setdefault(last[:-1] if last.endswith("e") else last, {})
                        named[entity.id] = named.get(entity.id, False) or len(words) == 1
            self._name_stems = stems
        found: dict[str, bool] = {}
        for stem, named in self._name_stems.items():
            if any(word == stem + ending for ending in endings):
                found.update(named)
        # "napoléonienne" beside "Napoléon" and "Joseph Napoléon": the one the name alone names
        alone = [i for i, whole in found.items() if whole]
        chosen = alone if len(alone) == 1 else list(found)
        return self.persons[chosen[0]] if len(chosen) == 1 else None

    def _owner(self, noun: Any, seen: set[str]) -> Participant | None:
        """Whose an event noun is when its determiner says it ("son arrivée", "leur retraite", "notre
        attaque"): the possessor, in the role the noun gives its "de" complement
        (`events/complement_roles.tsv`: "sa retraite" agent, "son arrestation" patient). A noun not
        listed says too little ("sa défense": he defends or is defended). "Notre" and "mon" are the
        narrator's outside a quotation, the speaker's inside one; "son" and "leur" the entity the
        coreference pass found."""
        role = self.lex.complement_roles.get((noun.lemma_.lower(), "de"))
        if role is None:
            return None
        for child in children_of(noun):
            if child.dep_ != "det" or child.i > noun.i:
                continue
            if self.lex.first_person.get(child.lower_) == POSSESSIVE:
                inside, speaker = self.speakers.at(child.idx)
                who = speaker if inside else NARRATOR
                if who is None or who in seen:
                    return None
                return Participant(who, role, resolved_from=Span(child.idx, child.idx + len(child)))
            if child.i in self.antecedents:
                # "L'empereur … son intervention": people the text names without naming an entity.
                phrases = self._people(child, exact=True)
                if phrases and f"{phrases[0][0].start}:{phrases[0][0].end}" not in seen:
                    return Participant(None, role, phrase=phrases[0][0], resolved_from=phrases[0][1])
                continue
            reference = self.possessives.get(child.i)
            if reference is None or reference.entity.id in seen or reference.entity.type == "place":
                continue
            entity = reference.entity
            rank = _rank_at(entity, self.ranks_of[entity.id], noun.idx) if entity.type == "person" else None
            return Participant(entity.id, role, rank, reference.span)
        return None

    def _people(self, head: Any, exact: bool, role: str | None = None) -> list[tuple[Span, Span | None]]:
        """The words of the noun phrases at `head` (and at its conjuncts, unless `exact`) that name
        people or a force without naming an entity (`events/human_nouns.tsv`: "les soldats",
        "l'armée française", "tous les habitants", "un millier d'hommes"): determiner, numeral,
        adjectives and noun, not its complements nor its relative clauses; with the pronoun's words
        when `head` is a pronoun the coreference pass gave such a subject ("Les soldats avancent. Ils
        …"), whose words they are. A thing it was given ("Le livre … Il") is no one, and a ship named
        by its kind is someone only as an agent (`role`): "les navires ripostent", not "coule trois
        navires"."""
        heads = [head] if exact else [head] + [c for c in children_of(head) if c.dep_ == "conj"]
        out: list[tuple[Span, Span | None]] = []
        for noun in heads:
            pronoun = None
            if noun.i in self.antecedents:
                pronoun = Span(noun.idx, noun.idx + len(noun))
                noun = self.doc[self.antecedents[noun.i]]
            if noun.dep_ not in SUBJECT_DEPS and any(c.dep_ == "det" and c.pos_ == "ADP" for c in children_of(noun)):
                # "accorder aux ennemis": a preposition the parse took for an article; a subject's is
                # the article ("des renforts arrivent")
                continue
            if pronoun is None and noun.pos_ == "NOUN" and noun.dep_ not in SUBJECT_DEPS \
                    and _bare_after(noun, self.verb_of(noun)) and "Plur" not in morph_of(noun, "Number") \
                    and not any(c.dep_ in ("det", "nummod", "case") for c in children_of(noun)):
                # "nommé lieutenant-colonel", "élu député": a bare singular noun right after the verb is
                # what someone is made, no one ("donner otages et armes" gives people)
                continue
            if noun.pos_ == "ADJ":
                # "les valeureuses troupes" parsed with the adjective as the head and the noun as
                # its complement: the noun right after it, with no preposition, is the phrase's.
                after = next((c for c in children_of(noun) if c.i == noun.i + 1 and c.dep_ == "nmod"
                              and c.pos_ == "NOUN" and not _case(c)), None)
                if after is not None and self._kind(after) in PEOPLE:
                    out.append((Span(self._noun_phrase(noun).start, self._noun_phrase(after).end), pronoun))
                    continue
            kind = self._kind(noun)
            if kind == SHARE:
                # "la plupart des soldats", "trois cents hommes": the share and the people it counts.
                whole = next((c for c in children_of(noun) if c.dep_ == "nmod" and self._kind(c) in PEOPLE), None)
                if whole is not None:
                    out.append((Span(self._noun_phrase(noun).start, self._noun_phrase(whole).end), pronoun))
            elif kind in PEOPLE or (kind == VESSEL and role == "agent"):
                out.append((self._noun_phrase(noun), pronoun))
        return out

    @staticmethod
    def verb_of(noun: Any) -> Any | None:
        """The verb a noun hangs on, through the first part of its hyphenated word ("lieutenant" of
        "lieutenant - colonel"), or None."""
        for token in (noun, noun.head):
            if token.head.pos_ in ("VERB", "AUX") and token.head.i < token.i:
                return token.head
        return None

    def _noun_phrase(self, noun: Any) -> Span:
        """A noun with the determiners, numerals and adjectives next to it: "tous les 300 soldats
        français"."""
        words = {noun.i} | {c.i for c in children_of(noun) if c.dep_ in PHRASE_DEPS and c.pos_ != "VERB"
                            and c.i not in self.misread_verbs}
        first = last = noun.i
        while first - 1 in words:
            first -= 1
        while last + 1 in words:
            last += 1
        return Span(self.doc[first].idx, self.doc[last].idx + len(self.doc[last]))

    def _persons(self, token: Any, complement: Any) -> bool:
        """True for a noun naming persons one by one (`events/human_nouns.tsv` "people": "soldat",
        "fils"), not a force ("les troupes de Napoléon" are Napoléon's force), whose complement is
        not the rest of its name ("le général de Gaulle": the "de" is the name's) nor a place."""
        if token.pos_ != "NOUN" or self._kind(token) != "people":
            return False
        named = self.entity_at.get(complement.i)
        if named is not None and named.type == "place":
            return False  # "les habitants de Saragosse": where they act, which a place always says
        return named is None or not any(c.dep_ == "case" and self.entity_at.get(c.i) is named
                                        for c in children_of(complement))

    def _kind(self, token: Any) -> str | None:
        """What a noun that names no entity and refers to none names (`events/human_nouns.tsv`):
        people, a force, a share of people, or None. An adjective or participle taken as a noun after
        its article counts ("les blessés", "les insurgés"), and a numeral as a share ("mille")."""
        if token.i in self.entity_at or token.i in self.references:
            return None
        pos = token.pos_
        if pos == "PROPN" and has_child_dep(token, "det"):
            # "les Alliés", "les Fédérés": a noun of people capitalised as a side's name, no entity
            word = token.lower_
            return self.lex.human_nouns.get(word) or (
                self.lex.human_nouns.get(word[:-1]) if word.endswith(("s", "x")) else None)
        if pos not in ("NOUN", "NUM", "ADJ", "VERB"):
            return None  # a name, a pronoun: the lexicon is not read
        kind = self.lex.human_nouns.get(token.lemma_.lower()) or self.lex.human_nouns.get(token.lower_)
        if pos == "NOUN" or (pos == "NUM" and kind == SHARE):
            return kind
        if pos in ("ADJ", "VERB") and has_child_dep(token, "det"):
            return kind
        return None

    def _apart(self, one: Any, other: Any) -> bool:
        """True when a paragraph break or the edge of a layout block lies between two tokens: the parse
        may join a paragraph to the sentence before it, a clause never runs across one."""
        low, high = (one.idx, other.idx) if one.idx <= other.idx else (other.idx, one.idx)
        k = bisect_right(self.breaks, low)
        return k < len(self.breaks) and self.breaks[k] < high

    def _first_person(self, token: Any) -> bool:
        return token.pos_ == "PRON" and self.lex.first_person.get(token.lower_, POSSESSIVE) != POSSESSIVE

    def _may_be_subject(self, pronoun: Any) -> bool:
        """False for a first-person pronoun the parse reads as a subject that cannot be one: an object
        clitic ("m'", `events/narrator_pronouns.tsv`), or a pronoun of either use before a verb that
        is not in the first person ("les Boïens nous attaquent": "nous" is the object)."""
        kind = self.lex.first_person.get(pronoun.lower_)
        if kind in ("subject", THIRD):
            return True
        if kind == "object":
            return False
        verb = pronoun.head
        children = children_of(verb)
        if sum(self._first_person(c) for c in children if c.i < verb.i) > 1:
            return True  # "nous nous rendîmes": the subject, then its reflexive; the tagger errs on such forms
        persons = {_feature(t, "Person") for t in (verb, *children) if t is verb or t.dep_.startswith("aux")}
        persons.discard(None)
        return not persons or "1" in persons

    def _teller(self, head: Any) -> tuple[str, Span] | None:
        """(who, the pronoun's words) when `head` is a first-person pronoun: the narrator outside a
        quotation, the quote's speaker inside one; None for any other word, or a quotation whose
        speaker is not known."""
        if not self._first_person(head):
            head = self._share_of_ours(head)
            if head is None:
                return None
        inside, speaker = self.speakers.at(head.idx)
        who = speaker if inside else NARRATOR
        return (who, Span(head.idx, head.idx + len(head))) if who is not None else None

    def _share_of_ours(self, head: Any) -> Any:
        """"les nôtres" under a count or a part ("plusieurs des nôtres", "deux des nôtres", "la plupart
        des nôtres"): a part of the narrator's side is the narrator's side, as "les nôtres" is
        (`events/narrator_pronouns.tsv` "third"; the tagger reads "nôtres" as any part of speech)."""
        if head.pos_ not in ("NUM", "DET", "PRON") and self._kind(head) != SHARE:
            return None
        return next((c for c in children_of(head) if c.dep_ == "nmod" and _case(c) in self.lex.share_cases
                     and self.lex.first_person.get(c.lower_) == THIRD), None)

    def _entities(self, head: Any, exact: bool = False, core: bool = False) -> list[tuple[Entity, Any]]:
        """The entities a participant's words name, or the one they refer to ("il", "le 9e"); with
        `exact`, only the words of the name at its head ("le général Mangin", not "et Roux"); with
        `core`, the names of its head, of its conjuncts and of their complements, not deeper."""
        out: list[tuple[Entity, Any]] = []
        unsaid = self.unsaid.get(head.i) if exact else None
        if unsaid is not None:
            return [(unsaid.entity, unsaid.span)]  # a verb standing for its subject left unsaid
        k = bisect_left(self.marked, head.left_edge.i)
        if k == len(self.marked) or self.marked[k] > head.right_edge.i:
            return out  # no name and no referring word under it: no need to walk its words
        words = _name_words(head) if exact else _core_words(head, self._persons, self.triggers) if core \
            else _phrase(head, self.triggers)
        referring: set[int] = set()
        for k in words:
            reference = self.references.get(k)
            if reference is not None:
                out.append((reference.entity, reference.span))
                # Its words name no one else: "Le régiment" taken for an entity of its own is not one.
                referring.add(id(self.entity_at.get(k)))
        for k in words:
            entity = self.entity_at.get(k)
            if entity is not None and id(entity) not in referring and all(entity is not e for e, _ in out):
                out.append((entity, None))
        out.sort(key=lambda pair: 0 if pair[1] is None else 1)  # named first, then referred to
        return out

    @staticmethod
    def _after_a_quotation(verb: Any, children: list[Any]) -> bool:
        """The verb (its auxiliaries and reflexive pronoun first) opens an incise after a quotation
        closed with a comma: "« … », déplore", "« …, » a dit"."""
        first = min([verb.i] + [c.i for c in children if c.i < verb.i and c.dep_.startswith(("aux", "expl"))])
        doc = verb.doc
        if first < 2:
            return False
        before, earlier = doc[first - 1].text, doc[first - 2].text
        return (before == "," and earlier in QUOTE_CLOSERS) or (before in QUOTE_CLOSERS and earlier == ",")

    def _arguments(self, token: Any) -> list[_Argument]:
        children = children_of(token)  # made once here, read twice below
        deps = [c.dep_ for c in children]
        passive = token.pos_ == "NOUN" or "aux:pass" in deps or "nsubj:pass" in deps
        # "Sous l'impulsion de son chef, s'est emparé …" read with "impulsion" as the subject: a word
        # with a preposition is a complement, and the subject is left unsaid (a citation's wording).
        misread = {c.i for c, d in zip(children, deps, strict=True) if d in SUBJECT_DEPS
                   and prepositional_subject(c, self.language)} if token.i in self.unsaid else set()
        # "Le régiment continue sa progression, atteint le Ru Garnier" read with the place after the
        # verb as its subject: a place does not act, after a verb with no object it is the object.
        inverted = {c.i for c, d in zip(children, deps, strict=True)
                    if d == "nsubj" and c.i > token.i and token.pos_ == "VERB" and "obj" not in deps
                    and self._place(c)}
        misread |= inverted
        # "la ville, que défendent les marins": with the relative pronoun for its object, the noun
        # phrase after the verb that the parse also took for one is its subject, French inverting it.
        relative_object = token.pos_ == "VERB" and not any(d in SUBJECT_DEPS for d in deps) and any(
            d == "obj" and c.i < token.i and _is_relative(c) for c, d in zip(children, deps, strict=True))
        inverted_subject = {c.i for c, d in zip(children, deps, strict=True)
                            if relative_object and d == "obj" and c.i > token.i and c.pos_ in ("NOUN", "PROPN")}
        if token.pos_ in ("VERB", "AUX") and not any(d in SUBJECT_DEPS and c.i < token.i
                                                      for c, d in zip(children, deps, strict=True)) \
                and self._after_a_quotation(token, children):
            # "« Personne ne nous a rien dit », déplore une voyageuse": after what is quoted, French
            # puts the subject after its verb, whatever relation the parse read
            inverted_subject |= {c.i for c, d in zip(children, deps, strict=True)
                                 if c.i > token.i and c.pos_ in ("NOUN", "PROPN") and d in INCISE_DEPS
                                 and c.i not in self.dates and not has_child_dep(c, "case")}
        # "Les Espagnols ayant échoué, le duc prit le commandement": the parse may give the verb both
        # subjects; the first, its participle right after it and before the other, is the
        # participle's only (French's absolute construction). Set off by a comma ("Les Helvètes,
        # privés de vivres, lui adressèrent …"), the participle describes the subject.
        subjects = [c for c, d in zip(children, deps, strict=True) if d == "nsubj"]
        absolute = {c.i for c in subjects[:-1] if any(
            g.dep_ == "acl" and "Part" in morph_of(g, "VerbForm") and c.i < g.i < subjects[-1].i
            and not any(t.text == "," for t in token.doc[c.i + 1:g.i]) for g in children_of(c))} \
            if len(subjects) > 1 else set()
        misread |= absolute
        has_subject = bool(inverted_subject) or any(
            (d in SUBJECT_DEPS and c.i not in misread) or (d == "expl:subj" and c.i in self.references)
            for c, d in zip(children, deps, strict=True))
        out: list[_Argument] = []
        for child in children:
            if child.i in self.triggers and not _is_relative(child) \
                    and not (child.dep_ in SUBJECT_DEPS and self._kind(child) in PEOPLE):
                # "l'arrivée de Leclerc réjouit …": Leclerc takes part in the arrival; "des renforts
                # arrivent" names the people who come as well as their coming
                continue
            if self._apart(child, token):
                continue
            dep = child.dep_
            if dep in SUBJECT_DEPS and token.pos_ == "NOUN" and child.i < token.i \
                    and any(k in self.misread_verbs for k in range(child.i + 1, token.i)):
                # "Le poète célèbre la victoire" parsed as a noun sentence: the subject is the verb's
                # the tagger misread, not the noun's after it
                continue
            if dep in SUBJECT_DEPS and child.i in self.dates and sum(d in SUBJECT_DEPS for d in deps) > 1:
                # "Le même jour, César apprenant que l'ennemi avait posé son camp": a verb with two
                # subjects, one a date the parse joined a name to; the other is the verb's own.
                continue
            if dep == "expl:subj" and child.i in self.references:
                dep = "nsubj"  # "il ne put" parsed as "il faut": the coreference pass found who it is
            if child.i in absolute:
                continue
            if child.i in misread:
                dep = "obj" if child.i in inverted else "obl"
            elif child.i in inverted_subject:
                dep = "nsubj"
            role = ROLE_OF_DEP.get(dep)
            if dep == "nsubj:pass" and (self._pronominal(token) or self._active(token)):
                role = "agent"  # "qui s'étaient retirés": être is the auxiliary of every pronominal verb
            elif dep == "nsubj" and "aux:pass" in deps and token.pos_ == "VERB" and not self._pronominal(token):
                role = "patient"  # "je fus blessé" with the subject read as an active one's
            case = ""
            if role is None:
                if dep in BARE_DEPS and child.pos_ in ("PROPN", "NOUN"):
                    # "quitte Valmy" parsed as a predicate: a name right after the verb is its object.
                    role = "patient" if child.i > token.i and token.pos_ == "VERB" else "other"
                elif not has_subject and token.pos_ == "VERB" and self._name_hung_before(child, token):
                    # "Wolseley fait construire une route" with the name hung by no relation the parse
                    # could name, "Fin juillet, Wurmser descend" with the name read as an auxiliary:
                    # before the verb, it is the subject (below)
                    role = "other"
                elif dep == "expl:comp" and self._first_person(child):
                    # "le colonel m'envoie", "un éclat me blesse": the parse reads an object clitic as
                    # reflexive; whether it is the object or the indirect object, the narrator takes part.
                    role = "other"
                elif not dep.startswith(OTHER_DEPS):
                    continue
                else:
                    case = _case(child)
                    role = "agent" if passive and case in self.lex.agent_cases else "other"
                    if role == "other" and token.pos_ == "NOUN":
                        # "l'attaque de l'ennemi", "la retraite des troupes": the enemy attacks, the
                        # troops retreat; "l'arrestation des ouvriers": the workers are arrested.
                        said = self.lex.complement_roles.get((token.lemma_.lower(), case))
                        if said is not None and (self._names_someone(child) or self._people(child, exact=True)):
                            role = said
                    if not case and token.pos_ == "VERB" and child.i > token.i and child.pos_ in ("PROPN", "NOUN") \
                            and not any(c.dep_ == "det" and c.pos_ == "ADP" for c in children_of(child)):
                        # A bare name after the verb is its object ("attaqua Soissons"); "s'éloigna des
                        # Helvètes" has its preposition in the article the parse made of "des".
                        role = "patient"
            if not has_subject and token.pos_ == "VERB" and child.i < token.i and dep != "nsubj" and not _case(child) \
                    and self._someone_hung(child):
                # French puts its subject before the verb: a bare noun phrase there that the parser
                # took for a complement ("Le lendemain, le 9e prend Sommepy") is the subject.
                dep, role, has_subject = "nsubj", "patient" if passive else "agent", True
            head = child
            if _is_relative(child):
                # "le général qui attaqua": the général; a relative complement ("dont", "auquel")
                # says too little of how its antecedent takes part.
                if role == "other":
                    continue
                if token.dep_ != "acl:relcl" or token.head.pos_ in ("VERB", "AUX"):
                    # "… au général X, qui arrive le 2 octobre" hung as an adverbial clause, or as a
                    # relative of a verb ("tente d'acheter la reddition du gouverneur, qui rejette"): "qui"
                    # is said of the name or noun written right before it
                    before = _told_before(child) if dep in SUBJECT_DEPS else None
                    if before is not None:
                        out.append(_Argument(before, role, case, True, exact=True))
                    continue
                if token.head.i in self.triggers:
                    continue
                out.append(_Argument(_cleft_focus(token.head), role, case, dep in SUBJECT_DEPS, exact=True))
                continue
            out.append(_Argument(head, role, case, dep in SUBJECT_DEPS))
        if not any(a.subject for a in out) and "expl:subj" not in deps:
            if token.dep_ == "acl" and token.head.i in self.dates:
                # A participle the parse hung on a date tells of the subject of the date's clause ("il tient
                # jusqu'au 3 mai, couvrant la retraite"), or, in a clause without a verb, of the one named
                # before the date ("X, commandant, 3 mars au 9 octobre 1916 (tué devant …)")
                clause = self._verb_above(token.head)
                inherited = self._subject_of(clause, self._voice(token)) if clause is not None else None
                named = self._named_before(token) if clause is None else None
                if named is not None:
                    inherited = _Argument(named, self._voice(token), subject=True, exact=True)
            else:
                inherited = self._inherited_subject(token) if token.pos_ == "VERB" or token.i in self.misread_verbs \
                    else self._supported_by(token)
            if inherited is None and token.pos_ == "VERB":
                inherited = self._stranded_subject(token) or self._fronted_subject(token)
            if inherited is None and token.i in self.misread_verbs and token.pos_ != "VERB":
                # "le 151e combat sur la Marne": the unit's number the parse hung on the verb read as a noun
                number = next((c for c in children_of(token) if c.i == token.i - 1 and c.i in self.references), None)
                inherited = _Argument(number, self._voice(token), subject=True, exact=True) if number is not None \
                    else self._subject_it_hangs_on(token) or self._stranded_subject(token)
            if inherited is None and self._finite_hung_on_its_subject(token):
                # "la brigade du colonel X évacue la ville" read as an infinitive describing the
                # noun: the noun is the finite verb's subject
                inherited = _Argument(token.head, self._voice(token), subject=True)
            if inherited is None and token.pos_ == "AUX" and token.dep_ == "dep" and token.head.i > token.i:
                # "Hill fait cesser le feu" parsed with "fait" and "Hill" both hung on the infinitive
                causer = self._unnamed_subject(token.head)
                inherited = _Argument(causer, "agent", subject=True) if causer is not None else None
            if inherited is None and token.i in self.unsaid:
                inherited = _Argument(token, self._voice(token), subject=True, exact=True)
            if inherited is not None:
                out.insert(0, inherited)
        if token.pos_ == "VERB" and not any(a.role == "agent" for a in out) and (
                self._voice(token) == "patient" or ("nsubj:pass" in deps and not self._active(token))):
            stray = self._stray_agent(token, children)
            if stray is not None:
                out.insert(0, stray)  # before the complement it hangs from, which would list it as "other"
        if token.pos_ == "NOUN":
            out += self._sides(token, out)
        return out

    def _sides(self, noun: Any, found: list[_Argument]) -> list[_Argument]:
        """Who takes part in a happening a noun names, as the sentence defining it tells: "La guerre
        oppose l'Empire britannique au royaume ashanti" (the sides a verb of relation names, with the
        happening as its subject or its relative's: "… est un conflit qui oppose …"), "Le siège de X
        est le blocus de la ville par l'armée de Y" and "… est une opération menée par les
        Britanniques" (the agent of the noun defining it, or of the participle describing that
        noun), when the noun names no agent of its own."""
        out: list[_Argument] = []
        if noun.dep_ in SUBJECT_DEPS and noun.head.i != noun.i and lemma_of(noun.head) in self.lex.relation_verbs:
            out += self._sides_of_relation(noun.head)
        if any(a.role == "agent" for a in found) or noun.dep_ != "nsubj" or noun.head.pos_ not in ("NOUN", "PROPN") \
                or not has_child_dep(noun.head, "cop"):
            return out
        definition = noun.head  # "Le siège de X est le blocus de la ville par …"
        for child in children_of(definition):
            if child.dep_.startswith("nmod") and _case(child) in self.lex.agent_cases:
                out.append(_Argument(child, "agent", _case(child)))
            elif child.dep_ == "acl:relcl" and lemma_of(child) in self.lex.relation_verbs \
                    and any(_is_relative(c) and c.dep_ in SUBJECT_DEPS for c in children_of(child)):
                out += self._sides_of_relation(child)
            elif child.dep_ == "acl" and _feature(child, "VerbForm") == "Part":
                out += [_Argument(c, "agent", _case(c)) for c in children_of(child)
                        if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and _case(c) in self.lex.agent_cases)]
        return out

    def _sides_of_relation(self, verb: Any) -> list[_Argument]:
        out: list[_Argument] = []
        cases = self.lex.relation_verbs.get(lemma_of(verb), frozenset())
        for side in children_of(verb):
            if side.dep_ in ("obj", "obl:arg", "iobj") or (side.dep_.startswith("obl") and _case(side) in cases):
                sides = (side, *children_where(side, lambda d: d == "conj"))
                out += [_Argument(t, "agent", _case(t)) for t in sides]
        return out

    def _of_someone(self, head: Any, place: Entity) -> bool:
        """The place completes the participant's words without a preposition of place ("de France"),
        as far as its first word under `head` tells, and the words do not name the people living there."""
        if lemma_of(head) in self.lex.residents:
            return False  # "les habitants de Saragosse se soulevèrent": where they live is where they rose
        case = self._case_of_place(head, place)
        return case is not None and case not in self.lex.place_cases

    def _placed_within(self, head: Any, place: Entity) -> bool:
        """The place completes the participant's words with a preposition of place ("à Bordeaux")."""
        return self._case_of_place(head, place) in self.lex.place_cases

    def _case_of_place(self, head: Any, place: Entity) -> str | None:
        """The preposition of the place's first word under `head` ("" for none); None when it is not there."""
        word = next((t for t in head.subtree if self.entity_at.get(t.i) is place), None)
        return None if word is None else _case(word)

    def _subject_it_hangs_on(self, verb: Any) -> _Argument | None:
        """The noun a verb read as its adjective or complement hangs on, told right before it: its
        subject ("Raynal capitule", "la garnison capitule"); or the subject pronoun right before it ("ils
        incendient", the verb read as an adverb and the pronoun hung on another word)."""
        before = self.doc[verb.i - 1] if verb.i > 0 else None
        if before is not None and before.pos_ == "PRON" and (before.dep_ in ("nsubj", "nsubj:pass")
                                                             or before.i in self.references) \
                and morph_of(before, "Person") and "Rel" not in morph_of(before, "PronType"):
            return _Argument(before, "agent", subject=True, exact=True)
        if before is not None and before.text == ",":
            opening = self._subject_before_an_aside(verb)
            if opening is not None:
                return _Argument(opening, "agent", subject=True, exact=True)
        head = verb.head
        if head.i == verb.i or head.i > verb.i or head.pos_ not in ("NOUN", "PROPN") or _case(head) \
                or verb.dep_ not in ("amod", "acl", "appos", "nmod", "dep", "compound", "flat:name"):
            return None
        # Only the rest of the name, an adjective, or the noun's complement ("la garnison allemande de
        # Brive capitule") between the subject and its verb.
        of = {k for c in children_of(head) if c.dep_ == "nmod" and c.i < verb.i
              for k in range(c.left_edge.i, c.right_edge.i + 1)}
        if any(t.pos_ not in ("PROPN", "ADJ", "PUNCT") and not t.is_space and t.i not in of
               for t in self.doc[head.i + 1:verb.i]):
            return None
        # The noun alone: the parse hung the clause's complements on it too ("le régiment bivouaque à
        # Laval (en réserve de la 34e division)"), none of which acts.
        return _Argument(head, "agent", subject=True, exact=True)

    def _subject_before_an_aside(self, verb: Any) -> Any | None:
        """"Kellermann, à la tête de 400 cavaliers, charge …": the name or noun phrase opening the
        sentence before an aside set off by commas, with no verb in the aside, when it names someone."""
        doc = verb.doc
        k = verb.i - 2
        while k >= max(0, verb.i - ASIDE_REACH) and doc[k].text != "," and doc[k].pos_ not in ("VERB", "AUX") \
                and doc[k].text not in SENTENCE_MARKS and not doc[k].is_space:
            k -= 1
        if k < 1 or doc[k].text != ",":
            return None
        start = k
        while start > 0 and verb.i - start <= ASIDE_REACH and doc[start - 1].pos_ in ("PROPN", "NOUN", "DET", "ADJ") \
                and not doc[start - 1].is_space:
            start -= 1
        if start == k or (start > 0 and doc[start - 1].text not in SENTENCE_MARKS and not doc[start - 1].is_space):
            return None  # no phrase of its own opening the sentence
        head = next((t for t in doc[start:k] if t.pos_ in ("PROPN", "NOUN")), None)
        if head is None or not (self._names_someone(head) or self._kind(head) in PEOPLE):
            return None
        return head

    def _stray_agent(self, verb: Any, children: list[Any]) -> _Argument | None:
        """The agent of a passive verb the parse hung on a complement after it: "écrasée dans le sang
        par Murat", "incendié dans la nuit par les Prussiens" read "par X" as the blood's or the night's.
        A "par" complement (`events/agent_prepositions.tsv`) one or two nouns down, when it names
        someone or people ("conduit à Paris par la route" names no one); not under an event noun, whose
        own agent it is ("tué pendant l'attaque par les Anglais")."""
        for child in children:
            if not child.dep_.startswith("obl") or child.i < verb.i or child.i in self.triggers \
                    or _case(child) in self.lex.agent_cases or self._apart(child, verb):
                continue
            stack = [(child, 0)]
            while stack:
                noun, depth = stack.pop()
                for nested in children_of(noun):
                    if nested.dep_ != "nmod" or nested.i < noun.i or nested.i in self.triggers:
                        continue
                    if _case(nested) in self.lex.agent_cases:
                        if self._names_someone(nested) or self._people(nested, exact=True):
                            return _Argument(nested, "agent", _case(nested))
                    elif depth == 0:
                        stack.append((nested, 1))
        return None

    def _stranded_subject(self, verb: Any) -> _Argument | None:
        """The subject the parse hung on the words before a finite verb that has none: "À la vue de
        cette manœuvre, les Bretons, qui s'étaient retirés, se hâtent" read "les Bretons" as a
        conjunct of "manœuvre". The noun phrase that ends right before the verb (its clitics and
        commas aside), hanging by no preposition, a conjunct without "et", an apposition or a bare
        complement, is the subject when it names someone or people."""
        misread = verb.i in self.misread_verbs  # the parse's relation is the misreading's, not a clause's
        if (_feature(verb, "VerbForm") != "Fin" and not misread) \
                or (verb.dep_ in ("acl:relcl", "conj") and not misread) or verb.i == 0:
            return None
        k = verb.i - 1
        while k >= 0 and (self.doc[k].pos_ == "PUNCT" or (self.doc[k].head.i == verb.i and self.doc[k].pos_ in (
                "PRON", "ADV") and self.doc[k].dep_ not in SUBJECT_DEPS)):
            k -= 1  # ", se hâtent", "ne les attaquent"
        if k < 0 or self._apart(self.doc[k], verb):
            return None
        # The phrases ending at k, from the innermost out ("colline", "retirés", "Bretons", "manœuvre");
        # a name first, the outermost ("Joseph, le nouveau roi d'Espagne, parvint"), else people.
        token = self.doc[k]
        named: Any = None
        people: Any = None
        while True:
            if token.pos_ in ("NOUN", "PROPN") and not _case(token) and (
                    (token.dep_ == "conj" and not has_child_dep(token, "cc"))
                    or token.dep_ in ("appos", "dep", "ROOT") or (token.dep_.startswith(("nmod", "obl")))):
                if self._names_someone(token):
                    named = token
                elif people is None and self._kind(token) in PEOPLE:
                    people = token
            head = token.head
            if head.i == token.i or head.i >= verb.i or head.right_edge.i != k:
                break
            if head.dep_ in SUBJECT_DEPS or head.dep_ == "obj":
                break  # a subject or an object of another verb: the parse did give it a place
            token = head
        found = named if named is not None else people
        return _Argument(found, self._voice(verb), subject=True) if found is not None else None

    def _unnamed_subject(self, verb: Any) -> Any | None:
        """The name the parse hung before a verb by no relation it could name ("Wolseley fait construire
        une route et attend …") or by one only a function word holds (a name read as an auxiliary:
        "Fin juillet, Wurmser descend …"): the verb's subject, which a verb told after it shares."""
        return next((c for c in children_of(verb) if self._name_hung_before(c, verb)), None)

    @staticmethod
    def _verb_above(token: Any) -> Any | None:
        """The first verb above `token` in the parse, a few heads up, in the same sentence of the text
        (the parse may join a list's line to the sentence before it)."""
        doc, start = token.doc, token.i
        for _ in range(6):
            if token.head.i == token.i:
                return None
            token = token.head
            if token.pos_ in ("VERB", "AUX"):
                low, high = sorted((start, token.i))
                return None if any(doc[k].text in SENTENCE_STOPS for k in range(low, high)) else token
        return None

    def _named_before(self, token: Any) -> Any | None:
        """The last word before `token` in its sentence that names someone, dates left out (the
        parse's sentence may start at the date: the text's end of sentence is looked for)."""
        for k in range(token.i - 1, -1, -1):
            word = self.doc[k]
            if word.text in SENTENCE_STOPS or self._apart(word, token):
                break
            if k not in self.dates and word.pos_ in ("PROPN", "NOUN") and self._names_someone(word):
                return word
        return None

    def _finite_hung_on_its_subject(self, verb: Any) -> bool:
        """A finite verb the parse hung on the noun or name before it, as if it described it ("Fin août,
        X remonte vers Trente" with the verb a complement of the name; "la brigade du colonel X évacue
        la ville" with the verb read as an infinitive, though its form has no infinitive's ending and
        its lemma has one): no relative, preposition or conjunction introduces it, and the words
        between are the noun's, so the noun is its subject."""
        language = self.language or ""
        head = verb.head
        if verb.pos_ != "VERB" or verb.dep_ not in ("acl", "xcomp", "dep") or not head.i < verb.i \
                or head.pos_ not in ("NOUN", "PROPN") or has_child_dep(verb, "mark") or has_child_dep(verb, "case") \
                or any(c.dep_ in SUBJECT_DEPS for c in children_of(verb)):
            return False
        form = _feature(verb, "VerbForm")
        if form == "Inf":
            if not spelled_as(verb.lemma_.lower(), "infinitive", language) \
                    or spelled_as(verb.lower_, "infinitive", language):
                return False
        elif form != "Fin":
            return False
        # the words between: the noun's complements ("du colonel X"), none of the verb's own
        return all(k < verb.left_edge.i and head.is_ancestor(self.doc[k]) for k in range(head.i + 1, verb.i))

    def _name_hung_before(self, child: Any, verb: Any) -> bool:
        """A name or people before `verb` that the parse hung on it by no relation it could name
        ("dep") or by one only a function word bears ("aux", "cop", "mark", "expl"), with no
        preposition."""
        return (child.dep_ == "dep" or (child.dep_.startswith(FUNCTION_DEPS) and child.pos_ in ("PROPN", "NOUN"))) \
            and child.i < verb.i and not _case(child) and self._someone_hung(child)

    def _someone_hung(self, child: Any) -> bool:
        """Words naming someone, or a pronoun hung by no relation the parse could name whose person the
        coreference pass found ("Il fait saisir les caisses", "Il" hung on the infinitive)."""
        return (child.pos_ != "PRON" and self._names_someone(child)) \
            or (child.dep_ == "dep" and child.i in self.references)

    def _fronted_subject(self, verb: Any) -> _Argument | None:
        """The subject the parse gave a clause it hung before a finite verb that has none: "Les
        ennemis, ne pouvant soutenir l'effort, se retirèrent" (the participle's subject is the
        verb's), "César crut devoir s'occuper des vivres, s'éloigna des Helvètes" (two verbs told one
        after the other, the first read as the second's adverbial clause). The clause's own subject,
        before it, when the clause is a participle or a finite verb with no conjunction ("comme il ne
        restait", "lorsque" tell another subject's clause) and no paragraph lies between."""
        if _feature(verb, "VerbForm") != "Fin" or verb.dep_ in ("acl:relcl", "conj"):
            return None
        for clause in children_of(verb):
            if clause.dep_ != "advcl" or clause.i > verb.i or clause.pos_ != "VERB" \
                    or _feature(clause, "VerbForm") not in ("Fin", "Part") or has_child_dep(clause, "mark") \
                    or self._apart(clause, verb):
                continue
            subject = next((c for c in children_of(clause) if c.dep_ in SUBJECT_DEPS), None)
            if subject is None or subject.i > clause.i or _is_relative(subject) or subject.i in self.dates:
                continue
            return _Argument(subject, self._voice(verb), subject=True)
        return None

    def _supported_by(self, noun: Any) -> _Argument | None:
        """Who takes part in an event noun through the support verb it goes with
        (`events/support_verbs.tsv`): the verb's subject when the noun is its object or the complement
        it takes ("César engage le combat", "Mangin passe à l'attaque"), the agent of its passive
        ("l'attaque fut lancée par le 9e", "l'attaque lancée par le 9e"), the subject of a relative
        clause whose object it is ("l'attaque que lança Mangin"). After any other verb, and when the
        noun says whose it is ("repousse l'attaque de l'ennemi"), the noun's own words alone say who."""
        for child in children_of(noun):
            entity = self.entity_at.get(child.i)
            if child.dep_ == "nmod" and child.pos_ in ("NOUN", "PROPN", "PRON") and (
                    entity is None or entity.type != "place") and (_case(child) or child.pos_ == "PRON") \
                    and child.i not in self.dates:
                # "repousse l'attaque de l'ennemi": the noun says whose it is; "au repos une semaine"
                # is a duration the parse hung on the noun; "l'offensive de septembre" says when.
                return None
            if child.dep_ == "det" and (child.i in self.possessives
                                        or self.lex.first_person.get(child.lower_) == POSSESSIVE):
                return None  # "prépare notre offensive": so does its possessive
        verb = noun.head
        support = self.lex.support_verbs.get(lemma_of(verb))  # "monte à l'assaut": the lemmatizer leaves "monte"
        if support is not None and verb.pos_ == "VERB" and verb.i != noun.i and not self._apart(noun, verb):
            role, ways = support
            if noun.dep_ == "nsubj:pass":
                return self._passive_agent(verb, role)
            if _hangs_as(noun, ways):
                return self._subject_of(verb, role)
        for child in children_of(noun):
            support = self.lex.support_verbs.get(lemma_of(child))
            if support is None or child.pos_ != "VERB" or child.dep_ not in ("acl", "acl:relcl"):
                continue
            # A relative object before the verb ("que", which the parse may take for a conjunction):
            # the verb's own subject; else a participle, whose agent is named with "par".
            if any(c.dep_ == "obj" and c.i < child.i and (_is_relative(c) or c.pos_ == "SCONJ")
                   for c in children_of(child)):
                subject = next((c for c in children_of(child) if c.dep_ in SUBJECT_DEPS and not _is_relative(c)), None)
                found = _Argument(subject, support[0], subject=True) if subject is not None else None
            else:
                found = self._passive_agent(child, support[0])
            if found is not None:
                return found
        return None

    def _subject_of(self, verb: Any, role: str) -> _Argument | None:
        """A support verb's subject, its own or the one it shares with the clause it is told under."""
        subject = next((c for c in children_of(verb) if c.dep_ in SUBJECT_DEPS
                        or (c.dep_ == "expl:subj" and c.i in self.references)), None)
        if subject is not None:
            if _is_relative(subject):
                return _Argument(verb.head, role, subject=True, exact=True) if verb.dep_ == "acl:relcl" else None
            return _Argument(subject, role, subject=True)
        inherited = self._inherited_subject(verb)
        return _Argument(inherited.head, role, subject=True) if inherited is not None else None

    def _passive_agent(self, verb: Any, role: str) -> _Argument | None:
        """The agent of a support verb in the passive ("lancée par le 9e")."""
        for child in children_of(verb):
            if child.dep_ == "obl:agent" or (child.dep_.startswith("obl") and _case(child) in self.lex.agent_cases):
                return _Argument(child, role, subject=True)
        return None

    def _place(self, token: Any) -> bool:
        """True when the words `token` heads name a place entity at their head."""
        entity = self.entity_at.get(token.i)
        return entity is not None and entity.type == "place"

    def _names_someone(self, token: Any) -> bool:
        """True when the words token heads name a person, unit or organisation, or refer to one."""
        head_entity = self.entity_at.get(token.i)
        if head_entity is not None:
            return head_entity.type in ACTOR_TYPES
        if token.i in self.references:
            return True
        # "la reine Ranavalona III": a noun the name stands beside, with no preposition between, or
        # beside a noun beside it ("le lieutenant-colonel X" parsed with "colonel" set beside "lieutenant")
        return token.pos_ == "NOUN" and any(
            self.entity_at.get(k) is not None and self.entity_at[k].type in ACTOR_TYPES
            for k in _name_words(token) if k != token.i)

    def _inherited_subject(self, token: Any) -> _Argument | None:
        """The subject a verb without its own shares with the clause it is told under (a verb the
        tagger took for another word too: "finirent par se révolter", "révolter" read as a noun)."""
        if token.pos_ != "VERB" and token.i not in self.misread_verbs:
            return None
        role = self._voice(token)
        walk = token
        for _ in range(MAX_CLIMB):
            dep, head = walk.dep_, walk.head
            if head.i == walk.i:
                return None
            form = self._form(walk)
            # A participle after a colon the parse hangs as a noun's complement counts what the noun
            # names ("Troupe : tués, 36; disparus, 161", a loss tally): it is said of them as "acl" is.
            tallied = dep in ("nmod", "acl") and walk.pos_ == "VERB" and head.i < walk.i \
                and any(t.text == ":" for t in walk.doc[head.i + 1:walk.i])
            # A participle the parse made an adverbial clause of a noun ("épuisée par le scorbut, la
            # garnison capitule" with the verb misread) is said of that noun as well.
            of_noun = dep == "acl" or tallied or (dep == "advcl" and head.pos_ in ("NOUN", "PROPN"))
            if of_noun and form == "Part" and head.pos_ in ("NOUN", "PROPN", "PRON"):
                if head.pos_ == "NOUN" and participle_disagrees(walk, head):
                    # "une citation à l'ordre du 20e corps, transformée …" hung on "corps": the
                    # participle's ending says it describes another noun.
                    return None
                if tallied and head.pos_ == "NOUN" and self._kind(head) is None and not self._names_someone(head):
                    # "Pertes officiers : tués, 7": the tally's noun says what is counted, the
                    # people noun beside it (no preposition: the OCR lost a colon) whom.
                    counted = next((c for c in children_of(head) if c.i < walk.i and not _case(c)
                                    and c.pos_ == "NOUN" and self._kind(c) in PEOPLE), None)
                    if counted is not None:
                        return _Argument(counted, role, subject=True, exact=True)
                return _Argument(head, role, subject=True, exact=True)  # "le colonel X, tué le 14": X
            if dep == "acl" and form == "Fin" and head.pos_ in ("NOUN", "PROPN") and _set_off_after(head, walk) \
                    and _feature(walk, "Mood") in ("Ind", None) and not has_child_dep(walk, "mark") \
                    and not any(_is_relative(c) for c in children_of(walk)):
                # "Retiré le 20, le régiment gagne la région" read with "gagne" describing
                # "régiment": a finite verb is no noun's modifier, the noun before it is its subject
                # (a relative would have its pronoun, a participle no person), right before it or
                # with only its own words between ("le colonel X, qui commandait la brigade, attaqua").
                return _Argument(head, role, subject=True)
            if dep == "acl" and form == "Inf" and head.head.lemma_ in self.lex.object_control \
                    and head.dep_ in ("obj", "iobj", "obl:arg"):
                # "ordonne au capitaine X d'attaquer" parsed as a complement of the noun: X attacks.
                return _Argument(head, role, subject=True)
            if dep == "xcomp" and head.lemma_ in self.lex.object_control:
                controller = next((c for c in children_of(head) if c.dep_ in ("obj", "iobj", "obl:arg")), None)
                return _Argument(controller, role, subject=True) if controller is not None else None
            if dep in ("ccomp", "parataxis") and form == "Fin" and walk.i > head.i and self._bare_participle(head) \
                    and not has_child_dep(walk, "mark") and not self._apart(walk, head):
                # "Vidal, tombé près de moi, mourut" read with "tombé" as the main verb and "mourut"
                # its complement: a participle without an auxiliary is no main clause, its subject is
                # the verb's ("que" would make it a real complement: "déclara que …", a past the
                # tagger may read as a participle).
                subject = next((c for c in children_of(head) if c.dep_ in SUBJECT_DEPS and not _is_relative(c)), None)
                return _Argument(subject, role, subject=True) if subject is not None else None
            # A finite verb after its head with no conjunction nor subject is the next verb of a list
            # told with commas ("Faidherbe crut bon de …, s'éloigna des Prussiens"), which the parse
            # may hang as an adverbial clause or a parataxis; not an order ("attaquons !"), nor a
            # relative the parse did not see ("au cimetière, où reposent onze soldats").
            listed = dep in ("advcl", "parataxis") and form == "Fin" and walk.i > head.i \
                and _feature(walk, "Mood") != "Imp" and not has_child_dep(walk, "mark") \
                and not any(_is_relative(c) for c in children_of(walk))
            if not (dep == "conj" or dep == "xcomp" or listed or (dep == "advcl" and form in ("Inf", "Part", "Ger"))):
                return None
            if head.pos_ not in ("VERB", "AUX") or self._apart(walk, head):
                return None
            subject = next((c for c in children_of(head) if c.dep_ in SUBJECT_DEPS
                            or (c.dep_ == "expl:subj" and c.i in self.references)), None) \
                or self._unnamed_subject(head)
            if subject is not None:
                if _is_relative(subject):
                    if head.dep_ != "acl:relcl":
                        return None
                    return _Argument(head.head, role, subject=True, exact=True)
                if dep == "advcl" and form == "Part" and _numbers_differ(walk, subject) \
                        and not children_where(walk, lambda d: d.startswith("aux")):
                    # "4 000 guerriers se lancent contre le poste, défendu par 150 soldats": a bare
                    # participle that does not agree with the subject is said of something else ("ayant
                    # mise" agrees with its object).
                    return None
                return _Argument(subject, role, subject=True)
            stranded = (self._stranded_subject(head) or self._fronted_subject(head)) if head.pos_ == "VERB" else None
            if stranded is not None:
                return _Argument(stranded.head, role, subject=True)
            if head.i in self.unsaid:
                return _Argument(head, role, subject=True, exact=True)  # "A conquis et gardé ses objectifs"
            walk = head
        return None

    @staticmethod
    def _bare_participle(verb: Any) -> bool:
        """A past participle with no auxiliary nor copula: it qualifies a noun, it tells no clause."""
        return verb.pos_ == "VERB" and _feature(verb, "VerbForm") == "Part" \
            and not any(c.dep_.startswith("aux") or c.dep_ == "cop" for c in children_of(verb))

    def _active(self, verb: Any) -> bool:
        """True for a verb the parse gave a passive subject that has no passive "être" and has "avoir"
        or an object ("qu'il avait levées": he raised them)."""
        if has_child_dep(verb, "aux:pass"):
            return False
        return has_child_dep(verb, "obj") or any(
            c.lemma_ == "avoir" for c in children_where(verb, lambda dep: dep.startswith("aux")))

    def _pronominal(self, verb: Any) -> bool:
        """True for a verb with its reflexive clitic ("s'étaient retirés", "se sont rendus"): its "être"
        is no passive's, whatever the parse says."""
        return any(c.pos_ == "PRON" and c.i < verb.i and _feature(c, "Reflex") == "Yes" for c in children_of(verb))

    def _voice(self, token: Any) -> str:
        """The role of the subject of `token`: patient for a passive or a bare past participle of a
        transitive verb ("repoussés", "tué le 14"), agent otherwise."""
        if has_child_dep(token, "aux:pass"):
            return "agent" if self._pronominal(token) else "patient"
        bare = not any(c.dep_.startswith("aux") for c in children_of(token))
        if bare and token.dep_ == "conj" and self._form(token) == "Part" \
                and has_child_dep(token.head, "aux:pass"):
            return "patient"  # "ils furent livrés et traités": the auxiliary of the first serves both
        misread = self.misread_verbs.get(token.i)  # "Arrêté le 12 août, …" read as a noun: its verb's lemma
        form = self._form(token)
        past = _feature(token, "Tense") == "Past" or (misread is not None and form == "Part")
        if bare and form == "Part" and past and (misread or token.lemma_) not in self.lex.etre_verbs \
                and token.dep_ in ("acl", "advcl", "nmod"):
            return "patient"
        return "agent"


class _Speakers:
    """Who says the words at an offset: the quotations of the quotes layer with their speakers, and
    any other quotation (a short one the quotes layer takes for a scare quote), whose speaker is not
    known."""

    def __init__(self, analysis: Analysis) -> None:
        quotes = sorted(((q.start, q.end, q.speaker) for q in analysis.quotes), key=lambda q: (q[0], q[1]))
        self.starts = [start for start, _, _ in quotes]
        self.quotes = quotes
        self.quoted = sorted((q.start, q.end) for q in find_quoted(analysis.text))
        self.quoted_starts = [start for start, _ in self.quoted]
        known = {e.id: e for e in analysis.entities}
        # The speakers the quotes layer names: an entity, or the narrator quoting themself.
        self.entities = {speaker: known[speaker] for _, _, speaker in quotes if speaker in known}

    def at(self, offset: int) -> tuple[bool, str | None]:
        """(inside a quotation, its speaker: an entity id, "narrator" or None)."""
        k = bisect_right(self.starts, offset) - 1
        if k >= 0 and offset < self.quotes[k][1]:
            speaker = self.quotes[k][2]
            return True, speaker if speaker == NARRATOR or speaker in self.entities else None
        k = bisect_right(self.quoted_starts, offset) - 1
        return k >= 0 and offset < self.quoted[k][1], None


class _Datelines:
    """Places that head a dispatch or a diary entry ("PARIS, 15 mars. —", "4 août. — Wissembourg. —"):
    the place of every event told after them, up to the next entry or the next paragraph."""

    def __init__(self, analysis: Analysis) -> None:
        text = analysis.text
        dates = sorted((t.start, t.end) for t in analysis.timexes)
        date_ends = {end for _, end in dates}
        date_at = dict(dates)
        # An entry starts at a paragraph break or at a date followed by a dash ("4 août. —").
        boundaries = [m.start() for m in re.finditer(r"\n\s*\n", text)]
        boundaries += [start for start, _ in analysis.region_spans("heading")]  # a new section
        boundaries += [start for start, end in dates if ENTRY_HEAD.match(text, end)]
        found: list[tuple[int, int, str]] = []  # (start, end of its heading, entity id)
        for entity in analysis.entities:
            if entity.type != "place":
                continue
            for mention in entity.mentions:
                head_end = _dateline_end(text, mention.start, mention.end, date_ends, date_at)
                if head_end is not None:
                    found.append((mention.start, head_end, entity.id))
        found.sort()
        boundaries += [start for start, _, _ in found]
        boundaries.sort()
        self.starts = [start for start, _, _ in found]
        self.scopes: list[tuple[int, str]] = []
        for _, head_end, entity_id in found:
            k = bisect_left(boundaries, head_end)
            self.scopes.append((boundaries[k] if k < len(boundaries) else len(text), entity_id))

    def at(self, offset: int) -> str | None:
        k = bisect_right(self.starts, offset) - 1
        if k < 0:
            return None
        scope_end, entity_id = self.scopes[k]
        return entity_id if offset < scope_end else None


def _dateline_end(text: str, start: int, end: int, date_ends: set[int], date_at: dict[int, int]) -> int | None:
    """Where the heading ends when the place at [start, end) heads an entry, else None."""
    dash_after = ENTRY_HEAD.match(text, end)
    # "4 août. — Wissembourg. —": a date, a dash, the place, a dash.
    dash_before = re.search(rf"[.,]?\s*{DASH}\s*$", text[max(0, start - 12):start])
    if dash_before is not None and dash_after is not None and start - len(dash_before.group(0)) in date_ends:
        return dash_after.end()
    line_start = text.rfind("\n", max(0, start - 200), start) + 1
    if not ((line_start > 0 or start < 200) and not text[line_start:start].strip()):
        return None
    if dash_after is not None:  # "PARIS. —" heading a line
        return dash_after.end()
    comma = re.compile(r"\s*,\s*").match(text, end)  # "PARIS, 15 mars. —", "PARIS, 15 (Havas). —"
    if comma is not None and comma.end() in date_at:
        heading = DATED_HEAD.match(text, date_at[comma.end()])
        return heading.end() if heading is not None else None  # "Normandie, juin 1944 : …" is a title
    return None


def _rank_at(entity: Entity, ranks: _Ranks, offset: int) -> str | None:
    """The rank written at the last mention before `offset`, else the entity's rank."""
    written = ranks.before(offset)
    if written:
        return written
    rank = entity.rank
    return rank if isinstance(rank, str) else None
