"""Narrative anchoring: partial and relative expressions take their value from the story's time
(or, in news, from the publication date), and short multi-paragraph texts keep the story on
track across year roll-overs, flashbacks, sidebars and memoirs.
"""

from __future__ import annotations

import pytest
from timex_helpers import analysed as _analysis
from timex_helpers import only_timex as _timex

from annales.model import Analysis


def _anchor_ids(analysis: Analysis) -> set[str]:
    return {t.id for t in analysis.timexes} | {"dct"}


# (text, dct, target, type, value)
RELATIVE = [
    pytest.param("Le 2 septembre 1943, la ville fut bombardée. Le 13 novembre, les troupes quittèrent la région.",
                 None, "Le 13 novembre", "DATE", "1943-11-13", id="partial-date-same-year"),
    pytest.param("Le 2 mars 1943, la ville fut bombardée. Le 13 novembre, les troupes quittèrent la région.",
                 None, "Le 13 novembre", "DATE", "1943-11-13", id="partial-date-forward-in-story"),
    pytest.param("Le 11 août 1914, le régiment partit de Lyon. Le 18, il franchit la frontière.",
                 None, "Le 18", "DATE", "1914-08-18", id="day-alone"),
    pytest.param("Le 2 décembre 1805, la bataille commença. Le 3, l'armée poursuivit l'ennemi.",
                 None, "Le 3", "DATE", "1805-12-03", id="day-alone-next-day"),
    pytest.param("Le 5 juin 1944, l'ordre fut donné. Le lendemain, les navires traversèrent la Manche.",
                 None, "Le lendemain", "DATE", "1944-06-06", id="lendemain"),
    pytest.param("Le 31 décembre 1914, la neige tomba. Le lendemain, les hommes reçurent du vin.",
                 None, "Le lendemain", "DATE", "1915-01-01", id="lendemain-new-year"),
    pytest.param("Le 28 février 1916, le fort résistait encore. Le lendemain, il tomba.",
                 None, "Le lendemain", "DATE", "1916-02-29", id="lendemain-leap-year"),
    pytest.param("Le 28 février 1915, le fort résistait encore. Le lendemain, il tomba.",
                 None, "Le lendemain", "DATE", "1915-03-01", id="lendemain-common-year"),
    pytest.param("Le 5 juin 1944, l'ordre fut donné. La veille, le temps était exécrable.",
                 None, "La veille", "DATE", "1944-06-04", id="veille"),
    pytest.param("Le 5 juin 1944, l'ordre fut donné. Deux jours plus tard, la tête de pont était établie.",
                 None, "Deux jours plus tard", "DATE", "1944-06-07", id="deux-jours-plus-tard"),
    pytest.param("Le 5 juin 1944, l'ordre fut donné. Six mois plus tard, la guerre continuait.",
                 None, "Six mois plus tard", "DATE", "1944-12", id="six-mois-plus-tard"),
    pytest.param("La réunion du 3 septembre 1939 fut décisive. Deux semaines plus tard, l'URSS envahit la Pologne.",
                 None, "Deux semaines plus tard", "DATE", "1939-09-17", id="deux-semaines-plus-tard"),
    pytest.param("Il mourut le 5 mai 1821 à Sainte-Hélène. Trois ans plus tôt, sa santé avait décliné.",
                 None, "Trois ans plus tôt", "DATE", "1818", id="trois-ans-plus-tot"),
    pytest.param("Le 5 juin 1944, l'ordre fut donné. Le même jour, les parachutistes embarquèrent.",
                 None, "Le même jour", "DATE", "1944-06-05", id="meme-jour"),
    pytest.param("Le 21 février 1916, l'offensive commença. Le troisième jour, le fort de Douaumont tomba.",
                 None, "Le troisième jour", "DATE", "1916-02-23", id="troisieme-jour"),
    pytest.param("Au printemps 1937, les grèves reprirent. Deux mois plus tard, le cabinet tomba.",
                 None, "Deux mois plus tard", "DATE", "1937-SU", id="deux-mois-after-season"),
    pytest.param("En 1871, la Commune fut écrasée. Il revint en mars de l'année suivante.",
                 None, "mars de l'année suivante", "DATE", "1872-03", id="month-of-the-next-year"),
    pytest.param("En 1871, la Commune fut écrasée. Il était parti au printemps de l'année précédente.",
                 None, "printemps de l'année précédente", "DATE", "1870-SP", id="season-of-the-year-before"),
    pytest.param("En 1871, la Commune fut écrasée. Il revint le 4 juin de l'année d'après.",
                 None, "le 4 juin de l'année d'après", "DATE", "1872-06-04", id="day-of-the-year-after"),
    pytest.param("En janvier 1915, le régiment quitte Lyon. Au printemps, il partit pour la Champagne.",
                 None, "printemps", "DATE", "1915-SP", id="season-of-one-happening"),
    # News: the publication date anchors deixis.
    pytest.param("Le ministre a démissionné hier après une longue crise.",
                 "2003-05-14", "hier", "DATE", "2003-05-13", id="news-hier"),
    pytest.param("Les manifestants ont défilé avant-hier dans les rues de Paris.",
                 "2003-05-14", "avant-hier", "DATE", "2003-05-12", id="news-avant-hier"),
    pytest.param("Le sommet européen se tiendra mardi prochain à Bruxelles.",
                 "2003-05-14", "mardi prochain", "DATE", "2003-05-20", id="news-mardi-prochain"),
    pytest.param("Le conseil municipal s'est réuni samedi dernier à la mairie.",
                 "2003-05-14", "samedi dernier", "DATE", "2003-05-10", id="news-samedi-dernier"),
    pytest.param("Le maire inaugurera le nouveau pont le 20 mai.",
                 "2003-05-14", "le 20 mai", "DATE", "2003-05-20", id="news-future-verb"),
    pytest.param("La grève a commencé hier matin dans les dépôts.",
                 "2003-05-14", "hier matin", "TIME", "2003-05-13TMO", id="news-hier-matin"),
]


@pytest.mark.parametrize("text, dct, target, type_, value", RELATIVE)
def test_relative(text: str, dct: str | None, target: str, type_: str, value: str) -> None:
    analysis = _analysis(text, dct)
    timex = _timex(analysis, target)
    assert (timex.type, timex.value) == (type_, value)
    assert timex.resolved
    assert timex.anchor in _anchor_ids(analysis)


def test_news_deixis_is_anchored_on_the_dct() -> None:
    timex = _timex(_analysis("Le ministre a démissionné hier après une longue crise.", "2003-05-14"), "hier")
    assert timex.anchor == "dct"


def test_a_memoirs_undated_present_counts_its_last_and_next_from_itself() -> None:
    analysis = _analysis("Le 4 mars 1917, notre compagnie monta en ligne. Le 12, elle fut relevée.\n\n"
                         "Aujourd'hui, je suis un vieil homme. Le 14 juillet dernier, j'ai revu mes camarades.")
    timex = _timex(analysis, "Le 14 juillet dernier")
    assert timex.value == "XXXX-07-14"  # not the 14 July before the story's March 1917
    assert _timex(analysis, "Le 12").value == "1917-03-12"


def test_a_day_counted_from_the_date_written_after_it_is_that_date_moved() -> None:
    analysis = _analysis("Le 2 décembre 1917, la batterie quitta Belfort. Les colis arrivèrent la veille de Noël. "
                         "Deux jours avant le 1er janvier 1918, il gela. La veille du 14 juillet 1918, on défila.")
    assert _timex(analysis, "la veille").value == "1917-12-24"  # not 1 December, the day before the story's
    assert _timex(analysis, "Deux jours avant").value == "1917-12-30"
    assert _timex(analysis, "La veille").value == "1918-07-13"


def test_relative_to_an_unnamed_event_stays_unresolved() -> None:
    analysis = _analysis("Je débarquai à Saïgon un matin de pluie. Quelques mois après mon arrivée, la guerre éclata.")
    timex = _timex(analysis, "Quelques mois après")
    assert timex.type == "DATE"
    assert not timex.resolved
    assert timex.value.startswith("XXXX")
    assert timex.interval is None


def test_year_rolls_over() -> None:
    text = ("Le 24 décembre 1914, les soldats fraternisèrent dans les tranchées.\n"
            "Le 3 janvier, les combats reprirent avec violence.")
    analysis = _analysis(text)
    assert _timex(analysis, "Le 3 janvier").value == "1915-01-03"


def test_flashback_does_not_reset_the_story() -> None:
    text = ("Le 14 juillet 1916, les premiers chars défilèrent devant l'état-major.\n"
            "Le char, conçu en 1909 par un ingénieur, impressionnait les officiers.\n"
            "Le 20 juillet, l'attaque fut lancée sur la Somme.")
    analysis = _analysis(text)
    assert _timex(analysis, "1909").value == "1909"
    assert _timex(analysis, "Le 20 juillet").value == "1916-07-20"


def test_flashback_anchors_its_own_paragraph() -> None:
    text = ("Le 10 mai 1940, les blindés allemands franchirent les Ardennes.\n"
            "En 1870 déjà, le 2 septembre, l'armée française avait capitulé à Sedan.\n"
            "Le 13 mai, les Allemands traversèrent la Meuse.")
    analysis = _analysis(text)
    assert _timex(analysis, "le 2 septembre").value == "1870-09-02"
    assert _timex(analysis, "Le 13 mai").value == "1940-05-13"


def test_sidebar_about_an_earlier_year_is_left_behind() -> None:
    text = ("Le 3 février 1943, les convois quittèrent Brest. Le 8 février 1943, ils atteignirent Gibraltar.\n\n"
            "Le raid de 1941\n\n"
            "En mars 1941, un premier raid avait échoué. Le 12 mars, les avions avaient été abattus.\n\n"
            "Le 15 février, les convois reprirent la mer.")
    analysis = _analysis(text)
    assert _timex(analysis, "Le 12 mars").value == "1941-03-12"
    assert _timex(analysis, "Le 15 février").value == "1943-02-15"


MEMOIR = ("Par Jeanne Martin, le 3 mars 1985\n\n"
          "Six mois plus tard, je rejoignis mon régiment en Algérie.\n\n"
          "Le 12 octobre 1956, nous débarquâmes à Alger.\n\n"
          "Le 4 janvier 1957, la compagnie partit pour les Aurès.\n\n"
          "Le 20 mars 1957, je fus blessé près de Batna.")


@pytest.mark.parametrize("dct", [pytest.param(None, id="dct-from-byline"), pytest.param("1985-03-03", id="dct-given")])
def test_memoir_never_takes_the_year_of_publication(dct: str | None) -> None:
    analysis = _analysis(MEMOIR, dct)
    assert analysis.dct is not None and analysis.dct.value == "1985-03-03"
    timex = _timex(analysis, "Six mois plus tard")
    assert not timex.resolved
    assert not timex.value.startswith("1985")
    assert timex.anchor is None
    assert _timex(analysis, "Le 4 janvier 1957").value == "1957-01-04"


def test_anchor_ids_point_to_earlier_timexes() -> None:
    text = ("Le 11 août 1914, le régiment partit de Lyon. Le 18, il franchit la frontière.\n"
            "Le lendemain, il atteignit Mulhouse. Deux jours plus tard, il dut se replier.")
    analysis = _analysis(text)
    ids = [t.id for t in analysis.timexes]
    assert len(set(ids)) == len(ids)
    for position, timex in enumerate(analysis.timexes):
        if timex.anchor not in (None, "dct"):
            assert timex.anchor in ids[:position]
    assert [t.value for t in analysis.timexes] == ["1914-08-11", "1914-08-18", "1914-08-19", "1914-08-21"]


def test_a_season_of_habits_stays_any_years() -> None:
    analysis = _analysis("En janvier 1915, le régiment quitte Lyon. Au printemps, les routes étaient boueuses.", None)
    timex = _timex(analysis, "printemps")
    assert timex.value == "XXXX-SP" and not timex.resolved
