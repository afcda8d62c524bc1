"""Story time as an inference over the whole text: the costs the search in `anchoring` weighs.

Every date mention offers the story one or more readings. A date with its year that lies far from
the story's time either moves the story there ("on" the line: a new chapter, a flashback the text
goes on with) or is a reference off the line (a career summary, a comparison, "la loi du 28 février
2012", "depuis 1921", "né en 1880"); a date without its year ("le 18 mai") takes the year before,
the same year or the year after the story's. The search (`Anchorer._search`, a beam of story
states, one per way of reading the text so far) keeps the readings whose summed cost is lowest
over the whole text, so a later date can settle an earlier choice.

Costs are a few named features with fixed weights, readable one by one:

- MOVE: moving the story costs more the further it goes. A move the text does not spell out (a
  date without its year, "le lendemain", "le 9") costs W_FORWARD × log(1 + days/30) forward and
  W_BACK × that backward: a story goes forward, and a reader puts a year-less date where it
  continues the story (0 inside the story's period: "en 1915 … le 1er janvier"). A date with its
  year costs W_EXPLICIT × log(1 + years between the periods): the text says where it goes.
- OFF: calling a date with its year a reference off the line costs W_OFF, plus W_OPENS when
  the date opens its sentence or line (narratives open a new time there), minus the evidence that
  it is a reference: a cue word before it (`resources/<lang>/time/reference_cues.tsv`), a noun it
  modifies that names no event ("la Déclaration de 1789", "un vétéran de 1870"), parentheses, a
  date coarser than the story's time inside a sentence ("en 1928" said in passing in a story told
  day by day), a verb in the future or the conditional (a flash-forward in a story told in the past), a verb in the
  pluperfect (a past before the story's: "en 1928, il avait vu Kiev").
- OTHER_YEAR, OTHER_MONTH: a year-less date placed in another year (a day alone, "le 11", in another
  month) than the one the story's time suggests.
- STORY_OVER_DCT: in a text with a publication date, a year-less date read against the story the text
  tells rather than against the day of writing (news about the past).
- SEQUENCE: a year-less date (a day, a weekday, "le lendemain") far from the date told just before
  it, on the story's line or off it: a reader places "le 7 juin" next to "le 6 juin 1944" just
  told (within a sentence the last date of any precision, across sentences the last day told).
- ELABORATION: a day of the month just told ("juin 1944. Le 6 juin") placed in another year.
- UNRESOLVED: an expression a reader would place ("hier", "le 20 août") left without a value.
- DIGRESSION_GOES_ON: a date read against a reference just made off the line ("né en 1880 … le
  3 mars") rather than against the story it interrupted.
- RESUME: a year-less date read on in a past the story went to in the pluperfect ("En 1912, j'avais
  fait mon service dans ce secteur.") from a later paragraph not told in the pluperfect: a reader
  takes the new paragraph back to the story the reminder interrupted ("Le 10 septembre, les
  Allemands se retirèrent"); within the reminder's paragraph, the text may go on with it.

The weights were set by hand so that the readings of the project's own examples and of the
development texts (benchmarks/gold, corpus-dev) come out as a careful reader's; they are few on
purpose, so that a reader of a result can tell why a date was placed where it was.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from annales.common.layout import closes_its_sentence, in_parentheses
from annales.common.resources import load_rows
from annales.time.values import Point, bounds

BEAM = 4  # story states kept side by side
W_FORWARD = 1.0
W_BACK = 1.4  # with W_FORWARD: a year-less date more than ~4 months back means next year
W_EXPLICIT = 0.5
W_OFF = 2.0
W_OFF_NEWS = 0.2  # news is about its own day: a date far in the past is a reference unless the text goes on with it
W_OPENS = 1.5
W_CUE = 2.5
W_NOUN = 2.0
W_PARENTHESES = 2.0
W_COARSER = 1.0
W_AHEAD = 1.0
W_BEFORE = 3.5
OTHER_YEAR = 0.3
OTHER_MONTH = 0.3
W_DIGRESSION_GOES_ON = 1.0
W_STORY_OVER_DCT = 0.5
W_UNRESOLVED = 1.0
W_SEQUENCE = 0.5
W_ELABORATION = 3.0
W_RESUME = 1.0
# Readings a reader places from the context; leaving one unresolved costs W_UNRESOLVED.
RESOLVABLE = frozenset({"partial", "feast", "ordinal-weekday", "weekday", "deictic", "offset", "clock", "daypart",
                        "ordinal-day"})
MIN_OFF = 0.1
CUE_WINDOW = 25  # characters before a date where a reference cue may stand

PRECISION_RANK = {"C": 0, "DE": 1, "Y": 2, "S": 3, "M": 4, "W": 5, "D": 6, "P": 7, "H": 8}


@dataclass(frozen=True)
class Evidence:
    """What the words around a date with its year say of its place in the story."""

    opens: bool  # first words of its sentence or line
    cue: bool  # a reference cue just before it
    noun: bool  # it modifies a noun that names no event
    parentheses: bool
    coarser: bool  # coarser than the story's time (a year in a story told by days)
    ahead: bool  # told in the future or the conditional: a flash-forward ("tout serait perdu en 1940")
    before: bool  # told in the pluperfect: a past before the story's ("il avait vu Kiev en 1928")


@cache
def reference_cues(language: str) -> re.Pattern[str]:
    words = sorted((row[0] for row in load_rows(language, "time", "reference_cues.tsv")), key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace("'", "['’]") for w in words)
    return re.compile(rf"(?<!\w)(?:{alternation})(?:\s+(?:en|le|la|les|l['’]|de|du|des|d['’]|au|aux|à))*\s*$",
                      re.IGNORECASE)


@cache
def range_connector(language: str) -> re.Pattern[str]:
    words = sorted((row[0] for row in load_rows(language, "time", "range_connectors.tsv")), key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace("'", "['’]") for w in words)
    return re.compile(rf"\s*(?:{alternation})\s*", re.IGNORECASE)


@cache
def counted_from_connector(language: str) -> re.Pattern[str]:
    """The words between a day counted from a date and that date, written right after it (`time/
    counted_from_connectors.tsv`): "la veille [du] 14 juillet", "trois jours après [le] 2 mai"."""
    words = sorted((row[0] for row in load_rows(language, "time", "counted_from_connectors.tsv")), key=len,
                   reverse=True)
    alternation = "|".join(re.escape(w).replace("'", "['’]") for w in words)
    return re.compile(rf"\s*(?:(?:{alternation})(?:\s+|(?<=['’])))*", re.IGNORECASE)


_BOUNDARY = re.compile(r"[.!?;:\n«»\"]")


def evidence_for(item: Any, main: Point | None, text: str, cues: re.Pattern[str] | None) -> Evidence:
    start = item.cand.start
    window_start = max(0, start - 80)
    window = text[window_start:start]
    boundary = max((m.end() for m in _BOUNDARY.finditer(window)), default=None)
    if boundary is None and window_start > 0:
        opens = False  # 80 characters of the same sentence before it
    else:
        prefix = window[boundary or 0:]
        opens = "," not in prefix and len(prefix.split()) <= 2
    cue = bool(cues and cues.search(text[max(0, start - CUE_WINDOW):start]))
    # A date in parentheses sets a name or a person apart ("Fuentes de Oñoro (mai 1811) et …", "X
    # (1765-1840) fut …"); one closing its sentence dates what the sentence told ("… du Portugal
    # (juillet 1810).").
    parentheses = in_parentheses(text, start) and not closes_its_sentence(text, start, item.cand.end)
    point = item.reading.point
    coarser = (main is not None and not opens
               and PRECISION_RANK.get(point.precision, 0) < PRECISION_RANK.get(main.precision, 0)
               and PRECISION_RANK.get(point.precision, 0) <= PRECISION_RANK["M"])
    noun = item.situation.attachment == "noun"
    ahead = item.situation.tense == "future"
    before = item.situation.pluperfect
    return Evidence(opens=opens, cue=cue, noun=noun, parentheses=parentheses, coarser=coarser, ahead=ahead,
                    before=before)


def line_costs(evidence: Evidence, news: bool = False) -> tuple[float, float, tuple[str, ...]]:
    """(cost of reading the date on the story's line, cost of reading it off, the features that fired).

    The evidence sums to one score: above zero it is what calling the date a reference costs; below
    zero, the evidence for a reference outweighs the base cost, and the rest is charged to the
    reading on the line ("une chenille conçue en 1935" is very likely a reference)."""
    score, reasons = off_line_score(evidence, news)
    return max(-score, 0.0), max(score, MIN_OFF), reasons


def off_line_score(evidence: Evidence, news: bool = False) -> tuple[float, tuple[str, ...]]:
    cost, reasons = (W_OFF_NEWS if news else W_OFF), []
    if evidence.opens:
        cost += W_OPENS
        reasons.append("opens")
    for fired, weight, name in ((evidence.cue, W_CUE, "cue"), (evidence.noun, W_NOUN, "noun"),
                                (evidence.parentheses, W_PARENTHESES, "parentheses"),
                                (evidence.coarser, W_COARSER, "coarser"), (evidence.ahead, W_AHEAD, "ahead"),
                                (evidence.before, W_BEFORE, "before")):
        if fired:
            cost -= weight
            reasons.append(name)
    return cost, tuple(reasons)


def off_line_cost(evidence: Evidence, news: bool = False) -> tuple[float, tuple[str, ...]]:
    _on, off, reasons = line_costs(evidence, news)
    return off, reasons


def _days(iso_value: str) -> float:
    year, month, day = (int(part) for part in iso_value[:10].split("-"))
    # Days since year 1, close enough to compare periods (a month as 30.44 days is plenty here).
    return year * 365.25 + (month - 1) * 30.44 + day


@lru_cache(maxsize=8192)
def _span(point: Point) -> tuple[float, float] | None:
    # The search asks for the same few points thousands of times: their span is worked out once.
    span = bounds(point)
    return None if span is None else (_days(span[0]), _days(span[1]))


def gap_days(a: Point, b: Point) -> float:
    """How many days b lies after a (negative when before), 0 when their periods overlap."""
    span_a, span_b = _span(a), _span(b)
    if span_a is None or span_b is None:
        return 0.0
    a0, a1 = span_a
    b0, b1 = span_b
    if b0 > a1:
        return b0 - a1
    if b1 < a0:
        return b1 - a0
    return 0.0


def move_cost(before: Point | None, after: Point | None, explicit: bool) -> float:
    if before is None or after is None or before is after:
        return 0.0
    if explicit:
        return W_EXPLICIT * math.log1p(abs(gap_days(before, after)) / 365.25)
    gap = gap_days(before, after)
    if gap >= 0:
        return W_FORWARD * math.log1p(gap / 30)
    return W_BACK * math.log1p(-gap / 30)


def told_in_sequence(reading: Any) -> bool:
    """A date a reader places from the dates told just before it: year-less days, weekdays, "le
    lendemain" (not "hier" in news, which counts from the day of writing)."""
    return reading.kind in ("partial", "feast", "ordinal-weekday", "weekday") or (reading.kind in ("deictic", "offset")
                                                       and reading.anchor == "story")


def sequence_cost(before: Point | None, point: Point | None) -> float:
    """SEQUENCE: a year-less date far from the date told just before it costs, whichever line that
    date was on; counted like a move of the story (backward dearer), at W_SEQUENCE of its weight."""
    return W_SEQUENCE * move_cost(before, point, explicit=False)


BASE_CONFIDENCE = {"explicit": 0.98, "dct": 0.9, "story": 0.9, "relative-to-timex": 0.85}


def anchoring_kind(reading: Any, anchor: str | None, resolved: bool) -> str | None:
    """How a value was reached: explicit (written in full), dct (from the publication date), story
    (a date completed from the story's time), relative-to-timex (counted from another date),
    relative-to-event (counted from an event: left unresolved)."""
    if reading.event_anchored:
        return "relative-to-event"
    if not resolved or reading.type in ("DURATION", "SET"):
        return None
    if reading.kind in ("absolute", "fixed"):
        return "explicit"
    if anchor == "dct":
        return "dct"
    if reading.kind in ("deictic", "offset", "ordinal-day"):
        return "relative-to-timex"
    return "story"


def confidence(kind: str | None, margin: float | None) -> float | None:
    """A value's confidence: high for what the text writes in full, lower for what the story
    completed, and lower again when another reading cost little more (`margin`)."""
    if kind is None or kind not in BASE_CONFIDENCE:
        return None
    base = BASE_CONFIDENCE[kind]
    if margin is None:
        return base
    return round(base / (1 + math.exp(-2 * margin)), 2)
