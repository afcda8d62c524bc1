"""`role-conflict`: two persons given the one post of head of the same defending force.

Conservative: the rank must be held by exactly two persons in the whole text, each named near a
word placing him at the head of the defence, and never together in one sentence (a sentence that
names both tells of two men, not of one post).
"""

from __future__ import annotations

import bisect

from annales.checks.common import MAX_FINDINGS, SentenceIndex, cue_pattern, evidence, skipped
from annales.model import Analysis, Entity, Event, Finding, Mention

# How far from a mention a word of command may stand and still be about this person.
WINDOW = 500


def _rank_key(rank: str) -> str:
    return " ".join(rank.lower().replace("-", " ").split())


def _commanding_mention(analysis: Analysis, entity: Entity) -> Mention | None:
    pattern = cue_pattern(analysis.language, "command_cues")
    for mention in entity.mentions:
        if skipped(analysis, mention.start, mention.end):
            continue
        window = analysis.text[max(0, mention.start - WINDOW):mention.end + WINDOW]
        if pattern.search(window):
            return mention
    return None


def _same_role(analysis: Analysis) -> list[Finding]:
    holders: dict[str, list[Entity]] = {}
    for entity in analysis.entities:
        if entity.type != "person" or entity.ambiguous_between:
            continue
        ranks = {_rank_key(m.rank) for m in entity.mentions if m.rank}
        if len(ranks) == 1:
            holders.setdefault(ranks.pop(), []).append(entity)
    findings = []
    index = SentenceIndex(analysis)
    for rank, entities in holders.items():
        if len(entities) != 2:
            continue
        first, second = entities
        one, two = _commanding_mention(analysis, first), _commanding_mention(analysis, second)
        if one is None or two is None:
            continue
        first_sentences = {index.number_of(m.start) for m in first.mentions}
        second_sentences = {index.number_of(m.start) for m in second.mentions}
        shared = bool((first_sentences & second_sentences) - {None})
        if shared or len(first_sentences | second_sentences) < 2:
            continue
        ranked_one = next(m for m in first.mentions if m.rank)
        ranked_two = next(m for m in second.mentions if m.rank)
        findings.append(Finding(
            id="", kind="role-conflict", severity="medium",
            message=(f"Two different persons, {first.name} and {second.name}, are both given as the "
                     f"{ranked_one.rank} at the head of the same force."),
            evidence=[evidence(analysis, ranked_one.start, ranked_one.end),
                      evidence(analysis, ranked_two.start, ranked_two.end)],
            detail={"rank": rank, "persons": [first.id, second.id],
                    "command_mentions": [[one.start, one.end], [two.start, two.end]]},
        ))
    return findings


def _rank_at_dates(analysis: Analysis) -> list[Finding]:
    """One person given two different ranks on the same date, each stated with its own date."""
    names = {e.id: e.name for e in analysis.entities}
    stated: dict[str, list[tuple[str, str, Event]]] = {}
    for event in analysis.events:
        if event.time_inferred or event.date is None or not event.date.earliest:
            continue
        for participant in event.participants:
            if participant.rank and participant.entity is not None:
                stated.setdefault(participant.entity, []).append((_rank_key(participant.rank), participant.rank, event))
    findings: list[Finding] = []
    for person, ranks in stated.items():
        # A promotion between two dates is no contradiction: only ranks stated in one month are
        # compared. Indexed by month and rank, so a person named with one rank a thousand times
        # costs a thousand lookups, not half a million comparisons.
        at: dict[str, dict[str, list[int]]] = {}  # month -> rank key -> indices in `ranks`
        for i, (key, _, event) in enumerate(ranks):
            assert event.date is not None
            at.setdefault(event.date.earliest[:7], {}).setdefault(key, []).append(i)
        reported: set[tuple[str, str]] = set()
        for i, (key_a, rank_a, event_a) in enumerate(ranks):
            assert event_a.date is not None
            same_month = at[event_a.date.earliest[:7]]
            later = []
            for key_b, indices in same_month.items():
                if key_b == key_a or (key_a, key_b) in reported:
                    continue
                j = bisect.bisect_right(indices, i)
                if j < len(indices):
                    later.append(indices[j])
            for j in sorted(later):
                if len(findings) == MAX_FINDINGS:
                    return findings
                key_b, rank_b, event_b = ranks[j]
                assert event_b.date is not None
                reported.add((key_a, key_b))
                findings.append(Finding(
                    id="", kind="role-conflict", severity="medium",
                    message=f"{names.get(person, person)} is {rank_a} and {rank_b} at the same date "
                            f"({event_a.date.value}).",
                    evidence=[evidence(analysis, event_a.sentence.start, event_a.sentence.end),
                              evidence(analysis, event_b.sentence.start, event_b.sentence.end)],
                    detail={"person": person, "ranks": [rank_a, rank_b], "date": event_a.date.value}))
    return findings


def find(analysis: Analysis) -> list[Finding]:
    return (_same_role(analysis) + _rank_at_dates(analysis))[:MAX_FINDINGS]
