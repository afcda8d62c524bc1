"""A long run of dates in one sentence is read as the same dates told one sentence each: the engine
looks things up by position instead of scanning the run, and must not read them differently."""

from __future__ import annotations

import random

import pytest

from annales import analyze
from annales.time.situation import _root

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]


def story(count: int, seed: int) -> list[str]:
    """Time expressions of a diary that moves forward from March 1915, a few days at a time."""
    draw = random.Random(seed)
    day, month, year = 3, 3, 1915
    told = [f"le {day} {MONTHS[month - 1]} {year}"]
    while len(told) < count:
        choice = draw.randrange(5)
        if choice == 0:
            told.append("le lendemain")
            continue
        if choice == 1:
            told.append(f"{draw.choice(['deux', 'trois'])} jours plus tard")
            continue
        day += draw.randint(1, 9)
        if day > 28:
            day, month = day - 28, month + 1
        if month > 12:
            month, year = 1, year + 1
        told.append(f"le {day} {MONTHS[month - 1]} {year}" if choice == 2 else f"le {day} {MONTHS[month - 1]}")
    return told


def values(text: str, dct: str | None) -> list[tuple[str, str, bool]]:
    return [(t.text.lower(), t.value, t.resolved) for t in analyze(text, dct).timexes]


@pytest.mark.parametrize("dct", [None, "1999-05-17"])
def test_a_thousand_dates_in_one_sentence_read_as_a_thousand_sentences(dct: str | None) -> None:
    told = story(1000, seed=1915)
    one_sentence = "Le carnet mentionne " + ", ".join(told) + "."
    sentences = " ".join(f"Le carnet mentionne {expression}." for expression in told)
    together, apart = values(one_sentence, dct), values(sentences, dct)
    assert len(together) == len(told)
    assert together == apart


def test_clock_times_take_the_day_named_before_them_in_a_long_sentence() -> None:
    times = [f"le {1 + n % 28} mai 1916 à {8 + n % 10} heures" for n in range(300)]
    analysis = analyze("Le relevé indique " + ", ".join(times) + ".")
    clocks = [t for t in analysis.timexes if t.type == "TIME"]
    assert len(clocks) == 300
    assert [c.value for c in clocks] == [f"1916-05-{1 + n % 28:02d}T{8 + n % 10:02d}:00" for n in range(300)]


def test_the_root_of_a_span_is_the_one_spacy_gives(context) -> None:
    doc = context.parse("Le 3 mars 1915, le bataillon quitta Verdun ; le lendemain, vers 8 heures, il atteignit "
                        "la ferme de la Cote, puis, le 5 mars, les 12 et 13 avril, il se reposa enfin à Bar.")
    for start in range(len(doc)):
        for end in range(start + 1, min(start + 6, len(doc)) + 1):
            span = doc[start:end]
            assert _root(span).i == span.root.i, span.text
