"""`annales.batch.analyse_items`: the analyses as objects or as their JSON contract, in input order,
in this process or in a pool; an input error keeps its place."""

from __future__ import annotations

import pytest

from annales.batch import analyse_items
from annales.context import Context
from annales.errors import InputError
from annales.model import SourceDocument
from annales.pipeline import analyze_document

DOCUMENTS = [
    SourceDocument(id="nord", text="Le 3 mars 1917, le 41e bataillon de chasseurs relève le régiment devant Lassigny. "
                                   "Le lendemain, le commandant Morel est blessé."),
    SourceDocument(id="port", text="Le navire « Aurore » quitte Brest le 9 juin 1805 ; il arrive à Fort-Royal "
                                   "six semaines plus tard, avec quatre cents hommes à bord."),
]


@pytest.mark.parametrize("workers", [1, 2])
def test_the_contract_is_what_the_analysis_gives(workers: int) -> None:
    items = [DOCUMENTS[0], InputError("lot.jsonl:2: bad JSON"), DOCUMENTS[1]]
    outcomes = list(analyse_items(items, workers=workers, as_contract=True))
    assert [outcome.id for outcome in outcomes] == ["nord", "", "port"]
    assert outcomes[1].error == "lot.jsonl:2: bad JSON" and outcomes[1].data() is None
    for outcome, document in zip(outcomes[::2], DOCUMENTS, strict=True):
        assert outcome.analysis is None and outcome.error is None
        expected = analyze_document(document, Context.default()).to_dict()
        assert outcome.contract == expected and outcome.data() == expected


def test_without_the_contract_the_objects_come_and_give_the_same_data() -> None:
    [outcome] = analyse_items([DOCUMENTS[1]])
    assert outcome.contract is None and outcome.analysis is not None
    assert outcome.data() == analyze_document(DOCUMENTS[1], Context.default()).to_dict()
