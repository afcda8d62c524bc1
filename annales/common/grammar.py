"""What the parse says of a verb: its tense, read from spaCy's morphology.

Tense, VerbForm and Mood are language-blind Universal Dependencies features; periphrastic tenses
("va lancer", "vient de tomber") come from `resources/<lang>/common/tense_auxiliaries.tsv`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from annales.common.parse import answered_once, children_of, children_where, has_child_dep, morph_of
from annales.common.resources import exists, load_rows

IMPERFECT_AUXILIARIES = "imperfect_auxiliaries.tsv"
FUTURE_STEM_CHANGES = "future_stem_changes.tsv"
PRESENT_SINGULAR = "present_singular.tsv"
FUTURE_STEMS = "future_stems.tsv"
INFLECTIONS = "inflections.tsv"


@cache
def participle_endings(language: str) -> tuple[str, ...]:
    """The endings of past participles (`common/participle_endings.tsv`)."""
    return tuple(row[0] for row in load_rows(language, "common", "participle_endings.tsv"))


def bare_participle(token: Any) -> bool:
    """A past participle without an auxiliary ("blessé le 8 avril", "élu en mars"): its time is its own."""
    return token.pos_ in ("VERB", "AUX") and "Part" in morph_of(token, "VerbForm") \
        and "Pres" not in morph_of(token, "Tense") and not children_where(token, lambda dep: dep.startswith("aux"))


def auxiliary_of_a_participle(token: Any) -> bool:
    """An auxiliary the parse made the head of its past participle ("avoir détourné" read with
    "détourné" under "avoir"): a tense's auxiliary, not a verb of its own."""
    if token.pos_ != "AUX":
        return False
    endings = participle_endings(token.doc.lang_ or "fr")
    # the ending, not the tagger's features: it may read the participle as an infinitive
    return any(("Part" in morph_of(c, "VerbForm") and "Pres" not in morph_of(c, "Tense")) or c.lower_.endswith(endings)
               for c in children_where(token, lambda dep: dep == "xcomp") if c.i > token.i)


def perfect_infinitive(verb: Any) -> bool:
    """"avoir falsifié", "être parti" (the parse may hang the participle under its auxiliary): what
    the verb governing it tells came after it, at a time of its own."""
    if "Inf" in morph_of(verb, "VerbForm") and auxiliary_of_a_participle(verb):
        return True
    return "Part" in morph_of(verb, "VerbForm") and any(
        "Inf" in morph_of(c, "VerbForm") for c in children_where(verb, lambda dep: dep == "aux:tense"))


def participle_disagrees(participle: Any, noun: Any) -> bool:
    """True when a participle's gender, as its written ending shows it, is not the one its noun's
    article shows ("du corps" against "transformée"). The ending, not the tagger's features: it reads
    a simple past as a participle ("attaqua"); the article, not the noun: it errs on the gender of
    nouns ("bataillons" read as feminine), seldom on "le", "la", "du"."""
    word = participle.lower_
    endings = participle_endings(participle.doc.lang_ or "fr")
    ending = max((e for e in endings if word.endswith(e)), key=len, default=None)
    if ending is None:
        return False
    gender = "Fem" if ending.endswith(("e", "es")) else "Masc"
    article = next((c for c in children_of(noun) if c.dep_ in ("det", "case") and c.i < noun.i
                    and morph_of(c, "Definite") and morph_of(c, "Gender")), None)
    return article is not None and gender not in morph_of(article, "Gender")


@cache
def _periphrastic(language: str) -> dict[str, str]:
    return {row[0]: row[1] for row in load_rows(language, "common", "tense_auxiliaries.tsv", 2)}


@answered_once  # asked of one verb by its factuality, its dating (several times) and the time layer
def verb_tense(verb: Any, language: str) -> str | None:
    """"past", "present", "future" or None (a bare participle says nothing of when)."""
    # Only a tense auxiliary makes a compound past ("a signé"); a passive one ("est fixé") keeps
    # its own tense.
    aux = children_where(verb, lambda dep: dep == "aux:tense") or \
        children_where(verb, lambda dep: dep.startswith("aux"))
    verb_form = morph_of(verb, "VerbForm")
    if aux:
        first = aux[0]
        periphrastic = _periphrastic(language).get(first.lemma_)
        if periphrastic and "Inf" in verb_form:
            return periphrastic
        tense = morph_of(first, "Tense")
        if "Fut" in tense or conditional(first):  # "serait perdu": the future of a past story
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
        return None  # "prévue le 15 septembre" says nothing of when
    tense = morph_of(verb, "Tense")
    if "Fut" in tense and simple_past_read_as_future(verb, language):
        return "past"
    if "Fut" in tense or conditional(verb):
        return "future"
    if "Past" in tense or "Imp" in tense:
        return "past"
    if "Pres" in tense:
        return "present"
    return None


def simple_past_read_as_future(verb: Any, language: str) -> bool:
    """A verb tagged future whose form lacks the future's letter before its ending ("je repartis",
    "ils entrèrent"), or, of a regular future stem ("-er"), the stem itself: "la flotte se resserra",
    "il entra" are simple pasts ("resserrera", "entrera")."""
    if verb.pos_ != "VERB" or children_where(verb, lambda dep: dep.startswith("aux")):
        return False
    lemma, form = verb.lemma_.lower(), verb.lower_
    endings = inflections(language)
    futures = endings.get("future", ())
    letters = endings.get("future-letter", ())
    if letters and not any(form.endswith(letter + ending) for letter in letters for ending in futures):
        return True  # no future is written without its letter before the ending
    stem = next((s for s in endings.get("future-stem", ()) if lemma.endswith(s)), None)
    if stem is None or lemma in endings.get("irregular-future", ()) or not form.startswith(lemma[:2]):
        return False
    return not any(form.endswith(stem + ending) for ending in futures)


@cache
def _future_stems(language: str) -> dict[str, str]:
    if not exists(language, "common", FUTURE_STEMS):
        return {}
    return {row[0]: row[1] for row in load_rows(language, "common", FUTURE_STEMS, 2)}


@cache
def _future_stem_changes(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    if not exists(language, "common", FUTURE_STEM_CHANGES):
        return ()
    return tuple((re.compile(row[0]), row[1]) for row in load_rows(language, "common", FUTURE_STEM_CHANGES, 2))


@cache
def inflections(language: str) -> dict[str, tuple[str, ...]]:
    """kind ("conditional", "future", …) -> the endings `resources/<lang>/common/inflections.tsv` lists."""
    if not exists(language, "common", INFLECTIONS):
        return {}
    out: dict[str, list[str]] = {}
    for kind, ending in load_rows(language, "common", INFLECTIONS, 2):
        out.setdefault(kind, []).append(ending)
    return {kind: tuple(endings) for kind, endings in out.items()}


@answered_once  # asked of a verb and of its auxiliaries by its modality, factuality, tense and dating
def conditional(verb: Any) -> bool:
    """A verb in the conditional: the tagger's mood, or a finite form made of the future's stem (the
    infinitive, without its final "e", or a stem listed in `future_stems.tsv`: "viendr-") and a
    conditional ending ("rendrait", "éclaterait"), which the tagger often reads as an imperfect."""
    if "Cnd" in morph_of(verb, "Mood"):
        return True
    if verb.pos_ not in ("VERB", "AUX") or "Fin" not in morph_of(verb, "VerbForm"):
        return False
    return spelled_tense(verb.lower_, verb.lemma_.lower(), verb.doc.lang_) == "conditional"


def spelled_tense(form: str, lemma: str, language: str) -> str | None:
    """"future" or "conditional" when the form (lower case) is the future's stem of `lemma` (the
    infinitive, without its final "e", or a stem listed in `future_stems.tsv`: "viendr-", "fer-")
    and an ending of that tense ("rendrait", "fera"); None otherwise."""
    # "rendre" -> "rendr-" drops the infinitive's final "e"; "engager" keeps its "r" ("engagea",
    # "engageait" are its simple past and imperfect, not "engage" + a future's or conditional's ending)
    stems = {lemma, lemma[:-1]} if lemma.endswith("e") else {lemma}
    known = _future_stems(language).get(lemma)
    if known:
        stems.add(known)
    for pattern, replacement in _future_stem_changes(language):
        changed = pattern.sub(replacement, lemma)
        if changed != lemma:
            stems.add(changed)
    endings = inflections(language)
    for tense in ("conditional", "future"):
        if any(form.endswith(ending) and form[:len(form) - len(ending)] in stems for ending in endings.get(tense, ())):
            return tense
    return None


@cache
def _present_singular(language: str) -> tuple[tuple[str, str], ...]:
    if not exists(language, "common", PRESENT_SINGULAR):
        return ()
    return tuple((row[0], row[1]) for row in load_rows(language, "common", PRESENT_SINGULAR, 2))


def spelled_present_singular(form: str, lemma: str, language: str) -> bool:
    """The form (lower case) is the singular of the present of `lemma` ("attaque" of "attaquer")."""
    return any(lemma.endswith(ending) and form == lemma[:len(lemma) - len(ending)] + present
               for ending, present in _present_singular(language))


def spelled_as(form: str, kind: str, language: str) -> bool:
    """False when the form (lower case) has none of the endings every form of `kind` has
    (`inflections.tsv` "imperfect", "infinitive"): the tagger reads some simple pasts as imperfects
    ("prirent") and some finite verbs as infinitives ("et recrute des porteurs" after "fait
    construire"). True when it has one, or when the language lists none."""
    endings = inflections(language).get(kind)
    return not endings or form.endswith(endings)


@cache
def _imperfect_auxiliaries(language: str) -> frozenset[str]:
    if not exists(language, "common", IMPERFECT_AUXILIARIES):
        return frozenset()
    return frozenset(row[0] for row in load_rows(language, "common", IMPERFECT_AUXILIARIES, 1))


def participle_before_a_date(date: Any) -> Any | None:
    """The past participle describing a noun written right before a bare date whose words `date`
    heads ("Les otages libérés dimanche sont arrivés", "les manifestants interpellés samedi seront
    jugés"), when the parse hung the date elsewhere (the main verb's subject, the noun's complement):
    the date's verb. None when there is none, or when the date has a preposition of its own."""
    first = date.left_edge
    if first.i == 0 or has_child_dep(date, "case"):
        return None
    participle = date.doc[first.i - 1]
    if participle.dep_ != "acl" or participle.pos_ != "VERB" or date.head.i == participle.i \
            or "Part" not in morph_of(participle, "VerbForm"):
        return None
    return participle


def detached_participle(noun: Any) -> Any | None:
    """The bare past participle set off by a comma right after a noun's phrase that agrees with the
    noun ("la fermeture, prévue en septembre, du centre", "la fermeture du centre, prévue en
    septembre"), when the parse hung it on the sentence's verb: what it tells is said of the noun."""
    doc = noun.doc
    comma = noun.right_edge.i + 1
    if comma + 1 >= len(doc) or not doc[comma].is_punct or doc[comma].text != ",":
        return None
    participle = doc[comma + 1]
    if participle.head.i == noun.i or not bare_participle(participle) or participle_disagrees(participle, noun):
        return None
    number, gender = morph_of(noun, "Number"), morph_of(noun, "Gender")
    if number and morph_of(participle, "Number") and morph_of(participle, "Number") != number:
        return None
    if gender and morph_of(participle, "Gender") and morph_of(participle, "Gender") != gender:
        return None
    return participle


def pluperfect(verb: Any) -> bool:
    """"avait vu", "étaient partis": a past before the past, the tense of a flashback or a reminder.
    The tagger gives some imperfect auxiliaries the present ("j'avais fait"): their forms are listed."""
    if "Part" not in morph_of(verb, "VerbForm"):
        return False
    aux = children_where(verb, lambda dep: dep == "aux:tense")
    if not aux:
        # "ils avaient repris puis perdu le village": a participle joined to another shares its auxiliary
        return verb.dep_ == "conj" and verb.head.i < verb.i and not children_where(verb, lambda dep: dep.startswith(
            ("nsubj", "aux"))) and pluperfect(verb.head)
    return "Imp" in morph_of(aux[0], "Tense") or aux[0].lower_ in _imperfect_auxiliaries(verb.doc.lang_)


def negated(verb: Any) -> bool:
    return any("Neg" in morph_of(c, "Polarity") for c in children_of(verb))


@cache
def _noun_date_prepositions(language: str) -> dict[str, str]:
    return {row[0].lower(): row[1] for row in load_rows(language, "common", "noun_date_prepositions.tsv", 2)}


@cache
def time_nouns(language: str) -> frozenset[str]:
    """Lemmas of the nouns naming a time ("heure", "date"): `resources/<lang>/common/time_nouns.tsv`."""
    return frozenset(row[0].lower() for row in load_rows(language, "common", "time_nouns.tsv"))


def nouns_taking_the_date(date: Any, language: str) -> str | None:
    """Which nouns take a date by its own preposition: "all" ("de": "la loi du 28 février", "le Paris
    de 1900"), "time" (a noun naming a time, by "à": "une date au mois de mai"), None (another
    preposition, or none)."""
    prepositions = _noun_date_prepositions(language)
    kinds = {prepositions.get(case.lower_) for case in children_where(date, lambda dep: dep == "case")}
    return "all" if "all" in kinds else "time" if "time" in kinds else None


def names_a_nouns_time(date: Any, language: str) -> bool:
    """The date's own preposition is one by which a date names its noun's time ("la loi du 28
    février", "un vétéran de 1870", "une date au mois de mai"); a date under a noun with another
    ("les principautés en juillet 1853"), with one the noun takes none by ("une minute de silence à
    11 heures") or with none ("la ville le 4 octobre") is the parser's slip, and times the clause."""
    nouns = nouns_taking_the_date(date, language)
    if nouns == "all" or (nouns == "time" and date.head.lemma_.lower() in time_nouns(language)):
        return True
    # "X, le trésorier du club en 1975, a été arrêté hier": among a subject's words before its verb,
    # a date is said of the subject whatever its preposition.
    top = date
    for _ in range(20):  # a noun phrase is never deeper
        if not top.dep_.startswith("nmod") or top.head.i == top.i:
            break
        top = top.head
    return top.dep_.startswith("nsubj") and date.i < top.head.i
