"""Who said what: one `Quote` per quotation, with the words that attribute it and its speaker.

Choices, so that a reader of `analysis.quotes` knows what a span means:

- `start`/`end` cover the quoted words only: the quote marks and the spaces that pad them
  (ordinary, no-break, thin) are outside the span.
- Only the outermost quotation is a `Quote`; a quote inside a quote belongs to what the outer
  speaker says and stays inside its span.
- An incise ("« … , rétorqua X, … »") does not split a quotation: it stays one `Quote`, whose
  span includes the incise, and the incise is its cue.
- The speaker is read only from a cue: a speech verb and its subject (incise in the first
  sentence of the quote; verb after the closing mark, with or without a comma; verb in the clause
  that ends on the colon before it, whatever words stand between, or earlier in the sentence with the
  quotation inside what it says: "X souligna que la ville « tiendra »", a verb without a subject of its
  own sharing the one it is joined to: "X se leva et déclara :"), "selon X" / "d'après X", a
  clause whose subject is a named person and ends on that colon, a quotation resumed right after
  the incise of the one before ("« … », dit X, « … »"), a clause without verb or name ending on
  a colon right after an attributed quotation ("Puis, après un silence : « … »": the same speaker),
  a noun of words whose complement is a person and ends on the colon ("l'appel de X : « … »"), a
  sentence just before that announces words ("X prit la parole.", "X répondit.") or makes a
  gesture that opens a turn ("X se leva.", `gesture_verbs.tsv`) unless its verb takes words in
  ("X reçut l'ordre suivant.", `receiving_verbs.tsv`), or the attribution line of a pull-quote. No cue,
  no speaker; a sentence that quotes someone does not introduce the next quotation (dialogue turns
  are not guessed).
- A name is the person mention at the head of the cue's subject ("dit le soldat que X avait
  sauvé" has no speaker); a pronoun ("dit-il", "il répondit", "selon lui") or a bare rank ("dit le
  général") is resolved by the coreference pass the events use (`annales.common.coreference`),
  with the quotations hidden from it, and a pronoun only when no other person was in its reach.
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
from annales.quotes.cues import (
    Attribution,
    SpeechVerbs,
    after,
    before,
    continued,
    governed,
    incise_inside,
    introduced,
    resumed,
    selon_before,
)
from annales.quotes.lexicon import Lexicon, lexicon
from annales.quotes.speakers import NARRATOR, Speakers

__all__ = ["NARRATOR", "find_quotes", "tag_quotes"]

SCARE_MAX_WORDS = 3


def _attribute(text: str, quoted: Quoted, speakers: Speakers, verbs: SpeechVerbs | None, lex: Lexicon,
               previous: tuple[Quoted, Attribution | None] | None) -> Attribution | None:
    def is_person(start: int, end: int) -> bool:
        return speakers.person_in(start, end) is not None

    return (incise_inside(text, quoted, lex)
            or before(text, verbs, quoted, is_person)
            or after(text, quoted, lex)
            or selon_before(text, quoted, lex)
            or governed(text, verbs, quoted, is_person)
            or (continued(text, quoted, *previous) if previous else None)
            or (resumed(text, verbs, quoted, *previous) if previous else None)
            or introduced(text, verbs, quoted, lex, is_person))


def find_quotes(analysis: Analysis) -> list[Quote]:
    """The quotations of an analysed text in text order, ids "quo-1", "quo-2", …"""
    text = analysis.text
    lex = lexicon(analysis.language or "")
    speakers = Speakers(analysis, lex)
    verbs = SpeechVerbs(analysis.doc, lex) if analysis.doc is not None else None
    found: list[tuple[int, int, str | None, Span | None]] = []
    blocks = analysis.regions_of("quote-block")
    for region in blocks:
        parts = split_block(text, region)
        if parts:
            (start, end), cue = parts
            found.append((start, end, speakers.person_in(*cue), Span(*cue)))
    skip = Cover((r.start, r.end) for r in analysis.regions_of("quote-block", "boilerplate"))
    attributed: list[tuple[Quoted, Attribution]] = []
    previous: tuple[Quoted, Attribution | None] | None = None
    for quoted in find_quoted(text):
        if skip.holds(quoted.start):
            continue
        attribution = _attribute(text, quoted, speakers, verbs, lex, previous)
        previous = (quoted, attribution)
        if attribution is None:
            if len(text[quoted.start:quoted.end].split()) <= SCARE_MAX_WORDS:
                continue
            found.append((quoted.start, quoted.end, None, None))
            continue
        attributed.append((quoted, attribution))
    speakers.prepare([a.subject for _, a in attributed if a.subject is not None],
                     [(q.outer_start, q.outer_end) for q, _ in attributed])
    for quoted, attribution in attributed:
        speaker = speakers.resolve(attribution.subject, attribution.loose)
        found.append((quoted.start, quoted.end, speaker, Span(*attribution.cue)))
    found.sort(key=lambda q: (q[0], q[1]))
    return [Quote(make_id("quote", i), start, end, speaker, cue)
            for i, (start, end, speaker, cue) in enumerate(found, 1)]


@stage("quotes", reads=("text", "language", "regions", "doc", "entities", "timexes"), adds=("quotes",),
       resources="quotes")
def tag_quotes(analysis: Analysis, context: Context) -> None:
    analysis.quotes = find_quotes(analysis)
