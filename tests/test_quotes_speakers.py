"""Who speaks a quotation: cues before, after and inside it, "selon X", a named speaker before a
colon or in the sentence before, and pronouns resolved by the coreference pass the events use.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from quote_helpers import parsed_with_persons

from annales.common.resources import load_rows
from annales.context import Context
from annales.model import Analysis
from annales.pipeline import analyze
from annales.quotes import NARRATOR, find_quotes


def _analysis(text: str, persons: tuple[str, ...], ranks: dict[str, str] | None = None) -> Analysis:
    return parsed_with_persons(text, persons, ranks)


def _speakers(text: str, persons: tuple[str, ...] = (), ranks: dict[str, str] | None = None,
              ) -> list[tuple[str, str | None]]:
    """(first word of each quotation, its speaker)."""
    return [(text[q.start:q.end].split()[0], q.speaker) for q in find_quotes(_analysis(text, persons, ranks))]


SPEAKERS = [
    pytest.param("Le régiment, sous les ordres du commandant Ferrand, qui avait déclaré : « Nous ne reculerons pas », "
                 "tint la crête trois jours.", ("Ferrand",), [("Nous", "p1")], id="relative-clause-speaker"),
    pytest.param("« Tenez bon encore une heure », dit le général Bastien, « les renforts arrivent par le nord. »",
                 ("Bastien",), [("Tenez", "p1"), ("les", "p1")], id="incise-between-two-parts"),
    pytest.param("« Il est trop tard, répliqua Lenoir, pour changer nos plans de marche. »",
                 ("Lenoir",), [("Il", "p1")], id="incise-inside"),
    pytest.param("« Vive la République et vive la Commune ! » s'écria Lenoir en montant sur la barricade.",
                 ("Lenoir",), [("Vive", "p1")], id="verb-after-without-comma"),
    pytest.param("« Feu à volonté sur la lisière du bois ! » — hurla le capitaine Ferrand.",
                 ("Ferrand",), [("Feu", "p1")], id="verb-after-a-dash"),
    pytest.param("Selon le maire Jules Ferrand, « la ville manquera de pain avant la fin du mois ».",
                 ("Jules Ferrand",), [("la", "p1")], id="selon"),
    pytest.param("« Les routes du col sont coupées par la neige », d'après le guide Paul Rivière.",
                 ("Paul Rivière",), [("Les", "p1")], id="d-apres"),
    pytest.param("Le procureur général Bastien, après un long silence, lui dit : « Vous êtes libre ce soir. »",
                 ("Bastien",), [("Vous", "p1")], id="colon-named-with-words-between"),
    pytest.param("Lenoir s'écria : « Tout est perdu, sauvez au moins les drapeaux ! »",
                 ("Lenoir",), [("Tout", "p1")], id="colon-reflexive-verb"),
    pytest.param("Le colonel Ferrand, qui n'avait rien dit de la soirée, se leva et déclara : "
                 "« Nous partirons demain avant l'aube. »",
                 ("Ferrand",), [("Nous", "p1")], id="colon-shared-subject"),
    pytest.param("Le ministre de la Guerre, Alexandre Ferrand, répondit par ces mots : « Nous ferons notre devoir. »",
                 ("Alexandre Ferrand",), [("Nous", "p1")], id="colon-name-in-apposition"),
    pytest.param("Ferrand, le visage fermé, se tourna vers Lenoir et lui lança : « Vous n'aurez pas ma démission. »",
                 ("Ferrand", "Lenoir"), [("Vous", "p1")], id="colon-name-the-parser-cuts-off"),
    pytest.param("Ferrand, qui détestait Lenoir, lui dit un jour : « Vous êtes un fort mauvais ministre. »",
                 ("Ferrand", "Lenoir"), [("Vous", "p1")], id="colon-object-of-a-relative-is-not-speaker"),
    pytest.param("Le fils de Bastien déclara aux gendarmes : « Mon père n'est pas rentré depuis hier soir. »",
                 ("Bastien",), [("Mon", None)], id="colon-complement-of-the-subject-is-not-speaker"),
    pytest.param("Le maréchal Bastien prit la parole devant les troupes. « Soldats, la patrie vous regarde ce matin. »",
                 ("Bastien",), [("Soldats,", "p1")], id="previous-sentence-speech-noun"),
    pytest.param("Le maréchal Bastien répondit aussitôt. « Jamais nous ne rendrons la place forte. »",
                 ("Bastien",), [("Jamais", "p1")], id="previous-sentence-speech-verb-without-object"),
    pytest.param("Le colonel Girard se leva lentement. « Messieurs, nous partirons demain avant l'aube. »",
                 ("Girard",), [("Messieurs,", "p1")], id="previous-sentence-gesture"),
    pytest.param("Le capitaine Morel se tourna vers Lenoir. « Vous garderez le pont jusqu'à mon retour ! »",
                 ("Morel", "Lenoir"), [("Vous", "p1")], id="previous-sentence-gesture-towards-another"),
    pytest.param("Le général Bastien leva une armée de vingt mille hommes. « La patrie est en danger, aux armes ! »",
                 ("Bastien",), [("La", None)], id="gesture-verb-without-its-reflexive-is-none"),
    pytest.param("Le capitaine Morel reçut l'ordre suivant. « Tenez le pont de la Marne coûte que coûte. »",
                 ("Morel",), [("Tenez", None)], id="previous-sentence-receiving-verb"),
    pytest.param("Sur la façade, on lisait le fameux appel de Bastien : « Citoyens, unissez-vous enfin ! »",
                 ("Bastien",), [("Citoyens,", "p1")], id="colon-noun-of-words-of-a-person"),
    pytest.param("Lenoir lut à voix haute la lettre du général Bastien : « Nous sommes bloqués dans la neige. »",
                 ("Lenoir", "Bastien"), [("Nous", "p2")], id="colon-letter-of-a-person-read-by-another"),
    pytest.param("Le courrier apporta la réponse de Bastien au ministre : « Tenez le pont jusqu'à demain soir. »",
                 ("Bastien",), [("Tenez", None)], id="colon-noun-of-words-not-ending-on-the-name"),
    pytest.param("« Le pont est tombé », dit Bastien.\nPuis, après un long silence : « Nous passerons à gué demain. »",
                 ("Bastien",), [("Le", "p1"), ("Nous", "p1")], id="verbless-colon-clause-goes-on"),
    pytest.param("« Le pont est tombé », dit Bastien. Le lendemain, le convoi partit. Puis, après un silence : "
                 "« Nous passerons à gué demain. »",
                 ("Bastien",), [("Le", "p1"), ("Nous", None)], id="verbless-colon-clause-too-far"),
    pytest.param("« Le pont est tombé », dit Bastien.\nLenoir, furieux : « Nous passerons à gué demain matin. »",
                 ("Bastien", "Lenoir"), [("Le", "p1"), ("Nous", "p2")], id="colon-clause-with-its-own-name"),
    pytest.param("Cette phrase fut écrite par le général Bastien dans son carnet : « Tout est perdu sauf l'honneur. »",
                 ("Bastien",), [("Tout", "p1")], id="colon-passive-agent"),
    pytest.param("Ces mots furent écrits sur le mur de la caserne : « Tout est perdu sauf l'honneur. »",
                 (), [("Tout", None)], id="colon-passive-without-agent"),
    pytest.param("Le ministre Bastien a souligné que la réforme « ne règle rien au problème des retraites ».",
                 ("Bastien",), [("ne", "p1")], id="inside-what-a-speech-verb-says"),
    pytest.param("Le ministre Bastien estima que cette décision allait « compliquer encore la situation du pays ».",
                 ("Bastien",), [("compliquer", "p1")], id="inside-what-a-misparsed-speech-verb-says"),
    pytest.param("Le capitaine Bastien a juré de « tenir jusqu'au bout avec tous ses hommes ».",
                 ("Bastien",), [("tenir", "p1")], id="infinitive-of-a-speech-verb"),
    pytest.param("Lenoir a dit que Bastien avait « trahi la cause des ouvriers de la ville ».",
                 ("Lenoir", "Bastien"), [("trahi", "p1")], id="inside-what-is-said-about-another"),
    pytest.param("Le rapport que Bastien a écrit sur « la défense de la ville en hiver » fut publié.",
                 ("Bastien",), [("la", None)], id="title-in-an-adjunct-of-a-speech-verb"),
    pytest.param("Le colonel Girard arriva au camp. Il a estimé que la position serait "
                 "« intenable avant les premières neiges de l'hiver ».",
                 ("Girard",), [("intenable", None)], id="inside-what-a-pronoun-says-not-guessed"),
    pytest.param("Le général Bastien inspecta les lignes. « Tenez jusqu'au soir, coûte que coûte », "
                 "dit le général de la division voisine.",
                 ("Bastien",), [("Tenez", None)], id="rank-with-a-complement-is-someone-described"),
    pytest.param("Le sergent Paul Roche dit « Le Grand Loup », vient de rejoindre sa compagnie.",
                 ("Paul Roche",), [], id="nickname-after-dit-is-no-speech"),
    pytest.param("Le ministre Bastien a affirmé que la ville ne céderait pas et tiendrait « jusqu'au dernier homme ».",
                 ("Bastien",), [("jusqu'au", "p1")], id="inside-a-conjunct-of-what-is-said"),
    pytest.param("Le consul Bastien a affirmé qu'il était innocent, mais la police a trouvé « des faux papiers "
                 "dans sa valise ».",
                 ("Bastien",), [("des", None)], id="inside-a-contrasting-clause-of-the-narrator"),
    # Pronouns, through the coreference pass
    pytest.param("Le capitaine Morel relut l'ordre à voix basse. « Nous partirons à l'aube sans chariots », dit-il.",
                 ("Morel",), [("Nous", "p1")], id="pronoun-inverted"),
    pytest.param("Le capitaine Morel relut l'ordre. Il répondit : « Nous partirons à l'aube sans les chariots. »",
                 ("Morel",), [("Nous", "p1")], id="pronoun-before-colon"),
    pytest.param("Le capitaine Morel entra. « Lenoir est parti avec les chevaux pendant la nuit », dit-il.",
                 ("Morel", "Lenoir"), [("Lenoir", "p1")], id="pronoun-name-inside-quote-is-not-antecedent"),
    pytest.param("Le général Bastien quitta la tente. Le capitaine Morel relut ensuite l'ordre du jour. "
                 "« Nous partirons à l'aube », dit-il.",
                 ("Bastien", "Morel"), [("Nous", "p2")], id="pronoun-subject-of-the-last-sentence"),
    pytest.param("Le capitaine Morel salua le lieutenant Girard. « Nous partirons à l'aube », dit-il.",
                 ("Morel", "Girard"), [("Nous", None)], id="pronoun-two-persons-no-speaker"),
    pytest.param("Le capitaine Morel entra. « Tout est prêt pour le départ de la colonne », dit-elle.",
                 ("Morel",), [("Tout", None)], id="pronoun-gender-disagrees"),
    pytest.param("Morel entra dans la cuisine. Le vent soufflait très fort. « Fermez donc cette porte », dit-il.",
                 ("Morel",), [("Fermez", None)], id="pronoun-blocked-by-a-subject-that-is-no-person"),
    pytest.param("Je lui répondis : « Revenez demain avec les papiers signés. »", (),
                 [("Revenez", NARRATOR)], id="narrator"),
    # No findable speaker
    pytest.param("« Le pont a sauté dans la nuit sans prévenir personne », écrivit un journaliste.",
                 (), [("Le", None)], id="speaker-no-person"),
    pytest.param("Le pont de pierre tomba vers minuit. « Rien ne sera plus comme avant dans cette vallée. »",
                 (), [("Rien", None)], id="previous-sentence-no-speech"),
    pytest.param("Le journal cita le général Bastien : « La guerre sera longue et coûteuse pour tous. »",
                 ("Bastien",), [("La", None)], id="named-object-is-not-speaker"),
    pytest.param("Je lui demandai des nouvelles de la colonne. « Tout va très mal depuis hier soir. »",
                 (), [("Tout", None)], id="previous-sentence-verb-with-another-object"),
    pytest.param("« Nous avons tenu la ferme toute la nuit », dit le soldat que Bastien avait sauvé.",
                 ("Bastien",), [("Nous", None)], id="name-in-a-relative-clause-is-not-speaker"),
    pytest.param("« Le gué est praticable », dit Bastien. « Le pont, lui, a sauté cette nuit avec tout le convoi. »",
                 ("Bastien",), [("Le", "p1"), ("Le", None)], id="next-sentence-of-a-dialogue-not-guessed"),
    pytest.param("Bastien écrivit un livre. « La grande route » parut en 1920.", ("Bastien",), [],
                 id="title-after-speech-verb"),
]


@pytest.mark.parametrize(("text", "persons", "expected"), SPEAKERS)
def test_speaker(text: str, persons: tuple[str, ...], expected: list[tuple[str, str | None]]) -> None:
    assert _speakers(text, persons) == expected


def test_bare_rank_is_the_last_person_given_it() -> None:
    text = "Le général Bastien inspecta les lignes. « Tenez jusqu'au soir, coûte que coûte », dit le général."
    assert _speakers(text, ("Bastien",), {"Bastien": "général"}) == [("Tenez", "p1")]
    assert _speakers(text, ("Bastien",)) == [("Tenez", None)]  # no one was made a général: no speaker


def test_speech_verb_misparsed_as_noun_is_read_from_its_form() -> None:
    # The parser takes some past historics for nouns; the written form is a speech verb all the same.
    text = "Bonaparte l'avoua plus tard à Las Cases : « Cette campagne fut la plus grande faute de mon règne. »"
    assert _speakers(text, ("Bonaparte", "Las Cases")) == [("Cette", "p1")]


@pytest.mark.parametrize("row", [pytest.param(row, id=row[0]) for row in load_rows("fr", "quotes", "speech_nouns.tsv")])
def test_speech_noun_introduces_the_next_quotation(row: tuple[str, ...], context: Context) -> None:
    noun, example = row
    analysis = analyze(example, context=context)
    persons = [e.id for e in analysis.entities if e.type == "person"]
    assert len(persons) == 1 and len(analysis.quotes) == 1
    assert analysis.quotes[0].speaker == persons[0], noun


def test_without_a_parse_names_still_speak_and_pronouns_stay_unresolved() -> None:
    text = "Bertin entra. « La séance est ouverte à tous », dit-il. « Le pont a sauté cette nuit », dit Lenoir."
    analysis = _analysis(text, ("Bertin", "Lenoir"))
    analysis.doc = None
    assert [q.speaker for q in find_quotes(analysis)] == [None, "p2"]


WORDS = ["Bastien", "Lenoir", "dit", "-il", "s'écria", "selon", "lui", "il", "répondit", "la", "parole", "prit",
         "le", "général", ":", ",", ".", "«", "»", "\n\n", "—", "Je", "elle", "a", "déclaré", "que", "de"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_any_arrangement_of_cue_words_gives_spans_inside_the_text(words: list[str]) -> None:
    text = " ".join(words)
    analysis = _analysis(text, ("Bastien", "Lenoir"))
    for quote in find_quotes(analysis):
        assert 0 <= quote.start < quote.end <= len(text)
        assert quote.speaker in (None, NARRATOR, "p1", "p2")
        if quote.cue is not None:
            assert 0 <= quote.cue.start < quote.cue.end <= len(text)


def test_events_read_the_same_coreference() -> None:
    from annales.common import coreference
    from annales.events import participants

    assert participants.resolve_references is coreference.resolve_references


def test_selon_a_noun_of_words_gives_its_author() -> None:
    from annales import analyze
    text = ("Le parti refusait toute alliance. « La paix, selon la formule du général Paul Marchand, "
            "se gagne avant la guerre. »")
    analysis = analyze(text)
    (quote,) = analysis.quotes
    speaker = next(e for e in analysis.entities if e.id == quote.speaker)
    assert speaker.name.endswith("Marchand")
