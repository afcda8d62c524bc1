"""The repetition check as a pure function of the text: one finding per repeated passage, whatever
the number of its copies, with bounded evidence and a bounded number of findings."""

from __future__ import annotations

import random
import re

from annales.checks import repetition
from annales.checks.common import MAX_FINDINGS
from annales.model import Analysis, Finding, Region

PASSAGE = ("Les chasseurs du bataillon attendirent toute la nuit au bord du canal une relève qui ne vint "
           "jamais, serrés contre le talus sous la pluie froide.")
FILLERS = [
    "Au matin, le brouillard couvrait encore les prés et les fermes voisines.",
    "Le capitaine fit distribuer le café et compter les cartouches qui restaient.",
    "Vers midi, une estafette apporta l'ordre de tenir la position jusqu'au soir.",
    "Les blessés furent conduits à l'église du village, transformée en ambulance.",
]


def analysis(text: str, regions: list[Region] | None = None) -> Analysis:
    return Analysis(id="test", text=text, language="fr", regions=regions or [])


def cited(finding: Finding, text: str) -> list[str]:
    for item in finding.evidence:
        assert text[item.start:item.end] == item.text
    return [item.text for item in finding.evidence]


def test_a_passage_told_twice_is_one_finding_citing_both_copies() -> None:
    text = " ".join([FILLERS[0], PASSAGE, FILLERS[1], FILLERS[2], PASSAGE, FILLERS[3]])
    (finding,) = repetition.find(analysis(text))
    passage_words = PASSAGE.rstrip(".")
    assert cited(finding, text) == [passage_words, passage_words]
    assert finding.evidence[0].start == text.index(PASSAGE)
    assert finding.evidence[1].start == text.rindex(PASSAGE)
    assert finding.detail == {"words": len(re.findall(r"\w+", PASSAGE)), "copies": 2}
    assert "twice" in finding.message


def test_a_copy_with_one_word_changed_is_still_one_passage() -> None:
    changed = PASSAGE.replace("froide", "glacée")
    text = " ".join([PASSAGE, FILLERS[0], FILLERS[1], changed])
    (finding,) = repetition.find(analysis(text))
    assert len(finding.evidence) == 2
    assert finding.evidence[1].start == text.index(changed)


def test_three_copies_far_apart_are_one_finding_with_three_copies() -> None:
    text = " ".join([PASSAGE, FILLERS[0], PASSAGE, FILLERS[1], FILLERS[2], PASSAGE, FILLERS[3]])
    (finding,) = repetition.find(analysis(text))
    assert finding.detail["copies"] == 3
    assert [e.start for e in finding.evidence] == [0, text.index(PASSAGE, 1), text.rindex(PASSAGE)]
    assert "3 times" in finding.message


def test_a_short_sentence_printed_ten_thousand_times_is_one_bounded_finding() -> None:
    text = "Rien à signaler. " * 10_000
    findings = repetition.find(analysis(text))
    assert len(findings) == 1
    (finding,) = findings
    assert finding.detail == {"words": 3, "copies": 10_000}
    assert 2 <= len(finding.evidence) <= repetition.MAX_EVIDENCE
    assert set(cited(finding, text)) == {"Rien à signaler"}
    assert "10\u202f000 times" in finding.message


def test_a_page_printed_back_to_back_counts_its_copies() -> None:
    page = " ".join([PASSAGE, *FILLERS])
    text = " ".join([page] * 4)
    (finding,) = repetition.find(analysis(text))
    assert finding.detail["copies"] == 4
    assert finding.evidence[0].text.startswith("Les chasseurs")
    assert finding.evidence[1].start > finding.evidence[0].end


VOCABULARY = ("le la les un une des du au aux son sa leurs soldat capitaine village colline rivière pont ferme "
              "route tranchée canon obus fusil cheval chariot pluie neige boue nuit aube soir marche attend "
              "tient reprend quitte traverse garde perd gagne compte envoie reçoit lentement vite encore "
              "toujours jamais loin près derrière devant contre sous sur vers avec sans").split()


def test_a_page_printed_twice_with_a_sentence_repeated_inside_gives_both_findings() -> None:
    # The sentence is printed four times in all (twice per page); the page is printed twice.
    page = " ".join([PASSAGE, FILLERS[0], FILLERS[1], PASSAGE, FILLERS[2]])
    findings = repetition.find(analysis(page + " " + FILLERS[3] + " " + page))
    copies = sorted(f.detail["copies"] for f in findings)
    assert copies == [2, 4]


def test_findings_per_document_are_bounded() -> None:
    # Many different passages, each printed twice with other words between: one finding each, up to
    # the bound.
    draw = random.Random(7)

    def sentence(words: int) -> str:
        return " ".join(draw.choice(VOCABULARY) for _ in range(words)) + "."

    parts = []
    for _ in range(MAX_FINDINGS + 20):
        passage = sentence(14)
        parts += [passage, sentence(10), passage, sentence(10)]
    findings = repetition.find(analysis(" ".join(parts)))
    assert len(findings) == MAX_FINDINGS
    assert all(f.detail["copies"] == 2 for f in findings)


def test_short_shared_phrases_are_no_repetition() -> None:
    text = ("Les soldats attendent des renforts. La nuit tombe sur la plaine. "
            "Les soldats attendent la relève du matin. La nuit tombe encore.")
    assert repetition.find(analysis(text)) == []


def test_a_copy_inside_web_debris_is_not_counted() -> None:
    debris_start = len(PASSAGE) + 1 + len(FILLERS[0]) + 1
    text = " ".join([PASSAGE, FILLERS[0], PASSAGE])
    assert len(repetition.find(analysis(text))) == 1
    debris = Region(debris_start, len(text), "boilerplate")
    assert repetition.find(analysis(text, [debris])) == []
