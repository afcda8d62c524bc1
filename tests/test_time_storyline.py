"""Story time inferred over the whole text: a date said in passing never takes over the story, a
new era the text goes on with does, and year-less dates land where the story continues."""

from __future__ import annotations

import pytest

from annales.pipeline import analyze
from annales.time import storyline
from annales.time.values import Point


def values(text: str, context, dct: str | None = None) -> dict[str, str]:
    return {t.text: t.value for t in analyze(text, dct, context=context).timexes}


def test_a_year_said_in_passing_does_not_take_over_a_story_told_by_days(context) -> None:
    text = ("Le 3 mai 1934, Paul arrive à Moscou. Il se souvient qu'en 1928, onze ingénieurs avaient été "
            "jugés. Le 5 mai, il repart pour Kiev.")
    assert values(text, context)["Le 5 mai"] == "1934-05-05"


def test_a_new_era_opening_a_paragraph_carries_the_dates_after_it(context) -> None:
    text = ("Le 3 mai 1934, Paul arrive à Moscou et retrouve son frère.\n\n"
            "En 1928, Paul quitta Kiev pour la première fois. Le 12 juin, il arriva à Odessa. "
            "Le 15 juin, il embarqua pour Constantinople.")
    found = values(text, context)
    assert found["Le 12 juin"] == "1928-06-12" and found["Le 15 juin"] == "1928-06-15"


@pytest.mark.parametrize("reference", ["il servait dans l'armée depuis 1921",
                                       "il invoquait la Déclaration de 1789",
                                       "il était né en 1880 à Lyon",
                                       "comme en 1914, les ponts sautèrent"])
def test_references_off_the_line_leave_the_story_where_it_is(reference: str, context) -> None:
    text = f"Le 2 mai 1808, la ville se soulève. Le capitaine Morel, {reference}. Le 3 mai, les fusillades commencent."
    assert values(text, context)["Le 3 mai"] == "1808-05-03"


def test_year_less_dates_cross_the_new_year_forward(context) -> None:
    text = "Le 28 décembre 1914, le bataillon relève le 3e. Le 3 janvier, il attaque. Le 9 janvier, il est relevé."
    found = values(text, context)
    assert found["Le 3 janvier"] == "1915-01-03" and found["Le 9 janvier"] == "1915-01-09"


def test_a_look_back_of_weeks_stays_in_the_year(context) -> None:
    text = ("Le 20 novembre 1943, les troupes débarquent. Le 21 novembre, elles avancent. Le 23 novembre, l'île "
            "tombe. Les préparatifs avaient commencé le 28 septembre.")
    assert values(text, context)["le 28 septembre"] == "1943-09-28"


def test_a_campaign_after_a_career_summary_is_dated_in_its_own_year(context) -> None:
    text = ("Le 26 août 1939, je rejoignis le dépôt. Je ne savais pas qu'en juillet 1940 tout serait perdu. "
            "Le 2 octobre, le bataillon monta vers la Sarre.\n\n"
            "Le 10 mai, l'ennemi attaqua. Le 11, nous franchîmes la frontière. Le 18 mai, nous étions à Valenciennes.")
    found = values(text, context)
    assert found["Le 2 octobre"] == "1939-10-02"
    assert (found["Le 10 mai"], found["Le 11"], found["Le 18 mai"]) == ("1940-05-10", "1940-05-11", "1940-05-18")


def test_every_resolved_date_says_how_and_how_sure(context) -> None:
    text = "Le 3 mai 1917, le régiment part. Le lendemain, il arrive. Le 9, il attaque."
    timexes = {t.text: t for t in analyze(text, context=context).timexes}
    assert timexes["Le 3 mai 1917"].anchoring == "explicit" and timexes["Le 3 mai 1917"].confidence >= 0.95
    assert timexes["Le lendemain"].anchoring == "relative-to-timex"
    assert timexes["Le 9"].anchoring == "story"
    for timex in timexes.values():
        assert timex.confidence is None or 0 < timex.confidence <= 1


def test_moving_the_story_costs_more_backward_than_forward() -> None:
    day = Point(year=1916, month=2, day=21)
    later, earlier = Point(year=1916, month=3, day=21), Point(year=1916, month=1, day=21)
    assert storyline.move_cost(day, later, explicit=False) < storyline.move_cost(day, earlier, explicit=False)
    assert storyline.move_cost(Point(year=1916), day, explicit=False) == 0  # the year holds the day
    # Written in full, a date costs little to go to: the text says where it goes.
    far = Point(year=1870, month=8, day=6)
    assert storyline.move_cost(day, far, explicit=True) < storyline.move_cost(day, far, explicit=False)


def test_reference_evidence_lowers_the_cost_of_reading_a_date_off_the_line() -> None:
    plain = storyline.Evidence(opens=False, cue=False, noun=False, parentheses=False, coarser=False, ahead=False,
                               before=False)
    cued = storyline.Evidence(opens=False, cue=True, noun=False, parentheses=False, coarser=False, ahead=False,
                              before=False)
    opening = storyline.Evidence(opens=True, cue=False, noun=False, parentheses=False, coarser=False, ahead=False,
                                 before=False)
    assert storyline.off_line_cost(cued)[0] < storyline.off_line_cost(plain)[0] < storyline.off_line_cost(opening)[0]
    assert storyline.off_line_cost(cued)[1] == ("cue",)


def test_the_text_format_marks_the_dates_to_re_read(context) -> None:
    import io

    from annales.export import text as text_export

    # "le 5 mai" could continue either story: the engine says it is unsure.
    analysis = analyze("Le 3 mai 1934, Paul arrive. En 1928, il avait vu Kiev. Le 5 mai, il repart.", context=context)
    unsure = [t for t in analysis.timexes if t.confidence is not None and t.confidence < text_export.LOW_CONFIDENCE]
    out = io.StringIO()
    text_export.write(analysis, out)
    assert ("? a date to re-read" in out.getvalue()) == bool(unsure)
    assert all(t.confidence is None or t.confidence > 0 for t in analysis.timexes)


def test_a_pluperfect_reminder_leaves_the_story_but_a_flashback_told_on_is_followed(context) -> None:
    reminder = "Le 3 mai 1934, Paul arrive. En 1928, il avait vu Kiev. Le 5 mai, il repart."
    assert values(reminder, context)["Le 5 mai"] == "1934-05-05"
    flashback = ("Le 3 mai 1934, Paul arrive à Moscou. En 1928, il avait quitté Kiev. Le 12 juin, il arriva à "
                 "Odessa. Le 20 juin, il embarqua.")
    found = values(flashback, context)
    assert (found["Le 12 juin"], found["Le 20 juin"]) == ("1928-06-12", "1928-06-20")


def test_a_bound_said_ahead_does_not_push_the_next_days_into_the_next_month(context) -> None:
    text = ("Le 9 septembre 1914, le bataillon tient le secteur jusqu'au 13 septembre. Le 11, il repousse une "
            "attaque. Le 12, il est relevé.")
    found = values(text, context)
    assert (found["Le 11"], found["Le 12"]) == ("1914-09-11", "1914-09-12")


def test_a_period_heading_that_ends_next_year_keeps_the_dates_of_its_first_year(context) -> None:
    text = ("Novembre 1915 - Février 1916\n\nLe régiment arrive en Champagne. Le 4 novembre, il monte en ligne. "
            "Le 20 décembre, il est relevé. Le 3 janvier, il repart.")
    found = values(text, context)
    assert (found["Le 4 novembre"], found["Le 20 décembre"], found["Le 3 janvier"]) == \
        ("1915-11-04", "1915-12-20", "1916-01-03")


def test_a_news_story_about_the_past_keeps_its_days_in_the_past(context) -> None:
    text = ("Hier, la commune a rendu hommage aux soldats du mois de juin 1944. Le 6 juin, les Alliés débarquent "
            "sur les plages. Le 7 juin, ils prennent Bayeux. Le 12 juin, les têtes de pont sont réunies.")
    found = values(text, context, dct="2014-06-06")
    assert found["Hier"] == "2014-06-05"
    assert (found["Le 6 juin"], found["Le 7 juin"], found["Le 12 juin"]) == ("1944-06-06", "1944-06-07", "1944-06-12")


# Issue 9: "le même jour", "un mois plus tard", "quelques jours après" count from the story's day, as
# "le lendemain" does, not from a date said in passing just before (a birth, a battle recalled).
@pytest.mark.parametrize(("passing", "relative", "expected"), [
    ("Le capitaine Marchal, né le 4 juin 1871 à Nancy, prend le commandement.", "Le même jour", "1916-03-12"),
    ("Le colonel relit sa lettre du 22 août 1914.", "Un mois plus tard", "1916-04"),
    ("Le général Roux, né le 2 septembre 1850, commande la division.", "Quelques jours après", "1916-03"),
    ("Le capitaine Marchal, né le 4 juin 1871 à Nancy, prend le commandement.", "Le jour même", "1916-03-12"),
])
def test_a_relative_date_counts_from_the_story_not_from_a_date_said_in_passing(passing: str, relative: str,
                                                                               expected: str, context) -> None:
    text = f"Le 12 mars 1916, le bataillon monte en ligne. {passing} {relative}, la tranchée est bombardée."
    assert values(text, context)[relative] == expected


def test_a_relative_date_in_the_sentence_of_its_day_counts_from_that_day(context) -> None:
    text = ("Le 3 août 1914, le bataillon quitte Lyon. Le régiment avait été mis au repos, lorsque, le 20 "
            "septembre, l'ennemi attaque ; le jour même, le village est repris.")
    assert values(text, context)["le jour même"] == "1914-09-20"


# Issue 9: a year given by a heading or a previous paragraph holds the months and days written under it.
@pytest.mark.parametrize("heading", ["ANNÉE 1916", "1916", "Année 1916"])
def test_a_heading_year_holds_the_days_under_it_even_a_bound(heading: str, context) -> None:
    text = (f"Le 28 novembre 1915, le bataillon est relevé.\n\n{heading}\n\nLe bataillon tient les tranchées "
            "jusqu'au 8 février. Le 21 février, il part pour Verdun.")
    found = values(text, context)
    assert (found["8 février"], found["Le 21 février"]) == ("1916-02-08", "1916-02-21")


def test_months_listed_under_a_heading_year_are_read_with_it(context) -> None:
    text = ("1916 Secteur de Tahure, janvier et février. La Somme, de juillet à octobre. Verdun, décembre.\n\n"
            "1917 Repos en Lorraine.")
    found = values(text, context)
    assert (found["janvier"], found["février"], found["juillet"], found["octobre"], found["décembre"]) == \
        ("1916-01", "1916-02", "1916-07", "1916-10", "1916-12")


@pytest.mark.parametrize("middle", [
    "\n\nLA CHAMPAGNE (septembre 1914 - mars 1915) : le bataillon avait été mis en réserve à l'arrière, "
    "lorsque, le 26 septembre, les Allemands déclenchent un assaut brutal.",
    " Le régiment, en réserve depuis septembre 1914, fut rappelé lorsque, le 26 septembre, les Allemands "
    "déclenchèrent un assaut brutal.",
])
def test_the_same_day_follows_a_day_told_against_a_reference(middle: str, context) -> None:
    # "Le 26 septembre" is read against the period just named (a heading's, "depuis septembre 1914"); it
    # is still the last day told, and no passing mention: "le jour même" in the next sentence is that day.
    text = (f"Le 28 août 1914, le régiment recule vers la Marne.{middle} Le commandement le lance dans la mêlée "
            "et, le jour même, le village est repris.")
    assert values(text, context)["le jour même"] == "1914-09-26"


# A soldier's notebook: each entry opens on its day, set apart by a dash.
NOTEBOOK = ("Carnet de route du sergent Morel, août 1870.\n"
            "12 août. — Aujourd'hui nous marchons vers la Moselle. Demain nous passerons la rivière.\n"
            "14 août. — Hier le bataillon a perdu vingt hommes. Cette semaine fut rude.")


@pytest.mark.parametrize("dct", [None, "1902-03-04"])
def test_a_diary_entry_speaks_on_the_day_that_heads_it(dct: str | None, context) -> None:
    # Printed by a newspaper in 1902 or read alone, the notebook's deixis is its entries' days.
    found = values(NOTEBOOK, context, dct)
    assert found["Aujourd'hui"] == "1870-08-12"
    assert found["Demain"] == "1870-08-13"
    assert found["14 août"] == "1870-08-14"
    assert found["Hier"] == "1870-08-13"
    assert found["Cette semaine"] == "1870-W32"  # 14 August 1870 was a Sunday


def test_a_papers_own_dateline_leaves_its_deixis_on_the_day_of_writing(context) -> None:
    text = "PARIS, 17 mai (AFP) - Le ministre a reçu hier les syndicats. Il les reverra demain."
    found = values(text, context, "1999-05-17")
    assert found["hier"] == "1999-05-16" and found["demain"] == "1999-05-18"


def test_a_date_in_parentheses_closing_its_sentence_moves_the_story(context) -> None:
    # An encyclopedia's way of dating a sentence; the day told next follows it, not the day before.
    text = ("Le 4 décembre 1808, l'empereur entre dans la ville. "
            "Il décide ensuite de reprendre l'offensive au nord (juillet 1810). Le 3 août, il passe la frontière.")
    assert values(text, context)["Le 3 août"] == "1810-08-03"


def test_a_date_in_parentheses_after_a_name_stays_a_reference(context) -> None:
    text = ("Le 4 décembre 1808, l'empereur entre dans la ville, où le général Morel (1765-1840) le reçoit. "
            "Le 6 décembre, il repart.")
    assert values(text, context)["Le 6 décembre"] == "1808-12-06"


# A memoir opening on the narrator's birth, then his war decades later.
MEMOIR = ("Je suis né à Rouen en 1912, dans une famille de marins.\n\n"
          "En septembre 1939, je fus mobilisé dans l'infanterie. L'hiver passa sans combat, "
          "et le froid de janvier fut terrible.\n\n"
          "Le 10 mai, les Allemands attaquèrent. Le 1er juin, nous embarquâmes à Dunkerque. "
          "En 1938 déjà, mon frère m'avait dit que la guerre viendrait. Le 4 juin, j'étais en Angleterre.")


def test_a_month_told_before_any_day_is_what_the_next_season_follows(context) -> None:
    found = values(MEMOIR, context)
    assert found["septembre 1939"] == "1939-09"
    assert found["L'hiver"] == "1939-WI"  # the winter that begins in December 1939
    assert found["janvier"] == "1940-01"
    assert found["Le 10 mai"] == "1940-05-10"


def test_a_year_told_in_the_pluperfect_is_a_flashback_even_opening_its_sentence(context) -> None:
    assert values(MEMOIR, context)["Le 4 juin"] == "1940-06-04"


def test_the_middle_of_a_winter_is_in_the_year_after_it_begins() -> None:
    from annales.time.values import representative
    middle = representative(Point(year=1939, season="WI"))
    assert middle is not None and middle.year == 1940


def test_a_season_is_the_one_the_story_is_in(context) -> None:
    text = ("Le 26 décembre 1914, le régiment attaque. Le 4 janvier, une nouvelle attaque échoue. "
            "Pendant tout l'hiver, les compagnies se relèvent dans la neige.")
    assert values(text, context)["l'hiver"] == "1914-WI"


# A paper of Friday 13 March 1891: a dispatch of the day before, then another section.
GAZETTE = ("Paris, 12 mars. — Une grève a éclaté ce matin dans les ateliers du chemin de fer. "
           "Les ouvriers se réuniront demain à la Bourse du travail.\n"
           "Allemagne. — L'empereur est parti lundi pour Kiel. Il rentrera à Berlin samedi.")


def test_a_dispatch_speaks_on_its_day_until_the_next_section(context) -> None:
    found = values(GAZETTE, context, "1891-03-13")
    assert found["ce matin"] == "1891-03-12TMO"
    assert found["demain"] == "1891-03-13"
    assert found["lundi"] == "1891-03-09"
    assert found["samedi"] == "1891-03-14"


def test_section_heads_are_lines_opening_on_a_dash() -> None:
    from annales.common.layout import section_heads
    heads = section_heads(GAZETTE)
    assert [GAZETTE[:h].rsplit("\n", 1)[-1] for h in heads] == ["Paris, 12 mars. — ", "Allemagne. — "]


def test_the_same_year_and_month_are_the_storys(context) -> None:
    text = ("Le 3 mai 1916, le bataillon monte en ligne. Le même mois, il perd son chef. "
            "La même année, le régiment reçoit la fourragère.")
    found = values(text, context)
    assert found["Le même mois"] == "1916-05" and found["La même année"] == "1916"


# A memoir of an arrest: two years said in passing, one in a relative clause in the pluperfect (the
# tagger gives "avais" the present), one in a participle said of the subject of a pluperfect.
ARREST = ("On m'arrêta dans la nuit du 24 au 25 mai 1937. Le lendemain, je fus conduit à la prison. "
          "Le juge me demanda ce que j'avais fait en 1918 à Kiev. Le 2 juillet, je fus condamné.\n\n"
          "Mon ami Pavel, arrêté en 1936, avait reçu la même peine.\n\n"
          "En août, le convoi partit pour le nord. Nous arrivâmes au camp le 14 septembre.")


def test_years_said_in_a_flashback_do_not_take_over_the_story(context) -> None:
    found = values(ARREST, context)
    assert found["Le 2 juillet"] == "1937-07-02"
    assert found["août"] == "1937-08" and found["le 14 septembre"] == "1937-09-14"


@pytest.mark.parametrize(("text", "start", "value"), [
    ("La bataille se déroule du 1er juillet au 18 novembre 1916.", "1er juillet", "1916-07-01"),
    ("Le siège dure du 20 décembre au 5 janvier 1871.", "20 décembre", "1870-12-20"),
])
def test_a_period_starts_in_the_year_written_at_its_end(text: str, start: str, value: str, context) -> None:
    assert values(text, context)[start] == value


def test_the_same_week_is_the_storys(context) -> None:
    text = "L'armistice est signé le 11 novembre 1918. La même semaine, l'empereur abdique."
    assert values(text, context)["La même semaine"] == "1918-W46"


@pytest.mark.parametrize(("text", "clock", "value"), [
    ("On m'arrêta dans la nuit du 24 au 25 mai 1937. On frappa à la porte vers trois heures.",
     "vers trois heures", "1937-05-25T03:00"),
    ("La nuit du 6 au 7 août 1914 se passe sans incident. À 4 heures, alerte.", "4 heures", "1914-08-07T04:00"),
    ("Dans la nuit du 6 au 7 août 1914, à 23 heures, alerte.", "23 heures", "1914-08-06T23:00"),
])
def test_the_small_hours_of_a_night_are_the_next_days(text: str, clock: str, value: str, context) -> None:
    assert values(text, context)[clock] == value


def test_before_daybreak_after_a_night_is_the_next_morning(context) -> None:
    text = "Dans la nuit du 26 au 27 février 1916, départ. Les bataillons escaladent avant le jour les pentes."
    assert values(text, context)["le jour"] == "1916-02-27TMO"
    assert "le jour" not in values("Il travaille le jour et dort la nuit.", context)


# A month with its year in two digits ("juin 48", "mai 68"), followed by a word a date may stand
# before, not by the noun a figure counts ("juin 48 hommes").
@pytest.mark.parametrize(("text", "expected"), [
    ("Tout cela datait de juin 48 pour le général.", {"juin 48": "1848-06"}),
    ("En mai 68 les étudiants occupèrent la Sorbonne.", {"mai 68": "1868-05"}),
    ("En juin 48 hommes partirent vers la côte.", {}),
])
def test_a_month_with_a_two_digit_year(text: str, expected: dict[str, str], context) -> None:
    assert values(text, context, "1871-04-02") == expected


def test_a_two_digit_year_never_becomes_a_step_of_a_story_told_without_years(context) -> None:
    # No year, no publication date: "juin 48" keeps its unknown century and the story its days.
    text = ("Le 18 mars, la foule monta vers la butte. Le général était haï ; cela datait de loin, de juin 48 "
            "pour lui.\n\nLes soldats fraternisèrent avec la foule.")
    analysis = analyze(text, None, context=context)
    (june,) = [t for t in analysis.timexes if t.text == "juin 48"]
    assert june.value == "XXXX-06" and june.story_line is False
    (fraternised,) = [e for e in analysis.events if e.trigger.text == "fraternisèrent"]
    assert fraternised.date is not None and fraternised.date.value == "XXXX-03-18"


# A memoir that never writes a year counts its days from its own days, the year left unknown.
YEARLESS_MEMOIR = ("Le 30 avril, la foule monta vers la butte. Le lendemain, elle redescendit en chantant. "
                   "Pendant la nuit, on se battit près du canal. Trois jours plus tard, le calme revint. "
                   "La veille, il avait plu. Le blessé mourut quelques jours après.")


def test_a_story_told_in_days_without_a_year_counts_from_them(context) -> None:
    found = values(YEARLESS_MEMOIR, context)
    assert found["Le 30 avril"] == "XXXX-04-30"
    assert found["Le lendemain"] == "XXXX-05-01"  # across the month's end
    assert found["la nuit"] == "XXXX-05-01TNI"
    assert found["Trois jours plus tard"] == "XXXX-05-04"
    assert found["La veille"] == "XXXX-05-03"
    assert found["quelques jours après"] == "XXXX-05"


def test_counted_days_without_a_year_stay_unresolved_and_date_their_events(context) -> None:
    analysis = analyze(YEARLESS_MEMOIR, None, context=context)
    assert not any(t.resolved for t in analysis.timexes)  # no year: nothing is placed on the calendar
    dates = {e.trigger.text: e.date.value for e in analysis.events if e.date is not None}
    assert dates["redescendit"] == "XXXX-05-01" and dates["revint"] == "XXXX-05-04"


def test_a_year_told_later_makes_the_story_a_dated_one(context) -> None:
    # Once the story has a year, its days are counted on the calendar as before.
    text = "Le 30 avril 1871, la foule monta vers la butte. Le lendemain, elle redescendit."
    assert values(text, context)["Le lendemain"] == "1871-05-01"


def test_the_same_day_after_a_flashback_is_the_storys_day(context) -> None:
    # The pluperfect's year is a digression: it holds no day for "le soir même" to be the same as.
    text = ("Le 4 août 1914, je rejoins mon dépôt à Dijon. Mon oncle, qui avait servi au Tonkin en 1885, "
            "m'y conduit. Nous partons le soir même pour Belfort.")
    assert values(text, context)["le soir même"] == "1914-08-04TEV"


# Session 24: news sentences of our own, a paper of Wednesday 22 May 2002.
def test_a_year_after_a_cue_sets_no_year_for_a_news_storys_dates(context) -> None:
    text = "La piscine, fermée depuis 1994 pour des raisons de sécurité, rouvrira le 30 juin."
    assert values(text, context, "2002-05-22")["le 30 juin"] == "2002-06-30"


def test_a_clock_time_told_in_the_past_in_news_is_not_on_a_coming_day(context) -> None:
    text = ("Le marché de Noël ouvrira le 29 novembre. Les gendarmes ont interpellé un automobiliste vers "
            "23 heures.")
    assert values(text, context, "2002-05-22")["vers 23 heures"] == "2002-05-22T23:00"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Le gardien, blessé jeudi à l'entraînement, manquera le derby.", "2002-05-16"),
    ("La course, programmée jeudi, a été annulée.", "2002-05-23"),
])
def test_a_bare_participle_dated_by_a_weekday_is_past_unless_it_plans(sentence: str, expected: str,
                                                                      context) -> None:
    day = next(word for word in ("mardi", "jeudi") if word in sentence)
    assert values(sentence, context, "2002-05-22")[day] == expected


@pytest.mark.parametrize(("sentence", "key", "expected"), [
    ("Le maire a inauguré mercredi la nouvelle médiathèque.", "mercredi", "2002-05-22"),
    ("Les pompiers sont intervenus mercredi matin dans un entrepôt.", "mercredi matin", "2002-05-22TMO"),
    ("Le maire a inauguré mercredi dernier la nouvelle médiathèque.", "mercredi dernier", "2002-05-15"),
    ("Le maire a inauguré mardi la nouvelle médiathèque.", "mardi", "2002-05-21"),
])
def test_the_weekday_of_the_paper_told_in_the_past_is_the_paper_s_day(sentence: str, key: str, expected: str,
                                                                      context) -> None:
    # a paper of Wednesday 22 May 2002: "mercredi" is that day unless "dernier" sends it a week back
    assert values(sentence, context, "2002-05-22")[key] == expected


def test_a_plan_in_a_clause_told_in_the_future_lies_ahead_but_an_announcement_was_made(context) -> None:
    text = "Le concours aura lieu de nouveau, comme prévu le premier dimanche du printemps."
    assert values(text, context, "2002-05-22")["le premier dimanche du printemps"] == "2003-03-23"
    said = "La visite du préfet, annoncée lundi, aura lieu vendredi."
    assert values(said, context, "2002-05-22")["lundi"] == "2002-05-20"  # announced on Monday


def test_a_line_in_capitals_reads_its_future_from_the_spelling_of_its_verb(context) -> None:
    text = "LA FOIRE AUX VINS SE TIENDRA SAMEDI\nLes viticulteurs de la vallée installeront leurs stands."
    assert values(text, context, "2002-05-20")["SAMEDI"] == "2002-05-25"  # a Monday: the Saturday before is nearer


def test_a_weekday_named_again_after_that_day_was_told_is_the_same_day(context) -> None:
    text = ("La foire aux vins se tiendra samedi. Les viticulteurs de la vallée installeront leurs stands. "
            "Samedi soir, un bal rassemble les exposants sur la place.")
    found = values(text, context, "2002-05-20")  # a Monday: the Saturday before is nearer
    assert (found["samedi"], found["Samedi soir"]) == ("2002-05-25", "2002-05-25TEV")


def test_a_time_counted_from_the_story_under_a_future_does_not_move_a_history(context) -> None:
    text = ("Le 3 juin 1746, le corsaire Duval prend un navire anglais devant Dunkerque. Cette prise lui vaudra "
            "d'être anobli l'année suivante. Le 9 juillet, il entre à Saint-Malo.")
    found = {t.text: t for t in analyze(text, context=context).timexes}
    assert found["l'année suivante"].value == "1747" and found["l'année suivante"].story_line is False
    assert found["Le 9 juillet"].value == "1746-07-09"


def test_the_end_of_the_week_told_in_the_past_midweek_is_the_week_before(context) -> None:
    text = "Hier, il pleuvait. Le préfet a reçu en fin de semaine les maires du canton."
    assert values(text, context, "2002-05-22")["fin de semaine"] == "2002-W20"


def test_the_winter_told_first_under_a_year_heading_is_the_one_that_year_opens_in(context) -> None:
    text = ("Le 14 septembre 1914, le bataillon s'arrête sur l'Aisne.\n\n1915\n\nLe bataillon passe l'hiver "
            "dans les tranchées de Soissons. Le 12 mai, il attaque le plateau.")
    found = values(text, context)
    assert (found["l'hiver"], found["Le 12 mai"]) == ("1914-WI", "1915-05-12")


def test_a_paragraph_after_a_pluperfect_reminder_goes_back_to_the_story(context) -> None:
    text = ("Le 3 juin 1916, la compagnie monta à Verdun. Huit jours après, elle fut relevée.\n\n"
            "En 1915, j'avais fait mes classes dans cette caserne, et j'en connaissais chaque couloir.\n\n"
            "Le 2 juillet, nous repartîmes vers le front.")
    assert values(text, context)["Le 2 juillet"] == "1916-07-02"  # not July 1915, a year before the story


def test_what_is_told_after_a_periods_end_follows_that_end(context) -> None:
    text = "À la fin de 1916, la division quitte la Somme. En février, elle monte en Champagne."
    assert values(text, context)["février"] == "1917-02"
    text = "Au début de 1916, la division quitte la Somme. En novembre, elle monte en Champagne."
    assert values(text, context)["novembre"] == "1916-11"
    text = "À la fin de mai 1916, la division quitte la Somme. Le 4, elle monte en Champagne."
    assert values(text, context)["Le 4"] == "1916-06-04"


def test_a_season_in_a_story_told_in_the_present_is_the_storys(context) -> None:
    # the dates of the story hang on present verbs: its present is the story's, and so is its spring
    text = ("Le 12 janvier 1799, les insurgés prennent la ville. Le 3 février, ils assiègent le port. "
            "Au printemps, des renforts débarquent.")
    assert values(text, context)["printemps"] == "1799-SP"


def test_a_season_said_in_the_present_of_a_story_told_in_the_past_stays_any_years(context) -> None:
    text = ("Le 12 janvier 1799, les insurgés prirent la ville. Le 3 février, ils assiégèrent le port. "
            "En hiver, les routes de la région sont impraticables.")
    assert values(text, context)["hiver"] == "XXXX-WI"


def test_the_following_winter_is_after_the_story_and_its_spring_after_it(context) -> None:
    # a move the words spell out ("suivant") costs as a step told; the spring is read next to that winter
    text = ("En octobre 1797, la flotte quitte Brest. Le 2 mars 1798, elle entre à Lorient. L'hiver suivant "
            "est très rude. Au printemps, l'escadre reprend la mer.")
    found = values(text, context)
    assert (found["L'hiver suivant"], found["printemps"]) == ("1798-WI", "1799-SP")


def test_a_yearless_month_after_a_cue_of_reference_leaves_the_story_where_it_is(context) -> None:
    # "depuis le mois de juin" is said in passing: the story stays at the end of July
    text = ("La bataille de Castiglione est livrée le 5 août 1796 en Lombardie.\n\nFin juillet, Wurmser descend "
            "du Tyrol pour débloquer Mantoue, que les Français assiègent depuis le mois de juin. Bonaparte lève "
            "aussitôt le siège.")
    lifted = next(e for e in analyze(text, context=context).events if e.trigger.text == "lève")
    assert lifted.date is not None and lifted.date.value == "1796-07"  # not June


def test_a_day_set_off_by_a_comma_is_no_subject_coming_back_every_year(context) -> None:
    # "le 11 novembre rend hommage …" is every year's; "Le 3 août, X bat …" is a day of the story, whatever
    # the parse makes of it
    text = ("La bataille de Castiglione est livrée le 5 août 1796 près de Castiglione delle Stiviere, en Lombardie, "
            "entre l'armée d'Italie du général Bonaparte et une armée autrichienne commandée par le feld-maréchal "
            "Wurmser.\n\nFin juillet, Wurmser descend du Tyrol avec près de 50 000 hommes pour débloquer Mantoue, "
            "que les Français assiègent depuis le mois de juin. Bonaparte lève aussitôt le siège, abandonne son "
            "artillerie lourde et concentre ses divisions au sud du lac de Garde. Le 3 août, Masséna et Augereau "
            "battent la colonne de Quasdanovich à Lonato.")
    assert values(text, context)["Le 3 août"] == "1796-08-03"


def test_a_date_after_depuis_is_past_whatever_the_tense(context) -> None:
    text = "Fermée depuis le mois de mars, la piscine rouvrira ses portes le lundi 6 septembre."
    found = values(text, context, dct="1999-07-22")
    assert found["mois de mars"] == "1999-03" and found["le lundi 6 septembre"] == "1999-09-06"


# Session 29: a day counted from a doing the text told before ("une semaine après notre départ").
def test_a_day_counted_from_a_doing_told_before_is_counted_from_the_day_it_was_told_on(context) -> None:
    text = ("Le 3 juin 1916, le bataillon quitta Verdun. Il atteignit Bar-le-Duc quatre jours après son départ. "
            "Le lendemain de son arrivée, les hommes furent passés en revue. Le surlendemain, ils embarquèrent.")
    found = values(text, context)
    assert found["quatre jours après"] == "1916-06-07"
    assert found["Le lendemain"] == "1916-06-08"  # the arrival is the day its sentence counted
    assert found["Le surlendemain"] == "1916-06-10"  # and the story goes on from there


def test_a_day_counted_from_a_doing_whose_sentence_names_no_day_takes_the_story_s(context) -> None:
    text = ("Le 9 mars 1871, la colonne entra dans Dijon. Les habitants accueillirent les soldats avec méfiance. "
            "Trois jours après l'accueil, le général repartit vers le sud.")
    assert values(text, context)["Trois jours après"] == "1871-03-12"


def test_a_day_counted_from_a_doing_the_text_never_told_stays_unknown(context) -> None:
    for text in ("Le 9 mars 1871, la colonne entra dans Dijon. Le lendemain d'une longue marche, le général "
                 "repartit vers le sud.",  # a new doing: nothing told dates it
                 "Le 9 mars 1871, la colonne entra dans Dijon. Le lendemain de la signature, le général repartit "
                 "vers le sud.",  # no signing was told
                 "Le maire avait été révoqué par le préfet. Le 9 mars 1871, la colonne entra dans Dijon. Le "
                 "lendemain de sa révocation, le maire avait quitté la ville."):  # a flashback's, no day of its own
        assert values(text, context)["Le lendemain"].startswith("XXXX"), text


def test_years_counted_from_a_doing_told_before_name_a_year(context) -> None:
    text = ("La guerre prit fin le 11 novembre 1918. Le monument a été inauguré trois ans après la fin de la "
            "guerre.")
    assert values(text, context)["trois ans après"] == "1921"


def test_a_clock_time_after_a_year_said_in_passing_is_on_the_story_s_day(context) -> None:
    text = ("Le 3 mai 1799, la colonne attaque le fort. La légion polonaise, qui servait la France depuis 1797, "
            "charge sur le flanc. Vers quatre heures de l'après-midi, le fort se rend.")
    assert values(text, context)["Vers quatre heures de l'après-midi"] == "1799-05-03T16:00"


@pytest.mark.parametrize(("sentence", "key", "expected"), [
    ("Les syndicats ont appelé à une grève mardi.", "mardi", "2002-05-21"),
    ("Les cheminots ont appelé hier à un arrêt de travail le 15 juin.", "le 15 juin", "2002-06-15"),
    ("Le maire a appelé mardi les habitants au calme.", "mardi", "2002-05-14"),  # the call itself: past
])
def test_a_date_of_what_is_called_for_lies_ahead_of_the_call(sentence: str, key: str, expected: str,
                                                              context) -> None:
    assert values(sentence, context, "2002-05-20")[key] == expected  # a paper of Monday 20 May 2002


def test_a_clock_time_of_a_doing_told_before_is_on_that_doing_s_day(context) -> None:
    text = ("Un incendie a ravagé samedi soir un hangar de la zone portuaire, a indiqué lundi la préfecture. "
            "L'incendie s'est déclaré vers 22 heures. Les riverains ont été évacués pendant la nuit.")
    found = values(text, context, "2002-05-20")
    assert found["vers 22 heures"] == "2002-05-18T22:00"
    assert found["la nuit"] == "2002-05-18TNI"


@pytest.mark.parametrize(("phrase", "expected"), [
    ("Ce matin-là", "1916-02-21TMO"), ("Ce soir-là", "1916-02-21TEV"), ("Cette nuit-là", "1916-02-21TNI"),
    ("Ce jour-là", "1916-02-21"),
])
def test_that_part_of_the_story_s_day_is_a_time_of_that_day(phrase: str, expected: str, context) -> None:
    text = f"Le 21 février 1916, le bombardement commence à l'aube. {phrase}, le bataillon tient le bois."
    assert values(text, context)[phrase] == expected
