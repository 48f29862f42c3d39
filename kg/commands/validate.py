"""``kg validate``: check a build's graph against the SHACL shapes (ontology/shapes.ttl)."""
from __future__ import annotations

import argparse
from pathlib import Path

EPILOG = """examples:
  kg validate out/
  kg validate out/graph.ttl --lang zh

Exit code 0 when the graph conforms, 1 when it does not (one line per problem: focus node, property, message)."""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="check the graph against the SHACL shapes",
                       description="Validate the graph of a build output folder (or a Turtle file) against "
                                   "ontology/shapes.ttl with pyshacl.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", metavar="OUT", type=Path, help="build output folder or Turtle file")
    p.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the messages (default en)")
    p.add_argument("--max", type=int, default=200, metavar="N", help="show at most N problems (default 200)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.validate import validate_out

    conforms, problems = validate_out(args.out, lang=args.lang)
    if conforms:
        print(f"{args.out}: conforms to the ParkKG shapes")
        return 0
    for v in problems[: max(0, args.max)]:
        print(v)
    more = len(problems) - max(0, args.max)
    tail = f" ({more} more not shown)" if more > 0 else ""
    print(f"{args.out}: does not conform: {len(problems)} problem{'s' if len(problems) != 1 else ''}{tail}")
    return 1
