"""``kg evaluate``: score the NER on the public test sets, and the whole pipeline on gold annotations.

``--gold GOLD.json OUT.ttl|OUT/`` scores a built graph; ``--gold GOLD.json --article FILE`` builds the article's
graph in memory first and also times the pipeline (characters per second). ``--gold-dir GOLD/ --texts TEXTS/``
scores a set: each ``GOLD/<stem>.json`` against ``TEXTS/<stem>.txt`` extracted on its own, micro-averaged as the
reference set scorer does (:func:`kg.evaluation.gold.score_set`). Scoring rules: :mod:`kg.evaluation.gold`.
"""
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
        "evaluate", help="score the pipeline on gold files, or the NER on public test sets (P/R/F1, chars/s)",
        description="--gold: P/R/F1 of a graph against a gold annotation in the ParkKG eval format, per entity "
                    "class, per relation kind and overall, and the pipeline's speed in characters per second "
                    "(give OUT.ttl or a build folder OUT/ to score a built graph; --article FILE to build the "
                    "article's graph and time the pipeline). --gold-dir GOLD/ --texts TEXTS/: a set of articles, "
                    "each GOLD/<stem>.json against TEXTS/<stem>.txt (or .md/.html) extracted and built on its own, "
                    "with micro P/R/F1 per class and relation kind summed over the articles and the last line "
                    "'set micro E=... R=... mean E=... R=... (N articles)', as the reference set scorer prints "
                    "them; an article whose text is missing is named and counts as an article without output. "
                    "--public: exact-span P/R/F1 per class and overall, "
                    "and speed, of the trained NER on the public test sets: "
                    + "; ".join(f"{s.name}: {s.description}" for s in PUBLIC_SETS.values())
                    + ". The full test sets are not in the repository: --data-dir names the folder that holds "
                      "them (default $PARKKG_DATA_DIR).",
        epilog="Examples: kg evaluate --gold GOLD.json out/graph.ttl; kg evaluate --gold GOLD.json --article "
               "article.txt --verbose; kg evaluate --gold-dir eval/gold --texts eval/texts --out eval/out "
               "(then score_set.py eval/gold eval/out reads the same graphs); kg evaluate --gold-dir seeds/gold "
               "--texts seeds/texts --gold-dir fresh/gold --texts fresh/texts --stems a,f01 (--gold-dir and "
               "--texts pair in order); kg evaluate --public --data-dir DATA --sets peoples_daily,cluener")
    p.add_argument("outputs", nargs="*", metavar="OUT.ttl|OUT/",
                   help="graphs to score against the --gold files, in the same order (one article each)")
    p.add_argument("--public", action="store_true", help="score on the public NER test sets")
    p.add_argument("--gold", type=Path, action="append", default=[], metavar="FILE.json",
                   help="score on a gold file in the ParkKG eval format (repeatable; paired in order with the "
                        "graphs or the --article files)")
    p.add_argument("--article", type=Path, action="append", default=[], metavar="FILE",
                   help="with --gold: extract this article (time it) and score its graph (repeatable)")
    p.add_argument("--gold-dir", type=Path, action="append", default=[], metavar="GOLD_DIR",
                   help="score a set: every GOLD_DIR/<stem>.json against the article <stem> of the --texts folder "
                        "given with it (repeatable; paired in order with --texts)")
    p.add_argument("--texts", type=Path, action="append", default=[], metavar="TEXT_DIR",
                   help="with --gold-dir: the folder holding the articles <stem>.txt (or .md/.html) of that set")
    p.add_argument("--stems", default=None, metavar="a,b",
                   help="with --gold-dir: only these stems (comma-separated)")
    p.add_argument("--out", type=Path, default=None, metavar="OUT_DIR",
                   help="with --gold-dir: also write OUT_DIR/<stem>/graph.ttl for each article (the layout the "
                        "reference set scorer score_set.py reads)")
    p.add_argument("--ner", action="store_true",
                   help="with --article or --gold-dir: run the pipeline with the statistical NER (default: as "
                        "kg build, $PARKKG_NER)")
    p.add_argument("--verbose", "-v", action="store_true",
                   help="with --gold: list missed and spurious entities and relations; with --gold-dir: print "
                        "each article's full report with them")
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
    if (args.outputs or args.article) and not args.gold:
        raise InputError(" ".join(map(str, args.outputs + args.article)), "scoring a graph needs --gold FILE.json")
    if args.gold_dir and args.gold:
        raise InputError("kg evaluate", "give --gold FILE.json (one article each) or --gold-dir GOLD_DIR (a set), "
                                        "not both")
    if (args.texts or args.stems or args.out) and not args.gold_dir:
        raise InputError("kg evaluate", "--texts, --stems and --out go with --gold-dir GOLD_DIR")
    if not args.public and not args.gold and not args.gold_dir:
        raise InputError("kg evaluate", "nothing to evaluate: give --public, --gold FILE.json or --gold-dir GOLD_DIR")
    report: dict = {}
    if args.public:
        report["public"] = _run_public(args)
    if args.gold:
        report["gold"] = _run_gold(args)
    if args.gold_dir:
        report["set"] = _run_set(args)
    if args.json_out:
        args.json_out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


def _run_public(args: argparse.Namespace) -> dict:
    from kg.ner import load_ner_pipeline
    from kg.ner.corpora import PUBLIC_SETS
    from kg.ner.benchmark import evaluate_public

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
    """Score graphs (given, or built from --article files) against gold files; print and return the figures."""
    from kg.evaluation.gold import combine, format_score, load_gold, read_graph, score

    golds = [load_gold(p) for p in args.gold]
    outputs, articles = list(args.outputs), list(args.article)
    if outputs and len(outputs) != len(golds):
        raise InputError(" ".join(map(str, outputs)), f"{len(golds)} gold file(s) but {len(outputs)} graph(s): "
                                                      "give one graph per gold file, in the same order")
    if articles and len(articles) != len(golds):
        raise InputError(" ".join(map(str, articles)), f"{len(golds)} gold file(s) but {len(articles)} article(s): "
                                                       "give one --article per gold file, in the same order")
    if not outputs and not articles:
        raise InputError(", ".join(map(str, args.gold)), "nothing to score: give OUT.ttl|OUT/ or --article FILE")
    speed = None
    graphs = []
    if articles:
        graphs, speed = _build_and_time([Path(a) for a in articles], use_ner=True if args.ner else None)
    if outputs:
        graphs = [read_graph(o) for o in outputs]
    scores = []
    out = {}
    for gold, graph, name in zip(golds, graphs, outputs or [str(a) for a in articles]):
        s = score(gold, graph)
        scores.append(s)
        print(f"\ngold: {gold.path}  ({len(gold.ents)} entities, {len(gold.rels)} relations)")
        print(f"system: {name}  ({s.n_sys_entities} entities, {s.n_sys_relations} relations)")
        print(format_score(s, verbose=args.verbose))
        out[gold.path] = s.as_dict()
    if len(scores) > 1:
        total = combine(scores)
        print(f"\nall {len(scores)} gold files (micro-averaged):")
        print(format_score(total))
        out["all"] = total.as_dict()
    if speed is not None:
        n_chars, seconds, passes, label = speed
        cps = n_chars * passes / seconds if seconds else 0.0
        print(f"\nspeed: {cps:,.0f} chars/s ({label}; {n_chars:,} chars x {passes} passes in {seconds:.2f} s, "
              "one process, model loading excluded)")
        out["speed"] = {"chars": n_chars, "passes": passes, "seconds": round(seconds, 3),
                        "chars_per_s": round(cps), "pipeline": label}
    else:
        print("\nspeed: not measured (scoring a graph built earlier; add --article FILE to time the pipeline)")
    return out


def _run_set(args: argparse.Namespace) -> dict:
    """Score each article of one or more gold/text folder pairs on its own; print the set scorer's report."""
    import sys

    from kg.evaluation.gold import collect_set, format_score, format_set, score_set
    from kg.extract.pipeline import Extractor

    if len(args.texts) != len(args.gold_dir):
        raise InputError(" ".join(map(str, args.gold_dir)),
                         f"{len(args.gold_dir)} --gold-dir but {len(args.texts)} --texts: give one --texts folder "
                         "per --gold-dir, in the same order")
    stems = [s.strip() for s in args.stems.split(",") if s.strip()] if args.stems else None

    items = []     # an article whose text is missing is named on its line of the report (format_set)
    for gdir, tdir in zip(args.gold_dir, args.texts):
        items += collect_set(gdir, tdir, stems)
    if stems:
        unknown = [s for s in stems if s not in {i.gold.stem for i in items}]
        if unknown:
            raise InputError(",".join(unknown), "no gold file of these stems in "
                                                + ", ".join(map(str, args.gold_dir)))
    if not items:
        raise InputError(", ".join(map(str, args.gold_dir)), "no gold file (<stem>.json) here")

    def show(res):
        if args.verbose and res.score is not None:
            s = res.score
            print(f"\ngold: {res.gold}  ({s.n_gold_entities} entities, {s.relations['all'].n_gold} relations)\n"
                  f"system: {res.source}  ({s.n_sys_entities} entities, {s.n_sys_relations} relations)")
            print(format_score(s, verbose=True))

    extractor = Extractor(use_ner=True if args.ner else None)
    result = score_set(items, extractor, out_dir=args.out, on_article=show)
    if args.verbose:
        print()
    print(format_set(result))
    if args.out:
        print(f"graphs: {args.out}/<stem>/graph.ttl", file=sys.stderr)
    return result.as_dict()


def _build_and_time(paths: list[Path], use_ner: bool | None, min_seconds: float = 1.0):
    """Each article's graph (rdflib, in memory) and the extraction speed over all of them.

    The extraction is repeated until ``min_seconds`` have passed (at least once after a warm-up run), so the
    figure does not depend on one short article's timer noise.
    """
    import time

    from kg.rdf.triples import to_rdf
    from kg.extract.pipeline import Extractor
    from kg.graph import build_graph
    from kg.ingest import read_article

    articles = [read_article(p) for p in paths]
    extractor = Extractor(use_ner=use_ner)
    graphs = [to_rdf(build_graph([extractor.extract(a)])) for a in articles]   # also the warm-up
    n_chars = sum(len(a.text) for a in articles)
    passes, start = 0, time.perf_counter()
    while True:
        for a in articles:
            extractor.extract(a)
        passes += 1
        seconds = time.perf_counter() - start
        if seconds >= min_seconds:
            break
    label = "rules + gazetteers + statistical NER" if "ner" in extractor.nlp.pipe_names else "rules + gazetteers"
    return graphs, (n_chars, seconds, passes, label)
