"""``kg push``: load a build's graph into a triple store (SPARQL 1.1 Graph Store HTTP Protocol)."""
from __future__ import annotations

import argparse
from pathlib import Path

EPILOG = """examples:
  kg push out/ --endpoint http://localhost:7878/store --graph https://example.org/parkkg --replace
  PARKKG_USER=admin PARKKG_PASSWORD=… kg push out/ --endpoint https://fuseki.example.org/parks/data
  PARKKG_TOKEN=… kg push out/ --endpoint https://graphdb.example.org/repositories/parks/rdf-graphs/service

--replace sends PUT (the graph's old content is replaced); without it POST adds to the graph. Without --graph
the default graph is the target. Prefer the environment variables to --password/--token: command lines are
visible to other users of the machine. Credentials are never printed or logged."""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("push", help="load the graph into a triple store (Graph Store Protocol)",
                       description="Send the graph of a build to a SPARQL 1.1 Graph Store HTTP Protocol endpoint "
                                   "(Oxigraph /store, Fuseki /DATASET/data, GraphDB .../rdf-graphs/service).",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", metavar="OUT", type=Path, help="build output folder (or a Turtle file)")
    p.add_argument("--endpoint", required=True, metavar="URL", help="the Graph Store Protocol endpoint URL")
    p.add_argument("--graph", metavar="IRI", help="target named graph (default: the default graph)")
    p.add_argument("--replace", action="store_true", help="replace the graph (PUT) instead of adding (POST)")
    p.add_argument("--user", metavar="U", help="basic auth user (or PARKKG_USER)")
    p.add_argument("--password", metavar="P", help="basic auth password (or PARKKG_PASSWORD)")
    p.add_argument("--token", metavar="T", help="bearer token (or PARKKG_TOKEN)")
    p.add_argument("--timeout", type=float, default=60.0, metavar="S", help="seconds per request, at most 86400 (default 60)")
    p.add_argument("--retries", type=int, default=3, metavar="N",
                   help="retries on 5xx answers, resets and timeouts (default 3)")
    p.add_argument("--insecure", action="store_true", help="do not verify TLS certificates (not recommended)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.errors import PushError
    from kg.push import Credentials, check_timeout, push_out

    check_timeout(args.timeout)
    creds = Credentials.resolve(args.user, args.password, args.token)
    res = push_out(args.out, args.endpoint, graph=args.graph, replace=args.replace, credentials=creds,
                   timeout=args.timeout, insecure=args.insecure, retries=max(0, args.retries))
    target = f"graph <{args.graph}>" if args.graph else "the default graph"
    verb = "replaced" if args.replace else "added to"
    print(f"{verb} {target} at {res.url.split('?')[0]}: {res.n_bytes:,} bytes of Turtle "
          f"({res.method}, HTTP {res.status})")
    return 0
