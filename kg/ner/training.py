"""Build the NER training corpora from the public data sets and train the model from ``configs/ner.cfg``.

Developer tooling, used by ``kg train``; the product never imports it at run time.

Training side (never a set that ``kg evaluate --public`` reports on):

- MSRA NER train (re-split, ``msra_ner/msra_train.bmeso.txt``) *minus every sentence whose text also occurs in a
  reported test set or in the dev set*: that re-split contains 4,239 of the 4,636 People's Daily test sentences and
  2,124 of its dev sentences, which are dropped here.
- CLUENER2020 train (``cluener2020/train.json``, twice per pass), company/government/organization -> ORG,
  name -> PER, other categories (address included) missing (not learned); a fixed random 500 sentences are held
  out for dev.
- Dev (model selection only): People's Daily dev (``peoples_daily_ner/example.dev``) + the 500 CLUENER sentences.

Optional stage 2 (``kg train --finetune``, ``configs/ner_finetune.cfg``) fine-tunes the stage-1 model on 4,000 silver domain sentences
(:mod:`kg.ner.silver`) mixed with 8,000 sentences replayed from the stage-1 training data.
"""
from __future__ import annotations

import logging
import random
from pathlib import Path
from typing import Iterable

from kg.errors import InputError
from kg.ner.corpora import (CLUENER_TRAIN_MAP, PUBLIC_SETS, AnnotatedSentence, read_char_tagged,
                            read_cluener)

log = logging.getLogger(__name__)

#: The config ``kg train`` uses unless told otherwise.
DEFAULT_CONFIG = Path(__file__).resolve().parents[2] / "configs" / "ner.cfg"
DEFAULT_FINETUNE_CONFIG = DEFAULT_CONFIG.with_name("ner_finetune.cfg")
N_SILVER = 4000
N_REPLAY = 8000
SEED = 0
CLUENER_DEV_HOLDOUT = 500
#: CLUENER train is seen this many times per pass over MSRA: it is the only modern (2020s web news) corpus and
#: the only one whose ORG covers firms densely, but has a fifth of MSRA's sentences.
CLUENER_REPEAT = 2
#: Test files whose sentences must never be trained on (the reported sets plus the other MSRA test split).
_HELD_OUT = [s.relpath for s in PUBLIC_SETS.values()] + ["msra_ner/msra_test.bmeso.txt"]


def _require(path: Path) -> Path:
    if not path.is_file():
        raise InputError(str(path), "training corpus not found (give --data-dir, the folder holding "
                                    "peoples_daily_ner/, msra_ner/ and cluener2020/)")
    return path


def build_corpora(data_dir: str | Path, seed: int = SEED
                  ) -> tuple[list[AnnotatedSentence], list[AnnotatedSentence], dict[str, int]]:
    """Return (train, dev, stats) built from the public corpora under ``data_dir``."""
    data_dir = Path(data_dir)
    held_out: set[str] = set()
    for rel in _HELD_OUT:
        path = _require(data_dir / rel)
        if rel.endswith(".json"):
            held_out.update(s.text for s in read_cluener(path, CLUENER_TRAIN_MAP))
        else:
            held_out.update(s.text for s in read_char_tagged(path))

    pd_dev = list(read_char_tagged(_require(data_dir / "peoples_daily_ner/example.dev")))
    cluener = list(read_cluener(_require(data_dir / "cluener2020/train.json"), CLUENER_TRAIN_MAP))
    rng = random.Random(seed)
    order = list(range(len(cluener)))
    rng.shuffle(order)
    dev_idx = set(order[:min(CLUENER_DEV_HOLDOUT, len(cluener) // 5)])
    dev = pd_dev + [cluener[i] for i in sorted(dev_idx)]
    excluded = held_out | {s.text for s in dev}

    msra = list(read_char_tagged(_require(data_dir / "msra_ner/msra_train.bmeso.txt")))
    train_msra = [s for s in msra if s.text not in excluded]
    train_clue = [cluener[i] for i in range(len(cluener)) if i not in dev_idx and cluener[i].text not in excluded]
    train = train_msra + train_clue * CLUENER_REPEAT
    if not train or not dev:
        raise InputError(str(data_dir), f"no training or dev sentences left after removing the test sets "
                                        f"(train {len(train)}, dev {len(dev)})")
    rng.shuffle(train)
    stats = {"msra_train": len(msra), "msra_train_kept": len(train_msra),
             "cluener_train_kept": len(train_clue), "train": len(train), "dev": len(dev),
             "train_chars": sum(len(s.text) for s in train)}
    return train, dev, stats


def to_docbin(nlp, sentences: Iterable[AnnotatedSentence]):
    """Convert sentences to a DocBin of char-tokenised Docs with ``ents`` set (missing spans left unknown)."""
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    for sent in sentences:
        doc = nlp.make_doc(sent.text)
        ents, missing = [], []
        for start, end, label in sent.spans:
            span = doc.char_span(start, end, label=label, alignment_mode="contract")
            if span is not None and len(span):
                ents.append(span)
        for start, end in sent.missing:
            span = doc.char_span(start, end, alignment_mode="contract")
            if span is not None and len(span):
                missing.append(span)
        ents = _drop_overlaps(ents)
        taken = {i for e in ents for i in range(e.start, e.end)}
        missing = [m for m in missing if not taken.intersection(range(m.start, m.end))]
        missing = _drop_overlaps(missing)
        doc.set_ents(ents, missing=missing, default="outside")
        db.add(doc)
    return db


def _drop_overlaps(spans):
    out, end = [], -1
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if span.start >= end:
            out.append(span)
            end = span.end
    return out


def build_finetune_corpus(data_dir: str | Path, train_set: list[AnnotatedSentence], seed: int = SEED,
                          n_silver: int = N_SILVER, n_replay: int = N_REPLAY) -> list[AnnotatedSentence]:
    """Stage-2 data: silver domain sentences plus a replay sample of the stage-1 training data."""
    from kg.ner.silver import generate

    rng = random.Random(seed + 1)
    mixed = generate(data_dir, n_silver, seed) + rng.sample(train_set, min(n_replay, len(train_set)))
    rng.shuffle(mixed)
    return mixed


def train(data_dir: str | Path, output: str | Path, config: str | Path = DEFAULT_CONFIG,
          max_steps: int | None = None, work_dir: str | Path | None = None, seed: int = SEED,
          finetune_config: str | Path | None = None, finetune_steps: int | None = None,
          base_model: str | Path | None = None) -> Path:
    """Convert the corpora, train (stage 1: public corpora; stage 2: domain fine-tuning) and copy the best
    pipeline to ``output``; return ``output``.

    Stage 2 runs only when ``finetune_config`` is given (e.g. :data:`DEFAULT_FINETUNE_CONFIG`);
    ``base_model`` skips stage 1 and fine-tunes that pipeline.
    """
    import shutil

    import spacy
    from spacy.cli.train import train as spacy_train

    from kg.ner import arch  # noqa: F401  (registers the architectures the config names)

    output = Path(output)
    work = Path(work_dir) if work_dir else Path("build") / "ner-training"
    work.mkdir(parents=True, exist_ok=True)
    train_set, dev_set, stats = build_corpora(data_dir, seed)
    log.info("corpora: %s", stats)
    nlp = spacy.blank("zh")
    to_docbin(nlp, dev_set).to_disk(work / "dev.spacy")
    if base_model is None:
        to_docbin(nlp, train_set).to_disk(work / "train.spacy")
        overrides = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy"),
                     "system.seed": seed}
        if max_steps is not None:
            overrides["training.max_steps"] = max_steps
        spacy_train(Path(config), work / "run", overrides=overrides, use_gpu=-1)
        best = _best(work / "run")
    else:
        best = Path(base_model)
    if finetune_config is not None:
        to_docbin(nlp, build_finetune_corpus(data_dir, train_set, seed)).to_disk(work / "finetune.spacy")
        overrides = {"paths.train": str(work / "finetune.spacy"), "paths.dev": str(work / "dev.spacy"),
                     "paths.base_model": str(best.resolve()), "system.seed": seed}
        if finetune_steps is not None:
            overrides["training.max_steps"] = finetune_steps
        spacy_train(Path(finetune_config), work / "finetune", overrides=overrides, use_gpu=-1)
        best = _best(work / "finetune")
    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(best, output)
    return output


def _best(run: Path) -> Path:
    best = run / "model-best"
    return best if best.is_dir() else run / "model-last"  # fewer steps than one evaluation: last weights
