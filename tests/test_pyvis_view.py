"""The view's model is a pyvis Network (kg.view.to_pyvis) and graph.html is that Network rendered through
ParkKG's own template: the expected nodes, edges and attributes, the page produced by pyvis's generate_html,
no external URL, and a network changed as a notebook would change it still drawn faithfully and offline."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import networkx as nx
import pytest
from pyvis.network import Network

from kg.view import render_html, to_pyvis
from kg.view.page import network_data
from kg.view.template import assets_dir
from test_view import (BOYUAN, EVIL, INJECT_NAME, INJECT_SENTENCE, LIAOCHENG, MAGNA, PARK, YUAN, Page,  # noqa: F401
                       browser, fixture_graph)


def by_iri(net: Network) -> dict:
    return {n["iri"]: n for n in net.nodes}


def edge_of(net: Network, u: str, v: str, kind: str) -> dict:
    nodes = by_iri(net)
    return next(e for e in net.edges if e["from"] == nodes[u]["id"] and e["to"] == nodes[v]["id"]
                and e["kind"] == kind)


def test_to_pyvis_returns_a_pyvis_network_of_the_graph():
    G = fixture_graph()
    before = nx.to_dict_of_dicts(G)
    net = to_pyvis(G, title="测试")
    assert isinstance(net, Network) and net.directed and net.heading == "测试"
    assert net.num_nodes() == G.number_of_nodes() == 10 and net.num_edges() == G.number_of_edges() == 8
    assert [n["id"] for n in net.nodes] == list(range(10)) == net.get_nodes()
    assert all(net.get_node(n["id"]) is n for n in net.nodes)
    assert {n["iri"] for n in net.nodes} == set(G.nodes)
    assert nx.to_dict_of_dicts(G) == before                               # the graph is not modified

    nodes = by_iri(net)
    park = nodes[PARK]
    assert park["label"] == "聊城高新区" and park["group"] == "Park"
    assert park["names"] == ["聊城高新区", "聊城高新技术产业开发区"] and park["docs"] == ["000_a"]
    assert park["title"].split("\n")[:3] == ["聊城高新区", "园区 · Park",
                                             "别名 aliases: 聊城高新技术产业开发区"]
    assert park["deg"] == 5 and park["title"].endswith("5 条关系 relations · 1 篇文章 articles")
    assert isinstance(park["x"], float) and isinstance(park["y"], float)  # the precomputed layout
    assert park["font"]["size"] == 20.0                                  # parks keep large labels
    magna = nodes[MAGNA]
    assert magna["shape"] == "star" and magna["borderWidth"] == 4 and magna["color"]["border"] == "#f9a825"
    assert magna["f500"] is True and magna["rank"] == 287 and "世界500强 Fortune Global 500 #287" in magna["title"]
    assert nodes[BOYUAN]["lists"] == ["瞪羚企业"] and "shape" not in nodes[BOYUAN]   # class style: the group's

    works = edge_of(net, YUAN, BOYUAN, "worksFor")
    assert works["label"] == "任职（技术负责人）" and works["arrows"] == "to"
    assert works["title"] == "任职 · works for\n袁锡铭 → 山东博源科技有限公司\n1 条证据 evidence"
    assert works["color"] == {"color": "#ef6c00", "highlight": "#ef6c00", "hover": "#ef6c00"}
    assert works["ev"][0]["role"] == "技术负责人" and works["n"] == 1
    partners = edge_of(net, *sorted((BOYUAN, MAGNA)), "partnersWith")
    assert "arrows" not in partners and "—" in partners["title"]
    located = edge_of(net, PARK, LIAOCHENG, "locatedIn")
    assert located["dashes"] is True and located["ev"][0]["implied"] is True

    opts = net.options
    assert opts["physics"]["enabled"] is True and opts["physics"]["solver"] == "forceAtlas2Based"
    assert opts["groups"]["Park"]["shape"] == "hexagon"
    assert opts["groups"]["Company"]["color"]["background"] == "#1e88e5"
    assert set(opts["groups"]) == {"Park", "Company", "Person", "GovernmentBody", "Institute", "Place"}
    meta = net.templateEnv.globals["parkkg"]
    assert list(meta["articles"]) == ["000_a", "001_b"] and meta["total"] == {"nodes": 10, "edges": 8}


def test_to_pyvis_selects_like_the_view_and_turns_physics_off_for_large_graphs():
    net = to_pyvis(fixture_graph(), focus="聊城高新技术产业开发区", depth=1, physics_threshold=3)
    assert net.num_nodes() == 6 and PARK in by_iri(net)
    assert net.options["physics"] == {"enabled": False}
    assert net.options["edges"]["smooth"] is False and net.options["interaction"]["hover"] is False


def test_to_pyvis_fills_the_lists_without_add_node(monkeypatch):
    """pyvis 0.3.2's add_node checks `n_id not in self.node_ids` (a list): quadratic over a graph."""
    def refuse(*args, **kwargs):
        raise AssertionError("the quadratic add_node/add_edge path was used")

    for name in ("add_node", "add_nodes", "add_edge", "add_edges", "from_nx"):
        monkeypatch.setattr(Network, name, refuse)
    assert to_pyvis(fixture_graph()).num_nodes() == 10


def test_graph_html_is_the_network_rendered_through_parkkg_template(tmp_path, monkeypatch):
    rendered = []
    generate = Network.generate_html

    def spy(self, *args, **kwargs):
        html = generate(self, *args, **kwargs)
        rendered.append((self, html))
        return html

    monkeypatch.setattr(Network, "generate_html", spy)
    out = tmp_path / "graph.html"
    render_html(fixture_graph(), out, title="测试")
    assert len(rendered) == 1
    net, html = rendered[0]
    assert out.read_bytes() == html.encode("utf-8")
    assert net.path == "view.html" and net.template_dir.rstrip("/") == assets_dir()
    assert net.template.name == "view.html" and net.templateEnv.autoescape is True
    # the same network gives the same page, through either of pyvis's template routes
    again = to_pyvis(fixture_graph(), title="测试")
    assert again.generate_html() == html == again.generate_html(notebook=True)
    # the page's data is the network: nodes, edges, options
    data = json.loads(re.search(r'<script type="application/json" id="parkkg-data">(.*?)</script>', html,
                                re.S).group(1))
    assert data == json.loads(json.dumps(network_data(net)))
    assert [n["iri"] for n in data["nodes"]] == [n["iri"] for n in net.nodes]
    ends = [(e["from"], e["to"], e["kind"]) for e in net.edges]
    assert [(e["from"], e["to"], e["kind"]) for e in data["edges"]] == ends
    assert data["options"] == net.options and data["title"] == "测试"


def test_a_changed_network_renders_its_changes(tmp_path):
    net = to_pyvis(fixture_graph())
    node = by_iri(net)[PARK]
    node["title"] = "自定义 tooltip"
    net.options["groups"]["Park"]["color"]["background"] = "#000000"
    html = net.generate_html()
    assert "自定义 tooltip" in html and '"background":"#000000"' in html


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_the_page_has_no_external_url(tmp_path):
    out = tmp_path / "graph.html"
    render_html(fixture_graph(), out)
    html = out.read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(html)
    tags = [t for t, _ in parser.tags]
    assert tags.count("script") == 3 and not {"link", "img", "iframe", "object", "embed", "base", "form"} & set(tags)
    for tag, attrs in parser.tags:
        assert not {"src", "href", "srcset", "action", "poster", "data", "background"} & set(attrs), (tag, attrs)
    csp = next(a["content"] for t, a in parser.tags
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp.startswith("default-src 'none';") and "http" not in csp and "connect-src" not in csp
    # outside the in-lined scripts and style nothing names a URL; pyvis's own template fetched from CDNs
    markup = re.sub(r"<(script|style)\b[^>]*>.*?</\1>", "", html, flags=re.S)
    assert not re.search(r"https?:|//[a-z]", markup, re.I)
    for cdn in ("cdnjs", "jsdelivr", "unpkg", "bootstrap", "tom-select", "lib/bindings"):
        assert cdn not in html
    # article text is data only: hostile names never appear as markup
    assert INJECT_NAME not in html and INJECT_SENTENCE not in html and "<img" not in html


def test_rendering_is_deterministic():
    G = fixture_graph()
    assert to_pyvis(G).generate_html() == to_pyvis(G).generate_html()


@pytest.mark.browser
def test_the_page_draws_the_network_as_built(browser, tmp_path):
    """The page leaves out the tooltips, labels, colours and arrows that follow from an item's data and its
    script puts them back: every drawn item must equal the Network's."""
    net = to_pyvis(fixture_graph(), title="ParkKG 测试")
    path = tmp_path / "net.html"
    path.write_text(net.generate_html(), encoding="utf-8")
    view = Page(browser, path)
    try:
        assert view.blocked == [] and view.errors == [] and view.dialogs == []
        drawn_nodes = view.js("window.parkkg.nodes.get()")
        drawn_edges = view.js("window.parkkg.edges.get()")
        assert drawn_nodes == json.loads(json.dumps(net.nodes))
        assert drawn_edges == json.loads(json.dumps(net.edges))
        evil = by_iri(net)[EVIL]["id"]
        assert view.js("(i) => window.parkkgNetwork.body.nodes[i].options.title", evil).startswith(INJECT_NAME)
        assert view.js("document.querySelectorAll('script').length") == 3
    finally:
        view.close()


@pytest.mark.browser
def test_a_network_changed_in_a_notebook_is_drawn_offline(browser, tmp_path):
    net = to_pyvis(fixture_graph(), title="ParkKG 测试")
    nodes = by_iri(net)
    works = edge_of(net, YUAN, BOYUAN, "worksFor")
    works["title"] = "自定义 custom"                      # a changed tooltip stays
    del works["arrows"]                                  # a removed attribute stays removed
    del nodes[YUAN]["title"]
    net.add_node("extra", label="新增节点", title="added in a notebook")     # pyvis's own API
    net.add_edge("extra", nodes[PARK]["id"])
    net.options["physics"]["stabilization"]["iterations"] = 50
    path = tmp_path / "changed.html"
    path.write_text(net.generate_html(), encoding="utf-8")
    view = Page(browser, path)
    try:
        assert view.blocked == [] and view.errors == [] and view.dialogs == []
        assert view.drawn_nodes() == 11
        assert view.js("window.parkkgNetwork.body.data.edges.length") == 9
        got = view.js("(j) => window.parkkg.edges.get(j)", works["id"])
        assert got["title"] == "自定义 custom" and "arrows" not in got
        assert view.js("(i) => window.parkkgNetwork.body.edges[i].options.arrows.to.enabled", works["id"]) is False
        assert "title" not in view.js("(i) => window.parkkg.nodes.get(i)", nodes[YUAN]["id"])
        added = view.js("window.parkkg.nodes.get('extra')")
        assert added["label"] == "新增节点" and added["title"] == "added in a notebook"
        view.page.fill("#search", "新增节点")
        view.page.press("#search", "Enter")
        assert view.page.inner_text("#panel h2") == "新增节点"
        assert view.errors == []
    finally:
        view.close()
