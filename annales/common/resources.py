"""Language data: small TSV files under `annales/resources/<lang>/<layer>/`, read once and cached.

A file is one item per line, columns separated by tabs. The first line says the FORMAT
(`# FORMAT: …`); further lines starting with "#" are comments. The engines that read these files
never name a word of the language: a new language is a new folder.

`resources/multilingual/` holds data about several languages at once (the function words that
tell languages apart); `resources/<lang>/common/` holds a language's words that more than one
layer reads (month and weekday names, time units, tense auxiliaries).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "resources"
# The language every layer has complete resources for; a layer is available in another language
# when that language's folder holds every file this one does.
REFERENCE_LANGUAGE = "fr"
MULTILINGUAL = "multilingual"


class ResourceError(RuntimeError):
    """A resource file is missing or malformed: a packaging bug, not a user error."""


def resource_path(language: str, layer: str, name: str) -> Path:
    return ROOT / language / layer / name


def exists(language: str, layer: str, name: str) -> bool:
    return resource_path(language, layer, name).is_file()


@cache
def load_rows(language: str, layer: str, name: str, columns: int | None = None) -> tuple[tuple[str, ...], ...]:
    """The rows of one resource file, comments and blank lines left out; with `columns`, every
    row must have exactly that many fields."""
    path = resource_path(language, layer, name)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ResourceError(f"resource {language}/{layer}/{name} cannot be read: {exc}") from exc
    if not lines or not lines[0].startswith("# FORMAT:"):
        raise ResourceError(f"resource {language}/{layer}/{name} has no '# FORMAT:' header")
    rows = []
    for line in lines[1:]:
        if not line.strip() or line.startswith("#"):
            continue
        row = tuple(cell.strip() for cell in line.split("\t"))
        if columns is not None and len(row) != columns:
            raise ResourceError(f"resource {language}/{layer}/{name}: want {columns} fields in {line!r}")
        rows.append(row)
    return tuple(rows)


def column_values(language: str, layer: str, name: str, kind: str, columns: int) -> list[tuple[str, ...]]:
    """Rows whose first field is `kind`, without that field."""
    return [row[1:] for row in load_rows(language, layer, name, columns) if row[0] == kind]


def first_column(language: str, layer: str, name: str) -> list[str]:
    return [row[0] for row in load_rows(language, layer, name)]


@cache
def has_layer(language: str, layer: str) -> bool:
    """True when `language` has every resource file the reference language has for `layer`."""
    reference = ROOT / REFERENCE_LANGUAGE / layer
    wanted = {p.name for p in reference.iterdir() if p.is_file()} if reference.is_dir() else set()
    folder = ROOT / language / layer
    if not wanted or not folder.is_dir():
        return False
    return wanted <= {p.name for p in folder.iterdir() if p.is_file()}


def languages() -> list[str]:
    """The languages with a resource folder."""
    return sorted(p.name for p in ROOT.iterdir() if p.is_dir() and p.name != MULTILINGUAL
                  and not p.name.startswith(("_", ".")))


_VARIANTS = {" ": r"\s+", "'": "['’]", "’": "['’]", "-": r"\s*-\s*"}


@cache
def _atom(ch: str) -> str:
    """A character's regex atom; spaces, apostrophes and hyphens match their variants."""
    return _VARIANTS.get(ch) or re.escape(ch)


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
    for surface in sorted(words):  # a fixed order: the same pattern text in every process (cacheable)
        node = trie
        for ch in surface:
            atom = _atom(ch)
            child = node.get(atom)
            if child is None:
                child = node[atom] = {}
            node = child
        node[""] = {}  # end of a surface

    # Built bottom-up without recursion: a surface taken from a text (a name) may be thousands of
    # characters long, deeper than Python's recursion limit. Every node after its parent in `order`:
    # read backwards, a node's children are built before it.
    order: list[dict] = []
    stack = [trie]
    while stack:
        node = stack.pop()
        order.append(node)
        for atom, child in node.items():
            if atom:
                stack.append(child)
    built: dict[int, str] = {}
    for node in reversed(order):
        if len(node) < 2:  # most nodes: one more character of a single surface, or its end
            built[id(node)] = ""  # or no surface at all
            for atom, child in node.items():
                if atom:
                    built[id(node)] = atom + built[id(child)]
            continue
        group = "(?:" + "|".join(atom + built[id(child)] for atom, child in node.items() if atom) + ")"
        built[id(node)] = group + "?" if "" in node else group
    return "(?:" + built[id(trie)] + ")"


def literal_alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so that prefixes never win; unlike
    `alternation`, spaces and apostrophes match only themselves."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@cache
def ordinal_suffixes(language: str) -> dict[str, str]:
    """What is written after the digits of an ordinal ("e", "ème", OCR's "º" and "°") -> the suffix a
    name is written with; longest first, so an alternation built from the keys tries "ème" before "e".
    Empty for a language without the file (`common/ordinal_suffixes.tsv`): its units need words."""
    if not exists(language, "common", "ordinal_suffixes.tsv"):
        return {}
    rows = load_rows(language, "common", "ordinal_suffixes.tsv", 2)
    return dict(sorted(((row[0], row[1]) for row in rows), key=lambda row: -len(row[0])))
