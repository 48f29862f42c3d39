"""``kg diff OLD NEW``: triples added and removed between two builds (or two RDF files), or with ``--entities``
the entities and relations added and removed, in labels."""
from __future__ import annotations

import argparse
import csv
import json
import sys

from kg.errors import UsageError, printable

EPILOG = """examples:
  kg diff out-monday/ out-tuesday/
  kg diff old/graph.ttl new/graph.ttl --stat
  kg diff out-monday/ out-tuesday/ --entities
  kg diff out-monday/ out-tuesday/ --entities --format json

Prints one N-Triples line per changed triple, "- " removed, "+ " added (sorted), then a summary line on
stderr. --entities prints the entities added (+) and removed (-) per class, then the relations added and
lost per park (a relation without a park under its head entity), by label:
  entities
    Company: +宏泰精密有限公司
  relations
    青川高新区: +宏泰精密有限公司 (hosts)
    青川高新区: -王海明 (← worksFor)
"←" marks a relation pointing at the group entity; partnersWith is listed once.
Exit code 0 when the graphs are the same (with --entities: the same entities and relations), 1 when they
differ, 2 on an error (a missing folder, an unreadable or invalid graph, bad options), like diff(1)."""

FORMATS = ("text", "csv", "json")
CSV_COLUMNS = ("section", "change", "group", "group_class", "relation", "inverse", "label", "class")
CHANGE = {"+": "added", "-": "removed"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("diff", help="triples (or entities and relations) added and removed between two graphs",
                       description="Compare two build output folders (their graph.ttl) or two RDF files as sets "
                                   "of triples, or of entities and relations (--entities).",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("old", metavar="OLD", help="output folder or RDF file (before)")
    p.add_argument("new", metavar="NEW", help="output folder or RDF file (after)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--stat", action="store_true", help="only counts per predicate, no triples")
    mode.add_argument("--entities", action="store_true",
                      help="entities and relations added and removed, by label")
    p.add_argument("--format", choices=FORMATS, help="format of the --entities report (default: text)")
    p.set_defaults(func=run, error_status=2)


def run(args: argparse.Namespace) -> int:
    if args.format and not args.entities:
        raise UsageError("--format is for the --entities report")
    if args.entities:
        return _entities(args)
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


def _entities(args: argparse.Namespace) -> int:
    from kg.diff import entity_diff

    d = entity_diff(args.old, args.new)
    out = sys.stdout
    fmt = args.format or "text"
    if fmt == "text":
        if d.entities:
            out.write("entities\n")
        for e in d.entities:
            out.write(printable(f"  {e.cls}: {e.change}{e.label}") + "\n")
        if d.relations:
            out.write("relations\n")
        for r in d.relations:
            kind = f"← {r.relation}" if r.inverse else r.relation
            out.write(printable(f"  {r.group}: {r.change}{r.label} ({kind})") + "\n")
    else:
        entities = [{"change": CHANGE[e.change], "label": e.label, "class": e.cls} for e in d.entities]
        relations = [{"change": CHANGE[r.change], "group": r.group, "group_class": r.group_class,
                      "relation": r.relation, "inverse": r.inverse, "label": r.label, "class": r.cls}
                     for r in d.relations]
        if fmt == "json":
            out.write(json.dumps({"entities": entities, "relations": relations}, ensure_ascii=False, indent=1)
                      + "\n")
        else:
            writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows({"section": "entity", **row} for row in entities)
            writer.writerows({"section": "relation", **row, "inverse": str(row["inverse"]).lower()}
                             for row in relations)
    out.flush()
    counts = [sum(c.change == sign for c in changes) for changes in (d.entities, d.relations) for sign in "+-"]
    print("entities: +{} -{}; relations: +{} -{}".format(*counts), file=sys.stderr)
    return 0 if d.same else 1
