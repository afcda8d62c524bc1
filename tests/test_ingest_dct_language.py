"""Publication date from the byline, and the not-French warning."""

from __future__ import annotations

import pytest

from annales.context import Context
from annales.ingest.dct import find_publication_date
from annales.ingest.language import check_language, detect_language
from annales.ingest.lines import split_blocks
from annales.ingest.regions import mark_regions
from annales.model import Analysis, Dct

STORY = ("Le 10 août 1792, les sections parisiennes marchent sur les Tuileries. Le roi se réfugie auprès de "
         "l'Assemblée, tandis que les Suisses de la garde tiennent le château jusqu'au soir.")


def dct_of(text: str, given: Dct | None = None) -> Dct | None:
    analysis = Analysis(id="t", text=text, dct=given, language="fr")
    mark_regions(analysis, Context())
    find_publication_date(analysis, Context())
    return analysis.dct


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (f"La chute de la monarchie\n\nvendredi 10 août 2012, par Paul Rivière\n\n{STORY}", "2012-08-10"),
        (f"La chute de la monarchie\n10 août 2012, par Paul Rivière\n{STORY}", "2012-08-10"),
        (f"La chute de la monarchie\nPublié le 10/08/2012\n{STORY}", "2012-08-10"),
        (f"Par Paul Rivière, le 1er août 2012\n{STORY}", "2012-08-01"),
        (f"La chute de la monarchie\n{STORY}", None),  # a date in the story is not the DCT
        (f"10 août 1792\n{STORY}", None),  # a dated diary entry is not a byline
        (f"La chute de la monarchie\n31/02/2012, par Paul Rivière\n{STORY}", None),  # no such day
    ],
)
def test_dct_from_byline(text: str, value: str | None) -> None:
    dct = dct_of(text)
    assert (dct.value if dct else None) == value
    if dct:
        assert dct.origin == "byline"


def test_given_dct_is_kept() -> None:
    given = Dct("2020-01-01", "option")
    assert dct_of(f"lundi 13 août 2012, par Paul Rivière\n{STORY}", given) is given


ENGLISH = ("The storming of the Tuileries Palace took place on 10 August 1792. "
           "It was one of the defining events of the French Revolution, "
           "and the armed insurrection by the Paris Commune led to the fall of the "
           "monarchy in the weeks that followed.")
GERMAN = ("Der Tuileriensturm war ein Ereignis der Französischen Revolution. Am 10. August 1792 stürmten "
          "bewaffnete Aufständische den Palast, in dem der König mit seiner Familie lebte, und die Monarchie "
          "wurde kurz darauf abgeschafft.")
SPANISH = ("La toma de las Tullerías fue uno de los acontecimientos de la Revolución francesa. "
           "El 10 de agosto de 1792 los insurgentes asaltaron el palacio donde vivía el rey con su familia, "
           "y la monarquía cayó "
           "poco después.")
ITALIAN = ("La presa delle Tuileries fu uno degli eventi della Rivoluzione francese. "
           "Il 10 agosto 1792 gli insorti assalirono il palazzo dove viveva il re con la sua famiglia, "
           "e la monarchia cadde poco dopo con la proclamazione della repubblica.")


@pytest.mark.parametrize(
    ("text", "code"),
    [(ENGLISH, "en"), (GERMAN, "de"), (SPANISH, "es"), (ITALIAN, "it"), (STORY * 2, "fr"),
     ("The king fled.", None), ("", None)],
)
def test_detect_language(text: str, code: str | None) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize(("text", "warned"), [(ENGLISH, True), (STORY * 2, False), ("The king fled.", False),
                                              (f"{STORY}\nThe king fled to the Assembly.", False)])
def test_check_language_warns_and_goes_on(text: str, warned: bool) -> None:
    analysis = Analysis(id="t", text=text)
    check_language(analysis, Context())
    assert bool(analysis.warnings) is warned
    if warned:
        assert analysis.language == "en"
        assert analysis.warnings == ["text does not look French (detected: en)"]
    else:
        assert analysis.language == "fr"


def test_hard_wrapped_text_is_read_by_paragraph() -> None:
    text = ("Le roi quitte le château au petit\nmatin, escorté par quelques\ngrenadiers de la garde.\n\n"
            "Les insurgés entrent dans la cour\net trouvent les portes ouvertes.\n")
    blocks = split_blocks(text)
    assert [b.text.count("\n") for b in blocks] == [2, 1]
    analysis = Analysis(id="t", text=text, language="fr")
    mark_regions(analysis, Context())
    assert analysis.regions_of("heading") == []
