"""What every stage may need besides the analysis: the language model and the language data.

The spaCy model is loaded once per process, on first use, and shared by every analysis.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from annales.common.model_load import (
    add_saved_component,
    keep_out_of_collections,
    load_pipeline,
    skip_collection_at_exit,
)
from annales.common.sentence_breaks import NAME as SENTENCE_BREAKS
from annales.errors import AnnalesError
from annales.model import Analysis

MODEL_NAME = "fr_core_news_md"
# Our own NER, fine-tuned from the model's on historical newspapers (NewsEye, CC BY 4.0; rebuilt by
# scripts/train_ner.py). It is added to the model as "ner_hist" and runs instead of its "ner".
MODELS = Path(__file__).parent / "models"
ADDED_COMPONENTS = {"ner_hist": MODELS / "ner-fr-hist"}
# The model components the stages read: sentences and dependencies (parser), tense and mood
# (morphologizer), lemmas, and the named entities the entity layer starts from. The attribute ruler
# is left out: it changes none of our outputs (seeds, TimeBank, HIPE measured alike) and costs 5%.
MODEL_COMPONENTS = ("tok2vec", "morphologizer", SENTENCE_BREAKS, "parser", "lemmatizer", "ner_hist")


def load_model(name: str = MODEL_NAME) -> Any:
    """The model with our added components; `nlp(text, disable=list(ADDED_COMPONENTS))` is the model
    as published: the same annotations, though its string table fills as text is read (see
    annales.common.model_load)."""
    return _load(name)


@cache  # keyed on the name itself, so load_model() and load_model(MODEL_NAME) share one model
def _load(name: str) -> Any:
    try:
        nlp = load_pipeline(name)
    except OSError as exc:  # the model package is a pinned dependency; missing means a broken install
        raise AnnalesError(f"the spaCy model {name!r} is not installed (pip install -e .)") from exc
    for component, path in ADDED_COMPONENTS.items():
        if path.exists():
            add_saved_component(nlp, component, path)  # saved without vectors: it shares the model's
    # A paragraph is never the end of the sentence before it (annales.common.sentence_breaks).
    nlp.add_pipe(SENTENCE_BREAKS, before="parser")
    skip_collection_at_exit()
    keep_out_of_collections()
    return nlp


@dataclass
class Context:
    """What stays the same from one document to the next: the model and the run's options.

    The document's language is not here: it belongs to the document (`Analysis.language`).
    """

    model_name: str = MODEL_NAME
    model_components: tuple[str, ...] = MODEL_COMPONENTS
    options: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def default(cls) -> Context:
        return _default_context()

    @property
    def nlp(self) -> Any:
        return load_model(self.model_name)

    def parse(self, text: str | Any) -> Any:
        """The spaCy Doc of `text` (a string, or a Doc already tokenized), with only the components
        the stages need."""
        nlp = self.nlp
        unused = [name for name in nlp.pipe_names if name not in self.model_components]
        doc = nlp(text, disable=unused)
        return doc

    def parse_batch(self, texts: list[str | Any]) -> list[Any]:
        """The Docs of `texts` parsed as one batch, as `parse` parses one."""
        nlp = self.nlp
        unused = [name for name in nlp.pipe_names if name not in self.model_components]
        # spaCy's parser and NER step a quarter of the batch size together: four times the count
        # steps them all at once.
        return list(nlp.pipe(texts, disable=unused, batch_size=4 * max(1, len(texts))))


@cache
def _default_context() -> Context:
    return Context()


# The fields of `Analysis` a stage may declare it reads or adds.
LAYERS = frozenset({"text", "dct", "language", "metadata", "regions", "sentences", "doc", "timexes", "entities",
                    "quantities", "quotes", "events", "findings", "relations"})
# What a document brings before any stage has run.
GIVEN = frozenset({"text", "dct", "metadata"})


@dataclass(frozen=True)
class Stage:
    """One step of an analysis, declared as spaCy declares a component: what it reads on the
    `Analysis`, what it adds there, and which resources it needs (`resources/<lang>/<layer>/`;
    None for a language-blind stage). A stage may always append to `Analysis.warnings`."""

    name: str
    run: Callable[[Analysis, Context], None]
    reads: frozenset[str]
    adds: frozenset[str]
    resources: str | None = None

    def __call__(self, analysis: Analysis, context: Context) -> None:
        self.run(analysis, context)


def stage(name: str, *, reads: Iterable[str], adds: Iterable[str], resources: str | None = None
          ) -> Callable[[Callable[[Analysis, Context], None]], Stage]:
    """Declare a function `(analysis, context) -> None` as a stage."""
    declared = (frozenset(reads), frozenset(adds))
    unknown = (declared[0] | declared[1]) - LAYERS
    if unknown:
        raise ValueError(f"stage {name!r} declares unknown layers: {', '.join(sorted(unknown))}")

    def wrap(run: Callable[[Analysis, Context], None]) -> Stage:
        return Stage(name, run, declared[0], declared[1], resources)

    return wrap
