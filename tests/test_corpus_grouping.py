"""Entities across documents: which are one person, why, and the user's corrections that outlive re-ingestion."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import pytest
from corpus_helpers import analysis

from annales.cli import main
from annales.corpus import open_store, store
from annales.corpus.corrections import CorrectionError, merge, split
from annales.corpus.crosssource import refresh_cross_source
from annales.corpus.filters import Filters
from annales.corpus.findings import findings
from annales.corpus.grouping import PersonName, given_agree, parse_person
from annales.corpus.people import find, groups
from annales.corpus.search import search
from annales.corpus.timeline import timeline


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    connection = open_store(str(tmp_path / "corpus.db"), create=True)
    yield connection
    connection.close()


def person(doc_id: str, name: str, year: int | None = None, *, version: str = "1", others: tuple[str, ...] = ()
           ) -> dict:
    """A one-sentence document where `name` acts (in `year`, when given)."""
    when = f"Le 3 mai {year}, " if year else "Un jour, "
    text = when + f"{name} arrive." + "".join(f" {other} part." for other in others)
    dates = [(f"3 mai {year}", f"{year}-05-03", f"{year}-05-03", f"{year}-05-03")] if year else []
    events = [{"trigger": "arrive", "agents": [name], **({"date": f"{year}-05-03"} if year else {})}]
    entities = [{"type": "person", "name": name}] + [{"type": "person", "name": other} for other in others]
    return analysis(doc_id, text, entities=entities, dates=dates, events=events, version=version)


def people(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    return sorted((g.name, g.documents) for g in groups(conn, "people"))


def add(conn: sqlite3.Connection, *documents: dict) -> None:
    for document in documents:
        store.put(conn, document)


def test_parse_person() -> None:
    assert parse_person("Jacques Chirac") == parse_person("jacques CHIRAC")
    assert parse_person("Charles de Gaulle") == PersonName(("charles",), "gaulle", None)
    assert parse_person("Jean-Pierre Martin").given == ("jean-pierre",)
    assert parse_person("Frédéric III") == PersonName((), "frederic", "iii")
    assert parse_person("Louis d'Orléans").surname == "orleans"
    assert parse_person("Napoléon").given == () and parse_person("Napoléon").surname == "napoleon"
    assert parse_person("Georges Cle¬ menceau") == parse_person("Georges Clemenceau")  # cut at a line's end


def test_given_names_agree() -> None:
    assert given_agree(("jacques",), ("jacques",)) == "same"
    assert given_agree(("j",), ("jacques",)) == "initials"
    assert given_agree(("george",), ("george", "w")) == "initials"
    assert given_agree(("jean-pierre",), ("pierre",)) is None
    assert given_agree(("jean",), ("jacques",)) is None


def test_a_surname_alone_joins_the_one_person_of_that_name(conn: sqlite3.Connection) -> None:
    add(conn, person("a", "Jacques Chirac", 1999), person("b", "Chirac", 2003), person("c", "Jacques Chirac", 2002))
    assert people(conn) == [("Jacques Chirac", 3)]
    (group,) = find(conn, "Chirac")
    assert group.evidence and any("surname alone" in why for why in group.evidence)


def test_an_ambiguous_surname_is_never_merged_blindly(conn: sqlite3.Connection) -> None:
    add(conn, person("a", "Julian Smith", 1943), person("b", "Holland Smith", 1943), person("c", "Smith", 1943))
    assert people(conn) == [("Holland Smith", 1), ("Julian Smith", 1), ("Smith", 1)]
    (alone,) = [g for g in groups(conn, "people") if g.name == "Smith"]
    assert alone.evidence == ["surname alone, shared by 2 persons: not merged"]


def test_one_name_decades_apart_is_two_persons(conn: sqlite3.Connection) -> None:
    add(conn, person("a", "Dumouriez", 1792), person("b", "Dumouriez", 1850), person("c", "Dumouriez", 1793))
    assert people(conn) == [("Dumouriez", 1), ("Dumouriez", 2)]


def test_a_given_name_alone_needs_the_same_context(conn: sqlite3.Connection) -> None:
    spain = ("Joseph Bonaparte", "Murat")
    add(conn, person("a", "Napoléon", 1808, others=spain), person("b", "Napoléon", 1870, others=spain),
        person("c", "Napoléon", 1809, others=spain), person("d", "Napoléon", 1809))
    groups_ = sorted((g.name, g.documents) for g in groups(conn, "people") if g.name == "Napoléon")
    assert groups_ == [("Napoléon", 1), ("Napoléon", 1), ("Napoléon", 2)]  # a+c; b too late; d without context


def test_given_names_decide(conn: sqlite3.Connection) -> None:
    add(conn, person("a", "Jean-Pierre Martin", 1950), person("b", "Pierre Martin", 1950),
        person("c", "P. Martin", 1951))
    # "P." fits only "Pierre" (not "Jean-Pierre"), so it joins him; "Jean-Pierre" stays apart.
    assert people(conn) == [("Jean-Pierre Martin", 1), ("Pierre Martin", 2)]


def test_an_initial_that_fits_two_persons_stays_alone(conn: sqlite3.Connection) -> None:
    add(conn, person("a", "Jean Martin", 1950), person("b", "Jacques Martin", 1950), person("c", "J. Martin", 1950))
    assert people(conn) == [("J. Martin", 1), ("Jacques Martin", 1), ("Jean Martin", 1)]


def test_a_given_name_alone_is_not_merged_across_documents(conn: sqlite3.Connection) -> None:
    add(conn, person("a", "Pierre", 2003), person("b", "Pierre", 2003))
    assert people(conn) == [("Pierre", 1), ("Pierre", 1)]


def test_a_full_name_lifetimes_apart_is_two_persons(conn: sqlite3.Connection) -> None:
    add(conn, person("a", "Louis Renault", 1810), person("b", "Louis Renault", 1910))
    assert people(conn) == [("Louis Renault", 1), ("Louis Renault", 1)]


def test_two_entities_of_one_document_stay_apart(conn: sqlite3.Connection) -> None:
    add(conn, person("a", "Pierre Martin", 1950, others=("Martin",)), person("b", "Pierre Martin", 1950))
    # "Martin" in document a is someone other than a's Pierre Martin: the document said so.
    assert people(conn) == [("Martin", 1), ("Pierre Martin", 2)]


def test_the_grouping_does_not_depend_on_the_order_documents_come_in(tmp_path: Path) -> None:
    documents = [person("a", "Jacques Chirac", 1999), person("b", "Chirac", 2003), person("c", "J. Chirac", 2001),
                 person("d", "Bernadette Chirac", 2001)]
    seen = set()
    for number, order in enumerate(itertools.permutations(documents)):
        connection = open_store(str(tmp_path / f"{number}.db"), create=True)
        add(connection, *order)
        seen.add(tuple(people(connection)))
        connection.close()
    # "J." fits Jacques only; "Chirac" alone fits two persons and stays alone.
    assert seen == {(("Bernadette Chirac", 1), ("Chirac", 1), ("Jacques Chirac", 2))}


def test_a_merge_survives_the_document_being_added_again(conn: sqlite3.Connection) -> None:
    add(conn, person("a", "Florian", 2003), person("b", "Florian Dupuis", 2003))
    first, second = (g.corpus_entity for g in sorted(groups(conn, "people"), key=lambda g: g.name))
    merge(conn, first, second)
    assert people(conn) == [("Florian Dupuis", 2)]
    add(conn, person("a", "Florian", 2003, version="2"), person("c", "Florian Dupuis", 2004))
    assert people(conn) == [("Florian Dupuis", 3)]


def test_a_split_survives_the_document_being_added_again(conn: sqlite3.Connection) -> None:
    add(conn, person("a", "Jacques Chirac", 1999), person("b", "Chirac", 2003))
    (group,) = groups(conn, "people")
    split(conn, group.corpus_entity, "b")
    assert people(conn) == [("Chirac", 1), ("Jacques Chirac", 1)]
    add(conn, person("b", "Chirac", 2003, version="2"))
    assert people(conn) == [("Chirac", 1), ("Jacques Chirac", 1)]
    merge(conn, *(g.corpus_entity for g in groups(conn, "people")))  # the later word wins
    assert people(conn) == [("Jacques Chirac", 2)]


def test_corrections_refused(conn: sqlite3.Connection) -> None:
    add(conn, person("a", "Jacques Chirac", 1999))
    (group,) = groups(conn, "people")
    with pytest.raises(CorrectionError, match="same entity"):
        merge(conn, group.corpus_entity, group.corpus_entity)
    with pytest.raises(CorrectionError, match="no member in document"):
        split(conn, group.corpus_entity, "zz")
    with pytest.raises(CorrectionError, match="only"):
        split(conn, group.corpus_entity, "a")


def test_cli_merge_and_split(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "c.db")
    connection = open_store(db, create=True)
    add(connection, person("a", "Julian Smith", 1943), person("b", "Holland Smith", 1943))
    connection.close()

    def run(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exit_:
            main(list(args))
        out, err = capsys.readouterr()
        return int(exit_.value.code or 0), out, err

    status, _, err = run("corpus", "merge", db, "Smith", "Julian Smith")
    assert status == 2 and "'Smith' names 2 entities: #" in err and len(err.strip().splitlines()) == 1
    status, _, err = run("corpus", "merge", db, "Julian Smith", "Holland Smith")
    assert status == 0 and "merged" in err
    status, out, _ = run("corpus", "show", db, "Julian Smith")
    assert status == 0 and "merged by the user" in out and "2 documents" not in out
    assert "a  Julian Smith  1.00  merged by the user" in out and "b  Holland Smith  1.00" in out
    status, _, err = run("corpus", "split", db, "Julian Smith", "--document", "b")
    assert status == 0 and "took b's mention out" in err
    status, out, _ = run("corpus", "people", db)
    assert status == 0 and len(out.splitlines()) == 2
    status, _, err = run("corpus", "split", db, "Nobody", "--document", "c")
    assert status == 1 and err.startswith("annales: error: no entity named 'Nobody'")


def test_a_person_filter_reaches_every_document_of_the_group(conn: sqlite3.Connection) -> None:
    add(conn, person("a", "Jacques Chirac", 1999), person("b", "Chirac", 2003), person("c", "Jacques Martin", 1999))
    # Document b says only "Chirac": reached through the group.
    assert {p.document for p in search(conn, "", Filters.parse(person="Jacques Chirac"))} == {"a", "b"}
    assert {h.document for h in timeline(conn, Filters.parse(person="Jacques Chirac"))} == {"a", "b"}
    assert {p.document for p in search(conn, "", Filters.parse(person="Jacques Martin"))} == {"c"}


def test_a_merge_or_split_recomputes_the_cross_source_findings(conn: sqlite3.Connection) -> None:
    def died(doc_id: str, name: str, day: str) -> dict:
        return analysis(doc_id, f"Le {day} mai 1915, {name} meurt.", entities=[{"type": "person", "name": name}],
                        dates=[(f"{day} mai 1915", f"1915-05-{int(day):02d}", f"1915-05-{int(day):02d}",
                                f"1915-05-{int(day):02d}")],
                        events=[{"trigger": "meurt", "lemma": "mourir", "date": f"1915-05-{int(day):02d}",
                                 "agents": [name]}])

    add(conn, died("a", "Louis Morel", "3"), died("b", "Lucien Morel", "9"))
    refresh_cross_source(conn)
    assert findings(conn, "cross-source") == []  # two men
    merge(conn, *(g.corpus_entity for g in groups(conn, "people")))  # the user says they are one
    (finding,) = findings(conn, "cross-source")
    assert {e[0] for e in finding.evidence} == {"a", "b"}
    (group,) = groups(conn, "people")
    split(conn, group.corpus_entity, "b")
    assert findings(conn, "cross-source") == []


def unit(doc_id: str, name: str, year: int) -> dict:
    return analysis(doc_id, f"Le 3 mai {year}, le {name} attaque.", entities=[{"type": "unit", "name": name}],
                    dates=[(f"3 mai {year}", f"{year}-05-03", f"{year}-05-03", f"{year}-05-03")],
                    events=[{"trigger": "attaque", "date": f"{year}-05-03", "agents": [name]}])


def test_units_named_by_their_number_only_across_documents(conn: sqlite3.Connection) -> None:
    add(conn, unit("a", "9e régiment d'infanterie", 1914), unit("b", "9e régiment d'infanterie", 1916),
        unit("c", "2e bataillon", 1914), unit("d", "2e bataillon", 1914), unit("e", "régiment", 1914),
        unit("f", "régiment", 1914), unit("g", "IIe armée", 1870), unit("h", "IIe armée", 1914))
    assert sorted((g.name, g.documents) for g in groups(conn, "units")) == [
        ("2e bataillon", 1), ("2e bataillon", 1), ("9e régiment d'infanterie", 2), ("IIe armée", 1), ("IIe armée", 1),
        ("régiment", 1), ("régiment", 1)]
    (battalion, _) = [g for g in groups(conn, "units") if g.name == "2e bataillon"]
    assert battalion.evidence == ["a subunit, numbered inside its parent: not grouped across documents"]


def test_adding_documents_one_by_one_groups_as_a_full_regrouping(conn: sqlite3.Connection) -> None:
    from annales.corpus.grouping import regroup

    add(conn, person("a", "Jacques Chirac", 1999, others=("Paris",)), person("b", "Chirac", 2003, others=("Paris",)),
        person("c", "Pierre", 2003), person("d", "Pierre", 2003), unit("e", "9e régiment d'infanterie", 1914),
        unit("f", "9e régiment d'infanterie", 1915), person("g", "Julian Smith", 1943), person("h", "Smith", 1943))

    def partition() -> set[frozenset[tuple[int, str]]]:
        found: dict[int, set[tuple[int, str]]] = {}
        for group, doc, entity in conn.execute("SELECT corpus_entity, doc, entity FROM corpus_entity_members"):
            found.setdefault(group, set()).add((doc, entity))
        return {frozenset(members) for members in found.values()}

    one_by_one = partition()
    regroup(conn)
    assert partition() == one_by_one
    assert len(one_by_one) == 6  # Chirac, the other name, the 9e RI and Smith joined; the two Pierre apart
