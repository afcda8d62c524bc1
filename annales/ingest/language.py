"""The language of a text, decided once, from the share of common function words.

Counting function words is fast and needs no model; it is enough to tell French from English,
German, Spanish or Italian on a paragraph. The text is read paragraph by paragraph, so that a
French text quoting an English letter stays French: a text is French when French paragraphs
make a real part of it (MIXED_SHARE), and the other languages are then named in a warning.
A text whose language is given (`--language`, a JSONL `language` field) is never second-guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from annales.common.resources import MULTILINGUAL, REFERENCE_LANGUAGE, load_rows
from annales.context import Context, stage
from annales.model import Analysis

FUNCTION_WORDS_FILE = "function_words.tsv"
EXPECTED = REFERENCE_LANGUAGE
MIN_WORDS = 20  # below this, function-word counts say nothing about a whole text
MIN_PARAGRAPH_WORDS = 8  # a paragraph shorter than this is not judged on its own
MIN_SHARE = 0.15  # the winner must cover this share of the words to be believed
MARGIN = 1.5  # and beat the expected language by this factor
# A text is read as French when French paragraphs hold at least this share of its judged words.
MIXED_SHARE = 0.2
SAMPLE_CHARS = 200_000  # enough to decide; keeps huge files fast

_WORD = re.compile(r"[^\W\d_]+")
_PARAGRAPH = re.compile(r"\n\s*\n")


@cache
def function_words() -> dict[str, frozenset[str]]:
    rows = load_rows(MULTILINGUAL, "ingest", FUNCTION_WORDS_FILE, 2)
    return {language: frozenset(words.split()) for language, words in rows}


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def language_shares(text: str) -> tuple[int, dict[str, float]]:
    """Number of words, and for each known language the share of words that are its function words."""
    words = _words(text[:SAMPLE_CHARS])
    return len(words), _shares(words)


def _shares(words: list[str]) -> dict[str, float]:
    if not words:
        return {}
    # map() tests membership in C: a generator of booleans cost a Python step per word and language.
    return {lang: sum(map(lexicon.__contains__, words)) / len(words) for lang, lexicon in function_words().items()}


def _verdict(words: list[str]) -> str | None:
    """The language a run of words is written in, or None when no language stands out."""
    shares = _shares(words)
    if not shares:
        return None
    best = max(shares, key=lambda lang: shares[lang])
    if best == EXPECTED or shares[best] < MIN_SHARE:
        return EXPECTED if shares.get(EXPECTED, 0.0) >= MIN_SHARE else None
    if shares[best] < MARGIN * shares.get(EXPECTED, 0.0):
        return EXPECTED
    return best


def languages_of(text: str) -> Counter[str]:
    """How many words each language's paragraphs hold (paragraphs too short to judge left out)."""
    counts: Counter[str] = Counter()
    for paragraph in _PARAGRAPH.split(text[:SAMPLE_CHARS]):
        words = _words(paragraph)
        if len(words) < MIN_PARAGRAPH_WORDS:
            continue
        verdict = _verdict(words)
        if verdict is not None:
            counts[verdict] += len(words)
    return counts


def detect_language(text: str) -> str | None:
    """The code of the language the text is written in, or None when too short to tell."""
    return _detect(text)[0]


def _detect(text: str) -> tuple[str | None, Counter[str]]:
    """The language of the text, and the words of each language's paragraphs (`languages_of`)."""
    counts = languages_of(text)
    judged = sum(counts.values())
    if judged < MIN_WORDS:
        # The paragraphs judged hold few words: count the whole text's (its short paragraphs too).
        words = _words(text[:SAMPLE_CHARS])
        if len(words) < MIN_WORDS:
            return None, counts
        if not judged:
            return _verdict(words), counts
    if counts[EXPECTED] >= MIXED_SHARE * judged:
        return EXPECTED, counts
    return counts.most_common(1)[0][0], counts


@stage("language", reads=("text",), adds=("language",))
def check_language(analysis: Analysis, context: Context) -> None:
    if analysis.language is not None:
        return  # given with the document
    detected, counts = _detect(analysis.text)
    analysis.language = detected or EXPECTED
    if detected is not None and detected != EXPECTED:
        analysis.warnings.append(f"text does not look French (detected: {detected})")
        return
    others = [lang for lang, _ in counts.most_common() if lang != EXPECTED]
    if detected == EXPECTED and others:
        analysis.warnings.append(f"text has passages in another language ({', '.join(others)}); analysed as French")
