"""`dates-differ`: events that happen once to their key entity (a birth, a death, a landing of the
same troops at one place), dated by their own words."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

from annales.common.resources import exists, load_rows
from annales.corpus.crosssource.engine import LAYER, Claim, gap, interval, iso
from annales.corpus.crosssource.reading import StoreView


@dataclass(frozen=True)
class OnceEvent:
    kind: str
    role: str
    entity_type: str
    span: int
    window: int | None


@cache
def _once_events(language: str) -> dict[tuple[str, str], OnceEvent]:
    if not exists(language, LAYER, "once_events.tsv"):
        return {}
    return {(row[0], role.strip()): OnceEvent(row[1], role.strip(), row[3], int(row[4]),
                                              None if row[5] == "-" else int(row[5]))
            for row in load_rows(language, LAYER, "once_events.tsv", 7) for role in row[2].split(",")}


def dates_agree(key: tuple[Any, ...], a: tuple[int, int, frozenset[int]], b: tuple[int, int, frozenset[int]]) -> bool:
    span, window = key[3], key[4]
    if a[2] and b[2] and not a[2] & b[2]:
        return True  # not the same ones land: two landings, not one told twice
    apart = gap((a[0], a[1]), (b[0], b[1]))
    return apart <= span or (window is not None and apart > window)


def date_claims(ctx: StoreView) -> list[Claim]:
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
                            value=(*span, who), shown=value or iso(span[0]), when=None, sentence=(doc, n),
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
