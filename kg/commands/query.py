"""``kg query``: SPARQL 1.1 over a build's store (inline, from a file, or a named query)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.errors import QueryError, printable

FORMATS = ("table", "csv", "tsv", "json", "xlsx")

EPILOG = """examples:
  kg query out/ --list
  kg query out/ --name firms-in-park --param park=聊城高新区
  kg query out/ --name fortune500-partners --format csv
  kg query out/ --name park-overview --format xlsx -o parks.xlsx
  kg query out/ 'SELECT ?park WHERE { ?p a pk:Park ; rdfs:label ?park }'
  kg query out/ 'SELECT ?firm ?name WHERE { ?p rdfs:label ?name ; pk:hosts/rdfs:label ?firm }' --param name=聊城高新区
  kg query out/ -f my-query.rq --format json

Our prefixes (pk:, park:, company:, person:, place:, ..., id:, rdf:, rdfs:, owl:, skos:, prov:, dcterms:, xsd:)
need no PREFIX line. Queries are read-only: updates and SERVICE are refused. Parameters are bound as RDF terms
(never pasted into the query text); a named query's name parameter matches rdfs:label or skos:altLabel, and
when nothing matches, a line on stderr names the closest names the graph holds (the exit status stays 0).
With -f or an inline query, --param NAME=VALUE binds ?NAME, which the query must select (the column is not
printed), as the plain string or as the form the graph holds ("…"@zh): ?label = ?name and STR(?label) = ?name
both match."""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("query", help="run SPARQL against a build (inline, -f FILE or --name)",
                       description="Run a read-only SPARQL 1.1 query against the store of a build output folder.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", nargs="?", metavar="OUT", help="build output folder (or a Turtle file)")
    p.add_argument("query", nargs="?", metavar="SPARQL", help="the query text")
    p.add_argument("-f", "--file", type=Path, metavar="FILE", help="read the query from FILE (.rq)")
    p.add_argument("-n", "--name", metavar="NAME", help="run the named query NAME (see --list)")
    p.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                   help="bind a query parameter (repeatable)")
    p.add_argument("--list", action="store_true", help="list the named queries and their parameters")
    p.add_argument("--format", choices=FORMATS, default="table",
                   help="output format (json: SPARQL 1.1 results JSON; xlsx: an Excel workbook, needs -o; "
                        "default: table)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE (default: standard output)")
    p.add_argument("--max-width", type=int, default=80, metavar="N",
                   help="clip table cells to N columns (0: never; default 80)")
    p.set_defaults(func=run)


def _list() -> int:
    from kg.store.sparql import display_width, list_queries

    queries = list_queries()
    width = max(display_width(q.name) for q in queries)
    lines = []
    for q in queries:
        lines.append(f"{q.name.ljust(width)}  {q.description}")
        for prm in q.params:
            flag = "required" if prm.required else "optional"
            lines.append(f"{'':{width}}    --param {prm.name}=…  ({flag}) {prm.description}")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def run(args: argparse.Namespace) -> int:
    from kg.io import write_atomic
    from kg.store.database import open_store
    from kg.store.sparql import (bindings_for, format_result, format_xlsx, get_query, parse_named_query,
                                 parse_param_args, run_query, run_with_params, unknown_value_hints)

    if args.list:
        return _list()
    sources = [s for s in (args.query, args.file, args.name) if s]
    if args.out is None or len(sources) != 1:
        raise QueryError("give OUT and exactly one of: a query text, -f FILE, --name NAME (or --list)")
    if args.format == "xlsx" and args.output is None:
        raise QueryError("--format xlsx writes a workbook: give -o FILE.xlsx")
    params = parse_param_args(args.param)
    named = None
    if args.name:
        named = get_query(args.name)
        text = named.text
    elif args.file:
        try:
            text = args.file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as e:
            raise QueryError(f"{args.file}: cannot read: {e}") from e
        try:
            cand = parse_named_query(text, args.file)
            named = cand if cand.params else None
        except QueryError:
            named = None
    else:
        text = args.query
    bindings = bindings_for(named, params) if named is not None else None
    store = open_store(args.out)
    if named is not None:
        result = run_query(store, text, bindings, hide=[p.variable for p in named.params])
        if result.kind == "select" and not result.rows:   # say which name the graph does not hold
            for line in unknown_value_hints(store, named, params):
                print(f"kg query: {printable(line)}", file=sys.stderr)
    else:
        result = run_with_params(store, text, params)
    if args.format == "xlsx":
        data = format_xlsx(result, sheet=named.name if named is not None else "query")
    else:
        data = format_result(result, args.format, args.max_width).encode("utf-8")
    if args.output is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        write_atomic(args.output, data)
        n = 1 if result.kind == "ask" else len(result.rows or result.triples)
        print(f"kg query: wrote {args.output} ({n} row{'s' if n != 1 else ''})", file=sys.stderr)
    return 0
