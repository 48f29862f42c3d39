"""``kg evaluate``: score entity extraction on the public NER test sets (and, later, on gold files)."""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from kg.errors import InputError

_REPO = Path(__file__).resolve().parents[2]
# corpora are not shipped (research-use licences): point at them with --data-dir or PARKKG_DATA_DIR
DEFAULT_DATA_DIR = Path(os.environ["PARKKG_DATA_DIR"]) if os.environ.get("PARKKG_DATA_DIR") else None


def add_parser(sub: argparse._SubParsersAction) -> None:
    from kg.ner.corpora import PUBLIC_SETS

    p = sub.add_parser(
        "evaluate", help="score the NER on public test sets (P/R/F1 per class, chars/s)",
        description="Exact-span P/R/F1 per class and overall, and speed, of the trained NER on the public test "
                    "sets: " + "; ".join(f"{s.name}: {s.description}" for s in PUBLIC_SETS.values())
                    + ". The full test sets are not in the repository: --data-dir names the folder that holds "
                      "them (default $PARKKG_DATA_DIR).",
        epilog="Example: kg evaluate --public --data-dir DATA --sets peoples_daily,cluener")
    p.add_argument("--public", action="store_true", help="score on the public NER test sets")
    p.add_argument("--gold", type=Path, action="append", default=[], metavar="FILE.json",
                   help="score on a gold file in the ParkKG eval format (repeatable)")
    p.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR,
                   help="folder holding peoples_daily_ner/, msra_ner/, cluener2020/ (default: $PARKKG_DATA_DIR)")
    p.add_argument("--sets", default=",".join(PUBLIC_SETS),
                   help=f"comma-separated public sets (default: {','.join(PUBLIC_SETS)})")
    p.add_argument("--model", type=Path, default=None, help="NER pipeline folder (default: the shipped model)")
    p.add_argument("--limit", type=int, default=0, help="only the first N sentences of each set")
    p.add_argument("--batch-size", type=int, default=256)
    p.add_argument("--json", dest="json_out", type=Path, help="also write the figures to this JSON file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.public and not args.gold:
        raise InputError("kg evaluate", "nothing to evaluate: give --public and/or --gold FILE.json")
    report: dict = {}
    if args.public:
        report["public"] = _run_public(args)
    if args.gold:
        report["gold"] = _run_gold(args)
    if args.json_out:
        args.json_out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


def _run_public(args: argparse.Namespace) -> dict:
    from kg.ner import load_ner_pipeline
    from kg.ner.corpora import PUBLIC_SETS
    from kg.ner.evaluation import evaluate_public

    names = [n.strip() for n in args.sets.split(",") if n.strip()]
    unknown = [n for n in names if n not in PUBLIC_SETS]
    if unknown:
        raise InputError("--sets", f"unknown public set(s) {', '.join(unknown)}; known: {', '.join(PUBLIC_SETS)}")
    nlp = load_ner_pipeline(args.model)
    if args.data_dir is None or not Path(args.data_dir).is_dir():
        raise InputError(str(args.data_dir or "--data-dir"), "data folder not found (give --data-dir or set PARKKG_DATA_DIR)")
    results = evaluate_public(nlp, args.data_dir, names, limit=args.limit, batch_size=args.batch_size)
    out = {}
    for res in results:
        print(f"\n{res.name}: {res.description}")
        print(f"  {res.n_sentences} sentences, {res.n_chars} chars, {res.chars_per_second:,.0f} chars/s")
        print(f"  {'class':6s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>6s} {'pred':>6s}")
        for label, prf in res.scores.items():
            print(f"  {label:6s} {prf.precision:6.3f} {prf.recall:6.3f} {prf.f1:6.3f} {prf.n_gold:6d} {prf.n_pred:6d}")
        out[res.name] = {"sentences": res.n_sentences, "chars": res.n_chars,
                         "chars_per_s": round(res.chars_per_second),
                         "scores": {lab: {"p": round(s.precision, 4), "r": round(s.recall, 4),
                                          "f1": round(s.f1, 4), "gold": s.n_gold, "pred": s.n_pred}
                                    for lab, s in res.scores.items()}}
    return out


def _run_gold(args: argparse.Namespace) -> dict:
    """Gold-file scoring (ParkKG eval format): to be filled in with the pipeline's extraction."""
    raise InputError(", ".join(map(str, args.gold)), "--gold scoring is not implemented yet")
