"""Aspect and the happenings a chronology lists: the imperfect tells background, not the story."""

from __future__ import annotations

import pytest

from annales import analyze
from annales.common.events import is_happening
from annales.model import Event, EventDate, Span, Trigger

TEXT = ("Le 3 mars 1915, le bataillon quitta la ville. Les paysans cultivaient encore leurs champs. "
        "La ville était défendue par deux compagnies. Le lendemain, il avait déjà franchi la rivière. "
        "Le 5 mars, le régiment quittait Arras. Le village fut attaqué par l'ennemi. Le pays était dévasté. "
        "Les troupes ont occupé la colline.")


@pytest.fixture(scope="module")
def events() -> dict[str, Event]:
    return {e.trigger.text: e for e in analyze(TEXT).events}


@pytest.mark.parametrize("word, aspect", [
    ("quitta", "perfective"), ("cultivaient", "imperfective"), ("défendue", "imperfective"),
    ("franchi", "perfective"), ("quittait", "imperfective"), ("attaqué", "perfective"),
    ("dévasté", "imperfective"), ("occupé", "perfective")])
def test_aspect_from_the_verb_or_its_auxiliary(events: dict[str, Event], word: str, aspect: str) -> None:
    assert events[word].aspect == aspect


@pytest.mark.parametrize("word, listed", [
    ("quitta", True), ("franchi", True), ("attaqué", True), ("occupé", True),
    ("quittait", True),  # a narrative imperfect: its own clause dates it to the day
    ("cultivaient", False), ("défendue", False), ("dévasté", False)])
def test_the_imperfect_is_a_happening_only_when_dated_to_the_day(events: dict[str, Event], word: str,
                                                                  listed: bool) -> None:
    assert is_happening(events[word]) is listed


def _class_of(text: str, word: str) -> str:
    return next(e.event_class for e in analyze(text).events if e.trigger.text == word)


def test_defending_a_place_is_done_forbidding_bears_on_another_event() -> None:
    assert _class_of("Le 4 mai 1916, le bataillon défendit le village.", "défendit") == "OCCURRENCE"
    assert _class_of("Le 5 mai 1916, le colonel défendit aux soldats de sortir.", "défendit") == "I_ACTION"


def _event(aspect: str | None, value: str | None, inferred: bool) -> Event:
    return Event("evt-1", Span(0, 10), Trigger(0, 5, "x", "x"), aspect=aspect,  # type: ignore[arg-type]
                 date=EventDate(value) if value else None, time_inferred=inferred)


@pytest.mark.parametrize("aspect, value, inferred, listed", [
    ("imperfective", "1915-03-05", False, True), ("imperfective", "1915-03", False, False),
    ("imperfective", "1915-03-05", True, False), ("imperfective", "XXXX-03-05", False, False),
    ("imperfective", None, False, False), ("perfective", None, False, True), (None, "1915", True, True)])
def test_is_happening_reads_aspect_and_own_date(aspect: str | None, value: str | None, inferred: bool,
                                                listed: bool) -> None:
    assert is_happening(_event(aspect, value, inferred)) is listed


def _event_of(text: str, word: str) -> Event:
    return next(e for e in analyze(text).events if e.trigger.text == word)


def test_an_infinitive_under_a_denied_verb_did_not_take_place() -> None:
    assert _event_of("Le 2 juin 1916, la brigade ne parvint pas à prendre le fort.", "prendre").polarity == "NEG"
    assert _event_of("Le 2 juin 1916, la brigade parvint à prendre le fort.", "prendre").polarity == "POS"


def test_what_a_quotation_tells_is_reported() -> None:
    text = "Le 8 juin 1916, le commandant écrivit : « Nos hommes ont repoussé trois assauts. »"
    assert _event_of(text, "repoussé").factuality == "reported"
    assert _event_of(text, "écrivit").factuality == "fact"


def test_a_listed_noun_names_a_happening_an_indefinite_plural_a_kind_of_them() -> None:
    events = analyze("Le 9 mai 1915, l'attaque de la colline réussit. Des manœuvres avaient précédé "
                     "le nettoyage des armes.").events
    happening = {e.trigger.text: e.happening for e in events}
    assert happening["attaque"] is True
    assert happening["manœuvres"] is False  # a kind of happening, not one
    assert happening["nettoyage"] is False  # found by its ending: counted, not listed


def test_the_layers_decision_is_read_first() -> None:
    decided = _event("perfective", "1915-03-05", False)
    decided.happening = False
    assert is_happening(decided) is False


def test_a_demonstrative_points_back_to_a_happening_already_told() -> None:
    events = analyze("Le 9 mai 1915, l'attaque de la colline échoua. Malgré cet échec, le général "
                     "ordonna une nouvelle attaque.").events
    happening = {(e.trigger.text, e.trigger.start): e.happening for e in events}
    assert [h for (word, _), h in happening.items() if word == "échec"] == [False]


def test_a_participle_qualifying_a_noun_is_a_happening_only_with_its_own_date() -> None:
    text = ("Le 14 septembre 1914, le colonel Marc Aubert, tué le 13 septembre, fut enterré à Reims. "
            "Les vivres envoyés par l'intendance arrivèrent à Reims.")
    events = {e.trigger.text: e for e in analyze(text).events}
    assert events["tué"].happening is True and events["tué"].date.value == "1914-09-13"
    assert events["envoyés"].happening is False
    assert events["arrivèrent"].happening is True


@pytest.mark.parametrize("text, word, factuality", [
    ("Que le peuple se mette donc debout.", "mette", "possible"),  # a wish, whatever mood the tagger gives
    ("Il n'arriva aucun accident quoique les pièces fussent chargées.", "chargées", "fact"),
    ("Le 3 mai 1871, en y montant on croyait mourir.", "mourir", "possible"),
])
def test_subjunctive_wishes_and_beliefs_are_not_facts(text: str, word: str, factuality: str) -> None:
    assert _event_of(text, word).factuality == factuality


@pytest.mark.parametrize("text, word, listed", [
    ("Le 3 mai 1812, Wellington parvint à entrer dans la ville.", "entrer", True),
    ("Le 3 mai 1812, après avoir chassé les Français, Wellington entra dans la ville.", "chassé", True),
    ("Le 3 mai 1812, Wellington marcha vers Madrid pour attaquer la ville.", "attaquer", False),
])
def test_an_infinitive_no_verb_governs_is_no_happening(text: str, word: str, listed: bool) -> None:
    assert _event_of(text, word).happening is listed
