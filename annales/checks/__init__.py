"""The text checked against itself: findings, one module per kind, each `find(analysis)`."""

from __future__ import annotations

from collections.abc import Callable

from annales.checks import (
    ambiguous_reference,
    chronology,
    conflicting_figures,
    lifespan,
    repetition,
    role_conflict,
    sum_mismatch,
)
from annales.context import Context, stage
from annales.model import Analysis, Finding, make_id

Check = Callable[[Analysis], list[Finding]]

# Every kind of finding, in the order its findings are listed.
CHECKS: list[Check] = [
    conflicting_figures.find,
    sum_mismatch.find,
    chronology.find,
    lifespan.find,
    repetition.find,
    role_conflict.find,
    ambiguous_reference.find,
]


@stage("checks", reads=("text", "language", "dct", "regions", "sentences", "doc", "timexes", "entities",
                        "quantities", "events"), adds=("findings",), resources="checks")
def run_checks(analysis: Analysis, context: Context) -> None:
    findings = [finding for check in CHECKS for finding in check(analysis)]
    for number, finding in enumerate(findings, start=1):
        finding.id = make_id("finding", number)
    analysis.findings = findings
