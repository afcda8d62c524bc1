"""Where an expression stands: its paragraph and sentence, the tense of the verb it modifies,
whether it sits in a quotation, a sidebar or a byline. Anchoring decides with these facts.

Tense comes from spaCy's morphology (`annales.common.grammar`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from annales.common.capitals import CapitalLines, VerbForms
from annales.common.grammar import (
    bare_participle,
    inflections,
    names_a_nouns_time,
    negated,
    participle_before_a_date,
    participle_endings,
    pluperfect,
    spelled_tense,
    verb_tense,
)
from annales.common.parse import children_where, has_child_dep, morph_of
from annales.common.parse import span_root as _root
from annales.common.quotes import quote_spans
from annales.common.resources import exists, load_rows
from annales.model import Analysis

_NEWLINE = re.compile("\n")
ASIDE_REACH = 60  # characters from a date to the commas setting off the participle it is told in
AHEAD_CLIMB = 4  # "vaudra d'être jugé puis fusillé": a verb, its infinitive, their conjuncts
SPECIAL_REGIONS = ("byline", "sidebar", "quote-block", "heading", "list")
NOUN_REACH = 4  # tokens from a counted day to the noun it counts from ("le lendemain de notre arrivée")
ANTECEDENT_REACH = 600  # tokens back to where that doing may have been told (a few paragraphs)
MIN_STEM = 4  # a shorter common stem says nothing of a noun and a verb being one doing


@dataclass
class Situation:
    paragraph: int
    sentence: int
    in_quote: bool
    region: str | None  # the special region the expression sits in, if any
    framed: bool  # set off by commas or opening its sentence ("Aujourd'hui, …")
    prospective: bool = False  # introduced by a word that looks forward ("jusqu'au", "d'ici")
    retrospective: bool = False  # introduced by a word that looks back ("depuis")
    # The verb is looked up only when a reading needs it: most expressions never ask.
    verb_reader: Any = field(default=None, repr=False, compare=False)
    attachment_reader: Any = field(default=None, repr=False, compare=False)
    pluperfect_reader: Any = field(default=None, repr=False, compare=False)
    imperfect_reader: Any = field(default=None, repr=False, compare=False)
    ahead_reader: Any = field(default=None, repr=False, compare=False)
    complement_reader: Any = field(default=None, repr=False, compare=False)
    aside_reader: Any = field(default=None, repr=False, compare=False)
    antecedent_reader: Any = field(default=None, repr=False, compare=False)
    subject_doing_reader: Any = field(default=None, repr=False, compare=False)

    @cached_property
    def pluperfect(self) -> bool:
        """The verb is in the pluperfect ("avait vu"): a past before the story's past."""
        return bool(self.pluperfect_reader()) if self.pluperfect_reader else False

    @cached_property
    def told_ahead(self) -> bool:
        """The clause is governed by a future ("lui vaudra d'être fusillé l'année suivante"): a narrative
        looking ahead of its story, which does not move to that time."""
        return bool(self.ahead_reader()) if self.ahead_reader else False

    @cached_property
    def complement_of_its_verb(self) -> bool:
        """The "de" phrase right after the expression completes the verb, not the expression: "arrivé la
        veille de Bar-le-Duc" tells where he came from, not what the eve is of."""
        return bool(self.complement_reader()) if self.complement_reader else False

    @cached_property
    def in_a_participle_aside(self) -> bool:
        """Inside a participle set off by commas, said of a noun ("Le capitaine, arrivé la veille, fit
        creuser des abris toute la nuit"): its time is the participle's, not the sentence's."""
        return bool(self.aside_reader()) if self.aside_reader else False

    @cached_property
    def event_told_before(self) -> tuple[int, int, bool] | None:
        """(offset, sentence, told in the pluperfect) of the verb or noun that told earlier the doing the
        expression counts from ("une semaine après notre départ": "nous partîmes le 15"), None when
        none is found."""
        return self.antecedent_reader() if self.antecedent_reader else None

    @cached_property
    def subject_told_before(self) -> tuple[int, int, bool] | None:
        """As `event_told_before`, for the doing its verb's subject names when the text told it before
        ("Une explosion a détruit dimanche soir un entrepôt. L'explosion s'est produite vers 21 h 30")."""
        return self.subject_doing_reader() if self.subject_doing_reader else None

    @cached_property
    def imperfect(self) -> bool:
        """The verb is in the imperfect ("était", "partait"): background or habit, not one happening."""
        return bool(self.imperfect_reader()) if self.imperfect_reader else False

    @cached_property
    def attachment(self) -> str | None:
        """"noun" when the expression modifies a noun that names no event ("la loi du 28 février
        2012", "un vétéran de 1870"), "subject" when it is a verb's subject ("le 14 juillet célèbre
        …"), "verb" when it hangs from a verb or an event noun, None unknown."""
        return self.attachment_reader() if self.attachment_reader else None

    @cached_property
    def _verb(self) -> tuple[str | None, bool]:
        return self.verb_reader() if self.verb_reader else (None, False)

    @property
    def tense(self) -> str | None:  # "past", "present", "future" or None
        return self._verb[0]

    @property
    def negated(self) -> bool:
        return self._verb[1]


@cache
def _plans(language: str) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(verbs that plan, prepositions of the date they plan for, the verbs of the first whose bare date
    is the day they were said: "annoncée lundi", verbs that call for a happening: "appeler à une
    grève"): `time/plan_verbs.tsv`."""
    if not exists(language, "time", "plan_verbs.tsv"):
        return frozenset(), frozenset(), frozenset(), frozenset()
    rows = load_rows(language, "time", "plan_verbs.tsv", 2)

    def words(*kinds: str) -> frozenset[str]:
        return frozenset(row[1].lower() for row in rows if row[0] in kinds)
    return words("verb", "said"), words("target"), words("said"), words("call")


@cache
def _event_nouns(language: str) -> frozenset[str]:
    return frozenset(row[0].lower() for row in load_rows(language, "common", "event_nouns.tsv"))


@cache
def _cues(language: str, name: str) -> tuple[str, ...]:
    """The words of `time/<name>`, longest first (none when the language has no such file)."""
    if not exists(language, "time", name):
        return ()
    return tuple(sorted((row[0].lower() for row in load_rows(language, "time", name)), key=len, reverse=True))


@cache
def _doing_verbs(language: str) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]], tuple[str, ...]]:
    endings = tuple(sorted((row[0] for row in load_rows(language, "time", "event_noun_endings.tsv", 1)),
                           key=len, reverse=True)) if exists(language, "time", "event_noun_endings.tsv") else ()
    pairs = {row[0]: tuple(row[1:]) for row in load_rows(language, "time", "event_noun_verbs.tsv")} \
        if exists(language, "time", "event_noun_verbs.tsv") else {}
    infinitives = tuple(sorted(inflections(language).get("infinitive", ()), key=len, reverse=True))
    return endings, pairs, infinitives


def _doing_matcher(language: str, noun: str) -> Any:
    """A test of whether a verb tells the doing `noun` (a lemma) names: the verb its list gives, or a
    verb whose stem and the noun's, once their endings are dropped, begin alike."""
    endings, pairs, infinitives = _doing_verbs(language)
    stems = {noun} | {noun[:-len(e)] for e in endings if noun.endswith(e) and len(noun) - len(e) >= MIN_STEM}
    paired = pairs.get(noun, ())

    def matches(verb: Any) -> bool:
        lemma = verb.lemma_.lower()
        if lemma in paired:
            return True
        ending = next((e for e in infinitives if lemma.endswith(e)), "")
        stem = lemma[:len(lemma) - len(ending)] if ending else lemma
        return len(stem) >= MIN_STEM and any(stem.startswith(s) or s.startswith(stem) for s in stems)
    return matches


class _Containers:
    """Spans that may nest or overlap, asked whether one of them contains a stretch, in log time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        # The furthest end among the spans that start at or before each one: a stretch is contained
        # in some span starting at or before it exactly when that furthest end reaches its end.
        self.reach: list[int] = []
        for _, e in spans:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def contain(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end


class Situations:
    """Computes the situation of any span of one analysed text."""

    def __init__(self, analysis: Analysis, language: str, forms: VerbForms | None = None) -> None:
        self.analysis = analysis
        self.language = language
        self.text = analysis.text
        self.forms = forms
        self.capitals = CapitalLines(self.text) if forms is not None and forms.known else None
        self._line_tenses: dict[tuple[int, int], str | None] = {}
        self.newlines = [m.start() for m in _NEWLINE.finditer(self.text)]  # found in C, not a character at a time
        self.sentence_starts = [s.start for s in analysis.sentences]
        self.sentence_start_set = set(self.sentence_starts)
        self.quotes = quote_spans(self.text)
        self.quote_starts = [s for s, _ in self.quotes]
        self.special = {kind: _Containers([(r.start, r.end) for r in analysis.regions if r.kind == kind])
                        for kind in SPECIAL_REGIONS}
        self._first_verbs: dict[int, Any] = {}
        self._verb_facts: dict[int, tuple[str | None, bool]] = {}
        self._roots: dict[tuple[int, int], Any | None] = {}
        self._verbs: dict[tuple[int, int], Any | None] = {}
        self._doc_sentence_starts: list[int] | None = None

    def paragraph_of(self, offset: int) -> int:
        return bisect.bisect_left(self.newlines, offset)

    def sentence_of(self, offset: int) -> int:
        return max(bisect.bisect_right(self.sentence_starts, offset) - 1, 0)

    def in_quote(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, start) - 1
        return i >= 0 and self.quotes[i][0] <= start and end <= self.quotes[i][1]

    def region_of(self, start: int, end: int) -> str | None:
        return next((kind for kind in SPECIAL_REGIONS if self.special[kind].contain(start, end)), None)

    def _root_at(self, start: int, end: int) -> Any | None:
        """The parse's root of the words at [start, end), None without a parse or a word there."""
        # Asked for the tense, the pluperfect and the attachment of one expression: a span made once.
        key = (start, end)
        if key not in self._roots:
            self._roots[key] = self._find_root(start, end)
        return self._roots[key]

    def _find_root(self, start: int, end: int) -> Any | None:
        doc = self.analysis.doc
        if doc is None:
            return None
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        return _root(span)

    def _verb(self, start: int, end: int) -> Any | None:
        key = (start, end)
        if key not in self._verbs:
            self._verbs[key] = self._find_verb(start, end)
        return self._verbs[key]

    def _find_verb(self, start: int, end: int) -> Any | None:
        token = self._root_at(start, end)
        if token is None:
            return None
        before = participle_before_a_date(token)
        if before is not None:
            return before  # "Les manifestants interpellés samedi seront jugés": the date is the arrest's
        for _ in range(8):
            # a date's own word the tagger took for a verb ("se tiendra dimanche", "dimanche" a participle)
            # is no verb of its clause
            if token.pos_ in ("VERB", "AUX") and not start <= token.idx < end:
                return token
            if token.head is token:
                break
            token = token.head
        return self._first_verb(token.doc, token.i)

    def _first_verb(self, doc: Any, i: int) -> Any | None:
        """The first verb of the sentence of token `i`, looked for once per sentence: a sentence of
        thousands of dates and no verb would otherwise be read again for each date."""
        if self._doc_sentence_starts is None:
            self._doc_sentence_starts = [sent.start for sent in doc.sents]
        starts = self._doc_sentence_starts
        k = bisect.bisect_right(starts, i) - 1
        if k not in self._first_verbs:
            end = starts[k + 1] if k + 1 < len(starts) else len(doc)
            self._first_verbs[k] = next((t for t in doc[starts[k]:end] if t.pos_ in ("VERB", "AUX")), None)
        return self._first_verbs[k]

    def _framed(self, start: int, end: int) -> bool:
        before = self.text[max(0, start - 3):start].rstrip()
        after = self.text[end:end + 2].lstrip()
        opens = not before or before[-1] in ",.;:!?\n(«—–-" or start in self.sentence_start_set
        return opens and (after[:1] in (",", ";", ")", "") or before[-1:] == ",")

    def _tense_and_negation(self, start: int, end: int) -> tuple[str | None, bool]:
        line = self.capitals.line_of(start) if self.capitals is not None else None
        if line is not None:
            spelled = self._line_tense(line)
            if spelled is not None:
                return spelled, False
        verb = self._verb(start, end)
        if verb is None:
            return None, False
        # Read once per verb: both read all its dependents, and one verb may govern thousands of dates.
        if verb.i not in self._verb_facts:
            self._verb_facts[verb.i] = verb_tense(verb, self.language), negated(verb)
        tense, negation = self._verb_facts[verb.i]
        root = self._root_at(start, end)
        if root is None or root.i == verb.i:
            return tense, negation
        if tense == "future" and root.dep_.startswith("nmod") and root.head.pos_ == "NOUN" \
                and root.head.i != verb.i and has_child_dep(root, "case"):
            # "les victimes de l'incendie de lundi seront inhumées samedi": a clause's future is its
            # verb's, not the time of the noun the date qualifies
            return None, negation
        plans, targets, said, calls = _plans(self.language)
        if verb.lemma_.lower() in calls and self._in_what_is_called_for(root, verb, targets):
            # "Les syndicats ont appelé à une grève mardi": the strike is to come, whenever the call was
            return "future", negation
        if verb.lemma_.lower() in plans:
            # "a reporté le vote au 4 juin" (the parse may hang the date on the object): the day planned
            # for lies ahead of the planning
            on_object = root.head.head.i == verb.i and root.head.dep_ in ("obj", "nsubj:pass")
            if (root.head.i == verb.i or on_object) \
                    and any(c.dep_ == "case" and c.lower_ in targets for c in root.children):
                return "future", negation
            if tense is None and bare_participle(verb) and verb.lemma_.lower() not in said \
                    and self._under_a_future(verb):
                # "le concours aura lieu de nouveau, comme prévu le premier dimanche du printemps": what is
                # planned for in a clause told in the future lies ahead
                return "future", negation
        elif tense is None and (root.head.i == verb.i or verb.i == root.left_edge.i - 1) and bare_participle(verb):
            # "le joueur, blessé jeudi, ne jouera pas": the wound is done by then (so is it when the parse
            # hung the date on the main verb: "les manifestants interpellés samedi seront jugés")
            return "past", negation
        return tense, negation

    @staticmethod
    def _in_what_is_called_for(root: Any, verb: Any, targets: frozenset[str]) -> bool:
        """The date qualifies the noun (or its complements) a verb of calling takes with a target
        preposition: "appelé à un arrêt de travail mardi"."""
        token = root
        for _ in range(AHEAD_CLIMB):
            head = token.head
            if head.i == verb.i:
                if token.i == root.i:
                    # hung on the verb after what is called for: "a appelé à une grève le 15 juin"
                    return any(c.pos_ == "NOUN" and verb.i < c.i < root.i
                               and any(g.dep_ == "case" and g.lower_ in targets for g in c.children)
                               for c in verb.children)
                return token.pos_ == "NOUN" and any(c.dep_ == "case" and c.lower_ in targets for c in token.children)
            if head.i == token.i or head.pos_ != "NOUN" or not token.dep_.startswith("nmod"):
                return False
            token = head
        return False

    def _line_tense(self, line: tuple[int, int]) -> str | None:
        """The future of a line in capitals, read from the spelling of its verbs ("LA FOIRE SE TIENDRA
        SAMEDI"): the tagger, trained on written case, takes them for nouns or names."""
        if line not in self._line_tenses:
            assert self.forms is not None
            found = None
            assert self.capitals is not None
            for word in self.capitals.words(self.text, line):
                form = word.lower()
                lemma = self.forms.lemma(form, strict=False)
                if lemma is not None and spelled_tense(form, lemma, self.language) is not None:
                    found = "future"
                    break
            self._line_tenses[line] = found
        return self._line_tenses[line]

    def of(self, start: int, end: int) -> Situation:
        return Situation(
            paragraph=self.paragraph_of(start),
            sentence=self.sentence_of(start),
            in_quote=self.in_quote(start, end),
            region=self.region_of(start, end),
            framed=self._framed(start, end),
            prospective=self._prospective(start),
            retrospective=self._retrospective(start),
            verb_reader=lambda: self._tense_and_negation(start, end),
            attachment_reader=lambda: self._attachment(start, end),
            pluperfect_reader=lambda: self._pluperfect(start, end),
            imperfect_reader=lambda: self._imperfect(start, end),
            ahead_reader=lambda: self._told_ahead(start, end),
            complement_reader=lambda: self._complement_of_its_verb(start, end),
            aside_reader=lambda: self._in_a_participle_aside(start, end),
            antecedent_reader=lambda: self._event_told_before(start, end),
            subject_doing_reader=lambda: self._subject_told_before(start, end),
        )

    def _subject_told_before(self, start: int, end: int) -> tuple[int, int, bool] | None:
        verb = self._verb(start, end)
        if verb is None:
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ == "NOUN"), None)
        if subject is None or subject.lemma_.lower() not in _event_nouns(self.language) \
                or not any("Def" in morph_of(c, "Definite") or "Yes" in morph_of(c, "Poss")
                           for c in subject.children if c.dep_ == "det"):
            return None
        return self._doing_told_before(subject, subject.i)

    def _event_told_before(self, start: int, end: int) -> tuple[int, int, bool] | None:
        doc = self.analysis.doc
        span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
        if span is None or len(span) == 0:
            return None
        noun = next((t for t in doc[span.end:span.end + NOUN_REACH] if t.pos_ in ("NOUN", "PROPN")), None)
        if noun is None or noun.pos_ != "NOUN" or any(t.pos_ not in ("ADP", "DET") for t in doc[span.end:noun.i]):
            return None
        # "notre départ", "la démission": a doing the reader already knows; "après une longue marche" is new
        if not any(("Def" in morph_of(c, "Definite") or "Yes" in morph_of(c, "Poss"))
                   for c in doc[span.end:noun.i]):
            return None
        return self._doing_told_before(noun, span.start)

    def _doing_told_before(self, noun: Any, before: int) -> tuple[int, int, bool] | None:
        """(offset, sentence, a pluperfect's) of the nearest word before token `before` telling the doing
        `noun` names: the same noun, or a verb of it."""
        doc = noun.doc
        lemma = noun.lemma_.lower()
        matches = _doing_matcher(self.language, lemma)
        for token in reversed(doc[max(0, before - ANTECEDENT_REACH):before]):
            if (token.pos_ == "NOUN" and token.lemma_.lower() == lemma) or (token.pos_ == "VERB" and matches(token)):
                # a flashback's doing ("ils avaient été condamnés") is not at the story's day
                return token.idx, self.sentence_of(token.idx), token.pos_ == "VERB" and pluperfect(token)
        return None

    def _in_a_participle_aside(self, start: int, end: int) -> bool:
        text = self.text
        opening = text.rfind(",", max(0, start - ASIDE_REACH), start)
        closing = text.find(",", end, end + ASIDE_REACH)
        if opening < 0 or closing < 0 or any(c in ".;:!?\n" for c in text[opening:closing]):
            return False
        words = text[opening + 1:start].split()
        return bool(words) and words[0].lower().endswith(participle_endings(self.language))

    def _complement_of_its_verb(self, start: int, end: int) -> bool:
        root = self._root_at(start, end)
        doc = self.analysis.doc
        if root is None or doc is None:
            return False
        after = next((t for t in doc[root.i + 1:root.i + 4] if t.idx >= end), None)
        if after is None or after.dep_ != "case":
            return False
        noun = after.head
        return noun.i > after.i and noun.head.i != root.i and noun.head.pos_ in ("VERB", "AUX") \
            and noun.dep_.startswith(("obl", "obj"))

    def _under_a_future(self, verb: Any) -> bool:
        """The first verb above `verb`, a few heads up, is in the future."""
        token = verb.head
        for _ in range(AHEAD_CLIMB):
            if token.pos_ in ("VERB", "AUX"):
                return verb_tense(token, self.language) == "future"
            if token.head is token:
                return False
            token = token.head
        return False

    def _told_ahead(self, start: int, end: int) -> bool:
        verb = self._verb(start, end)
        for _ in range(AHEAD_CLIMB):
            if verb is None:
                return False
            if verb_tense(verb, self.language) == "future":
                return True
            if verb.dep_ not in ("xcomp", "conj", "ccomp") or verb.head is verb:
                return False
            verb = verb.head
        return False

    def _imperfect(self, start: int, end: int) -> bool:
        verb = self._verb(start, end)
        if verb is None:
            return False
        auxiliaries = children_where(verb, lambda dep: dep.startswith("aux"))
        return "Imp" in morph_of(auxiliaries[0] if auxiliaries else verb, "Tense")

    def _pluperfect(self, start: int, end: int) -> bool:
        verb = self._verb(start, end)
        if verb is None:
            return False
        if pluperfect(verb):
            # "Le régiment avait été mis au repos, lorsque, le 20 septembre, l'ennemi attaque" with the
            # clause's verb read as a noun: a date in a clause a conjunction opens is not the
            # pluperfect's, whatever word the parse hung that clause on.
            token = self._root_at(start, end)
            for _ in range(8):  # as far up as the verb was looked for
                if token is None or token.i == verb.i or token.head.i == token.i:
                    break
                token = token.head
                if token.i != verb.i and has_child_dep(token, "mark"):
                    return False
            return True
        # "Mon ami X, arrêté en 1936, avait reçu la même peine": a participle said of a noun is told
        # in the tense of the clause that noun belongs to.
        noun = verb.head
        if verb.dep_ == "acl" and noun is not verb and noun.pos_ in ("NOUN", "PROPN"):
            clause = noun.head
            return clause is not noun and clause.pos_ in ("VERB", "AUX") and pluperfect(clause)
        return False

    def _attachment(self, start: int, end: int) -> str | None:
        root = self._root_at(start, end)
        if root is None:
            return None
        if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX") and root.head.i != root.i:
            return "subject"  # "le 11 novembre rend hommage à …": the day is what the sentence is about
        nouns = _event_nouns(self.language)
        token = root
        for _ in range(3):
            head = token.head
            if head is token:
                return "verb"
            if token.dep_.startswith("nmod") and head.pos_ in ("NOUN", "PROPN"):
                if head.head.i == head.i and not any(t.pos_ in ("VERB", "AUX") for t in head.sent):
                    # A sentence of a name and its dates, no verb: a heading ("VERDUN (juillet 1916 –
                    # novembre 1916)"), whose dates are those of the text under it.
                    return "verb"
                if head.lemma_.lower() in nouns or head.lower_ in nouns:
                    return "verb"
                if token is not root or not has_child_dep(root, "case") or names_a_nouns_time(root, self.language):
                    return "noun"
                # "occupent les principautés en juillet 1853": no noun takes its time with "en".
            if head.pos_ in ("VERB", "AUX"):
                # "une plage conçue en 1935": a participle describing a thing, not the story's clause.
                describes = head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN")
                return "noun" if describes and head.head.lemma_.lower() not in nouns else "verb"
            token = head
        return "verb"

    def _prospective(self, start: int) -> bool:
        return self._after_cue(start, "prospective_cues.tsv")

    def _retrospective(self, start: int) -> bool:
        return self._after_cue(start, "retrospective_cues.tsv")

    def _after_cue(self, start: int, name: str) -> bool:
        cues = _cues(self.language, name)
        before = " ".join(self.text[max(0, start - 20):start].lower().split())
        return bool(cues) and before.endswith(cues)
