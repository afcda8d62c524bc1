"""Does a pathological text cost what a normal text of the same length costs?

    python benchmarks/scaling.py [--quick] [--timeout S] [--case NAME ...] [--json]

Builds French narrative of 1 000, 10 000 and 100 000 words from sentences of our own, and the
pathological inputs of issue 7 (a short sentence repeated to the same lengths, one sentence of
20 000 dates, 40 000 characters of nested brackets, a 5 000-digit number, publication dates at the
edges of the calendar). Each is analysed in a fresh process (under a timeout) and written as JSON,
as `annales analyze -f json` would; the time excludes loading the model. Prints seconds, seconds
per 1 000 words, peak RSS and the size of the JSON.

A pathological case passes when it takes at most twice what normal text as long takes (as many words
or as many characters, whichever gives the longer text; the normal run nearest in size, scaled
linearly), or at most half a second more: below that, timing noise dominates. The three slowest
stages of each case are printed under it. Exits 1 when a case fails, times out or crashes.

A script, not a test: timings depend on the machine. The whole run takes a few minutes (spaCy parses
about 7 000 tokens/s on one core); --quick leaves out the 100 000-word texts.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Before spaCy (and numpy under it) is imported, or its thread pools are already sized.
for _variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

ROOT = Path(__file__).resolve().parents[1]
MAX_RATIO = 2.0
# Below this difference (seconds) a case passes whatever the ratio: a process's timing noise.
SLACK_SECONDS = 0.5
DEFAULT_TIMEOUT = 600.0
NEWS_DCT = "1999-05-17"

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
# Sentences are built from parts with names and figures in them, so that no eight words of the
# narrative come back together by chance: normal text, not a text that repeats itself.
NAMES = ["Lefèvre", "Marchand", "Bailly", "Roux", "Duvernoy", "Martin", "Perrin", "Garnier", "Morel", "Girard",
         "Fontaine", "Chevalier", "Robin", "Masson", "Blanchard", "Guérin", "Boyer", "Lemoine", "Renaud", "Collin",
         "Vidal", "Caron", "Picard", "Roger", "Dupuis", "Brunet", "Meyer", "Barbier", "Noël", "Rolland"]
RANKS = ["le capitaine", "le colonel", "le lieutenant", "le commandant", "le sergent", "le général", "le préfet",
         "le maire", "le curé", "le docteur"]
UNITS = ["la compagnie", "le bataillon", "l'escadron", "la batterie", "la colonne", "le régiment"]
VERBS = ["quitta", "atteignit", "traversa", "reprit", "observa", "fortifia", "évacua", "occupa", "inspecta",
         "défendit", "longea", "abandonna", "contourna", "bombarda", "ravitailla", "aperçut"]
PLACE_NOUNS = ["la ferme", "le moulin", "le pont", "la redoute", "le hameau", "la gare", "le château", "le bois",
               "la carrière", "le gué", "la chapelle", "le fort"]
EXTRAS = ["après {n} heures de marche", "sous le feu de {n} canons", "en laissant {n} blessés",
          "malgré {n} jours de pluie", "avec {n} voitures de vivres", "à {n} kilomètres du canal",
          "sous les ordres de {name}", "sur l'avis de {name}", "avant l'arrivée de {name}", "dès {n} heures"]
REMARK_SUBJECTS = ["Le médecin-major", "L'aumônier", "Le vaguemestre", "Le fourrier", "L'interprète", "Le planton"]
REMARK_VERBS = ["ne savait pas", "ignorait", "se demandait", "voulait comprendre"]
REMARK_OBJECTS = ["où se trouvait la {n}e division", "pourquoi {name} tardait tant", "si {name} reviendrait",
                  "ce que voulait {name}", "quand viendrait la relève du {n}e"]


def _fill(template: str, draw: random.Random) -> str:
    return template.replace("{n}", str(draw.randint(2, 400))).replace("{name}", draw.choice(NAMES))


def _subject(draw: random.Random) -> str:
    if draw.random() < 0.5:
        return f"{draw.choice(RANKS)} {draw.choice(NAMES)}"
    return f"{draw.choice(UNITS)} du {draw.randint(1, 150)}e"


def _when(draw: random.Random, day: dict[str, int]) -> str:
    """A time expression that moves the story forward, as a narrative does."""
    day["ordinal"] += draw.randint(0, 3)
    year, rest = divmod(day["ordinal"], 365)
    month, mday = min(rest // 30, 11), rest % 28 + 1
    choice = draw.randrange(8)
    if choice == 0:
        return f"le {mday} {MONTHS[month]} {1870 + year}"
    if choice == 1:
        return f"le {mday} {MONTHS[month]}"
    if choice == 2:
        return "le lendemain"
    if choice == 3:
        return f"vers {draw.randint(5, 22)} heures"
    if choice == 4:
        return f"{draw.choice(['deux', 'trois', 'quatre'])} jours plus tard"
    if choice == 5:
        return "à l'aube"
    if choice == 6:
        return f"au début du mois de {MONTHS[month]}"
    return "ce jour-là"


def narrative(words: int, seed: int = 1870) -> str:
    """Exactly `words` words of varied French narrative, in paragraphs."""
    draw = random.Random(seed)
    day = {"ordinal": 200}
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = []
        for _ in range(draw.randint(3, 6)):
            if draw.random() < 0.2:
                sentences.append(f"{draw.choice(REMARK_SUBJECTS)} {draw.choice(NAMES)} {draw.choice(REMARK_VERBS)} "
                                 f"{_fill(draw.choice(REMARK_OBJECTS), draw)}.")
                continue
            when = _when(draw, day)
            strength = f", avec {draw.randint(2, 40) * 25} hommes," if draw.random() < 0.3 else ""
            place = f"{draw.choice(PLACE_NOUNS)} {draw.choice(NAMES)}"
            sentence = (f"{when[0].upper()}{when[1:]}, {_subject(draw)}{strength} {draw.choice(VERBS)} "
                        f"{place} {_fill(draw.choice(EXTRAS), draw)}.")
            sentences.append(sentence)
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return _cut_to_words("\n\n".join(paragraphs), words)


def _cut_to_words(text: str, words: int) -> str:
    last = list(re.finditer(r"\S+", text))[words - 1]
    return text[:last.end()]


def repetitive(words: int) -> str:
    """One short sentence printed over and over, to `words` words."""
    return _cut_to_words("Rien à signaler. " * (words // 3 + 1), words)


def dates_sentence(count: int = 20_000) -> str:
    draw = random.Random(20_000)
    dates = [f"le {draw.randint(1, 28)} {draw.choice(MONTHS)} {draw.randint(1800, 1999)}" for _ in range(count)]
    return "Le registre cite, dans cet ordre, " + ", ".join(dates) + "."


def brackets(characters: int = 40_000) -> str:
    half = characters // 2
    return "Le manuscrit porte ici une marge illisible " + "(" * half + ")" * half + " puis le récit reprend."


def long_number(digits: int = 5_000) -> str:
    figure = "7" * digits
    return (f"La garnison comptait {figure} hommes. Il y a {figure} ans, le fort n'existait pas. "
            f"Le {figure} mai, rien ne bougea. La part était de 1,{figure} pour cent. "
            "Le 3 mai 1915, le bataillon quitta la ville avec 850 hommes.")


DEICTIC = ("Hier, le conseil s'est réuni. Demain, il votera le budget. L'année prochaine, la ville agrandira "
           "le port. La semaine dernière, la crue a tout emporté. Dans trois siècles, on s'en souviendra encore. "
           "Il y a deux mille ans, une voie romaine passait ici. Le lendemain, les travaux ont repris. "
           "En 1943, le pont avait été détruit.")


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[], str]
    dct: str | None = None
    normal: bool = False  # a reference: normal text
    big: bool = False  # left out by --quick


def cases() -> list[Case]:
    found = [Case(f"normal-{n // 1000}k", lambda n=n: narrative(n), normal=True, big=n >= 100_000)
             for n in (1_000, 10_000, 100_000)]
    found += [Case(f"repetitive-{n // 1000}k", lambda n=n: repetitive(n), big=n >= 100_000)
              for n in (1_000, 10_000, 100_000)]
    found += [Case("dates-in-one-sentence", dates_sentence), Case("nested-brackets", brackets),
              Case("5000-digit-number", long_number)]
    found += [Case(f"dct-{dct}", lambda: DEICTIC, dct=dct)
              for dct in ("0001-01-01", "0001-12-31", "9999-12-31", "9999-01-01")]
    return found


# ---- one case, in its own process ---------------------------------------------------------------
def run_child(name: str) -> dict[str, Any]:
    import dataclasses
    import resource

    from annales import pipeline
    from annales.context import Context

    stage_seconds: dict[str, float] = {}

    def timed(stage: Any) -> Any:
        def run(analysis: Any, context: Any) -> None:
            began = time.perf_counter()
            stage.run(analysis, context)
            stage_seconds[stage.name] = time.perf_counter() - began
        return dataclasses.replace(stage, run=run)

    pipeline.STAGES = tuple(timed(stage) for stage in pipeline.STAGES)
    case = next(c for c in cases() if c.name == name)
    text = case.build()
    context = Context.default()
    context.nlp  # noqa: B018 - the model is loaded before the clock starts
    loaded_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    began = time.perf_counter()
    analysis = pipeline.analyze(text, case.dct, context=context)
    output = json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2)
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    slowest = sorted(stage_seconds.items(), key=lambda item: -item[1])[:3]
    return {"case": name, "chars": len(text), "words": len(text.split()),
            "tokens": len(analysis.doc) if analysis.doc is not None else None, "seconds": seconds,
            "parse_s": stage_seconds.get("backbone", 0.0), "stages": dict(slowest),
            "rss_mb": peak / 1024, "model_rss_mb": loaded_rss / 1024, "json_mb": len(output.encode()) / 1e6,
            "findings": len(analysis.findings), "timexes": len(analysis.timexes)}


def run_case(case: Case, timeout: float) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", case.name]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"case": case.name, "error": f"timed out after {timeout:.0f} s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        return {"case": case.name, "error": f"exit {done.returncode}: {last}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---- the comparison -----------------------------------------------------------------------------
def reference(result: dict[str, Any], normals: list[dict[str, Any]]) -> float | None:
    """What normal text as long as the case takes, by words or by characters, whichever is longer: a
    run of brackets is few words but many characters, a list of dates many short words. Each from
    the normal run nearest in size, scaled linearly."""
    usable = [n for n in normals if "seconds" in n]
    if not usable:
        return None
    guesses = []
    for measure in ("words", "chars"):
        nearest = min(usable, key=lambda n: abs(math.log(n[measure] / max(result[measure], 1))))
        guesses.append(nearest["seconds"] / nearest[measure] * result[measure])
    return max(guesses)


def judge(result: dict[str, Any], normals: list[dict[str, Any]]) -> None:
    if "error" in result:
        result["ok"] = False
        return
    expected = reference(result, normals)
    if expected is None:
        result["ok"] = False
        result["error"] = "no normal text measured to compare with"
        return
    result["reference_s"] = expected
    result["ratio"] = result["seconds"] / expected if expected > 0 else math.inf
    result["ok"] = result["ratio"] <= MAX_RATIO or result["seconds"] - expected <= SLACK_SECONDS


def print_table(results: list[dict[str, Any]]) -> None:
    header = (f"{'case':24} {'words':>8} {'chars':>9} {'seconds':>8} {'s/1k words':>10} {'peak RSS':>9} "
              f"{'JSON':>8} {'normal':>8} {'ratio':>6}  verdict")
    print(header)
    print("-" * len(header))
    for r in results:
        if "seconds" not in r:
            print(f"{r['case']:24} {'':>8} {'':>9} {'':>8} {'':>10} {'':>9} {'':>8} {'':>8} {'':>6}  "
                  f"FAIL: {r['error']}")
            continue
        per_k = r["seconds"] / max(r["words"], 1) * 1000
        normal = f"{r['reference_s']:8.2f}" if "reference_s" in r else f"{'':>8}"
        ratio = f"{r['ratio']:6.2f}" if "ratio" in r else f"{'':>6}"
        verdict = "reference" if "ok" not in r else ("ok" if r["ok"] else f"FAIL: over {MAX_RATIO:g}x normal")
        print(f"{r['case']:24} {r['words']:8d} {r['chars']:9d} {r['seconds']:8.2f} {per_k:10.3f} "
              f"{r['rss_mb']:7.0f}MB {r['json_mb']:6.2f}MB {normal} {ratio}  {verdict}")
        stages = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in r["stages"].items())
        print(f"{'':24} {r['tokens'] or 0:8d} tokens; slowest stages: {stages}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="leave out the 100 000-word texts")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds allowed per case")
    parser.add_argument("--case", action="append", default=[], help="run only these cases (and the normal texts)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_child(args.child)))
        return 0
    chosen = [c for c in cases() if not (args.quick and c.big) and (c.normal or not args.case or c.name in args.case)]
    results = []
    for case in chosen:
        print(f"running {case.name} …", file=sys.stderr, flush=True)
        results.append(run_case(case, args.timeout))
    normals = [r for r, c in zip(results, chosen, strict=True) if c.normal]
    for result, case in zip(results, chosen, strict=True):
        if not case.normal:
            judge(result, normals)
        elif "error" in result:
            result["ok"] = False
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print_table(results)
    failed = [r["case"] for r in results if r.get("ok") is False]
    if failed:
        print(f"\n{len(failed)} case(s) failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
