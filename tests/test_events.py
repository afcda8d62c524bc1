"""The events layer: triggers, participants, dates (own or inherited), story order, and the chronology."""

from __future__ import annotations

import io

import pytest

from annales.context import Context
from annales.events import tag_events
from annales.events.lexicon import lexicon
from annales.export import get_writer
from annales.model import (
    Analysis,
    Event,
    EventDate,
    Region,
    Sentence,
    Span,
    Timex,
    Trigger,
)
from annales.pipeline import analyze

DCT = "1944-06-10"


def _analyze(text: str, context: Context) -> Analysis:
    return analyze(text, DCT, context=context)


def _lemmas(analysis: Analysis) -> list[str]:
    return [e.trigger.lemma for e in analysis.events]


def _event(analysis: Analysis, lemma: str) -> Event:
    return next(e for e in analysis.events if e.trigger.lemma == lemma)


def _roles(analysis: Analysis, event: Event) -> dict[str, str]:
    names = {e.id: e.name for e in analysis.entities}
    return {names[p.entity]: p.role for p in event.participants}


@pytest.mark.parametrize(("text", "present", "absent"), [
    ("Le 6 juin 1944, les Alliés débarquent en Normandie.", ["débarquer"], []),
    ("L'assassinat de Kirov bouleverse le parti.", ["assassinat", "bouleverser"], []),
    ("La prise de Carentan relie enfin les deux plages.", ["prise", "relier"], []),
    # TimeML counts modals, states and predicate adjectives as events; their class and factuality
    # (annales.events.classes) keep them out of the chronology.
    ("Les soldats peuvent attaquer la ville.", ["attaquer", "pouvoir"], []),
    ("Les troupes vont attaquer Caen.", ["attaquer"], ["aller"]),
    ("Il semble fatigué.", ["sembler"], []),
    ("Le général est malade.", ["malade"], ["être"]),
    ("Les Alliés ont pris Bayeux.", ["prendre"], ["avoir"]),
    ("Les navires de débarquement attendent au large.", ["attendre"], ["débarquement"]),
    ("Il annonce la fin du débarquement.", ["annoncer", "débarquement"], []),
    ("La 1re division reste clouée sur la plage.", ["clouer", "rester"], ["reste"]),
])
def test_triggers(context: Context, text: str, present: list[str], absent: list[str]) -> None:
    lemmas = _lemmas(_analyze(text, context))
    assert all(lemma in lemmas for lemma in present), lemmas
    assert not any(lemma in lemmas for lemma in absent), lemmas


@pytest.mark.parametrize(("text", "lemma", "roles"), [
    ("Le général Leclerc libère Paris le 25 août 1944.", "libérer", {"Leclerc": "agent", "Paris": "patient"}),
    ("Kirov fut assassiné par Nikolaïev le 1er décembre 1934.", "assassiner",
     {"Kirov": "patient", "Nikolaïev": "agent"}),
    ("Le capitaine Dupont attaque le village de Fleury.", "attaquer", {"Dupont": "agent", "Fleury": "patient"}),
])
def test_participant_roles(context: Context, text: str, lemma: str, roles: dict[str, str]) -> None:
    analysis = _analyze(text, context)
    assert _roles(analysis, _event(analysis, lemma)) == roles


def test_an_event_noun_subject_keeps_its_own_participants(context: Context) -> None:
    analysis = _analyze("L'arrivée de Leclerc à Paris réjouit la foule.", context)
    assert "Leclerc" in _roles(analysis, _event(analysis, "arrivée"))
    # Leclerc takes part in the arrival only; "la foule" is no entity, named by its words.
    assert [(p.entity, p.role) for p in _event(analysis, "réjouir").participants] == [(None, "patient")]
    assert _event(analysis, "réjouir").places == []


def test_places_and_rank_at_the_event(context: Context) -> None:
    analysis = _analyze("Le capitaine Dupont attaque le village de Fleury.", context)
    event = _event(analysis, "attaquer")
    places = {e.id: e.name for e in analysis.entities if e.type == "place"}
    assert [places[p] for p in event.places] == ["Fleury"]
    dupont = next(p for p in event.participants if p.role == "agent")
    assert dupont.rank == "capitaine"


def test_own_date_then_inherited_date(context: Context) -> None:
    analysis = _analyze("Le 6 juin 1944, les Alliés débarquent en Normandie. Ils avancent vers Caen.", context)
    landing, advance = _event(analysis, "débarquer"), _event(analysis, "avancer")
    assert landing.time is not None and not landing.time_inferred
    assert landing.date == EventDate("1944-06-06", "1944-06-06", "1944-06-06")
    assert advance.time == landing.time and advance.time_inferred
    assert advance.date == landing.date


def test_a_conjoined_verb_shares_the_date_and_subject(context: Context) -> None:
    analysis = _analyze("Le 14 juin 1944, le général de Gaulle débarque et prononce un discours.", context)
    speech = _event(analysis, "prononcer")
    assert speech.date is not None and speech.date.value == "1944-06-14" and not speech.time_inferred
    assert list(_roles(analysis, speech).values()) == ["agent"]


def test_the_most_precise_own_date_wins(context: Context) -> None:
    analysis = _analyze("Deux ans plus tôt, le 19 août 1942, les Canadiens attaquèrent Dieppe.", context)
    attack = _event(analysis, "attaquer")
    assert attack.date is not None and attack.date.value == "1942-08-19" and not attack.time_inferred


def test_story_order_follows_the_telling(context: Context) -> None:
    analysis = _analyze("Le 7 juin, les Alliés prennent Bayeux. La veille, ils avaient débarqué.", context)
    assert [e.story_order for e in analysis.events] == list(range(1, len(analysis.events) + 1))
    starts = [e.trigger.start for e in analysis.events]
    assert starts == sorted(starts)
    assert _lemmas(analysis)[:2] == ["prendre", "débarquer"]
    assert _event(analysis, "débarquer").date.value == "1944-06-06"  # type: ignore[union-attr]


def test_no_date_before_means_no_date(context: Context) -> None:
    analysis = _analyze("Les Alliés débarquent en Normandie.", context)
    event = _event(analysis, "débarquer")
    assert event.date is None and event.time is None and not event.time_inferred


SIDEBAR_TEXT = ("Le 6 juin 1944, les Alliés débarquent en Normandie.\n"
                "Le 3 mars 1890, Montgomery naît à Londres. Il grandit en Irlande.\n"
                "Les troupes avancent vers Caen.")


def test_a_sidebar_date_does_not_become_the_narrative_time(context: Context) -> None:
    analysis = _analyze(SIDEBAR_TEXT, context)
    start = SIDEBAR_TEXT.index("Le 3 mars")
    analysis.regions.append(Region(start, SIDEBAR_TEXT.index("\n", start), "sidebar"))
    tag_events(analysis, context)
    advance = _event(analysis, "avancer")
    assert advance.time_inferred and advance.date is not None and advance.date.value == "1944-06-06"
    inside = _event(analysis, "grandir")  # an event of the aside takes the aside's own date
    assert inside.time_inferred and inside.date is not None and inside.date.value == "1890-03-03"


def test_without_the_sidebar_a_birth_said_in_passing_is_not_the_narrative_time(context: Context) -> None:
    analysis = _analyze(SIDEBAR_TEXT, context)
    advance = _event(analysis, "avancer")
    assert advance.date is not None and advance.date.value == "1944-06-06"


def test_boilerplate_has_no_events(context: Context) -> None:
    text = "Les Alliés débarquent en Normandie.\nCliquez ici pour vous abonner."
    analysis = _analyze(text, context)
    analysis.regions.append(Region(text.index("Cliquez"), len(text), "boilerplate"))
    tag_events(analysis, context)
    assert "cliquer" not in _lemmas(analysis) and "abonner" not in _lemmas(analysis)


def test_lexicon_reads_its_resources() -> None:
    lex = lexicon("fr")
    assert {"débarquement", "assassinat", "prise", "bataille", "arrivée", "mort"} <= lex.event_nouns
    # The copula is never an event; modals and states are TimeML events with their own class.
    assert "être" in lex.never_events and not {"avoir", "pouvoir", "devoir", "sembler"} & lex.never_events
    assert not lex.never_events & lex.light_with_infinitive
    assert lex.classes["pouvoir"] == "I_STATE" and lex.governors["pouvoir"] == "modal"


# The text export's chronology, on an analysis built by hand.
TEXT = "Le 6 juin 1944, les Alliés débarquent. Ils avancent. En 1943, tout se prépare. Un jour, ils repartent."


def _trigger(word: str, lemma: str) -> Trigger:
    start = TEXT.index(word)
    return Trigger(start, start + len(word), word, lemma)


def _hand_made() -> Analysis:
    s1, s2, s3 = TEXT.index("Ils"), TEXT.index("En 1943"), TEXT.index("Un jour")
    sentences = [Sentence(0, s1 - 1), Sentence(s1, s2 - 1), Sentence(s2, s3 - 1), Sentence(s3, len(TEXT))]
    day = EventDate("1944-06-06", "1944-06-06", "1944-06-06")
    return Analysis(id="main", text=TEXT, sentences=sentences, timexes=[
        Timex("t1", 0, 14, "Le 6 juin 1944", "DATE", "1944-06-06"),
        Timex("t2", s2, s2 + 7, "En 1943", "DATE", "1943"),
    ], events=[
        Event("e1", Span(0, s1 - 1), _trigger("débarquent", "débarquer"), "t1", False, day, story_order=1),
        Event("e2", Span(s1, s2 - 1), _trigger("avancent", "avancer"), "t1", True, day, story_order=2),
        Event("e3", Span(s2, s3 - 1), _trigger("prépare", "préparer"), "t2", False,
              EventDate("1943", "1943-01-01", "1943-12-31"), story_order=3),
        Event("e4", Span(s3, len(TEXT)), _trigger("repartent", "repartir"), None, False,
              EventDate("XXXX-XX-XX"), story_order=4),
    ])


def _chronology(analysis: Analysis) -> list[str]:
    stream = io.StringIO()
    get_writer("text")(analysis, stream)
    lines = stream.getvalue().splitlines()
    start = lines.index("Chronology") + 1
    end = lines.index("", start) if "" in lines[start:] else len(lines)
    return lines[start:end]


def test_chronology_lists_events_in_time_order_then_unresolved() -> None:
    rows = [line for line in _chronology(_hand_made()) if not line.lstrip().startswith("(")]
    assert [row.split("#")[1].split()[0] for row in rows] == ["3", "1", "2", "4"]
    assert "(1943-01-01…1943-12-31)" in rows[0]
    assert "les Alliés [débarquent]." in rows[1] and not rows[1].lstrip().startswith("≈")
    assert rows[2].lstrip().startswith("≈1944-06-06") and "[avancent]" in rows[2]
    assert "unresolved XXXX-XX-XX" in rows[3] and "[repartent]" in rows[3]


def test_chronology_falls_back_to_dates_without_events() -> None:
    analysis = _hand_made()
    analysis.events = []
    rows = _chronology(analysis)
    assert rows[0].split()[0] == "1943" and "[En 1943]" in rows[0]
    assert "[Le 6 juin 1944]" in rows[1]


def test_chronology_of_a_sample_shows_events(context: Context, samples_dir) -> None:  # noqa: ANN001
    text = (samples_dir / "recit_debarquement_1944.txt").read_text(encoding="utf-8")
    rows = _chronology(analyze(text, context=context))
    dated = [row.strip().lstrip("≈") for row in rows if row.strip()[:1].isdigit() or row.strip()[:1] == "≈"]
    assert len(dated) > 20
    days = [row[:10] for row in dated if row[:10].count("-") == 2]
    assert days == sorted(days)


def test_a_date_inside_a_quotation_does_not_become_the_narrative_time(context: Context) -> None:
    text = ("Le 6 juin 1944, les Alliés débarquent en Normandie. « Le 10 mai 1940, nous avons fui devant "
            "eux », dit un vieil homme. Les troupes avancent vers Caen.")
    analysis = _analyze(text, context)
    assert analysis.quotes, "the quotes layer finds the quotation"
    advance = _event(analysis, "avancer")
    assert advance.time_inferred and advance.date is not None and advance.date.value == "1944-06-06"
    assert "fuir" in _lemmas(analysis)  # reported events are kept
