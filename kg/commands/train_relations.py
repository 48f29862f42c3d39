"""``kg train-relations``: fit the learned relation classifier on gold articles, cross-validated by article."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from kg.errors import InputError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "train-relations", help="fit the relation classifier on gold articles (developer command)",
        description="Extract every gold article with the rules, describe each candidate pair (park-firm, "
                    "organisation-organisation, company-company) by the cue table's features, label it from the "
                    "gold, and fit one logistic regression per relation kind (scikit-learn: pip install -e "
                    "'.[train]'). Prints the k-fold cross-validated scores (each article extracted by a model "
                    "fitted without it; micro-averaged as score_set.py does) and the fit scores (all articles, "
                    "model fitted on all), then writes the model fitted on all articles.",
        epilog="Example: kg train-relations --gold-dir EVAL/dev --texts SEEDS --gold-dir EVAL/dev/fresh/gold "
               "--texts EVAL/dev/fresh/texts --folds 5")
    p.add_argument("--gold-dir", type=Path, action="append", default=[], required=True,
                   help="folder of gold <stem>.json files (repeatable, paired in order with --texts)")
    p.add_argument("--texts", type=Path, action="append", default=[], required=True,
                   help="folder holding the article <stem>.txt of each gold file")
    p.add_argument("--folds", type=int, default=5, help="cross-validation folds (default 5; 0: no CV)")
    p.add_argument("--C", type=float, default=None, help="inverse L2 regularisation strength (default 0.5)")
    p.add_argument("--threshold", type=float, default=None, help="decision probability (default 0.4)")
    p.add_argument("--balance", type=float, default=None,
                   help="0..1: how far each article weighs the same in training rather than each candidate pair "
                        "(default 0.5)")
    p.add_argument("--kinds", default="hosts",
                   help="relation kinds the classifier decides (default hosts; the rules decide the others)")
    p.add_argument("--mode", choices=("replace", "union"), default="union",
                   help="union: the rules' relations of those kinds are kept beside the model's (default); replace: "
                        "the model alone decides them")
    p.add_argument("--output", type=Path, default=None,
                   help="where the model goes (default: kg/models/relations.json)")
    p.add_argument("--no-write", action="store_true", help="only report the scores")
    p.add_argument("--cv-out", type=Path, default=None,
                   help="write each held-out article's graph to CV_OUT/<stem>/graph.ttl (for score_set.py)")
    p.add_argument("--json", dest="json_out", type=Path, help="also write the figures to this JSON file")
    p.set_defaults(func=run)


def gold_items(gold_dirs: list[Path], text_dirs: list[Path]):
    """(stem, Article, Gold) for every gold file whose article is found; one line for each that is not."""
    import sys

    from kg.evaluation.gold import load_gold
    from kg.ingest import read_article

    if len(gold_dirs) != len(text_dirs):
        raise InputError("--texts", f"{len(gold_dirs)} --gold-dir but {len(text_dirs)} --texts: give them in pairs")
    items = []
    for gd, td in zip(gold_dirs, text_dirs):
        if not gd.is_dir():
            raise InputError(str(gd), "gold folder not found")
        for g in sorted(gd.glob("*.json")):
            text = next(iter(sorted(td.glob(g.stem + ".*"))), None)
            if text is None:
                print(f"{g}: no article {g.stem}.* in {td}; skipped", file=sys.stderr)
                continue
            items.append((g.stem, read_article(text), load_gold(g)))
    if not items:
        raise InputError(", ".join(map(str, gold_dirs)), "no gold article found")
    return items


def run(args: argparse.Namespace) -> int:
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise InputError("kg train-relations", "needs scikit-learn: pip install -e '.[train]'") from None
    from kg.evaluation.gold import combine, format_score, score
    from kg.rdf.triples import to_rdf
    from kg.extract import learned as LR
    from kg.extract.pipeline import Extractor
    from kg.evaluation.relation_training import DEFAULT_BALANCE, DEFAULT_C, DEFAULT_THRESHOLD, collect, cross_validate, fit
    from kg.graph import build_graph
    from kg.records import RelationKind

    C = args.C if args.C is not None else DEFAULT_C
    threshold = args.threshold if args.threshold is not None else DEFAULT_THRESHOLD
    balance = args.balance if args.balance is not None else DEFAULT_BALANCE
    try:
        kinds = tuple(RelationKind(k.strip()) for k in args.kinds.split(",") if k.strip())
    except ValueError:
        raise InputError("--kinds", f"unknown relation kind in {args.kinds!r}") from None
    items = gold_items(args.gold_dir, args.texts)
    extractor = Extractor(use_ner=False)
    report: dict = {"articles": len(items), "C": C, "threshold": threshold, "balance": balance,
                    "kinds": [k.value for k in kinds], "mode": args.mode}
    if args.folds and args.folds > 1:
        per, total = cross_validate(items, extractor, k=args.folds, C=C, threshold=threshold, kinds=kinds,
                                    mode=args.mode, out_dir=args.cv_out, balance=balance)
        print(f"cross-validated ({args.folds} folds by article, {len(items)} articles):")
        print(format_score(total))
        report["cv"] = total.as_dict()
        if len(args.gold_dir) > 1:
            for gd in args.gold_dir:
                stems = {g.stem for g in gd.glob("*.json")}
                sub = combine([per[s] for s, _a, _g in items if s in stems])
                print(f"\ncross-validated, the articles of {gd} only:")
                print(format_score(sub))
                report.setdefault("cv_by_folder", {})[str(gd)] = sub.as_dict()
    meta = {"articles": len(items), "folds": args.folds, "trained_on": [s for s, _a, _g in items]}
    model = fit(collect(items, extractor), C=C, threshold=threshold, kinds=kinds, mode=args.mode, balance=balance,
                meta=meta)
    extractor.nlp.get_pipe("parkkg_relations").model = model
    fit_total = combine([score(g, to_rdf(build_graph([extractor.extract(a)]))) for _s, a, g in items])
    print(f"\nfit (model fitted on all {len(items)} articles, scored on them):")
    print(format_score(fit_total))
    report["fit"] = fit_total.as_dict()
    if not args.no_write:
        out = args.output or LR.MODEL_PATH
        out.write_text(model.to_json(), encoding="utf-8")
        print(f"\nkg train-relations: model written to {out}")
    if args.json_out:
        args.json_out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0
