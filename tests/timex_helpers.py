"""Helpers shared by the time-engine tests: analyse once per text, find one timex by its words."""

from __future__ import annotations

from functools import cache

from annales import analyze
from annales.model import Analysis, Timex


@cache
def analysed(text: str, dct: str | None = None) -> Analysis:
    return analyze(text, dct=dct)


def only_timex(analysis: Analysis, target: str) -> Timex:
    found = [t for t in analysis.timexes if t.text == target]
    seen = [(t.text, t.type, t.value) for t in analysis.timexes]
    assert len(found) == 1, f"expected exactly one timex {target!r}, got {seen}"
    timex = found[0]
    assert analysis.text[timex.start:timex.end] == timex.text
    return timex
