"""How the view looks: class and relation styles, and the parts of a node or edge that follow from its data.

The tooltips, edge labels, edge colours and arrows of the page's items are functions of the items' own data
(:func:`node_look`, :func:`edge_look`). :mod:`kg.view.network` uses them to build the pyvis Network;
:mod:`kg.view.template` leaves out of the page every such attribute that still equals what its function gives,
and the page's script (``assets/view.js``, the same functions in JavaScript) puts it back, so that the
page stays as small as the data while the Network carries every attribute. Numbers go into the text as
JavaScript's ``String()`` writes them (:func:`js_str`).
"""
from __future__ import annotations

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
OTHER_KIND = {"color": "#9e9e9e", "arrow": True}

FONT = '"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif'

#: The data each look is computed from; items without all of it are written to the page as they are.
NODE_INPUTS = ("label", "group", "names", "f500", "rank", "deg", "ndocs", "docs")
EDGE_INPUTS = ("from", "to", "kind", "ev", "n")
#: The attributes the looks give (the page leaves them out where they equal the look).
NODE_LOOK = ("title",)
EDGE_LOOK = ("label", "title", "color", "arrows")


def js_str(x) -> str:
    """``x`` as JavaScript's ``String(x)`` writes it (for the numbers and strings of the items)."""
    if type(x) is str:
        return x
    if x is None:
        return "null"
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x)


def class_style(classes: dict, cls: str) -> dict:
    """The legend style of a class (``view.js``: ``classStyle``)."""
    return classes.get(cls) or {"zh": cls, "en": cls, "color": OTHER_CLASS["color"], "shape": "dot"}


def kind_style(kinds: dict, kind: str) -> dict:
    """The legend style of a relation kind (``view.js``: ``kindStyle``)."""
    return kinds.get(kind) or {"zh": kind, "en": kind, "color": OTHER_KIND["color"], "arrow": True}


def node_look(node: dict, classes: dict) -> dict:
    """The tooltip of a node (``view.js``: ``nodeLook``): name, class, aliases, Fortune 500 rank, counts."""
    c = class_style(classes, node["group"])
    names, docs = node["names"], node["docs"]
    lines = [js_str(node["label"]), f"{c['zh']} · {c['en']}"]
    if len(names) > 1:
        lines.append("别名 aliases: " + "、".join(js_str(x) for x in names[1:]))
    if node["f500"]:
        rank = f" #{js_str(node['rank'])}" if node["rank"] else ""
        lines.append(f"{FORTUNE500_STYLE['zh']} {FORTUNE500_STYLE['en']}{rank}")
    ndocs = node["ndocs"] or len(docs)
    lines.append(f"{js_str(node['deg'])} 条关系 relations · {js_str(ndocs)} 篇文章 articles")
    return {"title": "\n".join(lines)}


def edge_look(edge: dict, kinds: dict, label_from: str, label_to: str) -> dict:
    """Label (the relation in Chinese, with the first role), tooltip, colour and arrow of an edge
    (``view.js``: ``edgeLook``); ``label_from``/``label_to`` are its nodes' labels."""
    k = kind_style(kinds, edge["kind"])
    ev = edge["ev"]
    roles: list[str] = []
    for e in ev:
        role = e.get("role")
        if role and role not in roles:
            roles.append(role)
    arrow = " → " if k["arrow"] else " — "
    look = {"label": f"{k['zh']}（{js_str(roles[0])}）" if roles else k["zh"],
            "title": f"{k['zh']} · {k['en']}\n{js_str(label_from)}{arrow}{js_str(label_to)}\n"
                     f"{js_str(edge['n'] or len(ev))} 条证据 evidence",
            "color": {"color": k["color"], "highlight": k["color"], "hover": k["color"]}}
    if k["arrow"]:
        look["arrows"] = "to"
    return look
