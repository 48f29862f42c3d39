#!/usr/bin/env python3
"""Build the graph of every dev article on its own and write OUT/<stem>/graph.ttl (the layout score_set.py reads).

Usage: python scripts/devset.py EVAL_DIR SEEDS_DIR OUT [--stems a,b]
EVAL_DIR is the eval folder (dev/*.json for the seeds, dev/fresh/texts + gold for the fresh articles).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.rdf.turtle import graph_turtle  # noqa: E402
from kg.extract.pipeline import Extractor  # noqa: E402
from kg.graph import build_graph  # noqa: E402
from kg.ingest import read_article  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("eval_dir", type=Path)
    ap.add_argument("seeds_dir", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--stems")
    a = ap.parse_args()
    pairs = [(g.stem, a.seeds_dir / (g.stem + ".txt")) for g in sorted((a.eval_dir / "dev").glob("*.json"))]
    pairs += [(g.stem, a.eval_dir / "dev/fresh/texts" / (g.stem + ".txt"))
              for g in sorted((a.eval_dir / "dev/fresh/gold").glob("*.json"))]
    if a.stems:
        keep = set(a.stems.split(","))
        pairs = [p for p in pairs if p[0] in keep]
    ex = Extractor()
    for stem, text in pairs:
        d = a.out / stem
        d.mkdir(parents=True, exist_ok=True)
        (d / "graph.ttl").write_bytes(graph_turtle(build_graph([ex.extract(read_article(text))])))
    print(f"{len(pairs)} graphs in {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
