"""The interactive HTML view of the graph: one self-contained file that makes no network request.

``render_html(G, path, ...)`` draws a networkx graph (schema in docs/DESIGN.md) and ``graph_from_turtle(path)``
rebuilds that graph from ``OUT/graph.ttl`` for ``kg view``.

Why not pyvis's ``Network.write_html``: pyvis 0.3.2's template loads Bootstrap and tom-select from CDNs even
with ``cdn_resources="local"`` or ``"in_line"``, ``from_nx`` mutates the graph it is given, node tooltips are
HTML strings that its template puts into the page with ``innerHTML`` (an injection route for names taken from
articles), and it cannot precompute a layout for large graphs. So this package writes vis-network's node and
edge data itself as JSON and uses its own small template and script (``assets/``), with the vis-network
standalone build (9.1.9, MIT/Apache-2.0, licences beside it) in-lined. Article text reaches the page only as
JSON inside a ``<script type="application/json">`` element, with ``<``, ``>``, ``&``, U+2028 and U+2029
escaped, and is put into the DOM with ``textContent``; vis-network shows string tooltips as plain text. A
Content-Security-Policy allows only the page's own two scripts (by hash) and no request of any kind.

Layout: graphs up to :data:`PHYSICS_THRESHOLD` nodes start from a precomputed layout and settle with
vis-network's physics, which is switched off once stable; larger ones use the precomputed layout
(:mod:`kg.view.layout`) with physics off.
"""
from kg.view.page import PHYSICS_THRESHOLD, render_html, script_json, view_data
from kg.view.rdf import graph_from_turtle
from kg.view.subgraph import ViewError, find_node, select

__all__ = ["PHYSICS_THRESHOLD", "ViewError", "find_node", "graph_from_turtle", "render_html", "script_json",
           "select", "view_data"]
