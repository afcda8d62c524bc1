"""Lines written in capitals ("LA FOIRE SE TIENDRA SAMEDI", "MAIRIE FERMÉE"), as local news
heads its items: the tagger, trained on written case, takes their verbs for nouns or names and hangs
their words anyhow.

Their verbs are found from the model's own lemmatizer tables instead: a word is a verb form when the
tables give it a verb lemma (an irregular form listed, "fera" -> "faire", or a regular ending, "jouera" ->
"jouer", "fermée" -> "fermer") and the word is no noun or adjective lemma of the tables ("fête",
"vote", "marche" may be either: left to the tagger). A date of such a line dates all its events: the
parse that would tie it to one of them is not to be trusted.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from typing import Any

INFINITIVE_ENDINGS = ("er", "ir", "re")
MIN_WORDS = 2  # one capitalised word is a name or an acronym ("ONU", "BESANÇON"), not a line in capitals
_WORD = re.compile(r"[^\W\d_]{2,}")
# A stretch of a line up to its sentence's end: a heading in capitals may run on in the same line
# ("LA FOIRE SE TIENDRA SAMEDI. Les exposants …").
_LINE = re.compile(r"[^\n.!?]+[.!?]*")


class CapitalLines:
    """The stretches of a text written in capitals (a line, or its sentence when more follows on the same
    line), found once; an offset's stretch by bisection."""

    def __init__(self, text: str) -> None:
        self.spans: list[tuple[int, int]] = []
        for m in _LINE.finditer(text):
            start, end = m.span()
            words = 0
            # Most lines are written in lower case: their first word or two tell, the rest is not read.
            for word in _WORD.finditer(text, start, end):
                if not word.group().isupper():
                    break
                words += 1
            else:
                if words >= MIN_WORDS:
                    self.spans.append((start, end))
        self._starts = [s for s, _ in self.spans]

    def words(self, text: str, line: tuple[int, int]) -> list[str]:
        """The words of a stretch `line_of` gave, as written."""
        return _WORD.findall(text, line[0], line[1])

    def line_of(self, offset: int) -> tuple[int, int] | None:
        k = bisect_right(self._starts, offset) - 1
        if k >= 0 and self.spans[k][0] <= offset < self.spans[k][1]:
            return self.spans[k]
        return None


class VerbForms:
    """Verb forms as the model's lemmatizer tables know them (the rule lemmatizer's exceptions, endings and
    index of lemmas); empty when the model has no such tables."""

    def __init__(self, nlp: Any) -> None:
        self._exceptions: dict[str, list[str]] = {}
        self._lookup: Any = {}
        self._rules: list[tuple[str, str]] = []
        self._verbs: frozenset[str] = frozenset()
        self._others: frozenset[str] = frozenset()
        try:
            lookups = nlp.get_pipe("lemmatizer").lookups
            exceptions, rules, index, lookup = (lookups.get_table(name) for name in
                                                ("lemma_exc", "lemma_rules", "lemma_index", "lemma_lookup"))
        except (KeyError, ValueError, AttributeError):
            return  # a model without rule tables: lines in capitals keep the tagger's reading
        self._lookup: Any = lookup
        self._exceptions = dict(exceptions.get("verb") or {})
        self._rules = [(old, new) for old, new in rules.get("verb") or []]
        self._verbs = frozenset(index.get("verb") or ())
        self._others = frozenset(index.get("noun") or ()) | frozenset(index.get("adj") or ())

    def feminine_of_another(self, word: str) -> bool:
        """`word` is written as the feminine of a noun or an adjective the index lists ("japonaise",
        "alliées"): the index holds masculine lemmas only."""
        return (word.endswith("e") and word[:-1] in self._others) or (word.endswith("es") and word[:-2] in self._others)

    @property
    def known(self) -> bool:
        """Whether the model had the tables: without them no word is known as a verb form."""
        return bool(self._verbs)

    def lemma(self, word: str, strict: bool = True) -> str | None:
        """The verb lemma of `word` (lower case), None when it is no verb form; `strict`: None too when it
        could be a noun or an adjective."""
        if strict and (word in self._others or (word[-1:] in ("s", "x") and word[:-1] in self._others)):
            return None  # "fête", "lunettes": a noun or an adjective may be written so
        listed = self._exceptions.get(word)
        if listed:
            return listed[0]
        found = [word[:len(word) - len(old)] + new for old, new in self._rules if word.endswith(old)]
        # the present of a verb in -er, which the rules leave to the lookup table: "rencontre"
        found += list(self._lookup.get(word) or ()) + [word + "r" if word.endswith("e") else ""]
        found = [lemma for lemma in found if lemma in self._verbs]
        # An infinitive first: the index holds some stems too ("rencontr")
        return next((lemma for lemma in found if lemma.endswith(INFINITIVE_ENDINGS)), found[0] if found else None)


@cache
def verb_forms(nlp: Any) -> VerbForms:
    return VerbForms(nlp)
