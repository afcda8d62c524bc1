"""Titles, ranks and roles kept apart: "M." is a title, "général" a rank, "procureur général" an
office (a role), and an adjective after a name is no role. Short texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from entity_helpers import analysed, check_offsets, entity_of, seen

from annales.common.resources import ROOT, load_rows
from annales.entities.lexicon import name_lexicon
from annales.eval.hipe import annales_spans

LEXICON = name_lexicon("fr")
TITLE_KINDS = {"address", "nobility", "clergy", "office"}


# ---- resources ------------------------------------------------------------------------------

def test_every_title_row_has_a_kind_and_a_gender() -> None:
    for surface, canonical, kind, gender in load_rows("fr", "entities", "titles.tsv", 4):
        assert kind in TITLE_KINDS, surface
        assert gender in ("m", "f", "-"), surface
        assert canonical
        assert LEXICON.rank(surface) == (canonical, kind), surface
    assert LEXICON.title_genders["m."] == "m" and LEXICON.title_genders["mme"] == "f"
    assert "mm." not in LEXICON.title_genders  # "MM." names several men: no one person's gender


@pytest.mark.parametrize("path", sorted(Path(ROOT).glob("*/entities/ranks.tsv")), ids=lambda p: p.parent.parent.name)
def test_ranks_hold_military_and_naval_ranks_only(path: Path) -> None:
    rows = load_rows(path.parent.parent.name, "entities", "ranks.tsv", 3)
    assert rows and all(kind == "rank" for _surface, _canonical, kind in rows)


@pytest.mark.parametrize(("surface", "kind"), [("M.", "address"), ("Mme", "address"), ("Mgr", "address"),
                                               ("le prince", "nobility"), ("ministre", "office"),
                                               ("général", "rank"), ("Rear Admiral", "rank")])
def test_the_lexicon_tells_a_title_from_a_rank(surface: str, kind: str) -> None:
    found = LEXICON.rank(surface)
    assert found is not None and found[1] == kind


def test_office_heads_are_no_ranks() -> None:
    assert LEXICON.office_heads and not any(LEXICON.rank(head) for head in LEXICON.office_heads
                                            if LEXICON.rank(head) and LEXICON.rank(head)[1] == "rank")
    assert "procureur" in LEXICON.office_heads


# ---- through the analysis ----------------------------------------------------------------------

def test_a_civil_title_is_a_title_not_a_rank() -> None:
    analysis = analysed("M. Armand Lefèvre présida la séance du 12 mars 1851.")
    check_offsets(analysis)
    entity = entity_of(analysis, "Armand Lefèvre")
    assert (entity.title, entity.rank, entity.ranks) == ("M.", None, [])
    mention = entity.mentions[0]
    assert mention.title == "M." and mention.rank is None


def test_a_military_rank_is_a_rank_not_a_title() -> None:
    entity = entity_of(analysed("Le général Hubert Lacroix passa la Meuse à l'aube."), "Hubert Lacroix")
    assert (entity.rank, entity.ranks, entity.title) == ("général", ["général"], None)


def test_a_rank_word_inside_an_office_is_no_rank() -> None:
    analysis = analysed("Le procureur général Lucien Mercier requit la peine capitale contre les accusés.")
    entity = entity_of(analysis, "Lucien Mercier")
    assert entity.ranks == [] and entity.rank is None, seen(analysis)
    assert entity.role == "procureur général"
    role = entity.mentions[0].role
    assert role is not None and analysis.text[role.start:role.end] == "procureur général"


def test_an_office_before_the_name_is_a_role() -> None:
    entity = entity_of(analysed("Le ministre Émile Garnier félicita les troupes."), "Émile Garnier")
    assert (entity.role, entity.title, entity.rank) == ("ministre", None, None)


def test_a_title_of_address_takes_a_name_with_a_particle() -> None:
    analysis = analysed("Mme de Varennes quitta la salle avant la fin du procès.")
    check_offsets(analysis)
    persons = [e for e in analysis.entities if e.type == "person"]
    assert len(persons) == 1, seen(analysis)
    assert persons[0].title == "Mme" and persons[0].name.endswith("Varennes")
    assert all(not m.text.startswith("Mme") for m in persons[0].mentions)


def test_a_title_of_nobility_is_written_without_its_article() -> None:
    entity = entity_of(analysed("L'impératrice Eugénie quitta Paris le 4 septembre."), "Eugénie")
    assert entity.title == "impératrice" and entity.mentions[0].title == "impératrice"


@pytest.mark.parametrize(("text", "name", "title"), [
    ("La marquise de Villermont écrivit à sa fille le 6 mai.", "de Villermont", "marquise"),
    ("Le vicomte Armand Dessolles reçut la délégation.", "Armand Dessolles", "vicomte"),
    ("La comtesse Valérie Orlowska arriva de Varsovie.", "Valérie Orlowska", "comtesse"),
    ("Le sultan Mourad quitta Andrinople avec sa garde.", "Mourad", "sultan"),
])
def test_every_title_of_nobility_is_read_as_one(text: str, name: str, title: str) -> None:
    # Without its row, "marquise" is no title: the name after it is typed by the NER and the gazetteer alone.
    analysis = analysed(text)
    entity = entity_of(analysis, name)
    assert entity.type == "person" and entity.title == title, seen(analysis)


def test_an_adjective_is_no_role() -> None:
    analysis = analysed("Jean Ferrand, modéré, ne prit pas la parole ce jour-là.")
    assert entity_of(analysis, "Jean Ferrand").role is None


def test_an_apposition_with_a_noun_is_a_role() -> None:
    analysis = analysed("Jean Ferrand, député du Gers, protesta contre la loi.")
    assert entity_of(analysis, "Jean Ferrand").role == "député du Gers"


def test_hipe_spans_keep_the_title_with_the_person() -> None:
    analysis = analysed("M. Armand Lefèvre présida la séance du 12 mars 1851.")
    spans = [(analysis.text[s.start:s.end], s.type) for s in annales_spans(analysis)]
    assert ("M. Armand Lefèvre", "pers") in spans


def test_the_title_alone_still_names_the_person_told_before() -> None:
    # a title is no rank, but "l'empereur" still follows the text back to the emperor named so
    analysis = analysed("L'empereur Napoléon quitta Paris le 2 novembre 1808. Le 4 décembre, l'empereur entra "
                        "dans Madrid.")
    emperor = entity_of(analysis, "Napoléon")
    assert emperor.title == "empereur" and emperor.ranks == []
    entered = next(e for e in analysis.events if e.trigger.text == "entra")
    assert any(p.entity == emperor.id and p.resolved_from is not None for p in entered.participants)


def test_a_title_of_nobility_takes_a_name_after_de_unless_it_is_a_known_place() -> None:
    analysis = analysed("Le fameux comte de Varenne sévissait à Fribourg. Le roi de Prusse le reçut.")
    entity = entity_of(analysis, "de Varenne")
    assert entity.type == "person" and entity.title == "comte"
    assert not any(e.type == "person" and "Prusse" in e.name for e in analysis.entities), seen(analysis)


def test_the_swiss_army_ranks_are_ranks() -> None:
    entity = entity_of(analysed("Le colonel-divisionnaire Armand Borel inspecta la 2e division."), "Armand Borel")
    assert entity.type == "person" and entity.rank == "colonel-divisionnaire"


def test_an_office_with_its_article_in_capitals_names_nobody() -> None:
    # A parliamentary report: the chair and the minister speak by their office, not their name.
    from annales.entities.recognise import _an_office_with_its_article

    text = "M. LE PRÉSIDENT : La parole est à M. Roubert. M. LE MINISTRE : Je maintiens le texte."
    analysis = analysed(text)
    names = {m.text for e in analysis.entities for m in e.mentions}
    assert "Roubert" in names
    assert not any("PRÉSIDENT" in n or "MINISTRE" in n for n in names), seen(analysis)
    assert _an_office_with_its_article("LE VICE-PRÉSIDENT", "fr")
    assert not _an_office_with_its_article("Le Huéron", "fr")
    assert not _an_office_with_its_article("PRÉSIDENT", "fr")


def test_a_dotted_title_glued_to_the_name_by_ocr_is_still_the_title() -> None:
    text = "Le prévenu a comparu hier devant M.Barnaud, juge d'instruction, qui l'a inculpé."
    analysis = analysed(text)
    spans = {(s.type, text[s.start:s.end]) for s in annales_spans(analysis)}
    assert any(kind == "pers" and span.startswith("M.Barnaud") for kind, span in spans), seen(analysis)


def test_a_title_of_nobility_takes_de_la_but_an_office_does_not() -> None:
    text = "Il fut reçu par le comte de la Guairinière, qui résolut de partir le soir même."
    analysis = analysed(text)
    spans = {(s.type, text[s.start:s.end]) for s in annales_spans(analysis)}
    assert ("pers", "comte de la Guairinière") in spans, seen(analysis)
    text = "Le commandant de la Place a rendu visite au général de la Division."
    analysis = analysed(text)
    assert not [e for e in analysis.entities if e.type == "person"], seen(analysis)
