"""annales: French historical narrative into a source-linked chronology, checked against itself."""

from annales.model import Analysis
from annales.pipeline import analyze, analyze_document

__all__ = ["Analysis", "analyze", "analyze_document"]
__version__ = "0.1.0"
