"""Placeholder until the ingest package lands (owned by the ingest helper)."""

from annales.context import Context
from annales.model import Analysis


def find_publication_date(analysis: Analysis, context: Context) -> None:
    return None
