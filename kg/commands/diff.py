"""``kg diff OLD NEW``: triples added and removed between two builds (or two RDF files)."""
from __future__ import annotations

import argparse
import sys

EPILOG = """examples:
  kg diff out-monday/ out-tuesday/
  kg diff old/graph.ttl new/graph.ttl --stat

Prints one N-Triples line per changed triple, "- " removed, "+ " added (sorted), then a summary line on
stderr. Exit code 0 when the graphs are the same, 1 when they differ (like diff(1))."""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("diff", help="triples added and removed between two graphs",
                       description="Compare two build output folders (their graph.ttl) or two RDF files as sets "
                                   "of triples.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("old", metavar="OLD", help="output folder or RDF file (before)")
    p.add_argument("new", metavar="NEW", help="output folder or RDF file (after)")
    p.add_argument("--stat", action="store_true", help="only counts per predicate, no triples")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.diff import by_predicate, diff

    d = diff(args.old, args.new)
    out = sys.stdout
    if args.stat:
        removed, added = by_predicate(d.removed), by_predicate(d.added)
        for p in sorted(set(removed) | set(added)):
            out.write(f"{p}\t-{removed.get(p, 0)}\t+{added.get(p, 0)}\n")
    else:
        for line in d.removed:
            out.write(f"- {line}\n")
        for line in d.added:
            out.write(f"+ {line}\n")
    out.flush()
    print(f"{len(d.removed)} triple(s) removed, {len(d.added)} added ({d.old_size} -> {d.new_size} triples)",
          file=sys.stderr)
    return 0 if d.same else 1
