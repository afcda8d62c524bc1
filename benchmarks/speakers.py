"""Who speaks the quotations annales finds: a script, not a test (it reads texts given on the command line).

    python benchmarks/speakers.py FILE.txt... [--dct YYYY-MM-DD] [--show] [--cache DIR]

Prints, per text and in total, the number of quotations and how many have a speaker (a person,
or `narrator`). `--show` lists each quotation: its first words, its speaker's name and its cue,
so a reader can count right and wrong speakers by hand. Only the stages the quotes layer reads
run (events and checks do not). `--cache DIR` keeps each text's analysis as it stands before the
quotes stage, keyed on the text and the options, so that working on the quotes layer alone does
not parse the texts again; delete DIR after any change to the other layers.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import sys
from pathlib import Path

# Before spaCy (and numpy under it) is imported, or its thread pools are already sized.
for _variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

from annales.context import Context  # noqa: E402
from annales.model import Analysis, SourceDocument, parse_dct  # noqa: E402
from annales.pipeline import STAGES, runs_on  # noqa: E402
from annales.quotes import tag_quotes  # noqa: E402

FIRST_WORDS = 8


def _before_quotes(text: str, name: str, dct: str | None, context: Context) -> Analysis:
    """The analysis of `text` up to the quotes stage (the text is taken as it is: NFC is assumed)."""
    document = SourceDocument(id=name, text=text, dct=parse_dct(dct, "option") if dct else None)
    analysis = Analysis.from_source(document)
    for stage in STAGES:
        if stage is tag_quotes:
            break
        if analysis.language is not None and not runs_on(stage, analysis.language):
            continue
        stage(analysis, context)
    return analysis


def _analysis(path: Path, dct: str | None, cache: Path | None, context: Context) -> Analysis:
    text = path.read_text(encoding="utf-8")
    if cache is None:
        return _before_quotes(text, str(path), dct, context)
    key = hashlib.sha256(f"{dct}\0{text}".encode()).hexdigest()[:24]
    stored = cache / f"{key}.pickle"
    if stored.exists():
        with stored.open("rb") as handle:
            analysis: Analysis = pickle.load(handle)
        return analysis
    analysis = _before_quotes(text, str(path), dct, context)
    cache.mkdir(parents=True, exist_ok=True)
    with stored.open("wb") as handle:
        pickle.dump(analysis, handle)
    return analysis


def _first_words(text: str, count: int = FIRST_WORDS) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--dct", help="publication date of every text, YYYY-MM-DD")
    parser.add_argument("--show", action="store_true", help="list every quotation with its speaker")
    parser.add_argument("--cache", type=Path, help="keep the analyses before the quotes stage here")
    args = parser.parse_args(argv)
    context = Context.default()
    total_quotes = total_speakers = 0
    print(f"{'text':60} {'quotes':>6} {'speaker':>7}")
    for path in args.paths:
        analysis = _analysis(path, args.dct, args.cache, context)
        tag_quotes(analysis, context)
        names = {e.id: e.name for e in analysis.entities}
        quotes = analysis.quotes
        with_speaker = sum(1 for q in quotes if q.speaker is not None)
        total_quotes += len(quotes)
        total_speakers += with_speaker
        print(f"{path.name[:60]:60} {len(quotes):6} {with_speaker:7}")
        if args.show:
            text = analysis.text
            for quote in quotes:
                speaker = "-" if quote.speaker is None else names.get(quote.speaker, quote.speaker)
                cue = repr(text[quote.cue.start:quote.cue.end][:60]) if quote.cue else "-"
                words = _first_words(text[quote.start:quote.end]).replace("\n", " ")
                print(f"    {quote.id:8} {speaker[:28]:28} cue {cue:64} « {words} »")
    print(f"{'total':60} {total_quotes:6} {total_speakers:7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
