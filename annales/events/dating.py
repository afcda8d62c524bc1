"""When an event happened: the date its own clause gives it, else the story's time.

In order, an event is dated by:

0. in a line written in capitals, whose parse is not to be trusted ("LA FOIRE SE TIENDRA
   SAMEDI"), the date of the line nearest it;
1. its own DATE/TIME timex: the one that hangs from its clause in the parse (walking up the timex's
   heads to the first trigger), the most precise when several do ("lundi vers 18 h 30": the hour);
   for a modal, an aspectual verb or an event noun, the own date of the event below it that tells
   its time ("a dû être évacué hier soir", "son couronnement, prévu le 2 juin"); in news, a date
   after the day of writing that the parser hung on a verb told in the past is the event noun's the
   verb governs ("a appelé hier à une grève le 24 juin 1999");
   Of several own dates the most precise wins, then the first told ("du 14 au 28 avril": the
   start), but a date under an adverbial clause the tagger headed with a noun ("Arrêté le 12 août,
   le régiment reprend sa marche le 14") only when there is no other, and "le lendemain" counted
   from the date framing the sentence over that date;
   the date of a dated event noun the event happens during ("blessé pendant l'attaque du 12 juin",
   "lors de la manifestation du 1er mai", "au cours d'une revue, le 15 mars": events/during.tsv);
   for a verb with none of its own, the own date of a clause the grammar tells at its time: a gerund
   ("le roi rejette l'ultimatum en ne répondant pas avant la fin de l'année"), a clause of "lorsque",
   "quand", "pendant que", a relative of "au moment où" (events/simultaneous.tsv);
2. the own timex of the nearest event governing it in the same sentence; else what a governing
   light verb, modal or aspectual governs tells ("Quand il arrive, l'ennemi vient de lancer
   (11 juillet) une attaque"), never through an incise nor from a plan;
3. a date of its sentence that hangs from no event at all (the parse put it under a word that is
   no event: "C'est samedi que se déroulera la fête", a root without a verb), the nearest one;
   a loose date told in an incise the parser left apart (between commas, parentheses or dashes, or a
   relative opened after a comma: "La société, dont le siège est à Nancy depuis 1990, a annoncé …")
   dates only the incise's own words;
   for the last finite verb of a sentence followed in its paragraph by one that only names a date
   with a demonstrative subject ("… arrivent à Bertrix. C'est le 22 août."), that date; for a verb
   coordinated with a later one dated by "le lendemain" ("est embarqué et arrive le lendemain 16
   juin"), the day before;
4. for a word of a heading (a line of a few words with no verb: "Accident rue de Danjoutin.",
   "Parachutages d'aide humanitaire."), the date of the event its text opens with: a heading names
   what the lines below tell (marked inferred);
5. the time of the text: the story's current time, or in news the day of writing (below), with
   `time_inferred` = True.

An event a date is counted from ("la veille du scrutin", "deux jours après le braquage") takes no date
from it, nor from the clause the date dates.

A date is never carried through the parse across a sentence end that the parser missed (a full stop
or a blank line before a line break), and never out of a clause of its own that is no event ("le
colonel X, tué le 14 septembre, …": the date is the participle's, not the main verb's; a relative
clause's likewise). A date attached to a noun that names no event by a preposition ("la loi du
28 février 2012") dates nothing, unless an event noun of that noun's phrase comes between them ("le
rescapé du naufrage en 1912": the shipwreck's date).

The story's current time is the last resolved DATE/TIME timex that is a step of the story
(`Timex.story_line`) before the event in the main narrative. Sidebars, quote blocks, quotations,
boilerplate, the byline, the dates of planned, ordered or hoped-for events ("il prévoit de les
attaquer le 24 janvier") and, in news, those of a past told in passing by a bare participle
describing a noun ("le stade (inauguré en 1998) accueillera la finale") never set it; a date heading
an entry ("12 août. — …", a diary's or a dispatch's) always does. A text that never writes a year (a
memoir: "Le 18 mars, …") has its days without a year as the story's steps; an event inside an aside
first looks for a date told
earlier in the same aside. An undated pluperfect is before the story's day, not on it: it stays
undated, unless it goes on with a flashback's own day or the story's time is coarser than a day.

News: when the time layer read the text's deixis from its publication date (a timex anchored on the
DCT, which it does only in news), the tense of the event decides between the story told and the day
of writing, as the French TimeBank does — except under a date heading an entry, whose presents and
passés composés are written on that day (a diary printed by a newspaper):
- an event in the present is at the day of writing, unless the story's time was told in the present
  in the same paragraph (a story told in the present: "Samedi soir, l'association reçoit … les
  musiciens jouent"); a past told in a participle's clause is not ("Le texte adopté lundi autorise …",
  "Élu en 1995, il dirige …");
- an event in the passé composé goes on with a past date told in its paragraph, else it is at the
  day of writing ("Le conseil a voté le budget", opening the article);
- an event in the future never takes a date shortly before the day of writing (years before, it is
  the historians' future: "Napoléon sera exilé en 1815");
- other past tenses (imparfait, passé simple, plus-que-parfait) go on with the story's time, unless
  that time is after the day of writing (a plan told before them): then they are at the day of writing;
- a story whose time is months away from the day of writing goes on in every tense (a history
  published soon after its war, told in the present of narration).
A text with a publication date and no date at all (a brief) puts its passés composés at the day of
writing.
An event whose tense says nothing (a noun, an infinitive) takes the tense of the verb it hangs from.
A timex meaning "now" (PRESENT_REF: "désormais", "actuellement") is the day of writing in news.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from annales.common.capitals import CapitalLines
from annales.common.grammar import (
    bare_participle,
    conditional,
    detached_participle,
    names_a_nouns_time,
    nouns_taking_the_date,
    participle_before_a_date,
    participle_disagrees,
    participle_endings,
    perfect_infinitive,
    verb_tense,
)
from annales.common.intervals import Cover
from annales.common.layout import closes_its_sentence, dates_a_dispatch, heads_an_entry
from annales.common.parse import (
    TokenSentences,
    answered_once,
    children_of,
    children_where,
    has_child_dep,
    morph_of,
    span_root,
    tags,
)
from annales.common.resources import load_rows
from annales.events.lexicon import lexicon
from annales.events.participants import OBJECT, support_verbs
from annales.events.triggers import complement_participle, doc_text, inside, lemma_of, opens_a_time_locution
from annales.model import Analysis, EventDate, Timex, valid_iso_date

POINT_TYPES = ("DATE", "TIME")
ASIDES = ("sidebar", "quote-block")
SKIPPED = ("boilerplate", "byline")
# A verb heading a clause of its own under these dependencies keeps the dates of its clause, even
# when it is no event: a participle describing a noun, a relative, adverbial or reported clause.
OWN_CLAUSE_DEPS = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "csubj", "parataxis"})
VERBS = ("VERB", "AUX")
NOMINALS = ("NOUN", "PROPN", "NUM")
# A line break ends a sentence when a sentence-final mark or a blank line comes before it: the
# parser sometimes runs a title or a paragraph into the next one.
_BREAK = re.compile(r"(?:[.!?…»\"]|\n)[ \t]*(\n)")
_NEWLINE = re.compile("\n")
YEARLESS_DAY = re.compile(r"XXXX-(?:0[1-9]|1[0-2])(?:-\d\d)?(?:T|$)")
PRESENT_REF = "PRESENT_REF"
SENTENCE_ENDS = frozenset('.!?…:;»"\n')
# News tells the days around its publication: a story whose time is more than a season away from
# the day of writing is another time, which the present of narration goes on with. (French TimeBank
# half a: the same placement from 92 to 366 days, one less at 31; a 1914-1918 regimental history
# given a 1920 publication date keeps its dates from 92 days up.)
STORY_AWAY_DAYS = 120
# A heading is a short line: a longer line without a verb is a sentence the tagger misread.
HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 160
DAY_CHARS = len("1914-09-26")
# The marks around an incise: a clause told aside between them keeps its dates to itself.
INCISE_OPENERS = frozenset({",", "(", "—", "–"})
INCISE_CLOSERS = frozenset({",", ")", "—", "–"})  # a date down to the day (a week, "1999-W21", is shorter)


@dataclass(frozen=True)
class Dated:
    """What dates an event: the timex (None for the day of writing), its date, and whether the
    date was inferred from the text's time rather than read in the event's own words."""

    time: str | None
    date: EventDate
    inferred: bool


class Breaks:
    """Sentence ends the parse may have missed, and paragraphs: an offset's unit is read by bisection."""

    def __init__(self, text: str, headings: Iterable[tuple[int, int]] = ()) -> None:
        ends = {m.start(1) for m in _BREAK.finditer(text)} | {end for _, end in headings}
        self._breaks = sorted(ends)
        self._lines = [m.start() for m in _NEWLINE.finditer(text)]  # found in C, not a character at a time

    def unit(self, offset: int) -> int:
        return bisect_right(self._breaks, offset)

    def paragraph(self, offset: int) -> int:
        """Line breaks separate a news text's paragraphs."""
        return bisect_right(self._lines, offset)


def first_above(token: Any, targets: set[int] | dict[int, Any], memo: dict[int, int | None],
                breaks: Breaks | None = None) -> int | None:
    """The first token of `targets` on the way up from `token` to its sentence's root (itself
    included), None when there is none. With `breaks`, the walk stops at a sentence end the parser
    missed: a date of one sentence is never another's.

    Every token walked through keeps the answer in `memo`: the next walk from below stops there. Walked
    afresh for each of thousands of dates hung one on another, the path would be read thousands of times.
    A walk bounded by `breaks` only ever visits tokens of its own sentence, so one memo serves them all.
    """
    path = []
    t = token
    unit = breaks.unit(token.idx) if breaks is not None else 0
    while True:
        if t.i in targets:
            found = t.i
            break
        if t.i in memo:
            found = memo[t.i]
            break
        path.append(t.i)
        head = t.head
        if head.i == t.i or (breaks is not None and breaks.unit(head.idx) != unit):
            found = None
            break
        t = head
    for i in path:
        memo[i] = found
    return found


def counts_days(timex: Timex, days: dict[str, int]) -> list[int]:
    """The day offsets of the words of `timex` that count days from the story's time ("le lendemain": [1])."""
    return [days[w] for w in re.findall(r"\w+", timex.text.lower()) if w in days]


FRONTED_REACH = 5  # "Débarqué à Nancy le 9, …": the participle, its complement, the date
FRONTED_PHRASE_REACH = 12  # "Après l'échec de la première expédition anglaise en 1757, …"
COUNTED_REACH = 16  # characters from a date counted from a doing to the noun naming it: "de notre "


def own_timexes(doc: Any, points: list[Timex], triggers: set[int], breaks: Breaks | None = None,
                hung: list[tuple[Timex, int]] | None = None,
                days: dict[str, int] | None = None,
                spans: list[Any] | None = None, language: str = "fr") -> tuple[dict[int, Timex], list[Timex]]:
    """For each trigger, the most precise DATE/TIME timex that hangs from its clause in the parse;
    and the timexes that hang from no event and no clause of their own (a sentence's loose dates).
    `hung`, when given, receives every (timex, trigger it hangs from); `spans`: the points' Spans
    (`doc.char_span`, expanded), when the caller has them."""
    days = days or {}
    out: dict[int, Timex] = {}
    ranks: dict[int, tuple[bool, tuple[bool, int, int]]] = {}
    loose: list[Timex] = []
    # A clause of its own that is no event stops the walk: its dates are its own. A participle
    # describing an event noun ("des élections avancées au printemps") tells that event's date.
    pos, dep, heads = tags(doc)
    stops = set(triggers)
    # An adverbial clause whose head the tagger read as a noun ("Arrêté le 12 août, le régiment
    # reprend sa marche le 14"): its date reaches the main verb only when the verb has no other.
    misread: set[int] = set()
    for i, d in enumerate(dep):
        if d in OWN_CLAUSE_DEPS:  # few words head a clause: their part of speech is read for them only
            if pos[i] in VERBS:
                if not (d == "acl" and heads[i] in triggers):
                    stops.add(i)
            elif d == "advcl":
                misread.add(i)
    misread_or_stops = misread | stops  # made once: a long text has thousands of dates
    through: dict[int, int | None] = {}
    if spans is None:
        spans = [doc.char_span(t.start, t.end, alignment_mode="expand") for t in points]
    in_dates = {k for span in spans if span is not None for k in range(span.start, span.end)}
    above: dict[int, int | None] = {}
    for timex, span in zip(points, spans, strict=True):
        if span is None or len(span) == 0:
            continue
        root = _above_nouns(span_root(span), triggers, in_dates, language, range(span.start, span.end))
        if root is None:
            continue
        root = _past_complement(span_root(span), root, triggers)
        if root.i in counted_from(span) and root.head.i != root.i:
            root = root.head  # "deux jours après le braquage": the date is not the robbery's
        # "Les otages libérés dimanche sont arrivés à Paris": the participle before the date is what it dates
        participle = participle_before_a_date(span_root(span))
        fronted = participle.i if participle is not None and participle.i in triggers \
            else _fronted_clause_of(root, span, triggers)
        head = clause = fronted if fronted is not None else first_above(root, stops, above, breaks)
        if head is not None and head not in triggers:
            # A clause whose verb is no event ("qu'en 1873 le prince fit imprimer …", a causative or
            # a light verb): its date is that of the event the verb governs, in the same clause (not
            # one after a colon the parse hung there: "cette lettre me fait sursauter : en 1928, …").
            head = _event_governed(doc[head], triggers)
            if head is not None and _clause_mark_between(doc, span, doc[head]):
                head = None
        if head is None:
            if clause is None:  # a clause of its own that is no event keeps its date
                loose.append(timex)
        elif head in triggers:
            if hung is not None:
                hung.append((timex, head))
            rank = (first_above(root, misread_or_stops, through, breaks) not in misread, _precision(timex))
            # Of two dates as precise, the first told wins ("du 14 au 28 avril": the start), unless the
            # other is counted from it: "Le 2 mai, le bataillon part de Lyon et arrive le lendemain" (the
            # parser hung both on "arrive"): the first frames the sentence, the second dates the verb.
            if head not in out or rank > ranks[head] or (rank == ranks[head] and timex.anchor == out[head].id
                                                         and counts_days(timex, days)):
                out[head], ranks[head] = timex, rank  # "deux ans plus tôt, le 19 août 1942": the day, not the year
    return out, loose


def _fronted_clause_of(root: Any, span: Any, triggers: set[int]) -> int | None:
    """"Relevé le 28 septembre, le régiment est transporté …" parsed with the date on the main verb (the
    participle its adverbial clause, or a sentence of its own the parser cut): a date written after the
    participle that opens the sentence, no punctuation between them, before the comma closing its
    clause, is that participle's event's; None otherwise."""
    verb = root.head
    if root.dep_ not in ("obl", "obl:mod") or verb.i <= span.end or verb.pos_ not in VERBS:
        return None
    doc = root.doc
    after = doc[span.end:verb.i]
    if len(after) == 0 or after[0].text != ",":
        return None
    for k in range(span.start - 1, max(-1, span.start - 1 - FRONTED_REACH), -1):
        word = doc[k]
        if word.is_punct or word.is_space:
            return None
        if k in triggers and word.pos_ in VERBS and "Part" in morph_of(word, "VerbForm") \
                and not has_child_dep(word, "aux", "aux:tense", "aux:pass") \
                and ((word.dep_ == "advcl" and word.head.i == verb.i) or word.head.i == word.i):
            return k
    return _fronted_phrase_of(span, verb, triggers)


def _fronted_phrase_of(span: Any, verb: Any, triggers: set[int]) -> int | None:
    """"Après l'échec d'une expédition en 1757, le gouvernement décide …", the date hung on the main
    verb: a date that closes a phrase opening its sentence with a preposition, nothing but words
    between them, is the date of the event noun heading that phrase (or of the one it governs nearest
    the date); None when the phrase names no event."""
    doc = span.doc
    start = span.start
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
        if doc[start].is_punct or doc[start].is_space or start < span.start - FRONTED_PHRASE_REACH:
            return None
    if start == span.start or doc[start].pos_ != "ADP" or doc[start].dep_ != "case":
        return None
    head = doc[start].head
    if not span.start > head.i > start or head.pos_ not in NOMINALS or head.head.i != verb.i:
        return None
    if head.i in triggers:
        return head.i
    return next((k for k in range(span.start - 1, head.i, -1) if k in triggers
                 and doc[k].pos_ in NOMINALS and _governs(head, doc[k])), None)


def _opens_a_range(root: Any, in_dates: set[int], own: range | None) -> bool:
    """The date opens a period whose end, another date, hangs on it with a preposition ("servit dans
    l'armée autrichienne de 1777 à 1785"): how long something went on, which times the clause, not the
    noun the parse hung it on. `own`: the date's own words."""
    own = own if own is not None else range(root.i, root.i + 1)
    if any(c.i > root.i and c.i in in_dates and c.i not in own and c.dep_.startswith(("nmod", "conj"))
           and has_child_dep(c, "case") and not has_child_dep(c, "cc") for c in children_of(root)):
        return True
    # the end hung beside the start, on the same noun ("l'empire Qing d'août 1884 à avril 1885"): its
    # preposition right after the start's words
    after = max(own) + 1
    return root.head.i != root.i and any(
        c.i == after + 1 and c.i in in_dates and c.dep_.startswith("nmod") and has_child_dep(c, "case")
        and root.doc[after].dep_ == "case" and root.doc[after].head.i == c.i for c in children_of(root.head))


def _clause_mark_between(doc: Any, span: Any, token: Any) -> bool:
    """A colon or a semicolon lies between a date's words and a token."""
    low, high = (span.end, token.i) if span.end <= token.i else (token.i + 1, span.start)
    return any(doc[k].text in (":", ";") for k in range(low, high))


def _event_governed(verb: Any, triggers: set[int]) -> int | None:
    """The trigger a verb that is no event governs as its infinitive ("fit imprimer", "laissa
    passer", "vint chercher"), two steps down at most; None when there is none."""
    for _ in range(2):
        below = next((c for c in children_of(verb) if c.dep_ == "xcomp" and c.pos_ in VERBS), None)
        if below is None:
            return None
        if below.i in triggers:
            return below.i
        verb = below
    return None


def _above_nouns(root: Any, triggers: set[int], in_dates: set[int], language: str,
                 own: range | None = None) -> Any | None:
    """Where a date's walk up the parse goes on from, past the nouns it modifies; None when it is the
    date of a noun that names no event.

    Through a chain of nouns ("le siège de la citadelle de Namur en 1914") the date reaches the event noun
    at its head, if any; hung by the parser on a noun that names no event, it goes to an event noun
    of that noun's phrase told between them ("le rescapé du naufrage en 1912"). Otherwise, a date
    tied to a noun by a preposition is that noun's ("la loi du 28 février 2012", "un vétéran de
    1870"); one with none or with a preposition no noun takes a date by ("occupent les principautés
    en juillet 1853") is the parser's slip ("à la majorité jeudi dernier") and goes on up. A noun
    of another date is no such noun ("lundi vers 18 h 30")."""
    if root.dep_ == "amod" and root.head.pos_ in NOMINALS and root.head.i not in triggers \
            and root.head.i not in in_dates:
        return None  # an adjective of time on a noun that names no event: "le futur duc", "l'actuel maire"
    if root.pos_ == "ADJ" and any(
            c.i == root.i + 1 and c.pos_ in NOMINALS and c.i not in triggers and c.i not in in_dates
            for c in children_of(root)):
        return None  # the same, the parse making the adjective the head: "dans l'actuel Ghana"
    t, tied, slip = root, False, False
    while t.dep_.startswith("nmod") and t.head.pos_ in NOMINALS and t.head.i != t.i:
        head = t.head
        if head.i in triggers:
            return head
        if head.i not in in_dates and has_child_dep(t, "case"):
            if not tied:
                # "le rescapé du naufrage du navire en 1912": the parser hung the date on the first
                # noun; an event noun told between them is what a date of this phrase times.
                between = [k for k in range(root.i - 1, head.i, -1) if k in triggers
                           and root.doc[k].pos_ in NOMINALS and _governs(head, root.doc[k])]
                if between:
                    return root.doc[between[0]]
            if t is root and (not names_a_nouns_time(t, language) or _opens_a_range(t, in_dates, own)
                              or opens_a_time_locution(head, lexicon(language))):
                # "occupent les principautés de la Valachie en juillet 1853": no noun takes its
                # time by "en"; the date times what the whole phrase depends on, and so does one a
                # locution of time introduces ("prend la ville au cours de l'été").
                slip = True
            tied = True
        t = head
    return None if tied and not slip else t


def counted_from(span: Any) -> set[int]:
    """The words a date's own preposition governs outside it: what the date is counted from ("deux
    jours après [le braquage]")."""
    return {t.head.i for t in span if t.dep_ == "case" and not span.start <= t.head.i < span.end}


def _past_complement(date: Any, reached: Any, triggers: set[int]) -> Any:
    """Where the walk goes on from when a bare date ("lundi", "hier", no preposition of its own) hangs
    on an event noun that is itself the complement of a preposition: "a fait appel de cette décision
    lundi" tells when the appeal was made, not the decision; "les élections de dimanche" keep theirs."""
    if reached.i != date.head.i or reached.i not in triggers or reached.pos_ not in NOMINALS:
        return reached
    if has_child_dep(date, "case") or not has_child_dep(reached, "case") or reached.head.i == reached.i:
        return reached
    return reached.head


def _governs(head: Any, token: Any) -> bool:
    for _ in range(20):  # a noun phrase is never deeper: the walk stops short of the sentence's root
        if token.i == head.i:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _precision(timex: Timex) -> tuple[bool, int, int]:
    day, _, clock = timex.value.partition("T")
    return (timex.resolved, len(day.rstrip("X-")), len(clock.rstrip("X")))


def governing_timex(token: Any, own: dict[int, Timex], memo: dict[int, int | None],
                    breaks: Breaks | None = None) -> Timex | None:
    """The trigger's own timex, else that of the nearest trigger governing it in the sentence."""
    dated = first_above(token, own, memo, breaks)
    return None if dated is None else own[dated]


class Narrative:
    """The narrative's current time: the last resolved DATE/TIME timex of the main story."""

    def __init__(self, analysis: Analysis, points: list[Timex], flashbacks: frozenset[str] = frozenset(),
                 plans: frozenset[str] = frozenset()) -> None:
        """`flashbacks`: ids of the dates of events told in the pluperfect, a step back from the story;
        `plans`: ids of the dates of events planned, ordered or hoped for, never a step of it."""
        quotes = Cover((q.start, q.end) for q in analysis.quotes)
        self._asides = sorted((r.start, r.end) for r in analysis.regions if r.kind in ASIDES)
        skipped = sorted((r.start, r.end) for r in analysis.regions if r.kind in SKIPPED)
        usable = sorted((t for t in points if t.resolved and _calendar(t)), key=lambda t: t.start)
        if not usable:
            # A memoir that never writes a year ("Le 18 mars, …") still tells its days in order: its
            # days without a year are the story's steps. Where any date has a year, they stay out
            # of the story, being what the time layer could not place in it.
            usable = sorted((t for t in points if _yearless_day(t)), key=lambda t: t.start)
        # A reference off the story's line ("depuis 1921", a flash-forward) dates only its own clause.
        self._main = [t for t in usable if not inside(self._asides, t.start) and not inside(skipped, t.start)
                      and not quotes.holds(t.start) and t.id not in plans
                      and (t.story_line is not False or heads_an_entry(analysis.text, t.start, t.end))]
        self._main_starts = [t.start for t in self._main]
        # "Il avait agressé une passante le 3 mars. À l'audience, il a reconnu les faits": the story goes
        # on at its own time after a flashback; only the flashback's own pluperfects stay there.
        self._steps = [t for t in self._main if t.id not in flashbacks]
        self._steps_starts = [t.start for t in self._steps]
        self._all = usable
        self._all_starts = [t.start for t in usable]

    def time_before(self, offset: int, in_flashback: bool = False) -> Timex | None:
        k = bisect_left(self._asides, (offset + 1,)) - 1
        if k >= 0 and self._asides[k][0] <= offset < self._asides[k][1]:
            start = self._asides[k][0]
            j = bisect_left(self._all_starts, offset) - 1
            if j >= 0 and self._all[j].start >= start:
                return self._all[j]  # a date told earlier in the same aside
        main, starts = (self._main, self._main_starts) if in_flashback else (self._steps, self._steps_starts)
        j = bisect_left(starts, offset) - 1
        return main[j] if j >= 0 else None

    def steps_back(self, offset: int) -> Iterable[Timex]:
        """The steps of the main story told before `offset`, the nearest first."""
        j = bisect_left(self._steps_starts, offset) - 1
        while j >= 0:
            yield self._steps[j]
            j -= 1


@cache
def story_days(language: str) -> dict[str, int]:
    """The words counting days from the story's time ("lendemain" 1, "veille" -1), as the time layer's
    resource lists them; one word each ("même jour" would make "le jour suivant" the same day)."""
    return {surface.lower(): int(offset)
            for surface, anchor, unit, offset in load_rows(language, "time", "deictics.tsv", 4)
            if anchor == "story" and unit == "D" and " " not in surface}


@cache
def back_dating_subjects(language: str) -> frozenset[str]:
    return frozenset(row[0].lower() for row in load_rows(language, "events", "back_dating_subjects.tsv"))


@cache
def sequence_prepositions(language: str) -> frozenset[str]:
    return frozenset(row[0].lower() for row in load_rows(language, "events", "sequence_prepositions.tsv"))


@cache
def during_words(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The prepositions, and the heads of locutions, that tie an event to another it happens during."""
    rows = load_rows(language, "events", "during.tsv", 2)
    return (frozenset(w.lower() for kind, w in rows if kind == "preposition"),
            frozenset(w.lower() for kind, w in rows if kind == "head"))


@dataclass(frozen=True)
class Simultaneity:
    """What makes a clause told at the same time as the verb it hangs from (events/simultaneous.tsv)."""

    gerund: frozenset[str]  # "en répondant"
    conjunctions: frozenset[str]  # "lorsque", "pendant que": the clause's marks joined by a space
    nouns: frozenset[str]  # "au moment où": a noun of time heading the relative that tells the moment


@cache
def simultaneity(language: str) -> Simultaneity:
    rows = load_rows(language, "events", "simultaneous.tsv", 2)
    words = {kind: frozenset(w.lower() for k, w in rows if k == kind) for kind in ("gerund", "conjunction", "noun")}
    return Simultaneity(words["gerund"], words["conjunction"], words["noun"])


def _calendar(timex: Timex) -> bool:
    return timex.interval is not None or timex.value[:1].isdigit()


def _yearless_day(timex: Timex) -> bool:
    """A day or a month whose year the text never says ("XXXX-03-18", "XXXX-06")."""
    return timex.type in ("DATE", "TIME") and YEARLESS_DAY.match(timex.value) is not None


def event_date(timex: Timex) -> EventDate:
    if not timex.resolved or timex.interval is None:
        return EventDate(timex.value)
    return EventDate(timex.value, timex.interval.earliest, timex.interval.latest)


def _said_by_subject_relative(verb: Any) -> bool:
    """The relative clause's subject is its pronoun ("l'explosion qui a secoué le quartier samedi"): what
    the clause tells the event noun did, which happened when it did."""
    return any(c.dep_ == "nsubj" and c.pos_ == "PRON" and "Rel" in morph_of(c, "PronType") for c in children_of(verb))


def _said_by_another(verb: Any) -> bool:
    """A clause hung on a noun that has a subject of its own ("l'attaque que le ministre a dénoncée
    lundi", a relative clause the parse gives as a participle): what someone else did about the event, at
    a time of its own."""
    return any(c.dep_ in ("nsubj", "nsubj:pass") and "Rel" not in morph_of(c, "PronType") for c in children_of(verb))


@answered_once  # an event's dating asks it up to four times, and its governor's again
def tense_of(token: Any, language: str) -> str | None:
    """"present", "perfect" (passé composé), "past", "future" (the simple conditional too),
    "conditional" (the conditional perfect) or None, read from the token's verb, or from the verb it
    hangs from when it has no tense of its own (a noun, an infinitive, a participle)."""
    t = token
    for _ in range(6):  # a noun's verb is a few heads up; a long climb would reach another clause
        if t.pos_ not in VERBS:
            copula = children_where(t, lambda dep: dep == "cop")
            if copula:  # "sera effectif", "était importante": the copula's tense is the predicate's
                auxiliary = children_where(t, lambda dep: dep == "aux:tense")
                if auxiliary and "Pres" in morph_of(auxiliary[0], "Tense"):
                    return "perfect"  # "a été effectif"
                return verb_tense(auxiliary[0] if auxiliary else copula[0], language)
        if t.pos_ in VERBS:
            if t.dep_ == "xcomp" and t.head.pos_ in VERBS and t.head.i != t.i:
                # "a dû être évacué": the modal's past, not the future "doit partir" makes.
                above = tense_of(t.head, language)
                if above in ("perfect", "past", "conditional"):
                    return above
            if _perfect(t):
                return "perfect"
            if _conditional_perfect(t):
                return "conditional"  # news reports a past with it ("il aurait démissionné hier")
            tense = verb_tense(t, language)
            if tense is not None:
                return tense
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _conditional_perfect(verb: Any) -> bool:
    """"aurait démissionné", "serait parti": a past the writer reports without vouching for it. A
    simple conditional ("devrait annoncer") looks forward, as the future does."""
    aux = children_where(verb, lambda dep: dep == "aux:tense")
    return bool(aux) and conditional(aux[0]) and "Part" in morph_of(verb, "VerbForm")


def pluperfect(verb: Any) -> bool:
    """"avait agressé", "était parti", "avait été arrêté": a tense auxiliary in the imperfect before a participle."""
    if verb.pos_ not in VERBS:
        return False
    aux = children_where(verb, lambda dep: dep == "aux:tense")
    return bool(aux) and "Imp" in morph_of(aux[0], "Tense") and "Part" in morph_of(verb, "VerbForm")


def _comma_after(token: Any) -> bool:
    """A comma follows the words the token heads ("Nommé en 1997, …")."""
    last = max(t.i for t in token.subtree)
    return last + 1 < len(token.doc) and token.doc[last + 1].text == ","


def _perfect(verb: Any) -> bool:
    """"a signé", "est arrivé", "a été secouru": a tense auxiliary in the present before a participle."""
    aux = children_where(verb, lambda dep: dep == "aux:tense")
    return bool(aux) and "Pres" in morph_of(aux[0], "Tense") and "Part" in morph_of(verb, "VerbForm") \
        and "Ind" in morph_of(aux[0], "Mood")


class Dating:
    """Dates the events of one analysed text (see the module's docstring for the order of evidence)."""

    def __init__(self, analysis: Analysis, doc: Any, triggers: Iterable[int],
                 capitals: CapitalLines | None = None, misread_verbs: Collection[int] = ()) -> None:
        """`capitals`: the text's lines in capitals, when the caller found them already; `misread_verbs`:
        the triggers that are verbs the tagger took for another word ("Élu en 1995, …" read as a noun)."""
        self.doc = doc
        self.misread_verbs = misread_verbs
        self.language = analysis.language or "fr"
        self.triggers = set(triggers)
        points = self.points = [t for t in analysis.timexes if t.type in POINT_TYPES]
        self._by_id = {t.id: t for t in points}
        self._point_starts = sorted(t.start for t in points)
        self._points_by_start = sorted(points, key=lambda t: t.start)
        self.text = doc_text(doc, analysis.text)  # the Doc's text, which `Doc.text` joins anew at each reading
        self.capitals = capitals if capitals is not None else CapitalLines(self.text)
        spans_of_points = [doc.char_span(t.start, t.end, alignment_mode="expand") for t in points]
        spans = [span for span in spans_of_points if span is not None]
        self.anchors = {k for span in spans for k in counted_from(span)}
        self.in_dates = {k for span in spans for k in range(span.start, span.end)}
        # the dates counted from a doing: unresolved, or resolved by the day the text told it on
        self.counted_roots = {span_root(span).i for t, span in zip(points, spans_of_points, strict=True)
                              if span is not None and len(span) > 0
                              and (not t.resolved or t.anchoring == "relative-to-event")}
        self.breaks = Breaks(analysis.text, ((r.start, r.end) for r in analysis.regions if r.kind == "heading"))
        self._sentences_of = TokenSentences(doc).bounds
        hung: list[tuple[Timex, int]] = []
        self.story_days = story_days(self.language)
        self.own, loose = own_timexes(doc, points, self.triggers, self.breaks, hung, self.story_days,
                                      spans_of_points, self.language)
        self.loose: dict[int, list[Timex]] = {}
        for timex in loose:
            self.loose.setdefault(self.breaks.unit(timex.start), []).append(timex)
        by_id = {t.id: t for t in analysis.timexes}
        flashbacks = self.flashbacks = frozenset(timex.id for i, timex in self.own.items() if pluperfect(doc[i])
                                                 or self._looks_back_from_a_noun(doc[i], timex, by_id))
        self.lex = lexicon(self.language)
        # A date in parentheses closing its sentence dates what the sentence told ("Napoléon décide
        # d'engager ses troupes (juillet 1810)."), not the plan the parse hung it on.
        plans = frozenset(timex.id for i, timex in self.own.items() if self._planned(doc[i])
                          and not closes_its_sentence(analysis.text, timex.start, timex.end))
        # "la manifestation prévue samedi": the day a participle of planning is said with is the day
        # planned for, no step of the story either
        plans |= frozenset(timex.id for i, timex in self.own.items() if doc[i].dep_ == "acl"
                           and lemma_of(doc[i]) in self.lex.plan_participles and "Part" in doc[i].morph.get("VerbForm"))
        # In news, a past told in passing by a participle describing a noun ("le stade (inauguré en
        # 1998) accueillera la finale", "l'accord signé en mars prévoit …") is no step of the story
        # either; a history goes on from it ("L'attaque, déclenchée le 16, est arrêtée au bout de
        # quelques minutes": the 16th).
        # The time layer reads deixis from the publication date only in news: that is how it says so.
        # A dispatch's dateline takes its year from the paper too, but it is no deixis (a paper of
        # 1888 printing a diary of 1870 and the day's dispatches about it).
        news = analysis.dct is not None and any(
            t.anchor == "dct" and not self._dispatch(analysis, t) for t in analysis.timexes)
        if news:
            # so is one opening the sentence, said of its subject ("Élu en 1995, réélu en 2001, le maire a
            # annoncé …": who the mayor is, not when he spoke)
            plans |= frozenset(timex.id for i, timex in self.own.items() if self._participle_clause(doc[i]))
        self.plans = plans
        self.narrative = Narrative(analysis, points, flashbacks, plans)
        self.news = news
        # A text with a publication date and no date of its own: its passés composés, the tense news
        # reports in ("Le conseil a voté le budget."), are at the day of writing; a present may be a
        # history's ("Les Alliés débarquent en Normandie"), which nothing dates.
        self.brief = analysis.dct is not None and not points
        self.dct = analysis.dct.value if analysis.dct is not None else None
        if self.news:
            self._give_later_dates_to_nouns(hung)
        self._governing: dict[int, int | None] = {}
        self._in_present: dict[str, bool] = {}  # timex id -> `_told_in_present`
        self._far: dict[str, bool] = {}  # timex id -> `_far_from_dct`
        self.support_verbs = support_verbs(self.language)
        self.during = during_words(self.language)
        self.simultaneous = simultaneity(self.language)
        self.sequence = sequence_prepositions(self.language)
        self.told_after = self._dates_told_after(loose)
        self._incises: dict[str, tuple[int, int] | None] | None = None  # read when a loose date is first asked
        # The parser also cuts where no mark ends a sentence ("C'est le 14 juillet | que la commune
        # tirera …"): a loose date reaches the whole sentence the punctuation closes.
        text = analysis.text
        self._sentences = [s.start for k, s in enumerate(analysis.sentences)
                           if k == 0 or text[max(0, s.start - 8):s.start].rstrip()[-1:] in SENTENCE_ENDS]

    @staticmethod
    def _looks_back_from_a_noun(token: Any, timex: Timex, by_id: dict[str, Timex]) -> bool:
        """A participle describing a noun dated by counting back from the story's day ("Le lieutenant,
        blessé la veille, fut évacué"): a past before the story's, as a pluperfect tells, no step of it."""
        if token.dep_ != "acl" or "Part" not in morph_of(token, "VerbForm") \
                or token.head.pos_ not in ("NOUN", "PROPN"):
            return False
        anchor = by_id.get(timex.anchor or "")
        day = timex.value[:DAY_CHARS]
        return anchor is not None and timex.anchoring == "relative-to-timex" \
            and valid_iso_date(day) is not None and day < anchor.value[:DAY_CHARS]

    def _give_later_dates_to_nouns(self, hung: list[tuple[Timex, int]]) -> None:
        """A verb told in the past cannot happen after the day of writing: a later date the parser hung
        on it is that of the event noun or the infinitive the verb governs nearest to the date ("Le
        syndicat a appelé hier à une grève le 15 juin", "a fixé au 20 juin la date du scrutin", "a décidé
        de fermer l'école le 1er juillet"). The verb keeps its other dates."""
        moved: dict[int, list[Timex]] = {}
        for timex, i in hung:
            verb = self.doc[i]
            if verb.pos_ not in VERBS or not self._after_dct(timex) or \
                    tense_of(verb, self.language) not in ("perfect", "past"):
                continue
            span = self.doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is None:
                continue
            first, last = self._sentences_of(i)
            # an event noun, or an infinitive: "a appelé à manifester samedi"
            nouns = [k for k in range(first, last) if k in self.triggers and k != i
                     and (self.doc[k].pos_ in NOMINALS or "Inf" in morph_of(self.doc[k], "VerbForm"))
                     and self.own.get(k) in (None, timex) and _governs(verb, self.doc[k])]
            if not nouns:
                continue
            self.own[min(nouns, key=lambda k: abs(k - span.start))] = timex
            moved.setdefault(i, []).append(timex)
        for i, gone in moved.items():
            kept = [t for t, k in hung if k == i and t not in gone]
            if kept:
                self.own[i] = max(kept, key=_precision)
            else:
                self.own.pop(i, None)

    def dates_itself(self, token: Any) -> bool:
        """A date hangs on the event's own words, not only on a clause it is told under."""
        return token.i in self.own or self._own_below(token) is not None

    def of(self, token: Any) -> Dated | None:
        capital = self._in_capitals(token)
        if capital is not None:
            return Dated(capital.id, event_date(capital), False)
        timex = self._own_below(token)
        if timex is None and token.i not in self.own:
            timex = self._during(token)
            if timex is None:
                timex = self._simultaneous_clause(token)
        if timex is None and self._anchors_a_date(token):
            # what a date is counted from is not at that date, and the text says no other; but a doing
            # told before is at the day it was told on ("une semaine après notre départ")
            counting = self._counting_from_a_doing(token)
            anchor = self._by_id.get(counting.anchor) if counting is not None and counting.anchor else None
            return None if anchor is None else Dated(anchor.id, event_date(anchor), True)
        if timex is None and (token.i in self.own or not self._apart_from_governor(token)):
            timex = governing_timex(token, self.own, self._governing, self.breaks)
            if timex is None:
                timex = self._governor_below(token)
            if timex is not None and timex.value == PRESENT_REF and not self.news and token.pos_ in NOMINALS \
                    and token.i not in self.own:
                # "Aujourd'hui, un monument rappelle le combat": the narrator's present is the monument's,
                # the combat is the story's
                timex = None
        if timex is not None and not self._future_at_past(token, timex) and not self._past_at_future(token, timex):
            if not timex.resolved and self._counted_from_a_word(timex) \
                    and tense_of(token, self.language) not in ("future", "conditional"):
                # "Quelques jours après la reddition, X rentre à Madrid": counted from a happening the
                # time layer cannot date, the event is at the story's time, after it (marked inferred);
                # not what is to come ("ne paraîtraient que cinquante ans après sa mort").
                inferred = self._inferred(token)
                if inferred is not None:
                    return inferred
            if self.news and timex.value == PRESENT_REF and self.dct is not None:
                return Dated(timex.id, self._dct_date(), False)
            return Dated(timex.id, event_date(timex), False)
        then = self._told_then(token)
        if then is not None:
            return Dated(then.id, event_date(then), True)
        loose = None if self._sequenced(token) else self._nearest_loose(token)
        if loose is not None and not self._future_at_past(token, loose):
            return Dated(loose.id, event_date(loose), False)
        before_next = self._before_next_day(token)
        if before_next is not None:
            return before_next
        told_after = self.told_after.get(token.i)
        if told_after is not None:
            return Dated(told_after.id, event_date(told_after), False)
        lead = self._lead_of_heading(token)
        if lead is not None and lead.idx > token.idx:  # always further down: headings in a row end
            below = self.of(lead)
            return None if below is None else Dated(below.time, below.date, True)
        if self._sequenced(token) and governing_timex(token, self.own, self._governing, self.breaks) is not None:
            return None  # "lancé le 3 mai après l'échec des négociations": before a date, at none the story gives
        return self._not_before_its_subject(token, self._inferred(token))

    def _not_before_its_subject(self, token: Any, inferred: Dated | None) -> Dated | None:
        """"Le traité, signé le 30 mars 1856, neutralise la mer Noire": what a subject does comes no
        earlier than what its dated participle tells of it; a story's time before that day (the text
        had left the participle's date off its line, as a date in passing) gives way to the day."""
        if inferred is None or tense_of(token, self.language) in ("future", "conditional"):
            return inferred  # no story's time to correct (a flashback's verb has none on purpose)
        for subject in token.children:
            if subject.dep_ not in ("nsubj", "nsubj:pass"):
                continue
            for participle in subject.children:
                timex = self.own.get(participle.i)
                if participle.dep_ != "acl" or timex is None or timex.id in self.plans or participle.i < subject.i \
                        or "Part" not in participle.morph.get("VerbForm"):
                    continue
                told = event_date(timex)
                if told.earliest is None or inferred.date.latest is None or told.earliest <= inferred.date.latest:
                    continue
                return Dated(timex.id, told, True)
        return inferred

    def _counted_from_a_word(self, timex: Timex) -> bool:
        """The date is counted from a word outside it ("trois jours après [la bataille]")."""
        span = self.doc.char_span(timex.start, timex.end, alignment_mode="expand")
        return span is not None and bool(counted_from(span))

    def _anchors_a_date(self, token: Any) -> bool:
        """The event is what a date is counted from: the date's own preposition governs it ("deux jours
        après le braquage"), or it completes a date the time layer could only count from it ("la veille
        du scrutin", unresolved; "le lendemain de notre arrivée", counted from the day the arrival was
        told on). It is not at that date."""
        if token.i in self.anchors:
            return True
        head = token.head
        return token.dep_.startswith("nmod") and has_child_dep(token, "case") and head.i in self.counted_roots

    def _counting_from_a_doing(self, token: Any) -> Timex | None:
        """The date right before an event noun that the time layer counted from the day that doing was
        told on ("une semaine après [notre départ]", "le lendemain de [son arrivée]"), if any."""
        return next((t for t in self.points if t.anchoring == "relative-to-event" and t.resolved
                     and t.end <= token.idx and token.idx - t.end <= COUNTED_REACH), None)

    def retells(self, token: Any) -> bool:
        """The event noun is a doing told before, that a date is counted from: no happening of its own."""
        return token.pos_ in NOMINALS and self._anchors_a_date(token) and self._counting_from_a_doing(token) is not None

    def _in_capitals(self, token: Any) -> Timex | None:
        """In a line written in capitals, whose parse is not to be trusted, the date of the line nearest the event."""
        line = self.capitals.line_of(token.idx) if self.capitals.spans else None
        if line is None:
            return None
        dates = [t for t in self.points if line[0] <= t.start < line[1] and t.resolved and _calendar(t)]
        return min(dates, key=lambda t: abs(t.start - token.idx), default=None)

    def _lead_of_heading(self, token: Any) -> Any | None:
        """The event the text below opens with, when `token` is a word of a heading: a short line with
        no finite verb, followed by text."""
        text = self.text
        start = text.rfind("\n", 0, token.idx) + 1
        end = text.find("\n", token.idx)
        if end < 0 or end - start > HEADING_MAX_CHARS or not text[end:].strip():
            return None
        k = bisect_left(self._point_starts, start)
        if k < len(self._point_starts) and self._point_starts[k] < end:
            return None  # a line with a date of its own tells its own time ("6 août. — Marche sur X.")
        line = self.doc.char_span(start, end, alignment_mode="expand")
        if line is None:
            return None
        words = [t for t in line if not (t.is_space or t.is_punct)]
        if len(words) > HEADING_MAX_WORDS or any(t.pos_ in VERBS and "Fin" in morph_of(t, "VerbForm") for t in words):
            return None
        below = next((t for t in self.doc[line.end:] if not t.is_space), None)
        if below is None:
            return None
        first, last = self._sentences_of(below.i)
        # The main event of the sentence below: its root when it is one, else its first event. The
        # parser may run the heading into that sentence: only what follows the heading's line counts.
        events = [k for k in range(max(first, below.i), last) if k in self.triggers]
        root = next((k for k in events if self.doc[k].head.i == k), None)
        if root is None:  # the parser's root is no event: the first verb, else the first event
            root = next((k for k in events if self.doc[k].pos_ in VERBS), events[0] if events else None)
        return None if root is None else self.doc[root]

    def _own_below(self, token: Any) -> Timex | None:
        """The own date of an event that tells this one's time from below: the verb a modal or an
        aspectual governs ("a dû être évacué hier soir"), a participle describing an event noun
        ("son couronnement, prévu le 2 juin"; hung on the head of its phrase but agreeing with it: "l'hypothèse
        de législatives anticipées à l'automne"), the event noun a verb that is no event governs on the
        way ("devrait en faire la présentation demain"), or a support verb ("faire l'annonce", "mener
        l'enquête"), when the date hangs from the noun without a preposition (the parser's slip: "en
        faire l'annonce officielle aujourd'hui"; "l'offensive du printemps" is the offensive's date only)."""
        if token.i in self.own:
            return None  # its own date comes first, through the governing walk
        head = token.head
        if token.dep_ == "nsubj" and token.pos_ in NOMINALS and head.i in self.triggers \
                and head.pos_ in NOMINALS and has_child_dep(head, "cop"):
            # "La guerre franco-siamoise est un conflit qui oppose en 1893 …": one happening named
            # twice, the noun after the copula dated by its relative
            return self._own_below(head)
        agreeing = self._agreeing_participle(token)
        if agreeing is None and token.pos_ in NOMINALS and token.dep_.startswith("nmod"):
            agreeing = complement_participle(token, self.own)  # "l'hypothèse de législatives anticipées à l'automne"
        if agreeing is None and token.pos_ in NOMINALS and token.i in self.triggers:
            agreeing = detached_participle(token)  # "la fermeture, prévue en septembre, du centre"
            agreeing = agreeing if agreeing is not None and agreeing.i in self.own else None
        if agreeing is not None:
            return self.own[agreeing.i]
        for _ in range(4):  # "devrait pouvoir en faire la présentation": a short chain, never a clause away
            unit = self.breaks.unit(token.idx)
            below = next((c for c in children_of(token) if (c.i in self.triggers or c.pos_ in VERBS)
                          and self.breaks.unit(c.idx) == unit
                          and ((c.dep_ == "xcomp" and not perfect_infinitive(c))
                               or (c.dep_ == "acl" and token.pos_ in NOMINALS
                                                     and not participle_disagrees(c, token)
                                                     and not _said_by_another(c))
                               or (c.dep_ == "acl:relcl" and token.i in self.triggers
                                   and token.pos_ in NOMINALS and _said_by_subject_relative(c))
                               or (c.dep_ == "obj" and c.i in self.triggers
                                   and (token.i not in self.triggers or self._supports(token, c))))),
                         None)
            if below is None:
                return None
            if below.i in self.own:
                return self.own[below.i]
            token = below
        return None

    def _apart_from_governor(self, token: Any) -> bool:
        """The event is not at the time of the one it is told under: it is an incise reporting what
        that one tells ("Les négociations reprendront jeudi, a indiqué le syndicat": the subject after
        the verb says so), or told before or after it (`_sequenced`)."""
        if token.dep_ in ("conj", "parataxis") and token.head.i < token.i and \
                self.lex.classes.get(lemma_of(token)) == "REPORTING" and \
                any(c.dep_.startswith("nsubj") and c.i > token.i for c in children_of(token)):
            return True
        return self._sequenced(token)

    def _sequenced(self, token: Any) -> bool:
        """A preposition between the event and its clause's verb puts it before or after what the clause
        tells ("Après trois semaines de travaux, la piscine rouvrira le 1er juillet")."""
        t = token
        for _ in range(6):  # the few nouns between an event noun and its clause's verb
            if t.i != token.i and (t.i in self.own or (t.i in self.triggers and t.pos_ in VERBS)):
                return False
            if t.i not in self.in_dates and \
                    any(c.dep_ == "case" and c.lower_ in self.sequence for c in children_of(t)):
                return True  # not a date's own preposition: "jusqu'au 12 avril" is when it ends
            if t.head.i == t.i:
                return False
            t = t.head
        return False

    def _governor_below(self, token: Any) -> Timex | None:
        """The date of a governing clause told by the event below its verb: "Quand il arrive à Verdun,
        l'ennemi vient de prononcer (11 juillet) une attaque" (an aspectual, a modal or a support verb
        whose own time is that of what it governs)."""
        unit = self.breaks.unit(token.idx)
        t = token
        for _ in range(12):  # a clause or two up: never the whole of a long sentence
            if t.head.i == t.i or self.breaks.unit(t.head.idx) != unit or t.dep_ == "parataxis":
                return None  # an incise ("…, a annoncé le parquet") is not told at the time of what it reports
            t = t.head
            if t.i in self.own:
                return None  # the governing walk had it: nothing to add
            if self._told_by_complement(t):
                below = self._own_below(t)
                if below is not None:
                    return below
        return None

    def _dates_told_after(self, loose: list[Timex]) -> dict[int, Timex]:
        """The last verb of a sentence followed, in its paragraph, by a sentence that only names a date
        with a demonstrative subject ("… arrivent à Bertrix. C'est le 22 août."): that date is its day."""
        subjects = back_dating_subjects(self.language)
        out: dict[int, Timex] = {}
        for timex in loose:
            span = self.doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is None or len(span) == 0 or not timex.resolved or not _calendar(timex):
                continue
            first, last = self._sentences_of(span.start)
            root = next((k for k in range(first, last) if self.doc[k].head.i == k), None)
            if root is None or not span.start <= root < span.end or first == 0 \
                    or any(k in self.triggers for k in range(first, last)) \
                    or not any(c.dep_.startswith("nsubj") and c.lower_ in subjects
                               for c in children_of(self.doc[root])):
                continue
            before, _ = self._sentences_of(first - 1)
            if self.breaks.paragraph(self.doc[before].idx) != self.breaks.paragraph(span.start_char):
                continue  # a paragraph opening on a date sets the time of what follows
            verbs = [k for k in range(before, first) if k in self.triggers and self.doc[k].pos_ in VERBS
                     and "Fin" in morph_of(self.doc[k], "VerbForm")]
            if verbs:
                out[verbs[-1]] = timex
        return out

    def _before_next_day(self, token: Any) -> Dated | None:
        """"Le régiment est embarqué et arrive le lendemain 16 juin": what is told before a verb coordinated
        with it and dated by the day after (or the same day) is on the day that counts from: the 15th."""
        for conj in children_where(token, lambda dep: dep == "conj"):
            timex = self.own.get(conj.i)
            if timex is None or not timex.resolved:
                continue
            offsets = counts_days(timex, self.story_days)
            day = valid_iso_date(timex.value[:10])
            if len(offsets) != 1 or day is None or offsets[0] < 0:
                continue
            iso = (date.fromisoformat(day) - timedelta(days=offsets[0])).isoformat()
            return Dated(timex.id, EventDate(iso, iso, iso), True)
        return None

    def _planned(self, token: Any) -> bool:
        """The event is what someone plans, orders or hopes ("il prévoit de les attaquer le 24 janvier"):
        its date is not a step of the story, which goes on from where it was."""
        t = token
        for _ in range(3):  # "prévoit de pouvoir attaquer": a short chain of complements
            if t.dep_ not in ("xcomp", "ccomp") or t.head.i == t.i:
                return False
            t = t.head
            if self.lex.governors.get(lemma_of(t)) in ("future", "possible"):
                return True
        return False

    def _told_by_complement(self, verb: Any) -> bool:
        """A verb whose time is that of the event it governs: a light verb, no event itself ("vient de
        prononcer"), a modal or an aspectual ("doit partir", "commence à tirer"). Not a plan or a wish:
        "il prévoit d'attaquer le 24 janvier" was not planned on the 24th."""
        if verb.pos_ not in VERBS:
            return False
        if verb.i not in self.triggers:
            return True
        lemma = lemma_of(verb)
        return self.lex.governors.get(lemma) == "modal" or self.lex.classes.get(lemma) == "ASPECTUAL"

    def _during(self, token: Any) -> Timex | None:
        """The own date of an event noun the event happens during: "blessé pendant l'attaque du 12 juin",
        "arrêté lors de la manifestation du 1er mai", "remet la croix au cours d'une revue, le 15 mars"."""
        prepositions, heads = self.during
        for child in children_of(token):
            if not (child.dep_.startswith(("obl", "nmod")) or child.dep_ == "advmod"):
                continue
            if child.i in self.triggers and any(c.dep_ == "case" and c.lower_ in prepositions
                                                for c in children_of(child)):
                own = self._noun_date(child)
                if own is not None:
                    return own
            if child.lemma_.lower() in heads or child.lower_ in heads:
                for noun in children_of(child):
                    if noun.i in self.triggers and noun.pos_ in NOMINALS and noun.dep_.startswith(("nmod", "obl")):
                        own = self._noun_date(noun)
                        if own is not None:
                            return own
        return None

    def _simultaneous_clause(self, token: Any) -> Timex | None:
        """The own date of a clause the grammar tells at the same time as this verb, which has none: a
        gerund ("le roi rejette l'ultimatum en ne répondant pas avant la fin de l'année"), a clause of
        "lorsque", "quand", "pendant que", a relative of "au moment où". The walk up gives the verb's date
        to such a clause; this gives the clause's to the verb. Only its children are read: no pass over
        the sentence."""
        if token.pos_ not in VERBS:
            return None
        same = self.simultaneous
        unit = self.breaks.unit(token.idx)
        for child in children_of(token):
            if self.breaks.unit(child.idx) != unit:
                continue
            clause = child
            if child.pos_ in NOMINALS and child.lemma_.lower() in same.nouns:  # "au moment où …"
                clause = next((c for c in children_of(child) if c.dep_ == "acl:relcl"), None)
                if clause is None:
                    continue
            elif child.pos_ not in VERBS or not self._simultaneous_mark(child, same):
                continue
            if pluperfect(token) and not pluperfect(clause):
                continue  # "le 9e avait été relevé, lorsque, le 26 septembre, l'ennemi attaque": before it
            own = self.own.get(clause.i) or self._own_below(clause)
            if own is not None:
                return own
        return None

    @staticmethod
    def _simultaneous_mark(clause: Any, same: Simultaneity) -> bool:
        """`clause` opens on a gerund's preposition or on a conjunction of simultaneity. The parser gives a
        gerund's "en" as a mark or a case, and hangs the gerund as a clause or an oblique."""
        marks = [c for c in children_of(clause) if c.dep_ in ("mark", "case") and c.i < clause.i]
        if not marks:
            return False
        if marks[0].lower_ in same.gerund:
            return "Part" in morph_of(clause, "VerbForm") and "Pres" in morph_of(clause, "Tense")
        return clause.dep_ == "advcl" and " ".join(m.lower_ for m in marks).replace("’", "'") in same.conjunctions

    def _noun_date(self, noun: Any) -> Timex | None:
        """An event noun's own date, or that of the participle describing it ("lors d'une opération menée
        mercredi": the operation is on Wednesday)."""
        own = self.own.get(noun.i)
        return own if own is not None else self._own_below(noun)

    def _agreeing_participle(self, noun: Any) -> Any | None:
        """A dated participle the parser hung on a noun of the event noun's complement, which agrees
        with the event noun and not with that noun: "la réunion du G8 prévue le 10 juin"."""
        if noun.pos_ not in NOMINALS or noun.i not in self.triggers:
            return None
        features = (morph_of(noun, "Gender"), morph_of(noun, "Number"))
        if not all(features):
            return None
        for child in children_where(noun, lambda dep: dep.startswith("nmod")):
            for participle in children_where(child, lambda dep: dep == "acl"):
                if participle.i not in self.own or "Part" not in morph_of(participle, "VerbForm"):
                    continue
                own = (morph_of(participle, "Gender"), morph_of(participle, "Number"))
                if own == features and (morph_of(child, "Gender"), morph_of(child, "Number")) != features:
                    return participle
        return None

    def _supports(self, verb: Any, noun: Any) -> bool:
        """`verb` is a support verb of the event noun `noun`, its object, whose own date hangs from it
        without the preposition that makes a date a noun's own ("l'offensive du printemps"): "donnera un
        concert samedi à 20 h 30" gives the concert on Saturday at 8.30 pm."""
        support = self.support_verbs.get(lemma_of(verb))
        if support is None or OBJECT not in support[1] or noun.i not in self.own:
            return False
        timex = self.own[noun.i]
        span = self.doc.char_span(timex.start, timex.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and nouns_taking_the_date(span_root(span), self.language) != "all"

    def _nearest_loose(self, token: Any) -> Timex | None:
        candidates = self.loose.get(self.breaks.unit(token.idx), [])
        sentence = self._sentence(token.idx)
        near = [t for t in candidates if self._sentence(t.start) == sentence and t.resolved and _calendar(t)
                and not self._in_another_incise(t, token)]
        return min(near, key=lambda t: abs(t.start - token.idx), default=None)

    def _in_another_incise(self, timex: Timex, token: Any) -> bool:
        """The loose date is told in an incise the parser left as a piece of its own, between commas,
        parentheses or dashes, and the event is outside it: "La société, dont le siège est à Nancy depuis
        1990, a annoncé …" (the relative's date is not the announcement's). A piece opening the sentence
        is no incise: "C'est le 14 juillet | que la commune tirera …" dates what follows."""
        bounds = self._incises.get(timex.id) if self._incises is not None else None
        if self._incises is None:
            self._incises = {}
            for timexes in self.loose.values():
                for t in timexes:
                    self._incises[t.id] = self._incise_of(t)
            bounds = self._incises.get(timex.id)
        return bounds is not None and not bounds[0] <= token.i <= bounds[1]

    def _incise_of(self, timex: Timex) -> tuple[int, int] | None:
        span = self.doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        top = span_root(span)
        for _ in range(len(self.doc)):  # up to the root of the piece the parser made
            if top.head.i == top.i:
                break
            top = top.head
        left, right = top.left_edge.i, top.right_edge.i
        if right + 1 >= len(self.doc):
            return None
        if self.doc[right + 1].text not in INCISE_CLOSERS:
            return None
        if left > 0 and self.doc[left - 1].text in INCISE_OPENERS:
            return left, right
        # The parser may open the piece on the noun the relative describes ("La société, dont le siège est
        # à Nancy depuis 1990, | a annoncé …"): the incise is the relative, from its pronoun after a comma.
        opener = next((k for k in range(span.start - 1, left, -1) if self.doc[k - 1].text in INCISE_OPENERS
                       and "Rel" in morph_of(self.doc[k], "PronType")), None)
        return None if opener is None else (opener, right)

    def _sentence(self, offset: int) -> int:
        return bisect_right(self._sentences, offset) - 1

    def _told_then(self, token: Any) -> Timex | None:
        """"La grève remonte à l'été 1999. Le gouvernement avait alors cédé": a past verb said "then"
        (`events/then_adverbs.tsv`) is at the last calendar date told before it, in its sentence or the
        one before, whatever the story's time."""
        if not any(c.dep_ == "advmod" and c.lower_ in self.lex.then_adverbs for c in token.children) \
                or tense_of(token, self.language) not in ("past", "perfect", "pluperfect"):
            return None
        sentence = self._sentence(token.idx)
        k = bisect_left(self._point_starts, token.idx) - 1
        while k >= 0:
            timex = self._points_by_start[k]
            if self._sentence(timex.start) < sentence - 1:
                return None
            if timex.resolved and _calendar(timex) and timex.id not in self.plans:
                return timex
            k -= 1
        return None

    def _inferred(self, token: Any) -> Dated | None:
        flashback = pluperfect(token)
        carried = self.narrative.time_before(token.idx, flashback)
        if carried is not None and self.news and heads_an_entry(self.text, carried.start, carried.end) \
                and tense_of(token, self.language) in ("present", "perfect", "past"):
            # A diary's or a dispatch's entry is written on the day that heads it ("12 août. — Nous
            # marchons"): its presents and passés composés are that day's, not the paper's.
            return Dated(carried.id, event_date(carried), True)
        if carried is not None and flashback and carried.id not in self.flashbacks \
                and _precision(carried)[1] >= DAY_CHARS:
            return None  # "Le 26 septembre, l'ennemi attaque; le 9e avait été relevé": before that day, not on it
        if self.news and self.dct is not None and carried is not None and self._after_dct(carried) \
                and tense_of(token, self.language) in ("past", "perfect", "conditional"):
            # The last date told is a plan ("Le conseil se réunira le 14 juin"): what is told in the past
            # after it did not happen then. It goes on with the past day its paragraph told before the
            # plan ("Le conseil s'est réuni lundi. Les travaux débuteront en septembre. Le maire a
            # rappelé …": Monday), else it is told from the day of writing.
            earlier = self._past_step_before(token)
            if earlier is not None:
                return Dated(earlier.id, event_date(earlier), True)
            return Dated(None, self._dct_date(), True)
        if self.news and self.dct is not None and not self._far_from_dct(carried):
            tense = tense_of(token, self.language)
            same_paragraph = carried is not None and \
                self.breaks.paragraph(carried.start) == self.breaks.paragraph(token.idx)
            if tense == "future":
                if carried is None or self._before_dct(carried):
                    return None  # a future event is not placed at a past date
            elif tense == "present":
                if not (same_paragraph and self._told_in_present(carried)):
                    return Dated(None, self._dct_date(), True)
            elif tense == "perfect":
                if not same_paragraph or carried is None or self._after_dct(carried):
                    return Dated(None, self._dct_date(), True)
        elif self.news and self.dct is not None and tense_of(token, self.language) == "present" \
                and not self._told_in_present(carried):
            # A far date told in the past ("En 1995, il a ouvert une boutique. Il vend des journaux."): a
            # present after it is the writer's; a story told in the present of narration goes on with it.
            return Dated(None, self._dct_date(), True)
        elif self.brief and self.dct is not None and tense_of(token, self.language) == "perfect":
            return Dated(None, self._dct_date(), True)
        if carried is None:
            return None
        return Dated(carried.id, event_date(carried), True)

    def _past_step_before(self, token: Any) -> Timex | None:
        """The nearest step of the story told before the event in its paragraph that is not after the day
        of writing."""
        paragraph = self.breaks.paragraph(token.idx)
        for step in self.narrative.steps_back(token.idx):
            if self.breaks.paragraph(step.start) != paragraph:
                return None
            if not self._after_dct(step):
                return step
        return None

    def _told_in_present(self, timex: Timex | None) -> bool:
        """The story's time was told in the present: its date dates a verb in the present ("Samedi soir,
        l'association reçoit …"). A date of an event noun is that event's, whatever the tense of the verb
        above the noun ("Le rapport sur l'attentat du 3 mai accuse la police": no story told on 3 May)."""
        if timex is None:
            return False
        # Asked for the story's time of every event after it: its own parse, read once.
        found = self._in_present.get(timex.id)
        if found is None:
            found = self._in_present[timex.id] = self._told_in_present_anew(timex)
        return found

    def _told_in_present_anew(self, timex: Timex) -> bool:
        span = self.doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        root = span_root(span)
        dated = first_above(root.head, self.triggers, {}, self.breaks) if root.head.i != root.i else None
        if dated is not None and self.doc[dated].pos_ in NOMINALS:
            return False
        if dated is not None and not self._after_dct(timex) and self._participle_clause(self.doc[dated]):
            # "L'accord signé en 1998 prévoit …", "Le texte adopté lundi interdit …": a past told in a
            # participle describing a noun is that clause's; the present above it is the writer's.
            return False
        return tense_of(root, self.language) == "present"

    @staticmethod
    def _dispatch(analysis: Analysis, timex: Timex) -> bool:
        """The timex is a dispatch's dateline the time layer dated from the paper ("Berlin, 24
        septembre."): its year is the paper's, no deixis."""
        value = timex.value
        if analysis.dct is None or len(value) != 10 or not value[5:7].isdigit() or not value[8:10].isdigit():
            return False
        return dates_a_dispatch(analysis.text, timex.start, timex.end, int(value[5:7]), int(value[8:10]),
                                date.fromisoformat(analysis.dct.value))

    def _participle_clause(self, verb: Any) -> bool:
        """A bare past participle heading a clause of its own under a noun or the main verb ("l'accord
        signé en 1998", "Arrêté le 3 mars, il …"): its tense is no tense of the sentence's."""
        while verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.i < verb.i:
            verb = verb.head  # "élu en 1995, réélu en 2001": the second is said as the first is
        # opening the sentence, the parse may hang it as a complement of the main verb ("obl:mod")
        opening = (verb.dep_ in ("obl", "obl:mod", "dep") and verb.i < verb.head.i) or (
            verb.dep_ == "ROOT" and verb.is_sent_start and _comma_after(verb))  # the parse may cut there
        if not (verb.dep_ in ("acl", "advcl") or opening) or has_child_dep(verb, "aux", "aux:tense", "aux:pass"):
            return False
        if verb.i in self.misread_verbs:  # "Élu en 1995, …" read as a noun: its ending says it is a participle
            return verb.lower_.endswith(participle_endings(verb.doc.lang_ or "fr"))
        return bare_participle(verb) and "Past" in morph_of(verb, "Tense")

    def _future_at_past(self, token: Any, timex: Timex) -> bool:
        """A future event of news dated a few days or weeks before the day of writing: a misreading (of
        the date or of the event's date). Years before, it is the historians' future ("Napoléon sera
        exilé en 1815"), dated as told. A bare participle has no tense of its own: "le joueur, blessé le
        8 avril, reprendra lundi" tells a past wound in a future sentence."""
        return self.news and self._before_dct(timex) and not self._far_from_dct(timex) \
            and tense_of(token, self.language) == "future" and not bare_participle(token) \
            and not self._qualified_by(token, timex)

    def _qualified_by(self, token: Any, timex: Timex) -> bool:
        """The date is a complement of the event noun ("l'incendie de lundi"): the noun's own time, which
        the tense of the clause the noun stands in does not tell."""
        if token.pos_ in VERBS:
            return False
        span = self.doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        root = span_root(span)
        return root.head.i == token.i and root.dep_.startswith("nmod") and has_child_dep(root, "case")

    def _past_at_future(self, token: Any, timex: Timex) -> bool:
        """A verb of news told in a past tense of its own dated a few days or weeks after the day of
        writing: the date is that of what it governs ("Le conseil a décidé de fermer l'école le 1er juillet",
        "a appelé à manifester samedi": the decision and the call were made before the paper was written)."""
        return self.news and token.pos_ in VERBS and "Inf" not in morph_of(token, "VerbForm") \
            and self._after_dct(timex) and not self._far_from_dct(timex) \
            and verb_tense(token, self.language) == "past"

    def _before_dct(self, timex: Timex) -> bool:
        """The date ends before the day of writing (a date without interval is never said to)."""
        return self.dct is not None and timex.interval is not None and timex.interval.latest[:10] < self.dct

    def _far_from_dct(self, timex: Timex | None) -> bool:
        """The story told is months away from the day of writing (a history published soon after its
        war, a trial recalling old facts): its presents and passés composés go on with it."""
        if self.dct is None or timex is None or timex.interval is None:
            return False
        found = self._far.get(timex.id)  # asked for the story's time of every event after it
        if found is None:
            found = self._far[timex.id] = self._far_from_dct_anew(timex)
        return found

    def _far_from_dct_anew(self, timex: Timex) -> bool:
        assert self.dct is not None and timex.interval is not None
        earliest, latest = valid_iso_date(timex.interval.earliest[:10]), valid_iso_date(timex.interval.latest[:10])
        if earliest is None or latest is None:
            return False
        dct = date.fromisoformat(self.dct)
        away = max((dct - date.fromisoformat(latest)).days, (date.fromisoformat(earliest) - dct).days)
        return away > STORY_AWAY_DAYS

    def _after_dct(self, timex: Timex) -> bool:
        return self.dct is not None and timex.interval is not None and timex.interval.earliest[:10] > self.dct

    def _dct_date(self) -> EventDate:
        assert self.dct is not None
        return EventDate(self.dct, self.dct, self.dct)
