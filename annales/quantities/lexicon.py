"""The vocabulary of figures in one language, read from `resources/<lang>/quantities/*.tsv`.

Keys are compared after `normalise` (lower case, one space, straight apostrophes), as in the
time layer, so "Dix-sept" and "dix-sept" look the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from annales.common.resources import load_rows
from annales.common.text import fold as normalise

LAYER = "quantities"


def _ratio(text: str) -> float:
    numerator, _, denominator = text.partition("/")
    return float(numerator) / float(denominator or 1)


@dataclass(frozen=True)
class Unit:
    symbol: str
    dimension: str  # length, mass, volume, area, speed, angle, money


@dataclass(frozen=True)
class Fraction:
    kind: str  # "fraction" or "percent"
    value: float


@dataclass(frozen=True)
class Collective:
    value: int
    approximate: bool  # "une centaine" is a round figure; "des millions" is only vague in the plural


class QuantityLexicon:
    def __init__(self, language: str) -> None:
        self.language = language

        def rows(name: str) -> tuple[tuple[str, ...], ...]:
            return load_rows(language, LAYER, name + ".tsv")

        numbers = rows("numbers")
        self.number_words = [r[0] for r in numbers]
        self.articles = {normalise(r[0]) for r in numbers if r[2] == "article"}
        self.ambiguous = {normalise(r[0]) for r in numbers if r[2] == "ambiguous"}
        self.multipliers = {normalise(r[0]): int(r[1]) for r in numbers
                            if r[2] == "multiplier" or int(r[1]) == 1000}
        approximations = rows("approximations")
        self.approx_with_de = [r[0] for r in approximations if r[2] == "yes"]
        self.approx_bare = [r[0] for r in approximations if r[2] != "yes"]
        self.comparators = {normalise(r[0]): r[1] for r in approximations}
        self.collectives = {normalise(r[0]): Collective(int(r[1]), r[2] == "approx") for r in rows("collectives")}
        self.vague = [r[0] for r in rows("vague")]
        self.fractions = {normalise(r[0]): Fraction(r[1], _ratio(r[2])) for r in rows("fractions")}
        self.hints = {normalise(r[0]) for r in rows("counted_hints")}
        self.units = {normalise(r[0]): Unit(r[1], r[2]) for r in rows("units")}
        self.designators = [r[0] for r in rows("designators")]
        self.grammar = {r[0]: r[1] for r in rows("grammar")}

    def fraction_words(self, kind: str) -> list[str]:
        return [surface for surface, f in self.fractions.items() if f.kind == kind]


@cache
def quantity_lexicon(language: str) -> QuantityLexicon:
    return QuantityLexicon(language)
