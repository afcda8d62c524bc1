"""`sum-mismatch`: parts that do not add up to the total the text states for them."""

from __future__ import annotations

from annales.checks.common import evidence, format_number
from annales.checks.totals import breakdowns
from annales.model import Analysis, Finding


def find(analysis: Analysis) -> list[Finding]:
    findings = []
    for breakdown in breakdowns(analysis):
        if breakdown.consistent():
            continue
        parts = " + ".join(q.text for q in breakdown.parts)
        total = " + ".join(q.text for q in breakdown.totals)
        if breakdown.kind == "part":
            message = (f"The parts {parts} come to {format_number(breakdown.parts_sum)}, more than the total "
                       f"{total} they are said to be part of.")
        else:
            message = (f"The parts {parts} add up to {format_number(breakdown.parts_sum)}, "
                       f"not to the stated total {total}.")
        spans = sorted(breakdown.parts + breakdown.totals, key=lambda q: q.start)
        findings.append(Finding(
            id="", kind="sum-mismatch", severity="medium", message=message,
            evidence=[evidence(analysis, spans[0].start, spans[-1].end)],
            detail={"parts": [q.value for q in breakdown.parts], "parts_sum": breakdown.parts_sum,
                    "totals": [q.value for q in breakdown.totals], "totals_sum": breakdown.totals_sum,
                    "quantities": [q.id for q in spans]},
        ))
    return findings
