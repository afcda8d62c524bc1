"""Who a memoir's "je" is, and who an event noun's support verb lends it: the participant "narrator"
for a first-person pronoun outside quotations, the quotation's speaker inside one; the subject of a
support verb, or the agent of its passive, for the event noun it goes with; a people ("les
Helvètes", an entity of type group) followed by "ils"."""

from __future__ import annotations

import csv
import io

import pytest

from annales.context import Context
from annales.events import tag_events
from annales.export import csv as csv_export
from annales.export.phrases import Phrases
from annales.model import Analysis, Entity, Event, Mention
from annales.pipeline import analyze

DCT = "1916-06-10"
NARRATOR = "narrator"


def _analyze(text: str, context: Context) -> Analysis:
    return analyze(text, DCT, context=context)


def _event(analysis: Analysis, written: str) -> Event:
    return next(e for e in analysis.events if e.trigger.text == written)


def _who(analysis: Analysis, event: Event) -> dict[str, str]:
    """Participant (an entity's name, or "narrator") -> role."""
    names = {e.id: e.name for e in analysis.entities}
    return {names.get(p.entity, p.entity): p.role for p in event.participants}


def _said(analysis: Analysis, event: Event, who: str) -> str | None:
    """The words a participant was read from, when it was not named there."""
    names = {e.id: e.name for e in analysis.entities}
    for p in event.participants:
        if names.get(p.entity, p.entity) == who and p.resolved_from is not None:
            return analysis.text[p.resolved_from.start:p.resolved_from.end]
    return None


# The narrator.

def test_je_outside_any_quotation_is_the_narrator(context: Context) -> None:
    analysis = _analyze("Le 3 mai, je quitte Verdun avec la compagnie.", context)
    departure = _event(analysis, "quitte")
    assert _who(analysis, departure)[NARRATOR] == "agent"
    assert _said(analysis, departure, NARRATOR) == "je"
    assert all(e.id != NARRATOR for e in analysis.entities)  # no entity is made for it


def test_nous_is_the_narrator_and_shared_by_a_conjoined_verb(context: Context) -> None:
    analysis = _analyze("Le 9 août, nous entrons dans Mulhouse et prenons la gare.", context)
    assert _who(analysis, _event(analysis, "entrons"))[NARRATOR] == "agent"
    assert _who(analysis, _event(analysis, "prenons"))[NARRATOR] == "agent"


def test_an_object_pronoun_is_the_narrator_taking_part_not_acting(context: Context) -> None:
    analysis = _analyze("Le colonel Durand m'envoie à Reims le 4 juin.", context)
    sending = _who(analysis, _event(analysis, "envoie"))
    assert sending["Durand"] == "agent"
    assert sending[NARRATOR] == "other"


def test_nous_before_a_verb_in_the_third_person_is_its_object(context: Context) -> None:
    """"Les cavaliers nous attaquent": "nous" is attacked, whatever the parse takes for the subject."""
    analysis = _analyze("Au matin, les cavaliers ennemis nous attaquent sur notre flanc.", context)
    assert _who(analysis, _event(analysis, "attaquent"))[NARRATOR] == "other"


@pytest.mark.parametrize(("text", "verb", "role"), [
    ("Le 3 mai, plusieurs des nôtres périrent.", "périrent", "agent"),
    ("Le 3 mai, deux des nôtres furent tués.", "tués", "patient"),
    ("Le 3 mai, la plupart des nôtres se retirèrent.", "retirèrent", "agent"),
])
def test_a_part_of_ours_is_the_narrator_s_side(context: Context, text: str, verb: str, role: str) -> None:
    analysis = _analyze(text, context)
    assert _who(analysis, _event(analysis, verb)) == {NARRATOR: role}
    assert _said(analysis, _event(analysis, verb), NARRATOR) == "nôtres"


def test_a_part_of_theirs_is_no_narrator(context: Context) -> None:
    analysis = _analyze("Le 3 mai, deux des leurs furent tués.", context)
    assert NARRATOR not in _who(analysis, _event(analysis, "tués"))


def test_je_in_a_quotation_is_its_speaker(context: Context) -> None:
    analysis = _analyze("Le colonel Paul Girard arrive au camp. « Je partirai demain pour Reims », dit-il.", context)
    departure = _event(analysis, "partirai")
    assert _who(analysis, departure) == {"Paul Girard": "agent"}
    assert _said(analysis, departure, "Paul Girard") == "Je"


def test_je_in_a_quotation_nobody_is_said_to_speak_is_no_one(context: Context) -> None:
    analysis = _analyze("Le colonel Paul Girard arrive au camp.\n\n« Je partirai demain pour Reims avec la brigade. »",
                        context)
    assert _who(analysis, _event(analysis, "partirai")) == {}


def test_the_narrator_quoting_himself(context: Context) -> None:
    analysis = _analyze("« Nous tiendrons le pont jusqu'au matin », dis-je au sergent.", context)
    assert _who(analysis, _event(analysis, "tiendrons"))[NARRATOR] == "agent"


def test_a_narrative_in_the_third_person_has_no_narrator(context: Context) -> None:
    analysis = _analyze("Le 3 mai, le colonel Durand quitte Verdun. Il entre dans Reims le soir.", context)
    assert all(p.entity != NARRATOR for e in analysis.events for p in e.participants)


def test_the_narrator_is_written_as_the_text_says_it_and_named_in_the_csv(context: Context) -> None:
    analysis = _analyze("Le 3 mai 1916, je quitte Verdun avec la compagnie.", context)
    departure = _event(analysis, "quitte")
    assert Phrases(analysis).of(departure).lower().startswith("je quitte")
    rows = list(csv.DictReader(io.StringIO(_csv(analysis))))
    assert NARRATOR not in rows[0]["participants"]
    assert rows[0]["participants"].startswith("le narrateur (agent)")


def _csv(analysis: Analysis) -> str:
    out = io.StringIO()
    csv_export.write(analysis, out)
    return out.getvalue()


# Event nouns and their support verbs.

def test_the_agent_of_a_support_verb_in_the_passive_acts_in_the_event_noun(context: Context) -> None:
    analysis = _analyze("L'attaque fut lancée par le 152e régiment d'infanterie à l'aube.", context)
    assert _who(analysis, _event(analysis, "attaque")) == {"152e régiment d'infanterie": "agent"}


def test_a_participle_support_verb_lends_its_agent(context: Context) -> None:
    analysis = _analyze("L'offensive menée par le général Mangin échoue devant Soissons.", context)
    assert _who(analysis, _event(analysis, "offensive")).get("Mangin") == "agent"


def test_a_support_verb_with_a_preposition(context: Context) -> None:
    analysis = _analyze("Le 18 juillet, le général Mangin passe à l'attaque.", context)
    assert _who(analysis, _event(analysis, "attaque")) == {"Mangin": "agent"}


def test_a_relative_clause_of_a_support_verb(context: Context) -> None:
    analysis = _analyze("L'attaque que lança le général Mangin surprit les défenseurs.", context)
    assert _who(analysis, _event(analysis, "attaque")).get("Mangin") == "agent"


def test_the_narrator_launches_an_attack(context: Context) -> None:
    analysis = _analyze("Le 12 juin, nous lançons l'attaque sur la ferme.", context)
    assert _who(analysis, _event(analysis, "attaque"))[NARRATOR] == "agent"


def test_a_verb_that_is_no_support_lends_no_one(context: Context) -> None:
    """"Mangin repousse l'attaque": the attack is someone else's."""
    analysis = _analyze("Le 18 juillet, le général Mangin repousse l'attaque.", context)
    assert "Mangin" not in _who(analysis, _event(analysis, "attaque"))


# Peoples.

def test_a_people_is_followed_by_ils(context: Context) -> None:
    text = "Les Helvètes quittent leur camp le 3 mai. Ils attaquent la légion le lendemain."
    analysis = _analyze(text, context)
    # The people as the entity layer types it, whatever that layer finds today.
    start = text.index("Helvètes")
    analysis.entities = [e for e in analysis.entities if all(m.end <= start or m.start >= start + 8
                                                             for m in e.mentions)]
    analysis.entities.append(Entity("ent-99", "group", "Helvètes", mentions=[Mention(start, start + 8, "Helvètes")]))
    tag_events(analysis, context)
    assert _who(analysis, _event(analysis, "quittent")) == {"Helvètes": "agent"}
    attack = _event(analysis, "attaquent")
    assert _who(analysis, attack).get("Helvètes") == "agent"
    assert _said(analysis, attack, "Helvètes") == "Ils"
