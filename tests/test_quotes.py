"""Quotations, their cues and speakers, on sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quote_helpers import parsed_with_persons

from annales.common.quotes import find_quoted
from annales.model import Analysis, Region
from annales.quotes import find_quotes


def _analysis(text: str, persons: tuple[str, ...] = (), regions: tuple[Region, ...] = ()) -> Analysis:
    return parsed_with_persons(text, persons, regions=regions)


def _read(text: str, persons: tuple[str, ...] = (), regions: tuple[Region, ...] = ()) -> list[tuple]:
    analysis = _analysis(text, persons, regions)
    return [(text[q.start:q.end], q.speaker, text[q.cue.start:q.cue.end] if q.cue else None)
            for q in find_quotes(analysis)]


CASES = [
    # verb before, named subject
    ("Le général Marchand déclara : « Nous tiendrons la ligne jusqu'au bout. »", ("Marchand",),
     [("Nous tiendrons la ligne jusqu'au bout.", "p1", "Le général Marchand déclara")]),
    # verb after, inverted pronoun resolved to the one person just named
    ("Bertin entra dans la salle. « La séance est ouverte pour tout le monde », dit-il.", ("Bertin",),
     [("La séance est ouverte pour tout le monde", "p1", "dit-il")]),
    # pronoun with two persons before it: ambiguous, no speaker
    ("Bertin salua Lenoir. « La séance est ouverte pour tout le monde », dit-il.", ("Bertin", "Lenoir"),
     [("La séance est ouverte pour tout le monde", None, "dit-il")]),
    # incise inside the quote: one quote, the incise is its cue
    ("« Il est trop tard, répliqua Lenoir, pour changer nos plans. »", ("Lenoir",),
     [("Il est trop tard, répliqua Lenoir, pour changer nos plans.", "p1", "répliqua Lenoir")]),
    # selon
    ("Selon Lenoir, « la récolte sera mauvaise cette année partout ».", ("Lenoir",),
     [("la récolte sera mauvaise cette année partout", "p1", "Selon Lenoir")]),
    ("« La récolte sera mauvaise cette année », d'après Bertin.", ("Bertin",),
     [("La récolte sera mauvaise cette année", "p1", "d'après Bertin")]),
    # first person narrator
    ("Je lui dis : « Revenez demain avec les papiers signés. »", (),
     [("Revenez demain avec les papiers signés.", "narrator", "Je lui dis")]),
    # no cue: kept, no speaker
    ("Lenoir était là. « Le pont a sauté dans la nuit sans prévenir. »", ("Lenoir",),
     [("Le pont a sauté dans la nuit sans prévenir.", None, None)]),
    # scare quotes and titles are skipped
    ("Il parlait d'un « accident » et lisait « La grande route ».", (), []),
    # straight and curly quotes; an inch mark is not a quote
    ('Un canon de 12" tira. Il cria : "Tous aux abris, maintenant !"', (),
     [("Tous aux abris, maintenant !", None, "Il cria")]),
    ("Elle écrivait : “Nous partons demain matin pour la côte.”", (),
     [("Nous partons demain matin pour la côte.", None, "Elle écrivait")]),
    # nested: only the outer quote
    ("Bertin raconta : « Le sergent hurlait “En avant !” à chaque pas de la colonne. »", ("Bertin",),
     [("Le sergent hurlait “En avant !” à chaque pas de la colonne.", "p1", "Bertin raconta")]),
]


@pytest.mark.parametrize(("text", "persons", "expected"), CASES)
def test_quotes(text: str, persons: tuple[str, ...], expected: list[tuple]) -> None:
    assert _read(text, persons) == expected


def test_pull_quote_block() -> None:
    text = "Nous ne reculerons pas d'un seul mètre devant eux.\nColonel Paul Lemaire\n\nLa suite du récit."
    region = Region(0, text.index("\n\n"), "quote-block")
    assert _read(text, ("Paul Lemaire",), (region,)) == [
        ("Nous ne reculerons pas d'un seul mètre devant eux.", "p1", "Colonel Paul Lemaire")]


def test_boilerplate_is_skipped() -> None:
    text = "« Abonnez-vous à notre lettre pour tout recevoir »\n\nLe récit commence ici."
    assert _read(text, (), (Region(0, text.index("\n\n"), "boilerplate"),)) == []


def test_marks_outside_span_and_no_break_spaces() -> None:
    text = "Il dit :\u00a0«\u00a0Bonjour à tous\u00a0»."
    (quoted,) = find_quoted(text)
    assert text[quoted.start:quoted.end] == "Bonjour à tous"


@pytest.mark.parametrize("text", ["« ouvert sans fin", "fermé » seul", '" "', "«»", '"a', "« « »", "“ ” « »"])
def test_unbalanced_never_raises(text: str) -> None:
    for quoted in find_quoted(text):
        assert 0 <= quoted.start < quoted.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 12,.:\n«»“”\"\u00a0")), max_size=80))
def test_random_quote_marks(text: str) -> None:
    for quoted in find_quoted(text):
        assert 0 <= quoted.outer_start <= quoted.start < quoted.end <= quoted.outer_end <= len(text)


def test_an_unclosed_mark_that_only_holds_closed_pairs_is_stray() -> None:
    # An OCR stain read as « long before a real quotation: the quotation is the pair, not the rest
    # of the paragraph from the stain on.
    text = "Le feu de « l'ennemi cessa. On l'appelait « le vieux » dans la troupe. Le 9 mai, on repartit."
    assert [text[q.start:q.end] for q in find_quoted(text)] == ["le vieux"]


def test_an_unclosed_quotation_still_runs_to_the_end_of_its_paragraph() -> None:
    text = "Il écrivit : « Nous tenons. Les renforts arrivent.\n\nLe lendemain, la ligne céda."
    assert [text[q.start:q.end] for q in find_quoted(text)] == ["Nous tenons. Les renforts arrivent."]
