"""Recognition and normalisation of single French time expressions, through `analyze`.

Each case names the sentence, the exact extent of the expression it targets and the TIMEX3
type and value expected (plus `mod`, `resolved` or interval where they matter). Expressions
that need a narrative day (clock times, parts of the day) get one dated sentence before them.
"""

from __future__ import annotations

import pytest
from timex_helpers import analysed as _analysis
from timex_helpers import only_timex as _timex

# (text, target, type, value, mod)
ABSOLUTE = [
    pytest.param("Le traité fut signé le 1er décembre 1934 à Genève.",
                 "le 1er décembre 1934", "DATE", "1934-12-01", None, id="day-month-year-1er"),
    pytest.param("Au mois de mars 1934, les émeutes reprirent dans la capitale.",
                 "mois de mars 1934", "DATE", "1934-03", None, id="mois-de-mars"),
    pytest.param("La crise éclata en 1928 dans tout le pays.",
                 "1928", "DATE", "1928", None, id="en-year"),
    pytest.param("Le ier septembre 1914, les uhlans approchaient de Senlis.",
                 "Le ier septembre 1914", "DATE", "1914-09-01", None, id="ocr-ier"),
    pytest.param("La flotte appareilla le 18 juin 1940 de Brest.",
                 "le 18 juin 1940", "DATE", "1940-06-18", None, id="day-month-year"),
    pytest.param("L'armistice fut signé dans la forêt de Compiègne le lundi 11 novembre 1918.",
                 "le lundi 11 novembre 1918", "DATE", "1918-11-11", None, id="weekday-day-month-year"),
    pytest.param("La ligne fut achevée en avril 1869 après des années de travaux.",
                 "avril 1869", "DATE", "1869-04", None, id="month-year"),
    pytest.param("L'année 1848 vit tomber la monarchie de Juillet.",
                 "L'année 1848", "DATE", "1848", None, id="annee-year"),
    pytest.param("Le congrès se tint du 4 au 9 mai 1919 à Paris, puis fut ajourné.",
                 "9 mai 1919", "DATE", "1919-05-09", None, id="range-end-day"),
]

SEASONS_AND_PARTS = [
    pytest.param("Pendant l'été 1943, les bombardements redoublèrent.",
                 "l'été 1943", "DATE", "1943-SU", None, id="ete-1943"),
    pytest.param("Au printemps1937 les grèves reprirent dans le Nord.",
                 "printemps1937", "DATE", "1937-SP", None, id="printemps-glued"),
    pytest.param("Durant l'hiver 1916, les tranchées furent inondées.",
                 "l'hiver 1916", "DATE", "1916-WI", None, id="hiver-1916"),
    pytest.param("Au début de 1937, la guerre civile s'intensifia.",
                 "début de 1937", "DATE", "1937", "START", id="debut-de-1937"),
    pytest.param("Fin 1937, le gouvernement tomba après un vote.",
                 "Fin 1937", "DATE", "1937", "END", id="fin-1937"),
    pytest.param("À la mi-juillet 1916, les pertes étaient énormes.",
                 "mi-juillet 1916", "DATE", "1916-07", "MID", id="mi-juillet"),
    pytest.param("Dans les années 1930, la crise frappa l'Europe entière.",
                 "les années 1930", "DATE", "193X", None, id="annees-1930"),
    pytest.param("Au XIXe siècle, l'industrie textile se développa.",
                 "XIXe siècle", "DATE", "18", None, id="xixe-siecle"),
    pytest.param("Au milieu du XIXe siècle, les chemins de fer se multiplièrent.",
                 "milieu du XIXe siècle", "DATE", "18", "MID", id="milieu-siecle"),
    pytest.param("Vers 1930, la ville comptait dix mille habitants.",
                 "Vers 1930", "DATE", "1930", "APPROX", id="vers-1930"),
]

DURATIONS_AND_SETS = [
    pytest.param("Les soldats marchèrent pendant cinquante heures sans repos.",
                 "cinquante heures", "DURATION", "PT50H", None, id="pendant-cinquante-heures"),
    pytest.param("La ville fut prise en trois jours par les insurgés.",
                 "trois jours", "DURATION", "P3D", None, id="en-trois-jours"),
    pytest.param("L'assaut final dura 2 heures et demie.",
                 "2 heures et demie", "DURATION", "PT2H30M", None, id="heures-et-demie"),
    pytest.param("Le train des blessés arriva avec 20 minutes de retard.",
                 "20 minutes", "DURATION", "PT20M", None, id="minutes-de-retard"),
    pytest.param("Le siège de la citadelle dura dix-huit jours.",
                 "dix-huit jours", "DURATION", "P18D", None, id="numword-dix-huit"),
    pytest.param("Les otages furent détenus pendant vingt-quatre heures.",
                 "vingt-quatre heures", "DURATION", "PT24H", None, id="numword-vingt-quatre"),
    pytest.param("Le blocus fut maintenu pendant six mois.",
                 "six mois", "DURATION", "P6M", None, id="pendant-six-mois"),
    pytest.param("Les bombardements reprenaient chaque jour à la même heure.",
                 "chaque jour", "SET", "P1D", None, id="chaque-jour"),
    pytest.param("Le conseil de guerre se réunissait tous les jeudis.",
                 "tous les jeudis", "SET", "XXXX-WXX-4", None, id="tous-les-jeudis"),
]


@pytest.mark.parametrize("text, target, type_, value, mod", ABSOLUTE + SEASONS_AND_PARTS + DURATIONS_AND_SETS)
def test_expression(text: str, target: str, type_: str, value: str, mod: str | None) -> None:
    timex = _timex(_analysis(text), target)
    assert (timex.type, timex.value, timex.mod) == (type_, value, mod)


def test_durations_and_sets_have_no_interval() -> None:
    timex = _timex(_analysis("Les soldats marchèrent pendant cinquante heures sans repos."), "cinquante heures")
    assert timex.interval is None


@pytest.mark.parametrize("text, target, earliest, latest", [
    pytest.param("Pendant l'été 1943, les bombardements redoublèrent.", "l'été 1943",
                 "1943-06-21", "1943-09-22", id="summer"),
    pytest.param("Durant l'hiver 1916, les tranchées furent inondées.", "l'hiver 1916",
                 "1916-12-21", "1917-03-19", id="winter-crosses-year"),
    pytest.param("Au mois de mars 1934, les émeutes reprirent dans la capitale.", "mois de mars 1934",
                 "1934-03-01", "1934-03-31", id="month"),
    pytest.param("Fin 1937, le gouvernement tomba après un vote.", "Fin 1937",
                 "1937-09-01", "1937-12-31", id="end-of-year"),
    pytest.param("Dans les années 1930, la crise frappa l'Europe entière.", "les années 1930",
                 "1930-01-01", "1939-12-31", id="decade"),
    pytest.param("Au XIXe siècle, l'industrie textile se développa.", "XIXe siècle",
                 "1800-01-01", "1899-12-31", id="century"),
])
def test_interval(text: str, target: str, earliest: str, latest: str) -> None:
    timex = _timex(_analysis(text), target)
    assert timex.interval is not None
    assert (timex.interval.earliest, timex.interval.latest) == (earliest, latest)


def test_start_of_year_covers_about_four_months() -> None:
    timex = _timex(_analysis("Au début de 1937, la guerre civile s'intensifia."), "début de 1937")
    assert timex.interval is not None
    assert timex.interval.earliest == "1937-01-01"
    assert "1937-04-20" <= timex.interval.latest <= "1937-05-05"


# Times and parts of the day, anchored on the day the sentence opens with.
DAY = "Le 20 juin 1815, "
TIMES = [
    pytest.param(DAY + "à 8h55, le premier coup de canon retentit.",
                 "8h55", "TIME", "1815-06-20T08:55", None, id="8h55"),
    pytest.param(DAY + "les troupes se mirent en marche à 6 heures du matin.",
                 "6 heures du matin", "TIME", "1815-06-20T06:00", None, id="6-heures-du-matin"),
    pytest.param(DAY + "la cavalerie chargea vers 18 heures.",
                 "vers 18 heures", "TIME", "1815-06-20T18:00", "APPROX", id="vers-18-heures"),
    pytest.param(DAY + "le maréchal arriva à midi sur le plateau.",
                 "midi", "TIME", "1815-06-20T12:00", None, id="midi"),
    pytest.param(DAY + "les soldats partirent à l'aube.",
                 "l'aube", "TIME", "1815-06-20TMO", "START", id="aube"),
    pytest.param(DAY + "l'empereur revint au soir vers la ferme.",
                 "soir", "TIME", "1815-06-20TEV", None, id="au-soir"),
    pytest.param("Le 8 mai 1945 à 23h01, la capitulation entra en vigueur.",
                 "23h01", "TIME", "1945-05-08T23:01", None, id="23h01"),
    pytest.param("Le 10 mai 1940, les blindés avancèrent. Le soir même, Sedan était menacée.",
                 "Le soir même", "TIME", "1940-05-10TEV", None, id="soir-meme"),
    pytest.param(DAY + "vers midi, l'artillerie ouvrit le feu.",
                 "vers midi", "TIME", "1815-06-20T12:00", "APPROX", id="vers-midi"),
]


@pytest.mark.parametrize("text, target, type_, value, mod", TIMES)
def test_time_on_the_narrative_day(text: str, target: str, type_: str, value: str, mod: str | None) -> None:
    timex = _timex(_analysis(text), target)
    assert (timex.type, timex.value, timex.mod) == (type_, value, mod)
    assert timex.resolved


def test_approximate_hour_widens_by_half_an_hour() -> None:
    timex = _timex(_analysis(DAY + "la cavalerie chargea vers 18 heures."), "vers 18 heures")
    assert timex.interval is not None
    assert (timex.interval.earliest, timex.interval.latest) == ("1815-06-20T17:30", "1815-06-20T18:30")


# Ranges and lists: every member is its own timex.
@pytest.mark.parametrize("text, expected", [
    pytest.param("Les combats durèrent du 2 au 14 novembre 1943 autour de Kiev.",
                 [("2", "1943-11-02"), ("14 novembre 1943", "1943-11-14")], id="du-au"),
    pytest.param("La campagne de novembre 1808 – janvier 1809 fut brève.",
                 [("novembre 1808", "1808-11"), ("janvier 1809", "1809-01")], id="month-dash-month"),
    pytest.param("Les assauts eurent lieu les 14, 15, 16, 17 décembre 1916.",
                 [("les 14", "1916-12-14"), ("15", "1916-12-15"), ("16", "1916-12-16"),
                  ("17 décembre 1916", "1916-12-17")], id="day-list"),
    pytest.param("La guerre dura de 1914 à 1918.",
                 [("1914", "1914"), ("1918", "1918")], id="de-year-a-year"),
    pytest.param("La guerre dura de 1914 à 1918 sur le front occidental.",
                 [("1914", "1914"), ("1918", "1918")], id="de-year-a-year-mid-sentence"),
])
def test_ranges_and_lists(text: str, expected: list[tuple[str, str]]) -> None:
    analysis = _analysis(text)
    assert [(t.text, t.value) for t in analysis.timexes] == expected
    assert all(t.type == "DATE" and t.resolved for t in analysis.timexes)


# Things that look like time but are not.
@pytest.mark.parametrize("text, forbidden", [
    pytest.param("Une fillette de 6 ans fut retrouvée dans les décombres.", "6 ans", id="age"),
    pytest.param("Le bataillon comptait 1122 hommes au départ de la caserne.", "1122", id="count-of-men"),
    pytest.param("Les Jeux d'hiver se déroulèrent à Chamonix.", "hiver", id="jeux-d-hiver"),
    pytest.param("Les Jeux d'hiver de 1924 se déroulèrent à Chamonix.", "hiver", id="jeux-d-hiver-de-1924"),
    pytest.param("Les quotidiens annoncèrent la victoire en première page.", "quotidiens", id="newspapers"),
    pytest.param("Le général a été blessé pendant la bataille.", "été", id="a-ete-participle"),
    pytest.param("Le 165th Infantry Regiment attaqua le bois de Belleau.", "165", id="regiment-number"),
])
def test_not_a_timex(text: str, forbidden: str) -> None:
    analysis = _analysis(text)
    offending = [t.text for t in analysis.timexes if forbidden.lower() in t.text.lower()]
    assert offending == []


@pytest.mark.parametrize("text", [
    pytest.param("Une fillette de 6 ans fut retrouvée dans les décombres.", id="age"),
    pytest.param("Le bataillon comptait 1122 hommes au départ de la caserne.", id="count-of-men"),
    pytest.param("Les quotidiens annoncèrent la victoire en première page.", id="newspapers"),
    pytest.param("Le général a été blessé pendant la bataille.", id="a-ete-participle"),
    pytest.param("Le 165th Infantry Regiment attaqua le bois de Belleau.", id="regiment-number"),
])
def test_no_timex_at_all(text: str) -> None:
    assert _analysis(text).timexes == []
