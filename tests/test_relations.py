"""Command relations (`annales.relations`): a person at the head of a unit or a ship, read from the
parse through a cue of `resources/fr/relations/command_cues.tsv`, each with its evidence. The
samples are our own sentences."""

from __future__ import annotations

import pytest

from annales import analyze
from annales.common.resources import load_rows
from annales.model import Analysis


def _commands(analysis: Analysis) -> set[tuple[str, str]]:
    names = {entity.id: entity.name for entity in analysis.entities}
    return {(names[relation.subject], names[relation.object]) for relation in analysis.relations}


@pytest.mark.parametrize(("text", "person", "unit"), [
    ("Le 9e régiment d'infanterie, commandé par le colonel Jean Roux, attaque le village.",
     "Jean Roux", "9e régiment d'infanterie"),
    ("Le colonel Paul Morel, qui commande le 47e régiment d'infanterie, tombe le 3 mai 1916.",
     "Paul Morel", "47e régiment d'infanterie"),
    ("Le général Louis Ferrand commande la 11e division depuis le mois d'août.", "Louis Ferrand", "11e division"),
    ("Le colonel Jean Roux, chef du 9e régiment d'infanterie, est blessé.", "Jean Roux", "9e régiment d'infanterie"),
    ("Le commandant Pierre Vidal prend la tête du 12e bataillon de chasseurs le 4 juin 1915.",
     "Pierre Vidal", "12e bataillon de chasseurs"),
    ("Le 12e bataillon de chasseurs, que commande le commandant Pierre Vidal, franchit la rivière.",
     "Pierre Vidal", "12e bataillon de chasseurs"),
    ("Le commandant du 12e bataillon de chasseurs, Pierre Vidal, est tué le 4 juin 1915.",
     "Pierre Vidal", "12e bataillon de chasseurs"),
    ("Le capitaine Marc Aubry, commandant le croiseur Gloire, rentre au port.", "Marc Aubry", "Gloire"),
])
def test_a_command_is_read_through_its_cue(context, text: str, person: str, unit: str) -> None:
    analysis = analyze(text, context=context)
    assert _commands(analysis) == {(person, unit)}
    (relation,) = analysis.relations
    assert relation.id == "rel-1" and relation.kind == "commands"
    assert analysis.text[relation.cue.start:relation.cue.end].lower() in {
        row[0] for row in load_rows("fr", "relations", "command_cues.tsv")}
    evidence = relation.evidence
    assert evidence.text == analysis.text[evidence.start:evidence.end]
    assert person in evidence.text and unit.split()[-1] in evidence.text


@pytest.mark.parametrize("text", [
    # The cue hangs off the unit towards Morel: it says nothing of Roux.
    "Le général Jean Roux félicite le 9e régiment d'infanterie, commandé par le colonel Paul Morel.",
    # A rank is no command: "commandant" is Vidal's rank, and he only fights beside the battalion.
    "Le commandant Pierre Vidal attaque avec le 12e bataillon de chasseurs.",
    "Le colonel Jean Roux salue le 47e régiment d'infanterie.",
])
def test_no_command_without_a_cue_on_the_way(context, text: str) -> None:
    names = _commands(analyze(text, context=context))
    assert ("Jean Roux", "9e régiment d'infanterie") not in names
    assert ("Pierre Vidal", "12e bataillon de chasseurs") not in names
    assert ("Jean Roux", "47e régiment d'infanterie") not in names


@pytest.mark.parametrize("text", [
    # The rank before a name is no cue for a unit written before it or after the name.
    "Le 3 mai 1916, le général Louis Ferrand, commandant le 21e corps d'armée, félicite le commandant Paul Morel.",
    "Le 3 mai 1916, le commandant Paul Morel, nommé lieutenant-colonel au 340e R. I., quitte le bataillon.",
])
def test_a_rank_is_no_cue_for_a_unit_outside_it(context, text: str) -> None:
    assert not {pair for pair in _commands(analyze(text, context=context)) if pair[0] == "Paul Morel"}


def test_a_command_is_given_to_the_nearer_of_two_men(context) -> None:
    text = ("Le 3 mai 1916, le colonel Jean Roux, commandant la 65e brigade, transmet les félicitations "
            "du général Louis Ferrand, commandant le 21e corps d'armée, aux soldats.")
    commands = _commands(analyze(text, context=context))
    assert ("Jean Roux", "21e corps d'armée") not in commands
    assert ("Louis Ferrand", "21e corps d'armée") in commands


def test_another_man_named_between_keeps_the_farther_one_out(context) -> None:
    from annales.relations.command import _someone_between

    analysis = analyze("Le colonel Jean Roux et le général Louis Ferrand, puis le lieutenant Marc Aubry, "
                       "rejoignent le 21e corps d'armée.", context=context)
    doc = analysis.doc
    mentions = {e.name: (e, e.mentions[0].start, e.mentions[0].end,
                         doc.char_span(e.mentions[0].start, e.mentions[0].end, alignment_mode="expand").root)
                for e in analysis.entities}
    here = list(mentions.values())
    unit = mentions["21e corps d'armée"]
    assert _someone_between(analysis.text, mentions["Louis Ferrand"], unit, here)  # Aubry stands between
    assert not _someone_between(analysis.text, mentions["Marc Aubry"], unit, here)


def test_relations_go_through_the_json_contract_and_old_json_still_reads(context) -> None:
    analysis = analyze("Le capitaine Marc Aubry, commandant le croiseur Gloire, rentre au port.", context=context)
    data = analysis.to_dict()
    assert data["relations"][0]["kind"] == "commands" and data["relations"][0]["evidence"]["text"]
    assert Analysis.from_dict(data).relations == analysis.relations
    del data["relations"]  # an analysis written before relations were read
    assert Analysis.from_dict(data).relations == []


def test_every_cue_example_gives_a_command(context) -> None:
    """Each row of the resource carries an example sentence of our own; the cue must work on it."""
    for cue, example in load_rows("fr", "relations", "command_cues.tsv", 2):
        relations = analyze(example, context=context).relations
        assert relations, f"{cue!r}: no command read in {example!r}"


def test_a_pronoun_or_a_group_noun_stands_for_the_entity_told_before(context) -> None:
    text = ("Le 12e régiment d'infanterie arrive à Nancy le 3 mai 1915. Le lendemain, sous les ordres du "
            "commandant Pierre Vidal, le régiment attaque la crête.")
    assert _commands(analyze(text, context=context)) == {("Pierre Vidal", "12e régiment d'infanterie")}
    alone = "Le colonel Jean Roux arrive au camp. Il commande le 12e régiment d'infanterie depuis un an."
    assert _commands(analyze(alone, context=context)) == {("Jean Roux", "12e régiment d'infanterie")}
    # Two men could be "il": no command rather than one given to the wrong man.
    two = ("Le colonel Jean Roux et le général Paul Morel arrivent au camp. Il commande le 12e régiment "
           "d'infanterie depuis un an.")
    assert _commands(analyze(two, context=context)) == set()


def test_no_command_across_a_quotation(context) -> None:
    # The parse joins the quotation to "répond" and the path runs through "commandement"; but "nous" is
    # the quotation's speaker, not the division the narrator names.
    text = "La 11e division répond : « Sous le commandement du colonel Jean Roux, nous tiendrons. »"
    analysis = analyze(text, context=context)
    assert len(analysis.quotes) == 1 and _commands(analysis) == set()


def test_the_cue_must_govern_both_mentions_closely(context) -> None:
    # "commande" governs "les hommes", which the regiment only sent: Roux commands the men.
    text = ("Les 600 hommes, envoyés en renfort par le 12e régiment d'infanterie, que commande le colonel "
            "Jean Roux, arrivent au camp.")
    assert ("Jean Roux", "12e régiment d'infanterie") not in _commands(analyze(text, context=context))


class _Token:
    """A parse token reduced to what the path rule reads."""

    def __init__(self, i: int, pos: str) -> None:
        self.i, self.pos_, self.head = i, pos, self


@pytest.mark.parametrize(("tag", "found"), [("VERB", True), ("NOUN", True), ("PRON", False), ("DET", False)])
def test_a_cue_the_tagger_misread_gives_nothing(tag: str, found: bool) -> None:
    from annales.relations.command import _cue_on_path

    person, cue, unit = _Token(0, "NOUN"), _Token(1, tag), _Token(2, "NOUN")
    person.head = unit.head = cue  # "X commande le 9e": both hang from the cue
    assert (_cue_on_path(person, unit, {1: (10, 18)}, {0, 2}) == (10, 18)) is found


def test_quotations_are_found_by_offset() -> None:
    from annales.model import Quote
    from annales.relations.command import _Quotations

    analysis = Analysis(id="t", text="x" * 100, quotes=[Quote("quo-1", 10, 20), Quote("quo-2", 12, 15),
                                                       Quote("quo-3", 40, 50)])
    quotations = _Quotations(analysis)
    assert [quotations.of(offset) for offset in (5, 11, 13, 17, 20, 30, 45, 60)] == [
        None, 0, 1, 0, None, None, 2, None]
