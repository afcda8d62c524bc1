"""TEI P5 XML of one analysis: the text with inline names, dates, figures and quotes, plus a standOff.

The document is built with lxml and serialised, so it is always well-formed: every string is
escaped by the serialiser and characters XML 1.0 forbids (NUL and the other C0 controls but tab,
newline and carriage return; U+FFFE, U+FFFF; lone surrogates) are replaced by U+FFFD, one character
for one, so every offset of the analysis points at the same character in the written text. Inline markup
only nests: when two spans cross, the one that starts first (the outer one) is kept and the
other is dropped; of two identical spans the first by kind (quote, name, date, figure) is kept.
Findings point at their evidence through `<anchor>` pairs (`target` = starts, `targetEnd` = ends),
which never conflict with other markup.

`nest` and `Mark` are shared with the HTML exporter.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TextIO

from lxml import etree

from annales.export.options import DEFAULT_OPTIONS, ExportOptions
from annales.export.phrases import label, language_of, phrase_words_of
from annales.model import Analysis, Entity, Event, Timex

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NSMAP = {None: TEI_NS}

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NCNAME_BAD = re.compile(r"[^A-Za-z0-9._-]")
_W3C_DATE = re.compile(r"-?\d{4}(-\d{2}(-\d{2})?)?")
_W3C_DATETIME = re.compile(r"(-?\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(\.\d+)?)?")
_W3C_DURATION = re.compile(r"P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?")

# The rank of a mark decides between two identical spans (lower wins) and never crosses a nesting.
RANK_QUOTE, RANK_ENTITY, RANK_DATE, RANK_NUM, RANK_EVIDENCE, RANK_ANCHOR = range(6)


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    rank: int
    payload: Any = field(compare=False)


@dataclass
class Node:
    mark: Mark
    children: list[Node] = field(default_factory=list)


def nest(marks: Iterable[Mark], lo: int, hi: int) -> list[Node]:
    """The marks inside [lo, hi) as a properly nested forest; crossing and duplicate spans are dropped.

    A zero-width mark (an anchor) is a point: it never contains anything.
    """
    ordered = sorted((m for m in marks if lo <= m.start <= m.end <= hi),
                     key=lambda m: (m.start, -m.end, m.rank))
    roots: list[Node] = []
    stack: list[Node] = []
    seen: set[tuple[int, int]] = set()
    for mark in ordered:
        if mark.start < mark.end:
            if (mark.start, mark.end) in seen:
                continue  # the same words already carry markup: keep the first
        while stack and stack[-1].mark.end <= mark.start:
            stack.pop()
        if stack and mark.end > stack[-1].mark.end:
            continue  # crosses the span it starts in: keep the outer one
        node = Node(mark)
        (stack[-1].children if stack else roots).append(node)
        if mark.start < mark.end:
            seen.add((mark.start, mark.end))
            stack.append(node)
    return roots


def clean(text: str) -> str:
    """`text` with every character XML 1.0 forbids replaced by U+FFFD (offsets are kept)."""
    return _NOT_XML.sub("\ufffd", text)


def xml_id(value: str) -> str:
    """`value` as an NCName usable as xml:id."""
    out = _NCNAME_BAD.sub("_", value) or "_"
    return out if re.match(r"[A-Za-z_]", out) else "_" + out


def w3c(value: str | None) -> str | None:
    """An ISO value as a W3C date or dateTime TEI accepts, or None ("1944-SU", "XXXX-12-20")."""
    if not value:
        return None
    if _W3C_DATE.fullmatch(value):
        return value
    match = _W3C_DATETIME.fullmatch(value)
    if match:
        return match.group(1) + (match.group(2) or ":00")
    return None


def write(analysis: Analysis, stream: TextIO, options: ExportOptions = DEFAULT_OPTIONS) -> None:
    # An edition of the whole text: its standOff keeps every event, whatever the options.
    root = build(analysis)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(etree.tostring(root, encoding="unicode", pretty_print=True))


def _el(parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str | None) -> etree._Element:
    qname = f"{{{TEI_NS}}}{tag}"
    el = etree.Element(qname, nsmap=NSMAP) if parent is None else etree.SubElement(parent, qname)
    for key, value in attrs.items():
        if value is not None:
            el.set(XML_ID if key == "xml_id" else key, clean(str(value)))
    if text is not None:
        el.text = clean(text)
    return el


def build(analysis: Analysis) -> etree._Element:
    tei = _el(None, "TEI")
    _header(tei, analysis)
    text = _el(tei, "text")
    body = _el(text, "body")
    _body(body, analysis)
    _stand_off(tei, analysis)
    return tei


def _header(tei: etree._Element, analysis: Analysis) -> None:
    from annales import __version__

    header = _el(tei, "teiHeader")
    file_desc = _el(header, "fileDesc")
    title_stmt = _el(file_desc, "titleStmt")
    _el(title_stmt, "title", analysis.metadata.get("title") or analysis.id)
    if analysis.metadata.get("author"):
        _el(title_stmt, "author", analysis.metadata["author"])
    publication = _el(file_desc, "publicationStmt")
    _el(publication, "p", "Produced automatically by annales from the source below.")
    bibl = _el(_el(file_desc, "sourceDesc"), "bibl")
    _el(bibl, "title", analysis.metadata.get("title") or analysis.id)
    if analysis.source.path:
        _el(bibl, "idno", analysis.source.path, type="path")
    if analysis.source.sha256:
        _el(bibl, "idno", analysis.source.sha256, type="sha256")
    if analysis.metadata.get("url"):
        _el(bibl, "idno", analysis.metadata["url"], type="URL")
    if analysis.dct:
        _el(bibl, "date", analysis.dct.value, type="publication", when=w3c(analysis.dct.value),
            resp=analysis.dct.origin)
    app_info = _el(_el(header, "encodingDesc"), "appInfo")
    application = _el(app_info, "application", ident="annales", version=__version__)
    _el(application, "label", "annales")
    profile = _el(header, "profileDesc")
    _el(_el(profile, "langUsage"), "language", analysis.language, ident=analysis.language)


NARRATOR = "narrator"  # the participant a memoir's "je" names (README, "The event contract")
LISTED_TYPES = {"person", "place", "organization", "unit", "ship"}


def _entity_element(entity: Entity) -> Callable[[etree._Element], etree._Element]:
    ref = "#" + xml_id(entity.id) if entity.type in LISTED_TYPES else None
    tag, kind = {
        "person": ("persName", None), "place": ("placeName", None), "organization": ("orgName", None),
        "unit": ("orgName", "unit"), "ship": ("name", "ship"), "work": ("title", None),
    }.get(entity.type, ("name", entity.type))
    return lambda parent: _el(parent, tag, ref=ref, type=kind)


def _date_attrs(timex: Timex) -> dict[str, str | None]:
    attrs: dict[str, str | None] = {"xml_id": xml_id(timex.id), "type": timex.type.lower()}
    if not timex.resolved:
        attrs["cert"] = "low"
        return attrs
    if timex.type == "DURATION":
        if _W3C_DURATION.fullmatch(timex.value):
            attrs["dur"] = timex.value
        return attrs
    when = w3c(timex.value)
    if when:
        attrs["when"] = when
    elif timex.interval and w3c(timex.interval.earliest) and w3c(timex.interval.latest):
        attrs["notBefore"] = w3c(timex.interval.earliest)
        attrs["notAfter"] = w3c(timex.interval.latest)
    else:
        attrs["cert"] = "low"
    return attrs


def _num_attrs(value: float | int | None) -> dict[str, str | None]:
    if value is None or isinstance(value, bool):
        return {}
    if isinstance(value, float):
        return {"value": repr(value) if value == value and value not in (float("inf"), float("-inf")) else None}
    return {"value": str(value)}


def marks(analysis: Analysis, entity_element: Callable[[Entity], Any], timex_element: Callable[[Timex], Any],
          quantity_element: Callable[[Any], Any], quote_element: Callable[[Any], Any]) -> list[Mark]:
    """Every inline span of the analysis as a Mark whose payload comes from the given factories."""
    out: list[Mark] = []
    for entity in analysis.entities:
        payload = entity_element(entity)
        out += [Mark(m.start, m.end, RANK_ENTITY, payload) for m in entity.mentions if m.start < m.end]
    out += [Mark(t.start, t.end, RANK_DATE, timex_element(t)) for t in analysis.timexes if t.start < t.end]
    out += [Mark(q.start, q.end, RANK_NUM, quantity_element(q)) for q in analysis.quantities if q.start < q.end]
    out += [Mark(q.start, q.end, RANK_QUOTE, quote_element(q)) for q in analysis.quotes if q.start < q.end]
    return out


def evidence_ids(analysis: Analysis) -> list[tuple[str, int, int]]:
    """(id, start, end) of every finding's evidence, ids unique in the document."""
    out = []
    for finding in analysis.findings:
        for i, evidence in enumerate(finding.evidence, 1):
            out.append((f"{xml_id(finding.id)}-ev{i}", evidence.start, evidence.end))
    return out


def _body(body: etree._Element, analysis: Analysis) -> None:
    entity_ids = {e.id for e in analysis.entities}

    def quote(q: Any) -> Callable[[etree._Element], etree._Element]:
        who = "#" + xml_id(q.speaker) if q.speaker in entity_ids else None
        return lambda parent: _el(parent, "q", who=who, xml_id=xml_id(q.id))

    all_marks = marks(
        analysis, _entity_element,
        lambda t: (lambda parent: _el(parent, "date", **_date_attrs(t))),
        lambda q: (lambda parent: _el(parent, "num", xml_id=xml_id(q.id), **_num_attrs(q.value))),
        quote)
    for ident, start, end in evidence_ids(analysis):
        all_marks.append(Mark(start, start, RANK_ANCHOR, _anchor(ident + "-start")))
        all_marks.append(Mark(end, end, RANK_ANCHOR, _anchor(ident + "-end")))

    # Each line is given only the marks that start on it, found by bisection: handing every line all
    # the marks is quadratic in a long text. `nest` sorts stably, so sorting once here first changes
    # nothing in the order it sees.
    all_marks.sort(key=lambda m: (m.start, -m.end, m.rank))
    starts = [m.start for m in all_marks]
    text = clean(analysis.text)
    offset = 0
    for line in text.split("\n"):
        lo, hi = offset, offset + len(line)
        offset = hi + 1
        on_line = all_marks[bisect_left(starts, lo):bisect_right(starts, hi)]
        if not line.strip():
            # An empty line still keeps the anchors placed on it.
            points = [m for m in on_line if m.start == m.end]
            if points:
                p = _el(body, "p")
                _fill(p, text, lo, hi, nest(points, lo, hi))
            continue
        p = _el(body, "p")
        _fill(p, text, lo, hi, nest(on_line, lo, hi))
    if not len(body):
        _el(body, "p")  # TEI requires content in body


def _anchor(ident: str) -> Callable[[etree._Element], etree._Element]:
    return lambda parent: _el(parent, "anchor", xml_id=ident)


def _fill(parent: etree._Element, text: str, lo: int, hi: int, nodes: list[Node]) -> None:
    position, last = lo, None
    for node in nodes:
        _append_text(parent, last, text[position:node.mark.start])
        child = node.mark.payload(parent)
        _fill(child, text, node.mark.start, node.mark.end, node.children)
        position, last = node.mark.end, child
    _append_text(parent, last, text[position:hi])


def _append_text(parent: etree._Element, last: etree._Element | None, chunk: str) -> None:
    if not chunk:
        return
    if last is None:
        parent.text = (parent.text or "") + chunk
    else:
        last.tail = (last.tail or "") + chunk


def _ranks(entity: Entity) -> list[str]:
    ranks = entity.ranks or ([entity.rank] if entity.rank else [])
    return [str(r) for r in ranks]


def _stand_off(tei: etree._Element, analysis: Analysis) -> None:
    stand_off = _el(tei, "standOff")
    persons = [e for e in analysis.entities if e.type == "person"]
    places = [e for e in analysis.entities if e.type == "place"]
    orgs = [e for e in analysis.entities if e.type in ("organization", "unit")]
    ships = [e for e in analysis.entities if e.type == "ship"]
    if persons:
        lst = _el(stand_off, "listPerson")
        for e in persons:
            person = _el(lst, "person", xml_id=xml_id(e.id))
            _el(person, "persName", e.name)
            for alias in e.aliases:
                _el(person, "persName", alias, type="alias")
            for rank in _ranks(e):
                _el(person, "roleName", rank, type="rank")
            if e.role:
                _el(person, "roleName", e.role, type="role")
    if places:
        lst = _el(stand_off, "listPlace")
        for e in places:
            place = _el(lst, "place", xml_id=xml_id(e.id))
            _el(place, "placeName", e.name)
            for alias in e.aliases:
                _el(place, "placeName", alias, type="alias")
    if orgs:
        lst = _el(stand_off, "listOrg")
        for e in orgs:
            org = _el(lst, "org", xml_id=xml_id(e.id), type="unit" if e.type == "unit" else None)
            _el(org, "orgName", e.name)
            for alias in e.aliases:
                _el(org, "orgName", alias, type="alias")
    if ships:
        lst = _el(stand_off, "listObject")
        for e in ships:
            obj = _el(lst, "object", xml_id=xml_id(e.id), type="ship")
            ident = _el(obj, "objectIdentifier")
            _el(ident, "objectName", e.name)
            if e.hull:
                _el(ident, "idno", e.hull, type="hull")
    if analysis.events:
        lst = _el(stand_off, "listEvent")
        names = {e.id: e for e in analysis.entities}
        taken = taken_ids(analysis)
        for event in sorted(analysis.events, key=lambda ev: (ev.story_order, ev.sentence.start, ev.id)):
            _event(lst, analysis, event, names, taken)
    if analysis.findings:
        lst = _el(stand_off, "listAnnotation")
        evidence = iter(evidence_ids(analysis))
        for finding in analysis.findings:
            ids = [next(evidence)[0] for _ in finding.evidence]
            _el(lst, "note", finding.message, xml_id=xml_id(finding.id) + "-note", type="finding",
                       subtype=finding.kind, n=finding.severity,
                       target=" ".join(f"#{i}-start" for i in ids) or None,
                       targetEnd=" ".join(f"#{i}-end" for i in ids) or None)
    if not len(stand_off):
        tei.remove(stand_off)  # an empty standOff is invalid TEI


def _event(parent: etree._Element, analysis: Analysis, event: Event, names: dict[str, Entity],
           taken: set[str]) -> None:
    attrs: dict[str, str | None] = {"xml_id": event_xml_id(analysis, event, taken), "n": str(event.story_order)}
    if event.date:
        when = w3c(event.date.value)
        before, after = w3c(event.date.earliest), w3c(event.date.latest)
        if when:
            attrs["when"] = when
        if before and after and (before != after or not when):
            attrs["notBefore"], attrs["notAfter"] = before, after
    if event.time_inferred or not event.date:
        attrs["cert"] = "low"
    places = [p for p in event.places if p in names]
    if places:
        attrs["where"] = " ".join("#" + xml_id(p) for p in places)
    el = _el(parent, "event", type=event.trigger.lemma or None, **attrs)
    _el(el, "label", event.trigger.text)
    _el(el, "desc", sentence_text(analysis, event.sentence.start, event.sentence.end))
    if event.participants:
        note = _el(el, "note", type="participants")
        for participant in event.participants:
            entity = names.get(participant.entity) if participant.entity is not None else None
            words = phrase_words_of(analysis.text, participant)  # "les soldats": no entity, no ref
            shown = words if words is not None else entity.name if entity else \
                label(language_of(analysis), NARRATOR) if participant.entity == NARRATOR else (participant.entity or "")
            _el(note, "name", shown,
                ref="#" + xml_id(entity.id) if entity and entity.type in LISTED_TYPES else None,
                role=participant.role, n=participant.rank)


def taken_ids(analysis: Analysis) -> set[str]:
    """The ids of the entities, timexes, figures and quotes: an event's xml:id must not be one."""
    taken = {e.id for e in analysis.entities} | {t.id for t in analysis.timexes}
    taken |= {q.id for q in analysis.quantities} | {q.id for q in analysis.quotes}
    return taken


def event_xml_id(analysis: Analysis, event: Event, taken: set[str] | None = None) -> str:
    """The event's xml:id, prefixed when its id is already taken by an entity, timex, figure or quote.

    `taken` is `taken_ids(analysis)`, given when many events are named: it is read once, not per event."""
    if taken is None:
        taken = taken_ids(analysis)
    return xml_id(event.id) if event.id not in taken else "event-" + xml_id(event.id)


def sentence_text(analysis: Analysis, start: int, end: int) -> str:
    return " ".join(analysis.text[max(start, 0):max(end, 0)].split())
