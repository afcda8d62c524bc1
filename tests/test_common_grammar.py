"""Tenses read from the parse: the pluperfect, whatever tense the tagger gives its auxiliary."""

from __future__ import annotations

import pytest

from annales.common.grammar import pluperfect
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
