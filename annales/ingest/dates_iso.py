"""Validate ISO dates given by users and corpora."""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")


def valid_iso_date(value: object) -> str | None:
    """`value` when it is a real calendar date written YYYY-MM-DD, else None."""
    if not isinstance(value, str) or not _ISO.match(value):
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        return None
