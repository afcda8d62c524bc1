"""The words that decide what kind of thing a name is, beside the gazetteer: function words that
are never names, peoples, and the nouns that make a name a place when written after it. Read
from `resources/<lang>/entities/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from annales.common.resources import alternation, exists, load_rows
from annales.common.text import fold

LAYER = "entities"
# Determiners and the capitalised function words that end a name are function words too.
FUNCTION_WORD_FILES = ("function_words.tsv", "determiners.tsv", "not_name_parts.tsv")


def _first_column(language: str, name: str) -> list[str]:
    return [row[0] for row in load_rows(language, LAYER, name)] if exists(language, LAYER, name) else []


@dataclass(frozen=True)
class TypingWords:
    function_words: frozenset[str]  # folded: never a name by themselves ("Le", "Il", "Dans")
    peoples: frozenset[str]  # folded names of peoples in the plural ("helvètes")
    demonym_endings: dict[str, str]  # ending -> "any" | "plural" (which determiners it takes)
    place_heads_after: frozenset[str]  # folded nouns after a name that make it a place ("street")
    place_head_after_pattern: str  # the same as a regex alternation, any case

    def is_function_word(self, word: str) -> bool:
        return fold(word) in self.function_words

    def is_people(self, word: str) -> bool:
        return fold(word) in self.peoples

    def demonym_like(self, word: str, number: str) -> bool:
        """"Helvètes"-, "Allobroges"-like words aside, the endings of a people's name ("les
        Prussiens", "les Marocains") after a determiner of that number."""
        lower = word.lower()
        return any(lower.endswith(ending) and needs in ("any", number)
                   for ending, needs in self.demonym_endings.items())


@cache
def typing_words(language: str) -> TypingWords:
    heads = _first_column(language, "place_heads_after.tsv")
    endings = load_rows(language, LAYER, "demonym_endings.tsv") if exists(language, LAYER,
                                                                            "demonym_endings.tsv") else ()
    return TypingWords(
        function_words=frozenset(fold(w) for name in FUNCTION_WORD_FILES for w in _first_column(language, name)),
        peoples=frozenset(fold(row[0]) for row in load_rows(language, "common", "peoples.tsv")),
        demonym_endings={row[0]: row[1] for row in endings},
        place_heads_after=frozenset(fold(w) for w in heads),
        place_head_after_pattern=alternation(heads, fold_case=True) or "(?!)",
    )
