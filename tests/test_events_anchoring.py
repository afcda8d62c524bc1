"""Where a historian places an event whose own words do not date it plainly (issue 9, placement):
a participial clause keeping its own date, the date of an event the verb happened during, the date
of a governing clause, a sentence that only names the day of what was just told. Each mechanism is
checked on sentences of our own."""

from __future__ import annotations

from annales.context import Context
from annales.model import Analysis, Event
from annales.pipeline import analyze


def _event(analysis: Analysis, word: str) -> Event:
    found = next((e for e in analysis.events if e.trigger.text == word), None)
    assert found is not None, f"no event {word!r}: {[e.trigger.text for e in analysis.events]}"
    return found


def _date(analysis: Analysis, word: str) -> str | None:
    event = _event(analysis, word)
    return event.date.value if event.date else None


def test_a_participle_read_as_a_noun_keeps_its_date_from_the_main_verb(context: Context) -> None:
    text = ("Le 1er août 1914, les trois bataillons se rassemblent à Bayonne. Arrêté le 12 août, le régiment "
            "reprend sa marche le 14 août, vers Nancy (Meurthe).")
    analysis = analyze(text, context=context)
    assert _date(analysis, "reprend") == "1914-08-14"


def test_a_participial_date_still_dates_a_main_verb_that_has_no_other(context: Context) -> None:
    text = ("Le 1er août 1914, les bataillons se rassemblent. Arrêté le 12 août, le régiment reprend sa marche "
            "vers Nancy.")
    analysis = analyze(text, context=context)
    assert _date(analysis, "reprend") == "1914-08-12"  # the day it halted is all the text tells


def test_an_event_takes_the_date_of_the_event_noun_it_happens_during(context: Context) -> None:
    opening = "Le 1er mai 1999, le cortège part de la gare. "
    arrested = analyze(opening + "Le militant a été arrêté lors de la manifestation du 3 mai.", context=context)
    assert _date(arrested, "arrêté") == "1999-05-03"
    spoke = analyze(opening + "Il a pris la parole à l'occasion de la cérémonie du 3 mai.", context=context)
    assert _date(spoke, "pris") == "1999-05-03"
    wounded = analyze("Le 1er juin 1916, le régiment attaque. Le capitaine fut blessé pendant l'attaque du 12 juin.",
                      context=context)
    assert _date(wounded, "blessé") == "1916-06-12"


def test_a_dated_review_is_an_event_the_ceremony_held_during_it_takes_its_date(context: Context) -> None:
    text = ("Le 1er mars 1916, le régiment cantonne à Bar. Le général remet la croix au drapeau au cours d'une revue "
            "de la division, le 15 mars.")
    analysis = analyze(text, context=context)
    assert _date(analysis, "remet") == "1916-03-15"


def test_an_event_merely_near_another_keeps_the_story_time(context: Context) -> None:
    # "avant" and "après" tie no event to the other's date: the arrest is not on the day of the march.
    text = "Le 1er mai 1999, le cortège part de la gare. Le militant a été arrêté après la manifestation du 3 mai."
    analysis = analyze(text, context=context)
    assert _date(analysis, "arrêté") != "1999-05-03"


def test_a_clause_under_a_light_verb_takes_the_date_its_complement_gives(context: Context) -> None:
    text = ("Fin juin 1916, la bataille atteint sa plus grande violence. Quand le régiment arrive à Verdun, "
            "l'ennemi vient de lancer (11 juillet) une forte attaque.")
    analysis = analyze(text, context=context)
    assert _date(analysis, "arrive") == "1916-07-11"


def test_a_plan_does_not_date_the_clause_it_governs(context: Context) -> None:
    text = ("Le 20 janvier 1879, la colonne quitte le camp. Le colonel prévoit de les attaquer le 24 janvier, mais en "
            "apprenant la défaite, il décide de retourner au camp.")
    analysis = analyze(text, context=context)
    assert _date(analysis, "décide") != "1879-01-24"


def test_the_date_of_a_plan_is_no_step_of_the_story(context: Context) -> None:
    text = ("Le 20 janvier 1879, la colonne quitte le camp. Le colonel prévoit de les attaquer le 24 janvier. "
            "La colonne se met en marche vers le fleuve.")
    analysis = analyze(text, context=context)
    assert _date(analysis, "attaquer") == "1879-01-24"  # the plan keeps its own date
    assert _date(analysis, "met") == "1879-01-20"  # the story goes on from where it was


def test_a_date_in_parentheses_closing_its_sentence_is_a_step_of_the_story(context: Context) -> None:
    # An encyclopedia dates a whole sentence in parentheses at its end, even when the parse hangs the
    # date on a planned complement ("décide d'envoyer … (mars 1762)").
    text = ("Le 3 septembre 1759, la flotte quitte Brest. Malgré ses pertes, le roi décide d'envoyer une "
            "seconde escadre vers les Antilles (mars 1762). Il confie au comte de Vaudreuil le commandement "
            "de cette expédition.")
    analysis = analyze(text, context=context)
    assert _date(analysis, "confie") == "1762-03"


BERTRIX = ("Le 9 août 1914, le régiment débarque à Valmy. Les soldats marchent à l'ennemi, traversent la Meuse et "
           "arrivent à Bertrix. C'est le 22 août. Le corps prend contact avec les Allemands.")


def test_a_sentence_that_only_names_the_day_dates_what_was_just_told(context: Context) -> None:
    analysis = analyze(BERTRIX, context=context)
    arrival = _event(analysis, "arrivent")
    assert arrival.date is not None and arrival.date.value == "1914-08-22" and not arrival.time_inferred
    assert _date(analysis, "marchent") == "1914-08-09"  # only the last thing told: the march began earlier
    assert _date(analysis, "prend") == "1914-08-22"  # and the story goes on from that day


def test_a_date_opening_a_paragraph_sets_the_time_of_what_follows_only(context: Context) -> None:
    text = ("Le 9 août 1914, le régiment débarque à Valmy. Les soldats marchent vers la Meuse.\n"
            "C'est le 22 août. Le corps prend contact avec les Allemands.")
    analysis = analyze(text, context=context)
    assert _date(analysis, "marchent") == "1914-08-09"
    assert _date(analysis, "prend") == "1914-08-22"


def test_an_adjective_of_time_on_a_person_dates_no_event(context: Context) -> None:
    text = ("Le 20 juillet 1808, le roi entre à Madrid. Le général doit évacuer le Portugal face à l'offensive "
            "des Britanniques du futur duc de Wellington.")
    analysis = analyze(text, context=context)
    assert _date(analysis, "offensive") == "1808-07-20"  # the duke is future, not the offensive


def test_the_next_day_dates_the_verb_rather_than_the_date_framing_the_sentence(context: Context) -> None:
    analysis = analyze("Le 2 mai 1915, le bataillon part de Lyon et arrive le lendemain à Paris.", context=context)
    assert _date(analysis, "arrive") == "1915-05-03"


def test_what_is_told_before_the_next_day_is_on_the_day_before(context: Context) -> None:
    text = ("Le 10 juin 1918, le régiment quitte Nancy. Après quatre jours de repos, il est embarqué en toute hâte "
            "et arrive le lendemain 16 juin à Compiègne.")
    analysis = analyze(text, context=context)
    assert _date(analysis, "arrive") == "1918-06-16"
    assert _date(analysis, "embarqué") == "1918-06-15"


def test_a_range_dates_its_event_at_its_start(context: Context) -> None:
    analysis = analyze("En 1915, le régiment se bat en Artois. Du 14 au 28 avril, il est amené par étapes à Toul.",
                       context=context)
    assert _date(analysis, "amené") == "1915-04-14"


def test_a_pluperfect_is_before_the_day_of_the_story_not_on_it(context: Context) -> None:
    text = ("Le 26 septembre 1914, l'ennemi prononce une violente attaque. Le régiment avait été relevé et "
            "envoyé au repos.")
    analysis = analyze(text, context=context)
    assert _date(analysis, "relevé") is None
    flashback = analyze("Le 3 mars 1999, il avait agressé une passante. Il l'avait suivie dans la rue.",
                        context=context)
    assert _date(flashback, "suivie") == "1999-03-03"  # a flashback's own day goes on in it
    coarse = analyze("En 1915, le régiment combat en Artois. Il avait perdu la moitié de ses hommes.", context=context)
    assert _date(coarse, "perdu") == "1915"  # before a year, still in it as far as the text tells


def test_an_event_after_or_before_another_does_not_take_its_date(context: Context) -> None:
    text = ("Le 6 août 1914, le régiment se concentre à Martigny. Après un court séjour dans la région de Signy, "
            "le régiment entre en Belgique le 13 août.")
    analysis = analyze(text, context=context)
    assert _date(analysis, "séjour") != "1914-08-13"
    ends = analyze("En avril 1915, le régiment tient les Éparges, où il se bat jusqu'au 12 avril.", context=context)
    assert _date(ends, "bat") == "1915-04-12"  # the date's own "jusqu'au" keeps it the verb's


def test_a_reporting_incise_is_not_at_the_date_of_what_it_reports(context: Context) -> None:
    text = "Les négociations reprendront le 27 mai à la préfecture, a indiqué le syndicat."
    analysis = analyze(text, "1999-05-20", context=context)
    assert _date(analysis, "reprendront") == "1999-05-27"
    assert _date(analysis, "indiqué") == "1999-05-20"  # said before the day of writing, not on the 27th
    dated = analyze("Les négociations reprendront le 27 mai, a indiqué hier le syndicat.", "1999-05-20",
                    context=context)
    assert _date(dated, "indiqué") == "1999-05-19"  # an incise's own date is its own


def test_a_passive_participle_read_as_a_noun_after_its_copula_is_a_dated_event(context: Context) -> None:
    analysis = analyze("La ville fut assiégée en 1779. Une attaque générale échoua en septembre 1782.",
                       context=context)
    assert _date(analysis, "assiégée") == "1779"
    assert _event(analysis, "assiégée").trigger.lemma == "assiéger"


def test_a_noun_after_a_copula_with_its_determiner_stays_a_noun(context: Context) -> None:
    analysis = analyze("Sa place est dans la rue. Les morts ne sont qu'une partie des victimes.", context=context)
    assert all(e.trigger.text not in ("rue", "partie") for e in analysis.events)


def test_a_verb_form_in_a_sentence_without_a_verb_is_the_verb(context: Context) -> None:
    text = "Du 2 au 17 janvier 1915, le régiment bivouaque tour à tour à Fismes, puis aux abords de Reims."
    analysis = analyze(text, context=context)
    camp = _event(analysis, "bivouaque")
    assert camp.date is not None and camp.date.value.startswith("1915-01")
    assert camp.event_class == "OCCURRENCE" and camp.trigger.lemma == "bivouaquer"
    assert all(e.trigger.text != "abords" for e in analysis.events)  # a noun with its article stays one


def test_a_support_verb_takes_the_time_its_event_noun_is_given_with_a_preposition_of_time(context: Context) -> None:
    text = "L'harmonie municipale donnera un concert samedi 12 juin à 20 h 30 à la salle des fêtes."
    analysis = analyze(text, dct="1999-06-10", context=context)
    assert _date(analysis, "donnera") == "1999-06-12T20:30"


def test_a_date_of_an_event_noun_after_de_stays_the_nouns_own(context: Context) -> None:
    text = "Le 2 mars 1917, le régiment cantonne à Bar. Le général accepte l'attaque du 12 avril."
    analysis = analyze(text, context=context)
    assert _date(analysis, "attaque") == "1917-04-12"
    assert _date(analysis, "accepte") == "1917-03-02"  # the story's day: the attack's date is the attack's


def test_an_event_during_an_event_noun_dated_by_its_participle_takes_that_date(context: Context) -> None:
    text = "Cinq personnes ont été interpellées lors d'une opération de police menée mercredi dans le quartier."
    analysis = analyze(text, dct="1999-06-10", context=context)
    assert _date(analysis, "interpellées") == "1999-06-09"
    text = "Le 1er juin 1916, le régiment attaque. Le capitaine fut blessé pendant l'assaut lancé le 12 juin."
    wounded = analyze(text, context=context)
    assert _date(wounded, "blessé") == "1916-06-12"


def test_a_past_told_after_a_plan_goes_on_with_the_past_day_of_its_paragraph(context: Context) -> None:
    text = ("Le conseil municipal s'est réuni lundi soir. Les élus ont voté la construction d'une salle. "
            "Les travaux débuteront en septembre. Le maire a rappelé l'importance du projet.")
    analysis = analyze(text, dct="1999-06-10", context=context)
    assert _date(analysis, "débuteront") == "1999-09"
    assert _date(analysis, "rappelé") == "1999-06-07TEV"  # at the meeting, not in September
    alone = analyze("Les travaux débuteront en septembre. Le maire a rappelé l'importance du projet.",
                    dct="1999-06-10", context=context)
    assert _date(alone, "rappelé") == "1999-06-10"  # no past day told: the day of writing


def test_a_date_of_an_event_noun_tells_no_story_in_the_present(context: Context) -> None:
    text = "Le rapport publié mardi sur l'attentat du 3 mai accuse la police."
    analysis = analyze(text, dct="1999-06-10", context=context)
    assert _date(analysis, "attentat") == "1999-05-03"
    assert _date(analysis, "accuse") == "1999-06-10"  # a present of news: the day of writing


def test_a_past_of_news_is_not_dated_after_the_day_of_writing(context: Context) -> None:
    decided = analyze("Le conseil a décidé de fermer l'école le 1er juillet.", dct="1999-06-10", context=context)
    assert _date(decided, "fermer") == "1999-07-01"
    assert _date(decided, "décidé") == "1999-06-10"
    called = analyze("Le syndicat a appelé à manifester samedi.", dct="1999-06-10", context=context)
    assert _date(called, "manifester") == "1999-06-12"
    assert _date(called, "appelé") == "1999-06-10"


def test_a_present_of_news_after_a_far_date_told_in_the_past_is_the_writers(context: Context) -> None:
    text = ("Hier, les touristes sont arrivés. En 1995, Hervé a ouvert une boutique au camping. "
            "Il vend des journaux étrangers.")
    analysis = analyze(text, dct="1999-06-10", context=context)
    assert _date(analysis, "ouvert") == "1995"
    assert _date(analysis, "vend") == "1999-06-10"


def test_a_main_verb_without_a_date_takes_the_date_of_its_gerund(context: Context) -> None:
    # A gerund tells what happens at the same time as its verb: the story's day before is not the refusal's.
    text = ("Le 4 février 1880, les envoyés arrivent au palais. Le prince refuse le traité en ne le signant pas "
            "avant le 1er mars 1880.")
    analysis = analyze(text, context=context)
    assert _date(analysis, "refuse") == _date(analysis, "signant") == "1880-03-01"
    news = analyze("La maire a inauguré la médiathèque en coupant le ruban samedi dernier.", "2003-10-08",
                   context=context)
    assert _date(news, "inauguré") == "2003-10-04"  # not the day of writing


def test_a_main_verb_without_a_date_takes_the_date_of_its_clause_of_simultaneity(context: Context) -> None:
    opening = "Le 2 avril 1917, la brigade gagne ses cantonnements. "
    when = analyze(opening + "Les compagnies défilent devant l'église lorsque le colonel arrive le 9 avril.",
                   context=context)
    assert _date(when, "défilent") == "1917-04-09"
    during = analyze(opening + "La brigade se repose à Fismes pendant que les sapeurs réparent la route le 9 avril.",
                     context=context)
    assert _date(during, "repose") == "1917-04-09"
    before = analyze(opening + "La brigade avait quitté Fismes lorsque l'ennemi lança une offensive le 9 avril.",
                     context=context)
    assert _date(before, "quitté") != "1917-04-09"  # the pluperfect tells what came before the offensive


def test_a_verb_keeps_its_own_date_and_does_not_take_that_of_a_clause_before_or_after_it(context: Context) -> None:
    opening = "Le 2 avril 1917, la brigade gagne ses cantonnements. "
    own = analyze(opening + "Le 5 avril, la brigade quitte Fismes en laissant ses bagages le 6 avril.", context=context)
    assert _date(own, "quitte") == "1917-04-05"
    before = analyze(opening + "La brigade s'arrête à Braine après avoir franchi l'Aisne le 9 avril.", context=context)
    assert _date(before, "arrête") != "1917-04-09"  # "après avoir": the crossing was first
    after = analyze(opening + "La brigade s'arrête à Braine avant de franchir l'Aisne le 9 avril.", context=context)
    assert _date(after, "arrête") != "1917-04-09"


def test_a_participle_hung_on_the_head_of_a_phrase_describes_the_noun_it_agrees_with(context: Context) -> None:
    # The parser hangs "anticipées" on "hypothèse"; its plural says it tells the elections' date.
    analysis = analyze("Au Danemark, l'hypothèse de législatives anticipées à l'automne semblait se confirmer hier.",
                       "2004-01-14", context=context)
    assert _date(analysis, "législatives") == _date(analysis, "anticipées") is not None
    kept = analyze("La liste des candidats retenue le 3 mai a été publiée.", "2004-05-14", context=context)
    assert "candidats" not in [e.trigger.text for e in kept.events]  # people, and "retenue" agrees with "liste"


def test_a_present_after_a_past_told_in_a_participle_is_at_the_day_of_writing(context: Context) -> None:
    # The participle's date is its own clause's: the verb in the present above it tells what holds as
    # the paper is written, not a story told in the present on that day.
    opening = "Le conseil municipal s'est réuni hier soir. "
    signed = analyze(opening + "L'accord signé en mars avec la région prévoit une hausse des subventions.",
                     dct="1999-06-10", context=context)
    assert _date(signed, "signé") == "1999-03"
    assert _date(signed, "prévoit") == "1999-06-10"
    elected = analyze("Le maire a inauguré hier la salle. Élu en mars 1995, il dirige la commune depuis.",
                      dct="1999-06-10", context=context)
    assert _date(elected, "dirige") == "1999-06-10"
    # A story told in the present keeps its day: the date is the verb's own clause's.
    told = analyze("Samedi soir, l'association reçoit les musiciens. Ils jouent devant la mairie.",
                   dct="1999-06-10", context=context)
    assert _date(told, "jouent") == _date(told, "reçoit")


def test_a_date_of_a_relative_the_parser_left_apart_is_not_the_main_verbs(context: Context) -> None:
    # The parser may cut "La société, dont le siège est à Nancy depuis 1990" from ", a annoncé …": the
    # date it left hanging from no event is told in the relative between the commas, not by the verb.
    text = "La société, dont le siège est à Nancy depuis 1990, a annoncé des licenciements."
    analysis = analyze(text, dct="1999-06-10", context=context)
    assert _date(analysis, "annoncé") != "1990"
    # A date opening the sentence still dates what follows it ("C'est … que" cut by the parser).
    cleft = analyze("C'est le 14 juillet 1999 que la commune tirera son feu d'artifice.", context=context)
    assert _date(cleft, "tirera") == "1999-07-14"


def test_a_past_told_in_passing_by_a_participle_is_no_step_of_the_story(context: Context) -> None:
    # "(inauguré en 1998)" describes the stadium: a future told after it is not placed in 1998.
    text = "Le conseil s'est réuni hier. Le nouveau stade (inauguré en 1998) accueillera la finale."
    analysis = analyze(text, dct="1999-06-10", context=context)
    assert _date(analysis, "inauguré") == "1998"
    assert _date(analysis, "accueillera") != "1998"
    # A history goes on from a participle's date: the attack stopped on the day it was launched.
    history = analyze("Le 8 avril 1917, le régiment monte en ligne. L'attaque, déclenchée le 16 avril, est "
                      "arrêtée au bout de quelques minutes.", context=context)
    assert _date(history, "déclenchée") == "1917-04-16"
    assert _date(history, "arrêtée") == "1917-04-16"
