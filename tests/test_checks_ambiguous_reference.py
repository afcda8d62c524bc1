"""`ambiguous_reference.find` as a pure function, on analyses built by hand (no parse: the check
reads the persons, the ones a bare surname may mean, and the regions)."""

from __future__ import annotations

import pytest

from annales.checks import ambiguous_reference
from annales.model import Analysis, Entity, Evidence, Mention, Region

TEXT = ("Le général Jean Martin, le colonel Paul Martin et le capitaine Louis Martin arrivent au fort. "
        "Le soir, Martin donne l'ordre de tenir.")
FULL_NAMES = ["Jean Martin", "Paul Martin", "Louis Martin"]


def _analysis(candidates: list[str], regions: tuple[Region, ...] = ()) -> Analysis:
    """The three Martins, and the bare "Martin" of the second sentence, which may mean any of `candidates`."""
    entities = []
    for number, name in enumerate(FULL_NAMES, 1):
        start = TEXT.index(name)
        entities.append(Entity(f"ent-{number}", "person", name, mentions=[Mention(start, start + len(name), name)]))
    bare = TEXT.index("Martin donne")
    entities.append(Entity("ent-4", "person", "Martin", mentions=[Mention(bare, bare + len("Martin"), "Martin")],
                           ambiguous_between=candidates))
    return Analysis(id="t", text=TEXT, language="fr", entities=entities, regions=list(regions))


def test_a_surname_shared_by_three_persons_is_reported() -> None:
    (finding,) = ambiguous_reference.find(_analysis(["ent-1", "ent-2", "ent-3"]))
    assert finding.kind == "ambiguous-reference" and finding.severity == "low"
    assert finding.message == '"Martin" may refer to any of 3 persons: Jean Martin, Paul Martin, Louis Martin.'
    bare = TEXT.index("Martin donne")
    assert finding.evidence == [Evidence(bare, bare + len("Martin"), "Martin")]
    assert finding.detail == {"entity": "ent-4", "candidates": ["ent-1", "ent-2", "ent-3"]}


@pytest.mark.parametrize(("candidates", "regions"), [
    # one candidate left is no ambiguity
    (["ent-2"], ()),
    # candidates missing from the analysis leave no one to choose between
    (["ent-7", "ent-8"], ()),
    # in web debris, the bare name is not the author's
    (["ent-1", "ent-2", "ent-3"], (Region(TEXT.index("Le soir"), len(TEXT), "boilerplate"),)),
], ids=["one-candidate", "unknown-candidates", "boilerplate"])
def test_a_name_that_is_not_ambiguous_is_silent(candidates: list[str], regions: tuple[Region, ...]) -> None:
    assert ambiguous_reference.find(_analysis(candidates, regions)) == []


def test_empty_analysis_has_no_ambiguous_reference() -> None:
    assert ambiguous_reference.find(Analysis(id="t", text="", language="fr")) == []
