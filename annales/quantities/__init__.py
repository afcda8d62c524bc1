"""How many: figures with what they count (in progress)."""

from annales.context import Context
from annales.model import Analysis


def tag_quantities(analysis: Analysis, context: Context) -> None:
    analysis.quantities = []
