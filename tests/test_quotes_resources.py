"""Every row of the French quotes resources is shown by its example: the example, analysed by the
whole pipeline, gives a quotation whose cue (and speaker) the row accounts for."""

from __future__ import annotations

import re

import pytest

from annales.common.resources import load_rows
from annales.context import Context
from annales.model import Analysis, Quote
from annales.pipeline import analyze
from annales.quotes import NARRATOR

LANGUAGE = "fr"
LAYER = "quotes"


def _rows(name: str) -> list:
    return [pytest.param(row, id=row[0]) for row in load_rows(LANGUAGE, LAYER, name + ".tsv")]


def _quote(example: str, context: Context) -> tuple[Analysis, Quote, str]:
    """The analysis of `example`, its one quotation and the words of its cue."""
    analysis = analyze(example, context=context)
    assert len(analysis.quotes) == 1, analysis.quotes
    quote = analysis.quotes[0]
    assert quote.cue is not None, f"no cue in {example!r}"
    return analysis, quote, example[quote.cue.start:quote.cue.end]


def _word(word: str) -> str:
    # An elided pronoun ("j'", "s’") ends on its apostrophe: the letter after it is no word boundary.
    return rf"(?<!\w){re.escape(word)}" + (r"(?!\w)" if word[-1].isalnum() else "")


def _has_word(text: str, word: str) -> bool:
    return re.search(_word(word), text, re.IGNORECASE) is not None


def _opens_with(cue: str, words: list[str]) -> bool:
    """True when `cue` starts with one of `words`, after an object pronoun ("s'écria le mousse")."""
    clitics = [row[0] for row in load_rows(LANGUAGE, LAYER, "clitics.tsv")]
    before = "|".join(re.escape(c) for c in sorted(clitics, key=len, reverse=True))
    alternatives = "|".join(re.escape(w) for w in words)
    return re.match(rf"(?:(?:{before})\s*)?(?:{alternatives})(?!\w)", cue, re.IGNORECASE) is not None


def _persons(analysis: Analysis) -> list[str]:
    return [entity.id for entity in analysis.entities if entity.type == "person"]


@pytest.mark.parametrize("row", _rows("speech_verbs"))
def test_speech_verb_gives_a_cue(row: tuple[str, ...], context: Context) -> None:
    lemma, forms, participle, example = row
    _, _, cue = _quote(example, context)
    written = [f for f in [*forms.split(), participle] if f != "-"]
    if written:
        assert _opens_with(cue, written), cue  # an incise opens on the verb
    else:
        assert _has_word(cue, lemma), cue  # "laissa échapper : « … »", read from the parse


@pytest.mark.parametrize("row", _rows("attribution_cues"))
def test_attribution_cue_gives_the_named_speaker(row: tuple[str, ...], context: Context) -> None:
    words, example = row
    analysis, quote, cue = _quote(example, context)
    assert cue.lower().startswith(words.lower()), cue
    assert _persons(analysis) == [quote.speaker]


@pytest.mark.parametrize("row", _rows("auxiliaries"))
def test_auxiliary_opens_a_compound_incise(row: tuple[str, ...], context: Context) -> None:
    auxiliary, example = row
    _, _, cue = _quote(example, context)
    assert _opens_with(cue, [auxiliary]), cue


@pytest.mark.parametrize("row", _rows("clitics"))
def test_clitic_opens_the_incise(row: tuple[str, ...], context: Context) -> None:
    clitic, example = row
    _, _, cue = _quote(example, context)
    assert re.match(_word(clitic), cue, re.IGNORECASE), cue


@pytest.mark.parametrize("row", _rows("pronouns"))
def test_pronoun_names_the_speaker_its_person_says(row: tuple[str, ...], context: Context) -> None:
    pronoun, person, example = row
    analysis, quote, cue = _quote(example, context)
    assert _has_word(cue, pronoun), cue
    if person == "first":
        assert quote.speaker == NARRATOR
        return
    # One person is named before the quotation: a "third" pronoun is that person, an "other" is not.
    persons = _persons(analysis)
    assert len(persons) == 1, persons
    assert quote.speaker == (persons[0] if person == "third" else None)


@pytest.mark.parametrize("row", _rows("gesture_verbs"))
def test_gesture_verb_introduces_its_subjects_words(row: tuple[str, ...], context: Context) -> None:
    verb, example = row
    analysis, quote, cue = _quote(example, context)
    persons = _persons(analysis)
    assert len(persons) == 1 and quote.speaker == persons[0], (verb, cue)


@pytest.mark.parametrize("row", _rows("receiving_verbs"))
def test_receiving_verb_gives_its_subject_no_words(row: tuple[str, ...], context: Context) -> None:
    verb, example = row
    analysis = analyze(example, context=context)
    assert len(_persons(analysis)) == 1 and len(analysis.quotes) == 1, verb
    assert analysis.quotes[0].speaker is None, verb
