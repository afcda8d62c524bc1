"""Which entities of different documents are one: decided on names, dates and the user's corrections.

Every entity falls in one *block*: for a person, the last word of its name (its surname, or the one
name of "Napoléon", "Frédéric III"); for other types, its type and whole folded name. Only entities
of one block are compared, so adding a document regroups the blocks its entities fall in, never
the whole corpus. Inside a block, groups are built by complete linkage (a member joins a group only
if it is compatible with every member already there), in decreasing order of evidence:

1. the user's merges (`corpus merge`), which no rule overrides, and splits (`corpus split`), which
   forbid two members to share a group; both are kept by document id and name, so they survive a
   document being replaced;
2. persons with given names: the same surname and given names that agree word by word, an initial
   standing for a name ("J." for "Jacques"), a shorter list for a longer ("George" for "George W.").
   "Jean-Pierre" is not "Pierre"; "Dominique de Calan" is not "Dominique de Villepin" (another block);
3. a surname alone ("Chirac", "M. Aznar") joins the one group of that surname with given names,
   when both are dated and seen within `BARE_YEARS` (an undated "Bonaparte" is not Joseph
   Bonaparte); if there are several ("Julian Smith", "Holland Smith") it stays alone: an ambiguous
   surname is never merged blindly;
4. a name alone with no such group ("Napoléon", "Frédéric III") joins another document's same name,
   unless both are dated and more than `BARE_YEARS` apart (Napoléon in 1808 is not Napoléon in
   1870); a given name alone ("Pierre", "Napoléon") joins only when the two documents also share
   `CONTEXT_NAMES` other names (places, persons, units): two articles' "Pierre" are two men;
5. places, ships and organisations join the same type and name; a unit too, when its name carries
   its number and names a formation ("9e régiment d'infanterie", "IIe armée", seen within
   `UNIT_YEARS`): "le régiment" and "2e bataillon" (numbered inside a parent) say which unit only
   inside their document (`corpus/unit_levels.tsv`);
and always: two persons of one document stay apart (the document's own analysis decided they
differ), regnal numbers must agree ("Napoléon III" is not "Napoléon Ier"), and the years a person is
seen in (the dates of the events they take part in, else the years the document's story mostly
runs in) must fit in one life (`LIFE_YEARS`); the date a document was written is not one of them
(an article of 1923 may name Voltaire). A name a document calls ambiguous ("le Smith") stays alone.

Each member records its score and the evidence for its place; the group keeps the weakest score.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from annales.common.resources import exists, load_rows

_SEPARATORS = re.compile(r"[\s\-‐‑–—_]+")
_DROPPED = re.compile(r"[.,;:!?«»\"“”()\[\]]")
_ROMAN = re.compile(r"^(?:[ivx]+|1er|ier|1re|ire)$")
_INITIAL = re.compile(r"^\w$")
LIFE_YEARS = 70  # the widest span of years one person's mentions may cover
BARE_YEARS = 25  # a name alone joins another only when both are dated this close
UNIT_YEARS = 25  # a unit of one name seen further apart than this is two formations (an army of 1870, one of 1914)
CONTEXT_NAMES = 2  # a given name alone joins another only when their documents share this many other names
PERSON = "person"
ALONE = ("no other document names", "given names fit several", "surname alone, shared", "a given name alone")


def fold_name(name: str) -> str:
    """A name as compared across documents: lower case, accents and punctuation dropped, hyphens
    and runs of spaces made one space, apostrophes straightened ("Saint-Étienne" → "saint etienne")."""
    return _SEPARATORS.sub(" ", _DROPPED.sub(" ", _bare(name).lower())).strip()


_OCR_HYPHEN = re.compile(r"¬\s*")  # a word cut at a line's end in OCR text ("Cle¬ menceau")


def _bare(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", _OCR_HYPHEN.sub("", text).replace("’", "'"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _fold_word(word: str) -> str:
    """One word of a name, folded, its hyphens kept ("Jean-Pierre" → "jean-pierre")."""
    return "-".join(part for part in (fold_name(piece) for piece in word.split("-")) if part)


@cache
def _words(language: str, name: str) -> frozenset[str]:
    if not exists(language, "common", name):
        return frozenset()
    return frozenset(_fold_word(row[0]) or row[0] for row in load_rows(language, "common", name))


@dataclass(frozen=True)
class PersonName:
    given: tuple[str, ...]  # folded given names, in order ("jacques",), ("george", "w")
    surname: str  # the block word: "chirac", "gaulle", "napoleon"
    ordinal: str | None  # a regnal number: "iii"


@cache
def parse_person(name: str, language: str = "fr") -> PersonName:
    """Given names, surname and regnal number of a person's name as a document writes it."""
    particles = _words(language, "name_particles.tsv")
    words = [w for w in (_fold_word(word) for word in _OCR_HYPHEN.sub("", name).replace("’", "'").split()) if w]
    ordinal = None
    if len(words) > 1 and _ROMAN.match(words[-1]):
        ordinal = "i" if words[-1] in ("1er", "ier", "1re", "ire") else words[-1]
        words = words[:-1]
    if not words:
        return PersonName((), fold_name(name), ordinal)
    last = words[-1]
    for particle in particles:  # "d'Orléans" is filed under "orleans"
        if particle.endswith("'") and last.startswith(particle) and len(last) > len(particle):
            last = last[len(particle):]
    given: list[str] = []
    for word in words[:-1]:
        if word in particles:
            break
        given.append(word)
    if ordinal is not None:  # "Frédéric III", "Louis-Philippe Ier": one name and its number
        return PersonName(tuple(words[:-1]), last, ordinal)
    return PersonName(tuple(given), last, None)


_NUMBER = re.compile(r"^(?:\d+|[ivxlc]+)(?:e|er|re|eme|ieme|o|º|°)?$")


@cache
def _unit_of_its_document(name: str, language: str) -> str | None:
    """Why a unit's name says which unit only inside its document ("le régiment", "2e bataillon"), or None."""
    words = [w for w in (_fold_word(word) for word in name.replace("’", "'").split()) if w]
    numbered = [i for i, word in enumerate(words) if _NUMBER.match(word)]
    if not numbered:
        return "a unit named without its number: its document's own"
    levels = _unit_levels(language)
    kind = next((levels[w] for w in words[numbered[0] + 1:] if w in levels), None)
    if kind == "subunit":
        return "a subunit, numbered inside its parent: not grouped across documents"
    return None


@cache
def _unit_levels(language: str) -> dict[str, str]:
    if not exists(language, "corpus", "unit_levels.tsv"):
        return {}
    return {_fold_word(row[0]): row[1] for row in load_rows(language, "corpus", "unit_levels.tsv")}


@cache
def _block(entity_type: str, name: str, folded: str, language: str) -> str:
    return block_of(entity_type, name, folded, language)


def block_of(entity_type: str, name: str, folded: str, language: str = "fr") -> str:
    if entity_type == PERSON:
        return f"{PERSON}:{parse_person(name, language).surname}"
    return f"{entity_type}:{folded}"


def given_agree(a: tuple[str, ...], b: tuple[str, ...]) -> str | None:
    """How two lists of given names agree ("same" or "initials"), or None when they do not."""
    if a == b:
        return "same"
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    for x, y in zip(shorter, longer, strict=False):
        if x == y:
            continue
        if _INITIAL.match(x) and y.startswith(x) or _INITIAL.match(y) and x.startswith(y):
            continue
        return None
    return "initials"


@dataclass
class Member:
    doc: int
    doc_id: str
    entity: str
    type: str
    name: str
    folded: str
    language: str
    ambiguous: bool
    years: tuple[int, int] | None
    context: frozenset[str] = frozenset()  # the folded names of the other entities of its document

    @property
    def person(self) -> PersonName:
        return parse_person(self.name, self.language)

    @property
    def key(self) -> tuple[str, str]:
        """How the user's corrections name a member: stable when its document is added again."""
        return (self.doc_id, self.folded)

    @property
    def block(self) -> str:
        return _block(self.type, self.name, self.folded, self.language)


# ---------------------------------------------------------------------------------------------
# Reading members


_MEMBER = ("SELECT e.doc, d.id, e.id, e.type, e.name, e.folded, coalesce(d.language, 'fr'), e.ambiguous_between "
           "FROM entities e JOIN documents d ON d.doc = e.doc ")


def _years_of(conn: sqlite3.Connection, doc: int) -> dict[str, tuple[int, int]]:
    """The years each entity of `doc` acts in: the dates (no wider than ten years) of the events it
    takes part in. A date merely in the same sentence is not enough ("the statue of Voltaire was
    unveiled yesterday")."""
    years: dict[str, list[int]] = {}
    for entity, earliest, latest in conn.execute(
            "SELECT ee.entity, ev.earliest, ev.latest FROM event_entities ee JOIN events ev "
            "ON ev.doc = ee.doc AND ev.id = ee.event WHERE ee.doc = ? AND ee.entity IS NOT NULL "
            "AND ev.earliest IS NOT NULL", (doc,)):
        first, last = _year(earliest), _year(latest or earliest)
        if first is not None and last is not None and 0 <= last - first <= 10:
            years.setdefault(entity, []).extend((first, last))
    return {entity: (min(found), max(found)) for entity, found in years.items()}


def _story_years(conn: sqlite3.Connection, doc: int) -> tuple[int, int] | None:
    """The years a document's story mostly runs in (the middle half of its dated happenings, else of
    the years its dates name), for an entity that takes part in no dated event: a memoir of 1871
    naming "Bonaparte" speaks of its own time, not of 1808."""
    years = sorted(year for (year,) in conn.execute(
        "SELECT CAST(substr(earliest, 1, 4) AS INTEGER) FROM events WHERE doc = ? AND happening = 1 "
        "AND earliest GLOB '[0-9][0-9][0-9][0-9]*' AND latest GLOB '[0-9][0-9][0-9][0-9]*' "
        "AND CAST(substr(latest, 1, 4) AS INTEGER) - CAST(substr(earliest, 1, 4) AS INTEGER) <= 10", (doc,)))
    if not years:  # no dated happening: the years its dates name
        years = sorted(year for (year,) in conn.execute(
            "SELECT CAST(substr(value, 1, 4) AS INTEGER) FROM timexes WHERE doc = ? AND type = 'DATE' "
            "AND value GLOB '[0-9][0-9][0-9][0-9]*'", (doc,)))
    if not years:
        return None
    return years[len(years) // 4], years[(3 * len(years)) // 4]


def _year(date: str | None) -> int | None:
    match = re.match(r"^(-?\d{4})", date or "")
    return int(match.group(1)) if match else None


def _members(conn: sqlite3.Connection, where: str, params: Iterable[object],
             wanted: set[tuple[int, str]] | None = None) -> list[Member]:
    """The entities `where` selects (only those of `wanted`, when given), with the years they are seen in."""
    rows = conn.execute(_MEMBER + where, tuple(params)).fetchall()
    years: dict[int, dict[str, tuple[int, int]]] = {}
    story: dict[int, tuple[int, int] | None] = {}
    members = []
    for doc, doc_id, entity, kind, name, folded, language, ambiguous in rows:
        if wanted is not None and (doc, entity) not in wanted:
            continue
        if doc not in years:
            years[doc] = _years_of(conn, doc)
            story[doc] = _story_years(conn, doc)
        # The document's own date says when it was written, not when they lived: never used here.
        seen = years[doc].get(entity) or story[doc]
        members.append(Member(doc, doc_id, entity, kind, name, folded, language, json.loads(ambiguous) != [], seen))
    return members


@dataclass(frozen=True)
class _Placed:
    """Where a member stood before a regrouping, as the store holds it."""

    corpus_entity: int
    score: float
    evidence: str


def _stored(conn: sqlite3.Connection, blocks: set[str]) -> tuple[list[Member], dict[tuple[int, str], _Placed]]:
    """The members grouped in `blocks` now, read in one query with the years kept for them."""
    members: list[Member] = []
    placed: dict[tuple[int, str], _Placed] = {}
    ordered = sorted(blocks)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start:start + 500]
        for row in conn.execute(
                "SELECT m.doc, d.id, m.entity, e.type, e.name, e.folded, coalesce(d.language, 'fr'), "
                "e.ambiguous_between, m.first_year, m.last_year, m.corpus_entity, m.score, m.evidence "
                "FROM corpus_entity_members m JOIN entities e ON e.doc = m.doc AND e.id = m.entity "
                f"JOIN documents d ON d.doc = m.doc WHERE m.block IN ({', '.join('?' for _ in chunk)})", chunk):
            doc, doc_id, entity, kind, name, folded, language, ambiguous, first, last, group, score, evidence = row
            years = (first, last) if first is not None and last is not None else None
            members.append(Member(doc, doc_id, entity, kind, name, folded, language, json.loads(ambiguous) != [],
                                  years))
            placed[(doc, entity)] = _Placed(group, score, evidence)
    return members, placed


def _with_context(conn: sqlite3.Connection, members: list[Member], given_names: frozenset[str]) -> list[Member]:
    """The context (other names of its document) of each given name standing alone: the one rule that reads it."""
    names: dict[int, list[tuple[str, str]]] = {}
    out = []
    for member in members:
        person = member.person if member.type == PERSON else None
        if person is not None and not person.given and person.ordinal is None and person.surname in given_names:
            if member.doc not in names:
                names[member.doc] = conn.execute("SELECT id, folded FROM entities WHERE doc = ?",
                                                 (member.doc,)).fetchall()
            member.context = frozenset(other for key, other in names[member.doc]
                                       if key != member.entity and other != member.folded)
        out.append(member)
    return out


# ---------------------------------------------------------------------------------------------
# Grouping one set of blocks


@dataclass
class _Group:
    members: list[Member]
    evidence: dict[tuple[int, str], tuple[float, list[str]]]
    documents: set[int] = field(default_factory=set)
    years: tuple[int, int] | None = None
    names: set[PersonName] = field(default_factory=set)  # the persons' names of its members, each once
    keys: set[tuple[str, str]] = field(default_factory=set)

    def add(self, member: Member) -> None:
        self.members.append(member)
        self.documents.add(member.doc)
        self.keys.add(member.key)
        if member.type == PERSON:
            self.names.add(member.person)
        if member.years is not None:
            self.years = member.years if self.years is None else (
                min(self.years[0], member.years[0]), max(self.years[1], member.years[1]))


def _fits(years: tuple[int, int] | None, other: tuple[int, int] | None, width: int) -> bool:
    if years is None or other is None:
        return True
    return max(years[1], other[1]) - min(years[0], other[0]) <= width


def _apart(group: _Group, member: Member, splits: set[frozenset[tuple[str, str]]]) -> bool:
    """True when a rule keeps a person `member` out of `group` whatever the names say: its document
    holds another member (it decided they differ), or the user split them."""
    return member.doc in group.documents or _split(group, member, splits)


def _split(group: _Group, member: Member, splits: set[frozenset[tuple[str, str]]]) -> bool:
    """True when the user split `member` from a member of `group`. (Places, units and ships of one
    name in one document, "Verdun" and "VERDUN", are one place: only persons keep the document's word.)"""
    return bool(splits) and any(frozenset((member.key, key)) in splits for key in group.keys)


def group_members(members: list[Member], merges: list[tuple[tuple[str, str], tuple[str, str]]],
                  splits: set[frozenset[tuple[str, str]]], given_names: frozenset[str]) -> list[_Group]:
    """The groups of `members` (all of the blocks being regrouped), deterministic whatever their order."""
    members = sorted(members, key=lambda m: (m.doc_id, m.entity))
    groups: list[_Group] = []
    placed: dict[tuple[int, str], _Group] = {}

    def put(member: Member, group: _Group | None, score: float, why: list[str]) -> None:
        if group is None:
            group = _Group([], {})
            groups.append(group)
        if len(group.members) == 1:  # a member alone until now: joined for this reason
            key = (group.members[0].doc, group.members[0].entity)
            if any(reason.startswith(ALONE) for reason in group.evidence[key][1]):
                group.evidence[key] = (score, why)
        group.add(member)
        group.evidence[(member.doc, member.entity)] = (score, why)
        placed[(member.doc, member.entity)] = group

    by_key: dict[tuple[str, str], list[Member]] = {}
    for member in members:
        by_key.setdefault(member.key, []).append(member)
    for a, b in merges:  # the user's word first
        for first in by_key.get(a, []):
            for second in by_key.get(b, []):
                group = placed.get((first.doc, first.entity))
                if group is None:
                    put(first, None, 1.0, ["merged by the user"])
                    group = placed[(first.doc, first.entity)]
                other = placed.get((second.doc, second.entity))
                if other is group:
                    continue
                if other is not None:
                    for moved in list(other.members):
                        put(moved, group, 1.0, ["merged by the user"])
                    groups.remove(other)
                else:
                    put(second, group, 1.0, ["merged by the user"])

    persons = [m for m in members if m.type == PERSON]
    others = [m for m in members if m.type != PERSON]
    for member in others:
        if (member.doc, member.entity) in placed:
            continue
        if member.ambiguous:
            put(member, None, 1.0, ["ambiguous in its document: not grouped"])
            continue
        if member.type == "unit":
            own = _unit_of_its_document(member.name, member.language)
            if own is not None:
                put(member, None, 1.0, [own])
                continue
        target = next((g for g in groups if g.members[0].type == member.type and g.members[0].folded == member.folded
                       and not g.members[0].ambiguous and not _split(g, member, splits)
                       and (member.type != "unit" or _fits(g.years, member.years, UNIT_YEARS))), None)
        put(member, target, 1.0, ["same type and name"] if target else ["no other document names it so"])

    full = [m for m in persons if m.person.given and not m.ambiguous]
    bare = [m for m in persons if not m.person.given and not m.ambiguous]
    for member in persons:
        if member.ambiguous and (member.doc, member.entity) not in placed:
            put(member, None, 1.0, ["ambiguous in its document: not grouped"])

    def person_groups() -> list[_Group]:
        return [g for g in groups if g.members[0].type == PERSON]

    def compatible(group: _Group, member: Member) -> str | None:
        name = member.person
        agreements = []
        for theirs in group.names:
            if not theirs.given:  # a surname alone joined this group for its full names (or by the user's word)
                continue
            if theirs.surname != name.surname or theirs.ordinal != name.ordinal:
                return None
            agreement = given_agree(theirs.given, name.given)
            if agreement is None:
                return None
            agreements.append(agreement)
        if _apart(group, member, splits) or not _fits(group.years, member.years, LIFE_YEARS):
            return None
        return "same" if all(a == "same" for a in agreements) else "initials"

    for pass_ in ("same", "initials"):  # the surest joins first, so an initial cannot bridge two names
        for member in full:
            if (member.doc, member.entity) in placed:
                continue
            fits = [(g, compatible(g, member)) for g in person_groups()]
            fits = [(g, how) for g, how in fits if how is not None and (pass_ == "initials" or how == "same")]
            if pass_ == "same" and fits:
                g = fits[0][0]
                put(member, g, 1.0, [f"same name: {' '.join(member.person.given)} {member.person.surname}",
                                     _years_text(g, member)])
            elif pass_ == "initials" and len(fits) == 1:
                put(member, fits[0][0], 0.9, ["given names agree (initials or fewer names)", _years_text(fits[0][0],
                                                                                                         member)])
            elif pass_ == "initials":
                put(member, None, 1.0, ["no other document names this person"] if not fits else
                    ["given names fit several persons: not merged"])
    with_given = [g for g in person_groups() if g.members[0].person.given]

    for member in bare:
        if (member.doc, member.entity) in placed:
            continue
        name = member.person
        is_given = name.surname in given_names and name.ordinal is None
        candidates = [] if is_given else [
            g for g in with_given if g.members[0].person.surname == name.surname
            and all(n.ordinal == name.ordinal for n in g.names)
            and not _apart(g, member, splits) and member.years is not None and g.years is not None
            and _fits(g.years, member.years, BARE_YEARS)]
        same_surname = [g for g in with_given if g.members[0].person.surname == name.surname]
        if len(candidates) == 1 and len(same_surname) == 1:
            put(member, candidates[0], 0.8, ["surname alone; one person of that name in the corpus",
                                            _years_text(candidates[0], member)])
            continue
        if same_surname:
            put(member, None, 1.0, [f"surname alone, shared by {len(same_surname)} persons: not merged"])
            continue
        alone = [g for g in person_groups() if not g.members[0].person.given
                 and all(n.surname == name.surname and n.ordinal == name.ordinal for n in g.names)
                 and not _apart(g, member, splits) and member.years is not None and g.years is not None
            and _fits(g.years, member.years, BARE_YEARS)]
        if is_given:  # "Pierre" alone in two documents is two men, unless their documents speak of the same things
            alone = [g for g in alone if all(len(m.context & member.context) >= CONTEXT_NAMES for m in g.members)]
        if len(alone) == 1:
            shared = sorted(set.intersection(*(set(m.context) for m in alone[0].members), member.context))
            why = ["same single name", _years_text(alone[0], member)]
            put(member, alone[0], 0.6 if is_given else 0.7,
                why + ([f"a given name alone, the same context: {', '.join(shared[:4])}"] if is_given else []))
        else:
            put(member, None, 1.0, ["a given name alone: not merged across documents" if is_given
                                    else "no other document names this person so"])
    return groups


def _years_text(group: _Group, member: Member) -> str:
    theirs, mine = group.years, member.years
    if theirs is None or mine is None:
        return "no dates to compare"
    return f"dates agree ({_span(theirs)} and {_span(mine)})"


def _span(years: tuple[int, int]) -> str:
    return str(years[0]) if years[0] == years[1] else f"{years[0]}–{years[1]}"


# ---------------------------------------------------------------------------------------------
# The store


def _corrections(conn: sqlite3.Connection) -> tuple[list[tuple[tuple[str, str], tuple[str, str]]],
                                                    set[frozenset[tuple[str, str]]]]:
    merges, splits = [], set()
    for kind, a_doc, a_name, b_doc, b_name in conn.execute(
            "SELECT kind, a_doc, a_name, b_doc, b_name FROM corpus_corrections ORDER BY correction"):
        if kind == "merge":
            merges.append(((a_doc, a_name), (b_doc, b_name)))
            splits.discard(frozenset(((a_doc, a_name), (b_doc, b_name))))
        else:
            splits.add(frozenset(((a_doc, a_name), (b_doc, b_name))))
            merges = [m for m in merges if frozenset(m) != frozenset(((a_doc, a_name), (b_doc, b_name)))]
    return merges, splits


def _closure(conn: sqlite3.Connection, blocks: set[str],
             merges: list[tuple[tuple[str, str], tuple[str, str]]]) -> set[str]:
    """`blocks` and every block a user's merge ties to them."""
    if not merges:
        return blocks
    key_blocks: dict[tuple[str, str], set[str]] = {}
    for a, b in merges:
        for key in (a, b):
            if key not in key_blocks:
                key_blocks[key] = {m.block for m in _members(conn, "WHERE d.id = ? AND e.folded = ?", key)}
    result = set(blocks)
    changed = True
    while changed:
        changed = False
        for a, b in merges:
            tied = key_blocks[a] | key_blocks[b]
            if tied & result and not tied <= result:
                result |= tied
                changed = True
    return result


def regroup(conn: sqlite3.Connection, blocks: set[str] | None = None, fresh: Sequence[Member] = ()) -> None:
    """Recompute the groups of `blocks` (every block when None), whose members are the entities
    grouped there now plus the `fresh` ones (read from a document just stored) falling in them; inside
    the caller's transaction.
    Only what changed is written: adding a document to a block of a thousand members writes its own
    members, not the thousand."""
    merges, splits = _corrections(conn)
    if blocks is None:
        conn.execute("UPDATE entities SET corpus_entity = NULL")
        conn.execute("DELETE FROM corpus_entity_members")
        conn.execute("DELETE FROM corpus_entities")
        members, placed = _members(conn, "", ()), {}
    else:
        blocks = _closure(conn, blocks, merges)
        if not blocks:
            return
        corrected = {m.block for key in {k for pair in merges for k in pair} | {k for pair in splits for k in pair}
                     for m in _members_named(conn, key)} if merges or splits else set()
        simple = {b for b in blocks if b.split(":", 1)[0] not in (PERSON, "unit") and b not in corrected}
        if simple:
            _attach(conn, simple, fresh)
            blocks = blocks - simple
            if not blocks:
                return
        members, placed = _stored(conn, blocks)
        members += [m for m in fresh if m.block in blocks and (m.doc, m.entity) not in placed]
    given = _words("fr", "given_names.tsv")
    members = _with_context(conn, members, given)
    groups = [group for part in _partitions(members, merges) for group in group_members(part, merges, splits, given)]
    _write(conn, groups, placed)


def _members_named(conn: sqlite3.Connection, key: tuple[str, str]) -> list[Member]:
    return _members(conn, "WHERE d.id = ? AND e.folded = ?", key)


def _attach(conn: sqlite3.Connection, blocks: set[str], fresh: Sequence[Member]) -> None:
    """Places, ships and organisations of `fresh` put in their block's one group (the same type and
    name), or alone when their document calls them ambiguous, without reading the block's other
    members: what `group_members` decides for them, at the cost of the new members only."""
    for member in fresh:
        block = member.block
        if block not in blocks or conn.execute("SELECT 1 FROM corpus_entity_members WHERE doc = ? AND entity = ?",
                                               (member.doc, member.entity)).fetchone():
            continue
        joined = None if member.ambiguous else conn.execute(
            "SELECT m.corpus_entity, count(*) FROM corpus_entity_members m WHERE m.block = ? "
            "AND m.evidence NOT LIKE '%ambiguous%' GROUP BY m.corpus_entity ORDER BY m.corpus_entity LIMIT 1",
            (block,)).fetchone()
        why = ["ambiguous in its document: not grouped"] if member.ambiguous else (
            ["same type and name"] if joined else ["no other document names it so"])
        evidence = _json(tuple(why))
        if joined is None:
            cursor = conn.execute("INSERT INTO corpus_entities (type, key, name, method, score, evidence) "
                                  "VALUES (?, ?, ?, 'alone', 1.0, ?)",
                                  (member.type, f"{block}#?{member.doc_id}/{member.entity}", member.name,
                                   evidence))
            group = int(cursor.lastrowid or 0)
            conn.execute("UPDATE corpus_entities SET key = ? WHERE corpus_entity = ?", (f"{block}#{group}", group))
        else:
            group, size = joined
            if size == 1:  # its one member was alone until now
                conn.execute("UPDATE corpus_entity_members SET evidence = ? WHERE corpus_entity = ?",
                             (evidence, group))
            conn.execute("UPDATE corpus_entities SET method = 'names-and-dates', evidence = ? "
                         "WHERE corpus_entity = ?", (evidence, group))
        years = member.years or (None, None)
        conn.execute("INSERT INTO corpus_entity_members (corpus_entity, doc, entity, score, evidence, block, "
                     "first_year, last_year) VALUES (?, ?, ?, 1.0, ?, ?, ?, ?)",
                     (group, member.doc, member.entity, evidence, block, years[0], years[1]))
        conn.execute("UPDATE entities SET corpus_entity = ? WHERE doc = ? AND id = ?",
                     (group, member.doc, member.entity))


def _partitions(members: list[Member], merges: list[tuple[tuple[str, str], tuple[str, str]]]) -> list[list[Member]]:
    """The members by block, blocks tied by a user's merge kept together: groups never cross a partition."""
    parent: dict[str, str] = {}

    def root(block: str) -> str:
        while parent.get(block, block) != block:
            block = parent[block]
        return block

    blocks_of: dict[tuple[str, str], set[str]] = {}
    for member in members:
        blocks_of.setdefault(member.key, set()).add(member.block)
    for a, b in merges:
        tied = sorted(blocks_of.get(a, set()) | blocks_of.get(b, set()))
        for block in tied[1:]:
            parent[root(block)] = root(tied[0])
    parts: dict[str, list[Member]] = {}
    for member in members:
        parts.setdefault(root(member.block), []).append(member)
    return [parts[key] for key in sorted(parts)]


@cache
def _json(reasons: tuple[str, ...]) -> str:
    return json.dumps(list(reasons))


def _write(conn: sqlite3.Connection, groups: list[_Group], placed: dict[tuple[int, str], _Placed]) -> None:
    """Store `groups`, keeping the number of a former group that most of a new one's members were in."""
    taken: set[int] = set()
    for group in sorted(groups, key=lambda g: -len(g.members)):
        counts: dict[int, int] = {}
        for member in group.members:
            was = placed.get((member.doc, member.entity))
            if was is not None:
                counts[was.corpus_entity] = counts.get(was.corpus_entity, 0) + 1
        reuse = min((n for n in counts if n not in taken), key=lambda n: (-counts[n], n), default=None)
        first = min(group.members, key=lambda m: (m.doc_id, m.entity))
        name = max((m.name for m in group.members), key=lambda n: (len(n.split()), len(n), n))
        score = min(score for score, _ in group.evidence.values())
        reasons = json.dumps(list(dict.fromkeys(why for _, whys in group.evidence.values() for why in whys)))
        method = "user" if any("merged by the user" in whys for _, whys in group.evidence.values()) else (
            "names-and-dates" if len(group.documents) > 1 else "alone")
        if reuse is None:
            # The key names the group by its block and number: written once the number is known.
            cursor = conn.execute("INSERT INTO corpus_entities (type, key, name, method, score, evidence) "
                                  "VALUES (?, ?, ?, ?, ?, ?)", (first.type, f"{first.block}#?{first.doc_id}/"
                                                                f"{first.entity}", name, method, score, reasons))
            corpus_entity = int(cursor.lastrowid or 0)
            conn.execute("UPDATE corpus_entities SET key = ? WHERE corpus_entity = ?",
                         (f"{first.block}#{corpus_entity}", corpus_entity))
        else:
            corpus_entity = reuse
            conn.execute("UPDATE corpus_entities SET name = ?, method = ?, score = ?, evidence = ? "
                         "WHERE corpus_entity = ?", (name, method, score, reasons, corpus_entity))
        taken.add(corpus_entity)
        for member in group.members:
            member_score, why = group.evidence[(member.doc, member.entity)]
            evidence = _json(tuple(why))
            was = placed.get((member.doc, member.entity))
            if was == _Placed(corpus_entity, member_score, evidence):
                continue
            if was is None:
                years = member.years or (None, None)
                conn.execute("INSERT INTO corpus_entity_members (corpus_entity, doc, entity, score, evidence, block, "
                             "first_year, last_year) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             (corpus_entity, member.doc, member.entity, member_score, evidence, member.block,
                              years[0], years[1]))
            else:
                conn.execute("UPDATE corpus_entity_members SET corpus_entity = ?, score = ?, evidence = ? "
                             "WHERE doc = ? AND entity = ?", (corpus_entity, member_score, evidence, member.doc,
                                                              member.entity))
            if was is None or was.corpus_entity != corpus_entity:
                conn.execute("UPDATE entities SET corpus_entity = ? WHERE doc = ? AND id = ?",
                             (corpus_entity, member.doc, member.entity))
    for former in {was.corpus_entity for was in placed.values()} - taken:
        conn.execute("DELETE FROM corpus_entities WHERE corpus_entity = ?", (former,))


def link_document(conn: sqlite3.Connection, doc: int, blocks_before: set[str] | None = None) -> None:
    """Regroup the blocks document `doc`'s entities fall in (and those its former version fell in)."""
    fresh = _members(conn, "WHERE e.doc = ?", (doc,))
    regroup(conn, {m.block for m in fresh} | (blocks_before or set()), fresh)


def unlink_document(conn: sqlite3.Connection, doc: int) -> set[str]:
    """Take document `doc`'s entities out of their groups; returns the blocks they were in."""
    rows = conn.execute("SELECT DISTINCT block, corpus_entity FROM corpus_entity_members WHERE doc = ?",
                        (doc,)).fetchall()
    conn.execute("DELETE FROM corpus_entity_members WHERE doc = ?", (doc,))
    conn.executemany("DELETE FROM corpus_entities WHERE corpus_entity = ? AND NOT EXISTS "
                     "(SELECT 1 FROM corpus_entity_members m WHERE m.corpus_entity = ?)",
                     [(group, group) for _, group in rows])
    return {block for block, _ in rows}


def drop_empty(conn: sqlite3.Connection) -> None:
    """Groups left with no member (their documents replaced or removed) go."""
    conn.execute("DELETE FROM corpus_entities WHERE corpus_entity NOT IN "
                 "(SELECT corpus_entity FROM corpus_entity_members)")


def correct(conn: sqlite3.Connection, kind: str, a: tuple[str, str], b: tuple[str, str]) -> None:
    """Record a user's merge or split of two members (document id, folded name) and regroup their
    blocks, inside the caller's transaction."""
    conn.execute("INSERT INTO corpus_corrections (kind, a_doc, a_name, b_doc, b_name) VALUES (?, ?, ?, ?, ?)",
                 (kind, a[0], a[1], b[0], b[1]))
    named = [m for key in (a, b) for m in _members_named(conn, key)]
    regroup(conn, {m.block for m in named}, named)
