"""The stages of an analysis, in order, in one place.

Each stage is one function `(analysis, context) -> None` that reads what earlier stages left
on the `Analysis` and adds its own layer. A new layer is one new line here.
"""

from __future__ import annotations

from collections.abc import Callable

from annales import backbone
from annales.checks import run_checks
from annales.context import Context
from annales.entities import tag_entities
from annales.events import tag_events
from annales.ingest import dct as ingest_dct
from annales.ingest import language as ingest_language
from annales.ingest import regions as ingest_regions
from annales.model import Analysis, Dct, SourceDocument
from annales.quantities import tag_quantities
from annales.quotes import tag_quotes
from annales.time import tag_timexes

Stage = Callable[[Analysis, Context], None]

STAGES: list[tuple[str, Stage]] = [
    ("regions", ingest_regions.mark_regions),        # web debris, headings, byline, lists, sidebars
    ("dct", ingest_dct.find_publication_date),       # publication date from the byline if none given
    ("language", ingest_language.check_language),    # warn when the text is not French
    ("backbone", backbone.parse),                    # spaCy: sentences, tokens, morphology, parse
    ("time", tag_timexes),                           # TIMEX3 recognition, anchoring, normalisation
    ("entities", tag_entities),                      # persons with ranks, places, organisations, units, ships
    ("quantities", tag_quantities),                  # figures, what they count, whose strength they are
    ("quotes", tag_quotes),                          # quotations and their speakers
    ("events", tag_events),                          # events, their participants and dates; story order
    ("checks", run_checks),                          # findings: where the text disagrees with itself
]


def analyze_document(document: SourceDocument, context: Context | None = None) -> Analysis:
    context = context or Context.default()
    analysis = Analysis.from_source(document)
    for _name, stage in STAGES:
        stage(analysis, context)
    return analysis


def analyze(text: str, dct: str | None = None, *, id: str = "text", context: Context | None = None) -> Analysis:
    """Analyse one text. `dct` is the publication date (YYYY-MM-DD) when known."""
    document = SourceDocument(id=id, text=text, dct=Dct(dct, "option") if dct else None)
    return analyze_document(document, context)
