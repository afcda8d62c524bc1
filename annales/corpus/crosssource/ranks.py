"""`ranks-differ`: one person's ranks on one day, from mentions in sentences dated to that day and
from participants of events dated to it."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from annales.common.resources import exists, load_rows
from annales.common.text import fold
from annales.corpus.crosssource.engine import LAYER, Agree, Claim, Interval, interval
from annales.corpus.crosssource.reading import StoreView


@cache
def _rank_pairs(language: str) -> frozenset[tuple[str, str]]:
    if not exists(language, LAYER, "rank_compatible.tsv"):
        return frozenset()
    pairs = [(fold(rank), fold(other)) for rank, others in load_rows(language, LAYER, "rank_compatible.tsv", 2)
             for other in others.split(",")]
    return frozenset(pairs + [(b, a) for a, b in pairs])


def ranks_agree(languages: Iterable[str]) -> Agree:
    """Two ranks agree when they are one, or a pair of `rank_compatible.tsv` of a language read."""
    pairs = frozenset().union(*(_rank_pairs(language) for language in set(languages)))

    def agree(_key: tuple[Any, ...], a: str, b: str) -> bool:
        return fold(a) == fold(b) or (fold(a), fold(b)) in pairs
    return agree


def rank_claims(ctx: StoreView) -> list[Claim]:
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
