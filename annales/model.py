"""The document model: one `Analysis` that every stage reads and extends.

Every span is a pair of character offsets into `Analysis.text`, so each claim points back to
the words it was read from. `Analysis.to_dict()` is the JSON contract (`schema: annales/2`) and
`Analysis.from_dict()` reads it back. Ids carry their kind (`tmx-1`, `ent-1`, `qty-1`, `quo-1`,
`evt-1`, `fnd-1`, `rel-1`), so an id found anywhere says what it points to.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import types
import typing
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, ClassVar, Literal

from annales.errors import InputError

SCHEMA = "annales/2"
# Readable by from_dict: the current contract only (annales/1 used other ids and untyped attributes).
READABLE_SCHEMAS = frozenset({SCHEMA})
ID_PREFIXES = {"timex": "tmx", "entity": "ent", "quantity": "qty", "quote": "quo", "event": "evt", "finding": "fnd",
               "relation": "rel"}


def make_id(kind: str, number: int) -> str:
    """The id of the `number`-th item of `kind` ("timex", "entity", …): "tmx-3"."""
    return f"{ID_PREFIXES[kind]}-{number}"

RegionKind = Literal["boilerplate", "heading", "byline", "quote-block", "list", "sidebar"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
DctOrigin = Literal["option", "byline", "html-meta", "jsonl"]


@dataclass
class Source:
    path: str | None = None
    sha256: str | None = None
    encoding: str | None = None
    media_type: str = "text/plain"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "encoding": self.encoding,
                "media_type": self.media_type}


_ISO_DATE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")


def valid_iso_date(value: object) -> str | None:
    """`value` when it is a real calendar date written YYYY-MM-DD (years 0001–9999), else None."""
    return _valid_iso_string(value) if isinstance(value, str) else None


@lru_cache(maxsize=4096)
def _valid_iso_string(value: str) -> str | None:
    # Cached: the events layer asks the same few days of every timex of a text again and again.
    if not _ISO_DATE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        return None


@dataclass(frozen=True)
class Dct:
    """When the text was published (not when its story happens): always a real calendar date.

    Built from untrusted input with `parse_dct`; constructing one with a bad value raises
    InputError, so an API caller cannot slip "hier" or 2023-02-30 past the command line's checks.
    """

    value: str  # ISO date, YYYY-MM-DD
    origin: DctOrigin

    def __post_init__(self) -> None:
        if valid_iso_date(self.value) != self.value:
            raise InputError(f"a publication date must be a real date written YYYY-MM-DD, got {self.value!r}")

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "origin": self.origin}


def parse_dct(value: object, origin: DctOrigin) -> Dct:
    """A Dct from what a user or a file gave; InputError names the bad value."""
    iso = valid_iso_date(value.strip() if isinstance(value, str) else value)
    if iso is None:
        raise InputError(f"a publication date must be a real date written YYYY-MM-DD, got {value!r}")
    return Dct(iso, origin)


@dataclass
class Region:
    start: int
    end: int
    kind: RegionKind

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind}


@dataclass
class Sentence:
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass
class Interval:
    earliest: str
    latest: str

    def to_dict(self) -> dict[str, Any]:
        return {"earliest": self.earliest, "latest": self.latest}


@dataclass
class Timex:
    id: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    anchor: str | None = None  # None, "dct" or the id of the timex it was resolved against
    resolved: bool = True
    interval: Interval | None = None
    # How the value was reached: explicit | dct | story | relative-to-timex | relative-to-event (None
    # for durations and sets), and how sure the engine is of it (0–1; None when unresolved).
    anchoring: str | None = None
    confidence: float | None = None
    # True: a step of the story's time (events without a date of their own inherit it); False: a
    # reference off the story's line ("depuis 1921", a flash-forward, an aside); None: no date.
    story_line: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "start": self.start, "end": self.end, "text": self.text,
                "type": self.type, "value": self.value, "mod": self.mod, "anchor": self.anchor,
                "resolved": self.resolved,
                "interval": self.interval.to_dict() if self.interval else None,
                "anchoring": self.anchoring, "confidence": self.confidence, "story_line": self.story_line}


@dataclass
class Span:
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass
class Mention:
    start: int
    end: int
    text: str
    rank: str | None = None  # the military or naval rank as written at this mention ("Rear Admiral")
    role: Span | None = None  # an apposition that says what the person is ("Jaurès, député du Tarn")
    descriptor: Span | None = None  # words before the name that describe the person ("le jeune Paul Girard")
    title: str | None = None  # a civil title or form of address as written ("M.", "Mme", "Mgr")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text, "rank": self.rank}
        if self.title is not None:
            out["title"] = self.title
        if self.role is not None:
            out["role"] = self.role.to_dict()
        if self.descriptor is not None:
            out["descriptor"] = self.descriptor.to_dict()
        return out


# "group": a people or a collective named by a demonym ("les Helvètes", "les Zoulous"), not a place.
EntityType = Literal["person", "place", "organization", "unit", "ship", "event-name", "work", "group"]


@dataclass
class Entity:
    id: str
    type: EntityType
    name: str  # canonical name
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    rank: str | None = None  # a person's first stated rank or title ("colonel")
    ranks: list[str] = field(default_factory=list)  # every rank stated, in order of telling
    role: str | None = None  # what the text says the person is ("député du Tarn")
    hull: str | None = None  # a ship's hull number ("BB-46")
    abbreviation: str | None = None  # a unit's abbreviation as written ("R.I.")
    ambiguous_between: list[str] = field(default_factory=list)  # entity ids a bare surname may mean
    title: str | None = None  # a person's first stated civil title ("M.", "Mgr"); ranks are not titles
    # Why the mentions were taken as one entity, one line per merge ("'Radek' is the surname of 'Karl
    # Radek', the only Radek in the text"): a reader, or a corpus merging across documents, can check it.
    evidence: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "name": self.name, "aliases": list(self.aliases),
                "rank": self.rank, "ranks": list(self.ranks), "role": self.role, "title": self.title,
                "hull": self.hull, "abbreviation": self.abbreviation,
                "ambiguous_between": list(self.ambiguous_between), "evidence": list(self.evidence),
                "mentions": [m.to_dict() for m in self.mentions]}


@dataclass
class Quantity:
    id: str
    start: int
    end: int
    text: str
    value: float | int | None
    approx: bool = False
    comparator: str | None = None  # "more-than", "less-than", "about"
    counted: str | None = None  # what is counted ("combattants")
    unit: str | None = None  # a unit of measure ("mm", "km", "t", "%")
    of_entity: str | None = None  # the entity whose strength this is

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "start": self.start, "end": self.end, "text": self.text, "value": self.value,
                "approx": self.approx, "comparator": self.comparator, "counted": self.counted,
                "unit": self.unit, "of_entity": self.of_entity}


@dataclass
class Quote:
    id: str
    start: int
    end: int
    speaker: str | None = None  # an entity id, "narrator", or None when no cue says who
    cue: Span | None = None  # the words that attribute the quote ("dit-il", "selon X")

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "start": self.start, "end": self.end, "speaker": self.speaker,
                "cue": self.cue.to_dict() if self.cue else None}


@dataclass
class Participant:
    # Who takes part: an entity id, or "narrator" (a first-person pronoun outside quotations), or None
    # when the participant is no entity and `phrase` holds the words naming it (README, the event
    # contract). Exactly one of `entity` and `phrase` is set.
    entity: str | None
    role: str  # "agent" | "patient" | "other"
    rank: str | None = None  # the person's rank as stated at the event's date, when known
    # The words that name the participant when they do not name it themselves ("il", "le régiment",
    # "le 9e"): the entity was found by following the text back from them.
    resolved_from: Span | None = None
    # The words naming people or a force that is no entity ("les soldats", "l'ennemi", "l'armée
    # française"): determiner, adjectives and noun, no relative clause.
    phrase: Span | None = None

    def __post_init__(self) -> None:
        if (self.entity is None) == (self.phrase is None):
            raise ValueError("a participant is an entity or a phrase, exactly one of them")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"entity": self.entity, "role": self.role}
        if self.phrase is not None:
            out["phrase"] = self.phrase.to_dict()
        if self.rank is not None:
            out["rank"] = self.rank
        if self.resolved_from is not None:
            out["resolved_from"] = self.resolved_from.to_dict()
        return out


@dataclass
class EventDate:
    value: str
    earliest: str | None = None
    latest: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "earliest": self.earliest, "latest": self.latest}


@dataclass
class Trigger:
    start: int
    end: int
    text: str
    lemma: str
    pos: str | None = None  # the trigger's part of speech (VERB, NOUN, ADJ): a reader needs no parse

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "lemma": self.lemma, "pos": self.pos}


EventClass = Literal["OCCURRENCE", "STATE", "REPORTING", "PERCEPTION", "ASPECTUAL", "I_ACTION", "I_STATE"]
Factuality = Literal["fact", "counterfactual", "possible", "future", "reported"]
Aspect = Literal["perfective", "imperfective"]


@dataclass
class Event:
    # `event_class` is written "class" in the JSON (a Python keyword cannot be a field name).
    JSON_FIELDS: ClassVar[dict[str, str]] = {"class": "event_class"}

    id: str
    sentence: Span
    trigger: Trigger
    time: str | None = None  # the timex id that dates it
    time_inferred: bool = False  # dated by the narrative's current time, not by its own words
    date: EventDate | None = None
    participants: list[Participant] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # entity ids
    quantities: list[str] = field(default_factory=list)  # quantity ids
    story_order: int = 0  # order of telling (1 = first told)
    # TimeML's view of the event: its class, polarity (POS/NEG), the modal or conditional that
    # qualifies it, and what the text commits to: a fact, a counterfactual, a possibility, a future,
    # or what someone reports.
    event_class: EventClass = "OCCURRENCE"
    polarity: Literal["POS", "NEG"] = "POS"
    modality: str | None = None
    factuality: Factuality = "fact"
    # "imperfective" for a verb in the imperfect ("les Espagnols pratiquaient la guérilla", "la ville
    # était défendue"): French tells background, habits and what was going on that way, not the
    # happenings of the story; "perfective" for a bounded past (passé simple, passé composé,
    # pluperfect); None when the form says nothing (nouns, present, infinitives).
    aspect: Aspect | None = None
    # Whether the default chronology lists it, as decided by the events layer (which knows the words:
    # a noun must be one that names a happening, not one whose ending merely looks deverbal); None
    # for an event built elsewhere, which `annales.common.events.is_happening` then judges by its form.
    happening: bool | None = None
    # The main event of its sentence this one is told under ("le 9e débarque à Valmy pour attaquer"),
    # None for a sentence's main event: a chronology shows one line per happening.
    head: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "sentence": self.sentence.to_dict(), "trigger": self.trigger.to_dict(),
                "class": self.event_class, "polarity": self.polarity, "modality": self.modality,
                "factuality": self.factuality, "aspect": self.aspect, "happening": self.happening,
                "head": self.head,
                "time": self.time, "time_inferred": self.time_inferred,
                "date": self.date.to_dict() if self.date else None,
                "participants": [p.to_dict() for p in self.participants], "places": list(self.places),
                "quantities": list(self.quantities), "story_order": self.story_order}


@dataclass
class Evidence:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


FindingKind = Literal["conflicting-figures", "sum-mismatch", "chronology", "repetition", "role-conflict",
                      "ambiguous-reference"]


@dataclass
class Finding:
    id: str
    kind: FindingKind
    severity: Literal["high", "medium", "low"]
    message: str  # one sentence a reader understands
    evidence: list[Evidence] = field(default_factory=list)  # never empty
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "severity": self.severity, "message": self.message,
                "evidence": [e.to_dict() for e in self.evidence], "detail": dict(self.detail)}


RelationKind = Literal["commands"]


@dataclass
class Relation:
    """What the text says links two entities, with the words it says it in: `commands` is a person
    (`subject`) at the head of a unit or ship (`object`), "le 9e, commandé par le colonel Roux"."""

    id: str
    kind: RelationKind
    subject: str  # entity id
    object: str  # entity id
    cue: Span  # the words of command ("commandé par", "à la tête", "chef")
    evidence: Evidence  # from the first to the last of the two mentions and the cue

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "subject": self.subject, "object": self.object,
                "cue": self.cue.to_dict(), "evidence": self.evidence.to_dict()}


@dataclass
class SourceDocument:
    """One input document before analysis: its text and what is known of where it came from."""

    id: str
    text: str
    source: Source = field(default_factory=Source)
    dct: Dct | None = None
    metadata: dict[str, str] = field(default_factory=dict)  # title, author, url when known
    language: str | None = None  # ISO 639-1, when the user or the corpus says it; else detected
    warnings: list[str] = field(default_factory=list)  # what reading it changed or guessed (encodings, NULs)


@dataclass
class Analysis:
    id: str
    text: str
    source: Source = field(default_factory=Source)
    language: str | None = None  # set by the language stage, or given with the document
    dct: Dct | None = None
    regions: list[Region] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    # Optional in the contract: an analysis written before relations were read has none.
    relations: list[Relation] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # The spaCy Doc of `text`, kept for later stages; never serialised.
    doc: Any = field(default=None, repr=False, compare=False)
    _region_index: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_source(cls, document: SourceDocument) -> Analysis:
        return cls(id=document.id, text=document.text, source=document.source, dct=document.dct,
                   metadata=dict(document.metadata), language=document.language, warnings=list(document.warnings))

    def regions_of(self, *kinds: str) -> list[Region]:
        return [r for r in self.regions if r.kind in kinds]

    def in_region(self, start: int, end: int, *kinds: str) -> bool:
        """True when [start, end) lies inside a region of one of `kinds`."""
        _spans, starts, reach = self._index_of(kinds)
        i = bisect_right(starts, start) - 1
        # Some region starting at or before `start` ends at or after `end` exactly when the furthest
        # end among those regions does.
        return i >= 0 and reach[i] >= end

    def region_spans(self, *kinds: str) -> list[tuple[int, int]]:
        """(start, end) of the regions of `kinds`, sorted by start."""
        return self._index_of(kinds)[0]

    def _index_of(self, kinds: tuple[str, ...]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
        """The sorted spans of the regions of `kinds`, their starts, and the furthest end among the
        first i+1 of them for every i."""
        # Stages ask this thousands of times; the regions change only while ingestion marks them.
        key = (kinds, len(self.regions), id(self.regions))
        cached = self._region_index.get(key)
        if cached is None:
            spans = sorted((r.start, r.end) for r in self.regions if r.kind in kinds)
            reach, furthest = [], -1
            for _, end in spans:
                furthest = max(furthest, end)
                reach.append(furthest)
            cached = self._region_index[key] = (spans, [s for s, _ in spans], reach)
        return cached

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "id": self.id,
            "source": self.source.to_dict(),
            "language": self.language,
            "metadata": dict(self.metadata),
            "warnings": list(self.warnings),
            "text": self.text,
            "dct": self.dct.to_dict() if self.dct else None,
            "regions": [r.to_dict() for r in sorted(self.regions, key=lambda r: (r.start, r.end))],
            "sentences": [s.to_dict() for s in self.sentences],
            "timexes": [t.to_dict() for t in self.timexes],
            "entities": [e.to_dict() for e in self.entities],
            "quantities": [q.to_dict() for q in self.quantities],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
            "findings": [f.to_dict() for f in self.findings],
            "relations": [r.to_dict() for r in self.relations],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """The analysis a `to_dict()` wrote (an `annales/2` JSON object), without its spaCy Doc.

        Raises ValueError when `data` is not such an object."""
        if not isinstance(data, dict):
            raise ValueError(f"an analysis is a JSON object, got {type(data).__name__}")
        schema = data.get("schema")
        if schema not in READABLE_SCHEMAS:
            readable = ", ".join(sorted(READABLE_SCHEMAS))
            raise ValueError(f"cannot read schema {schema!r} (this version reads {readable})")
        fields = {k: v for k, v in data.items() if k != "schema"}
        return _build(cls, fields)


def _build(cls: type, data: Any) -> Any:
    """An instance of dataclass `cls` from its `to_dict()` form, nested dataclasses included."""
    if not isinstance(data, dict):
        raise ValueError(f"{cls.__name__}: a JSON object is expected, got {type(data).__name__}")
    hints = _hints(cls)
    renamed = getattr(cls, "JSON_FIELDS", {})
    data = {renamed.get(key, key): value for key, value in data.items()}
    names = {f.name for f in dataclasses.fields(cls) if f.init}
    unknown = set(data) - names
    if unknown:
        raise ValueError(f"{cls.__name__}: unknown fields {', '.join(sorted(unknown))}")
    kwargs = {}
    for name, value in data.items():
        try:
            kwargs[name] = _value(hints[name], value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{cls.__name__}.{name}: {exc}") from exc
    return cls(**kwargs)


def _value(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        dataclass_options = [a for a in options if dataclasses.is_dataclass(a)]
        return _value(dataclass_options[0], value) if dataclass_options else value
    if origin is list:
        if not isinstance(value, list):
            raise ValueError(f"a list is expected, got {type(value).__name__}")
        (item,) = typing.get_args(hint)
        return [_value(item, v) for v in value]
    if dataclasses.is_dataclass(hint):
        return _build(hint, value)
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)
