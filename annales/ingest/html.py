"""Main text and metadata of an HTML page, with trafilatura, offline.

The page date becomes the publication date only when the page states it (meta tags and the
like): trafilatura's extensive search would guess from dates in the story itself.
"""

from __future__ import annotations

import datetime as dt
import logging
import warnings
from dataclasses import dataclass, field


@dataclass
class HtmlContent:
    text: str
    date: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)  # title, author, url when present


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def extract_html(html: str) -> HtmlContent | None:
    """The main text of `html`, or None when the page has none."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lxml/trafilatura deprecation chatter is not the user's business
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    if document is None:
        return None
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = (data.get("text") or "").strip()
    if not text:
        return None
    metadata = {key: str(data[key]).strip() for key in ("title", "author", "url") if data.get(key)}
    return HtmlContent(text=text, date=_iso_date(data.get("date")), metadata=metadata)
