"""TimelineJS3 export: dated events as slides, vague dates as intervals marked uncertain."""

from __future__ import annotations

import io
import json
from typing import Any

from test_export_tei import sample

from annales.export import timelinejs
from annales.model import Analysis


def _json(analysis: Analysis) -> dict[str, Any]:
    stream = io.StringIO()
    timelinejs.write(analysis, stream)
    return json.loads(stream.getvalue())


def test_events_become_slides() -> None:
    out = _json(sample())
    assert out["title"]["text"]["headline"] == "Verdun &amp; Brest"
    first, second, third = out["events"]
    assert first["start_date"] == {"year": "1917", "month": "3", "day": "3"}
    assert "end_date" not in first and "display_date" not in first
    # The headline is the clause's own words, not the lemma: actor, verb as written, place.
    assert first["text"]["headline"] == "Le général Nivelle quitte Verdun"
    assert first["unique_id"] == "ev1" and first["group"] == "Verdun"
    assert second["text"]["headline"] == "Le croiseur Gloire rentre à Brest"
    assert second["start_date"] == {"year": "1917", "month": "3", "day": "21"}
    assert second["end_date"] == {"year": "1917", "month": "6", "day": "20"}
    assert second["display_date"] == "printemps 1917 (incertain)"
    assert "&lt;script&gt;&amp;" in second["text"]["text"]
    assert third["display_date"].endswith("(incertain)")


def test_timex_fallback_and_empty() -> None:
    analysis = sample()
    analysis.events = []
    slides = _json(analysis)["events"]
    assert [s["unique_id"] for s in slides] == ["t1", "t2"]  # the unresolved "Le 18" has no slide
    assert slides[0]["text"]["text"].startswith("Le 3 mars 1917")
    assert _json(Analysis(id="e", text=""))["events"] == []


def test_parts() -> None:
    assert timelinejs.parts("1917-03-04T06:05") == {"year": "1917", "month": "3", "day": "4", "hour": "6",
                                                    "minute": "5"}
    assert timelinejs.parts("1944-SU") is None and timelinejs.parts("XXXX-12-20") is None


def test_deterministic() -> None:
    assert _json(sample()) == _json(sample())


def test_through_analyze(context) -> None:
    from annales import analyze

    out = _json(analyze("Le 12 juin 1940, Weygand arrive à Briare.", dct="1940-06-20", context=context))
    assert out["events"] and out["events"][0]["start_date"]["year"] == "1940"
