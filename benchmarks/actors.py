"""Who acts in the events annales finds: a script, not a test (it reads texts given on the command line).

    python benchmarks/actors.py FILE.txt... [--dct YYYY-MM-DD]

Prints, per text and in total: the number of events, the share with an agent, the share with an
actor (an agent, or any participant that is a person, unit or organisation), how many participants
were found by following the text back (`resolved_from`), how many events have a place, and the
number of events whose agent is a place entity (it must be 0: a town does not attack).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

# Before spaCy (and numpy under it) is imported, or its thread pools are already sized.
for _variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

from annales.model import Analysis  # noqa: E402
from annales.pipeline import analyze  # noqa: E402

ACTOR_TYPES = frozenset({"person", "unit", "organization"})


@dataclass
class Counts:
    events: int = 0
    with_agent: int = 0
    with_actor: int = 0
    resolved: int = 0
    with_place: int = 0
    place_agents: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self, name: str) -> str:
        def share(n: int) -> str:
            return f"{n / self.events:6.1%}" if self.events else "     -"
        return (f"{name[:48]:48} {self.events:6} {share(self.with_agent)} {share(self.with_actor)} "
                f"{self.resolved:8} {share(self.with_place)} {self.place_agents:12}")


HEADER = f"{'text':48} {'events':>6} {'agent':>6} {'actor':>6} {'resolved':>8} {'place':>6} {'place agents':>12}"


def count(analysis: Analysis) -> Counts:
    types = {e.id: e.type for e in analysis.entities}
    out = Counts()
    for event in analysis.events:
        out.events += 1
        agents = [p for p in event.participants if p.role == "agent"]
        out.with_agent += bool(agents)
        out.with_actor += bool(agents) or any(types.get(p.entity) in ACTOR_TYPES for p in event.participants)
        out.resolved += sum(p.resolved_from is not None for p in event.participants)
        out.with_place += bool(event.places)
        out.place_agents += any(types.get(p.entity) == "place" for p in agents)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--dct", default=None, help="publication date YYYY-MM-DD given to every text")
    args = parser.parse_args(argv)
    print(HEADER)
    total = Counts()
    for path in args.paths:
        analysis = analyze(path.read_text(encoding="utf-8"), args.dct, id=str(path))
        counts = count(analysis)
        total.add(counts)
        print(counts.line(path.stem))
    if len(args.paths) > 1:
        print(total.line("total"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
