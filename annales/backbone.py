"""The linguistic backbone: one spaCy parse of the whole text, shared by every later stage."""

from __future__ import annotations

from annales.context import Context, stage
from annales.model import Analysis, Sentence


@stage("backbone", reads=("text",), adds=("doc", "sentences"))
def parse(analysis: Analysis, context: Context) -> None:
    doc = context.parse(analysis.text)
    analysis.doc = doc
    analysis.sentences = [Sentence(s.start_char, s.end_char) for s in doc.sents
                          if analysis.text[s.start_char:s.end_char].strip()]
