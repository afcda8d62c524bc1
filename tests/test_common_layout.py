"""Whether a date heads an entry (a sentence's or a line's start, then a dash) or dates a dispatch (a
place, a comma, the date and a stop): layout only."""

from __future__ import annotations

from datetime import date as Date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annales.common.layout import dates_a_dispatch, heads_an_entry

WRITTEN = Date(1902, 4, 5)  # the day of the paper the dispatches below were sent for


def _heads(text: str, date: str) -> bool:
    start = text.index(date)
    return heads_an_entry(text, start, start + len(date))


def _dispatch(text: str, date: str = "3 avril", written: Date = WRITTEN, month: int = 4) -> bool:
    start = text.index(date)
    return dates_a_dispatch(text, start, start + len(date), month, int(date.split()[0]), written)


@pytest.mark.parametrize("text", [
    "12 août. — Nous marchons.",
    "Fin du récit. 14 août. — Repos.",
    "Rien.\n3 mars — Départ à l'aube.",
    "Metz, 12 août. — La ville est calme.",
    "PARIS, 17 mai (AFP) - Le ministre a parlé.",
])
def test_a_day_set_apart_at_a_head_heads_an_entry(text: str) -> None:
    date = next(d for d in ("12 août", "14 août", "3 mars", "17 mai") if d in text)
    assert _heads(text, date)


@pytest.mark.parametrize("text", [
    "Le 12 août, nous marchons.",               # a date in a sentence
    "Nous partîmes le 12 août — enfin.",         # a dash, but the date ends a sentence begun before
    "12 août. Nous marchons.",                   # no dash: a sentence of its own, not an entry's head
])
def test_a_date_inside_a_sentence_heads_nothing(text: str) -> None:
    assert not _heads(text, "12 août")


@given(st.text(max_size=60), st.integers(min_value=0, max_value=60), st.integers(min_value=0, max_value=60))
def test_never_raises(text: str, start: int, end: int) -> None:
    heads_an_entry(text, min(start, len(text)), min(max(start, end), len(text)))


@pytest.mark.parametrize("text", [
    "Rome, 3 avril. Le pape a reçu les pèlerins.",
    "Fin de l'article précédent. Saint-Pétersbourg, 3 avril. Le tsar est rentré.",
    "Rien.\nNew York, 3 avril.\nLe port est bloqué.",
])
def test_a_place_a_comma_and_a_day_closing_their_sentence_date_a_dispatch(text: str) -> None:
    assert _dispatch(text)


@pytest.mark.parametrize("text", [
    "3 avril. Le pape a reçu les pèlerins.",                   # no place: a diary's day
    "Il arriva à Rome, 3 avril, sous la pluie.",             # inside a sentence
    "Le pape, à Rome, le 3 avril. Rien d'autre.",            # a sentence that began before the place
    "à rome, 3 avril. Le pape a reçu les pèlerins.",         # no capital: no place
])
def test_a_day_that_is_no_dateline_dates_no_dispatch(text: str) -> None:
    assert not _dispatch(text)


@pytest.mark.parametrize("written", [Date(1902, 6, 5), Date(1902, 4, 2)])
def test_a_dateline_long_before_the_paper_or_after_it_dates_no_dispatch(written: Date) -> None:
    assert not _dispatch("Rome, 3 avril. Le pape a reçu les pèlerins.", written=written)


def test_a_dispatch_of_late_december_in_a_paper_of_january() -> None:
    assert _dispatch("Rome, 30 décembre. Le pape a reçu les pèlerins.", "30 décembre", Date(1903, 1, 4), 12)


@given(st.text(max_size=60), st.integers(min_value=0, max_value=60), st.integers(min_value=0, max_value=60))
def test_dates_a_dispatch_never_raises(text: str, start: int, end: int) -> None:
    dates_a_dispatch(text, min(start, len(text)), min(max(start, end), len(text)), 2, 29, WRITTEN)
