"""Loading a spaCy pipeline in about a second rather than four, with the same annotations.

`spacy.load("fr_core_news_md")` spends most of its time on work whose result never changes:
compiling the tokenizer's regular expressions (2.5 s, kept by `regex_cache`), reading 700 000
strings that spaCy adds anyway as text is read (0.7 s, skipped), and filling the lemmatizer's
lookup table one Python call per entry (0.4 s, filled here by map() in C). Sourcing a saved
component through a second pipeline costs 0.25 s more (it is built directly), and Python spends
0.4 s at exit collecting the model's half-million objects, which the OS frees anyway.

Every component comes out byte for byte as spacy.load makes it (`to_bytes()`, config and meta
compared), apart from the string table.
"""

from __future__ import annotations

import atexit
import gc
from collections import OrderedDict, deque
from itertools import repeat
from pathlib import Path
from typing import Any

from annales.common.regex_cache import regex_cache

# Not read from disk: the model's table of strings. spaCy keys everything by hash and adds each
# string as text, labels, lemmas and morphology are met, so annotations are the same without it;
# only `string in nlp.vocab.strings`, for a string no document has shown yet, would differ.
VOCAB_EXCLUDE = ("strings",)
# Lookup-table lemmatizers: spaCy fills their tables one `Table.__setitem__` call per entry (217 000
# for French); they are excluded from `spacy.load` and added back, where they were, with the same
# settings and tables filled by `_table`.
LOOKUPS_FACTORY = "lemmatizer"
LOOKUPS_FILE = Path("lookups") / "lookups.bin"
# The versions whose `Table` the fast fill was checked against (same entries, order and Bloom
# filter): any other falls back on spaCy's own fill.
FAST_TABLE_SPACY = ("3.8.",)


def load_pipeline(name: str | Path) -> Any:
    """`spacy.load(name)` with the same components, in the same order, giving the same annotations."""
    with regex_cache():
        import spacy

        found = _model_config(name)
        lemmatizers = _lookups_lemmatizers(*found) if found is not None else []
        nlp = spacy.load(name, exclude=[*VOCAB_EXCLUDE, *lemmatizers])
    if found is not None:
        path, config = found
        for component in lemmatizers:
            _add_lemmatizer(nlp, config, component, path / component)
    return nlp


def add_saved_component(nlp: Any, name: str, path: Path) -> None:
    """Adds the one component of the pipeline saved at `path` (without vectors: it shares the
    model's vocabulary) to `nlp` as `name`.

    The same as `nlp.add_pipe(..., source=spacy.load(path, vocab=nlp.vocab))`, built the way
    `spacy.load` builds every component (from its config, then its weights), without building the
    whole saved pipeline first nor comparing the two vocabularies' vectors byte for byte (0.25 s)."""
    import spacy.util

    config = spacy.util.load_config(path / "config.cfg", interpolate=True)
    (source_name,) = config["nlp"]["pipeline"]
    settings = dict(config["components"][source_name])
    factory = settings.pop("factory")
    pipe = nlp.add_pipe(factory, name=name, config=settings)
    pipe.from_disk(path / source_name, exclude=["vocab"])


def skip_collection_at_exit() -> None:
    """At exit, leave the objects then alive to the OS instead of the cycle collector.

    A loaded model is half a million objects in reference cycles: collecting them at exit costs
    0.4 s and frees memory the process is about to return anyway. Objects that are not in cycles
    are still freed (files closed and flushed) as modules are torn down; standard streams are
    flushed by Python itself."""
    global _exit_hook_registered
    if not _exit_hook_registered:
        atexit.register(gc.freeze)
        _exit_hook_registered = True


_exit_hook_registered = False


YOUNGEST_THRESHOLD = 50_000


def keep_out_of_collections() -> None:
    """Move every object alive now (a model just loaded) out of the cycle collector's reach.

    The model's half a million objects live as long as the process; a full collection walks them all
    (about 130 ms, every 10 to 15 documents of a batch) to free none of them. Frozen, they are never
    walked again; what later analyses allocate is collected as before.

    The youngest generation is also collected only once 50 000 more objects are alive than when it
    was last collected, instead of CPython's 700: an analysis makes tens of thousands of short-lived
    objects (Tokens, spans, small records) that die by reference counting, and each early collection
    only walks them (5 ms of collections per 3 000 words at 700, 3 ms at 10 000, none at 50 000: an
    analysis of that length never holds that many at once). Objects in cycles are still collected,
    later (a batch of 800-word documents leaves about 30 per document: a collection every thousand
    documents, its RSS flat over 120 of them). Both are settings of the process, as an application
    sets them."""
    gc.freeze()
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(max(YOUNGEST_THRESHOLD, gc.get_threshold()[0]), middle, oldest)


def _model_config(name: str | Path) -> tuple[Path, Any] | None:
    """The directory and the interpolated config of the pipeline `name` (an installed package or a
    path), found as spacy.load finds them; None for anything unusual (spacy.load then does it all)."""
    import spacy.util

    try:
        if isinstance(name, str) and spacy.util.is_package(name):
            package = spacy.util.get_package_path(name)
            meta = spacy.util.get_model_meta(package)
            path = package / f"{meta['lang']}_{meta['name']}-{meta['version']}"
        else:
            path = Path(name)
        return path, spacy.util.load_config(path / "config.cfg", interpolate=True)
    except Exception:
        return None


def _lookups_lemmatizers(path: Path, config: Any) -> list[str]:
    """The components of the pipeline built by the lookup lemmatizer factory from saved tables."""
    components = config["components"]
    return [name for name in config["nlp"]["pipeline"]
            if components.get(name, {}).get("factory") == LOOKUPS_FACTORY and (path / name / LOOKUPS_FILE).is_file()]


def _add_lemmatizer(nlp: Any, config: Any, name: str, path: Path) -> None:
    """Adds back the lemmatizer `name` where the config puts it, with the config's settings and the
    tables saved in `path`, as `spacy.load` would have."""
    import srsly
    from spacy.lookups import Lookups

    settings = dict(config["components"][name])
    factory = settings.pop("factory")
    pipeline = list(config["nlp"]["pipeline"])
    following = [c for c in pipeline[pipeline.index(name) + 1:] if c in nlp.component_names]
    pipe = nlp.add_pipe(factory, name=name, config=settings, before=following[0] if following else None)
    lookups = Lookups()
    for table_name, data in srsly.msgpack_loads((path / LOOKUPS_FILE).read_bytes()).items():
        lookups.set_table(table_name, _table(table_name, data))
    pipe.initialize(lookups=lookups)  # checks, as loading does, that the mode's tables are there


def _table(name: str, data: dict[Any, Any]) -> Any:
    """`spacy.lookups.Table(name, data)`, filled without a Python call per entry."""
    import spacy
    from preshed.bloom import BloomFilter
    from spacy.lookups import Table
    from spacy.strings import get_string_id

    if not (spacy.__version__.startswith(FAST_TABLE_SPACY) and issubclass(Table, OrderedDict)):
        return Table(name, data)
    table = Table(name, {})
    # What Table.__init__ and Table.__setitem__ do: a Bloom filter sized for the entries, each key
    # hashed as a string id, stored in the OrderedDict and added to the filter; run by map() in C.
    table.bloom = BloomFilter.from_error_rate(max(len(data), 1))
    keys = list(map(get_string_id, data))
    deque(map(OrderedDict.__setitem__, repeat(table), keys, data.values()), maxlen=0)
    deque(map(table.bloom.add, keys), maxlen=0)
    return table
