"""`annales corpus people|places|units` and `annales corpus show`: entities across the corpus.

An entity of the corpus is a group of `corpus_entities` (see `annales.corpus.grouping`, which
decides the groups); this module only reads them: the names and aliases of the members, their
ranks by date (the rank written at each event they take part in), roles and titles, the
documents that mention them and the happenings they take part in.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field

from annales.corpus.filters import Filters
from annales.corpus.grouping import fold_name
from annales.corpus.timeline import Happening, timeline

KINDS = {"people": ("person",), "places": ("place",), "units": ("unit",)}


@dataclass
class Group:
    corpus_entity: int
    type: str
    name: str
    documents: int
    mentions: int
    names: list[str]  # every name and alias of its members, most frequent first
    evidence: list[str] = field(default_factory=list)


@dataclass
class Profile:
    group: Group
    ranks: list[tuple[str, str | None, str]]  # (rank, date or None, document), in time order
    roles: list[str]
    titles: list[str]
    documents: list[tuple[str, int]]  # (document, mentions)
    happenings: list[Happening]
    members: list[tuple[str, str, float, list[str]]] = field(default_factory=list)  # (document, name, score, why)


_GROUPS = """
SELECT ce.corpus_entity, ce.type, ce.name, count(DISTINCT e.doc), sum(e.mentions), ce.evidence,
       json_group_array(e.name), json_group_array(e.aliases)
FROM corpus_entities ce JOIN entities e ON e.corpus_entity = ce.corpus_entity
WHERE {where}
GROUP BY ce.corpus_entity
ORDER BY count(DISTINCT e.doc) DESC, sum(e.mentions) DESC, ce.name
"""


def _group(row: tuple) -> Group:
    corpus_entity, kind, name, documents, mentions, evidence, names, aliases = row
    counted: Counter[str] = Counter(json.loads(names))
    for alias_list in json.loads(aliases):
        counted.update(json.loads(alias_list))
    return Group(corpus_entity=corpus_entity, type=kind, name=name, documents=documents, mentions=mentions or 0,
                 names=[n for n, _ in counted.most_common()], evidence=json.loads(evidence))


def groups(conn: sqlite3.Connection, kind: str, limit: int | None = None) -> list[Group]:
    """The groups of `kind` (people, places, units), the most widely mentioned first."""
    types = KINDS[kind]
    sql = _GROUPS.format(where=f"ce.type IN ({', '.join('?' for _ in types)})")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_group(row) for row in conn.execute(sql, types)]


def find(conn: sqlite3.Connection, name: str) -> list[Group]:
    """The groups a name stands for: "#12" is group 12; else those with a member named or aliased
    exactly so (accents and case folded), else those whose names hold it as whole words ("Castelnau"
    for "Édouard de Castelnau")."""
    if name.strip().startswith("#") and name.strip()[1:].isdigit():
        number = int(name.strip()[1:])
        return [_group(row) for row in conn.execute(_GROUPS.format(where="ce.corpus_entity = ?"), (number,))]
    folded = fold_name(name)
    if not folded:
        return []
    exact = _GROUPS.format(where="ce.corpus_entity IN (SELECT corpus_entity FROM entities "
                                 "WHERE ' | ' || names || ' | ' LIKE ? ESCAPE '\\')")
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    found = [_group(row) for row in conn.execute(exact, (f"% | {escaped} | %",))]
    if found:
        return found
    loose = _GROUPS.format(where="ce.corpus_entity IN (SELECT corpus_entity FROM entities "
                                 "WHERE ' ' || names || ' ' LIKE ? ESCAPE '\\')")
    return [_group(row) for row in conn.execute(loose, (f"% {escaped} %",))]


def profile(conn: sqlite3.Connection, group: Group) -> Profile:
    ce = group.corpus_entity
    dated = conn.execute(
        "SELECT ee.rank, ev.date, d.id FROM event_entities ee "
        "JOIN entities e ON e.doc = ee.doc AND e.id = ee.entity "
        "JOIN events ev ON ev.doc = ee.doc AND ev.id = ee.event JOIN documents d ON d.doc = ee.doc "
        "WHERE e.corpus_entity = ? AND ee.rank IS NOT NULL "
        "ORDER BY ev.earliest IS NULL, ev.earliest, d.id, ev.story_order", (ce,)).fetchall()
    ranks: list[tuple[str, str | None, str]] = []
    for rank, date, document in dated:
        if not ranks or ranks[-1][0] != rank or ranks[-1][2] != document:
            ranks.append((rank, date, document))
    members = conn.execute("SELECT d.id, e.ranks, e.role, e.title, e.mentions FROM entities e "
                           "JOIN documents d ON d.doc = e.doc WHERE e.corpus_entity = ? ORDER BY d.id",
                           (ce,)).fetchall()
    with_dated_rank = {document for _, _, document in ranks}
    roles: list[str] = []
    titles: list[str] = []
    documents: Counter[str] = Counter()
    for document, member_ranks, role, title, mentions in members:
        documents[document] += mentions
        if document not in with_dated_rank:
            ranks += [(rank, None, document) for rank in json.loads(member_ranks)]
        roles += [role] if role and role not in roles else []
        titles += [title] if title and title not in titles else []
    why = [(document, name, score, json.loads(evidence)) for document, name, score, evidence in conn.execute(
        "SELECT d.id, e.name, m.score, m.evidence FROM corpus_entity_members m JOIN entities e "
        "ON e.doc = m.doc AND e.id = m.entity JOIN documents d ON d.doc = m.doc WHERE m.corpus_entity = ? "
        "ORDER BY d.id, e.id", (ce,))]
    return Profile(group=group, ranks=ranks, roles=roles, titles=titles, documents=sorted(documents.items()),
                   happenings=timeline(conn, Filters(corpus_entity=ce)), members=why)
