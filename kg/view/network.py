"""The view's node/edge model as a :class:`pyvis.network.Network`.

``to_pyvis(G)`` chooses what to draw (:func:`kg.view.subgraph.select`), lays it out (:mod:`kg.view.layout`)
and returns a pyvis ``Network`` whose ``nodes``, ``edges`` and ``options`` are exactly what the page draws:

- ``net.nodes``: one dict per entity, ``id`` its position (0, 1, ...), with vis-network's node options
  ``label``, ``title`` (a plain-text tooltip), ``group`` (the entity class; the class styles are
  ``net.options["groups"]``), ``x``/``y`` (the precomputed layout), ``size``, ``font`` (and ``shape``, ``color``,
  ``borderWidth`` for Fortune Global 500 firms), followed by ParkKG's data for the side panel and the search:
  ``iri``, ``names``, ``en``, ``f500``, ``rank``, ``lists``, ``docs``, ``ndocs``, ``deg``.
- ``net.edges``: one dict per relation with ``id``, ``from``, ``to`` (node ids), ``label``, ``title``, ``color``,
  ``arrows`` (``"to"``, directed kinds only), ``dashes`` (only when the relation is merely implied by a name),
  then ``kind``, ``ev`` (evidence: ``doc``, ``s`` sentence, ``role``, ``implied``) and ``n`` (evidence in all).
- ``net.options``: the vis-network options as a dict (as pyvis keeps them after ``set_options``).
- ``net.heading``: the page title. The graph-level data (articles, legend, totals) is the template's
  ``parkkg`` global, ``net.templateEnv.globals["parkkg"]``.

The network's template is ParkKG's (:mod:`kg.view.template`), so ``net.generate_html()``, ``net.write_html()``
and ``net.show()`` give the same self-contained page as ``kg view`` (no network request, CSP, escaped data),
with whatever a notebook changed in the network. Nodes and edges are put into ``net.nodes``/``net.edges``
directly: pyvis 0.3.2's ``add_node`` checks ``n_id not in self.node_ids`` (a list), quadratic over a whole
graph, and ``add_edge`` rescans every edge on undirected networks.
"""
from __future__ import annotations

import math

import networkx as nx

from kg.view.layout import force_layout
from kg.view.style import (CLASS_STYLE, FONT, FORTUNE500_STYLE, KIND_STYLE, OTHER_CLASS, OTHER_KIND, edge_look,
                           node_look)
from kg.view.subgraph import names_of, select
from kg.view.template import install_template

#: Above this many nodes the layout is computed here and the browser's physics stays off.
PHYSICS_THRESHOLD = 1500

#: Graphs up to this many nodes get more room between nodes (every label fits).
SMALL_GRAPH = 60


def to_pyvis(G: nx.MultiDiGraph, *, focus: str | None = None, depth: int = 2, classes: set[str] | None = None,
             kinds: set[str] | None = None, max_nodes: int | None = None, title: str = "ParkKG",
             physics_threshold: int = PHYSICS_THRESHOLD):
    """The view of ``G`` (schema in docs/DESIGN.md) as a :class:`pyvis.network.Network` with ParkKG's template.

    ``focus``/``depth``/``classes``/``kinds``/``max_nodes`` choose what is drawn (see
    :func:`kg.view.subgraph.select`). Above ``physics_threshold`` nodes the precomputed layout is final
    (physics off); below, the browser settles it with physics and then freezes it. ``G`` is not modified.

    In a notebook::

        net = to_pyvis(G, focus="聊城高新区", depth=1)
        net.options["groups"]["Park"]["color"]["background"] = "#1b5e20"
        net.show("liaocheng.html", notebook=True)

    Raises :class:`kg.view.subgraph.ViewError` for an unknown focus, class or kind.
    """
    nodes, edges = select(G, focus=focus, depth=depth, classes=classes, kinds=kinds, max_nodes=max_nodes)
    return build_network(G, nodes, edges, physics=len(nodes) <= physics_threshold, title=title)


def build_network(G: nx.MultiDiGraph, nodes: list[str], edges: list[tuple[str, str, str]], *, physics: bool,
                  title: str = "ParkKG"):
    """The :class:`pyvis.network.Network` of the chosen ``nodes`` and ``edges`` ``(u, v, kind)`` of ``G``."""
    from pyvis.network import Network

    index = {n: i for i, n in enumerate(nodes)}
    degree = [0] * len(nodes)
    for u, v, _ in edges:
        degree[index[u]] += 1
        degree[index[v]] += 1
    pos = force_layout(len(nodes), [index[u] for u, _, _ in edges], [index[v] for _, v, _ in edges])

    present = {G.nodes[n].get("cls") or "" for n in nodes}
    class_style = {c: s for c, s in CLASS_STYLE.items() if c in present}
    for c in sorted(present - set(CLASS_STYLE)):
        class_style[c] = dict(OTHER_CLASS, en=c or OTHER_CLASS["en"])
    present_kinds = {k for _, _, k in edges}
    kind_style = {k: s for k, s in KIND_STYLE.items() if k in present_kinds}
    for k in sorted(present_kinds - set(KIND_STYLE)):
        kind_style[k] = dict(OTHER_KIND, zh=k, en=k)

    docs_used: set[str] = set()
    out_nodes = []
    for i, n in enumerate(nodes):
        d = G.nodes[n]
        names = names_of(G, n)
        docs = [str(x) for x in d.get("docs") or ()]
        docs_used.update(docs)
        node = _node(i, n, d, names, docs, degree[i], class_style, pos[i])
        out_nodes.append(node)
    out_edges = []
    for j, (u, v, k) in enumerate(edges):
        data = G.edges[u, v, k]
        ev = []
        implied = 0
        for e in data.get("evidence") or ():
            doc = str(e.get("doc_id", ""))
            docs_used.add(doc)
            ev.append({"doc": doc, "s": e.get("sentence", ""), "role": e.get("role", "") or "",
                       "implied": bool(e.get("implied", False))})
            implied += ev[-1]["implied"]
        out_edges.append(_edge(j, out_nodes[index[u]], out_nodes[index[v]], k, ev,
                               data.get("n_evidence", len(ev)), kind_style, dashes=0 < implied == len(ev)))

    articles = G.graph.get("articles") or {}
    out_articles = {}
    for doc in sorted(docs_used):
        a = articles.get(doc) or {}
        out_articles[doc] = {"title": a.get("title", "") or "", "source": a.get("source", "") or doc,
                             "url": a.get("url", "") or "", "date": str(a.get("date", "") or "")}

    net = Network(height="750px", width="100%", directed=True, heading=title, cdn_resources="in_line")
    net.nodes = out_nodes
    net.edges = out_edges
    net.node_ids = [node["id"] for node in out_nodes]
    net.node_map = {node["id"]: node for node in out_nodes}
    net.options = vis_options(class_style, physics=physics, small=len(nodes) <= SMALL_GRAPH)
    meta = {"classes": class_style, "kinds": kind_style, "fortune500": FORTUNE500_STYLE, "articles": out_articles,
            "total": G.graph.get("total") or {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}}
    install_template(net, meta)
    return net


def _node_color(background: str, border: str, selected: str) -> dict:
    return {"background": background, "border": border, "highlight": {"background": background, "border": selected},
            "hover": {"background": background, "border": selected}}


def _node(i: int, iri: str, d: dict, names: list[str], docs: list[str], deg: int, classes: dict, xy) -> dict:
    cls = d.get("cls") or ""
    f500 = bool(d.get("fortune500"))
    ndocs = d.get("n_docs", len(docs))
    size = min(46.0, 11 + 4.5 * math.sqrt(deg))
    # hubs get larger labels, so that zoomed out the picture still names its parks and main firms
    font_size = min(28.0, 12 + 3.5 * math.sqrt(deg))
    if cls == "Park":
        font_size = max(font_size, 20.0)          # parks are what an analyst looks for first
    node = {"id": i, "label": names[0] if names else iri.rsplit("/", 1)[-1], "title": "", "group": cls,
            "x": round(float(xy[0]), 1), "y": round(float(xy[1]), 1), "size": round(size, 1),
            "font": {"size": round(font_size, 1)}}
    if f500:
        node.update(shape=FORTUNE500_STYLE["shape"], size=round(max(size, 20.0), 1), borderWidth=4,
                    borderWidthSelected=5,
                    color=_node_color(classes[cls]["color"], FORTUNE500_STYLE["border"], "#e65100"),
                    font={"size": round(max(font_size, 22.0), 1), "color": "#6d4c00"})
    node.update(iri=iri, names=names, en=d.get("label_en") or "", f500=f500, rank=d.get("fortune500_rank"),
                lists=list(d.get("lists") or ()), docs=docs, ndocs=ndocs, deg=deg)
    node.update(node_look(node, classes))
    return node


def _edge(j: int, u: dict, v: dict, kind: str, ev: list[dict], n: int, kinds: dict, dashes: bool) -> dict:
    """An edge; ``dashes`` when every evidence only implies the relation (by a name)."""
    edge = {"id": j, "from": u["id"], "to": v["id"], "kind": kind, "ev": ev, "n": n}
    item = {"id": j, "from": u["id"], "to": v["id"], **edge_look(edge, kinds, u["label"], v["label"])}
    if dashes:
        item["dashes"] = True
    item.update(kind=kind, ev=ev, n=n)
    return item


def vis_options(class_style: dict, *, physics: bool, small: bool = False) -> dict:
    """vis-network's options for the page: class styles as node groups, physics on (settle, then freeze) or
    off (the precomputed layout is final; no hover effects, edges hidden while dragging or zooming)."""
    big = not physics
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "nodes": {
            "shape": OTHER_CLASS["shape"], "borderWidth": 1.5,
            "color": _node_color(OTHER_CLASS["color"], "#ffffff", "#212121"),
            "font": {"face": FONT, "size": 14, "color": "#263238", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"label": {"drawThreshold": 8}},
        },
        "groups": {c: {"shape": s["shape"], "color": _node_color(s["color"], "#ffffff", "#212121")}
                   for c, s in class_style.items() if c},
        "edges": {
            "width": 1.3, "selectionWidth": 2.5, "hoverWidth": 1.5,
            "color": {"opacity": 0.85}, "arrows": {"to": {"enabled": False, "scaleFactor": 0.5}},
            "font": {"face": FONT, "size": 11, "color": "#546e7a", "strokeWidth": 3, "strokeColor": "#ffffff",
                     "align": "horizontal"},
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.3},
            "scaling": {"label": {"drawThreshold": 9}},
        },
        "interaction": {"hover": not big, "tooltipDelay": 200, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "multiselect": False},
        "physics": {
            "enabled": True, "solver": "forceAtlas2Based",
            # small graphs get room for every label; larger ones stay compact enough that hub labels show
            "forceAtlas2Based": {"gravitationalConstant": -90 if small else -70, "centralGravity": 0.02,
                                 "springLength": 130 if small else 95, "springConstant": 0.08, "damping": 0.5,
                                 "avoidOverlap": 0.8},
            "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50, "fit": True},
        } if physics else {"enabled": False},
    }
