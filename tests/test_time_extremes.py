"""The edges of the calendar and giant figures: a publication date in year 1 or 9999 (0001-01-01 is a
common "no date" placeholder) and digit runs past Python's limits never raise; every value stays a
date the calendar holds, or is left unresolved."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annales import analyze
from annales.model import Analysis
from annales.quantities.recognise import parse_digits
from annales.time.values import Point, bounds, interval, moved, shift

EXTREME_DCTS = ["0001-01-01", "0001-12-31", "9999-12-31", "9999-01-01"]
NEWS = ("Hier, le conseil s'est réuni. Demain, il votera. L'année prochaine, le port sera agrandi. "
        "La semaine dernière, la crue a tout emporté. Dans trois siècles, on s'en souviendra. "
        "Il y a deux mille ans, une voie romaine passait ici. Le lendemain, les travaux ont repris. "
        "En 1943, le pont avait été détruit.")
DEICTICS = ["hier", "demain", "l'année prochaine", "la semaine dernière", "dans trois siècles",
            "il y a deux mille ans", "le lendemain", "en 1943", "samedi prochain", "lundi dernier",
            "le week-end dernier", "cet hiver", "l'hiver dernier", "le printemps prochain", "le 31 décembre dernier",
            "le 1er janvier prochain", "la veille", "dans trois jours", "il y a trois jours", "le mois dernier",
            "quelques siècles plus tard", "vers 18 heures", "le 3 janvier", "le 18"]
# A TIMEX3 date value: a year of four digits or X's, then months, weeks, seasons, days, times.
VALUE = re.compile(r"^(?:\d{4}|XXXX)(?:-.*)?$|^\d{2,3}X?$|^P|^T|^PRESENT_REF$|^PAST_REF$|^FUTURE_REF$")


def assert_calendar_values(analysis: Analysis) -> None:
    for timex in analysis.timexes:
        assert analysis.text[timex.start:timex.end] == timex.text
        assert VALUE.match(timex.value), timex
        if timex.interval is not None:
            earliest = date.fromisoformat(timex.interval.earliest[:10])
            latest = date.fromisoformat(timex.interval.latest[:10])
            assert earliest <= latest, timex
        if timex.resolved and timex.type == "DATE" and timex.value[:4].isdigit():
            assert timex.interval is not None, timex


@pytest.mark.parametrize("dct", EXTREME_DCTS)
def test_a_news_text_dated_at_the_edge_of_the_calendar_is_analysed(dct: str) -> None:
    analysis = analyze(NEWS, dct)
    assert_calendar_values(analysis)
    by_text = {t.text.lower(): t for t in analysis.timexes}
    assert by_text["1943"].value == "1943"


@pytest.mark.parametrize("dct", EXTREME_DCTS)
@pytest.mark.parametrize("expression", DEICTICS)
def test_every_deictic_at_the_edge_of_the_calendar_is_a_date_or_unresolved(dct: str, expression: str) -> None:
    text = f"Le 20 décembre, rien. {expression[0].upper()}{expression[1:]}, la ville a fêté son port."
    assert_calendar_values(analyze(text, dct))


def test_what_falls_off_the_calendar_is_unresolved_and_what_stays_on_is_resolved() -> None:
    last = {t.text.lower(): t for t in analyze("Hier, il a plu. Demain, il fera beau.", "9999-12-31").timexes}
    assert (last["hier"].value, last["hier"].resolved) == ("9999-12-30", True)
    assert last["demain"].resolved is False
    first = {t.text.lower(): t for t in analyze("Hier, il a plu. Demain, il fera beau.", "0001-01-01").timexes}
    assert first["hier"].resolved is False
    assert (first["demain"].value, first["demain"].resolved) == ("0001-01-02", True)
    ago = analyze("Il y a deux mille ans, une voie romaine passait ici.", "1999-05-17").timexes
    assert [t.resolved for t in ago] == [False]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([date(1, 1, 1), date(9999, 12, 31)]), st.integers(0, 400), st.sampled_from(DEICTICS))
def test_publication_dates_near_the_edges_never_raise(edge: date, days: int, expression: str) -> None:
    dct = edge + timedelta(days=days) if edge.year == 1 else edge - timedelta(days=days)
    assert_calendar_values(analyze(f"{expression[0].upper()}{expression[1:]}, la ville a fêté son port.",
                                   dct.isoformat()))


def test_date_arithmetic_off_the_calendar_says_so() -> None:
    assert moved(Point(9999, 12, 31), "D", 1) is None
    assert moved(Point(1, 1, 1), "M", -1) is None
    assert moved(Point(9999), "CE", 3) is None
    assert moved(Point(1998, 5, 17), "Y", -2000) is None
    assert moved(Point(1, 1, 1), "D", 1) == Point(1, 1, 2)
    assert shift(Point(9999, 12, 31), "D", 1) == Point(9999, 12, 31)  # `shift` keeps its point


@pytest.mark.parametrize("point, mod, expected", [
    pytest.param(Point(9999, season="WI"), None, ("9999-12-21", "9999-12-31"), id="last-winter-ends-with-the-calendar"),
    pytest.param(Point(9999, week=52), None, ("9999-12-27", "9999-12-31"), id="last-week"),
    pytest.param(Point(9999), "APPROX", ("9998-01-01", "9999-12-31"), id="about-9999"),
    pytest.param(Point(1), "APPROX", ("0001-01-01", "0002-12-31"), id="about-year-one"),
    pytest.param(Point(1, 1, 1), "APPROX", ("0001-01-01", "0001-01-02"), id="about-the-first-day"),
    pytest.param(Point(century=0), None, ("0001-01-01", "0099-12-31"), id="first-century-has-no-year-zero"),
    pytest.param(Point(10000), None, None, id="year-10000"),
])
def test_intervals_stay_inside_the_calendar(point: Point, mod: str | None, expected: tuple[str, str] | None) -> None:
    assert interval(point, mod) == expected
    if expected is None:
        assert bounds(point) is None


GIANT = "7" * 5_000


@pytest.mark.parametrize("text", [
    pytest.param(f"La garnison comptait {GIANT} hommes.", id="count"),
    pytest.param(f"Il y a {GIANT} ans, le fort n'existait pas.", id="years-ago"),
    pytest.param(f"Dans {GIANT} jours, la relève arrivera.", id="days-ahead"),
    pytest.param(f"Le {GIANT} mai 1915, rien ne bougea.", id="day-of-month"),
    pytest.param(f"En {GIANT}, rien ne bougea.", id="year"),
    pytest.param(f"La part était de 1,{GIANT} pour cent.", id="decimal"),
    pytest.param(f"La part était de {GIANT},5 pour cent.", id="float-overflow"),
    pytest.param(f"Il avait {'1 000 ' * 2000}hommes.", id="grouped-thousands"),
    pytest.param(f"Pendant {GIANT} heures, la pluie tomba.", id="duration"),
    pytest.param(f"Vers {GIANT} heures, la pluie tomba.", id="clock"),
])
def test_a_giant_digit_run_is_no_figure_and_no_date(text: str) -> None:
    analysis = analyze(text, "1999-05-17")
    assert_calendar_values(analysis)
    for timex in analysis.timexes:
        assert "7777" not in timex.text
    assert all(len(q.text) < 100 for q in analysis.quantities)


def test_the_story_goes_on_around_a_giant_figure() -> None:
    analysis = analyze(f"Le 3 mai 1915, {GIANT} obus tombèrent. Le lendemain, le bataillon repartit avec 850 hommes.")
    assert [(t.text, t.value) for t in analysis.timexes] == [("Le 3 mai 1915", "1915-05-03"),
                                                             ("Le lendemain", "1915-05-04")]
    assert [q.value for q in analysis.quantities] == [850]


@pytest.mark.parametrize("raw, value", [
    pytest.param("9" * 15, 999_999_999_999_999, id="fifteen-digits-read"),
    pytest.param("9" * 16, None, id="sixteen-digits-refused"),
    pytest.param("7" * 4_301, None, id="past-python-int-limit"),
    pytest.param("1 000 000", 1_000_000, id="grouped"),
])
def test_parse_digits_refuses_runs_no_count_needs(raw: str, value: int | None) -> None:
    assert parse_digits(raw) == value
