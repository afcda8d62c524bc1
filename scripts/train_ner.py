"""Fine-tune fr_core_news_md's NER on the NewsEye French data (HIPE-2022 v2.1, CC BY 4.0).

    .venv/bin/python scripts/train_ner.py [--data ../shared/data/hipe-dev] [--out annales/models/ner-fr-hist]

Reads HIPE-2022-v2.1-newseye-dev-fr.tsv and HIPE-2022-v2.1-newseye-dev2-fr.tsv from the data
folder (they are not copied into the repository), starts from md's `ner` component (its own
tok2vec and md's static vectors), adds a PROD label (NewsEye HumanProd) and fine-tunes on
sentences (NewsEye `EndOfSentence` flags). Every 10th document is held out; the epoch with the
best held-out NewsEye F1 is kept. HIPE-2020 data is never read here.

The model is saved without md's vectors (load it with md's vocabulary, see the README it writes).
Deterministic for a given seed on one machine (spaCy/thinc on CPU, single thread).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from annales.eval.hipe import HipeDoc, read_hipe  # noqa: E402

FILES = ("HIPE-2022-v2.1-newseye-dev-fr.tsv", "HIPE-2022-v2.1-newseye-dev2-fr.tsv")
LABELS = {"pers": "PER", "loc": "LOC", "org": "ORG", "prod": "PROD"}
SEED = 1789
EPOCHS = 30
DROPOUT = 0.2
BATCH_WORDS = 1000
HOLD_OUT_EVERY = 10

README = """# ner-fr-hist

A spaCy NER component (labels PER, LOC, ORG, PROD; MISC is still in the output layer but no
longer trained) fine-tuned from `fr_core_news_md` 3.8.0's `ner` on historical French newspapers.

Training data: NewsEye French dev and dev2 as distributed by HIPE-2022 (v2.1,
`HIPE-2022-v2.1-newseye-dev-fr.tsv`, `HIPE-2022-v2.1-newseye-dev2-fr.tsv`), from the NewsEye
project: Hamdi, A., Linhares Pontes, E., Boros, E., et al. (2021), "A Multilingual Dataset for
Named Entity Recognition, Entity Linking and Stance Detection in Historical Newspapers", SIGIR
2021, https://doi.org/10.5281/zenodo.4573313, licensed CC BY 4.0. These weights are derived from
that data and are distributed under CC BY 4.0 with this attribution. The base model
`fr_core_news_md` is under its own licence (LGPL-LR / CC BY-SA 4.0, see its package).

Rebuild (deterministic, CPU, about {minutes:.0f} minutes):

    .venv/bin/python scripts/train_ner.py --data ../shared/data/hipe-dev --out annales/models/ner-fr-hist

Saved without static vectors: load it with fr_core_news_md's vocabulary,

    import spacy
    base = spacy.load("fr_core_news_md")
    nlp = spacy.load("annales/models/ner-fr-hist", vocab=base.vocab)

Training log: `training.json` (held-out NewsEye F1 per epoch; the best epoch is saved).

Measured once, after training, with `annales.eval.hipe.main(FILE, source=MODEL_DIR)` on the
HIPE-2020 French dev set (v1.4, evaluation only, never used for training or tuning):
strict F1 0.630, fuzzy F1 0.744 (fr_core_news_md's own NER: 0.528 / 0.691).
"""


def sentences(doc: HipeDoc) -> list[tuple[int, int]]:
    """Token ranges of the sentences of a NewsEye document (EndOfSentence flags)."""
    ranges, start = [], 0
    for i, token in enumerate(doc.tokens):
        if "EndOfSentence" in token.misc or i == len(doc.tokens) - 1:
            ranges.append((start, i + 1))
            start = i + 1
    return ranges


def examples(nlp, docs: list[HipeDoc]):
    from spacy.tokens import Doc, Span
    from spacy.training import Example

    result = []
    for doc in docs:
        for start, end in sentences(doc):
            tokens = doc.tokens[start:end]
            words = [t.text for t in tokens]
            spaces = [tokens[i].end < tokens[i + 1].start for i in range(len(tokens) - 1)] + [False]
            reference = Doc(nlp.vocab, words=words, spaces=spaces)
            ents = [(s.start - start, s.end - start, LABELS[s.type]) for s in doc.gold
                    if start <= s.start and s.end <= end and s.type in LABELS]
            reference.ents = [Span(reference, a, b, label=label) for a, b, label in ents]
            # The model sees spaCy's own tokenisation of the text, aligned to the gold tokens.
            result.append(Example(nlp.make_doc(reference.text), reference))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data" / "hipe-dev"))
    parser.add_argument("--out", default=str(REPO / "annales" / "models" / "ner-fr-hist"))
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()

    import spacy
    from spacy.util import fix_random_seed

    fix_random_seed(args.seed)
    random.seed(args.seed)
    docs: list[HipeDoc] = []
    for name in FILES:
        docs += read_hipe(Path(args.data) / name).docs
    held = [d for i, d in enumerate(docs) if i % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1]
    train_docs = [d for i, d in enumerate(docs) if i % HOLD_OUT_EVERY != HOLD_OUT_EVERY - 1]

    nlp = spacy.load("fr_core_news_md", exclude=["tok2vec", "morphologizer", "parser",
                                                 "attribute_ruler", "lemmatizer", "senter"])
    nlp.meta.update({"name": "ner_fr_hist", "version": "0.1.0", "license": "CC BY 4.0",
                     "description": "fr_core_news_md NER fine-tuned on NewsEye French (HIPE-2022 v2.1)",
                     "sources": [{"name": "NewsEye French NER (HIPE-2022 v2.1 dev, dev2)",
                                  "url": "https://doi.org/10.5281/zenodo.4573313", "license": "CC BY 4.0"}]})
    ner = nlp.get_pipe("ner")
    for label in LABELS.values():
        ner.add_label(label)
    train = examples(nlp, train_docs)
    dev = examples(nlp, held)
    n_words = sum(len(e.reference) for e in train)
    print(f"{len(train_docs)} training documents ({len(train)} sentences, {n_words} tokens), "
          f"{len(held)} held out ({len(dev)} sentences)", flush=True)

    optimizer = nlp.resume_training()
    out = Path(args.out)
    tmp = out.with_name(out.name + ".best")
    log, best, began = [], -1.0, time.perf_counter()
    for epoch in range(1, args.epochs + 1):
        random.shuffle(train)
        losses: dict[str, float] = {}
        for batch in _batches(train):
            nlp.update(batch, sgd=optimizer, drop=DROPOUT, losses=losses)
        scores = nlp.evaluate(dev)
        f1 = float(scores["ents_f"] or 0.0)
        entry = {"epoch": epoch, "loss": round(float(losses.get("ner", 0.0)), 1), "heldout_f1": round(f1, 4),
                 "per_type": {k: round(float(v["f"]), 4) for k, v in (scores.get("ents_per_type") or {}).items()},
                 "seconds": round(time.perf_counter() - began, 1)}
        log.append(entry)
        print(json.dumps(entry), flush=True)
        if f1 > best:
            best = f1
            if tmp.exists():
                shutil.rmtree(tmp)
            # Without the vocabulary (md's 500k vectors): it is loaded with md's own vocab.
            with nlp.use_params(optimizer.averages):
                nlp.to_disk(tmp, exclude=["vocab"])
    minutes = (time.perf_counter() - began) / 60
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    (out / "training.json").write_text(json.dumps({"seed": args.seed, "epochs": args.epochs,
                                                   "dropout": DROPOUT, "batch_words": BATCH_WORDS,
                                                   "best_heldout_f1": best, "log": log}, indent=1))
    (out / "README.md").write_text(README.format(minutes=max(1, minutes)))
    print(f"saved {out} (best held-out F1 {best:.3f}) in {minutes:.1f} min")
    return 0


def _batches(train):
    """Batches of about BATCH_WORDS tokens, in the (shuffled) order of the examples."""
    batch, size = [], 0
    for example in train:
        batch.append(example)
        size += len(example.reference)
        if size >= BATCH_WORDS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


if __name__ == "__main__":
    raise SystemExit(main())
