"""Calendar points, their ISO 8601 / TIMEX3 values, their intervals and date arithmetic.

A `Point` holds what is known of a time: any field may be missing, and an unknown year prints
as "XXXX". Nothing here knows a language.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, timedelta
from functools import lru_cache
from typing import Any, TypeVar

# Seasons as the French calendar counts them (equinoxes and solstices, to the day).
SEASONS = {"SP": ((3, 20), (6, 20)), "SU": ((6, 21), (9, 22)), "FA": ((9, 23), (12, 20)), "WI": ((12, 21), (3, 19))}
SEASON_MIDDLE_MONTH = {"SP": 5, "SU": 8, "FA": 11, "WI": 2}
PARTS = {"MO": ("06:00", "12:00"), "MI": ("11:00", "13:00"), "AF": ("12:00", "18:00"),
         "EV": ("18:00", "23:59"), "NI": ("21:00", "23:59"), "DT": ("08:00", "18:00")}
# What `datetime.date` can hold, and so every interval: 0001-01-01 is a common "no date" placeholder.
FIRST_DAY, LAST_DAY = date(MINYEAR, 1, 1), date(MAXYEAR, 12, 31)
Record = TypeVar("Record")


def replace(record: Record, /, **changes: Any) -> Record:
    """`dataclasses.replace` for the plain records of the time layer (Point, Resolution, Option,
    Reading): every field is an init field, none has a `__post_init__`, and the instance's __dict__
    holds its fields and nothing else, so the new record is that __dict__ copied with the changes,
    without `dataclasses.replace`'s walk over the fields' metadata nor a frozen __init__'s one
    `object.__setattr__` per field. The anchoring search replaces thousands of them per text."""
    fields = record.__dict__
    if not changes.keys() <= fields.keys():
        raise TypeError(f"{type(record).__name__} has no field {', '.join(sorted(changes.keys() - fields.keys()))}")
    new = object.__new__(record.__class__)
    copied = new.__dict__  # written directly: a frozen record refuses setattr
    copied.update(fields)
    copied.update(changes)
    return new


@dataclass(frozen=True)
class Point:
    # Beside the fields (in __dict__), a slot for the hash, worked out once: the anchoring search
    # hashes the same points again and again (its caches, its story states). Not in __dict__, so
    # neither compared, nor copied by `replace`, nor pickled (`__getstate__`): a str's hash differs
    # from one process to the next.
    __slots__ = ("__dict__", "__weakref__", "_hash")

    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    season: str | None = None  # SP, SU, FA, WI
    part: str | None = None  # MO, AF, EV, NI
    decade: int | None = None  # 193 for the 1930s
    century: int | None = None  # 18 for the nineteenth century (TIMEX3 convention)
    week: int | None = None
    weekend: bool = False

    # A Point's __dict__ holds its fields and nothing else, in their order (`__init__` writes them
    # so, `replace` copies them so): compared as one dict, and hashed as the tuple of its values,
    # the very tuple the dataclass would hash, without reading the fields one at a time.
    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        try:
            return self._hash
        except AttributeError:
            found = hash(tuple(self.__dict__.values()))
            object.__setattr__(self, "_hash", found)  # frozen: the field setters refuse it
            return found

    def __getstate__(self) -> dict[str, Any]:
        return self.__dict__

    @property
    def precision(self) -> str:
        """The finest field known: C, DE, Y, S, M, W, D, H (hour), P (part of day)."""
        if self.hour is not None:
            return "H"
        if self.part is not None:
            return "P"
        if self.day is not None:
            return "D"
        if self.week is not None:
            return "W"
        if self.month is not None:
            return "M"
        if self.season is not None:
            return "S"
        if self.year is not None:
            return "Y"
        if self.decade is not None:
            return "DE"
        return "C" if self.century is not None else ""

    @property
    def has_year(self) -> bool:
        return self.year is not None

    def with_date(self, d: date) -> Point:
        return replace(self, year=d.year, month=d.month, day=d.day, season=None, week=None)


@lru_cache(maxsize=8192)  # asked again and again of the same points by the anchoring search
def iso(point: Point) -> str:
    """The TIMEX3 value of a point; unknown parts are X's."""
    if point.year is None and point.month is None and point.day is None and point.hour is None \
            and point.part is None and point.season is None and point.week is None:
        if point.decade is not None:
            return f"{point.decade:03d}X"
        if point.century is not None:
            return f"{point.century:02d}"
    year = f"{point.year:04d}" if point.year is not None else "XXXX"
    if point.week is not None:
        return f"{year}-W{point.week:02d}" + ("-WE" if point.weekend else "")
    if point.season is not None and point.month is None:
        return f"{year}-{point.season}"
    if point.month is None and point.day is None and point.hour is None and point.part is None:
        return year
    value = f"{year}-{point.month:02d}" if point.month is not None else f"{year}-XX"
    if point.day is None and point.hour is None and point.part is None:
        return value
    value += f"-{point.day:02d}" if point.day is not None else "-XX"
    if point.hour is not None:
        return value + f"T{point.hour:02d}:{point.minute or 0:02d}"
    if point.part is not None:
        return value + f"T{point.part}"
    return value


def is_resolved(point: Point) -> bool:
    if point.year is None:
        return point.decade is not None or point.century is not None
    if point.day is not None and point.month is None:
        return False
    return True


@lru_cache(maxsize=8192)  # asked again and again of the same points by the anchoring search
def representative(point: Point) -> date | None:
    """A date in the middle of the point, to measure how far apart two points are."""
    if not in_calendar(point):
        return None
    if point.year is None:
        if point.decade is not None:
            return date(point.decade * 10 + 5, 1, 1)
        if point.century is not None:
            return date(point.century * 100 + 50, 1, 1)
        return None
    if point.month is None:
        if point.season is not None:
            # Winter begins in December (see SEASONS): its middle is in the next calendar year.
            year = point.year + 1 if point.season == "WI" and point.year < MAXYEAR else point.year
            return date(year, SEASON_MIDDLE_MONTH[point.season], 1)
        if point.week is not None:
            return date.fromisocalendar(point.year, min(point.week, 52), 4)
        return date(point.year, 7, 1)
    if point.day is None:
        return date(point.year, point.month, 15)
    return _safe_date(point.year, point.month, point.day)


def in_calendar(point: Point) -> bool:
    """True when every date the point covers can be written YYYY-MM-DD (years 0001 to 9999)."""
    if point.year is not None:
        return MINYEAR <= point.year <= MAXYEAR
    if point.decade is not None:
        return MINYEAR <= point.decade * 10 + 9 and point.decade * 10 <= MAXYEAR
    if point.century is not None:
        return MINYEAR <= point.century * 100 + 99 and point.century * 100 <= MAXYEAR
    return True


def _safe_date(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def distance_days(a: Point, b: Point) -> float:
    ra, rb = representative(a), representative(b)
    if ra is None or rb is None:
        return float("inf")
    return abs((ra - rb).days)


def signed_days(a: Point, b: Point) -> float:
    """How many days a is after b (negative when before)."""
    ra, rb = representative(a), representative(b)
    if ra is None or rb is None:
        return 0.0
    return float((ra - rb).days)


def shift(point: Point, unit: str, amount: int) -> Point:
    """The point moved by `amount` units (D, W, M, Y, TH, TM, DE, CE), keeping its precision.

    A move that would leave the calendar (before year 1 or after 9999) leaves the point where it is;
    `moved` says so instead.
    """
    result = moved(point, unit, amount)
    return point if result is None else result


def moved(point: Point, unit: str, amount: int) -> Point | None:
    """The point moved by `amount` units, or None when the move leaves the calendar (year 1 to 9999)."""
    try:
        result = _shift(point, unit, amount)
    except (ValueError, OverflowError):
        return None
    return result if in_calendar(result) else None


def _shift(point: Point, unit: str, amount: int) -> Point:
    if point.year is None:
        return point
    if unit in ("TH", "TM", "TS"):
        if point.hour is None or point.day is None or point.month is None:
            return point
        base = _safe_date(point.year, point.month, point.day)
        minutes = point.hour * 60 + (point.minute or 0)
        minutes += amount * (60 if unit == "TH" else 1) if unit != "TS" else 0
        days, minutes = divmod(minutes, 24 * 60)
        moved = base + timedelta(days=days)
        return replace(point.with_date(moved), hour=minutes // 60, minute=minutes % 60)
    if unit in ("D", "W"):
        if point.day is None or point.month is None:
            return point
        moved = _safe_date(point.year, point.month, point.day) + timedelta(days=amount * (7 if unit == "W" else 1))
        return point.with_date(moved)
    if unit == "M":
        if point.month is None:
            if point.season is not None:
                # Seasons move three months at a time, counted from winter.
                order = ["WI", "SP", "SU", "FA"]
                index = point.year * 4 + order.index(point.season) + round(amount / 3)
                year, season = divmod(index, 4)
                return replace(point, year=year, season=order[season])
            return point
        index = point.year * 12 + (point.month - 1) + amount
        year, month = divmod(index, 12)
        day = point.day
        if day is not None:
            day = min(day, calendar.monthrange(year, month + 1)[1])
        return replace(point, year=year, month=month + 1, day=day)
    if unit == "Y":
        year = point.year + amount
        if point.day is not None and point.month is not None:
            return replace(point, year=year, day=min(point.day, calendar.monthrange(year, point.month)[1]))
        return replace(point, year=year)
    if unit == "DE":
        return replace(point, year=point.year + 10 * amount)
    if unit == "CE":
        return replace(point, year=point.year + 100 * amount)
    return point


def truncate(point: Point, unit: str) -> Point:
    """Keep only the fields an offset of `unit` can speak of ("six mois plus tard" knows no day)."""
    if unit in ("Y", "DE", "CE"):
        return Point(year=point.year)
    if unit in ("M",):
        return Point(year=point.year, month=point.month, season=point.season if point.month is None else None)
    if unit in ("D", "W"):
        return Point(year=point.year, month=point.month, day=point.day)
    return point


MOD_FRACTIONS = {"START": (0.0, 1 / 3), "MID": (1 / 3, 2 / 3), "END": (2 / 3, 1.0)}


@lru_cache(maxsize=8192)  # asked again and again of the same points by the anchoring search
def bounds(point: Point) -> tuple[str, str] | None:
    """Earliest and latest ISO instants a point covers, or None when its year is unknown or outside
    the calendar. A period that runs past 9999-12-31 (the winter of 9999) ends there."""
    if not in_calendar(point):
        return None
    try:
        return _bounds(point)
    except (ValueError, OverflowError):
        return _clamped_bounds(point)


def _clamped_bounds(point: Point) -> tuple[str, str] | None:
    """The bounds of a period that starts inside the calendar and ends after it; None when it starts
    after it too (the week-end after Friday 9999-12-31)."""
    if point.year != MAXYEAR:
        return None
    try:
        if point.week is not None:
            start = date.fromisocalendar(MAXYEAR, min(point.week, 52), 6 if point.weekend else 1)
            return start.isoformat(), LAST_DAY.isoformat()
        if point.season is not None and point.month is None:
            (m0, d0), _ = SEASONS[point.season]
            return date(MAXYEAR, m0, d0).isoformat(), LAST_DAY.isoformat()
    except ValueError:
        return None
    return None


def _bounds(point: Point) -> tuple[str, str] | None:
    if point.year is None:
        if point.decade is not None:
            return f"{max(point.decade * 10, MINYEAR):04d}-01-01", f"{point.decade * 10 + 9:04d}-12-31"
        if point.century is not None:
            # The first century begins with year 1: there is no year 0 to write.
            return f"{max(point.century * 100, MINYEAR):04d}-01-01", f"{point.century * 100 + 99:04d}-12-31"
        return None
    y = point.year
    if point.week is not None:
        start = date.fromisocalendar(y, min(point.week, 52), 6 if point.weekend else 1)
        return start.isoformat(), (start + timedelta(days=1 if point.weekend else 6)).isoformat()
    if point.month is None:
        if point.season is not None:
            (m0, d0), (m1, d1) = SEASONS[point.season]
            end_year = y + 1 if point.season == "WI" else y
            return date(y, m0, d0).isoformat(), date(end_year, m1, d1).isoformat()
        return f"{y:04d}-01-01", f"{y:04d}-12-31"
    if point.day is None:
        last = calendar.monthrange(y, point.month)[1]
        return f"{y:04d}-{point.month:02d}-01", f"{y:04d}-{point.month:02d}-{last:02d}"
    day = _safe_date(y, point.month, point.day).isoformat()
    if point.hour is not None:
        instant = f"{day}T{point.hour:02d}:{point.minute or 0:02d}"
        return instant, instant
    if point.part is not None and point.part in PARTS:
        start, end = PARTS[point.part]
        return f"{day}T{start}", f"{day}T{end}"
    return day, day


def interval(point: Point, mod: str | None) -> tuple[str, str] | None:
    """The interval of a point, narrowed by START/MID/END and widened by APPROX."""
    span = bounds(point)
    if span is None:
        return None
    earliest, latest = span
    if mod in MOD_FRACTIONS and len(earliest) == 10 and earliest != latest:
        d0, d1 = date.fromisoformat(earliest), date.fromisoformat(latest)
        length = (d1 - d0).days + 1
        f0, f1 = MOD_FRACTIONS[mod]
        start = d0 + timedelta(days=round(length * f0))
        end = d0 + timedelta(days=max(round(length * f1) - 1, 0))
        return start.isoformat(), end.isoformat()
    if mod == "APPROX":
        return _widen(earliest, latest, point)
    return earliest, latest


def _widen(earliest: str, latest: str, point: Point) -> tuple[str, str]:
    if point.hour is not None:
        # "vers 18 heures": half an hour either side.
        base = date.fromisoformat(earliest[:10])
        minutes = point.hour * 60 + (point.minute or 0)
        lo, hi = max(minutes - 30, 0), min(minutes + 30, 24 * 60 - 1)
        return f"{base}T{lo // 60:02d}:{lo % 60:02d}", f"{base}T{hi // 60:02d}:{hi % 60:02d}"
    d0, d1 = date.fromisoformat(earliest[:10]), date.fromisoformat(latest[:10])
    if point.year is not None and point.month is None and point.season is None and point.week is None:
        # "vers 1930": a year either side.
        return f"{max(point.year - 1, MINYEAR):04d}-01-01", f"{min(point.year + 1, MAXYEAR):04d}-12-31"
    margin = max(1, ((d1 - d0).days + 1) // 4)
    return _add_days(d0, -margin).isoformat(), _add_days(d1, margin).isoformat()


def plus_days(day: date, days: int) -> date | None:
    """`day` moved by `days`, or None when that leaves the calendar."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def _add_days(day: date, days: int) -> date:
    """`day` moved by `days`, stopped at the first or last day of the calendar."""
    ordinal = min(max(day.toordinal() + days, FIRST_DAY.toordinal()), LAST_DAY.toordinal())
    return date.fromordinal(ordinal)


def duration_value(amount: float | None, unit: str) -> str:
    """ISO 8601 duration: P3D, PT50H, PT2H30M, PXM for an unknown amount."""
    if unit.startswith("T"):
        prefix, letter = "PT", unit[1:]
    elif unit == "DE":
        prefix, letter, amount = "P", "Y", None if amount is None else amount * 10
    elif unit == "CE":
        prefix, letter, amount = "P", "Y", None if amount is None else amount * 100
    else:
        prefix, letter = "P", unit
    if amount is None:
        return f"{prefix}X{letter}"
    if amount != int(amount):
        if letter == "H":
            return f"{prefix}{int(amount)}H{round((amount - int(amount)) * 60)}M"
        if letter == "Y" and amount * 12 == int(amount * 12):
            return f"P{int(amount * 12)}M"
        return f"{prefix}{amount:g}{letter}"
    return f"{prefix}{int(amount)}{letter}"


GREGORIAN_FROM = 1583  # France took the Gregorian calendar in December 1582


def easter(year: int) -> date:
    """Easter Sunday of `year`, as the texts of that year write it: the Gregorian computus (the
    anonymous algorithm) from 1583, the Julian one (Meeus) before, in the Julian calendar's own
    month and day."""
    if year < GREGORIAN_FROM:
        d = (19 * (year % 19) + 15) % 30
        e = (2 * (year % 4) + 4 * (year % 7) - d + 34) % 7
        month, day = divmod(d + e + 114, 31)
        return date(year, month, day + 1)
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return date(year, month, day + 1)


def feast_day(year: int, offset: int) -> Point | None:
    """The day `offset` days from Easter of `year` (a movable feast), None off the calendar."""
    day = plus_days(easter(year), offset)
    return None if day is None else Point(year=day.year, month=day.month, day=day.day)


def nth_weekday(period: Point, weekday: int, nth: int) -> Point | None:
    """The `nth` `weekday` (ISO, 1 = Monday) of a month or season, -1 for its last ("le dernier jeudi
    d'avril"); None when the period has no such day or is not placed."""
    span = bounds(period)
    if span is None:
        return None
    first, last = date.fromisoformat(span[0][:10]), date.fromisoformat(span[1][:10])
    if nth < 0:
        day = plus_days(last, -((last.isoweekday() - weekday) % 7))
    else:
        day = plus_days(first, (weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    if day is None or not first <= day <= last:
        return None
    return Point(year=day.year, month=day.month, day=day.day)
