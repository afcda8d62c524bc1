"""Language data: small TSV files under `resources/<lang>/<layer>/`, read once and cached.

A file is one item per line, columns separated by tabs; lines starting with "#" are comments
(the first one says the FORMAT). The engines that read them never name a word of the language.
"""

from __future__ import annotations

import re
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


def _atoms(surface: str) -> list[str]:
    """One regex atom per character; spaces, apostrophes and hyphens match their variants."""
    atoms = []
    for ch in surface.replace("’", "'"):
        if ch == " ":
            atoms.append(r"\s+")
        elif ch == "'":
            atoms.append("['’]")
        elif ch == "-":
            atoms.append(r"\s*-\s*")
        else:
            atoms.append(re.escape(ch))
    return atoms


def alternation(surfaces: list[str], fold_case: bool = False) -> str:
    """A regex matching any of the surfaces, longest first, as a trie.

    A trie of shared prefixes ("janv", "janvier") lets the regex engine reject a position after one
    character instead of trying every word in turn: recognition runs many times faster.
    Pass `fold_case` when the pattern is matched with re.IGNORECASE.
    """
    trie: dict = {}
    # With re.IGNORECASE a trie must hold one spelling per word: the engine takes the first branch
    # that matches ("lieutenant") and would never try a longer one under another case.
    words = {s.lower() for s in surfaces} if fold_case else set(surfaces)
    for surface in words:
        node = trie
        for atom in _atoms(surface):
            node = node.setdefault(atom, {})
        node[""] = {}  # end of a surface

    def emit(node: dict) -> str:
        branches = [atom + emit(child) for atom, child in node.items() if atom]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if "" in node else group

    return "(?:" + emit(trie) + ")"
