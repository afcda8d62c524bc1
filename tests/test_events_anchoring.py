"""Where a historian places an event whose own words do not date it plainly (issue 9, placement):
a participial clause keeping its own date, the date of an event the verb happened during, the date
of a governing clause, a sentence that only names the day of what was just told. Each mechanism is
checked on sentences of our own."""

from __future__ import annotations

from annales.context import Context
from annales.model import Analysis, Event
from annales.pipeline import analyze


def _event(analysis: Analysis, word: str) -> Event:
    found = next((e for e in analysis.events if e.trigger.text == word), None)
    assert found is not None, f"no event {word!r}: {[e.trigger.text for e in analysis.events]}"
    return found


def _date(analysis: Analysis, word: str) -> str | None:
    event = _event(analysis, word)
    return event.date.value if event.date else None


def test_a_participle_read_as_a_noun_keeps_its_date_from_the_main_verb(context: Context) -> None:
    text = ("Le 1er août 1914, les trois bataillons se mobilisent à Calais. Embarqué le 5 août, le régiment "
            "se concentre le 6 août, à Martigny (Aisne).")
    analysis = analyze(text, context=context)
    assert _date(analysis, "concentre") == "1914-08-06"


def test_a_participial_date_still_dates_a_main_verb_that_has_no_other(context: Context) -> None:
    text = "Le 1er août 1914, les bataillons se mobilisent. Embarqué le 5 août, le régiment se concentre à Martigny."
    analysis = analyze(text, context=context)
    assert _date(analysis, "concentre") == "1914-08-05"  # the day it landed is all the text tells
