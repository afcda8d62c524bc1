"""Cross-document person merging, judged on pairs of mentions in two documents (same person or not).

Two gold sets, reported apart:
- hand: benchmarks/gold/crossdoc/persons.json, pairs judged by hand over the corpus texts, the
  seeds and French TimeBank documents (written before the merging was tuned; the development set);
- hipe: pairs drawn from the Wikidata links of the HIPE and NewsEye files (hand-made by their
  annotators; never read for tuning): a positive pair is two person mentions of one Wikidata id in
  two documents, a negative one two mentions of different ids in two documents that share a name
  word. The held-out-style figure.

A pair is predicted "same" when both mentions fall in entities of one corpus entity (the
`corpus_entity` of the stored entity whose mention overlaps the gold span). A mention annales does
not hold as an entity counts as "not merged". Precision = right "same" among predicted "same";
recall = gold "same" pairs predicted "same".

    python benchmarks/crossdoc.py [--store /tmp/crossdoc.db] [--errors hand] [--regroup]

The store is built once (about 250 documents) and kept; `--regroup` recomputes the grouping on
it without analysing again. Reads ../shared; exits 0 with a message when it is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "benchmarks" / "gold" / "crossdoc" / "persons.json"
HIPE_DIR = SHARED / "data" / "hipe-dev"
TIMEBANK = SHARED / "data" / "fr-timebank-dev" / "Data"
Mention = tuple[str, int, int]  # (document id, start, end)


def _words(text: str) -> list[str]:
    """The gold's own folding (independent of the code measured): lower case, no accents, letters only."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return re.findall(r"[a-z]+", bare)


def _hipe_mentions() -> tuple[dict[str, tuple[str, str | None]], list[tuple[Mention, str, set[str]]]]:
    """Documents {id: (text, date)} and person mentions (mention, wikidata id, folded name words)."""
    from annales.eval.hipe import read_hipe

    documents: dict[str, tuple[str, str | None]] = {}
    mentions: list[tuple[Mention, str, set[str]]] = []
    for path in sorted(HIPE_DIR.glob("*.tsv")):
        hipe = read_hipe(path)
        nel = hipe.columns.index("NEL-LIT")
        coarse = hipe.columns.index("NE-COARSE-LIT")
        for doc in hipe.docs:
            doc_id = f"hipe:{path.stem}:{doc.id}"
            current: list = []
            found: list[list] = []
            for token in doc.tokens:
                tag = token.fields[coarse]
                if tag.startswith("B-") and tag[2:].lower().startswith("per"):
                    current = [token]
                    found.append(current)
                elif tag.startswith("I-") and tag[2:].lower().startswith("per") and current:
                    current.append(token)
                else:
                    current = []
            for tokens in found:
                qid = tokens[0].fields[nel]
                if qid in ("_", "NIL", ""):
                    continue
                words = {w for t in tokens for w in _words(t.text) if len(w) >= 3}
                mentions.append(((doc_id, tokens[0].start, tokens[-1].end), qid, words))
                documents[doc_id] = (doc.text, doc.date)
    return documents, mentions


def hipe_pairs() -> tuple[dict[str, tuple[str, str | None]], list[tuple[Mention, Mention, bool]]]:
    documents, mentions = _hipe_mentions()
    pairs: list[tuple[Mention, Mention, bool]] = []
    seen: set[tuple[str, str, str, str]] = set()  # one pair per (document, id) x (document, id)
    for i, (a, qa, wa) in enumerate(mentions):
        for b, qb, wb in mentions[i + 1:]:
            if a[0] == b[0]:
                continue
            same = qa == qb
            if not same and not (wa & wb):
                continue
            key = tuple(sorted([(a[0], qa), (b[0], qb)]))
            flat = (key[0][0], key[0][1], key[1][0], key[1][1])
            if flat in seen:
                continue
            seen.add(flat)
            pairs.append((a, b, same))
    used = {m[0] for pair in pairs for m in pair[:2]}
    return {k: v for k, v in documents.items() if k in used}, pairs


def hand_pairs() -> tuple[dict[str, tuple[str, str | None]], list[tuple[Mention, Mention, bool, str]]]:
    from annales.eval.timeml import read_timeml

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    documents: dict[str, tuple[str, str | None]] = {}
    pairs = []
    for pair in gold["pairs"]:
        ends = []
        for side in (pair["a"], pair["b"]):
            doc_id = side["doc"]
            if doc_id not in documents:
                kind, name = doc_id.split(":", 1)
                if kind == "timebank":
                    doc = read_timeml(TIMEBANK / f"{name}.tml")
                    documents[doc_id] = (doc.text, doc.dct)
                else:
                    documents[doc_id] = ((SHARED / name).read_text(encoding="utf-8"), None)
            ends.append((doc_id, side["start"], side["end"]))
        pairs.append((ends[0], ends[1], pair["same"], pair["why"]))
    return documents, pairs


def build(store: Path, documents: dict[str, tuple[str, str | None]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "crossdoc.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for doc_id, (text, date) in sorted(documents.items()):
                record = {"id": doc_id, "text": text, "language": "fr"}
                if date:
                    record["dct"] = date
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        subprocess.run([sys.executable, "-m", "annales", "corpus", "add", str(store), str(corpus), "--workers", "2"],
                       check=True, cwd=ROOT)


def entity_at(conn: sqlite3.Connection, mention: Mention) -> tuple[int | None, str | None]:
    """(corpus entity, entity name) of the stored entity whose mention overlaps the span."""
    doc_id, start, end = mention
    row = conn.execute(
        'SELECT e.corpus_entity, e.name FROM mentions m JOIN documents d ON d.doc = m.doc '
        'JOIN entities e ON e.doc = m.doc AND e.id = m.entity '
        'WHERE d.id = ? AND m.start < ? AND m."end" > ? AND e.type = \'person\' '
        'ORDER BY (m."end" - m.start) DESC LIMIT 1', (doc_id, end, start)).fetchone()
    return (row[0], row[1]) if row else (None, None)


def score(conn: sqlite3.Connection, pairs: list, name: str, show_errors: bool) -> dict[str, float]:
    tp = fp = fn = found = 0
    errors = []
    for pair in pairs:
        a, b, same = pair[:3]
        (ga, na), (gb, nb) = entity_at(conn, a), entity_at(conn, b)
        found += (ga is not None) + (gb is not None)
        predicted = ga is not None and ga == gb
        if predicted and same:
            tp += 1
        elif predicted:
            fp += 1
            errors.append(f"  wrong merge: {na!r} ({a[0]}) = {nb!r} ({b[0]})  [{pair[3] if len(pair) > 3 else ''}]")
        elif same:
            fn += 1
            errors.append(f"  missed: {na!r} ({a[0]}) / {nb!r} ({b[0]})")
    positives = sum(1 for p in pairs if p[2])
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / positives if positives else 1.0
    print(f"{name:5s} pairs {len(pairs):4d} (same {positives:3d})  mentions held as persons {found}/{2 * len(pairs)}"
          f"  merged right {tp}, wrongly {fp}, missed {fn}  precision {precision:.3f}  recall {recall:.3f}")
    if show_errors:
        print("\n".join(errors))
    return {"precision": precision, "recall": recall}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default=str(Path(tempfile.gettempdir()) / "annales-crossdoc.db"))
    parser.add_argument("--errors", choices=["hand"], help="list the errors of the hand set (never of hipe)")
    parser.add_argument("--regroup", action="store_true", help="recompute the grouping on the stored documents")
    parser.add_argument("--rebuild", action="store_true", help="analyse the documents again")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"{SHARED} is absent: nothing to measure")
        return 0
    sys.path.insert(0, str(ROOT))
    hand_docs, hand = hand_pairs()
    hipe_docs, hipe = hipe_pairs()
    store = Path(args.store)
    if args.rebuild and store.exists():
        store.unlink()
    if not store.exists():
        build(store, {**hand_docs, **hipe_docs})
    conn = sqlite3.connect(store)
    if args.regroup:
        from annales.corpus import grouping
        grouping.regroup(conn)
        conn.commit()
    scores = {"hand": score(conn, hand, "hand", args.errors == "hand"), "hipe": score(conn, hipe, "hipe", False)}
    return 0 if all(s["precision"] >= 0.95 and s["recall"] >= 0.8 for s in scores.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
