"""The language data of the events layer, read from `resources/<lang>/events/` once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from annales.common.grammar import time_nouns
from annales.common.resources import load_rows

LAYER = "events"
TIMEML_CLASSES = frozenset({"OCCURRENCE", "STATE", "REPORTING", "PERCEPTION", "ASPECTUAL", "I_ACTION", "I_STATE"})
GOVERNOR_EFFECTS = frozenset({"modal", "future", "possible"})


@dataclass(frozen=True)
class Lexicon:
    event_nouns: frozenset[str]  # lemmas of nouns that name something happening
    dated_event_nouns: frozenset[str]  # ... only when a date says when it takes place ("le sommet", "la soirée")
    taking_place: frozenset[str]  # verbs whose dated subject is such a happening ("se tenir", "avoir lieu")
    never_events: frozenset[str]  # verb lemmas that are never events themselves (the copula)
    light_with_infinitive: frozenset[str]  # verb lemmas that are no event when they govern an infinitive
    light_with_marked_infinitive: frozenset[str]  # ... when their infinitive has a preposition ("vient de")
    reflexive_non_events: frozenset[str]  # verb lemmas that are no event when reflexive ("il s'agit")
    deverbal: tuple[tuple[str, tuple[str, ...]], ...]  # (noun ending, verb endings), longest ending first
    non_event_nouns: frozenset[str]  # deverbal-looking nouns naming a thing, a group, a place
    people_when_plural: frozenset[str]  # nouns naming people in the plural ("les morts")
    classes: dict[str, str]  # lemma -> TimeML class
    governors: dict[str, str]  # verb lemma -> "modal", "future" or "possible" (what it makes of its complement)
    negative_determiners: frozenset[str]
    negative_prepositions: frozenset[str]
    restrictives: frozenset[str]
    hypotheticals: frozenset[str]
    hearsay: frozenset[str]
    binding_prepositions: frozenset[str]  # prepositions that build compound nouns ("navires de débarquement")
    quantifiers: frozenset[str]  # open counts before a plural noun ("plusieurs", "quelques"): a kind of happening
    concessives: frozenset[str]  # conjunctions after which a subjunctive tells a fact ("bien que", "quoique")
    jussives: frozenset[str]  # what opens a main clause of wish or order ("Que le peuple se lève")
    time_units: frozenset[str]  # surfaces of time units ("ans" of "dix ans de prison")
    reflexive_pronoun: str  # how classes.tsv writes a reflexive verb ("se trouver")
    # Frames whose noun names a happening ("lors du sommet", "entreprendre un jeûne"): word -> how the noun
    # hangs from it ("obj" or prepositions), one table for the locutions' heads, one for the verbs.
    frame_heads: dict[str, frozenset[str]] = field(default_factory=dict)
    frame_verbs: dict[str, frozenset[str]] = field(default_factory=dict)
    frame_openers: dict[str, frozenset[str]] = field(default_factory=dict)  # "cours" -> {"au"}; "lors" -> {}
    people_nouns: frozenset[str] = frozenset()  # nouns naming people or a force (`human_nouns.tsv`)
    force_nouns: frozenset[str] = frozenset()  # of those, the ones naming a force ("régiment", "flotte")
    demonstratives: frozenset[str] = frozenset()  # "c'", "ce": the subject of "c'est" (back_dating_subjects.tsv)
    time_nouns: frozenset[str] = frozenset()  # "heure", "moment": a time whose coming is no happening
    coming_verbs: frozenset[str] = frozenset()  # "venir", "sonner": ... told by these verbs
    agent_prepositions: frozenset[str] = frozenset()  # "par": the agent of a passive ("perpétrés par le PKK")
    relation_verbs: frozenset[str] = frozenset()  # "opposer": with a happening as subject, a relation (a STATE)
    causal_verbs: frozenset[str] = frozenset()  # "provoquer": with a happening as subject, a causal statement
    performative_verbs: frozenset[str] = frozenset()  # "proclamer": with a noun for object, the act it says
    infinitive_governors: frozenset[str] = frozenset()  # governors of an infinitive only ("charger de")
    plan_participles: frozenset[str] = frozenset()  # "la manifestation prévue samedi": to come
    terrain_nouns: frozenset[str] = frozenset()  # "une croupe abrite un régiment": the lie of the land
    still_adverbs: frozenset[str] = frozenset()  # "sont toujours hospitalisés": a state that holds
    then_adverbs: frozenset[str] = frozenset()  # "avait alors cédé": at the time told last
    etre_verbs: frozenset[str] = frozenset()  # "sont tombés": a compound past with être
    # "le pont traverse la Loire": a thing described -> whether only the reflexive form describes ("s'étend")
    describing_verbs: dict[str, bool] = field(default_factory=dict)
    occurring: frozenset[str] = frozenset()  # "avoir lieu", "se tenir": a dated subject happens, whatever the noun
    # noun -> the heads it names a place or a body with: "fête" -> {"salle", "comité"}
    compound_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    tense_auxiliaries: frozenset[str] = frozenset()  # "avoir", "être": the only verbs that make a compound tense
    # "faute" -> "de": a bare noun making a preposition with the one after it ("faute de vivres")
    locution_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    incise_verbs: frozenset[str] = frozenset()  # "dit", "répondit": after a spoken sentence, followed by its subject


def _markers(language: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for kind, word in load_rows(language, LAYER, "markers.tsv", 2):
        out.setdefault(kind, set()).add(word.lower())
    return {kind: frozenset(words) for kind, words in out.items()}


def _frames(language: str, kind: str, column: int = 2) -> dict[str, frozenset[str]]:
    return {row[1].lower(): frozenset(w.strip().lower() for w in row[column].split(",") if w.strip() != "-")
            for row in load_rows(language, LAYER, "event_frames.tsv", 4) if row[0] == kind}


@cache
def lexicon(language: str) -> Lexicon:
    # Event nouns live in common/ (the time layer reads them: a date modifying one is its date); the
    # longer list in events/ only widens what the events layer takes as a trigger.
    nouns = {row[0].lower() for row in load_rows(language, "common", "event_nouns.tsv")}
    nouns |= {row[0].lower() for row in load_rows(language, LAYER, "event_nouns.tsv")}
    light = load_rows(language, LAYER, "light_verbs.tsv")
    non_events = load_rows(language, LAYER, "non_event_nouns.tsv", 2)
    classes = {row[0]: row[1] for row in load_rows(language, LAYER, "classes.tsv", 2)}
    unknown = set(classes.values()) - TIMEML_CLASSES
    if unknown:  # a typo in the resource would silently become a class no reader knows
        raise ValueError(f"events/classes.tsv: unknown classes {sorted(unknown)}")
    governor_rows = load_rows(language, LAYER, "governors.tsv")
    governors = {row[0]: row[1] for row in governor_rows}
    if set(governors.values()) - GOVERNOR_EFFECTS:
        raise ValueError(f"events/governors.tsv: unknown effects {sorted(set(governors.values()) - GOVERNOR_EFFECTS)}")
    deverbal = sorted(((row[0], tuple(row[1:])) for row in load_rows(language, LAYER, "deverbal.tsv")),
                      key=lambda r: -len(r[0]))
    markers = _markers(language)
    dated = load_rows(language, LAYER, "dated_event_nouns.tsv", 2)
    return Lexicon(
        event_nouns=frozenset(nouns),
        relation_verbs=frozenset(row[0].lower() for row in load_rows(language, LAYER, "relation_verbs.tsv", 2)),
        causal_verbs=frozenset(row[0].lower() for row in load_rows(language, LAYER, "causal_verbs.tsv")),
        performative_verbs=frozenset(row[0].lower() for row in load_rows(language, LAYER, "performative_verbs.tsv")),
        dated_event_nouns=frozenset(row[1].lower() for row in dated if row[0] == "noun"),
        taking_place=frozenset(row[1].lower() for row in dated if row[0] in ("verb", "occurs")),
        occurring=frozenset(row[1].lower() for row in dated if row[0] == "occurs"),
        never_events=frozenset(row[0] for row in light if row[1] == "always"),
        light_with_infinitive=frozenset(row[0] for row in light if row[1] == "with-infinitive"),
        light_with_marked_infinitive=frozenset(row[0] for row in light if row[1] == "with-marked-infinitive"),
        reflexive_non_events=frozenset(row[0] for row in light if row[1] == "reflexive"),
        deverbal=tuple(deverbal),
        non_event_nouns=frozenset(row[0] for row in non_events if row[1] == "always"),
        people_when_plural=frozenset(row[0] for row in non_events if row[1] == "plural"),
        compound_nouns={row[0].lower(): frozenset(row[1].lower().split(","))
                        for row in load_rows(language, LAYER, "compound_nouns.tsv", 2)},
        classes=classes,
        governors=governors,
        infinitive_governors=frozenset(row[0] for row in governor_rows if row[2:3] == ("infinitive",)),
        plan_participles=frozenset(row[0] for row in load_rows(language, LAYER, "plan_participles.tsv")),
        terrain_nouns=frozenset(row[0] for row in load_rows(language, LAYER, "terrain_nouns.tsv")),
        still_adverbs=frozenset(row[0] for row in load_rows(language, LAYER, "still_adverbs.tsv")),
        then_adverbs=frozenset(row[0] for row in load_rows(language, LAYER, "then_adverbs.tsv")),
        etre_verbs=frozenset(row[0] for row in load_rows(language, LAYER, "etre_verbs.tsv", 1)),
        describing_verbs={row[0]: len(row) > 1 and row[1] == "se"
                          for row in load_rows(language, LAYER, "describing_verbs.tsv")},
        negative_determiners=markers.get("negative-determiner", frozenset()),
        negative_prepositions=markers.get("negative-preposition", frozenset()),
        restrictives=markers.get("restrictive", frozenset()),
        hypotheticals=markers.get("hypothetical", frozenset()),
        hearsay=markers.get("hearsay", frozenset()),
        binding_prepositions=markers.get("binding-preposition", frozenset()),
        quantifiers=markers.get("quantifier", frozenset()),
        concessives=markers.get("concessive", frozenset()),
        jussives=markers.get("jussive", frozenset()),
        time_units=frozenset(row[0].lower() for row in load_rows(language, "common", "time_units.tsv")),
        reflexive_pronoun=next(iter(markers.get("reflexive", frozenset({""})))),
        frame_heads=_frames(language, "head"),
        frame_verbs=_frames(language, "verb"),
        frame_openers=_frames(language, "head", 3),
        people_nouns=frozenset(row[0].lower() for row in load_rows(language, LAYER, "human_nouns.tsv")),
        force_nouns=frozenset(row[0].lower() for row in load_rows(language, LAYER, "human_nouns.tsv", 2)
                              if row[1] == "force"),
        time_nouns=time_nouns(language),
        coming_verbs=markers.get("coming-verb", frozenset()),
        agent_prepositions=frozenset(row[0].lower() for row in load_rows(language, LAYER, "agent_prepositions.tsv")),
        tense_auxiliaries=markers.get("tense-auxiliary", frozenset()),
        locution_nouns={row[0].lower(): frozenset(row[1].lower().split())
                        for row in load_rows(language, LAYER, "locution_nouns.tsv", 2)},
        incise_verbs=frozenset(row[0].lower().replace("’", "'")
                               for row in load_rows(language, "common", "incise_verbs.tsv")),
        demonstratives=frozenset(row[0].lower() for row in load_rows(language, LAYER, "back_dating_subjects.tsv")),
    )
