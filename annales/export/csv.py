"""A CSV chronology: one row per happening (per event with `all_events`), with a header row, UTF-8,
written with the csv module.

Columns: kind, id, story_order, date, earliest, latest, inferred, sentence, participants (names with
their ranks and roles, places included: "général Foch (agent); Metz (place)"; the narrator of a memoir
by its label, "le narrateur (agent)"; people named by no entity by their words in the text, "les
soldats (agent)"), places (names), figures
(quantity texts), trigger (the word as written), class, factuality, polarity, head (the id of the event
it is told under), phrase (what happened, in the clause's words: `annales.export.phrases`).

By default the rows are the happenings (factual occurrences, `annales.common.events.is_happening`),
each on its row, with `head` to group them; `ExportOptions.all_events` writes every event. When the
analysis has no events, the rows are its DATE and TIME timexes instead (kind = "timex", story_order =
order of reading), so the file is useful before events are extracted; an empty analysis, or one whose
events are all left out, gives the header only.

A cell that starts with `=`, `+`, `-`, `@`, a tab, a carriage return or NUL gets a leading `'`
(OWASP's advice against formula injection): a spreadsheet then shows it as text instead of
running it. No column holds a number that could be negative (story_order counts from 1, dates are
ISO values written without a sign, figures are the words of the text), so the rule has no exception:
a figure written "-12" in the text shows as '-12.
Lone surrogates, which UTF-8 cannot carry, become U+FFFD; every other character is kept as given.
"""

from __future__ import annotations

import csv
import re
from typing import TextIO

from annales.common.sentences import SentenceIndex
from annales.export.happenings import selected
from annales.export.options import DEFAULT_OPTIONS, ExportOptions
from annales.export.phrases import Phrases, label, language_of, phrase_words_of
from annales.model import Analysis, Entity, Event, Quantity, Timex

# The columns added for events' TimeML view come last, so that a reader of the earlier columns by
# position still finds them where they were.
COLUMNS = ["kind", "id", "story_order", "date", "earliest", "latest", "inferred", "sentence",
           "participants", "places", "figures", "trigger", "class", "factuality", "polarity", "head", "phrase"]

NARRATOR = "narrator"  # the participant a memoir's "je" names (README, "The event contract")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def write(analysis: Analysis, stream: TextIO, options: ExportOptions = DEFAULT_OPTIONS) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows(analysis, options))


def safe_cell(cell: str) -> str:
    """The cell as a spreadsheet will show it, never run it."""
    cell = _LONE_SURROGATE.sub("\ufffd", cell)
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def rows(analysis: Analysis, options: ExportOptions = DEFAULT_OPTIONS) -> list[list[str]]:
    if analysis.events:
        entities = {e.id: e for e in analysis.entities}
        quantities = {q.id: q for q in analysis.quantities}
        phrases = Phrases(analysis)
        return [_event_row(analysis, e, entities, quantities, phrases) for e in selected(analysis, options)]
    points = sorted((t for t in analysis.timexes if t.type in ("DATE", "TIME")), key=lambda t: (t.start, t.id))
    sentences = SentenceIndex(analysis)
    return [_timex_row(analysis, t, order, sentences) for order, t in enumerate(points, 1)]


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _event_row(analysis: Analysis, event: Event, entities: dict[str, Entity],
               quantities: dict[str, Quantity], phrases: Phrases) -> list[str]:
    participants = []
    for p in event.participants:
        entity = entities.get(p.entity) if p.entity is not None else None
        words = phrase_words_of(analysis.text, p)
        name = words if words is not None else entity.name if entity else \
            label(language_of(analysis), p.entity) if p.entity == NARRATOR else (p.entity or "")
        rank = p.rank or (entity.rank if entity else None)
        participants.append(f"{rank} {name} ({p.role})" if rank else f"{name} ({p.role})")
    places = [entities[p].name if p in entities else p for p in event.places]
    participants += [f"{place} (place)" for place in places]
    figures = [_squeeze(quantities[q].text) if q in quantities else q for q in event.quantities]
    date = event.date
    return [
        "event", event.id, str(event.story_order),
        date.value if date else "", (date.earliest or "") if date else "", (date.latest or "") if date else "",
        "yes" if event.time_inferred else "no",
        _squeeze(analysis.text[event.sentence.start:event.sentence.end]),
        "; ".join(participants), "; ".join(places), "; ".join(figures),
        _squeeze(event.trigger.text), event.event_class, event.factuality, event.polarity, event.head or "",
        phrases.of(event),
    ]


def _timex_row(analysis: Analysis, timex: Timex, order: int, sentences: SentenceIndex) -> list[str]:
    sentence = sentences.of(timex.start)
    start, end = (sentence.start, sentence.end) if sentence else (timex.start, timex.end)
    interval = timex.interval if timex.resolved else None
    earliest, latest = (interval.earliest, interval.latest) if interval else ("", "")
    return [
        "timex", timex.id, str(order), timex.value if timex.resolved else "",
        earliest, latest,
        "no" if timex.resolved else "unresolved",
        _squeeze(analysis.text[start:end]), "", "", "", "", "", "", "", "", "",
    ]
