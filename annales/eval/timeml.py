"""`annales eval timeml DIR`: score the time engine against ISO-TimeML gold files.

Each `*.tml` file is read into its plain text (the content of `<TEXT>` with every tag removed),
its publication date (`<DCT>`) and its gold TIMEX3 spans, with offsets into that plain text.
The text is analysed with `annales.analyze` and the system timexes are scored TempEval-3 style
(see `annales.eval.tempeval`), micro-averaged over all documents.

The reader also keeps what `--events` scores (see `annales.eval.events`): the gold EVENTs with
their class and instance attributes, every TIMEX3 by its tid (the DCT and non-consuming ones
included, since TLINKs point at them), and the TLINKs.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from lxml import etree

from annales import analyze
from annales.errors import InputError
from annales.eval import events as event_scoring
from annales.eval import tempeval

CONTEXT_CHARS = 40
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True)
class GoldTime:
    """Any TIMEX3 of the file, as a TLINK may name it: the DCT and empty TIMEX3s too."""

    tid: str
    type: str
    value: str
    creation_time: bool = False  # functionInDocument="CREATION_TIME": the DCT
    start: int | None = None  # None when the timex has no words in <TEXT> (the DCT, an implicit anchor)
    end: int | None = None
    text: str = ""


@dataclass(frozen=True)
class GoldEvent:
    """An EVENT with words in <TEXT>. Its instances are the ids TLINKs use for it: the eiids of its
    MAKEINSTANCEs (TimeML 1.2), or the eiid written on the EVENT itself (ISO-TimeML as French
    TimeBank writes it), then those of empty EVENTs with the same eid. A TLINK naming the eid itself
    reaches it too (`TimemlDoc.instance_index`)."""

    start: int
    end: int
    text: str
    eid: str
    event_class: str
    instances: tuple[str, ...] = ()
    pos: str | None = None  # French TimeBank's part of speech (NOUN, VERB, ADJECTIVE…), when given
    # Instance attributes: those of the EVENT when written there, else those of its first instance.
    tense: str | None = None
    aspect: str | None = None
    polarity: str | None = None
    modality: str | None = None


@dataclass(frozen=True)
class GoldTlink:
    """A TLINK as written: its source is an event instance or a timex, and so is its target."""

    lid: str
    rel_type: str
    event_instance: str | None = None
    time: str | None = None
    related_event_instance: str | None = None
    related_time: str | None = None


@dataclass
class TimemlDoc:
    id: str
    dct: str | None  # YYYY-MM-DD, or None when the file has no usable creation time
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)
    times: dict[str, GoldTime] = field(default_factory=dict)  # every TIMEX3 by tid
    tlinks: list[GoldTlink] = field(default_factory=list)

    def instance_index(self) -> dict[str, int]:
        """Event index in `events` by the ids TLINKs name events with: eiids first, then eids (some
        ISO-TimeML files link events by eid)."""
        index: dict[str, int] = {}
        for i, event in enumerate(self.events):
            for name in event.instances:
                index.setdefault(name, i)
        for i, event in enumerate(self.events):
            index.setdefault(event.eid, i)
        return index


# ---------------------------------------------------------------------------------------------
# Reading


def _local(element: Any) -> str | None:
    """Tag name without namespace; None for comments, processing instructions and entities."""
    if not isinstance(element.tag, str):
        return None
    return etree.QName(element).localname


@dataclass
class _Flat:
    text: str
    timexes: list[GoldTimex]
    events: list[tuple[int, int, str, Any]]  # start, end, words, the EVENT element
    times: dict[str, GoldTime]
    empty_events: list[Any]  # EVENT elements without words


def _flatten(text_element: Any) -> _Flat:
    """Plain text of `<TEXT>` and the TIMEX3 and EVENT spans in it, at any depth of nesting."""
    chunks: list[str] = []
    length = 0
    timexes: list[GoldTimex] = []
    events: list[tuple[int, int, str, Any]] = []
    empty_events: list[Any] = []
    times: dict[str, GoldTime] = {}

    def emit(piece: str | None) -> None:
        nonlocal length
        if piece:
            chunks.append(piece)
            length += len(piece)

    def visit(element: Any) -> None:
        name = _local(element)
        start, first_chunk = length, len(chunks)
        if name is not None:  # a comment's .text is not document text
            emit(element.text)
        for child in element:
            visit(child)
            emit(child.tail)
        if name not in ("TIMEX3", "EVENT"):
            return
        span = "".join(chunks[first_chunk:])
        if name == "EVENT":
            if span:
                events.append((start, length, span, element))
            else:  # no extent to match; may be one more instance of an event written elsewhere
                empty_events.append(element)
            return
        # A non-consuming TIMEX3 (empty, e.g. an implicit anchor) has no extent to match.
        if span:
            timexes.append(GoldTimex(start, length, span, element.get("type", ""),
                                     element.get("value", ""), element.get("mod")))
        tid = element.get("tid")
        if tid and tid not in times:
            times[tid] = _gold_time(element, (start, length, span) if span else None)

    visit(text_element)
    return _Flat("".join(chunks), sorted(timexes, key=lambda t: (t.start, t.end)),
                 sorted(events, key=lambda e: (e[0], e[1])), times, empty_events)


def _gold_time(element: Any, extent: tuple[int, int, str] | None) -> GoldTime:
    start, end, text = extent if extent else (None, None, "")
    return GoldTime(element.get("tid", ""), element.get("type", ""), element.get("value", ""),
                    element.get("functionInDocument") == "CREATION_TIME", start, end, text)


INSTANCE_ATTRIBUTES = ("tense", "aspect", "polarity", "modality")


def _gold_events(root: Any, found: list[tuple[int, int, str, Any]], empty: list[Any]) -> list[GoldEvent]:
    instances: dict[str, list[Any]] = {}
    for element in root.iter():
        if _local(element) == "MAKEINSTANCE" and element.get("eventID") and element.get("eiid"):
            instances.setdefault(element.get("eventID"), []).append(element)
    # French TimeBank writes a further instance of an event as an empty EVENT with the same eid.
    further: dict[str, list[str]] = {}
    for element in empty:
        if element.get("eid") and element.get("eiid"):
            further.setdefault(element.get("eid"), []).append(element.get("eiid"))
    events = []
    for start, end, text, element in found:
        eid = element.get("eid", "")
        made = instances.get(eid, [])
        ids = tuple(m.get("eiid") for m in made) or ((element.get("eiid"),) if element.get("eiid") else ())
        ids += tuple(i for i in further.get(eid, []) if i not in ids)
        attributes = {}
        for name in INSTANCE_ATTRIBUTES:
            value = element.get(name)
            if value is None and made:
                value = made[0].get(name)
            attributes[name] = value
        events.append(GoldEvent(start, end, text, eid, element.get("class", ""), ids, element.get("pos"),
                                **attributes))
    return events


def _tlinks(root: Any) -> list[GoldTlink]:
    links = []
    for element in root.iter():
        if _local(element) != "TLINK":
            continue
        links.append(GoldTlink(
            element.get("lid", ""), element.get("relType", ""),
            # ISO-TimeML files that link events without MAKEINSTANCE name them by eid.
            event_instance=element.get("eventInstanceID") or element.get("eventID"),
            time=element.get("timeID"),
            related_event_instance=element.get("relatedToEventInstance") or element.get("relatedToEvent"),
            related_time=element.get("relatedToTime")))
    return links


def _times_outside(root: Any, text_element: Any, times: dict[str, GoldTime]) -> dict[str, GoldTime]:
    """`times` with the TIMEX3s outside <TEXT> (the DCT, a title's date) added."""
    inside_text = set(text_element.iter())
    in_dct = {t for dct in root.iter() if _local(dct) == "DCT" for t in dct.iter()}
    out = dict(times)
    for element in root.iter():
        if _local(element) == "TIMEX3" and element not in inside_text and element.get("tid"):
            found = _gold_time(element, None)
            if element in in_dct and not found.creation_time:  # a <DCT> wrapper says it without the attribute
                found = GoldTime(found.tid, found.type, found.value, True)
            out.setdefault(found.tid, found)
    return out


def _creation_time(root: Any, text_element: Any) -> str | None:
    candidates = [t for dct in root.iter() if _local(dct) == "DCT"
                  for t in dct.iter() if _local(t) == "TIMEX3"]
    if not candidates:  # some corpora mark the DCT only by its function
        inside_text = set(text_element.iter())
        candidates = [t for t in root.iter() if _local(t) == "TIMEX3" and t not in inside_text
                      and t.get("functionInDocument") == "CREATION_TIME"]
    for timex in candidates:
        found = _ISO_DATE.match(timex.get("value", ""))
        if found:
            return found.group(0)
    return None


def read_timeml(path: str | Path) -> TimemlDoc:
    """Read one ISO-TimeML file; raise `InputError` when it is not usable."""
    path = Path(path)
    # No entity expansion or network access: gold files are data, not trusted XML programs.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    try:
        root = etree.fromstring(path.read_bytes(), parser)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: not well-formed XML ({exc})") from exc
    text_element = next((e for e in root.iter() if _local(e) == "TEXT"), None)
    if text_element is None:
        raise InputError(f"{path}: no <TEXT> element; is this an ISO-TimeML file?")
    flat = _flatten(text_element)
    return TimemlDoc(id=path.stem, dct=_creation_time(root, text_element), text=flat.text, timexes=flat.timexes,
                     events=_gold_events(root, flat.events, flat.empty_events),
                     times=_times_outside(root, text_element, flat.times), tlinks=_tlinks(root))


def read_directory(directory: str | Path) -> list[TimemlDoc]:
    folder = Path(directory)
    if not folder.is_dir():
        raise InputError(f"{directory}: no such directory")
    paths = sorted(folder.glob("*.tml"))
    if not paths:
        raise InputError(f"{directory}: no .tml files in this directory")
    return [read_timeml(p) for p in paths]


# ---------------------------------------------------------------------------------------------
# Evaluating

Analyzer = Callable[..., Any]  # (text, dct=..., id=...) -> an object with `.timexes` (and `.events`)


@dataclass
class DocResult:
    doc: TimemlDoc
    system: list[Any]  # annales.model.Timex
    matching: tempeval.Matching
    counts: tempeval.Counts
    error: str | None = None  # the engine raised on this document
    seconds: float = 0.0
    events: list[Any] = field(default_factory=list)  # annales.model.Event, from the same analysis

    @property
    def misplaced(self) -> list[Any]:
        """System timexes whose text is not the text at their offsets: an engine offset bug."""
        return [t for t in self.system if self.doc.text[t.start:t.end] != t.text]


def evaluate_document(doc: TimemlDoc, analyzer: Analyzer | None = None) -> DocResult:
    # Looked up at call time so that tests can monkeypatch `annales.eval.timeml.analyze`.
    analyzer = analyzer or analyze
    error = None
    began = time.perf_counter()
    events: list[Any] = []
    try:
        analysis = analyzer(doc.text, dct=doc.dct, id=doc.id)
        system = sorted(analysis.timexes, key=lambda t: (t.start, t.end))
        events = list(getattr(analysis, "events", None) or [])
    except Exception as exc:  # one failing document must not hide the score of the others
        system, error = [], f"{type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - began
    matching = tempeval.match(doc.timexes, system)
    return DocResult(doc, system, matching, tempeval.count(doc.timexes, system, matching), error, seconds,
                     events)


def evaluate(docs: Sequence[TimemlDoc], analyzer: Analyzer | None = None) -> list[DocResult]:
    return [evaluate_document(doc, analyzer) for doc in docs]


# ---------------------------------------------------------------------------------------------
# Reporting


def _types_in_order(names: Sequence[str]) -> list[str]:
    extra = sorted(n for n in names if n not in tempeval.TIMEX_TYPES)
    return list(tempeval.TIMEX_TYPES) + extra


def _timing(results: Sequence[DocResult], seconds: float) -> str:
    # The first document pays for loading the language model; say so, or the total misleads.
    if len(results) < 2:
        return f"{seconds:.1f} s"
    rest = sum(r.seconds for r in results[1:])
    return (f"{seconds:.1f} s: {results[0].seconds:.1f} s for the first document (model loading), "
            f"{rest:.1f} s for the other {len(results) - 1}")


def format_report(results: Sequence[DocResult], seconds: float) -> str:
    counts = tempeval.total(r.counts for r in results)
    scores = tempeval.score(counts)
    lines = [
        f"TempEval-3 evaluation: {len(results)} documents, {counts.gold} gold timexes, "
        f"{counts.system} system timexes",
        f"time: {_timing(results, seconds)}",
        "",
        f"{'':<10}{'P':>8}{'R':>8}{'F1':>8}{'accuracy':>10}",
    ]
    rows = [("strict", scores.strict, None), ("relaxed", scores.relaxed, None),
            ("type", scores.type, scores.type_accuracy), ("value", scores.value, scores.value_accuracy)]
    for name, prf, accuracy in rows:
        tail = f"{accuracy:>10.3f}" if accuracy is not None else ""
        lines.append(f"{name:<10}{prf.precision:>8.3f}{prf.recall:>8.3f}{prf.f1:>8.3f}{tail}")
    lines += ["", "(accuracy is over relaxed matches; attribute F1 = relaxed F1 x accuracy)", "",
              f"{'gold type':<10}{'gold':>6}{'recall':>8}{'value acc':>11}{'system':>8}"]
    for name in _types_in_order(list(counts.by_type)):
        tally = counts.by_type.get(name, tempeval.TypeCounts())
        lines.append(f"{name:<10}{tally.gold:>6}{tempeval.ratio(tally.relaxed, tally.gold):>8.3f}"
                     f"{tempeval.ratio(tally.value_ok, tally.relaxed):>11.3f}{tally.system:>8}")
    failed = [r for r in results if r.error]
    if failed:
        lines += ["", f"the engine failed on {len(failed)} document(s), scored as finding nothing:"]
        lines += [f"  {r.doc.id}: {r.error}" for r in failed]
    misplaced = sum(len(r.misplaced) for r in results)
    if misplaced:
        lines += ["", f"warning: {misplaced} system timex(es) whose text is not the text at their offsets"]
    return "\n".join(lines) + "\n"


def _context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - CONTEXT_CHARS):start]
    right = text[end:end + CONTEXT_CHARS]
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


def _describe(span: Any) -> str:
    mod = f" mod={span.mod}" if getattr(span, "mod", None) else ""
    return f"{span.type} {span.value}{mod} {span.text!r}"


def format_errors(results: Sequence[DocResult]) -> str:
    """One line per miss, false positive and wrong attribute, with the words around it."""
    misses, false_positives, wrong = [], [], []
    for result in results:
        doc, system = result.doc, result.system
        matched_gold = {gi for gi, _ in result.matching.relaxed}
        matched_system = {si for _, si in result.matching.relaxed}
        for gi, gold in enumerate(doc.timexes):
            if gi not in matched_gold:
                misses.append(f"MISS   {doc.id}  {_describe(gold)}  | "
                              f"{_context(doc.text, gold.start, gold.end)}")
        for si, found in enumerate(system):
            if si not in matched_system:
                false_positives.append(f"FALSE  {doc.id}  {_describe(found)}  | "
                                       f"{_context(doc.text, found.start, found.end)}")
        for gi, si in result.matching.relaxed:
            gold, found = doc.timexes[gi], system[si]
            differs = [name for name, same in (("type", tempeval.same_type(gold, found)),
                                               ("value", tempeval.same_value(gold, found))) if not same]
            if differs:
                wrong.append(f"WRONG  {doc.id}  {'+'.join(differs)}: gold {_describe(gold)} / "
                             f"system {_describe(found)}  | {_context(doc.text, gold.start, gold.end)}")
    sections = [(f"misses ({len(misses)})", misses), (f"false positives ({len(false_positives)})",
                false_positives), (f"wrong type or value ({len(wrong)})", wrong)]
    lines: list[str] = []
    for title, entries in sections:
        lines += ["", title] + entries
    return "\n".join(lines) + "\n"


def half(docs: list[TimemlDoc], which: str) -> list[TimemlDoc]:
    """The first ("a") or second ("b") half of the documents in file-name order: one half to read
    errors from, the other to see how far what was learnt carries (an estimate of the held-out gap)."""
    ordered = sorted(docs, key=lambda d: d.id)
    middle = (len(ordered) + 1) // 2
    return ordered[:middle] if which == "a" else ordered[middle:]


def main(directory: str, errors: bool = False, out: TextIO | None = None, which_half: str | None = None,
         events: bool = False) -> int:
    """Evaluate every `*.tml` file of `directory` (or one half of them); 0 when every document could
    be analysed. `events` adds the event extents and their placement in time (`annales.eval.events`)."""
    out = out or sys.stdout  # resolved at call time so that redirected stdout is honoured
    docs = read_directory(directory)
    if which_half is not None:
        docs = half(docs, which_half)
    began = time.perf_counter()
    results = evaluate(docs)
    seconds = time.perf_counter() - began
    out.write(format_report(results, seconds))
    scored = [event_scoring.evaluate(r.doc, r.events) for r in results] if events else []
    if events:
        out.write(event_scoring.format_report(scored))
    if errors:
        out.write(format_errors(results))
        if events:
            out.write(event_scoring.format_errors(scored))
    return 1 if any(r.error for r in results) else 0
