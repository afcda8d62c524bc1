"""Who acts in an event and where: roles from the parse, pronouns and group nouns followed back
through the text (`resolved_from`), places from prepositions and datelines, never a place as agent."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from annales.context import Context
from annales.events.participants import Participants, entities_by_token
from annales.model import Analysis, Event
from annales.pipeline import analyze

DCT = "1916-06-10"


def _analyze(text: str, context: Context) -> Analysis:
    return analyze(text, DCT, context=context)


def _event(analysis: Analysis, lemma: str) -> Event:
    return next(e for e in analysis.events if e.trigger.lemma == lemma)


def _name(analysis: Analysis, entity_id: str) -> str:
    return next(e.name for e in analysis.entities if e.id == entity_id)


def _roles(analysis: Analysis, event: Event) -> dict[str, str]:
    return {_name(analysis, p.entity): p.role for p in event.participants}


def _resolved(analysis: Analysis, event: Event) -> dict[str, str]:
    """Participant name -> the words it was resolved from."""
    return {_name(analysis, p.entity): analysis.text[p.resolved_from.start:p.resolved_from.end]
            for p in event.participants if p.resolved_from is not None}


def _places(analysis: Analysis, event: Event) -> list[str]:
    return [_name(analysis, p) for p in event.places]


def test_a_subject_pronoun_is_the_person_told_before(context: Context) -> None:
    analysis = _analyze("Le général Joffre arrive à Reims le 3 mai. Il inspecte les tranchées.", context)
    inspection = _event(analysis, "inspecter")
    assert _roles(analysis, inspection) == {"Joffre": "agent"}
    assert _resolved(analysis, inspection) == {"Joffre": "Il"}
    # Named in its own words, a participant was not resolved from anything.
    assert all(p.resolved_from is None for p in _event(analysis, "arriver").participants)


def test_a_pronoun_chain_goes_on(context: Context) -> None:
    analysis = _analyze("Le général Joffre arrive à Reims. Il inspecte les tranchées. Il repart le soir.", context)
    assert _resolved(analysis, _event(analysis, "repartir")) == {"Joffre": "Il"}


def test_an_impersonal_il_names_no_one(context: Context) -> None:
    analysis = _analyze("Le général Joffre arrive à Reims. Il faut attendre les renforts.", context)
    for event in analysis.events:
        if event.trigger.lemma != "arriver":
            assert event.participants == [], event


def test_a_unit_named_by_its_number_alone(context: Context) -> None:
    analysis = _analyze("Le 9e régiment d'infanterie quitte Valmy le 4 août. Le lendemain, le 9e prend Sommepy.",
                        context)
    capture = _event(analysis, "prendre")
    assert _roles(analysis, capture) == {"9e régiment d'infanterie": "agent", "Sommepy": "patient"}
    assert _resolved(analysis, capture) == {"9e régiment d'infanterie": "le 9e"}


def test_a_number_alone_without_such_a_unit_is_no_one(context: Context) -> None:
    analysis = _analyze("Le 9e régiment d'infanterie quitte Valmy. Le 14e prend Sommepy.", context)
    assert "9e régiment d'infanterie" not in _roles(analysis, _event(analysis, "prendre"))


def test_a_bare_group_noun_is_the_unit_told_before(context: Context) -> None:
    analysis = _analyze("Le 152e régiment d'infanterie débarque à Gérardmer. Le régiment monte vers le col.", context)
    climb = _event(analysis, "monter")
    assert _roles(analysis, climb) == {"152e régiment d'infanterie": "agent"}
    assert _resolved(analysis, climb) == {"152e régiment d'infanterie": "Le régiment"}


def test_a_rank_alone_is_the_person_given_that_rank(context: Context) -> None:
    analysis = _analyze("Le général Mangin arrive à Soissons avec le capitaine Roux. Le général repart le soir.",
                        context)
    departure = _event(analysis, "repartir")
    assert _roles(analysis, departure) == {"Mangin": "agent"}  # not Roux, a capitaine
    assert _resolved(analysis, departure) == {"Mangin": "Le général"}


def _finder_at(analysis: Analysis, word: str) -> tuple[dict[str, str], list[str]]:
    """(roles, places) of the event `word` would trigger, asked of the participants finder itself:
    what it reads from the parse and the text, whether or not the events layer lists the word."""
    doc = analysis.doc
    entity_at, ranks_of = entities_by_token(analysis, doc)
    finder = Participants(analysis, doc, set(), entity_at, ranks_of)
    token = next(t for t in doc if t.text == word)
    participants, places = finder.of(token)
    return {_name(analysis, p.entity): p.role for p in participants}, [_name(analysis, p) for p in places]


def _roles_at(analysis: Analysis, word: str) -> dict[str, str]:
    return _finder_at(analysis, word)[0]


@pytest.mark.parametrize(("text", "word", "roles"), [
    # passive with its "par" agent
    ("Le capitaine Roux fut blessé par le lieutenant Pinel.", "blessé", {"Roux": "patient", "Pinel": "agent"}),
    # the antecedent of a relative pronoun
    ("Le général Mangin, qui attaqua Soissons, fut remplacé.", "attaqua", {"Mangin": "agent", "Soissons": "patient"}),
    # a participle modifying a noun: the noun is what was done to; with a verb of motion, who moved
    ("Le colonel Driant, tué le 22 février, commandait deux bataillons.", "tué", {"Driant": "patient"}),
    ("Le général Mangin, arrivé à Soissons, commande la division.", "arrivé", {"Mangin": "agent"}),
    # an infinitive under a light verb: its governor's subject
    ("Le général Mangin va attaquer la ferme.", "attaquer", {"Mangin": "agent"}),
    # an infinitive under an object-control verb: the one ordered
    ("Le général Mangin ordonne au capitaine Roux d'attaquer la ferme.", "attaquer", {"Roux": "agent"}),
    # a conjoined verb shares the subject
    ("Le capitaine Roux débarque à Gérardmer et prend le train.", "prend", {"Roux": "agent"}),
])
def test_roles_through_the_parse(context: Context, text: str, word: str, roles: dict[str, str]) -> None:
    assert _roles_at(_analyze(text, context), word) == roles


def test_a_place_is_never_an_agent(context: Context) -> None:
    analysis = _analyze("Le 2 mai 1808, la ville de Madrid se soulève contre Murat. "
                        "Après la bataille, Verdun résiste au général Falkenhayn.", context)
    types = {e.id: e.type for e in analysis.entities}
    for event in analysis.events:
        assert not [p for p in event.participants if p.role == "agent" and types[p.entity] == "place"], event
    assert _places(analysis, _event(analysis, "soulever")) == ["Madrid"]
    assert _places(analysis, _event(analysis, "résister")) == ["Verdun"]


@pytest.mark.parametrize(("text", "word", "place"), [
    ("Le capitaine Roux débarque à Gérardmer.", "débarque", "Gérardmer"),
    ("Le général Mangin avance vers Soissons.", "avance", "Soissons"),
    ("Le capitaine Roux attend près de Verdun.", "attend", "Verdun"),
    ("Le lieutenant Pinel pénètre dans Péronne.", "pénètre", "Péronne"),
])
def test_places_from_prepositions(context: Context, text: str, word: str, place: str) -> None:
    roles, places = _finder_at(_analyze(text, context), word)
    assert places == [place]
    assert place not in roles  # where it happened, not who took part


def test_a_dateline_places_its_dispatch(context: Context) -> None:
    analysis = _analyze("NANCY, 15 mars. — Le général Foch inspecte les tranchées. Il repart le soir.\n\n"
                        "Le préfet Martin visite l'hôpital.", context)
    assert _finder_at(analysis, "inspecte")[1] == ["NANCY"]
    assert _finder_at(analysis, "repart")[1] == ["NANCY"]
    assert _finder_at(analysis, "visite")[1] == []  # a new paragraph, no dateline


def test_a_pronoun_agrees_in_gender(context: Context) -> None:
    """A name the parse marks neither way is masculine: "elle" is not the général."""
    analysis = _analyze("Le général Mangin arrive à Soissons. Elle est détruite le soir.", context)
    assert _roles_at(analysis, "détruite") == {}


def test_a_subject_that_is_no_entity_stands_in_the_way(context: Context) -> None:
    """"Il" after "le train repart" is the train, which is no entity: left unresolved, not given to Roux."""
    analysis = _analyze("Le capitaine Roux arrive à Verdun. Le train repart le soir. Il traverse la ville.", context)
    assert _roles_at(analysis, "traverse") == {}
    analysis = _analyze("Le capitaine Roux arrive à Verdun. Le soir, il traverse la ville.", context)
    assert _roles_at(analysis, "traverse") == {"Roux": "agent"}


def test_a_group_noun_is_never_a_unit_of_another_kind(context: Context) -> None:
    analysis = _analyze("Le 2e bataillon arrive à Suippes. Le régiment part le soir.", context)
    assert "2e bataillon" not in _roles_at(analysis, "part")


def test_a_support_verb_lends_its_subject_to_the_event_noun(context: Context) -> None:
    analysis = _analyze("Le général Mangin engage le combat.", context)
    assert _roles_at(analysis, "combat") == {"Mangin": "agent"}


def test_a_title_naming_a_place_and_a_date_is_no_dateline(context: Context) -> None:
    analysis = _analyze("NANCY, août 1914 : la guerre des Vosges\nLe général Dubail arrive le 25 août.", context)
    assert any(e.name == "NANCY" and e.type == "place" for e in analysis.entities)
    assert _finder_at(analysis, "arrive")[1] == []


def test_a_number_counting_a_noun_is_no_unit(context: Context) -> None:
    analysis = _analyze("Le 2e bataillon arrive à Suippes. Le général Mangin repousse la 2e attaque.", context)
    assert "2e bataillon" not in _roles_at(analysis, "repousse")


def test_an_impersonal_passive_names_no_one(context: Context) -> None:
    """"Il est décidé d'attaquer": the decision's subject is the clause, not the général."""
    analysis = _analyze("Le général Mangin arrive à Soissons. Il est décidé d'attaquer la ferme.", context)
    assert _roles_at(analysis, "décidé") == {}


@pytest.mark.parametrize(("text", "trigger", "agent"), [
    ("Vers 18 heures, un bombardement allemand détruit la tranchée.", "bombardement", "allemand"),
    ("L'invasion française échoue en 1809.", "invasion", "française"),
])
def test_a_peoples_adjective_is_the_agent_of_an_event_noun(text: str, trigger: str, agent: str) -> None:
    analysis = analyze(text)
    (event,) = [e for e in analysis.events if e.trigger.text == trigger]
    assert [(p.role, text[p.phrase.start:p.phrase.end]) for p in event.participants if p.phrase] == [("agent", agent)]


def test_an_adjective_of_no_people_names_no_agent() -> None:
    analysis = analyze("Le bombardement quotidien continue.")
    (event,) = [e for e in analysis.events if e.trigger.text == "bombardement"]
    assert event.participants == []


def test_a_place_completing_a_subject_that_names_a_happening_is_not_the_verbs_place(context: Context) -> None:
    analysis = _analyze("La prise de Verdun inquiète le général Dubail.", context)
    assert _finder_at(analysis, "inquiète")[1] == []
    analysis = _analyze("La ville de Verdun se souleva.", context)
    assert _finder_at(analysis, "souleva")[1] == ["Verdun"]


def test_a_date_the_parse_made_a_second_subject_takes_no_part(context: Context) -> None:
    # The parse may make "Le même jour" the subject of the subordinate verb, with the name after it
    # as its conjunct, beside that verb's own subject: the date and its conjunct are no subject.
    analysis = _analyze("Le même jour, Bertin apprenant que l'ennemi avait posé son camp près du gué, "
                        "envoya deux compagnies.", context)
    doc = analysis.doc
    at = {t.text: t.i for t in doc}
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    heads[at["jour"]], deps[at["jour"]] = at["posé"], "nsubj"
    heads[at["Bertin"]], deps[at["Bertin"]] = at["jour"], "conj"
    misread = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
                  heads=heads, deps=deps, pos=[t.pos_ for t in doc], lemmas=[t.lemma_ for t in doc],
                  morphs=[str(t.morph) for t in doc], sent_starts=[t.is_sent_start for t in doc])
    entity_at, ranks_of = entities_by_token(analysis, misread)
    assert any(e.name == "Bertin" for e in entity_at.values())
    assert misread[at["jour"]].i in Participants(analysis, misread, set(), entity_at, ranks_of).dates
    participants, _ = Participants(analysis, misread, set(), entity_at, ranks_of).of(misread[at["posé"]])
    named = {next(e.name for e in analysis.entities if e.id == p.entity) for p in participants if p.entity}
    assert "Bertin" not in named
    assert any(p.phrase is not None and p.role == "agent" for p in participants)  # "l'ennemi"


def test_a_simple_past_the_tagger_read_as_a_participle_has_its_subject_as_agent(context: Context) -> None:
    # "attaqua" hung on "colonel" as if it described him, with the relative clause between: a simple
    # past ends as no participle does, the colonel attacks.
    analysis = _analyze("Le 3 mai 1871, le colonel Dufresne, qui commandait la brigade, attaqua le village.", context)
    attack = next(e for e in analysis.events if e.trigger.text == "attaqua")
    assert _roles(analysis, attack) == {"Dufresne": "agent"}


def test_a_past_participle_describing_a_name_still_has_it_as_patient(context: Context) -> None:
    analysis = _analyze("Le colonel Dufresne, tué le 14 septembre, fut enterré à Reims.", context)
    killed = next(e for e in analysis.events if e.trigger.text == "tué")
    assert _roles(analysis, killed) == {"Dufresne": "patient"}


def test_a_simple_past_after_its_subjects_complement_has_that_subject_as_agent(context: Context) -> None:
    # "attaqua" hung on "régiment" with "d'infanterie" between: the regiment attacks.
    analysis = _analyze("Le 28 février 1915, le 12e régiment d'infanterie attaqua le bois de Malancourt.", context)
    attack = next(e for e in analysis.events if e.trigger.text == "attaqua")
    agents = [p.entity for p in attack.participants if p.role == "agent"]
    assert [e.type for e in analysis.entities if e.id in agents] == ["unit"]


def test_the_subject_of_an_absolute_participle_is_not_the_main_verbs(context: Context) -> None:
    # "Les Anglais ayant échoué, …": a participial clause of its own, whose subject the parse may also
    # give the main verb; set off by commas, a participle describes the subject, which acts.
    analysis = _analyze("Les Anglais ayant échoué devant le fort, le comte de Vaudreuil prit le commandement "
                        "en 1762. Les Helvètes, privés de vivres depuis un mois, lui adressèrent trois émissaires.",
                        context)
    assert _roles(analysis, _event(analysis, "échouer")) == {"Anglais": "agent"}
    assert "Anglais" not in _roles(analysis, _event(analysis, "prendre"))
    sent = _event(analysis, "adresser")
    assert {_name(analysis, p.entity): p.role for p in sent.participants if p.entity}.get("Helvètes") == "agent"


def test_a_pronoun_stands_for_the_main_clauses_subject_of_the_sentence_before(context: Context) -> None:
    # "où le roi le fait duc" is a clause inside the sentence; "Il" goes on with Jean Bart, the subject
    # the sentence is about. Inside the pronoun's own sentence the nearest subject stays the one.
    analysis = _analyze("En 1782, Jean Bart rentre à Madrid où le roi le fait duc. Il prend ensuite le "
                        "commandement de la flotte.", context)
    assert _resolved(analysis, _event(analysis, "prendre")) == {"Jean Bart": "Il"}


def test_a_place_completing_a_persons_words_is_no_place_of_the_event(context: Context) -> None:
    # "le dernier poilu de Bretagne", "le maire de Lyon": who they are; "une délégation dans le Jura"
    # says where, whatever noun the parse hung it on
    analysis = _analyze("Le dernier poilu de Bretagne, Jean Le Goff, s'est éteint le 12 mars 1998. "
                        "Le maire de Lyon conduisit une délégation dans le Jura.", context)
    assert _places(analysis, _event(analysis, "éteindre")) == []
    assert _places(analysis, _event(analysis, "conduire")) == ["Jura"]


def _phrases(analysis: Analysis, event: Event) -> list[tuple[str, str]]:
    text = analysis.text
    return [(p.role, text[p.phrase.start:p.phrase.end]) for p in event.participants if p.phrase]


def test_a_verb_the_tagger_read_as_an_adverb_after_its_subject_pronoun(context: Context) -> None:
    # "incendient" is read as an adverb and "ils" hung on the object: French puts the verb after
    # its subject pronoun, and the pronoun stands for the soldiers.
    analysis = _analyze("Le 3 mai, les soldats quittent la ville. Avant de partir, ils incendient une partie "
                        "de l'arsenal.", context)
    burning = _event(analysis, "incendier")
    assert _phrases(analysis, burning) == [("agent", "les soldats")]


def test_a_side_named_by_a_capitalised_noun_of_people_acts(context: Context) -> None:
    analysis = _analyze("Le 18 décembre, les Alliés décident d'évacuer la ville. Le soir, ils embarquent.", context)
    assert _phrases(analysis, _event(analysis, "décider")) == [("agent", "les Alliés")]
    assert _phrases(analysis, _event(analysis, "embarquer")) == [("agent", "les Alliés")]


def test_a_bare_participle_that_does_not_agree_with_the_subject_is_not_said_of_it(context: Context) -> None:
    # "défendu" (singular) describes the post, not the warriors who attack it.
    analysis = _analyze("Le 22 janvier, quelque 4 000 guerriers se lancent contre le poste du gué, défendu par "
                        "150 soldats.", context)
    defended = _event(analysis, "défendre")
    assert _phrases(analysis, defended) == [("agent", "150 soldats")]


# Session 24: our own sentences.
def test_an_event_noun_qualified_by_the_adjective_of_a_persons_name_is_that_persons(context: Context) -> None:
    analysis = analyze("En juin 1812, l'empereur Napoléon franchit le Niémen avec la Grande Armée. Son frère Jérôme "
                       "Napoléon commande l'aile droite. La retraite napoléonienne commence en octobre.",
                       context=context)
    assert _roles(analysis, _event(analysis, "retraite")) == {"Napoléon": "agent"}


def test_an_infinitive_the_tagger_took_for_a_noun_shares_its_governors_subject(context: Context) -> None:
    analysis = analyze("Les Vendéens, qui espéraient la paix, finirent par se révolter contre la Convention.",
                       context=context)
    event = next(e for e in analysis.events if e.trigger.text == "révolter")
    assert any(p.role == "agent" and p.entity is not None and "Vendéens" in _name(analysis, p.entity)
               for p in event.participants)


def test_a_pronoun_stands_for_the_subject_of_its_sentence_the_parse_made_a_root(context: Context) -> None:
    analysis = analyze("Le général Garnet Marbot arrive. Le roi Kofi Asante a abandonné la ville. Marbot fait "
                       "occuper le palais. Le roi signe en mars le traité, par lequel il renonce à toute "
                       "prétention.", context=context)
    assert _roles(analysis, _event(analysis, "renoncer")) == {"Kofi Asante": "agent"}


def test_qui_hung_as_an_adverbial_clause_stands_for_the_name_before_it(context: Context) -> None:
    analysis = analyze("Le gouvernement de Paris confie alors le commandement au général Joseph Gallieni, qui "
                       "arrive à Tananarive le 2 octobre.", context=context)
    assert _roles(analysis, _event(analysis, "arriver")).get("Joseph Gallieni") == "agent"


def test_a_participle_read_as_a_noun_opening_the_sentence_is_said_of_its_subject(context: Context) -> None:
    analysis = analyze("Le 14e régiment d'infanterie quitte Toulouse le 4 août 1914. Arrêté le 12 août, le "
                       "régiment reprend sa marche le lendemain.", context=context)
    assert _roles(analysis, next(e for e in analysis.events if e.trigger.text == "Arrêté")) == \
        {"14e régiment d'infanterie": "patient"}


def test_the_sides_a_verb_of_relation_names_are_its_happenings(context: Context) -> None:
    analysis = analyze("La guerre des Ashanti oppose en 1873 l'Empire britannique au royaume ashanti.", context=context)
    assert _roles(analysis, _event(analysis, "guerre")) == {"Empire britannique": "agent"}


def test_a_causative_tells_its_happening_by_the_infinitive_with_the_causer(context: Context) -> None:
    analysis = _analyze("Le général Bugeaud fait creuser une tranchée devant la ville.", context)
    dig = _event(analysis, "creuser")
    assert dig.happening and _roles(analysis, dig) == {"Bugeaud": "agent"}


def test_a_causative_parsed_below_its_infinitive_is_no_second_happening(context: Context) -> None:
    # parsed with the name and "fait" both hung on the infinitive by an unnamed relation
    analysis = _analyze("Lyautey fait construire une ligne de forts et attend les Anglais.", context)
    building = _event(analysis, "construire")
    assert building.happening and _roles(analysis, building) == {"Lyautey": "agent"}
    assert not _event(analysis, "faire").happening  # still a TimeML event
    assert _roles(analysis, _event(analysis, "attendre"))["Lyautey"] == "agent"


def test_a_title_beside_the_name_before_the_verb_is_its_subject(context: Context) -> None:
    analysis = _analyze("Après un court bombardement, la reine Ranavalona III fait hisser le drapeau blanc.", context)
    assert _roles(analysis, _event(analysis, "hisser")) == {"Ranavalona III": "agent"}


def test_a_noun_of_both_an_event_and_people_acts_as_the_people(context: Context) -> None:
    analysis = _analyze("En mai, des renforts débarquent au port.", context)
    landing = _event(analysis, "débarquer")
    assert [analysis.text[p.phrase.start:p.phrase.end] for p in landing.participants if p.phrase] == ["des renforts"]


def test_a_town_where_the_one_joined_stands_is_no_patient(context: Context) -> None:
    analysis = _analyze("Le sergent Fabre rejoint le 14e régiment de dragons à Lunéville.", context)
    joining = _event(analysis, "rejoindre")
    assert _roles(analysis, joining) == {"Fabre": "agent", "14e régiment de dragons": "patient"}
    assert _places(analysis, joining) == ["Lunéville"]


def test_a_verb_after_an_aside_set_off_by_commas_is_told_with_the_subject_before_it(context: Context) -> None:
    # "charge" read as a noun apposed to the aside's last noun
    analysis = _analyze("Le général Lasalle, à la tête de ses hussards, charge les batteries ennemies.", context)
    charge = _event(analysis, "charger")
    assert charge.happening and _roles(analysis, charge) == {"Lasalle": "agent"}


def test_the_pronoun_before_a_verb_the_tagger_misread_is_its_subject(context: Context) -> None:
    # "entre" read as the preposition, "il" hung on the noun opening the sentence
    analysis = _analyze("Michel Ney naît à Sarrelouis en 1769. Fils d'un tonnelier, il entre à l'école militaire.",
                        context)
    assert _roles(analysis, _event(analysis, "entrer")) == {"Michel Ney": "agent"}
