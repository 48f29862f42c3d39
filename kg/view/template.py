"""ParkKG's page template for a pyvis ``Network``: one self-contained HTML file that makes no network request.

:func:`install_template` points the network at ``assets/view.html`` with pyvis's own ``set_template_dir`` (a
Jinja environment), turns on autoescaping and adds two globals: ``parkkg`` (the graph-level data: articles,
legend, totals) and ``parkkg_page`` (assembles the page's parts from what pyvis hands the template: ``nodes``,
``edges``, ``heading``, ``options``, ``physics_enabled``). pyvis's ``generate_html`` then renders it.

What the template guarantees, whatever the network holds:

- No network request: vis-network (the standalone build, ``assets/vis-network.min.js``), the CSS and the
  script are in-lined; no ``src``/``href`` points anywhere. A Content-Security-Policy allows only the page's
  own two scripts (by hash) and no request of any kind.
- Escaping: nodes, edges and options travel only as JSON inside a ``<script type="application/json">``
  element, with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped (:func:`script_json`); the script puts text into
  the DOM with ``textContent``, and vis-network shows string tooltips as plain text. The title and the CSP are
  HTML-escaped by the environment's autoescaping.
- Determinism: the same network renders to the same bytes.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import lru_cache
from importlib import resources

from kg.view.style import EDGE_INPUTS, EDGE_LOOK, NODE_INPUTS, NODE_LOOK, edge_look, node_look

TEMPLATE = "view.html"

_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029]")


def script_json(obj) -> str:
    r"""JSON that is safe inside a ``<script>`` element: ``<``, ``>``, ``&``, U+2028/9 as ``\uXXXX`` escapes.

    >>> print(script_json({"name": "</script>&"}))
    {"name":"\u003c/script\u003e\u0026"}
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return _SCRIPT_UNSAFE.sub(lambda m: _SCRIPT_ESCAPES[m.group(0)], text)


def assets_dir() -> str:
    """The folder of the page's assets (template, style, scripts, vis-network)."""
    return str(resources.files("kg.view").joinpath("assets"))


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    return resources.files("kg.view").joinpath("assets", name).read_text(encoding="utf-8")


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


@lru_cache(maxsize=None)
def _static_parts() -> dict:
    vis_js, app_js = asset("vis-network.min.js"), asset("view.js")
    csp = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
           f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}; base-uri 'none'; form-action 'none'")
    return {"csp": csp, "css": asset("view.css"), "vis_js": vis_js, "app_js": app_js}


def page_data(meta: dict, nodes: list, edges: list, heading: str, options, physics_enabled: bool) -> dict:
    """The JSON the page's script reads: the network (nodes, edges, vis-network options) and ``meta``
    (legend styles, articles, totals). Node and edge attributes that equal their look
    (:mod:`kg.view.style`) are left out, and put back by the script."""
    if isinstance(options, str):                  # pyvis hands the template its options as JSON text
        options = json.loads(options)
    return {"title": heading, "physics": bool(physics_enabled), "options": options,
            "classes": meta["classes"], "kinds": meta["kinds"], "fortune500": meta["fortune500"],
            "nodes": compact_nodes(nodes, meta["classes"]), "edges": compact_edges(nodes, edges, meta["kinds"]),
            "articles": meta["articles"], "total": meta["total"]}


def _compact(item: dict, look: dict | None, keys: tuple[str, ...]) -> dict:
    """``item`` without the attributes that equal ``look``; ``_unset`` lists the look's attributes that the
    item does not have (the script fills in only what is neither there nor listed)."""
    unset = [k for k in keys if k not in item and (look is None or k in look)]
    if look is None and not unset:
        return item
    out = dict(item)
    for k, v in (look or {}).items():
        if k in out and out[k] == v:
            del out[k]
    if unset:
        out["_unset"] = unset
    return out


def compact_nodes(nodes: list, classes: dict) -> list:
    out = []
    for n in nodes:
        look = node_look(n, classes) if all(k in n for k in NODE_INPUTS) else None
        out.append(_compact(n, look, NODE_LOOK))
    return out


def compact_edges(nodes: list, edges: list, kinds: dict) -> list:
    labels = {n.get("id"): n.get("label") for n in nodes}
    out = []
    for e in edges:
        complete = all(k in e for k in EDGE_INPUTS) and e["from"] in labels and e["to"] in labels
        look = edge_look(e, kinds, labels[e["from"]], labels[e["to"]]) if complete else None
        out.append(_compact(e, look, EDGE_LOOK))
    return out


def page_parts(meta: dict, nodes: list, edges: list, heading: str, options, physics_enabled: bool) -> dict:
    """What the template puts into the page: ``csp``, ``css``, ``vis_js``, ``app_js`` and ``data`` (the
    script-safe JSON of :func:`page_data`)."""
    return dict(_static_parts(), data=script_json(page_data(meta, nodes, edges, heading, options, physics_enabled)))


def physics_enabled(net) -> bool:
    """Whether the network's vis-network physics is on (pyvis's own rule in ``generate_html``)."""
    opts = net.options
    if isinstance(opts, dict):
        return bool(opts.get("physics", {}).get("enabled", True))
    return bool(opts.physics.enabled)


def install_template(net, meta: dict) -> None:
    """Make ``net`` (a :class:`pyvis.network.Network`) render ParkKG's page, with ``meta`` (``classes``,
    ``kinds``, ``fortune500``, ``articles``, ``total``) as the graph-level data."""
    net.set_template_dir(assets_dir() + "/", TEMPLATE)       # a Jinja Environment of the network's own
    env = net.templateEnv
    env.autoescape = True
    env.globals.update(parkkg=meta, parkkg_page=page_parts)
    net.template = env.get_template(TEMPLATE)                 # what generate_html(notebook=True) renders
