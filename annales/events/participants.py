"""Who takes part in an event and where: participants from the dependency parse, mapped to entities.

nsubj and obl:agent -> agent, nsubj:pass and obj -> patient, "par X" after a passive verb or an
event noun -> agent, other obl/nmod/iobj -> other. A participant that is itself an event
("l'arrivée de Leclerc réjouit …") lends its entities to that event only. A conjoined verb without
its own subject shares its head verb's subject.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from annales.common.index import by_token
from annales.model import Analysis, Entity, Mention, Participant

ROLE_OF_DEP = {"nsubj": "agent", "obl:agent": "agent", "nsubj:pass": "patient", "obj": "patient"}
OTHER_DEPS = ("obl", "nmod", "iobj")
AGENT_CASE = "par"  # "l'assassinat de Kirov par Nikolaïev": the agent of an event noun


def entities_by_token(analysis: Analysis, doc: Any) -> tuple[dict[int, Entity], dict[str, _Ranks]]:
    entity_at = by_token(doc, ((e, m.start, m.end) for e in analysis.entities for m in e.mentions))
    ranks_of = {e.id: _Ranks(sorted(e.mentions, key=lambda m: m.start)) for e in analysis.entities}
    return entity_at, ranks_of


class _Ranks:
    """The ranks written at one entity's mentions, in text order, looked up by offset by bisection: a
    person named a thousand times takes part in hundreds of events."""

    def __init__(self, mentions: list[Mention]) -> None:
        ranked = [m for m in mentions if m.rank]
        self.starts = [m.start for m in ranked]
        self.ranks = [m.rank for m in ranked]

    def before(self, offset: int) -> str | None:
        """The rank written at the last mention before `offset` that has one."""
        k = bisect_left(self.starts, offset) - 1
        return self.ranks[k] if k >= 0 else None


def _subtree(token: Any, prune: Any) -> list[int]:
    """Token indexes of `token`'s subtree, not descending into children `prune` rejects."""
    out = []
    stack = [token]
    while stack:
        t = stack.pop()
        out.append(t.i)
        stack.extend(child for child in t.children if not prune(child))
    out.sort()
    return out


def clause_of(token: Any, triggers: set[int]) -> list[int]:
    """The tokens of the trigger's own clause: its subtree, without the clauses of other triggers."""
    return _subtree(token, lambda child: child.i in triggers)  # another event's words are its own


def _phrase(token: Any, triggers: set[int]) -> list[int]:
    """A participant's words: its subtree without any clause hanging from it."""
    return _subtree(token, lambda child: child.pos_ in ("VERB", "AUX") or child.i in triggers
                    or child.dep_ in ("acl", "acl:relcl"))


def participants_of(token: Any, triggers: set[int], entity_at: dict[int, Entity],
                  ranks_of: dict[str, _Ranks]) -> list[Participant]:
    deps = [(child, child.dep_) for child in token.children]
    if token.pos_ == "VERB" and token.dep_ == "conj" and not any(d.startswith("nsubj") for _, d in deps):
        deps += [(c, c.dep_) for c in token.head.children if c.dep_.startswith("nsubj")]
    passive = token.pos_ == "NOUN" or any(d in ("aux:pass", "nsubj:pass") for _, d in deps)
    out: list[Participant] = []
    seen: set[str] = set()
    for child, dep in deps:
        if child.i in triggers:
            continue  # "l'arrivée de Leclerc réjouit …": Leclerc takes part in the arrival
        role = ROLE_OF_DEP.get(dep)
        if role is None:
            if not dep.startswith(OTHER_DEPS):
                continue
            role = "agent" if passive and _case(child) == AGENT_CASE else "other"
        for k in sorted(_phrase(child, triggers)):
            entity = entity_at.get(k)
            if entity is None or entity.id in seen:
                continue
            seen.add(entity.id)
            rank = _rank_at(entity, ranks_of[entity.id], token.idx) if entity.type == "person" else None
            out.append(Participant(entity.id, role, rank))
    return out


def _case(token: Any) -> str:
    for child in token.children:
        if child.dep_ == "case":
            return child.lower_
    return ""


def _rank_at(entity: Entity, ranks: _Ranks, offset: int) -> str | None:
    """The rank written at the last mention before `offset`, else the entity's rank."""
    written = ranks.before(offset)
    if written:
        return written
    rank = entity.rank
    return rank if isinstance(rank, str) else None
