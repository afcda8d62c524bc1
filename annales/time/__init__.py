"""The temporal engine: recognise French time expressions, anchor them in the narrative, and
normalise them to TIMEX3 values with intervals.

    recognise (rules.tsv) -> read (interpret.py) -> situate (situation.py) -> anchor (anchoring.py)

The language lives in `annales/resources/<lang>/time/`; this package names no word of it.
"""

from __future__ import annotations

from annales.common.capitals import VerbForms, verb_forms
from annales.context import Context, stage
from annales.model import Analysis, Timex
from annales.time import storyline
from annales.time.anchoring import Anchorer, Item
from annales.time.interpret import read
from annales.time.lexicon import lexicon_for
from annales.time.recognise import recognise
from annales.time.rules import grammar_for
from annales.time.situation import Situations


def find_timexes(analysis: Analysis, forms: VerbForms | None = None) -> list[Timex]:
    """`forms`: the model's verb forms, which read the tense of a line in capitals the tagger misreads."""
    language = analysis.language
    lexicon = lexicon_for(language)
    situations = Situations(analysis, language, forms)
    items: list[Item] = []
    for cand in recognise(analysis.text, grammar_for(language)):
        if analysis.in_region(cand.start, cand.end, "boilerplate"):
            continue  # web debris is kept in the text but never read
        if cand.rule.pos and not _has_pos(analysis, cand.start, cand.end, cand.rule.pos):
            continue  # "les quotidiens" (newspapers) is no recurrence
        reading = read(cand, lexicon)
        if reading is None:
            continue
        items.append(Item(cand, reading, situations.of(cand.start, cand.end), len(items)))
    dct = analysis.dct.value if analysis.dct else None
    return Anchorer(items, dct, storyline.reference_cues(language), storyline.range_connector(language),
                    storyline.counted_from_connector(language)).run(analysis.text)


def _has_pos(analysis: Analysis, start: int, end: int, tags: frozenset[str]) -> bool:
    if analysis.doc is None:
        return True
    span = analysis.doc.char_span(start, end, alignment_mode="expand")
    return span is None or len(span) == 0 or span[0].pos_ in tags


@stage("time", reads=("text", "language", "dct", "regions", "sentences", "doc"), adds=("timexes",), resources="time")
def tag_timexes(analysis: Analysis, context: Context) -> None:
    # the parse was made by the model: its lemmatizer tables are loaded already
    analysis.timexes = find_timexes(analysis, verb_forms(context.nlp) if analysis.doc is not None else None)
