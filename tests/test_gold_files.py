"""The project's own gold (benchmarks/gold): well-formed files of offsets and values, no text of the
sources they point into, and a scorer that says so and exits 0 when ../shared is absent."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "benchmarks" / "gold").glob("*.json"))
SEED_GOLD = sorted((ROOT / "benchmarks" / "gold" / "seeds").glob("*.json"))  # quotations only
VALUE = re.compile(r"^(?:[0-9X]{2,4}(?:-(?:[0-9X]{2}|SP|SU|FA|WI|Q[1-4]|W[0-9X]{2}))?(?:-[0-9X]{2})?"
                   r"(?:T(?:[0-9X]{2}(?::[0-9X]{2})?|MO|AF|EV|NI))?|P[0-9XT.]+[YMWDHS]+.*|[A-Z_]+_REF|BC\d{4})$")
TYPES = {"person", "place", "unit", "organization", "ship", "group", "work", "event-name"}


def test_there_is_gold() -> None:
    assert len(GOLD) >= 8


@pytest.mark.parametrize("path", GOLD + SEED_GOLD, ids=lambda p: p.stem[:40])
def test_gold_file_is_offsets_and_values(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert re.fullmatch(r"corpus-(dev|new)/[^/]+\.txt", gold["source"]) or path in SEED_GOLD
    assert re.fullmatch(r"[0-9a-f]{64}", gold["sha256"])
    for timex in gold.get("timexes", []):
        assert 0 <= timex["start"] < timex["end"] and re.fullmatch(r"[0-9a-f]{8}", timex["check"])
        assert timex["type"] in {"DATE", "TIME", "DURATION", "SET"}
        assert VALUE.match(timex["value"]), timex["value"]
        assert "text" not in timex and "context" not in timex  # never the source's words
    for entity in gold.get("entities", []):
        assert entity["type"] in TYPES and 0 <= entity["start"] < entity["end"]
    for event in gold.get("events", []):  # a trigger's offsets and the date of the happening, no words
        assert 0 <= event["start"] < event["end"] and re.fullmatch(r"[0-9a-f]{8}", event["check"])
        assert VALUE.match(event["value"]) and set(event) <= {"start", "end", "check", "value", "why"}
    for quote in gold["quotes"]:  # every file says which quotations it holds, an empty list included
        assert 0 <= quote["start"] < quote["end"] and re.fullmatch(r"[0-9a-f]{8}", quote["check"])
        assert set(quote) <= {"start", "end", "check", "speaker", "near", "note"}
        speaker = quote["speaker"]
        if speaker is None:
            assert quote["near"] is False  # no one findable is never near
        else:
            assert set(speaker) == {"name", "start", "end", "check"} and 0 <= speaker["start"] < speaker["end"]


def test_the_scorer_skips_cleanly_without_the_shared_texts(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "score_gold.py"), "--shared",
                           str(tmp_path / "absent")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "absent" in done.stdout and "nothing to score" in done.stdout


def _scorer() -> object:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import score_gold
    finally:
        sys.path.pop(0)
    return score_gold


def test_quote_scoring_counts_near_attributions_and_wrong_speakers() -> None:
    score_gold = _scorer()
    text = "Le colonel Girard dit : « Tenez. » Puis « le Fortin » tomba. « Une lettre anonyme. »"
    girard = text.index("Girard")
    quotes = [(text.index("Tenez"), text.index(" »")), (text.index("le Fortin"), text.index(" » tomba")),
              (text.index("Une lettre"), len(text) - 2)]
    gold = {"quotes": [
        {"start": quotes[0][0], "end": quotes[0][1], "check": score_gold._check(text, *quotes[0]), "near": True,
         "speaker": {"name": "Girard", "start": girard, "end": girard + 6}},
        {"start": quotes[2][0], "end": quotes[2][1], "check": score_gold._check(text, *quotes[2]), "near": False,
         "speaker": None}]}
    entities = [{"id": "ent-1", "name": "Girard", "mentions": [{"start": girard, "end": girard + 6}]},
                {"id": "ent-2", "name": "Lenoir", "mentions": []}]
    system = [{"id": "quo-1", "start": quotes[0][0], "end": quotes[0][1], "speaker": "ent-1"},
              {"id": "quo-2", "start": quotes[1][0], "end": quotes[1][1], "speaker": "ent-2"},
              {"id": "quo-3", "start": quotes[2][0], "end": quotes[2][1], "speaker": None}]
    errors: list[str] = []
    score = score_gold.score_quotes(gold, text, {"entities": entities, "quotes": system}, errors)
    # The name in quote marks is no quotation: its speaker is a wrong attribution.
    assert score == {"gold": 2, "found": 2, "near": 1, "attributed": 1, "attributions": 2, "right": 1}
    assert len(errors) == 1 and "no gold quotation" in errors[0]


def test_a_system_quote_answers_for_the_innermost_gold_quotation() -> None:
    score_gold = _scorer()
    text = "Citation : « Le colonel Girard, qui avait dit : « Tenez bon », a tenu. »"
    girard = text.index("Girard")
    outer = (text.index("Le colonel"), text.rindex(" »"))
    inner = (text.index("Tenez"), text.index(" »"))
    gold = {"quotes": [
        {"start": outer[0], "end": outer[1], "check": score_gold._check(text, *outer), "near": False, "speaker": None},
        {"start": inner[0], "end": inner[1], "check": score_gold._check(text, *inner), "near": True,
         "speaker": {"name": "Girard", "start": girard, "end": girard + 6}}]}
    entities = [{"id": "ent-1", "name": "Girard", "mentions": [{"start": girard, "end": girard + 6}]}]
    system = [{"id": "quo-1", "start": inner[0], "end": inner[1], "speaker": "ent-1"}]
    score = score_gold.score_quotes(gold, text, {"entities": entities, "quotes": system}, [])
    assert score == {"gold": 2, "found": 2, "near": 1, "attributed": 1, "attributions": 1, "right": 1}
