"""What must hold for any input, however broken: the invariants the fuzz test and benchmarks/fuzz.py
check on every mutated text. Mutations start from texts of our own (samples/) and mix in what real
input brings: control characters, decomposed accents, unbalanced quotes and brackets, impossible
dates, huge figures, other scripts."""

from __future__ import annotations

import csv
import io
import json
import random
import unicodedata
from typing import Any

from lxml import etree

from annales.export import FORMATS, get_writer
from annales.model import Analysis

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Pieces real texts contain and engines trip over.
NASTY = [
    "\x00", "\x1b[31m", "\u202e", "\ufeff", "\r\n", "\u2028", "\x0c", "\t", "«", "»", "“", "\"", "(", ")", "[",
    "le 31 février 1917", "le 29 février 1900", "en l'an 0", "le 1er janvier 0001", "le 31 décembre 9999",
    "9" * 60, "1" * 4400, "le lendemain", "la veille", "trois jours plus tard", "à 25 h 70", "vers minuit",
    "Le 14 juillet", "1914-1918", "le 9", "=SUM(A1)", "@cmd", "+33", "-12", "é", "e\u0301", "ﬁ", "Ⅻ",
    "日本", "Ελλάδα", "עברית", "🙂", "  ", "\n\n", "M.", "le colonel", "du 3e R.I.", "(((((((((", "»»»»",
]


def mutate(text: str, rng: random.Random, steps: int = 6) -> str:
    """`text` broken a few times over in the ways real input is broken."""
    for _ in range(steps):
        if not text:
            text = rng.choice(NASTY)
            continue
        at = rng.randrange(len(text) + 1)
        move = rng.randrange(8)
        if move == 0:
            text = text[:at] + rng.choice(NASTY) + text[at:]
        elif move == 1:
            text = text[:at] + text[at + rng.randrange(1, 200):]
        elif move == 2:
            piece = text[at:at + rng.randrange(1, 300)]
            text = text[:at] + piece * rng.randrange(2, 6) + text[at:]
        elif move == 3:
            text = unicodedata.normalize("NFD", text)
        elif move == 4:
            text = text[:at] + chr(rng.randrange(0x20, 0x3000)) + text[at:]
        elif move == 5:
            text = text.upper() if rng.random() < 0.5 else text.replace(" ", "\n", rng.randrange(1, 20))
        elif move == 6:
            text = text[at:] + text[:at]
        else:
            text = text[:at] + "".join(rng.choice(NASTY) for _ in range(rng.randrange(1, 6))) + text[at:]
    return text


def _spans(node: Any, path: str = "") -> list[tuple[str, dict]]:
    """Every dict of the contract that carries start/end offsets, with where it is."""
    found = []
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            found.append((path, node))
        for key, value in node.items():
            if key != "text":
                found.extend(_spans(value, f"{path}.{key}"))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.extend(_spans(value, f"{path}[{i}]"))
    return found


def check_invariants(analysis: Analysis) -> None:
    """Raises AssertionError when an invariant of the contract or of an export does not hold."""
    data = analysis.to_dict()
    text = data["text"]
    for path, span in _spans({k: v for k, v in data.items() if k != "text"}):
        assert 0 <= span["start"] <= span["end"] <= len(text), f"{path}: span outside the text"
        if isinstance(span.get("text"), str):
            assert text[span["start"]:span["end"]] == span["text"], f"{path}: text is not the span's"
    round_trip = json.loads(json.dumps(data, ensure_ascii=False))
    assert Analysis.from_dict(round_trip).to_dict() == data, "the JSON does not read back into the same analysis"
    for name in FORMATS:
        out = io.StringIO()
        get_writer(name)(analysis, out)
        written = out.getvalue()
        if name == "tei":
            etree.fromstring(written.encode("utf-8"))  # raises when not well-formed
        elif name in ("json", "timelinejs"):
            json.loads(written)
        elif name == "jsonl":
            assert written.count("\n") == 1 and written.endswith("\n"), "a JSONL record is one line"
            json.loads(written)
        elif name == "csv":
            for row in csv.reader(io.StringIO(written)):
                for cell in row:
                    assert not cell.startswith(FORMULA_STARTS), f"CSV cell would run as a formula: {cell[:20]!r}"
