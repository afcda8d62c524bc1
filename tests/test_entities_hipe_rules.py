"""Rules read from the errors of historical newspapers: what OCR and a newspaper's layout do to
names. Every sentence here is the project's own."""

from __future__ import annotations

from entity_helpers import analysed, entity_of, seen

from annales.entities.gazetteer import long_s_readings, place_tier
from annales.entities.lexicon import name_lexicon
from annales.entities.recognise import (
    find_cued_organisations,
    find_cued_places,
    find_known_places,
    find_ranked_persons,
    find_works,
)

# ---- the long s read as an "f" --------------------------------------------------------------


def test_an_f_inside_a_word_is_also_read_as_a_long_s() -> None:
    assert "russie" in long_s_readings("ruffie")
    assert "constantinople" in long_s_readings("conflantinople")  # the ligature ſt read as "fl"
    assert all(r[0] == "f" and r[-1] == "f" for r in long_s_readings("fiaf"))  # never first nor last


def test_a_place_printed_with_the_long_s_is_known_by_its_s_spelling() -> None:
    assert place_tier("Mofcou") == place_tier("Moscou") is not None
    assert place_tier("Staffelfee") is None  # no spelling of it is a place


def test_a_place_printed_with_the_long_s_is_a_place_in_the_text() -> None:
    analysis = analysed("Les dépêches de Mofcou confirment que les négocians font partis.")
    assert entity_of(analysis, "Mofcou").type == "place", seen(analysis)


# ---- a caption's credit ---------------------------------------------------------------------


def test_an_acronym_in_parentheses_after_a_sentence_is_the_agency_credited() -> None:
    text = "La robe se porte avec une ceinture de cuir. (AGX) Les manteaux raccourcissent encore. (AGX)"
    analysis = analysed(text)
    assert entity_of(analysis, "AGX").type == "organization", seen(analysis)


def test_an_acronym_in_parentheses_after_a_name_is_still_a_countrys_code() -> None:
    text = "Classement : 1. Olvera (ESP) à 2 min. 2. Kastner (AUT) à 3 min. 3. Morin (FRA) à 4 min."
    found = {(text[c.start:c.end], c.type) for c in find_cued_places(text, "fr") if c.source == "dateline"}
    assert found == {("ESP", "place"), ("AUT", "place"), ("FRA", "place")}
    assert not [c for c in find_cued_organisations(text, "fr")]


def test_the_word_after_photo_is_the_agency_credited_unless_it_opens_a_full_name() -> None:
    text = "Le convoi quitte le port à l'aube. photo Brightwell La foule attend. photo Jean Morvan"
    found = [text[c.start:c.end] for c in find_cued_organisations(text, "fr")]
    assert found == ["Brightwell"]
    assert entity_of(analysed(text), "Brightwell").type == "organization"


# ---- a dash glued to a name -----------------------------------------------------------------


def test_a_name_with_a_dash_glued_before_a_lower_case_word_is_still_the_persons() -> None:
    text = ("Le président Aurèle Valbrun est arrivé hier. Le préfet-qui accompagnait Valbrun-salue la foule. "
            "Les amis de Valbrun-qui le suivent-attendent beaucoup.")
    analysis = analysed(text)
    valbrun = entity_of(analysis, "Aurèle Valbrun")
    assert sum(m.text == "Valbrun" for m in valbrun.mentions) == 2, seen(analysis)


def test_a_name_joined_to_another_name_part_by_a_hyphen_is_not_the_persons() -> None:
    analysis = analysed("Le général Aurèle Valbrun arriva. On fêta la Saint-Valbrun et Aurèle-Marie chanta.")
    person = entity_of(analysis, "Aurèle Valbrun")
    assert [m.text for m in person.mentions] == ["Aurèle Valbrun"], seen(analysis)


# ---- where a name after a title ends --------------------------------------------------------


def test_a_name_after_a_title_stops_before_a_dateline_in_capitals() -> None:
    text = "La médaille est remise à M. Verlaque LYON, 12 (Havas). — Le préfet est arrivé."
    found = [text[c.start:c.end] for c in find_ranked_persons(text, "fr", name_lexicon("fr"))]
    assert found == ["Verlaque"]


def test_a_name_after_a_title_stops_before_a_capitalised_function_word() -> None:
    text = "Le capitaine Morvillard Se retira ensuite vers le fort."
    found = [text[c.start:c.end] for c in find_ranked_persons(text, "fr", name_lexicon("fr"))]
    assert found == ["Morvillard"]


# ---- ranked lists ---------------------------------------------------------------------------


def test_an_item_of_a_ranked_list_spelt_like_a_common_word_is_still_a_name() -> None:
    # The dot after a rank's number ends no sentence: "Berger" there is a man, not the noun.
    text = "Classement : 1. Orlandi (It) 4 h 12. 2. Berger (Fr) à 3 \". 3. Kuznov (Ru) à 5 \". 4. Tessari (It) à 8 \"."
    analysis = analysed(text)
    assert entity_of(analysis, "Berger").type == "person", seen(analysis)
    assert entity_of(analysis, "Kuznov").type == "person", seen(analysis)


def test_a_common_word_opening_a_sentence_is_still_no_name() -> None:
    analysis = analysed("Le coureur abandonna dans la montée. Berger avisé, il garda ses chèvres au col.")
    assert not [e for e in analysis.entities if e.name == "Berger"], seen(analysis)


# ---- place nouns of old texts ---------------------------------------------------------------


def test_the_old_spelling_of_islands_and_a_principality_make_a_place() -> None:
    text = "La flotte croisa devant les isles Korvanes, puis le prince rentra dans la principauté de Valdorne."
    analysis = analysed(text)
    assert entity_of(analysis, "Korvanes").type == "place", seen(analysis)
    assert entity_of(analysis, "Valdorne").type == "place", seen(analysis)


def test_a_part_of_the_world_named_by_the_compass_is_a_place() -> None:
    analysis = analysed("Le ministre Orvain rentre du Proche-Orient ; il repartira pour l'Europe orientale.")
    assert entity_of(analysis, "Proche-Orient").type == "place", seen(analysis)
    assert place_tier("Extrême-Orient") is not None


# ---- a correspondent's dateline -------------------------------------------------------------


def test_a_dateline_crediting_its_correspondent_names_a_place() -> None:
    text = "Le budget est voté. Vermondans (corr.). — Le conseil s'est réuni mardi. Gaspard (Radical). — Rien."
    found = [text[c.start:c.end] for c in find_cued_places(text, "fr") if c.source == "dateline"]
    assert found == ["Vermondans"]  # a capital inside the parentheses is no correspondent's credit


def test_a_known_newspaper_credited_after_an_item_is_a_work() -> None:
    text = "Le ministre Orvain ne cédera pas sur la question des douanes. (Temps.) La session reprend lundi."
    found = [(text[c.start:c.end], c.type) for c in find_works(text, "fr")]
    assert found == [("Temps", "work")]
    assert entity_of(analysed(text), "Temps").type == "work"


# ---- a common word written as a known place's name ------------------------------------------


def test_a_common_word_the_gazetteer_knows_is_proposed_after_a_place_article_when_written_so_twice() -> None:
    text = ("Les cantons versent leur part à la Confédération. Le partage entre la Confédération et les "
            "cantons reste discuté.")
    found = [text[c.start:c.end] for c in find_known_places(text, "fr", _Vocabulary({"confédération"}))]
    assert found == ["Confédération", "Confédération"]


def test_a_common_word_written_once_after_an_article_is_not_proposed() -> None:
    text = "Les cantons versent leur part à la Confédération, dit le rapport."
    assert find_known_places(text, "fr", _Vocabulary({"confédération"})) == []


class _Vocabulary:
    """The model's vocabulary as `find_known_places` reads it: which lower-case words it knows."""

    def __init__(self, words: set[str]) -> None:
        self.words = words

    def has_vector(self, word: str) -> bool:
        return word in self.words
