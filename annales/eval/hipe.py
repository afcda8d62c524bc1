"""`annales eval hipe FILE.tsv`: score named entities against a HIPE gold file.

Reads the HIPE TSV format (HIPE-2020 v1.4 and HIPE-2022 v2.x): a header line of column names
(`TOKEN NE-COARSE-LIT NE-COARSE-METO NE-FINE-LIT ... MISC`), comment lines `# key = value`, one
token per line with IOB tags. A `document_id` comment (`# document_id = …` or
`# hipe2022:document_id = …`) starts a document; its `date` comment is the publication date.

Each document's text is rebuilt from its tokens: a token is followed by one space, by nothing
when its MISC column says `NoSpaceAfter`, and an `EndOfLine` is a space too (`line_breaks=
"space"`, the default: newspaper line ends are layout, not text, and a newline inside
"M.\\nLambert" breaks spaCy's entities; `line_breaks="newline"` keeps them). NewsEye's files mark
many line ends `NoSpaceAfter` between two words ("la" + "Russie" read "laRussie"); with
`split_glued=True` (what `annales eval hipe` uses) a `NoSpaceAfter` between a token ending in a
letter or digit and one starting with one is a space (the gold's own tokens say a word ends there,
and no French word is written as two tokens glued letter to letter), and so is one between a
closing punctuation mark and a word ("heures." + "M. X": French sets a space there). Every token keeps
its character offsets in that text, so system entities (character spans) are brought back to
tokens: a token belongs to an entity when it overlaps one of its mentions, the first with `B-`.

Gold entities are the spans of the coarse literal column (NE-COARSE-LIT). Types are compared in
lower case, NewsEye's `PER` and `HumanProd` read as HIPE's `pers` and `prod`. Our entity types become HIPE coarse
types by `ENTITY_TYPES`; our DATE timexes become `time` entities by the `dates` option.
Scoring (strict and fuzzy, micro P/R/F1 per type and overall) is in `annales.eval.hipe_score`.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, TextIO

from annales.common.resources import load_rows
from annales.errors import InputError
from annales.eval import hipe_score
from annales.eval.hipe_score import CharSpan, Counts, TokenSpan

REQUIRED_COLUMNS = ("TOKEN", "NE-COARSE-LIT", "MISC")
HIPE_2020_COLUMNS = ("TOKEN", "NE-COARSE-LIT", "NE-COARSE-METO", "NE-FINE-LIT", "NE-FINE-METO",
                     "NE-FINE-COMP", "NE-NESTED", "NEL-LIT", "NEL-METO", "MISC")
HIPE_TYPES = ("pers", "loc", "org", "prod", "time")

# Our entity types -> HIPE coarse types; None drops the entity.
# - unit (a regiment, a fleet) is an organisation for HIPE (org.ent);
# - work (a book, a newspaper, a treaty's text) is a human production (prod: media, doctrine);
# - ship: HIPE-2020 `prod` covers media and doctrines only, and NewsEye HumanProd is rare; a
#   ship name is annotated in neither, so counting ours would only add false positives;
# - event-name ("la bataille de la Marne") has no coarse HIPE type;
# - group (a people: "les Helvètes", "les Suisses"): HIPE-2020 leaves demonyms and peoples
#   unannotated (its `pers.coll` is a named collective such as a band or a family).
ENTITY_TYPES: dict[str, str | None] = {
    "person": "pers", "place": "loc", "organization": "org", "unit": "org",
    "work": "prod", "ship": None, "event-name": None, "group": None,
}
# Labels of spaCy pipelines -> HIPE coarse types (MISC is too broad to be `prod`).
SPACY_TYPES: dict[str, str | None] = {
    "PER": "pers", "PERS": "pers", "LOC": "loc", "ORG": "org", "MISC": None,
    "HUMANPROD": "prod", "PROD": "prod", "TIME": "time",
}

LineBreaks = Literal["space", "newline"]
# "all": every DATE timex is a `time` entity; "absolute": only those not resolved against
# another date (HIPE `time` entities are written-out dates, "le 3 août 1888", never "hier");
# "none": no `time` entities; "auto": "absolute" when the gold file has `time` entities
# (HIPE-2020), "none" otherwise (NewsEye has no such type).
Dates = Literal["auto", "all", "absolute", "none"]

# NewsEye (HIPE-2022) spells the coarse types PER, LOC, ORG, HumanProd.
_TYPE_ALIASES = {"per": "pers", "humanprod": "prod"}
_CLOSING = frozenset(".!?;:,)»")  # after which French puts a space before a word
_DOC_ID = re.compile(r"^#\s*(?:[\w-]+:)?document_id\s*=\s*(.*?)\s*$")
_DATE = re.compile(r"^#\s*(?:[\w-]+:)?date\s*=\s*(\d{4}-\d{2}-\d{2})")


@dataclass
class HipeToken:
    text: str
    start: int  # character offsets in the document text
    end: int
    fields: list[str]  # every column of the line, as read
    before: list[str] = field(default_factory=list)  # comment or blank lines just before it

    @property
    def misc(self) -> set[str]:
        return set(self.fields[-1].split("|"))


@dataclass
class HipeDoc:
    id: str
    date: str | None  # YYYY-MM-DD, None when absent or "NA"
    text: str
    tokens: list[HipeToken]
    gold: list[TokenSpan]
    preamble: list[str] = field(default_factory=list)  # lines before the first token

    @property
    def offsets(self) -> list[tuple[int, int]]:
        return [(t.start, t.end) for t in self.tokens]


@dataclass
class HipeFile:
    path: str
    columns: list[str]
    docs: list[HipeDoc]
    trailing: list[str] = field(default_factory=list)  # lines after the last token

    @property
    def gold_types(self) -> set[str]:
        return {s.type for d in self.docs for s in d.gold}


# ---------------------------------------------------------------------------------------------
# Reading


def normalise_type(name: str) -> str:
    lowered = name.lower()
    return _TYPE_ALIASES.get(lowered, lowered)


def _is_comment(line: str, width: int) -> bool:
    # "#" is also a token ("#\tO\tO…"): a comment is a "#" line without the columns of a token.
    return line.startswith("#") and len(line.split("\t")) < width


def _build_doc(doc_id: str, preamble: list[str], rows: list[tuple[list[str], list[str]]],
               coarse: int, line_breaks: LineBreaks, split_glued: bool = False) -> HipeDoc:
    chunks: list[str] = []
    length = 0
    tokens: list[HipeToken] = []
    for i, (fields, before) in enumerate(rows):
        text = fields[0]
        tokens.append(HipeToken(text, length, length + len(text), fields, before))
        chunks.append(text)
        length += len(text)
        misc = set(fields[-1].split("|"))
        glued = split_glued and i + 1 < len(rows) and _glued_words(text, rows[i + 1][0][0])
        if "NoSpaceAfter" not in misc or glued:
            separator = "\n" if line_breaks == "newline" and "EndOfLine" in misc else " "
            chunks.append(separator)
            length += 1
    date = None
    for line in preamble:
        found = _DATE.match(line)
        if found:
            date = found.group(1)
    tags = [_tag(fields[coarse]) for fields, _ in rows]
    return HipeDoc(doc_id, date, "".join(chunks).rstrip(" \n"), tokens,
                   hipe_score.spans_from_iob(tags), preamble)


def _glued_words(left: str, right: str) -> bool:
    """Two words, or a word after a closing punctuation mark ("heures." + "M."), glued at a line end."""
    return bool(left) and bool(right) and (left[-1].isalnum() and right[0].isalnum()
                                           or left[-1] in _CLOSING and right[0].isalpha())


def _tag(value: str) -> str:
    prefix, _, name = value.partition("-")
    return f"{prefix}-{normalise_type(name)}" if prefix in ("B", "I") and name else "O"


def parse_hipe(content: str, path: str = "<string>", line_breaks: LineBreaks = "space",
               split_glued: bool = False) -> HipeFile:
    """Read the text of a HIPE TSV file; raise `InputError` when it is not one."""
    lines = content.splitlines()
    if not lines or not lines[0].startswith("TOKEN"):
        raise InputError(f"{path}: no HIPE header line (TOKEN\tNE-COARSE-LIT\t…); is this a HIPE TSV file?")
    columns = lines[0].split("\t")
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise InputError(f"{path}: the header has no {', '.join(missing)} column")
    width, coarse = len(columns), columns.index("NE-COARSE-LIT")
    docs: list[HipeDoc] = []
    doc_id: str | None = None
    preamble: list[str] = []
    rows: list[tuple[list[str], list[str]]] = []
    pending: list[str] = []

    def close() -> None:
        if rows:
            docs.append(_build_doc(doc_id or f"doc{len(docs) + 1}", preamble, rows, coarse, line_breaks,
                                   split_glued))

    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or _is_comment(line, width):
            found = _DOC_ID.match(line)
            if found and rows:  # a new document: the comments since the last token are its own
                close()
                preamble, rows, doc_id = [], [], None
            if found:
                doc_id = found.group(1)
            pending.append(line)
            continue
        fields = line.split("\t")
        if len(fields) != width:
            raise InputError(f"{path}:{number}: {len(fields)} columns where the header has {width}")
        if not rows:
            preamble, pending = pending, []
        rows.append((fields, pending))
        pending = []
    close()
    if not docs:
        raise InputError(f"{path}: no token lines")
    return HipeFile(path, columns, docs, trailing=pending)


def read_hipe(path: str | Path, line_breaks: LineBreaks = "space", split_glued: bool = False) -> HipeFile:
    """`split_glued` is off by default so that scripts/train_ner.py reads the text its shipped
    model was trained on (see `_build_doc`)."""
    try:
        content = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 ({exc.reason})") from exc
    return parse_hipe(content, str(path), line_breaks, split_glued)


# ---------------------------------------------------------------------------------------------
# Writing predictions


def format_predictions(hipe: HipeFile, predictions: Sequence[Sequence[TokenSpan]]) -> str:
    """The gold file with our entities in NE-COARSE-LIT, as the HIPE scorer reads a run.

    Header, comment and blank lines are copied, one line per token; TOKEN and MISC are copied,
    the other NE-* columns are `O` and the NEL-* columns `_` (not predicted).
    """
    columns = hipe.columns
    coarse = columns.index("NE-COARSE-LIT")
    out = ["\t".join(columns)]
    for doc, spans in zip(hipe.docs, predictions, strict=True):
        tags = hipe_score.iob_from_spans(spans, len(doc.tokens))
        out += doc.preamble
        for token, tag in zip(doc.tokens, tags, strict=True):
            out += token.before
            fields = []
            for i, name in enumerate(columns):
                if name in ("TOKEN", "MISC"):
                    fields.append(token.fields[i])
                elif i == coarse:
                    fields.append(tag)
                else:
                    fields.append("O" if name.startswith("NE-") else "_")
            out.append("\t".join(fields))
    out += hipe.trailing
    return "\n".join(out) + "\n"


def write_predictions(path: str | Path, hipe: HipeFile, predictions: Sequence[Sequence[TokenSpan]]) -> None:
    try:
        Path(path).write_text(format_predictions(hipe, predictions), encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from exc


# ---------------------------------------------------------------------------------------------
# System entities


def annales_spans(analysis: Any, types: dict[str, str | None] | None = None,
                  dates: Dates = "none", language: str = "fr") -> list[CharSpan]:
    """Character spans, in HIPE types, of an `annales.model.Analysis`.

    HIPE draws some spans wider than annales does, and the spans are widened to its convention: a
    person's title or rank belongs to the person ("M. Lambert", "général Moreau", without the
    article), and a date's preposition to the date ("en 1847"). annales keeps the rank apart
    (`Mention.rank`) and leaves prepositions outside its TIMEX3, as TimeML does.
    """
    types = ENTITY_TYPES if types is None else types
    text = analysis.text
    spans = []
    for entity in analysis.entities:
        kind = types.get(entity.type)
        if kind:
            for m in entity.mentions:
                start, end = m.start, m.end
                if kind == "loc":
                    start = _with_place_noun(text, start, language)
                if kind == "org":
                    start = _with_org_noun(text, start, language)
                if kind == "pers":
                    start = _with_title(text, m, language)
                    if m.role is not None:  # HIPE counts an apposition into the person
                        if m.role.end <= m.start:  # an office before the name: "M. le ministre X"
                            start = min(start, _with_stacked_titles(text, m.role.start, language))
                        start, end = min(start, m.role.start), max(end, m.role.end)
                    if getattr(m, "descriptor", None) is not None:  # and the words describing them before
                        start = min(start, m.descriptor.start)
                spans.append(CharSpan(start, end, kind))
    if dates in ("all", "absolute"):
        times = sorted((CharSpan(_with_preposition(text, t.start, language), t.end, "time") for t in analysis.timexes
                        if t.type == "DATE" and (dates == "all" or t.anchor is None and t.resolved)),
                       key=lambda s: s.start)
        spans += _joined_ranges(text, times)
    return spans


def _joined_ranges(text: str, times: list[CharSpan]) -> list[CharSpan]:
    """HIPE makes one entity of two dates joined by a dash: "1914-1918"."""
    joined: list[CharSpan] = []
    for span in times:
        if joined and text[joined[-1].end:span.start] in ("-", "–", "—"):
            joined[-1] = CharSpan(joined[-1].start, span.end, "time")
        else:
            joined.append(span)
    return joined


@cache
def _words(language: str, name: str) -> tuple[str, ...]:
    return tuple(sorted((r[0] for r in load_rows(language, "eval", name)), key=len, reverse=True))


def _with_title(text: str, mention: Any, language: str) -> int:
    start = mention.start
    for prefix in (getattr(mention, "rank", None), getattr(mention, "title", None)):
        before = text[:start].rstrip().rstrip(",;").rstrip()  # OCR: "M, Kellogg"
        if prefix and before.endswith(prefix):
            start = len(before) - len(prefix)
    if start == mention.start:
        return start
    # A rank joined by a hyphen to another: "capitaine-lieutenant X".
    joined = re.search(r"(?<![\w-])[^\W\d_]+-$", text[max(0, start - 30):start])
    if joined:
        start -= len(joined.group())
    return _with_stacked_titles(text, start, language)


def _with_stacked_titles(text: str, start: int, language: str) -> int:
    # Titles written one before the other belong to the person too: "M. le Dr Fritz Keller".
    stacked = _stacked_title(language)
    while (m := stacked.search(text, max(0, start - 40), start)) is not None:
        start = m.start()
    for article in _words(language, "hipe_articles.tsv"):
        if text[start:start + len(article)].lower() == article and text[start + len(article):][:1] in (" ", "") \
                or article.endswith(("'", "’")) and text[start:start + len(article)].lower() == article:
            start += len(article)
            while text[start:start + 1].isspace():
                start += 1
            break
    return start


@cache
def _stacked_title(language: str) -> re.Pattern[str]:
    """A title or rank, and maybe an article, right before a position (used with `endpos`)."""
    from annales.common.resources import alternation
    from annales.entities.lexicon import name_lexicon

    articles = alternation(list(_words(language, "hipe_articles.tsv")), fold_case=True)
    return re.compile(rf"(?<![\w.])(?i:{name_lexicon(language).rank_pattern})[ \t]+(?:(?i:{articles})[ \t]*)?$")


def _with_place_noun(text: str, start: int, language: str) -> int:
    """HIPE puts the place noun inside the place: "canton de Vaud", "rue de Rivoli"."""
    from annales.entities.lexicon import name_lexicon

    cue = re.search(rf"(?i:{name_lexicon(language).place_cue_pattern})\s+(?:de\s+la\s+|de\s+|du\s+|d['’]\s*)?$",
                    text[max(0, start - 40):start])
    if cue is None or (cue.start() > 0 and text[max(0, start - 40):start][cue.start() - 1].isalnum()):
        return start
    return start - (len(text[max(0, start - 40):start]) - cue.start())


def _with_org_noun(text: str, start: int, language: str) -> int:
    """HIPE puts the noun of an organisation inside it: "agence Havas", "comité Nobel"."""
    cue = re.search(rf"(?<![\w-])(?:{_org_nouns(language)})[ \t]+$", text[max(0, start - 30):start])
    return start - len(cue.group()) if cue else start


@cache
def _org_nouns(language: str) -> str:
    from annales.common.resources import alternation

    return alternation([r[0] for r in load_rows(language, "entities", "org_cues.tsv") if r[1] in ("cue", "both")])


def _with_preposition(text: str, start: int, language: str) -> int:
    before = text[:start]
    for word in _words(language, "hipe_time_prepositions.tsv"):
        gap = "" if word.endswith(("'", "’")) else " "
        if before.lower().endswith(word + gap) and (len(before) == len(word) + len(gap)
                                                    or not before[-len(word) - len(gap) - 1].isalnum()):
            return start - len(word) - len(gap)
    return start


def spacy_spans(doc: Any, labels: dict[str, str | None] | None = None) -> list[CharSpan]:
    """Character spans, in HIPE types, of the entities of a spaCy `Doc`."""
    labels = SPACY_TYPES if labels is None else labels
    spans = []
    for ent in doc.ents:
        kind = labels.get(ent.label_.upper(), normalise_type(ent.label_) if ent.label_.lower()
                          in HIPE_TYPES else None)
        if kind:
            spans.append(CharSpan(ent.start_char, ent.end_char, kind))
    return spans


SpanFinder = Callable[[HipeDoc], list[CharSpan]]


def annales_finder(dates: Dates = "none", analyzer: Callable[..., Any] | None = None) -> SpanFinder:
    def find(doc: HipeDoc) -> list[CharSpan]:
        from annales import analyze  # looked up at call time so that tests can monkeypatch it

        run = analyzer or analyze
        return annales_spans(run(doc.text, dct=doc.date, id=doc.id), dates=dates)
    return find


def load_spacy_ner(model: str | Path | None = None) -> Any:
    """fr_core_news_md, or a pipeline saved without vectors that reuses md's vocabulary."""
    from annales.context import load_model

    base = load_model()
    if model is None:
        return base
    import spacy

    return spacy.load(model, vocab=base.vocab)


def spacy_finder(model: str | Path | None = None) -> SpanFinder:
    nlp = load_spacy_ner(model)
    keep = {"ner"} if model is None else set(nlp.pipe_names)  # md's ner has its own tok2vec
    disabled = [name for name in nlp.pipe_names if name not in keep]

    def find(doc: HipeDoc) -> list[CharSpan]:
        return spacy_spans(nlp(doc.text, disable=disabled))
    return find


# ---------------------------------------------------------------------------------------------
# Evaluating


@dataclass
class DocResult:
    doc: HipeDoc
    system: list[TokenSpan]
    counts: Counts
    error: str | None = None
    seconds: float = 0.0


def evaluate_document(doc: HipeDoc, finder: SpanFinder) -> DocResult:
    error = None
    began = time.perf_counter()
    try:
        chars = finder(doc)
    except Exception as exc:  # one failing document must not hide the score of the others
        chars, error = [], f"{type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - began
    system = hipe_score.token_spans_from_chars(chars, doc.offsets)
    # Through IOB and back, as the official scorer sees them: overlapping spans are resolved.
    system = hipe_score.spans_from_iob(hipe_score.iob_from_spans(system, len(doc.tokens)))
    return DocResult(doc, system, hipe_score.count(doc.gold, system), error, seconds)


def evaluate(hipe: HipeFile, finder: SpanFinder) -> list[DocResult]:
    return [evaluate_document(doc, finder) for doc in hipe.docs]


# ---------------------------------------------------------------------------------------------
# Reporting


def _types_in_order(names: Sequence[str]) -> list[str]:
    return [t for t in HIPE_TYPES if t in names] + sorted(n for n in names if n not in HIPE_TYPES)


def format_report(results: Sequence[DocResult], seconds: float, source: str = "annales") -> str:
    counts = hipe_score.total(r.counts for r in results)
    overall = counts.overall
    n_tokens = sum(len(r.doc.tokens) for r in results)
    lines = [
        f"HIPE NER evaluation (coarse literal types): {len(results)} documents, {n_tokens} tokens, "
        f"{overall.gold} gold entities, {overall.system} system entities",
        f"system: {source}; time: {seconds:.1f} s",
        "",
        f"{'':<8}{'gold':>6}{'system':>8}  {'strict P':>8}{'R':>7}{'F1':>7}  {'fuzzy P':>8}{'R':>7}{'F1':>7}",
    ]
    rows = [(name, counts.by_type[name]) for name in _types_in_order(list(counts.by_type))]
    for name, tally in rows + [("ALL", overall)]:
        s, f = hipe_score.strict(tally), hipe_score.fuzzy(tally)
        lines.append(f"{name:<8}{tally.gold:>6}{tally.system:>8}  {s.precision:>8.3f}{s.recall:>7.3f}"
                     f"{s.f1:>7.3f}  {f.precision:>8.3f}{f.recall:>7.3f}{f.f1:>7.3f}")
    lines += ["", "(micro-averaged; strict: same tokens and type; fuzzy: overlapping tokens, same type)"]
    failed = [r for r in results if r.error]
    if failed:
        lines += ["", f"the system failed on {len(failed)} document(s), scored as finding nothing:"]
        lines += [f"  {r.doc.id}: {r.error}" for r in failed]
    return "\n".join(lines) + "\n"


def _describe(doc: HipeDoc, span: TokenSpan) -> str:
    return f"{span.type} {doc.text[doc.tokens[span.start].start:doc.tokens[span.end - 1].end]!r}"


def _context(doc: HipeDoc, span: TokenSpan, width: int = 40) -> str:
    start, end = doc.tokens[span.start].start, doc.tokens[span.end - 1].end
    left, right = doc.text[max(0, start - width):start], doc.text[end:end + width]
    return " ".join(f"{left}[{doc.text[start:end]}]{right}".split())


def format_errors(results: Sequence[DocResult]) -> str:
    """One line per miss, false positive, boundary error (fuzzy but not strict) and type error."""
    sections: dict[str, list[str]] = {"boundary": [], "type": [], "miss": [], "false": []}
    for result in results:
        doc, gold, system = result.doc, result.doc.gold, result.system
        strict = hipe_score.match_strict(gold, system)
        fuzzy = hipe_score.match_fuzzy(gold, system)
        strict_gold = {gi for gi, _ in strict}
        fuzzy_gold, fuzzy_system = {gi for gi, _ in fuzzy}, {si for _, si in fuzzy}
        for gi, si in fuzzy:
            if gi not in strict_gold:
                sections["boundary"].append(f"BOUNDARY {doc.id}  gold {_describe(doc, gold[gi])} / system "
                                            f"{_describe(doc, system[si])}  | {_context(doc, gold[gi])}")
        typed = set()
        for gi, g in enumerate(gold):
            if gi in fuzzy_gold:
                continue
            other = next((si for si, s in enumerate(system) if si not in fuzzy_system
                          and hipe_score.overlap(g, s)), None)
            if other is not None:
                typed.add(other)
                sections["type"].append(f"TYPE     {doc.id}  gold {_describe(doc, g)} / system "
                                        f"{_describe(doc, system[other])}  | {_context(doc, g)}")
            else:
                sections["miss"].append(f"MISS     {doc.id}  {_describe(doc, g)}  | {_context(doc, g)}")
        for si, s in enumerate(system):
            if si not in fuzzy_system and si not in typed:
                sections["false"].append(f"FALSE    {doc.id}  {_describe(doc, s)}  | {_context(doc, s)}")
    titles = {"boundary": "boundary errors (right type, overlapping, other tokens)",
              "type": "type errors (overlapping, other type)", "miss": "misses", "false": "false positives"}
    lines: list[str] = []
    for key, entries in sections.items():
        lines += ["", f"{titles[key]} ({len(entries)})"] + entries
    return "\n".join(lines) + "\n"


def scores(results: Sequence[DocResult]) -> dict[str, dict[str, float]]:
    """{type or "ALL": {"strict": F1, "fuzzy": F1}}, for scripts."""
    counts = hipe_score.total(r.counts for r in results)
    tallies = dict(counts.by_type, ALL=counts.overall)
    return {name: {"strict": hipe_score.strict(t).f1, "fuzzy": hipe_score.fuzzy(t).f1}
            for name, t in tallies.items()}


def half(hipe: HipeFile, which: str) -> HipeFile:
    """The first ("a") or second ("b") half of the documents in document-id order: one half to
    read errors from, the other to see how far what was learnt carries."""
    ordered = sorted(hipe.docs, key=lambda d: d.id)
    middle = (len(ordered) + 1) // 2
    return HipeFile(hipe.path, hipe.columns, ordered[:middle] if which == "a" else ordered[middle:],
                    hipe.trailing)


def main(path: str, predictions: str | None = None, out: TextIO | None = None, *,
         source: str = "annales", dates: Dates = "auto", line_breaks: LineBreaks = "space",
         errors: bool = False, which_half: str | None = None) -> int:
    """Score `path`; 0 when every document could be analysed.

    `source`: "annales" (the pipeline's entities), "spacy" (fr_core_news_md's own NER, the
    baseline) or the path of a saved spaCy NER pipeline (loaded with md's vocabulary).
    `predictions`: also write our entities as a HIPE TSV run to this path.
    `errors`: also list every boundary error, type error, miss and false positive.
    `which_half`: "a" or "b", only that half of the documents (see `half`).
    """
    out = out or sys.stdout  # resolved at call time so that redirected stdout is honoured
    hipe = read_hipe(path, line_breaks, split_glued=True)
    if which_half is not None:
        hipe = half(hipe, which_half)
    if source == "annales":
        if dates == "auto":
            dates = "absolute" if "time" in hipe.gold_types else "none"
        finder, label = annales_finder(dates), f"annales (dates as time: {dates})"
    elif source == "spacy":
        finder, label = spacy_finder(), "spaCy fr_core_news_md NER"
    else:
        if not Path(source).is_dir():
            raise InputError(f"{source}: not a saved spaCy pipeline directory")
        finder, label = spacy_finder(source), f"spaCy pipeline {source}"
    began = time.perf_counter()
    results = evaluate(hipe, finder)
    seconds = time.perf_counter() - began
    out.write(format_report(results, seconds, label))
    if errors:
        out.write(format_errors(results))
    if predictions:
        write_predictions(predictions, hipe, [r.system for r in results])
    return 1 if any(r.error for r in results) else 0
