"""``kg build PATH... -o OUT/``"""
from __future__ import annotations

import argparse
import sys

from kg.build import build, format_summary
from kg.errors import InputError, printable


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build", help="extract a knowledge graph from articles",
        description="Read articles (files, folders, JSONL, CSV, Excel), extract parks, firms, people and their "
                    "relations, and write OUT/graph.ttl, OUT/graph.html, OUT/store/ and OUT/summary.json.",
        epilog="Examples:\n  kg build seeds/ -o out/\n  kg build news/ -o out/ --jobs 4\n"
               "  kg build news/ -o out/ --engine dask --scheduler tcp://10.0.0.5:8786\n\n"
               "A rerun into the same OUT extracts only new or changed articles (state in OUT/state/) and\n"
               "withdraws what deleted articles contributed; the result is the same as a fresh build.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="a .txt/.md/.html/.docx/.pdf file, a folder (recursive), or a .jsonl/.csv/.xlsx file of articles")
    p.add_argument("-o", "--out", required=True, metavar="OUT", help="output folder")
    p.add_argument("--no-html", action="store_true", help="do not write graph.html")
    p.add_argument("--no-store", action="store_true", help="do not write the SPARQL store")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="extraction processes (local engine) or local Dask workers (default 1)")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="where extraction runs: this machine, or a Dask distributed cluster")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                   help="address of a running Dask scheduler (--engine dask; without it a local cluster starts)")
    p.add_argument("--full", action="store_true",
                   help="ignore the saved state and extract every article again")
    p.add_argument("--timings", action="store_true", help="print the seconds spent in each stage")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar (default: when stderr is a terminal)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    def on_error(err: InputError) -> None:
        print(printable(f"skipped {err.source}: {err.problem}"), file=sys.stderr)

    progress = sys.stderr.isatty() if args.progress is None else args.progress
    report = build(args.paths, args.out, html=not args.no_html, store=not args.no_store, on_error=on_error,
                   progress=progress, jobs=args.jobs, engine=args.engine, scheduler=args.scheduler, full=args.full)
    print(format_summary(report))
    if args.timings:
        print("timings: " + ", ".join(f"{k} {v:.2f} s" for k, v in report.timings.items()))
    return 0
