"""The entity resources mean what they say.

The checks every resource file passes (FORMAT line, columns, keys) are in test_resources.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from annales.common.resources import ROOT, load_rows
from annales.entities.lexicon import name_lexicon, squeeze

ENTITY_FILES = sorted(Path(ROOT).glob("*/entities/*.tsv")) + sorted(Path(ROOT).glob("*/common/unit_nouns.tsv"))


def _id(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.name}"


def _rows(path: Path) -> tuple[tuple[str, ...], ...]:
    return load_rows(path.parent.parent.name, path.parent.name, path.name)


def test_there_are_entity_resources_in_french_and_english() -> None:
    languages = {p.parent.parent.name for p in ENTITY_FILES}
    assert {"fr", "en"} <= languages
    assert {p.name for p in ENTITY_FILES} >= {"ranks.tsv", "unit_nouns.tsv", "unit_abbreviations.tsv",
                                              "ship_nouns.tsv", "ship_prefixes.tsv", "not_names.tsv"}


@pytest.mark.parametrize("path", sorted(Path(ROOT).glob("*/entities/ranks.tsv")), ids=_id)
def test_every_rank_row_has_a_kind(path: Path) -> None:
    for surface, canonical, kind in _rows(path):
        assert kind in ("rank", "title"), f"{surface}: {kind}"
        assert canonical


@pytest.mark.parametrize("path", sorted(Path(ROOT).glob("*/entities/unit_abbreviations.tsv")), ids=_id)
def test_every_unit_abbreviation_expands(path: Path) -> None:
    lexicon = name_lexicon(path.parent.parent.name)
    for abbreviation, expansion in _rows(path):
        assert expansion.strip() and squeeze(expansion) != squeeze(abbreviation)
        assert lexicon.abbreviation(abbreviation) == expansion
        assert lexicon.abbreviation(squeeze(abbreviation)) == expansion  # "R. I." and "RI" are one


def test_abbreviation_squeezes_are_unique() -> None:
    rows = load_rows("fr", "entities", "unit_abbreviations.tsv")
    squeezed = [squeeze(a) for a, _ in rows]
    assert len(squeezed) == len(set(squeezed))


def test_every_rank_surface_is_known_to_the_lexicon() -> None:
    lexicon = name_lexicon("fr")
    for language in ("fr", "en"):
        for surface, _canonical, kind in load_rows(language, "entities", "ranks.tsv"):
            found = lexicon.rank(surface)
            assert found is not None, surface
            assert found[1] == kind, surface


def test_person_verbs_have_a_role() -> None:
    for lemma, role in load_rows("fr", "entities", "person_verbs.tsv"):
        assert role in ("agent", "patient"), lemma
        assert lemma == lemma.lower()


def test_not_names_are_capitalised_and_place_cues_lower_case() -> None:
    assert all(row[0][:1].isupper() for row in load_rows("fr", "entities", "not_names.tsv"))
    assert all(row[0] == row[0].lower() for row in load_rows("fr", "entities", "place_cues.tsv"))
    assert all(row[0] == row[0].lower() for row in load_rows("fr", "common", "name_particles.tsv"))
