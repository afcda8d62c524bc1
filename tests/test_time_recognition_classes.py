"""Classes of time expressions the engine must recognise wherever they occur, not one sentence each:
clock times told from durations by the words around them, years heading a line, days written
alone or framed by a part of the day, a deictic glossed by its date, the vocabulary of news, feasts,
Roman time and OCR'd years. Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest
from timex_helpers import analysed as _analysis
from timex_helpers import only_timex as _timex

from annales.time.interpret import read
from annales.time.lexicon import lexicon_for
from annales.time.recognise import recognise
from annales.time.rules import grammar_for

DAY = "Le 20 juin 1915, "
STORY = "Le 5 août 1914, le régiment quitte la caserne. "
LATE = "Le 26 août 1914, le régiment quitte la caserne. "
NEWS_DCT = "1999-06-15"


@pytest.mark.parametrize("text, target, value", [
    pytest.param(DAY + "l'attaque eut lieu à 7 heures précises.", "7 heures", "1915-06-20T07:00", id="a-precises"),
    pytest.param(DAY + "l'assaut partit 10 heures précises.", "10 heures", "1915-06-20T10:00", id="precises-alone"),
    pytest.param(DAY + "nous prîmes le convoi de 6 heures 45.", "6 heures 45", "1915-06-20T06:45", id="heures-minutes"),
    pytest.param(DAY + "la relève arriva.\nA trois heures et demie, le feu reprit.", "trois heures et demie",
                 "1915-06-20T03:30", id="capital-a-without-accent"),
    pytest.param(DAY + "le bombardement dura de midi à 2 heures.", "2 heures", "1915-06-20T14:00", id="noon-range-end"),
    pytest.param(DAY + "la batterie tira de 10 h à 2 h sans arrêt.", "2 h", "1915-06-20T14:00", id="range-end-pm"),
    pytest.param(DAY + "la colonne fit halte.\nA midi, l'ennemi attaqua.", "midi", "1915-06-20T12:00",
                 id="capital-a-midi"),
    pytest.param(DAY + "à 15 h. 20 le bataillon partit.", "15 h. 20", "1915-06-20T15:20", id="h-dot-minutes"),
    pytest.param(DAY + "entre 2 et 4 heures, le feu cessa.", "2", "1915-06-20T02:00", id="entre-start"),
    pytest.param(DAY + "entre 2 et 4 heures, le feu cessa.", "4 heures", "1915-06-20T04:00", id="entre-end"),
    pytest.param(DAY + "de 8 heures à 10 heures, le feu cessa.", "8 heures", "1915-06-20T08:00", id="de-start"),
    pytest.param(DAY + "la soupe fut servie à midi et demi.", "midi et demi", "1915-06-20T12:30", id="midi-et-demi"),
    pytest.param(DAY + "à une heure moins le quart, le feu cessa.", "une heure moins le quart",
                 "1915-06-20T00:45", id="moins-le-quart"),
])
def test_a_number_of_hours_in_a_clock_context_is_a_time(text: str, target: str, value: str) -> None:
    timex = _timex(_analysis(text), target)
    assert (timex.type, timex.value) == ("TIME", value)


@pytest.mark.parametrize("text, target, value", [
    pytest.param(DAY + "le feu cessa pendant 2 heures 30.", "2 heures", "PT2H", id="pendant"),
    pytest.param(DAY + "le village est à 10 heures de marche.", "10 heures", "PT10H", id="heures-de-marche"),
    pytest.param(DAY + "il fallut de 2 à 4 heures de marche.", "4 heures", "PT4H", id="range-of-hours-walked"),
])
def test_a_number_of_hours_counted_stays_a_duration(text: str, target: str, value: str) -> None:
    timex = _timex(_analysis(text), target)
    assert (timex.type, timex.value) == ("DURATION", value)


@pytest.mark.parametrize("text, target, value", [
    pytest.param("Historique du régiment\n1917\nLe secteur resta calme jusqu'en avril.", "1917", "1917",
                 id="alone-on-its-line"),
    pytest.param("Historique du régiment\n\n1916 Relève en Argonne.\n1917 La bataille du Chemin des Dames.",
                 "1916", "1916", id="heading-a-line"),
    pytest.param("Historique du régiment\n\n1916 Relève en Argonne.\n1917 La bataille du Chemin des Dames.",
                 "1917", "1917", id="heading-the-next-line"),
    pytest.param("Historique du régiment\n1916 : offensive de la Somme.", "1916", "1916", id="with-a-colon"),
])
def test_a_year_heading_a_line_is_a_date(text: str, target: str, value: str) -> None:
    timex = _timex(_analysis(text), target)
    assert (timex.type, timex.value) == ("DATE", value)


@pytest.mark.parametrize("text, target, type_, value, mod", [
    pytest.param(STORY + "Le 9, il débarque à Marseille.", "Le 9", "DATE", "1914-08-09", None, id="le-9-comma"),
    pytest.param(STORY + "Il débarque le 9 à Marseille.", "le 9", "DATE", "1914-08-09", None, id="le-9-a"),
    pytest.param(STORY + "Le 11 il attaque le village.", "Le 11", "DATE", "1914-08-11", None, id="le-11-verb"),
    pytest.param(LATE + "La journée du 29 fut calme.", "La journée du 29", "DATE", "1914-08-29", None,
                 id="journee-du"),
    pytest.param(LATE + "La nuit du 27 au 28 fut agitée.", "La nuit du 27 au 28", "TIME", "1914-08-27TNI", None,
                 id="nuit-du-au"),
    pytest.param(LATE + "Dans la nuit du 31 août au 1er septembre, il attaque.",
                 "la nuit du 31 août au 1er septembre", "TIME", "1914-08-31TNI", None, id="nuit-across-months"),
    pytest.param(STORY + "Dans la matinée du 12, il attaque.", "la matinée du 12", "TIME", "1914-08-12TMO", None,
                 id="matinee-du"),
    pytest.param(STORY + "Au début d'octobre, il attaque.", "début d'octobre", "DATE", "1914-10", "START",
                 id="debut-d-octobre"),
])
def test_days_alone_and_framed_days(text: str, target: str, type_: str, value: str, mod: str | None) -> None:
    timex = _timex(_analysis(text), target)
    assert (timex.type, timex.value, timex.mod) == (type_, value, mod)


def test_a_night_across_two_days_is_one_expression() -> None:
    analysis = _analysis(LATE + "La nuit du 27 au 28 fut agitée.")
    assert [t.text for t in analysis.timexes] == ["Le 26 août 1914", "La nuit du 27 au 28"]


@pytest.mark.parametrize("text, expected", [
    pytest.param(STORY + "Les 12 et 13, il attaque.", [("Les 12", "1914-08-12"), ("13", "1914-08-13")],
                 id="two-days"),
    pytest.param(STORY + "Les 12, 13 et 14, il attaque.",
                 [("Les 12", "1914-08-12"), ("13", "1914-08-13"), ("14", "1914-08-14")], id="three-days"),
])
def test_lists_of_days_without_a_month(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in _analysis(text).timexes[1:]] == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param(STORY + "Il est relevé dans les nuits des 3 et 4 octobre.",
                 [("les nuits des 3", "1914-10-03TNI"), ("4 octobre", "1914-10-04")], id="nights"),
    pytest.param(STORY + "Les journées des 20 et 21 septembre sont calmes.",
                 [("Les journées des 20", "1914-09-20"), ("21 septembre", "1914-09-21")], id="days"),
])
def test_a_list_of_framed_days_takes_the_month_told_after_its_last_day(text: str,
                                                                      expected: list[tuple[str, str]]) -> None:
    # Not the story's month (August): the month after the last day closes the whole list.
    assert [(t.text, t.value) for t in _analysis(text).timexes[1:]] == expected


def test_a_deictic_glossed_by_its_date_takes_the_date() -> None:
    analysis = _analysis("Avant-hier, 8 avril, le préfet a démissionné.", "1999-04-10")
    assert _timex(analysis, "Avant-hier").value == "1999-04-08"
    assert _timex(analysis, "8 avril").value == "1999-04-08"


def _readings(text: str) -> dict[str, object]:
    lexicon = lexicon_for("fr")
    return {text[c.start:c.end]: read(c, lexicon) for c in recognise(text, grammar_for("fr"))}


def test_a_glossed_deictic_is_read_as_its_date_and_keeps_its_anchor() -> None:
    reading = _readings("Hier soir, 18 mars, le ministre a parlé.")["Hier soir"]
    assert reading.glossed and reading.anchor == "speech"
    assert (reading.kind, reading.type, reading.point.month, reading.point.day, reading.point.part) == (
        "partial", "TIME", 3, 18, "EV")


def test_a_date_after_an_article_is_the_next_item_of_a_list_not_a_gloss() -> None:
    reading = _readings("Le carnet mentionne le lendemain, le 14 avril 1915.")["le lendemain"]
    assert not reading.glossed and reading.kind == "deictic"


@pytest.mark.parametrize("text, target, type_, value, mod", [
    pytest.param("Les prix ont monté ces dernières années.", "ces dernières années", "DURATION", "PXY", None,
                 id="ces-dernieres-annees"),
    pytest.param("Au cours des dix dernières années, rien n'a changé.", "dix dernières années", "DURATION", "P10Y",
                 None, id="dix-dernieres-annees"),
    pytest.param("Les trois jours suivants, il a plu.", "Les trois jours suivants", "DURATION", "P3D", None,
                 id="jours-suivants"),
    pytest.param("La garnison campa quelques mois sur la rive.", "quelques mois", "DURATION", "PXM", None,
                 id="quelques-mois"),
    pytest.param("La grève a duré une dizaine de jours.", "une dizaine de jours", "DURATION", "P10D", "APPROX",
                 id="une-dizaine"),
    pytest.param("Il a vécu 20 ans en Afrique.", "20 ans", "DURATION", "P20Y", None, id="years-lived"),
    pytest.param("D'ici la fin de l'année, la loi sera votée.", "fin de l'année", "DATE", "1999", "END",
                 id="fin-de-l-annee"),
    pytest.param("En fin de journée, la Bourse a chuté.", "fin de journée", "DATE", "1999-06-15", "END",
                 id="fin-de-journee"),
    pytest.param("Cet après-midi, le ministre a parlé.", "Cet après-midi", "TIME", "1999-06-15TAF", None,
                 id="cet-apres-midi"),
    pytest.param("À la mi-journée, le cours a chuté.", "la mi-journée", "TIME", "1999-06-15TMI", None,
                 id="mi-journee"),
    pytest.param("Il a plu la nuit dernière sur Lyon.", "la nuit dernière", "TIME", "1999-06-14TNI", None,
                 id="nuit-derniere"),
    pytest.param("Au premier trimestre 1999, la croissance a ralenti.", "premier trimestre 1999", "DATE",
                 "1999-Q1", None, id="trimestre"),
    pytest.param("Le budget 1999 a été voté hier.", "1999", "DATE", "1999", None, id="bare-year"),
    pytest.param("La réunion du 12/05/1999 a été reportée.", "12/05/1999", "DATE", "1999-05-12", None,
                 id="numeric-date"),
    pytest.param("Récemment, le ministre a parlé.", "Récemment", "TIME", "PAST_REF", None, id="recemment"),
    pytest.param("L'année en cours sera difficile.", "L'année en cours", "DATE", "1999", None, id="en-cours"),
    pytest.param("Durant les années 1980 et 1990, la ville a grandi.", "1990", "DATE", "199X", None,
                 id="decade-list"),
    pytest.param("Il faut cinq milliards par semestre pour le plan.", "semestre", "SET", "P6M", None,
                 id="par-semestre"),
    pytest.param("Eté comme hiver, la plage est pleine.", "Eté", "DATE", "XXXX-SU", None, id="ete-comme-hiver"),
    pytest.param("Eté comme hiver, la plage est pleine.", "hiver", "DATE", "XXXX-WI", None, id="comme-hiver"),
    pytest.param("Le ministre arrivera en soirée.", "soirée", "TIME", "1999-06-15TEV", None, id="en-soiree"),
    pytest.param("Il a neigé en plein été.", "plein été", "DATE", "XXXX-SU", "MID", id="en-plein-ete"),
    pytest.param("La séance a duré une demi-heure.", "une demi-heure", "DURATION", "PT30M", None, id="demi-heure"),
    pytest.param("La séance a duré trois quarts d'heure.", "trois quarts d'heure", "DURATION", "PT45M", None,
                 id="trois-quarts"),
    pytest.param("Ce royaume a duré un demi-siècle.", "un demi-siècle", "DURATION", "P50Y", None, id="demi-siecle"),
    pytest.param("Il a plu toute la semaine sur Lyon.", "toute la semaine", "DURATION", "P1W", None,
                 id="toute-la-semaine"),
    pytest.param("Dans les prochaines heures, il neigera.", "les prochaines heures", "DURATION", "PTXH", None,
                 id="dans-les-prochaines-heures"),
    pytest.param("Le texte sera voté d'ici à deux ans.", "d'ici à deux ans", "DATE", "2001", None, id="d-ici-a"),
])
def test_news_vocabulary(text: str, target: str, type_: str, value: str, mod: str | None) -> None:
    timex = _timex(_analysis(text, NEWS_DCT), target)
    assert (timex.type, timex.value, timex.mod) == (type_, value, mod)


@pytest.mark.parametrize("text, target, value", [
    pytest.param("La charte fut proclamée le jour de la Saint-Jean 1820.", "le jour de la Saint-Jean 1820",
                 "1820-06-24", id="saint-jean"),
    pytest.param("Les renforts partirent à la Toussaint 1916.", "la Toussaint 1916", "1916-11-01", id="toussaint"),
    pytest.param("Le pont n'avait pas été rebâti depuis 4815.", "4815", "1815", id="ocr-depuis"),
    pytest.param("Son père avait servi pendant la guerre de 4870 et en parlait souvent.", "4870", "1870",
                 id="ocr-guerre-de"),
])
def test_feasts_and_ocr_years(text: str, target: str, value: str) -> None:
    timex = _timex(_analysis(text), target)
    assert (timex.type, timex.value) == ("DATE", value)


@pytest.mark.parametrize("text, target, part", [
    pytest.param("Vers la troisième veille, les cohortes levèrent le camp.", "la troisième veille", "TNI", id="watch"),
    pytest.param("Les légions marchèrent depuis la septième heure.", "la septième heure", "TAF",
                 id="seventh-hour"),
    pytest.param("Les éclaireurs partirent dès la première heure.", "la première heure", "TMO", id="first-hour"),
])
def test_roman_time(text: str, target: str, part: str) -> None:
    timex = _timex(_analysis(text), target)
    assert timex.type == "TIME" and timex.value.endswith(part)


@pytest.mark.parametrize("text, forbidden", [
    pytest.param("Historique du régiment\n1200 Allemands furent faits prisonniers.", "1200", id="count-heading"),
    pytest.param("Historique du régiment\n1200 hommes partirent ce jour-là.", "1200", id="count-heading-lower"),
    pytest.param("Ce jour-là, 1999 personnes ont voté.", "1999", id="count-of-people"),
    pytest.param("Entre 1500 et 2000 personnes ont défilé.", "2000", id="range-of-counts"),
    pytest.param("Pierre Dupont, 35 ans, a été arrêté.", "35 ans", id="age-apposition"),
    pytest.param("Il avait alors 35 ans.", "35 ans", id="age-avait-alors"),
    pytest.param("Les crèches accueillent les 0-6 ans.", "6 ans", id="age-range"),
    pytest.param("Il habite au 6 rue de la Paix.", "6", id="house-number"),
    pytest.param("Hélène écrit à Noël Régnier depuis Lyon.", "Noël", id="first-name"),
    pytest.param("Le combat dura toute la troisième heure de marche.", "heure", id="hour-of-an-event"),
    pytest.param("Les marchés ont baissé pendant la première heure.", "heure", id="first-hour-of-trading"),
    pytest.param("Une somme de 4870 a été versée aux blessés.", "4870", id="sum-not-ocr-year"),
    pytest.param("Les principaux quotidiens nationaux sont en grève.", "quotidiens", id="newspapers"),
    pytest.param("La presse quotidienne régionale est en grève.", "quotidienne", id="daily-press"),
    pytest.param("Raffinerie du Nord ......... 1865 .. 1850 ..", "18", id="price-table"),
    pytest.param("Un marin de vingt-deux ans a été arrêté.", "ans", id="age-compound-number"),
])
def test_not_a_timex(text: str, forbidden: str) -> None:
    offending = [t.text for t in _analysis(text).timexes if forbidden in t.text]
    assert offending == []


@pytest.mark.parametrize("text, target, value", [
    pytest.param("CHAPITRE II\n\nLA CHAMPAGNE (Avril-Juin 1916) Le bataillon monte en ligne.", "Avril", "1916-04",
                 id="a-heading-in-capitals"),
    pytest.param("Le régiment tint le secteur de mars à juin 1812.", "mars", "1812-03", id="in-a-sentence"),
])
def test_the_first_month_of_a_range_takes_the_year_written_after_the_second(text: str, target: str,
                                                                              value: str) -> None:
    timex = _timex(_analysis(text), target)
    assert (timex.type, timex.value) == ("DATE", value)


@pytest.mark.parametrize("text, target, value", [
    pytest.param(STORY + "Dans les semaines qui suivirent, il gagna la frontière.", "les semaines qui suivirent",
                 "PXW", id="relative-after"),
    pytest.param(STORY + "Les jours qui ont précédé, il avait plu.", "Les jours qui ont précédé", "PXD",
                 id="relative-before-compound"),
])
def test_a_relative_of_succession_reads_as_its_adjective(text: str, target: str, value: str) -> None:
    # "les semaines qui suivirent" says what "les semaines suivantes" says
    timex = _timex(_analysis(text), target)
    assert (timex.type, timex.value) == ("DURATION", value)


def test_a_relative_with_an_object_is_no_time_expression() -> None:
    # "les mois qui précédèrent la révolte": the months before an event, which the text does not date
    offending = [t.text for t in _analysis(STORY + "Les mois qui précédèrent la révolte furent calmes.").timexes
                 if "précédèrent" in t.text]
    assert offending == []


def test_a_round_number_of_a_time_unit_counting_people_is_no_duration() -> None:
    # "une quinzaine de morts" counts the dead; "une quinzaine de jours" is still a duration
    analysis = _analysis(STORY + "La fusillade fit une quinzaine de morts. Il resta une quinzaine de jours.")
    assert [t.text for t in analysis.timexes if "quinzaine" in t.text] == ["une quinzaine de jours"]


@pytest.mark.parametrize("text, target, value", [
    pytest.param(STORY + "Le lendemain au soir, il atteignit la Meuse.", "Le lendemain au soir", "1914-08-06TEV",
                 id="deictic"),
    pytest.param(STORY + "Le jeudi au matin, la colonne repartit.", "Le jeudi au matin", "1914-08-06TMO",
                 id="weekday"),
    pytest.param("Le 9 août 1914 au soir, la brigade franchit la frontière.", "Le 9 août 1914 au soir",
                 "1914-08-09TEV", id="date"),
])
def test_a_part_of_the_day_after_au_belongs_to_the_day_it_follows(text: str, target: str, value: str) -> None:
    timex = _timex(_analysis(text), target)
    assert (timex.type, timex.value) == ("TIME", value)
