"""`chronology`, told by the events: a person dead before being born, and a past event dated after
the text was published. Both need the event's own date (not one inherited from the narrative)."""

from __future__ import annotations

from functools import cache

from annales.checks.common import MAX_FINDINGS, evidence
from annales.common.grammar import verb_tense
from annales.common.parse import span_root
from annales.common.resources import load_rows
from annales.model import Analysis, Event, Finding


@cache
def _life_events(language: str) -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in load_rows(language, "checks", "life_events.tsv")}


def _sentence(analysis: Analysis, event: Event):
    return evidence(analysis, event.sentence.start, event.sentence.end)


def _dated(event: Event) -> bool:
    return not event.time_inferred and event.date is not None and bool(event.date.earliest) \
        and bool(event.date.latest)


def _births_and_deaths(analysis: Analysis, language: str) -> list[Finding]:
    life = _life_events(language)
    births: dict[str, list[Event]] = {}
    deaths: dict[str, list[Event]] = {}
    for event in analysis.events:
        kind = life.get(event.trigger.lemma)
        if kind is None or not _dated(event):
            continue
        for participant in event.participants:
            if participant.role == kind[1] and participant.entity is not None:  # not "les soldats"
                (births if kind[0] == "birth" else deaths).setdefault(participant.entity, []).append(event)
    names = {e.id: e.name for e in analysis.entities}
    findings: list[Finding] = []
    for person, born in births.items():
        died = deaths.get(person, [])
        # Only a birth after the earliest death contradicts any death, and each such birth gives a
        # finding: a life told a thousand times costs a thousand comparisons, not a million.
        first_death = min((d.date.latest for d in died if d.date is not None and d.date.latest), default=None)
        for birth in born:
            assert birth.date is not None
            if first_death is None or not birth.date.earliest or not first_death < birth.date.earliest:
                continue
            for death in died:
                if len(findings) == MAX_FINDINGS:
                    return findings
                assert death.date is not None
                if death.date.latest and birth.date.earliest and death.date.latest < birth.date.earliest:
                    findings.append(Finding(
                        id="", kind="chronology", severity="high",
                        message=f"{names.get(person, person)} dies ({death.date.value}) before being born "
                                f"({birth.date.value}).",
                        evidence=[_sentence(analysis, death), _sentence(analysis, birth)],
                        detail={"person": person, "birth": birth.date.value, "death": death.date.value}))
    return findings


def _after_publication(analysis: Analysis, language: str) -> list[Finding]:
    if analysis.dct is None or analysis.doc is None:
        return []
    findings = []
    written = {t.id for t in analysis.timexes if t.anchor is None and t.resolved}
    for event in analysis.events:
        if not _dated(event) or event.date is None or not event.date.earliest:
            continue
        if event.time not in written:
            continue  # only a date with its year written can contradict the publication date
        if event.date.earliest[:10] <= analysis.dct.value:
            continue
        span = analysis.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is None or not len(span) or verb_tense(span_root(span), language) != "past":
            continue  # told in the future or the present: a plan, not a contradiction
        findings.append(Finding(
            id="", kind="chronology", severity="medium",
            message=f"An event told in the past is dated {event.date.value}, after the text was published "
                    f"({analysis.dct.value}).",
            evidence=[_sentence(analysis, event)],
            detail={"date": event.date.value, "published": analysis.dct.value}))
    return findings


def find(analysis: Analysis) -> list[Finding]:
    language = analysis.language
    return (_births_and_deaths(analysis, language) + _after_publication(analysis, language))[:MAX_FINDINGS]
