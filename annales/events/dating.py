"""When an event happened: the date its own clause gives it, else the story's time.

A DATE/TIME timex is given to the event whose clause it hangs from in the parse (walking up the
timex's heads to the first trigger); an event without one takes its governing event's timex in the
same sentence. Otherwise the event inherits the narrative's current time: the last resolved
DATE/TIME timex that is a step of the story (`Timex.story_line`) before it in the main narrative,
with `time_inferred` = True. Sidebars, quote blocks, quotations, boilerplate and the byline never
set it; an event inside an aside first looks for a date told earlier in the same aside.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from annales.common.intervals import Cover
from annales.common.parse import span_root
from annales.events.triggers import inside
from annales.model import Analysis, EventDate, Timex

POINT_TYPES = ("DATE", "TIME")
ASIDES = ("sidebar", "quote-block")
SKIPPED = ("boilerplate", "byline")


def first_above(token: Any, targets: set[int] | dict[int, Any], memo: dict[int, int | None]) -> int | None:
    """The first token of `targets` on the way up from `token` to its sentence's root (itself
    included), None when there is none.

    Every token walked through keeps the answer in `memo`: the next walk from below stops there. Walked
    afresh for each of thousands of dates hung one on another, the path would be read thousands of times.
    """
    path = []
    t = token
    while True:
        if t.i in targets:
            found = t.i
            break
        if t.i in memo:
            found = memo[t.i]
            break
        path.append(t.i)
        head = t.head
        if head.i == t.i:
            found = None
            break
        t = head
    for i in path:
        memo[i] = found
    return found


def own_timexes(doc: Any, points: list[Timex], triggers: set[int]) -> dict[int, Timex]:
    """For each trigger, the most precise DATE/TIME timex that hangs from its clause in the parse."""
    out: dict[int, Timex] = {}
    above: dict[int, int | None] = {}
    for timex in points:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = span_root(span)
        if root.dep_.startswith("nmod") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i not in triggers:
            continue  # "la loi du 28 février 2012": the date of the law, not of the clause's event
        head = first_above(root, triggers, above)
        if head is not None and (head not in out or _precision(timex) > _precision(out[head])):
            out[head] = timex  # "deux ans plus tôt, le 19 août 1942": the day, not the year
    return out


def _precision(timex: Timex) -> tuple[bool, int]:
    return (timex.resolved, len(timex.value.partition("T")[0].rstrip("X-")))


def governing_timex(token: Any, own: dict[int, Timex], memo: dict[int, int | None]) -> Timex | None:
    """The trigger's own timex, else that of the nearest trigger governing it in the sentence."""
    dated = first_above(token, own, memo)
    return None if dated is None else own[dated]


class Narrative:
    """The narrative's current time: the last resolved DATE/TIME timex of the main story."""

    def __init__(self, analysis: Analysis, points: list[Timex]) -> None:
        quotes = Cover((q.start, q.end) for q in analysis.quotes)
        self._asides = sorted((r.start, r.end) for r in analysis.regions if r.kind in ASIDES)
        skipped = sorted((r.start, r.end) for r in analysis.regions if r.kind in SKIPPED)
        usable = sorted((t for t in points if t.resolved and _calendar(t)), key=lambda t: t.start)
        # A reference off the story's line ("depuis 1921", a flash-forward) dates only its own clause.
        self._main = [t for t in usable if not inside(self._asides, t.start) and not inside(skipped, t.start)
                      and not quotes.holds(t.start) and t.story_line is not False]
        self._main_starts = [t.start for t in self._main]
        self._all = usable
        self._all_starts = [t.start for t in usable]

    def time_before(self, offset: int) -> Timex | None:
        k = bisect_left(self._asides, (offset + 1,)) - 1
        if k >= 0 and self._asides[k][0] <= offset < self._asides[k][1]:
            start = self._asides[k][0]
            j = bisect_left(self._all_starts, offset) - 1
            if j >= 0 and self._all[j].start >= start:
                return self._all[j]  # a date told earlier in the same aside
        j = bisect_left(self._main_starts, offset) - 1
        return self._main[j] if j >= 0 else None


def _calendar(timex: Timex) -> bool:
    return timex.interval is not None or timex.value[:1].isdigit()


def event_date(timex: Timex) -> EventDate:
    if not timex.resolved or timex.interval is None:
        return EventDate(timex.value)
    return EventDate(timex.value, timex.interval.earliest, timex.interval.latest)
