"""`repetition`: a passage printed twice, nearly word for word.

Words are compared lower-cased with punctuation dropped, in shingles of `SHINGLE` words; runs of
shared shingles are joined across a small gap so that one changed word does not split a passage.
"""

from __future__ import annotations

import re
from collections import defaultdict

from annales.checks.common import SKIPPED_REGIONS, evidence
from annales.model import Analysis, Finding

SHINGLE = 8
# Shared runs this many words apart or less are one passage with a word changed.
JOIN_GAP = 3
WORD = re.compile(r"(?P<word>\w+)")


def _words(analysis: Analysis) -> list[tuple[int, int, str]]:
    """The words outside skipped regions, walking the text and the sorted regions together."""
    spans = analysis.region_spans(*SKIPPED_REGIONS)
    words, i = [], 0
    for m in WORD.finditer(analysis.text):
        while i < len(spans) and spans[i][1] <= m.start():
            i += 1
        if i < len(spans) and spans[i][0] <= m.start() and m.end() <= spans[i][1]:
            continue
        words.append((m.start(), m.end(), m.group("word").lower()))
    return words


def find(analysis: Analysis) -> list[Finding]:
    words = _words(analysis)
    seen: dict[tuple[str, ...], list[int]] = defaultdict(list)
    lowered = [w[2] for w in words]
    for index in range(len(words) - SHINGLE + 1):
        seen[tuple(lowered[index:index + SHINGLE])].append(index)
    # Pairs (i, j) of shingle starts with the same words, i before j, the two not overlapping.
    matches: dict[int, list[int]] = defaultdict(list)
    for starts in seen.values():
        for a_index, first in enumerate(starts):
            for second in starts[a_index + 1:]:
                if second - first >= SHINGLE:
                    matches[second - first].append(first)
    passages: list[tuple[int, int, int]] = []  # (first word, last word, offset to the copy)
    for offset, firsts in matches.items():
        firsts.sort()
        run_start = run_end = firsts[0]
        for first in firsts[1:] + [None]:
            if first is not None and first - run_end <= JOIN_GAP:
                run_end = first
                continue
            passages.append((run_start, run_end + SHINGLE - 1, offset))
            if first is not None:
                run_start = run_end = first
    passages = _join_shifted(sorted(passages))
    findings = []
    for first, last, offset in passages:
        one = evidence(analysis, words[first][0], words[last][1])
        two = evidence(analysis, words[first + offset][0], words[min(last + offset, len(words) - 1)][1])
        length = last - first + 1
        findings.append(Finding(id="", kind="repetition", severity="low",
                                message=f"A passage of {length} words is printed twice.",
                                evidence=[one, two], detail={"words": length}))
    return findings


def _join_shifted(passages: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """One passage per place: a word added or dropped in the copy shifts the offset by one or two."""
    joined: list[tuple[int, int, int]] = []
    for first, last, offset in passages:
        if joined and first <= joined[-1][1] + JOIN_GAP and abs(offset - joined[-1][2]) <= JOIN_GAP:
            prev_first, prev_last, prev_offset = joined[-1]
            joined[-1] = (prev_first, max(prev_last, last), prev_offset)
            continue
        joined.append((first, last, offset))
    return joined
