"""The quantities layer: figures, approximations, shares, counted nouns, units and strengths."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annales import analyze
from annales.context import Context
from annales.model import Entity, Mention, Region
from annales.quantities import find_quantities, tag_quantities
from annales.quantities.recognise import find_candidates, parse_digits


def only(text: str):
    quantities = analyze(text).quantities
    assert len(quantities) == 1, [q.text for q in quantities]
    return quantities[0]


def figures(text: str) -> list[str]:
    return [q.text for q in analyze(text).quantities]


@pytest.mark.parametrize("text, figure, value", [
    ("La brigade aligne 3 412 fantassins.", "3 412", 3412),
    ("La brigade aligne 3\u00a0412 fantassins.", "3\u00a0412", 3412),
    ("La brigade aligne 3\u202f412 fantassins.", "3\u202f412", 3412),
    ("On compta 45 000 réfugiés.", "45 000", 45000),
    ("On compta 1 204 prisonniers.", "1 204", 1204),
    ("The army had 60,000 men.", "60,000", 60000),
    ("Le bataillon comptait 1317 soldats.", "1317", 1317),
    ("Un mur de 2,40 mètres ferme la cour.", "2,40", 2.4),
    ("Les colonnes avançaient avec cinq cents chevaux.", "cinq cents", 500),
    ("Il reste sept cent quarante-deux marins.", "sept cent quarante-deux", 742),
    ("On dénombre quatre-vingt-treize blessés.", "quatre-vingt-treize", 93),
    ("Treize chalands touchent la rive.", "Treize", 13),
    ("Le pays compte douze millions d'habitants.", "douze millions", 12_000_000),
    ("La dette atteint trois millions deux cent mille francs.", "trois millions deux cent mille", 3_200_000),
    ("Il y avait vingt et un bateaux.", "vingt et un", 21),
    ("On fabriqua 2 millions de cartouches.", "2 millions", 2_000_000),
    ("On y comptait 57, 000 cavaliers.", "57, 000", 57000),
    ("Les gardes, à peu près soixante et onze hommes, fuient.", "à peu près soixante et onze", 71),
])
def test_number_forms(text, figure, value):
    q = only(text)
    assert (q.text, q.value) == (figure, value)


def test_digits_glued_to_a_word_are_read():
    q = only("Dans les bois se cachent env400 partisans armés.")
    assert (q.text, q.value, q.counted) == ("400", 400, "partisans")


@pytest.mark.parametrize("text, value, approx, comparator", [
    ("Il reste près de 300 cavaliers.", 300, True, "about"),
    ("Le fort est à environ deux kilomètres.", 2, True, "about"),
    ("Il aligne plus de 500 canons.", 500, True, "more-than"),
    ("Il aligne au moins dix navires.", 10, True, "more-than"),
    ("Il ne reste que moins de 40 hommes.", 40, True, "less-than"),
    ("Il ne reste à peine 90 soldats.", 90, True, "less-than"),
    ("Il arriva une centaine de marins.", 100, True, "about"),
    ("Il arriva une vingtaine de marins.", 20, True, "about"),
    ("Il arriva un millier de marins.", 1000, True, "about"),
    ("Il arriva deux centaines de marins.", 200, True, "about"),
    ("Il arriva plusieurs milliers de marins.", None, True, None),
    ("Il arriva quelques dizaines de marins.", None, True, None),
    ("Il arriva des centaines de marins.", None, True, None),
    ("La garnison compte 400 soldats environ.", 400, True, "about"),
    ("La garnison compte 400 soldats.", 400, False, None),
])
def test_approximations(text, value, approx, comparator):
    q = only(text)
    assert (q.value, q.approx, q.comparator) == (value, approx, comparator)


@pytest.mark.parametrize("text, value, unit, comparator", [
    ("Soixante pour cent des votants refusent.", 60, "%", None),
    ("Le parti obtient 42 % des voix.", 42, "%", None),
    ("Le parti obtient 42 pour 100 des voix.", 42, "%", None),
    ("Le parti obtient 42% des voix.", 42, "%", None),
    ("Ils perdirent plus du tiers de leurs chars.", 0.3333, "fraction", "more-than"),
    ("Ils perdirent un peu plus de la moitié de leurs chars.", 0.5, "fraction", "more-than"),
    ("Ils perdirent les trois quarts de leurs chars.", 0.75, "fraction", None),
    ("Ils perdirent la moitié des chars.", 0.5, "fraction", None),
])
def test_percentages_and_fractions(text, value, unit, comparator):
    q = only(text)
    assert (q.value, q.unit, q.comparator) == (value, unit, comparator)


@pytest.mark.parametrize("text, counted", [
    ("Il commande 700 artilleurs.", "artilleurs"),
    ("On releva 315 tués.", "tués"),
    ("On releva 412 blessés.", "blessés"),
    ("Huit porte-avions appareillent.", "porte-avions"),
    ("Onze grands cuirassés appareillent.", "cuirassés"),
    ("Il aligne 25 pièces d'artillerie.", "pièces"),
    ("Il arriva une trentaine d'officiers.", "officiers"),
    ("Le conflit retint 90 000 soldats.", "soldats"),
])
def test_counted_noun(text, counted):
    assert only(text).counted == counted


@pytest.mark.parametrize("text, expected", [
    ("Il y avait 6 obusiers de 155 mm.", [(6, "obusiers", None), (155, None, "mm")]),
    ("Le port est à 800 kilomètres de la capitale.", [(800, None, "km")]),
    ("On largua 1 200 tonnes de bombes.", [(1200, "bombes", "t")]),
    ("Le fossé fait 40 m de large.", [(40, None, "m")]),
    ("Le convoi file à 14 nœuds.", [(14, None, "kn")]),
    ("Le fossé fait un mètre de large.", [(1, None, "m")]),
    ("Un obus de 75mm tomba.", [(75, None, "mm")]),
])
def test_units_of_measure_are_kept_apart_from_counts(text, expected):
    assert [(q.value, q.counted, q.unit) for q in analyze(text).quantities] == expected


@pytest.mark.parametrize("text", [
    "Le onzième congrès s'ouvre.",
    "Le 12e régiment attaque.",
    "La 3rd Division débarque.",
    "Un 1st Lieutenant commande.",
    "Au XVIIe siècle la ville grandit.",
    "Le 14 juin 1916 la ville tombe.",
    "En 1916 la ville tombe.",
    "Il arrive à 7 h 30.",
    "Le siège dura trois semaines.",
    "Le cuirassé BB-38 appareille.",
    "Le sous-marin I-168 coule un navire.",
    "Des chars M3 avancent.",
    "Les marines débarquent sur Blue 1, 2 et 3.",
    "Voir page 112.",
    "Un soldat et une femme passent.",
    "Le premier navire coule.",
    "Le Conseil des Cinq-Cents siège.",
    "Il achète un navire neuf.",
])
def test_not_quantities(text):
    assert figures(text) == []


def test_article_is_no_quantity_but_a_compound_is():
    assert figures("Un homme voit vingt et une barques.") == ["vingt et une"]


def test_boilerplate_is_ignored():
    analysis = analyze("Le roi lève 900 archers.")
    analysis.regions = [Region(0, len(analysis.text), "boilerplate")]
    assert find_quantities(analysis) == []


def _with_unit(text: str, name: str) -> tuple:
    analysis = analyze(text)
    start = text.index(name)
    unit = Entity("e1", "unit", name, mentions=[Mention(start, start + len(name), name)])
    other = Entity("e2", "person", "Durand", mentions=[])
    analysis.entities = [other, unit]
    tag_quantities(analysis, Context.default())
    return analysis


@pytest.mark.parametrize("text, name, figure", [
    ("La ville est tenue par la 4e brigade d'infanterie (2 310 hommes) et des milices.",
     "4e brigade d'infanterie", "2 310"),
    ("La ville est tenue par la 4e brigade d'infanterie ( environ 2 000 hommes ).",
     "4e brigade d'infanterie", "environ 2 000"),
    ("Les 900 hommes du 2e bataillon de chasseurs attaquent.", "2e bataillon de chasseurs", "900"),
])
def test_strength_is_linked_to_its_unit(text, name, figure):
    analysis = _with_unit(text, name)
    q = next(q for q in analysis.quantities if q.text == figure)
    assert q.of_entity == "e1"


def test_strength_not_linked_without_a_unit_next_to_it():
    analysis = _with_unit("La 4e brigade d'infanterie attaque; on compte (2 310 hommes) ailleurs.",
                          "4e brigade d'infanterie")
    assert [q.of_entity for q in analysis.quantities] == [None]


def test_ids_offsets_and_order():
    analysis = analyze("Sur 1 500 soldats, près de 300 tombent et quarante fuient.")
    assert [q.id for q in analysis.quantities] == ["qty-1", "qty-2", "qty-3"]
    for q in analysis.quantities:
        assert analysis.text[q.start:q.end] == q.text


@pytest.mark.parametrize("raw, value", [("12 500", 12500), ("1,5", 1.5), ("10,000", 10000), ("3.000", 3000),
                                        ("7", 7), ("4, 000", 4000)])
def test_parse_digits(raw, value):
    assert parse_digits(raw) == value


def test_recognition_without_a_parse():
    assert [(c.value, c.approx) for c in find_candidates("près de quatre cents")] == [(400, True)]


ALPHABET = st.sampled_from(list("0123456789 ,.-()'’%\u00a0\u202fabcdeéèlmnoprstuvxDMPQ\n")
                           + ["cent", "mille", "vingt", "et", "un", "une", "plus de", "près de", "la moitié",
                              "centaine", "milliers", "pour cent", " mm", " km", " hommes", " tonnes d'"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_random_text_never_breaks_offsets(text):
    analysis = analyze(text)
    for q in analysis.quantities:
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == analysis.text[q.start:q.end]
