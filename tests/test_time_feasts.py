"""Feasts (issue 9): the movable ones are computed from the year (Easter's computus, words and offsets
in `resources/fr/time/movable_feasts.tsv`), the fixed ones read from `holidays.tsv`."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annales.pipeline import analyze
from annales.time.values import easter


def values(text: str, context, dct: str | None = None) -> dict[str, str]:
    return {t.text: t.value for t in analyze(text, dct, context=context).timexes}


@pytest.mark.parametrize(("year", "day"), [(1915, date(1915, 4, 4)), (1916, date(1916, 4, 23)),
                                          (1944, date(1944, 4, 9)), (2024, date(2024, 3, 31)),
                                          (1818, date(1818, 3, 22)), (1943, date(1943, 4, 25))])
def test_easter_is_computed_from_the_year(year: int, day: date) -> None:
    assert easter(year) == day


@given(st.integers(min_value=1583, max_value=9999))
def test_gregorian_easter_is_a_sunday_between_march_22_and_april_25(year: int) -> None:
    day = easter(year)
    assert day.isoweekday() == 7 and date(year, 3, 22) <= day <= date(year, 4, 25)


@given(st.integers(min_value=1, max_value=1582))
def test_julian_easter_before_the_reform_is_a_julian_sunday_in_its_window(year: int) -> None:
    # Before 1583 the texts write the Julian calendar: Easter falls from 22 March to 25 April of it.
    day = easter(year)
    assert date(year, 3, 22) <= day <= date(year, 4, 25)


def test_easter_of_the_julian_calendar_before_the_reform() -> None:
    assert easter(1500) == date(1500, 4, 19)  # a Julian Easter (Meeus)


@pytest.mark.parametrize(("phrase", "expected"), [
    ("Le jour de Pâques", "1916-04-23"), ("Le lundi de Pâques", "1916-04-24"), ("Le mardi gras", "1916-03-07"),
    ("À la Pentecôte", "1916-06-11"), ("Le jour de l'Ascension", "1916-06-01"),
    ("Le dimanche des Rameaux", "1916-04-16"), ("Le Vendredi saint", "1916-04-21"),
])
def test_a_movable_feast_is_dated_in_the_story_s_year(phrase: str, expected: str, context) -> None:
    text = f"Le 2 mars 1916, le bataillon monte en ligne. {phrase}, les hommes sont au cantonnement."
    found = values(text, context)
    key = next(k for k in found if k.lower().endswith(phrase.split()[-1].lower()))
    assert found[key] == expected


def test_a_movable_feast_with_its_year_is_explicit(context) -> None:
    found = values("Il fut blessé à Pâques 1915, puis soigné à Lyon.", context)
    assert found["Pâques 1915"] == "1915-04-04"


def test_common_nouns_that_name_feasts_only_with_a_capital_are_no_dates(context) -> None:
    text = "Le 3 mai 1916, la cordée commence l'ascension du glacier ; les cendres du foyer sont froides."
    found = values(text, context)
    assert not any("ascension" in k or "cendres" in k for k in found)


def test_a_fixed_feast_by_its_name(context) -> None:
    text = "En 1916, le régiment est au repos. Le jour de la fête nationale, il défile à Paris."
    assert values(text, context)["Le jour de la fête nationale"] == "1916-07-14"


def test_good_friday_is_a_feast_not_a_weekday(context) -> None:
    # Once kept out as no timex (a weekday misread); TimeML counts the feast as a DATE, unresolved without a year.
    found = values("Le Vendredi Saint, les cloches de la cathédrale restèrent muettes.", context)
    assert found == {"Le Vendredi Saint": "XXXX-XX-XX"}


def test_a_feast_named_as_the_feast_of_keeps_those_words(context) -> None:
    # French TimeBank writes "cette fête de Pentecôte" whole; in news, a future tense looks ahead.
    text = "Le village se prépare. C'est en cette fête de Pentecôte que se déroulera la kermesse."
    assert values(text, context, dct="1999-05-18")["cette fête de Pentecôte"] == "1999-05-23"


# The nth weekday of a month or a season ("le premier dimanche de mai"): a day the calendar fixes once
# the period is placed, as a movable feast is once its year is.
@pytest.mark.parametrize(("text", "key", "expected"), [
    ("Le 2 mars 1916, le bataillon monte en ligne. Le premier dimanche de mai, il défile.",
     "Le premier dimanche de mai", "1916-05-07"),
    ("Le 2 mars 1916, le bataillon monte en ligne. Le dernier jeudi d'avril, il est relevé.",
     "Le dernier jeudi d'avril", "1916-04-27"),
    ("La fête aura lieu le premier dimanche du printemps 2000.", "le premier dimanche du printemps 2000",
     "2000-03-26"),
    ("Le deuxième lundi de septembre 1915, la division attaque.", "Le deuxième lundi de septembre 1915",
     "1915-09-13"),
])
def test_the_nth_weekday_of_a_period(text: str, key: str, expected: str, context) -> None:
    assert values(text, context).get(key) == expected


# In news the period may hold the day of writing: the day itself lies where the tense says, a future
# one not already past, a past one not still to come (written on 19 May 1999).
@pytest.mark.parametrize(("text", "key", "expected"), [
    ("Le marché aux puces aura lieu le premier dimanche de mai.", "le premier dimanche de mai", "2000-05-07"),
    ("La kermesse se tiendra le premier dimanche du printemps.", "le premier dimanche du printemps",
     "2000-03-26"),
    ("La kermesse a eu lieu le dernier dimanche de mai.", "le dernier dimanche de mai", "1998-05-31"),
    ("Le marché aux puces aura lieu le dernier dimanche de mai.", "le dernier dimanche de mai", "1999-05-30"),
    ("La kermesse avait eu lieu le premier dimanche de l'automne.", "le premier dimanche de l'automne",
     "1998-09-27"),
])
def test_the_nth_weekday_said_in_news_lies_where_its_tense_says(text: str, key: str, expected: str,
                                                                 context) -> None:
    assert values(text, context, dct="1999-05-19").get(key) == expected
