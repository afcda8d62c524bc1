"""Who said what: one `Quote` per quotation, with the words that attribute it and its speaker.

Choices, so that a reader of `analysis.quotes` knows what a span means:

- `start`/`end` cover the quoted words only: the quote marks and the spaces that pad them
  (ordinary, no-break, thin) are outside the span.
- Only the outermost quotation is a `Quote`; a quote inside a quote belongs to what the outer
  speaker says and stays inside its span.
- An incise ("« … , rétorqua X, … »") does not split a quotation: it stays one `Quote`, whose
  span includes the incise, and the incise is its cue.
- The speaker is read only from a cue: a speech verb and its subject (incise in the first
  sentence of the quote, verb after the closing mark, verb in the clause that ends on the colon
  before it), "selon X", a clause whose subject is a named person and ends on that colon, or the
  attribution line of a pull-quote. No cue, no speaker.
- A quote of three words or fewer with no cue is a scare quote or a title, not speech: skipped.
- Quotations in boilerplate are skipped; a pull-quote (`quote-block` region) is one `Quote`
  whose cue is its attribution line.
"""

from __future__ import annotations

from annales.common.intervals import Cover
from annales.common.quotes import Quoted, find_quoted
from annales.context import Context, stage
from annales.model import Analysis, Quote, Span, make_id
from annales.quotes.blocks import split_block
from annales.quotes.cues import Attribution, SpeechVerbs, after, before, incise_inside, selon_before
from annales.quotes.lexicon import lexicon
from annales.quotes.speakers import NARRATOR, Speakers

__all__ = ["NARRATOR", "find_quotes", "tag_quotes"]

SCARE_MAX_WORDS = 3


def _attribute(analysis: Analysis, quoted: Quoted, speakers: Speakers, verbs: SpeechVerbs | None,
               language: str) -> Attribution | None:
    lex = lexicon(language)
    text = analysis.text
    return (incise_inside(text, quoted, lex)
            or before(text, verbs, quoted, lambda s, e: speakers.person_in(s, e) is not None)
            or after(text, quoted, lex)
            or selon_before(text, quoted, lex))


def find_quotes(analysis: Analysis) -> list[Quote]:
    language = analysis.language
    """The quotations of an analysed text in text order, ids "quo-1", "quo-2", …"""
    text = analysis.text
    speakers = Speakers(analysis, lexicon(language))
    verbs = SpeechVerbs(analysis.doc, lexicon(language)) if analysis.doc is not None else None
    found: list[tuple[int, int, str | None, Span | None]] = []
    blocks = analysis.regions_of("quote-block")
    for region in blocks:
        parts = split_block(text, region)
        if parts:
            (start, end), cue = parts
            found.append((start, end, speakers.person_in(*cue), Span(*cue)))
    skip = Cover((r.start, r.end) for r in analysis.regions_of("quote-block", "boilerplate"))
    for quoted in find_quoted(text):
        if skip.holds(quoted.start):
            continue
        attribution = _attribute(analysis, quoted, speakers, verbs, language)
        if attribution is None:
            if len(text[quoted.start:quoted.end].split()) <= SCARE_MAX_WORDS:
                continue
            found.append((quoted.start, quoted.end, None, None))
            continue
        speaker = speakers.resolve(attribution.subject, (quoted.start, quoted.end))
        found.append((quoted.start, quoted.end, speaker, Span(*attribution.cue)))
    found.sort(key=lambda q: (q[0], q[1]))
    return [Quote(make_id("quote", i), start, end, speaker, cue)
            for i, (start, end, speaker, cue) in enumerate(found, 1)]


@stage("quotes", reads=("text", "language", "regions", "doc", "entities"), adds=("quotes",),
       resources="quotes")
def tag_quotes(analysis: Analysis, context: Context) -> None:
    analysis.quotes = find_quotes(analysis)
