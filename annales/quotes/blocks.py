"""Pull-quotes: a `quote-block` region is displayed words, then the line that says whose they are."""

from __future__ import annotations

from annales.common.quotes import MARKS, PADDING
from annales.model import Region


def split_block(text: str, region: Region) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(quoted words, attribution line) of a quote-block; the marks and padding are left out."""
    body = text[region.start:region.end].rstrip()
    cut = body.rfind("\n")
    if cut <= 0:
        return None
    start, end = region.start, region.start + cut
    while start < end and (text[start] in PADDING or text[start] in MARKS):
        start += 1
    while end > start and (text[end - 1] in PADDING or text[end - 1] in MARKS):
        end -= 1
    who_start = region.start + cut + 1
    who_end = region.start + len(body)
    while who_start < who_end and text[who_start] in PADDING:
        who_start += 1
    if start >= end or who_start >= who_end:
        return None
    return (start, end), (who_start, who_end)
