"""`repetition`: a passage printed more than once, nearly word for word.

Words are compared lower-cased with punctuation dropped, in shingles of `SHINGLE` words. Reading the
text once, each shingle goes on with the passages already running whose copy goes on, or starts one
with its nearest earlier occurrence that it does not overlap; a passage and its copy are joined across
a small gap, so that one changed word does not split them. A copy of a copy (the same first and last
shingles) is the same passage once more, and a copy that follows its passage at once makes a run of
copies printed back to back. Each passage gives one finding, which cites its first copies and counts
them all; a longer variant of a passage printed more often is an echo of it, not a finding.

Every step is linear in the number of words (a pair per shingle, not a pair per two occurrences), so
a sentence printed ten thousand times costs what ten thousand different sentences cost, and says so
in one finding.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass

from annales.checks.common import MAX_FINDINGS, SKIPPED_REGIONS, evidence, format_number
from annales.model import Analysis, Finding

SHINGLE = 8
# Shared runs this many words apart or less are one passage with a word changed.
JOIN_GAP = 3
# Copies cited as evidence by one finding; `detail.copies` counts them all.
MAX_EVIDENCE = 5
# Passages followed at once: a shingle met everywhere starts no more, so the work per word stays bounded.
MAX_RUNNING = 4
WORD = re.compile(r"(?P<word>\w+)")


def _words(analysis: Analysis) -> list[tuple[int, int, str]]:
    """The words outside skipped regions, walking the text and the sorted regions together."""
    spans = analysis.region_spans(*SKIPPED_REGIONS)
    if not spans:  # nothing to skip (the common case): the words in one comprehension
        return [(*m.span(), m.group().lower()) for m in WORD.finditer(analysis.text)]
    words, i = [], 0
    for m in WORD.finditer(analysis.text):
        start, end = m.span()
        while i < len(spans) and spans[i][1] <= start:
            i += 1
        if i < len(spans) and spans[i][0] <= start and end <= spans[i][1]:
            continue
        words.append((start, end, m.group().lower()))
    return words


def _shingles(lowered: list[str]) -> list[int]:
    """The shingle starting at each word, as a number: equal numbers, equal words."""
    ids: dict[tuple[str, ...], int] = {}
    # The list shifted by 0 to SHINGLE-1 words, zipped: the SHINGLE words from each word on, the last
    # SHINGLE-1 words starting none (the shortest shift ends the zip).
    shifted = [lowered[k:] for k in range(SHINGLE)]
    return [ids.setdefault(shingle, len(ids)) for shingle in zip(*shifted, strict=False)]


def _runs(keys: list[int]) -> list[tuple[int, int, int]]:
    """(first word, last word, offset to the copy) of each passage met again `offset` words later.

    The text is read once. A shingle goes on with every passage already running whose copy goes on
    (a page printed twice stays one passage even where a sentence of it is printed elsewhere too), and
    starts a passage with its nearest earlier occurrence that it does not overlap. With three copies,
    the third pairs with the second only: the pairs grow with the text, not with its square.
    """
    occurrences: list[list[int]] = [[] for _ in range(max(keys, default=-1) + 1)]
    active: dict[int, list[int]] = {}  # offset -> [first, last] shingle start of the passage's first copy
    runs: list[tuple[int, int, int]] = []
    for second, key in enumerate(keys):
        for offset in list(active):
            run = active[offset]
            if keys[second - offset] == key:
                run[1] = second - offset
            elif second - offset - run[1] > SHINGLE - 1 + JOIN_GAP:  # past one changed word: it ended
                runs.append((run[0], run[1] + SHINGLE - 1, offset))
                del active[offset]
        earlier = occurrences[key]
        if len(active) < MAX_RUNNING:
            # Occurrences that overlap this one are fewer than SHINGLE: the search back is short.
            for first in reversed(earlier):
                if second - first >= SHINGLE:
                    active.setdefault(second - first, [first, first])
                    break
        earlier.append(second)
    runs.extend((first, last + SHINGLE - 1, offset) for offset, (first, last) in active.items())
    return _join_shifted(sorted(runs))


def _join_shifted(passages: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """One passage per place: a word added or dropped in the copy shifts the offset by one or two.

    A passage that starts where the previous one's copy starts is that copy, copied again ("A, A, A"
    told with different words between): a passage of its own, not a continuation.
    """
    joined: list[tuple[int, int, int]] = []
    for first, last, offset in passages:
        if joined and first <= joined[-1][1] + JOIN_GAP and abs(offset - joined[-1][2]) <= JOIN_GAP \
                and first < joined[-1][0] + joined[-1][2]:
            prev_first, prev_last, prev_offset = joined[-1]
            joined[-1] = (prev_first, max(prev_last, last), prev_offset)
            continue
        joined.append((first, last, offset))
    return joined


@dataclass
class _Block:
    """A stretch of words that is one or more copies of a passage."""

    start: int
    end: int
    unit: int | None = None  # when it is copies printed back to back: the words of one copy


def _blocks(passages: list[tuple[int, int, int]], keys: list[int], count: int) -> list[list[_Block]]:
    """The copies of each repeated passage, as blocks of words in text order, one list per passage.

    A passage and its copy are two blocks, or one block when the copy follows it at once (a sentence
    printed over and over). Blocks that begin and end with the same shingles are the same words, so a
    passage whose copy is copied again is one passage printed three times. Blocks that merely overlap
    (a sentence repeated inside a page that is repeated) stay apart: phrases that share a few words
    would otherwise chain into one passage.
    """
    spans: list[_Block] = []
    owner: list[int] = []  # the passage of each span
    for k, (first, last, offset) in enumerate(passages):
        copy_end = min(last + offset, count - 1)
        if offset <= last - first + 1:
            spans.append(_Block(first, copy_end, offset))
            owner.append(k)
        else:
            spans.extend([_Block(first, last), _Block(first + offset, copy_end)])
            owner.extend([k, k])
    order = sorted(range(len(spans)), key=lambda i: (spans[i].start, spans[i].end))
    parent = list(range(len(passages)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    same_words: dict[tuple[int, int, int], int] = {}  # first and last shingle, length -> a passage
    for i, span in enumerate(spans):
        last_shingle = min(span.end - SHINGLE + 1, len(keys) - 1)
        words = (keys[span.start], keys[max(last_shingle, span.start)], span.end - span.start)
        parent[root(owner[i])] = root(same_words.setdefault(words, owner[i]))
    groups: dict[int, list[_Block]] = {}
    for i in order:
        blocks = groups.setdefault(root(owner[i]), [])
        span = spans[i]
        if blocks and span.start <= blocks[-1].end:  # the same words: one copy
            last = blocks[-1]
            last.end = max(last.end, span.end)
            if span.unit is not None:
                last.unit = span.unit if last.unit is None else min(last.unit, span.unit)
        else:
            blocks.append(_Block(span.start, span.end, span.unit))
    return sorted(groups.values(), key=lambda group: group[0].start)


def _period(lowered: list[str], block: _Block) -> int:
    """The fewest words that, printed over and over, make the block ("Rien à signaler." is three)."""
    assert block.unit is not None
    unit = block.unit
    for q in range(1, unit):
        if unit % q == 0 and lowered[block.start:block.end + 1 - q] == lowered[block.start + q:block.end + 1]:
            return q
    return unit


def _copies(lowered: list[str], group: list[_Block]) -> tuple[int, list[tuple[int, int]]]:
    """How many copies a group of blocks holds, and the first MAX_EVIDENCE of them (first, last word)."""
    total, shown = 0, []
    for block in group:
        if block.unit is None:
            total += 1
            if len(shown) < MAX_EVIDENCE:
                shown.append((block.start, block.end))
            continue
        unit = _period(lowered, block)
        length = block.end - block.start + 1
        copies = max(2, (length + unit // 2) // unit)
        for n in range(min(copies, MAX_EVIDENCE - len(shown))):
            shown.append((block.start + n * unit, min(block.start + (n + 1) * unit - 1, block.end)))
        total += copies
    return total, shown


@dataclass
class _Passage:
    blocks: list[_Block]
    copies: int
    shown: list[tuple[int, int]]  # the copies cited, (first word, last word)

    @property
    def words(self) -> int:
        return self.shown[0][1] - self.shown[0][0] + 1


def _without_echoes(passages: list[_Passage], count: int) -> list[_Passage]:
    """The passages that are not a stray variant of one printed more often.

    "Le même refrain revient ce soir" printed a thousand times, once or twice with the same word
    before it, is one passage; the longer variant is an echo of it: each of its copies lies mostly
    on the copies of a passage printed more often.
    """
    if not passages:
        return []
    # The most copies any passage has at each word, swept over the blocks in text order.
    most = [0] * count
    ending: list[tuple[int, int]] = []  # (-copies, end) of the blocks that cover the current word
    spans = sorted((b.start, b.end, p.copies) for p in passages for b in p.blocks)
    next_span = 0
    for word in range(count):
        while next_span < len(spans) and spans[next_span][0] <= word:
            heapq.heappush(ending, (-spans[next_span][2], spans[next_span][1]))
            next_span += 1
        while ending and ending[0][1] < word:
            heapq.heappop(ending)
        # Blocks that have ended stay in the heap until they reach its top: only the top must be live.
        most[word] = -ending[0][0] if ending else 0

    def echo(block: _Block, copies: int) -> bool:
        covered = sum(1 for word in range(block.start, block.end + 1) if most[word] > copies)
        return 2 * covered >= block.end - block.start + 1

    return [p for p in passages if not all(echo(block, p.copies) for block in p.blocks)]


def find(analysis: Analysis) -> list[Finding]:
    words = _words(analysis)
    lowered = [w[2] for w in words]
    keys = _shingles(lowered)
    passages = []
    for group in _blocks(_runs(keys), keys, len(words)):
        copies, shown = _copies(lowered, group)
        if copies >= 2:
            passages.append(_Passage(group, copies, shown))
    passages = _without_echoes(passages, len(words))
    # Past the bound, the passages that repeat the most words are the ones worth reading.
    kept = sorted(passages, key=lambda p: -(p.copies - 1) * p.words)[:MAX_FINDINGS]
    findings = []
    for passage in sorted(kept, key=lambda p: p.shown[0][0]):
        times = "twice" if passage.copies == 2 else f"{format_number(passage.copies)} times"
        words_told = "1 word" if passage.words == 1 else f"{passage.words} words"
        findings.append(Finding(
            id="", kind="repetition", severity="low", message=f"A passage of {words_told} is printed {times}.",
            evidence=[evidence(analysis, words[first][0], words[last][1]) for first, last in passage.shown],
            detail={"words": passage.words, "copies": passage.copies}))
    return findings
