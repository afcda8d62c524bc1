"""The persons annales finds in texts given on the command line: a script for reading, not a test.

    python benchmarks/persons.py FILE.txt... [--dct YYYY-MM-DD] [--all-stages]

Prints, per text, each person with its mentions as written (and how many times), its titles, ranks
and role, the entities a bare name may also mean (`ambiguous_between`) and the evidence of each
merge, so that wrong merges (two people in one entity) and missed ones (one person in two
entities) can be counted by reading. Only the stages up to the entity layer run, unless
--all-stages is given.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

# Before spaCy (and numpy under it) is imported, or its thread pools are already sized.
for _variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

from annales.context import Context  # noqa: E402
from annales.model import Analysis, SourceDocument, parse_dct  # noqa: E402
from annales.pipeline import STAGES, analyze_document, runs_on  # noqa: E402


def read(text: str, dct: str | None, name: str, all_stages: bool) -> Analysis:
    document = SourceDocument(id=name, text=text, dct=parse_dct(dct, "option") if dct else None)
    if all_stages:
        return analyze_document(document)
    context = Context.default()
    analysis = Analysis.from_source(document)
    for stage in STAGES:
        if analysis.language is not None and not runs_on(stage, analysis.language):
            continue
        stage(analysis, context)
        if stage.name == "entities":
            break
    return analysis


def describe(analysis: Analysis) -> list[str]:
    names = {e.id: e.name for e in analysis.entities}
    lines: list[str] = []
    for entity in analysis.entities:
        if entity.type != "person":
            continue
        written = Counter(" ".join(m.text.split()) for m in entity.mentions)
        forms = ", ".join(f"{w} ×{n}" if n > 1 else w for w, n in written.most_common())
        lines.append(f"{entity.id:>7}  {entity.name}  [{forms}]")
        titles = list(dict.fromkeys(m.title for m in entity.mentions if m.title))
        facts = [("title", ", ".join(titles)), ("ranks", ", ".join(entity.ranks)), ("role", entity.role or "")]
        facts.append(("or", ", ".join(f"{i} {names.get(i, '?')}" for i in entity.ambiguous_between)))
        said = "; ".join(f"{k}: {v}" for k, v in facts if v)
        if said:
            lines.append(f"{'':9}{said}")
        lines += [f"{'':9}merged: {line}" for line in entity.evidence]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--dct", default=None, help="publication date YYYY-MM-DD given to every text")
    parser.add_argument("--all-stages", action="store_true", help="run the whole analysis, not only up to entities")
    args = parser.parse_args(argv)
    for path in args.paths:
        analysis = read(path.read_text(encoding="utf-8"), args.dct, str(path), args.all_stages)
        persons = [e for e in analysis.entities if e.type == "person"]
        print(f"== {path.name}: {len(persons)} persons")
        for line in describe(analysis):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
