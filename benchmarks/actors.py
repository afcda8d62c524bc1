"""Who acts in the events annales finds: a script, not a test (it reads texts given on the command line).

    python benchmarks/actors.py FILE.txt... [--dct YYYY-MM-DD] [--why]

Prints, per text and in total: the number of events, the share with an agent, the share with an
actor (an agent, or any participant that is a person, unit, organisation, ship, group or the
narrator), the same share among
the happenings a chronology lists by default (`annales.common.events.is_happening`), how many
participants were found by following the text back (`resolved_from`), how many events have a
place, and the number of events whose agent is a place entity (it must be 0: a town does not
attack). `--why` counts what the events without an actor have instead, read off the parse, and
the words heading the subjects that name no entity ("les soldats", "l'ennemi": the events layer
makes no entity of them).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

# Before spaCy (and numpy under it) is imported, or its thread pools are already sized.
for _variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

from annales.common.events import is_happening  # noqa: E402
from annales.events.participants import NARRATOR  # noqa: E402
from annales.model import Analysis  # noqa: E402
from annales.pipeline import analyze  # noqa: E402

ACTOR_TYPES = frozenset({"person", "unit", "organization", "ship", "group"})


@dataclass
class Counts:
    events: int = 0
    with_agent: int = 0
    with_actor: int = 0
    happenings: int = 0
    happenings_with_actor: int = 0
    resolved: int = 0
    with_place: int = 0
    place_agents: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self, name: str) -> str:
        def share(n: int) -> str:
            return f"{n / self.events:6.1%}" if self.events else "     -"
        happening_share = f"{self.happenings_with_actor / self.happenings:6.1%}" if self.happenings else "     -"
        return (f"{name[:44]:44} {self.events:6} {share(self.with_agent)} {share(self.with_actor)} "
                f"{self.happenings:6} {happening_share} {self.resolved:8} {share(self.with_place)} "
                f"{self.place_agents:12}")


HEADER = (f"{'text':44} {'events':>6} {'agent':>6} {'actor':>6} {'happen':>6} {'actor':>6} {'resolved':>8} "
          f"{'place':>6} {'place agents':>12}")


def count(analysis: Analysis, why: Counter[str], nouns: Counter[str]) -> Counts:
    types = {e.id: e.type for e in analysis.entities}
    out = Counts()
    for event in analysis.events:
        out.events += 1
        agents = [p for p in event.participants if p.role == "agent"]
        out.with_agent += bool(agents)
        actor = bool(agents) or any(types.get(p.entity) in ACTOR_TYPES or p.entity == NARRATOR
                                    for p in event.participants)
        out.with_actor += actor
        if is_happening(event):
            out.happenings += 1
            out.happenings_with_actor += actor
        if not actor:
            reason, subject = _without_actor(analysis, event.trigger.start)
            why[reason] += 1
            if subject:
                nouns[subject] += 1
        out.resolved += sum(p.resolved_from is not None for p in event.participants)
        out.with_place += bool(event.places)
        out.place_agents += any(types.get(p.entity) == "place" for p in agents)
    return out


def _without_actor(analysis: Analysis, start: int) -> tuple[str, str | None]:
    """What an event without an actor has instead, read off the parse around its trigger; and the
    lemma heading its subject when that subject is a noun naming no entity."""
    token = next((t for t in analysis.doc if t.idx == start), None)
    if token is None:
        return "trigger not a token", None
    if token.pos_ == "NOUN":
        return "event noun", None
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is None:
        return f"no subject of its own ({token.dep_})", None
    if subject.pos_ == "PRON":
        return f"pronoun subject '{subject.lower_}'", None
    return f"subject not an entity ({subject.pos_})", subject.lemma_.lower() if subject.pos_ == "NOUN" else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--dct", default=None, help="publication date YYYY-MM-DD given to every text")
    parser.add_argument("--why", action="store_true", help="count what events without an actor have instead")
    args = parser.parse_args(argv)
    print(HEADER)
    total = Counts()
    why: Counter[str] = Counter()
    nouns: Counter[str] = Counter()
    for path in args.paths:
        analysis = analyze(path.read_text(encoding="utf-8"), args.dct, id=str(path))
        counts = count(analysis, why, nouns)
        total.add(counts)
        print(counts.line(path.stem))
    if len(args.paths) > 1:
        print(total.line("total"))
    if args.why:
        print("\nevents without an actor:")
        for reason, n in why.most_common(15):
            print(f"{n:6}  {reason}")
        print(f"\nnouns heading a subject that names no entity ({sum(nouns.values())}, {len(nouns)} lemmas):")
        print("  " + ", ".join(f"{lemma} {n}" for lemma, n in nouns.most_common(30)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
