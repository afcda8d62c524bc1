"""A document's text cut into segments, each carrying the annotations that cover it.

Built from the stored analysis JSON (the contract), never from the parse. Every boundary of every
annotation (entity mentions, dates, figures, quotes, event triggers, the cues of command relations,
findings' evidence) cuts the
text, so annotations may overlap or nest (a date inside a quote) and each segment knows all of
them. The template escapes the text; nothing here produces markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annales.web.messages import french

HIGHLIGHTED_TYPES = ("person", "place", "unit", "ship")


@dataclass
class Segment:
    text: str
    classes: list[str] = field(default_factory=list)
    title: str | None = None  # a date's value, interval, confidence and anchoring
    href: str | None = None  # a person's (or unit's) page
    findings: list[str] = field(default_factory=list)  # ids of the findings whose evidence this is
    anchors: list[str] = field(default_factory=list)  # ids of the events (then relations) starting here


@dataclass
class _Mark:
    start: int
    end: int
    kind: str  # css class
    title: str | None = None
    href: str | None = None
    finding: str | None = None
    anchor: str | None = None


def date_title(timex: dict[str, Any], texts: dict[str, str]) -> str:
    interval = timex.get("interval") or {}
    parts = [f"ISO : {timex.get('value') or '?'}"]
    if interval.get("earliest"):
        parts.append(f"intervalle : {interval['earliest']} → {interval.get('latest') or '?'}")
    if timex.get("confidence") is not None:
        parts.append(f"confiance : {timex['confidence']:.2f}".replace(".", ","))
    if timex.get("anchoring"):
        anchoring = french("anchoring", timex["anchoring"])
        if timex.get("anchor") in texts:
            anchoring += f" (« {texts[timex['anchor']]} »)"
        parts.append(f"ancrage : {anchoring}")
    return " · ".join(parts)


def _marks(data: dict[str, Any], entity_pages: dict[str, int]) -> list[_Mark]:
    marks: list[_Mark] = []
    for entity in data.get("entities") or []:
        kind = entity.get("type")
        if kind not in HIGHLIGHTED_TYPES:
            continue
        page = entity_pages.get(entity["id"])
        href = f"/entite/{page}" if page is not None else None
        for mention in entity.get("mentions") or []:
            marks.append(_Mark(mention["start"], mention["end"], f"a-{kind}", title=entity.get("name"), href=href))
    texts = {timex["id"]: timex.get("text", "") for timex in data.get("timexes") or []}
    for timex in data.get("timexes") or []:
        marks.append(_Mark(timex["start"], timex["end"], "a-date", title=date_title(timex, texts)))
    for quantity in data.get("quantities") or []:
        marks.append(_Mark(quantity["start"], quantity["end"], "a-figure"))
    for quote in data.get("quotes") or []:
        marks.append(_Mark(quote["start"], quote["end"], "a-quote"))
    for event in data.get("events") or []:
        trigger = event.get("trigger") or {}
        if "start" in trigger:
            marks.append(_Mark(trigger["start"], trigger["end"], "a-event", anchor=event["id"]))
    # After the events: a segment's first anchor is its id, and the timeline links to events.
    names = {entity["id"]: entity.get("name") for entity in data.get("entities") or []}
    for relation in data.get("relations") or []:
        cue = relation.get("cue") or {}
        if "start" in cue:
            title = f"commandement : {names.get(relation['subject'])} → {names.get(relation['object'])}"
            marks.append(_Mark(cue["start"], cue["end"], "a-command", title=title, anchor=relation["id"]))
    for finding in data.get("findings") or []:
        for evidence in finding.get("evidence") or []:
            marks.append(_Mark(evidence["start"], evidence["end"], "a-evidence", finding=finding["id"]))
    return marks


def segments(data: dict[str, Any], entity_pages: dict[str, int] | None = None) -> list[Segment]:
    """The text of analysis `data` as consecutive segments; `entity_pages` maps an entity id of
    the document to its corpus entity (for the link to its page)."""
    text: str = data.get("text") or ""
    marks = [mark for mark in _marks(data, entity_pages or {}) if 0 <= mark.start < mark.end <= len(text)]
    cuts = sorted({0, len(text), *(mark.start for mark in marks), *(mark.end for mark in marks)})
    starting: dict[int, list[_Mark]] = {}
    for mark in marks:
        starting.setdefault(mark.start, []).append(mark)
    open_marks: list[_Mark] = []
    result: list[Segment] = []
    for at, to in zip(cuts, cuts[1:], strict=False):
        open_marks = [mark for mark in open_marks if mark.end > at] + starting.get(at, [])
        segment = Segment(text[at:to])
        for mark in open_marks:
            if mark.kind not in segment.classes and mark.kind != "a-evidence":
                segment.classes.append(mark.kind)
            if mark.finding is not None and mark.finding not in segment.findings:
                segment.findings.append(mark.finding)
            if mark.anchor is not None and mark.start == at:
                segment.anchors.append(mark.anchor)
            if mark.kind == "a-date":
                segment.title = mark.title
            elif mark.title and segment.title is None:
                segment.title = mark.title
            if mark.href and segment.href is None:
                segment.href = mark.href
        if segment.findings:
            segment.classes.append("a-evidence")
        result.append(segment)
    return result
