"""Shared by the checks' tests, which build analyses by hand (no parse)."""

from __future__ import annotations

import re

from annales.model import Sentence


def full_stop_sentences(text: str) -> list[Sentence]:
    """One sentence per full stop, as the parser cuts such plain narrative."""
    sentences, start = [], 0
    for stop in re.finditer(r"\.(?:\s+|$)", text):
        sentences.append(Sentence(start, stop.start() + 1))
        start = stop.end()
    return sentences
