"""``kg build PATH... -o OUT/``"""
from __future__ import annotations

import argparse
import sys

from kg.build import build, format_summary
from kg.errors import InputError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build", help="extract a knowledge graph from articles",
        description="Read articles (files, folders, JSONL), extract parks, firms, people and their relations, "
                    "and write OUT/graph.ttl, OUT/graph.html, OUT/store/ and OUT/summary.json.",
        epilog="Example: kg build seeds/ -o out/",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="a .txt/.md/.html file, a folder (recursive) or a .jsonl file")
    p.add_argument("-o", "--out", required=True, metavar="OUT", help="output folder")
    p.add_argument("--no-html", action="store_true", help="do not write graph.html")
    p.add_argument("--no-store", action="store_true", help="do not write the SPARQL store")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar (default: when stderr is a terminal)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    def on_error(err: InputError) -> None:
        print(f"skipped {err.source}: {err.problem}", file=sys.stderr)

    progress = sys.stderr.isatty() if args.progress is None else args.progress
    report = build(args.paths, args.out, html=not args.no_html, store=not args.no_store, on_error=on_error,
                   progress=progress)
    print(format_summary(report))
    return 0
