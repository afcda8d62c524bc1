"""Rules read from the errors of historical newspapers: what OCR and a newspaper's layout do to
names. Every sentence here is the project's own."""

from __future__ import annotations

from entity_helpers import analysed, entity_of, seen

from annales.entities.gazetteer import long_s_readings, place_tier

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
