"""Calendar points: their TIMEX3 values, their intervals and date arithmetic (no spaCy)."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from annales.time.values import Point, bounds, duration_value, interval, iso, replace, shift


@pytest.mark.parametrize("point, value", [
    pytest.param(Point(1934, 12, 1), "1934-12-01", id="day"),
    pytest.param(Point(1934, 3), "1934-03", id="month"),
    pytest.param(Point(1928), "1928", id="year"),
    pytest.param(Point(year=1943, season="SU"), "1943-SU", id="season"),
    pytest.param(Point(decade=193), "193X", id="decade"),
    pytest.param(Point(century=18), "18", id="century"),
    pytest.param(Point(), "XXXX", id="nothing-known"),
    pytest.param(Point(month=11, day=13), "XXXX-11-13", id="no-year"),
    pytest.param(Point(year=1914, day=18), "1914-XX-18", id="no-month"),
    pytest.param(Point(1815, 6, 20, 8, 55), "1815-06-20T08:55", id="time"),
    pytest.param(Point(1815, 6, 20, 18), "1815-06-20T18:00", id="hour-only"),
    pytest.param(Point(1815, 6, 20, part="MO"), "1815-06-20TMO", id="part-of-day"),
    pytest.param(Point(year=1944, week=23), "1944-W23", id="week"),
    pytest.param(Point(year=1944, week=23, weekend=True), "1944-W23-WE", id="weekend"),
    pytest.param(Point(year=812), "0812", id="short-year-padded"),
])
def test_iso(point: Point, value: str) -> None:
    assert iso(point) == value


@pytest.mark.parametrize("point, expected", [
    pytest.param(Point(1928), ("1928-01-01", "1928-12-31"), id="year"),
    pytest.param(Point(1916, 2), ("1916-02-01", "1916-02-29"), id="february-leap"),
    pytest.param(Point(1900, 2), ("1900-02-01", "1900-02-28"), id="february-1900-not-leap"),
    pytest.param(Point(2000, 2), ("2000-02-01", "2000-02-29"), id="february-2000-leap"),
    pytest.param(Point(1934, 4), ("1934-04-01", "1934-04-30"), id="april"),
    pytest.param(Point(year=1943, season="SU"), ("1943-06-21", "1943-09-22"), id="summer"),
    pytest.param(Point(year=1937, season="SP"), ("1937-03-20", "1937-06-20"), id="spring"),
    pytest.param(Point(year=1916, season="WI"), ("1916-12-21", "1917-03-19"), id="winter-crosses-year"),
    pytest.param(Point(decade=193), ("1930-01-01", "1939-12-31"), id="decade"),
    pytest.param(Point(century=18), ("1800-01-01", "1899-12-31"), id="century"),
    pytest.param(Point(1934, 12, 1), ("1934-12-01", "1934-12-01"), id="day"),
    pytest.param(Point(1815, 6, 20, 8, 55), ("1815-06-20T08:55", "1815-06-20T08:55"), id="instant"),
    pytest.param(Point(1815, 6, 20, part="EV"), ("1815-06-20T18:00", "1815-06-20T23:59"), id="evening"),
    pytest.param(Point(year=1944, week=23), ("1944-06-05", "1944-06-11"), id="iso-week"),
    pytest.param(Point(year=1944, week=23, weekend=True), ("1944-06-10", "1944-06-11"), id="weekend"),
    pytest.param(Point(month=3, day=2), None, id="no-year"),
])
def test_bounds(point: Point, expected: tuple[str, str] | None) -> None:
    assert bounds(point) == expected


@pytest.mark.parametrize("point, mod, expected", [
    pytest.param(Point(1937), None, ("1937-01-01", "1937-12-31"), id="plain"),
    pytest.param(Point(1937), "START", ("1937-01-01", "1937-05-02"), id="start-of-year"),
    pytest.param(Point(1937), "MID", ("1937-05-03", "1937-08-31"), id="mid-year"),
    pytest.param(Point(1937), "END", ("1937-09-01", "1937-12-31"), id="end-of-year"),
    pytest.param(Point(1916, 7), "MID", ("1916-07-11", "1916-07-21"), id="mid-month"),
    pytest.param(Point(1914, 12), "START", ("1914-12-01", "1914-12-10"), id="start-of-month"),
    pytest.param(Point(year=1916, season="WI"), "END", ("1917-02-18", "1917-03-19"), id="end-of-winter"),
    pytest.param(Point(decade=193), "START", ("1930-01-01", "1933-05-01"), id="start-of-decade"),
    pytest.param(Point(1934, 3), "APPROX", ("1934-02-22", "1934-04-07"), id="approx-month"),
    pytest.param(Point(1815, 6, 20, 18), "APPROX", ("1815-06-20T17:30", "1815-06-20T18:30"), id="approx-hour"),
    pytest.param(Point(1815, 6, 20, 0, 10), "APPROX", ("1815-06-20T00:00", "1815-06-20T00:40"),
                 id="approx-hour-clamped-at-midnight"),
    pytest.param(Point(1930), "APPROX", ("1929-01-01", "1931-12-31"), id="approx-year"),
    pytest.param(Point(1937), "APPROX", ("1936-01-01", "1938-12-31"), id="approx-year-after-leap-year"),
    pytest.param(Point(1934, 12, 1), "START", ("1934-12-01", "1934-12-01"), id="mod-on-a-day-is-a-no-op"),
    pytest.param(Point(month=3), "START", None, id="no-year"),
])
def test_interval(point: Point, mod: str | None, expected: tuple[str, str] | None) -> None:
    assert interval(point, mod) == expected


@pytest.mark.parametrize("point, unit, amount, expected", [
    pytest.param(Point(1916, 1, 31), "M", 1, "1916-02-29", id="jan31-plus-month-leap"),
    pytest.param(Point(1915, 1, 31), "M", 1, "1915-02-28", id="jan31-plus-month-common"),
    pytest.param(Point(1915, 3, 31), "M", -1, "1915-02-28", id="mar31-minus-month"),
    pytest.param(Point(1914, 8, 31), "M", 1, "1914-09-30", id="aug31-plus-month"),
    pytest.param(Point(1914, 11, 15), "M", 3, "1915-02-15", id="months-cross-year"),
    pytest.param(Point(1915, 2, 15), "M", -3, "1914-11-15", id="months-back-cross-year"),
    pytest.param(Point(1944, 6), "M", 6, "1944-12", id="month-precision"),
    pytest.param(Point(1944, 6, 5), "M", 18, "1945-12-05", id="eighteen-months"),
    pytest.param(Point(1916, 2, 28), "D", 1, "1916-02-29", id="day-into-leap-day"),
    pytest.param(Point(1900, 2, 28), "D", 1, "1900-03-01", id="1900-not-leap"),
    pytest.param(Point(1914, 12, 31), "D", 1, "1915-01-01", id="day-cross-year"),
    pytest.param(Point(1915, 1, 1), "D", -1, "1914-12-31", id="day-back-cross-year"),
    pytest.param(Point(1939, 9, 3), "W", 2, "1939-09-17", id="weeks"),
    pytest.param(Point(1821, 5, 5), "Y", -3, "1818-05-05", id="years-back"),
    pytest.param(Point(1916, 2, 29), "Y", 4, "1920-02-29", id="leap-day-plus-four-years"),
    pytest.param(Point(1916, 2, 29), "Y", 1, "1917-02-28", id="leap-day-plus-one-year"),
    pytest.param(Point(1930), "DE", 1, "1940", id="decade"),
    pytest.param(Point(1815), "CE", 1, "1915", id="century"),
    pytest.param(Point(1914, 12, 31, 23, 30), "TH", 1, "1915-01-01T00:30", id="hour-cross-midnight-and-year"),
    pytest.param(Point(1815, 6, 20, 0, 10), "TM", -20, "1815-06-19T23:50", id="minutes-back-over-midnight"),
    pytest.param(Point(1815, 6, 20), "TH", 3, "1815-06-20", id="hours-on-a-day-no-op"),
    pytest.param(Point(month=6, day=5), "D", 1, "XXXX-06-05", id="no-year-no-op"),
])
def test_shift(point: Point, unit: str, amount: int, expected: str) -> None:
    assert iso(shift(point, unit, amount)) == expected


@pytest.mark.parametrize("amount, unit, value", [
    pytest.param(2.5, "TH", "PT2H30M", id="two-and-a-half-hours"),
    pytest.param(2.25, "TH", "PT2H15M", id="two-and-a-quarter-hours"),
    pytest.param(50, "TH", "PT50H", id="fifty-hours"),
    pytest.param(20, "TM", "PT20M", id="minutes"),
    pytest.param(30, "TS", "PT30S", id="seconds"),
    pytest.param(3, "D", "P3D", id="days"),
    pytest.param(None, "D", "PXD", id="unknown-days"),
    pytest.param(None, "M", "PXM", id="unknown-months"),
    pytest.param(None, "TH", "PTXH", id="unknown-hours"),
    pytest.param(1.5, "Y", "P18M", id="a-year-and-a-half"),
    pytest.param(6, "M", "P6M", id="months"),
    pytest.param(2, "W", "P2W", id="weeks"),
    pytest.param(2, "DE", "P20Y", id="decades"),
    pytest.param(1, "CE", "P100Y", id="century"),
    pytest.param(0.5, "D", "P0.5D", id="half-day"),
])
def test_duration_value(amount: float | None, unit: str, value: str) -> None:
    assert duration_value(amount, unit) == value


def test_replace_makes_the_point_dataclasses_replace_makes() -> None:
    point = Point(1916, 2, 21, part="MO")
    new = replace(point, year=1917, part=None)
    assert new == dataclasses.replace(point, year=1917, part=None) == Point(1917, 2, 21)
    assert hash(new) == hash(Point(1917, 2, 21)) and point == Point(1916, 2, 21, part="MO")
    # Hashed as the dataclass would hash it: the tuple of its fields.
    assert hash(new) == hash(dataclasses.astuple(new)) and new != dataclasses.astuple(new)
    with pytest.raises(dataclasses.FrozenInstanceError):
        new.year = 1918  # type: ignore[misc]


def test_replace_refuses_a_field_the_record_does_not_have() -> None:
    with pytest.raises(TypeError, match="yaer"):
        replace(Point(1916), yaer=1917)


def test_a_points_hash_is_worked_out_once_and_never_copied() -> None:
    point = Point(1916, 2, 21)
    assert hash(point) == hash(dataclasses.astuple(point))
    later = replace(point, day=22)  # made from a point whose hash is known: its own is worked out anew
    assert hash(later) == hash(dataclasses.astuple(later)) != hash(point)
    again = pickle.loads(pickle.dumps(point))
    assert again == point and hash(again) == hash(point)
