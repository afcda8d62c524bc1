"""Where events are placed in time (issue 9): the classes of placement errors read on French news,
each tested on sentences of our own."""

from __future__ import annotations

from annales.context import Context
from annales.model import Analysis, Event
from annales.pipeline import analyze


def _event(analysis: Analysis, word: str) -> Event | None:
    return next((e for e in analysis.events if e.trigger.text == word), None)


def _date(analysis: Analysis, word: str) -> str | None:
    event = _event(analysis, word)
    assert event is not None, f"no event {word!r}: {[e.trigger.text for e in analysis.events]}"
    return event.date.value if event.date else None


def test_a_bare_event_noun_with_a_date_of_its_own_is_an_event(context: Context) -> None:
    analysis = analyze("Le club organise dimanche 12 septembre une randonnée dans les Vosges : départ à 8 h "
                       "devant l'église, retour vers 18 h.", "1999-09-06", context=context)
    assert _date(analysis, "départ") == "1999-09-12T08:00"


def test_a_bare_noun_of_a_kind_stays_no_event(context: Context) -> None:
    analysis = analyze("La marine a construit des navires de débarquement dans ce port.", "1999-09-06",
                       context=context)
    assert _event(analysis, "débarquement") is None


def test_a_heading_word_tagged_a_name_is_an_event_noun(context: Context) -> None:
    analysis = analyze("\nNaufrage au large de Brest.\nUn chalutier a coulé hier soir avec cinq marins à bord.",
                       "1999-09-06", context=context)
    assert _event(analysis, "Naufrage") is not None


def test_a_heading_takes_the_date_of_the_event_its_text_opens_with(context: Context) -> None:
    text = ("\nCollision rue de la Gare.\nUne cycliste de 42 ans a été renversée par un camion, hier en fin "
            "de matinée, à l'entrée du village. Elle a été conduite à l'hôpital.")
    analysis = analyze(text, "1999-09-06", context=context)
    heading, lead = _event(analysis, "Collision"), _event(analysis, "renversée")
    assert heading is not None and lead is not None and lead.date is not None
    assert heading.date is not None and heading.date.value == lead.date.value
    assert lead.date.value.startswith("1999-09-05")


def test_a_long_line_without_a_verb_is_no_heading(context: Context) -> None:
    # Nothing below tells a happening a heading would name: the noun keeps no date from the text below.
    text = ("\nUne longue journée de travail pour les bénévoles de l'association des amis du vieux moulin du bourg.\n"
            "Le moulin a été restauré en 1995 par la commune.")
    analysis = analyze(text, "1999-09-06", context=context)
    journey = _event(analysis, "travail")
    assert journey is None or journey.date is None or journey.date.value != "1995"


def test_a_support_verb_takes_the_date_its_event_noun_carries(context: Context) -> None:
    analysis = analyze("Le ministre devrait en faire la présentation officielle aujourd'hui lundi.", "1999-09-06",
                       context=context)
    assert _date(analysis, "devrait") == "1999-09-06"


def test_the_story_goes_on_at_its_own_time_after_a_flashback(context: Context) -> None:
    text = ("Le tribunal de Nancy a condamné mardi un jeune homme à un an de prison. Il avait volé une voiture "
            "le 4 février dernier devant la gare. À l'audience, il a exprimé des regrets.")
    analysis = analyze(text, "1999-09-08", context=context)
    assert _date(analysis, "volé") == "1999-02-04"
    assert _date(analysis, "exprimé") == "1999-09-07"
    assert _date(analysis, "audience") == "1999-09-07"


def test_a_pluperfect_after_a_flashback_stays_in_it(context: Context) -> None:
    text = ("Le tribunal de Nancy a condamné mardi un jeune homme. Il avait volé une voiture le 4 février "
            "dernier devant la gare. Il l'avait abandonnée dans un bois.")
    analysis = analyze(text, "1999-09-08", context=context)
    assert _date(analysis, "abandonnée") == "1999-02-04"


def test_a_brief_without_dates_reports_its_passe_compose_at_the_day_of_writing(context: Context) -> None:
    analysis = analyze("Le conseil municipal a adopté le budget de la commune à l'unanimité.", "1999-09-06",
                       context=context)
    assert _date(analysis, "adopté") == "1999-09-06"


def test_a_date_is_not_taken_from_a_sentence_the_parser_ran_on(context: Context) -> None:
    text = "La mairie remercie les bénévoles.\nArrivé à Lyon lundi, le président a inauguré mardi le pont."
    analysis = analyze(text, "1999-06-18", context=context)
    thanks = _event(analysis, "remercie")
    assert thanks is not None and thanks.time is None


def test_a_later_date_hung_on_a_past_verb_is_its_event_nouns(context: Context) -> None:
    text = ("Les syndicats ont appelé hier à une grève le 24 juin 1999 dans les hôpitaux. "
            "Le préfet a fixé au dimanche 27 juin 1999 la date du scrutin.")
    analysis = analyze(text, "1999-06-10", context=context)
    assert _date(analysis, "appelé") == "1999-06-09"
    assert _date(analysis, "grève") == "1999-06-24"
    fixed = _event(analysis, "fixé")
    assert fixed is not None and (fixed.date is None or fixed.date.value != "1999-06-27")
    assert _date(analysis, "scrutin") == "1999-06-27"


def test_a_sentence_opening_on_a_bare_event_noun_tells_one_happening(context: Context) -> None:
    analysis = analyze("Les bénévoles nettoieront les berges du canal. Rendez-vous est donné à tous samedi à 9 h "
                       "devant la mairie.", "1999-06-08", context=context)
    meeting = next((e for e in analysis.events if e.trigger.lemma == "rendez-vous"), None)
    hour = next(t for t in analysis.timexes if t.text == "9 h")
    assert meeting is not None and meeting.date is not None and meeting.date.value == hour.value


def test_deverbal_nouns_of_irregular_verbs_are_events(context: Context) -> None:
    analysis = analyze("La découverte du corps remonte à lundi. La remise des diplômes a eu lieu hier.",
                       "1999-06-10", context=context)
    assert _event(analysis, "découverte") is not None
    assert _event(analysis, "remise") is not None


def test_the_verb_of_a_line_in_capitals_is_found_and_dated_by_its_line(context: Context) -> None:
    text = "LA FANFARE JOUERA SAMEDI 12 JUIN.\nLes musiciens se produiront place de l'Église."
    analysis = analyze(text, "1999-06-08", context=context)
    play = next((e for e in analysis.events if e.trigger.text == "JOUERA"), None)
    assert play is not None and play.trigger.lemma == "jouer" and play.trigger.pos == "VERB"
    assert play.date is not None and play.date.value == "1999-06-12"


def test_a_noun_of_a_line_in_capitals_is_not_taken_for_a_verb(context: Context) -> None:
    analysis = analyze("DISTRIBUTION DE LUNETTES\nLa mairie distribue des lunettes samedi.", "1999-06-08",
                       context=context)
    assert all(e.trigger.text != "LUNETTES" for e in analysis.events)


def test_a_numbered_heading_in_capitals_is_no_event(context: Context) -> None:
    analysis = analyze("CHAPITRE IV\nANNÉE 1917\nLe 7 janvier, le régiment monte en ligne près de Souain.",
                       None, context=context)
    assert [e.trigger.text for e in analysis.events] == ["monte"]
    listed = analyze("BOIS DE LA FAYE - VERDUN\nLe 3 mai, le bataillon relève les chasseurs.", None, context=context)
    assert [e.trigger.text for e in listed.events] == ["relève"]


def test_a_name_in_capitals_the_tagger_read_as_a_verb_is_no_event(context: Context) -> None:
    # A list of commanders: the names are in capitals, and the tagger reads "BELO" as a verb.
    analysis = analyze("Liste des chefs. BELO, colonel, 22 août 1914 au 20 décembre 1914. MARTIN, colonel, "
                       "20 décembre 1914 à août 1915.", None, context=context)
    assert all(e.trigger.text != "BELO" for e in analysis.events)
    heading = analyze("LA FANFARE JOUERA SAMEDI 12 JUIN.", "1999-06-08", context=context)
    assert [e.trigger.text for e in heading.events] == ["JOUERA"]


def test_a_place_name_opening_a_sentence_is_no_event(context: Context) -> None:
    analysis = analyze("Paris et Bonn se sont déclarés sceptiques hier.", "1999-06-08", context=context)
    assert all(e.trigger.text != "Paris" for e in analysis.events)


def test_a_gathering_is_an_event_when_a_date_says_when_it_takes_place(context: Context) -> None:
    analysis = analyze("L'assemblée générale de l'amicale se tiendra vendredi à 20 h à la mairie. "
                       "La finale aura lieu dimanche au stade.", "1999-06-08", context=context)
    assert _date(analysis, "assemblée") == "1999-06-11T20:00"
    assert _date(analysis, "finale") == "1999-06-13"


def test_a_body_or_a_mountain_top_is_no_event(context: Context) -> None:
    analysis = analyze("L'assemblée a voté la loi hier. Les alpinistes ont atteint le sommet du mont Blanc lundi.",
                       "1999-06-08", context=context)
    assert _event(analysis, "assemblée") is None and _event(analysis, "sommet") is None


def test_local_gatherings_are_event_nouns(context: Context) -> None:
    analysis = analyze("Une brocante et un loto sont organisés par le comité des fêtes.", "1999-06-08",
                       context=context)
    assert _event(analysis, "brocante") is not None and _event(analysis, "loto") is not None


def test_a_past_told_after_a_plan_is_not_placed_at_the_plan(context: Context) -> None:
    text = ("Le conseil municipal se réunira le lundi 14 juin à 20 h 30 en mairie. "
            "M. Martin, qui présidait le club de football, a démissionné.")
    analysis = analyze(text, "1999-06-11", context=context)
    assert _date(analysis, "présidait") == "1999-06-11"
    assert _date(analysis, "démissionné") == "1999-06-11"


def test_a_participle_agreeing_with_the_event_noun_dates_it_across_its_complement(context: Context) -> None:
    analysis = analyze("Les deux ministres ont évoqué hier la réunion du G8 prévue le 10 juin à Cologne.",
                       "1999-06-02", context=context)
    assert _date(analysis, "évoqué") == "1999-06-01"
    assert _date(analysis, "réunion") == "1999-06-10"


def test_a_bare_date_on_a_noun_under_a_preposition_dates_the_clause(context: Context) -> None:
    analysis = analyze("Le tribunal avait ordonné jeudi dernier la fermeture de l'usine. La direction a fait appel "
                       "de cette décision lundi.", "1999-06-02", context=context)
    assert _date(analysis, "appel") == "1999-05-31"
    assert _date(analysis, "fait") == "1999-05-31"


def test_headings_in_a_row_and_run_into_the_text_end(context: Context) -> None:
    text = ("\nInauguration\nNouvelle salle des fêtes\nVisite du préfet\nLe maire a inauguré hier la salle des fêtes "
            "en présence du préfet.\nDiscours\nRemerciements\n")
    analysis = analyze(text, "1999-06-02", context=context)
    assert _date(analysis, "inauguré") == "1999-06-01"
    assert _date(analysis, "Inauguration") == "1999-06-01"


def test_offences_told_in_court_news_are_events(context: Context) -> None:
    analysis = analyze("Les faits remontent au 3 mars dernier. Le prévenu était poursuivi pour escroquerie.",
                       "1999-06-02", context=context)
    assert _date(analysis, "faits") == "1999-03-03"
    assert _event(analysis, "escroquerie") is not None


def test_a_word_with_a_subject_and_an_object_is_a_verb_whatever_its_tag(context: Context) -> None:
    # The tagger takes this "rencontre" for an adjective; its subject and object say it is a verb.
    analysis = analyze("Au moment où il atteint sa pleine maturité, le jeune musicien rencontre James Brown, "
                       "le roi du funk.", "1999-06-02", context=context)
    meeting = _event(analysis, "rencontre")
    assert meeting is not None and meeting.trigger.pos == "VERB" and meeting.trigger.lemma == "rencontrer"


def test_what_a_date_is_counted_from_is_not_at_that_date(context: Context) -> None:
    analysis = analyze("Il a été arrêté hier, trois semaines après son évasion. La veille du scrutin, les candidats "
                       "ont tenu meeting.", "1999-06-02", context=context)
    assert _date(analysis, "arrêté") == "1999-06-01"
    assert _date(analysis, "évasion") is None
    assert _date(analysis, "scrutin") is None
