"""What kind of event a trigger is, and what the text commits to: TimeML class, polarity, modality
and factuality, read from the trigger's word and the parse around it.

- **Class** (`events/classes.tsv`): the class of the verb with its bare object when listed ("avoir
  lieu" OCCURRENCE, not the STATE of "avoir"), else the lemma's class when listed ("dire" REPORTING, "voir" PERCEPTION,
  "commencer" ASPECTUAL, "tenter" I_ACTION, "croire" I_STATE, "rester" STATE); otherwise an adjective
  or a participle describing its noun ("les mallettes contenant des disquettes") is a STATE, and
  everything else an OCCURRENCE.
- **Polarity** NEG when the trigger is negated ("ne … pas/plus/jamais": a negative word in the parse's
  morphology, not "ne … que", a restriction), when a negative determiner heads the noun ("aucune
  arrestation"), under a negative preposition ("sans prévenir"), or under a negated modal or
  aspectual ("ne peut pas attaquer") — `events/markers.tsv`.
- **Modality**: the modal verb governing the event ("pouvoir", `events/governors.tsv`), else
  "conditional" when the event is in the conditional mood.
- **Factuality**, first that applies: `counterfactual` in a "si" clause in a past tense ("s'il avait
  attaqué") or in the conditional past ("la ville serait tombée"); `reported` when the clause is
  attributed ("selon le ministre"), told under a reporting verb ("il dit que …", "… , affirme-t-il"),
  which also covers a hearsay conditional; `possible` under a modal, in the conditional present, in
  a "si" clause in the present, or governed by a verb of wish, fear or attempt ("il tente de fuir",
  "il croit que …"); `future` in the future tense, with "aller" + infinitive, or governed by a verb of
  plan or decision ("il décide d'attaquer"); `fact` otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from annales.common.grammar import conditional, detached_participle, inflections, spelled_as, spelled_tense, verb_tense
from annales.common.parse import children_of, children_where, has_child_dep, morph_of
from annales.events.lexicon import Lexicon
from annales.events.triggers import finite_endings, lemma_of
from annales.model import Aspect, Dct, Event, EventClass, Factuality, Timex

CONDITIONAL = "conditional"  # the modality of an event in the conditional mood
# Dependencies by which an event's word is governed by the verb whose attitude applies to it:
# "il tente de fuir" (xcomp), "il ordonne l'attaque" (obj), "il croit que la ville tombera" (ccomp).
GOVERNED_DEPS = frozenset({"xcomp", "obj", "ccomp"})
# Nouns of these classes govern what they are for ("l'ordre d'attaquer", "l'espoir de vaincre").
INTENTIONS: dict[str, Factuality] = {"I_ACTION": "future", "I_STATE": "possible"}
INTENTION = "intention"  # the dependency recorded for a noun of intention in a chain of governors
# Dependencies that stay inside one clause on the way up: a "si" above them conditions the event.
CLAUSE_INSIDE_DEPS = frozenset({"conj", "xcomp", "obj", "nsubj", "nsubj:pass", "obl", "obl:arg", "nmod"})
NOMINAL_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "nmod", "obl", "obl:arg", "obl:mod", "obl:agent"})
MAX_CLIMB = 8  # a parse tree is shallow; the bound only guards against a malformed one


@dataclass(frozen=True)
class Reading:
    event_class: EventClass
    polarity: Literal["POS", "NEG"]
    modality: str | None
    factuality: Factuality


class _Marks(NamedTuple):
    """What a word's own dependents say of the clause it heads: read once per word and document
    (a tuple: made for hundreds of words, and of numbers and flags only, which the garbage collector
    then leaves alone)."""

    reporting: tuple[int, ...]  # indices of reporting verbs set beside it ("« … », affirme le général")
    hearsay: bool  # "selon le ministre" hangs from it
    hypothetical: bool  # "si" introduces it


class EventReader:
    """Reads the events of one document; what a head's dependents say is read once for all the
    events below it."""

    def __init__(self, lex: Lexicon, language: str) -> None:
        self.lex = lex
        self.language = language
        self._marks: dict[int, _Marks] = {}

    def read(self, token: Any) -> Reading:
        """Class, polarity, modality and factuality of the event `token` triggers."""
        lex = self.lex
        chain = _governors(token, lex)
        governors = [g for g, _ in chain]
        modal = next((lemma_of(g) for g in governors if lex.governors.get(lemma_of(g)) == "modal"), None)
        in_conditional = _conditional(token)
        negated = _negated(token, lex) or any(
            _negated(g, lex) and (lex.governors.get(lemma_of(g)) == "modal"
                                  or lex.classes.get(lemma_of(g)) == "ASPECTUAL")
            for g in governors) or (
            # "il ne parvint pas à prendre la ville", "son règne ne permit pas de résoudre la crise":
            # the infinitive a denied verb governs did not take place either
            bool(chain) and chain[0][1] == "xcomp" and token.pos_ == "VERB" and _negated(chain[0][0], lex))
        return Reading(
            event_class=event_class(token, lex),
            polarity="NEG" if negated else "POS",
            modality=modal or (CONDITIONAL if in_conditional else None),
            factuality=self._factuality(token, chain, modal, in_conditional),
        )

    def marks(self, token: Any) -> _Marks:
        found = self._marks.get(token.i)
        if found is None:
            lex = self.lex
            reporting = []
            hearsay = hypothetical = False
            # Only these children say anything here: the others are never made Tokens.
            for child in children_where(token, lambda d: d == "parataxis" or d == "mark" or d.startswith("obl")):
                dep = child.dep_
                if dep == "parataxis":
                    if child.pos_ == "VERB" and lex.classes.get(lemma_of(child)) == "REPORTING":
                        reporting.append(child.i)
                elif dep == "mark":
                    hypothetical = hypothetical or child.lower_ in lex.hypotheticals
                elif dep.startswith("obl"):
                    hearsay = hearsay or _hearsay(child, lex)
            found = self._marks[token.i] = _Marks(tuple(reporting), hearsay, hypothetical)
        return found

    def _hypothetical(self, chain: list[Any]) -> Any | None:
        """The verb of the "si" clause the event stands in, if any."""
        for t in chain:
            if self.marks(t).hypothetical:
                return t
            if t.dep_ not in CLAUSE_INSIDE_DEPS:
                break  # left the clause: the condition is another clause's
        return None

    def _reported(self, chain: list[Any]) -> bool:
        on_chain = {t.i for t in chain}
        for t in chain:
            marks = self.marks(t)
            if marks.hearsay:
                return True  # "selon le ministre, …"
            # "« … », affirme le général"; not on the way up: "déclare" in "« … », déclare le maire"
            # is not reported by itself
            if any(i not in on_chain for i in marks.reporting):
                return True
            if t.dep_ == "ccomp" and self.lex.classes.get(lemma_of(t.head)) == "REPORTING":
                return True  # "il dit que …"
        return False

    def _factuality(self, token: Any, governed: list[tuple[Any, str]], modal: str | None,
                    in_conditional: bool) -> Factuality:
        lex = self.lex
        chain = _clause_chain(token)
        condition = self._hypothetical(chain)
        if condition is not None:
            tense = morph_of(condition, "Tense") + [m for a in _auxiliaries(condition) for m in morph_of(a, "Tense")]
            return "counterfactual" if "Imp" in tense or "Past" in tense else "possible"
        if modal is not None:
            return "possible"
        reported = self._reported(chain)
        if in_conditional:
            if reported:
                return "reported"  # "selon le préfet, les rebelles auraient incendié la mairie": hearsay
            return "counterfactual" if _conditional_past(token) else "possible"
        for governor, dep in governed:
            if dep == INTENTION:  # what an order or a plan is for has not happened; what is hoped, may not
                return INTENTIONS[lex.classes[lemma_of(governor)]]
            if dep == "ccomp":  # a clause: what its verb reports or believes
                if lex.classes.get(lemma_of(governor)) == "I_STATE":
                    return "possible"  # "il croit que la ville tombera"
                continue
            effect = lex.governors.get(lemma_of(governor))
            if dep != "xcomp" and lemma_of(governor) in lex.infinitive_governors:
                continue  # "chargea l'ennemi", "apprend la nouvelle": a noun it takes is no plan
            if effect in ("possible", "future"):
                return effect  # type: ignore[return-value]  # the two effects are factuality values
        planned = _planned_by_its_participle(token, lex)
        if planned is not None:
            return planned
        if _tense(token, self.language) == "future" or _spelled_future(token, self.language):
            return "future"  # before "reported": what is announced has not happened yet
        if _subjunctive(token, lex):
            return "possible"  # "que le peuple se mette debout", "avant qu'il parte": wished, not done
        return "reported" if reported else "fact"


def _planned_by_its_participle(noun: Any, lex: Lexicon) -> Factuality | None:
    """"la manifestation prévue samedi", "l'offensive projetée": a happening a participle of planning
    describes (`events/plan_participles.tsv`) is to come; not one its own verb says took place ("la
    manifestation prévue samedi s'est déroulée dans le calme")."""
    if noun.pos_ != "NOUN" or (noun.dep_ in ("nsubj", "nsubj:pass") and lemma_of(noun.head) in lex.occurring):
        return None
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubj:pass") and head.i > noun.i and lemma_of(head) in lex.plan_participles \
            and "Part" in morph_of(head, "VerbForm"):
        # the same, parsed with the participle heading the sentence (and the verb of taking place hung on it)
        return None if any(lemma_of(c) in lex.occurring for c in children_of(head)) else "future"
    if any(child.dep_ == "acl" and child.i > noun.i and lemma_of(child) in lex.plan_participles
           and "Part" in morph_of(child, "VerbForm") and not any(c.dep_.startswith("aux") for c in children_of(child))
           for child in children_of(noun)):
        return "future"
    detached = detached_participle(noun)  # "la fermeture, prévue en septembre, du centre"
    return "future" if detached is not None and lemma_of(detached) in lex.plan_participles else None


def read_event(token: Any, lex: Lexicon, language: str) -> Reading:
    """Class, polarity, modality and factuality of one event (a document's events share an `EventReader`)."""
    return EventReader(lex, language).read(token)


def event_class(token: Any, lex: Lexicon) -> EventClass:
    lemma = lemma_of(token)
    reflexive = verbal = False
    for child in children_of(token):  # one pass over the children
        dep = child.dep_
        if dep == "obj" and not any(c.dep_.startswith("det") for c in children_of(child)):
            # a verb and its bare object say one thing: "avoir lieu", "porter plainte"
            phrase = lex.classes.get(f"{lemma} {lemma_of(child)}")
            if phrase is not None:
                return phrase  # type: ignore[return-value]  # checked against the TimeML classes on loading
        elif dep == "aux:tense":
            verbal = True
        reflexive = reflexive or "Yes" in morph_of(child, "Reflex")
    if reflexive:  # "se trouver": to be somewhere
        listed = lex.classes.get(f"{lex.reflexive_pronoun} {lemma}")
        if listed == "REPORTING" and any(c.dep_ == "nsubj" and lemma_of(c) in lex.event_nouns
                                         for c in children_of(token)):
            return "OCCURRENCE"  # "un incendie s'est déclaré": a happening says nothing, it breaks out
        if listed is not None:
            return listed  # type: ignore[return-value]  # checked against the TimeML classes on loading
    if lemma in lex.relation_verbs and (any(
            c.dep_ == "nsubj" and lemma_of(c) in lex.event_nouns
            and any(d.dep_ == "det" and "Def" in morph_of(d, "Definite") for d in children_of(c))
            for c in children_of(token)) or (
            # "un conflit qui oppose en 1893 la France au Siam": the relative's subject is its noun
            token.dep_ == "acl:relcl" and lemma_of(token.head) in lex.event_nouns
            and any(c.dep_ == "nsubj" and "Rel" in morph_of(c, "PronType") for c in children_of(token)))):
        # "La guerre de Crimée oppose la Russie à une coalition": the happening named by its article is
        # the line; the verb says how its sides stand ("De nombreuses escarmouches opposèrent les
        # patrouilles" tells what happened: a kind of happening, no one of them).
        return "STATE"
    listed = lex.classes.get(lemma)
    if listed == "I_ACTION" and token.pos_ == "VERB" and not _governs_event(token, lex):
        return "OCCURRENCE"  # "défendre la ville" is done; "défendre de sortir" bears on another event
    if listed == "ASPECTUAL" and token.pos_ == "VERB" and has_child_dep(token, "obj") \
            and not _governs_event(token, lex):
        return "OCCURRENCE"  # "l'ennemi reprend la crête" is done; "reprend l'attaque" begins it again
    if listed in ("ASPECTUAL", "REPORTING") and token.pos_ == "VERB" and not _governs_event(token, lex) \
            and _someone_undergoes(token, lex):
        # A passive whose subject is someone or a thing, not a happening nor a statement: "la ville est
        # reprise" is taken again, "le général est rappelé à Paris" is recalled, "le régiment est cité
        # à l'ordre de l'armée" is honoured; "la marche est reprise", "la nouvelle est annoncée" stay.
        return "OCCURRENCE"
    if listed == "ASPECTUAL" and token.pos_ == "VERB" and has_child_dep(token, "aux:pass") and any(
            c.dep_ == "nsubj:pass" and c.pos_ in ("NOUN", "PROPN") and lemma_of(c) not in lex.event_nouns
            for c in children_of(token)):
        return "OCCURRENCE"  # "le village est repris" is taken again, as "reprend la crête" is done
    if listed is not None:
        return listed  # type: ignore[return-value]  # checked against the TimeML classes on loading
    if token.pos_ == "ADJ" and not verbal:  # "aurait démissionné" tagged an adjective is a verb
        return "STATE"
    if token.pos_ == "VERB" and token.dep_ == "acl" and "Pres" in morph_of(token, "Tense") \
            and "Part" in morph_of(token, "VerbForm"):
        return "STATE"  # "les mallettes contenant des disquettes": a property of the thing, not a doing
    if _after_a_state_verb(token, lex):
        return "STATE"  # "la compagnie resta coupée du bataillon", "il se trouve isolé"
    return "OCCURRENCE"


def _after_a_state_verb(token: Any, lex: Lexicon) -> bool:
    """A bare participle completing a verb of state ("rester", "se trouver", `events/classes.tsv`):
    what the subject is in while the state holds, not a doing of its own."""
    head = token.head
    if token.pos_ != "VERB" or token.dep_ not in ("xcomp", "advcl") or head.i == token.i or head.pos_ != "VERB":
        return False
    if "Part" not in morph_of(token, "VerbForm") or "Past" not in morph_of(token, "Tense") \
            or has_child_dep(token, "aux:tense") or has_child_dep(token, "aux:pass"):
        return False
    if any(c.dep_ == "mark" for c in children_of(token)):
        return False  # "il resta jusqu'à ce que …": a clause of its own
    return event_class(head, lex) == "STATE"


def _someone_undergoes(token: Any, lex: Lexicon) -> bool:
    """What the verb does is done to a person, people, a force or a place (a name, a noun of people, a
    personal pronoun), no happening and no statement: the subject of its passive, its object ("le
    bataillon relève le 204e régiment"), or the subject a bare participle opening its sentence is said
    of ("Relevé le 7 mai, le régiment va cantonner …")."""
    subjects = children_where(token, lambda dep: dep == "nsubj:pass")
    if subjects:
        return has_child_dep(token, "aux:pass") and _people_named(subjects[0], lex)
    objects = children_where(token, lambda dep: dep == "obj")
    if objects:
        # Only a force ("relève le 204e régiment"): a person may be whom a speech is told to
        # ("informèrent le comte"), or the one speaking after the quotation ("…, ajouta l'homme",
        # "…, répondit la garnison": `common/incise_verbs.tsv`)
        return not _an_incise(token, lex) and _names_a_force(objects[0], lex)
    if token.dep_ == "advcl" and "Part" in morph_of(token, "VerbForm") and token.i < token.head.i \
            and not any(c.dep_.startswith("aux") for c in children_of(token)):
        said_of = [c for c in children_of(token.head) if c.dep_ in ("nsubj", "nsubj:pass")]
        return bool(said_of) and _people_named(said_of[0], lex)
    return False


INCISE_BEFORE = frozenset({",", "!", "?", "»", "…", "—", "–"})  # what ends a spoken sentence before its incise


def _an_incise(verb: Any, lex: Lexicon) -> bool:
    """A verb of speech right after the end of a spoken sentence, its subject after it ("…, dit un
    marine", "…, s'écria le sergent")."""
    doc, i = verb.doc, verb.i
    form = verb.lower_
    if i > 0 and "Yes" in morph_of(doc[i - 1], "Reflex"):  # "s'écria": the list writes its pronoun
        form, i = doc[i - 1].lower_.replace("’", "'") + form, i - 1
    return form in lex.incise_verbs and i > 0 and doc[i - 1].text in INCISE_BEFORE


def states_a_cause(verb: Any, lex: Lexicon) -> bool:
    """A verb of cause whose subject names a happening ("La chute de la ville provoque la fuite du roi",
    "Sa mort entraîne l'envoi de renforts", `events/causal_verbs.tsv`): it says what that happening
    brought about, which its object names; the verb itself is no happening more."""
    if lemma_of(verb) not in lex.causal_verbs or not has_child_dep(verb, "obj") \
            or any("Yes" in morph_of(c, "Reflex") for c in children_of(verb)):
        return False  # "l'offensive se déclenche le 18": what starts, no cause
    return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and lemma_of(c) in lex.event_nouns
               and any(d.dep_ == "det" and not {"Ind", "Int"} & set(morph_of(d, "Definite") + morph_of(d, "PronType"))
                       for d in children_of(c))
               for c in children_of(verb))


def performs_an_act(verb: Any, lex: Lexicon) -> bool:
    """A verb of saying that does what it says (`events/performative_verbs.tsv`) with a noun for its
    object, or for its subject in the passive, that names no happening of its own ("la République est
    proclamée", "il décrète l'état de siège"; "déclare la guerre": the war is the happening listed)."""
    if verb.pos_ != "VERB" or lemma_of(verb) not in lex.performative_verbs:
        return False
    return any(c.dep_ in ("obj", "nsubj:pass") and c.pos_ in ("NOUN", "PROPN") and lemma_of(c) not in lex.event_nouns
               for c in children_of(verb))


def _names_a_force(word: Any, lex: Lexicon) -> bool:
    # "le 204e régiment" parsed with the ordinal as the head and the unit's noun its modifier
    return word.pos_ == "NOUN" and (lemma_of(word) in lex.force_nouns or any(
        c.dep_ in ("amod", "compound", "appos") and lemma_of(c) in lex.force_nouns for c in children_of(word)))


def _people_named(word: Any, lex: Lexicon) -> bool:
    """The word names a person, people or a force: a name, a personal pronoun, a noun of people."""
    if word.pos_ == "PROPN":
        return True
    if word.pos_ == "PRON":
        return "3" in morph_of(word, "Person") and not {"Dem", "Rel", "Int"} & set(morph_of(word, "PronType"))
    return word.pos_ == "NOUN" and lemma_of(word) in lex.people_nouns or _names_a_force(word, lex)


def _governs_event(token: Any, lex: Lexicon) -> bool:
    """True when the verb bears on another event: a clause or infinitive under it, or an object
    that names a happening ("ordonner l'attaque")."""
    for child in children_of(token):
        if child.dep_ in ("xcomp", "ccomp") or (child.dep_ == "advcl" and child.pos_ == "VERB"):
            return True
        if child.dep_ == "obj" and (child.pos_ in ("VERB", "PRON") or lemma_of(child) in lex.event_nouns):
            return True  # a pronoun object may stand for a clause ("il le défendit")
    return False


def _subjunctive(token: Any, lex: Lexicon) -> bool:
    """A verb (or its auxiliary) in the subjunctive in a clause "que" opens ("avant qu'il parte"), or a
    main clause "que" opens ("Que le peuple se mette debout": a wish, whatever mood the tagger gives),
    unless a concessive opens its clause
    ("quoique les pièces fussent chargées" tells a fact)."""
    marks = [c for c in children_of(token) if c.dep_ == "mark"]
    opened = any(m.lower_ in lex.jussives for m in marks)
    # The tagger takes many a simple past for a subjunctive ("écrivit"): only a clause "que" opens
    # is read as one.
    if not opened:
        return False
    forms = [token, *_auxiliaries(token)]
    if token.dep_ != "ROOT" and not any("Sub" in morph_of(f, "Mood") for f in forms):
        return False
    left = token.left_edge.i
    before = {t.lower_ for t in token.doc[max(0, left - 2):left]} | {m.lower_ for m in marks}
    before |= {f.lower_ for m in marks for f in children_of(m)}
    return not before & lex.concessives


def _verbal(token: Any) -> bool:
    """A verb the tagger took for an adjective or an auxiliary ("aurait démissionné")."""
    return has_child_dep(token, "aux:tense")


def _governors(token: Any, lex: Lexicon) -> list[tuple[Any, str]]:
    """The words whose attitude applies to the event, nearest first, each with the dependency by
    which the chain below it hangs from it: up the xcomp/obj/ccomp chain of verbs, ending at a noun
    of intention ("l'ordre de préparer une attaque", "sa mission est de couvrir la retraite"), whose
    dependency is then INTENTION."""
    out = []
    current = token
    for _ in range(MAX_CLIMB):
        dep, head = current.dep_, current.head
        if head is current:
            break
        if dep in ("acl", "nmod") and head.pos_ == "NOUN" and lex.classes.get(lemma_of(head)) in INTENTIONS:
            out.append((head, INTENTION))
            break
        if dep == "xcomp" and head.pos_ == "AUX":  # "<noun> est de <infinitive>"
            subject = next((c for c in children_of(head) if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
            if subject is not None and lex.classes.get(lemma_of(subject)) in INTENTIONS:
                out.append((subject, INTENTION))
            break
        if dep not in GOVERNED_DEPS:
            break
        if dep == "xcomp" and current.pos_ == "VERB" and ("Fin" in morph_of(current, "VerbForm") or any(
                c.dep_ == "nsubj" for c in children_of(current))):
            break  # "Je n'y étais pas : j'avais la fièvre": a clause of its own the parse hung as a complement
        if dep == "obj" and current.pos_ != "NOUN":
            break  # "il le voit": a pronoun object is no event
        current = head
        if current.pos_ not in ("VERB", "AUX"):
            break
        out.append((current, dep))
    return out


def _auxiliaries(token: Any) -> list[Any]:
    return children_where(token, lambda dep: dep.startswith("aux") or dep == "cop")


def _conditional(token: Any) -> bool:
    return any(conditional(t) for t in [token, *_auxiliaries(token)])


def _spelled_future(verb: Any, language: str) -> bool:
    """A finite verb written as its future's stem and a future's ending ("attaquera", `common.grammar.
    spelled_tense`): the tagger's mood or tense is then overruled, as it often slips on these forms."""
    return verb.pos_ == "VERB" and "Fin" in morph_of(verb, "VerbForm") \
        and spelled_tense(verb.lower_, lemma_of(verb), language) == "future"


def _conditional_past(token: Any) -> bool:
    """"serait tombée", "aurait attaqué": a conditional auxiliary and a past participle."""
    auxiliaries = _auxiliaries(token)
    participle = "Part" in morph_of(token, "VerbForm") or any(a.dep_ == "aux:tense" for a in auxiliaries)
    return participle and any(conditional(a) for a in auxiliaries)


def _negated(token: Any, lex: Lexicon) -> bool:
    children = children_of(token)
    negatives = 0
    for child in children:
        dep = child.dep_
        if dep.startswith("det") and lemma_of(child) in lex.negative_determiners:
            return True  # "aucune arrestation"
        if dep in ("mark", "case") and child.lower_ in lex.negative_prepositions:
            return True  # "sans prévenir"
        negatives += "Neg" in morph_of(child, "Polarity")
    if not negatives:
        return False
    # "ne … que" restricts: "il n'a pris que Caen" took Caen. Only "ne" is negative then, and the
    # restrictive word comes after the verb, on one of its non-clausal dependents.
    if negatives == 1:
        for child in children:
            if child.i > token.i and child.pos_ not in ("VERB", "AUX") and (
                    child.lower_ in lex.restrictives
                    or any(m.lower_ in lex.restrictives and m.i < child.i for m in children_of(child))):
                return False
    return True


def _clause_chain(token: Any) -> list[Any]:
    """The token and the heads above it, up to the sentence root (once)."""
    chain = [token]
    current = token
    for _ in range(MAX_CLIMB):
        head = current.head
        # spaCy makes a new Token at each `.head`: compared by index, the root is seen and the walk
        # stops there, instead of appending the root again up to MAX_CLIMB (readers of the chain
        # take a repeated root for the root: the answers are the same).
        if head.i == current.i:
            break
        current = head
        chain.append(current)
    return chain


def _hearsay(phrase: Any, lex: Lexicon) -> bool:
    for case in children_of(phrase):
        if case.dep_ == "case":
            # "d'après" is "d'" with "après" fixed to it
            words = case.lower_ + "".join(f.lower_ for f in children_of(case) if f.dep_ == "fixed")
            if words in lex.hearsay:
                return True
    return False


def aspect(token: Any, misread: bool = False) -> Aspect | None:
    """"imperfective" for the imperfect (the verb's own, its passive or copula auxiliary's: "était
    attaquée", "était dévasté"), "perfective" for a simple past or a compound past (the pluperfect
    included: "avait pris" is done), None for what the form does not tell (nouns, present, future).
    `misread`: a verb the tagger read as another word ("qui la commandait" tagged a noun), whose
    imperfect only its spelling tells."""
    auxiliaries = children_where(token, lambda dep: dep in ("aux:tense", "aux:pass", "cop"))
    if any(c.dep_ == "aux:tense" for c in auxiliaries):
        return "perfective"  # "a pris", "avait pris", "eut pris"
    if misread and token.pos_ not in ("VERB", "AUX") and not auxiliaries:
        endings = inflections(token.doc.lang_).get("imperfect")
        return "imperfective" if endings and token.lower_.endswith(endings) else None
    forms = [token, *auxiliaries] if token.pos_ in ("VERB", "AUX") or auxiliaries else []
    for form in reversed(forms):  # an auxiliary carries the tense of its participle or adjective
        tense = morph_of(form, "Tense")
        if "Imp" in tense and "Ind" in morph_of(form, "Mood"):
            return "imperfective" if spelled_as(form.lower_, "imperfect", form.doc.lang_) else "perfective"
        if "Past" in tense and "Ind" in morph_of(form, "Mood"):
            return "perfective"
    return None


def names_one_happening(noun: Any, lex: Lexicon, support: frozenset[str] = frozenset()) -> bool:
    """A noun a chronology lists: one the lexicon names as a happening (a noun found by its deverbal
    ending alone, "le penchant", "l'aide", counts for TimeML but is too often a thing); not an
    indefinite plural, which tells of a kind of happening ("des manœuvres", "des événements"); not
    one a demonstrative points back to ("cet échec", "cette guerre"), a happening already told; not
    one that judges a happening named as its subject, nor one a purpose aims at (`support`: the
    support verbs, `events/support_verbs.tsv`)."""
    lemma = lemma_of(noun)
    if lemma not in lex.event_nouns and noun.lower_ not in lex.event_nouns:
        return False
    children = children_of(noun)
    determiners = [c for c in children if c.dep_.startswith("det")]
    if any("Dem" in morph_of(d, "PronType") for d in determiners):
        return False
    if "Plur" in morph_of(noun, "Number"):
        if not determiners or all("Ind" in morph_of(d, "Definite") for d in determiners):
            return False
        # "plusieurs incidents", "de nombreuses escarmouches": a count left open is a kind, like "des"
        if any(c.lower_ in lex.quantifiers or lemma_of(c) in lex.quantifiers
               for c in children if c.dep_.startswith("det") or c.dep_ == "amod"):
            return False
    return not (_says_what_its_subject_was(noun, children, lex) or _in_a_purpose(noun, support))


# A heading is a few words: a longer verbless sentence is one the tagger misread.
HEADING_WORDS = 12
# What may come before a heading on its line: a section's number ("III. -", "2)").
SECTION_NUMBER = re.compile(r"[\sIVXLCDM\d.)\-—–]*")


def heads_a_passage(noun: Any, first: int, last: int, text: str, dated: bool) -> bool:
    """True for an event noun heading a verbless sentence that opens its line and is no entry of a
    dated list ("Offensive de l'Ourcq.", "Occupation rhénane.", then the passage telling it): a
    heading names what the text below tells, it is not one more happening. `first`, `last`: the
    sentence's tokens [first, last); `dated`: a date stands in the sentence ("Offensive de l'Aisne,
    du 16 au 20 avril": an entry of a yearly summary, a happening)."""
    if dated or noun.head.i != noun.i or last - first > HEADING_WORDS + 4:
        return False
    doc = noun.doc
    start = doc[first].idx
    if not SECTION_NUMBER.fullmatch(text, text.rfind("\n", 0, start) + 1, start):
        return False  # a verbless sentence inside a paragraph: a summary's entry, a list's item
    words = [doc[k] for k in range(first, last) if not (doc[k].is_punct or doc[k].is_space)]
    return len(words) <= HEADING_WORDS and words[0].i == noun.i - sum(
        1 for k in range(words[0].i, noun.i) if doc[k].pos_ == "DET") and not any(
        t.pos_ in ("VERB", "AUX") and "Fin" in morph_of(t, "VerbForm") for t in words)


def _says_what_its_subject_was(noun: Any, children: list[Any], lex: Lexicon) -> bool:
    """A noun after a copula whose subject names a happening ("la seconde offensive fut un échec")
    judges that happening, which is listed itself; after a pronoun or a name ("ce fut un massacre",
    "Wœrth fut une victoire") the noun is what is told. So after a verb of state taking the noun as
    its predicate ("la charge reste le plus célèbre épisode de la bataille")."""
    if any(c.dep_ == "cop" for c in children):
        subjects = children
    elif noun.dep_ in ("xcomp", "obj") and noun.head.i != noun.i and noun.head.pos_ in ("VERB", "AUX") \
            and lex.classes.get(lemma_of(noun.head)) == "STATE":
        subjects = children_of(noun.head)
    else:
        return False
    return any(c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ == "NOUN" and lemma_of(c) in lex.event_nouns
               for c in subjects)


def background_state(noun: Any, lex: Lexicon) -> bool:
    """A noun with a preposition after a copula in the imperfect tells the state its subject was in
    ("nous étions au repos"), as the imperfect of a verb tells a background: its aspect is that
    imperfect's; in a tense that tells the story ("les colonnes sont en marche") it is what happens.
    "c'était la déroute" has no preposition."""
    children = children_of(noun)
    if not any(c.dep_ == "case" for c in children):
        return False
    copula = next((c for c in children if c.dep_ == "cop"), None)
    if copula is None and noun.head.i != noun.i and noun.dep_.startswith("obl") \
            and lemma_of(noun.head) in lex.never_events:
        copula = noun.head
    # the tagger reads some imperfects as presents ("nous étions"): the spelling tells
    endings = inflections(noun.doc.lang_).get("imperfect")
    return copula is not None and not any(c.dep_ == "aux:tense" for c in children_of(copula)) \
        and ("Imp" in morph_of(copula, "Tense") or bool(endings and copula.lower_.endswith(endings)))


def _in_a_purpose(noun: Any, support: frozenset[str]) -> bool:
    """The event noun a support verb in a purpose makes ("pour mener une attaque", "afin de livrer
    bataille"): what is aimed at, not what happened. Under another verb the noun names a happening
    the purpose bears on ("pour repousser l'attaque"): it is listed."""
    head = noun.head
    if not (noun.dep_ in ("obj", "obl:arg") and head.i != noun.i and head.pos_ == "VERB" and lemma_of(head) in support):
        return False
    # "ils commencent à lâcher pied et à faire retraite": a conjunct is governed as its first one is
    first = head
    for _ in range(MAX_CLIMB):
        if first.dep_ != "conj" or first.head.i == first.i or "Inf" not in morph_of(first.head, "VerbForm"):
            break
        first = first.head
    return bare_infinitive(head) and bare_infinitive(first)


def bare_infinitive(verb: Any) -> bool:
    """An infinitive no verb governs ("pour attaquer", "à quoi bon changer", "c'est se servir de"): a
    purpose, a question or a definition, not a happening told. One a verb governs ("parvint à entrer")
    gets its factuality from that verb; a past infinitive ("après avoir chassé") tells what was done."""
    if "Inf" not in morph_of(verb, "VerbForm") or has_child_dep(verb, "aux:tense"):
        return False
    if verb.lower_.endswith(finite_endings(verb.doc.lang_ or "fr")) and verb.lower_ != lemma_of(verb):
        return False  # "on m'évacua" read as an infinitive: no infinitive ends so
    language = verb.doc.lang_ or "fr"
    lemma = lemma_of(verb)
    if verb.pos_ == "VERB" and lemma != verb.lower_ and spelled_as(lemma, "infinitive", language) \
            and not spelled_as(verb.lower_, "infinitive", language):
        # "fait construire une route et recrute des porteurs", "la brigade évacue la ville": a form of
        # a verb the tagger read as its infinitive; every infinitive ends so, this word does not
        return False
    if any("Fin" in morph_of(aux, "VerbForm") for aux in children_where(verb, lambda dep: dep.startswith("aux"))):
        return False  # "fut évacué" read as an infinitive: a finite auxiliary makes a finite verb
    if any(c.dep_ == "dep" and c.pos_ == "AUX" and c.i < verb.i and "Fin" in morph_of(c, "VerbForm")
           for c in children_of(verb)):
        return False  # "fait construire" with "fait" hung below the infinitive: a causative governs it
    return not (verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"))  # "fait creuser": "fait" read as AUX


def names_its_doer(verb: Any) -> bool:
    """A participle with an article is a noun the tagger read as a verb: "les difficultés de
    l'occupant", "les survivants" name people, not a doing."""
    if "Part" not in morph_of(verb, "VerbForm") or _auxiliaries(verb):
        return False  # "l'ayant mise en désordre": a clitic the parse hung as an article
    # standing where a noun stands, its article just before it (the tagger's part of speech for
    # "l'" varies), or alone as a heading's root with no subject ("Le traité")
    return (verb.dep_ in NOMINAL_DEPS or (verb.dep_ == "ROOT" and not has_child_dep(verb, "nsubj", "nsubj:pass"))) \
        and any(c.dep_ == "det" and c.i == verb.i - 1 for c in children_of(verb))


def describes_a_thing(verb: Any, event: Event, lex: Lexicon, persons: Collection[str] = ()) -> bool:
    """A participle qualifying a noun ("les moyens accordés par l'empereur", "les armées dirigées
    depuis Paris") describes that thing unless its own clause dates it ("le colonel X, tué le 14
    septembre"), or it is set off by commas after a person it befalls, with a complement of its own
    ("le lieutenant-colonel X, blessé au début de l'action, refuse …"; `persons`: the ids of the
    persons of the text): then it tells a happening."""
    if verb.dep_ not in ("acl", "amod") or "Part" not in morph_of(verb, "VerbForm"):
        return False
    if verb.i > 0 and verb.doc[verb.i - 1].text == "," \
            and any(_a_complement_of_what_befell(c, verb, lex) for c in children_of(verb)) \
            and any(p.role == "patient" and p.entity in persons for p in event.participants):
        return False
    # Only a calendar date dates it: "désormais" (PRESENT_REF) or a date the text leaves open does not.
    return event.date is None or event.time_inferred or not (event.date.value or "")[:4].isdigit()


def _a_complement_of_what_befell(child: Any, participle: Any, lex: Lexicon) -> bool:
    """A complement after the participle that tells how, where or when it befell someone ("au début
    de l'action", "lieutenant-colonel au 340e"); a cause with "par" that is no one ("troublé par la
    peur", "épuisé par la marche") says what state they were in."""
    if child.i < participle.i or not child.dep_.startswith(("obl", "obj", "xcomp")):
        return False
    case = next((c.lower_ for c in children_of(child) if c.dep_ == "case"), None)
    return case not in lex.agent_prepositions or child.pos_ == "PROPN" or lemma_of(child) in lex.people_nouns


def lie_of_the_land(verb: Any, lex: Lexicon, dated_itself: bool = False) -> bool:
    """A verb in the present whose subject names a feature of the land (`events/terrain_nouns.tsv`:
    "les bois qui prolongent la crête", "une croupe masque l'objectif"), or a verb that describes
    (`events/describing_verbs.tsv`) with a thing for subject ("le pont traverse la Loire"), with no date
    hung on its own words (`dated_itself`; the sentence's date may frame it): the land or the thing is
    described, nothing happens."""
    if dated_itself or "Pres" not in morph_of(verb, "Tense") or "Fin" not in morph_of(verb, "VerbForm") \
            or any(c.dep_.startswith("aux") for c in children_of(verb)):
        return False
    subjects = [c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubj:pass")]
    if verb.dep_ == "acl:relcl" and any("Rel" in morph_of(c, "PronType") for c in subjects):
        # "les bois qui prolongent …", "les bois de X, qui prolongent …": the antecedent, or the noun
        # the name it was hung on completes
        subjects = [verb.head] + ([verb.head.head] if verb.head.dep_ == "nmod" else [])
    elif not subjects and verb.dep_ == "conj":
        subjects = [c for c in children_of(verb.head) if c.dep_ in ("nsubj", "nsubj:pass")]
    # a name set beside its kind: "le « Haricot », croupe organisée, masque l'objectif"
    subjects += [c for s in subjects for c in children_of(s) if c.dep_ == "appos"]
    reflexive_only = lex.describing_verbs.get(lemma_of(verb))
    describing = reflexive_only is not None and (
        not reflexive_only or any("Yes" in morph_of(c, "Reflex") for c in children_of(verb)))
    return any(s.pos_ == "NOUN" and (lemma_of(s) in lex.terrain_nouns
                                     or (describing and lemma_of(s) not in lex.people_nouns
                                         and s.lower_ not in lex.people_nouns))
               for s in subjects)


def recalls_a_told_happening(verb: Any) -> bool:
    """A bare past participle said of a noun a demonstrative points back to ("Ces gains chèrement
    acquis, il s'agit de les garder"): the happening was told already, as "cet échec" says of a noun."""
    if "Part" not in morph_of(verb, "VerbForm") or "Past" not in morph_of(verb, "Tense"):
        return False
    children = children_of(verb)
    if any(c.dep_.startswith("aux") or c.dep_ == "cop" for c in children):
        return False
    said_of = [c for c in children if c.dep_ in ("nsubj", "nsubj:pass")]
    if verb.dep_ in ("acl", "amod"):
        said_of.append(verb.head)
    return any(any(d.dep_.startswith("det") and "Dem" in morph_of(d, "PronType") for d in children_of(noun))
               for noun in said_of if noun.pos_ == "NOUN")


def still_holds(verb: Any, lex: Lexicon) -> bool:
    """A participle with its copula or passive auxiliary in the present and an adverb saying its
    state still or always holds (`events/still_adverbs.tsv`: "deux blessés sont toujours
    hospitalisés", "le suspect est encore recherché"): no happening, a state. A finite verb keeps
    its happening ("les secours arrivent encore"), a compound past too ("a toujours refusé")."""
    children = children_of(verb)
    if "Part" not in morph_of(verb, "VerbForm") or lemma_of(verb) in lex.etre_verbs \
            or not any(c.dep_ == "advmod" and c.lower_ in lex.still_adverbs for c in children):
        return False  # "des milliers d'hommes sont encore tombés": a compound past with être
    auxiliaries = [c for c in children if c.dep_ in ("cop", "aux:pass")]
    return bool(auxiliaries) and not any(c.dep_ == "aux:tense" for c in children) \
        and all("Pres" in morph_of(a, "Tense") for a in auxiliaries)


def a_time_comes(verb: Any, lex: Lexicon) -> bool:
    """A verb of coming whose subject is a noun of time ("l'heure de combattre est venue pour le
    régiment", "c'est l'heure qui sonne"): it says a moment is there, figuratively; what is done
    in it is told by other verbs."""
    if lemma_of(verb) not in lex.coming_verbs:
        return False
    for child in children_of(verb):
        if child.dep_ in ("nsubj", "nsubj:pass"):
            subject = verb.head if _is_relative_pronoun(child) and verb.dep_ == "acl:relcl" else child
            return lemma_of(subject) in lex.time_nouns
    return False


def light_under_its_infinitive(verb: Any, lex: Lexicon) -> bool:
    """"Wolseley fait construire une route" parsed with "fait" hung on the infinitive after it: the
    causative's verb, an event of TimeML's, whose happening the infinitive tells (with the subject)."""
    head = verb.head
    return verb.dep_ == "dep" and lemma_of(verb) in lex.light_with_infinitive and head.i > verb.i \
        and head.pos_ == "VERB" and "Inf" in morph_of(head, "VerbForm")


def _is_relative_pronoun(token: Any) -> bool:
    return "Rel" in morph_of(token, "PronType")


def _tense(token: Any, language: str) -> str | None:
    if token.pos_ in ("VERB", "AUX") or _verbal(token):
        return verb_tense(token, language)
    copula = next((c for c in children_of(token) if c.dep_ == "cop"), None)  # "la liste sera complète"
    if copula is not None and "Fut" in morph_of(copula, "Tense"):
        return "future"
    return None


def historians_future(event: Event, timexes: dict[str, Timex], dct: Dct | None, dated_itself: bool = True) -> bool:
    """True for a future told of a dated past, the historians' future ("Napoléon sera exilé à
    Sainte-Hélène en 1815"): its own date is written out in full ("explicit") and falls before the
    publication date, or the text has none. It is then a fact; "la bibliothèque sera fermée le 2
    août" in an article of July stays a future. `dated_itself`: the date hangs on the event's own
    words; one its governor has ("En 1781, le roi décide de reprendre l'île") dates the decision,
    and what was decided stays ahead of it."""
    if event.factuality != "future" or event.time_inferred or event.date is None or not dated_itself:
        return False
    timex = timexes.get(event.time or "")
    if timex is None or timex.anchoring != "explicit":
        return False
    return dct is None or (event.date.latest or event.date.value) < dct.value
