#!/usr/bin/env python3
"""The README's extraction-quality table from the JSON of ``kg train-relations --json FILE``.

Usage: python scripts/quality_table.py FIGURES.json
Columns: cross-validated by article on the fresh articles, on all dev articles, and the fit (model fitted on
all dev articles and scored on them). Rows: entities per class, relations (implied included) per kind.
"""
from __future__ import annotations

import json
import sys

CLASSES = ("all", "Park", "Company", "Person", "GovernmentBody", "Institute", "Place")
KINDS = ("all", "hosts", "partnersWith", "worksFor", "locatedIn", "subsidiaryOf", "manages")


def main() -> int:
    d = json.load(open(sys.argv[1], encoding="utf-8"))
    fresh = next(v for k, v in d["cv_by_folder"].items() if "fresh" in k)
    cols = [("CV, 30 fresh articles", fresh), ("CV, all 35", d["cv"]), ("fit, all 35", d["fit"])]

    def cell(c):
        return f"{c['f1']:.3f} (P {c['p']:.2f} R {c['r']:.2f})"

    print("| | " + " | ".join(n for n, _ in cols) + " |")
    print("|---|" + "---|" * len(cols))
    for section, names, label in (("entities", CLASSES, "entities"), ("relations", KINDS, "relations")):
        for n in names:
            row = f"{label} (micro)" if n == "all" else f"{label}: {n}"
            print(f"| {row} | " + " | ".join(cell(c[section][n]) for _, c in cols) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
