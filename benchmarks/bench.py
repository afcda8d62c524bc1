"""Throughput of `annales.analyze` against bare spaCy, on one core, in one process.

    python benchmarks/bench.py [--repeat N] [--words N] [--json]

Reports tokens/s of the full analysis and of `fr_core_news_md` alone on the same text (the
ratio says what our own layers cost; the target is >= 0.8), the seconds one 5 000-word
document takes, and the peak RSS. A script, not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Before spaCy (and numpy under it) is imported, or its thread pools are already sized.
for _variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
LONG_DOCUMENT_WORDS = 5000
DCT = "1999-05-17"

# Used only when samples/ is empty: a short narrative of our own, repeated to length.
FALLBACK_PARAGRAPHS = [
    "Le 3 mars 1852, le préfet arriva à Besançon par la diligence du soir. Il y resta trois semaines, "
    "le temps de visiter les casernes et d'écouter les plaintes des maires du département.",
    "L'hiver suivant fut rude. Dès la fin de novembre, le Doubs gela, et les bateliers restèrent à "
    "quai pendant près de deux mois. On distribuait du pain deux fois par semaine aux familles.",
    "Au printemps 1853, les travaux du nouveau pont reprirent. Ils durèrent jusqu'en octobre ; la "
    "ville l'inaugura le dimanche 16 octobre, à dix heures, en présence de l'évêque.",
    "Vingt ans plus tard, un incendie détruisit la moitié du quartier. Le feu prit vers minuit et "
    "ne fut maîtrisé qu'au petit matin, après six heures d'efforts.",
]


def pin_to_one_core() -> int | None:
    """Run on a single allowed core so that figures compare across machines and runs."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return core


def source_paragraphs() -> tuple[list[str], str]:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(SAMPLES.glob("*.txt"))]
    paragraphs = [p.strip() for text in texts for p in text.split("\n\n") if p.strip()]
    if paragraphs:
        return paragraphs, f"{len(texts)} file(s) in samples/"
    return FALLBACK_PARAGRAPHS, "built-in fallback narrative: samples/ is empty"


def build_text(paragraphs: list[str], words: int) -> str:
    """Exactly `words` words: the paragraphs in order, cycling as needed, cut after the last word."""
    chosen: list[str] = []
    count = 0
    while count < words:
        paragraph = paragraphs[len(chosen) % len(paragraphs)]
        chosen.append(paragraph)
        count += len(paragraph.split())
    text = "\n\n".join(chosen)
    last_word = list(re.finditer(r"\S+", text))[words - 1]
    return text[:last_word.end()]


def timings(run: Callable[[], Any], repeat: int) -> list[float]:
    result = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        result.append(time.perf_counter() - began)
    return result


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kibibytes, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def measure(repeat: int, words: int) -> dict[str, Any]:
    core = pin_to_one_core()
    began = time.perf_counter()
    from annales import analyze
    from annales.backbone import parse_text
    from annales.context import ADDED_COMPONENTS, Context

    # The very model object `analyze` uses: `load_model()` and `load_model("fr_core_news_md")` are
    # distinct cache entries, and a second copy would cost seconds and hundreds of MB of RSS.
    nlp = Context.default().nlp
    load_seconds = time.perf_counter() - began

    paragraphs, origin = source_paragraphs()
    text = build_text(paragraphs, words)
    tokens = len(nlp(text, disable=list(ADDED_COMPONENTS)))

    def full() -> Any:
        return analyze(text, dct=DCT)

    published = list(ADDED_COMPONENTS)

    def bare() -> Any:  # fr_core_news_md exactly as published, all its components
        return nlp(text, disable=published)

    context = Context.default()

    def same_components() -> Any:  # the model as annales runs it (in pieces): our layers' cost is the rest
        return parse_text(text, context)

    full()  # warm-up: lazy resources, caches, first-call allocations
    bare()
    analyze_seconds: list[float] = []
    spacy_seconds: list[float] = []
    parse_seconds: list[float] = []
    for _ in range(repeat):  # interleaved, so that drift in machine load hits all alike
        analyze_seconds += timings(full, 1)
        spacy_seconds += timings(bare, 1)
        parse_seconds += timings(same_components, 1)
    timexes = len(full().timexes)

    long_text = build_text(paragraphs, LONG_DOCUMENT_WORDS)
    long_seconds = timings(lambda: analyze(long_text, dct=DCT), max(1, min(repeat, 3)))

    analyze_rate = tokens / statistics.median(analyze_seconds)
    spacy_rate = tokens / statistics.median(spacy_seconds)
    return {
        "source": origin,
        "core": core,
        "words": len(text.split()),
        "tokens": tokens,
        "timexes": timexes,
        "repeat": repeat,
        "model_load_seconds": round(load_seconds, 2),
        "analyze_tokens_per_second": round(analyze_rate, 1),
        "analyze_best_tokens_per_second": round(tokens / min(analyze_seconds), 1),
        "spacy_tokens_per_second": round(spacy_rate, 1),
        "spacy_best_tokens_per_second": round(tokens / min(spacy_seconds), 1),
        "ratio": round(analyze_rate / spacy_rate, 3),
        "components": list(context.model_components),
        "same_components_tokens_per_second": round(tokens / statistics.median(parse_seconds), 1),
        "ratio_to_same_components": round(analyze_rate / (tokens / statistics.median(parse_seconds)), 3),
        "long_document_words": len(long_text.split()),
        "long_document_seconds": round(statistics.median(long_seconds), 3),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def report(figures: dict[str, Any]) -> str:
    verdict = "meets" if figures["ratio"] >= 0.8 else "below"
    return "\n".join([
        f"corpus: {figures['words']} words, {figures['tokens']} tokens, {figures['timexes']} timexes "
        f"({figures['source']})",
        f"one core ({figures['core']}), median of {figures['repeat']} runs after warm-up; "
        f"model loaded in {figures['model_load_seconds']:.1f} s",
        "",
        f"annales.analyze   {figures['analyze_tokens_per_second']:>9.0f} tokens/s "
        f"(best {figures['analyze_best_tokens_per_second']:.0f})",
        f"fr_core_news_md   {figures['spacy_tokens_per_second']:>9.0f} tokens/s "
        f"(best {figures['spacy_best_tokens_per_second']:.0f})",
        f"ratio             {figures['ratio']:>9.3f} ({verdict} the 0.8 target; full model, all components)",
        f"same components   {figures['same_components_tokens_per_second']:>9.0f} tokens/s "
        f"({', '.join(figures['components'])}): our layers keep "
        f"{figures['ratio_to_same_components']:.3f} of it",
        f"{figures['long_document_words']}-word document: {figures['long_document_seconds']:.2f} s",
        f"peak RSS: {figures['peak_rss_mb']:.0f} MB",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # Nine interleaved runs: on a shared machine a median of five moved by 0.05 from one call to the next.
    parser.add_argument("--repeat", type=int, default=9, help="timed runs of each pipeline (default 9)")
    parser.add_argument("--words", type=int, default=3000, help="size of the corpus in words (default 3000)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.words < 1:
        parser.error("--repeat and --words must be positive")
    figures = measure(args.repeat, args.words)
    print(json.dumps(figures, indent=2) if args.json else report(figures))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(SAMPLES.parent))  # this checkout's annales, whatever the environment has installed
    sys.exit(main())
