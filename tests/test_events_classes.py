"""TimeML-wide event detection and each event's class, polarity, modality and factuality."""

from __future__ import annotations

import pytest

from annales.common.events import is_happening
from annales.context import Context
from annales.events.lexicon import lexicon
from annales.model import Analysis, Event, Span, Trigger
from annales.pipeline import analyze

DCT = "1916-03-01"


def _analyze(text: str, context: Context) -> Analysis:
    return analyze(text, DCT, context=context)


def _event(analysis: Analysis, trigger: str) -> Event:
    found = [e for e in analysis.events if e.trigger.text == trigger]
    assert found, [e.trigger.text for e in analysis.events]
    return found[0]


def _triggers(analysis: Analysis) -> list[str]:
    return [e.trigger.text for e in analysis.events]


@pytest.mark.parametrize(("text", "trigger", "event_class"), [
    ("Le 3 mars, le bataillon prit le village.", "prit", "OCCURRENCE"),
    ("Le général déclara que la ville était tombée.", "déclara", "REPORTING"),
    ("Les sentinelles aperçurent les fusées.", "aperçurent", "PERCEPTION"),
    ("Le bombardement commença à l'aube.", "commença", "ASPECTUAL"),
    ("Le colonel décida d'attaquer la ville.", "décida", "I_ACTION"),
    ("Le préfet craint une émeute.", "craint", "I_STATE"),
    ("La garnison resta dans la citadelle.", "resta", "STATE"),
    # A relation between powers holds for a while; its making is the happening.
    ("Le contrôle des campagnes restait difficile.", "contrôle", "STATE"),
    ("En 1779, l'alliance de la France et de l'Espagne menace les Anglais.", "alliance", "STATE"),
    # A verb with its bare object is looked up as one: "avoir lieu" happens, "avoir" holds.
    ("Le débarquement eut lieu à l'aube.", "eut", "OCCURRENCE"),
])
def test_class_from_the_lexicon(context: Context, text: str, trigger: str, event_class: str) -> None:
    assert _event(_analyze(text, context), trigger).event_class == event_class


def test_a_present_participle_describing_a_thing_is_a_state(context: Context) -> None:
    analysis = _analyze("On trouva des caisses contenant des obus.", context)
    assert _event(analysis, "contenant").event_class == "STATE"


def test_a_predicate_adjective_is_a_state_and_the_copula_no_event(context: Context) -> None:
    analysis = _analyze("Le ravitaillement est impossible.", context)
    assert _event(analysis, "impossible").event_class == "STATE"
    assert "est" not in _triggers(analysis)


@pytest.mark.parametrize(("text", "trigger", "polarity"), [
    ("Les troupes ne franchirent pas le fleuve.", "franchirent", "NEG"),
    ("Le régiment partit sans prévenir l'état-major.", "prévenir", "NEG"),
    ("Le régiment partit sans prévenir l'état-major.", "partit", "POS"),
    ("Aucune arrestation n'a eu lieu.", "arrestation", "NEG"),
    # "ne … que" restricts, it does not negate: Caen was taken.
    ("Les Anglais n'ont pris que Caen.", "pris", "POS"),
])
def test_polarity(context: Context, text: str, trigger: str, polarity: str) -> None:
    assert _event(_analyze(text, context), trigger).polarity == polarity


def test_a_negated_modal_negates_the_event_it_governs(context: Context) -> None:
    analysis = _analyze("Nous ne pouvons plus reculer.", context)
    assert _event(analysis, "reculer").polarity == "NEG"


def test_modality_is_the_governing_modal_or_the_conditional(context: Context) -> None:
    analysis = _analyze("Les soldats pourront attaquer la ville.", context)
    attack = _event(analysis, "attaquer")
    assert (attack.modality, attack.factuality) == ("pouvoir", "possible")
    assert _event(analysis, "pourront").event_class == "I_STATE"  # the modal is an event of its own
    maybe = _event(_analyze("La ville aurait pu tomber.", context), "tomber")
    assert maybe.modality == "pouvoir"
    fact = _event(_analyze("Le 3 mars, le bataillon prit le village.", context), "prit")
    assert (fact.modality, fact.factuality) == (None, "fact")


@pytest.mark.parametrize(("text", "trigger", "factuality"), [
    ("Le 3 mars, le bataillon prit le village.", "prit", "fact"),
    ("S'il avait attaqué, la ville serait tombée.", "attaqué", "counterfactual"),
    ("S'il avait attaqué, la ville serait tombée.", "tombée", "counterfactual"),
    ("Les soldats pourront attaquer la ville.", "attaquer", "possible"),
    ("Le préfet craint une émeute.", "émeute", "possible"),
    ("La division partira dans trois jours.", "partira", "future"),
    ("Le colonel va lancer l'assaut.", "lancer", "future"),
    ("Le colonel décida d'attaquer la ville.", "attaquer", "future"),
    ("Selon le préfet, les rebelles ont incendié la mairie.", "incendié", "reported"),
    ("Le général déclara que la ville était tombée.", "tombée", "reported"),
    ("« La ville est prise », déclare le maire.", "prise", "reported"),
    # The reporting verb itself is a fact: the mayor did say it.
    ("« La ville est prise », déclare le maire.", "déclare", "fact"),
])
def test_factuality(context: Context, text: str, trigger: str, factuality: str) -> None:
    assert _event(_analyze(text, context), trigger).factuality == factuality


def test_a_participle_modifying_a_name_is_an_event_with_its_date(context: Context) -> None:
    analysis = _analyze("Le colonel Martin, tué le 14 septembre 1914, repose au cimetière de Verdun.", context)
    killed = _event(analysis, "tué")
    assert (killed.event_class, killed.factuality) == ("OCCURRENCE", "fact")
    assert killed.date is not None and killed.date.value == "1914-09-14"


def test_a_bare_participle_qualifying_a_noun_is_no_event(context: Context) -> None:
    analysis = _analyze("Les populations déplacées attendent des vivres.", context)
    assert "déplacées" not in _triggers(analysis)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # Deverbal nouns are found by their ending and the verb the model knows ...
    ("L'inculpation du maire surprit la ville.", ["inculpation"], []),
    ("Le ramassage des blessés dura toute la nuit.", ["ramassage"], ["blessés"]),
    # ... unless they name a group or a thing, or a kind ("navires de débarquement").
    ("Le gouvernement démissionna.", ["démissionna"], ["gouvernement"]),
    ("Les navires de débarquement attendent.", ["attendent"], ["débarquement"]),
    # The dead of a monument are people, not a death.
    ("Le monument aux morts fut inauguré en 1921.", ["inauguré"], ["morts"]),
    # A present participle agreeing with its noun is the verb's adjective: it qualifies.
    ("La coalition sortante a perdu les élections.", ["perdu"], ["sortante"]),
    # Seats in an assembly, not sieges; a siege stays one.
    ("Le parti remporte 40 sièges au conseil.", ["remporte"], ["sièges"]),
    ("Le siège de la ville dura six mois.", ["siège"], []),
    # A noun without an article is one happening after "pour" or as a verb's bare object.
    ("La population porta plainte pour diffamation.", ["porta", "plainte", "diffamation"], []),
    ("Il s'agit d'une erreur.", [], ["agit"]),
])
def test_noun_events(context: Context, text: str, present: list[str], absent: list[str]) -> None:
    triggers = _triggers(_analyze(text, context))
    assert all(t in triggers for t in present), triggers
    assert not any(t in triggers for t in absent), triggers


def test_infinitives_and_aspectuals_are_events(context: Context) -> None:
    triggers = _triggers(_analyze("Le maire continue d'exiger la démission du préfet.", context))
    assert {"continue", "exiger", "démission"} <= set(triggers)


def test_aller_and_venir_de_lend_their_tense_and_are_no_events(context: Context) -> None:
    assert _triggers(_analyze("Le colonel va lancer l'assaut.", context)) == ["lancer", "assaut"]
    assert "vient" not in _triggers(_analyze("Le courrier vient de partir.", context))


def test_is_happening_keeps_factual_positive_occurrences_only(context: Context) -> None:
    analysis = _analyze("Les troupes ne franchirent pas le fleuve. Le 3 mars, le bataillon prit le village. "
                        "Les soldats pourront attaquer la ville.", context)
    happening = {e.trigger.text for e in analysis.events if is_happening(e)}
    assert happening == {"prit"}


def test_is_happening_on_hand_built_events() -> None:
    def event(**fields: str) -> Event:
        return Event(id="event-1", sentence=Span(0, 5), trigger=Trigger(0, 5, "prise", "prise"), **fields)

    assert is_happening(event())
    assert not is_happening(event(polarity="NEG"))
    assert not is_happening(event(factuality="reported"))
    assert not is_happening(event(event_class="ASPECTUAL"))
    assert not is_happening(event(event_class="STATE"))


def test_the_lexicon_knows_each_class_and_effect() -> None:
    lex = lexicon("fr")
    classes = set(lex.classes.values())
    assert classes == {"OCCURRENCE", "STATE", "REPORTING", "PERCEPTION", "ASPECTUAL", "I_ACTION", "I_STATE"}
    assert set(lex.governors.values()) == {"modal", "future", "possible"}
    assert lex.deverbal[0][0] == max((ending for ending, _ in lex.deverbal), key=len)  # longest ending first


def test_what_an_order_or_a_mission_is_for_has_not_happened(context: Context) -> None:
    analysis = _analyze("Le colonel reçoit l'ordre de préparer une attaque.", context)
    assert _event(analysis, "reçoit").factuality == "fact"
    assert _event(analysis, "préparer").factuality == "future"
    assert _event(analysis, "attaque").factuality == "future"
    covering = _event(_analyze("Sa mission est de couvrir la retraite.", context), "couvrir")
    assert covering.factuality == "future" and not is_happening(covering)


def test_a_presentative_is_no_event(context: Context) -> None:
    assert "Voilà" not in _triggers(_analyze("Voilà ce que nous savons.", context))


def test_a_conditional_the_tagger_took_for_an_imperfect_is_read_from_its_ending(context: Context) -> None:
    analysis = _analyze("Les paysans prédisaient que la guerre éclaterait cette année.", context)
    burst = _event(analysis, "éclaterait")
    assert (burst.modality, burst.factuality) == ("conditional", "possible")
    # An imperfect is not a conditional for ending in "-rait": "entr-ait" is no "entrer" + "ait".
    assert _event(_analyze("Le régiment entrait dans la ville.", context), "entrait").factuality == "fact"


def test_a_reflexive_verb_has_its_own_class(context: Context) -> None:
    assert _event(_analyze("Dans la voiture se trouvait une carte.", context), "trouvait").event_class == "STATE"
    assert _event(_analyze("Le caporal trouva une carte.", context), "trouva").event_class == "OCCURRENCE"


def test_the_historians_future_of_a_dated_past_is_a_fact(context: Context) -> None:
    exiled = _event(analyze("Napoléon sera exilé à Sainte-Hélène en 1815.", None, context=context), "exilé")
    assert (exiled.factuality, exiled.date.value if exiled.date else None) == ("fact", "1815")
    # Announced in an article for a day after its publication: still to come.
    closed = _event(analyze("La bibliothèque sera fermée le 2 août 1999.", "1999-07-24", context=context), "fermée")
    assert closed.factuality == "future"


@pytest.mark.parametrize(("text", "listed", "left_out"), [
    # A noun after a copula judges the happening its subject names; that one is listed.
    ("La seconde offensive du printemps fut un échec.", ["offensive"], ["échec"]),
    # After a pronoun or a name the noun is what is told.
    ("Ce fut un massacre.", ["massacre"], []),
    ("Froeschwiller fut une victoire sanglante.", ["victoire"], []),
    # A count left open before a plural is a kind of happening, as "des" is.
    ("Plusieurs incidents survinrent pendant la nuit.", ["survinrent"], ["incidents"]),
    ("De nombreuses escarmouches opposèrent les patrouilles.", ["opposèrent"], ["escarmouches"]),
    ("Les deux attaques furent repoussées le 4 mai.", ["attaques", "repoussées"], []),
    # The event noun of a support verb in a purpose is aimed at; the one another verb of a purpose
    # bears on was told as happening.
    ("Le 5 juin, le bataillon reçut des renforts pour mener une attaque.", ["reçut"], ["attaque"]),
    ("Le 5 juin, le colonel envoya deux compagnies pour repousser l'attaque des dragons.",
     ["envoya", "attaque"], []),
    # ... and so is the noun a conjoined infinitive of a governed one makes.
    ("Le 5 juin, les hussards commencent à reculer et à faire retraite.", ["retraite"], []),
    # A relation that holds is no happening; taking it is one.
    ("Le 3 mai, les insurgés prennent le contrôle de la ville.", ["prennent"], ["contrôle"]),
])
def test_nouns_that_are_no_happening_by_their_place(context: Context, text: str, listed: list[str],
                                                    left_out: list[str]) -> None:
    analysis = _analyze(text, context)
    happening = {e.trigger.text for e in analysis.events if is_happening(e)}
    assert set(listed) <= happening, happening
    assert not set(left_out) & happening, happening


@pytest.mark.parametrize(("text", "participle"), [
    # A participle completing a verb of state tells the state, not a doing.
    ("Le 4 mai, la compagnie resta coupée du bataillon.", "coupée"),
    ("Le 4 mai, le général se trouve isolé de ses troupes.", "isolé"),
])
def test_a_participle_after_a_verb_of_state_is_a_state(context: Context, text: str, participle: str) -> None:
    analysis = _analyze(text, context)
    event = next((e for e in analysis.events if e.trigger.text == participle), None)
    assert event is None or (event.event_class == "STATE" and not is_happening(event))


def test_a_participle_after_a_verb_of_action_is_still_a_happening(context: Context) -> None:
    analysis = _analyze("Le 4 mai, la compagnie fut coupée du bataillon.", context)
    assert is_happening(_event(analysis, "coupée"))


def test_a_describing_participle_needs_a_calendar_date_to_be_a_happening(context: Context) -> None:
    # "désormais" is no date of the story: the participle still describes the column.
    analysis = _analyze("La colonne, désormais composée de deux mille hommes, avance vers le fleuve.", context)
    assert not is_happening(_event(analysis, "composée"))
    analysis = _analyze("Le colonel Martin, tué le 14 septembre 1914, fut enterré à Reims.", context)
    assert is_happening(_event(analysis, "tué"))


def test_a_simple_past_the_tagger_reads_as_a_future_is_a_fact(context: Context) -> None:
    # "-er" verbs keep their infinitive before the future's ending: "resserra" is a simple past.
    analysis = _analyze("Le 7 mai, le blocus du port par la flotte anglaise se resserra.", context)
    assert _event(analysis, "resserra").factuality == "fact"
    assert _event(_analyze("Demain, le régiment entrera dans la ville.", context), "entrera").factuality == "future"


def test_a_participle_with_an_article_names_people_not_a_doing(context: Context) -> None:
    analysis = _analyze("Les difficultés de l'occupant augmentèrent en 1809.", context)
    occupant = next((e for e in analysis.events if e.trigger.text == "occupant"), None)
    assert occupant is None or not is_happening(occupant)
    # A clitic before an auxiliary is no article: "l'ayant mise en désordre" tells a doing.
    analysis = _analyze("Le 3 mai, la cavalerie, l'ayant mise en désordre, poursuit l'arrière-garde.", context)
    assert all(is_happening(e) for e in analysis.events if e.trigger.text == "mise")


@pytest.mark.parametrize(("text", "ordered"), [
    # What an order asks for has not happened yet, whichever verb gives the order.
    ("Le 4 mai, le général enjoignit aux habitants de rendre leurs armes.", "rendre"),
    ("Le 4 mai, il fut prescrit au colonel d'occuper le pont.", "occuper"),
    ("Le 4 mai, le capitaine commandait de tirer sur la foule.", "tirer"),
])
def test_what_an_order_asks_for_is_no_happening(context: Context, text: str, ordered: str) -> None:
    # (the parse may hang the infinitive on the noun, a purpose then: no happening either way)
    assert not is_happening(_event(_analyze(text, context), ordered))


def test_an_infinitive_an_order_verb_governs_is_planned(context: Context) -> None:
    analysis = _analyze("Le 4 mai, le capitaine commandait de tirer sur la foule.", context)
    assert _event(analysis, "tirer").factuality == "future"


def test_engaging_battle_is_still_done(context: Context) -> None:
    analysis = _analyze("Le 4 mai, César engage le combat.", context)
    assert is_happening(_event(analysis, "combat"))


def test_what_is_still_to_be_done_is_no_happening(context: Context) -> None:
    analysis = _analyze("Le 3 mai, le bataillon arrive au village : tout est à construire.", context)
    assert not is_happening(_event(analysis, "construire"))
    assert is_happening(_event(analysis, "arrive"))
    came = _analyze("Le 3 mai, le régiment est venu occuper la ferme.", context)
    assert is_happening(_event(came, "occuper"))


@pytest.mark.parametrize("text, verb", [
    ("Le 3 mai, l'heure de combattre est venue pour le régiment. Le régiment arrive à Reims le 4 mai.", "venue"),
    ("La vengeance sortit du passé : c'est l'heure qui sonne.", "sonne"),
])
def test_a_time_that_comes_is_no_happening(context: Context, text: str, verb: str) -> None:
    analysis = _analyze(text, context)
    assert not is_happening(_event(analysis, verb))


def test_bells_that_ring_still_happen(context: Context) -> None:
    analysis = _analyze("Le 4 mai, les cloches sonnent à Reims et le régiment arrive en ville.", context)
    assert is_happening(_event(analysis, "sonnent"))
    assert is_happening(_event(analysis, "arrive"))


def test_a_heading_naming_the_passage_below_is_no_happening(context: Context) -> None:
    analysis = _analyze("IV. - Offensive de la Somme.\nL'offensive se déclenche le 1er juillet 1916. Le régiment "
                        "attaque à l'aube.\nOccupation de la Sarre.\nLe régiment entre à Sarrebruck le 3 décembre "
                        "1918.\n1917 Vaux, janvier. Offensive de l'Aisne, du 16 au 20 avril. Entrée en Alsace.",
                        context)
    heads = {e.trigger.start: is_happening(e) for e in analysis.events if e.trigger.text in ("Offensive", "Occupation")}
    text = analysis.text
    assert not heads.get(text.index("Offensive de la Somme"), False)
    assert heads[text.index("Occupation")] is False
    assert heads[text.index("Offensive de l'Aisne")] is True  # a dated entry of a summary
    assert is_happening(_event(analysis, "Entrée"))  # an entry inside a line, not its heading
    assert is_happening(_event(analysis, "offensive"))


def test_a_participle_said_of_what_a_demonstrative_points_back_to_is_no_new_happening(context: Context) -> None:
    analysis = _analyze("Le 4 mai 1916, le régiment prend deux tranchées. Ces gains durement acquis, il faut les "
                        "garder.", context)
    assert not is_happening(_event(analysis, "acquis"))
    assert is_happening(_event(analysis, "prend"))
    told = _analyze("Les tranchées conquises le 4 mai 1916 sont perdues le 6.", context)
    assert is_happening(_event(told, "conquises"))  # dated in its own words, no demonstrative


@pytest.mark.parametrize(("text", "verb", "expected"), [
    ("Le 22 mai 1915, l'ennemi reprend la crête.", "reprend", "OCCURRENCE"),  # retaken: done
    ("Le 22 mai 1915, le régiment reprend l'attaque.", "reprend", "ASPECTUAL"),  # begun again
])
def test_an_aspectual_verb_with_a_thing_for_object_is_an_occurrence(text: str, verb: str, expected: str,
                                                                    context) -> None:
    analysis = analyze(text, None, context=context)
    assert next(e.event_class for e in analysis.events if e.trigger.text == verb) == expected


@pytest.mark.parametrize(("text", "trigger", "event_class"), [
    ("Le général est rappelé à Paris.", "rappelé", "OCCURRENCE"),  # recalled, not reminded
    ("Le bataillon est relevé dans la nuit.", "relevé", "OCCURRENCE"),  # relieved, not noted
    ("Lyon est reprise par les troupes.", "reprise", "OCCURRENCE"),  # taken again, not resumed
    ("Il est cité à l'ordre de l'armée.", "cité", "OCCURRENCE"),  # honoured, not quoted
    ("La marche est reprise.", "reprise", "ASPECTUAL"),  # a happening resumed
    ("La nouvelle est annoncée.", "annoncée", "REPORTING"),  # a statement made
])
def test_a_passive_whose_subject_undergoes_it_is_an_occurrence(context: Context, text: str, trigger: str,
                                                                 event_class: str) -> None:
    assert _event(_analyze(text, context), trigger).event_class == event_class


@pytest.mark.parametrize(("text", "trigger", "event_class"), [
    ("Deux compagnies relèvent un bataillon de zouaves.", "relèvent", "OCCURRENCE"),  # a force relieved
    ("Relevé le 7 mai, le régiment va cantonner à Toul.", "Relevé", "OCCURRENCE"),  # said of the regiment
    ("Le rapporteur relève une erreur.", "relève", "REPORTING"),  # a thing noted
    ("Les voisins informèrent le maire.", "informèrent", "REPORTING"),  # a person told, not acted on
])
def test_a_verb_of_speech_whose_object_or_subject_is_a_force_is_an_occurrence(
        context: Context, text: str, trigger: str, event_class: str) -> None:
    assert _event(_analyze(text, context), trigger).event_class == event_class


def test_a_participle_read_as_an_infinitive_after_a_finite_auxiliary_is_told(context: Context) -> None:
    from spacy.tokens import Doc

    from annales.events.classes import bare_infinitive

    # The tagger may give "évacué" the infinitive's features: its finite auxiliary says otherwise.
    words = ["Il", "fut", "évacué", "sur", "Nancy"]
    doc = Doc(context.nlp.vocab, words=words, heads=[2, 2, 2, 4, 2],
              deps=["nsubj:pass", "aux:pass", "ROOT", "case", "obl:arg"],
              morphs=["Person=3", "Mood=Ind|Tense=Past|VerbForm=Fin", "VerbForm=Inf", "", ""])
    assert not bare_infinitive(doc[2])
    purpose = Doc(context.nlp.vocab, words=["pour", "être", "évacué"], heads=[2, 2, 2],
                  deps=["mark", "aux:pass", "ROOT"], morphs=["", "VerbForm=Inf", "VerbForm=Inf"])
    assert bare_infinitive(purpose[2])  # "pour être évacué": a purpose, no happening told


def test_a_verb_read_as_the_adjective_of_its_subject_is_found(context: Context) -> None:
    # The tagger makes "explose" an adjective of "torpille"; only a verb is written so, after the
    # subject and its adjective, before its complement.
    analysis = _analyze("Le 4 avril, une torpille ennemie explose contre la coque ; le navire est perdu.", context)
    assert _event(analysis, "explose").date is not None
    # An adjective's feminine is no verb, though the lemmatizer's tables invent one ("anglaiser"),
    # nor is a present participle describing its noun.
    analysis = _analyze("Le 9 mars 1916, vers 4 heures du matin, une mine anglaise explose sous la redoute ; "
                        "trois sapeurs sont tués. Les vagues déferlant sur le récif, la base navale de Brest "
                        "résiste.", context)
    assert _event(analysis, "explose").happening
    assert not any(e.trigger.text in ("anglaise", "déferlant", "navale") and e.happening for e in analysis.events)


def test_simple_pasts_the_tagger_misreads_are_facts(context: Context) -> None:
    # "repartis" tagged a future (no future lacks its "r" before the ending); "évacua" tagged an
    # infinitive (no infinitive ends in "a").
    from spacy.tokens import Doc

    from annales.events.classes import bare_infinitive

    words = ["on", "m'", "évacua", "sur", "Lyon"]
    doc = Doc(context.nlp.vocab, words=words, heads=[2, 2, 2, 4, 2],
              deps=["nsubj", "expl:comp", "ROOT", "case", "obl"],
              morphs=["Person=3", "Person=1|Reflex=Yes", "VerbForm=Inf", "", ""],
              lemmas=["on", "me", "évacuer", "sur", "Lyon"])
    assert not bare_infinitive(doc[2])
    analysis = _analyze("Le 3 mars 1917, je quittai Lyon. Je repartis pour l'Orient en janvier.", context)
    assert _event(analysis, "repartis").factuality == "fact"


@pytest.mark.parametrize(("text", "verb"), [
    # The tagger reads the verb as a noun: after a verb and "et", or in a sentence with no other
    # finite verb, a word written as a verb right before an article opening its object is one.
    ("Il exile le roi à Jersey en mai 1852 et abolit la monarchie.", "abolit"),
    ("Le décret signé le 4 mai place la province sous administration militaire.", "place"),
])
def test_a_verb_read_as_a_noun_before_its_object_is_found(context: Context, text: str, verb: str) -> None:
    assert verb in [e.trigger.text for e in _analyze(text, context).events]


def test_a_passive_participle_in_ise_or_ite_after_its_copula_is_an_event(context: Context) -> None:
    analysis = _analyze("Le 12 mars 1879, une compagnie est surprise sur les bords de la rivière.", context)
    assert _event(analysis, "surprise").happening


def test_a_war_that_opposes_two_sides_is_a_relation_and_an_army_that_opposes_its_line_acts(context: Context) -> None:
    analysis = _analyze("La guerre de Hollande oppose de 1672 à 1678 la France aux Provinces-Unies.", context)
    assert _event(analysis, "oppose").event_class == "STATE"
    assert _event(analysis, "guerre").happening  # the war itself is the line
    analysis = _analyze("Le 3 mai 1916, les chasseurs opposent leur seconde ligne à l'assaut ennemi.", context)
    assert _event(analysis, "opposent").event_class == "OCCURRENCE"


def test_what_a_body_is_made_of_is_a_state(context: Context) -> None:
    assert _event(_analyze("La brigade se compose de deux régiments.", context), "compose").event_class == "STATE"
    assert _event(_analyze("Il compose une marche militaire.", context), "compose").event_class == "OCCURRENCE"


def test_distinguishing_oneself_is_done_seeing_is_perceived(context: Context) -> None:
    assert _event(_analyze("Le sergent se distingue à Douaumont.", context), "distingue").event_class == "OCCURRENCE"
    assert _event(_analyze("On distingue au loin les feux.", context), "distingue").event_class == "PERCEPTION"
