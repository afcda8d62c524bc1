"""One person, one entity: which written forms of personal names name the same person.

A name is read into its parts: given names, initials, a surname, or a regnal name with its ordinal
("Ferdinand VII"). Then:

- two full names are one person when they share the surname and their given names agree: the
  given names of one are among the other's, in order ("Charles Dupont" in "Louis Charles Alphonse
  Dupont"), initials matching ("Evans F. Carlson", "Evans Carlson"). A given name that differs is
  another person ("Joseph Bonaparte" is not "Louis Bonaparte");
- a regnal name is one person per ordinal ("Napoléon Ier" is not "Napoléon III"); a bare name that
  is a regnal name without its ordinal is that sovereign when only one is numbered;
- a bare word is the surname of the one full name ending with it ("Radek", "Karl Radek"). A bare
  given name ("Napoléon") may name someone known by that name alone: it joins a full name ending
  or starting with it only when that name was written before it (a short form follows the name it
  shortens), so "Napoléon", told from the start, is not "Joseph Napoléon" named later;
- a bare word two persons could bear stays its own entity, ambiguous between them.

Each merge is recorded in plain words, for a reader or a corpus merging across documents.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from annales.common.text import fold

INITIAL = re.compile(r"[A-Z]\.")
# A regnal ordinal in Roman numerals, with the French ending of "premier" ("Ier", "Ire") or without.
REGNAL = re.compile(r"(?:[IVXL]+|1)(?:er|re|e|ème)?")


@dataclass(frozen=True)
class NameForm:
    key: str  # the name as candidates key it ("Evans F. Carlson")
    given: tuple[str, ...]  # given names, in order
    initials: tuple[str, ...]  # letters of the initials ("F")
    surname: str | None  # None for a regnal name
    regnal: str | None  # the ordinal, "I" for "Ier" and "1er"
    gender: str | None = None  # "m" or "f" when a title before the name says it ("M.", "Mme")

    @property
    def bare(self) -> bool:
        """A single word, initials aside: "Radek", "T. Labiénus"."""
        return not self.given and self.regnal is None

    @property
    def word(self) -> str:
        """The word a bare mention of this person would be: the surname, or the regnal name."""
        return self.surname if self.surname is not None else " ".join(self.given)


def read_name(key: str, is_title: set[str] | frozenset[str] | None = None,
              particles: set[str] | frozenset[str] = frozenset(), genders: dict[str, str] | None = None) -> NameForm:
    """The parts of a personal name; titles before it ("Mme", folded in `is_title`; its gender in
    `genders`) and particles inside ("de") left out."""
    tokens = key.split()
    titles = is_title or frozenset()
    gender = None
    while len(tokens) > 1 and (fold(tokens[0]) in titles or tokens[0].lower() in particles):
        gender = (genders or {}).get(fold(tokens.pop(0)), gender)
    initials = tuple(t[0] for t in tokens if INITIAL.fullmatch(t))
    words = [t for t in tokens if not INITIAL.fullmatch(t) and t.lower() not in particles] or tokens[-1:]
    if len(words) > 1 and REGNAL.fullmatch(words[-1]):
        ordinal = re.sub(r"(?:er|re|e|ème)$", "", words[-1])
        return NameForm(key, tuple(words[:-1]), initials, None, "I" if ordinal == "1" else ordinal, gender)
    return NameForm(key, tuple(words[:-1]), initials, words[-1], None, gender)


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(any(word == other for other in it) for word in short)


def agree(a: NameForm, b: NameForm) -> bool:
    """Two full names that may be one person: same surname, given names and initials in agreement,
    and no title of the other gender ("M. Zirio" and "Mme Zirio" are two)."""
    if a.gender and b.gender and a.gender != b.gender:
        return False
    if a.regnal is not None or b.regnal is not None:
        return a.regnal == b.regnal and a.given == b.given
    if a.surname is None or b.surname is None or fold(a.surname) != fold(b.surname):
        return False
    short, long = sorted((a, b), key=lambda f: (len(f.given), len(f.initials)))
    if not _subsequence(short.given, long.given):
        return False
    # "Julian G. Smith" and "Julian H. Smith" are two men; "Evans F. Carlson" and "Evans Carlson" one.
    letters = {g[0] for g in long.given if g not in short.given} | set(long.initials)
    return all(i in letters for i in short.initials) or not short.initials


@dataclass
class PersonGroup:
    forms: list[NameForm]
    first: int  # offset of the first mention of any of its forms
    evidence: list[str] = field(default_factory=list)
    ambiguous: list[int] = field(default_factory=list)  # indexes of the groups a bare name may mean

    @property
    def name(self) -> str:
        return max((f.key for f in self.forms), key=len)


def group_names(first_seen: dict[str, int], given_names: frozenset[str] | set[str],
                titles: frozenset[str] | set[str] = frozenset(), particles: frozenset[str] | set[str] = frozenset(),
                genders: dict[str, str] | None = None) -> tuple[list[PersonGroup], dict[str, int]]:
    """Groups of person name forms (keys, with the offset each is first written at) that name one
    person each, and the group of every key."""
    forms = {key: read_name(key, titles, particles, genders) for key in first_seen}
    groups: list[PersonGroup] = []
    of: dict[str, int] = {}
    index = _Index()
    full = sorted((f for f in forms.values() if not f.bare),
                  key=lambda f: (-len(f.given), -len(f.initials), first_seen[f.key]))
    for form in full:
        near = index.regnal[form.word] if form.regnal is not None else index.surname[fold(form.word)]
        fitting = sorted(n for n in near if all(agree(form, other) for other in groups[n].forms))
        if len(fitting) == 1:
            group = groups[fitting[0]]
            if form.regnal is None:
                group.evidence.append(f"'{form.key}' and '{group.name}' share the surname '{form.surname}' "
                                      f"and their given names agree")
            else:
                group.evidence.append(f"'{form.key}' and '{group.name}' are one name and one ordinal")
            group.forms.append(form)
            group.first = min(group.first, first_seen[form.key])
            of[form.key] = fitting[0]
            index.add(form, fitting[0])
            continue
        of[form.key] = len(groups)
        index.add(form, len(groups))
        groups.append(PersonGroup([form], first_seen[form.key]))
    bare: dict[str, list[NameForm]] = {}
    for form in forms.values():
        if form.bare:
            bare.setdefault(form.word, []).append(form)
    for word, same_word in sorted(bare.items(), key=lambda kv: min(first_seen[f.key] for f in kv[1])):
        first = min(first_seen[f.key] for f in same_word)
        target, why, holders = _holder(word, first, groups, index, given_names)
        parts = _by_initials(same_word)
        made: list[int] = []
        for part in parts:
            if target is not None and all(_initials_fit(f, groups[target]) for f in part):
                group = groups[target]
                for f in part:
                    group.evidence.append(why.format(form=f.key))
                    group.forms.append(f)
                    of[f.key] = target
                    index.add(f, target)
                group.first = min(group.first, first)
                continue
            group = PersonGroup(list(part), min(first_seen[f.key] for f in part), ambiguous=list(holders))
            plain = next((f for f in part if not f.initials and not f.gender), None)
            if plain is not None:
                group.evidence += [f"'{f.key}' is '{plain.key}' with {'initials' if f.initials else 'a title'}"
                                   for f in part if f is not plain]
            for f in part:
                of[f.key] = len(groups)
                index.add(f, len(groups))
            made.append(len(groups))
            groups.append(group)
        # "L. Sylla" and "P. Sylla" are two persons: the bare "Sylla" may be either.
        plain_group = next((of[f.key] for f in same_word if not f.initials and not f.gender), None)
        if len(parts) > 1 and plain_group in made:
            groups[plain_group].ambiguous = sorted({of[f.key] for f in same_word} - {plain_group})
    return groups, of


def _by_initials(forms: list[NameForm]) -> list[list[NameForm]]:
    """Forms of one bare word, split when two of them have different initials or titles of both
    genders ("L. Sylla" and "P. Sylla", "M. Zirio" and "Mme Zirio"); the plain form goes with the
    only marked one, or alone when there are several."""
    with_initials: dict[tuple[str, ...], list[NameForm]] = {}
    plain = [f for f in forms if not f.initials and not f.gender]
    for f in forms:
        if f.initials or f.gender:
            with_initials.setdefault(f.initials + ((f.gender,) if f.gender else ()), []).append(f)
    # initials alone and initials with a gender are one person when nothing contradicts them
    if len(with_initials) > 1 and len({f.gender for f in forms if f.gender}) <= 1 \
            and len({f.initials for f in forms if f.initials}) <= 1:
        return [forms]
    if len(with_initials) <= 1:
        return [plain + [f for fs in with_initials.values() for f in fs]]
    return ([plain] if plain else []) + list(with_initials.values())


def _initials_fit(form: NameForm, group: PersonGroup) -> bool:
    """"T. Labiénus" cannot be "Quintus Labiénus", nor "Mme Favre" "M. Jules Favre"."""
    if form.gender and any(f.gender and f.gender != form.gender for f in group.forms):
        return False
    if not form.initials:
        return True
    letters = {g[0] for f in group.forms for g in f.given} | {i for f in group.forms for i in f.initials}
    return all(i in letters for i in form.initials)


class _Index:
    """The groups by the words a bare name may match: a long text names thousands of persons."""

    def __init__(self) -> None:
        self.regnal: defaultdict[str, set[int]] = defaultdict(set)  # "Ferdinand" of "Ferdinand VII"
        self.surname: defaultdict[str, set[int]] = defaultdict(set)  # folded
        self.first_given: defaultdict[str, set[int]] = defaultdict(set)

    def add(self, form: NameForm, group: int) -> None:
        if form.regnal is not None:
            self.regnal[form.word].add(group)
        else:
            self.surname[fold(form.word)].add(group)
        if form.given:
            self.first_given[form.given[0]].add(group)


def _holder(word: str, first: int, groups: list[PersonGroup], index: _Index,
            given_names: frozenset[str] | set[str]) -> tuple[int | None, str, list[int]]:
    """The one group a bare word names (with the words that say why), or None and the groups it may
    name."""
    regnal = sorted(index.regnal.get(word, ()))
    if regnal:
        if len(regnal) == 1:
            name = groups[regnal[0]].name
            return (regnal[0], f"'{{form}}' is '{name}' without the ordinal, the only {word} numbered in the text",
                    [])
        return None, "", regnal
    surname = sorted(index.surname.get(fold(word), ()))
    given = sorted(index.first_given.get(word, ()))
    if word in given_names:
        # Someone known by a given name alone, unless the full name came first.
        surname = [n for n in surname if groups[n].first < first]
        given = [n for n in given if groups[n].first < first]
    else:
        given = []
    holders = sorted(set(surname) | set(given))
    if len(holders) != 1:
        return None, "", holders if len(holders) > 1 else []
    (n,) = holders
    name = groups[n].name
    if n in surname:
        return n, f"'{{form}}' is the surname of '{name}', the only person of that surname", []
    return n, f"'{{form}}' is the given name of '{name}', the only person of that given name named before it", []
