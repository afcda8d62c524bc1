"""A paragraph is never the end of the sentence before it: the layout's sure breaks start sentences."""

from __future__ import annotations

import pytest

from annales.backbone import parse_text
from annales.context import Context
from annales.export.happenings import lines
from annales.pipeline import analyze


def sentence_starts(text: str, context: Context) -> list[str]:
    return [s.text.strip()[:12] for s in parse_text(text, context).sents if s.text.strip()]


@pytest.mark.parametrize("text", [
    "La paix est signée à Berlin.\n\nPendant trois ans, les troupes restent sur le Rhin.",  # a blank line
    "La paix est signée à Berlin.\nPendant trois ans, les troupes restent sur le Rhin.",  # a line end after a mark
    "Le maire dit : « Tout est prêt. »\nPendant trois ans, les troupes restent sur le Rhin.",  # a closing quote
])
def test_a_sentence_starts_after_a_sure_break(text: str, context: Context) -> None:
    doc = parse_text(text, context)
    assert any(s.start_char == text.index("Pendant") for s in doc.sents)


def test_a_line_end_inside_a_sentence_is_left_to_the_parser(context: Context) -> None:
    # A hard-wrapped line, and "M." at a line's end, end no sentence.
    text = "Le régiment quitte la ville de\nBeauvais le 3 mai et rejoint M.\nDurand à la gare."
    assert len(sentence_starts(text, context)) == 1


def test_a_paragraph_is_never_told_under_the_line_of_the_one_before() -> None:
    text = ("Les bénévoles lancent un appel : les dons restent possibles jusqu'à jeudi.\n"
            "Après la messe, le cortège s'est rendu au cimetière communal, où reposent douze soldats "
            "rapatriés en 1921, puis à la salle des fêtes.")
    analysis = analyze(text)
    grouped = {line.main.trigger.text: [e.trigger.text for e in line.subs] for line in lines(analysis)}
    # the parse alone hung the appeal on the procession's verb, across the line's end
    assert "lancent" in grouped and "lancent" not in grouped.get("rendu", []), grouped


def test_a_headline_and_its_byline_are_sentences_of_their_own() -> None:
    text = ("À Montfaucon, la fanfare a réuni tout le village autour de la halle\n"
            "dimanche 4 mai 2025, par Lucie Vernet\n"
            "Ils étaient plus de cent, ce dimanche matin, rassemblés devant la mairie.")
    analysis = analyze(text)
    byline = next(r for r in analysis.regions if r.kind == "byline")
    assert any(s.start == byline.start for s in analysis.sentences), analysis.sentences
    headline = next(e for e in analysis.events if e.trigger.text == "réuni")
    names = {e.id: e.name for e in analysis.entities}
    # the byline's "par X" names the author, not who brought the village together
    assert "Lucie Vernet" not in {names.get(p.entity) for p in headline.participants}
    grouped = {line.main.trigger.text: [e.trigger.text for e in line.subs] for line in lines(analysis)}
    assert "rassemblés" not in grouped.get("réuni", []), grouped


def test_the_first_sentence_after_a_break_is_not_cut_before_a_lower_case_word(context: Context) -> None:
    # A title repeating the name the text opens on: the parser, starting after the break, cut the name
    # off its verb, which was left without a subject.
    text = "Jean-Victor Moreau\n\nJean-Victor Moreau naît dans le Puy-de-Dôme le 17 août 1768."
    doc = parse_text(text, context)
    assert not any(t.is_sent_start for t in doc if t.text == "naît")
    birth = next(e for e in analyze(text, context=context).events if e.trigger.text == "naît")
    assert [p.role for p in birth.participants] == ["agent"]


def test_a_heading_in_capitals_the_text_goes_on_from_is_left_to_the_parser(context: Context) -> None:
    from annales.common.sentence_breaks import set_sure_breaks

    text = "CHAPITRE II\n\nLA CHAMPAGNE (Mars 1915-Juin 1915) Durement éprouvé, le bataillon se reforme."
    doc = set_sure_breaks(context.nlp.make_doc(text))
    assert [t.text for t in doc if t.is_sent_start] == ["CHAPITRE", "LA"]
    assert not any(t.is_sent_start is False for t in doc)  # the rest is the parser's to cut
