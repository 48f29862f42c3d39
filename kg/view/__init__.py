"""The interactive HTML view of the graph: one self-contained file that makes no network request.

``to_pyvis(G, ...)`` builds the view of a networkx graph (schema in docs/DESIGN.md) as a
``pyvis.network.Network``: its ``nodes``/``edges`` are the vis-network items the page draws (labels, plain-text
tooltips, class groups, the precomputed layout, plus the data of the side panel), its ``options`` the
vis-network options, and its template ParkKG's own (``assets/view.html``). A notebook can change the network
and ``show``/``write_html`` it; ``render_html(G, path, ...)`` writes the same page for ``kg build`` and
``kg view``, and ``graph_from_turtle(path)`` rebuilds the networkx graph from ``OUT/graph.ttl``.

Why ParkKG's template and not pyvis's: pyvis 0.3.2's template loads Bootstrap and tom-select from CDNs even
with ``cdn_resources="local"`` or ``"in_line"``, puts node tooltips into the page with ``innerHTML`` (an
injection route for names taken from articles) and embeds the data unescaped in a script. Ours in-lines the
vis-network standalone build (9.1.9, MIT/Apache-2.0, licences beside it), carries the network only as
script-safe JSON in a ``<script type="application/json">`` element (``<``, ``>``, ``&``, U+2028 and U+2029
escaped), puts text into the DOM with ``textContent`` (vis-network shows string tooltips as plain text) and
sets a Content-Security-Policy that allows only the page's own two scripts (by hash) and no request of any
kind. pyvis's ``from_nx`` (which mutates the graph it is given) and ``add_node`` (quadratic) are not used: the
node and edge lists are filled directly.

Layout: graphs up to :data:`PHYSICS_THRESHOLD` nodes start from a precomputed layout and settle with
vis-network's physics, which is switched off once stable; larger ones use the precomputed layout
(:mod:`kg.view.layout`) with physics off.
"""
from kg.view.network import PHYSICS_THRESHOLD, to_pyvis
from kg.view.page import render_html, script_json, view_data
from kg.rdf.read import graph_from_turtle
from kg.view.subgraph import ViewError, find_node, select

__all__ = ["PHYSICS_THRESHOLD", "ViewError", "find_node", "graph_from_turtle", "render_html", "script_json",
           "select", "to_pyvis", "view_data"]
