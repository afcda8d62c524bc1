"""Who said what: quotations and their speakers (in progress)."""

from annales.context import Context
from annales.model import Analysis


def tag_quotes(analysis: Analysis, context: Context) -> None:
    analysis.quotes = []
