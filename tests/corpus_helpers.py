"""Hand-built analyses for the corpus store's tests: the JSON contract, without running the pipeline."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from annales.model import (
    Analysis,
    Dct,
    Entity,
    Event,
    EventDate,
    Evidence,
    Finding,
    Interval,
    Mention,
    Participant,
    Sentence,
    Source,
    Span,
    Timex,
    Trigger,
)


def _at(text: str, words: str, after: int = 0) -> int:
    start = text.find(words, after)
    assert start >= 0, f"{words!r} not in the text"
    return start


def analysis(doc_id: str, text: str, *, entities: list[dict[str, Any]] = (),  # type: ignore[assignment]
             dates: list[tuple[str, str, str, str]] = (),  # type: ignore[assignment]
             events: list[dict[str, Any]] = (),  # type: ignore[assignment]
             findings: list[tuple[str, str, list[str]]] = (),  # type: ignore[assignment]
             dct: str | None = None, version: str = "1") -> dict[str, Any]:
    """An analysis dict of `text`: sentences end at each full stop; `entities` are dicts with type,
    name, and optionally aliases, ranks, ambiguous (every occurrence of the name or an alias is a
    mention); `dates` are (words, value, earliest, latest); `events` dicts with trigger (words),
    optionally date (a value of `dates`), inferred, happening, agents, patients, places (names), rank;
    `findings` (kind, message, evidence words). `version` changes the sha256."""
    sentences = [Sentence(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text) if m.group().strip()]
    sentences = [Sentence(s.start + len(text[s.start:s.end]) - len(text[s.start:s.end].lstrip()), s.end)
                 for s in sentences]
    result = Analysis(id=doc_id, text=text, language="fr",
                      source=Source(path=doc_id, sha256=hashlib.sha256((text + version).encode()).hexdigest(),
                                    encoding="utf-8"),
                      dct=Dct(dct, "option") if dct else None, sentences=sentences)
    ids: dict[str, str] = {}
    for number, spec in enumerate(entities, 1):
        entity = Entity(id=f"ent-{number}", type=spec["type"], name=spec["name"],
                        aliases=list(spec.get("aliases", [])), ranks=list(spec.get("ranks", [])),
                        rank=(spec.get("ranks") or [None])[0], role=spec.get("role"),
                        ambiguous_between=list(spec.get("ambiguous", [])))
        for name in [spec["name"], *spec.get("aliases", [])]:
            for match in re.finditer(re.escape(name), text):
                entity.mentions.append(Mention(match.start(), match.end(), name))
        entity.mentions.sort(key=lambda mention: mention.start)
        result.entities.append(entity)
        ids[spec["name"]] = entity.id
    timex_of: dict[str, Timex] = {}
    for number, (words, value, earliest, latest) in enumerate(dates, 1):
        start = _at(text, words)
        timex = Timex(id=f"tmx-{number}", start=start, end=start + len(words), text=words, type="DATE", value=value,
                      interval=Interval(earliest, latest), anchoring="explicit", confidence=0.9, story_line=True)
        result.timexes.append(timex)
        timex_of[value] = timex
    for number, spec in enumerate(events, 1):
        start = _at(text, spec["trigger"])
        sentence = next(s for s in sentences if s.start <= start < s.end)
        timex = timex_of.get(spec.get("date", ""))
        participants = [Participant(entity=ids[name], role="agent", rank=spec.get("rank"))
                        for name in spec.get("agents", [])]
        participants += [Participant(entity=ids[name], role="patient") for name in spec.get("patients", [])]
        result.events.append(Event(
            id=f"evt-{number}", sentence=Span(sentence.start, sentence.end),
            trigger=Trigger(start, start + len(spec["trigger"]), spec["trigger"], spec.get("lemma", spec["trigger"]),
                            "VERB"),
            time=None if timex is None or spec.get("inferred") else timex.id, time_inferred=bool(spec.get("inferred")),
            date=EventDate(timex.value, timex.interval.earliest, timex.interval.latest)
            if timex is not None and timex.interval else None,
            participants=participants, places=[ids[name] for name in spec.get("places", [])], story_order=number,
            happening=spec.get("happening", True)))
    for number, (kind, message, words) in enumerate(findings, 1):
        result.findings.append(Finding(id=f"fnd-{number}", kind=kind, severity="medium", message=message,  # type: ignore[arg-type]
                                       evidence=[Evidence(_at(text, w), _at(text, w) + len(w), w) for w in words]))
    return result.to_dict()


SIEGE = analysis(
    "siege.txt",
    "Le 12 février 1871, le colonel Denfert-Rochereau tient toujours Belfort. "
    "La garnison compte 17 000 hommes. Le 18 février 1871, Denfert-Rochereau rend la place.",
    entities=[{"type": "person", "name": "Denfert-Rochereau", "ranks": ["colonel"]},
              {"type": "place", "name": "Belfort"}],
    dates=[("12 février 1871", "1871-02-12", "1871-02-12", "1871-02-12"),
           ("18 février 1871", "1871-02-18", "1871-02-18", "1871-02-18")],
    events=[{"trigger": "tient", "lemma": "tenir", "date": "1871-02-12", "agents": ["Denfert-Rochereau"],
             "places": ["Belfort"], "rank": "colonel"},
            {"trigger": "compte", "lemma": "compter", "happening": False},
            {"trigger": "rend", "lemma": "rendre", "date": "1871-02-18", "agents": ["Denfert-Rochereau"],
             "rank": "colonel"}],
    findings=[("conflicting-figures", "17 000 here, 15 000 elsewhere.", ["17 000 hommes"])],
)

DIARY = analysis(
    "diary.txt",
    "Le 3 août 1914, le 9e régiment quitte Agen. Le lendemain, le général Denfert-Rochereau passe en revue "
    "le 9e régiment à Épinal. Smith observe. Pendant la guerre, les Épinaliens attendent.",
    entities=[{"type": "unit", "name": "9e régiment"},
              {"type": "person", "name": "Denfert-Rochereau", "ranks": ["général"]},
              {"type": "place", "name": "Agen"}, {"type": "place", "name": "Épinal"},
              {"type": "person", "name": "Smith", "ambiguous": ["ent-9", "ent-10"]}],
    dates=[("3 août 1914", "1914-08-03", "1914-08-03", "1914-08-03"),
           ("Le lendemain", "1914-08-04", "1914-08-04", "1914-08-04")],
    events=[{"trigger": "quitte", "lemma": "quitter", "date": "1914-08-03", "agents": ["9e régiment"],
             "places": ["Agen"]},
            {"trigger": "passe en revue", "lemma": "passer", "date": "1914-08-04", "agents": ["Denfert-Rochereau"],
             "patients": ["9e régiment"], "places": ["Épinal"], "rank": "général"},
            {"trigger": "observe", "lemma": "observer", "date": "1914-08-04", "inferred": True,
             "agents": ["Smith"]},
            {"trigger": "attendent", "lemma": "attendre", "happening": False}],
)
