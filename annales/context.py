"""What every stage may need besides the analysis: the language model and the language data.

The spaCy model is loaded once per process, on first use, and shared by every analysis.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from annales.errors import AnnalesError

MODEL_NAME = "fr_core_news_md"
# Our own NER, fine-tuned from the model's on historical newspapers (NewsEye, CC BY 4.0; rebuilt by
# scripts/train_ner.py). It is added to the model as "ner_hist" and runs instead of its "ner".
MODELS = Path(__file__).parent / "models"
ADDED_COMPONENTS = {"ner_hist": MODELS / "ner-fr-hist"}
# The model components the stages read: sentences and dependencies (parser), tense and mood
# (morphologizer), lemmas, and the named entities the entity layer starts from. The attribute ruler
# is left out: it changes none of our outputs (seeds, TimeBank, HIPE measured alike) and costs 5%.
MODEL_COMPONENTS = ("tok2vec", "morphologizer", "parser", "lemmatizer", "ner_hist")


def load_model(name: str = MODEL_NAME) -> Any:
    """The model with our added components; `nlp(text, disable=list(ADDED_COMPONENTS))` is the model
    exactly as published."""
    return _load(name)


@cache  # keyed on the name itself, so load_model() and load_model(MODEL_NAME) share one model
def _load(name: str) -> Any:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:  # the model package is a pinned dependency; missing means a broken install
        raise AnnalesError(f"the spaCy model {name!r} is not installed (pip install -e .)") from exc
    for component, path in ADDED_COMPONENTS.items():
        if path.exists():
            source = spacy.load(path, vocab=nlp.vocab)  # saved without vectors: it shares the model's
            nlp.add_pipe(source.pipe_names[0], name=component, source=source)
    return nlp


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
        doc = nlp(text, disable=unused)
        return doc


@cache
def _default_context() -> Context:
    return Context()
