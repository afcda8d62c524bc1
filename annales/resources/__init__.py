"""Language data: small TSV files under `resources/<lang>/<layer>/`, read once and cached.

A file is one item per line, columns separated by tabs; lines starting with "#" are comments
(the first one says the FORMAT). The engines that read them never name a word of the language.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

ROOT = Path(__file__).parent


def resource_path(language: str, layer: str, name: str) -> Path:
    return ROOT / language / layer / name


@cache
def load_rows(language: str, layer: str, name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of one resource file, comments and blank lines left out."""
    path = resource_path(language, layer, name)
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)
