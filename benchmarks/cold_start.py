"""Wall time of `annales analyze` on a short text, each run a fresh process, as a user types it.

    python benchmarks/cold_start.py [--runs N] [--limit SECONDS] [--json]

The first run starts with an empty cache (a temporary ANNALES_CACHE_DIR), the next N reuse it. Each
run is done twice: once as the plain command (its wall time is the figure that counts), once through
a wrapper that times its phases: Python start-up and exit, imports, model load, analysis (with the
writing of the output). Exits 1 when the median of the warm runs is above --limit (2.0 s by default),
or when a run fails. A script, not a test: timings depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# Our own sentence: short enough that loading, not analysing, is what gets measured.
SHORT_TEXT = "Le 3 mai 1940, le régiment quitta Reims.\n"
DEFAULT_LIMIT = 2.0
PHASES = ("startup_and_exit", "imports", "model_load", "analysis")

# Run in the child: the same command, with timestamps between its phases, printed on stderr's last line.
# Loading the model first is what `annales analyze` does anyway (on the first document), only earlier.
PROBE = """
import sys, time, json
began = time.perf_counter()
import annales.cli
imported = time.perf_counter()
from annales.context import load_model
load_model()
loaded = time.perf_counter()
try:
    annales.cli.main(sys.argv[1:])
except SystemExit as exc:
    status = exc.code or 0
else:
    status = 0
done = time.perf_counter()
sys.stdout.flush()
print(json.dumps({"imports": imported - began, "model_load": loaded - imported, "analysis": done - loaded,
                  "inside": done - began, "status": status}), file=sys.stderr)
"""


def annales_command() -> list[str]:
    """The installed console script next to this Python, else `python -m annales`."""
    script = Path(sys.executable).with_name("annales")
    return [str(script)] if script.exists() else [sys.executable, "-m", "annales"]


def run(command: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    began = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          check=False)
    return time.perf_counter() - began, done


def timed_runs(text_path: Path, runs: int) -> dict[str, Any]:
    """One cold run, then `runs` warm ones, of the plain command and of the probe, each with its own
    cache directory so that neither warms the other."""
    arguments = ["analyze", str(text_path), "-f", "json"]
    plain: list[float] = []
    probed: list[dict[str, float]] = []
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="annales-cold-") as plain_cache, \
            tempfile.TemporaryDirectory(prefix="annales-cold-probe-") as probe_cache:
        for _ in range(runs + 1):
            env = {**os.environ, "ANNALES_CACHE_DIR": plain_cache}
            seconds, done = run(annales_command() + arguments, env)
            if done.returncode != 0:
                failures.append(f"annales exited {done.returncode}: {done.stderr.strip()[-300:]}")
            plain.append(seconds)

            env = {**os.environ, "ANNALES_CACHE_DIR": probe_cache}
            seconds, done = run([sys.executable, "-c", PROBE] + arguments, env)
            try:
                inside = json.loads(done.stderr.strip().splitlines()[-1])
            except (ValueError, IndexError):
                failures.append(f"probe gave no timings: {done.stderr.strip()[-300:]}")
                continue
            if done.returncode != 0 or inside["status"] != 0:
                failures.append(f"probe exited {done.returncode} (status {inside['status']})")
            probed.append({"startup_and_exit": seconds - inside["inside"], "imports": inside["imports"],
                           "model_load": inside["model_load"], "analysis": inside["analysis"], "wall": seconds})
    return {"plain": plain, "probed": probed, "failures": failures}


def summary(results: dict[str, Any], limit: float) -> dict[str, Any]:
    plain, probed = results["plain"], results["probed"]
    warm = plain[1:]
    figures: dict[str, Any] = {
        "command": " ".join(Path(part).name if i == 0 else part for i, part in enumerate(annales_command())),
        "cold_seconds": round(plain[0], 3),
        "warm_runs": len(warm),
        "warm_median_seconds": round(statistics.median(warm), 3) if warm else None,
        "warm_best_seconds": round(min(warm), 3) if warm else None,
        "limit_seconds": limit,
        "failures": results["failures"],
    }
    if probed:
        figures["cold_phases"] = {name: round(probed[0][name], 3) for name in PHASES}
        warm_probed = probed[1:]
        if warm_probed:
            figures["warm_phases_median"] = {name: round(statistics.median(p[name] for p in warm_probed), 3)
                                             for name in PHASES}
    figures["meets_limit"] = bool(warm) and figures["warm_median_seconds"] <= limit and not results["failures"]
    return figures


def report(figures: dict[str, Any]) -> str:
    lines = [f"`{figures['command']} analyze SHORT.txt -f json`, each run a new process",
             f"cold (empty cache)   {figures['cold_seconds']:.2f} s"]
    if figures["warm_runs"]:
        lines.append(f"warm (median of {figures['warm_runs']})  {figures['warm_median_seconds']:.2f} s "
                     f"(best {figures['warm_best_seconds']:.2f} s; limit {figures['limit_seconds']:.2f} s: "
                     f"{'met' if figures['meets_limit'] else 'NOT met'})")
    for label, key in (("cold phases", "cold_phases"), ("warm phases", "warm_phases_median")):
        if key in figures:
            phases = figures[key]
            lines.append(f"{label:<12} " + ", ".join(f"{name.replace('_', ' ')} {phases[name]:.2f} s"
                                                     for name in PHASES))
    lines += [f"failure: {failure}" for failure in figures["failures"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="warm runs after the cold one (default 5)")
    parser.add_argument("--limit", type=float, default=DEFAULT_LIMIT,
                        help=f"the warm median must not exceed this many seconds (default {DEFAULT_LIMIT})")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be positive")
    if shutil.which(annales_command()[0]) is None and not Path(annales_command()[0]).exists():
        parser.error(f"cannot run {annales_command()[0]}")
    with tempfile.TemporaryDirectory(prefix="annales-cold-text-") as directory:
        text_path = Path(directory) / "short.txt"
        text_path.write_text(SHORT_TEXT, encoding="utf-8")
        figures = summary(timed_runs(text_path, args.runs), args.limit)
    print(json.dumps(figures, indent=2) if args.json else report(figures))
    return 0 if figures["meets_limit"] else 1


if __name__ == "__main__":
    sys.exit(main())
