"""`ambiguous-reference`: a mention that the text leaves open between several persons."""

from __future__ import annotations

from annales.checks.common import MAX_FINDINGS, evidence, skipped
from annales.model import Analysis, Finding


def find(analysis: Analysis) -> list[Finding]:
    by_id = {entity.id: entity for entity in analysis.entities}
    findings = []
    for entity in analysis.entities:
        candidates = [by_id[c] for c in entity.ambiguous_between if c in by_id]
        if len(candidates) < 2:
            continue
        names = ", ".join(c.name for c in candidates)
        for mention in entity.mentions:
            if len(findings) == MAX_FINDINGS:
                return findings
            if skipped(analysis, mention.start, mention.end):
                continue
            findings.append(Finding(
                id="", kind="ambiguous-reference", severity="low",
                message=f"\"{mention.text}\" may refer to any of {len(candidates)} persons: {names}.",
                evidence=[evidence(analysis, mention.start, mention.end)],
                detail={"entity": entity.id, "candidates": [c.id for c in candidates]},
            ))
    return findings
