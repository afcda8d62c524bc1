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
import sqlite3
from typing import Any

from annales.corpus.crosssource.dates import date_claims, dates_agree
from annales.corpus.crosssource.engine import Agree, Claim, Conflict, conflicts, day_number, interval, iso
from annales.corpus.crosssource.figures import figure_claims, figures_agree
from annales.corpus.crosssource.ranks import rank_claims, ranks_agree
from annales.corpus.crosssource.reading import StoreView, context
from annales.corpus.transaction import immediate

__all__ = ["Claim", "Conflict", "collect", "conflicts", "context", "dates_agree", "day_number", "figures_agree",
           "interval", "ranks_agree", "refresh_cross_source"]

SCOPE = KIND = "cross-source"
SEVERITY = "medium"
EVIDENCE_PER_SIDE = 5  # documents shown with their passage on each side; the others are listed by id


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
    return (f"{names.get(group, group)} on {iso(day)}",
            {"entity": names.get(group), "corpus_entity": group, "date": iso(day)})


def collect(ctx: StoreView) -> dict[str, tuple[list[Claim], Agree]]:
    """Every claim of the store, by check, with the test two values of that check pass when they agree."""
    ctx.load_dates()
    return {"figures-differ": (figure_claims(ctx), figures_agree),
            "dates-differ": (date_claims(ctx), dates_agree),
            "ranks-differ": (rank_claims(ctx), ranks_agree(ctx.languages.values()))}


def refresh_cross_source(conn: sqlite3.Connection) -> int:
    """Delete and rewrite every cross-source finding of the store in one transaction; returns how
    many were written. The store's connection is in autocommit mode (`store.open_store`)."""
    with immediate(conn):
        return _rewrite(conn)


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
           documents: dict[int, str], ctx: StoreView) -> None:
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
