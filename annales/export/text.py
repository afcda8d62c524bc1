"""A readable chronology of one analysis: one line per happening (or, without events, per date) in time
order, each with the sentence it came from.

The output is plain text and deterministic (no colours, no terminal width), so it can be read
in a terminal, diffed, and used as golden output in tests. Control characters, escape sequences
and bidi overrides from the document are shown as escapes (`\\x1b`), never sent to the terminal;
the JSON formats keep them as given.
"""

from __future__ import annotations

import re
from typing import TextIO

from annales.common.sentences import SentenceIndex
from annales.common.terminal import for_terminal
from annales.export.happenings import Line, qualifiers
from annales.export.happenings import lines as happening_lines
from annales.export.options import DEFAULT_OPTIONS, ExportOptions
from annales.export.phrases import Phrases
from annales.model import Analysis, Event, Sentence, Timex

EXCERPT_WIDTH = 160
EVENT_EXCERPT_WIDTH = 120  # the phrase says what happened; the sentence is there to check it
POINT_TYPES = ("DATE", "TIME")
ISO_CALENDAR = re.compile(r"[0-9X]{2,4}(?![A-Z_])")  # a year or century first, as in 1914-12 or XXXX-12-20


def write(analysis: Analysis, stream: TextIO, options: ExportOptions = DEFAULT_OPTIONS) -> None:
    stream.write("\n".join(lines(analysis, options)))
    stream.write("\n\n")


def lines(analysis: Analysis, options: ExportOptions = DEFAULT_OPTIONS) -> list[str]:
    out = [f"== {analysis.metadata.get('title') or analysis.id} =="]
    if analysis.source.path and analysis.source.path != analysis.id:
        out.append(f"source: {analysis.source.path}")
    if analysis.metadata.get("title"):
        out.append(f"id: {analysis.id}")
    out.append(f"DCT: {analysis.dct.value} ({analysis.dct.origin})" if analysis.dct else "DCT: unknown")

    points = [t for t in analysis.timexes if t.type in POINT_TYPES]
    spans = [t for t in analysis.timexes if t.type not in POINT_TYPES]

    out.append("")
    out.append("Chronology")
    if analysis.events:
        out += _event_chronology(analysis, options)
    else:
        out += _timex_chronology(analysis, points)
    if spans:
        out.append("")
        out.append("Durations and repetitions")
        for timex in sorted(spans, key=lambda t: t.start):
            out.append(f"  {timex.type:<8} {timex.value:<10} «{_squeeze(timex.text)}»")
    out += _cast(analysis)
    out += _figures(analysis)
    # Each entry is one line: a newline inside a title or a name is escaped too, so it cannot
    # pass for a line of the chronology.
    return [for_terminal(line, keep="\t") for line in out]


def _timex_chronology(analysis: Analysis, points: list[Timex]) -> list[str]:
    """The dates themselves in time order, when no event was found."""
    out: list[str] = []
    resolved = sorted((t for t in points if t.resolved), key=_chronological)
    unresolved = sorted((t for t in points if not t.resolved), key=lambda t: t.start)
    if not points:
        out.append("  (no dates found)")
    sentences = SentenceIndex(analysis)
    if any(_unsure(t) for t in resolved):
        out.append("  (? a date to re-read: the engine is unsure of it)")
    for timex in resolved:
        date, time = _date_and_time(timex.value)
        doubt = "?" if _unsure(timex) else " "
        out.append(f"  {date:<10}{doubt}{time:<5}  {_excerpt(analysis, timex, _sentence_of(sentences, timex))}")
    for timex in unresolved:
        out.append(f"  {'unresolved':<16}  {_excerpt(analysis, timex, _sentence_of(sentences, timex))}")
    return out


def _event_chronology(analysis: Analysis, options: ExportOptions) -> list[str]:
    """One line per happening, in time order (then order of telling): date, ≈ when inherited from the
    narrative's time, the interval when the date is vague, #story order, the phrase of what happened
    with the events told under it "(+ …)", and the sentence with [trigger]. By default only happenings
    are listed; with `options.all_events` every event, marked with what keeps it from being one."""
    timexes = {t.id: t for t in analysis.timexes}
    rows = happening_lines(analysis, options)
    unsure = any(_unsure(timexes.get(line.main.time or "")) for line in rows)
    out = ["  (≈ dated by the narrative's current time; "
           + ("? a date to re-read: the engine is unsure of it; " if unsure else "") + "#n order of telling)"]
    shown = sum(1 + len(line.subs) for line in rows)
    if shown < len(analysis.events):
        out.append(f"  (happenings only: {shown} of {len(analysis.events)} events; --all-events lists them all)")
    if not rows:
        return out
    phrases = Phrases(analysis)
    dated = []
    undated = []
    for line in rows:
        earliest = _event_earliest(line.main)
        (dated if earliest else undated).append((earliest, line))
    dated.sort(key=lambda pair: (pair[0], pair[1].main.story_order))
    for _earliest, line in dated:
        event = line.main
        assert event.date is not None
        date, time = _date_and_time(event.date.value)
        mark = "≈" if event.time_inferred else " "
        doubt = "?" if _unsure(timexes.get(event.time or "")) else " "
        vague = ""
        if event.date.earliest and event.date.latest and event.date.earliest[:10] != event.date.latest[:10]:
            vague = f" ({event.date.earliest[:10]}…{event.date.latest[:10]})"
        out.append(f"  {mark}{date:<10}{doubt}{time:<5} #{event.story_order:<4} {_what(phrases, line)}  "
                   f"«{_event_excerpt(analysis, event, EVENT_EXCERPT_WIDTH)}»{vague}")
    for _earliest, line in undated:
        event = line.main
        when = f"unresolved {event.date.value}" if event.date else "undated"
        out.append(f"   {when:<16} #{event.story_order:<4} {_what(phrases, line)}  "
                   f"«{_event_excerpt(analysis, event, EVENT_EXCERPT_WIDTH)}»")
    return out


def _what(phrases: Phrases, line: Line) -> str:
    """"le 9e RI débarque à Valmy (+ attaquer Metz)", each event marked with what keeps it from being a
    happening ("[STATE, NEG]") when every event is listed."""
    what = phrases.of(line.main) + _marks(line.main)
    subs = [phrase + _marks(sub) for sub, phrase in phrases.subs(line.main, line.subs)]
    return what + (f" (+ {'; '.join(subs)})" if subs else "")


def _marks(event: Event) -> str:
    marks = qualifiers(event)
    return f" [{', '.join(marks)}]" if marks else ""


# Below this confidence a date is marked for the reader to check (see Timex.confidence).
LOW_CONFIDENCE = 0.6


def _unsure(timex: Timex | None) -> bool:
    return timex is not None and timex.confidence is not None and timex.confidence < LOW_CONFIDENCE


def _event_earliest(event: Event) -> str | None:
    if event.date is None:
        return None
    if event.date.earliest:
        return event.date.earliest
    value = event.date.value
    return value if ISO_CALENDAR.match(value) and "X" not in value[:4] else None


def _event_excerpt(analysis: Analysis, event: Event, width: int = EXCERPT_WIDTH) -> str:
    trigger = event.trigger
    anchor = Timex(event.id, trigger.start, trigger.end, trigger.text, "DATE", "")
    sentence = Sentence(event.sentence.start, event.sentence.end)
    return _excerpt(analysis, anchor, sentence, width)


CAST_SECTIONS = (("person", "Persons"), ("unit", "Units"), ("ship", "Ships"))


def _cast(analysis: Analysis) -> list[str]:
    """Who is who: persons with their ranks, units with their strengths, ships with their hulls."""
    strengths: dict[str, list[str]] = {}
    for q in analysis.quantities:
        if q.of_entity:
            strengths.setdefault(q.of_entity, []).append(f"{_squeeze(q.text)} {q.counted or ''}".strip())
    names = {x.id: x.name for x in analysis.entities}
    out: list[str] = []
    for kind, title in CAST_SECTIONS:
        members = [e for e in analysis.entities if e.type == kind]
        if not members:
            continue
        out += ["", f"Cast: {title.lower()}"]
        for e in members:
            details = []
            ranks = e.ranks or ([e.rank] if e.rank else [])
            if ranks:
                details.append(", ".join(ranks))
            if e.hull:
                details.append(e.hull)
            if e.id in strengths:
                details.append("; ".join(strengths[e.id]))
            if e.aliases:
                details.append("also " + ", ".join(f"«{a}»" for a in e.aliases))
            if e.ambiguous_between:
                details.append("could be " + " or ".join(names.get(i, i) for i in e.ambiguous_between))
            mentions = f"{len(e.mentions)} mention{'s' if len(e.mentions) > 1 else ''}"
            out.append(f"  {e.name}" + (f" — {'; '.join(details)}" if details else "") + f" ({mentions})")
    return out


def _figures(analysis: Analysis) -> list[str]:
    if not analysis.quantities:
        return []
    out = ["", "Figures"]
    for q in analysis.quantities:
        value = "?" if q.value is None else f"{q.value:g}" if isinstance(q.value, float) else str(q.value)
        what = " ".join(x for x in (q.unit, q.counted) if x)
        approx = f" ({q.comparator or 'approximate'})" if q.approx else ""
        out.append(f"  {value:>10}{approx}  {what}  «{_squeeze(q.text)}»".rstrip())
    return out


def _chronological(timex: Timex) -> tuple[str, str, int]:
    # The interval's start orders vague values ("1944-SU", "1944-06") with precise ones;
    # the text offset keeps equal dates in reading order.
    earliest = timex.interval.earliest if timex.interval else timex.value
    return (earliest, timex.value, timex.start)


def _date_and_time(value: str) -> tuple[str, str]:
    """"1914-12-15T06:00" -> ("1914-12-15", "06:00"); a non-calendar value ("PRESENT_REF") stays whole."""
    if ISO_CALENDAR.match(value):
        date, _, time = value.partition("T")
        return date, time
    return value, ""


def _sentence_of(sentences: SentenceIndex, timex: Timex) -> Sentence:
    return sentences.of(timex.start) or Sentence(timex.start, timex.end)  # no parse: the timex is its own context


def _excerpt(analysis: Analysis, timex: Timex, sentence: Sentence, width: int = EXCERPT_WIDTH) -> str:
    """The timex's sentence with the timex in [brackets], cut around it to about `width` chars."""
    text = analysis.text
    # A sentence the parser ran across a line break (a heading, a byline) is cut at that break. Only
    # a break inside the sentence can cut it: the search stays there, or every date of a long line
    # would read the line back to its start.
    start = max(sentence.start, text.rfind("\n", max(sentence.start, 0), timex.start) + 1)
    line_end = text.find("\n", timex.end, max(sentence.end, 0))
    end = max(min(sentence.end, line_end if line_end >= 0 else len(text)), timex.end)
    left = _squeeze(text[start:timex.start]).lstrip()
    middle = "[" + _squeeze(text[timex.start:timex.end]) + "]"
    right = _squeeze(text[timex.end:end]).rstrip()
    room = max(width - len(middle), 0)
    if len(left) + len(right) > room:
        keep_left = min(len(left), max(room // 2, room - len(right)))
        keep_right = room - keep_left
        if keep_left < len(left):
            left = "…" + left[len(left) - keep_left + 1:] if keep_left else ""
        if keep_right < len(right):
            right = right[:keep_right - 1] + "…" if keep_right else ""
    return left + middle + right


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)
