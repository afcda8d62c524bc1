"""Entity resolution: one name, one type across a text; aliases merged; ambiguous surnames kept apart."""

from __future__ import annotations

import pytest
from entity_helpers import analysed, check_offsets, entities_mentioning, entity_named, entity_of, seen


def _xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


def test_a_verb_makes_a_name_a_person_everywhere_in_the_text() -> None:
    # The NER reads both "Kirov" as places; "était assassiné" says he is a man, in both sentences.
    text = ("Kirov dirigeait l'organisation du parti à Léningrad. "
            "En décembre 1934, Kirov était assassiné dans l'institut Smolny.")
    analysis = analysed(text)
    check_offsets(analysis)
    kirov = entity_of(analysis, "Kirov")
    assert kirov.type == "person"
    assert [m.start for m in kirov.mentions] == [0, text.index("Kirov", 1)]
    assert entity_of(analysis, "Léningrad").type == "place"


def test_one_name_has_one_type() -> None:
    text = ("Le général Pétain rencontra le général Nivelle à Souilly. Pétain refusa l'offensive. "
            "Nivelle insista auprès de Joffre.")
    analysis = analysed(text)
    types: dict[str, set[str]] = {}
    for entity in analysis.entities:
        for mention in entity.mentions:
            types.setdefault(" ".join(mention.text.split()), set()).add(entity.type)
    assert all(len(kinds) == 1 for kinds in types.values()), types
    assert entity_of(analysis, "Pétain").type == "person"
    assert len(entity_of(analysis, "Pétain").mentions) == 2


# (text, names that must all be persons)
LISTS = [
    pytest.param("Staline convoqua Zinoviev, Kamenev, Boukharine et Rykov au Kremlin.",
                 ["Zinoviev", "Kamenev", "Boukharine", "Rykov"], id="four-surnames"),
    pytest.param("Au congrès siégeaient Dimitri Manouilov, Vassil Kolarov, Bela Kun et Wilhelm Pieck.",
                 ["Dimitri Manouilov", "Vassil Kolarov", "Bela Kun", "Wilhelm Pieck"], id="full-names"),
    pytest.param("Furent jugés Piatakov, Sokolnikov, Serebriakov et Mouralov.",
                 ["Piatakov", "Sokolnikov", "Serebriakov", "Mouralov"], id="ner-says-places"),
    pytest.param("On arrêta Toukhatchevski, Iakir, Ouborevitch et Kork en mai 1937.",
                 ["Toukhatchevski", "Iakir", "Ouborevitch", "Kork"], id="ner-says-misc"),
]


@pytest.mark.parametrize(("text", "persons"), LISTS)
def test_names_coordinated_with_persons_are_persons(text: str, persons: list[str]) -> None:
    analysis = analysed(text)
    for name in persons:
        found = entities_mentioning(analysis, name)
        assert len(found) == 1 and found[0].type == "person", f"{name}: {seen(analysis)}"


# (text, the name as written, expected type)
PLACES = [
    pytest.param("En août 1942, les raiders débarquèrent sur l'atoll de Makin.", "Makin", "place", id="atoll-de"),
    pytest.param("Les raiders débarquèrent sur l'atoll de Makin en août 1942.", "Makin", "place",
                 id="atoll-de-ner-misc"),
    pytest.param("Les marines prirent pied sur l'atoll de Tarawa puis sur l'île de Butaritari.", "Butaritari", "place",
                 id="ile-de"),
    pytest.param("Le train quitta la ville de Tsaritsyne au matin.", "Tsaritsyne", "place", id="ville-de"),
    pytest.param("Les îles Marshall restaient aux mains des Japonais.", "Marshall", "place", id="iles-marshall"),
    pytest.param("La 27th ID attaqua Makin le 20 novembre.", "Makin", "place", id="attaqua-makin",
                 marks=_xfail("'La 27th ID attaqua Makin': expected Makin a place, got a person (NER PER, "
                              "no cue against it)")),
    pytest.param("Le général Alexander Vandegrift commandait à Guadalcanal. Vandegrift reçut la Medal of Honor.",
                 "Guadalcanal", "place",
                 id="a-guadalcanal"),
]


@pytest.mark.parametrize(("text", "written", "kind"), PLACES)
def test_place(text: str, written: str, kind: str) -> None:
    analysis = analysed(text)
    check_offsets(analysis)
    assert entity_of(analysis, written).type == kind


def test_both_place_cues_in_one_text() -> None:
    analysis = analysed("Les raiders débarquèrent sur l'atoll de Makin. Les îles Marshall restaient aux mains des "
                        "Japonais.")
    assert entity_of(analysis, "Makin").type == "place"
    assert not [e for e in analysis.entities if e.type == "person"], seen(analysis)


# (text, canonical name, aliases expected in the one entity, number of mentions)
ALIASES = [
    pytest.param("Karl Radek rédigea le rapport. Radek fut arrêté en 1936.", "Karl Radek", ["Radek"], 2,
                 id="radek-surname"),
    pytest.param("Le général Alexander Vandegrift commandait la division. Vandegrift reçut la Medal of Honor.",
                 "Alexander Vandegrift", ["Vandegrift"], 2, id="vandegrift-surname"),
    pytest.param("Le lieutenant-colonel Evans Carlson commandait les raiders. Carlson connaissait la Chine.",
                 "Evans Carlson", ["Carlson"], 2, id="carlson-surname"),
    pytest.param("Le lieutenant-colonel Evans Carlson commandait le 2nd Raider Battalion. "
                 "Evans F. Carlson fut décoré de la Navy Cross.", "Evans Carlson", ["Evans F. Carlson"], 2,
                 id="carlson-middle-initial",
                 marks=_xfail("'Evans Carlson' … 'Evans F. Carlson': expected one person with alias "
                              "'Evans F. Carlson', got a separate person 'Evans F' (the NER span 'Evans F.' loses its "
                              "dot and 'Carlson' is split off as a surname mention)")),
]


@pytest.mark.parametrize(("text", "name", "aliases", "count"), ALIASES)
def test_aliases_merge(text: str, name: str, aliases: list[str], count: int) -> None:
    analysis = analysed(text)
    check_offsets(analysis)
    entity = entity_named(analysis, name)
    assert entity.type == "person"
    for alias in aliases:
        assert alias in entity.aliases
    assert len(entity.mentions) == count
    assert len([e for e in analysis.entities if e.type == "person"]) == 1, seen(analysis)


def test_three_smiths_stay_apart_and_a_bare_smith_is_ambiguous() -> None:
    text = ("Le général Holland Smith, le général Julian Smith et le général Ralph Smith se disputèrent. "
            "Le Smith de l'armée fut relevé.")
    analysis = analysed(text)
    check_offsets(analysis)
    smiths = [entity_named(analysis, n) for n in ("Holland Smith", "Julian Smith", "Ralph Smith")]
    assert len({e.id for e in smiths}) == 3
    bare = entity_named(analysis, "Smith")
    assert bare.type == "person"
    assert sorted(bare.ambiguous_between) == sorted(e.id for e in smiths)
    assert [m.text for m in bare.mentions] == ["Smith"]
    for entity in smiths:
        assert not entity.ambiguous_between
        assert "Smith" not in entity.aliases


def test_one_smith_takes_the_bare_surname() -> None:
    analysis = analysed("Le général Julian Smith débarqua à Betio. Smith demanda des renforts.")
    smith = entity_named(analysis, "Julian Smith")
    assert "Smith" in smith.aliases
    assert not smith.ambiguous_between
    assert len(smith.mentions) == 2


BYLINES = [
    pytest.param("lundi 3 mars 2014, par Pierre Verdun\n\nLa bataille de Verdun commença en février 1916. "
                 "Les Allemands attaquèrent Verdun par le nord.", "Verdun", id="date-par-name"),
    pytest.param("Par Jeanne Toulon, le 12 mai 2016\n\nLa flotte se saborda à Toulon le 27 novembre 1942. "
                 "Toulon resta sous contrôle allemand.", "Toulon", id="par-name-date"),
]


@pytest.mark.parametrize(("text", "city"), BYLINES)
def test_a_byline_surname_does_not_make_a_city_a_person(text: str, city: str) -> None:
    analysis = analysed(text)
    check_offsets(analysis)
    story = text.index("\n\n")
    city_mentions = [(e.type, m.start) for e in analysis.entities for m in e.mentions
                     if m.text == city and m.start > story]
    assert city_mentions, seen(analysis)
    assert all(kind == "place" for kind, _ in city_mentions), seen(analysis)


def test_entity_ids_are_unique_and_in_order_of_first_mention() -> None:
    analysis = analysed("Le maréchal Joffre reçut le général Gallieni à Chantilly. Gallieni repartit pour Paris.")
    ids = [e.id for e in analysis.entities]
    assert len(ids) == len(set(ids))
    firsts = [min(m.start for m in e.mentions) for e in analysis.entities]
    assert firsts == sorted(firsts)
    assert entity_named(analysis, "Gallieni").rank == "général"
    assert [m.rank for m in entity_named(analysis, "Gallieni").mentions] == ["général", None]


def test_two_persons_joined_by_a_particle_alone_are_one_name() -> None:
    from annales.eval.hipe import annales_spans

    text = "Il vient de publier le théâtre aimable de Collin d'Harleville chez son libraire."
    analysis = analysed(text)
    spans = {(s.type, text[s.start:s.end]) for s in annales_spans(analysis)}
    assert ("pers", "Collin d'Harleville") in spans, seen(analysis)
    text = "Le prince a tiré hier soir sur le citoyen Ulric de Fonvielle."
    analysis = analysed(text)
    spans = {(s.type, text[s.start:s.end]) for s in annales_spans(analysis)}
    assert ("pers", "citoyen Ulric de Fonvielle") in spans, seen(analysis)
