"""Score annales against the project's own gold for texts kept under ../shared (never copied here).

    python benchmarks/score_gold.py [GOLD.json ...] [--shared ../shared] [--errors] [--json OUT]

Each gold file (benchmarks/gold/*.json) holds character offsets and values pointing into one file
of ../shared, with a hash of each span so that a changed source is noticed. The texts are analysed
by the installed annales (same code as `annales analyze FILE --format json`).

Dates: a gold expression is *found* when a system timex overlaps it, *exact* when the extents are
equal, and *right* when an overlapping system timex has the gold value (for a gold value the text
cannot give, marked unknowable, an unresolved system value is right too). Entities: a gold entity
is *found* when a system entity has a mention overlapping its first mention, and *typed* when that
entity has the gold type (unit and organization count as one family, as do group and organization);
*places as persons* counts gold places held by a person (per 2 000 words of the text), and
*function-word entities* the system mentions whose every word the parse calls a determiner, pronoun,
preposition, conjunction or auxiliary (issue 10: there must be none).
Events (gold `events`: a trigger word and the date a historian gives the happening, at the
granularity the text supports): *found* when a system event's trigger overlaps the gold trigger,
*placed* when that event's date value starts with the gold value (as `eval timeml --events` places
events); an event not found is not placed.
Quotations (gold `quotes`, GUIDELINES.md): *found* when a system quote overlaps the gold span; among
the gold quotations whose speaker is named in the same or the previous sentence (`near`),
*attributed* when an overlapping system quote has a speaker; an attribution is *right* when its
speaker is the gold one (a mention of that entity overlaps the gold mention, or the names fold
equal). Every system speaker is counted once: on a gold quotation whose speaker is null, or on a
system quote no gold quotation overlaps (a name in quote marks), it is wrong.
Without ../shared it says so and exits 0: evaluation needs the texts, the tests do not.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "benchmarks" / "gold"
FUNCTION_POS = {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART"}
SAME_FAMILY = [{"unit", "organization"}, {"group", "organization"}]


def _check(text: str, start: int, end: int) -> str:
    return hashlib.sha1(text[start:end].encode("utf-8")).hexdigest()[:8]


def _overlaps(a: dict, start: int, end: int) -> bool:
    return a["start"] < end and start < a["end"]


def _same_type(gold: str, system: str) -> bool:
    return gold == system or any({gold, system} <= family for family in SAME_FAMILY)


def _fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", name.casefold()) if not unicodedata.combining(c))


def _speaker_right(gold_speaker: dict | None, speaker: str, entities: dict[str, dict]) -> bool:
    if gold_speaker is None:
        return False
    if speaker == "narrator" or gold_speaker["name"] == "narrator":
        return speaker == gold_speaker["name"]
    entity = entities.get(speaker)
    if entity is None:
        return False
    return (any(_overlaps(m, gold_speaker["start"], gold_speaker["end"]) for m in entity["mentions"])
            or _fold(entity["name"]) == _fold(gold_speaker["name"]))


def score_quotes(gold: dict, text: str, analysis: dict, errors: list[str]) -> dict:
    """Quotations found, near ones attributed, attributions right (see the module's docstring)."""
    score = {"gold": 0, "found": 0, "near": 0, "attributed": 0, "attributions": 0, "right": 0}
    entities = {e["id"]: e for e in analysis["entities"]}
    system = analysis.get("quotes", [])
    golds = []
    for g in gold.get("quotes", []):
        if _check(text, g["start"], g["end"]) != g["check"]:
            errors.append(f"gold quote {g['start']}-{g['end']} does not match its check hash")
            continue
        golds.append(g)
    # A system quote answers for the gold quotation it covers most, the innermost on a tie: the
    # officer's words nested in a citation are his, not the citation's.
    owner: dict[str, int] = {}
    for q in system:
        overlaps = [(min(q["end"], g["end"]) - max(q["start"], g["start"]), g["start"] - g["end"], k)
                    for k, g in enumerate(golds) if _overlaps(q, g["start"], g["end"])]
        if overlaps:
            owner[q["id"]] = max(overlaps)[2]
    counted: set[str] = set()
    for k, g in enumerate(golds):
        score["gold"] += 1
        hits = [q for q in system if _overlaps(q, g["start"], g["end"])]
        score["found"] += bool(hits)
        spoken = [q for q in hits if q["speaker"] is not None and owner.get(q["id"]) == k]
        who = g["speaker"]["name"] if g["speaker"] else "nobody"
        if g["near"]:
            score["near"] += 1
            score["attributed"] += bool(spoken)
            if not spoken:
                errors.append(f"quote @{g['start']} ({who}): {'no speaker' if hits else 'not found'}")
        for q in spoken:
            counted.add(q["id"])
            score["attributions"] += 1
            right = _speaker_right(g["speaker"], q["speaker"], entities)
            score["right"] += right
            if not right:
                got = entities.get(q["speaker"], {}).get("name", q["speaker"])
                errors.append(f"quote @{g['start']}: gold speaker {who}, got {got}")
    if "quotes" in gold:
        for q in system:
            if q["speaker"] is not None and q["id"] not in counted:
                score["attributions"] += 1
                got = entities.get(q["speaker"], {}).get("name", q["speaker"])
                errors.append(f"system quote @{q['start']} {text[q['start']:q['end']][:30]!r}: speaker {got}, "
                              "no gold quotation")
    return score


def score_file(gold_path: Path, shared: Path, show_errors: bool) -> dict | None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source = shared / gold["source"]
    if not source.exists():
        print(f"{gold_path.name}: source {gold['source']} not found under {shared}; skipped")
        return None
    raw = source.read_bytes()
    if hashlib.sha256(raw).hexdigest() != gold["sha256"]:
        print(f"{gold_path.name}: {gold['source']} changed since the gold was written; skipped")
        return None
    text = raw.decode("utf-8")
    from annales.ingest.read import read_inputs
    from annales.pipeline import analyze_document

    # A gold file may give the publication date a user would pass with --dct (a newspaper's issue date).
    (document,) = list(read_inputs([str(source)], gold.get("dct")))
    made = analyze_document(document)
    analysis = made.to_dict()
    assert analysis["text"] == text, "annales reads the file differently from the gold's decoding"
    errors: list[str] = []

    timex = {"gold": 0, "found": 0, "exact": 0, "right": 0}
    for g in gold.get("timexes", []):
        if _check(text, g["start"], g["end"]) != g["check"]:
            errors.append(f"gold span {g['start']}-{g['end']} does not match its check hash")
            continue
        timex["gold"] += 1
        hits = [t for t in analysis["timexes"] if _overlaps(t, g["start"], g["end"])]
        timex["found"] += bool(hits)
        timex["exact"] += any(t["start"] == g["start"] and t["end"] == g["end"] for t in hits)
        right = any(t["value"] == g["value"] or (g.get("unknowable") and not t["resolved"]) for t in hits)
        timex["right"] += right
        if not right:
            got = ", ".join(f"{text[t['start']:t['end']]!r}={t['value']}" for t in hits) or "nothing"
            errors.append(f"date {text[g['start']:g['end']]!r} @{g['start']}: gold {g['value']}, got {got}")

    entity = {"gold": 0, "found": 0, "typed": 0, "place_as_person": 0, "function_words": 0,
              "words": len(text.split()) if gold.get("entities") else 0}  # per word of text with entity gold
    for g in gold.get("entities", []):
        entity["gold"] += 1
        owners = [e for e in analysis["entities"] if any(_overlaps(m, g["start"], g["end"]) for m in e["mentions"])]
        entity["found"] += bool(owners)
        typed = any(_same_type(g["type"], e["type"]) for e in owners)
        entity["typed"] += typed
        entity["place_as_person"] += g["type"] == "place" and any(e["type"] == "person" for e in owners)
        if not typed:
            got = ", ".join(f"{e['name']}:{e['type']}" for e in owners) or "nothing"
            errors.append(f"entity {g['name']} ({g['type']}) @{g['start']}: got {got}")
    # Issue 10: no entity is a determiner or a pronoun. Judged by spaCy (every word of a mention a
    # stop word the parse calls a function word), not by the lists annales itself filters with.
    for e in analysis["entities"]:
        for m in e["mentions"]:
            span = made.doc.char_span(m["start"], m["end"], alignment_mode="expand") if made.doc is not None else None
            if span is not None and all((t.pos_ in FUNCTION_POS and t.is_stop) or t.is_punct for t in span):
                entity["function_words"] += 1
                errors.append(f"entity {e['name']}:{e['type']} @{m['start']}: a function word")
    event = {"gold": 0, "found": 0, "placed": 0}
    for g in gold.get("events", []):
        if _check(text, g["start"], g["end"]) != g["check"]:
            errors.append(f"gold event {g['start']}-{g['end']} does not match its check hash")
            continue
        event["gold"] += 1
        hits = [e for e in analysis["events"] if _overlaps(e["trigger"], g["start"], g["end"])]
        event["found"] += bool(hits)
        values = [(e.get("date") or {}).get("value") or "" for e in hits]
        placed = any(v.startswith(g["value"]) for v in values)
        event["placed"] += placed
        if not placed:
            got = ", ".join(v or "undated" for v in values) or "no event"
            errors.append(f"event {text[g['start']:g['end']]!r} @{g['start']}: gold {g['value']}, got {got}")
    quote = score_quotes(gold, text, analysis, errors)
    if show_errors:
        for line in errors:
            print(f"  {gold_path.stem}: {line}")
    return {"file": gold_path.stem, "folder": gold["source"].split("/")[0], "timex": timex, "entity": entity,
            "event": event, "quote": quote}


def _frac(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.2f}" if b else "-"


def _row(name: str, t: dict, e: dict, v: dict, q: dict) -> str:
    row = (f"{name:<48} dates right {_frac(t['right'], t['gold']):<16} found {_frac(t['found'], t['gold']):<16} "
           f"exact extent {_frac(t['exact'], t['gold']):<16} entities typed {_frac(e['typed'], e['gold'])}"
           f"  places as persons {e['place_as_person']} ({e['place_as_person'] * 2000 / max(e['words'], 1):.2f}"
           f" per 2 000 words)  function-word entities {e['function_words']}")
    if v["gold"]:
        row += f"  events placed {_frac(v['placed'], v['gold'])} found {_frac(v['found'], v['gold'])}"
    if q["gold"] or q["attributions"]:
        row += (f"  quotes found {_frac(q['found'], q['gold'])} near attributed {_frac(q['attributed'], q['near'])}"
                f" attributions right {_frac(q['right'], q['attributions'])}")
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path, help="gold files (default: benchmarks/gold/*.json)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--errors", action="store_true", help="list every miss")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))  # this checkout's annales, whatever the environment has installed
    if not args.shared.is_dir():
        print(f"{args.shared} is absent: nothing to score (the gold points into it)")
        return 0
    # seeds/: quotations only, for the two seed articles (development text: the layer was built on them).
    files = args.gold or sorted(GOLD_DIR.glob("*.json")) + sorted((GOLD_DIR / "seeds").glob("*.json"))
    results = [r for path in files if (r := score_file(path, args.shared, args.errors)) is not None]
    groups: dict[str, list[dict]] = {}
    for r in results:
        groups.setdefault(r["folder"], []).append(r)
    summary = {}
    for folder, rows in sorted(groups.items()) + ([("ALL", results)] if len(groups) > 1 else []):
        totals_t = {k: sum(r["timex"][k] for r in rows) for k in ("gold", "found", "exact", "right")}
        totals_e = {k: sum(r["entity"][k] for r in rows)
                    for k in ("gold", "found", "typed", "place_as_person", "function_words", "words")}
        totals_v = {k: sum(r["event"][k] for r in rows) for k in ("gold", "found", "placed")}
        totals_q = {k: sum(r["quote"][k] for r in rows) for k in rows[0]["quote"]}
        if folder != "ALL":
            for r in rows:
                print(_row(r["file"], r["timex"], r["entity"], r["event"], r["quote"]))
        print(_row(f"[{folder}]", totals_t, totals_e, totals_v, totals_q))
        summary[folder] = {"timex": totals_t, "entity": totals_e, "event": totals_v, "quote": totals_q}
    if args.json:
        args.json.write_text(json.dumps({"files": results, "summary": summary}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
