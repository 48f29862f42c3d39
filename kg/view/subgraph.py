"""Choosing what the view draws: an entity's ego graph, class and relation filters, a node budget.

Plain functions over the networkx graph of ``kg.graph`` (schema in docs/DESIGN.md); they never modify it.
"""
from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from kg.errors import ParkKGError
from kg.records import EntityClass, RelationKind
from kg.vocab import normalise_name


class ViewError(ParkKGError):
    """The view cannot be drawn as asked (an unknown entity, class or relation kind)."""


def names_of(G: nx.MultiDiGraph, node: str) -> list[str]:
    """Every name of a node, fullest first: ``label``, ``alt_labels``, ``label_en``."""
    data = G.nodes[node]
    names = [data.get("label") or ""] + list(data.get("alt_labels") or ()) + [data.get("label_en") or ""]
    out: list[str] = []
    for name in names:
        if name and name not in out:
            out.append(name)
    return out


def find_node(G: nx.MultiDiGraph, name: str) -> str:
    """The node called ``name`` (its label, any alias, its English name or its IRI), compared after
    :func:`kg.vocab.normalise_name` and case-folding. A label match beats an alias match; among equals the
    node with most relations wins. Raises :class:`ViewError` when nothing matches.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("id:1", label="聊城高新区", alt_labels=("聊城高新技术产业开发区",))
    >>> find_node(G, "聊城高新技术产业开发区")
    'id:1'
    """
    if name in G:
        return name
    want = normalise_name(name).casefold()
    best: tuple[int, int, str] | None = None
    for node, data in G.nodes(data=True):
        for rank, cand in enumerate(names_of(G, node)):
            if normalise_name(cand).casefold() == want:
                key = (0 if rank == 0 else 1, -G.degree(node), node)
                if best is None or key < best:
                    best = key
                break
    if best is None:
        raise ViewError(f"no entity named {name!r} in the graph")
    return best[2]


def _parse_set(values: Iterable[str] | None, allowed: Iterable[str], what: str) -> set[str] | None:
    if values is None:
        return None
    allowed = list(allowed)
    by_fold = {a.casefold(): a for a in allowed}
    out = set()
    for value in values:
        value = value.strip()
        if not value:
            continue
        if value.casefold() not in by_fold:
            raise ViewError(f"unknown {what} {value!r}; choose from {', '.join(allowed)}")
        out.add(by_fold[value.casefold()])
    return out


def parse_classes(values: Iterable[str] | None) -> set[str] | None:
    """Validate class names (case-insensitive) against :class:`kg.records.EntityClass`."""
    return _parse_set(values, [c.value for c in EntityClass], "class")


def parse_kinds(values: Iterable[str] | None) -> set[str] | None:
    """Validate relation kinds (case-insensitive) against :class:`kg.records.RelationKind`."""
    return _parse_set(values, [k.value for k in RelationKind], "relation kind")


def select(G: nx.MultiDiGraph, *, focus: str | None = None, depth: int = 2, classes: set[str] | None = None,
           kinds: set[str] | None = None, max_nodes: int | None = None) -> tuple[list[str], list[tuple[str, str, str]]]:
    """The nodes and edges ``(u, v, kind)`` to draw, in a stable order.

    - ``classes``: keep nodes of these classes only; ``kinds``: keep edges of these kinds only, and drop the
      nodes that this leaves without any edge (they had only other kinds).
    - ``focus``/``depth``: the ego graph of the entity named ``focus`` (any of its names), radius ``depth``,
      ignoring edge direction, taken after the filters above. The focus node is always kept.
    - ``max_nodes``: keep at most this many nodes: nearest to the focus first, then most connected.
    """
    classes = parse_classes(classes)
    kinds = parse_kinds(kinds)
    if depth < 0:
        raise ViewError(f"depth must be 0 or more, not {depth}")
    if max_nodes is not None and max_nodes < 1:
        raise ViewError(f"max-nodes must be 1 or more, not {max_nodes}")
    center = find_node(G, focus) if focus else None

    nodes = set(G.nodes)
    if classes is not None:
        nodes = {n for n in nodes if G.nodes[n].get("cls") in classes or n == center}
    edges = [(u, v, k) for u, v, k in G.edges(keys=True)
             if u in nodes and v in nodes and (kinds is None or k in kinds)]
    if kinds is not None:
        touched = {u for u, _, _ in edges} | {v for _, v, _ in edges}
        had_edges = {n for n in nodes if G.degree(n)}
        nodes = {n for n in nodes if n in touched or n not in had_edges or n == center}

    dist: dict[str, int] = {}
    if center is not None:
        adj: dict[str, set[str]] = {n: set() for n in nodes}
        for u, v, _ in edges:
            adj[u].add(v)
            adj[v].add(u)
        dist = {center: 0}
        frontier = [center]
        for d in range(1, depth + 1):
            nxt = []
            for n in frontier:
                for m in sorted(adj[n]):
                    if m not in dist:
                        dist[m] = d
                        nxt.append(m)
            frontier = nxt
        nodes = set(dist)

    degree = {n: 0 for n in nodes}
    for u, v, _ in edges:
        if u in nodes and v in nodes:
            degree[u] += 1
            degree[v] += 1
    order = sorted(nodes, key=lambda n: (dist.get(n, 0), -degree[n], n))
    if max_nodes is not None:
        order = order[:max_nodes]
    kept = set(order)
    chosen_edges = sorted((u, v, k) for u, v, k in edges if u in kept and v in kept)
    return sorted(order), chosen_edges
