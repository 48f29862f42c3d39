"""Measure word segmenters for ParkKG: char (the spaCy pipeline's tokenizer), jieba (the word knowledge of
``kg/extract/word_classes.py``: ``jieba.cut(s, HMM=False)``) and spacy-pkuseg, with a model trained here by
spacy-pkuseg's own trainer and, optionally, any other pkuseg model (such as the PyPI "mixed" model).

Prints, for each segmenter:
- word segmentation P/R/F1 on the SIGHAN 2005 PKU test set (``pku_test_gold.utf8``; not in the training data)
  and on the held-out tenth of People's Daily January 1998 (every 10th paragraph; the trained model never saw
  it);
- speed in chars/s, one thread, the segmenter called on each PKU test sentence (as the pipeline calls it);
- NER ceiling: the share of People's Daily NER test entities whose both ends fall on word boundaries (an entity
  that starts or ends inside a word cannot be found exactly from words).

``--relations``: also the extraction with each segmenter's words in ``kg/extract/word_classes.py`` (jieba's tags and
counts kept; patched in this process only): ``kg train-relations`` cross-validated (5 folds) on the dev articles
of ``DATA/../eval`` (``dev`` with the texts of ``DATA/../seeds``, and ``dev/fresh``), its entities and relations F1.

spacy-pkuseg is not a ParkKG dependency (the README says why, with these figures): ``pip install
'.[segmentation]'`` first. Training takes 2 to 6 minutes per iteration on one core of the project's machine.

    OMP_NUM_THREADS=1 .venv/bin/python scripts/measure_segmentation.py --data-dir DATA \\
        --train-pkuseg MODEL_DIR [--iterations 10] [--pkuseg-model NAME=DIR ...] [--relations] \\
        [--json out.json]

``--train-pkuseg DIR`` trains into DIR (the other nine tenths of People's Daily January 1998, tags removed) unless
DIR already holds a trained model; ``--pkuseg-model NAME=DIR`` adds a model (the "mixed" model: ``pkuseg/models/
default/`` of the PyPI sdist ``pkuseg==0.0.25``, read by spacy-pkuseg from its ``features.pkl``/``weights.npz``).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.ner.corpora import read_char_tagged  # noqa: E402


def pd1998_paragraphs(data_dir: Path) -> tuple[list[list[str]], list[list[str]]]:
    """People's Daily January 1998 as word lists (tags and ``[..]nt`` brackets removed): (train, held out), the
    held-out part every 10th paragraph."""
    train, heldout = [], []
    lines = (data_dir / "pd1998_01_pos" / "199801.txt").read_text(encoding="utf-8").splitlines()
    n = 0
    for line in lines:
        words = [w for w in (t.rsplit("/", 1)[0].lstrip("[") for t in line.split()) if w]
        if words:
            (heldout if n % 10 == 9 else train).append(words)
            n += 1
    return train, heldout


def train_pkuseg(data_dir: Path, model_dir: Path, iterations: int) -> None:
    """spacy-pkuseg's own trainer on nine tenths of People's Daily January 1998 (skipped when already trained)."""
    import spacy_pkuseg

    if (model_dir / "features.msgpack").is_file() and (model_dir / "weights.npz").is_file():
        print(f"using the model already trained in {model_dir}", flush=True)
        return
    train, heldout = pd1998_paragraphs(data_dir)
    model_dir.mkdir(parents=True, exist_ok=True)
    work = model_dir / "data"
    work.mkdir(exist_ok=True)
    for name, paras in (("train.txt", train), ("heldout.txt", heldout)):
        (work / name).write_text("\n".join(" ".join(ws) for ws in paras) + "\n", encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(work)  # the trainer writes its scratch files under the working folder
    try:
        t = time.perf_counter()
        spacy_pkuseg.train(str(work / "train.txt"), str(work / "heldout.txt"), str(model_dir),
                           train_iter=iterations)
        print(f"trained {model_dir} in {time.perf_counter() - t:.0f} s", flush=True)
    finally:
        os.chdir(cwd)


def spans_of(words: list[str]) -> set[tuple[int, int]]:
    out, pos = set(), 0
    for w in words:
        out.add((pos, pos + len(w)))
        pos += len(w)
    return out


def prf(cut: Callable[[str], list[str]], gold: list[list[str]]) -> dict:
    tp = n_pred = n_gold = 0
    for words in gold:
        pred = spans_of([w for w in cut("".join(words)) if w.strip()])
        g = spans_of(words)
        tp += len(pred & g)
        n_pred += len(pred)
        n_gold += len(g)
    p, r = tp / n_pred, tp / n_gold
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4)}


def measure(cut: Callable[[str], list[str]], pku: list[list[str]], pd_heldout: list[list[str]], ner_sents) -> dict:
    texts = ["".join(ws) for ws in pku]
    cut(texts[0])  # warm up (a model's first call loads it)
    start = time.perf_counter()
    for t in texts:
        cut(t)
    seconds = time.perf_counter() - start
    aligned = total = 0
    for sent in ner_sents:
        bounds = {b for s, e in spans_of(cut(sent.text)) for b in (s, e)}
        for s, e, _ in sent.spans:
            total += 1
            aligned += s in bounds and e in bounds
    return {"pku_test": prf(cut, pku), "pd1998_heldout": prf(cut, pd_heldout),
            "chars_per_s": round(sum(map(len, texts)) / seconds), "ner_entities_aligned": round(aligned / total, 4)}


def extraction_with(cut: Callable[[str], list[str]], root: Path) -> dict:
    """``kg train-relations`` cross-validated on the dev articles with ``cut`` as the word segmentation of
    kg/extract/word_classes.py (every character kept: what the segmenter skips, such as spaces, comes back one by one)."""
    import contextlib
    import io

    from kg.cli import main
    from kg.extract import word_classes as words

    def aligned(s: str):
        out, i = [], 0
        for w in cut(s):
            j = s.find(w, i) if w else -1
            if j < 0:
                continue
            out.extend(s[i:j])
            out.append(w)
            i = j + len(w)
        out.extend(s[i:])
        return iter(out)

    ev = root / "eval"
    argv = ["train-relations", "--gold-dir", ev / "dev", "--texts", root / "seeds", "--gold-dir",
            ev / "dev" / "fresh" / "gold", "--texts", ev / "dev" / "fresh" / "texts", "--folds", "5", "--no-write"]
    saved = words._cut
    words._cut = aligned
    words._tokens.cache_clear()
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            code = main([str(a) for a in argv])
    finally:
        words._cut = saved
        words._tokens.cache_clear()
    if code != 0:
        raise SystemExit(f"kg train-relations failed (exit code {code})")
    # the first summary line is the cross-validation over every article
    line = next(x for x in buf.getvalue().splitlines() if x.startswith("entities F1="))
    ent, rel = (float(x) for x in re.findall(r"F1=([0-9.]+)", line))
    return {"entities_f1": ent, "relations_f1": rel}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, required=True)
    ap.add_argument("--train-pkuseg", type=Path, metavar="DIR",
                    help="train spacy-pkuseg here on People's Daily 1998-01 (or use the model already there)")
    ap.add_argument("--iterations", type=int, default=10, help="training iterations (default 10)")
    ap.add_argument("--pkuseg-model", action="append", default=[], metavar="NAME=DIR",
                    help="another pkuseg model to measure (repeatable)")
    ap.add_argument("--relations", action="store_true",
                    help="also kg train-relations (5 folds) with each segmenter's words")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)

    from kg.extract import word_classes as words

    cws = args.data_dir / "sighan2005_cws"
    pku = [line.split() for line in (cws / "pku_test_gold.utf8").read_text(encoding="utf-8").splitlines()
           if line.strip()]
    _, pd_heldout = pd1998_paragraphs(args.data_dir)
    ner_sents = list(read_char_tagged(args.data_dir / "peoples_daily_ner/example.test"))
    segmenters: dict[str, Callable[[str], list[str]]] = {
        "char": list,
        "jieba (kg.extract.word_classes, HMM off)": lambda s, cut=words._cut: list(cut(s)),  # uncached, as a first call
    }
    models = [tuple(m.split("=", 1)) for m in args.pkuseg_model]
    if args.train_pkuseg:
        train_pkuseg(args.data_dir, args.train_pkuseg, args.iterations)
        models.insert(0, ("pkuseg trained here (PD 1998-01)", str(args.train_pkuseg)))
    if models:
        import spacy_pkuseg

        for name, path in models:
            segmenters[name] = spacy_pkuseg.pkuseg(model_name=path).cut
    results = {}
    for name, cut in segmenters.items():
        results[name] = measure(cut, pku, pd_heldout, ner_sents)
        print(f"{name:36s} {json.dumps(results[name], ensure_ascii=False)}", flush=True)
    if args.relations:
        for name, cut in segmenters.items():
            if name != "char":
                results[name]["extraction"] = extraction_with(cut, args.data_dir.parent)
                print(f"{name:36s} extraction, cross-validated: {results[name]['extraction']}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
