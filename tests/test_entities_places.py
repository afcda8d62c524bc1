"""Villages no gazetteer holds, typed as places on what the sentences do with them: the object of a
verb of movement or capture, the head of a "où" relative, an itinerary whose items the sentences
vouch for as places only. The NER's labels are set by hand here, as it guesses on an unknown
village: the tests check the vote, not the model. Every sentence here is the project's own."""

from __future__ import annotations

import re

from entity_helpers import analysed, entities_mentioning, seen

from annales.entities.lexicon import name_lexicon
from annales.entities.recognise import Candidate
from annales.entities.resolve import EVIDENCE, Resolver


def _resolver(text: str) -> Resolver:
    return Resolver(analysed(text), name_lexicon("fr"))


def _candidates(text: str, labels: dict[str, str], source: str = "ner") -> list[Candidate]:
    """One candidate per occurrence of each name, with the label the NER is made to give it."""
    found = []
    for name, label in labels.items():
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            found.append(Candidate(m.start(), m.end(), label, source, key=name))
    return sorted(found, key=lambda c: c.start)


def _types(text: str, labels: dict[str, str]) -> dict[str, str]:
    resolver = _resolver(text)
    return resolver._decide_types(_candidates(text, labels))


def test_the_object_of_a_verb_of_movement_is_a_place() -> None:
    text = "Le 20 juillet, le bataillon dépasse Vaudricourt et atteint la rivière."
    assert _types(text, {"Vaudricourt": "person"}) == {"Vaudricourt": "place"}


def test_the_complement_of_a_verb_of_capture_after_its_preposition_is_a_place() -> None:
    text = "Au matin, la compagnie s'empare de Morlancy malgré le feu des mitrailleuses."
    assert _types(text, {"Morlancy": "person"}) == {"Morlancy": "place"}


def test_the_names_of_a_list_a_passive_verb_of_capture_governs_are_places() -> None:
    # the passive's subject is what the active takes as its object; each name of the list shares it
    text = "En 1761, Kergoat, Pleyben et Carhaix sont évacués par les milices."
    labels = {"Kergoat": "person", "Pleyben": "person", "Carhaix": "person"}
    assert _types(text, labels) == {"Kergoat": "place", "Pleyben": "place", "Carhaix": "place"}


def test_a_name_set_off_after_a_place_noun_or_before_one_is_a_place() -> None:
    assert _types("Son port, Valmont, offre à la flotte un abri sûr.", {"Valmont": "person"}) == {"Valmont": "place"}
    assert _types("Vauclair, le village, brûle le 3 mai.", {"Vauclair": "person"}) == {"Vauclair": "place"}
    # a name called after a phrase ending on a place noun, closed by "!", is someone spoken to
    assert _types("Suivez celui qui vous montre la route, Durandal !", {"Durandal": "person"}) \
        == {"Durandal": "person"}


def test_the_place_a_battle_or_a_siege_is_named_after_is_a_place() -> None:
    # evidence in the vote only: the noun stays out of the place's name
    assert _types("La bataille de Castelnuovo est livrée le 5 août.", {"Castelnuovo": "person"}) \
        == {"Castelnuovo": "place"}
    assert _types("Le siège de Valmonde dure six semaines.", {"Valmonde": "person"}) == {"Valmonde": "place"}


def test_where_a_body_comes_from_is_a_place() -> None:
    assert _types("La division, venue de Marcheval, tourne l'ennemi par le sud.", {"Marcheval": "person"}) \
        == {"Marcheval": "place"}


def test_where_a_unit_is_sent_is_a_place() -> None:
    text = "Relevé le 7 mai, le régiment est dirigé sur Coutremont dans la nuit."
    assert _types(text, {"Coutremont": "person"}) == {"Coutremont": "place"}


def test_the_head_of_a_where_relative_is_a_place() -> None:
    text = "Le bataillon cantonne enfin à Brisseval. Il gagne Hautbois, où il passe trois jours."
    resolver = _resolver(text)
    cand = _candidates(text, {"Hautbois": "person"})[0]
    assert resolver._evidence(cand).get("place", 0.0) >= EVIDENCE["place_relative"]
    assert _types(text, {"Hautbois": "person"}) == {"Hautbois": "place"}


def test_a_person_after_a_preposition_or_before_a_verb_of_movement_stays_a_person() -> None:
    # "l'attaque de Foch", "une lettre à Joffre": a bare surname after a preposition that no
    # verb of movement governs gets no place vote from it
    text = "L'attaque de Mangin échoue le soir même."
    assert _types(text, {"Mangin": "person"}) == {"Mangin": "person"}
    # the subject of a verb of movement is who moves, not where
    text = "Le soir, Mangin dépasse la ferme avec ses hommes."
    assert _types(text, {"Mangin": "person"}) == {"Mangin": "person"}
    # what a sentence says of a person outweighs the verb of movement
    text = "Fayolle franchit la rivière. Le lendemain, Fayolle déclare que la position est tenue."
    assert _types(text, {"Fayolle": "person"}) == {"Fayolle": "person"}


def test_an_itinerary_vouched_for_as_places_only_is_a_list_of_places() -> None:
    text = ("Le régiment se replie par Aubrac, Vaudricourt, Morlancy, Fréville et Sarcy. "
            "Le 7 mai, il est dirigé sur Fréville.")
    labels = {"Aubrac": "person", "Vaudricourt": "person", "Morlancy": "person", "Fréville": "place",
              "Sarcy": "person"}
    assert set(_types(text, labels).values()) == {"place"}


def test_a_list_of_persons_no_sentence_vouches_for_as_places_stays_a_list_of_persons() -> None:
    text = "Le congrès réunit Dimitrel, Manouvin, Vargas, Togliari et Kuusinel dans la grande salle."
    labels = {"Dimitrel": "person", "Manouvin": "person", "Vargas": "place", "Togliari": "person",
              "Kuusinel": "person"}
    types = _types(text, labels)
    # (a name the parse reads as a common noun may be left out, as before: not made a place)
    assert [k for k, v in types.items() if v == "place"] == [], types
    assert types["Vargas"] == "person", types


def test_a_list_vouched_for_as_persons_and_places_keeps_the_majority() -> None:
    # one item is "dirigé sur", another a man who "déclare": the list itself says nothing
    text = ("On cite Mourel, Bastin, Cordal et Vénard. Mourel déclare que tout va bien. "
            "Le régiment est dirigé sur Cordal.")
    labels = {"Mourel": "person", "Bastin": "person", "Cordal": "person", "Vénard": "person"}
    types = _types(text, labels)
    assert types["Bastin"] == types["Vénard"] == types["Mourel"] == "person"


def test_an_itinerary_with_spaced_dashes_is_a_list() -> None:
    text = "Secteur de l'Aisne, Brisseval - Hautbois - Morlancy, du 17 septembre au 25 octobre."
    resolver = _resolver(text)
    runs = resolver._lists(_candidates(text, {"Brisseval": "person", "Hautbois": "person", "Morlancy": "place"}))
    assert [[c.key for c in run] for run in runs] == [["Brisseval", "Hautbois", "Morlancy"]]
    # a hyphen inside a name is no separator
    text = "Le bataillon passe à Saint-Brisseval-le-Haut et Morlancy."
    runs = resolver._lists(_candidates(text, {"Saint-Brisseval-le-Haut": "place", "Morlancy": "place"}))
    assert runs == []


def test_a_village_taken_is_a_place_in_the_whole_analysis() -> None:
    analysis = analysed("Le 20 juillet, le 1er bataillon dépasse Vaudricourt et s'empare de Morlancy et "
                        "de Fréville, malgré la résistance des défenseurs.")
    types = {e.name: e.type for e in analysis.entities}
    assert all(types.get(n, "place") == "place" for n in ("Vaudricourt", "Morlancy", "Fréville")), types


def test_a_known_town_in_a_list_of_persons_does_not_make_it_an_itinerary() -> None:
    # The gazetteer knows one item as a town; no sentence says any item is a place.
    text = "Le congrès réunit Dimitrel, Manouvin, Vargas, Lyon et Kuusinel dans la grande salle."
    labels = {"Dimitrel": "person", "Manouvin": "person", "Vargas": "person", "Lyon": "place",
              "Kuusinel": "person"}
    types = _types(text, labels)
    assert [k for k in ("Dimitrel", "Manouvin", "Vargas", "Kuusinel") if types.get(k) != "person"] == [], types


def test_a_name_coordinated_with_a_person_that_no_recogniser_took_is_a_person() -> None:
    text = "Le tribunal condamna Pierre Morvanel et Kostrine pour trahison."
    resolver = _resolver(text)
    entities = resolver.run(_candidates(text, {"Pierre Morvanel": "person"}))
    assert {(e.name, e.type) for e in entities} == {("Pierre Morvanel", "person"), ("Kostrine", "person")}


def test_a_capitalised_word_after_an_article_coordinated_with_a_person_is_no_name() -> None:
    text = "Le tribunal condamna Pierre Morvanel et la Révolution le même jour."
    resolver = _resolver(text)
    entities = resolver.run(_candidates(text, {"Pierre Morvanel": "person"}))
    assert [e.name for e in entities] == ["Pierre Morvanel"]


def test_a_place_takes_in_the_words_that_make_it_a_part_of_itself() -> None:
    analysis = analysed("Les banques misent sur la Suisse romande, alors que la Suisse alémanique hésite. "
                        "La Suisse entière vote dimanche.")
    names = sorted((e.type, e.name) for e in analysis.entities)
    assert names == [("place", "Suisse"), ("place", "Suisse alémanique"), ("place", "Suisse romande")], seen(analysis)


def test_a_place_with_a_lower_case_prefix_is_kept() -> None:
    analysis = analysed("Les journaux d'outre-Rhin s'en inquiètent; il rentra d'outre-Atlantique en mai.")
    assert sorted(e.name for e in analysis.entities if e.type == "place") == ["outre-Atlantique", "outre-Rhin"]


def test_the_soviet_union_is_a_place_by_its_initials_too() -> None:
    analysis = analysed("Les Etats-Unis et l'U.R.S.S. ont signé l'accord à Genève.")
    assert [e.type for e in entities_mentioning(analysis, "U.R.S.S.")] == ["place"], seen(analysis)


def test_a_place_completing_an_office_is_a_place() -> None:
    analysis = analysed("Le consul de Russie et Mgr Paul Rochat, évêque de Lausanne, sont partis.")
    assert sorted(e.name for e in analysis.entities if e.type == "place") == ["Lausanne", "Russie"], seen(analysis)


def test_a_name_written_again_with_a_space_after_a_hyphen_is_the_same_name() -> None:
    # A line break mended inside a hyphenated name leaves a space after the hyphen.
    text = ("Le 3 mai, le bataillon entra à Fontaine-sur-Orne. Le 5 mai, il quitta Fontaine-sur- Orne "
            "pour Caen, puis revint à Fontaine-sur-Orne le 9.")
    spaced = text.index("Fontaine-sur- Orne")
    candidates = _candidates(text, {"Fontaine-sur-Orne": "place"})
    candidates.append(Candidate(spaced, spaced + len("Fontaine-sur- Orne"), "place", "ner"))
    entities = _resolver(text).run(sorted(candidates, key=lambda c: c.start))
    places = [e for e in entities if e.name == "Fontaine-sur-Orne"]
    assert len(places) == 1 and len(places[0].mentions) == 3, [(e.name, len(e.mentions)) for e in entities]


def test_a_name_is_found_again_where_a_space_follows_its_hyphen() -> None:
    text = "Le bataillon entra à Fontaine-sur-Orne le 3 mai, et quitta Fontaine-sur- Orne le 5."
    entities = _resolver(text).run(_candidates(text, {"Fontaine-sur-Orne": "place"}))
    assert [(e.name, len(e.mentions)) for e in entities] == [("Fontaine-sur-Orne", 2)]


def test_a_known_place_with_its_article_stays_a_place_whatever_the_sentence_makes_it_do() -> None:
    # Metonymy: a country "sortira", "ne saurait" as a person would; the article says the place.
    text = "Chacun le sait : quoi qu'il arrive, la Russie sortira affaiblie de cette longue guerre."
    assert _types(text, {"Russie": "person"}) == {"Russie": "place"}
    text = "Dans l'esprit du ministre, l'Allemagne ne saurait entrer dans cette union."
    assert _types(text, {"Allemagne": "place"}) == {"Allemagne": "place"}


def test_an_article_says_nothing_of_a_name_no_gazetteer_knows() -> None:
    text = "Quoi qu'il arrive, la Mirandole sortira de sa réserve, dit-il."
    resolver = _resolver(text)
    cand = _candidates(text, {"Mirandole": "person"})[0]
    assert resolver._evidence(cand).get("place", 0.0) == 0.0


def test_whom_one_speaks_or_gives_to_is_a_person() -> None:
    # The lean of "à" to a place is turned round by a verb whose "à" is a person.
    text = "Le vieil homme revint chez lui en disant à Fabrice : « Tout est perdu. »"
    assert _types(text, {"Fabrice": "place"}) == {"Fabrice": "person"}
    text = "Elle refusa de donner à Clindor, qui la pressait, le mot de cette énigme."
    assert _types(text, {"Clindor": "place"}) == {"Clindor": "person"}


def test_a_verb_of_movement_or_an_article_keeps_the_lean_of_a_to_a_place() -> None:
    # "envoyer" is left out (its "à" is a village as often), "à la Fronde" is no person.
    text = "Le colonel envoya à Brisseval deux compagnies du bataillon."
    resolver = _resolver(text)
    cand = _candidates(text, {"Brisseval": "place"})[0]
    assert resolver._evidence(cand).get("person", 0.0) == 0.0
    text = "Pour tout renseignement, écrire à la Fronde, bureau 12."
    resolver = _resolver(text)
    cand = _candidates(text, {"Fronde": "place"})[0]
    assert resolver._evidence(cand).get("person", 0.0) == 0.0


def test_a_building_or_a_garden_named_after_a_man_is_a_place() -> None:
    analysis = analysed("On l'enterra au cimetière Montparnasse. Il logeait à la caserne Dupleix, "
                        "près du parc Monceau.")
    for name in ("Montparnasse", "Dupleix", "Monceau"):
        kinds = [e.type for e in analysis.entities if any(name in m.text for m in e.mentions)]
        assert kinds == ["place"], seen(analysis)


def test_a_plural_name_after_a_compound_place_noun_is_a_place() -> None:
    # "sous-secteur" ends on a place noun: "des Mesnils" names a place, not a people
    analysis = analysed("Le bataillon organise la défense du sous-secteur des Mesnils. Les Helvètes partent.")
    assert [e.type for e in entities_mentioning(analysis, "Mesnils")] == ["place"], seen(analysis)
    assert [e.type for e in entities_mentioning(analysis, "Helvètes")] == ["group"], seen(analysis)


def test_a_place_before_the_next_clauses_titled_subject_stays_a_place() -> None:
    # ", le duc de Beaufort ordonna": no apposition naming what the town is, the next clause's subject
    analysis = analysed("Arrivé devant Toulon, le duc de Beaufort ordonna l'assaut.")
    assert [e.type for e in entities_mentioning(analysis, "Toulon")] == ["place"], seen(analysis)
    analysis = analysed("Il rencontra Talleyrand, le prince de Bénévent, à Paris.")
    assert [e.type for e in entities_mentioning(analysis, "Talleyrand")] == ["person"], seen(analysis)
