"""Recognition rules, read from `resources/<lang>/time/rules.tsv` and compiled once.

A rule is a regex with named groups; `%table` expands to the surface forms of a lexicon table and
`@macro` to a macro line of the same file. The groups `pre` and `post` are context: they must match
but stay outside the expression's extent (French TimeML leaves "en", "à", "du" out of the TIMEX3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from annales.common.first_chars import with_lookahead
from annales.common.resources import alternation, load_rows
from annales.time.lexicon import LAYER, lexicon_for

PLACEHOLDER = re.compile(r"%(?P<table>[a-z_]+)")
MACRO = re.compile(r"@(?P<name>[a-z]+)")


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    pattern: re.Pattern[str]
    example: str
    pos: frozenset[str] = frozenset()  # when set, the first word must have one of these UD tags
    needs: frozenset[str] = frozenset()  # trigger families one of which every match contains; empty: any


@dataclass(frozen=True)
class Blocker:
    """A pattern that cancels a candidate of `kind`, looking at its extent or the text before it."""

    name: str
    kind: str
    where: str  # "before" or "self"
    pattern: re.Pattern[str]
    example: str


@dataclass(frozen=True)
class Grammar:
    rules: tuple[Rule, ...]
    blockers: tuple[Blocker, ...]
    triggers: dict[str, frozenset[str]] = field(default_factory=dict)  # trigger word -> its families
    trigger_pattern: re.Pattern[str] | None = None  # those words (or their plurals) and digits


def _expand(pattern: str, macros: dict[str, str], tables: dict[str, list[str]]) -> str:
    for _ in range(5):  # macros may use macros; five levels is plenty and stops a cycle
        expanded = MACRO.sub(lambda m: macros.get(m.group("name"), m.group(0)), pattern)
        if expanded == pattern:
            break
        pattern = expanded

    def table(m: re.Match[str]) -> str:
        name = m.group("table")
        if name not in tables:
            raise ValueError(f"rules.tsv names an unknown table %{name}")
        return alternation(tables[name], fold_case=True)

    return PLACEHOLDER.sub(table, pattern)


@cache
def grammar_for(language: str) -> Grammar:
    lexicon = lexicon_for(language)
    macros: dict[str, str] = {}
    rules: list[Rule] = []
    blockers: list[Blocker] = []
    for row in load_rows(language, LAYER, "rules.tsv"):
        if row[0].startswith("@"):
            macros[row[0][1:]] = row[1]
            continue
        name, kind, raw, example = row[0], row[1], row[2], row[3] if len(row) > 3 else ""
        source = _expand(raw, macros, lexicon.tables)
        if kind.startswith("block-"):
            where, _, target = kind[len("block-"):].partition(":")
            blockers.append(Blocker(name, target, where, re.compile(source, re.IGNORECASE), example))
            continue
        # Expressions never start or end inside a word ("printemps1937" is still matched: the
        # rule itself allows the glued year).
        compiled = re.compile(with_lookahead(rf"(?<![\w]){source}(?![\w])", re.IGNORECASE), re.IGNORECASE)
        pos = frozenset(row[4].split("|")) if len(row) > 4 and row[4] else frozenset()
        needs = frozenset(row[5].split("|")) if len(row) > 5 and row[5] else frozenset()
        rules.append(Rule(name, kind, compiled, example, pos, needs))
    words = _trigger_words(macros.get("trigger", ""), lexicon.tables)
    pattern = None
    if words:
        # A trigger word may touch a digit ("printemps1937"), never another letter.
        pattern = re.compile(rf"\d+|(?<![^\W\d_]){alternation(sorted(words), fold_case=True)}s?(?![^\W\d_])",
                             re.IGNORECASE)
    return Grammar(tuple(rules), tuple(blockers), words, pattern)


def _trigger_words(spec: str, tables: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """The words of the tables and literals named by the @trigger macro ("%months|siècle"), each
    with the families it belongs to (the table's name, or "literal")."""
    words: dict[str, set[str]] = {}
    for item in filter(None, spec.split("|")):
        family = item[1:] if item.startswith("%") else "literal"
        surfaces = tables.get(item[1:], []) if item.startswith("%") else [item]
        for surface in surfaces:
            # The longest word of a multi-word form is enough ("tombée" for "tombée de la nuit"),
            # and keeps "de", "la" from making the whole text a trigger.
            parts = [w for w in re.split(r"[\W_]+", surface.lower()) if w]
            if parts:
                words.setdefault(max(parts, key=len), set()).add(family)
    return {w: frozenset(f) for w, f in words.items()}
