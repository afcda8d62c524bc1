"""Every row of the French quantity resources is shown by its example: the example, analysed by the
whole pipeline, gives the figure the row says (as the time rules are checked on theirs).

A row whose example the engine does not read as the row says is marked `xfail(strict=True)` with
what goes wrong: an engine bug, listed so that a fix shows up as an unexpected pass.
"""

from __future__ import annotations

import re

import pytest

from annales.common.resources import load_rows
from annales.common.text import fold
from annales.context import Context
from annales.model import Quantity
from annales.pipeline import analyze
from annales.quantities.recognise import parse_digits, parse_words

LANGUAGE = "fr"
LAYER = "quantities"

KNOWN_BUGS = {
    ("units", "mille marin"): "the 'mille' of 'un mille marin' is also read as the figure 1000 counting 'marin'",
    ("units", "mille nautique"): "the 'mille' of 'un mille nautique' is also read as the figure 1000 counting "
                                 "'nautique'",
    ("units", "km2"): "the '2' of '20 km2' is read as a second figure",
    ("units", "francs"): "after 'deux milliards de', 'francs' is read as what is counted, not as the unit",
    ("units", "dollars"): "after 'cinq millions de', 'dollars' is read as what is counted, not as the unit",
}


def _rows(name: str) -> list:
    """One param per row of `name`.tsv, its id the row's surface, known engine bugs marked."""
    params = []
    for row in load_rows(LANGUAGE, LAYER, name + ".tsv"):
        reason = KNOWN_BUGS.get((name, row[0]))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(row, id=row[0], marks=marks))
    return params


def _quantities(example: str, context: Context) -> list[Quantity]:
    return analyze(example, context=context).quantities


def _word(surface: str) -> re.Pattern[str]:
    """`surface` as a whole word of folded text ("un" in "vingt et un", not in "une")."""
    return re.compile(rf"(?<!\w){re.escape(fold(surface))}(?!\w)")


def _quantity_with(quantities: list[Quantity], surface: str) -> Quantity:
    found = [q for q in quantities if _word(surface).search(fold(q.text))]
    assert found, f"no quantity contains {surface!r}: {[q.text for q in quantities]}"
    return found[0]


def _ratio(text: str) -> float:
    numerator, _, denominator = text.partition("/")
    return float(numerator) / float(denominator or 1)


def _vague() -> list[str]:
    return [fold(row[0]) for row in load_rows(LANGUAGE, LAYER, "vague.tsv")]


@pytest.mark.parametrize("row", _rows("approximations"))
def test_approximation_gives_its_comparator(row: tuple[str, ...], context: Context) -> None:
    surface, comparator, takes_de, example = row
    quantity = _quantity_with(_quantities(example, context), surface)
    assert fold(quantity.text).startswith(fold(surface)), quantity.text
    assert (quantity.approx, quantity.comparator) == (True, comparator)
    grammar = {name: fragment for name, fragment, _ in load_rows(LANGUAGE, LAYER, "grammar.tsv")}
    # "takes de": the figure comes after de/du/des, which the extent then includes ("près de 200").
    after = quantity.text[len(surface):]
    assert bool(re.match(grammar["de"], after, re.IGNORECASE)) == (takes_de == "yes"), after


@pytest.mark.parametrize("row", _rows("collectives"))
def test_collective_gives_its_value(row: tuple[str, ...], context: Context) -> None:
    surface, value, kind, example = row
    quantity = _quantity_with(_quantities(example, context), surface)
    assert fold(quantity.text).endswith(fold(surface)), quantity.text
    if any(fold(quantity.text).startswith(determiner + " ") for determiner in _vague()):
        assert (quantity.value, quantity.approx, quantity.comparator) == (None, True, None)
        return
    assert quantity.value is not None and quantity.value >= int(value) and quantity.value % int(value) == 0
    approximate = kind == "approx"
    assert (quantity.approx, quantity.comparator) == (approximate, "about" if approximate else None)


@pytest.mark.parametrize("row", _rows("counted_hints"))
def test_counted_hint_is_what_is_counted(row: tuple[str, ...], context: Context) -> None:
    surface, example = row
    assert surface in [q.counted for q in _quantities(example, context)]


@pytest.mark.parametrize("row", _rows("designators"))
def test_designated_number_is_no_quantity(row: tuple[str, ...], context: Context) -> None:
    surface, example = row
    at = example.lower().index(surface.lower())
    undesignated = " ".join((example[:at] + example[at + len(surface):]).split())
    # Without its designator the number counts: the designator is what makes it a name.
    figures = {q.text for q in _quantities(undesignated, context)}
    assert figures, f"{undesignated!r} has no figure"
    assert not figures & {q.text for q in _quantities(example, context)}


@pytest.mark.parametrize("row", _rows("fractions"))
def test_fraction_or_percent_gives_its_value(row: tuple[str, ...], context: Context) -> None:
    surface, kind, one, example = row
    quantity = _quantity_with(_quantities(example, context), surface)
    assert quantity.value is not None
    if kind == "percent":
        assert quantity.unit == "%"
        figure = fold(quantity.text).removesuffix(fold(surface)).split()[-1]
        assert quantity.value == (parse_digits(figure) if figure[0].isdigit() else parse_words(figure, LANGUAGE))
        return
    assert quantity.unit == "fraction"
    parts = quantity.value / _ratio(one)  # "les deux tiers" is two parts of one third
    assert round(parts) >= 1 and abs(parts - round(parts)) < 1e-3, quantity.value


@pytest.mark.parametrize("row", _rows("grammar"))
def test_grammar_fragment_matches_its_example(row: tuple[str, ...]) -> None:
    name, fragment, example = row
    matches = [m.group() for m in re.finditer(fragment, example, re.IGNORECASE) if m.group()]
    assert matches, f"{name} matches nothing in {example!r}"


@pytest.mark.parametrize("row", _rows("numbers"))
def test_number_word_gives_its_value(row: tuple[str, ...], context: Context) -> None:
    surface, value, role, example = row
    quantity = _quantity_with(_quantities(example, context), surface)
    assert quantity.value is not None
    if role == "multiplier":
        assert quantity.value >= int(value) and quantity.value % int(value) == 0
    elif role == "article":
        # An article counts only inside a compound or before a collective ("vingt et un", "une centaine").
        assert fold(quantity.text) != fold(surface)
    elif fold(quantity.text) == fold(surface):
        assert quantity.value == int(value)


@pytest.mark.parametrize("row", _rows("units"))
def test_unit_gives_its_symbol(row: tuple[str, ...], context: Context) -> None:
    surface, symbol, _dimension, example = row
    quantities = _quantities(example, context)
    assert symbol in [q.unit for q in quantities], [(q.text, q.unit, q.counted) for q in quantities]
    unit = re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", example, re.IGNORECASE)
    assert unit is not None, f"{surface!r} is not in {example!r}"
    # A measure's unit is not itself a figure ("mille marin", "km2").
    assert not [q.text for q in quantities if q.start < unit.end() and unit.start() < q.end]


@pytest.mark.parametrize("row", _rows("vague"))
def test_vague_determiner_leaves_the_count_unknown(row: tuple[str, ...], context: Context) -> None:
    surface, example = row
    found = [q for q in _quantities(example, context) if fold(q.text).startswith(fold(surface) + " ")]
    assert found, example
    assert (found[0].value, found[0].approx, found[0].comparator) == (None, True, None)
