"""`annales corpus findings`: the findings of the corpus, each with its evidence.

The per-document findings of the analyses (`scope` "document") and the cross-source ones
(`scope` and `kind` "cross-source", `doc` NULL, evidence in both documents), which
`annales.corpus.crosssource.refresh_cross_source` rewrites at the end of each `corpus add` run.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any


@dataclass
class StoredFinding:
    document: str | None  # None for a cross-source finding
    id: str
    scope: str
    kind: str
    severity: str | None
    message: str
    evidence: list[tuple[str, int, int, str]]  # (document, start, end, text)
    detail: dict[str, Any]


def findings(conn: sqlite3.Connection, kind: str | None = None) -> list[StoredFinding]:
    sql = ("SELECT f.finding, d.id, f.id, f.scope, f.kind, f.severity, f.message, f.detail FROM findings f "
           "LEFT JOIN documents d ON d.doc = f.doc" + (" WHERE f.kind = ?" if kind else "") +
           " ORDER BY f.scope, d.id, f.finding")
    rows = conn.execute(sql, (kind,) if kind else ()).fetchall()
    evidence: dict[int, list[tuple[str, int, int, str]]] = {}
    for finding, document, start, end, text in conn.execute(
            'SELECT fe.finding, d.id, fe.start, fe."end", fe.text FROM finding_evidence fe '
            "JOIN documents d ON d.doc = fe.doc ORDER BY fe.finding, fe.rowid"):
        evidence.setdefault(finding, []).append((document, start, end, text))
    return [StoredFinding(document=document, id=identifier, scope=scope, kind=found, severity=severity,
                          message=message, evidence=evidence.get(finding, []), detail=json.loads(detail))
            for finding, document, identifier, scope, found, severity, message, detail in rows]
