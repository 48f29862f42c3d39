"""Writing the page: the view's pyvis Network (:mod:`kg.view.network`) rendered through ParkKG's template
(:mod:`kg.view.template`) and written atomically."""
from __future__ import annotations

import logging
from pathlib import Path

import networkx as nx

from kg.view.network import PHYSICS_THRESHOLD, build_network, to_pyvis
from kg.view.template import page_data, physics_enabled, script_json

__all__ = ["PHYSICS_THRESHOLD", "network_data", "page_html", "render_html", "script_json", "view_data",
           "write_atomic"]

log = logging.getLogger(__name__)


def render_html(G: nx.MultiDiGraph, path, *, focus: str | None = None, depth: int = 2,
                classes: set[str] | None = None, kinds: set[str] | None = None, max_nodes: int | None = None,
                title: str = "ParkKG", physics_threshold: int = PHYSICS_THRESHOLD) -> dict:
    """Write the interactive view of ``G`` to ``path`` (one HTML file that makes no network request).

    The page is :func:`kg.view.network.to_pyvis`'s Network (same arguments) rendered by pyvis's
    ``generate_html`` through ParkKG's template. ``focus``/``depth``/``classes``/``kinds``/``max_nodes`` choose
    what is drawn (see :func:`kg.view.subgraph.select`). Graphs with more than ``physics_threshold`` nodes get
    a precomputed layout and no physics; smaller ones start from that layout and settle with vis-network's
    physics, which is then switched off. The file is written atomically. Returns the figures: ``path``,
    ``nodes``, ``edges`` (drawn), ``nodes_total``, ``edges_total`` (in ``G``), ``physics`` (bool) and ``bytes``.

    Raises :class:`kg.view.subgraph.ViewError` for an unknown focus, class or kind and
    :class:`kg.errors.OutputError` when the file cannot be written.
    """
    net = to_pyvis(G, focus=focus, depth=depth, classes=classes, kinds=kinds, max_nodes=max_nodes, title=title,
                   physics_threshold=physics_threshold)
    physics = physics_enabled(net)
    page = page_html(net).encode("utf-8")
    path = Path(path)
    write_atomic(path, page)
    log.debug("wrote %s: %d nodes, %d edges, physics %s", path, len(net.nodes), len(net.edges), physics)
    return {"path": str(path), "nodes": len(net.nodes), "edges": len(net.edges), "nodes_total": G.number_of_nodes(),
            "edges_total": G.number_of_edges(), "physics": physics, "bytes": len(page)}


def page_html(net) -> str:
    """The whole page of a Network made by :func:`kg.view.network.to_pyvis` (pyvis's ``generate_html``, which
    renders the network's template). Frees pyvis's copy of the page (``net.html``) afterwards."""
    html = net.generate_html()
    net.html = ""
    return html


def network_data(net) -> dict:
    """The JSON the page's script reads, for a Network made by :func:`kg.view.network.to_pyvis`."""
    nodes, edges, heading, _, _, options = net.get_network_data()
    return page_data(net.templateEnv.globals["parkkg"], nodes, edges, heading, options, physics_enabled(net))


def view_data(G: nx.MultiDiGraph, nodes: list[str], edges: list[tuple[str, str, str]], *, physics: bool,
              title: str = "ParkKG") -> dict:
    """The JSON the page's script reads for the chosen ``nodes`` and ``edges`` of ``G``."""
    return network_data(build_network(G, nodes, edges, physics=physics, title=title))


def write_atomic(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` atomically (temporary file, fsync, rename; see kg.io.atomic_output)."""
    from kg.io import write_atomic as _write

    _write(path, content)
