"""Helpers shared by the entity-layer tests: analyse once per text, find one entity by a mention."""

from __future__ import annotations

from functools import cache

from annales import analyze
from annales.model import Analysis, Entity


@cache
def analysed(text: str) -> Analysis:
    return analyze(text)


def seen(analysis: Analysis) -> list[tuple[str, str, str]]:
    """What the layer found, for assertion messages: (id, type, name)."""
    return [(e.id, e.type, e.name) for e in analysis.entities]


def entities_mentioning(analysis: Analysis, written: str) -> list[Entity]:
    return [e for e in analysis.entities if any(m.text == written for m in e.mentions)]


def entity_of(analysis: Analysis, written: str) -> Entity:
    """The one entity with a mention written exactly `written`."""
    found = entities_mentioning(analysis, written)
    assert len(found) == 1, f"expected one entity mentioned as {written!r}, got {seen(analysis)}"
    return found[0]


def entity_named(analysis: Analysis, name: str) -> Entity:
    found = [e for e in analysis.entities if e.name == name]
    assert len(found) == 1, f"expected one entity named {name!r}, got {seen(analysis)}"
    return found[0]


def check_offsets(analysis: Analysis) -> None:
    """Every mention points back to the words it was read from."""
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= len(analysis.text)
            assert analysis.text[mention.start:mention.end] == mention.text
