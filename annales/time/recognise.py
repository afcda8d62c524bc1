"""Find the time expressions of a text: every rule proposes, the longest non-overlapping win."""

from __future__ import annotations

import re
from dataclasses import dataclass

from annales.time.rules import Grammar, Rule

BLOCKER_WINDOW = 40  # characters before an expression that a blocker may look at
REACH = 50  # no expression (with its context) reaches further than this from its trigger word


@dataclass(frozen=True)
class Candidate:
    rule: Rule
    order: int  # the rule's line in rules.tsv: the earlier rule wins a tie
    start: int
    end: int
    groups: dict[str, str]  # named group -> matched text (groups that took part only)
    match_start: int  # where the match (with its context groups) began

    @property
    def kind(self) -> str:
        return self.rule.kind


def _extent(match: re.Match[str]) -> tuple[int, int]:
    start, end = match.start(), match.end()
    groups = match.re.groupindex
    if "pre" in groups and match.start("pre") >= 0:
        start = match.end("pre")
    if "post" in groups and match.start("post") >= 0:
        end = match.start("post")
    # Lookahead groups may capture past the end of the match; the extent never does.
    return start, end


def _blocked(grammar: Grammar, text: str, kind: str, start: int, end: int) -> bool:
    for blocker in grammar.blockers:
        if blocker.kind != kind:
            continue
        if blocker.where == "self" and blocker.pattern.search(text[start:end]):
            return True
        if blocker.where == "before" and blocker.pattern.search(text[max(0, start - BLOCKER_WINDOW):start]):
            return True
    return False


DIGITS = "digits"
# A run of four digits is also a year's: rules that need a year scan only near one, not near every figure.
YEAR_DIGITS = "year-digits"
_WORD_REST = re.compile(r"\w*")  # \w is what str.isalnum() holds, and "_"


def windows(text: str, grammar: Grammar) -> dict[str, list[tuple[int, int]]]:
    """For each trigger family, the stretches of text around its words, merged. A rule only looks
    near the families it needs (a date needs a month word, a duration a unit)."""
    if grammar.trigger_pattern is None:
        return {}
    spans: dict[str, list[tuple[int, int]]] = {}
    size = len(text)
    for m in grammar.trigger_pattern.finditer(text):
        word = m.group().lower()
        if word[0].isdigit():
            families = (DIGITS, YEAR_DIGITS) if len(word) == 4 else (DIGITS,)
        else:
            families = grammar.triggers.get(word) or grammar.triggers.get(word[:-1], frozenset())  # plurals
        start, end = m.span()
        # Never cut a word at the window's end: "(?!\w)" would hold at the cut.
        start, end = max(0, start - REACH), _WORD_REST.match(text, min(size, end + REACH)).end()
        for family in families:
            runs = spans.setdefault(family, [])
            if runs and start <= runs[-1][1]:
                runs[-1] = (runs[-1][0], max(runs[-1][1], end))
            else:
                runs.append((start, end))
    return spans


def _union(runs: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(span for spans in runs for span in spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def propose(text: str, grammar: Grammar) -> list[Candidate]:
    """Every match of every rule, before overlaps are settled."""
    found: list[Candidate] = []
    by_family = windows(text, grammar)
    everywhere = _union(list(by_family.values())) if grammar.trigger_pattern is not None else [(0, len(text))]
    cache: dict[frozenset[str], list[tuple[int, int]]] = {}
    for order, rule in enumerate(grammar.rules):
        if rule.needs and grammar.trigger_pattern is not None:
            if rule.needs not in cache:
                cache[rule.needs] = _union([by_family.get(f, []) for f in rule.needs])
            spans = cache[rule.needs]
        else:
            spans = everywhere
        for match in (m for lo, hi in spans for m in rule.pattern.finditer(text, lo, hi)):
            start, end = _extent(match)
            # Trailing spaces or punctuation never belong to an expression.
            while end > start and text[end - 1] in " \t\n,;:":
                end -= 1
            if end <= start:
                continue
            if _blocked(grammar, text, rule.kind, start, end):
                continue
            groups = {name: value for name, value in match.groupdict().items() if value is not None}
            found.append(Candidate(rule, order, start, end, groups, match.start()))
    return found


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first, then the earlier rule; an accepted candidate excludes all that overlap it."""
    chosen: list[Candidate] = []
    # One flag per character taken by an accepted candidate: a sorted list of spans would cost a
    # shift of the whole list per insertion, quadratic on a text of thousands of dates.
    taken = bytearray(max((c.end for c in candidates), default=0))
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.order, c.start)):
        if taken.find(1, cand.start, cand.end) != -1:
            continue
        taken[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


# The start of a line written without a lower-case letter, with two capitals in a row: a headline.
_HEADLINE = re.compile(r"(?m)^[^a-zß-ÿ\n]*[A-ZÀ-Þ]{2}[^a-zß-ÿ\n]*")
_WORD_TAIL = re.compile(r"[^\W\d_]+$")


def lowered_headlines(text: str) -> str:
    """`text` with its headlines in capitals ("LUNDI 3 MAI", "EN MAI, LA RELÈVE") in lower case, one
    character for one so offsets hold. The rules tell a month or a part of the day from a name by its
    capital ("Mars", "Le Matin"); a headline in capitals says nothing of the kind, and is read as the
    words it would be in running text. Only the opening of a line is looked at: a line that goes on
    in lower case keeps its text from the word that does ("LUNDI 3 MAI. Le bataillon")."""
    pieces: list[str] = []
    last = 0
    for m in _HEADLINE.finditer(text):
        start, end = m.span()
        if end < len(text) and text[end].isalpha():  # the run stopped inside a word in lower case: not that word
            tail = _WORD_TAIL.search(text, start, end)
            end = tail.start() if tail else end
        if end <= start:
            continue
        pieces.append(text[last:start])
        pieces.append("".join(ch if len(low := ch.lower()) != 1 else low for ch in text[start:end]))
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def recognise(text: str, grammar: Grammar) -> list[Candidate]:
    """The expressions of `text`, its headlines in capitals read as in lower case (offsets are the text's)."""
    return select(propose(lowered_headlines(text), grammar))
