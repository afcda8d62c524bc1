"""What kind of event a reader of a chronology expects to see: a factual occurrence.

A minimal definition until the events layer publishes its own here: the exporters select with it,
so that a chronology lists what happened, not what was said, planned, negated or held true.
"""

from __future__ import annotations

from annales.model import Event

# TimeML classes that tell of something taking place (not a state, a report, an intention).
OCCURRENCE_CLASSES: frozenset[str] = frozenset({"OCCURRENCE"})


def is_happening(event: Event) -> bool:
    """True for an event the text states as having taken place: factuality "fact", occurrence class."""
    return event.factuality == "fact" and event.event_class in OCCURRENCE_CLASSES
