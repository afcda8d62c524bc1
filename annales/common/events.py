"""What kind of event a reader of a chronology expects to see: a factual occurrence.

The events layer keeps every event TimeML counts (`annales.events.classes` gives each its class,
polarity, modality and factuality); the exporters select with `is_happening`, so that a chronology
lists what happened, not what was said, planned, negated, supposed or held true.
"""

from __future__ import annotations

from annales.model import Event

# TimeML classes that tell of something taking place. Left out: STATE (what holds), REPORTING (what
# is said of a happening, which is listed itself), PERCEPTION, I_ACTION and I_STATE (an attitude
# toward another event), and ASPECTUAL ("le bombardement commença": the phase of a happening
# that is listed itself, "bombardement").
OCCURRENCE_CLASSES: frozenset[str] = frozenset({"OCCURRENCE"})


# An imperfect is a happening only when its own clause dates it to the day ("le 5 août, le régiment
# quittait Agen": the narrative imperfect); otherwise it tells background, habits or what was going
# on ("les Espagnols pratiquaient la guérilla", "la ville était défendue").
DAY = len("YYYY-MM-DD")


def is_happening(event: Event) -> bool:
    """True for an event the text states as having taken place: an occurrence, told as a fact
    (not reported, possible, future or counterfactual), not negated ("les troupes ne passèrent
    pas le fleuve", "aucune arrestation"), and not the background an imperfect tells.

    The events layer stores its decision in `Event.happening` (it also knows which nouns name a
    happening); that decision is read first."""
    if event.happening is not None:
        return event.happening
    return by_form(event)


def by_form(event: Event, act: bool = False) -> bool:
    """The part of the decision the event's own fields settle: class, factuality, polarity, aspect.
    `act`: the event is a saying that does what it says ("la République est proclamée", "il décrète
    l'état de siège"): a REPORTING event that is a happening too."""
    classes = OCCURRENCE_CLASSES | {"REPORTING"} if act else OCCURRENCE_CLASSES
    if not (event.factuality == "fact" and event.polarity == "POS" and event.event_class in classes):
        return False
    if event.aspect == "imperfective":
        own = event.date is not None and not event.time_inferred
        # a day of the calendar ("PRESENT_REF" is as long, and no day)
        value = (event.date.value or "") if own and event.date is not None else ""
        return len(value) >= DAY and value[:4].isdigit() and value[:DAY].count("X") == 0
    return True
