"""Measure the char segmenter against spacy-pkuseg ("mixed" model + gazetteer user dictionary).

Prints, for each segmenter:
- word segmentation P/R/F1 on the SIGHAN 2005 PKU test set (pku_test.utf8 vs pku_test_gold.utf8);
- speed in chars/s through ``spacy.blank("zh")``'s tokenizer, one thread;
- NER ceiling: the share of People's Daily test entities whose both boundaries fall on token boundaries (an
  entity that starts or ends inside a token cannot be found exactly by a token-level NER).

Usage (the pkuseg model comes from the PyPI sdist pkuseg==0.0.25, pkuseg/models/default/, the "mixed" model):

    OMP_NUM_THREADS=1 .venv/bin/python scripts/measure_segmentation.py \
        --data-dir DATA --pkuseg-model PKUSEG_SDIST/pkuseg/models/default [--json out.json]
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.ner.corpora import read_char_tagged  # noqa: E402


def gazetteer_words(data_dir: Path) -> list[str]:
    """Park, Fortune 500 and administrative-division names for the pkuseg user dictionary."""
    words: set[str] = set()
    with (data_dir / "national_hitech_zones/national_hitech_zones_v2.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            words.update(w for w in (row["name_full"], row["name_short"]) if w)
    with (data_dir / "fortune_global500/fortune_global500_2022_zh_en.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            words.update(w for w in (row["name_zh"], row["short_zh"]) if w)
    for name in ("cities.csv", "areas.csv"):
        with (data_dir / "admin_divisions_china" / name).open(encoding="utf-8") as f:
            words.update(row["name"] for row in csv.DictReader(f) if row["name"] not in ("市辖区", "县"))
    provinces = json.loads((data_dir / "admin_divisions_china/pca-code.json").read_text(encoding="utf-8"))
    words.update(p["name"] for p in provinces)
    return sorted(words)


def spans_of(words: list[str]) -> set[tuple[int, int]]:
    out, pos = set(), 0
    for w in words:
        out.add((pos, pos + len(w)))
        pos += len(w)
    return out


def make_nlp(segmenter: str, model: Path | None, user_dict: Path | None):
    import spacy

    if segmenter == "char":
        return spacy.blank("zh")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    nlp.tokenizer.initialize(pkuseg_model=str(model), pkuseg_user_dict=str(user_dict) if user_dict else "default")
    return nlp


def measure(nlp, gold_lines: list[list[str]], ner_sents) -> dict:
    texts = ["".join(ws) for ws in gold_lines]
    start = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    seconds = time.perf_counter() - start
    n_chars = sum(map(len, texts))
    tp = n_pred = n_gold = 0
    for doc, words in zip(docs, gold_lines):
        pred = spans_of([t.text for t in doc if not t.is_space])
        gold = spans_of(words)
        tp += len(pred & gold)
        n_pred += len(pred)
        n_gold += len(gold)
    p, r = tp / n_pred, tp / n_gold
    aligned = total = 0
    for sent in ner_sents:
        doc = nlp.make_doc(sent.text)
        starts = {t.idx for t in doc}
        ends = {t.idx + len(t.text) for t in doc}
        for s, e, _ in sent.spans:
            total += 1
            aligned += s in starts and e in ends
    return {"word_p": round(p, 4), "word_r": round(r, 4), "word_f1": round(2 * p * r / (p + r), 4),
            "chars_per_s": round(n_chars / seconds), "ner_entities_aligned": round(aligned / total, 4)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, required=True)
    ap.add_argument("--pkuseg-model", type=Path, required=True, help="folder of the pkuseg 'mixed' model")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    cws = args.data_dir / "sighan2005_cws"
    gold_lines = [line.split() for line in (cws / "pku_test_gold.utf8").read_text(encoding="utf-8").splitlines()
                  if line.strip()]
    ner_sents = list(read_char_tagged(args.data_dir / "peoples_daily_ner/example.test"))
    words = gazetteer_words(args.data_dir)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        user_dict = Path(tmp) / "user_dict.txt"
        user_dict.write_text("\n".join(words) + "\n", encoding="utf-8")
        for name, seg, udict in (("char", "char", None), ("pkuseg-mixed", "pkuseg", None),
                                 ("pkuseg-mixed+gazetteers", "pkuseg", user_dict)):
            nlp = make_nlp(seg, args.pkuseg_model, udict)
            results[name] = measure(nlp, gold_lines, ner_sents)
            print(f"{name:26s} {json.dumps(results[name], ensure_ascii=False)}", flush=True)
    results["_user_dict_words"] = len(words)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
