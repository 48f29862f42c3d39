"""``kg query``: SPARQL 1.1 over a build's store (inline, from a file, or a named query)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.errors import QueryError

EPILOG = """examples:
  kg query out/ --list
  kg query out/ --name firms-in-park --param park=聊城高新区
  kg query out/ --name fortune500-partners --format csv
  kg query out/ 'SELECT ?park WHERE { ?p a pk:Park ; rdfs:label ?park }'
  kg query out/ -f my-query.rq --format json

Our prefixes (pk:, id:, rdf:, rdfs:, owl:, skos:, prov:, dcterms:, xsd:) need no PREFIX line.
Parameters are bound as RDF terms (never pasted into the query text); a name matches rdfs:label or
skos:altLabel. With -f or an inline query, --param NAME=VALUE binds ?NAME, which must be projected."""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("query", help="run SPARQL against a build (inline, -f FILE or --name)",
                       description="Run a SPARQL 1.1 query against the store of a build output folder.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", nargs="?", metavar="OUT", help="build output folder (or a Turtle file)")
    p.add_argument("query", nargs="?", metavar="SPARQL", help="the query text")
    p.add_argument("-f", "--file", type=Path, metavar="FILE", help="read the query from FILE (.rq)")
    p.add_argument("-n", "--name", metavar="NAME", help="run the named query NAME (see --list)")
    p.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                   help="bind a query parameter (repeatable)")
    p.add_argument("--list", action="store_true", help="list the named queries and their parameters")
    p.add_argument("--format", choices=("table", "csv", "tsv", "json"), default="table",
                   help="output format (json: SPARQL 1.1 results JSON; default: table)")
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
    from kg.store.sparql import (bindings_for, format_result, get_query, param_term, parse_named_query, parse_param_args, run_query)
    from kg.store.database import open_store

    if args.list:
        return _list()
    sources = [s for s in (args.query, args.file, args.name) if s]
    if args.out is None or len(sources) != 1:
        raise QueryError("give OUT and exactly one of: a query text, -f FILE, --name NAME (or --list)")
    params = parse_param_args(args.param)
    named = None
    if args.name:
        named = get_query(args.name)
        text = named.text
    else:
        if args.file:
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
    if named is not None:
        bindings = bindings_for(named, params)
        hide = [p.variable for p in named.params]
    else:
        bindings = {k: param_term(v) for k, v in params.items()}
        hide = list(bindings)
    store = open_store(args.out)
    result = run_query(store, text, bindings, hide=hide)
    sys.stdout.write(format_result(result, args.format, args.max_width))
    return 0
