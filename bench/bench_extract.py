"""Extraction speed on one core: the five seeds repeated to ~1 MB, whole pipeline (ingest excluded).

    python bench/bench_extract.py [--mb 1.0] [--no-ner]
Prints characters per second for the spaCy char tokenizer alone and for the full extraction pipeline.
"""
from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import spacy  # noqa: E402

from kg.extract.pipeline import Extractor  # noqa: E402
from kg.ingest import read_article  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--no-ner", action="store_true")
    args = ap.parse_args()
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    articles = [read_article(p) for p in seeds]
    per_round = sum(len(a.text) for a in articles)
    rounds = max(1, int(args.mb * 1_000_000 / per_round))
    batch = articles * rounds
    n_chars = per_round * rounds
    nlp = spacy.blank("zh")
    t = time.perf_counter()
    for a in batch:
        nlp.make_doc(a.text)
    tok = time.perf_counter() - t
    ex = Extractor(use_ner=not args.no_ner)
    ex.extract(articles[0])  # warm up (gazetteers, jieba)
    t = time.perf_counter()
    for a in batch:
        ex.extract(a)
    full = time.perf_counter() - t
    print(f"corpus: {len(batch)} articles, {n_chars:,} characters (seeds x{rounds})")
    print(f"spaCy char tokenizer: {n_chars / tok:,.0f} chars/s")
    print(f"full extraction pipeline ({'rules only' if args.no_ner else 'with statistical NER'}): "
          f"{n_chars / full:,.0f} chars/s ({full:.1f} s)")


if __name__ == "__main__":
    main()
