"""Evaluation against annotated corpora.

- `annales.eval.timeml`: read ISO-TimeML gold files and run `annales eval timeml DIR`;
- `annales.eval.tempeval`: TempEval-3 scoring, pure functions on lists of spans.
"""
