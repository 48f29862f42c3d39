"""The self-contained HTML page: view data as JSON, the in-lined vis-network build, our template and script."""
from __future__ import annotations

import base64
import hashlib
import html
import json
import logging
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx

from kg.view.layout import force_layout
from kg.view.subgraph import names_of, select

log = logging.getLogger(__name__)

#: Above this many nodes the layout is computed here and the browser's physics stays off.
PHYSICS_THRESHOLD = 1500

#: Colour, vis-network shape and names of each entity class (the legend shows them in this order).
CLASS_STYLE = {
    "Park": {"zh": "园区", "en": "Park", "color": "#2e7d32", "shape": "hexagon"},
    "Company": {"zh": "企业", "en": "Company", "color": "#1e88e5", "shape": "dot"},
    "Person": {"zh": "人物", "en": "Person", "color": "#fb8c00", "shape": "triangle"},
    "GovernmentBody": {"zh": "政府机构", "en": "Government body", "color": "#c62828", "shape": "square"},
    "Institute": {"zh": "科研院所", "en": "Institute", "color": "#8e24aa", "shape": "diamond"},
    "Place": {"zh": "地点", "en": "Place", "color": "#00897b", "shape": "triangleDown"},
}
OTHER_CLASS = {"zh": "其他", "en": "Other", "color": "#757575", "shape": "dot"}
FORTUNE500_STYLE = {"zh": "世界500强", "en": "Fortune Global 500", "border": "#f9a825", "shape": "star"}

#: Chinese label, English name and colour of each relation kind.
KIND_STYLE = {
    "hosts": {"zh": "入驻", "en": "hosts", "color": "#43a047", "arrow": True},
    "partnersWith": {"zh": "合作", "en": "partners with", "color": "#3949ab", "arrow": False},
    "worksFor": {"zh": "任职", "en": "works for", "color": "#ef6c00", "arrow": True},
    "locatedIn": {"zh": "位于", "en": "located in", "color": "#90a4ae", "arrow": True},
    "subsidiaryOf": {"zh": "隶属", "en": "subsidiary of", "color": "#6d4c41", "arrow": True},
    "manages": {"zh": "管理", "en": "manages", "color": "#d81b60", "arrow": True},
}


def render_html(G: nx.MultiDiGraph, path, *, focus: str | None = None, depth: int = 2,
                classes: set[str] | None = None, kinds: set[str] | None = None, max_nodes: int | None = None,
                title: str = "ParkKG", physics_threshold: int = PHYSICS_THRESHOLD) -> dict:
    """Write the interactive view of ``G`` to ``path`` (one HTML file that makes no network request).

    ``focus``/``depth``/``classes``/``kinds``/``max_nodes`` choose what is drawn (see
    :func:`kg.view.subgraph.select`). Graphs with more than ``physics_threshold`` nodes get a precomputed layout
    and no physics; smaller ones start from that layout and settle with vis-network's physics, which is then
    switched off. The file is written atomically. Returns the figures: ``path``, ``nodes``, ``edges`` (drawn),
    ``nodes_total``, ``edges_total`` (in ``G``), ``physics`` (bool) and ``bytes``.

    Raises :class:`kg.view.subgraph.ViewError` for an unknown focus, class or kind and
    :class:`kg.errors.OutputError` when the file cannot be written.
    """
    nodes, edges = select(G, focus=focus, depth=depth, classes=classes, kinds=kinds, max_nodes=max_nodes)
    physics = len(nodes) <= physics_threshold
    data = view_data(G, nodes, edges, physics=physics, title=title)
    page = page_html(data, title).encode("utf-8")
    path = Path(path)
    write_atomic(path, page)
    log.debug("wrote %s: %d nodes, %d edges, physics %s", path, len(nodes), len(edges), physics)
    return {"path": str(path), "nodes": len(nodes), "edges": len(edges), "nodes_total": G.number_of_nodes(),
            "edges_total": G.number_of_edges(), "physics": physics, "bytes": len(page)}


def view_data(G: nx.MultiDiGraph, nodes: list[str], edges: list[tuple[str, str, str]], *, physics: bool,
              title: str = "ParkKG") -> dict:
    """The JSON the page's script reads: nodes (with positions), edges with evidence, articles, styles."""
    index = {n: i for i, n in enumerate(nodes)}
    degree = [0] * len(nodes)
    for u, v, _ in edges:
        degree[index[u]] += 1
        degree[index[v]] += 1
    pos = force_layout(len(nodes), [index[u] for u, _, _ in edges], [index[v] for _, v, _ in edges])
    docs_used: set[str] = set()
    out_nodes = []
    for i, n in enumerate(nodes):
        d = G.nodes[n]
        names = names_of(G, n)
        docs = [str(x) for x in d.get("docs") or ()]
        docs_used.update(docs)
        out_nodes.append({
            "id": i, "iri": n, "label": names[0] if names else n.rsplit("/", 1)[-1],
            "names": names, "en": d.get("label_en") or "", "cls": d.get("cls") or "",
            "f500": bool(d.get("fortune500")), "rank": d.get("fortune500_rank"),
            "lists": list(d.get("lists") or ()), "docs": docs, "ndocs": d.get("n_docs", len(docs)), "deg": degree[i],
            "x": round(float(pos[i, 0]), 1), "y": round(float(pos[i, 1]), 1),
        })
    out_edges = []
    for j, (u, v, k) in enumerate(edges):
        ev = []
        for e in G.edges[u, v, k].get("evidence") or ():
            doc = str(e.get("doc_id", ""))
            docs_used.add(doc)
            ev.append({"doc": doc, "s": e.get("sentence", ""), "role": e.get("role", "") or "",
                       "implied": bool(e.get("implied", False))})
        out_edges.append({"id": j, "from": index[u], "to": index[v], "kind": k, "ev": ev,
                          "n": G.edges[u, v, k].get("n_evidence", len(ev))})
    articles = G.graph.get("articles") or {}
    out_articles = {}
    for doc in sorted(docs_used):
        a = articles.get(doc) or {}
        out_articles[doc] = {"title": a.get("title", "") or "", "source": a.get("source", "") or doc,
                             "url": a.get("url", "") or "", "date": str(a.get("date", "") or "")}
    present = {d["cls"] for d in out_nodes}
    class_style = {c: s for c, s in CLASS_STYLE.items() if c in present}
    for c in sorted(present - set(CLASS_STYLE)):
        class_style[c] = dict(OTHER_CLASS, en=c or OTHER_CLASS["en"])
    kinds_present = {e["kind"] for e in out_edges}
    kind_style = {k: s for k, s in KIND_STYLE.items() if k in kinds_present}
    for k in sorted(kinds_present - set(KIND_STYLE)):
        kind_style[k] = {"zh": k, "en": k, "color": "#9e9e9e", "arrow": True}
    return {"title": title, "physics": physics, "classes": class_style, "kinds": kind_style,
            "fortune500": FORTUNE500_STYLE, "nodes": out_nodes, "edges": out_edges, "articles": out_articles,
            "total": G.graph.get("total") or {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}}


_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029]")


def script_json(obj) -> str:
    r"""JSON that is safe inside a ``<script>`` element: ``<``, ``>``, ``&``, U+2028/9 as ``\uXXXX`` escapes.

    >>> print(script_json({"name": "</script>&"}))
    {"name":"\u003c/script\u003e\u0026"}
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return _SCRIPT_UNSAFE.sub(lambda m: _SCRIPT_ESCAPES[m.group(0)], text)


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return resources.files("kg.view").joinpath("assets", name).read_text(encoding="utf-8")


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def page_html(data: dict, title: str = "ParkKG") -> str:
    """The whole page. Scripts run only if their hash is in the page's Content-Security-Policy, which also
    forbids every network request; article text only ever travels as JSON data."""
    vis_js, app_js = _asset("vis-network.min.js"), _asset("view.js")
    csp = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
           f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}; base-uri 'none'; form-action 'none'")
    parts = {"TITLE": html.escape(title), "CSP": html.escape(csp), "CSS": _asset("view.css"), "VIS_JS": vis_js,
             "DATA": script_json(data), "APP_JS": app_js}
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: parts[m.group(1)], _asset("view.html"))


def write_atomic(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` atomically (temporary file, fsync, rename; see kg.export.atomic_output)."""
    from kg.export import write_atomic as _write

    _write(path, content)