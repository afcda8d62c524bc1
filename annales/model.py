"""The document model: one `Analysis` that every stage reads and extends.

Every span is a pair of character offsets into `Analysis.text`, so each claim points back to
the words it was read from. `Analysis.to_dict()` is the JSON contract (`schema: annales/1`);
later layers fill the lists that are still empty here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "annales/1"

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


@dataclass
class Dct:
    """When the text was published (not when its story happens)."""

    value: str  # ISO date, YYYY-MM-DD
    origin: DctOrigin

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "origin": self.origin}


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

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "start": self.start, "end": self.end, "text": self.text,
                "type": self.type, "value": self.value, "mod": self.mod, "anchor": self.anchor,
                "resolved": self.resolved,
                "interval": self.interval.to_dict() if self.interval else None}


@dataclass
class SourceDocument:
    """One input document before analysis: its text and what is known of where it came from."""

    id: str
    text: str
    source: Source = field(default_factory=Source)
    dct: Dct | None = None
    metadata: dict[str, str] = field(default_factory=dict)  # title, author, url when known


@dataclass
class Analysis:
    id: str
    text: str
    source: Source = field(default_factory=Source)
    language: str = "fr"
    dct: Dct | None = None
    regions: list[Region] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    quantities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # The spaCy Doc of `text`, kept for later stages; never serialised.
    doc: Any = field(default=None, repr=False, compare=False)

    @classmethod
    def from_source(cls, document: SourceDocument) -> Analysis:
        return cls(id=document.id, text=document.text, source=document.source, dct=document.dct,
                   metadata=dict(document.metadata))

    def regions_of(self, *kinds: str) -> list[Region]:
        return [r for r in self.regions if r.kind in kinds]

    def in_region(self, start: int, end: int, *kinds: str) -> bool:
        """True when [start, end) lies inside a region of one of `kinds`."""
        return any(r.start <= start and end <= r.end for r in self.regions if r.kind in kinds)

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
            "entities": list(self.entities),
            "quantities": list(self.quantities),
            "quotes": list(self.quotes),
            "events": list(self.events),
            "findings": list(self.findings),
        }
