"""The French temporal engine (placeholder while it is written)."""

from annales.context import Context
from annales.model import Analysis


def tag_timexes(analysis: Analysis, context: Context) -> None:
    return None
