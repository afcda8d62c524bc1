"""What every stage may need besides the analysis: the language model and the language data.

The spaCy model is loaded once per process, on first use, and shared by every analysis.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from annales.errors import AnnalesError

MODEL_NAME = "fr_core_news_md"
# The model components the stages read: sentences and dependencies (parser), tense and mood
# (morphologizer), lemmas, and the named entities the entity layer starts from.
MODEL_COMPONENTS = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "ner")


def load_model(name: str = MODEL_NAME) -> Any:
    return _load(name)


@cache  # keyed on the name itself, so load_model() and load_model(MODEL_NAME) share one model
def _load(name: str) -> Any:
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:  # the model package is a pinned dependency; missing means a broken install
        raise AnnalesError(f"the spaCy model {name!r} is not installed (pip install -e .)") from exc


@dataclass
class Context:
    language: str = "fr"
    model_name: str = MODEL_NAME
    model_components: tuple[str, ...] = MODEL_COMPONENTS
    options: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def default(cls) -> Context:
        return _default_context()

    @property
    def nlp(self) -> Any:
        return load_model(self.model_name)

    def parse(self, text: str) -> Any:
        """The spaCy Doc of `text`, with only the components the stages need."""
        nlp = self.nlp
        unused = [name for name in nlp.pipe_names if name not in self.model_components]
        return nlp(text, disable=unused)


@cache
def _default_context() -> Context:
    return Context()
