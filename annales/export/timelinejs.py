"""TimelineJS3 JSON of one analysis: one slide per dated happening (or per resolved date when no events).

By default the slides are the dated happenings (factual occurrences, `annales.common.events`), one per
line of the chronology: its headline is the phrase of what happened ("Le 9e RI débarque à Valmy",
`annales.export.phrases`), and the events told under it are listed in its text. With
`ExportOptions.all_events`, every dated event is shown the same way, marked with what keeps it from
being a happening.

Dates are split into the parts TimelineJS3 reads (year, month, day, hour, minute; only the known
ones, as strings). A vague value ("1944-SU") is shown from the start to the end of its interval.
An uncertain date (an inferred event date, a vague value) carries a `display_date` ending in
"(incertain)". Events without any usable date are left out; when the analysis has no events at all,
each resolved DATE/TIME timex becomes a slide with its sentence, so the output is useful before
events exist (events that are all left out make no slide: a timeline of dates would pass for them).
"""

from __future__ import annotations

import html
import re
from typing import Any, TextIO

from annales.common.sentences import SentenceIndex
from annales.export.happenings import Line, lines, qualifiers
from annales.export.json import dumps
from annales.export.options import DEFAULT_OPTIONS, ExportOptions
from annales.export.phrases import Phrases
from annales.model import Analysis, Entity, Event, Sentence, Timex

_PARTS = re.compile(r"(-?\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?)?")
HEADLINE_WORDS = 6


def write(analysis: Analysis, stream: TextIO, options: ExportOptions = DEFAULT_OPTIONS) -> None:
    stream.write(dumps(timeline(analysis, options), indent=2) + "\n")


def timeline(analysis: Analysis, options: ExportOptions = DEFAULT_OPTIONS) -> dict[str, Any]:
    title_text = []
    if analysis.source.path:
        title_text.append(f"Source : {analysis.source.path}")
    if analysis.dct:
        title_text.append(f"Publié le {analysis.dct.value}")
    out: dict[str, Any] = {"title": {"text": {
        "headline": html.escape(analysis.metadata.get("title") or analysis.id),
        "text": html.escape(" — ".join(title_text))}}}
    entities = {e.id: e for e in analysis.entities}
    timexes = {t.id: t for t in analysis.timexes}
    phrases = Phrases(analysis)
    slides = [s for s in (_event_slide(analysis, line, entities, timexes, phrases)
                          for line in lines(analysis, options)) if s]
    if not analysis.events:
        points = sorted((t for t in analysis.timexes if t.type in ("DATE", "TIME") and t.resolved),
                        key=lambda t: (t.start, t.id))
        sentences = SentenceIndex(analysis)
        slides = [s for s in (_timex_slide(analysis, t, sentences) for t in points) if s]
    out["events"] = slides
    return out


def parts(value: str | None) -> dict[str, str] | None:
    """"1917-03-04T06:00" -> {"year": "1917", "month": "3", "day": "4", "hour": "6", "minute": "0"}."""
    if not value:
        return None
    match = _PARTS.match(value)
    if not match or not re.fullmatch(r"(:\d{2}(\.\d+)?)?", value[match.end():]):
        return None  # not a calendar value ("PRESENT_REF", "XXXX-12-20") or a vague one ("1944-SU")
    names = ("year", "month", "day", "hour", "minute")
    return {name: str(int(part)) for name, part in zip(names, match.groups(), strict=True) if part is not None}


def _dates(value: str | None, earliest: str | None, latest: str | None
           ) -> tuple[dict[str, str] | None, dict[str, str] | None, bool]:
    """(start_date, end_date, vague): the value itself when it is a calendar date, else its interval."""
    start = parts(value)
    if start:
        return start, None, False
    start, end = parts(earliest), parts(latest)
    if not start:
        return None, None, True
    return start, (end if end and end != start else None), True


def _sentence(analysis: Analysis, start: int, end: int) -> str:
    return " ".join(analysis.text[max(start, 0):max(end, 0)].split())


def _first_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:HEADLINE_WORDS]) + (" …" if len(words) > HEADLINE_WORDS else "")


def _event_slide(analysis: Analysis, line: Line, entities: dict[str, Entity],
                 timexes: dict[str, Timex], phrases: Phrases) -> dict[str, Any] | None:
    event = line.main
    if not event.date:
        return None
    start, end, vague = _dates(event.date.value, event.date.earliest, event.date.latest)
    if not start:
        return None
    sentence = _sentence(analysis, event.sentence.start, event.sentence.end)
    headline = _capitalised(phrases.of(event)) + _marks(event) or _first_words(sentence)
    slide: dict[str, Any] = {"start_date": start}
    if end:
        slide["end_date"] = end
    body = html.escape(sentence)
    subs = phrases.subs(event, line.subs)
    if subs:
        body += "<ul>" + "".join(f"<li>{html.escape(phrase + _marks(sub), quote=False)}</li>"
                                 for sub, phrase in subs) + "</ul>"
    if event.time_inferred:
        body += "<br><em>Date déduite du récit (incertaine).</em>"
    # Element content, never an attribute: quotes stay as written ("n'est arrivée", not "n&#x27;est").
    slide["text"] = {"headline": html.escape(headline, quote=False), "text": body}
    if vague or event.time_inferred:
        timex = timexes.get(event.time or "")
        shown = " ".join(timex.text.split()) if timex else event.date.value
        slide["display_date"] = f"{shown} (incertain)"
    places = [entities[p].name for p in event.places if p in entities]
    if places:
        slide["group"] = places[0]
    slide["unique_id"] = event.id
    return slide


def _capitalised(phrase: str) -> str:
    # A headline opens with a capital, whatever case the words had in the middle of their sentence.
    return phrase[:1].upper() + phrase[1:]


def _marks(event: Event) -> str:
    marks = qualifiers(event)
    return f" [{', '.join(marks)}]" if marks else ""


def _timex_slide(analysis: Analysis, timex: Timex, sentences: SentenceIndex) -> dict[str, Any] | None:
    interval = timex.interval
    start, end, vague = _dates(timex.value, interval.earliest if interval else None,
                               interval.latest if interval else None)
    if not start:
        return None
    sentence_span = sentences.of(timex.start) or Sentence(timex.start, timex.end)
    sentence = _sentence(analysis, sentence_span.start, sentence_span.end)
    slide: dict[str, Any] = {"start_date": start}
    if end:
        slide["end_date"] = end
    slide["text"] = {"headline": html.escape(" ".join(timex.text.split()) or _first_words(sentence)),
                     "text": html.escape(sentence)}
    if vague or timex.mod:
        slide["display_date"] = f"{' '.join(timex.text.split())} (incertain)"
    slide["group"] = "dates"
    slide["unique_id"] = timex.id
    return slide
