"""Words describing a person before the name, and appositions after it: what they take in and
where they stop (the descriptor and the role of each mention)."""

from __future__ import annotations

from entity_helpers import analysed, entity_of, seen

from annales.entities.recognise import _complement_of_a_role, _ner_candidate, _patterns


def _descriptor(text: str, written: str) -> str | None:
    analysis = analysed(text)
    mention = next(m for m in entity_of(analysis, written).mentions if m.text == written)
    return analysis.text[mention.descriptor.start:mention.descriptor.end] if mention.descriptor else None


def test_an_apposition_headed_by_a_person_noun_before_a_comma_describes_the_person() -> None:
    text = "Le devis, établi par le géomètre-expert, fut signé par le maire du village, M. Félix Vauthier."
    assert _descriptor(text, "Félix Vauthier") == "maire du village,"


def test_a_circumstance_before_a_comma_describes_nobody() -> None:
    assert _descriptor("Dans la grande salle, M. Félix Vauthier prit la parole.", "Félix Vauthier") is None
    assert _descriptor("Le lendemain, Félix Vauthier quitta la ville.", "Félix Vauthier") is None


def test_a_name_inside_the_words_before_the_comma_is_another_person() -> None:
    text = "On voyait le colonel Armand Lefort, M. Félix Vauthier et leurs amis."
    assert _descriptor(text, "Félix Vauthier") is None


def test_coordinated_nouns_between_the_article_and_the_name_describe_the_person() -> None:
    text = "Le peintre et graveur Félix Vauthier exposa ses œuvres à Lyon."
    assert _descriptor(text, "Félix Vauthier") == "peintre et graveur"


def test_after_du_the_words_must_name_a_person() -> None:
    assert _descriptor("On lit la lettre du notaire Félix Vauthier au conseil.", "Félix Vauthier") == "notaire"
    text = "On passe à la discussion du projet Vauthier, puis on vote."
    analysis = analysed(text)
    found = [m for e in analysis.entities for m in e.mentions if m.text == "Vauthier"]
    assert all(m.descriptor is None for m in found), seen(analysis)


def test_an_apposition_running_into_a_name_belongs_to_the_next_person() -> None:
    text = "Arrivent Paul Rochat et Jean Vidal, le président français Louis Martin et sa suite."
    assert entity_of(analysed(text), "Jean Vidal").role is None


def test_an_adjective_with_its_complement_is_no_role() -> None:
    text = "La victoire revint à Jean Vidal, superbe d'aisance dans la montée."
    assert entity_of(analysed(text), "Jean Vidal").role is None


def test_a_full_name_opening_on_a_given_name_is_a_person_after_a() -> None:
    analysis = analysed("Quant à José-Maria Ferrer, il dut céder son maillot de leader.")
    assert entity_of(analysis, "José-Maria Ferrer").type == "person"


def _cut(text: str, name: str, kind: str = "person") -> str | None:
    start = text.index(name)
    cand = _ner_candidate(text, start, start + len(name), kind, _patterns("fr")["rank_prefix"])
    return None if cand is None else text[cand.start:cand.end]


def test_a_lone_capital_ending_a_name_is_cut_unless_it_is_a_regnal_number() -> None:
    assert _cut("De Berne : Paul Rochat C'est le projet.", "Paul Rochat C") == "Paul Rochat"
    assert _cut("par L. Rochat S Fr. 6.", "L. Rochat S") == "L. Rochat"
    assert _cut("Sa Majesté Georges V ouvrit la session.", "Georges V") == "Georges V"


def test_a_given_name_joined_by_a_hyphen_belongs_to_the_person() -> None:
    assert _cut("Quant à José-Maria Ferrer, il céda.", "Maria Ferrer") == "José-Maria Ferrer"
    assert _cut("la finale France-Brésil fut jouée", "Brésil", "place") == "Brésil"


def test_one_of_a_people_before_a_name_describes_the_person() -> None:
    text = "Il devança de peu l'Autrichien Karl Huber dans la dernière montée."
    assert _descriptor(text, "Karl Huber") == "Autrichien"


def test_a_dateline_the_ner_ran_into_is_cut_from_the_name() -> None:
    text = "Le prix revient à Frank Osgood BERNE, 15 (ATS). — On apprend"
    assert _cut(text, "Frank Osgood BERNE") == "Frank Osgood"
    assert _cut("Le discours de Jean DUPRAZ, hier soir.", "Jean DUPRAZ") == "Jean DUPRAZ"


def test_a_hyphenated_role_is_whole() -> None:
    text = "Paul Rochat, secrétaire-adjoint, et Jean Vidal furent élus."
    assert entity_of(analysed(text), "Paul Rochat").role == "secrétaire-adjoint"


def test_a_sovereigns_number_of_one_letter_belongs_to_the_name() -> None:
    assert entity_of(analysed("Le roi Charles X abdiqua en 1830."), "Charles X").type == "person"
    analysis = analysed("On annonça l'arrivée de Georges V. Martin à Lyon.")
    assert not any(m.text == "Georges V" for e in analysis.entities for m in e.mentions), seen(analysis)


def test_the_name_completing_an_office_is_not_the_person() -> None:
    for words, complement in (("président de la ", True), ("évêque de ", True), ("chef de l'", True),
                              ("général de ", False), ("comte de ", False), ("le ", False)):
        assert _complement_of_a_role(words, "fr") is complement, words
    text = "M. Paul Rochat, président de la Confédération, ouvrit la séance."
    start = text.index("président")
    cand = _ner_candidate(text, start, start + len("président de la Confédération"), "person",
                          _patterns("fr")["rank_prefix"])
    assert cand is not None and (text[cand.start:cand.end], cand.type) == ("Confédération", "misc")


def test_words_after_a_comma_running_into_a_verb_are_the_next_clause_not_a_role() -> None:
    analysis = analysed("Il regardait les grands yeux de Diane, la jeune femme reprit alors la parole.")
    diane = entity_of(analysis, "Diane")
    assert all(m.role is None for m in diane.mentions), seen(analysis)


def test_a_trade_the_tagger_reads_as_a_verb_or_an_adjective_is_still_a_role() -> None:
    # "interprète" and "naturaliste" alone after a comma: tagged a verb or an adjective
    analysis = analysed("La déposition est traduite par M. Jules Bertrand, interprète. Le témoin se tait.")
    assert entity_of(analysis, "Jules Bertrand").role == "interprète", seen(analysis)
    analysis = analysed("On annonce la mort de M. Ernest Morel, naturaliste, oncle du professeur Morel.")
    assert entity_of(analysis, "Ernest Morel").role == "naturaliste", seen(analysis)
