"""The text checked against itself: findings (being written)."""

from annales.context import Context
from annales.model import Analysis


def run_checks(analysis: Analysis, context: Context) -> None:
    analysis.findings = []
