"""Cross-source findings: two documents giving different figures, dates or ranks for one thing.

The accounts are short French texts analysed by the real pipeline and stored with `annales corpus
add`'s own function, which refreshes the cross-source findings at the end of its run.
"""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

from annales.corpus import open_store
from annales.corpus import render as corpus_render
from annales.corpus.crosssource import (
    Claim,
    collect,
    conflicts,
    context,
    dates_agree,
    day_number,
    figures_agree,
    ranks_agree,
    refresh_cross_source,
)
from annales.corpus.findings import findings
from annales.corpus.ingest.add import add

SIEGE_4836 = ("Le 4 mars 1814, les Russes mettent le siège devant Soissons. "
              "La garnison de Soissons compte 4 836 hommes sous le général Moreau.")
SIEGE_4500 = ("Au début de mars 1814, Soissons est défendue par une garnison de 4 500 hommes. "
              "Le général Moreau rend la ville le 3 mars 1814 aux Russes.")
SIEGE_SAME = ("Au début de mars 1814, Soissons est défendue par une garnison de 4 836 hommes. "
              "Les Russes entrent dans la ville.")
SIEGE_ABOUT = ("En mars 1814, la garnison de Soissons comptait environ 4 800 hommes. "
               "Les Russes assiègent la ville.")
SIEGE_RANGE = ("En mars 1814, la garnison de Soissons comptait de 4 000 à 5 000 hommes. "
               "Les Russes assiègent la ville.")
DEATH_1828 = ("Le général Jean Moreau commande à Soissons en 1814. "
              "Le général Jean Moreau mourut à Paris le 12 septembre 1828.")
DEATH_1829 = "Le général Jean Moreau mourut à Paris le 15 septembre 1829. Il avait défendu Soissons en 1814."
ATTACK_FEBRUARY = ("Le 28 février 1915, le 9e régiment d'infanterie attaqua les tranchées allemandes près de "
                   "Vauquois. Les pertes furent lourdes.")
ATTACK_MARCH = "Le 4 mars 1915, le 9e régiment d'infanterie attaqua de nouveau Vauquois. Il prit la crête."
LANDING_8 = "Le 8 novembre 1942, les Américains débarquent à Alger. La ville tombe le soir."
LANDING_11 = "Les Américains débarquent à Alger le 11 novembre 1942. Ils prennent le port."
LANDING_11_NOBODY = "Le 11 novembre 1942, on débarque à Alger. Le port est pris."
GENERAL_AT_MARENGO = ("Le 14 juin 1800, le général Louis Desaix arrive à Marengo avec sa division. "
                      "Il charge les Autrichiens le soir même.")
COLONEL_AT_MARENGO = "Le 14 juin 1800, le colonel Louis Desaix arrive à Marengo. Les Autrichiens reculent."
COLONEL_IN_1798 = "Le 2 mai 1798, le colonel Louis Desaix quitte Toulon. Plus tard, il commande une division en Égypte."


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    connection = open_store(str(tmp_path / "corpus.db"), create=True)
    yield connection
    connection.close()


def store_texts(conn: sqlite3.Connection, folder: Path, texts: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    paths = []
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    summary = add(conn, paths)
    assert summary.failures == []


def cross(conn: sqlite3.Connection) -> list:
    return [finding for finding in findings(conn) if finding.scope == "cross-source"]


def names(finding) -> set[str]:
    return {Path(document).name for document, _, _, _ in finding.evidence}


def test_two_garrison_figures_make_one_finding_with_both_passages(conn: sqlite3.Connection, tmp_path: Path) -> None:
    store_texts(conn, tmp_path / "in", {"a.txt": SIEGE_4836, "b.txt": SIEGE_4500})
    (finding,) = cross(conn)
    assert finding.kind == "cross-source" and finding.document is None
    assert finding.detail["code"] == "figures-differ"
    assert finding.detail["measure"] == "garrison" and finding.detail["entity"] == "Soissons"
    assert {finding.detail["value_a"], finding.detail["value_b"]} == {"4 836 hommes", "4 500 hommes"}
    assert {Path(finding.detail["document_a"]).name, Path(finding.detail["document_b"]).name} == {"a.txt", "b.txt"}
    assert names(finding) == {"a.txt", "b.txt"}
    texts = {text for _, _, _, text in finding.evidence}
    assert "La garnison de Soissons compte 4 836 hommes sous le général Moreau." in texts
    assert any("garnison de 4 500 hommes" in text for text in texts)
    # The evidence rows point at the documents' own words.
    for document, start, end, text in finding.evidence:
        source = Path(document).read_text(encoding="utf-8")
        assert source[start:end] == text
    assert conn.execute("SELECT count(*) FROM findings WHERE scope = 'cross-source' AND doc IS NULL").fetchone() == (1,)


def test_the_same_figure_makes_no_finding(conn: sqlite3.Connection, tmp_path: Path) -> None:
    store_texts(conn, tmp_path / "in", {"a.txt": SIEGE_4836, "same.txt": SIEGE_SAME})
    figures, _ = collect(context(conn))["figures-differ"]
    assert len({claim.doc for claim in figures}) == 2  # both read as the garrison of Soissons ...
    assert len({claim.key for claim in figures}) == 1
    assert cross(conn) == []  # ... and they agree


@pytest.mark.parametrize("other", [SIEGE_ABOUT, SIEGE_RANGE], ids=["about", "range"])
def test_a_figure_within_the_others_approximation_makes_no_finding(conn: sqlite3.Connection, tmp_path: Path,
                                                                    other: str) -> None:
    store_texts(conn, tmp_path / "in", {"a.txt": SIEGE_4836, "other.txt": other})
    figures, _ = collect(context(conn))["figures-differ"]
    assert len({claim.doc for claim in figures}) == 2 and len({claim.key for claim in figures}) == 1
    assert cross(conn) == []


def test_a_range_that_leaves_the_figure_out_makes_a_finding(conn: sqlite3.Connection, tmp_path: Path) -> None:
    store_texts(conn, tmp_path / "in", {"a.txt": SIEGE_4836.replace("4 836", "5 836"), "range.txt": SIEGE_RANGE})
    (finding,) = cross(conn)
    assert {finding.detail["value_a"], finding.detail["value_b"]} == {"5 836 hommes", "4 000 à 5 000 hommes"}


def test_a_death_on_two_dates_makes_one_finding(conn: sqlite3.Connection, tmp_path: Path) -> None:
    store_texts(conn, tmp_path / "in", {"c.txt": DEATH_1828, "d.txt": DEATH_1829})
    (finding,) = cross(conn)
    assert finding.detail["code"] == "dates-differ" and finding.detail["event"] == "death"
    assert {finding.detail["value_a"], finding.detail["value_b"]} == {"1828-09-12", "1829-09-15"}
    assert names(finding) == {"c.txt", "d.txt"}
    assert "Jean Moreau" in finding.message


def test_two_attacks_of_one_regiment_on_different_days_make_no_finding(conn: sqlite3.Connection,
                                                                       tmp_path: Path) -> None:
    store_texts(conn, tmp_path / "in", {"feb.txt": ATTACK_FEBRUARY, "mar.txt": ATTACK_MARCH})
    attacks = conn.execute(
        "SELECT ev.date, e.corpus_entity FROM events ev JOIN event_entities ee ON ee.doc = ev.doc AND ee.event = ev.id "
        "JOIN entities e ON e.doc = ee.doc AND e.id = ee.entity WHERE ev.lemma = 'attaquer' AND e.type = 'unit'"
    ).fetchall()
    assert {date for date, _ in attacks} == {"1915-02-28", "1915-03-04"}  # one regiment, two dated attacks ...
    assert len({group for _, group in attacks}) == 1
    assert cross(conn) == []  # ... are two attacks, not one told twice


def test_one_landing_dated_twice_makes_one_finding(conn: sqlite3.Connection, tmp_path: Path) -> None:
    store_texts(conn, tmp_path / "in", {"l8.txt": LANDING_8, "l11.txt": LANDING_11})
    (finding,) = cross(conn)
    assert finding.detail["code"] == "dates-differ" and finding.detail["event"] == "landing"
    assert finding.detail["entity"] == "Alger"
    assert {finding.detail["value_a"], finding.detail["value_b"]} == {"1942-11-08", "1942-11-11"}


def test_a_landing_that_says_not_who_lands_is_not_compared(conn: sqlite3.Connection, tmp_path: Path) -> None:
    store_texts(conn, tmp_path / "in", {"l8.txt": LANDING_8, "nobody.txt": LANDING_11_NOBODY})
    assert cross(conn) == []


def test_two_ranks_on_the_same_day_make_one_finding(conn: sqlite3.Connection, tmp_path: Path) -> None:
    store_texts(conn, tmp_path / "in", {"general.txt": GENERAL_AT_MARENGO, "colonel.txt": COLONEL_AT_MARENGO})
    (finding,) = cross(conn)
    assert finding.detail["code"] == "ranks-differ" and finding.detail["date"] == "1800-06-14"
    assert {finding.detail["value_a"], finding.detail["value_b"]} == {"général", "colonel"}
    assert names(finding) == {"general.txt", "colonel.txt"}


def test_a_promotion_between_two_dates_makes_no_finding(conn: sqlite3.Connection, tmp_path: Path) -> None:
    store_texts(conn, tmp_path / "in", {"general.txt": GENERAL_AT_MARENGO, "1798.txt": COLONEL_IN_1798})
    ranks, _ = collect(context(conn))["ranks-differ"]
    assert {claim.shown for claim in ranks} == {"général", "colonel"}  # both ranks read, on different days
    assert cross(conn) == []


def test_re_adding_a_document_replaces_its_findings(conn: sqlite3.Connection, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    store_texts(conn, folder, {"a.txt": SIEGE_4836, "b.txt": SIEGE_4500})
    assert len(cross(conn)) == 1
    store_texts(conn, folder, {"a.txt": SIEGE_4836.replace("4 836", "4 900")})  # a.txt changed: replaced
    (finding,) = cross(conn)
    assert {finding.detail["value_a"], finding.detail["value_b"]} == {"4 900 hommes", "4 500 hommes"}
    store_texts(conn, folder, {"a.txt": SIEGE_4836.replace("4 836", "4 500")})  # now they agree
    assert cross(conn) == []
    add(conn, [str(folder / "a.txt"), str(folder / "b.txt")])  # unchanged: skipped, findings rewritten alike
    assert cross(conn) == []
    orphans = conn.execute("SELECT count(*) FROM finding_evidence WHERE finding NOT IN "
                           "(SELECT finding FROM findings)").fetchone()
    assert orphans == (0,)


def test_refreshing_twice_writes_the_same_findings_once(conn: sqlite3.Connection, tmp_path: Path) -> None:
    store_texts(conn, tmp_path / "in", {"c.txt": DEATH_1828, "d.txt": DEATH_1829})
    before = [(f.id, f.message, f.evidence) for f in cross(conn)]
    assert refresh_cross_source(conn) == 1
    assert [(f.id, f.message, f.evidence) for f in cross(conn)] == before
    assert conn.execute("SELECT count(*) FROM finding_evidence").fetchone() == (2,)


def test_the_text_output_shows_both_values_and_both_passages(conn: sqlite3.Connection, tmp_path: Path) -> None:
    store_texts(conn, tmp_path / "in", {"a.txt": SIEGE_4836, "b.txt": SIEGE_4500})
    out = io.StringIO()
    assert corpus_render.findings(cross(conn), out) == 1
    text = out.getvalue()
    assert "A: 4 836 hommes" in text and "B: 4 500 hommes" in text
    assert "compte 4 836 hommes" in text and "garnison de 4 500 hommes" in text


# --- the rules, on claims made by hand ------------------------------------------------------------------


def claim(doc: int, value: object, when: tuple[int, int] | None = None, key: tuple = ("k",)) -> Claim:
    return Claim(key=key, doc=doc, value=value, shown=str(value), when=when, sentence=(doc, 0))


def testfigures_agree_when_their_intervals_meet() -> None:
    assert figures_agree((), (4320.0, 5280.0), (4836.0, 4836.0))  # "environ 4 800" and 4 836
    assert figures_agree((), (4000.0, float("inf")), (4836.0, 4836.0))  # "plus de 4 000"
    assert not figures_agree((), (4500.0, 4500.0), (4836.0, 4836.0))


def test_figures_at_dates_that_do_not_meet_are_not_compared() -> None:
    feb, mar = (day_number("1814-02-01"), day_number("1814-02-28")), (day_number("1814-03-01"),
                                                                       day_number("1814-03-31"))
    assert conflicts([claim(1, (4836.0, 4836.0), feb), claim(2, (4500.0, 4500.0), mar)], figures_agree) == []
    assert len(conflicts([claim(1, (4836.0, 4836.0), mar), claim(2, (4500.0, 4500.0), mar)], figures_agree)) == 1


def test_a_document_contradicting_itself_is_left_out() -> None:
    mar = (day_number("1814-03-01"), day_number("1814-03-31"))
    told = [claim(1, (4836.0, 4836.0), mar), claim(1, (3000.0, 3000.0), mar), claim(2, (4500.0, 4500.0), mar)]
    assert conflicts(told, figures_agree) == []


def test_many_documents_on_each_side_make_one_finding() -> None:
    mar = (day_number("1814-03-01"), day_number("1814-03-31"))
    told = [claim(doc, (4836.0, 4836.0), mar) for doc in (1, 2, 3)] + [claim(doc, (4500.0, 4500.0), mar)
                                                                     for doc in (4, 5)]
    (found,) = conflicts(told, figures_agree)
    assert [c.doc for c in found.left] == [1, 2, 3] and [c.doc for c in found.right] == [4, 5]


def test_dates_of_a_landing_far_apart_are_two_landings() -> None:
    key = ("dates-differ", "landing", 7, 1, 7)
    day = day_number("1942-11-08")
    assert day is not None
    assert dates_agree(key, (day, day, frozenset()), (day + 1, day + 1, frozenset()))  # within its length
    assert not dates_agree(key, (day, day, frozenset()), (day + 3, day + 3, frozenset()))
    assert dates_agree(key, (day, day, frozenset()), (day + 200, day + 200, frozenset()))  # another landing
    assert dates_agree(key, (day, day, frozenset({1})), (day + 3, day + 3, frozenset({2})))  # others land
    death = ("dates-differ", "death", 7, 0, None)
    assert not dates_agree(death, (day, day, frozenset()), (day + 9000, day + 9000, frozenset()))


def test_a_generic_rank_or_a_form_of_address_agrees() -> None:
    agree = ranks_agree(["fr"])
    assert agree((), "général", "général de division")
    assert agree((), "colonel", "lieutenant-colonel")
    assert not agree((), "général de brigade", "général de division")
    assert not agree((), "colonel", "général")


def test_days_before_the_common_era_keep_their_order() -> None:
    days = [day_number(value) for value in ("-0058-03-01", "-0058-04-01", "0001-01-01", "1814-03-04")]
    assert days == sorted(days) and len(set(days)) == 4
