"""The vocabulary of names: military ranks, civil titles and offices, given names, unit nouns, ship
nouns, cues — French and the English military words French texts use. Read from
`resources/fr/entities/` and `resources/en/entities/`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from annales.common.resources import alternation, exists, load_rows
from annales.common.text import fold as _key

LAYER = "entities"


# Unit nouns live in resources/<lang>/common/: the quantities layer reads them too.
COMMON_FILES = frozenset({"unit_nouns.tsv", "given_names.tsv"})


def _rows(language: str, name: str) -> tuple[tuple[str, ...], ...]:
    layer = "common" if name in COMMON_FILES else LAYER
    if not exists(language, layer, name):
        return ()
    return load_rows(language, layer, name)


@dataclass(frozen=True)
class NameLexicon:
    # folded surface -> (canonical, kind): "rank" (ranks.tsv: military or naval), or a title's kind
    # (titles.tsv: "address" such as "M.", "nobility", "clergy", or "office" such as "ministre")
    ranks: dict[str, tuple[str, str]]
    ranks_as_written: dict[str, tuple[str, str]]  # exact surface -> the same: "Colonel" is English
    lowercase_ranks: frozenset[str]  # folded surfaces some table writes in lower case: "mm" is no "MM."
    unit_nouns: dict[str, str]
    unit_words: frozenset[str]
    lowercase_connectives: frozenset[str]  # unit words after which a name goes on in lower case only
    unit_abbreviations: dict[str, str]  # squeezed abbreviation ("RI") -> expansion
    ship_nouns: frozenset[str]
    ship_prefixes: frozenset[str]
    place_cues: frozenset[str]
    person_verbs: dict[str, str]  # lemma -> "agent" | "patient"
    not_names: frozenset[str]
    office_heads: frozenset[str]  # folded nouns heading an office: "procureur" in "procureur général"
    given_names: frozenset[str]  # as written: "Napoléon", "Joseph"
    title_genders: dict[str, str]  # folded title -> "m" | "f", for titles that say one ("M.", "Mme")
    rank_pattern: str
    unit_noun_pattern: str  # case as written: English heads are capitalised
    unit_noun_folded: str  # for case-insensitive matching of the language's own heads
    ship_noun_pattern: str
    ship_prefix_pattern: str
    place_cue_pattern: str
    abbreviation_pattern: str

    def rank(self, surface: str) -> tuple[str, str] | None:
        as_written = " ".join(surface.replace("’", "'").split())
        return self.ranks_as_written.get(as_written) or self.ranks.get(_key(surface))

    def written_right(self, surface: str) -> bool:
        """A rank written in lower case must be one some table writes so ("général"); "mm" in
        "75 mm Howitzer" is not the title "MM"."""
        return not surface[:1].islower() or _key(surface) in self.lowercase_ranks

    def abbreviation(self, surface: str) -> str | None:
        return self.unit_abbreviations.get(squeeze(surface))


def squeeze(abbreviation: str) -> str:
    """"R. I." and "RI" and "R.I." are one abbreviation."""
    return re.sub(r"[\s.]", "", abbreviation).upper()


@cache
def name_lexicon(language: str) -> NameLexicon:
    languages = (language, "en")  # English military vocabulary appears inside French texts
    ranks: dict[str, tuple[str, str]] = {}
    ranks_as_written: dict[str, tuple[str, str]] = {}
    lowercase_ranks: set[str] = set()
    unit_nouns: dict[str, str] = {}
    # The text's own language first: "colonel" stays French even though English has "Colonel".
    title_rows = _rows(language, "titles.tsv")  # civil titles are the text's own language's
    for lang in languages:
        for row in _rows(lang, "ranks.tsv") + (title_rows if lang == language else ()):
            ranks.setdefault(_key(row[0]), (row[1], row[2]))
            ranks_as_written.setdefault(" ".join(row[0].replace("’", "'").split()), (row[1], row[2]))
            if row[0][:1].islower():
                lowercase_ranks.add(_key(row[0]))
    # A regiment named by its arm ("le 4e zouaves") is a unit head here only: the quantities layer
    # reads unit_nouns.tsv as the names of sub-units, and "3 000 zouaves" are men, not a sub-unit.
    head_rows = _rows(language, "unit_nouns.tsv") + _rows(language, "unit_arms.tsv")
    for row in head_rows:
        unit_nouns.setdefault(_key(row[0]), row[1])
    abbreviations = {squeeze(row[0]): row[1] for row in _rows(language, "unit_abbreviations.tsv")}
    raw_abbreviations = [row[0] for row in _rows(language, "unit_abbreviations.tsv")]
    abbreviation_pattern = "|".join(
        r"\s*".join(re.escape(part) + r"\.?" for part in squeeze(a)) for a in sorted(raw_abbreviations, key=len,
                                                                                       reverse=True))
    ship_nouns = [row[0] for row in _rows(language, "ship_nouns.tsv")]
    ship_prefixes = [row[0] for row in _rows(language, "ship_prefixes.tsv")]
    return NameLexicon(
        ranks=ranks,
        ranks_as_written=ranks_as_written,
        lowercase_ranks=frozenset(lowercase_ranks),
        unit_nouns=unit_nouns,
        unit_words=frozenset(_key(row[0]) for row in _rows(language, "unit_words.tsv")),
        lowercase_connectives=frozenset(_key(row[0]) for row in _rows(language, "unit_words.tsv")
                                        if row[1:2] == ("lowercase-after",)),
        unit_abbreviations=abbreviations,
        ship_nouns=frozenset(_key(s) for s in ship_nouns),
        ship_prefixes=frozenset(ship_prefixes),
        place_cues=frozenset(_key(row[0]) for row in _rows(language, "place_cues.tsv")
                             + _rows(language, "place_naming_nouns.tsv")),
        person_verbs={row[0]: row[1] for row in _rows(language, "person_verbs.tsv")},
        not_names=frozenset(row[0] for row in _rows(language, "not_names.tsv")),
        office_heads=frozenset(_key(row[0]) for row in _rows(language, "office_heads.tsv")),
        given_names=frozenset(row[0] for row in _rows(language, "given_names.tsv")),
        title_genders={_key(row[0]): row[3] for row in title_rows if row[3] in ("m", "f")},
        rank_pattern=alternation([row[0] for lang in languages for row in _rows(lang, "ranks.tsv")]
                                 + [row[0] for row in title_rows], fold_case=True),
        unit_noun_pattern=alternation([row[0] for lang in languages for row in _rows(lang, "unit_nouns.tsv")]),
        unit_noun_folded=alternation([row[0] for row in head_rows], fold_case=True),
        ship_noun_pattern=alternation(ship_nouns, fold_case=True),
        ship_prefix_pattern=alternation(ship_prefixes),
        place_cue_pattern=alternation([row[0] for row in _rows(language, "place_cues.tsv")], fold_case=True),
        abbreviation_pattern=f"(?:{abbreviation_pattern})" if abbreviation_pattern else "(?!)",
    )
