"""Every row of the French checks resources is shown by its example: the example, analysed by the
whole pipeline (and, where a check compares two passages, told beside a passage written here),
makes the check do what the row says."""

from __future__ import annotations

import re

import pytest

from annales.checks import chronology, conflicting_figures, lifespan, role_conflict, sum_mismatch
from annales.checks.common import cue_pattern, people_kind
from annales.checks.totals import breakdowns
from annales.common.resources import load_rows
from annales.common.text import fold
from annales.context import Context
from annales.pipeline import analyze

LANGUAGE = "fr"
LAYER = "checks"

# A dated episode in November 1943: a day of September told after it, without its year, is 1943's
# and two months early, which the chronology check flags unless a flashback cue excuses it.
EPISODE = ("Le 2 novembre 1943, l'escadre quitte la rade. Le 3 novembre, les croiseurs longent la côte. "
           "Le 4 novembre, les transports mouillent devant l'atoll. Le 5 novembre, la première vague débarque. ")
# A second count of a force: one sentence named by a group noun, one held by a group verb only.
BY_NOUN = "Un rapport plus tardif donne {figure} hommes à la garnison."
BY_VERB = "Un rapport plus tardif dit que le camp alignait {figure} hommes."


def _rows(name: str) -> list:
    return [pytest.param(row, id=row[0]) for row in load_rows(LANGUAGE, LAYER, name + ".tsv")]


def _cues(text: str, name: str, kind: str | None = None) -> set[str]:
    return {fold(m.group("cue")) for m in cue_pattern(LANGUAGE, name, kind).finditer(text)}


def _without(text: str, name: str) -> str:
    """`text` with the cues of `name` taken out, its spaces and capital put back."""
    bare = " ".join(cue_pattern(LANGUAGE, name).sub("", text).split())
    bare = re.sub(r" ([,.])", r"\1", bare).lstrip(", ")
    return bare[:1].upper() + bare[1:]


def _grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


@pytest.mark.parametrize("row", _rows("command_cues"))
def test_command_cue_puts_two_persons_at_the_head_of_one_force(row: tuple[str, ...], context: Context) -> None:
    surface, example = row
    assert _cues(example, "command_cues") == {fold(surface)}
    found = role_conflict.find(analyze(example, context=context))
    assert len(found) == 1, [f.message for f in found]
    assert found[0].detail["command_mentions"]


@pytest.mark.parametrize("row", _rows("flashback_cues"))
def test_flashback_cue_excuses_an_early_date(row: tuple[str, ...], context: Context) -> None:
    surface, example = row
    assert _cues(example, "flashback_cues") == {fold(surface)}
    assert chronology.find(analyze(EPISODE + example, context=context)) == []
    # The same sentence without its cue is flagged: the cue is what keeps it silent.
    flagged = chronology.find(analyze(EPISODE + _without(example, "flashback_cues"), context=context))
    assert len(flagged) == 1
    assert "septembre" in flagged[0].evidence[0].text and flagged[0].detail["value"].startswith("1943-09")


def test_the_passages_told_beside_the_group_cues_hold_one_cue_each() -> None:
    assert _cues(BY_NOUN, "group_cues", "noun") == {"garnison"} and not _cues(BY_NOUN, "group_cues", "verb")
    assert _cues(BY_VERB, "group_cues", "verb") == {"alignait"} and not _cues(BY_VERB, "group_cues", "noun")


@pytest.mark.parametrize("row", _rows("group_cues"))
def test_group_cue_makes_a_count_the_strength_of_a_force(row: tuple[str, ...], context: Context) -> None:
    surface, kind, example = row
    assert _cues(example, "group_cues") == {fold(surface)}
    strengths = [q for q in analyze(example, context=context).quantities if people_kind(q, LANGUAGE) == "strength"]
    assert len(strengths) == 1, strengths
    assert isinstance(strengths[0].value, int)
    figure = _grouped(strengths[0].value + strengths[0].value // 20)  # 5 % more: a near miss, one force
    by_noun = conflicting_figures.find(analyze(f"{example} {BY_NOUN.format(figure=figure)}", context=context))
    assert len(by_noun) == 1
    assert [e.text for e in by_noun[0].evidence] == [strengths[0].text, figure]
    # Two counts given by verbs alone may be of two forces: one of them must name the force.
    by_verb = conflicting_figures.find(analyze(f"{example} {BY_VERB.format(figure=figure)}", context=context))
    assert len(by_verb) == (1 if kind == "noun" else 0)


@pytest.mark.parametrize("row", _rows("people_nouns"))
def test_people_noun_makes_a_strength_or_a_loss(row: tuple[str, ...], context: Context) -> None:
    surface, kind, example = row
    counted = [q for q in analyze(example, context=context).quantities if q.counted == surface]
    assert len(counted) == 1
    assert people_kind(counted[0], LANGUAGE) == kind


@pytest.mark.parametrize("row", _rows("total_cues"))
def test_total_cue_makes_the_sum_check_add_the_figures(row: tuple[str, ...], context: Context) -> None:
    surface, kind, example = row
    analysis = analyze(example, context=context)
    (breakdown,) = breakdowns(analysis)
    assert breakdown.kind == kind
    assert fold(example[breakdown.cue_start:breakdown.cue_end]) == fold(surface)
    counts = [q.id for q in analysis.quantities if people_kind(q, LANGUAGE) is not None]
    assert sorted(q.id for q in breakdown.parts + breakdown.totals) == sorted(counts)
    assert breakdown.consistent() and sum_mismatch.find(analysis) == []
    # With the total changed so the figures disagree, the sum check speaks: it did add them.
    total = breakdown.totals[0]
    total.value = breakdown.parts_sum - 1 if kind == "part" else int(total.value or 0) + 1
    found = sum_mismatch.find(analysis)
    assert len(found) == 1 and sorted(found[0].detail["quantities"]) == sorted(counts)


@pytest.mark.parametrize("row", _rows("life_events"))
def test_life_event_dates_a_birth_or_a_death(row: tuple[str, ...], context: Context) -> None:
    lemma, kind, role, example = row
    analysis = analyze(example, context=context)
    persons = {e.id: e.name for e in analysis.entities if e.type == "person"}
    (event,) = [e for e in analysis.events if e.trigger.lemma == lemma]
    told = [p.entity for p in event.participants if p.role == role and p.entity in persons]
    assert len(told) == 1 and not event.time_inferred, event
    name = persons[told[0]]
    # The other end of the same life, on a date that contradicts this one.
    other = f"{name} mourut le 2 avril 1700." if kind == "birth" else f"{name} naquit le 3 mars 1990."
    found = lifespan.find(analyze(f"{example} {other}", context=context))
    assert len(found) == 1, [f.message for f in found]
    assert found[0].message.startswith(f"{name} dies ")
