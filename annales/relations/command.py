"""`commands`: who is at the head of which unit or ship.

A sentence holding a cue of command (`resources/<lang>/relations/command_cues.tsv`) and mentions of
a person and of a unit or ship gives a relation when the dependency path between the two mentions
runs through the cue, is short, and passes no other person, unit or ship on the way. The path is
what tells "le colonel Roux, chef du 9e" (the apposition links them through "chef") from "le
colonel Roux salue le 9e, commandé par le général Morel" (the cue hangs off the unit, towards
Morel, not on the way to Roux).

A mention stands in the parse for its head token, or for the noun it is written after when the
parse hangs the name from it ("le colonel Jean Roux": "colonel", "le croiseur Gloire":
"croiseur"), since the parse attaches the sentence's other words to that noun. The words that
refer back to an entity count as its mentions, as the events layer reads them
(`annales.common.coreference`): "le régiment", "le 9e", "le colonel" — and a pronoun ("il") only
when no other entity could be meant, since a command given to the wrong man is worse than none.
The two mentions stand on the same side of every quotation: a quotation is another voice, and the
parse that joins it to the sentence around it says nothing of who commands whom.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from typing import Any

from annales.common.coreference import resolve_references
from annales.common.index import by_token
from annales.common.resources import alternation, load_rows
from annales.model import Analysis, Entity, Evidence, Relation, Span

LAYER = "relations"
COMMANDERS = ("person",)
COMMANDED = ("unit", "ship")
SKIPPED_REGIONS = ("boilerplate",)
# Edges between the two mentions in the parse: an apposition with a relative clause ("X, qui
# commande le 9e") takes four; further than that, the words are about something else.
MAX_PATH = 5
# Edges from the cue to each mention: the cue's own arguments and their nouns ("le colonel X prend
# la tête du 9e": "tête" is two from "colonel", one from "9e"; "le 9e, ayant reçu la mission sous
# le commandement de X": three from "9e").
MAX_FROM_CUE = 3
# A cue the tagger read as a word of another kind ("commande" as a pronoun) sits in a parse that
# went wrong around it: its path says nothing.
CUE_TAGS = ("VERB", "AUX", "NOUN", "PROPN", "ADJ")
# How far before a name the noun it hangs from may stand ("le capitaine de vaisseau Henri Lebrun").
NAME_NOUN_REACH = 3
NAME_LINKS = ("appos", "flat:name", "flat", "nmod")


@cache
def cue_pattern(language: str) -> re.Pattern[str]:
    surfaces = [row[0] for row in load_rows(language, LAYER, "command_cues.tsv")]
    return re.compile(r"(?<!\w)(?:" + alternation(surfaces, fold_case=True) + r")(?!\w)", re.IGNORECASE)


def commands(analysis: Analysis) -> list[Relation]:
    """Every (person, unit or ship) pair the parse links through a cue of command, in text order."""
    doc = analysis.doc
    if doc is None or analysis.language is None:
        return []
    pattern = cue_pattern(analysis.language)
    if not pattern.search(analysis.text):
        return []  # most texts never say who commands: no mention is looked at
    mentions = _mentions(analysis, doc)
    voices = _Quotations(analysis)
    by_sentence: dict[int, list[tuple[Entity, int, int, Any]]] = {}
    for entity, start, end, anchor in mentions:
        by_sentence.setdefault(anchor.sent.start, []).append((entity, start, end, anchor))
    found: list[Relation] = []
    said: set[tuple[str, str, int]] = set()  # a name and "le régiment" for one unit in one sentence: one relation
    for sentence in doc.sents:
        here = by_sentence.get(sentence.start)
        if not here:
            continue
        cues = _cue_tokens(pattern, doc, sentence)
        if not cues:
            continue
        anchors = {anchor.i for _, _, _, anchor in here}
        for person in (m for m in here if m[0].type in COMMANDERS):
            for unit in (m for m in here if m[0].type in COMMANDED):
                if voices.of(person[1]) != voices.of(unit[1]):
                    continue
                key = (person[0].id, unit[0].id, sentence.start)
                if key in said or _someone_between(analysis.text, person, unit, here):
                    continue
                cue = _cue_on_path(person[3], unit[3], cues, anchors, name_after_unit=unit[1] < person[1])
                if cue is not None:
                    said.add(key)
                    found.append(_relation(analysis, person, unit, cue))
    found.sort(key=lambda relation: (relation.evidence.start, relation.evidence.end))
    return found


def _someone_between(text: str, person: tuple[Entity, int, int, Any], unit: tuple[Entity, int, int, Any],
                     here: list[tuple[Entity, int, int, Any]]) -> bool:
    """Another person is named between the two: "X, commandant la division, transmet les
    félicitations du général Y, commandant le corps" — a parse that joins the two appositions
    would give Y's corps to X; the nearer man is the one the words are about."""
    low, high = min(person[2], unit[2]), max(person[1], unit[1])
    return any(other[0].type in COMMANDERS and other[0].id != person[0].id and low <= other[1] and other[2] <= high
               and not _coordinated(text, person, other) for other in here)


def _coordinated(text: str, a: tuple[Entity, int, int, Any], b: tuple[Entity, int, int, Any]) -> bool:
    """"Les généraux X et Y commandent …": two names joined by a comma or a conjunction alone
    share what they do."""
    first, second = sorted((a, b), key=lambda mention: mention[1])
    if not text[first[2]:second[1]].strip():
        return True
    between = a[3].doc.char_span(first[2], second[1], alignment_mode="contract")
    return between is not None and all(token.is_punct or token.pos_ == "CCONJ" for token in between)


class _Quotations:
    """The quotation an offset lies in, by bisection over the quotations' starts."""

    def __init__(self, analysis: Analysis) -> None:
        self.spans = sorted((quote.start, quote.end) for quote in analysis.quotes)
        self.starts = [start for start, _ in self.spans]
        self.reach: list[int] = []  # the furthest end among the first k + 1 quotations
        for _, end in self.spans:
            self.reach.append(max(end, self.reach[-1] if self.reach else end))

    def of(self, offset: int) -> int | None:
        """The index of the last quotation starting at or before `offset` that holds it, else None."""
        k = bisect_right(self.starts, offset) - 1
        while k >= 0 and self.reach[k] > offset:  # past that, no quotation further back reaches it
            if self.spans[k][1] > offset:
                return k
            k -= 1
        return None


def _mentions(analysis: Analysis, doc: Any) -> list[tuple[Entity, int, int, Any]]:
    """(entity, start, end, anchor token) of every mention of a person, unit or ship, and of every
    expression referring back to one."""
    references = _references(analysis, doc)
    result = [(reference.entity, reference.span.start, reference.span.end, doc[head])
              for head, reference in references.items()]
    referred = set(references)
    for entity in analysis.entities:
        if entity.type not in COMMANDERS + COMMANDED:
            continue
        for mention in entity.mentions:
            if analysis.in_region(mention.start, mention.end, *SKIPPED_REGIONS):
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            # A unit's mention holds its own noun ("11e division"); a name may hang from one before it.
            anchor = span.root if entity.type == "unit" else _anchor(span)
            if anchor.i not in referred:  # "le régiment" taken for a unit of its own is the one told before
                result.append((entity, mention.start, mention.end, anchor))
    return result


def _references(analysis: Analysis, doc: Any) -> dict[int, Any]:
    """Head token -> Reference of the words referring back to a person, unit or ship; a pronoun only
    when it had no rival."""
    entity_at = by_token(doc, ((e, m.start, m.end) for e in analysis.entities for m in e.mentions))
    dates = by_token(doc, ((True, t.start, t.end) for t in analysis.timexes))  # "le 1er" is a day
    found = resolve_references(doc, analysis.text, analysis.language, entity_at, set(dates))
    return {head: reference for head, reference in found.items()
            if reference.entity.type in COMMANDERS + COMMANDED
            and not (doc[head].pos_ == "PRON" and reference.others)
            and not analysis.in_region(reference.span.start, reference.span.end, *SKIPPED_REGIONS)}


def _anchor(span: Any) -> Any:
    """The token a mention stands for in the parse: its root, or the noun the name hangs from."""
    token = span.root
    head = token.head
    # "du 9e régiment" hangs from the noun before it through a preposition: that noun is another thing.
    governed = any(child.dep_ == "case" for child in token.children)
    if (token.dep_ in NAME_LINKS and not governed and head.i < span.start
            and span.start - head.i <= NAME_NOUN_REACH and head.pos_ in ("NOUN", "PROPN")):
        return head
    return token


def _cue_tokens(pattern: re.Pattern[str], doc: Any, sentence: Any) -> dict[int, tuple[int, int]]:
    """Token index -> (start, end) of the cue it is part of, for every cue in the sentence."""
    result: dict[int, tuple[int, int]] = {}
    offset = sentence.start_char
    for match in pattern.finditer(sentence.text):
        start, end = offset + match.start(), offset + match.end()
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for token in span:
                result.setdefault(token.i, (start, end))
    return result


def _path(a: Any, b: Any) -> list[Any]:
    """The tokens from `a` to `b` through the parse tree, both included; [] when unconnected."""
    up_a = _ancestors(a)
    up_b = _ancestors(b)
    on_b = {token.i: k for k, token in enumerate(up_b)}
    for k, token in enumerate(up_a):
        if token.i in on_b:
            return up_a[:k + 1] + list(reversed(up_b[:on_b[token.i]]))
    return []


def _ancestors(token: Any) -> list[Any]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) <= 64:
        chain.append(chain[-1].head)
    return chain


def _cue_on_path(person: Any, unit: Any, cues: dict[int, tuple[int, int]], anchors: set[int],
                 name_after_unit: bool = True) -> tuple[int, int] | None:
    """The cue the path from the person to the unit runs through, or None. `name_after_unit`: the
    person's mention is written after the unit's."""
    if person.i == unit.i:
        return None
    path = _path(person, unit)
    if not path or len(path) - 1 > MAX_PATH:
        return None
    inside = path[1:-1]
    if any(token.i in anchors for token in inside):
        return None  # another person, unit or ship stands between: the cue is about it
    last = len(path) - 1
    for k, token in enumerate(path[1:-1], start=1):
        if token.i in cues and k <= MAX_FROM_CUE and last - k <= MAX_FROM_CUE and token.pos_ in CUE_TAGS:
            return cues[token.i]
    # "le commandant du 9e, Pierre Vidal": the person's own noun is the cue when the unit hangs from it,
    # written between the noun and the name. Elsewhere the noun is the man's rank, whatever the parse
    # hangs from it: "… le 16e corps, au commandant Becker", "le commandant Becker, nommé au 340e".
    if (person.i in cues and path[1].head.i == person.i and last <= MAX_FROM_CUE and person.pos_ in CUE_TAGS
            and person.i < unit.i and name_after_unit):
        return cues[person.i]
    return None


def _relation(analysis: Analysis, person: tuple[Entity, int, int, Any], unit: tuple[Entity, int, int, Any],
              cue: tuple[int, int]) -> Relation:
    start = min(person[1], unit[1], cue[0])
    end = max(person[2], unit[2], cue[1])
    return Relation(id="", kind="commands", subject=person[0].id, object=unit[0].id, cue=Span(*cue),
                    evidence=Evidence(start, end, analysis.text[start:end]))

