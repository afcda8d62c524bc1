"""The stages of an analysis, in order, in one place.

Each stage is declared where it is written (`annales.context.stage`): the layers of the
`Analysis` it reads, those it adds, and the resources it needs. A stage whose resources do not
exist for the document's language is skipped, and a warning names what ran and what did not.
A new layer is one new line here.
"""

from __future__ import annotations

from annales import backbone
from annales.checks import run_checks
from annales.common import parse
from annales.common.resources import has_layer
from annales.common.unicode import is_nfc, nfc_with_map, remap_spans
from annales.context import Context, Stage
from annales.entities import tag_entities
from annales.events import tag_events
from annales.ingest import dct as ingest_dct
from annales.ingest import language as ingest_language
from annales.ingest import regions as ingest_regions
from annales.model import Analysis, SourceDocument, parse_dct
from annales.quantities import tag_quantities
from annales.quotes import tag_quotes
from annales.relations import tag_relations
from annales.time import tag_timexes

STAGES: tuple[Stage, ...] = (
    ingest_language.check_language,    # the document's language, decided once
    ingest_regions.mark_regions,       # web debris, headings, byline, lists, sidebars
    ingest_dct.find_publication_date,  # publication date from the byline if none given
    backbone.parse,                    # spaCy: sentences, tokens, morphology, parse
    tag_timexes,                       # TIMEX3 recognition, anchoring, normalisation
    tag_entities,                      # persons with ranks, places, organisations, units, ships
    tag_quantities,                    # figures, what they count, whose strength they are
    tag_quotes,                        # quotations and their speakers
    tag_events,                        # events, their participants and dates; story order
    tag_relations,                     # who commands which unit or ship
    run_checks,                        # findings: where the text disagrees with itself
)


def runs_on(stage: Stage, language: str) -> bool:
    return stage.resources is None or has_layer(language, stage.resources)


def analyze_document(document: SourceDocument, context: Context | None = None) -> Analysis:
    """The analysis of one document read already.

    The stages read the text in Unicode NFC, which the model and the patterns expect; a text that
    is not (decomposed accents) is normalised for them, and then every span is mapped back, so the
    returned `Analysis.text` is the text as given and every offset points into it. `analysis.doc`
    alone stays the parse of the normalised text. Raises InputError for a document too long to
    analyse, before any stage runs."""
    context = context or Context.default()
    backbone.check_length(document.text)
    analysis = Analysis.from_source(document)
    normalised, offsets = nfc_with_map(document.text)
    if offsets is not None:
        analysis.text = normalised
    elif not is_nfc(document.text):
        analysis.warnings.append("the text is not in Unicode NFC and cannot be composed character by character "
                                 "(Hangul jamo or similar): analysed as given, some words may be missed")
    ran: list[str] = []
    skipped: list[str] = []
    try:
        for stage in STAGES:
            # The language stage runs first: every later stage knows the document's language.
            if analysis.language is not None and not runs_on(stage, analysis.language):
                skipped.append(stage.name)
                continue
            stage(analysis, context)
            ran.append(stage.name)
    finally:
        parse.release()  # the parse cache's Tokens hold the Doc
    if skipped:
        analysis.warnings.append(f"{', '.join(skipped)}: no resources for {analysis.language}; "
                                 f"analysed: {', '.join(ran)}")
    if offsets is not None:
        remap_spans(analysis, offsets, document.text)
        analysis.text = document.text
        analysis._region_index.clear()  # region lookups cached during the stages hold normalised offsets
    return analysis


def analyze(text: str, dct: str | None = None, *, id: str = "text", language: str | None = None,
            context: Context | None = None) -> Analysis:
    """Analyse one text. `dct` is the publication date (YYYY-MM-DD) when known; `language` an ISO
    639-1 code when known (else it is detected)."""
    document = SourceDocument(id=id, text=text, dct=parse_dct(dct, "option") if dct else None, language=language)
    return analyze_document(document, context)
