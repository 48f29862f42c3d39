"""``kg export``: the graph of a build as Turtle, N-Triples, JSON-LD or TriG, or as tables (CSV, Excel) and
GraphML for analysts' tools."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

EPILOG = """examples:
  kg export out/ --format ntriples -o graph.nt
  kg export out/ --format trig -o graph.trig     # one named graph per article, plus the ontology
  kg export out/ --format jsonld > graph.jsonld
  kg export out/ --format csv -o tables/       # entities.csv, relations.csv, firms-by-park.csv (UTF-8, BOM)
  kg export out/ --format xlsx -o graph.xlsx   # the same three tables, one sheet each
  kg export out/ --format graphml -o graph.graphml   # for Gephi and yEd"""

RDF_FORMATS = ("turtle", "ntriples", "jsonld", "trig")
TABLE_FORMATS = ("csv", "xlsx", "graphml")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write the graph as RDF (turtle, ntriples, jsonld, trig), CSV, xlsx or "
                                      "graphml",
                       description="Convert the graph of a build output folder to another RDF format, or to "
                                   "tables and a graph file. TriG puts each article's statements and the entities "
                                   "it mentions in a named graph (the article's IRI) and the ontology in "
                                   "<https://w3id.org/parkkg/ontology>. csv writes entities.csv, relations.csv "
                                   "(one row per evidence sentence) and firms-by-park.csv into the folder -o; "
                                   "xlsx the same three tables as sheets of one workbook; graphml the entities "
                                   "and relations for Gephi or yEd. Several values in a cell are joined with "
                                   "' | '.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", metavar="OUT", type=Path, help="build output folder")
    p.add_argument("--format", choices=RDF_FORMATS + TABLE_FORMATS, default="turtle",
                   help="output format (default: turtle)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help="write to FILE, a folder for csv (default: standard output; csv and xlsx need -o)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.format in TABLE_FORMATS:
        return _run_tables(args)
    from kg.store.formats import export, serialise

    if args.output:
        n = export(args.out, args.format, args.output)
        print(f"wrote {args.output} ({n:,} bytes, {args.format})", file=sys.stderr)
    else:
        sys.stdout.buffer.write(serialise(args.out, args.format))
        sys.stdout.flush()
    return 0


def _run_tables(args: argparse.Namespace) -> int:
    from kg.errors import UsageError
    from kg.store.tables import export_tables, graphml_bytes, read_graph

    if args.output is None:
        if args.format != "graphml":
            where = "FOLDER (for its three files)" if args.format == "csv" else "FILE.xlsx"
            raise UsageError(f"--format {args.format} needs -o {where}")
        sys.stdout.buffer.write(graphml_bytes(read_graph(args.out)))
        sys.stdout.flush()
        return 0
    for path, holds in export_tables(args.out, args.format, args.output):
        print(f"wrote {path} ({holds}, {args.format})", file=sys.stderr)
    return 0
