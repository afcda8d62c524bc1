"""Tenses read from the parse: the pluperfect, whatever tense the tagger gives its auxiliary."""

from __future__ import annotations

import pytest

from annales.common.grammar import pluperfect, spelled_present_singular, spelled_tense
from annales.context import Context


@pytest.mark.parametrize(("sentence", "participle", "expected"), [
    ("Il me demanda ce que j'avais fait à Kiev.", "fait", True),
    ("Nous avions quitté la ville avant l'aube.", "quitté", True),
    ("Elle a fait son devoir.", "fait", False),
    ("Nous aurons fini demain.", "fini", False),
])
def test_pluperfect(sentence: str, participle: str, expected: bool, context: Context) -> None:
    doc = context.nlp(sentence)
    verb = next(t for t in doc if t.text == participle)
    assert pluperfect(verb) is expected


@pytest.mark.parametrize(("sentence", "word", "expected"), [
    ("Le pape se rendrait à Rome le 15 juin.", "rendrait", True),    # tagged an imperfect
    ("Le ministre viendrait le 3 juin.", "viendrait", True),          # a future stem of its own
    ("Le ministre déclarait que tout allait bien.", "déclarait", False),
    ("Les soldats couraient vers le fort.", "couraient", False),      # "courr-" is the conditional's stem
])
def test_conditional(sentence: str, word: str, expected: bool, context: Context) -> None:
    from annales.common.grammar import conditional
    doc = context.nlp(sentence)
    assert conditional(next(t for t in doc if t.text == word)) is expected


def test_a_conditional_read_as_an_imperfect_is_no_past_in_news(context: Context) -> None:
    from annales.pipeline import analyze
    analysis = analyze("Selon des sources proches du Vatican, le pape se rendrait à Rome le 15 juin.",
                       "1999-05-20", context=context)
    assert [t.value for t in analysis.timexes] == ["1999-06-15"]


@pytest.mark.parametrize(("form", "lemma", "expected"), [
    ("rappellera", "rappeler", "future"),  # a mute "e" before "l" or "t" doubles it
    ("jetteraient", "jeter", "conditional"),
    ("achèterons", "acheter", "future"),  # or opens before one consonant
    ("lèveront", "lever", "future"),
    ("réglera", "régler", "future"),
    ("règlera", "régler", "future"),
    ("nettoieront", "nettoyer", "future"),  # "y" turns to "i"
    ("rappela", "rappeler", None),  # the simple past and the imperfect of the same verbs stay as they are
    ("menaient", "mener", None),
    ("jeta", "jeter", None),
])
def test_futures_of_verbs_whose_stem_changes_by_the_spelling_rules(form: str, lemma: str, expected: str | None) -> None:
    assert spelled_tense(form, lemma, "fr") == expected


def test_the_singular_present_of_a_verb_in_er_is_told_by_its_spelling() -> None:
    assert spelled_present_singular("contre-attaque", "contre-attaquer", "fr")
    assert not spelled_present_singular("attaqué", "attaquer", "fr")
    assert not spelled_present_singular("vendue", "vendre", "fr")


@pytest.mark.parametrize(("sentence", "word", "expected"), [
    # the tagger reads these simple pasts as futures: no future lacks its "r" before the ending
    ("Dix jours plus tard, les troupes britanniques entrèrent les premières dans la ville par une poterne.",
     "entrèrent", "past"),
    ("Les cavaliers entreront dans la ville par une poterne.", "entreront", "future"),
])
def test_a_simple_past_the_tagger_reads_as_a_future_is_past(sentence: str, word: str, expected: str,
                                                            context: Context) -> None:
    from annales.common.grammar import verb_tense
    doc = context.nlp(sentence)
    verb = next(t for t in doc if t.text == word)
    assert verb_tense(verb, "fr") == expected


def test_the_next_day_after_a_simple_past_the_tagger_reads_as_a_future_follows_it(context: Context) -> None:
    from annales.pipeline import analyze
    text = ("Le 2 mars 1862, la colonne quitta le port. Dix jours plus tard, les troupes britanniques entrèrent "
            "les premières dans la ville par une poterne. Le gouverneur s'enfuit le lendemain.")
    found = {t.text: t.value for t in analyze(text, context=context).timexes}
    assert found["le lendemain"] == "1862-03-13"
