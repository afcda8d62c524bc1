"""Who acts, followed through the text: possessive determiners ("son arrivée", "leur retraite",
"notre attaque"), subjects shared across clauses, group nouns standing for the unit told before."""

from __future__ import annotations

import pytest

from annales.context import Context
from annales.model import Analysis, Event
from annales.pipeline import analyze

DCT = "1916-06-10"


def _analyze(text: str, context: Context) -> Analysis:
    return analyze(text, DCT, context=context)


def _event(analysis: Analysis, text: str) -> Event:
    return next(e for e in analysis.events if e.trigger.text == text)


def _name(analysis: Analysis, entity_id: str | None) -> str:
    if entity_id == "narrator":
        return "narrator"
    return next(e.name for e in analysis.entities if e.id == entity_id)


def _roles(analysis: Analysis, event: Event) -> dict[str, str]:
    """Participant name (or a phrase's words) -> role."""
    out = {}
    for p in event.participants:
        name = _name(analysis, p.entity) if p.entity else analysis.text[p.phrase.start:p.phrase.end]
        out[name] = p.role
    return out


def _resolved(analysis: Analysis, event: Event) -> dict[str, str]:
    return {_name(analysis, p.entity): analysis.text[p.resolved_from.start:p.resolved_from.end]
            for p in event.participants if p.resolved_from is not None}


# Possessive determiners


def test_a_possessive_names_whose_event_noun_it_is(context: Context) -> None:
    analysis = _analyze("Le 9e régiment d'infanterie arrive à Reims le 3 mai. Son attaque échoue le lendemain.",
                        context)
    attack = _event(analysis, "attaque")
    assert _roles(analysis, attack) == {"9e régiment d'infanterie": "agent"}
    assert _resolved(analysis, attack) == {"9e régiment d'infanterie": "Son"}


def test_leur_stands_for_a_plural_possessor(context: Context) -> None:
    analysis = _analyze("Les Prussiens évacuent Sedan le 2 septembre. Leur retraite dure trois jours.", context)
    assert _roles(analysis, _event(analysis, "retraite")) == {"Prussiens": "agent"}


def test_a_possessive_takes_the_role_the_noun_gives_its_complement(context: Context) -> None:
    # "l'arrestation de X": X is arrested; "son arrestation" likewise.
    analysis = _analyze("Le général Malet rentre à Paris le 22 octobre. Son arrestation a lieu le lendemain.", context)
    assert _roles(analysis, _event(analysis, "arrestation")) == {"Malet": "patient"}


def test_a_possessive_on_a_noun_not_listed_says_nothing(context: Context) -> None:
    # "son procès": is he the accused or the accuser? The noun's complement roles do not say.
    analysis = _analyze("Le général Malet rentre à Paris le 22 octobre. Son procès commence le 28 octobre.", context)
    assert _event(analysis, "procès").participants == []


def test_a_possessive_before_its_clause_subject_is_that_subject(context: Context) -> None:
    analysis = _analyze("Le capitaine Vernier quitte Reims le 2 mai. Après sa retraite, le général Mangin "
                        "attaque le village.", context)
    assert _roles(analysis, _event(analysis, "retraite")) == {"Mangin": "agent"}


def test_a_possessive_after_a_subject_that_names_no_one_stays_unresolved(context: Context) -> None:
    analysis = _analyze("Le général Malet rentre à Paris. Le livre raconte son arrestation le 23 octobre.", context)
    assert _roles(analysis, _event(analysis, "arrestation")) == {}


def test_a_first_person_possessive_is_the_narrator(context: Context) -> None:
    analysis = _analyze("Le 9 août, notre attaque échoue devant Mulhouse.", context)
    assert _roles(analysis, _event(analysis, "attaque")) == {"narrator": "agent"}


def test_a_possessive_overrides_the_support_verb(context: Context) -> None:
    # "prépare notre offensive": the offensive is ours, whoever prepares it.
    analysis = _analyze("Le 2 juillet, le général Mangin prépare notre offensive.", context)
    assert _roles(analysis, _event(analysis, "offensive")) == {"narrator": "agent"}


def test_possessives_do_not_change_pronoun_chains(context: Context) -> None:
    analysis = _analyze("Le général Joffre arrive à Reims. Sa visite dure une heure. Il inspecte les tranchées.",
                        context)
    inspection = _event(analysis, "inspecte")
    assert _roles(analysis, inspection)["Joffre"] == "agent"
    assert _resolved(analysis, inspection) == {"Joffre": "Il"}


# Pronouns standing for people the text names without naming an entity


def test_a_pronoun_stands_for_the_people_named_before(context: Context) -> None:
    analysis = _analyze("Le 4 août, les soldats français avancent vers la ferme. Ils prennent le village.", context)
    capture = _event(analysis, "prennent")
    agent = next(p for p in capture.participants if p.role == "agent")
    assert agent.entity is None
    assert analysis.text[agent.phrase.start:agent.phrase.end] == "les soldats français"
    assert analysis.text[agent.resolved_from.start:agent.resolved_from.end] == "Ils"


def test_a_pronoun_chain_of_people_goes_on_and_is_shared_by_conjoined_verbs(context: Context) -> None:
    analysis = _analyze("Le 4 août, les dragons avancent vers la ferme. Ils prennent le village. "
                        "Ils attaquent ensuite le bois et repoussent l'ennemi.", context)
    for verb in ("attaquent", "repoussent"):
        assert _roles(analysis, _event(analysis, verb)).get("les dragons") == "agent", verb


def test_a_pronoun_standing_for_a_thing_is_no_one(context: Context) -> None:
    analysis = _analyze("Le livre du colonel paraît en 1920. Il raconte la bataille de la Marne.", context)
    assert all(p.role != "agent" for e in analysis.events for p in e.participants)


def test_a_possessive_stands_for_the_people_named_before(context: Context) -> None:
    analysis = _analyze("Le 4 août, les insurgés quittent la ville. Leur fuite dure deux jours.", context)
    assert _roles(analysis, _event(analysis, "fuite")) == {"les insurgés": "agent"}


# Subjects shared across clauses


def test_a_conjoined_participle_shares_the_passive_of_the_first(context: Context) -> None:
    analysis = _analyze("Le 3 mai, le général Malet fut arrêté et condamné.", context)
    assert _roles(analysis, _event(analysis, "condamné")) == {"Malet": "patient"}


def test_a_subject_the_parse_hung_on_the_words_before_its_verb(context: Context) -> None:
    # The parse reads "les Bretons" as a conjunct of "manoeuvre": the verb that follows has no subject.
    analysis = _analyze("À la vue de cette manoeuvre, les Bretons, qui s'étaient retirés sur la colline, "
                        "se hâtent de revenir.", context)
    assert _roles(analysis, _event(analysis, "hâtent")) == {"Bretons": "agent"}
    # The infinitive under it shares it.
    assert _roles(analysis, _event(analysis, "revenir")) == {"Bretons": "agent"}


def test_a_passive_agent_the_parse_hung_on_the_complement_before_it(context: Context) -> None:
    # The parse reads "par les Prussiens" as the night's complement: it is the passive's agent.
    analysis = _analyze("Le 4 mai, le village fut incendié dans la nuit par les Prussiens.", context)
    assert _roles(analysis, _event(analysis, "incendié")).get("Prussiens") == "agent"


def test_a_stray_par_that_names_no_one_is_no_agent(context: Context) -> None:
    analysis = _analyze("Le 4 mai, le blessé fut conduit à Reims par la route de Paris.", context)
    assert all(p.role != "agent" for p in _event(analysis, "conduit").participants)


def test_a_par_under_an_event_noun_is_the_noun_s_agent(context: Context) -> None:
    analysis = _analyze("Le 4 mai, le sergent Vidal fut tué au cours de l'attaque par les Allemands.", context)
    assert all(p.role != "agent" for p in _event(analysis, "tué").participants)
    assert _roles(analysis, _event(analysis, "attaque")) == {"Allemands": "agent"}


def test_a_verb_the_parse_hung_under_an_apposed_participle_takes_its_subject(context: Context) -> None:
    # The parse makes "tombé" the main verb and "mourut" its complement: the participle qualifies Vidal.
    analysis = _analyze("Le sergent Vidal, tombé près de moi, à l'attaque du moulin, pendant la nuit, "
                        "mourut quelques jours après à Reims.", context)
    assert _roles(analysis, _event(analysis, "mourut")) == {"Vidal": "agent"}


def test_the_pronoun_of_a_subject_s_part_stands_for_the_people_told_before(context: Context) -> None:
    analysis = _analyze("Les Helvètes attaquent le camp le 3 mai. Un grand nombre d'entre eux jettent leurs "
                        "boucliers.", context)
    throw = _event(analysis, "jettent")
    assert _roles(analysis, throw) == {"Helvètes": "agent"}
    assert _resolved(analysis, throw) == {"Helvètes": "eux"}


def test_eux_outside_a_subject_s_part_is_left_alone(context: Context) -> None:
    analysis = _analyze("Les Helvètes attaquent le camp le 3 mai. Le lendemain, le général Morand avance "
                        "contre eux.", context)
    assert all(p.resolved_from is None for p in _event(analysis, "avance").participants)


def test_a_place_before_a_verb_is_no_stranded_subject(context: Context) -> None:
    analysis = _analyze("À la vue de la ville de Reims, se dressent les tours de la cathédrale.", context)
    assert all(p.role != "agent" for e in analysis.events for p in e.participants)


def test_a_pronominal_verb_with_etre_is_active(context: Context) -> None:
    # "s'étaient retirés": être is the auxiliary of every pronominal verb, not a passive's.
    analysis = _analyze("Le 5 mai, les Bretons se sont retirés sur la colline.", context)
    assert _roles(analysis, _event(analysis, "retirés")) == {"Bretons": "agent"}


def test_an_il_the_parse_reads_as_impersonal_before_a_personal_verb(context: Context) -> None:
    # "il y fut arrivé": the parse reads "il" as an impersonal subject; "arriver" with no noun after
    # it is not impersonal ("il arriva deux renforts" is).
    analysis = _analyze("Le général Faidherbe quitte Lille le 2 mai. Faidherbe, quand il y fut arrivé, "
                        "demanda des vivres.", context)
    arrival = _event(analysis, "arrivé")
    assert _roles(analysis, arrival) == {"Faidherbe": "agent"}
    assert _resolved(analysis, arrival) == {"Faidherbe": "il"}


def test_an_impersonal_il_before_a_que_clause_stays_no_one(context: Context) -> None:
    analysis = _analyze("Le général Faidherbe quitte Lille le 2 mai. Il se trouve que la route est coupée.", context)
    assert all(p.entity is None or _name(analysis, p.entity) != "Faidherbe"
               for e in analysis.events if e.trigger.text != "quitte" for p in e.participants)


def test_people_named_by_their_part_or_kin_take_part_as_a_phrase(context: Context) -> None:
    analysis = _analyze("Le 3 mai, les organisateurs lancent un appel. Le cortège se rend ensuite au cimetière.",
                        context)
    assert _roles(analysis, _event(analysis, "lancent")).get("les organisateurs") == "agent"
    assert _roles(analysis, _event(analysis, "rend")).get("Le cortège") == "agent"


def test_a_support_verb_the_lemmatizer_left_as_written(context: Context) -> None:
    # The lemmatizer leaves "monte" as written; the events layer's lemma is "monter".
    analysis = _analyze("Le 10 mai, le 9e régiment d'infanterie monte à l'assaut.", context)
    assert _roles(analysis, _event(analysis, "assaut")) == {"9e régiment d'infanterie": "agent"}


def test_our_losses_are_undergone_by_the_narrator(context: Context) -> None:
    analysis = _analyze("Le 20 août, le roi est accablé par nos pertes.", context)
    assert _roles(analysis, _event(analysis, "pertes")) == {"narrator": "patient"}


# Who is named in the complement of the words that name the actor


def test_the_son_of_someone_acts_not_that_someone(context: Context) -> None:
    analysis = _analyze("Le 3 mai, les transfuges du capitaine Vernier préviennent l'ennemi.", context)
    assert "Vernier" not in _roles(analysis, _event(analysis, "préviennent"))
    assert _roles(analysis, _event(analysis, "préviennent")).get("les transfuges") == "agent"


def test_a_force_of_someone_is_that_someone(context: Context) -> None:
    analysis = _analyze("Le 3 mai, les troupes du général Mangin attaquent le village.", context)
    assert _roles(analysis, _event(analysis, "attaquent")).get("Mangin") == "agent"


def test_a_rank_before_a_name_with_de_is_that_name(context: Context) -> None:
    analysis = _analyze("Le 18 juin 1940, le général de Gaulle parle à la radio de Londres.", context)
    assert _roles(analysis, _event(analysis, "parle")).get("de Gaulle") == "agent"


def test_a_passive_subject_with_avoir_is_the_agent(context: Context) -> None:
    # The parse reads "il" as a passive subject; "avait levées" has no passive être.
    analysis = _analyze("Le 3 mai, César place au sommet les deux légions qu'il avait nouvellement levées.", context)
    assert _roles(analysis, _event(analysis, "levées")).get("César") == "agent"


def test_a_real_passive_keeps_its_patient(context: Context) -> None:
    analysis = _analyze("Le 3 mai, le colonel Driant avait été blessé près de Verdun.", context)
    assert _roles(analysis, _event(analysis, "blessé")).get("Driant") == "patient"


def test_a_name_after_a_contracted_preposition_is_no_object(context: Context) -> None:
    # "des" is "de" + "les": the Helvètes are what César moves away from, not what he moves.
    analysis = _analyze("Le 3 mai, César s'éloigna des Helvètes et se dirigea vers Bibracte.", context)
    assert _roles(analysis, _event(analysis, "éloigna")).get("Helvètes") != "patient"


def test_les_notres_are_the_narrators_side(context: Context) -> None:
    analysis = _analyze("Le 9 août, les nôtres entrent dans Mulhouse. Les Allemands attaquent les nôtres le 10 août.",
                        context)
    assert _roles(analysis, _event(analysis, "entrent")) == {"narrator": "agent"}
    assert _roles(analysis, _event(analysis, "attaquent")).get("narrator") == "patient"


def test_a_group_noun_after_du_is_the_unit_told_before(context: Context) -> None:
    # "du" is "de le": "du régiment" is the regiment told before, whose relief it is.
    analysis = _analyze("Le 9e régiment d'infanterie quitte Valmy le 3 mai. La relève du régiment a lieu le 5 mai.",
                        context)
    relief = _event(analysis, "relève")
    assert _roles(analysis, relief) == {"9e régiment d'infanterie": "patient"}
    assert _resolved(analysis, relief) == {"9e régiment d'infanterie": "du régiment"}


def test_a_noun_is_counted_as_its_article_says(context: Context) -> None:
    # The tagger reads "front" as plural; "leur" says it is one front, which "ils" cannot stand for.
    analysis = _analyze("Les Bretons laissent leurs chariots près du gué ; leur front compact arrête nos "
                        "éclaireurs ; ils se forment en phalange.", context)
    formation = _event(analysis, "forment")
    assert _roles(analysis, formation) == {"Bretons": "agent"}
    assert _resolved(analysis, formation) == {"Bretons": "ils"}


def test_the_forces_are_a_force_and_strength_is_no_one(context: Context) -> None:
    analysis = _analyze("Le 6 juin, les forces alliées débarquent en Normandie. La force du vent surprend les marins.",
                        context)
    assert _roles(analysis, _event(analysis, "débarquent")).get("les forces alliées") == "agent"
    assert "La force du vent" not in _roles(analysis, _event(analysis, "surprend"))
    assert "La force" not in _roles(analysis, _event(analysis, "surprend"))


def test_an_arm_of_service_is_a_force(context: Context) -> None:
    analysis = _analyze("Le 20 décembre, l'artillerie ouvre le feu à 8 h 30.", context)
    assert _roles(analysis, _event(analysis, "ouvre")).get("l'artillerie") == "agent"


# Agents of event nouns, from their own words


@pytest.mark.parametrize(("text", "noun", "agent"), [
    ("Le 5 mai, l'attaque allemande contre Verdun a échoué.", "attaque", "allemande"),
    ("La retraite de l'armée commence le 6 mai.", "retraite", "l'armée"),
    ("Le 9e régiment d'infanterie arrive à Reims le 3 mai. Le 5 mai, l'attaque de Sommepy par le régiment a échoué.",
     "attaque", "9e régiment d'infanterie"),
    ("Le 9e régiment d'infanterie arrive à Reims le 3 mai. L'attaque du 9e régiment d'infanterie échoue le 5 mai.",
     "attaque", "9e régiment d'infanterie"),
])
def test_an_event_noun_says_who_acts(context: Context, text: str, noun: str, agent: str) -> None:
    analysis = _analyze(text, context)
    event = [e for e in analysis.events if e.trigger.text == noun][-1]
    assert _roles(analysis, event).get(agent) == "agent"
    names = {e.id: e for e in analysis.entities}
    assert all(p.entity is None or names[p.entity].type != "place" for p in event.participants if p.role == "agent")


def test_a_duration_hung_on_an_event_noun_does_not_say_whose_it_is(context: Context) -> None:
    analysis = _analyze("Le 2e bataillon du 9e régiment d'infanterie quitte Reims le 3 mai. Le 20 janvier, "
                        "le bataillon reste au repos une semaine.", context)
    assert _roles(analysis, _event(analysis, "repos")) == {"2e bataillon": "agent"}


def test_a_conjoined_event_noun_keeps_its_people_to_itself(context: Context) -> None:
    # "par les dragons et le meurtre de X": X is the murder's, not one more agent of "commis".
    analysis = _analyze("Les pillages commis par les dragons et le meurtre de Martin et Dubois "
                        "furent le prétexte de la guerre.", context)
    roles = _roles(analysis, _event(analysis, "commis"))
    assert roles == {"les dragons": "agent"}


def test_plain_conjuncts_still_act_together(context: Context) -> None:
    analysis = _analyze("Le village fut pris par les Bavarois et les Saxons.", context)
    assert _roles(analysis, _event(analysis, "pris")).get("Saxons") == "agent"


@pytest.mark.parametrize(("text", "noun", "who"), [
    # The subject of a support verb takes part in the event noun it makes.
    ("Le 3 mai, les troupes de Murat mirent le siège devant Saragosse.", "siège", "Murat"),
    ("Les Prussiens apportèrent leur soutien aux Autrichiens.", "soutien", "Prussiens"),
])
def test_the_subject_of_a_support_verb_is_the_agent_of_its_noun(context: Context, text: str, noun: str,
                                                               who: str) -> None:
    analysis = _analyze(text, context)
    assert _roles(analysis, _event(analysis, noun)).get(who) == "agent"


def test_lifting_a_siege_is_the_besiegers_doing(context: Context) -> None:
    analysis = _analyze("Le 8 mai, les Anglais levèrent le siège.", context)
    assert _roles(analysis, _event(analysis, "siège")).get("Anglais") == "agent"


def test_the_besiegers_are_people(context: Context) -> None:
    analysis = _analyze("Le 3 mai, les assiégeants reculèrent.", context)
    assert _roles(analysis, _event(analysis, "reculèrent")) == {"les assiégeants": "agent"}


def test_qui_in_a_cleft_stands_for_the_focus(context: Context) -> None:
    # "c'est X, un des …, qui": the relative hangs from the apposition; X is who acts.
    analysis = _analyze("Le 4 mai, c'est Martin, un des adjoints du préfet, qui a donné l'alerte.", context)
    assert _roles(analysis, _event(analysis, "donné")).get("Martin") == "agent"


def test_a_finite_verb_takes_the_subject_of_the_participle_hung_before_it(context: Context) -> None:
    # The parse makes "les Bretons" the subject of "pouvant" and leaves "replièrent" with none.
    analysis = _analyze("Les Bretons, ne pouvant soutenir plus longtemps le choc de nos cavaliers, "
                        "se replièrent vers le gué.", context)
    assert _roles(analysis, _event(analysis, "replièrent")) == {"Bretons": "agent"}


def test_a_clause_of_another_subject_lends_none_to_the_verb_after_it(context: Context) -> None:
    # "lorsque" tells a clause of its own subject: "dirigea" is not Faidherbe's for it.
    analysis = _analyze("Le 4 mai, lorsque Faidherbe arriva, se dirigea vers Arras.", context)
    assert _roles(analysis, _event(analysis, "dirigea")) == {}


def test_verbs_told_one_after_the_other_with_commas_share_the_first_one_s_subject(context: Context) -> None:
    # The parse hangs "crut" as an adverbial clause of "éloigna", or "éloigna" as one of "crut".
    analysis = _analyze("Le lendemain, Faidherbe crut devoir s'occuper des vivres, s'éloigna des Prussiens et se "
                        "dirigea vers Arras.", context)
    assert _roles(analysis, _event(analysis, "éloigna")).get("Faidherbe") == "agent"
    assert _roles(analysis, _event(analysis, "dirigea")).get("Faidherbe") == "agent"
    analysis = _analyze("Le 5 mai, le général Faidherbe crut bon de s'occuper des vivres, s'éloigna des Prussiens "
                        "et marcha sur Arras.", context)
    assert _roles(analysis, _event(analysis, "éloigna")).get("Faidherbe") == "agent"
    assert _roles(analysis, _event(analysis, "marcha")).get("Faidherbe") == "agent"


def test_a_relative_the_parse_took_for_a_clause_keeps_its_own_subject(context: Context) -> None:
    # The parse reads "où" as an indirect object and hangs "reposent" on "rendu" as an adverbial clause.
    analysis = _analyze("Après la messe, le cortège s'est rendu au cimetière du village, où reposent trois soldats "
                        "rapatriés en 1921, puis à la mairie.", context)
    assert all(p.role != "agent" for p in _event(analysis, "reposent").participants)


def test_a_plural_article_before_ordinals_heads_a_list_not_a_unit_told_before(context: Context) -> None:
    # "les 1er et 2e bataillons": the "1er" is a battalion whose kind comes after the list, not the
    # last unit numbered 1 the text named.
    analysis = _analyze("Le 1er corps d'armée tient la vallée le 2 mai. Le 4 mai, les 1er et 2e bataillons "
                        "gravissent les pentes du plateau.", context)
    climb = _event(analysis, "gravissent")
    assert "1er corps d'armée" not in _roles(analysis, climb)
    assert "1er corps d'armée" not in _resolved(analysis, climb)


def test_le_9e_alone_is_still_the_unit_told_before(context: Context) -> None:
    analysis = _analyze("Le 9e régiment d'infanterie quitte Valmy le 3 mai. Deux jours après, le 9e franchit "
                        "la rivière.", context)
    assert _roles(analysis, _event(analysis, "franchit")) == {"9e régiment d'infanterie": "agent"}


_FOLLOWED = ("Le 27e régiment d'infanterie quitte Dijon le 2 août. Le 4 août, le 27e débarque à Toul. Deux jours "
             "après, le 27e s'installe à Lunéville. ")


def test_le_regiment_far_from_a_unit_named_once_is_the_unit_the_text_follows(context: Context) -> None:
    # The 98e is named once, in passing; sentences later "le régiment" is the one the text tells of.
    analysis = _analyze(_FOLLOWED + "Le 10 août, il relève une partie du 98e régiment d'infanterie près de "
                        "Blâmont. Les pertes sont faibles. La pluie tombe sans cesse. Le 14 août, le régiment "
                        "franchit la Sarre.", context)
    assert _resolved(analysis, _event(analysis, "franchit")) == {"27e régiment d'infanterie": "le régiment"}


def test_le_regiment_just_after_a_unit_named_is_that_unit(context: Context) -> None:
    analysis = _analyze(_FOLLOWED + "Le 10 août, le 98e régiment d'infanterie arrive à Blâmont. Le régiment "
                        "s'installe aussitôt dans les bois.", context)
    installs = [e for e in analysis.events if e.trigger.text == "installe"]
    assert _resolved(analysis, installs[-1]) == {"98e régiment d'infanterie": "Le régiment"}


def test_a_pronoun_with_no_subject_near_stands_for_the_unit_the_text_follows(context: Context) -> None:
    # Neither unit is a subject ("on envoie le 27e au secours du 98e"): the text follows the 27e.
    analysis = _analyze(_FOLLOWED + "Le 10 août, on envoie le 27e au secours du 98e régiment d'infanterie. "
                        "Il s'installe dans les bois de Blâmont.", context)
    installs = [e for e in analysis.events if e.trigger.text == "installe"]
    assert _resolved(analysis, installs[-1]) == {"27e régiment d'infanterie": "Il"}


def test_a_subject_near_still_comes_before_the_one_told_most(context: Context) -> None:
    analysis = _analyze(_FOLLOWED + "Le 10 août, le 98e régiment d'infanterie relève le 27e. Il s'installe "
                        "dans les bois de Blâmont.", context)
    installs = [e for e in analysis.events if e.trigger.text == "installe"]
    assert _resolved(analysis, installs[-1]) == {"98e régiment d'infanterie": "Il"}


def test_units_in_the_plural_are_a_force(context: Context) -> None:
    analysis = _analyze("Le 3 mai, les unités qui avaient passé la rivière sont ramenées sur l'autre rive.", context)
    assert _roles(analysis, _event(analysis, "ramenées")) == {"les unités": "patient"}


@pytest.mark.parametrize("text, noun", [
    ("Le 3 mai, malgré la pression de l'adversaire, les soldats reculent en ordre.", "pression"),
    ("Le 3 mai, tous les élans de l'ennemi viennent se briser contre nos lignes.", "élans"),
    ("Le 3 mai, la poussée de l'ennemi reprend vers le canal.", "poussée"),
])
def test_a_push_is_done_by_its_de_complement(context: Context, text: str, noun: str) -> None:
    analysis = _analyze(text, context)
    roles = _roles(analysis, _event(analysis, noun))
    assert list(roles.values()) == ["agent"]


def test_a_unit_s_number_without_its_ending_is_the_unit_as_a_subject(context: Context) -> None:
    analysis = _analyze("Le 9e régiment d'infanterie quitte Valmy le 3 mai. Deux jours après, le 9 franchit la "
                        "rivière.", context)
    assert _resolved(analysis, _event(analysis, "franchit")) == {"9e régiment d'infanterie": "le 9"}


def test_a_day_alone_before_a_clause_is_no_unit(context: Context) -> None:
    analysis = _analyze("Le 9e régiment d'infanterie quitte Valmy le 3 mai. Le 9, il franchit la rivière.", context)
    assert _resolved(analysis, _event(analysis, "franchit")) == {"9e régiment d'infanterie": "il"}


def test_a_participle_whose_ending_the_article_of_its_noun_contradicts_describes_another(context: Context) -> None:
    # The parse hangs "transformée" on "corps": the citation was transformed, not the army corps.
    analysis = _analyze("Le 5 mai, une citation à l'ordre du 12e corps d'armée, transformée par la suite en "
                        "citation à l'ordre de l'armée, récompense le régiment.", context)
    roles = _roles(analysis, _event(analysis, "transformée"))
    assert roles.get("12e corps d'armée") not in ("agent", "patient")
    killed = _analyze("Le colonel Vidal, tué le 14 septembre, repose à Reims.", context)
    assert _roles(killed, _event(killed, "tué")) == {"Vidal": "patient"}


def test_a_loss_tally_says_who_was_killed(context: Context) -> None:
    analysis = _analyze("Le 5 mai, pertes du bataillon. Officiers : blessés, 3. Troupe : tués, 12 ; disparus, 4 ; "
                        "blessés, 30.", context)
    assert _roles(analysis, _event(analysis, "tués")) == {"Troupe": "patient"}
    listed = _analyze("Le 5 mai, la liste des tués est affichée à la mairie.", context)
    assert all(not e.participants for e in listed.events if e.trigger.text == "tués")


def test_the_noun_after_an_impersonal_verb_is_what_a_pronoun_after_it_stands_for(context: Context) -> None:
    analysis = _analyze("Après la bataille du 3 mai, il leur restait environ deux mille soldats ; ils marchèrent "
                        "toute la nuit.", context)
    assert _roles(analysis, _event(analysis, "marchèrent")) == {"deux mille soldats": "agent"}


def test_le_regiment_after_the_unit_that_relieved_it_is_the_one_the_text_follows(context: Context) -> None:
    # The 98e is named in the same sentence, but as the agent of the relief, not its subject.
    analysis = _analyze(_FOLLOWED + "Relevé le 10 août par le 98e régiment d'infanterie, le régiment va cantonner "
                        "à Nancy.", context)
    assert _resolved(analysis, _event(analysis, "cantonner")) == {"27e régiment d'infanterie": "le régiment"}


def test_a_unit_after_a_clause_hung_on_the_subject_is_the_clause_s(context: Context) -> None:
    # The parse hangs "R. I." on "Vidal": it belongs to the participle's clause, not to his name.
    analysis = _analyze("Le 152e régiment d'infanterie attaque le 2 mai. Le commandant Vidal, nommé "
                        "lieutenant-colonel au 152° R. I., quitte son bataillon le 3 mai.", context)
    roles = _roles(analysis, _event(analysis, "quitte"))
    assert roles.get("Vidal") == "agent" and "152e régiment d'infanterie" not in roles


def test_a_simple_past_the_tagger_read_as_a_participle_keeps_its_subject(context: Context) -> None:
    # "attaqua" tagged a feminine participle hung on "régiment": its ending is no participle's.
    analysis = _analyze("Le 28 février 1915, le 9e régiment d'infanterie attaqua les tranchées allemandes près de "
                        "Vauquois.", context)
    # (the role is read from the tagger's participle, as before: what matters here is who takes part)
    assert "9e régiment d'infanterie" in _roles(analysis, _event(analysis, "attaqua"))


CITATION = ("Le 152e régiment d'infanterie débarque à Épernay le 4 mai 1916. Le régiment monte en ligne le 6 mai. "
            "Le régiment tient le secteur jusqu'au 20 mai.\n"
            "Le 152e régiment d'infanterie est cité à l'ordre de l'armée : « Régiment d'une bravoure remarquable. "
            "A enlevé le village de Vaux le 12 mai et capturé trois canons. Sous l'impulsion de son chef, le "
            "lieutenant-colonel Garnier, s'est emparé d'un bois fortement tenu. »")


def test_a_citation_leaves_its_unit_unsaid_and_names_its_commander_in_a_complement(context: Context) -> None:
    analysis = _analyze(CITATION, context)
    unit = "152e régiment d'infanterie"
    assert _roles(analysis, _event(analysis, "enlevé")).get(unit) == "agent"
    assert _roles(analysis, _event(analysis, "capturé")).get(unit) == "agent"  # told under "enlevé"
    seized = _roles(analysis, _event(analysis, "emparé"))
    assert seized.get(unit) == "agent" and seized.get("Garnier") != "agent"  # "sous l'impulsion de" leads, not acts


def test_prose_with_a_lost_subject_gets_no_unsaid_one(context: Context) -> None:
    # No sentence of the line opens on its verb: a verb without a subject there is a parse's slip.
    analysis = _analyze("Le général Morvan entra à Vitry le 3 mai. Madrid, menacé d'un assaut, a ouvert ses portes. "
                        "Dans la voiture se trouvait un plan.", context)
    assert not any(p.role == "agent" for e in analysis.events if e.trigger.text in ("ouvert", "trouvait")
                   for p in e.participants)


def test_a_loss_tally_of_officers_names_them(context: Context) -> None:
    analysis = _analyze("Le 5 mai, pertes du bataillon. Pertes officiers : tués, 3 ; blessés, 5.", context)
    assert _roles(analysis, _event(analysis, "tués")) == {"officiers": "patient"}


def test_a_finite_verb_the_parse_hung_on_the_noun_before_it_takes_that_noun(context: Context) -> None:
    analysis = _analyze("Le 152e régiment d'infanterie tient Vitry. Relevé le 12 mars, le régiment gagne par étapes "
                        "la région de Vitry, où il doit prendre part à une attaque, mais la fin des combats a obligé "
                        "l'ennemi à céder.", context)
    roles = _roles(analysis, _event(analysis, "gagne"))
    assert any("régiment" in name and role == "agent" for name, role in roles.items())


def test_a_place_the_parse_made_the_subject_after_its_verb_is_its_object(context: Context) -> None:
    analysis = _analyze("Le 152e régiment d'infanterie continue sa progression le 23 juillet, atteint le Ru Garnier "
                        "et la voie ferrée de Soissons.", context)
    roles = _roles(analysis, _event(analysis, "atteint"))
    assert roles.get("Ru Garnier") != "agent"
    assert any(role == "agent" and "régiment" in name for name, role in roles.items())
    risen = _analyze("Madrid se souleva le 2 mai 1808.", context)
    assert all(p.role != "agent" for p in _event(risen, "souleva").participants)  # a place never acts


def test_a_name_told_inside_parentheses_is_no_pronoun_s_antecedent_after_them(context: Context) -> None:
    analysis = _analyze("Le 4 mai 1916, le bataillon, sous les ordres du lieutenant Morel (son chef, le capitaine "
                        "Vidal, vient de tomber), arrive jusqu'à la rivière qu'il franchit aussitôt.", context)
    assert "Vidal" not in _roles(analysis, _event(analysis, "franchit"))


def test_a_passive_whose_object_does_what_its_infinitive_says_has_a_person_s_subject(context: Context) -> None:
    analysis = _analyze("Le 152e régiment d'infanterie est relevé le 3 août 1915. Après un court repos, il est chargé "
                        "d'effectuer des travaux près de Reims.", context)
    assert _roles(analysis, _event(analysis, "chargé")).get("152e régiment d'infanterie") == "patient"
    ordered = _analyze("Le 152e régiment d'infanterie est relevé le 3 août 1915. Il est prescrit de ne point engager "
                       "le combat.", context)
    assert not any(p.entity for p in _event(ordered, "prescrit").participants)  # an impersonal "il"
