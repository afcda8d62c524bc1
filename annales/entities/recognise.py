"""Mention candidates: what the text's own patterns say (ranks before names, unit designations,
ships with hull numbers), and what the statistical NER proposes. Nothing is decided here.

Patterns are built from the language data in `resources/*/entities/`; the shapes of names
(capitalised words, initials, ordinals, hull codes) are written here because they are the same
in every language written in the Latin alphabet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from annales.common.first_chars import with_lookahead
from annales.common.parse import tags
from annales.common.resources import alternation, exists, load_rows, ordinal_suffixes
from annales.common.text import fold
from annales.entities.gazetteer import CITY, HISTORICAL, TIERS, place_tier
from annales.entities.lexicon import NameLexicon, name_lexicon, squeeze
from annales.entities.typing_words import typing_words

# A capitalised word (\w takes accents and macrons: "Saichirō"); hyphenated parts are capitalised too
# ("Jean-Claude", "Sun-Yat-Sen"), so "Cotti-le" stops at "Cotti".
CAP = r"[A-ZÀ-ÖØ-Þ][\w’']+(?:-[A-ZÀ-ÖØ-Þ][\w’']*)*"  # two letters at least: a lone capital is an initial
INITIAL = r"[A-Z]\."
ORDINAL_EN = r"\d+(?:st|nd|rd|th)"
ORDINAL_ROMAN = r"[IVXL]+(?:e|è|ème|er)"
HULL = r"[A-Z]{1,4}-\d{1,4}"
MAX_OCR_TITLE = 3  # a title this short may be followed by a stray comma ("M, Kellogg")
SPACE = r"[ \t\u00a0\u202f]+"
CAPS = r"[A-ZÀ-Ý][A-ZÀ-Ý'’-]{2,}"  # a word in capitals
SPACE_OPT = r"[ \t\u00a0\u202f]*"
# spaCy labels we read; MISC is too mixed (works, events, nationalities) to take as it is.
NER_TYPES = {"PER": "person", "LOC": "place", "ORG": "organization", "PROD": "work", "MISC": "misc"}


@dataclass
class Candidate:
    start: int
    end: int
    type: str
    source: str  # "rank", "unit", "ship", "ner", "cue", "list" (an item of a ranked list), "credit", "propagated"…
    rank: str | None = None  # canonical rank, title or office written before the name (lexicon.rank says which)
    rank_span: tuple[int, int] | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    key: str = ""  # what identifies the referent across the text

    @property
    def strong(self) -> bool:
        return self.source in ("rank", "unit", "ship", "dateline", "signature", "institution")


@cache
def _alternation_of(language: str, name: str, fold: bool = True, layer: str = "entities") -> str:
    """A regex alternation of the first column of a resource file (never empty: "(?!)" matches nothing)."""
    return alternation([r[0] for r in load_rows(language, layer, name)], fold_case=fold) or "(?!)"


@cache
def _context_words(language: str, kind: str) -> str:
    """A regex alternation of the words of one kind of `name_context_words.tsv` (an apostrophe
    matches either form)."""
    rows = load_rows(language, "entities", "name_context_words.tsv", 2)
    return alternation([word for k, word in rows if k == kind], fold_case=True) or "(?!)"


def _org_cues(language: str) -> str:
    """The nouns of an organisation written in lower case before its name (org_cues.tsv)."""
    return alternation([r[0] for r in load_rows(language, "entities", "org_cues.tsv") if r[1] in ("cue", "both")])


def _org_heads(language: str) -> str:
    """The nouns of an institution, capitalised, that open its name (org_cues.tsv)."""
    return alternation([r[0].capitalize() for r in load_rows(language, "entities", "org_cues.tsv")
                        if r[1] in ("head", "both")])


def _particles(language: str) -> str:
    return _alternation_of(language, "name_particles.tsv", fold=False, layer="common")


def _particle_between(language: str) -> str:
    """A particle inside a name, then a space or nothing after an elision: "von ", "de ", "d'"."""
    return rf"(?:{_particles(language)})(?:{SPACE}|(?<=['’]))"


def _abbreviated_given_names(language: str) -> str:
    return _alternation_of(language, "given_name_abbreviations.tsv", fold=False, layer="common")


def _months(language: str) -> str:
    return _alternation_of(language, "months.tsv", layer="common")


def _place_prefixes(language: str) -> str:
    return _alternation_of(language, "place_prefixes.tsv", fold=False)


def _not_name_parts(language: str) -> str:
    return _alternation_of(language, "not_name_parts.tsv", fold=False)


@cache
def name_pattern(language: str) -> str:
    """A personal name: capitalised words and initials, with particles inside ("Charles de Gaulle");
    never a capitalised function word ("… Victoria Ce …"). A name does not start with a particle:
    after a title, "de" names a place more often than a person ("la reine de Portugal")."""
    # An initial or an abbreviated given name first ("F.", "Ch."): either is no word.
    part = rf"(?!(?:{_not_name_parts(language)})(?![\w’'-]))(?:{_abbreviated_given_names(language)}|{INITIAL}|{CAP})"
    particle = rf"(?:{_particles(language)}){SPACE_OPT}"
    # Names never run across a line break: the next line is a heading or a new paragraph.
    return rf"{part}(?:{SPACE}(?:{particle})?{part}){{0,4}}"


def _ordinal_articles(language: str) -> list[str]:
    """The articles after which a bare number is an ordinal (ordinal_articles.tsv), capitalised too."""
    if not exists(language, "entities", "ordinal_articles.tsv"):
        return []
    words = [r[0] for r in load_rows(language, "entities", "ordinal_articles.tsv", 1)]
    return words + [w.capitalize() for w in words]


def _roman_ordinal(language: str) -> str:
    """A Roman ordinal that is not a function word spelt like one: "Le régiment" is not the 50e."""
    words = [row[0] for name in ("determiners.tsv", "function_words.tsv")
             for row in load_rows(language, "entities", name)]
    lookalikes = sorted({w.capitalize() for w in words if re.fullmatch(ORDINAL_ROMAN, w.capitalize())})
    return rf"(?!(?:{'|'.join(map(re.escape, lookalikes))})(?![\w])){ORDINAL_ROMAN}" if lookalikes else ORDINAL_ROMAN


def _searched(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern searched for over the whole text that opens on a look-behind or a line's start:
    behind a lookahead for its first characters (see `first_chars`), the same matches, sooner. Not
    for a pattern that opens on a word of a long list (a rank, a noun of a person): nearly every
    letter may begin it, and the lookahead would cost more than it rejects."""
    return re.compile(with_lookahead(pattern, flags), flags)


@cache
def _patterns(language: str) -> dict[str, re.Pattern[str]]:
    lexicon = name_lexicon(language)
    name = name_pattern(language)
    suffixes = "|".join(map(re.escape, ordinal_suffixes(language))) or "(?!)"
    # OCR drops an ordinal's suffix ("le 7 régiment", "la 34 division"); after a singular article the
    # number can only be an ordinal. Not 1, whose suffix tells the gender ("1er", "1re").
    singular = "|".join(rf"(?<=(?<![\w'’]){re.escape(d)} )" for d in _ordinal_articles(language))
    bare = rf"(?:{singular})(?:[2-9]|[1-9]\d{{1,2}})(?= )" if singular else "(?!)"
    ordinal_fr = rf"(?:\d+(?:{suffixes})|{_roman_ordinal(language)}|{bare})"
    # A ship's name: up to three capitalised words, a particle between two ("Jeanne d'Arc", "Ville de Paris").
    ship_name = rf"{CAP}(?:{SPACE}(?:{_particle_between(language)})?{CAP}){{0,2}}"
    return {
        # OCR glues a dotted title to the name at a line's end: "M.Barnaud".
        "rank_prefix": re.compile(rf"(?i:{lexicon.rank_pattern})(?:\s+|(?<=\.))(?=[A-ZÀ-ÖØ-Þ])"),
        # OCR writes "M, Kellogg" for "M. Kellogg": a stray comma after a title is allowed. A rank (not a
        # title) may take a name that starts with a particle: "le général de Gaulle", not "la reine de Portugal".
        # OCR also glues a dotted title to the name ("M.Barnaud").
        "rank": re.compile(rf"(?<![\w.])(?P<rank>(?i:{lexicon.rank_pattern}))"
                           rf"(?:(?:[ \t]*[,;])?{SPACE}|(?<=\.)(?=[A-Z]))"
                           rf"(?P<particle>(?:{_particles(language)}){SPACE_OPT})?(?P<name>{name})(?![\w])"),
        "unit_en": _searched(
            rf"(?<![\w])(?P<ordinal>{ORDINAL_EN})\s+(?P<body>(?:{CAP}\s+){{0,4}}?)(?P<head>{lexicon.unit_noun_pattern})"
            rf"(?![\w])(?:\s*\((?P<abbr>[A-Z]{{1,4}})\))?"),
        "unit_abbr": _searched(
            rf"(?<![\w])(?P<ordinal>{ORDINAL_EN}|{ordinal_fr})\s+(?P<abbr>{lexicon.abbreviation_pattern}|l[A-Z])"
            rf"(?![\w])"),
        "unit_fr": _searched(
            rf"(?<![\w])(?P<ordinal>{ordinal_fr})\s+(?P<head>(?i:{lexicon.unit_noun_folded}))(?![\w])"
            # The words that may follow are looked at, not taken: "le 3e bataillon et le 4e
            # bataillon" holds two units, and a taken tail would hide the second from finditer.
            rf"(?=(?P<tail>(?:\s*[\w’'-]+)*))"),
        # "le libraire Martin", "son compatriote Paul Roux": a noun of a person, then the name.
        # The noun first, the determiner checked after: a pattern opening on the nouns' trie is
        # searched many times faster than one opening on a case-insensitive alternation.
        "person_cue": re.compile(
            rf"(?<![\w-])(?:{_alternation_of(language, 'person_nouns.tsv', fold=False)}){SPACE}"
            rf"(?P<name>{CAP}(?:{SPACE}{CAP})?)(?![\w-])"),
        # "Son successeur, Menou, capitule": a name set between commas right after a noun of a person
        "person_apposed": re.compile(
            rf"(?<![\w-])(?:{_alternation_of(language, 'person_nouns.tsv', fold=False)}),[ \t]+"
            rf"(?P<name>{CAP}(?:{SPACE}{CAP})?)[ \t]*,"),
        "person_cue_determiner": re.compile(
            rf"(?:(?<![\w])(?i:{_context_words(language, 'cue-determiner')})[ \t]+|(?<![\w])[lL]['’])$"),
        # "— Tenez ! dit Mario en ramassant…", "s'écria Clindor": the subject of an incise, after the
        # end of a spoken sentence. The verb first (a trie), the punctuation before it checked after.
        "incise": re.compile(
            rf"(?<![\w'’-])(?:{_alternation_of(language, 'incise_verbs.tsv', fold=False, layer='common')}){SPACE}"
            rf"(?P<name>(?!(?:{_not_name_parts(language)})(?![\w’'-])){CAP}(?:{SPACE}{CAP})?)"
            rf"(?=[ \t]*[,.;:!?]|[ \t]+[a-zà-ÿ])"),
        "incise_before": re.compile(r"[,!?»…—–][ \t]*$"),
        "past_name": re.compile(rf"(?P<before>[\w’']+)[ \t]+(?:{_context_words(language, 'name-article')})"
                                rf"[ \t]+(?=[a-zà-ÿ])"),
        # A full name opening on a known given name, in lower case after its capital ("Adolf Ogi",
        # "Jean-Louis Berthier", "Otto von Bismarck") or abbreviated as old papers print it ("Ch.
        # Bonnet"): a man or a woman whatever the NER saw of it.
        "given_full": re.compile(
            rf"(?<![\w’'.-])(?P<name>(?:(?:{_alternation_of(language, 'given_names.tsv', fold=False, layer='common')})"
            rf"(?:-[A-ZÀ-ÖØ-Þ][a-zß-ÿ]+)?"
            rf"|(?:{_abbreviated_given_names(language)}))"
            rf"{SPACE}(?:{_particle_between(language)})?"
            rf"(?!(?:{_not_name_parts(language)})(?![\w’'-])){CAP})(?![\w’'-])"),
        # A full name in capitals opening on a given name: a byline, a photo credit ("PAUL ROUX").
        "caps_name": re.compile(rf"(?P<name>(?P<first>[A-ZÀ-Ý](?<![\w’'-].)[A-ZÀ-Ý]+)"
                                rf"(?:{SPACE}[A-ZÀ-Ý][A-ZÀ-Ý’'-]+){{1,2}})(?![\w’'-])"),
        # "les Chambres fédérales", "le Tribunal fédéral": the capitalised noun of an institution
        # after an article, and an adjective of the kinds institutions take (the NER misses them).
        "org_head": _searched(
            rf"(?<![\w])(?i:{_context_words(language, 'org-article')})[ \t]*(?P<name>(?:{_org_heads(language)})s?"
            rf"[ \t]+[a-zà-ÿ]+(?:{_context_words(language, 'institution-adjective-ending')}))(?![\w-])"),
        # "PARIS, 12 (Havas). —": the agency a telegram is credited to, between parentheses.
        "agency_credit": re.compile(
            rf"\({SPACE_OPT}(?P<name>{_alternation_of(language, 'press_agencies.tsv', fold=False)})"
            rf"(?![\w]){SPACE_OPT}\.?{SPACE_OPT}\)"),
        # A dispatch's dateline credits its agency in parentheses ("TEL-AVIV, 25 (Reuter). —"), whatever
        # the agency and however the OCR spelt it: the place in capitals, the day, the credit.
        "dateline_credit": re.compile(
            rf"(?<![\w]){CAPS},{SPACE}\d{{1,2}}(?:{SPACE}(?i:{_months(language)}))?{SPACE_OPT}"
            rf"\({SPACE_OPT}(?P<name>{CAP}|{CAPS}){SPACE_OPT}\)"),
        # "… pour l'été. (AGX)": an acronym in parentheses after a sentence's end credits the text or
        # the picture before it to an agency; after a name ("Olano (ESP)") it is a country's code.
        "caption_credit": re.compile(rf"(?<=[.!?»]){SPACE}\({SPACE_OPT}(?P<name>[A-Z]{{2,6}}){SPACE_OPT}\)"),
        # "photo Keystone": a caption's credit, one word after the cue (credit_cues.tsv).
        "credit_cue": re.compile(rf"(?<![\w-])(?:{_alternation_of(language, 'credit_cues.tsv', fold=False)}){SPACE}"
                                 rf"(?P<name>{CAP}|{CAPS})(?![\w’'-])"),
        # "l'agence Havas", "le comité Nobel": a lower-case noun of an organisation, then its name.
        "org_cue": re.compile(
            rf"(?<![\w-])(?:{_org_cues(language)}){SPACE}(?P<name>{CAP})(?![\w-])"),
        "place_cue": re.compile(
            rf"(?<![\w])(?i:{lexicon.place_cue_pattern}){SPACE}(?:(?:{_particles(language)}){SPACE_OPT})?"
            rf"(?P<name>{CAP}(?:{SPACE}{CAP}){{0,3}})"),
        # A line or sentence that opens with a place in capitals, then a date or a dash.
        "place_preposition": _searched(
            rf"(?<![\w])(?:{_alternation_of(language, 'place_prepositions.tsv', fold=False)})(?:{SPACE}|(?<=['’]))"
            rf"(?P<name>{CAP})(?![\w])"),
        "dateline": _searched(rf"(?:^|(?<=[.!?»]\s)|(?<=\n))(?P<name>{CAPS}(?: {CAPS})?)(?=\s*[.,]\s*(?:\d|—|–|-))",
                              re.MULTILINE),
        # "Gènes 16 août.", "LONDRES 11 décembre.", "Salonique, 7 novembre.", "Autriche. — Les journaux …"
        "dated_place": _searched(
            rf"(?:^|(?<=[.!?»]\s)|(?<=\n))(?P<name>{CAP}|{CAPS})"
            # A correspondent's dispatch may credit him in lower case between parentheses: "Colombier (corr.). —".
            rf"(?=[ \t]*,?[ \t]*[\dI]{{1,2}}[ \t]*(?i:{_months(language)})(?![\w])"
            rf"|[ \t]*(?:\([a-zà-ÿ][^()\n]{{0,24}}\)[ \t]*)?\.[ \t]*[—–])", re.MULTILINE),
        # After a word or an initial ("M. Zberg (S)", "Evans F. (USA)"), not after a sentence's end:
        # there an acronym is a credit ("caption_credit").
        "country_code": _searched(r"(?:(?<=\w \()|(?<=[^\w.][A-Z]\. \())(?P<name>[A-Z][A-Za-z]{0,3})(?=[),])"),
        "prefixed_place": _searched(rf"(?<![\w-])(?P<name>(?:{_place_prefixes(language)})-{CAP})"),
        "media_cue": _searched(rf"(?<![\w])(?i:{_alternation_of(language, 'media_cues.tsv')}){SPACE}"
                               rf"(?:«{SPACE_OPT})?(?P<name>{CAP}(?:{SPACE}(?:(?:{_particles(language)}){SPACE_OPT})?{CAP}){{0,3}})"),
        "newspaper": _searched(
            rf"(?<![\w])(?:{_alternation_of(language, 'title_openers.tsv', fold=False)}){SPACE_OPT}"
            rf"(?P<name>{_alternation_of(language, 'newspaper_titles.tsv', fold=False)})(?![\w])"),
        # "le Journal officiel", "la Revue militaire suisse": an adjective of the kinds institutions take.
        "media_name": _searched(rf"(?<![\w])(?P<name>(?:{_alternation_of(language, 'media_words.tsv', fold=False)})"
                                rf"(?:{SPACE}[a-zà-ÿ]+(?:{_context_words(language, 'institution-adjective-ending')})"
                                rf"(?![\w’'-]))?"
                                rf"(?:{SPACE}(?:(?:{_particles(language)}|la|le|les|l['’]){SPACE_OPT})?{CAP}){{0,3}})(?![\w])"),
        # "… qu'il ne céderait pas. (Times.)": the paper an item is taken from, credited after it.
        "credited_newspaper": _searched(
            rf"(?<=[.!?»]){SPACE}\({SPACE_OPT}(?P<name>{_alternation_of(language, 'newspaper_titles.tsv', fold=False)})"
            rf"(?![\w]){SPACE_OPT}\.?{SPACE_OPT}\)"),
        # A title between guillemets after an article: "au « Petit Parisien »", "Le « Temps »".
        "quoted_title": _searched(
            rf"(?<![\w])(?i:{_alternation_of(language, 'title_openers.tsv')}){SPACE_OPT}«{SPACE_OPT}"
            # A title's words may be joined by a particle: « Feuille d'Avis de Neuchâtel ».
            rf"(?P<name>{CAP}(?:{SPACE}(?:(?:{_particles(language)}){SPACE_OPT})?{CAP}){{0,4}}){SPACE_OPT}[»>]"),
        # An item of a ranked list ("3. Tchmil (Be, 4 ").", "12. Camenzind. 23. Huser."): a name after its place.
        "ranked_item": _searched(
            rf"(?<![\w.])\d{{1,3}}\.{SPACE}(?P<name>(?:{INITIAL}{SPACE})?(?:(?:{_particles(language)}){SPACE})?"
            rf"{CAP}(?:{SPACE}{CAP})?)(?=[ \t]*[(.,;]|[ \t]+\S*\d|[ \t]+à[ \t]+\S*\d)"),
        # A roster's entry: a surname (in capitals, as lists print it, or not), its particle after it in
        # parentheses, then a bare rank or office between commas ("DUPRAT (de), colonel, mai 1916 à …").
        "roster_item": _searched(
            rf"(?<![\w'’-])(?P<name>{CAP}(?:{SPACE}(?:{_particle_between(language)})?{CAP}){{0,2}})"
            rf"(?:{SPACE_OPT}\((?P<particle>{_particles(language)})\))?{SPACE_OPT},{SPACE}"
            rf"(?P<rank>(?i:{lexicon.rank_pattern})){SPACE_OPT}(?=[,.;])"),
        "ship_prefix": _searched(
            rf"(?<![\w])(?P<prefix>{lexicon.ship_prefix_pattern}){SPACE}(?P<name>{ship_name})"
            rf"(?P<hullpart>\s*\((?P<hull>{HULL})\))?"),
        "ship_noun": _searched(
            rf"(?<![\w])(?i:{lexicon.ship_noun_pattern})\s+(?:(?P<prefix>{lexicon.ship_prefix_pattern})\s+)?"
            rf"(?P<name>{HULL}|{ship_name})(?P<hullpart>\s*\((?P<hull>{HULL})\))?"
            rf"(?:\s+et\s+(?P<name2>{CAP}))?"),
    }


def _is_unit_word(word: str, lexicon: NameLexicon) -> bool:
    folded = word.replace("’", "'").lower()
    return folded in lexicon.unit_words or re.sub(r"^[dl]'", "", folded) in lexicon.unit_words


def _is_connective_before_lowercase(word: str, lexicon: NameLexicon) -> bool:
    return word.replace("’", "'").lower() in lexicon.lowercase_connectives


def _unit_tail(tail: str, lexicon: NameLexicon) -> str:
    """The part of the words after a unit's head noun that still names the unit."""
    kept, length = [], 0
    for m in re.finditer(r"\s*((?:[dl]['’])?[\w-]+)", tail):
        word = m.group(1)
        unit_word = _is_unit_word(word, lexicon)  # "d'infanterie" is "de" + "infanterie"
        gap = m.group(0)[:m.start(1) - m.start(0)]
        # A name never runs over a blank line (the next heading), and over a line's end only with the
        # unit's own words (a hard-wrapped "régiment\nd'infanterie"), never a capitalised word.
        if re.search(r"\n[ \t]*\n", gap) or ("\n" in gap and not unit_word):
            break
        if word[0].isupper() and kept and _is_connective_before_lowercase(kept[-1].group(1), lexicon):
            break  # "le 58e régiment d'artillerie à Bordeaux": "à pied" names the unit, "à" a town does not
        if unit_word or word[0].isupper():
            kept.append(m)
            continue
        break
    # A name never ends on a connective ("de", "du"): drop those at the end.
    while kept and kept[-1].group(1).replace("’", "'").lower() in lexicon.unit_words \
            and len(kept[-1].group(1)) <= 3:
        kept.pop()
    for m in kept:
        length = m.end()
    return tail[:length]


def _written(ordinal: str, language: str) -> str:
    """An ordinal as a name writes it: "340e" for OCR's "340°" and "340ème"; Roman ones as they are."""
    digits = re.match(r"\d+", ordinal)
    if digits is None:
        return ordinal
    suffix = ordinal[digits.end():]
    if not suffix:
        return digits.group() + "e"  # the bare ordinal OCR left after an article (never 1)
    return digits.group() + ordinal_suffixes(language).get(suffix, suffix)


def _ordinal_number(ordinal: str) -> str:
    digits = re.match(r"\d+", ordinal)
    if digits:
        return digits.group()
    roman = re.match(r"[IVXL]+", ordinal)
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total, previous = 0, 0
    for ch in reversed(roman.group() if roman else ""):
        value = values[ch]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return str(total)


def find_units(text: str, language: str, lexicon: NameLexicon) -> list[Candidate]:
    p = _patterns(language)
    found: list[Candidate] = []
    for m in p["unit_en"].finditer(text):
        body = m.group("body").strip()
        head = m.group("head")
        head = head[0].upper() + head[1:]  # English unit names are capitalised: "1st battalion" is a Battalion
        name = f"{m.group('ordinal')} {body + ' ' if body else ''}{head}"
        cand = Candidate(m.start(), m.end(), "unit", "unit", key=_unit_key(m.group("ordinal"), f"{body} {head}"))
        cand.attributes["name"] = name
        if m.group("abbr"):
            cand.attributes["abbreviation"] = m.group("abbr")
        found.append(cand)
    for m in p["unit_abbr"].finditer(text):
        abbr = m.group("abbr")
        if abbr.startswith("l"):  # OCR reads a capital I as a lower-case l ("27th lD")
            abbr = "I" + abbr[1:]
        expansion = lexicon.abbreviation(abbr)
        if expansion is None:
            continue
        cand = Candidate(m.start(), m.end(), "unit", "unit", key=_unit_key(m.group("ordinal"), expansion))
        cand.attributes["name"] = f"{_written(m.group('ordinal'), language)} {expansion}"
        cand.attributes["abbreviation"] = squeeze(abbr)
        found.append(cand)
    for m in p["unit_fr"].finditer(text):
        tail = _unit_tail(m.group("tail"), lexicon)
        end = m.start("tail") + len(tail)
        head = lexicon.unit_nouns.get(m.group("head").lower(), m.group("head").lower())
        # A heading in capitals writes the unit's own words so ("D'INFANTERIE"): the name writes them plainly.
        written = [w.lower() if w.isupper() and _is_unit_word(w, lexicon) else w for w in tail.split()]
        words = " ".join([*(head + " ").split(), *written])
        cand = Candidate(m.start(), end, "unit", "unit", key=_unit_key(m.group("ordinal"), words))
        cand.attributes["name"] = f"{_written(m.group('ordinal'), language)} {words}"
        found.append(cand)
    return found


def _unit_key(ordinal: str, words: str) -> str:
    return f"{_ordinal_number(ordinal)} {' '.join(words.lower().split())}"


def find_ships(text: str, language: str, lexicon: NameLexicon) -> list[Candidate]:
    p = _patterns(language)
    found: list[Candidate] = []
    for kind in ("ship_prefix", "ship_noun"):
        for m in p[kind].finditer(text):
            names = [("name", m.group("name"))]
            if "name2" in m.re.groupindex and m.group("name2"):
                names.append(("name2", m.group("name2")))
            for group, name in names:
                prefix = m.group("prefix")
                start = m.start("prefix") if prefix and group == "name" else m.start(group)
                end = m.end("hullpart") if m.group("hull") and group == "name" else m.end(group)
                full = f"{prefix} {name}" if prefix and group == "name" else name
                cand = Candidate(start, end, "ship", "ship", key=full.lower())
                cand.attributes["name"] = full
                if m.group("hull") and group == "name":
                    cand.attributes["hull"] = m.group("hull")
                found.append(cand)
    return found


def find_cued_places(text: str, language: str) -> list[Candidate]:
    """Places the words themselves announce: a name after a place noun ("l'île de Butaritari", "les
    îles Marshall"), a dateline in capitals ("PARIS, 15 (Havas). —"), a nationality code after a
    name in a results list ("Olano (Esp)"), a prefixed region ("outre-Rhin")."""
    p = _patterns(language)
    found = [Candidate(m.start("name"), m.end("name"), "place", "cue") for m in p["place_cue"].finditer(text)]
    for kind in ("place_preposition", "prefixed_place"):
        found += [Candidate(m.start("name"), m.end("name"), "place", "cue") for m in p[kind].finditer(text)]
    # A dateline or a results code is as sure as a rank: the layout says it is a place.
    # A heading laid out as a dateline that opens on an institution's noun ("CONSEIL NATIONAL. —",
    # a parliament's report) names the institution.
    for kind in ("dateline", "dated_place", "country_code"):
        found += [Candidate(m.start("name"), m.end("name"),
                            "organization" if _an_institutions_heading(m.group("name"), language) else "place",
                            "dateline") for m in p[kind].finditer(text)
                  if kind == "country_code" or not _a_heading_word(m.group("name"), language)]
    return found


@cache
def _institution_heads(language: str) -> frozenset[str]:
    return frozenset(fold(r[0]) for r in load_rows(language, "entities", "org_cues.tsv") if r[1] in ("head", "both"))


def _an_institutions_heading(name: str, language: str) -> bool:
    words = fold(name).split()
    return any(word.removesuffix("s") in _institution_heads(language) for word in words[:2])


def _a_heading_word(name: str, language: str) -> bool:
    """A chapter's number ("II. —") is laid out as a dateline is. (Common words in capitals heading a
    paragraph, "HAUSSE. —", were tried on the vocabulary's words and taken back: villages and regions
    spelt like words ("Nord") went with them.)"""
    return re.fullmatch(r"[IVXLC]+", name) is not None and place_tier(name, language) is None


RANKED_LIST_MIN = 3  # a ranked list has at least this many items
RANKED_LIST_GAP = 60  # characters between two items of one list, at most


def find_ranked_list_persons(text: str, language: str) -> list[Candidate]:
    """Names in a ranked list — results, elections — of at least three items close together."""
    items = list(_patterns(language)["ranked_item"].finditer(text))
    found: list[Candidate] = []
    run: list[re.Match[str]] = []
    for m in items + [None]:
        if m is not None and run and m.start() - run[-1].end() <= RANKED_LIST_GAP:
            run.append(m)
            continue
        if len(run) >= RANKED_LIST_MIN:
            found += [Candidate(r.start("name"), r.end("name"), "person", "list") for r in run]
        run = [m] if m is not None else []
    return found


ROSTER_MIN = 2  # a roster has at least this many entries
ROSTER_GAP = 120  # characters between two entries of one roster, at most: an entry's dates and a note


def find_roster_persons(text: str, language: str, lexicon: NameLexicon) -> list[Candidate]:
    """The names of a roster — commanders of a unit, members of a body — each followed by its rank or
    office between commas ("MARTIN, général, mars 1915 à mai 1916. LEROY, général, …"), two entries
    close together at least: one name then a rank word may be anything ("Verdun, général en chef")."""
    found: list[Candidate] = []
    run: list[re.Match[str]] = []
    for m in [*_patterns(language)["roster_item"].finditer(text), None]:
        if m is not None:
            known = lexicon.rank(m.group("rank"))
            if known is None or known[1] not in ("rank", "office") or m.group("name") in lexicon.not_names:
                continue
            if run and m.start() - run[-1].end() <= ROSTER_GAP:
                run.append(m)
                continue
        if len(run) >= ROSTER_MIN:
            for r in run:
                canonical, _ = lexicon.rank(r.group("rank")) or (r.group("rank"), "rank")
                found.append(Candidate(r.start("name"), r.end("name"), "person", "list", rank=canonical,
                                       rank_span=(r.start("rank"), r.end("rank"))))
        run = [m] if m is not None else []
    return found


# An article signed with its author's initials, after its last sentence: "… venu ». G. P.",
# "… longtemps. / CMA". Two initials at most: "S. M. I." closes a decree ("Sa Majesté Impériale").
SIGNATURE = re.compile(r"(?:(?<=[.!?»]\s)|(?<=[/—–]\s))(?<![A-Z]\.\s)(?P<name>[A-Z]\.[ \t]?[A-Za-z]\.|[A-Z]{2,4})\s*\Z")


def find_signature(text: str) -> list[Candidate]:
    """The initials signing a text at its very end: the author, a person."""
    m = SIGNATURE.search(text[-40:])
    if m is None:
        return []
    offset = max(0, len(text) - 40)
    return [Candidate(offset + m.start("name"), offset + m.end("name"), "person", "signature")]


def find_cued_persons(text: str, language: str, lexicon: NameLexicon) -> list[Candidate]:
    """A name after a noun of a person ("le libraire Martin", person_nouns.tsv) or set between commas
    right after one ("son successeur, Menou, …"), a full name in
    capitals whose first word is a known given name ("PAUL ROUX" under an article), a full name
    opening on a known given name ("Adolf Ogi", which the NER may miss; given_names.tsv), and the
    subject of an incise after a spoken sentence ("— Tenez ! dit Mario", incise_verbs.tsv)."""
    p = _patterns(language)
    found = [Candidate(m.start("name"), m.end("name"), "person", "cue")
             for kind in ("person_cue", "person_apposed") for m in p[kind].finditer(text)
             if p["person_cue_determiner"].search(text, max(0, m.start() - 8), m.start())]
    found += [Candidate(m.start("name"), m.end("name"), "person", "cue") for m in p["caps_name"].finditer(text)
              if m.group("first").capitalize() in lexicon.given_names]
    cued = {(c.start, c.end) for c in found}
    found += [Candidate(m.start("name"), m.end("name"), "person", "given") for m in p["given_full"].finditer(text)
              if (m.start("name"), m.end("name")) not in cued]
    found += [Candidate(m.start("name"), m.end("name"), "person", "cue") for m in p["incise"].finditer(text)
              if p["incise_before"].search(text, max(0, m.start() - 4), m.start())
              and place_tier(m.group("name"), language) is None]  # "dit Paris" would be metonymy
    return found


def find_cued_organisations(text: str, language: str) -> list[Candidate]:
    """A name after a lower-case noun that makes it an organisation ("l'agence Havas"), and the
    capitalised noun of an institution with its adjective ("les Chambres fédérales"), and the press
    agency a telegram is credited to ("(Havas)", press_agencies.tsv, or any name in a dispatch's
    dateline: "TEL-AVIV, 25 (Reuter)"). A span two cues give is one candidate."""
    p = _patterns(language)
    spans = {(m.start("name"), m.end("name")): None
             for kind in ("org_cue", "org_head", "agency_credit", "dateline_credit") for m in p[kind].finditer(text)}
    spans.update((span, None) for span in _credits(text, language))
    return [Candidate(start, end, "organization", "cue") for start, end in sorted(spans)]


def _credits(text: str, language: str) -> list[tuple[int, int]]:
    """Who a caption or a short text is credited to: an acronym in parentheses after its last
    sentence ("(AGX)") that is no known place, a word after "photo" ("photo Keystone", though a
    town is called so somewhere) that is no given name ("photo Jean Roux" is the photographer)."""
    p = _patterns(language)
    given_names = name_lexicon(language).given_names
    found = [(m.start("name"), m.end("name")) for m in p["caption_credit"].finditer(text)
             if place_tier(m.group("name"), language) is None]
    return found + [(m.start("name"), m.end("name")) for m in p["credit_cue"].finditer(text)
                    if m.group("name").capitalize() not in given_names
                    and not typing_words(language).is_function_word(m.group("name"))]


def find_works(text: str, language: str) -> list[Candidate]:
    """Newspapers and magazines the words announce: "le correspondant du Times", "la Gazette de
    Lausanne", "au « Petit Parisien »", and a known paper an item is credited to ("… (Times.)")."""
    p = _patterns(language)
    return [Candidate(m.start("name"), m.end("name"), "work", "credit" if kind == "credited_newspaper" else "cue")
            for kind in ("media_cue", "media_name", "quoted_title", "newspaper", "credited_newspaper")
            for m in p[kind].finditer(text)
            if kind != "quoted_title" or _titled_by_its_place(m.group("name"), language)]


def _titled_by_its_place(name: str, language: str) -> bool:
    """A title in guillemets whose words a particle joins names a paper by its town (« Feuille d'Avis
    de Neuchâtel »); « Testament de Lénine » names a man's work, and the man is kept."""
    if not any(word[:1].islower() for word in name.split()):
        return True
    return place_tier(re.split(r"[ \t\u00a0\u202f'’]", name)[-1], language) is not None


def find_ranked_persons(text: str, language: str, lexicon: NameLexicon, doc: Any = None) -> list[Candidate]:
    """Names after a rank or a title: "le contre-amiral Jean Morel", "M. Lambert"; with the parse
    (`doc`), not after a rank word that qualifies the noun before it."""
    found: list[Candidate] = []
    pattern = _patterns(language)["rank"]
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        # A rejected match gives way to one starting inside it ("général, M. Louis Thorens").
        pos = m.end("rank")
        name = m.group("name")
        if name in lexicon.not_names or re.fullmatch(INITIAL, name) or not lexicon.written_right(m.group("rank")) \
                or _an_office_with_its_article(name, language):
            continue
        if re.search(r"[,;]", text[m.end("rank"):m.start("name")]) and len(m.group("rank")) > MAX_OCR_TITLE:
            continue  # "président, Louis Thorens": a list, not a title; only "M, Kellogg" is OCR
        if _qualifies_a_noun(doc, m.start("rank"), m.end("rank"), lexicon):
            continue  # "le repli général Missy, Pontavert…": a general retreat, then villages
        canonical, kind = lexicon.rank(m.group("rank")) or (m.group("rank"), "rank")
        if m.group("particle") and kind not in ("rank", "address", "nobility"):
            continue  # "M. de Roggenbach" is a man, "l'évêque de Lausanne" a place's bishop
        if m.group("particle") and " " in m.group("particle").strip() and kind == "rank":
            continue  # "le comte de la Tour", "M. de la Roche"; but "le commandant de la Place" is an office
        start = m.start("particle") if m.group("particle") else m.start("name")
        # "le général de Gaulle", "le prince de Bismarck" — but "le commandant de Strasbourg", "la
        # reine de Portugal" name a place: a name after a particle is checked against the rest of the
        # text before it is believed; not after "M." or "Mme".
        doubtful = m.group("particle") and kind in ("rank", "nobility")
        # The name pattern takes any capitalised word; the next sentence or dispatch may open on one.
        end = _before_closing_function_word(text, start, _before_dateline(text, start, m.end("name")), language)
        found.append(Candidate(start, end, "person", "rank-particle" if doubtful else "rank",
                               rank=canonical, rank_span=(m.start("rank"), m.end("rank")),
                               key=" ".join(m.group("name").split()) if m.group("particle") else ""))
        pos = m.end()
    return found


@cache
def _name_prepositions(language: str) -> frozenset[str]:
    return frozenset(fold(word) for kind, word in load_rows(language, "entities", "name_context_words.tsv", 2)
                     if kind == "name-preposition")


@cache
def _nouns_of_a_person(language: str) -> frozenset[str]:
    lexicon = name_lexicon(language)
    nouns = {fold(r[0]) for r in load_rows(language, "entities", "person_nouns.tsv")}
    return frozenset(nouns | set(lexicon.ranks) | set(lexicon.office_heads))


@cache
def _articles(language: str) -> frozenset[str]:
    return frozenset(fold(r[0]) for r in load_rows(language, "entities", "determiners.tsv"))


def _an_office_with_its_article(name: str, language: str) -> bool:
    """"M. LE PRÉSIDENT :", "M. LE RAPPORTEUR donne lecture": in capitals, an office and its article
    look like a name; they name nobody."""
    words = [fold(w).rsplit("-", 1)[-1] for w in name.split()]
    return len(words) >= 2 and words[0] in _articles(language) \
        and all(w in _nouns_of_a_person(language) for w in words[1:])


def _qualifies_a_noun(doc: Any, start: int, end: int, lexicon: NameLexicon) -> bool:
    """The rank word is an adjective of the noun just before it (some rank words are adjectives
    too); the parse says so, the word lists cannot."""
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    word = span[0]
    return (word.pos_ == "ADJ" and word.dep_ == "amod" and word.head.i == word.i - 1
            and word.head.pos_ == "NOUN" and lexicon.rank(word.head.text) is None  # not "lieutenant général"
            and fold(word.head.text) not in lexicon.office_heads)  # an office's: the resolver reads it


def find_subject_persons(doc: Any, text: str, language: str, lexicon: NameLexicon) -> list[Candidate]:
    """A proper noun the parse makes the subject of a verb only a person does ("X croit pouvoir",
    "Y écrit que", person_verbs.tsv), which the NER may have left out: a person candidate whose type
    the votes still decide (a place the gazetteer knows is left to them, a common word is no name)."""
    found: list[Candidate] = []
    if doc is None or not lexicon.person_verbs:
        return found
    pos, dep, _ = tags(doc)  # read as arrays: a Token is made only for the subjects
    for i in (k for k, d in enumerate(dep) if d == "nsubj" and pos[k] in ("PROPN", "PRON", "NOUN", "X")):
        token = doc[i]
        # The tagger may call an unknown name at a sentence's start a pronoun or a noun ("Moltke croit"):
        # the vocabulary check below keeps common words out.
        if not token.text[:1].isupper() \
                or lexicon.person_verbs.get(token.head.lemma_) != "agent" or token.ent_type_ \
                or any(c.dep_ == "det" for c in token.children):  # "L'Irgun annonce": a body, not a man
            continue
        words = [token, *(c for c in token.children if c.dep_.startswith("flat") and c.i > token.i)]
        if any(not w.text[:1].isupper() or w.is_stop or lexicon.rank(w.text) for w in words) \
                or words[-1].i - token.i != len(words) - 1 or token.vocab.has_vector(token.lower_) \
                or place_tier(token.text, language) is not None:
            continue
        found.append(Candidate(token.idx, words[-1].idx + len(words[-1].text), "person", "subject"))
    return found


def find_ner(doc, text: str, language: str) -> list[Candidate]:
    """The NER's persons, places and organisations, cut to the name (no article, no rank)."""
    found: list[Candidate] = []
    if doc is None:
        return found
    rank_prefix = _patterns(language)["rank_prefix"]
    for ent in doc.ents:
        kind = NER_TYPES.get(ent.label_)
        if kind is None:
            continue
        # A finite verb ends an institution's or a place's name ("le Corps législatif nommerait …"):
        # the smaller NER runs on past the name; its own tokens are read, no others.
        ent_end = ent.end_char
        if kind in ("organization", "place"):
            verb = next((t for t in ent[1:] if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")), None)
            if verb is not None:
                ent_end = verb.idx
        # A name never runs across a line break: each line's part is its own candidate.
        offset = ent.start_char
        # A name never runs across a line break or a comma ("Poiret, Madeleine Vionnet" are two), nor
        # across a conjunction before an article ("le Sund & le Dagö", "la mer Noire et la mer Caspienne":
        # the smaller NER runs two names into one; "Hignou et Cie" stays one).
        split = LINE_OR_COMMA if kind == "work" else NER_SPLIT  # "La Guerre et la Paix" is one title
        for n, part in enumerate(split.split(text[ent.start_char:ent_end].rstrip())):
            if n % 2:
                offset += len(part)
                continue
            cand = _ner_candidate(text, offset, offset + len(part), kind, rank_prefix, language)
            offset += len(part)
            if cand is not None:
                found.append(cand)
    return found


LINE_OR_COMMA = re.compile(r"(\n+|,\s*)")
NER_SPLIT = re.compile(r"(\n+|,\s*|[ \t]+(?:&|et)[ \t]+(?=(?:le|la|les)[ \t]|l['’]))")
ROMAN_LETTERS = frozenset("IVX")  # "Georges V", "Pie X"; larger numerals are never one letter


def _complement_of_a_role(words: str, language: str) -> bool:
    """Lower-case words ending on "de", "du", "des" or "de la" before a name the NER calls a person:
    the name completes an office or a noun ("évêque de Lausanne", "président de la Confédération"),
    unless a rank or a title of nobility or address takes it as a particle ("général de Gaulle")."""
    m = re.search(rf"(?:^|\s)([\w’'-]+)\s+(?:{_context_words(language, 'office-preposition')})"
                  rf"(?:\s+(?:{_context_words(language, 'office-article')})\s*|\s*|(?<=['’]))$", words, re.IGNORECASE)
    if m is None:
        return False
    known = name_lexicon(language).rank(m.group(1))
    return known is None or known[1] not in ("rank", "nobility", "address")


def _article_is_the_names(name: str, article_end: int, language: str) -> bool:
    """"Le Havre", "La Chaux-de-Fonds": a place whose article belongs to its name (the gazetteer
    knows it with the article at least as well as without)."""
    with_article = place_tier(name, language)
    if with_article is None:
        return False
    bare = place_tier(name[article_end:], language)
    return bare is None or TIERS.index(with_article) <= TIERS.index(bare)


def _ner_candidate(text: str, start: int, end: int, kind: str, rank_prefix: re.Pattern[str],
                   language: str = "fr") -> Candidate | None:
    # Trailing punctuation is not part of a name, except the dot of an initial ("Evans F.").
    while end > start and not text[end - 1].isalnum():
        if text[end - 1] == "." and end - start >= 2 and re.fullmatch(INITIAL, text[end - 2:end]) \
                and (end - start == 2 or not text[end - 3].isalnum()):
            break
        end -= 1
    # A place's hyphen goes on with a capital or a particle and another part ("Fère-en-Tardenois");
    # a lower-case word after its last hyphen is the sentence running into it ("Tessin-néglige").
    if kind == "place":
        glued = re.search(r"(?<=[^\W\d_])-[a-zà-ÿ]+$", text[start:end])
        if glued:
            end = start + glued.start()
    # Lower-case words after a person's last capitalised word are the sentence going on ("Henri
    # Roche le 3 mai"): a man's name ends on a capital ("Charles le Téméraire", "Jean sans Peur");
    # an institution's or a place's may not ("Académie française", "Suisse romande").
    tail = re.search(r"(?:[ \t]+[a-zà-ÿ][\w’'-]*)+$", text[start:end]) if kind == "person" else None
    if tail and re.search(r"[A-ZÀ-ÖØ-Þ]", text[start:start + tail.start()]):
        end = start + tail.start()
    # A function word with its capital after the name opens the next sentence or clause ("NEW YORK
    # Il", "le colonel X Se quelques autres", once the tail is cut): "La", "Le" of a name come
    # before it, never after.
    end = _before_closing_function_word(text, start, end, language)
    # An institution's or a place's name takes lower-case words ("Corps législatif", "Chemin de fer
    # du Tréport"), but an article not after a preposition is the sentence going on ("au Corps
    # législatif un projet de loi"): the smaller NER runs on past the name.
    if kind in ("organization", "place"):
        for past in _patterns(language)["past_name"].finditer(text, start, end):
            if fold(past.group("before")) not in _name_prepositions(language):
                end = past.end("before")
                break
    # Lower-case words before the name are common nouns or articles ("îles Marshall", "le Japon").
    lead = re.match(r"(?:[a-zà-ÿ][\w’'-]*\s+|[lL]['’]\s*)+(?=[A-ZÀ-ÖØ-Þ])", text[start:end])
    if lead:
        if kind == "person" and _complement_of_a_role(lead.group(), language):
            kind = "misc"  # "président de la Confédération": the office's name, not the man's; voted on
        start += lead.end()
    # One of a people before a person's name describes him, it is no part of it ("l'Autrichien
    # Karl Huber"): the resolver keeps it as the descriptor.
    demonym = re.match(r"([A-ZÀ-ÖØ-Þ][\w’'-]+)\s+(?=[A-ZÀ-ÖØ-Þ])", text[start:end]) if kind == "person" else None
    if demonym and typing_words(language).is_people(demonym.group(1) + "s"):
        start += demonym.end()
    lead = re.match(r"(?:La|Le|Les)\s+(?=[A-ZÀ-ÖØ-Þ])", text[start:end])
    if lead and not _article_is_the_names(text[start:end], lead.end(), language):
        start += lead.end()
    rank = rank_prefix.match(text, start)
    if rank and rank.end() < end:
        start = rank.end()
    # A name cut after an initial goes on with the surname ("Evans F." + "Carlson").
    if text[start:end].endswith(".") and re.search(INITIAL + "$", text[start:end]):
        more = re.match(r"[ \t]+" + CAP, text[end:])
        if more:
            end += more.end()
    # A last capital letter standing alone is no name part when it elides a word ("Georges
    # Plomb C'est") or cannot be a regnal number ("L. Reynier S Fr. 6": OCR debris).
    last = re.search(r"[ \t]+([A-ZÀ-ÖØ-Þ])$", text[start:end])
    if last and (text[end:end + 1] in ("'", "’") or last.group(1) not in ROMAN_LETTERS):
        end = start + last.start()
    # A dateline after a name the NER ran on into it: "… attribué à M. Kellogg PARIS, 15 (Havas)".
    end = _before_dateline(text, start, end)
    # A given name joined by a hyphen belongs to the person: "José-Maria Jimenez", the NER
    # having cut at the hyphen.
    if kind == "person":
        joined = re.search(r"(?<![\w-])[A-ZÀ-ÖØ-Þ][\w’']*-$", text[max(0, start - 30):start])
        if joined:
            start -= len(joined.group())
    if end - start < 2 or not text[start].isupper() or _a_date(text, start, end, language):
        return None
    if kind == "person" and _an_office_with_its_article(text[start:end], language):
        return None
    return Candidate(start, end, kind, "ner")


def _before_closing_function_word(text: str, start: int, end: int, language: str) -> int:
    """Where a name ends when a function word with its capital closes it: the next sentence or
    clause ("NEW YORK Il", "le colonel X Se quelques autres"); "La", "Le" of a name come before
    it, never after."""
    closing = re.search(r"[ \t]+([A-ZÀ-ÖØ-Þ][\w’']*)$", text[start:end])
    if closing and closing.start() > 0 and typing_words(language).is_function_word(closing.group(1)):
        return start + closing.start()
    return end


def _before_dateline(text: str, start: int, end: int) -> int:
    """Where a name ends when a dateline in capitals follows it: "… attribué à M. Kellogg PARIS,
    15 (Havas)", the name run on into the next dispatch."""
    dateline = re.search(r"[ \t]+[A-ZÀ-ÖØ-Þ]{2,}(?:[ -][A-ZÀ-ÖØ-Þ]{2,})*$", text[start:end])
    if dateline and not text[start:start + dateline.start()].isupper() \
            and re.match(r"[ \t]*,?[ \t]*\d", text[end:end + 6]):
        return start + dateline.start()
    return end


@cache
def _month_words(language: str) -> frozenset[str]:
    return frozenset(fold(row[0]).rstrip(".") for row in load_rows(language, "common", "months.tsv"))


def _a_date(text: str, start: int, end: int, language: str) -> bool:
    """A month with its day or year, which the smaller NER takes for a name in OCR'd text ("iO
    Juillet", "i Juill. 1808"): the month last, nothing before it but a number or a letter or two,
    and a number beside it."""
    words = text[start:end].split()
    if fold(words[-1]).rstrip(".") not in _month_words(language) \
            or not all(len(w) <= 2 or w.isdigit() for w in words[:-1]):
        return False
    return len(words) > 1 or re.search(r"\d[ \t]*$", text[max(0, start - 6):start]) is not None \
        or re.match(r"\.?[ \t]*\d", text[end:end + 6]) is not None


# ---- places and peoples the words or a gazetteer vouch for --------------------------------------
MAX_KNOWN_PLACE_WORDS = 4  # "Chemin des Dames", "Confédération helvétique", "Palma de Majorque"
SHORT_CAPITALS = 4  # a word this short in capitals is an acronym ("OTAN") more often than a place
PROPOSED_TIERS = (HISTORICAL, CITY)  # every tier the gazetteer has


@cache
def _typing_patterns(language: str) -> dict[str, re.Pattern[str]]:
    words = typing_words(language)
    part = rf"(?!(?:{_not_name_parts(language)})(?![\w’'-])){CAP}"
    plural = [row[0] for row in load_rows(language, "entities", "determiners.tsv") if row[1] == "plural"]
    return {
        # "George street", "Trafalgar Square": an English place head after the name.
        "head_after": _searched(rf"(?<![\w’'-])(?P<name>{part}(?:{SPACE}{part}){{0,2}}{SPACE}"
                                rf"(?i:{words.place_head_after_pattern}))(?![\w’'-])"),
        # "les Helvètes", "aux Zoulous": a plural determiner, then a capitalised word.
        "people": _searched(rf"(?<![\w’'-])(?i:{alternation(plural) or '(?!)'}){SPACE}"
                            rf"(?P<name>[A-ZÀ-ÖØ-Þ][\w’']+)(?![\w’'-])"),
        # A capitalised word, hyphenated parts included ("Pont-à-Mousson", "Mars-la-Tour").
        # The capital first, then what comes before it: a pattern that opens on a class of letters
        # is searched for that class, much faster than one opening on a look-behind.
        "capitalised": re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w’'-].)[\w’']*(?:-[\w’']+)*"),
        "next_word": re.compile(rf"{SPACE}([\w’']+(?:-[\w’']+)*)"),
        "day_after": re.compile(r"[ \t]*[,.][ \t]*\d{1,2}(?!\d)"),
    }


def find_peoples(text: str, language: str, vocab: Any = None) -> list[Candidate]:
    """Peoples after a plural determiner: a known people ("les Helvètes"), a word ending like a
    people's name ("les Prussiens", "des Marocains"), or a plural name that is neither a known
    place nor a common word ("les Tulinges"; not "les Vosges", "les Invalides"), except after
    "aux", which goes to places as often ("aux Tuileries"). Whether it is a group is voted on."""
    words = typing_words(language)
    found = []
    for m in _typing_patterns(language)["people"].finditer(text):
        name = m.group("name")
        if words.is_people(name) or words.demonym_like(name, "plural") or (
                name.endswith(("s", "x")) and not m.group().lower().startswith("aux")
                and place_tier(name, language) not in PROPOSED_TIERS
                and (vocab is None or not vocab.has_vector(name.lower()))):
            found.append(Candidate(m.start("name"), m.end("name"), "group", "people"))
    return found


def find_place_heads(text: str, language: str) -> list[Candidate]:
    """A name with the noun that makes it a place written after it: "George street"."""
    return [Candidate(m.start("name"), m.end("name"), "place", "cue")
            for m in _typing_patterns(language)["head_after"].finditer(text)]


def find_known_places(text: str, language: str, vocab: Any = None) -> list[Candidate]:
    """Capitalised words the gazetteer knows as a city or a historical place ("Genève", "Chemin
    des Dames"), longest first. The place is the whole run of capitalised words ("PASCAL HOFER" is
    a man, though a Pascal is a city),
    neither a function word nor a common word with a capital ("Ville", "Monnaie": the text or
    `vocab`, the model's vocabulary, has them in lower case, unless the text names them so, see
    `_common_word_named`; a word in capitals is looked up as it is, "PARIS" in a dateline). Weak
    candidates: a name the NER or a pattern also finds keeps their span, and its type is still
    voted on."""
    patterns = _typing_patterns(language)
    words = typing_words(language)
    lower_case = set(re.findall(r"[a-zà-ÿ](?<![\w’'-].)[\w’']*", text))  # the text's own common words
    found: list[Candidate] = []
    pos = 0
    for m in patterns["capitalised"].finditer(text):
        if m.start() < pos:
            continue  # inside the place just found
        pos = m.end()
        word = m.group()
        if words.is_function_word(word) or re.search(r"['’][a-zà-ÿ]", word) or word.lower() in lower_case \
                or (word.isupper() and len(word) <= SHORT_CAPITALS) \
                or (vocab is not None and not word.isupper() and "-" not in word and vocab.has_vector(word.lower())
                    and not _common_word_named(text, m.start(), word, language)):
            continue
        if _after_capitalised_word(text, m.start()) and not _opens_sentence_at(text, m.start()):
            continue  # inside a longer run of capitalised words: part of another name
        ends = [(m.end(), word)]  # where a place could end, and its last word
        at = m.end()
        while len(ends) < MAX_KNOWN_PLACE_WORDS and (more := patterns["next_word"].match(text, at)) is not None:
            at = more.end()
            ends.append((at, more.group(1)))
        for end, last in reversed(ends):
            if not text[end - 1].isalnum() or not last[:1].isupper():
                continue  # a place's name ends on a capitalised word ("Chemin des Dames")
            if place_tier(text[m.start():end], language) in PROPOSED_TIERS:
                if patterns["capitalised"].match(text, end + 1) is not None and text[end:end + 1] == " ":
                    break  # the run of capitalised words goes on: a longer name
                # "… un mari gênant PARIS, 15 (Havas). —": a known city in capitals before a day is a
                # dateline wherever the layout put it, as sure as a dateline opening a line.
                dateline = text[m.start():end].isupper() and patterns["day_after"].match(text, end) is not None
                found.append(Candidate(m.start(), end, "place", "dateline" if dateline else "gazetteer"))
                pos = end
                break
    return found


MIN_NAMED_COMMON_WORD = 2  # times a common word is written as a name before it is read as one


@cache
def _place_article_before(language: str) -> re.Pattern[str]:
    articles = [r[0] for r in load_rows(language, "entities", "place_articles.tsv") if not r[0].endswith(("'", "’"))]
    return re.compile(rf"(?<![\w’'-])(?:{alternation(articles) or '(?!)'})[ \t]+$")


def _common_word_named(text: str, start: int, word: str, language: str) -> bool:
    """A common word with its capital after a lower-case article a place takes, inside a sentence
    ("entre la Confédération et les cantons"), and written so more than once: a name, which the
    gazetteer may know. Once, it may be emphasis."""
    return _place_article_before(language).search(text, max(0, start - 6), start) is not None \
        and text.count(word) >= MIN_NAMED_COMMON_WORD


def _after_capitalised_word(text: str, start: int) -> bool:
    """Whether a capitalised word of two letters or more and spaces come right before `start`."""
    end = start
    while end > 0 and text[end - 1] in " \t\u00a0\u202f":
        end -= 1
    if end == start:
        return False
    begin = end
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "’'-"):
        begin -= 1
    word = text[begin:end]
    return len(word) >= 2 and word[0].isupper()


def _opens_sentence_at(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip(" \t\u00a0«\"“(—–-")
    return not before or before[-1] in ".!?:\n"
