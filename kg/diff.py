"""``kg diff``: the triples one graph has and the other lacks.

Both sides are a build output folder (its ``graph.ttl``) or an RDF file (Turtle, N-Triples, TriG, N-Quads,
RDF/XML, JSON-LD by extension). Graphs are compared as sets of triples (named graphs are merged); ParkKG graphs
use no blank nodes, so set difference is exact. Parsing uses Oxigraph (a million triples in a few seconds).

Examples
--------
>>> a = {'<s> <p> "1" .'}; b = {'<s> <p> "1" .', '<s> <p> "2" .'}
>>> sorted(b - a)
['<s> <p> "2" .']
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError

GRAPH_FILENAME = "graph.ttl"


def resolve_graph_file(path: str | os.PathLike) -> Path:
    from kg.output import current_generation

    p = Path(path)
    if p.is_dir():
        p = current_generation(p) / GRAPH_FILENAME
        if not p.is_file():
            raise InputError(str(path), f"no {GRAPH_FILENAME} in this folder (is it a `kg build` output?)")
        return p
    if not p.exists():
        raise InputError(str(path), "no such file or folder")
    return p


def read_triples(path: str | os.PathLike) -> set[str]:
    """The triples of an output folder or RDF file, each as one N-Triples line (without the newline)."""
    import pyoxigraph as ox

    f = resolve_graph_file(path)
    try:
        fmt = ox.RdfFormat.from_extension(f.suffix.lstrip(".").lower() or "ttl") or ox.RdfFormat.TURTLE
    except ValueError:
        fmt = ox.RdfFormat.TURTLE
    try:
        quads = ox.parse(path=str(f), format=fmt)
        out = set()
        for q in quads:
            t = q.triple if isinstance(q, ox.Quad) else q
            out.add(f"{t.subject} {t.predicate} {t.object} .")
        return out
    except SyntaxError as e:
        raise InputError(str(f), f"not valid {fmt.name}: {e}") from None
    except OSError as e:
        raise InputError(str(f), e.strerror or str(e)) from None


@dataclass
class Diff:
    added: list[str]
    removed: list[str]
    old_size: int
    new_size: int

    @property
    def same(self) -> bool:
        return not self.added and not self.removed


def diff(old: str | os.PathLike, new: str | os.PathLike) -> Diff:
    a, b = read_triples(old), read_triples(new)
    return Diff(added=sorted(b - a), removed=sorted(a - b), old_size=len(a), new_size=len(b))


def by_predicate(lines: list[str]) -> dict[str, int]:
    """Counts per predicate IRI (the second term of each N-Triples line)."""
    counts: dict[str, int] = {}
    for line in lines:
        p = line.split(" ", 2)[1]
        counts[p] = counts.get(p, 0) + 1
    return dict(sorted(counts.items()))
