"""Who and what: persons with ranks, places, organisations, military units, ships (in progress)."""

from annales.context import Context
from annales.model import Analysis


def tag_entities(analysis: Analysis, context: Context) -> None:
    analysis.entities = []
