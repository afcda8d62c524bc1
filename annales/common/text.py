"""One way to compare words: the key every lexicon is looked up by."""

from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")


def fold(surface: str) -> str:
    """Lower case, typographic apostrophes straightened, runs of spaces made one: "Août", "août"
    and "l’an" look like "août" and "l'an"."""
    return _SPACES.sub(" ", surface.replace("’", "'").strip().lower())
