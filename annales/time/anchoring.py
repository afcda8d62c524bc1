"""Narrative anchoring: give every expression its value by following the story's time.

The reference time ("main") follows the main narrative: the last date the story moved to. Partial
and relative expressions ("le 13 novembre", "le lendemain", "six mois plus tard") resolve against
it, not against the publication date. Which date moves the story is decided over the whole text:
`Anchorer._search` keeps several story states side by side (a beam) and the readings of lowest
summed cost win, the costs being the named features of `storyline`: a date with its year is either
on the story's line or a reference off it ("conçue en 1935" inside a 1943 account, "depuis 1921",
"la Déclaration de 1789"), and a year-less date goes in the year where it continues the story. A
reference off the line keeps its value and may anchor what follows it closely in its paragraph,
at a cost. Dates in sidebars and quote blocks never move the main narrative; a byline date never
anchors anything. A story told in days without a year (a memoir: "Le 18 mars, …") counts its
"lendemain", nights and "quelques jours après" from those days, the year left unknown
("XXXX-03-19", unresolved).

News (a publication date and deixis such as "hier", "samedi", "l'an prochain", or dates near the
publication date) anchors deictic and partial expressions on the publication date, with the tense
of the verb choosing past or future, as the French TimeBank does; the nth weekday of a period
("le premier dimanche de mai") is itself placed where the tense says. A dispatch's dateline ("Berlin,
24 septembre.", `common.layout.dates_a_dispatch`) whose day falls within a month before the
publication date is of the paper's year, whatever story the paper printed before it (a diary of
1870 in a paper of 1888), and opens an entry of its own. When nothing anchors an
expression it stays unresolved, with X's: a year is never taken from the publication date of a
history text.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from annales.common.layout import comma_after, dates_a_dispatch, heads_an_entry, section_heads
from annales.model import Interval, Timex, make_id
from annales.time import storyline
from annales.time.interpret import Reading
from annales.time.recognise import Candidate
from annales.time.situation import Situation
from annales.time.values import (
    Point,
    bounds,
    distance_days,
    feast_day,
    in_calendar,
    interval,
    is_resolved,
    iso,
    moved,
    nth_weekday,
    plus_days,
    replace,
    representative,
    signed_days,
    truncate,
)

# How far (in days) a new date may be from the story's time and still simply continue it.
CONTINUITY_DAYS = 400
# How many units "quelques" / "plusieurs" stand for when a vague offset must be placed.
VAGUE_UNITS = (2, 9)
# An entry's own heading ends this near its date ("12 mars (Havas). — "): not the next section.
DASH_REACH = 60
NEWS_YEARS = 2  # dates within this many years of the publication date make a text news
# The year a day without a year is counted in (a leap year: "le 29 février" exists in it); it never
# shows in a value.
PROXY_YEAR = 2000
# What counts from a story's day by days, hours or parts of the day, and the units it counts in.
DAY_COUNTING_KINDS = frozenset({"deictic", "offset", "clock", "daypart"})
DAY_COUNTING_UNITS = frozenset({None, "D", "TH", "TM"})
COUNTED_UNITS = frozenset({"D", "W", "M", "Y"})  # what a day counted from a doing may be counted in: no clock
LOOK_BACK_DAYS = 120  # how far back a date without a year may look before it means next year
DIGRESSION_SENTENCES = 2  # a digression anchors what follows it for this many sentences
FRIDAY = 5  # the ISO weekday a week's end begins on ("en fin de semaine")
NEAR = 12  # characters between a clock time and the day named right after it
HISTORY_MIN_DATES = 3  # a history text names at least this many dates far from its publication
# Readings that name a day of their own: one opens an episode ("le troisième jour" counts from it).
DAY_KINDS = frozenset({"absolute", "partial", "feast", "ordinal-weekday", "weekday"})
# The evidence (storyline's feature names) that makes a date off the line one said in passing.
PASSING_EVIDENCE = frozenset({"cue", "noun", "parentheses", "before", "ahead"})
# The evidence that sets a year aside for good ("fermé depuis 1997", "(1997)"): no date of a news story
# is read in that year.
PASSING_CUES = frozenset({"cue", "parentheses"})


@dataclass
class Item:
    cand: Candidate
    reading: Reading
    situation: Situation
    index: int


@dataclass
class Resolution:
    point: Point | None = None
    value: str | None = None  # a fixed value, or the value of an unresolved point
    anchor: str | None = None  # "dct" or a timex id
    resolved: bool = True
    moves_story: bool = False  # the narrative's time is now this point
    digression: bool = False


def _tense_said(situation: Situation) -> str | None:
    """The tense a partial date is placed by: the verb's, unless a word before the date looks forward
    ("jusqu'au 30 juin": no tense holds) or back ("fermée depuis le mois de mars": past)."""
    if situation.retrospective:
        return "past"
    return None if situation.prospective else situation.tense


def _dct_point(value: str | None) -> Point | None:
    if not value:
        return None
    try:
        d = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return Point(year=d.year, month=d.month, day=d.day)


def _contains(coarse: Point, fine: Point) -> bool:
    """True when `coarse` is a wider period that includes `fine` ("en novembre" after "le 20 novembre")."""
    if coarse.year is None or coarse.year != fine.year:
        return False
    order = ["Y", "S", "M", "W", "D", "P", "H"]
    if coarse.precision not in order or fine.precision not in order:
        return False
    if order.index(coarse.precision) >= order.index(fine.precision):
        return False
    if coarse.month is not None and coarse.month != fine.month:
        return False
    if coarse.day is not None and coarse.day != fine.day:
        return False
    if coarse.season is not None and fine.month is not None:
        rep = representative(fine)
        season_of = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU",
                     9: "FA", 10: "FA", 11: "FA"}
        return rep is not None and season_of[rep.month] == coarse.season
    return True


def _confirming_dates(items: list[Item]) -> list[Item]:
    """The dates that may confirm a digression's era: written in full, in the main narrative."""
    return [it for it in items if it.reading.kind == "absolute" and it.reading.point.year is not None
            and it.situation.region not in ("sidebar", "quote-block", "byline")]


def _range_ends(items: list[Item], text: str, connector: re.Pattern[str] | None) -> set[int]:
    """The items that end a period whose start is the item before them ("du 6 au 17 septembre")."""
    if connector is None:
        return set()
    ends = set()
    for before, item in zip(items, items[1:], strict=False):
        between = text[before.cand.end:item.cand.start]
        if len(between) <= 12 and connector.fullmatch(between) and item.reading.type in ("DATE", "TIME"):
            ends.add(item.index)
    return ends


def _told_before(state: StoryState, item: Item, candidate: Point | None) -> Point | None:
    """What a year-less date is read next to: in its own sentence, the date just told ("en 1870, le 2
    septembre"); in the next sentence, a month just told that holds it ("juin 1944. Le 6 juin");
    else the last day told, unless a date counted from the story ("le même jour") follows a day said
    in passing."""
    told = state.last_told
    if told is not None:
        sentence, point = told
        if sentence == item.situation.sentence:
            return point
        if item.reading.kind in ("deictic", "offset") and state.last_day is not None \
                and state.last_day == state.passing_day:
            # "Le même jour", "un mois plus tard" count from the story's day, as "le lendemain" does: a
            # birth or a letter's date said in passing in the sentence between is no step of it.
            return _day_point(state.main) or state.main
        if sentence == item.situation.sentence - 1 and point.month is not None and candidate is not None \
                and (_contains(point, candidate) or state.last_day is None):
            # Before any day is told, the month just told is what the next date is read next to ("En
            # septembre 1939, je fus mobilisé. L'hiver passa …": that winter, not one of the years before).
            return point
        if item.reading.kind == "partial" and candidate is not None and candidate.day is None \
                and point.day is None and (point.season is not None or point.month is not None):
            # A season or a month is read next to the season or month told last ("L'hiver suivant fut
            # terrible. … Au printemps, …": the spring after that winter), not the day told before them.
            return point
    return state.last_day


def _leaves_the_month_told(state: StoryState, item: Item, candidate: Point | None) -> bool:
    """"juin 1944. Le 6 juin …": the day is named in the month just told, but placed in another year."""
    told = state.last_told
    if told is None or candidate is None or item.reading.point.month is None:
        return False
    sentence, point = told
    return (sentence in (item.situation.sentence, item.situation.sentence - 1) and point.month is not None
            and point.day is None and point.month == candidate.month and not _contains(point, candidate))


def _weekday_of(point: Point) -> int | None:
    if point.year is None or point.month is None or point.day is None or not _real_day(point):
        return None
    return date(point.year, point.month, point.day).isoweekday()


def _real_day(point: Point) -> bool:
    """False for a day the month does not have ("le 31" moved into November)."""
    try:
        date(point.year or 2000, point.month or 1, point.day or 1)
    except ValueError:
        return False
    return True


NIGHT = "NI"


def _week_of(day: date) -> Point:
    """The ISO week holding `day` ("cette semaine", "la même semaine")."""
    year, week, _ = day.isocalendar()
    return Point(year=year, week=week)


def _before_noon(point: Point) -> bool:
    """A clock time or a part of the day before noon ("3 heures", "à l'aube", "le matin")."""
    if point.hour is not None:
        return point.hour < 12
    return point.part == "MO"


_NO_POINT = Point()


def _day_point(point: Point | None) -> Point | None:
    if point is None or point.year is None or point.month is None or point.day is None:
        return None
    # `replace` copies a Point faster than a frozen dataclass's __init__ makes one; the search asks
    # this for every reading of every hypothesis.
    return replace(_NO_POINT, year=point.year, month=point.month, day=point.day)


@dataclass
class StoryState:
    """Where the story is after some expressions: what the next one is resolved against. The
    search (`run`) keeps several of these side by side, one per way of reading the text so far."""

    main: Point | None = None  # the main narrative's time: the last date the story moved to
    main_id: str | None = None
    main_paragraph: int = -1
    # The story went to a date told in the pluperfect ("En 1912, j'avais fait mon service"): a past
    # before the story's, which a later paragraph told in another tense leaves again.
    main_before: bool = False
    local: Point | None = None  # a digression's or an aside's time, for what follows it closely
    local_id: str | None = None
    local_paragraph: int = -1
    local_sentence: int = -1
    local_is_digression: bool = False
    # The digression's date was read off the line on the text's own evidence (a cue such as "depuis",
    # the noun it dates, parentheses): said in passing, it sets no year for a news story's dates.
    local_passing: bool = False
    episode: Point | None = None  # the first day of the current episode ("le troisième jour")
    episode_id: str | None = None
    # The last day a date or time named, with its sentence and id: a clock time later in that
    # sentence falls on it. Kept as the story goes, so no expression looks back over the others.
    sentence_day: tuple[int, Point, str] | None = None
    sentence_night: bool = False  # that day was named by its night ("la nuit du 24 au 25")
    # The last day told in the main text, on the story's line or off it: a year-less date told next is
    # read against it too ("juin 1944 … le 6 juin … le 7 juin").
    last_day: Point | None = None
    last_told: tuple[int, Point] | None = None  # the last date told, of any precision, with its sentence
    # `last_day` when it was read as a reference off the line on the text's own evidence (a cue, the noun it
    # dates, parentheses, a pluperfect): a date said in passing, which nothing counted from the story follows.
    passing_day: Point | None = None
    # The day heading the current entry of a diary or a dispatch ("12 août. — …"): what the entry says
    # is said on that day, so its "hier", "demain", "cette année" count from it.
    entry: Point | None = None
    entry_id: str | None = None
    entry_end: int = -1  # where the entry's heading ends
    # A story told in days without a year ("Le 18 mars, …", a memoir): its last such day, which "le
    # lendemain", "pendant la nuit", "quelques jours après" count from, keeping the year unknown.
    yearless: Point | None = None
    yearless_id: str | None = None
    # Every calendar day told so far, latest first, as a linked list shared between states: (sentence,
    # offset, day, id, on the story's line, the rest). What a day is counted from a doing told before
    # is read from it ("une semaine après notre départ": the day of the departure's sentence).
    days_told: tuple | None = None

    def copy(self) -> StoryState:
        """A shallow copy, as `copy.copy` makes it (its fields are values never changed in place),
        without its generic reduce-and-rebuild: the search copies a state per reading weighed."""
        state = object.__new__(StoryState)
        state.__dict__.update(self.__dict__)
        return state


class Anchorer:
    def __init__(self, items: list[Item], dct: str | None, reference_cues: re.Pattern[str] | None = None,
                 range_connector: re.Pattern[str] | None = None,
                 counted_from_connector: re.Pattern[str] | None = None) -> None:
        self.items = items
        self.counted_from_connector = counted_from_connector
        # The id of the timex of each expression (an item's index is its place in `items`), asked for
        # every reading the search weighs.
        self.tids = [make_id("timex", index + 1) for index in range(len(items))]
        self.dct = _dct_point(dct)
        self.news = self._is_news()
        self.total_cost = 0.0
        self.s = StoryState(main=self.dct if self.news else None, main_id="dct" if self.news else None)
        self.confirming = _confirming_dates(items)
        self.range_ends: set[int] = set()
        self.entry_heads: set[int] = set()
        self.dispatches: set[int] = set()  # datelines of dispatches sent shortly before the paper
        self.present_paragraphs: set[int] = set()  # paragraphs told from an undated "aujourd'hui"
        self.section_heads: list[int] = []
        self.text = ""
        self.reference_cues = reference_cues
        self.range_connector = range_connector
        self._evidence: dict[int, storyline.Evidence] = {}
        # (date, anchor, tense, sign, weekday) -> the year chosen, as an offset from the anchor's
        self._year_offsets: dict[tuple[Point, Point, str | None, int, int | None], int | None] = {}
        # Set while the search tries a news text's year-less date against the story, not the day of writing.
        self._story_over_dct = False
        self.confirming_paragraphs = [it.situation.paragraph for it in self.confirming]

    # ---- what kind of text this is -------------------------------------------------------
    def _is_news(self) -> bool:
        if self.dct is None:
            return False
        years = [it.reading.point.year for it in self.items
                 if it.reading.kind == "absolute" and it.reading.point.year is not None
                 and it.situation.region != "byline"]
        if any(abs(y - self.dct.year) <= NEWS_YEARS for y in years):
            return True
        if len(years) < HISTORY_MIN_DATES:
            return True  # a news story that mentions an old date or two is still news
        deixis = any(
            (it.reading.anchor == "speech" and not it.reading.speech_today)
            or (it.reading.kind == "weekday")
            or (it.reading.kind == "partial" and it.reading.sign != 0)
            for it in self.items if it.situation.region != "byline")
        return deixis or not years

    # ---- helpers -------------------------------------------------------------------------
    def _speech(self, item: Item) -> tuple[Point | None, str | None]:
        """The time of speaking: the day heading the entry, the publication date in news, the story's
        time in quoted speech."""
        if self._in_entry(item):
            return self.s.entry, self.s.entry_id
        if self.news:
            return self.dct, "dct"
        if item.situation.in_quote or item.situation.region == "quote-block":
            return self.s.main, self.s.main_id
        return None, None

    def _near_local(self, item: Item) -> bool:
        """Is the expression close enough to the last digression to go on with it?"""
        return (self.s.local_paragraph == item.situation.paragraph
                and item.situation.sentence - self.s.local_sentence <= DIGRESSION_SENTENCES)

    def _story(self, item: Item) -> tuple[Point | None, str | None]:
        if self.s.local_is_digression and self._near_local(item):
            return self.s.local, self.s.local_id
        if item.situation.region in ("sidebar", "quote-block") and self.s.local_paragraph == item.situation.paragraph:
            return self.s.local, self.s.local_id
        return self.s.main, self.s.main_id

    def _story_day(self, item: Item) -> tuple[Point | None, str | None]:
        """The story's time for what is counted in days or told by the clock: a digression's year holds
        no day ("Mon père, qui avait fait Verdun en 1916, m'accompagna. Nous partîmes le soir même";
        "La brigade, qui servait la France depuis 1690, charge. Vers deux heures, …"); the story's does."""
        anchor, anchor_id = self._story(item)
        if _day_point(anchor) is None and anchor_id == self.s.local_id and anchor_id != self.s.main_id:
            return self.s.main, self.s.main_id
        return anchor, anchor_id

    def _story_in_the_past(self) -> bool:
        main, dct = self.s.main, self.dct
        return (main is not None and dct is not None and self.s.main_id != "dct" and main.year is not None
                and dct.year is not None and abs(main.year - dct.year) > NEWS_YEARS)

    def _in_entry(self, item: Item) -> bool:
        """Inside an entry whose day is not the day of writing (a diary, a dispatch of the day before),
        and before the next section of the text opens ("Allemagne. — …": another dispatch)."""
        entry = self.s.entry
        if entry is None:
            return False
        k = bisect.bisect_right(self.section_heads, self.s.entry_end + DASH_REACH)
        if k < len(self.section_heads) and self.section_heads[k] <= item.cand.start:
            return False
        return self.dct is None or signed_days(entry, self.dct) != 0

    def _partial_anchor(self, item: Item) -> tuple[Point | None, str | None]:
        story, story_id = self._story(item)
        if item.index in self.dispatches:
            # "Berlin, 24 septembre." in a paper of 25 September 1888 that prints a diary of 1870: the
            # dispatch was sent for this paper, whatever year the text before it told.
            return self.dct, "dct"
        if item.index in self.entry_heads and self.news:
            # A diary's entries follow one another, the first the date its introduction told ("Carnet de
            # 1870. 12 août. — …"), not the year of the paper that prints them.
            if self._in_entry(item):
                return self.s.entry, self.s.entry_id
            if self.s.last_told is not None and self.s.last_told[1].year is not None:
                return self.s.last_told[1], None
        if self.news and self.dct is not None and not self._story_over_dct and not self._in_entry(item):
            if item.reading.sign != 0:
                return self.dct, "dct"  # "le printemps prochain", "le 6 mai dernier": from the day of writing
            # "La réouverture du musée, fermé depuis 1997, est annoncée pour le 15 juin": a year said in
            # passing is no story the paper tells.
            same_paragraph = (self.s.local_paragraph == item.situation.paragraph and self.s.local is not None
                              and self.s.local.year is not None and abs(self.s.local.year - self.dct.year) > 1
                              and not self.s.local_passing)
            if same_paragraph:
                return self.s.local, self.s.local_id
            return self.dct, "dct"
        if item.reading.sign != 0 and item.situation.paragraph in self.present_paragraphs \
                and not self._in_entry(item):
            return None, None
        return story, story_id

    def _same_sentence_day(self, item: Item) -> tuple[Point | None, str | None]:
        """The day named in the same sentence: before the expression, else just after it."""
        if self.s.sentence_day is not None and self.s.sentence_day[0] == item.situation.sentence:
            return self.s.sentence_day[1], self.s.sentence_day[2]
        for index in range(item.index + 1, len(self.items)):
            other = self.items[index]
            # Only a date right after the time ("Vers 0 h 40, jeudi, …") is its day; one further on
            # usually belongs to another clause ("à 11 heures, à l'heure même où, le 11 novembre 1918").
            if other.situation.sentence != item.situation.sentence or other.cand.start - item.cand.end > NEAR:
                break
            if other.reading.kind in ("absolute", "partial", "weekday", "deictic") and other.reading.type == "DATE":
                res = self._resolve(other)
                day = _day_point(res.point) if res and res.resolved else None
                if day is not None:
                    return day, self.tids[other.index]
        return None, None

    def _choose_year(self, point: Point, anchor: Point, situation: Situation, sign: int,
                     weekday: int | None = None) -> Point | None:
        """The year that puts a partial date where the tense says, else nearest the anchor; None when
        that year is outside the calendar (an anchor in year 1 or 9999).

        The search asks again for each hypothesis it keeps, most often with the same date and anchor:
        the choice (a year's offset from the anchor's) is made once per question, and a new Point is
        made at each answer, as the choice itself makes one."""
        assert anchor.year is not None
        key = (point, anchor, _tense_said(situation), sign, weekday)
        if key in self._year_offsets:
            offset = self._year_offsets[key]
            return None if offset is None else replace(point, year=anchor.year + offset)
        chosen = self._pick_year(point, anchor, situation, sign, weekday)
        self._year_offsets[key] = None if chosen is None or chosen.year is None else chosen.year - anchor.year
        return chosen

    def _pick_year(self, point: Point, anchor: Point, situation: Situation, sign: int,
                   weekday: int | None) -> Point | None:
        assert anchor.year is not None
        years = {k: replace(point, year=anchor.year + k) for k in (-1, 0, 1)}
        # A year the calendar cannot hold is no candidate; only the edges of the calendar lose one.
        candidates = [c for c in years.values() if in_calendar(c)]
        if weekday is not None:
            # "Mercredi 16 juin": the year in which that day is a Wednesday, when one of them is.
            named = [c for c in candidates if _weekday_of(c) == weekday]
            if len(named) == 1:
                return named[0]
        tense = _tense_said(situation)
        start_of = {id(c): bounds(c) for c in candidates}
        anchor_day = representative(anchor)

        def begins_before(c: Point) -> bool:  # the period has begun by the anchor
            span = start_of[id(c)]
            return span is not None and anchor_day is not None and span[0][:10] <= anchor_day.isoformat()

        def ends_after(c: Point) -> bool:  # the period is not over by the anchor
            span = start_of[id(c)]
            return span is not None and anchor_day is not None and span[1][:10] >= anchor_day.isoformat()

        # With a year dropped, a choice that fails or falls back could have been the dropped year.
        dropped = len(candidates) < len(years)
        # "depuis Noël" looks back in any text: the date has begun by the anchor
        if sign < 0 or (sign == 0 and ((self.news and tense == "past") or situation.retrospective)):
            before = [c for c in candidates if begins_before(c) and (sign == 0 or not ends_after(c))]
            if before:
                return max(before, key=lambda c: signed_days(c, anchor))
            if dropped:
                return None
        if sign > 0 or (self.news and tense == "future" and sign == 0):
            after = [c for c in candidates if ends_after(c) and (sign == 0 or not begins_before(c))]
            if after:
                return min(after, key=lambda c: signed_days(c, anchor))
            if dropped:
                return None
        if self.news:
            return None if dropped else min(candidates, key=lambda c: distance_days(c, anchor))
        # A story moves forward: a date later in the anchor's year is that year; an earlier one is
        # that year when it only looks back a little ("le 28 septembre" after "le 23 novembre"),
        # else the next year ("Le 3 janvier" after "Le 31 décembre 1914").
        same = years[0]
        if point.season == "WI" and anchor.month is None and anchor.season is None and anchor.week is None \
                and anchor.day is None and in_calendar(years[-1]):
            # A story told year by year ("1915" heading its part) enters the year on its first day: the
            # winter it tells then is the one it goes on through, begun the December before (the
            # value names a winter by the year of its December).
            return years[-1]
        if _contains(anchor, same):
            return same  # "1916 … jusqu'au 8 février": a day inside the story's period is in it, wherever it falls
        holding = [c for c in candidates if begins_before(c) and ends_after(c)]
        if holding:
            return holding[0]  # "Le 4 janvier 1915 … pendant tout l'hiver": the winter the story is in, begun in 1914
        back = -signed_days(same, anchor)
        if back <= 0 or back <= LOOK_BACK_DAYS:
            return same
        return years[1] if in_calendar(years[1]) else None

    def _confirmed(self, item: Item, point: Point) -> bool:
        """Does the text go on in the era of `point`? Look at the next dated paragraph."""
        # Items come in text order, so a later paragraph means a later item.
        i = bisect.bisect_right(self.confirming_paragraphs, item.situation.paragraph)
        if i < len(self.confirming):
            other = self.confirming[i]
            return distance_days(other.reading.point, point) < distance_days(other.reading.point, self.s.main)
        return signed_days(point, self.s.main) > 0

    # ---- resolution of one expression ----------------------------------------------------
    def _resolve(self, item: Item) -> Resolution:
        res = self._resolve_kind(item)
        if not res.resolved and self._counts_from_a_yearless_day(item):
            return self._on_the_yearless_day(item) or res
        return res

    def _counts_from_a_yearless_day(self, item: Item) -> bool:
        r = item.reading
        return (self.s.yearless is not None and self.s.main is None and not self.news
                and r.kind in DAY_COUNTING_KINDS and not r.event_anchored
                and (r.anchor == "story" or r.kind in ("clock", "daypart"))
                and (r.unit in DAY_COUNTING_UNITS or (r.kind == "offset" and r.amount is None and r.unit == "W"))
                and item.situation.region not in ("sidebar", "quote-block", "byline"))

    def _on_the_yearless_day(self, item: Item) -> Resolution | None:
        """The reading counted from the story's last day without a year, that day put in PROXY_YEAR for
        the count, the year dropped from the result: "le lendemain" of "le 18 mars" is XXXX-03-19."""
        state = self.s
        assert state.yearless is not None
        self.s = state.copy()
        self.s.main, self.s.main_id = replace(state.yearless, year=PROXY_YEAR), state.yearless_id
        try:
            res = self._resolve_kind(item)
        finally:
            self.s = state
        point = res.point
        if not res.resolved or point is None or point.year is None or point.month is None:
            return None
        return Resolution(point=replace(point, year=None), anchor=res.anchor, resolved=False,
                          moves_story=res.moves_story)

    def _resolve_kind(self, item: Item) -> Resolution:
        r = item.reading
        kind = r.kind
        if kind == "fixed":
            return Resolution(value=r.value, resolved=True)
        if kind == "absolute":
            return self._absolute(item)
        if kind == "partial":
            return self._partial(item)
        if kind == "feast":
            return self._feast(item)
        if kind == "ordinal-weekday":
            return self._nth_weekday(item)
        if kind == "weekday":
            return self._weekday(item)
        if kind in ("clock", "daypart"):
            return self._clock(item)
        if kind == "deictic":
            return self._deictic(item)
        if kind == "offset":
            return self._offset(item)
        if kind == "ordinal-day":
            if self.s.episode is None:
                return Resolution(value="XXXX-XX-XX", resolved=False)
            point = moved(self.s.episode, "D", int(r.amount or 1) - 1)
            if point is None:
                return Resolution(value="XXXX-XX-XX", resolved=False)
            return Resolution(point=point, anchor=self.s.episode_id, moves_story=True)
        return Resolution(value="XXXX-XX-XX", resolved=False)

    def _absolute(self, item: Item) -> Resolution:
        return Resolution(point=item.reading.point, moves_story=True)

    def _generic(self, item: Item) -> bool:
        """A season said without its year ("en hiver", "au printemps") in no particular year: unless,
        in a narrative, a past perfective or a future tells one happening in it ("Au printemps, il
        partit pour la Champagne": that spring), or the present of a story told in the present ("Au
        printemps, des renforts débarquent"); otherwise the present or the imperfect makes it any
        year's ("en hiver, les routes étaient impraticables"), and news keeps it so ("il a neigé en
        plein été")."""
        if not item.reading.generic:
            return False
        if self.news:
            return True
        tense = item.situation.tense
        if tense in ("present", None) and self._told_in_the_present:
            return False  # a verb the tagger missed too: "Au printemps, le groupe compte …" read as a noun
        return not (tense == "future" or (tense == "past" and not item.situation.imperfect))

    @cached_property
    def _told_in_the_present(self) -> bool:
        """The story's dates hang on verbs in the present more often than in the past: a history told
        in the historical present ("Le 8 juin, les troupes débarquent"), whose present is the story's."""
        tenses = Counter(it.situation.tense for it in self.items
                         if it.reading.kind in ("absolute", "partial") and it.reading.type == "DATE"
                         and not it.reading.generic and not it.situation.in_quote)
        return tenses["present"] > tenses["past"]

    def _a_yearly_day(self, item: Item) -> bool:
        """A day of a month without its year that is the subject of a verb in the present: the day
        as it comes back every year ("le 11 novembre rend hommage à tous les morts", "le 1er mai
        rassemble les syndicats"), no day of the story. In the past or the future it is one day
        ("le 6 juin fut une journée terrible"); and a comma after it makes it no subject whatever the
        parse says ("Le 3 août, Masséna bat la colonne")."""
        point = item.reading.point
        return point is not None and point.year is None and point.month is not None and point.day is not None \
            and item.situation.attachment == "subject" and item.situation.tense == "present" \
            and not comma_after(self.text, item.cand.end)

    def _two_digit_year(self, item: Item) -> Point | None:
        """"Juin 48": the year of that number nearest before the time of writing, else before the story's
        time; None when neither is known (no century is guessed)."""
        r = item.reading
        yy = int(r.value or 0)
        reference = self.dct.year if self.dct else self.s.main.year if self.s.main is not None else None
        if reference is None:
            return None
        year = (reference // 100) * 100 + yy
        if year > reference:
            year -= 100
        return replace(r.point, year=year)

    def _partial(self, item: Item) -> Resolution:
        r = item.reading
        if r.unit == "YY":
            point = self._two_digit_year(item)
            if point is None:
                return Resolution(point=r.point, value=iso(r.point), resolved=False)
            if not in_calendar(point):  # "le 3 mai 00" written in year 1 or 99 has no earlier century
                return Resolution(point=replace(point, year=None), value=iso(replace(point, year=None)),
                                  resolved=False)
            return Resolution(point=point, moves_story=True)
        if r.year_shift is not None:
            # "au mois de mai de l'année suivante": the year said is the story's (or the writer's) next.
            anchor, anchor_id = self._speech(item) if r.anchor == "speech" else self._story(item)
            if anchor is None or anchor.year is None:
                return Resolution(point=r.point, value=iso(r.point), resolved=False)
            return Resolution(point=replace(r.point, year=anchor.year + r.year_shift), anchor=anchor_id,
                              moves_story=True)
        if self._generic(item) or self._a_yearly_day(item):
            return Resolution(point=r.point, value=iso(r.point), resolved=False)
        anchor, anchor_id = self._partial_anchor(item)
        point = r.point
        if point.month is None and point.day is not None and self.s.sentence_day is not None \
                and self.s.sentence_day[0] == item.situation.sentence:
            anchor, anchor_id = self.s.sentence_day[1], self.s.sentence_day[2]  # "le 10 juin …, le 11 au soir"
        if point.month is None and point.day is not None:  # "le 18" after "le 11 août"
            if anchor is None or anchor.month is None or anchor.year is None:
                return Resolution(value=None, resolved=False)
            next_month = Point(year=anchor.year, month=anchor.month)
            if anchor.day is not None and point.day < anchor.day:
                next_month = moved(next_month, "M", 1)
                if next_month is None:  # "le 3" after "le 20 décembre 9999"
                    return Resolution(value=None, resolved=False)
            point = replace(point, year=next_month.year, month=next_month.month)
            return Resolution(point=point, anchor=anchor_id, moves_story=True)
        closing = self._range_end_year(item)
        if closing is not None and point.month is not None:
            # "du 1er juillet au 18 novembre 1916": the year written once, at the period's end; a start
            # in a later month than the end's is in the year before ("du 20 décembre au 5 janvier 1915").
            end_month = self.items[item.index + 1].reading.point.month
            year = closing - 1 if end_month is not None and point.month > end_month else closing
            return Resolution(point=replace(point, year=year), anchor=self.tids[item.index + 1],
                              moves_story=True)
        if anchor is None or anchor.year is None:
            return Resolution(point=point, value=iso(point), resolved=False)
        weekday = int(r.amount) if r.amount is not None and point.day is not None else None
        chosen = self._choose_year(point, anchor, item.situation, r.sign, weekday)
        if chosen is None:
            return Resolution(point=point, value=iso(point), resolved=False)
        return Resolution(point=chosen, anchor=anchor_id, moves_story=True)

    def _range_end_year(self, item: Item) -> int | None:
        """The year written on the end of the period `item` starts, if it has one."""
        if item.index + 1 not in self.range_ends:
            return None
        end = self.items[item.index + 1].reading
        return end.point.year if end.kind == "absolute" else None

    def _feast(self, item: Item) -> Resolution:
        """A movable feast without its year ("à la Pentecôte"): in the year the story's time gives a
        year-less date, computed again in that year (Easter moves)."""
        r = item.reading
        unresolved = Resolution(value="XXXX-XX-XX", resolved=False)
        anchor, anchor_id = self._partial_anchor(item)
        if anchor is None or anchor.year is None or r.feast is None:
            return unresolved
        here = feast_day(anchor.year, r.feast)
        chosen = None if here is None else self._choose_year(here, anchor, item.situation, r.sign)
        point = None if chosen is None or chosen.year is None else feast_day(chosen.year, r.feast)
        if point is None or not in_calendar(point):
            return unresolved
        return Resolution(point=point, anchor=anchor_id, moves_story=True)

    def _nth_weekday(self, item: Item) -> Resolution:
        """"Le premier dimanche de mai": the month placed as a year-less month is, then its nth weekday."""
        r = item.reading
        period = self._partial(Item(item.cand, replace(r, kind="partial", amount=None, nth=None), item.situation,
                                    item.index))
        point = None
        if period.resolved and period.point is not None and r.amount is not None and r.nth is not None:
            point = nth_weekday(period.point, int(r.amount), r.nth)
            step = self._day_against_tense(item, point)
            if step and period.point.year is not None:
                # The period may hold the day of writing ("le premier dimanche du printemps" said in
                # May): the day itself, not its period, lies where the tense says.
                other = replace(period.point, year=period.point.year + step)
                point = nth_weekday(other, int(r.amount), r.nth) if in_calendar(other) else None
        if point is None:
            return Resolution(value="XXXX-XX-XX", resolved=False)
        return Resolution(point=point, anchor=period.anchor, moves_story=True)

    def _day_against_tense(self, item: Item, day: Point | None) -> int:
        """In news, +1 when a day a future tense tells is already past at the day of writing, -1 when a
        day a past tense tells is still to come; else 0."""
        if not self.news or day is None or item.reading.sign != 0 or item.situation.prospective:
            return 0
        anchor, _ = self._partial_anchor(item)
        told, now = representative(day), representative(anchor) if anchor is not None else None
        if told is None or now is None:
            return 0
        tense = item.situation.tense
        if tense == "future" and told < now:
            return 1
        if tense == "past" and told > now:
            return -1
        return 0

    def _weekday(self, item: Item) -> Resolution:
        r = item.reading
        weekday = int(r.amount or 1)
        speaking = r.anchor != "story" and (self.news or self._in_entry(item))
        anchor, anchor_id = self._speech(item) if speaking else self._story(item)
        base = _day_point(anchor)
        unresolved = f"XXXX-WXX-{weekday}"
        if base is None:
            return Resolution(value=unresolved + (f"T{r.point.part}" if r.point.part else ""), resolved=False)
        d0 = representative(base)
        assert d0 is not None
        ahead = (weekday - d0.isoweekday()) % 7
        # Either may fall outside the calendar when the anchor is in its first or last week.
        after = plus_days(d0, ahead)
        before = plus_days(d0, -((d0.isoweekday() - weekday) % 7 or 7))
        chosen: date | None
        if r.anchor == "story" and ahead == 0:
            chosen = d0
        elif r.sign > 0:
            chosen = after if ahead else plus_days(d0, 7)
        elif r.sign < 0:
            chosen = before
        elif speaking:  # counted from the day of writing, the paper's or the entry's: the tense decides
            tense = "future" if item.situation.prospective else item.situation.tense
            if tense == "past":
                # "a annoncé mercredi" in a paper of a Wednesday is that day: a week before is said
                # "mercredi dernier"
                chosen = before if ahead else d0
            elif tense == "future":
                chosen = after
            elif after is None or before is None:
                chosen = after or before
            elif (told := representative(self.s.last_day) if self.s.last_day is not None else None) in (after, before):
                # "DIMANCHE, la fête … Dimanche soir, un bal": the weekday the text has just told, named again
                chosen = told
            else:
                chosen = after if (after - d0).days <= (d0 - before).days else before
        else:
            chosen = after
        if chosen is None:
            return Resolution(value=unresolved + (f"T{r.point.part}" if r.point.part else ""), resolved=False)
        point = Point(year=chosen.year, month=chosen.month, day=chosen.day, part=r.point.part)
        return Resolution(point=point, anchor=anchor_id, moves_story=True)

    def _clock(self, item: Item) -> Resolution:
        r = item.reading
        day, anchor_id = self._same_sentence_day(item)
        night = day is not None and self.s.sentence_night
        told = item.situation.subject_told_before if day is None else None
        doing = self._day_of_a_doing(told, story=False) if told is not None else None
        if doing is not None:
            # "Une explosion a détruit dimanche soir un entrepôt. … L'explosion s'est produite vers 21 h 30":
            # the hour of the doing told before, on its day
            day, anchor_id = doing
        if day is None:
            if r.anchor == "speech" and (self.news or self._in_entry(item)):
                day, anchor_id = self._speech(item)
            else:
                story, story_id = self._story_day(item)
                day, anchor_id = _day_point(story), story_id
                night = story is not None and story.part == NIGHT
                if self.news and self.dct is not None and day is not None and item.situation.tense == "past" \
                        and signed_days(day, self.dct) > 0:
                    # "Les secours sont intervenus vers 6 heures" after a sentence on a coming day: what
                    # news tells in the past happened by the day of writing, not on the day told before
                    day, anchor_id, night = self.dct, "dct", False
        if night and day is not None and _before_noon(r.point):
            # "dans la nuit du 24 au 25 mai, vers trois heures": the small hours are the next day's
            day = moved(day, "D", 1) or day
        if day is None and self.news:
            day, anchor_id = self.dct, "dct"
        if day is None:
            point = Point(hour=r.point.hour, minute=r.point.minute, part=r.point.part)
            return Resolution(point=point, value=iso(point), resolved=False)
        point = replace(day, hour=r.point.hour, minute=r.point.minute, part=r.point.part)
        return Resolution(point=point, anchor=anchor_id, moves_story=True)

    def _from_a_doing_told_before(self, item: Item) -> Resolution | None:
        """"une semaine après notre départ", "le lendemain de la démission": a day counted from a doing
        the text told before is counted from the day it was told on — a day named in that doing's
        sentence (the nearest), else the story's last day before it — and the story goes on from there."""
        r = item.reading
        told = item.situation.event_told_before if r.amount is not None and (r.unit or "D") in COUNTED_UNITS \
            else None
        if told is None:
            return None
        found = self._day_of_a_doing(told)
        if found is None:
            return None
        day, tid = found
        unit = r.unit or "D"
        point = moved(day, unit, int(r.amount if r.kind == "deictic" else (r.amount or 0) * r.sign))
        if point is None:
            return None
        if unit in ("M", "Y"):  # "trois ans après la fin de la guerre": a year, no day
            return Resolution(point=truncate(point, unit), anchor=tid, moves_story=True)
        return Resolution(point=replace(point, part=r.point.part), anchor=tid, moves_story=True)

    def _day_of_a_doing(self, told: tuple[int, int, bool], story: bool = True) -> tuple[Point, str] | None:
        """The day and its id a doing told at (offset, sentence, in the pluperfect) happened on: a day
        named in its sentence (the nearest), else, with `story`, the story's last day before it."""
        offset, sentence, flashback = told
        found, trail = None, self.s.days_told
        while trail is not None:
            told_sentence, start, day, tid, on_line, trail = trail
            if told_sentence == sentence:
                if found is None or abs(start - offset) < abs(found[0] - offset):
                    found = (start, day, tid)
            elif told_sentence < sentence:
                if found is None and story and start < offset and on_line and not flashback:
                    found = (start, day, tid)
                break
        return None if found is None else (found[1], found[2])

    def _deictic(self, item: Item) -> Resolution:
        r = item.reading
        if r.event_anchored and not item.situation.complement_of_its_verb:
            return self._from_a_doing_told_before(item) or Resolution(value="XXXX-XX-XX", resolved=False)
        if r.anchor == "speech":
            if r.speech_today and not self._in_entry(item) \
                    and (not self.news or item.situation.framed or item.situation.negated):
                return Resolution(value="PRESENT_REF", resolved=True)
            anchor, anchor_id = self._speech(item)
        else:
            anchor, anchor_id = self._story_day(item) if r.unit not in ("Y", "M", "W") else self._story(item)
        if r.unit in ("Y", "M"):
            # "La même année", "le même mois": the story's year or month, whatever day it has reached.
            if anchor is None or anchor.year is None or (r.unit == "M" and anchor.month is None):
                return Resolution(value="XXXX" if r.unit == "Y" else "XXXX-XX", resolved=False)
            there = moved(truncate(anchor, r.unit), r.unit, int(r.amount or 0))
            if there is None:
                return Resolution(value="XXXX", resolved=False)
            return Resolution(point=there, anchor=anchor_id, moves_story=False)
        if r.unit == "W" and not r.amount:
            # "La même semaine": the ISO week of the story's day.
            day = representative(anchor) if anchor is not None and anchor.day is not None else None
            if day is None:
                return Resolution(value="XXXX-WXX", resolved=False)
            return Resolution(point=_week_of(day), anchor=anchor_id, moves_story=False)
        base = _day_point(anchor)
        if base is None:
            return Resolution(value="XXXX-XX-XX" + (f"T{r.point.part}" if r.point.part else ""), resolved=False)
        point = moved(base, r.unit or "D", int(r.amount or 0))
        if point is None:  # "demain" written on 9999-12-31
            return Resolution(value="XXXX-XX-XX" + (f"T{r.point.part}" if r.point.part else ""), resolved=False)
        point = replace(point, part=r.point.part, hour=r.point.hour, minute=r.point.minute)
        # "La veille" looks back from the story's day; the story itself stays where it was.
        looks_back = r.anchor == "story" and (r.amount or 0) < 0
        return Resolution(point=point, anchor=anchor_id, moves_story=not looks_back)

    def _offset(self, item: Item) -> Resolution:
        r = item.reading
        unit = r.unit or "D"
        if r.event_anchored:
            return self._from_a_doing_told_before(item) or \
                Resolution(value="XXXX-XX-XX" if unit in ("D", "W", "TH", "TM") else "XXXX-XX", resolved=False)
        if r.anchor == "speech":
            anchor, anchor_id = self._speech(item)
            if anchor is None:
                anchor, anchor_id = self._story(item)
        else:
            anchor, anchor_id = self._story(item)
        unresolved = Resolution(value="XXXX-XX-XX" if unit in ("D", "W", "TH", "TM") else "XXXX-XX", resolved=False)
        if anchor is None or anchor.year is None:
            return unresolved
        if unit == "WE":
            d = representative(anchor)
            assert d is not None
            if item.situation.tense == "past" and d.isoweekday() < 6:
                d = plus_days(d, -7)  # "se sont rendus ce week-end", written on a Tuesday
                if d is None:
                    return unresolved
            return Resolution(point=replace(_week_of(d), weekend=True), anchor=anchor_id)
        if r.amount is None:  # "quelques mois plus tard": somewhere a few units on
            lo = moved(anchor, unit, r.sign * VAGUE_UNITS[0])
            hi = moved(anchor, unit, r.sign * VAGUE_UNITS[1])
            if lo is None or hi is None:  # a few centuries after 9950: off the calendar
                return unresolved
            coarse = {"D": "M", "W": "M", "M": "Y", "Y": "Y", "TH": "D", "TM": "D"}.get(unit, "Y")
            point = truncate(lo if r.sign > 0 else hi, coarse)
            if lo.year != hi.year and coarse == "Y":
                point = Point(year=min(lo.year or 0, hi.year or 0))
            return Resolution(point=point, anchor=anchor_id, moves_story=False)
        amount = r.amount * r.sign
        if amount != int(amount):
            amount, unit = round(amount * 12), "M" if unit == "Y" else unit
        if unit == "W" and r.amount == 0:
            d = representative(anchor)
            assert d is not None
            if r.mod == "END" and item.situation.tense == "past" and d.isoweekday() < FRIDAY:
                # "a rencontré en fin de semaine", written on a Wednesday: the end of the week before
                d = plus_days(d, -7)
                if d is None:
                    return unresolved
            return Resolution(point=_week_of(d), anchor=anchor_id)
        there = moved(anchor, unit, int(amount))
        if there is None:  # "dans trois siècles" from 9999, "il y a deux mille ans" from 1999
            return unresolved
        if unit in ("D", "W") and anchor.day is None:
            there = truncate(there, "M")
        if unit == "W" and r.kind == "offset" and r.anchor == "speech" and r.amount in (0.0, 1.0) \
                and item.cand.kind == "calendar-unit":
            d = representative(there)
            assert d is not None
            return Resolution(point=_week_of(d), anchor=anchor_id)
        point = truncate(there, unit) if not unit.startswith("T") else there
        return Resolution(point=point, anchor=anchor_id, moves_story=amount > 0 or r.anchor == "speech")

    # ---- the story's time moves ------------------------------------------------------------
    def _commit(self, item: Item, res: Resolution, mode: str = "greedy") -> None:
        """Move the story for `res`. `mode` is the reading the search chose for a date with its year
        far from the story: "on" (the story goes there), "off" (a reference off the line: a
        digression), "adopt" (a date read against a reference: the text goes on with it, which
        makes it the story), or "greedy" (decide as a reader going through once would)."""
        point = res.point
        if not res.resolved and point is not None and point.year is None and point.month is not None \
                and point.day is not None and item.reading.type == "DATE" \
                and (res.moves_story or item.reading.kind == "partial") \
                and item.situation.region not in ("sidebar", "quote-block", "byline"):
            self.s.yearless = replace(_NO_POINT, month=point.month, day=point.day)
            self.s.yearless_id = self.tids[item.index]
        day = _day_point(res.point) if res.resolved else None
        if day is not None and item.index in self.entry_heads and item.situation.region != "byline":
            self.s.entry, self.s.entry_id = day, self.tids[item.index]
            self.s.entry_end = item.cand.end
        # "La veille" told from the story's day is a glance back: what is counted next ("trois jours plus
        # tard") is counted from the story's day, not from the eve, and in a participle said of a noun
        # ("Le capitaine, arrivé la veille, fit creuser des abris toute la nuit") it is not the day of
        # the rest of its sentence either
        glance_back = item.reading.kind == "deictic" and item.reading.anchor == "story" \
            and (item.reading.amount or 0) < 0
        if day is not None and item.reading.type in ("DATE", "TIME") \
                and not (glance_back and item.situation.in_a_participle_aside):
            self.s.sentence_day = (item.situation.sentence, day, self.tids[item.index])
            self.s.sentence_night = res.point is not None and res.point.part == NIGHT
            if item.situation.region not in ("sidebar", "quote-block", "byline") and not glance_back:
                self.s.last_day = day
        if res.resolved and res.point is not None and res.point.year is not None \
                and item.reading.type in ("DATE", "TIME") and item.situation.region not in ("byline",):
            self.s.last_told = (item.situation.sentence, res.point)
            if day is not None:
                self.s.days_told = (item.situation.sentence, item.cand.start, day, self.tids[item.index],
                                    mode != "off" and item.situation.region is None, self.s.days_told)
        if not res.resolved or res.point is None or not res.moves_story or res.point.year is None:
            return
        if item.reading.anchor == "speech" and res.anchor == "dct" and self._story_in_the_past():
            return  # "cette année" in a news story about 1870 is the writer's year, not a step of the story
        if self._glance_ahead(item):
            return
        if item.index in self.range_ends or (item.situation.prospective and not self.news):
            return  # the end of a period ("au 17 septembre", "jusqu'au 13"): the story stays at its start
        region = item.situation.region
        if region == "byline":
            return
        tid = self.tids[item.index]
        point = res.point
        paragraph = item.situation.paragraph
        if region in ("sidebar", "quote-block"):
            self.s.local, self.s.local_id, self.s.local_paragraph = point, tid, paragraph
            self.s.local_passing = False
            self.s.local_is_digression = True
            return
        self.s.local_sentence = item.situation.sentence
        if mode == "adopt":
            self._move(point, tid, paragraph, item)
            return
        if self.s.local_is_digression and res.anchor == self.s.local_id and self.s.local_paragraph == paragraph:
            self.s.local, self.s.local_id = point, tid  # the digression goes on within its paragraph
            self.s.local_passing = False
            return
        if self.s.main is None:
            self._move(point, tid, paragraph, item)
            return
        if _contains(point, self.s.main):
            self.s.local_is_digression = False
            return
        far = item.reading.kind == "absolute" and abs(signed_days(point, self.s.main)) > CONTINUITY_DAYS
        off = mode == "off" or (mode == "greedy" and far and (self.news or not self._confirmed(item, point)))
        if off:
            self.s.local, self.s.local_id, self.s.local_paragraph = point, tid, paragraph
            self.s.local_passing = False
            self.s.local_is_digression = True
            return
        self._move(point, tid, paragraph, item)

    def _move(self, point: Point, tid: str, paragraph: int, item: Item) -> None:
        if item.reading.kind == "absolute":
            # A new time the text names: the days told before it are no longer what comes next follows.
            self.s.last_day = _day_point(point)
        if item.reading.mod == "END" and point.year is not None and point.season is None and point.day is None:
            # "À la fin de 1810, il repart. Début mars, …": the story stands at the period's end, which
            # what is told next follows (March 1811; "à la fin de mars 1915 … Le 3": 3 April), not at
            # the whole period
            month = point.month if point.month is not None else 12
            point = replace(point, month=month, day=calendar.monthrange(point.year, month)[1])
        self.s.main, self.s.main_id, self.s.main_paragraph = point, tid, paragraph
        self.s.local, self.s.local_id, self.s.local_paragraph = point, tid, paragraph
        self.s.local_passing = False
        self.s.local_is_digression = False
        if point.day is not None and item.reading.kind in DAY_KINDS:
            self.s.episode, self.s.episode_id = _day_point(point), tid

    # ---- the search over readings ------------------------------------------------------------
    def _options(self, item: Item) -> list[Option]:
        """The ways of reading `item` the search weighs, each with its own cost (see storyline)."""
        res = self._resolve(item)
        r = item.reading
        if item.situation.region in ("sidebar", "quote-block", "byline"):
            return [Option(res)]
        options = [Option(res)]
        if self.news and r.kind == "partial" and res.anchor == "dct" and self.s.main is not None \
                and self.s.main_id != "dct" and self.dct is not None and self.s.main.year is not None \
                and abs(self.s.main.year - self.dct.year) > NEWS_YEARS:
            # A news story about the past: "le 20 août" may continue the story told, not the year of writing.
            self._story_over_dct = True
            on_story = self._resolve(item)
            self._story_over_dct = False
            if on_story.resolved and on_story.point is not None:
                options.append(Option(on_story, "greedy", storyline.W_STORY_OVER_DCT, ("story-over-dct",)))
        if self.s.local_is_digression and res.anchor is not None and res.anchor == self.s.local_id \
                and self.s.main is not None:
            # Read against the reference just made, or against the story it interrupted.
            digression, self.s.local_is_digression = self.s.local_is_digression, False
            self._story_over_dct = self.s.main_id != "dct"  # in news, the story told, if any
            on_main = self._resolve(item)
            self.s.local_is_digression, self._story_over_dct = digression, False
            # A day of the reference's own month spells it out ("en août 1870 … le 4 août"): no cost. A day
            # of its year does not: "en 1928 … le 5 mai" more often goes back to the story.
            inside = (res.point is not None and self.s.local is not None and self.s.local.month is not None
                      and _contains(self.s.local, res.point))
            # "Le jour même", "un mois plus tard" count from the last day told, unless it was said in passing
            # ("né le 4 juin 1871"): a day the text told in a clause of its own ("lorsque, le 26 septembre,
            # l'ennemi attaque") is the story's, whatever reference it was read against.
            follows_day = (r.kind in ("deictic", "offset") and r.anchor == "story" and self.s.last_day is not None
                           and self.s.last_day != self.s.passing_day and self.s.last_day == _day_point(self.s.local))
            goes_on = 0.0 if inside or follows_day else storyline.W_DIGRESSION_GOES_ON
            # In a later sentence, the text going on with the reference makes it the story from here on
            # (the cost is paid once); in the reference's own sentence the date only spells it out.
            spelled_out = self.s.last_told is not None and self.s.last_told[0] == item.situation.sentence
            options = [Option(res, "greedy" if spelled_out else "adopt", 0.0 if spelled_out else goes_on,
                              ("digression-goes-on",)), Option(on_main)]
        if not res.resolved or res.point is None or self.s.main is None:
            return options
        point = res.point
        if self.news:
            # News: the tense and the day of writing decide, as the French TimeBank does; only a date far
            # in the past may start a story of its own ("Journal de 1870 … 4 août … 6 août").
            if r.kind == "absolute" and res.moves_story and point.year is not None and self.dct is not None \
                    and self.dct.year is not None and abs(point.year - self.dct.year) > NEWS_YEARS \
                    and not _contains(point, self.s.main):
                on, off, reasons = storyline.line_costs(self.evidence(item), news=True)
                return [Option(res, "off", off, reasons), Option(res, "on", on, reasons)]
            return options
        if r.kind == "absolute" and res.moves_story and point.year is not None and not _contains(point, self.s.main):
            evidence = self.evidence(item)
            on, off, reasons = storyline.line_costs(evidence)
            return [Option(res, "on", on, reasons), Option(res, "off", off, reasons)]
        expanded = []
        for option in options:
            expanded.append(option)
            p = option.res.point
            if r.kind == "feast" and p is not None and p.year is not None and r.feast is not None:
                # Easter moves: the feast of the year before or after is computed in that year.
                for other in (feast_day(p.year - 1, r.feast), feast_day(p.year + 1, r.feast)):
                    if other is not None and in_calendar(other):
                        expanded.append(Option(replace(option.res, point=other), option.mode,
                                               option.cost + storyline.OTHER_YEAR, option.reasons + ("other-year",)))
                continue
            if r.kind != "partial" or r.unit == "YY" or self._generic(item) or r.year_shift is not None or p is None \
                    or p.month is None or p.year is None:
                continue  # the year said ("de l'année suivante") has no other reading
            if r.point.month is None and r.point.day is not None:
                # "Le 11" after "jusqu'au 13": this month again, or the next one.
                others = [moved(p, "M", -1), moved(p, "M", 1)]
                cost, reason = storyline.OTHER_MONTH, "other-month"
            elif r.point.year is None:
                others = [replace(p, year=p.year - 1), replace(p, year=p.year + 1)]
                cost, reason = storyline.OTHER_YEAR, "other-year"
            else:
                continue
            for other in others:
                if other is not None and in_calendar(other) and (other.day is None or _real_day(other)):
                    expanded.append(Option(replace(option.res, point=other), option.mode, option.cost + cost,
                                           option.reasons + (reason,)))
        if r.kind == "partial" and res.moves_story and not _contains(point, self.s.main):
            evidence = self.evidence(item)
            if evidence.cue or evidence.before:
                # "que les Français assiègent depuis le mois de juin": a year-less date after a cue of
                # reference is read in the story's year, and may leave the story where it is; so is one
                # told in the pluperfect ("Le Bourget, que les mobiles avaient perdu en octobre").
                _on, off, reasons = storyline.line_costs(evidence)
                expanded.append(Option(res, "off", off, reasons))
        return expanded

    def evidence(self, item: Item) -> storyline.Evidence:
        if item.index not in self._evidence:
            self._evidence[item.index] = storyline.evidence_for(item, self.s.main, self.text, self.reference_cues)
        return self._evidence[item.index]

    def _search(self) -> list[tuple[Resolution, float | None]]:
        """The best reading of every expression, found by a beam search over the whole text: each
        hypothesis is a story state and the summed cost of the readings that led to it; costs come
        from the named features of `storyline`. Linear in the number of expressions."""
        beam = [_Hypothesis(self.s, 0.0, None)]
        margins: list[float | None] = []
        for item in self.items:
            expanded: list[_Hypothesis] = []
            for hyp in beam:
                self.s = hyp.state
                for option in self._options(item):
                    state = hyp.state.copy()
                    self.s = state
                    self._commit(item, option.res, option.mode)
                    if option.mode == "off" and PASSING_EVIDENCE.intersection(option.reasons):
                        state.passing_day = state.last_day
                        # a date named by a noun may still be the story a commemoration tells ("les
                        # soldats du mois de juin 1944. Le 6 juin, …"); one after a cue is a reference
                        state.local_passing = state.local_id == self.tids[item.index] \
                            and bool(PASSING_CUES.intersection(option.reasons))
                    if state.main_id != hyp.state.main_id:
                        state.main_before = option.mode != "off" and "before" in option.reasons
                    option = replace(option, on_line=self._on_line(item, option, hyp.state, state))
                    # Adopting a reference as the story goes where the text named it: an explicit move.
                    # So is a move the words spell out from the story's time ("l'hiver suivant", "l'année
                    # précédente"): told as a step, however long, not a guess to keep short.
                    spelled = item.reading.kind == "partial" and item.reading.sign != 0
                    explicit = (item.reading.kind == "absolute" and option.mode != "off") or option.mode == "adopt" \
                        or spelled
                    # What the text counts from the day of writing ("hier", "le printemps dernier") owes
                    # nothing to the story's continuity; a plain "le 6 août" in news still does.
                    from_dct = option.res.anchor == "dct" and (item.reading.anchor == "speech"
                                                               or item.reading.sign != 0)
                    move = 0.0 if from_dct else storyline.move_cost(hyp.state.main, state.main, explicit)
                    step = option.cost + move
                    if storyline.told_in_sequence(item.reading) and option.res.resolved and not from_dct \
                            and not spelled:
                        before = _told_before(hyp.state, item, option.res.point)
                        step += storyline.sequence_cost(before, option.res.point)
                        if hyp.state.main_before and hyp.state.main is not None \
                                and _contains(hyp.state.main, option.res.point) \
                                and item.situation.paragraph != hyp.state.main_paragraph \
                                and not item.situation.pluperfect:
                            step += storyline.W_RESUME  # read on in the pluperfect's past after its paragraph
                        if _leaves_the_month_told(hyp.state, item, option.res.point):
                            step += storyline.W_ELABORATION
                    if not option.res.resolved and item.reading.kind in storyline.RESOLVABLE:
                        step += storyline.W_UNRESOLVED  # a reading that cannot place what a reader places
                    expanded.append(_Hypothesis(state, hyp.cost + step, (option, hyp.path)))
            expanded.sort(key=lambda h: h.cost)
            margins.append(_margin(expanded))
            beam = _prune(expanded, storyline.BEAM)
        best = beam[0]
        self.total_cost = best.cost
        chosen: list[Option] = []
        path = best.path
        while path is not None:
            chosen.append(path[0])
            path = path[1]
        chosen.reverse()
        self.s = best.state
        return [(option, margin) for option, margin in zip(chosen, margins, strict=True)]

    def _on_line(self, item: Item, option: Option, before: StoryState, after: StoryState) -> bool | None:
        """Is this date a step of the story's time (True) or a reference off its line (False)?"""
        if not option.res.resolved or option.res.point is None or item.reading.type not in ("DATE", "TIME"):
            return None
        tid = self.tids[item.index]
        if after.main_id == tid or (before.main is not None and after.main is before.main
                                    and _contains(option.res.point, before.main)):
            return True
        if after.local_id == tid and after.local_is_digression:
            return False  # a reference, a digression, an aside
        if option.mode == "off" or self._glance_ahead(item):
            return False
        return item.situation.region not in ("sidebar", "quote-block", "byline")

    def _glance_ahead(self, item: Item) -> bool:
        """A time counted from the story in a clause a future governs, in a history ("Cette retraite lui
        vaudra d'être fusillé l'année suivante"): the narrative looks ahead, its story stays where it is."""
        return not self.news and item.reading.kind in ("offset", "deictic") and item.situation.told_ahead

    # ---- all together --------------------------------------------------------------------
    def run(self, text: str) -> list[Timex]:
        self.text = text
        self.range_ends = _range_ends(self.items, text, self.range_connector)
        self.section_heads = section_heads(text)
        self.entry_heads = {item.index for item in self.items
                            if item.reading.type == "DATE" and item.reading.point.day is not None
                            and heads_an_entry(text, item.cand.start, item.cand.end)}
        written = representative(self.dct) if self.news and self.dct is not None else None
        self.dispatches = {item.index for item in self.items
                           if written is not None and item.reading.kind == "partial"
                           and item.reading.point.year is None and item.reading.point.month is not None
                           and item.reading.point.day is not None
                           and dates_a_dispatch(text, item.cand.start, item.cand.end, item.reading.point.month,
                                                item.reading.point.day, written)}
        # What a dispatch tells is written on its day, as an entry's is: the entry before it ends there.
        self.entry_heads |= self.dispatches
        # A memoir's "Aujourd'hui, …": the paragraph speaks from the narrator's present, which the
        # text does not date; its "le 11 novembre dernier" is counted from there, not from the story.
        self.present_paragraphs = {item.situation.paragraph for item in self.items
                                   if not self.news and item.reading.kind == "deictic"
                                   and item.reading.speech_today and not item.situation.in_quote}
        return self.timexes(self._from_the_date_after(self._search()))

    def _from_the_date_after(self, readings: list[tuple[Option, float | None]]) -> list[tuple[Option, float | None]]:
        """"la veille de Noël", "la veille du 14 juillet 1916", "trois jours après le 2 mai": a day counted
        from the date written right after it is that date moved, whatever the story's day (the search
        read it before that date was placed; the date itself moves the story as any other)."""
        if self.counted_from_connector is None:
            return readings
        out = list(readings)
        for index in range(len(self.items) - 1):
            item, after = self.items[index], self.items[index + 1]
            r = item.reading
            if r.kind not in ("deictic", "offset") or r.anchor == "speech" or r.amount is None \
                    or (r.unit or "D") not in ("D", "W", "M", "Y") or after.reading.type != "DATE":
                continue
            gap = self.text[item.cand.end:after.cand.start]
            if (r.kind == "deictic" and not gap.strip()) or self.counted_from_connector.fullmatch(gap) is None:
                continue  # "le lendemain 14 avril" glosses the day: it is that day, not the day after
            there = readings[index + 1][0].res
            if not there.resolved or there.point is None or there.point.year is None:
                continue
            unit = r.unit or "D"
            amount = int(r.amount if r.kind == "deictic" else r.amount * r.sign)
            if unit in ("D", "W") and there.point.day is None:
                continue
            point = moved(there.point, unit, amount)
            if point is None:
                continue
            res = Resolution(point=truncate(point, unit), anchor=self.tids[index + 1], moves_story=False)
            out[index] = (replace(readings[index][0], res=res), readings[index][1])
        return out

    def timexes(self, readings: list[tuple[Option, float | None]]) -> list[Timex]:
        text = self.text
        timexes: list[Timex] = []
        for item, (option, margin) in zip(self.items, readings, strict=True):
            res = option.res
            r = item.reading
            cand = item.cand
            if res.value is None and res.point is None:
                continue  # nothing to say ("le 18" with no month in sight)
            value = res.value if res.point is None or not res.resolved and res.value else iso(res.point)
            resolved = res.resolved and (res.point is None or is_resolved(res.point))
            if res.point is not None and not resolved:
                value = iso(res.point)
            span = interval(res.point, r.mod) if res.point is not None and resolved else None
            if resolved and res.point is not None and res.point.year is not None and span is None:
                # A period the calendar cannot hold (the week-end after Friday 9999-12-31).
                resolved, value = False, iso(replace(res.point, year=None))
            kind = "TIME" if value and value.endswith("_REF") else r.type  # TimeML types references as TIME
            anchoring = storyline.anchoring_kind(r, res.anchor, resolved)
            on_line = option.on_line if resolved else None
            if not resolved and r.unit == "YY":
                # "de Juin 48" in a memoir that never writes a year: a year of its own was written, its
                # century is unknown; a time apart from the story's yearless days, never one of them.
                on_line = False
            timexes.append(Timex(
                id=self.tids[item.index], start=cand.start, end=cand.end, text=text[cand.start:cand.end],
                type=kind, value=value or "XXXX", mod=r.mod, anchor=res.anchor if resolved else None,
                resolved=resolved, interval=Interval(*span) if span else None,
                confidence=storyline.confidence(anchoring, margin) if resolved else None, anchoring=anchoring,
                story_line=on_line))
        return timexes


@dataclass(frozen=True)
class Option:
    """One way of reading an expression: its resolution, how it moves the story, what it costs."""

    res: Resolution
    mode: str = "greedy"
    cost: float = 0.0
    reasons: tuple[str, ...] = ()
    on_line: bool | None = None  # filled once the option is committed (see Anchorer._on_line)


@dataclass
class _Hypothesis:
    state: StoryState
    cost: float
    path: tuple[Option, object] | None  # the options chosen so far, latest first (a linked list)


def _signature(state: StoryState) -> tuple:
    # Points are frozen values: equal points are the same story state, no need to print them.
    return (state.main, state.local, state.local_is_digression, state.local_passing, state.episode,
            state.passing_day, state.entry, state.main_before)


def _prune(hypotheses: list[_Hypothesis], width: int) -> list[_Hypothesis]:
    """The `width` cheapest hypotheses (sorted), one per story state: two ways of reaching the same
    state have the same future, so only the cheaper one matters (the Viterbi step)."""
    kept: list[_Hypothesis] = []
    seen: set[tuple] = set()
    for hyp in hypotheses:
        # Added, then the set's size tells whether it was there: one hash of the points, not two.
        before = len(seen)
        seen.add(_signature(hyp.state))
        if len(seen) == before:
            continue
        kept.append(hyp)
        if len(kept) == width:
            break
    return kept


def _margin(expanded: list[_Hypothesis]) -> float | None:
    """How much cheaper the best reading of this expression is than the best reading giving it
    another value (None when every reading gives the same value)."""
    if not expanded or expanded[0].path is None:
        return None
    best = expanded[0]
    value = _value_of(best.path[0].res)
    for hyp in expanded[1:]:
        if hyp.path is not None and _value_of(hyp.path[0].res) != value:
            return hyp.cost - best.cost
    return None


def _value_of(res: Resolution) -> str | None:
    return iso(res.point) if res.point is not None else res.value
