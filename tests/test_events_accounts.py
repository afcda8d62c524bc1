"""Classes of errors read on encyclopedia-style accounts of our own (a siege, a colonial war): dates
of a phrase opening the sentence, of a definition, the tagger's imperfects, verbs it read as names,
headings, ships and officials as actors. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from annales.common.events import is_happening
from annales.context import Context
from annales.model import Analysis, Event
from annales.pipeline import analyze


def _event(analysis: Analysis, word: str) -> Event:
    found = [e for e in analysis.events if e.trigger.text == word]
    assert found, [e.trigger.text for e in analysis.events]
    return found[0]


def _date(analysis: Analysis, word: str) -> str | None:
    event = _event(analysis, word)
    return event.date.value if event.date else None


def _who(analysis: Analysis, event: Event) -> dict[str, str]:
    names = {e.id: e.name for e in analysis.entities}
    return {str(analysis.text[p.phrase.start:p.phrase.end] if p.phrase else names.get(p.entity or "", p.entity)): p.role
            for p in event.participants}


def test_a_date_closing_a_phrase_that_opens_the_sentence_is_its_event_nouns(context: Context) -> None:
    analysis = analyze("En 1758, la flotte quitte Brest. Après l'échec d'un premier assaut en 1757, le roi décide "
                       "de reprendre l'offensive.", context=context)
    assert _date(analysis, "échec") == "1757"


def test_an_event_noun_defined_by_a_copula_takes_the_date_of_its_definition(context: Context) -> None:
    analysis = analyze("La révolte des Cipayes est un soulèvement qui éclate en 1857 dans le nord de l'Inde.",
                       context=context)
    assert _date(analysis, "révolte") == "1857"


def test_a_simple_past_the_tagger_read_as_an_imperfect_is_a_happening(context: Context) -> None:
    analysis = analyze("Au printemps, les insurgés prirent la ville et brûlèrent le pont.", context=context)
    assert _event(analysis, "prirent").aspect == "perfective"
    assert is_happening(_event(analysis, "prirent"))
    kept = analyze("Chaque matin, les insurgés prenaient la route du nord.", context=context)
    assert _event(kept, "prenaient").aspect == "imperfective"


def test_a_verb_after_et_taking_a_name_is_a_verb_whatever_the_tagger_says(context: Context) -> None:
    analysis = analyze("Au printemps suivant, Montcalm descend le lac et assiège Oswego.", context=context)
    assert is_happening(_event(analysis, "assiège"))


def test_a_heading_the_tagger_read_as_a_participle_is_no_happening(context: Context) -> None:
    text = ("Le 2 mars, les négociateurs se retrouvent à Vienne.\n\nLe traité\n\n"
            "Privé d'alliés, le prince signe la paix le 9 mars.")
    analysis = analyze(text, context=context)
    assert not any(is_happening(e) for e in analysis.events if e.trigger.text == "traité")


def test_a_relation_verb_whose_relative_subject_is_a_happening_is_a_state(context: Context) -> None:
    analysis = analyze("La guerre de Crimée est un conflit qui oppose la Russie à une coalition.", context=context)
    assert _event(analysis, "oppose").event_class == "STATE"


def test_a_ship_named_by_its_kind_acts_as_a_subject_and_is_a_thing_undergoing(context: Context) -> None:
    analysis = analyze("Le 4 mai, les deux frégates ripostent. Le 5 mai, le corsaire coule trois navires marchands.",
                       context=context)
    assert "les deux frégates" in _who(analysis, _event(analysis, "ripostent"))
    assert not any("navires" in w for w in _who(analysis, _event(analysis, "coule")))


def test_officials_and_authorities_are_people(context: Context) -> None:
    analysis = analyze("Le 4 mai, les autorités ferment le port. Le sultan reçoit les consuls.", context=context)
    assert "les autorités" in _who(analysis, _event(analysis, "ferment"))
    assert "Le sultan" in _who(analysis, _event(analysis, "reçoit"))


def test_a_force_speaking_after_a_quotation_is_the_speaker_not_the_one_spoken_to(context: Context) -> None:
    analysis = analyze("« Nous tiendrons », répondit la garnison.", context=context)
    assert _event(analysis, "répondit").event_class == "REPORTING"
    # a verb after a comma closing a date is no incise: the relief of a regiment is done
    relief = analyze("Le 7 juin, le bataillon quitte Noyon et, le 8 juin, relève un bataillon de chasseurs "
                     "près de Lassigny.", context=context)
    assert _event(relief, "relève").event_class == "OCCURRENCE"


def test_where_a_place_lies_is_a_state_not_a_happening(context: Context) -> None:
    # the participle took the date of the clause it is told in: still where the land lies, at any date
    analysis = analyze("Le traité cède en 1862 au royaume les provinces situées au sud du fleuve.", context=context)
    event = _event(analysis, "situées")
    assert event.event_class == "STATE" and not is_happening(event)


def test_a_verb_read_as_a_noun_after_a_subject_with_its_complement_is_the_verb(context: Context) -> None:
    # "capitule" is also a noun; the subject's noun, its adjective and its "de" complement stand before it
    analysis = analyze("Le 2 février, la garnison autrichienne de Mantoue capitule devant les Français.",
                       context=context)
    event = _event(analysis, "capitule")
    assert is_happening(event)
    assert _who(analysis, event) == {"la garnison autrichienne": "agent"}


def test_a_bare_noun_making_a_preposition_names_no_happening(context: Context) -> None:
    analysis = analyze("Le 3 mai, la colonne s'arrête à Vitry, faute de munitions. Sa faute fut de trop attendre.",
                       context=context)
    assert [e.trigger.text for e in analysis.events if e.trigger.text == "faute"] == ["faute"]  # the second
    assert is_happening(_event(analysis, "arrête"))


def test_a_relative_hung_on_a_verb_is_said_of_the_noun_before_it(context: Context) -> None:
    # the parse hung "qui rejette" on "acheter"; "qui" is the governor written right before it
    analysis = analyze("Le duc tente d'abord d'acheter la reddition du gouverneur, qui rejette l'offre avec mépris.",
                       context=context)
    assert _who(analysis, _event(analysis, "rejette")) == {"gouverneur": "agent"}


def test_what_a_dated_decision_aims_at_stays_ahead_of_it(context: Context) -> None:
    # the year dates the decision; the historians' future needs a date of the event's own
    analysis = analyze("En 1781, le gouvernement décide de reprendre l'île. Le roi sera exilé à Gand en 1815.",
                       context=context)
    assert _event(analysis, "reprendre").factuality == "future"
    assert _event(analysis, "exilé").factuality == "fact"


def test_present_day_said_of_a_place_dates_nothing(context: Context) -> None:
    # "l'actuel Ghana" is the place's name today; the war keeps the year its verb has
    analysis = analyze("La guerre des Ashanti oppose en 1873 les Britanniques au royaume ashanti, dans l'actuel "
                       "Ghana.", context=context)
    assert _date(analysis, "guerre") == "1873"


def test_a_finite_verb_the_tagger_read_as_an_infinitive_is_no_bare_infinitive(context: Context) -> None:
    # the tagger read "recrute" and "évacue" as infinitives; no infinitive ends so
    analysis = analyze("Le 3 octobre, le général fait construire une route et recrute des porteurs.", context=context)
    assert is_happening(_event(analysis, "recrute"))
    analysis = analyze("Le 28 mars 1885, la brigade du colonel Herbin évacue Lang Son en désordre.", context=context)
    assert is_happening(_event(analysis, "évacue"))


def test_a_period_hung_beside_its_start_times_the_clause(context: Context) -> None:
    # both ends hung on "empire": the start is no date of that noun, the period is the war's
    analysis = analyze("La guerre du Tonkin est un conflit qui oppose la France à l'empire Qing d'août 1884 à "
                       "avril 1885.", context=context)
    assert _date(analysis, "guerre") == "1884-08"


def test_a_preposition_after_a_subject_and_its_clitic_is_a_verb(context: Context) -> None:
    # "y entre": no preposition follows the clitic "y"; the tagger read "entre" as "between"
    analysis = analyze("Le général Dupont y entre le 9 mai avec sa division.", context=context)
    assert is_happening(_event(analysis, "entre"))


def test_a_verb_the_tagger_read_as_a_noun_after_the_subject_of_a_relative_is_the_verb(context: Context) -> None:
    analysis = analyze("Le 4 mai, les assiégeants ne peuvent couper la route de la place, que la flotte anglaise "
                       "ravitaille sans peine.", context=context)
    event = _event(analysis, "ravitaille")
    assert is_happening(event) and _who(analysis, event) == {"la flotte anglaise": "agent"}


def test_a_happening_said_to_bring_about_another_is_a_causal_statement(context: Context) -> None:
    analysis = analyze("Le 19 mai 1883, le commandant est tué. Sa mort provoque la colère de la Chambre. "
                       "Le 20 mai, le général provoque l'ennemi. L'assaut se déclenche le 19 au matin.",
                       context=context)
    causes = [e for e in analysis.events if e.trigger.text == "provoque"]
    assert [is_happening(e) for e in causes] == [False, True]  # a person provoking does something
    assert is_happening(_event(analysis, "déclenche"))  # what starts is no cause


def test_a_season_or_the_night_coming_is_no_happening(context: Context) -> None:
    analysis = analyze("Le 1er octobre, la batterie tire devant Roye. L'hiver arrive ; on creuse des abris. "
                       "Le 2 octobre, la nuit tombe sur le village. La ville tombe le 3 octobre.", context=context)
    comings = {e.trigger.text: is_happening(e) for e in analysis.events if e.trigger.text in ("arrive", "creuse")}
    assert comings == {"arrive": False, "creuse": True}
    falls = [is_happening(e) for e in analysis.events if e.trigger.text == "tombe"]
    assert falls == [False, True]  # the night falls; the town is taken


def test_a_state_acts_through_its_government_a_town_does_not(context: Context) -> None:
    analysis = analyze("En 1866, la Prusse attaque l'Autriche. Le royaume de Naples signe un traité avec l'Angleterre. "
                       "Les troupes de la Prusse avancent vers Sadowa.", context=context)
    assert _who(analysis, _event(analysis, "attaque")).get("la Prusse") == "agent"
    assert _who(analysis, _event(analysis, "signe")).get("Le royaume de Naples") == "agent"
    # the state's name is its words as the agent, not a place entity acting, and not the event's place
    places = {e.id for e in analysis.entities if e.type == "place"}
    assert not any(p.role == "agent" and p.entity in places for e in analysis.events for p in e.participants)
    assert "la Prusse" not in _who(analysis, _event(analysis, "avancent"))
    town = analyze("Le 3 mai, Grenoble attaque la garnison.", context=context)
    assert not any(p.role == "agent" for p in _event(town, "attaque").participants if p.phrase is not None)


def test_a_date_a_locution_of_time_introduces_is_the_clauses(context: Context) -> None:
    analysis = analyze("Le duc prend la citadelle au cours de l'été 1702.", context=context)
    assert _date(analysis, "prend") == "1702-SU"
    assert "cours" not in [e.trigger.text for e in analysis.events]


def test_a_name_the_parse_hung_as_a_function_word_or_a_governor_is_the_subject(context: Context) -> None:
    analysis = analyze("Fin juillet, Wurmser descend du Tyrol avec près de 50 000 hommes pour débloquer Mantoue. "
                       "Fin août, Wurmser remonte vers Trente avec ses troupes.", context=context)
    assert _who(analysis, _event(analysis, "descend")).get("Wurmser") == "agent"
    assert _who(analysis, _event(analysis, "remonte")).get("Wurmser") == "agent"


def test_a_finite_verb_read_as_an_infinitive_describing_a_noun_has_the_noun_for_subject(context: Context) -> None:
    analysis = analyze("Le 4 avril 1885, la brigade du colonel Giovanninelli évacue Tuyên Quang en désordre.",
                       context=context)
    assert _who(analysis, _event(analysis, "évacue")).get("Giovanninelli") == "agent"


def test_a_happening_defined_by_a_copula_takes_the_sides_its_definition_names(context: Context) -> None:
    analysis = analyze("Le siège de Gaète est une opération menée par les Français en 1806. La guerre de Hollande est "
                       "un conflit qui oppose la France à l'Espagne. Le siège de Lérida est le blocus de la ville par "
                       "l'armée du maréchal Suchet.", context=context)
    sieges = [e for e in analysis.events if e.trigger.text == "siège"]
    assert _who(analysis, sieges[0]).get("Français") == "agent"
    assert _who(analysis, sieges[1]).get("Suchet") == "agent"
    war = _who(analysis, _event(analysis, "guerre"))
    assert war.get("la France") == "agent" and war.get("l'Espagne") == "agent"


def test_a_saying_that_does_what_it_says_is_a_happening(context: Context) -> None:
    analysis = analyze("Le 4 septembre 1870, la République fut proclamée à l'Hôtel de Ville. Le lendemain, le ministre "
                       "déclare que la ville tiendra.", context=context)
    assert is_happening(_event(analysis, "proclamée"))
    assert _event(analysis, "proclamée").event_class == "REPORTING"  # TimeML's class is kept
    assert not is_happening(_event(analysis, "déclare"))


def test_a_clause_of_its_own_hung_as_a_complement_is_not_governed(context: Context) -> None:
    analysis = analyze("Le lendemain, la foule envahit la mairie. Je n'y étais pas : j'avais la fièvre depuis deux "
                       "jours.", context=context)
    assert _event(analysis, "avais").factuality == "fact"


def test_a_month_told_in_the_pluperfect_leaves_the_story_where_it_is(context: Context) -> None:
    analysis = analyze("Le 30 octobre 1870, on apprit la nouvelle. En décembre, le froid devint terrible. Le 21, nous "
                       "partîmes pour Le Bourget, que les mobiles avaient repris puis perdu en octobre. L'attaque "
                       "échoua.", context=context)
    assert _date(analysis, "partîmes") == "1870-12-21"
    assert _date(analysis, "attaque") == "1870-12-21"


def test_an_event_noun_naming_a_place_with_the_noun_it_completes_is_no_event(context: Context) -> None:
    analysis = analyze("Le banquet aura lieu à la salle des fêtes. Les fêtes de Noël approchent.", context=context)
    fetes = [e for e in analysis.events if e.trigger.text == "fêtes"]
    assert len(fetes) == 1 and fetes[0].trigger.start > analysis.text.index("Noël") - 10


def test_an_adjective_naming_a_side_says_who_a_happening_is_by(context: Context) -> None:
    analysis = analyze("Le 5 octobre, le régiment tient le village. L'attaque ennemie échoue le lendemain. Le 7, "
                       "le bataillon suit le repli général.", context=context)
    assert _who(analysis, _event(analysis, "attaque")).get("ennemie") == "agent"
    assert "général" not in _who(analysis, _event(analysis, "repli"))  # the retreat of all, no general's


def test_a_participle_the_parse_hung_on_a_date_tells_of_the_one_named_before(context: Context) -> None:
    analysis = analyze("LEGRAND-MOREL, commandant, 3 mars 1916 au 9 octobre 1916 (tué devant Douaumont, le 9 octobre "
                       "1916). DURAND, commandant, 12 octobre 1916 au 2 mai 1917.", context=context)
    assert _who(analysis, _event(analysis, "tué")) == {"LEGRAND-MOREL": "patient"}


def test_a_happening_told_by_a_negated_support_verb_did_not_take_place(context: Context) -> None:
    analysis = analyze("Le 3 mai, le général n'a pas lancé l'attaque. Le 4 mai, il lance l'offensive sans obtenir la "
                       "victoire.", context=context)
    assert not is_happening(_event(analysis, "attaque")) and not is_happening(_event(analysis, "victoire"))
    assert is_happening(_event(analysis, "offensive"))


def test_an_event_before_or_after_a_dated_one_takes_no_date_from_the_story(context: Context) -> None:
    analysis = analyze("Mardi, les contrôleurs ont entamé une grève. Le mouvement avait été lancé le 3 mai après "
                       "l'échec des négociations.", context=context, dct="1999-05-20")
    assert _date(analysis, "échec") is None


def test_a_verb_in_ger_keeps_its_r_the_simple_past_and_imperfect_are_no_future(context: Context) -> None:
    analysis = analyze("Le 3 mai 1809, les Français assiégeaient la ville. Le 5 mai, le général chargea l'ennemi. "
                       "Il se dirigea ensuite vers le fleuve.", context=context)
    for word in ("assiégeaient", "chargea", "dirigea"):
        assert _event(analysis, word).factuality == "fact", word
    kept = analyze("Demain, il attaquera la ville, et il rendrait les armes s'il le fallait.", context=context)
    assert _event(kept, "attaquera").factuality == "future" and _event(kept, "rendrait").modality == "conditional"


def test_a_participle_dated_back_from_the_story_is_no_step_of_it(context: Context) -> None:
    analysis = analyze("Le 14 mai 1940, le pont sauta. Le lieutenant Marchal, blessé la veille, fut évacué vers Reims. "
                       "Nous reculâmes jusqu'à la forêt.", context=context)
    assert _date(analysis, "blessé") == "1940-05-13"
    assert _date(analysis, "évacué") == "1940-05-14" and _date(analysis, "reculâmes") == "1940-05-14"


def test_aircraft_named_by_their_kind_act(context: Context) -> None:
    analysis = analyze("Le 10 mai 1940, à l'aube, les avions allemands survolèrent Sedan.", context=context)
    assert _who(analysis, _event(analysis, "survolèrent")).get("les avions allemands") == "agent"


def test_an_office_handed_over_goes_to_a_person(context: Context) -> None:
    analysis = analyze("Le 23 août 1799, le général quitte l'Égypte et laisse le commandement à Kléber. Celui-ci est "
                       "assassiné au Caire le 14 juin 1800.", context=context)
    types = {e.name: e.type for e in analysis.entities}
    assert types.get("Kléber") == "person"
    assert _who(analysis, _event(analysis, "assassiné")) == {"Kléber": "patient"}


def test_a_happening_breaking_out_and_one_taking_place_later(context: Context) -> None:
    analysis = analyze("Un incendie s'est déclaré dans la nuit de samedi à dimanche. Le maire s'est déclaré "
                       "favorable au projet. Une expertise aura lieu la semaine prochaine. La braderie se tiendra "
                       "dimanche sur la place.", context=context, dct="1999-08-30")
    fire, mayor = [e for e in analysis.events if e.trigger.text == "déclaré"]
    assert fire.event_class == "OCCURRENCE" and mayor.event_class == "REPORTING"
    assert "expertise" in [e.trigger.text for e in analysis.events]
    assert _date(analysis, "braderie") == "1999-09-05" and not is_happening(_event(analysis, "braderie"))


def test_convoys_small_craft_and_colonies_act(context: Context) -> None:
    analysis = analyze("Le 3 mai 1781, le convoi arrive à Halifax. Deux chaloupes canonnières bombardent le fort. "
                       "La colonie du Natal envoie des renforts.", context=context)
    assert _who(analysis, _event(analysis, "arrive")).get("le convoi") == "agent"
    assert _who(analysis, _event(analysis, "bombardent")).get("Deux chaloupes canonnières") == "agent"
    assert _who(analysis, _event(analysis, "envoie")).get("La colonie du Natal") == "agent"
    followed = analyze("Le capitaine Roux arrive à Verdun. Le convoi repart le soir. Il traverse la ville.",
                       context=context)
    assert _who(followed, _event(followed, "traverse")) == {"Le convoi": "agent"}


def test_an_adverb_of_the_clause_before_a_preposition_is_not_the_prepositions(context: Context) -> None:
    analysis = analyze("Le 3 mai, le 9e régiment arrive ensuite à Verdun. Il participe alors à l'offensive de "
                       "septembre.", context=context)
    names = {e.id: e.name for e in analysis.entities}
    assert [names[p] for p in _event(analysis, "arrive").places] == ["Verdun"]
    assert _who(analysis, _event(analysis, "offensive")).get("9e régiment") == "agent"


def test_a_governor_of_an_infinitive_only_makes_no_plan_of_a_noun(context: Context) -> None:
    analysis = analyze("En 1936, le capitaine m'avait appris à lire une carte. Le 5 mai 1940, il chargea l'ennemi et "
                       "dirigea l'assaut.", context=context)
    assert not is_happening(_event(analysis, "lire"))
    assert _event(analysis, "assaut").factuality == "fact"


def test_a_name_set_between_commas_after_a_noun_of_a_person_is_a_person_and_the_subject(context: Context) -> None:
    analysis = analyze("En 1801, son successeur, Menou, capitule devant les Britanniques.", context=context)
    assert {e.name: e.type for e in analysis.entities}.get("Menou") == "person"
    assert _who(analysis, _event(analysis, "capitule")).get("Menou") == "agent"


def test_every_state_of_a_listed_subject_acts(context: Context) -> None:
    analysis = analyze("L'Espagne et le Portugal signent un traité le 4 juin 1701.", context=context)
    agents = {who for who, role in _who(analysis, _event(analysis, "signent")).items() if role == "agent"}
    assert {"L'Espagne", "Portugal"} <= {a.removeprefix("le ") for a in agents}
    listed = analyze("Le pacte est conclu par l'Empire ottoman, la Perse, et le royaume de Naples.", context=context)
    assert "la Perse" in _who(listed, _event(listed, "conclu"))


def test_the_noun_after_a_verb_whose_object_is_the_relative_que_is_its_subject(context: Context) -> None:
    analysis = analyze("Le fort, que tiennent les hommes du capitaine Daniel, capitule au bout de deux jours.",
                       context=context)
    assert _who(analysis, _event(analysis, "tiennent")).get("les hommes") == "agent"


def test_qui_after_a_regnal_number_is_the_sovereign(context: Context) -> None:
    analysis = analyze("Son fils Henri IV, qui lui succède, poursuit la guerre contre la Ligue.", context=context)
    assert _who(analysis, _event(analysis, "succède")).get("Henri IV") == "agent"


def test_powers_act_as_states_do(context: Context) -> None:
    analysis = analyze("En 1815, les quatre puissances signent un nouveau traité à Vienne.", context=context)
    assert _who(analysis, _event(analysis, "signent")).get("les quatre puissances") == "agent"


def test_a_subject_dated_by_its_participle_acts_no_earlier(context: Context) -> None:
    # the story's last step is in 1712; the peace, signed in 1713, ends the war after it
    text = ("La bataille de Denain a lieu le 24 juillet 1712. La paix d'Utrecht, signée le 11 avril 1713, "
            "met fin à la guerre.")
    analysis = analyze(text, context=context)
    assert _date(analysis, "met") == "1713-04-11"
    before = analyze("La bataille a lieu le 24 juillet 1712. Le maréchal, nommé le 2 mai 1712, commande l'armée.",
                     context=context)
    assert _date(before, "commande") == "1712-07-24"


def test_a_meeting_held_in_the_future_dates_its_verb_and_is_no_happening(context: Context) -> None:
    analysis = analyze("Le maire a visité le chantier lundi. Il tiendra une réunion publique vendredi à 18 heures.",
                       dct="2002-05-22", context=context)
    assert _date(analysis, "tiendra") == "2002-05-24T18:00"
    assert not is_happening(_event(analysis, "réunion"))


def test_a_causer_pronoun_hung_on_the_infinitive_is_resolved_and_acts(context: Context) -> None:
    analysis = analyze("En mai 1799, le général Masséna arrive à Zurich. Il fait saisir les caisses de la ville.",
                       context=context)
    assert _who(analysis, _event(analysis, "saisir")).get("Masséna") == "agent"


def test_a_present_participle_no_verb_has_is_no_event(context: Context) -> None:
    analysis = analyze("Le capitaine Armand Dupuy, surintendant des vivres, réclame l'envoi de farine.",
                       context=context)
    assert not any(e.trigger.text == "surintendant" for e in analysis.events)


def test_a_noun_after_et_and_a_verb_before_a_name_is_a_verb(context: Context) -> None:
    analysis = analyze("La chute de Toulon, le 19 décembre, ouvre la route et menace Marseille.", context=context)
    assert any(e.trigger.text == "menace" for e in analysis.events)


def test_a_side_named_twice_is_one_participant(context: Context) -> None:
    analysis = analyze("La guerre de Hollande est un conflit qui oppose le Royaume-Uni à la République "
                       "entre 1672 et 1674.", context=context)
    agents = [who for who, role in _who(analysis, _event(analysis, "guerre")).items() if role == "agent"]
    assert not any(a != b and a in b for a in agents for b in agents)


def test_an_eve_whose_de_phrase_completes_the_verb_is_the_stories_eve(context: Context) -> None:
    analysis = analyze("Le 24 février 1916, la batterie prit position. Le capitaine Lemoine, arrivé la veille de "
                       "Bar-le-Duc, fit creuser des abris toute la nuit. Trois jours plus tard, un obus tomba.",
                       context=context)
    assert _date(analysis, "arrivé") == "1916-02-23"
    # the eve, told in a participle said of the captain, is not the day of the rest of the sentence
    assert _date(analysis, "creuser") == "1916-02-24TNI"
    assert _date(analysis, "tomba") == "1916-02-27"
    eve = analyze("Le 1er décembre 1805, la Garde campe. La veille d'Austerlitz, l'Empereur visite les bivouacs.",
                  context=context)
    assert next(t for t in eve.timexes if t.text == "La veille").value.startswith("XXXX")


def test_a_date_after_depuis_has_begun_in_a_history_too(context: Context) -> None:
    analysis = analyze("Le 24 février 1916, la batterie prit position. Le sergent Perrin, qui la commandait depuis "
                       "Noël, fut tué sur le coup.", context=context)
    assert next(t for t in analysis.timexes if t.text == "Noël").value == "1915-12-25"
    assert _date(analysis, "tué") == "1916-02-24"


def test_a_relative_verb_read_as_a_noun_after_its_object_clitic_is_an_imperfect(context: Context) -> None:
    analysis = analyze("Le 24 février 1916, le maréchal des logis Perrin, qui la commandait depuis Noël, fut tué.",
                       context=context)
    assert _event(analysis, "commandait").aspect == "imperfective"


def test_the_subject_of_a_passive_read_as_an_active_ones_undergoes(context: Context) -> None:
    analysis = analyze("Le 2 avril 1916, je fus blessé à la main.", context=context)
    assert [p.role for p in _event(analysis, "blessé").participants] == ["patient"]


def test_a_noun_after_a_copula_in_the_imperfect_tells_a_background_state(context: Context) -> None:
    analysis = analyze("En mars 1916, nous étions alors au repos à Dugny. Le 5 mars, les colonnes sont en marche.",
                       context=context)
    assert _event(analysis, "repos").aspect == "imperfective"
    assert not is_happening(_event(analysis, "repos"))
    assert is_happening(_event(analysis, "marche"))


def test_a_name_on_a_rank_set_beside_another_is_the_rank_holders(context: Context) -> None:
    analysis = analyze("Le lieutenant-colonel Marchal, qui commande le régiment depuis avril, est tué le 4 mai 1916 "
                       "devant la ferme de Thiaumont.", context=context)
    assert _who(analysis, _event(analysis, "tué")).get("Marchal") == "patient"


def test_a_units_number_before_a_verb_read_as_a_noun_is_its_subject(context: Context) -> None:
    text = ("Le 87e régiment d'infanterie quitte Reims le 2 août 1914. Du 5 au 9 septembre, le 87e combat sur "
            "l'Ourcq. Le 7, il prend le village de Varreddes.")
    analysis = analyze(text, context=context)
    unit = next(e for e in analysis.entities if e.type == "unit")
    assert [p.entity for p in _event(analysis, "combat").participants if p.role == "agent"] == [unit.id]
    # and the pronoun after it is the unit's, not the last person's
    assert [p.entity for p in _event(analysis, "prend").participants if p.role == "agent"] == [unit.id]


def test_a_verb_read_as_an_adjective_and_spelled_as_a_present_is_no_participle(context: Context) -> None:
    analysis = analyze("Le 16 février 1915, le bataillon s'empare de la tranchée ; l'ennemi contre-attaque le "
                       "lendemain sans succès.", context=context)
    assert _who(analysis, _event(analysis, "contre-attaque")).get("l'ennemi") == "agent"


def test_an_imperfect_dated_by_the_present_of_narration_is_no_happening(context: Context) -> None:
    analysis = analyze("En 1930, la collectivisation commence. Aujourd'hui, les troupes occupaient le plateau.",
                       context=context)
    event = _event(analysis, "occupaient")
    assert event.aspect == "imperfective"
    assert not is_happening(event)


def test_a_predicate_noun_of_a_verb_of_state_judges_its_subject(context: Context) -> None:
    analysis = analyze("La charge des cuirassiers reste le plus célèbre épisode de la bataille.", context=context)
    assert not is_happening(_event(analysis, "épisode"))


def test_an_expedition_or_an_escort_that_moves_is_a_body_of_people(context: Context) -> None:
    analysis = analyze("L'expédition arrive devant Canton en juin 1840. Elle occupe l'île de Zhoushan le mois "
                       "suivant.", context=context)
    assert _who(analysis, _event(analysis, "arrive")).get("L'expédition") == "agent"
    assert _who(analysis, _event(analysis, "occupe")).get("L'expédition") == "agent"


def test_a_participle_followed_by_its_date_tells_what_was_done_then(context: Context) -> None:
    # the parse makes the date the subject of the main verb
    analysis = analyze("Les otages libérés dimanche sont arrivés à Paris. Les manifestants interpellés samedi "
                       "seront jugés.", dct="2002-05-22", context=context)
    assert _date(analysis, "libérés") == "2002-05-19"
    assert _date(analysis, "interpellés") == "2002-05-18"
    assert _date(analysis, "jugés") != "2002-05-18"


def test_a_happening_a_participle_of_planning_describes_is_to_come(context: Context) -> None:
    analysis = analyze("La grève prévue jeudi a été annulée. La grève prévue lundi s'est déroulée dans le calme. "
                       "L'assaut ordonné par le général échoue.", dct="2002-05-22", context=context)
    planned, held = [e for e in analysis.events if e.trigger.text == "grève"]
    assert planned.factuality == "future" and not is_happening(planned)
    assert held.factuality == "fact"
    assert _event(analysis, "assaut").factuality == "fact"  # an order is no plan: the assault happened
    # the day planned for is no step of the story: the cancelling is told from the day of writing
    assert _date(analysis, "annulée") == "2002-05-22"


@pytest.mark.parametrize("sentence", [
    "Ils contestent la fermeture, prévue en octobre, de la gare de Dole.",
    "Ils dénoncent la fermeture de la gare de Dole, prévue en octobre.",
])
def test_a_planning_participle_set_off_by_commas_plans_its_noun(sentence: str, context: Context) -> None:
    # the parse hangs the participle on the sentence's verb: its agreement says it is the noun's
    analysis = analyze(sentence, dct="2002-05-22", context=context)
    closing = _event(analysis, "fermeture")
    assert closing.factuality == "future" and not is_happening(closing)
    assert _date(analysis, "fermeture") == "2002-10"


def test_a_verb_in_the_present_with_a_feature_of_the_land_for_subject_describes_it(context: Context) -> None:
    text = ("Le 3 avril 1917, le bataillon attaque les bois de Cornillet, qui prolongent vers l'ouest la crête. "
            "Au nord, le « Piton », croupe boisée, masque le village et abrite une batterie.")
    analysis = analyze(text, context=context)
    assert not is_happening(_event(analysis, "prolongent"))
    assert is_happening(_event(analysis, "attaque"))
    dated = analyze("Le 3 mai 1917, le bois brûle.", context=context)
    assert is_happening(_event(dated, "brûle"))  # its own day: what the wood does then happens


def test_a_day_counted_from_a_doing_told_before_dates_what_follows_not_the_doing(context: Context) -> None:
    text = ("Le 3 juin 1916, le bataillon quitta Verdun. Il atteignit Bar-le-Duc quatre jours après son départ. "
            "Le lendemain de son arrivée, les hommes furent passés en revue.")
    analysis = analyze(text, context=context)
    assert _date(analysis, "atteignit") == "1916-06-07"
    assert _date(analysis, "passés") == "1916-06-08"
    # the arrival is what the day is counted from: told before, on its own day, no second happening
    assert _date(analysis, "arrivée") == "1916-06-07"
    assert not is_happening(_event(analysis, "arrivée"))
    assert _date(analysis, "départ") == "1916-06-03"


def test_a_verb_the_tagger_misreads_after_a_ranked_name_is_that_name_s(context: Context) -> None:
    analysis = analyze("Le 3 mai 1745, le roi arrive. Le lieutenant Dufour capitule.", context=context)
    assert _who(analysis, _event(analysis, "capitule")) == {"Dufour": "agent"}


def test_a_relative_clause_s_verb_leaves_a_sentence_without_its_own(context: Context) -> None:
    # "célèbre" read as an adjective: the sentence's only finite verb is the relative's
    analysis = analyze("Le 3 mai 1745, le roi arrive. Le poète célèbre la victoire dans une ode qui eut un grand "
                       "succès.", context=context)
    assert _who(analysis, _event(analysis, "célèbre")) == {"Le poète": "agent"}
    assert "Le poète" not in _who(analysis, _event(analysis, "victoire"))


def test_a_sentence_with_only_a_relative_s_verb_wants_its_own_verb_by_its_place(context: Context) -> None:
    # "étrangère" is an adjective after a noun with its preposition, no verb's place
    analysis = analyze("Parmi les invités, des commerçants, des Lorrains d'origine étrangère, et surtout des "
                       "expatriés, qui vivent à Nancy.", context=context)
    assert [e.trigger.text for e in analysis.events] == ["vivent"]


def test_a_verb_that_describes_a_thing_in_the_present_tells_no_happening(context: Context) -> None:
    text = ("Le 9 juin 1815, les dragons traversent la Sambre. Le pont de pierre traverse la Sambre en aval. "
            "Une rue de Namur porte aujourd'hui le nom du colonel.")
    analysis = analyze(text, context=context)
    assert is_happening(next(e for e in analysis.events if e.trigger.text == "traversent"))
    assert not is_happening(next(e for e in analysis.events if e.trigger.text == "traverse"))
    assert not is_happening(_event(analysis, "porte"))  # "aujourd'hui" is no day of the story


def test_a_participle_set_off_after_a_person_with_a_complement_tells_what_befell_them(context: Context) -> None:
    text = ("Le 16 août 1870, le régiment attaque le bois. Le lieutenant-colonel Brun, blessé au début de "
            "l'action, refuse de quitter ses hommes. Les troupes, commandées par le général Frossard, reculent.")
    analysis = analyze(text, context=context)
    assert is_happening(_event(analysis, "blessé"))
    assert not is_happening(_event(analysis, "commandées"))  # said of troops: what they are
    scared = analyze("Le 16 août 1870, le régiment attaque le bois. Le capitaine Brun, troublé par la peur, "
                     "recule.", context=context)
    assert not is_happening(_event(scared, "troublé"))  # a cause that is no one: a state


def test_a_state_said_to_still_hold_is_no_happening(context: Context) -> None:
    text = ("Un incendie a ravagé samedi un hangar. Trois pompiers sont toujours hospitalisés. Le gardien est "
            "encore recherché par la police. Les secours arrivent encore sur place.")
    analysis = analyze(text, dct="2002-05-20", context=context)
    assert not is_happening(_event(analysis, "hospitalisés"))
    assert not is_happening(_event(analysis, "recherché"))
    assert is_happening(_event(analysis, "arrivent"))  # a finite verb: still coming
    fallen = analyze("Le 11 novembre 1918, des centaines de soldats sont encore tombés.", context=context)
    assert is_happening(_event(fallen, "tombés"))  # a compound past with être


def test_a_past_said_then_is_at_the_last_date_told(context: Context) -> None:
    text = ("Les cheminots réclament une prime de dix pour cent. Le dernier conflit de ce genre remonte à l'hiver "
            "1995, quand les trains avaient été arrêtés pendant trois semaines. Le ministre avait alors cédé au "
            "bout d'un mois. Les syndicats dénoncent aussi la fermeture, prévue en octobre, de la gare de Dole.")
    analysis = analyze(text, dct="2002-05-22", context=context)
    assert _date(analysis, "cédé") == "1995-WI"
