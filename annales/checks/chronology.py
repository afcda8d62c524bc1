"""`chronology`: a date that lands before the stretch of narrative it belongs to.

Only a date written without its year is judged (its year was borrowed from the narrative, so a
date months earlier than every dated sentence around it is a slip, not a flashback). Dates in
sidebars, quotations and sentences announcing a step back in time are left alone.
"""

from __future__ import annotations

import re
from datetime import date

from annales.checks.common import MAX_FINDINGS, SentenceIndex, cue_pattern, evidence, skipped
from annales.model import Analysis, Finding, Timex

# A slip is at least this many days earlier than the narrative around it.
MIN_DAYS_BEFORE = 30
# A date a year or more earlier did not borrow the narrative's year: it is told as another time.
MAX_DAYS_BEFORE = 366
# How many dated timexes before it make "the narrative around it".
CONTEXT = 3
# How far apart, in days, the context dates may lie and still be one episode.
EPISODE_DAYS = 45
YEAR = re.compile(r"(?P<year>\d{4})")
DAY = re.compile(r"^(?P<iso>\d{4}-\d{2}-\d{2})")


def _day(value: str) -> date | None:
    match = DAY.match(value)
    return date.fromisoformat(match.group("iso")) if match else None


def _dated(analysis: Analysis) -> list[tuple[Timex, date, date]]:
    out = []
    for timex in analysis.timexes:
        if timex.type != "DATE" or not timex.resolved or timex.interval is None:
            continue
        earliest, latest = _day(timex.interval.earliest), _day(timex.interval.latest)
        if earliest and latest and (latest - earliest).days <= 31:
            out.append((timex, earliest, latest))
    return out


def find(analysis: Analysis) -> list[Finding]:
    dated = _dated(analysis)
    flashback = cue_pattern(analysis.language, "flashback_cues")
    by_id = {timex.id: timex for timex in analysis.timexes}
    sentences = SentenceIndex(analysis)
    findings: list[Finding] = []
    for index, (timex, _earliest, latest) in enumerate(dated):
        if len(findings) == MAX_FINDINGS:
            break
        if YEAR.search(timex.text) or index < CONTEXT:
            continue
        if analysis.in_region(timex.start, timex.end, "sidebar", "quote-block", "boilerplate", "heading") \
                or skipped(analysis, timex.start, timex.end):
            continue
        context = dated[index - CONTEXT:index]
        starts = [c[1] for c in context]
        if (max(starts) - min(starts)).days > EPISODE_DAYS:
            continue
        if not MIN_DAYS_BEFORE <= (min(starts) - latest).days < MAX_DAYS_BEFORE:
            continue
        # The year was borrowed from the anchor: an anchor outside the episode (a year named in passing)
        # makes the slip the reader's, not the author's.
        anchor = by_id.get(timex.anchor or "")
        anchor_day = _day(anchor.interval.earliest) if anchor and anchor.interval else None
        if anchor_day is None or (min(starts) - anchor_day).days > EPISODE_DAYS:
            continue
        sentence = sentences.of(timex.start)
        if sentence is None or flashback.search(analysis.text[sentence.start:sentence.end]):
            continue
        before = context[-1][0]
        findings.append(Finding(
            id="", kind="chronology", severity="medium",
            message=(f"\"{timex.text}\" ({timex.value}) falls {(min(starts) - latest).days} days before the "
                     f"dates of the narrative it closes (last dated \"{before.text}\", {before.value})."),
            evidence=[evidence(analysis, timex.start, timex.end), evidence(analysis, before.start, before.end)],
            detail={"timex": timex.id, "value": timex.value, "context": [c[0].id for c in context],
                    "context_values": [c[0].value for c in context]},
        ))
    return findings
