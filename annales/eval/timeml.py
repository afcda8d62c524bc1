"""`annales eval timeml DIR`: score the time engine against ISO-TimeML gold files.

Each `*.tml` file is read into its plain text (the content of `<TEXT>` with every tag removed),
its publication date (`<DCT>`) and its gold TIMEX3 spans, with offsets into that plain text.
The text is analysed with `annales.analyze` and the system timexes are scored TempEval-3 style
(see `annales.eval.tempeval`), micro-averaged over all documents.
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


@dataclass
class TimemlDoc:
    id: str
    dct: str | None  # YYYY-MM-DD, or None when the file has no usable creation time
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Reading


def _local(element: Any) -> str | None:
    """Tag name without namespace; None for comments, processing instructions and entities."""
    if not isinstance(element.tag, str):
        return None
    return etree.QName(element).localname


def _flatten(text_element: Any) -> tuple[str, list[GoldTimex]]:
    """Plain text of `<TEXT>` and the TIMEX3 spans in it, at any depth of nesting."""
    chunks: list[str] = []
    length = 0
    timexes: list[GoldTimex] = []

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
        if name == "TIMEX3":
            span = "".join(chunks[first_chunk:])
            # A non-consuming TIMEX3 (empty, e.g. an implicit anchor) has no extent to match.
            if span:
                timexes.append(GoldTimex(start, length, span, element.get("type", ""),
                                         element.get("value", ""), element.get("mod")))

    visit(text_element)
    return "".join(chunks), sorted(timexes, key=lambda t: (t.start, t.end))


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
    text, timexes = _flatten(text_element)
    return TimemlDoc(id=path.stem, dct=_creation_time(root, text_element), text=text, timexes=timexes)


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

Analyzer = Callable[..., Any]  # (text, dct=..., id=...) -> an object with `.timexes`


@dataclass
class DocResult:
    doc: TimemlDoc
    system: list[Any]  # annales.model.Timex
    matching: tempeval.Matching
    counts: tempeval.Counts
    error: str | None = None  # the engine raised on this document
    seconds: float = 0.0

    @property
    def misplaced(self) -> list[Any]:
        """System timexes whose text is not the text at their offsets: an engine offset bug."""
        return [t for t in self.system if self.doc.text[t.start:t.end] != t.text]


def evaluate_document(doc: TimemlDoc, analyzer: Analyzer | None = None) -> DocResult:
    # Looked up at call time so that tests can monkeypatch `annales.eval.timeml.analyze`.
    analyzer = analyzer or analyze
    error = None
    began = time.perf_counter()
    try:
        system = sorted(analyzer(doc.text, dct=doc.dct, id=doc.id).timexes, key=lambda t: (t.start, t.end))
    except Exception as exc:  # one failing document must not hide the score of the others
        system, error = [], f"{type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - began
    matching = tempeval.match(doc.timexes, system)
    return DocResult(doc, system, matching, tempeval.count(doc.timexes, system, matching), error, seconds)


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


def main(directory: str, errors: bool = False, out: TextIO | None = None, which_half: str | None = None) -> int:
    """Evaluate every `*.tml` file of `directory` (or one half of them); 0 when every document could
    be analysed."""
    out = out or sys.stdout  # resolved at call time so that redirected stdout is honoured
    docs = read_directory(directory)
    if which_half is not None:
        docs = half(docs, which_half)
    began = time.perf_counter()
    results = evaluate(docs)
    seconds = time.perf_counter() - began
    out.write(format_report(results, seconds))
    if errors:
        out.write(format_errors(results))
    return 1 if any(r.error for r in results) else 0
