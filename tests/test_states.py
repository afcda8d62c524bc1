"""Which place names name a state (annales.common.states)."""

from __future__ import annotations

import pytest

from annales.common.states import is_state


@pytest.mark.parametrize("name", ["Prusse", "Empire ottoman", "Bolivie", "Royaume de Sardaigne", "Grande Bretagne"])
def test_states_old_and_new_are_states(name: str) -> None:
    assert is_state(name, "fr")


@pytest.mark.parametrize("name", ["Lyon", "Bretagne", "Royaume", "Sadowa"])
def test_towns_regions_and_a_bare_noun_are_not(name: str) -> None:
    assert not is_state(name, "fr")


def test_a_language_without_resources_knows_its_countries_only() -> None:
    assert is_state("Bolivia", "en") and not is_state("Prusse", "en")


@pytest.mark.parametrize("name", ["Gibraltar", "Monaco", "Malte", "Sainte-Hélène", "Singapour"])
def test_a_territory_that_is_a_town_or_a_small_island_is_no_state(name: str) -> None:
    assert not is_state(name, "fr")
