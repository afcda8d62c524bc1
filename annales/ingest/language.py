"""Warn when a text does not look French, from the share of common function words.

Counting function words is fast and needs no model; it is enough to tell French from English,
German, Spanish or Italian on a page of text. The chosen behaviour is to warn and still
analyse: a mixed or misdetected text should not be dropped.
"""

from __future__ import annotations

import re
from functools import cache

from annales.context import Context
from annales.ingest._lexicon import rows
from annales.model import Analysis

FUNCTION_WORDS_FILE = "function_words.tsv"
EXPECTED = "fr"
MIN_WORDS = 20  # below this, function-word counts say nothing
MIN_SHARE = 0.15  # the winner must cover this share of the words to be believed
MARGIN = 1.5  # and beat the expected language by this factor
SAMPLE_CHARS = 200_000  # enough to decide; keeps huge files fast

_WORD = re.compile(r"[^\W\d_]+")


@cache
def function_words() -> dict[str, frozenset[str]]:
    return {language: frozenset(words.split()) for language, words in rows(FUNCTION_WORDS_FILE, 2)}


def language_shares(text: str) -> tuple[int, dict[str, float]]:
    """Number of words, and for each known language the share of words that are its function words."""
    words = [w.lower() for w in _WORD.findall(text[:SAMPLE_CHARS])]
    if not words:
        return 0, {}
    lists = function_words()
    shares = {lang: sum(w in lexicon for w in words) / len(words) for lang, lexicon in lists.items()}
    return len(words), shares


def detect_language(text: str) -> str | None:
    """The code of the language the text looks written in, or None when too short to tell."""
    count, shares = language_shares(text)
    if count < MIN_WORDS or not shares:
        return None
    best = max(shares, key=lambda lang: shares[lang])
    if best == EXPECTED or shares[best] < MIN_SHARE:
        return EXPECTED if shares.get(EXPECTED, 0.0) >= MIN_SHARE else None
    if shares[best] < MARGIN * shares.get(EXPECTED, 0.0):
        return EXPECTED
    return best


def check_language(analysis: Analysis, context: Context) -> None:
    detected = detect_language(analysis.text)
    if detected is None or detected == EXPECTED:
        return
    analysis.language = detected
    analysis.warnings.append(f"text does not look French (detected: {detected}); analysed anyway")
