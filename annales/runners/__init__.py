"""Engines that analyse a batch of documents: `local` (this machine, `annales.batch`) or `ray`
(Ray Data, an optional extra). Every engine takes the same items and yields the same
`annales.batch.Outcome`s, in input order, so the store is written alike whichever ran.

Ray is imported only when its engine runs: `import annales` never imports it.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from typing import Protocol

from annales.batch import Item, Outcome, analyse_items
from annales.errors import AnnalesError

ENGINES = ("local", "ray")


class EngineError(AnnalesError):
    """An engine that does not exist, or whose optional packages are not installed."""


class Engine(Protocol):
    def __call__(self, items: Iterable[Item], *, workers: int = 1, as_contract: bool = False) -> Iterator[Outcome]: ...


def get_engine(name: str) -> Engine:
    """The analysing function of engine `name`; EngineError when it cannot run here."""
    if name == "local":
        return analyse_items
    if name == "ray":
        if importlib.util.find_spec("ray") is None:
            raise EngineError("--engine ray needs Ray, an optional extra: pip install 'annales[ray]'")
        from annales.runners.ray_engine import analyse_items_on_ray

        return analyse_items_on_ray
    raise EngineError(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}")
