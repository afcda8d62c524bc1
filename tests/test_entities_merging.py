"""One person, one entity: short forms join the full name, two people sharing a name part stay two.

The grouping is tested on name forms alone (`annales.entities.names`, no model), then through
the whole analysis on short texts written for these tests."""

from __future__ import annotations

import pytest
from entity_helpers import analysed, check_offsets, entity_of, seen

from annales.entities.lexicon import name_lexicon
from annales.entities.names import agree, group_names, read_name

LEXICON = name_lexicon("fr")
PARTICLES = frozenset({"de", "d'", "du", "von", "van"})


def _groups(*forms: str) -> list[list[str]]:
    """The groups of name forms (each form first written in the order given), sorted."""
    groups, _ = group_names({form: 10 * n for n, form in enumerate(forms)}, LEXICON.given_names,
                            frozenset(LEXICON.ranks), PARTICLES)
    return sorted(sorted(f.key for f in g.forms) for g in groups)


# ---- reading a name -------------------------------------------------------------------------

def test_a_name_is_read_into_given_names_initials_and_surname() -> None:
    form = read_name("Mme Hortense F. de Villiers", frozenset(LEXICON.ranks), PARTICLES)
    assert (form.given, form.initials, form.surname, form.regnal) == (("Hortense",), ("F",), "Villiers", None)


@pytest.mark.parametrize(("key", "name", "ordinal"), [("Ferdinand VII", ("Ferdinand",), "VII"),
                                                       ("Napoléon Ier", ("Napoléon",), "I"),
                                                       ("Napoléon 1er", ("Napoléon",), "I"),
                                                       ("Frédéric-Guillaume IV", ("Frédéric-Guillaume",), "IV")])
def test_a_regnal_name_has_an_ordinal_and_no_surname(key: str, name: tuple[str, ...], ordinal: str) -> None:
    form = read_name(key)
    assert (form.given, form.regnal, form.surname) == (name, ordinal, None)


def test_given_names_agree_when_one_set_is_inside_the_other() -> None:
    full = read_name("Louis Charles Alphonse Dupré")
    assert agree(full, read_name("Charles Dupré"))
    assert agree(full, read_name("Louis Alphonse Dupré"))
    assert not agree(full, read_name("Alphonse Louis Dupré"))  # another order is another man
    assert not agree(full, read_name("Étienne Dupré"))
    assert not agree(read_name("Julien G. Marchand"), read_name("Julien H. Marchand"))
    assert agree(read_name("Julien G. Marchand"), read_name("Julien Marchand"))
    assert not agree(read_name("Louis XVI"), read_name("Louis XVIII"))


# ---- grouping forms ---------------------------------------------------------------------------

def test_a_surname_alone_joins_the_only_person_bearing_it() -> None:
    assert _groups("Antoine Berthier", "Berthier") == [["Antoine Berthier", "Berthier"]]


def test_a_surname_written_before_the_full_name_still_joins_it() -> None:
    # a surname that is no given name: the order of telling does not matter
    assert _groups("Berthier", "Antoine Berthier") == [["Antoine Berthier", "Berthier"]]


def test_brothers_are_two_persons_and_their_surname_alone_may_be_either() -> None:
    groups, of = group_names({"Jérôme Rivière": 0, "Lucien Rivière": 10, "Rivière": 20}, LEXICON.given_names)
    assert len(groups) == 3
    bare = groups[of["Rivière"]]
    assert sorted(bare.ambiguous) == sorted({of["Jérôme Rivière"], of["Lucien Rivière"]})
    assert not bare.evidence


def test_baptismal_names_and_the_usual_name_are_one_person() -> None:
    groups, of = group_names({"Louis Charles Alphonse Dupré": 0, "Charles Dupré": 40, "Dupré": 80},
                             LEXICON.given_names)
    assert len(groups) == 1
    assert any("given names agree" in line for line in groups[0].evidence)
    assert any("'Dupré' is the surname of 'Louis Charles Alphonse Dupré'" in line for line in groups[0].evidence)


def test_a_short_name_fitting_two_different_full_names_joins_neither() -> None:
    # "Paul Martel" could be "Paul Henri Martel" or "Paul Auguste Martel", two cousins
    assert _groups("Paul Henri Martel", "Paul Auguste Martel", "Paul Martel") == [
        ["Paul Auguste Martel"], ["Paul Henri Martel"], ["Paul Martel"]]


def test_a_given_name_told_before_a_full_name_ending_with_it_is_someone_else() -> None:
    # "Napoléon" is told from the start; "Joseph Napoléon", named later, is his brother
    assert _groups("Napoléon", "Joseph Napoléon") == [["Joseph Napoléon"], ["Napoléon"]]


def test_a_given_name_after_the_full_name_that_ends_with_it_is_that_person() -> None:
    # "Thomas" is a given name, but here the surname of the man named just before
    assert _groups("Clément Thomas", "Thomas") == [["Clément Thomas", "Thomas"]]


def test_a_bare_name_is_the_only_sovereign_numbered_so() -> None:
    groups, _ = group_names({"Ferdinand VII": 0, "Ferdinand": 30}, LEXICON.given_names)
    assert [{f.key for f in g.forms} for g in groups] == [{"Ferdinand VII", "Ferdinand"}]
    assert groups[0].evidence == ["'Ferdinand' is 'Ferdinand VII' without the ordinal, the only Ferdinand "
                                  "numbered in the text"]


def test_two_ordinals_are_two_sovereigns_and_the_bare_name_may_be_either() -> None:
    groups, of = group_names({"Louis XVI": 0, "Louis XVIII": 10, "Louis": 20}, LEXICON.given_names)
    assert len(groups) == 3
    assert sorted(groups[of["Louis"]].ambiguous) == sorted({of["Louis XVI"], of["Louis XVIII"]})


def test_the_regnal_name_wins_over_a_longer_name_containing_the_word() -> None:
    # "Napoléon" is the complete name of "Napoléon Ier", not a part of "Joseph Napoléon"
    groups, of = group_names({"Joseph Napoléon": 0, "Napoléon Ier": 10, "Napoléon": 20}, LEXICON.given_names)
    assert of["Napoléon"] == of["Napoléon Ier"] != of["Joseph Napoléon"]


def test_a_hyphenated_given_name_is_another_name() -> None:
    assert _groups("Louis-Napoléon Bonaparte", "Louis Bonaparte") == [["Louis Bonaparte"],
                                                                      ["Louis-Napoléon Bonaparte"]]


def test_different_initials_on_one_surname_are_two_persons() -> None:
    groups, of = group_names({"L. Varron": 0, "P. Varron": 10, "Varron": 20}, LEXICON.given_names)
    assert of["L. Varron"] != of["P. Varron"]
    assert sorted(groups[of["Varron"]].ambiguous) == sorted({of["L. Varron"], of["P. Varron"]})


def test_an_initial_and_the_bare_surname_are_one_person() -> None:
    groups, of = group_names({"T. Varron": 0, "Varron": 10}, LEXICON.given_names)
    assert len(groups) == 1 and groups[0].evidence == ["'T. Varron' is 'Varron' with initials"]


def test_titles_of_both_genders_on_one_surname_are_two_persons() -> None:
    groups, of = group_names({"M. Vautrin": 0, "Mme Vautrin": 10, "Vautrin": 20}, LEXICON.given_names,
                             frozenset(LEXICON.ranks), genders=LEXICON.title_genders)
    assert len({of["M. Vautrin"], of["Mme Vautrin"], of["Vautrin"]}) == 3
    assert sorted(groups[of["Vautrin"]].ambiguous) == sorted({of["M. Vautrin"], of["Mme Vautrin"]})
    assert not agree(read_name("M. Jules Favre", frozenset(LEXICON.ranks), genders=LEXICON.title_genders),
                     read_name("Mme Jules Favre", frozenset(LEXICON.ranks), genders=LEXICON.title_genders))


# ---- through the whole analysis --------------------------------------------------------------

def test_the_surname_joins_the_full_name_with_its_evidence() -> None:
    analysis = analysed("Le banquier Henri Verdier arriva à Lyon le 3 mai 1848. Verdier parla longuement aux "
                        "ouvriers de la Croix-Rousse.")
    check_offsets(analysis)
    entity = entity_of(analysis, "Henri Verdier")
    assert {m.text for m in entity.mentions} == {"Henri Verdier", "Verdier"}
    assert entity.evidence == ["'Verdier' is the surname of 'Henri Verdier', the only person of that surname"]


def test_two_persons_sharing_a_surname_keep_it_ambiguous() -> None:
    analysis = analysed("Paul Garnier et Louis Garnier signèrent la pétition. Garnier fut arrêté le lendemain.")
    paul, louis = entity_of(analysis, "Paul Garnier"), entity_of(analysis, "Louis Garnier")
    assert paul.id != louis.id
    bare = entity_of(analysis, "Garnier")
    assert bare.id not in (paul.id, louis.id)
    assert sorted(bare.ambiguous_between) == sorted([paul.id, louis.id])


def test_the_emperor_is_not_his_brother() -> None:
    analysis = analysed("Napoléon entra à Madrid en décembre. Il plaça sur le trône son frère aîné, Joseph Napoléon, "
                        "que les Espagnols refusèrent. Napoléon repartit pour Paris en janvier.")
    emperor = entity_of(analysis, "Napoléon")
    brother = entity_of(analysis, "Joseph Napoléon")
    assert emperor.id != brother.id, seen(analysis)
    assert len(emperor.mentions) == 2 and emperor.ambiguous_between == []


def test_the_full_baptismal_name_and_the_usual_one_are_one_person() -> None:
    analysis = analysed("Louis Charles Alphonse Dupré naquit à Rouen en 1790. Devenu colonel, Charles Dupré "
                        "commanda la place de Metz.")
    entity = entity_of(analysis, "Charles Dupré")
    assert entity.name == "Louis Charles Alphonse Dupré"
    assert len(entity.evidence) == 1


def test_a_regnal_name_and_its_bare_form_are_one_sovereign() -> None:
    analysis = analysed("Ferdinand VII rentra à Madrid en 1814. Ferdinand abolit aussitôt la constitution de Cadix.")
    entity = entity_of(analysis, "Ferdinand VII")
    assert {m.text for m in entity.mentions} == {"Ferdinand VII", "Ferdinand"}
    assert "without the ordinal" in entity.evidence[0]


def test_an_ordinal_is_never_a_surname() -> None:
    analysis = analysed("Frédéric III mourut en juin 1888. Son journal parut en septembre, au chapitre III "
                        "d'un recueil.")
    assert all(m.text != "III" for e in analysis.entities for m in e.mentions), seen(analysis)


def test_a_man_and_his_wife_are_two_persons() -> None:
    analysis = analysed("M. et Mme Vautrin louèrent la villa. M. Vautrin ouvrit le tiroir, Mme Vautrin prit le cahier.")
    check_offsets(analysis)
    persons = [e for e in analysis.entities if e.type == "person" and e.name == "Vautrin"]
    assert sorted(e.title for e in persons) == ["M.", "Mme"], seen(analysis)


def test_a_name_inside_a_hyphenated_name_is_not_that_person() -> None:
    analysis = analysed("Jean Morel commanda la brigade de Lorraine. Plus tard, les habitants de Saint-Morel lui "
                        "élevèrent une statue.")
    inside = analysis.text.index("Saint-Morel") + len("Saint-")
    assert not any(m.start == inside for e in analysis.entities if e.type == "person" for m in e.mentions)

