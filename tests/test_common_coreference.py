"""The coreference pass shared by the events and relations layers: one plain pass per document."""

from __future__ import annotations

import pytest

from annales import analyze
from annales.common import coreference
from annales.common.index import by_token


def _inputs(text: str):
    analysis = analyze(text)
    doc = analysis.doc
    entity_at = by_token(doc, ((e, m.start, m.end) for e in analysis.entities for m in e.mentions))
    dates = set(by_token(doc, ((True, t.start, t.end) for t in analysis.timexes)))
    return analysis, doc, entity_at, dates


def test_a_second_plain_pass_gives_what_a_first_gave_with_its_possessives() -> None:
    analysis, doc, entity_at, dates = _inputs(
        "Le général Morvan entra à Vitry le 3 mai. Il y installa son état-major, puis sa division avança.")
    direct_owned: dict = {}
    direct = coreference._resolve(doc, analysis.text, "fr", entity_at, dates, possessives=direct_owned)
    assert direct and direct_owned  # "Il" and "son" point back to the general
    first = coreference.resolve_references(doc, analysis.text, "fr", entity_at, dates)
    owned: dict = {}
    second = coreference.resolve_references(doc, analysis.text, "fr", entity_at, dates, possessives=owned)
    summary = {k: (r.entity.id, r.span) for k, r in direct.items()}
    assert {k: (r.entity.id, r.span) for k, r in first.items()} == summary
    assert {k: (r.entity.id, r.span) for k, r in second.items()} == summary
    assert {k: r.entity.id for k, r in owned.items()} == {k: r.entity.id for k, r in direct_owned.items()}
    first.clear()  # a caller's copy: the next one is not changed
    assert coreference.resolve_references(doc, analysis.text, "fr", entity_at, dates)


def test_the_pass_is_made_again_for_other_entities_or_another_document() -> None:
    analysis, doc, entity_at, dates = _inputs("Le colonel Arnaud entra à Reims le 3 mai. Il y installa son état-major.")
    found = coreference.resolve_references(doc, analysis.text, "fr", entity_at, dates)
    assert found
    assert coreference.resolve_references(doc, analysis.text, "fr", {}, dates) == {}
    other, doc2, entity_at2, dates2 = _inputs("Le capitaine Lebrun entra à Laon le 5 mai. Il y installa son poste.")
    again = coreference.resolve_references(doc2, other.text, "fr", entity_at2, dates2)
    assert {r.entity.name for r in again.values()} == {"Lebrun"}


def test_a_finished_analysis_leaves_no_parse_behind() -> None:
    """The parse cache keeps the Tokens it made (they hold their Doc): the pipeline lets go of them."""
    import gc
    import weakref

    from annales.common import parse

    analysis = analyze("Le général Morvan entra à Vitry le 3 mai. Il y installa son état-major.")
    assert analysis.events and parse._readings is None
    doc = weakref.ref(analysis.doc)
    del analysis
    gc.collect()
    assert doc() is None


# Session 24: a demonstrative stands for the last one told, not the subject "il" prefers.
@pytest.mark.parametrize("pronoun", ["Celui-ci", "Ce dernier"])
def test_a_demonstrative_stands_for_the_last_one_told(pronoun: str, context) -> None:
    analysis = analyze(f"Le roi Henri reçoit le général Berton à Blois. {pronoun} quitte la ville le lendemain.",
                       context=context)
    names = {e.id: e.name for e in analysis.entities}
    leaving = next(e for e in analysis.events if e.trigger.text == "quitte")
    assert [names.get(p.entity) for p in leaving.participants if p.role == "agent"] == ["Berton"]


def test_a_demonstrative_after_people_named_by_a_noun_stands_for_them(context) -> None:
    text = ("Les trois compagnies atteignent la plage. Elles sont précédées par les hommes du capitaine Morel. "
            "Ces derniers occupent la jetée.")
    analysis = analyze(text, context=context)
    holding = next(e for e in analysis.events if e.trigger.text == "occupent")
    agents = [text[p.phrase.start:p.phrase.end] for p in holding.participants if p.role == "agent" and p.phrase]
    assert agents == ["les hommes"]


# Session 29: a woman's given name is taken up by "elle", whatever gender the tagger gives the name.
def test_elle_takes_up_a_woman_named_with_a_man_s_name_for_surname(context) -> None:
    text = "Louise Michel est une institutrice française. Elle ouvre une école à Paris en 1856."
    analysis = analyze(text, context=context)
    names = {e.id: e.name for e in analysis.entities}
    opening = next(e for e in analysis.events if e.trigger.text == "ouvre")
    assert [names.get(p.entity) for p in opening.participants if p.role == "agent"] == ["Louise Michel"]


@pytest.mark.parametrize(("text", "verb", "who"), [
    # a reflexive verb: "il" is someone's, though the parse reads it as impersonal
    ("Historique du 43e régiment d'infanterie\n\nLe 43e quitte Lille le 24 juillet 1870. Le 6 août, le régiment "
     "reçoit l'ordre de se porter sur Forbach, mais il n'arrive sur le terrain qu'à la nuit. Il se replie le "
     "lendemain sur Saint-Avold, puis sur Metz, par des routes encombrées de convois.", "replie",
     ["43e régiment d'infanterie"]),
    # an impersonal reflexive: no one
    ("Le 8e régiment de hussards arrive à Toul le 3 mai 1915. Il se passe alors des scènes terribles.", "passe",
     []),
])
def test_il_before_a_reflexive_verb_is_someone_s_unless_impersonal(text: str, verb: str, who: list[str],
                                                                   context) -> None:
    analysis = analyze(text, context=context)
    names = {e.id: e.name for e in analysis.entities}
    event = next(e for e in analysis.events if e.trigger.text == verb)
    assert [names.get(p.entity) for p in event.participants if p.role == "agent"] == who
