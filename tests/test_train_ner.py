"""The NER training script and the model it ships: sentences cut on NewsEye flags, batches of about
N words, the model's labels, licence and attribution of the data it was (and was not) trained on."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

from annales.eval.hipe import HIPE_2020_COLUMNS, read_hipe

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "annales" / "models" / "ner-fr-hist"

HEADER = "\t".join(HIPE_2020_COLUMNS)


def _row(token: str, tag: str = "O", misc: str = "_") -> str:
    return "\t".join([token, tag, "_", "_", "_", "_", "_", "_", "_", misc])


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_ner", ROOT / "scripts" / "train_ner.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sentences_follow_end_of_sentence_flags(script: ModuleType, tmp_path: Path) -> None:
    rows = [HEADER, "# hipe2022:document_id = d1",
            _row("Jean", "B-PER"), _row("Vidal", "I-PER"), _row("arrive"), _row(".", misc="EndOfSentence"),
            _row("Il"), _row("part", misc="NoSpaceAfter"), _row(".", misc="EndOfSentence"),
            _row("Fin")]  # the last token closes a sentence even without the flag
    path = tmp_path / "one.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    doc = read_hipe(path).docs[0]
    assert script.sentences(doc) == [(0, 4), (4, 7), (7, 8)]


def test_batches_hold_about_the_given_number_of_words(script: ModuleType) -> None:
    class Example:
        def __init__(self, n: int) -> None:
            self.reference = [None] * n

    examples = [Example(n) for n in (3, 4, 5, 2, 7)]
    batches = list(script._batches(examples, 8))
    assert [[len(e.reference) for e in batch] for batch in batches] == [[3, 4, 5], [2, 7]]
    assert sum(len(batch) for batch in batches) == len(examples)  # nothing lost, order kept


def test_shipped_model_declares_its_labels_licence_and_data() -> None:
    meta = json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))
    training = json.loads((MODEL / "training.json").read_text(encoding="utf-8"))
    assert {"PER", "LOC", "ORG"} <= set(meta["labels"]["ner"]) == set(training["labels"])
    assert meta["license"] == "CC BY 4.0"
    assert all(source["license"] == "CC BY 4.0" for source in meta["sources"])
    best = max(entry["heldout_f1"] for entry in training["log"])
    assert training["best_heldout_f1"] == pytest.approx(best)


def test_model_readme_attributes_every_newseye_file_and_never_trains_on_hipe_2020(script: ModuleType) -> None:
    readme = (MODEL / "README.md").read_text(encoding="utf-8")
    for name in (*script.FILES, script.TEST_FILE):
        assert name in readme
    assert "https://doi.org/10.5281/zenodo.4573313" in readme and "CC BY 4.0" in readme
    assert not any("HIPE-data" in name or "v1.4" in name for name in (*script.FILES, script.TEST_FILE))
    # The README in the repository is the one the script writes (with the minutes the run took).
    minutes = re.search(r"about (\d+) minutes", readme)
    assert minutes is not None
    assert readme == script.README.format(minutes=int(minutes[1]))


def test_shipped_model_has_the_cnn_depth_the_script_keeps(script: ModuleType) -> None:
    config = (MODEL / "config.cfg").read_text(encoding="utf-8")
    encode = config.split("[components.ner.model.tok2vec.encode]", 1)[1].split("\n[", 1)[0]
    assert re.search(rf"^depth = {script.DEPTH}$", encode, re.M), encode
    assert json.loads((MODEL / "training.json").read_text(encoding="utf-8"))["depth"] == script.DEPTH


def test_a_component_cut_to_fewer_blocks_is_saved_and_loaded_with_them(script: ModuleType, tmp_path: Path) -> None:
    import spacy

    from annales.common.model_load import add_saved_component

    others = ["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter"]
    nlp = spacy.load("fr_core_news_md", exclude=others)
    script._keep_blocks(nlp, nlp.get_pipe("ner"), 2)
    text = "Le général Marceau quitta Coblence le 3 mai avec la division Kléber pour rejoindre Mayence."
    cut = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
    assert cut  # a check that the weights kept still name something
    nlp.to_disk(tmp_path / "cut", exclude=["vocab"])
    loaded = spacy.load("fr_core_news_md", exclude=[*others, "ner"])
    add_saved_component(loaded, "ner_cut", tmp_path / "cut")
    assert [(e.start_char, e.end_char, e.label_) for e in loaded(text).ents] == cut
    with pytest.raises(SystemExit):
        script._keep_blocks(nlp, nlp.get_pipe("ner"), 0)


def test_labels_no_data_trained_leave_the_moves_and_the_predictions_stay(script: ModuleType,
                                                                          tmp_path: Path) -> None:
    import spacy

    from annales.common.model_load import add_saved_component

    others = ["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter"]
    nlp = spacy.load("fr_core_news_md", exclude=others)
    ner = nlp.get_pipe("ner")
    text = "Le général Marceau quitta Coblence le 3 mai avec la division Kléber pour rejoindre Mayence."
    before = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
    assert before and all(label != "MISC" for *_, label in before)  # else the predictions may change
    moves = ner.moves.n_moves
    script._drop_labels(ner, {"PER", "LOC", "ORG"})
    names = {ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)}
    assert ner.moves.n_moves == moves - 4 and not any(name.endswith("-MISC") for name in names)
    assert {"O", "U-"} <= names  # the moves of no label stay
    assert [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents] == before
    nlp.to_disk(tmp_path / "kept", exclude=["vocab"])
    loaded = spacy.load("fr_core_news_md", exclude=[*others, "ner"])
    add_saved_component(loaded, "ner_kept", tmp_path / "kept")
    assert [(e.start_char, e.end_char, e.label_) for e in loaded(text).ents] == before


def test_a_label_the_kept_epoch_never_got_right_is_not_kept(script: ModuleType) -> None:
    assert script.kept_labels({"PER": 0.41, "LOC": 0.38, "ORG": 0.3, "PROD": 0.0}) == {"PER", "LOC", "ORG"}
    assert script.kept_labels({"PER": 0.41, "MISC": 0.2}) == {"PER"}  # only labels the data trains


def test_shipped_model_has_moves_for_its_kept_labels_only(script: ModuleType) -> None:
    from annales.context import Context

    ner = Context.default().nlp.get_pipe("ner_hist")
    labels = {ner.moves.get_class_name(i).partition("-")[2] for i in range(ner.moves.n_moves)} - {""}
    training = json.loads((MODEL / "training.json").read_text(encoding="utf-8"))
    kept_epoch = training["log"][training["best_epoch"] - 1]
    assert labels == set(training["labels"]) == script.kept_labels(kept_epoch["per_type"])
