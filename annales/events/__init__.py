"""Events and the chronology (being written)."""

from annales.context import Context
from annales.model import Analysis


def tag_events(analysis: Analysis, context: Context) -> None:
    analysis.events = []
