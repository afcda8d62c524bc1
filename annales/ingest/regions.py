"""Mark the layout of a text: web debris, headings, byline, pull-quotes, lists, sidebars.

Offsets are character offsets into `Analysis.text`. Each line gets at most one layout kind,
decided in order of certainty: debris first, then byline, pull-quotes, lists, headings; a
sidebar covers a heading and the aside paragraphs below it, so it may overlap a heading.
"""

from __future__ import annotations

from annales.context import Context, stage
from annales.ingest import boilerplate, sidebar, structure
from annales.ingest.lines import Block, Line, split_blocks, split_lines
from annales.model import Analysis, Region, RegionKind


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i, flag in enumerate(flags):
        if not flag:
            continue
        if out and out[-1][1] == i - 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def _block_index(blocks: list[Block]) -> dict[int, int]:
    """Line start offset -> index of the block holding that line."""
    return {line.start: b for b, block in enumerate(blocks) for line in block.lines}


def find_regions(text: str, language: str) -> list[Region]:
    lines: list[Line] = split_lines(text)
    if not lines:
        return []
    blocks = split_blocks(text, lines)
    block_of = _block_index(blocks)
    regions: list[Region] = []

    def add(start: int, end: int, kind: RegionKind) -> None:
        if start < end:
            regions.append(Region(start, end, kind))

    debris = boilerplate.debris_lines(lines, len(text), language)
    for first, last in _runs(debris):
        add(lines[first].start, lines[last].end, "boilerplate")
    taken_lines = {i for i, flag in enumerate(debris) if flag}
    taken = {block_of[lines[i].start] for i in taken_lines}
    debris_blocks = set(taken)

    for line in structure.byline_lines([ln for i, ln in enumerate(lines) if i not in taken_lines], language):
        add(line.start, line.end, "byline")
        taken.add(block_of[line.start])

    quotes = structure.quote_blocks(blocks, taken, language)
    for q, who in quotes:
        add(blocks[q].start, blocks[who].end, "quote-block")
        taken.update((q, who))

    # Lists are read line by line: in hard-wrapped text a list is one block of short lines.
    taken_lines |= {i for i, line in enumerate(lines) if block_of[line.start] in taken}
    for first, last in structure.list_runs(lines, taken_lines):
        add(lines[first].start, lines[last].end, "list")
        taken.update(block_of[lines[i].start] for i in range(first, last + 1))

    headings = structure.heading_blocks(blocks, taken)
    for h in headings:
        add(blocks[h].start, blocks[h].end, "heading")

    skip = debris_blocks | {i for pair in quotes for i in pair}
    for h, last in sidebar.sidebar_runs(blocks, set(headings), skip, language):
        add(blocks[h].start, blocks[last].end, "sidebar")
    return regions


@stage("regions", reads=("text", "language"), adds=("regions",), resources="ingest")
def mark_regions(analysis: Analysis, context: Context) -> None:
    analysis.regions.extend(find_regions(analysis.text, analysis.language))
