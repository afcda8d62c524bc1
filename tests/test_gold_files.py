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
VALUE = re.compile(r"^(?:[0-9X]{2,4}(?:-(?:[0-9X]{2}|SP|SU|FA|WI|Q[1-4]|W[0-9X]{2}))?(?:-[0-9X]{2})?"
                   r"(?:T(?:[0-9X]{2}(?::[0-9X]{2})?|MO|AF|EV|NI))?|P[0-9XT.]+[YMWDHS]+.*|[A-Z_]+_REF|BC\d{4})$")
TYPES = {"person", "place", "unit", "organization", "ship", "group", "work", "event-name"}


def test_there_is_gold() -> None:
    assert len(GOLD) >= 8


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem[:40])
def test_gold_file_is_offsets_and_values(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert re.fullmatch(r"corpus-(dev|new)/[^/]+\.txt", gold["source"])
    assert re.fullmatch(r"[0-9a-f]{64}", gold["sha256"])
    for timex in gold["timexes"]:
        assert 0 <= timex["start"] < timex["end"] and re.fullmatch(r"[0-9a-f]{8}", timex["check"])
        assert timex["type"] in {"DATE", "TIME", "DURATION", "SET"}
        assert VALUE.match(timex["value"]), timex["value"]
        assert "text" not in timex and "context" not in timex  # never the source's words
    for entity in gold["entities"]:
        assert entity["type"] in TYPES and 0 <= entity["start"] < entity["end"]
    for event in gold.get("events", []):  # a trigger's offsets and the date of the happening, no words
        assert 0 <= event["start"] < event["end"] and re.fullmatch(r"[0-9a-f]{8}", event["check"])
        assert VALUE.match(event["value"]) and set(event) <= {"start", "end", "check", "value", "why"}


def test_the_scorer_skips_cleanly_without_the_shared_texts(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "score_gold.py"), "--shared",
                           str(tmp_path / "absent")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "absent" in done.stdout and "nothing to score" in done.stdout
