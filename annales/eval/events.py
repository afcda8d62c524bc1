"""`annales eval timeml --events`: our events against the gold EVENTs, and our dates against TLINKs.

Pure functions on a read `TimemlDoc` and the events `annales.analyze` returned for its text;
counts are summed over documents (micro-average).

- **Extent.** A system event is its trigger's span. Gold and system events are paired one to one,
  greedily by largest overlap (`tempeval.match_relaxed`, the TempEval-3 relaxed match); P/R/F1
  count the pairs. Pairs with identical spans are counted too (strict).
- **Class.** Accuracy over the matched pairs, once our events carry a TimeML class
  (`event_class`, serialised as `class`); until then the report says "class: not produced".
- **Placement.** A gold TLINK *places* an event when it says the event lies within a date or time
  of the calendar: the event is IS_INCLUDED in, DURING or SIMULTANEOUS with the timex, or the timex
  INCLUDES the event (or is SIMULTANEOUS with it, or DURING_INV it). The other direction is left out
  on purpose: an event that INCLUDES a time (in French TimeBank, mostly a state holding on the
  publication day: "la cohabitation comporte …") lasts beyond that day, so that day is not its
  date; they are counted apart. The timex must be a DATE or TIME whose value starts with a year
  (the DCT included): PRESENT_REF or XXXX-06 put nothing on the calendar. The link is placed when
  our event paired with the gold event has a date whose value is the timex's or a finer one inside
  it (gold 1999-05, ours 1999-05-17: placed; ours 1999: not). An event we did not find is not placed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from annales.eval import tempeval

if TYPE_CHECKING:  # the reader imports this module; at run time only its objects are needed
    from annales.eval.timeml import GoldTime, TimemlDoc

# (which side of the TLINK the event is on, relType): the event lies within the time.
PLACING: frozenset[tuple[str, str]] = frozenset({
    ("event", "IS_INCLUDED"), ("event", "DURING"), ("event", "SIMULTANEOUS"),
    ("time", "INCLUDES"), ("time", "DURING_INV"), ("time", "SIMULTANEOUS")})
# ... the event holds over the time and beyond it: the time does not date it.
CONTAINING: frozenset[tuple[str, str]] = frozenset({
    ("event", "INCLUDES"), ("event", "DURING_INV"), ("time", "IS_INCLUDED"), ("time", "DURING")})
POINT_TYPES = ("DATE", "TIME")
_CALENDAR = re.compile(r"\d{4}")
# A link written from the time's side, said from the event's: "t2 INCLUDES e3" is "e3 IS_INCLUDED t2".
FROM_THE_EVENT = {"INCLUDES": "IS_INCLUDED", "DURING_INV": "DURING"}
# What became of the gold event of a placing link, in report order.
OWN, INFERRED, UNDATED, MISSING = "own", "inferred", "undated", "no event"
STATUSES = (OWN, INFERRED, UNDATED, MISSING)
CONTEXT_CHARS = 40
NONE = "(none)"  # a gold event without a class or a part of speech
EXCERPT_CHARS = 70


@dataclass(frozen=True)
class Link:
    """A gold TLINK placing an event inside a calendar date, and what our events made of it."""

    gold_event: int  # index in the document's gold events
    time: GoldTime
    rel_type: str  # said from the event's side (IS_INCLUDED, DURING, SIMULTANEOUS)
    system_event: int | None  # index of our event paired with the gold one
    ours: str | None  # our event's date value
    status: str  # one of STATUSES
    placed: bool


@dataclass
class Tally:
    total: int = 0
    hit: int = 0

    def add(self, other: Tally) -> None:
        self.total += other.total
        self.hit += other.hit


@dataclass
class EventCounts:
    """Additive tallies; sum them over documents to micro-average."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    matched: int = 0
    with_class: int = 0  # our events that carry a class
    class_ok: int = 0  # matched pairs whose classes agree
    by_class: dict[str, Tally] = field(default_factory=dict)  # per gold class: gold events, found
    by_pos: dict[str, Tally] = field(default_factory=dict)  # per gold part of speech: gold events, found
    by_status: dict[str, Tally] = field(default_factory=dict)  # placing links, placed
    containing: int = 0  # links left out: the event contains the date
    no_calendar: int = 0  # links left out: the timex names no calendar date

    @property
    def links(self) -> int:
        return sum(t.total for t in self.by_status.values())

    @property
    def placed(self) -> int:
        return sum(t.hit for t in self.by_status.values())

    def add(self, other: EventCounts) -> None:
        for name in ("gold", "system", "strict", "matched", "with_class", "class_ok", "containing", "no_calendar"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for mine, theirs in ((self.by_class, other.by_class), (self.by_pos, other.by_pos),
                             (self.by_status, other.by_status)):
            for key, tally in theirs.items():
                mine.setdefault(key, Tally()).add(tally)


@dataclass
class EventResult:
    doc: TimemlDoc
    system: list[Any]  # annales.model.Event, in trigger order
    pairs: list[tuple[int, int]]  # (gold index, system index)
    links: list[Link]
    counts: EventCounts


def event_class(event: Any) -> str | None:
    """Our event's TimeML class, as an attribute or as serialised; None while events have none."""
    value = getattr(event, "event_class", None)
    if value is None:
        serialised = event if isinstance(event, dict) else getattr(event, "to_dict", dict)()
        value = serialised.get("class") if isinstance(serialised, dict) else None
    return value or None


def date_value(event: Any) -> str | None:
    date = getattr(event, "date", None)
    value = getattr(date, "value", None)
    return value.strip() if isinstance(value, str) and value.strip() else None


def within(gold_value: str, ours: str) -> bool:
    """True when `ours` is the date `gold_value` or a finer one inside it (1999-05 holds 1999-05-17)."""
    gold_value, ours = gold_value.strip(), ours.strip()
    return ours.startswith(gold_value) and (len(ours) == len(gold_value) or ours[len(gold_value)] in "-T:")


def _is_calendar_point(time: GoldTime) -> bool:
    return time.type in POINT_TYPES and bool(_CALENDAR.match(time.value))


def placing_links(doc: TimemlDoc) -> tuple[list[tuple[int, GoldTime, str]], int, int]:
    """The gold (event index, timex, relType said from the event) that place an event inside a calendar
    date, each pair once;
    and how many links were left out because the event contains the date, or the timex is no date."""
    index = doc.instance_index()
    out: list[tuple[int, GoldTime, str]] = []
    seen: set[tuple[int, str]] = set()
    seen_links: set[tuple[str, int, str, str]] = set()
    containing = no_calendar = 0
    for link in doc.tlinks:
        if link.event_instance and link.related_time:
            side, instance, tid = "event", link.event_instance, link.related_time
        elif link.time and link.related_event_instance:
            side, instance, tid = "time", link.related_event_instance, link.time
        else:
            continue  # between two events or two timexes
        event, time = index.get(instance), doc.times.get(tid)
        if event is None or time is None:
            continue  # names an event without words, or nothing at all: there is nothing to place
        key = (side, event, tid, link.rel_type)
        if key in seen_links:  # the same link written twice
            continue
        seen_links.add(key)
        if (side, link.rel_type) in CONTAINING:
            containing += _is_calendar_point(time)
        elif (side, link.rel_type) in PLACING:
            if not _is_calendar_point(time):
                no_calendar += 1
            elif (event, tid) not in seen:
                seen.add((event, tid))
                relation = FROM_THE_EVENT.get(link.rel_type, link.rel_type) if side == "time" else link.rel_type
                out.append((event, time, relation))
    return out, containing, no_calendar


def evaluate(doc: TimemlDoc, system: Sequence[Any]) -> EventResult:
    """Our events (annales.model.Event) on one document against its gold events and TLINKs."""
    ordered = sorted(system, key=lambda e: (e.trigger.start, e.trigger.end))
    triggers = [e.trigger for e in ordered]
    pairs = tempeval.match_relaxed(doc.events, triggers)
    counts = EventCounts(gold=len(doc.events), system=len(ordered), matched=len(pairs),
                         strict=len(tempeval.match_strict(doc.events, triggers)))
    counts.with_class = sum(event_class(e) is not None for e in ordered)
    found = dict(pairs)
    for gi, gold in enumerate(doc.events):
        for key, table in ((gold.event_class or NONE, counts.by_class), (gold.pos or NONE, counts.by_pos)):
            tally = table.setdefault(key, Tally())
            tally.total += 1
            tally.hit += gi in found
    counts.class_ok = sum(event_class(ordered[si]) == doc.events[gi].event_class for gi, si in pairs)

    links = []
    placing, counts.containing, counts.no_calendar = placing_links(doc)
    for gi, time, rel_type in placing:
        si = found.get(gi)
        ours = date_value(ordered[si]) if si is not None else None
        if si is None:
            status = MISSING
        elif ours is None:
            status = UNDATED
        else:
            status = INFERRED if getattr(ordered[si], "time_inferred", False) else OWN
        placed = ours is not None and within(time.value, ours)
        links.append(Link(gi, time, rel_type, si, ours, status, placed))
        tally = counts.by_status.setdefault(status, Tally())
        tally.total += 1
        tally.hit += placed
    return EventResult(doc, ordered, pairs, links, counts)


def total(per_document: Iterable[EventCounts]) -> EventCounts:
    summed = EventCounts()
    for counts in per_document:
        summed.add(counts)
    return summed


# ---------------------------------------------------------------------------------------------
# Reporting


def _ordered_keys(table: dict[str, Tally]) -> list[str]:
    return sorted(table, key=lambda k: (-table[k].total, k))


def format_report(results: Sequence[EventResult]) -> str:
    counts = total(r.counts for r in results)
    overlap = tempeval.PRF.of(counts.matched, counts.system, counts.gold)
    strict = tempeval.PRF.of(counts.strict, counts.system, counts.gold)
    lines = ["", f"Events: {counts.gold} gold events, {counts.system} system events (their triggers)", "",
             f"{'':<10}{'P':>8}{'R':>8}{'F1':>8}"]
    for name, prf in (("overlap", overlap), ("strict", strict)):
        lines.append(f"{name:<10}{prf.precision:>8.3f}{prf.recall:>8.3f}{prf.f1:>8.3f}")
    lines.append("")
    if counts.with_class:
        lines.append(f"class accuracy {tempeval.ratio(counts.class_ok, counts.matched):.3f} "
                     f"({counts.class_ok}/{counts.matched} matched pairs; "
                     f"{counts.system - counts.with_class} of our events have no class)")
    else:
        lines.append("class: not produced")
    for title, table in (("gold class", counts.by_class), ("gold pos", counts.by_pos)):
        lines += ["", f"{title:<16}{'gold':>6}{'found':>7}{'recall':>8}"]
        for key in _ordered_keys(table):
            tally = table[key]
            lines.append(f"{key:<16}{tally.total:>6}{tally.hit:>7}{tempeval.ratio(tally.hit, tally.total):>8.3f}")
    lines += ["", f"Placement: {counts.links} gold TLINKs put an event inside a calendar DATE or TIME "
              "(event IS_INCLUDED, DURING, SIMULTANEOUS; time INCLUDES)",
              f"placed {counts.placed}/{counts.links} = {tempeval.ratio(counts.placed, counts.links):.3f}", "",
              f"{'our date':<10}{'links':>7}{'placed':>8}{'fraction':>10}"]
    for status in STATUSES:
        tally = counts.by_status.get(status, Tally())
        lines.append(f"{status:<10}{tally.total:>7}{tally.hit:>8}{tempeval.ratio(tally.hit, tally.total):>10.3f}")
    lines += ["", f"not counted: {counts.containing} link(s) where the event contains the date (a state "
              f"holding on that day), {counts.no_calendar} to a timex that is no calendar DATE or TIME"]
    return "\n".join(lines) + "\n"


def _context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - CONTEXT_CHARS):start]
    right = text[end:end + CONTEXT_CHARS]
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


def _excerpt(text: str, event: Any) -> str:
    """The trigger in its sentence, cut to EXCERPT_CHARS on either side."""
    trigger, sentence = event.trigger, getattr(event, "sentence", None)
    low = max(getattr(sentence, "start", 0), trigger.start - EXCERPT_CHARS)
    high = min(getattr(sentence, "end", len(text)), trigger.end + EXCERPT_CHARS)
    left, right = text[low:trigger.start], text[trigger.end:high]
    return " ".join(f"{left}[{text[trigger.start:trigger.end]}]{right}".split())


def _timex_label(time: GoldTime) -> str:
    return f"{time.value} ({'DCT' if time.creation_time else time.tid}{' ' + repr(time.text) if time.text else ''})"


def format_errors(results: Sequence[EventResult]) -> str:
    """Missed and spurious events, and the placing links we did not place, with the words around them."""
    missed, spurious, unplaced = [], [], []
    for result in results:
        doc, text = result.doc, result.doc.text
        paired_gold = {gi for gi, _ in result.pairs}
        paired_system = {si for _, si in result.pairs}
        for gi, gold in enumerate(doc.events):
            if gi not in paired_gold:
                missed.append(f"MISSED    {doc.id}  {gold.event_class or NONE} {gold.pos or NONE} {gold.text!r}  | "
                              f"{_context(text, gold.start, gold.end)}")
        for si, event in enumerate(result.system):
            if si not in paired_system:
                spurious.append(f"SPURIOUS  {doc.id}  {event.trigger.text!r}  | {_excerpt(text, event)}")
        for link in result.links:
            if link.placed:
                continue
            gold = doc.events[link.gold_event]
            ours = "no event" if link.status == MISSING else f"ours {link.ours or 'undated'}"
            if link.status in (OWN, INFERRED):
                ours += f" ({link.status})"
            unplaced.append(f"UNPLACED  {doc.id}  {gold.text!r} {link.rel_type} {_timex_label(link.time)}: "
                            f"{ours}  | {_context(text, gold.start, gold.end)}")
    lines: list[str] = []
    for title, entries in ((f"missed events ({len(missed)})", missed),
                           (f"spurious events ({len(spurious)})", spurious),
                           (f"unplaced links ({len(unplaced)})", unplaced)):
        lines += ["", title] + entries
    return "\n".join(lines) + "\n"
