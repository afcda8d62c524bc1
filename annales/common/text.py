"""One way to compare words: the key every lexicon is looked up by."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_NAME_SEPARATORS = re.compile(r"[\s'’.-]+")


def fold(surface: str) -> str:
    """Lower case, typographic apostrophes straightened, runs of spaces made one: "Août", "août"
    and "l’an" look like "août" and "l'an"."""
    return _SPACES.sub(" ", surface.replace("’", "'").strip().lower())


def place_key(name: str) -> str:
    """One spelling for the ways a place's name is written: case, accents, spaces, hyphens, dots and
    apostrophes ("San-Remo", "San Remo", "Sanremo"; "Königgrätz", "Koniggratz"; "Grande-Bretagne")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NAME_SEPARATORS.sub("", bare)
