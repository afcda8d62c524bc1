"""Golden event dates on a bundled sample: the date a historian reading the whole war diary gives
each happening. Cases the engine still gets wrong are xfail with the reason."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from annales import analyze
from annales.model import Analysis

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
JOURNAL = "journal_de_marche_1914.txt"

CASES = [
    ("2e bataillon quitte ses cantonnements", "quitte", "1914-12-14"),
    ("et gagne les tranchées", "gagne", "1914-12-14"),
    ("les compagnies relèvent un bataillon", "relèvent", "1914-12-15"),  # le lendemain
    ("un bombardement allemand détruit", "détruit", "1914-12-15"),
    ("le chef de bataillon reçoit l'ordre de préparer", "reçoit", "1914-12-18"),
    ("l'artillerie ouvre le feu", "ouvre", "1914-12-20"),
    ("les patrouilles avaient pourtant signalé", "signalé", "1914-12-19"),  # la veille, in the pluperfect
    ("les deux premières vagues sortent", "sortent", "1914-12-20"),
    ("la 5e compagnie progresse", "progresse", "1914-12-20"),
    ("et s'empare d'un élément", "empare", "1914-12-20"),
    ("une contre-attaque allemande reprend", "reprend", "1914-12-22"),  # deux jours plus tard
    ("Il est relevé dans la nuit du 23", "relevé", "1914-12-23"),
    ("venus du dépôt rejoint le bataillon", "rejoint", "1914-12-31"),
    ("le bataillon remonte en ligne", "remonte", "1915-01-03"),  # across the new year
    ("une mine allemande explose", "explose", "1915-01-08"),  # the parser reads it as an adjective
    ("le commandant reçoit l'ordre d'une nouvelle", "reçoit", "1915-01-11"),
    ("le bataillon est enfin relevé", "relevé", "1915-01-18"),  # a day alone
    ("le chef de bataillon rédige son rapport", "rédige", "1915-01-20"),
    ("il reçoit de nouveaux vêtements", "reçoit", "1915-01-27"),
    ("puis reprend la route de Perthes", "reprend", "1915-01-27"),  # a conjoined verb shares the date
]


@cache
def _analysis(name: str) -> Analysis:
    return analyze((SAMPLES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("context, word, value", CASES)
def test_event_dated_as_a_historian_would(context: str, word: str, value: str) -> None:
    analysis = _analysis(JOURNAL)
    text = analysis.text
    assert text.count(context) == 1, f"context {context!r} must occur once"
    start = text.index(context) + context.index(word)
    dates = [e.date.value if e.date else None for e in analysis.events
             if e.trigger.start <= start < e.trigger.end]
    assert dates and any(d is not None and d.startswith(value) for d in dates), dates
