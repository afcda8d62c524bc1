"""`chronology.find` as a pure function, on analyses built by hand (no parse: the check reads the
dated timexes, the sentences and the regions)."""

from __future__ import annotations

import pytest
from check_helpers import full_stop_sentences

from annales.checks import chronology
from annales.model import Analysis, Evidence, Interval, Region, Timex

EPISODE = ("Le 2 novembre 1943, l'escadre quitte la rade. Le 3 novembre, les croiseurs longent la côte. "
           "Le 4 novembre, les transports mouillent devant l'atoll. ")
DATES = [("Le 2 novembre 1943", "1943-11-02"), ("Le 3 novembre", "1943-11-03"), ("Le 4 novembre", "1943-11-04")]


def _analysis(closing: str, written: str, value: str, regions: tuple[Region, ...] = ()) -> Analysis:
    """The November episode, then `closing`, whose date `written` took its year from the last date before it."""
    text = EPISODE + closing
    timexes, at, anchor = [], 0, None
    for number, (words, day) in enumerate([*DATES, (written, value)], 1):
        start = text.index(words, at)
        at = start + len(words)
        timexes.append(Timex(f"tmx-{number}", start, at, words, "DATE", day, anchor=anchor,
                             interval=Interval(day, day)))
        anchor = f"tmx-{number}"
    timexes[0].anchor = None  # the first date is written in full: it is its own anchor
    return Analysis(id="t", text=text, language="fr", sentences=full_stop_sentences(text), timexes=timexes,
                    regions=list(regions))


def _evidence(text: str, words: str) -> Evidence:
    start = text.index(words)
    return Evidence(start, start + len(words), words)


def test_a_date_months_before_its_episode_is_reported() -> None:
    analysis = _analysis("La dernière île tombe le 12 septembre.", "le 12 septembre", "1943-09-12")
    (finding,) = chronology.find(analysis)
    assert finding.kind == "chronology" and finding.severity == "medium"
    assert finding.message == ('"le 12 septembre" (1943-09-12) falls 51 days before the dates of the narrative '
                               'it closes (last dated "Le 4 novembre", 1943-11-04).')
    assert finding.evidence == [_evidence(analysis.text, "le 12 septembre"), _evidence(analysis.text, "Le 4 novembre")]
    assert finding.detail == {"timex": "tmx-4", "value": "1943-09-12", "context": ["tmx-1", "tmx-2", "tmx-3"],
                              "context_values": ["1943-11-02", "1943-11-03", "1943-11-04"]}


@pytest.mark.parametrize(("closing", "written", "value"), [
    # the narrative goes on
    ("La dernière île tombe le 6 novembre.", "le 6 novembre", "1943-11-06"),
    # a flashback cue ("étaient") announces the step back
    ("Les plans étaient prêts le 12 septembre.", "le 12 septembre", "1943-09-12"),
    # its year is written: the author chose it
    ("La dernière île tombe le 12 septembre 1943.", "le 12 septembre 1943", "1943-09-12"),
    # a week early is within the episode's own looseness
    ("La dernière île tombe le 28 octobre.", "le 28 octobre", "1943-10-28"),
], ids=["goes-on", "flashback", "year-written", "days-only"])
def test_dates_the_narrative_accounts_for_are_silent(closing: str, written: str, value: str) -> None:
    assert chronology.find(_analysis(closing, written, value)) == []


def test_a_date_in_a_sidebar_is_silent() -> None:
    closing = "La dernière île tombe le 12 septembre."
    start = len(EPISODE)
    analysis = _analysis(closing, "le 12 septembre", "1943-09-12", (Region(start, start + len(closing), "sidebar"),))
    assert chronology.find(analysis) == []


def test_empty_analysis_has_no_chronology_finding() -> None:
    assert chronology.find(Analysis(id="t", text="", language="fr")) == []
