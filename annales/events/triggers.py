"""Which words are events: verbs heading a clause and event nouns with their article.

A verb heads an event when it heads a clause (not an auxiliary, not a light verb such as "être",
"pouvoir", nor "aller"/"faire" when they govern an infinitive: then the infinitive is the event);
an event noun (`resources/<lang>/common/event_nouns.tsv`) when a determiner makes it one happening
("le débarquement", "l'assassinat de Kirov"; not "navires de débarquement", "condamné à mort").
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from annales.events.lexicon import Lexicon
from annales.model import Analysis

SKIPPED = ("boilerplate", "byline")  # no story is told there: no event, no narrative time
# Dependencies by which a verb heads a clause of its own.
CLAUSE_DEPS = frozenset({"ROOT", "conj", "advcl", "ccomp", "csubj", "acl:relcl", "parataxis", "xcomp"})
AUX_DEPS = frozenset({"aux", "aux:tense", "aux:pass", "aux:caus", "cop"})


def lemma_of(token: Any) -> str:
    lemma = (token.lemma_ or token.text).lower()
    if token.pos_ == "VERB" and lemma == token.lower_ and lemma.endswith("e") and _present_singular(token):
        return lemma + "r"  # the lemmatizer leaves some presents as written: "reste", "tombe", "donne"
    return lemma


def _present_singular(token: Any) -> bool:
    morph = token.morph
    return morph.get("Tense") == ["Pres"] and morph.get("Mood") == ["Ind"] and morph.get("Number") == ["Sing"]


def find_triggers(analysis: Analysis, doc: Any, lex: Lexicon) -> list[int]:
    """Token indices of the triggers, in reading order (one pass over the tokens)."""
    skipped = sorted((r.start, r.end) for r in analysis.regions if r.kind in SKIPPED)
    timex_spans = sorted((t.start, t.end) for t in analysis.timexes)
    out = []
    for token in doc:
        pos = token.pos_
        if pos == "VERB":
            if token.dep_ in AUX_DEPS or token.dep_ not in CLAUSE_DEPS:
                continue
            lemma = lemma_of(token)
            if lemma in lex.never_events:
                continue
            if lemma in lex.light_with_infinitive and any(
                    c.dep_ == "xcomp" and c.pos_ == "VERB" for c in token.children):
                continue
            if token.dep_ == "xcomp" and lemma_of(token.head) not in lex.never_events | lex.light_with_infinitive:
                continue  # "il décide d'attaquer": the decision is the event, not yet the attack
        elif pos == "NOUN":
            if lemma_of(token) not in lex.event_nouns and token.lower_ not in lex.event_nouns:
                continue
            if not any(c.dep_.startswith("det") or c.morph.get("PronType") == ["Art"] for c in token.children):
                continue  # "navires de débarquement", "condamnés à mort": a kind, not an event ("du" has one)
        else:
            continue
        if inside(skipped, token.idx) or inside(timex_spans, token.idx):
            continue
        out.append(token.i)
    return out


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    k = bisect_left(spans, (offset + 1,)) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]
