"""Properties of the entity layer on arbitrary text: it never raises, and every span points back to its words."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annales import analyze
from annales.entities.lexicon import name_lexicon
from annales.entities.recognise import find_ranked_persons, find_ships, find_units

LEXICON = name_lexicon("fr")
ALPHABET = ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            "éèêàçôûîÉÈÀÇŌōū()-.,' \n")
WORDS = ["le", "la", "général", "capitaine", "Rear Admiral", "M.", "MM.", "le prince", "USS", "HMS", "sous-marin",
         "sous-marins", "cuirassé", "et", "de", "du", "27th", "2nd", "IIe", "XVIe", "143e", "R. I.", "C. A.", "ID",
         "lD", "Infantry", "Division", "Marine", "régiment", "Armée", "(BB-46)", "I-175", "Smith", "Holland",
         "Charles", "Gaulle", "K.", "Messieurs", "Kirov", "atoll", "îles", "Makin", "\n", "(IR)", ",", "."]

free_text = st.text(alphabet=ALPHABET, max_size=120)
wordy_text = st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join)
texts = st.one_of(free_text, wordy_text)


def _check_candidates(text: str, candidates) -> None:
    for cand in candidates:
        assert 0 <= cand.start < cand.end <= len(text)
        if cand.rank_span:
            assert 0 <= cand.rank_span[0] < cand.rank_span[1] <= cand.start


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_pattern_finders_never_raise_and_stay_in_the_text(text: str) -> None:
    for finder in (find_units, find_ships, find_ranked_persons):
        _check_candidates(text, finder(text, "fr", LEXICON))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_ranked_names_never_cross_a_line(text: str) -> None:
    for cand in find_ranked_persons(text, "fr", LEXICON):
        assert "\n" not in text[cand.start:cand.end]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_analyze_entities_are_well_formed(text: str) -> None:
    analysis = analyze(text)
    ids = [e.id for e in analysis.entities]
    assert len(ids) == len(set(ids))
    for entity in analysis.entities:
        assert entity.mentions
        assert entity.type in ("person", "place", "organization", "unit", "ship", "event-name", "work")
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= len(analysis.text)
            assert mention.text == analysis.text[mention.start:mention.end]
        for other in entity.ambiguous_between:
            assert other in ids and other != entity.id
