"""Which events a chronology lists, and how a sentence's events make one line.

An event told under another (`Event.head`: "le 9e débarque à Valmy pour attaquer") is folded into
the line of the event it is told under, so a sentence reads as one happening with its sub-events,
not once per verb. It keeps its own line when that event is not listed (a happening told under a
state or a report) or when it has a date of its own that differs ("le colonel X, tué le 14
septembre", told in a sentence about another day).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annales.common.events import is_happening
from annales.export.options import DEFAULT_OPTIONS, ExportOptions
from annales.model import Analysis, Event


@dataclass
class Line:
    """One line of a chronology: an event and the listed events told under it, in order of telling."""

    main: Event
    subs: list[Event] = field(default_factory=list)


def listed(event: Event, options: ExportOptions = DEFAULT_OPTIONS) -> bool:
    return options.all_events or is_happening(event)


def selected(analysis: Analysis, options: ExportOptions = DEFAULT_OPTIONS) -> list[Event]:
    """The events a view lists, in order of telling."""
    return sorted((e for e in analysis.events if listed(e, options)), key=_told)


def lines(analysis: Analysis, options: ExportOptions = DEFAULT_OPTIONS) -> list[Line]:
    """The listed events grouped under the events they are told under, in order of telling."""
    events = selected(analysis, options)
    chosen = {e.id: e for e in events}
    by_id = {e.id: e for e in analysis.events}
    out: dict[str, Line] = {}
    leaders: dict[str, str] = {}
    for event in events:
        leader = _leader(event, by_id, chosen)
        leaders[event.id] = leader.id
        if leader is event:
            out[event.id] = Line(event)
    for event in events:
        # An event's leader may itself be folded under another (their dates agree there, not
        # here): follow on to a line's own event. A damaged chain of heads may loop; it stops.
        leader_id, passed = leaders[event.id], {event.id}
        while leader_id not in out and leader_id not in passed:
            passed.add(leader_id)
            leader_id = leaders[leader_id]
        if leader_id in out and leader_id != event.id:
            out[leader_id].subs.append(event)
        elif leader_id not in out:
            out[event.id] = Line(event)
    return sorted(out.values(), key=lambda line: _told(line.main))


def _leader(event: Event, by_id: dict[str, Event], chosen: dict[str, Event]) -> Event:
    """The topmost listed event `event` is told under with a compatible date, else itself.

    The chain of heads is walked with a guard: a hand-made or damaged analysis may loop."""
    leader = event
    seen = {event.id}
    current = event
    while current.head is not None and current.head in by_id and current.head not in seen:
        current = by_id[current.head]
        seen.add(current.id)
        if current.id in chosen and _same_moment(event, current):
            leader = current
    return leader


def _same_moment(sub: Event, main: Event) -> bool:
    # A sub-event without a date of its own takes its sentence's time: it belongs on that line.
    if sub.date is None or sub.time_inferred:
        return True
    return main.date is not None and main.date.value == sub.date.value


def _told(event: Event) -> tuple[int, int, str]:
    return (event.story_order, event.sentence.start, event.id)


def qualifiers(event: Event) -> list[str]:
    """What keeps an event from being a plain happening, in the contract's own codes ("STATE",
    "reported", "NEG", the modal as written): empty for a happening."""
    out: list[str] = []
    if event.event_class != "OCCURRENCE":
        out.append(event.event_class)
    if event.factuality != "fact":
        out.append(event.factuality)
    if event.polarity == "NEG":
        out.append("NEG")
    if event.modality:
        out.append(event.modality)
    return out
