"""What a recognised expression says, before anything anchors it: a `Reading`.

The rule's kind and named groups decide the reading; the lexicon turns words into numbers and
codes. No anchoring happens here: "le 13 novembre" is read as day 13, month 11, year unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from text_to_num import text2num

from annales.time.lexicon import Deictic, Lexicon, normalise
from annales.time.recognise import Candidate
from annales.time.values import Point, duration_value, feast_day, nth_weekday, replace

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# A figure of more digits than a float holds exactly is no amount of time (a serial number, noise);
# reading it would also meet Python's limit of 4 300 digits for int() and floats that overflow.
MAX_DIGITS = 15
NUMBER_GROUPS = ("num", "num2", "hour", "minute", "fromhour", "day", "year", "year2", "year3", "ocryear", "decade",
                 "century", "glossday", "glossyear")
# TIMEX3 writes a quarter of a year as Q1-Q4 and a half as H1-H2.
PART_OF_YEAR = {3: "Q", 6: "H"}


@dataclass
class Reading:
    # absolute | partial | feast | ordinal-weekday | weekday | clock | daypart | offset | deictic | ordinal-day | fixed
    kind: str
    type: str  # DATE | TIME | DURATION | SET
    point: Point = field(default_factory=Point)
    mod: str | None = None
    value: str | None = None  # for fixed readings: durations, sets, *_REF
    anchor: str | None = None  # "speech" or "story" for relative readings
    unit: str | None = None
    amount: float | None = None  # None: an unknown amount ("quelques")
    sign: int = 0
    event_anchored: bool = False  # "le lendemain de leur condamnation": relative to an event
    generic: bool = False  # "en hiver": no particular year
    speech_today: bool = False  # "aujourd'hui": the day of writing, or the present in general
    # "avant-hier, 8 avril": a deictic followed by the date it names reads as that date (kind partial
    # or absolute); `anchor` keeps the deictic's ("speech" or "story") so the text still counts as deixis.
    glossed: bool = False
    nth: int | None = None  # kind "ordinal-weekday": which weekday of its period (-1: the last); weekday in `amount`
    feast: int | None = None  # kind "feast": a movable feast's days from Easter, placed once its year is known
    # A partial date in the year after (1) or before (-1) the one `anchor` gives ("en mai de l'année
    # suivante": the story's year plus one), None when no such year is said.
    year_shift: int | None = None


def number(text: str | None, lexicon: Lexicon) -> float | None:
    if text is None:
        return None
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text)
    if re.fullmatch(r"\d+([.,]\d+)?", cleaned):
        return float(cleaned.replace(",", "."))
    words = normalise(text)
    if words in lexicon.vague:
        return None
    try:
        return float(text2num(words, lexicon.language))
    except (ValueError, OverflowError):
        try:  # text2num wants hyphens in compounds below a hundred
            return float(text2num(words.replace(" ", "-"), lexicon.language))
        except (ValueError, OverflowError):
            return None


def _amount(groups: dict[str, str], lexicon: Lexicon) -> float | None:
    """How many units: a number, a noun of a round amount ("une dizaine de"), one whole unit, or a
    fraction of one."""
    if "round" in groups:
        return lexicon.lookup(lexicon.round_numbers, groups["round"])
    if "whole" in groups:  # "toute la semaine": one whole unit
        return 1.0
    if "halfof" in groups:  # "une demi-heure"
        return 0.5
    if "quarterof" in groups:  # "trois quarts d'heure"
        count = number(groups.get("num"), lexicon) if groups.get("num") else 1.0
        return None if count is None else count / 4
    return number(groups.get("num"), lexicon)


def _unit(code: str | None) -> tuple[str | None, float]:
    """Split a unit code such as "W2" (a fortnight) into its unit and multiplier."""
    if code is None:
        return None, 1.0
    m = re.fullmatch(r"([A-Z]+?)(\d*)", code)
    if not m:
        return code, 1.0
    return m.group(1), float(m.group(2) or 1)


def _day(text: str, lexicon: Lexicon) -> int | None:
    digits = re.sub(r"\D", "", text)
    if digits:
        return int(digits)
    return lexicon.lookup(lexicon.ordinals, text)


def _year(groups: dict[str, str]) -> int | None:
    if "year" in groups:
        return int(groups["year"])
    return None


def _two_digit_year(groups: dict[str, str]) -> int | None:
    for key in ("year2", "year3"):
        if key in groups:
            return int(groups[key])
    return None


def _roman(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    total, previous = 0, 0
    for ch in reversed(text.upper()):
        value = ROMAN.get(ch)
        if value is None:
            return None
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


def _hour(text: str | None, lexicon: Lexicon) -> float | None:
    """An hour written as a number, or as a word for a clock time ("midi")."""
    value = number(text, lexicon)
    if value is not None:
        return value
    part = lexicon.lookup(lexicon.dayparts, text)
    if part is not None and ":" in part.code:
        return float(part.code.split(":")[0])
    return None


def _clock(groups: dict[str, str], lexicon: Lexicon) -> tuple[int, int] | None:
    hour = _hour(groups.get("hour"), lexicon)
    if hour is None or hour > 24 or hour != int(hour):
        return None
    hour_i = int(hour)
    minute = number(groups["minute"], lexicon) if groups.get("minute") else 0.0
    if minute is None or minute != int(minute):
        return None
    minute_i = int(minute)
    if groups.get("half"):
        minute_i = 30
    elif groups.get("quarter"):
        minute_i = 15
    elif groups.get("toquarter"):
        hour_i, minute_i = (hour_i - 1) % 24, 45
    if hour_i == 24 and minute_i:
        hour_i = 0  # half past midnight is 00:30
    part = lexicon.lookup(lexicon.dayparts, groups.get("daypart"))
    if part is not None and part.code in ("AF", "EV") and hour_i < 12:
        hour_i += 12  # "3 heures de l'après-midi", "9 heures du soir"
    if part is not None and part.code == "NI" and 6 < hour_i < 12:
        hour_i += 12
    start = _hour(groups.get("fromhour"), lexicon)
    if part is None and start is not None and hour_i < 12 and hour_i < start < hour_i + 12:
        hour_i += 12  # a range ends after it starts: "de midi à 2 heures" ends at 14:00
    if minute_i > 59:
        return None
    return hour_i, minute_i


def _gloss(groups: dict[str, str], lexicon: Lexicon, deictic: Reading) -> Reading | None:
    """The reading of the date set beside a deictic ("hier, 8 avril"), keeping the deictic's part of
    the day and its anchor; None when the date is not a real one."""
    day = _day(groups["glossday"], lexicon)
    month = lexicon.lookup(lexicon.months, groups.get("glossmonth"))
    if day is None or month is None or not 1 <= day <= 31:
        return None
    year = int(groups["glossyear"]) if "glossyear" in groups else None
    point = replace(deictic.point, year=year, month=month, day=day)
    reading = Reading("absolute" if year is not None else "partial", deictic.type, point, deictic.mod)
    reading.anchor, reading.glossed = deictic.anchor, True
    return reading


def _with_part(reading: Reading, text: str | None, lexicon: Lexicon) -> Reading:
    """A date with the part of the day it frames ("la nuit du 27 au 28") is a time of that day."""
    part = lexicon.lookup(lexicon.dayparts, text)
    if part is None:
        return reading
    if ":" in part.code:
        hour, minute = (int(x) for x in part.code.split(":"))
        reading.point = replace(reading.point, hour=hour % 24, minute=minute)
    else:
        reading.point = replace(reading.point, part=part.code)
    reading.type = "TIME"
    reading.mod = reading.mod or part.mod
    return reading


def _feast(groups: dict[str, str], lexicon: Lexicon, mod: str | None) -> Reading | None:
    """A movable feast ("le lundi de Pâques"): its day when the year is written, else its offset from
    Easter for anchoring to place in the story's year. None for a word that names a feast only with a
    capital and has none ("l'ascension du glacier")."""
    found = lexicon.lookup(lexicon.feasts, groups["feast"])
    if found is None:
        return None
    offset, capital = found
    if capital and groups["feast"].islower():
        return None
    year = _year(groups)
    if year is not None:
        point = feast_day(year, offset)
        return None if point is None else Reading("absolute", "DATE", point, mod)
    reading = Reading("feast", "DATE", Point(), mod)
    reading.feast = offset
    return reading


def read(cand: Candidate, lexicon: Lexicon) -> Reading | None:
    """The reading of a candidate, or None when its words do not make a time after all."""
    reading = _read(cand, lexicon)
    year_direction = lexicon.lookup(lexicon.directions, cand.groups.get("ydir"))
    if reading is not None and year_direction is not None and reading.kind == "partial":
        reading.year_shift, reading.anchor = year_direction.sign, year_direction.anchor
    return reading


def _read(cand: Candidate, lexicon: Lexicon) -> Reading | None:
    g = cand.groups
    if any(len(g[name]) > MAX_DIGITS and sum(ch.isdigit() for ch in g[name]) > MAX_DIGITS
           for name in NUMBER_GROUPS if name in g):
        return None
    kind = cand.kind
    mod = lexicon.lookup(lexicon.modifiers, g.get("mod"))
    direction = lexicon.lookup(lexicon.directions, g.get("dir"))

    if kind == "date" and "feast" in g:
        return _feast(g, lexicon, mod)
    if kind in ("date", "day-in-list", "day-alone"):
        holiday = lexicon.lookup(lexicon.holidays, g.get("holiday"))
        if holiday is not None:
            month, day = holiday
        else:
            day = _day(g["day"], lexicon)
            # month3: a list of days framed by a part of the day, its month after the last ("les nuits des 3 et 4 août")
            month = lexicon.lookup(lexicon.months, g.get("month") or g.get("month2") or g.get("month3"))
            if "monthnum" in g:  # "12/05/1999"
                month = int(g["monthnum"])
                if not 1 <= month <= 12:
                    return None
        if day is None or not 1 <= day <= 31:
            return None
        year = _year(g)
        weekday = lexicon.lookup(lexicon.weekdays, g.get("weekday"))
        reading = Reading("partial", "DATE", Point(year=year, month=month, day=day), mod)
        reading.sign = direction.sign if direction else 0
        reading.amount = weekday  # kept to check the weekday against the date it names
        if _two_digit_year(g) is not None:
            reading.unit = "YY"
            reading.value = str(_two_digit_year(g))
        if year is not None and month is not None:
            reading.kind = "absolute"
        return _with_part(reading, g.get("daypart"), lexicon)

    if kind == "month":
        month = lexicon.lookup(lexicon.months, g.get("month"))
        if month is None:
            return None
        reading = Reading("partial", "DATE", Point(year=_year(g), month=month), mod)
        reading.sign = direction.sign if direction else 0
        if _two_digit_year(g) is not None:
            reading.unit = "YY"
            reading.value = str(_two_digit_year(g))
        if reading.point.year is not None:
            reading.kind = "absolute"
        return reading

    if kind == "year":
        if "ocryear" in g:  # OCR reads the leading 1 of a year as 4: "4870" is 1870
            return Reading("absolute", "DATE", Point(year=int("1" + g["ocryear"][1:])), mod)
        return Reading("absolute", "DATE", Point(year=int(g["year"])), mod)

    if kind == "season":
        season = lexicon.lookup(lexicon.seasons, g.get("season"))
        if season is None:
            return None
        reading = Reading("partial", "DATE", Point(year=_year(g), season=season), mod)
        reading.sign = direction.sign if direction else 0
        reading.generic = "generic" in g
        if reading.point.year is not None:
            reading.kind = "absolute"
        return reading

    if kind == "decade":
        raw = g["decade"]
        value = int(raw) if raw.isdigit() else number(raw, lexicon)
        if value is None:
            return None
        value = int(value)
        decade = value // 10 if value >= 1000 else (1900 + value) // 10
        return Reading("absolute", "DATE", Point(decade=decade), mod)

    if kind == "century":
        ordinal = _roman(g["century"])
        if ordinal is None or not 1 <= ordinal <= 21:
            return None
        return Reading("absolute", "DATE", Point(century=ordinal - 1), mod)

    if kind == "time":
        clock = _clock(g, lexicon)
        if clock is None:
            return None
        return Reading("clock", "TIME", Point(hour=clock[0], minute=clock[1]), mod)

    if kind == "daypart":
        part = lexicon.lookup(lexicon.dayparts, g.get("daypart"))
        if part is None:
            return None
        if ":" in part.code:
            hour, minute = (int(x) for x in part.code.split(":"))
            return Reading("clock", "TIME", Point(hour=hour, minute=minute), mod or part.mod)
        reading = Reading("daypart", "TIME", Point(part=part.code), mod or part.mod)
        reading.anchor = "speech" if g.get("this") else "story"
        return reading

    if kind == "weekday":
        weekday = lexicon.lookup(lexicon.weekdays, g.get("weekday"))
        if weekday is None:
            return None
        part = lexicon.lookup(lexicon.dayparts, g.get("daypart"))
        reading = Reading("weekday", "TIME" if part else "DATE", Point(part=part.code if part else None), mod)
        reading.amount = weekday
        reading.sign = direction.sign if direction else 0
        reading.anchor = "story" if g.get("this") else None
        return reading

    if kind == "deictic":
        deictic = lexicon.lookup(lexicon.deictics, g.get("deictic"))
        if "same" in g:  # "le matin même": the story's own day
            deictic = Deictic("story", "D", 0)
        elif "last" in g:  # "la nuit dernière": the one before the time of writing
            deictic = Deictic("speech", "D", -1)
        if deictic is None:
            return None
        part_text = g.get("daypart2") or g.get("daypart")
        part = lexicon.lookup(lexicon.dayparts, part_text)
        reading = Reading("deictic", "TIME" if part else "DATE",
                          Point(part=part.code if part and ":" not in part.code else None), mod)
        if part and ":" in part.code:
            reading.point = Point(hour=int(part.code[:2]), minute=int(part.code[3:]))
        reading.anchor, reading.unit, reading.amount = deictic.anchor, deictic.unit, deictic.offset
        reading.event_anchored = "event" in g
        reading.speech_today = deictic.anchor == "speech" and deictic.offset == 0 and part is None
        if "glossday" in g and not reading.event_anchored:
            return _gloss(g, lexicon, reading) or reading
        return reading

    if kind == "offset":
        unit, multiplier = _unit(lexicon.lookup(lexicon.units, g.get("unit")))
        if unit is None or direction is None:
            return None
        amount = _amount(g, lexicon)
        reading = Reading("offset", "DATE", Point(), mod)
        reading.unit, reading.sign, reading.anchor = unit, direction.sign, direction.anchor
        reading.amount = None if amount is None else amount * multiplier
        reading.event_anchored = "event" in g
        if g.get("num2") or "round" in g:
            reading.mod = reading.mod or "APPROX"
        if unit.startswith("T"):
            reading.type = "TIME"
        return reading

    if kind == "calendar-unit":
        unit, _ = _unit(lexicon.lookup(lexicon.units, g.get("unit") or g.get("unit2")))
        if unit is None:
            unit = "WE"  # the only calendar unit without a duration: the week-end
        reading = Reading("offset", "DATE", Point(), mod)
        reading.unit, reading.anchor = unit, "speech"
        reading.sign = direction.sign if direction else 0
        reading.amount = 1.0 if direction else 0.0
        return reading

    if kind == "ordinal-part":
        ordinal = lexicon.lookup(lexicon.ordinals, g.get("ordinal") or g.get("ordinal2"))
        if ordinal is None:
            return None
        if "watch" in g:  # the four watches of the night
            if not 1 <= ordinal <= 4:
                return None
            code = "NI"
        else:  # twelve hours of daylight counted from sunrise: the seventh begins at noon
            if not 1 <= ordinal <= 12:
                return None
            code = "MO" if ordinal <= 6 else "AF"
        reading = Reading("daypart", "TIME", Point(part=code), mod)
        reading.anchor = "story"
        return reading

    if kind == "part-of-year":
        ordinal = _day(g["ordinal"], lexicon)
        unit, multiplier = _unit(lexicon.lookup(lexicon.units, g.get("unit")))
        letter = PART_OF_YEAR.get(int(multiplier)) if unit == "M" else None
        if ordinal is None or letter is None or "year" not in g or not 1 <= ordinal <= 12 // multiplier:
            return None
        return Reading("fixed", "DATE", Point(), mod, value=f"{int(g['year']):04d}-{letter}{ordinal}")

    if kind == "ordinal-weekday":
        weekday = lexicon.lookup(lexicon.weekdays, g.get("weekday"))
        nth = -1 if "last" in g else _day(g.get("ordinal", ""), lexicon)
        period = Point(year=_year(g), month=lexicon.lookup(lexicon.months, g.get("month")),
                       season=lexicon.lookup(lexicon.seasons, g.get("season")))
        if weekday is None or nth is None or not (nth == -1 or 1 <= nth <= 5) or (period.month is None
                                                                                 and period.season is None):
            return None
        if period.year is not None:  # "le premier dimanche de mai 1916": the calendar says which day
            point = nth_weekday(period, weekday, nth)
            return None if point is None else Reading("absolute", "DATE", point, mod)
        reading = Reading("ordinal-weekday", "DATE", period, mod)
        reading.amount, reading.nth = weekday, nth
        return reading

    if kind == "ordinal-day":
        ordinal = lexicon.lookup(lexicon.ordinals, g.get("ordinal"))
        if ordinal is None:
            return None
        reading = Reading("ordinal-day", "DATE", Point(), mod)
        reading.amount = ordinal
        return reading

    if kind == "duration":
        unit, multiplier = _unit(lexicon.lookup(lexicon.units, g.get("unit")))
        if unit is None:
            return None
        vague = "vague" in g
        amount = None if vague else _amount(g, lexicon)
        if amount is None and not vague:
            return None
        if "round" in g:
            mod = mod or "APPROX"
        if amount is not None:
            amount *= multiplier
            if g.get("half"):
                amount += 0.5
            elif g.get("quarter"):
                amount += 0.25
            if unit == "TH" and 0 < amount < 1:  # less than an hour is counted in minutes: PT45M
                unit, amount = "TM", amount * 60
        if direction is not None:
            mod = mod  # "ces dernières 24 heures": a span that ends now
        return Reading("fixed", "DURATION", Point(), mod, value=duration_value(amount, unit))

    if kind == "set":
        if g.get("set"):
            value = lexicon.lookup(lexicon.sets, g["set"])
            return Reading("fixed", "SET", Point(), None, value=value) if value else None
        weekday = lexicon.lookup(lexicon.weekdays, g.get("weekday"))
        if weekday is not None:
            return Reading("fixed", "SET", Point(), None, value=f"XXXX-WXX-{weekday}")
        part = lexicon.lookup(lexicon.dayparts, g.get("daypart"))
        if part is not None:
            return Reading("fixed", "SET", Point(), None, value=f"T{part.code}" if ":" not in part.code else "P1D")
        unit, multiplier = _unit(lexicon.lookup(lexicon.units, g.get("unit")))
        if unit is None:
            return None
        amount = number(g.get("num"), lexicon) if g.get("num") else 1.0
        return Reading("fixed", "SET", Point(), None,
                       value=duration_value(None if amount is None else amount * multiplier, unit))

    if kind == "reference":
        value = lexicon.lookup(lexicon.references, g.get("ref"))
        return Reading("fixed", "TIME", Point(), None, value=value) if value else None

    if kind == "term":
        value = lexicon.lookup(lexicon.terms, g.get("term"))
        return Reading("fixed", "DURATION", Point(), None, value=value) if value else None

    return None
