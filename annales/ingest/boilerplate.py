"""Find web debris in plain text: breadcrumbs, comment forms, promotions, book plugs.

Each line is tested against the cue patterns of `boilerplate.tsv`. Three scopes:
"line" marks the line alone; "tail" marks the line and the rest of the text when that rest is
short (a comment form or a plug closes a page); "end" marks a line only when it belongs to the
run of debris that ends the text (a publisher credit is debris there, narrative elsewhere).
When unsure, leave the line alone: losing narrative costs more than keeping debris.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from annales.common.resources import load_rows
from annales.ingest.lines import Line

BOILERPLATE_FILE = "boilerplate.tsv"
SCOPES = ("line", "tail", "end")

# A "tail" may swallow what follows only when that is this short: a form, a credit, not a chapter.
TAIL_MAX_LINES = 8
TAIL_MAX_CHARS = 1500
# A tail cue in the first part of a text is a stray phrase, not the end of the page.
TAIL_MIN_POSITION = 0.5

# Related-article links: short title-like lines just before the debris that ends the page.
RELATED_MIN_LINES = 2
RELATED_MAX_CHARS = 100
RELATED_MAX_WORDS = 16
_TITLE_END = re.compile(r"[.;:,!…»\"”)]$")


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern[str]
    kind: str
    scope: str
    example: str


@cache
def cues(language: str) -> tuple[Cue, ...]:
    out = []
    for pattern, kind, scope, example in load_rows(language, "ingest", BOILERPLATE_FILE, 4):
        if scope not in SCOPES:
            raise ValueError(f"{BOILERPLATE_FILE}: unknown scope {scope!r} for {pattern!r}")
        out.append(Cue(re.compile(pattern), kind, scope, example))
    return tuple(out)


# The cues that look only at a line's opening, case-blind: "(?i)^…".
_OPENING = "(?i)^"


@cache
def _openings(language: str) -> re.Pattern[str] | None:
    """One pattern that matches a line exactly when one of the opening cues does: a line none of
    them opens is ruled out by one test instead of one per cue (most lines are narrative)."""
    bodies = [cue.pattern.pattern[len(_OPENING):] for cue in cues(language) if cue.pattern.pattern.startswith(_OPENING)]
    if not bodies or any(re.search(r"\\[1-9]|\(\?P=", body) for body in bodies):
        return None  # numbered or named back-references would not survive the join
    try:
        return re.compile(_OPENING + "(?:" + "|".join(f"(?:{body})" for body in bodies) + ")")
    except re.error:  # a group name used twice
        return None


def _cue_of(line: Line, language: str) -> Cue | None:
    openings = _openings(language)
    no_opening = openings is not None and openings.match(line.text) is None
    return next((cue for cue in cues(language)
                 if not (no_opening and cue.pattern.pattern.startswith(_OPENING)) and cue.pattern.search(line.text)),
                None)


def _title_like(line: Line) -> bool:
    return (len(line.text) <= RELATED_MAX_CHARS and len(line.text.split()) <= RELATED_MAX_WORDS
            and not _TITLE_END.search(line.text) and not line.text[0].islower())


def debris_lines(lines: list[Line], text_length: int, language: str) -> list[bool]:
    """One flag per line: True when the line is web debris."""
    found = [_cue_of(line, language) for line in lines]
    debris = [cue is not None and cue.scope in ("line", "tail") for cue in found]
    for i, cue in enumerate(found):
        if cue is None or cue.scope != "tail" or lines[i].start < text_length * TAIL_MIN_POSITION:
            continue
        rest = lines[i + 1:]
        if len(rest) <= TAIL_MAX_LINES and sum(len(line.text) for line in rest) <= TAIL_MAX_CHARS:
            for j in range(i + 1, len(lines)):
                debris[j] = True
            break
    # Walk back from the end: "end" cues count only while everything after them is debris.
    first_of_run = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        if not debris[i] and found[i] is not None and found[i].scope == "end":
            debris[i] = True
        if not debris[i]:
            break
        first_of_run = i
    if 0 < first_of_run < len(lines):
        run = []
        i = first_of_run - 1
        while i >= 0 and not debris[i] and _title_like(lines[i]):
            run.append(i)
            i -= 1
        if len(run) >= RELATED_MIN_LINES and i >= 0:  # never the whole text
            for j in run:
                debris[j] = True
    return debris
