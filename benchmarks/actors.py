"""Who acts in the events annales finds: a script, not a test (it reads texts given on the command line).

    python benchmarks/actors.py FILE.txt... [--dct YYYY-MM-DD] [--why] [--gold [--sample N]] [--errors]

Prints, per text and in total: the number of events, the share with an agent, the share with an
actor, the number of happenings a chronology lists by default (`annales.common.events.is_happening`),
the share of them with an actor, the share with an actor that is an entity or the narrator (phrases
left out), how many participants are phrases ("les soldats", "l'ennemi": people or a force that is no
entity) and how many were found by following the text back (`resolved_from`), how many events have a
place, and the number of events whose agent is a place entity (it must be 0: a town does not
attack). An actor is an agent or a patient that is an entity (an agent any entity but a place, a
patient a person, unit, organisation, ship or group: "prend Sommepy" has no actor), the narrator, or
a phrase. Last, the lines of the default text chronology (`annales.export.happenings.lines`: a
happening with the ones told under it, "le 9e débarque à Valmy pour attaquer") and the share whose
main happening or one told under it has an actor: what a reader of the chronology sees.
`--why` counts what the happenings without an actor have instead, read off the parse,
and the words heading the subjects that name no entity and no phrase participant.

`--gold` scores the default chronology against the lines judged by hand (the `chronology` list of
benchmarks/gold/<stem>.json, GUIDELINES.md "Chronology lines"): a system line is *judged* when its
main trigger overlaps a judged one; *happening precision* is the share of judged lines that are real
happenings; *kept* counts the judged real happenings still listed (as a line's main event or one
told under it: a change must not drop them); *actor coverage* is the share of judged lines with an
actor; an actor given on a judged line is *right* when its name (an entity's name, alias or mention,
or a phrase's words) folds to one of the line's gold actors, word for word, a plural's final s or x
left out. `--errors` prints the judged lines that are not happenings, the wrong actors, the judged
happenings no longer listed and the lines no entry judges (a line whose main event changed).
`--sample N` scores only the judged entries of sample N (an entry without `sample` is of sample 1:
the regimental histories hold two samples judged at different times, GUIDELINES.md).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

# Before spaCy (and numpy under it) is imported, or its thread pools are already sized.
for _variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

# This checkout's annales, whatever the environment has installed (an editable install points at
# another working tree).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annales.common.events import is_happening  # noqa: E402
from annales.events.participants import NARRATOR  # noqa: E402
from annales.export.happenings import lines  # noqa: E402
from annales.model import Analysis, Participant  # noqa: E402
from annales.pipeline import analyze  # noqa: E402

ACTOR_TYPES = frozenset({"person", "unit", "organization", "ship", "group"})


@dataclass
class Counts:
    events: int = 0
    with_agent: int = 0
    with_actor: int = 0
    happenings: int = 0
    happenings_with_actor: int = 0
    happenings_with_entity: int = 0  # an actor that is an entity or the narrator, not a phrase
    phrases: int = 0
    resolved: int = 0
    with_place: int = 0
    place_agents: int = 0
    lines: int = 0  # lines of the default chronology (a happening with the ones told under it)
    lines_with_actor: int = 0  # lines whose main happening, or one told under it, has an actor

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self, name: str) -> str:
        def share(n: int) -> str:
            return f"{n / self.events:6.1%}" if self.events else "     -"
        def of_happenings(n: int) -> str:
            return f"{n / self.happenings:6.1%}" if self.happenings else "     -"
        return (f"{name[:44]:44} {self.events:6} {share(self.with_agent)} {share(self.with_actor)} "
                f"{self.happenings:6} {of_happenings(self.happenings_with_actor)} "
                f"{of_happenings(self.happenings_with_entity):>8} {self.phrases:7} {self.resolved:8} "
                f"{share(self.with_place)} {self.place_agents:12} {self.lines:6} "
                f"{self.lines_with_actor / self.lines if self.lines else 0:6.1%}")


HEADER = (f"{'text':44} {'events':>6} {'agent':>6} {'actor':>6} {'happen':>6} {'actor':>6} {'entity':>8} "
          f"{'phrases':>7} {'resolved':>8} {'place':>6} {'place agents':>12} {'lines':>6} {'actor':>6}")


def is_actor(participant: Participant, types: dict[str, str], phrases: bool = True) -> bool:
    """An agent or a patient that is an entity (a patient only a person, unit, organisation, ship or
    group: a town taken is no actor), the narrator, or, with `phrases`, a phrase."""
    if participant.role not in ("agent", "patient"):
        return False
    if participant.phrase is not None:
        return phrases
    if participant.entity == NARRATOR:
        return True
    kind = types.get(participant.entity or "")
    return kind in ACTOR_TYPES or (participant.role == "agent" and kind is not None and kind != "place")


def count(analysis: Analysis, why: Counter[str], nouns: Counter[str]) -> Counts:
    types = {e.id: e.type for e in analysis.entities}
    out = Counts()
    for event in analysis.events:
        out.events += 1
        agents = [p for p in event.participants if p.role == "agent"]
        out.with_agent += bool(agents)
        actor = any(is_actor(p, types) for p in event.participants)
        out.with_actor += actor
        out.phrases += sum(p.phrase is not None for p in event.participants)
        if not is_happening(event):
            continue
        out.happenings += 1
        out.happenings_with_actor += actor
        out.happenings_with_entity += any(is_actor(p, types, phrases=False) for p in event.participants)
        if not actor:
            reason, subject = _without_actor(analysis, event.trigger.start)
            why[reason] += 1
            if subject:
                nouns[subject] += 1
    for line in lines(analysis):
        out.lines += 1
        out.lines_with_actor += any(is_actor(p, types) for e in (line.main, *line.subs) for p in e.participants)
    for event in analysis.events:
        out.resolved += sum(p.resolved_from is not None for p in event.participants)
        out.with_place += bool(event.places)
        out.place_agents += any(types.get(p.entity or "") == "place" for p in event.participants
                                if p.role == "agent")
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


GOLD_DIR = Path(__file__).resolve().parent / "gold"


@dataclass
class Judged:
    lines: int = 0  # system lines
    judged: int = 0  # system lines whose main trigger the gold judges
    happenings: int = 0  # judged lines that are real happenings
    with_actor: int = 0  # judged lines with an actor
    actors: int = 0  # actors given on judged lines
    right: int = 0  # of them right
    gold_happenings: int = 0  # judged lines of the gold that are real happenings
    kept: int = 0  # of them still listed, as a line or under one

    def add(self, other: Judged) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self, name: str) -> str:
        def frac(a: int, b: int) -> str:
            return f"{a}/{b} = {a / b:.2f}" if b else "-"
        return (f"{name[:44]:44} lines {self.lines:3}  judged {self.judged:3}  happenings "
                f"{frac(self.happenings, self.judged):>14}  kept {frac(self.kept, self.gold_happenings):>14}  "
                f"with actor {frac(self.with_actor, self.judged):>14}  "
                f"actors right {frac(self.right, self.actors):>14}")


def _words(name: str) -> list[str]:
    folded = "".join(c for c in unicodedata.normalize("NFD", name.casefold()) if not unicodedata.combining(c))
    words = "".join(c if c.isalnum() else " " for c in folded).split()
    return [w[:-1] if len(w) > 3 and w[-1] in "sx" else w for w in words]


def _names_match(gold: str, names: list[str]) -> bool:
    """A gold actor's words appear in this order in one of the system's names for the participant."""
    want = _words(gold)
    for name in names:
        have = _words(name)
        if any(have[k:k + len(want)] == want for k in range(len(have) - len(want) + 1)):
            return True
    return False


def judge(analysis: Analysis, gold: list[dict], errors: list[str] | None) -> Judged:
    text = analysis.text
    types = {e.id: e.type for e in analysis.entities}
    names = {e.id: [e.name, *e.aliases, *(text[m.start:m.end] for m in e.mentions)] for e in analysis.entities}
    out = Judged()
    listed: set[int] = set()
    for line in lines(analysis):
        out.lines += 1
        events = (line.main, *line.subs)
        listed.update(e.trigger.start for e in events)
        entry = next((g for g in gold if g["start"] < line.main.trigger.end and line.main.trigger.start < g["end"]),
                     None)
        if entry is None:
            if errors is not None:
                errors.append(f"  unjudged line    {line.main.trigger.start}:{line.main.trigger.text}")
            continue
        out.judged += 1
        out.happenings += entry["happening"]
        where = f"{line.main.trigger.start}:{line.main.trigger.text}"
        if errors is not None and not entry["happening"]:
            errors.append(f"  not a happening  {where}  ({entry.get('note', '')})")
        given = [p for e in events for p in e.participants if is_actor(p, types)]
        out.with_actor += bool(given)
        for p in given:
            out.actors += 1
            if p.entity == NARRATOR:
                system = [NARRATOR]
            elif p.phrase is not None:
                system = [text[p.phrase.start:p.phrase.end]]
            else:
                system = names.get(p.entity or "", [])
            if any(_names_match(g, system) for g in entry["actors"]):
                out.right += 1
            elif errors is not None:
                errors.append(f"  wrong actor      {where}  {p.role} {system[:1]} (gold {entry['actors']})")
    for entry in gold:
        if entry["happening"]:
            out.gold_happenings += 1
            kept = any(entry["start"] <= s < entry["end"] for s in listed)
            out.kept += kept
            if errors is not None and not kept:
                errors.append(f"  happening dropped {entry['start']}  ({entry.get('note', '')})")
    return out


def _gold_lines(path: Path, sample: int | None = None) -> list[dict] | None:
    gold_path = GOLD_DIR / f"{path.stem}.json"
    if not gold_path.exists():
        return None
    entries = json.loads(gold_path.read_text(encoding="utf-8")).get("chronology")
    if entries is None or sample is None:
        return entries
    return [e for e in entries if e.get("sample", 1) == sample]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--dct", default=None, help="publication date YYYY-MM-DD given to every text")
    parser.add_argument("--why", action="store_true", help="count what events without an actor have instead")
    parser.add_argument("--gold", action="store_true", help="score the chronology's lines against the judged gold")
    parser.add_argument("--sample", type=int, default=None, help="with --gold: score only the entries of this sample")
    parser.add_argument("--errors", action="store_true", help="with --gold: print the lines and actors judged wrong")
    args = parser.parse_args(argv)
    judged_total = Judged()
    judged_rows: list[str] = []
    print(HEADER)
    total = Counts()
    why: Counter[str] = Counter()
    nouns: Counter[str] = Counter()
    for path in args.paths:
        # newline="" as the gold's offsets are read (GUIDELINES.md)
        text = path.open(encoding="utf-8", newline="").read()
        analysis = analyze(text, args.dct, id=str(path))
        counts = count(analysis, why, nouns)
        gold = _gold_lines(path, args.sample) if args.gold else None
        if gold:
            errors: list[str] | None = [] if args.errors else None
            judged = judge(analysis, gold, errors)
            judged_total.add(judged)
            judged_rows.append(judged.line(path.stem))
            judged_rows.extend(errors or [])
        total.add(counts)
        print(counts.line(path.stem))
    if len(args.paths) > 1:
        print(total.line("total"))
    if judged_rows:
        print("\njudged chronology lines (benchmarks/gold, `chronology`):")
        print("\n".join(judged_rows))
        if len(judged_rows) > 1:
            print(judged_total.line("total"))
    if args.why:
        print("\nhappenings without an actor:")
        for reason, n in why.most_common(15):
            print(f"{n:6}  {reason}")
        print(f"\nnouns heading a subject that names no entity ({sum(nouns.values())}, {len(nouns)} lemmas):")
        print("  " + ", ".join(f"{lemma} {n}" for lemma, n in nouns.most_common(30)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
