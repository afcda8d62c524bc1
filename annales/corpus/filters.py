"""The filters every query shares (--person, --place, --from, --to) as SQL conditions.

A person or place is named as in `corpus show`: every entity grouped with one named so across the
corpus counts ("Jacques Chirac" finds the passages where another document says only "Chirac", when
the two are one group). A passage (a sentence: `s.doc`, `s.n`) passes when it mentions the person
or place, or tells an event they take part in, and when a date it tells, or an event in it is dated, overlaps the
period. An event (`ev.doc`, `ev.id`) passes when the person or place is among its participants
or places and its date overlaps the period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from annales.corpus.grouping import fold_name

_DATE = re.compile(r"^(\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class FilterError(ValueError):
    """A filter that cannot be read (a bad year)."""


@dataclass(frozen=True)
class Filters:
    person: str | None = None
    place: str | None = None
    start: str | None = None  # YYYY-MM-DD, inclusive
    end: str | None = None
    corpus_entity: int | None = None  # events this group of entities takes part in (`corpus show`)

    @classmethod
    def parse(cls, person: str | None = None, place: str | None = None, from_date: str | None = None,
              to_date: str | None = None) -> Filters:
        """Raises FilterError for a bound that is not YYYY, YYYY-MM or YYYY-MM-DD."""
        return cls(person=person, place=place, start=_bound(from_date, "--from", last=False),
                   end=_bound(to_date, "--to", last=True))

    @property
    def empty(self) -> bool:
        return not (self.person or self.place or self.start or self.end or self.corpus_entity is not None)


def _bound(value: str | None, option: str, *, last: bool) -> str | None:
    if value is None:
        return None
    match = _DATE.match(value.strip())
    if not match or int(match[1]) == 0:
        raise FilterError(f"{option} must be a year (YYYY), or YYYY-MM or YYYY-MM-DD, got {value!r}")
    year, month, day = int(match[1]), match[2], match[3]
    if month is not None and not 1 <= int(month) <= 12 or day is not None and not 1 <= int(day) <= 31:
        raise FilterError(f"{option} must be a real date, got {value!r}")
    month = month or ("12" if last else "01")
    day = day or ("31" if last else "01")
    return f"{year:04d}-{month}-{day}"


def name_pattern(name: str) -> str:
    """A LIKE pattern matching a folded name list (' | '-separated, padded) holding `name` as whole words."""
    folded = fold_name(name).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"% {folded} %"


_NAMED = ("e.corpus_entity IN (SELECT n.corpus_entity FROM entities n WHERE n.type = '{kind}' "
          "AND (' ' || n.names || ' ') LIKE ? ESCAPE '\\')")


def sentence_clauses(filters: Filters) -> tuple[list[str], list[Any]]:
    """Conditions on a passage `s` (a row of sentences), and their parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    for kind, name in (("person", filters.person), ("place", filters.place)):
        if not name:
            continue
        pattern = name_pattern(name)
        clauses.append(
            f"((s.doc, s.n) IN (SELECT m.doc, m.n FROM entities e JOIN mentions m ON m.doc = e.doc "
            f"AND m.entity = e.id WHERE e.type = '{kind}' AND {_NAMED.format(kind=kind)}) "
            f"OR (s.doc, s.n) IN (SELECT ev.doc, ev.n FROM entities e JOIN event_entities ee ON ee.doc = e.doc "
            f"AND ee.entity = e.id JOIN events ev ON ev.doc = ee.doc AND ev.id = ee.event "
            f"WHERE e.type = '{kind}' AND {_NAMED.format(kind=kind)}))")
        params += [pattern, pattern]
    if filters.start or filters.end:
        period, values = _overlap("t")
        event_period, event_values = _overlap("ev")
        clauses.append(f"(EXISTS (SELECT 1 FROM timexes t WHERE t.doc = s.doc AND t.n = s.n AND t.resolved = 1 "
                       f"AND t.type IN ('DATE', 'TIME') AND {period}) "
                       f"OR EXISTS (SELECT 1 FROM events ev WHERE ev.doc = s.doc AND ev.n = s.n AND {event_period}))")
        params += values(filters) + event_values(filters)
    return clauses, params


def _events_of(kind: str | None, roles: str) -> str:
    """The (doc, event) pairs an entity of `kind` named so (a `?` for the pattern) takes part in."""
    return ("SELECT DISTINCT ee.doc, ee.event FROM entities e JOIN event_entities ee ON ee.doc = e.doc "
            f"AND ee.entity = e.id WHERE e.type = '{kind}' AND ee.role {roles} AND {_NAMED.format(kind=kind)}")


def event_source(filters: Filters) -> tuple[str, list[str], list[Any]]:
    """The FROM clause of the events a query may list, aliased `ev`, the conditions on them, and
    the parameters of both in order.

    The events of a person, place or group of entities are reached from the entities named (one
    pass over `entities`, then the indexes), not by testing every event of the corpus: a
    person's timeline costs what that person's events cost."""
    hits: list[str] = []
    params: list[Any] = []
    if filters.person:
        hits.append(_events_of("person", "!= 'place'"))
        params.append(name_pattern(filters.person))
    if filters.place:
        hits.append(_events_of("place", "IS NOT NULL"))
        params.append(name_pattern(filters.place))
    if filters.corpus_entity is not None:
        hits.append("SELECT DISTINCT ee.doc, ee.event FROM entities e JOIN event_entities ee ON ee.doc = e.doc "
                    "AND ee.entity = e.id WHERE e.corpus_entity = ?")
        params.append(filters.corpus_entity)
    if hits:
        # CROSS JOIN keeps this order: SQLite starts from the few events named, not from all events.
        source = f"({hits[0]}) AS hit1 CROSS JOIN events ev ON ev.doc = hit1.doc AND ev.id = hit1.event"
        for number, hit in enumerate(hits[1:], 2):
            source += f" JOIN ({hit}) AS hit{number} ON hit{number}.doc = ev.doc AND hit{number}.event = ev.id"
    else:
        source = "events ev"
    clauses: list[str] = []
    if filters.start or filters.end:
        period, values = _overlap("ev")
        clauses.append(period)
        params += values(filters)
    return source, clauses, params


def _overlap(table: str) -> tuple[str, Any]:
    """A period overlapping [start, end]: its earliest day is not after the end, its latest not before the start."""
    sql = (f"{table}.earliest IS NOT NULL AND (? IS NULL OR {table}.earliest <= ?) "
           f"AND (? IS NULL OR {table}.latest >= ?)")
    return sql, lambda filters: [filters.end, filters.end, filters.start, filters.start]
