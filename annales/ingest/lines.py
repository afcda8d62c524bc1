"""Cut a text into lines and blocks (paragraphs) with exact character offsets.

Web text extracted to plain text comes in two shapes: one paragraph per line, or paragraphs
separated by blank lines and sometimes hard-wrapped inside. Blocks are the paragraphs in both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\r\n]+")
_SENTENCE_END = re.compile(r"[.!?…:;»\"”]$")


@dataclass(frozen=True)
class Line:
    start: int  # offset of the first non-space character
    end: int  # offset just after the last non-space character
    text: str
    blank_before: bool  # a blank line (or the start of the text) precedes it


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text`; `\\r\\n`, `\\r` and `\\n` all end a line."""
    out: list[Line] = []
    previous_end = 0
    for match in _LINE.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        end = start + len(stripped)
        gap = text[previous_end:match.start()]
        blank_before = not out or len(re.findall(r"\r\n|\r|\n", gap)) >= 2 or bool(gap.strip())
        out.append(Line(start, end, stripped, blank_before))
        previous_end = match.end()
    return out


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    text: str
    lines: tuple[Line, ...]

    @property
    def single_line(self) -> bool:
        return len(self.lines) == 1


def split_blocks(text: str, lines: list[Line] | None = None) -> list[Block]:
    """Paragraphs: lines joined only when the text is hard-wrapped.

    A text is taken as hard-wrapped when over a third of its lines run on into the next line
    with no blank line between and most of those end mid-sentence; otherwise every line is its
    own paragraph (web text often separates paragraphs by a single newline).
    """
    lines = split_lines(text) if lines is None else lines
    groups: list[list[Line]] = []
    for line in lines:
        if line.blank_before or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
    # Lines that run on into the next line of their group: in wrapped text, most lines do.
    running_on = [line for g in groups for line in g[:-1]]
    mid_sentence = sum(1 for line in running_on if not _SENTENCE_END.search(line.text))
    wrapped = len(running_on) > len(lines) / 3 and mid_sentence > len(running_on) / 2
    if not wrapped:
        groups = [[line] for line in lines]
    return [Block(g[0].start, g[-1].end, text[g[0].start:g[-1].end], tuple(g)) for g in groups]
