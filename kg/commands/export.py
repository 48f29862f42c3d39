"""``kg export``: the graph of a build as Turtle, N-Triples, JSON-LD or TriG."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

EPILOG = """examples:
  kg export out/ --format ntriples -o graph.nt
  kg export out/ --format trig -o graph.trig     # one named graph per article, plus the ontology
  kg export out/ --format jsonld > graph.jsonld"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write the graph as turtle, ntriples, jsonld or trig",
                       description="Convert the graph of a build output folder to another RDF format. TriG puts "
                                   "each article's statements and the entities it mentions in a named graph "
                                   "(the article's IRI) and the ontology in <https://w3id.org/parkkg/ontology>.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", metavar="OUT", type=Path, help="build output folder")
    p.add_argument("--format", choices=("turtle", "ntriples", "jsonld", "trig"), default="turtle",
                   help="output format (default: turtle)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE (default: standard output)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.store.formats import export, serialise

    if args.output:
        n = export(args.out, args.format, args.output)
        print(f"wrote {args.output} ({n:,} bytes, {args.format})", file=sys.stderr)
    else:
        sys.stdout.buffer.write(serialise(args.out, args.format))
        sys.stdout.flush()
    return 0
