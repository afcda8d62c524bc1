"""The checks layer: each kind of finding fires on a text that disagrees with itself, and stays
silent on one that does not."""

from __future__ import annotations

import pytest

from annales.pipeline import analyze

GARRISON = (
    "Le colonel Armand Duval dispose du 3e bataillon de chasseurs (800 hommes), du 12e bataillon de "
    "zouaves (700 hommes) et d'une compagnie de sapeurs (300 hommes), soit au total 1 500 combattants "
    "et 300 ouvriers. La bataille dure trois jours. "
)


def kinds(text: str, context, dct: str | None = None) -> list[str]:
    return [finding.kind for finding in analyze(text, dct, context=context).findings]


def findings_of(text: str, kind: str, context) -> list:
    analysis = analyze(text, context=context)
    for finding in analysis.findings:
        for item in finding.evidence:
            assert analysis.text[item.start:item.end] == item.text
    return [f for f in analysis.findings if f.kind == kind]


def test_conflicting_figures_fire_on_a_garrison_counted_twice(context) -> None:
    text = GARRISON + "Sur les 1 750 hommes que comptait la garnison, seuls 40 survivent."
    found = findings_of(text, "conflicting-figures", context)
    assert len(found) == 1
    cited = {e.text for e in found[0].evidence}
    assert "1 750" in cited and "1 500" in cited
    assert "1 800" in found[0].detail["first"]["arithmetic"].replace("\u202f", " ")


def test_conflicting_figures_silent_when_the_count_agrees(context) -> None:
    text = GARRISON + "Sur les 1 800 hommes que comptait la garnison, seuls 40 survivent."
    assert "conflicting-figures" not in kinds(text, context)


def test_conflicting_figures_silent_on_far_apart_forces(context) -> None:
    text = GARRISON + "L'armée de secours compte 35 000 hommes et ne vient jamais au secours de la garnison."
    assert "conflicting-figures" not in kinds(text, context)


def test_sum_mismatch_fires_when_parts_miss_the_total(context) -> None:
    text = ("La division aligne le 1er régiment (1200 hommes) et le 2e régiment (1300 hommes), "
            "soit au total 2 600 hommes.")
    found = findings_of(text, "sum-mismatch", context)
    assert len(found) == 1
    assert found[0].detail["parts_sum"] == 2500


def test_sum_mismatch_silent_when_parts_add_up(context) -> None:
    text = ("La division aligne le 1er régiment (1200 hommes) et le 2e régiment (1300 hommes), "
            "soit au total 2 500 hommes.")
    assert "sum-mismatch" not in kinds(text, context)
    assert "sum-mismatch" not in kinds(GARRISON, context)


def test_sum_mismatch_on_a_part_larger_than_its_whole(context) -> None:
    assert "sum-mismatch" in kinds("Le bataillon perd 200 hommes, dont 250 morts.", context)
    assert "sum-mismatch" not in kinds("Le bataillon perd 218 hommes, dont 64 morts.", context)


NOVEMBER = (
    "Le 18 novembre 1943, la flotte arrive devant l'atoll. Le 19 novembre, les navires bombardent la côte. "
    "Le 20 novembre, les troupes débarquent sur la plage. Le 21 novembre, les défenseurs reculent. "
)


def test_chronology_fires_on_a_date_before_the_episode_it_closes(context) -> None:
    found = findings_of(NOVEMBER + "La dernière île n'est prise que le 12 septembre.", "chronology", context)
    assert "12 septembre" in found[0].evidence[0].text


def test_chronology_silent_on_announced_flashbacks_and_following_dates(context) -> None:
    assert "chronology" not in kinds(NOVEMBER + "La dernière île est prise le 24 novembre.", context)
    assert "chronology" not in kinds(NOVEMBER + "Les plans étaient prêts depuis le 12 septembre.", context)
    assert "chronology" not in kinds(NOVEMBER + "En 1935, le 12 septembre, un premier relevé est fait.", context)


REPEATED = "Les soldats attendent toujours des renforts qui ne viendront jamais sur cette plage."


def test_repetition_fires_on_a_passage_printed_twice(context) -> None:
    text = f"{REPEATED} La nuit tombe sur l'île et le feu reprend. Le matin, la marée monte. {REPEATED}"
    found = findings_of(text, "repetition", context)
    assert len(found) == 1 and len(found[0].evidence) == 2


def test_repetition_silent_on_short_shared_phrases(context) -> None:
    text = "Les soldats attendent des renforts. La nuit tombe. Les soldats attendent la relève du matin."
    assert "repetition" not in kinds(text, context)


def test_role_conflict_fires_on_two_commanders_of_one_garrison(context) -> None:
    text = ("L'île abrite le quartier général. Le contre-amiral Keiji Tanabe dispose de la garnison. "
            "Les navires approchent. La bataille dure trois jours et les canons tonnent sans cesse. "
            "Les défenseurs tiennent encore. Le contre-amiral Hoshino commande la garnison jusqu'au bout.")
    found = findings_of(text, "role-conflict", context)
    assert len(found) == 1


def test_role_conflict_silent_on_one_commander_and_distinct_ranks(context) -> None:
    text = ("L'île abrite le quartier général. Le contre-amiral Keiji Tanabe dispose de la garnison. "
            "Le colonel Marc Hoshino commande l'artillerie de la garnison.")
    assert "role-conflict" not in kinds(text, context)


SMITHS = ("L'attaque est confiée au Rear Admiral Hill Smith. Le corps est placé sous les ordres du "
          "Major General Holland Smith. Leur chef, le Major General Julian G. Smith, est apprécié. ")


def test_ambiguous_reference_fires_on_a_surname_shared_by_several(context) -> None:
    found = findings_of(SMITHS + "Le lendemain, le Smith annonce que l'île est prise.", "ambiguous-reference",
                        context)
    assert found and "Holland Smith" in found[0].message


def test_ambiguous_reference_silent_when_the_name_is_full(context) -> None:
    assert "ambiguous-reference" not in kinds(SMITHS + "Le lendemain, Holland Smith annonce la victoire.", context)


@pytest.mark.parametrize("text", [GARRISON, NOVEMBER, REPEATED])
def test_ids_run_in_order(text: str, context) -> None:
    findings = analyze(text + " " + text, context=context).findings
    assert [f.id for f in findings] == [f"fnd-{n}" for n in range(1, len(findings) + 1)]
