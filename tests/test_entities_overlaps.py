"""Overlapping candidates are settled with one flag per character, as if each were compared with every
candidate kept before it."""

from __future__ import annotations

import random

from annales.entities.recognise import Candidate
from annales.entities.resolve import Resolver

SOURCES = ("rank", "unit", "ner", "cue")


def settled_pairwise(candidates: list[Candidate]) -> list[Candidate]:
    order = sorted(candidates, key=lambda c: (not c.strong, -(c.end - c.start), c.start))
    kept: list[Candidate] = []
    for cand in order:
        if not any(cand.start < k.end and k.start < cand.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def test_settling_overlaps_keeps_what_pairwise_comparison_keeps() -> None:
    draw = random.Random(1870)
    resolver = Resolver.__new__(Resolver)  # the settling reads no resource and no parse
    for _ in range(300):
        candidates = []
        for _ in range(draw.randint(0, 25)):
            start = draw.randint(0, 120)
            candidates.append(Candidate(start, start + draw.randint(1, 20), "person", draw.choice(SOURCES)))
        assert [id(c) for c in resolver._settle_overlaps(candidates)] == \
            [id(c) for c in settled_pairwise(candidates)]
