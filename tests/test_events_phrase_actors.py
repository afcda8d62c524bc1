"""People or a force that is no entity take part by their words: "les soldats", "l'ennemi", "la
garnison" (`resources/fr/events/human_nouns.tsv`) as the subject, object or agent of a verb, as the
antecedent of "qui", and as the complement of an event noun that says how it takes part
(`resources/fr/events/complement_roles.tsv`: "l'attaque de l'ennemi", "l'arrestation des
ouvriers"). A thing or a place never does; a named entity comes first."""

from __future__ import annotations

import csv
import io
import json

import pytest

from annales.context import Context
from annales.export import csv as csv_export
from annales.export import tei
from annales.export.phrases import Phrases
from annales.model import Analysis, Event, Participant, Span
from annales.pipeline import analyze

DCT = "1871-06-01"


def _analyze(text: str, context: Context) -> Analysis:
    return analyze(text, DCT, context=context)


def _event(analysis: Analysis, lemma: str) -> Event:
    return next(e for e in analysis.events if e.trigger.lemma == lemma)


def _who(analysis: Analysis, event: Event) -> dict[str, str]:
    """Participant (its phrase's words, or its entity's name) -> role."""
    names = {e.id: e.name for e in analysis.entities}
    out = {}
    for p in event.participants:
        shown = analysis.text[p.phrase.start:p.phrase.end] if p.phrase else names.get(p.entity or "", p.entity)
        out[str(shown)] = p.role
    return out


@pytest.mark.parametrize(("text", "lemma", "who"), [
    # a subject: determiner, numeral and adjectives with the noun, nothing after it
    ("Au matin, les soldats français attaquent la redoute du moulin.", "attaquer",
     {"les soldats français": "agent"}),
    ("Vers midi, trois cents hommes franchissent la rivière.", "franchir", {"trois cents hommes": "agent"}),
    # a share of people, with the people it counts
    ("La plupart des soldats désertèrent dans la nuit.", "déserter", {"La plupart des soldats": "agent"}),
    # an object, beside a named agent
    ("Le capitaine Morel rassemble ses hommes dans la cour.", "rassembler",
     {"Morel": "agent", "ses hommes": "patient"}),
    # the agent of a passive, the subject of a passive
    ("Le pont de pierre fut détruit par l'ennemi pendant la nuit.", "détruire", {"l'ennemi": "agent"}),
    ("Les blessés furent évacués vers l'arrière.", "évacuer", {"Les blessés": "patient"}),
    # "qui" stands for its antecedent, without the relative clause
    ("Les paysans qui occupèrent le moulin furent chassés le lendemain.", "occuper", {"Les paysans": "agent"}),
    # "brave" as a noun: the soldiers of the story ("nos braves")
    ("Au soir, nos braves reprennent la tranchée perdue.", "reprendre", {"nos braves": "agent"}),
    # a union, the dead and wounded of a news item, foreigners (the plural: "à l'étranger" is abroad)
    ("Les syndicats réclament une hausse des salaires.", "réclamer", {"Les syndicats": "agent"}),
    ("Les victimes furent transportées à l'hôpital.", "transporter", {"Les victimes": "patient"}),
    ("Les étrangers quittèrent la ville au matin.", "quitter", {"Les étrangers": "agent"}),
    # after a quotation, the subject follows its verb, whatever relation the parse reads
    ("« On nous a oubliés », déplore une infirmière.", "déplorer", {"une infirmière": "agent"}),
    ("« Rien ne bougera », a affirmé jeudi le délégué.", "affirmer", {"le délégué": "agent"}),
])
def test_people_named_by_their_words_take_part(context: Context, text: str, lemma: str,
                                                who: dict[str, str]) -> None:
    analysis = _analyze(text, context)
    event = _event(analysis, lemma)
    assert {k: v for k, v in _who(analysis, event).items() if v in ("agent", "patient")} == who
    for participant in event.participants:
        assert (participant.entity is None) == (participant.phrase is not None)


@pytest.mark.parametrize(("text", "lemma", "who"), [
    ("L'attaque de l'ennemi échoua devant le moulin.", "attaque", {"l'ennemi": "agent"}),
    ("La retraite des troupes commença au soir.", "retraite", {"troupes": "agent"}),
    ("L'arrestation des ouvriers provoqua une émeute.", "arrestation", {"ouvriers": "patient"}),
])
def test_an_event_noun_says_how_its_complement_takes_part(context: Context, text: str, lemma: str,
                                                          who: dict[str, str]) -> None:
    analysis = _analyze(text, context)
    assert _who(analysis, _event(analysis, lemma)) == who


def test_a_noun_not_listed_keeps_its_complement_apart(context: Context) -> None:
    # "la défense du pont": whose defence, not who defends; a bridge is no one anyway.
    analysis = _analyze("La défense des habitants fut acharnée.", context)
    event = next((e for e in analysis.events if e.trigger.lemma == "défense"), None)
    assert event is None or all(p.role == "other" for p in event.participants)


@pytest.mark.parametrize(("text", "lemma"), [
    ("Les canons tirent sans relâche.", "tirer"),  # a thing
    ("La tempête détruit les tentes.", "détruire"),
])
def test_a_thing_is_no_participant(context: Context, text: str, lemma: str) -> None:
    analysis = _analyze(text, context)
    assert [p for p in _event(analysis, lemma).participants if p.phrase is not None] == []


def test_a_named_entity_comes_before_the_words(context: Context) -> None:
    analysis = _analyze("Les troupes du général Lasalle entrent dans la ville.", context)
    who = _who(analysis, _event(analysis, "entrer"))
    assert who == {"Lasalle": "agent"}


def test_the_places_stay_places(context: Context) -> None:
    analysis = _analyze("Les habitants de Saragosse se soulevèrent le 24 mai 1808.", context)
    event = _event(analysis, "soulever")
    names = {e.id: e for e in analysis.entities}
    assert _who(analysis, event).get("Les habitants") == "agent"
    assert [names[p].name for p in event.places] == ["Saragosse"]
    assert all(p.entity is None or names[p.entity].type != "place" for p in event.participants if p.role == "agent")


def test_the_json_reads_back_and_the_views_print_the_words(context: Context) -> None:
    analysis = _analyze("Le 3 juin 1870, les soldats du poste repoussent une patrouille.", context)
    event = _event(analysis, "repousser")
    agent = next(p for p in event.participants if p.role == "agent")
    assert agent.entity is None and agent.phrase is not None
    written = agent.to_dict()
    assert written["entity"] is None
    assert analysis.text[written["phrase"]["start"]:written["phrase"]["end"]] == "les soldats"
    again = Analysis.from_dict(json.loads(json.dumps(analysis.to_dict())))
    assert again.to_dict() == analysis.to_dict()

    out = io.StringIO()
    csv_export.write(analysis, out)
    row = next(r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["id"] == event.id)
    assert "les soldats (agent)" in row["participants"]
    assert Phrases(analysis).of(event).startswith("les soldats")

    root = tei.build(analysis)
    names = root.findall(".//{http://www.tei-c.org/ns/1.0}note[@type='participants']/{http://www.tei-c.org/ns/1.0}name")
    soldiers = [n for n in names if n.text == "les soldats"]
    assert soldiers and soldiers[0].get("ref") is None and soldiers[0].get("role") == "agent"


@pytest.mark.parametrize(("entity", "phrase"), [(None, None), ("ent-1", Span(0, 3))])
def test_a_participant_is_an_entity_or_a_phrase(entity: str | None, phrase: Span | None) -> None:
    with pytest.raises(ValueError):
        Participant(entity, "agent", phrase=phrase)


def test_an_adjective_before_its_noun_the_parse_made_the_head_still_names_people(context: Context) -> None:
    analysis = analyze("Le 3 mai, les valeureuses troupes qui tenaient le bois se replient.", "1916-05-10",
                       context=context)
    retreat = next(e for e in analysis.events if e.trigger.text == "replient")
    words = [analysis.text[p.phrase.start:p.phrase.end] for p in retreat.participants if p.phrase is not None]
    assert words == ["les valeureuses troupes"]


def test_a_group_noun_resolved_to_its_unit_is_replaced_by_the_units_name(context: Context) -> None:
    text = "Le 52e R. I. quitte Montélimar le 5 août 1914.\n\nLe 20 août, le régiment reçoit le baptême du feu."
    analysis = _analyze(text, context)
    assert Phrases(analysis).of(_event(analysis, "recevoir")).startswith("52e régiment d'infanterie reçoit")


@pytest.mark.parametrize(("text", "lemma", "who"), [
    # a bare noun after the verb is what someone is made, no one taking part
    ("Le capitaine Morel, nommé chef de bataillon au 40e, quitte la ville.", "nommer", {"Morel": "patient"}),
    ("Le maire de la ville est élu député en 1848.", "élire", {"Le maire": "patient"}),
])
def test_a_bare_noun_after_its_verb_is_a_predicate_not_a_participant(context: Context, text: str, lemma: str,
                                                                     who: dict[str, str]) -> None:
    analysis = _analyze(text, context)
    event = _event(analysis, lemma)
    assert {k: v for k, v in _who(analysis, event).items() if v in ("agent", "patient")} == who
