"""Headlines in capitals (issue 9): a weekday, a date or a part of the day written in capitals on a
line of its own is read as in lower case, and a line break ends what a weekday may be followed by."""

from __future__ import annotations

import pytest

from annales.pipeline import analyze
from annales.time.recognise import lowered_headlines

STORY = "Le 30 avril 1915, le bataillon arrive à Arras.\n\n"


def values(text: str, context) -> dict[str, str]:
    return {t.text: t.value for t in analyze(text, None, context=context).timexes}


@pytest.mark.parametrize(("headline", "key", "expected"), [
    ("LUNDI", "LUNDI", "1915-05-03"), ("DIMANCHE", "DIMANCHE", "1915-05-02"), ("EN MAI", "MAI", "1915-05"),
    # a part of the day after "au" is read with the day it follows, one expression
    ("MARDI 4 MAI AU SOIR", "MARDI 4 MAI AU SOIR", "1915-05-04TEV"),
    ("LE 3 MAI AU MATIN", "LE 3 MAI AU MATIN", "1915-05-03TMO"),
])
def test_a_headline_in_capitals_is_read(headline: str, key: str, expected: str, context) -> None:
    found = values(f"{STORY}{headline}\n\nLe bataillon quitte Arras.", context)
    assert found.get(key) == expected, found


def test_a_headline_line_is_lowered_and_the_next_line_kept() -> None:
    assert lowered_headlines("x\nLUNDI 3 MAI\nLe bataillon") == "x\nlundi 3 mai\nLe bataillon"


def test_only_lines_without_lower_case_are_lowered_and_offsets_hold() -> None:
    text = "Le Matin du 3 mai.\nLE SOIR — ÉDITION DE PARIS\nMai 1915. Le régiment"
    lowered = lowered_headlines(text)
    assert len(lowered) == len(text)
    assert lowered.splitlines() == ["Le Matin du 3 mai.", "le soir — édition de paris", "Mai 1915. Le régiment"]


def test_a_headline_opening_a_line_before_the_text_is_lowered_up_to_its_end() -> None:
    assert lowered_headlines("LUNDI 3 MAI. Le bataillon part.") == "lundi 3 mai. Le bataillon part."


def test_the_dates_of_a_section_title_are_the_storys_not_a_nouns() -> None:
    # "LA MARNE (Septembre 1914)": a name and its dates, no verb; a title dating what follows, not
    # "la Déclaration de 1789", a noun whose date is a reference off the story's line.
    from annales.time.situation import Situations

    text = "CHAPITRE II\n\nLA MARNE (Septembre 1914) Le régiment arrive à Vitry."
    analysis = analyze(text)
    timex = next(t for t in analysis.timexes if t.text == "Septembre 1914")
    assert Situations(analysis, "fr").of(timex.start, timex.end).attachment == "verb"


def test_a_day_without_its_year_that_is_a_verbs_subject_in_the_present_comes_back_every_year() -> None:
    # "le 11 novembre rend hommage": the day as it comes back, not the story's 11 November; told in the
    # past it is one day of the story
    found = {t.text: t.value for t in analyze(
        "Depuis la loi du 3 mars 1999, le 8 mai rend hommage aux déportés. Le 1er mai 1999, le 2 juin fut "
        "une journée terrible.", "1999-06-10").timexes}
    assert found["le 8 mai"] == "XXXX-05-08"
    assert found["le 2 juin"] == "1999-06-02"
