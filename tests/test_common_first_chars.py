"""The lookahead for a pattern's first characters: a class that holds every character a match can
begin with, and the same matches behind it."""

from __future__ import annotations

import re

import pytest

from annales.common.first_chars import first_class, with_lookahead

TEXT = ("Le 3e bataillon, à Verdun. A Paris, l'AGENCE Havas (Paris) écrit : « 1914 » ; "
        "Aux Helvètes, au Conseil fédéral.\nPARIS, 12. — M. Dupont arrive. En mai, le 4E régiment.")

# (pattern, flags): lookbehinds first, scoped case flags either way, a line's start, repeats.
PATTERNS: list[tuple[str, int]] = [
    (r"(?<![\w])(?:le|la)\s+\d+e\s+\w+", re.IGNORECASE),
    (r"(?<![\w])(?:(?P<pre>à|(?-i:A))\s+)?(?P<name>[A-Z]\w+)", re.IGNORECASE),
    (r"(?<![\w])(?i:aux?|les)\s+(?P<name>[A-ZÀ-Þ]\w+)", 0),
    (r"(?<![\w])(?:l['’]|(?i:agence)\s+)(?P<name>[A-Z]\w+)", 0),
    (r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<name>[A-Z]{2,})(?=\s*[.,])", re.MULTILINE),
    (r"(?<![\w])(?m:^)[ \t]*1\d{3}", 0),
    (r"(?<![\w])\d*\s*(?:mai|juin)", re.IGNORECASE),
]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_same_matches_behind_the_lookahead(pattern: str, flags: int) -> None:
    plain = re.compile(pattern, flags)
    ahead = re.compile(with_lookahead(pattern, flags), flags)
    assert ahead.pattern != pattern
    assert [(m.span(), m.groupdict()) for m in ahead.finditer(TEXT)] \
        == [(m.span(), m.groupdict()) for m in plain.finditer(TEXT)]


def test_a_case_sensitive_class_in_a_case_insensitive_pattern_is_folded() -> None:
    assert first_class(r"(?<![\w])(?:à|(?-i:A))\s", re.IGNORECASE) == "[Aà]"


def test_a_case_insensitive_group_in_a_case_sensitive_pattern_keeps_its_flag() -> None:
    assert first_class(r"(?<![\w])(?:l'|(?i:agence))", 0) == "[l]|(?i:[a])"


@pytest.mark.parametrize(("pattern", "flags"), [
    (r"(?<![\w]).+", 0),  # any character
    (r"(?:le)?\d*", 0),  # may match nothing
    (r"(?P<a>x)(?P=a)|(?P=a)", 0),  # a back-reference
    (r"(?i)le", 0),  # global flags must open the pattern: nothing may go before them
    (r"(?a:\w+)", 0),  # a local flag that changes what a class matches
])
def test_no_lookahead_where_the_first_characters_are_not_known(pattern: str, flags: int) -> None:
    assert first_class(pattern, flags) is None
    assert with_lookahead(pattern, flags) == pattern
