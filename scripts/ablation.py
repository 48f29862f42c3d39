#!/usr/bin/env python3
"""What each part of relation extraction gives, on the dev articles (the README's ablation table).

Usage: python scripts/ablation.py EVAL_DIR SEEDS_DIR
Rows: the rules of kg/extract/relations.py alone; + the signing grammar (kg/extract/signing.py); + the relation
classifier and its consequences (cross-validated by article, 5 folds). Columns: F1 over the 30 fresh articles and
over all 35, micro, as score_set.py computes it.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.commands.train_relations import gold_items  # noqa: E402
from kg.evaluation.gold import combine, score  # noqa: E402
from kg.rdf.triples import to_rdf  # noqa: E402
from kg.extract import signing  # noqa: E402
from kg.extract.pipeline import Extractor  # noqa: E402
from kg.evaluation.relation_training import cross_validate  # noqa: E402
from kg.graph import build_graph  # noqa: E402

KINDS = ("all", "hosts", "partnersWith", "worksFor", "locatedIn", "subsidiaryOf", "manages")


def row(name, per, items):
    cells = []
    for sub in (lambda s: not s[0].isdigit(), lambda s: True):
        t = combine([per[s] for s, _a, _g in items if sub(s)]).as_dict()
        cells.append(" ".join(f"{t['relations'][k]['f1']:.3f}" for k in KINDS))
    print(f"| {name} | {cells[0]} | {cells[1]} |")


def main() -> int:
    ev, seeds = Path(sys.argv[1]), Path(sys.argv[2])
    items = gold_items([ev / "dev", ev / "dev/fresh/gold"], [seeds, ev / "dev/fresh/texts"])
    ex = Extractor(use_ner=False)
    pipe = ex.nlp.get_pipe("parkkg_relations")
    shipped = pipe.model
    print(f"| relations F1 ({' / '.join(KINDS)}) | 30 fresh articles | all 35 |")
    print("|---|---|---|")
    real = signing.signing_partners
    pipe.model = None
    signing.signing_partners = lambda *a, **k: []
    try:
        row("rules of relations.py", {s: score(g, to_rdf(build_graph([ex.extract(a)]))) for s, a, g in items}, items)
    finally:
        signing.signing_partners = real
    row("+ signing grammar", {s: score(g, to_rdf(build_graph([ex.extract(a)]))) for s, a, g in items}, items)
    pipe.model = shipped
    per, _total = cross_validate(items, ex, k=5, kinds=tuple(shipped.kinds), mode=shipped.meta.get("mode", "union"))
    row("+ relation classifier (5-fold CV)", per, items)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
