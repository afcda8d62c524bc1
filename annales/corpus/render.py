"""What the corpus commands print: plain text for a reader, CSV and TimelineJS for other tools.

Text views collapse each passage to one line and escape what could drive a terminal
(`annales.common.terminal.for_terminal`): every value here comes from the documents.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from annales.common.terminal import for_terminal
from annales.corpus.findings import StoredFinding
from annales.corpus.people import Group, Profile
from annales.corpus.search import Passage
from annales.corpus.timeline import Happening

TIMELINE_FORMATS = ("text", "csv", "timelinejs")
TIMELINE_COLUMNS = ("date", "earliest", "latest", "inferred", "document", "event", "trigger", "lemma", "class",
                    "participants", "places", "passage")
PASSAGE_CHARS = 240
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")


def line(text: str | None, limit: int | None = None) -> str:
    """One terminal-safe line: runs of white space made one space, cut at `limit` characters."""
    flat = " ".join((text or "").split())
    if limit is not None and len(flat) > limit:
        flat = flat[:limit - 1].rstrip() + "…"
    return for_terminal(flat)


def passages(found: Iterable[Passage], out: TextIO) -> int:
    count = 0
    for passage in found:
        dates = passage.dates or (f"published {passage.dct}" if passage.dct else "no date")
        out.write(f"{line(passage.document)} §{passage.sentence + 1} [{line(dates)}]\n"
                  f"    {line(passage.text, PASSAGE_CHARS)}\n")
        count += 1
    return count


def happenings(found: list[Happening], fmt: str, out: TextIO) -> int:
    if fmt == "csv":
        _happenings_csv(found, out)
    elif fmt == "timelinejs":
        out.write(json.dumps(timelinejs(found), ensure_ascii=False, indent=1) + "\n")
    else:
        for happening in found:
            date = ("≈" if happening.inferred else "") + happening.date
            out.write(f"{line(date):<12} {line(happening.document)}  {line(happening.passage, PASSAGE_CHARS)}\n")
    return len(found)


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _happenings_csv(found: list[Happening], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(TIMELINE_COLUMNS)
    for h in found:
        writer.writerow([_cell(value) for value in (
            h.date, h.earliest, h.latest, "yes" if h.inferred else "no", h.document, h.event, h.trigger, h.lemma,
            h.event_class, h.participants, h.places, " ".join(h.passage.split()))])


def _timelinejs_date(value: str) -> dict[str, str]:
    date, _, time = value.partition("T")
    parts = dict(zip(("year", "month", "day"), date.split("-"), strict=False))
    result = {key: str(int(part)) for key, part in parts.items() if part.isdigit()}
    if time[:2].isdigit():
        result["hour"] = str(int(time[:2]))
        if time[3:5].isdigit():
            result["minute"] = str(int(time[3:5]))
    return result


def timelinejs(found: list[Happening]) -> dict[str, object]:
    """TimelineJS3 JSON: one slide per happening, grouped by document."""
    events = []
    for h in found:
        headline = " ".join(h.passage.split())
        if len(headline) > 90:
            headline = headline[:89].rstrip() + "…"
        start = _timelinejs_date(h.date) if h.date[:4].isdigit() else _timelinejs_date(h.earliest)
        text = " ".join(h.passage.split())
        if h.inferred:
            text += " (date incertaine)"
        events.append({"start_date": start, "text": {"headline": _escape(headline), "text": _escape(text)},
                       "group": h.document, "unique_id": f"{h.document}#{h.event}"})
    count = f"{len(found)} happening{'s' if len(found) != 1 else ''}"
    return {"title": {"text": {"headline": "Corpus", "text": count}}, "events": events}


def _escape(text: str) -> str:
    """TimelineJS renders headlines and texts as HTML: the document's words shown as words."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def groups(found: list[Group], out: TextIO) -> int:
    for group in found:
        others = [name for name in group.names if name != group.name]
        also = f"  (also: {line('; '.join(others), 120)})" if others else ""
        documents = f"{group.documents} document{'s' * (group.documents != 1)}"
        out.write(f"#{group.corpus_entity} {line(group.name)}  [{group.type}; {documents}, "
                  f"{group.mentions} mention{'s' * (group.mentions != 1)}]{also}\n")
    return len(found)


def profile(found: Profile, out: TextIO) -> None:
    group = found.group
    why = line(", ".join(group.evidence))
    out.write(f"#{group.corpus_entity} {line(group.name)}  [{group.type}; grouped by: {why}]\n")
    out.write(f"  names: {line('; '.join(group.names))}\n")
    if found.ranks:
        ranks = "; ".join(f"{rank} ({date or 'undated'}, {document})" for rank, date, document in found.ranks)
        out.write(f"  ranks: {line(ranks)}\n")
    if found.roles:
        out.write(f"  roles: {line('; '.join(found.roles))}\n")
    if found.titles:
        out.write(f"  titles: {line('; '.join(found.titles))}\n")
    out.write(f"  documents ({len(found.documents)}):\n")
    for document, mentions in found.documents:
        out.write(f"    {line(document)}  {mentions} mention{'s' * (mentions != 1)}\n")
    if len(found.members) > 1:
        out.write("  why these are one:\n")
        for document, name, score, why in found.members:
            out.write(f"    {line(document)}  {line(name)}  {score:.2f}  {line('; '.join(why))}\n")
    out.write(f"  happenings ({len(found.happenings)}):\n")
    for happening in found.happenings:
        date = ("≈" if happening.inferred else "") + happening.date
        out.write(f"    {line(date):<12} {line(happening.document)}  {line(happening.passage, PASSAGE_CHARS)}\n")


def findings(found: list[StoredFinding], out: TextIO) -> int:
    for finding in found:
        where = finding.document if finding.document is not None else "cross-source"
        out.write(f"{line(where)} {finding.id} {finding.kind} [{finding.severity or '-'}]: {line(finding.message)}\n")
        if finding.scope == "cross-source":
            _sides(finding, out)
        for document, start, end, text in finding.evidence:
            out.write(f"    {line(document)} {start}-{end}: {line(text, 160)}\n")
    return len(found)


def _sides(finding: StoredFinding, out: TextIO) -> None:
    """The two values of a cross-source finding side by side, each with every document that gives it."""
    detail = finding.detail
    for side in ("a", "b"):
        documents = detail.get(f"documents_{side}") or [detail.get(f"document_{side}")]
        out.write(f"    {side.upper()}: {line(str(detail.get(f'value_{side}')))}  "
                  f"({line(', '.join(str(document) for document in documents), 200)})\n")
