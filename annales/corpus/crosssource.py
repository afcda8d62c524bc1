"""Sources checked against each other: findings of kind `cross-source` (issue 11, item 3).

Two documents disagree when they give, for the same thing, values that cannot both be true:

- `figures-differ`: different figures for one measured thing (the garrison of a place, the strength
  of a unit, the crew of a ship, a town's population), with the same counted noun, at overlapping
  dates. A figure's approximation, bound or range is its interval ("environ 4 800" holds 4 836);
  only disjoint intervals disagree. What a figure measures comes from the words around it
  (resources `corpus/figure_frames.tsv`) or from the quantity layer's `of_entity`.
- `dates-differ`: different dates for an event that happens once to its key entity: the birth or
  the death of a person, a landing at a place by the same troops (`corpus/once_events.tsv`, with
  how far apart two dates of one event may lie, and how far apart two dates are two events). Both
  must be factual happenings (not negated, not modal) dated by their own words, not by the
  narrative, and by the date written nearest their trigger. Battles, sieges and attacks are not
  compared: a date of a lasting event is any day of it, and a regiment attacks many times.
- `ranks-differ`: different ranks for one person on the same day (a mention's rank in a sentence
  dated to one day, or a participant's rank at an event dated to one day); a generic rank and its
  grades, or a rank and its form of address, agree (`corpus/rank_compatible.tsv`).

Entities are the same across documents when they share `entities.corpus_entity`, however the
groups are made. A document that contradicts itself about a thing is left out for that thing: its
own checks report it. Disagreeing documents are gathered by value, so one finding is written per
thing and pair of values, with every document on each side listed and the evidence of the first
few. `refresh_cross_source` rewrites every cross-source finding in one transaction: call it once
after documents are added or replaced, and after entities are merged or split.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import Any

from annales.common.resources import exists, load_rows
from annales.common.text import fold

SCOPE = KIND = "cross-source"
SEVERITY = "medium"
LAYER = "corpus"
EVIDENCE_PER_SIDE = 5  # documents shown with their passage on each side; the others are listed by id
STRENGTH_DAYS = 31  # a unit's strength (`of_entity`) changes with every fight: compared within a month
FRAME_WORDS_BEFORE = 8  # how far (in words) a frame word may stand before the figure ...
FRAME_WORDS_AFTER = 5  # ... or after it, its counted noun included
WINDOW_CHARS = 160  # characters read on each side of a figure when looking for its frame word (8 words fit)
ANCHOR_CHARS = 80  # how far the entity a figure is the size of may stand from its frame word
INHERIT_SENTENCES = 3  # an undated sentence takes the date of one at most this many sentences before
ABOUT = 0.1  # "environ 4 800": 4 320 to 5 280
VAGUE = 0.5  # approximate without a comparator ("une centaine"): half to one and a half
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_DAY = re.compile(r"^(-?\d{1,6})-(\d{2})-(\d{2})")
_INDEXES = ("CREATE INDEX IF NOT EXISTS events_by_lemma ON events (lemma)",
            "CREATE INDEX IF NOT EXISTS mentions_by_rank ON mentions (rank) WHERE rank IS NOT NULL")

Interval = tuple[int, int]  # first and last day, inclusive, as day numbers


@dataclass
class Claim:
    """What one passage of one document says about one thing."""

    key: tuple[Any, ...]  # the thing: (check, ...) with corpus entities, never a document's own ids
    doc: int
    value: Hashable  # what is compared
    shown: str  # the value as written or as a reader wants it
    when: Interval | None  # the date it holds at (None: the value is itself a date)
    sentence: tuple[int, int]  # (doc, n) of its passage
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Conflict:
    key: tuple[Any, ...]
    left: list[Claim]  # one claim per document, the documents agreeing on one value
    right: list[Claim]  # ... and on the other


# --- resources -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Frame:
    word: str
    how: str  # "frame" or "counted"
    measure: str
    types: frozenset[str]
    days: int


@dataclass(frozen=True)
class OnceEvent:
    kind: str
    role: str
    entity_type: str
    span: int
    window: int | None


@lru_cache(maxsize=65536)
def _singular(word: str) -> str:
    word = fold(word)
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


@cache
def _frames(language: str) -> dict[str, Frame]:
    if not exists(language, LAYER, "figure_frames.tsv"):
        return {}
    return {_singular(row[0]): Frame(_singular(row[0]), row[1], row[2], frozenset(t.strip() for t in row[3].split(",")),
                                     int(row[4])) for row in load_rows(language, LAYER, "figure_frames.tsv", 5)}


@cache
def _range_words(language: str) -> frozenset[str]:
    if not exists(language, LAYER, "range_words.tsv"):
        return frozenset()
    return frozenset(fold(row[0]) for row in load_rows(language, LAYER, "range_words.tsv"))


@cache
def _once_events(language: str) -> dict[tuple[str, str], OnceEvent]:
    if not exists(language, LAYER, "once_events.tsv"):
        return {}
    return {(row[0], role.strip()): OnceEvent(row[1], role.strip(), row[3], int(row[4]),
                                              None if row[5] == "-" else int(row[5]))
            for row in load_rows(language, LAYER, "once_events.tsv", 7) for role in row[2].split(",")}


@cache
def _rank_pairs(language: str) -> frozenset[tuple[str, str]]:
    if not exists(language, LAYER, "rank_compatible.tsv"):
        return frozenset()
    pairs = [(fold(rank), fold(other)) for rank, others in load_rows(language, LAYER, "rank_compatible.tsv", 2)
             for other in others.split(",")]
    return frozenset(pairs + [(b, a) for a, b in pairs])


# --- dates -----------------------------------------------------------------------------------------------


def day_number(value: str | None) -> int | None:
    """A day as a number that orders days and counts the days between them (exactly within years 1
    to 9999; before year 1, in order, with months of 31 days)."""
    match = _DAY.match(value or "")
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    if 1 <= year <= 9999:
        try:
            return date(year, month, day).toordinal()
        except ValueError:
            return None
    return (year - 2) * 400 + (month - 1) * 31 + day


def interval(earliest: str | None, latest: str | None) -> Interval | None:
    first, last = day_number(earliest), day_number(latest)
    return None if first is None or last is None or last < first else (first, last)


def _overlap(a: Interval | None, b: Interval | None) -> bool:
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


def _gap(a: Interval, b: Interval) -> int:
    """Days from the end of the earlier interval to the start of the later one (≤ 0: they overlap)."""
    return max(b[0] - a[1], a[0] - b[1])


def _iso(day: int) -> str:
    return date.fromordinal(day).isoformat() if 1 <= day <= date.max.toordinal() else str(day)


# --- the engine: claims → conflicts ----------------------------------------------------------------------

Agree = Callable[[tuple[Any, ...], Any, Any], bool]


def conflicts(claims: Iterable[Claim], agree: Agree) -> list[Conflict]:
    """Pairs of values for one thing that do not agree, each with the documents on both sides whose
    claims hold at overlapping dates. A document whose own claims about a thing disagree (at
    overlapping dates) is left out for that thing."""
    by_key: dict[tuple[Any, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_key[claim.key].append(claim)
    found: list[Conflict] = []
    for key in sorted(by_key, key=repr):
        by_doc: dict[int, list[Claim]] = defaultdict(list)
        for claim in by_key[key]:
            by_doc[claim.doc].append(claim)
        classes: dict[Hashable, list[Claim]] = {}
        for doc in sorted(by_doc):
            told = by_doc[doc]
            if any(not agree(key, a.value, b.value) and _overlap(a.when, b.when)
                   for i, a in enumerate(told) for b in told[i + 1:]):
                continue
            for claim in told:
                classes.setdefault(claim.value, []).append(claim)
        values = list(classes)
        for i, first in enumerate(values):
            for second in values[i + 1:]:
                if agree(key, first, second):
                    continue
                left, right = _facing(classes[first], classes[second])
                if left and right:
                    found.append(Conflict(key, left, right))
    return found


def _facing(side_a: list[Claim], side_b: list[Claim]) -> tuple[list[Claim], list[Claim]]:
    """The claims of each side (one per document) that hold at a date some claim of the other side
    holds at, the first facing pair first."""
    left: dict[int, Claim] = {}
    right: dict[int, Claim] = {}
    for a in side_a:
        for b in side_b:
            if a.doc != b.doc and _overlap(a.when, b.when):
                left.setdefault(a.doc, a)
                right.setdefault(b.doc, b)
    return list(left.values()), list(right.values())


# --- figures ---------------------------------------------------------------------------------------------


def _bounds(value: float, approx: bool, comparator: str | None) -> tuple[float, float]:
    if comparator == "more-than":
        return value, float("inf")
    if comparator == "less-than":
        return 0.0, value
    if comparator == "about":
        return value * (1 - ABOUT), value * (1 + ABOUT)
    if approx:
        return value * (1 - VAGUE), value * (1 + VAGUE)
    return value, value


def _figures_agree(_key: tuple[Any, ...], a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


@dataclass
class _Quantity:
    doc: int
    n: int
    start: int
    end: int
    text: str
    value: float
    approx: bool
    comparator: str | None
    counted: str | None
    unit: str | None
    strength_of: int | None  # the corpus entity of `of_entity`


@dataclass
class _Context:
    """What the checks read about the store once: documents, sentence texts and dates, mentions."""

    conn: sqlite3.Connection
    languages: dict[int, str]
    sentences: dict[tuple[int, int], tuple[int, int, str]] = field(default_factory=dict)
    dates: dict[tuple[int, int], Interval] = field(default_factory=dict)
    mentions: dict[tuple[int, int], list[tuple[int, int, str, int]]] = field(default_factory=dict)

    def load_sentences(self, wanted: set[tuple[int, int]], *, mentions: bool) -> None:
        """Texts (and with `mentions`, the mentions of grouped entities) of the sentences wanted."""
        self._select(wanted - set(self.sentences))
        for doc, n, start, end, text in self.conn.execute(
                'SELECT s.doc, s.n, s.start, s."end", s.text FROM temp.cross_source_sentences t '
                "JOIN sentences s ON s.doc = t.doc AND s.n = t.n"):
            self.sentences[(doc, n)] = (start, end, text)
        if not mentions:
            return
        for doc, n, start, end, kind, group in self.conn.execute(
                'SELECT m.doc, m.n, m.start, m."end", e.type, e.corpus_entity FROM temp.cross_source_sentences t '
                "JOIN mentions m ON m.doc = t.doc AND m.n = t.n JOIN entities e ON e.doc = m.doc AND e.id = m.entity "
                "WHERE e.corpus_entity IS NOT NULL"):
            self.mentions.setdefault((doc, n), []).append((start, end, kind, group))

    def _select(self, wanted: set[tuple[int, int]]) -> None:
        """The sentences the next joins read: a temporary table joined on the store's (doc, n) indexes."""
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS cross_source_sentences "
                          "(doc INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (doc, n))")
        self.conn.execute("DELETE FROM temp.cross_source_sentences")
        self.conn.executemany("INSERT OR IGNORE INTO temp.cross_source_sentences (doc, n) VALUES (?, ?)",
                              sorted(wanted))

    def written_dates(self, wanted: set[tuple[int, int]]) -> dict[tuple[int, int], list[tuple[str, int, int]]]:
        """(id, start, end) of the resolved dates written in each sentence wanted."""
        self._select(wanted)
        found: dict[tuple[int, int], list[tuple[str, int, int]]] = defaultdict(list)
        for doc, n, identifier, start, end in self.conn.execute(
                'SELECT t.doc, t.n, t.id, t.start, t."end" FROM temp.cross_source_sentences w '
                "JOIN timexes t ON t.doc = w.doc AND t.n = w.n WHERE t.resolved = 1 AND t.type IN ('DATE', 'TIME')"):
            found[(doc, n)].append((identifier, start, end))
        return found

    def load_dates(self) -> None:
        """Each sentence's own date: the hull of the resolved dates written in it."""
        for doc, n, earliest, latest in self.conn.execute(
                "SELECT doc, n, min(earliest), max(latest) FROM timexes WHERE resolved = 1 AND n IS NOT NULL "
                "AND type IN ('DATE', 'TIME') AND earliest IS NOT NULL AND latest IS NOT NULL GROUP BY doc, n"):
            span = interval(earliest, latest)
            if span is not None:
                self.dates[(doc, n)] = span

    def date_of(self, doc: int, n: int, inherit: int = 0) -> Interval | None:
        for before in range(n, max(-1, n - inherit - 1), -1):
            if (doc, before) in self.dates:
                return self.dates[(doc, before)]
        return None


def _quantities(conn: sqlite3.Connection) -> dict[tuple[int, int], list[_Quantity]]:
    by_sentence: dict[tuple[int, int], list[_Quantity]] = defaultdict(list)
    for row in conn.execute(
            'SELECT q.doc, q.n, q.start, q."end", q.text, q.value, q.approx, q.comparator, q.counted, q.unit, '
            "oe.corpus_entity FROM quantities q LEFT JOIN entities oe ON oe.doc = q.doc AND oe.id = q.of_entity "
            "WHERE q.value IS NOT NULL AND q.n IS NOT NULL ORDER BY q.doc, q.start"):
        quantity = _Quantity(*row[:6], bool(row[6]), *row[7:])
        by_sentence[(quantity.doc, quantity.n)].append(quantity)
    return by_sentence


def _nearest(mentions: list[tuple[int, int, str, int]], start: int, end: int, types: frozenset[str]) -> int | None:
    """The corpus entity of the mention of one of `types` nearest to [start, end), within
    ANCHOR_CHARS; None when there is none or two different ones are as near."""
    best: list[tuple[int, int]] = []
    for m_start, m_end, kind, group in mentions:
        if kind not in types:
            continue
        distance = max(m_start - end, start - m_end, 0)
        if distance <= ANCHOR_CHARS:
            best.append((distance, group))
    if not best:
        return None
    best.sort()
    if len(best) > 1 and best[1][0] == best[0][0] and best[1][1] != best[0][1]:
        return None
    return best[0][1]


def _measure(ctx: _Context, quantity: _Quantity, text: str, offset: int,
             frames: dict[str, Frame]) -> tuple[str, int, int] | None:
    """(what is measured, the corpus entity it is the size of, how many days it holds)."""
    if quantity.strength_of is not None:
        return "strength", quantity.strength_of, STRENGTH_DAYS
    mentions = ctx.mentions.get((quantity.doc, quantity.n), [])
    counted = _singular(quantity.counted or "")
    if (frame := frames.get(counted)) is not None and frame.how == "counted":
        group = _nearest(mentions, quantity.start, quantity.end, frame.types)
        return None if group is None else (frame.measure, group, frame.days)
    # Only the words around the figure are read: a long sentence costs no more than a short one.
    begin = max(0, quantity.start - offset - WINDOW_CHARS)
    around = _WORD.finditer(text, begin, min(len(text), quantity.end - offset + WINDOW_CHARS))
    words = [(m.start() + offset, m.end() + offset, _singular(m.group())) for m in around]
    if begin and words:
        words = words[1:]  # the first word may be cut
    at = next((i for i, (start, _, _) in enumerate(words) if start >= quantity.start), len(words))
    figure_words = len(_WORD.findall(quantity.text))
    near: list[tuple[int, Frame, int, int]] = []
    for i in range(max(0, at - FRAME_WORDS_BEFORE), min(len(words), at + figure_words + FRAME_WORDS_AFTER)):
        frame = frames.get(words[i][2])
        if frame is not None and frame.how == "frame":
            distance = at - i if i < at else i - (at + figure_words - 1)
            near.append((distance, frame, words[i][0], words[i][1]))
    if not near:
        return None
    near.sort(key=lambda item: item[0])
    if len(near) > 1 and near[1][0] == near[0][0] and near[1][1].measure != near[0][1].measure:
        return None
    _, frame, start, end = near[0]
    group = _nearest(mentions, start, end, frame.types)
    return None if group is None else (frame.measure, group, frame.days)


def figure_claims(ctx: _Context) -> list[Claim]:
    quantities = _quantities(ctx.conn)
    wanted = {place for place, found in quantities.items() if any(q.counted or q.strength_of for q in found)}
    ctx.load_sentences(wanted, mentions=True)
    claims: list[Claim] = []
    for place in sorted(wanted):
        doc, n = place
        language = ctx.languages.get(doc, "")
        frames, joiners = _frames(language), _range_words(language)
        if not frames or place not in ctx.sentences:
            continue
        start, _, text = ctx.sentences[place]
        found = quantities[place]
        for i, quantity in enumerate(found):
            if not (quantity.counted or quantity.strength_of):
                continue
            low, high = _bounds(quantity.value, quantity.approx, quantity.comparator)
            shown = quantity.text
            before = found[i - 1] if i else None
            if before is not None and not before.counted and before.end <= quantity.start \
                    and fold(text[before.end - start:quantity.start - start].strip()) in joiners:
                low = min(low, _bounds(before.value, before.approx, before.comparator)[0])  # a range
                shown = text[before.start - start:quantity.end - start]
            measured = _measure(ctx, quantity, text, start, frames)
            if measured is None:
                continue
            measure, group, days = measured
            when = ctx.date_of(doc, n, INHERIT_SENTENCES)
            if when is None or when[1] - when[0] + 1 > days:
                continue
            counted = _singular(quantity.counted or "")
            claims.append(Claim(
                key=("figures-differ", measure, group, counted, quantity.unit or ""), doc=doc, value=(low, high),
                shown=" ".join(part for part in (shown, quantity.counted) if part), when=when, sentence=place,
                extra={"counted": quantity.counted, "unit": quantity.unit}))
    return claims


# --- dates of events that happen once -------------------------------------------------------------------


def _dates_agree(key: tuple[Any, ...], a: tuple[int, int, frozenset[int]], b: tuple[int, int, frozenset[int]]) -> bool:
    span, window = key[3], key[4]
    if a[2] and b[2] and not a[2] & b[2]:
        return True  # not the same ones land: two landings, not one told twice
    gap = _gap((a[0], a[1]), (b[0], b[1]))
    return gap <= span or (window is not None and gap > window)


def date_claims(ctx: _Context) -> list[Claim]:
    lemmas = sorted({lemma for language in set(ctx.languages.values()) for lemma, _ in _once_events(language)})
    if not lemmas:
        return []
    rows = ctx.conn.execute(
        "SELECT ev.doc, ev.n, ev.id, ev.lemma, ev.date, ev.earliest, ev.latest, ee.role, e.type, e.corpus_entity, "
        'ev.start, ev."end", ev.timex '
        "FROM events ev JOIN event_entities ee ON ee.doc = ev.doc AND ee.event = ev.id "
        "JOIN entities e ON e.doc = ee.doc AND e.id = ee.entity "
        f"WHERE ev.lemma IN ({', '.join('?' for _ in lemmas)}) AND ev.happening = 1 AND ev.factuality = 'fact' "
        "AND ev.polarity = 'POS' AND ev.modality IS NULL AND ev.time_inferred = 0 AND ev.timex IS NOT NULL "
        "AND ev.n IS NOT NULL AND e.corpus_entity IS NOT NULL ORDER BY ev.doc, ev.start", lemmas).fetchall()
    agents: dict[tuple[int, str], set[int]] = defaultdict(set)
    for doc, event, group in ctx.conn.execute(
            "SELECT ee.doc, ee.event, e.corpus_entity FROM events ev "
            "JOIN event_entities ee ON ee.doc = ev.doc AND ee.event = ev.id "
            "JOIN entities e ON e.doc = ee.doc AND e.id = ee.entity "
            f"WHERE ev.lemma IN ({', '.join('?' for _ in lemmas)}) AND ee.role = 'agent' "
            "AND e.corpus_entity IS NOT NULL", lemmas):
        agents[(doc, event)].add(group)
    written = ctx.written_dates({(row[0], row[1]) for row in rows})
    claims: list[Claim] = []
    for doc, n, event, lemma, value, earliest, latest, role, kind, group, start, end, timex in rows:
        once = _once_events(ctx.languages.get(doc, "")).get((lemma, role))
        span = interval(earliest, latest)
        if once is None or once.entity_type != kind or span is None:
            continue
        if not _nearest_date(written.get((doc, n), []), timex, start, end):
            continue
        who = frozenset(agents[(doc, event)]) if once.role == "place" else frozenset()
        if once.role == "place" and not who:
            continue  # "on débarque à Valmy": many units land (or leave their trains) at one place
        claims.append(Claim(key=("dates-differ", once.kind, group, once.span, once.window), doc=doc,
                            value=(*span, who), shown=value or _iso(span[0]), when=None, sentence=(doc, n),
                            extra={"event": lemma}))
    ctx.load_sentences({claim.sentence for claim in claims}, mentions=False)
    return claims


def _nearest_date(dates: list[tuple[str, int, int]], timex: str, start: int, end: int) -> bool:
    """True when the event's date is the one written nearest its trigger: in "Huc, colonel, 2 août
    1914 au 22 août 1914 (tué à Bertrix)" a death dated 2 August is a date taken from the wrong words."""
    def distance(date_start: int, date_end: int) -> int:
        return max(date_start - end, start - date_end, 0)
    own = [distance(s, e) for identifier, s, e in dates if identifier == timex]
    return bool(own) and min(own) <= min(distance(s, e) for _, s, e in dates)


# --- ranks on one day ------------------------------------------------------------------------------------


def ranks_agree(languages: Iterable[str]) -> Agree:
    """Two ranks agree when they are one, or a pair of `rank_compatible.tsv` of a language read."""
    pairs = frozenset().union(*(_rank_pairs(language) for language in set(languages)))

    def agree(_key: tuple[Any, ...], a: str, b: str) -> bool:
        return fold(a) == fold(b) or (fold(a), fold(b)) in pairs
    return agree


def rank_claims(ctx: _Context) -> list[Claim]:
    told: list[tuple[int, int, str, int, Interval | None]] = []
    for doc, n, rank, group in ctx.conn.execute(
            "SELECT m.doc, m.n, m.rank, e.corpus_entity FROM mentions m "
            "JOIN entities e ON e.doc = m.doc AND e.id = m.entity WHERE m.rank IS NOT NULL AND m.n IS NOT NULL "
            "AND e.type = 'person' AND e.corpus_entity IS NOT NULL"):
        told.append((doc, n, rank, group, ctx.dates.get((doc, n))))
    for doc, n, rank, group, earliest, latest in ctx.conn.execute(
            "SELECT ee.doc, ev.n, ee.rank, e.corpus_entity, ev.earliest, ev.latest FROM event_entities ee "
            "JOIN events ev ON ev.doc = ee.doc AND ev.id = ee.event "
            "JOIN entities e ON e.doc = ee.doc AND e.id = ee.entity WHERE ee.rank IS NOT NULL AND ev.n IS NOT NULL "
            "AND e.type = 'person' AND e.corpus_entity IS NOT NULL AND ev.time_inferred = 0 AND ev.timex IS NOT NULL"):
        told.append((doc, n, rank, group, interval(earliest, latest)))
    claims = [Claim(key=("ranks-differ", group), doc=doc, value=rank, shown=rank, when=when, sentence=(doc, n))
              for doc, n, rank, group, when in told
              if when is not None and when[0] == when[1]]  # one day: a promotion cannot fall in between
    ctx.load_sentences({claim.sentence for claim in claims}, mentions=False)
    return claims


# --- findings --------------------------------------------------------------------------------------------


def _names(conn: sqlite3.Connection, groups: set[int]) -> dict[int, str]:
    names: dict[int, str] = {}
    ordered = sorted(groups)
    for i in range(0, len(ordered), 500):
        chunk = ordered[i:i + 500]
        names.update(conn.execute(f"SELECT corpus_entity, name FROM corpus_entities WHERE corpus_entity IN "
                                  f"({', '.join('?' for _ in chunk)})", chunk).fetchall())
    return names


def _group(key: tuple[Any, ...]) -> int:
    """The corpus entity a claim's key is about."""
    return key[1] if key[0] == "ranks-differ" else key[2]


def _what(conflict: Conflict, names: dict[int, str]) -> tuple[str, dict[str, Any]]:
    key = conflict.key
    if key[0] == "figures-differ":
        _, measure, group, counted, unit = key
        counted_as = conflict.left[0].extra.get("counted") or unit
        what = f"the {measure} of {names.get(group, group)}" + (f" ({counted_as})" if counted_as else "")
        return what, {"measure": measure, "entity": names.get(group), "corpus_entity": group,
                      "counted": conflict.left[0].extra.get("counted"), "unit": unit or None}
    if key[0] == "dates-differ":
        _, kind, group = key[:3]
        return f"the {kind} of {names.get(group, group)}", {"event": kind, "entity": names.get(group),
                                                             "corpus_entity": group}
    group = key[1]
    day = max(conflict.left[0].when[0], conflict.right[0].when[0])  # type: ignore[index]
    return (f"{names.get(group, group)} on {_iso(day)}",
            {"entity": names.get(group), "corpus_entity": group, "date": _iso(day)})


def context(conn: sqlite3.Connection) -> _Context:
    languages = conn.execute("SELECT doc, language FROM documents").fetchall()
    return _Context(conn, {doc: language or "" for doc, language in languages})


def collect(ctx: _Context) -> dict[str, tuple[list[Claim], Agree]]:
    """Every claim of the store, by check, with the test two values of that check pass when they agree."""
    ctx.load_dates()
    return {"figures-differ": (figure_claims(ctx), _figures_agree),
            "dates-differ": (date_claims(ctx), _dates_agree),
            "ranks-differ": (rank_claims(ctx), ranks_agree(ctx.languages.values()))}


def refresh_cross_source(conn: sqlite3.Connection) -> int:
    """Delete and rewrite every cross-source finding of the store in one transaction; returns how
    many were written. The store's connection is in autocommit mode (`store.open_store`)."""
    for statement in _INDEXES:
        conn.execute(statement)
    conn.execute("BEGIN IMMEDIATE")
    try:
        count = _rewrite(conn)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return count


def _rewrite(conn: sqlite3.Connection) -> int:
    conn.execute("DELETE FROM finding_evidence WHERE finding IN (SELECT finding FROM findings WHERE scope = ?)",
                 (SCOPE,))
    conn.execute("DELETE FROM findings WHERE scope = ?", (SCOPE,))
    documents = dict(conn.execute("SELECT doc, id FROM documents").fetchall())
    ctx = context(conn)
    found = [conflict for claims, agree in collect(ctx).values() for conflict in conflicts(claims, agree)]
    names = _names(conn, {_group(conflict.key) for conflict in found})
    for number, conflict in enumerate(found, 1):
        _write(conn, number, conflict, names, documents, ctx)
    return len(found)


def _write(conn: sqlite3.Connection, number: int, conflict: Conflict, names: dict[int, str],
           documents: dict[int, str], ctx: _Context) -> None:
    code = conflict.key[0]
    a, b = conflict.left[0], conflict.right[0]
    what, about = _what(conflict, names)
    document_a, document_b = documents[a.doc], documents[b.doc]
    label = {"figures-differ": "figures", "dates-differ": "dates", "ranks-differ": "ranks"}[code]
    message = f"Different {label} for {what}: {a.shown} in {document_a}, {b.shown} in {document_b}."
    detail = {"code": code, "what": what, **about, "value_a": a.shown, "value_b": b.shown,
              "document_a": document_a, "document_b": document_b,
              "documents_a": [documents[claim.doc] for claim in conflict.left],
              "documents_b": [documents[claim.doc] for claim in conflict.right]}
    cursor = conn.execute("INSERT INTO findings (doc, id, scope, kind, severity, message, detail) "
                          "VALUES (NULL, ?, ?, ?, ?, ?, ?)",
                          (f"cross-{number}", SCOPE, KIND, SEVERITY, message, json.dumps(detail, ensure_ascii=False)))
    evidence = []
    for claim in conflict.left[:EVIDENCE_PER_SIDE] + conflict.right[:EVIDENCE_PER_SIDE]:
        start, end, text = ctx.sentences[claim.sentence]
        evidence.append((cursor.lastrowid, claim.doc, start, end, text))
    conn.executemany('INSERT INTO finding_evidence (finding, doc, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                     evidence)
