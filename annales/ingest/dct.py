"""The publication date (DCT) of a text, read from its byline when none was given.

Only a byline may give the date: a date in the story is when things happened, not when
the text was written.
"""

from __future__ import annotations

from annales.context import Context, stage
from annales.ingest.bylines import date_of, match_byline
from annales.ingest.lines import split_lines
from annales.ingest.structure import BYLINE_SEARCH_LINES
from annales.model import Analysis, Dct


def byline_date(analysis: Analysis) -> str | None:
    texts = [analysis.text[r.start:r.end] for r in analysis.regions_of("byline")]
    texts += [line.text for line in split_lines(analysis.text)[:BYLINE_SEARCH_LINES]]
    for text in texts:
        match = match_byline(text, analysis.language)
        value = date_of(match, analysis.language) if match else None
        if value:
            return value
    return None


@stage("dct", reads=("text", "language", "regions", "dct"), adds=("dct",), resources="ingest")
def find_publication_date(analysis: Analysis, context: Context) -> None:
    if analysis.dct is not None:
        return
    value = byline_date(analysis)
    if value:
        analysis.dct = Dct(value, "byline")
