"""Event nouns no lexicon lists, found by where they stand (issue 9, detection): the complement of a
locution of time ("lors de", "au cours de") and the object of a verb of undertaking or taking part
(`resources/fr/events/event_frames.tsv`). Sentences of our own."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from annales.context import Context
from annales.events.triggers import epithet
from annales.pipeline import analyze


def _triggers(text: str, context: Context) -> list[str]:
    return [e.trigger.text for e in analyze(text, context=context).events]


@pytest.mark.parametrize(("text", "noun"), [
    ("Le ministre a parlé lors du sommet de Rome.", "sommet"),
    ("Au cours de durs combats, le bataillon a tenu la crête.", "combats"),
    ("Le vieil homme entreprend un jeûne de trois jours.", "jeûne"),
    ("Les habitants ont participé au nettoyage du parc.", "nettoyage"),
    ("Le maire a assisté au défilé des pompiers.", "défilé"),
    ("Le député a quitté la salle à l'issue du scrutin.", "scrutin"),
])
def test_a_noun_in_a_frame_of_happenings_is_an_event(text: str, noun: str, context: Context) -> None:
    assert noun in _triggers(text, context)


@pytest.mark.parametrize(("text", "noun"), [
    ("Le bataillon force le passage d'un cours d'eau.", "eau"),  # "d'un cours": no locution
    ("Le convoi est arrivé lors de la nuit.", "nuit"),  # a time, not a happening
    ("Les infirmiers ont assisté les blessés.", "blessés"),  # people
    ("Il a effectué le trajet en voiture avec son frère.", "frère"),  # not the verb's object
])
def test_a_time_people_or_a_mere_complement_is_no_event(text: str, noun: str, context: Context) -> None:
    assert noun not in _triggers(text, context)


def test_news_happenings_the_endings_miss_are_listed(context: Context) -> None:
    triggers = _triggers("Un carambolage a eu lieu hier ; la perquisition a suivi le retrait des gendarmes.", context)
    assert {"carambolage", "perquisition", "retrait"} <= set(triggers)


def test_what_a_dated_cest_presents_is_an_event_on_that_date(context: Context) -> None:
    text = ("Le 31 août 1918, le régiment franchit le canal. Le lendemain, 1er septembre, c'est la ruée "
            "du bataillon dans le bois.")
    analysis = analyze(text, context=context)
    rush = next((e for e in analysis.events if e.trigger.text == "ruée"), None)
    assert rush is not None and rush.date is not None and rush.date.value == "1918-09-01"


def test_an_undated_cest_presents_no_event(context: Context) -> None:
    assert "ruée" not in _triggers("C'est la ruée.", context)  # no date: a comment, a kind


@pytest.mark.parametrize(("text", "noun"), [
    ("Le déploiement des troupes a duré deux jours.", "déploiement"),
    ("La disparition du navire a inquiété le port.", "disparition"),
    ("La comparution du prévenu a été reportée.", "comparution"),
    ("L'interruption de la séance a surpris les élus.", "interruption"),
    ("La reconnaissance du terrain a pris la matinée.", "reconnaissance"),
    ("Le ministre a confirmé l'existence d'un accord secret.", "existence"),
    ("L'exigence d'une enquête a divisé le conseil.", "exigence"),
])
def test_deverbal_nouns_of_irregular_verbs_are_events(text: str, noun: str, context: Context) -> None:
    # "-ition"/"-ution" of a verb in "-aître", "-oiement" of one in "-oyer", "-uption" of "rompre"…
    # (resources/fr/events/deverbal.tsv), the model's vectors vouching for the pair
    assert noun in _triggers(text, context)


def test_an_institution_named_like_the_doing_of_a_verb_is_no_event(context: Context) -> None:
    # "-ence" stands for a verb ("existence"/"exister"), but "la présidence" is the office that acts
    triggers = _triggers("Le porte-parole de la présidence a reçu la presse à la résidence du préfet.", context)
    assert "présidence" not in triggers and "résidence" not in triggers


def test_a_word_heading_a_relative_clause_of_qui_is_a_verb(context: Context) -> None:
    # The tagger may read a short verb as a noun ("part"); a relative whose subject is "qui" has a verb.
    text = "Le 26 octobre 1918, le colonel engage le bataillon Ferrand qui part en bolide et s'arrête sur l'objectif."
    analysis = analyze(text, context=context)
    leaves = next((e for e in analysis.events if e.trigger.text == "part"), None)
    assert leaves is not None and leaves.trigger.lemma == "partir"
    assert leaves.date is not None and leaves.date.value == "1918-10-26"


@pytest.mark.parametrize(("text", "day"), [
    ("Le 12 mars 1915, après une longue marche, le bataillon entre en ligne devant Arras.", "1915-03-12"),
    ("Le 3 mai 1916, le 5e zouaves entre dans Péronne et s'y installe.", "1916-05-03"),
    ("Au matin du 4 juin 1917, la brigade entre en action près de Reims.", "1917-06-04"),
])
def test_a_verb_form_the_tagger_read_as_a_preposition_before_another_is_a_verb(text: str, day: str,
                                                                               context: Context) -> None:
    analysis = analyze(text, context=context)
    enters = next((e for e in analysis.events if e.trigger.text == "entre"), None)
    assert enters is not None and enters.trigger.lemma == "entrer"
    assert enters.date is not None and enters.date.value == day


def test_a_preposition_before_a_noun_stays_a_preposition(context: Context) -> None:
    assert "entre" not in _triggers("Il a choisi entre deux routes.", context)


def test_an_election_named_by_its_adjective_is_an_event(context: Context) -> None:
    analysis = analyze("Les européennes de dimanche ont vu la victoire de la gauche.", dct="1999-06-16",
                       context=context)
    vote = next((e for e in analysis.events if e.trigger.text == "européennes"), None)
    assert vote is not None and vote.date is not None and vote.date.value == "1999-06-13"
    assert "Européens" not in _triggers("Les Européens ont voté.", context)  # people


def test_a_noun_its_participle_dates_is_one_happening(context: Context) -> None:
    # "de" before a bare noun names a kind ("navires de débarquement"), unless a date says when it happens
    assert "législatives" in _triggers("Il a parlé de législatives anticipées en octobre.", context)
    assert "débarquement" not in _triggers("Des navires de débarquement ont été construits.", context)


@pytest.mark.parametrize(("text", "verb", "lemma", "event_class"), [
    ("« Les ventes ont doublé », analyse le directeur du magasin.", "analyse", "analyser", "REPORTING"),
    ("« Le projet est prêt », note le rapport de la commission.", "note", "noter", "REPORTING"),
    ("Le président de l'Assemblée nationale juge que la réforme comporte des risques.", "juge", "juger", None),
])
def test_a_verb_the_tagger_read_as_a_noun_where_only_a_verb_stands_is_an_event(
        text: str, verb: str, lemma: str, event_class: str | None, context: Context) -> None:
    # An incise after a quotation with its subject after it, or a word right before the "que" of a
    # completive: the tagger reads "analyse", "note", "juge" as nouns; French puts a verb there.
    event = next((e for e in analyze(text, context=context).events if e.trigger.text == verb), None)
    assert event is not None and event.trigger.lemma == lemma and event.trigger.pos == "VERB"
    assert event_class is None or event.event_class == event_class


def test_a_noun_after_a_quotation_with_its_article_or_before_a_relative_stays_a_noun(context: Context) -> None:
    assert "analyse" not in _triggers("« Le marché recule », une analyse du cabinet le confirme.", context)
    assert "juge" not in _triggers("Le juge que la cour a désigné siège lundi.", context)


def test_a_participle_right_after_its_noun_with_an_agent_the_parser_hung_on_the_noun_is_an_event(
        context: Context) -> None:
    assert "organisées" in _triggers("Le ministre a condamné les grèves organisées par le syndicat.", context)
    assert "abandonnées" not in _triggers("Le maire a visité les maisons abandonnées.", context)  # no agent
    # The parser may hang "par le syndicat" on "grèves": right after the participle, it is still its agent.
    words = ["les", "grèves", "organisées", "par", "le", "syndicat"]
    doc = Doc(context.nlp.vocab, words=words, heads=[1, 1, 1, 5, 5, 1],
              deps=["det", "ROOT", "acl", "case", "det", "nmod"],
              morphs=["", "", "Gender=Fem|Number=Plur|Tense=Past|VerbForm=Part", "", "", ""])
    assert not epithet(doc[2], frozenset({"par"}))
    assert epithet(doc[2])  # nothing of its own in the parse, no agent preposition known


def test_a_verb_the_parser_hung_as_the_auxiliary_of_another_is_an_event_unless_it_is_one(
        context: Context) -> None:
    # Only "avoir" and "être" make a compound tense (events/markers.tsv, tense-auxiliary).
    triggers = _triggers("Si vous me demandez s'il y a eu un contact, je vous réponds non.", context)
    assert "demandez" in triggers
    assert "a" not in _triggers("Le conseil a voté le budget.", context)


@pytest.mark.parametrize(("text", "noun"), [
    ("Le parti a obtenu une majorité relative au conseil régional.", "majorité"),
    ("Le sénateur veut éviter une cohabitation au sommet de l'État.", "cohabitation"),
    ("L'avocat a commencé sa plaidoirie devant la cour.", "plaidoirie"),
])
def test_a_noun_the_class_table_gives_a_state_or_a_speech_act_is_an_event(text: str, noun: str,
                                                                           context: Context) -> None:
    # events/classes.tsv lists them with their TimeML class; no ending of deverbal.tsv reaches them
    assert noun in _triggers(text, context)


def test_a_document_or_a_condition_the_class_table_lists_names_no_event(context: Context) -> None:
    triggers = _triggers("Selon un communiqué de la mairie, l'état de la route reste mauvais.", context)
    assert "communiqué" not in triggers and "état" not in triggers


@pytest.mark.parametrize(("text", "verb"), [
    ("Le 7 juin, Raynal capitule.", "capitule"),
    ("Du 6 au 12 septembre, le régiment combat sur la Mortagne.", "combat"),
])
def test_a_word_in_a_verbs_place_in_a_verbless_sentence_is_the_verb(text: str, verb: str, context) -> None:
    # Both words are nouns too ("le capitule", "le combat"): their place after the subject decides.
    analysis = analyze(text, None, context=context)
    assert [e.trigger.text for e in analysis.events] == [verb]


def test_a_participle_leaves_a_sentence_without_its_verb(context) -> None:
    # "épuisée" is no finite verb: the word in the verb's place after the subject is still the verb,
    # its subject the noun the parse hung it on
    analysis = analyze("Le 9 mars 1760, épuisée par la famine, la garnison capitule.", None, context=context)
    event = next(e for e in analysis.events if e.trigger.text == "capitule")
    assert [(p.role, analysis.text[p.phrase.start:p.phrase.end]) for p in event.participants if p.phrase] \
        == [("agent", "la garnison")]
    # and the participle, hung on the noun as a clause of its own, is said of it too
    worn = next(e for e in analysis.events if e.trigger.text == "épuisée")
    assert [(p.role, analysis.text[p.phrase.start:p.phrase.end]) for p in worn.participants if p.phrase] \
        == [("patient", "la garnison")]


def test_a_noun_opening_a_verbless_line_stays_a_noun(context) -> None:
    analysis = analyze("Repos. La garde impériale.", None, context=context)
    assert all(e.trigger.text != "garde" for e in analysis.events)


@pytest.mark.parametrize(("text", "verb"), [
    ("Nous marchons vers la Sarre. Revu le colonel qui a repris courage.", "Revu"),
    ("Nous marchons vers la Sarre. Arrivé à Forbach dans la soirée.", "Arrivé"),
])
def test_a_diarys_participle_opening_its_line_is_the_verb(text: str, verb: str, context) -> None:
    # The subject and the auxiliary left unsaid ("J'ai revu …"); the tagger may read the word as a noun.
    analysis = analyze(text, None, context=context)
    assert verb in [e.trigger.text for e in analysis.events]


@pytest.mark.parametrize("text", [
    "Bois des Caures, du 3 au 6 mai.",   # a place named by a noun that looks like a verb's form
    "Champ de Mars, le 14 juillet.",
])
def test_a_place_opening_its_line_is_no_diarys_participle(text: str, context) -> None:
    analysis = analyze(text, None, context=context)
    assert text.split()[0] not in [e.trigger.text for e in analysis.events]


@pytest.mark.parametrize("text", [
    "Les tisserands finirent par se révolter contre leur seigneur.",
    "Ils décidèrent de se révolter.",
])
def test_a_word_with_a_clitic_before_it_is_a_verb(text: str, context) -> None:
    # "se", "le", "lui" before a word are a verb's: the tagger read "révolter" as a noun here.
    analysis = analyze(text, None, context=context)
    (event,) = [e for e in analysis.events if e.trigger.text == "révolter"]
    assert event.trigger.lemma == "révolter" and event.trigger.pos == "VERB"


def test_a_possessive_before_a_noun_makes_no_verb(context) -> None:
    analysis = analyze("Sa révolte fut brève et leur colère retomba.", None, context=context)
    lemmas = {e.trigger.text: e.trigger.lemma for e in analysis.events}
    assert lemmas.get("révolte") == "révolte" and lemmas.get("colère", "colère") == "colère"


def test_a_word_set_off_by_commas_after_a_name_is_no_verb(context) -> None:
    # No comma stands between a subject and its verb: "modéré" is said of the chancellor.
    analysis = analyze("Le chancelier, modéré, pas sanguin. Le 7 juin, Raynal capitule.", None, context=context)
    happenings = [e.trigger.text for e in analysis.events if e.happening]
    assert "modéré" not in happenings and "capitule" in happenings
