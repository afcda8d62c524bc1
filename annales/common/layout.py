"""What the page's layout says of a date: whether it heads an entry, dates a dispatch, or closes its
sentence in parentheses.

A diary, a war diary or a dispatch sets each entry's day apart at its head: "12 août. — Nous
marchons", "Metz, 12 août. — …", "PARIS, 17 mai (AFP) - …". What the entry tells is written on
that day. The marks are punctuation, not words: no language is involved.
"""

from __future__ import annotations

import re
from datetime import date

# After the date: an optional agency or place in parentheses, a stop or a comma, then a dash.
_DASH_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*[.,:]?[ \t]*[—–-][ \t\n]")
# Before it: the start of the text, a line or a sentence, and at most a place of three words and a comma.
_OPENING_BEFORE = re.compile(r"(?:^|[.!?»\n])\s*(?:[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*){0,2}\s*,\s*)?$")
_REACH = 60  # characters looked at before the date: a sentence's end and a place fit in it


def heads_an_entry(text: str, start: int, end: int) -> bool:
    """The date at [start, end) opens a sentence or a line and a dash sets it apart from what follows."""
    if _DASH_AFTER.match(text, end) is None:
        return False
    return _OPENING_BEFORE.search(text[max(0, start - _REACH):start]) is not None


# Before a dispatch's date: the start of the text, a line or a sentence, then a place of at most three
# capitalised words and a comma ("Berlin, 24 septembre."); after it, the stop that closes the dateline.
_PLACE_BEFORE = re.compile(r"(?:^|[.!?»\n])\s*[^\W\d_a-zß-ÿ][\w'’-]*(?: [^\W\d_][\w'’-]*){0,2}\s*,\s*$")
_STOP_AFTER = re.compile(r"[ \t]*\.(?:\s|$)")


DISPATCH_DAYS = 31  # a paper prints a dispatch at most this many days after its dateline


def dates_a_dispatch(text: str, start: int, end: int, month: int, day: int, written: date) -> bool:
    """The date at [start, end), day `day` of month `month`, is the dateline of a dispatch sent for
    the paper written on `written`: a sentence of its own, a place before it ("Berlin, 24 septembre.
    Les journaux …"), its day at most DISPATCH_DAYS before the paper's. With a dash after it, it
    heads an entry (`heads_an_entry`)."""
    if not _shortly_before(month, day, written) or _STOP_AFTER.match(text, end) is None:
        return False
    return _PLACE_BEFORE.search(text[max(0, start - _REACH):start]) is not None


def _shortly_before(month: int, day: int, written: date) -> bool:
    for year in (written.year, written.year - 1):
        try:
            told = date(year, month, day)
        except ValueError:  # 29 February of a common year, a year out of range, no such day
            continue
        if 0 <= (written - told).days <= DISPATCH_DAYS:
            return True
    return False


# A line opening on a few words and a dash: a section of a paper ("Allemagne. —", "France. —") or an
# entry ("Paris, 12 mars. —").
_SECTION_HEAD = re.compile(r"(?:^|\n)[ \t]*[^\W\d_][^\n.—–]{0,40}[.,:][ \t]*[—–-][ \t]", re.MULTILINE)


def section_heads(text: str) -> list[int]:
    """Where the lines that open a new section with a dash end, in text order: what an entry says
    stops at the next one, dated or not."""
    return [m.end() for m in _SECTION_HEAD.finditer(text)]


# After a date in parentheses: the parenthesis closes, then the sentence or the text ends.
_CLOSES_SENTENCE = re.compile(r"\s*\)\s*(?:[.!?…]|$)")


def in_parentheses(text: str, start: int, window: int = 80) -> bool:
    """An opening parenthesis before `start`, within `window` characters, that has not closed."""
    before = text[max(0, start - window):start]
    return before.rfind("(") > before.rfind(")")


def closes_its_sentence(text: str, start: int, end: int) -> bool:
    """The date at [start, end) is in parentheses that close its sentence ("… du Portugal (juillet
    1810)."): an encyclopedia's way of dating what the whole sentence told."""
    return in_parentheses(text, start) and _CLOSES_SENTENCE.match(text, end) is not None


def comma_after(text: str, end: int) -> bool:
    """A comma follows `end`, spaces and tabs between: what sets a phrase off ("Le 3 août, …")."""
    return text[end:end + 8].lstrip(" \t").startswith(",")
