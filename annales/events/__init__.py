"""Events: what happens in each clause, who takes part, where, and when; in the order told.

An event is triggered by a verb that heads a clause (not an auxiliary, not a light verb such as
"être", "pouvoir", nor "aller"/"faire" when they govern an infinitive: then the infinitive is the
event), or by an event noun from `resources/<lang>/common/event_nouns.tsv` with a determiner ("le
débarquement", "l'assassinat de Kirov"; not "navires de débarquement", "condamné à mort").
Events told inside quotations are kept like any other.

Participants come from the dependency parse, mapped to entities through the mentions the entity
layer found: nsubj and obl:agent -> agent, nsubj:pass and obj -> patient, "par X" after a passive
verb or an event noun -> agent, other obl/nmod/iobj -> other. A participant that is itself an event
("l'arrivée de Leclerc réjouit …") lends its entities to that event only.
A conjoined verb without its own subject shares its head verb's subject.

Time: a DATE/TIME timex is given to the event whose clause it hangs from in the parse (walking up
the timex's heads to the first trigger); an event without one takes its governing event's timex in
the same sentence. Otherwise the event inherits the narrative's current time: the last resolved
DATE/TIME timex before it in the main narrative, with `time_inferred` = True. Sidebars, quote
blocks, quotations, boilerplate and the byline (the publication date) never set it; an event inside
an aside first looks for a date told earlier in the same aside. Nothing is inferred from an
unresolved or non-calendar date ("PRESENT_REF"); no flashback test is made.
An unresolved own timex keeps its value (with X's) and no interval.

One pass over the tokens; the parse is only read, never redone.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from annales.common.index import by_token
from annales.common.intervals import Cover
from annales.common.parse import TokenSentences, span_root
from annales.context import Context, stage
from annales.events.lexicon import Lexicon, lexicon
from annales.model import Analysis, Entity, Event, EventDate, Mention, Participant, Span, Timex, Trigger, make_id

POINT_TYPES = ("DATE", "TIME")
ASIDES = ("sidebar", "quote-block")
SKIPPED = ("boilerplate", "byline")  # no story is told there: no event, no narrative time
# Dependencies by which a verb heads a clause of its own.
CLAUSE_DEPS = frozenset({"ROOT", "conj", "advcl", "ccomp", "csubj", "acl:relcl", "parataxis", "xcomp"})
AUX_DEPS = frozenset({"aux", "aux:tense", "aux:pass", "aux:caus", "cop"})
ROLE_OF_DEP = {"nsubj": "agent", "obl:agent": "agent", "nsubj:pass": "patient", "obj": "patient"}
OTHER_DEPS = ("obl", "nmod", "iobj")
AGENT_CASE = "par"  # "l'assassinat de Kirov par Nikolaïev": the agent of an event noun


@stage("events", reads=("text", "language", "regions", "doc", "timexes", "entities", "quantities", "quotes"),
       adds=("events",), resources="events")
def tag_events(analysis: Analysis, context: Context) -> None:
    analysis.events = []
    doc = analysis.doc
    if doc is None or len(doc) == 0:
        return
    lex = lexicon(analysis.language)
    triggers = _triggers(analysis, doc, lex)
    if not triggers:
        return
    trigger_set = set(triggers)
    entity_at, ranks_of = _entities_by_token(analysis, doc)
    for timex in analysis.timexes:  # a date's words are never a participant ("Le" of "Le 6 juin")
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        for k in range(span.start, span.end) if span is not None else ():
            entity_at.pop(k, None)
    quantity_at = by_token(doc, ((q.id, q.start, q.end) for q in analysis.quantities))
    points = [t for t in analysis.timexes if t.type in POINT_TYPES]
    own_timex = _own_timexes(doc, points, trigger_set)
    narrative = _Narrative(analysis, points)
    sentences = TokenSentences(doc)
    governing: dict[int, int | None] = {}

    for order, i in enumerate(triggers, start=1):
        token = doc[i]
        clause = _clause(token, trigger_set)
        sentence = sentences.of(i)
        event = Event(
            id=make_id("event", order), sentence=Span(sentence.start_char, sentence.end_char),
            trigger=Trigger(token.idx, token.idx + len(token.text), token.text, _lemma(token)),
            story_order=order)
        timex = _governing_timex(token, own_timex, governing)
        if timex is not None:
            event.time, event.date = timex.id, _date(timex)
        else:
            inherited = narrative.time_before(token.idx)
            if inherited is not None:
                event.time, event.date, event.time_inferred = inherited.id, _date(inherited), True
        event.participants = _participants(token, trigger_set, entity_at, ranks_of)
        seen_places: set[str] = set()
        seen_quantities: set[str] = set()
        for j in clause:
            entity = entity_at.get(j)
            if entity is not None and entity.type == "place" and entity.id not in seen_places:
                seen_places.add(entity.id)
                event.places.append(entity.id)
            qid = quantity_at.get(j)
            if qid is not None and qid not in seen_quantities:
                seen_quantities.add(qid)
                event.quantities.append(qid)
        analysis.events.append(event)


def _lemma(token: Any) -> str:
    lemma = (token.lemma_ or token.text).lower()
    if token.pos_ == "VERB" and lemma == token.lower_ and lemma.endswith("e") and _present_singular(token):
        return lemma + "r"  # the lemmatizer leaves some presents as written: "reste", "tombe", "donne"
    return lemma


def _present_singular(token: Any) -> bool:
    morph = token.morph
    return morph.get("Tense") == ["Pres"] and morph.get("Mood") == ["Ind"] and morph.get("Number") == ["Sing"]


def _triggers(analysis: Analysis, doc: Any, lex: Lexicon) -> list[int]:
    """Token indices of the triggers, in reading order (one pass over the tokens)."""
    skipped = sorted((r.start, r.end) for r in analysis.regions if r.kind in SKIPPED)
    timex_spans = sorted((t.start, t.end) for t in analysis.timexes)
    out = []
    for token in doc:
        pos = token.pos_
        if pos == "VERB":
            if token.dep_ in AUX_DEPS or token.dep_ not in CLAUSE_DEPS:
                continue
            lemma = _lemma(token)
            if lemma in lex.never_events:
                continue
            if lemma in lex.light_with_infinitive and any(
                    c.dep_ == "xcomp" and c.pos_ == "VERB" for c in token.children):
                continue
            if token.dep_ == "xcomp" and _lemma(token.head) not in lex.never_events | lex.light_with_infinitive:
                continue  # "il décide d'attaquer": the decision is the event, not yet the attack
        elif pos == "NOUN":
            if _lemma(token) not in lex.event_nouns and token.lower_ not in lex.event_nouns:
                continue
            if not any(c.dep_.startswith("det") or c.morph.get("PronType") == ["Art"] for c in token.children):
                continue  # "navires de débarquement", "condamnés à mort": a kind, not an event ("du" has one)
        else:
            continue
        if _inside(skipped, token.idx) or _inside(timex_spans, token.idx):
            continue
        out.append(token.i)
    return out


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    k = bisect_left(spans, (offset + 1,)) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


def _entities_by_token(analysis: Analysis, doc: Any) -> tuple[dict[int, Entity], dict[str, _Ranks]]:
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


def _clause(token: Any, triggers: set[int]) -> list[int]:
    """The tokens of the trigger's own clause: its subtree, without the clauses of other triggers."""
    return _subtree(token, lambda child: child.i in triggers)  # another event's words are its own


def _phrase(token: Any, triggers: set[int]) -> list[int]:
    """A participant's words: its subtree without any clause hanging from it."""
    return _subtree(token, lambda child: child.pos_ in ("VERB", "AUX") or child.i in triggers
                    or child.dep_ in ("acl", "acl:relcl"))


def _participants(token: Any, triggers: set[int], entity_at: dict[int, Entity],
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


def _first_above(token: Any, targets: set[int] | dict[int, Any], memo: dict[int, int | None]) -> int | None:
    """The first token of `targets` on the way up from `token` to its sentence's root (itself
    included), None when there is none.

    Every token walked through keeps the answer in `memo`: the next walk from below stops there. Walked
    afresh for each of thousands of dates hung one on another, the path would be read thousands of times.
    """
    path = []
    t = token
    while True:
        if t.i in targets:
            found = t.i
            break
        if t.i in memo:
            found = memo[t.i]
            break
        path.append(t.i)
        head = t.head
        if head.i == t.i:
            found = None
            break
        t = head
    for i in path:
        memo[i] = found
    return found


def _own_timexes(doc: Any, points: list[Timex], triggers: set[int]) -> dict[int, Timex]:
    """For each trigger, the most precise DATE/TIME timex that hangs from its clause in the parse."""
    out: dict[int, Timex] = {}
    above: dict[int, int | None] = {}
    for timex in points:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = span_root(span)
        if root.dep_.startswith("nmod") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i not in triggers:
            continue  # "la loi du 28 février 2012": the date of the law, not of the clause's event
        head = _first_above(root, triggers, above)
        if head is not None and (head not in out or _precision(timex) > _precision(out[head])):
            out[head] = timex  # "deux ans plus tôt, le 19 août 1942": the day, not the year
    return out


def _precision(timex: Timex) -> tuple[bool, int]:
    return (timex.resolved, len(timex.value.partition("T")[0].rstrip("X-")))


def _governing_timex(token: Any, own: dict[int, Timex], memo: dict[int, int | None]) -> Timex | None:
    """The trigger's own timex, else that of the nearest trigger governing it in the sentence."""
    dated = _first_above(token, own, memo)
    return None if dated is None else own[dated]


class _Narrative:
    """The narrative's current time: the last resolved DATE/TIME timex of the main story."""

    def __init__(self, analysis: Analysis, points: list[Timex]) -> None:
        quotes = Cover((q.start, q.end) for q in analysis.quotes)
        self._asides = sorted((r.start, r.end) for r in analysis.regions if r.kind in ASIDES)
        skipped = sorted((r.start, r.end) for r in analysis.regions if r.kind in SKIPPED)
        usable = sorted((t for t in points if t.resolved and _calendar(t)), key=lambda t: t.start)
        # A reference off the story's line ("depuis 1921", a flash-forward) dates only its own clause.
        self._main = [t for t in usable if not _inside(self._asides, t.start) and not _inside(skipped, t.start)
                      and not quotes.holds(t.start) and t.story_line is not False]
        self._main_starts = [t.start for t in self._main]
        self._all = usable
        self._all_starts = [t.start for t in usable]

    def time_before(self, offset: int) -> Timex | None:
        k = bisect_left(self._asides, (offset + 1,)) - 1
        if k >= 0 and self._asides[k][0] <= offset < self._asides[k][1]:
            start = self._asides[k][0]
            j = bisect_left(self._all_starts, offset) - 1
            if j >= 0 and self._all[j].start >= start:
                return self._all[j]  # a date told earlier in the same aside
        j = bisect_left(self._main_starts, offset) - 1
        return self._main[j] if j >= 0 else None


def _calendar(timex: Timex) -> bool:
    return timex.interval is not None or timex.value[:1].isdigit()


def _date(timex: Timex) -> EventDate:
    if not timex.resolved or timex.interval is None:
        return EventDate(timex.value)
    return EventDate(timex.value, timex.interval.earliest, timex.interval.latest)
