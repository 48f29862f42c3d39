"""``kg view OUT``: write the interactive HTML view of a built graph (or of part of it)."""
from __future__ import annotations

import argparse
from pathlib import Path

from kg.errors import OutputError


def _names(text: str) -> set[str]:
    return {part.strip() for part in text.split(",") if part.strip()}


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "view",
        help="write the interactive HTML view of a built graph",
        description="Write a self-contained HTML view of OUT/graph.ttl (no network request when opened): "
                    "search by any name, filters by class and relation, evidence for every relation.",
        epilog="Example: kg view out/ --focus 聊城高新区 --depth 2 -o liaocheng.html",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("out", metavar="OUT", type=Path, help="a build folder holding graph.ttl (or a .ttl file)")
    p.add_argument("--focus", metavar="NAME", help="draw only the neighbourhood of this entity (any of its names)")
    p.add_argument("--depth", metavar="N", type=_positive, default=2,
                   help="with --focus: how many relations away to go, ignoring direction (default 2)")
    p.add_argument("--classes", metavar="C1,C2", type=_names,
                   help="only these classes: Park, Company, Person, GovernmentBody, Institute, Place")
    p.add_argument("--kinds", metavar="K1,K2", type=_names,
                   help="only these relations: hosts, partnersWith, worksFor, locatedIn, subsidiaryOf, manages")
    p.add_argument("--max-nodes", metavar="N", type=_positive,
                   help="draw at most N entities (nearest to --focus first, then the most connected)")
    p.add_argument("--title", default=None, help="page title (default: ParkKG and the folder name)")
    p.add_argument("-o", "--output", metavar="FILE.html", type=Path, help="where to write (default OUT/view.html)")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    from kg.output import current_generation
    from kg.view import graph_from_turtle, render_html

    out: Path = args.out
    given_file = out.suffix == ".ttl"
    folder = out.parent if given_file else out
    ttl = out if given_file else current_generation(out) / "graph.ttl"
    if not ttl.is_file():
        raise OutputError(f"{out if given_file else out / 'graph.ttl'} not found (run `kg build ... -o {out}` first)")
    target = args.output or (folder / "view.html")
    G = graph_from_turtle(ttl)
    title = args.title or f"ParkKG · {folder.resolve().name}"
    fig = render_html(G, target, focus=args.focus, depth=args.depth, classes=args.classes, kinds=args.kinds,
                      max_nodes=args.max_nodes, title=title)
    print(f"wrote {fig['path']}: {fig['nodes']} entities, {fig['edges']} relations "
          f"(of {fig['nodes_total']} and {fig['edges_total']}), physics {'on' if fig['physics'] else 'off'}")
    return 0
