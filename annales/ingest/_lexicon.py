"""Language data for ingest, read from `annales/resources/<lang>/ingest/`.

Every file opens with a `# FORMAT:` line; further `#` lines are comments. Cue words and
patterns live there so that the engine code stays language-neutral.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

LANGUAGE = "fr"


def _lines(name: str, language: str = LANGUAGE) -> list[str]:
    path = resources.files("annales.resources").joinpath(language, "ingest", name)
    raw = path.read_text(encoding="utf-8").splitlines()
    if not raw or not raw[0].startswith("# FORMAT:"):
        raise ValueError(f"resource {language}/ingest/{name} has no '# FORMAT:' header")
    return [line for line in raw[1:] if line.strip() and not line.startswith("#")]


@cache
def rows(name: str, columns: int, language: str = LANGUAGE) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows, each with exactly `columns` fields."""
    out = []
    for line in _lines(name, language):
        fields = tuple(field.strip() for field in line.split("\t"))
        if len(fields) != columns:
            raise ValueError(f"resource {language}/ingest/{name}: want {columns} fields in {line!r}")
        out.append(fields)
    return tuple(out)


def column_values(name: str, columns: int, kind: str, language: str = LANGUAGE) -> list[tuple[str, ...]]:
    """Rows whose first field is `kind`, without that field."""
    return [row[1:] for row in rows(name, columns, language) if row[0] == kind]


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so that prefixes never win."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
