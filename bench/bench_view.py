"""Benchmark of the HTML view on a synthetic graph (default 10,000 entities / 30,000 relations).

Prints: graph generation time, render time (selection + layout + page), file size, and in headless Chromium
the time to first drawing, the time until the page answers a search and a click, and the time of one redraw.

    python bench/bench_view.py [--nodes 10000] [--edges 30000] [--out bench/results/view.html]
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.view import render_html  # noqa: E402
from kg.view.page import PHYSICS_THRESHOLD  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
SHARES = {"Company": 0.70, "Person": 0.15, "Park": 0.04, "GovernmentBody": 0.04, "Institute": 0.04, "Place": 0.03}
KIND_SHARES = {"hosts": 0.40, "partnersWith": 0.28, "worksFor": 0.12, "locatedIn": 0.10, "subsidiaryOf": 0.07,
               "manages": 0.03}
SYL = "华信通达科创新能源智造海汇金盛泰和瑞德恒远博源中天联宏光明东方"


def synthetic_graph(n_nodes: int, n_edges: int, seed: int = 7) -> nx.MultiDiGraph:
    """A graph in the schema of docs/DESIGN.md with a park/firm structure (parks host many firms, people work
    for firms, firms partner mostly within their park)."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    n_docs = max(1, n_nodes // 5)
    G.graph["articles"] = {f"doc{i:05d}": {"iri": f"https://w3id.org/parkkg/id/article/doc{i:05d}",
                                           "title": f"第{i}篇：园区新闻", "source": f"corpus/doc{i:05d}.txt",
                                           "url": f"https://example.org/{i}", "date": "2023-01-01",
                                           "n_chars": 2000} for i in range(n_docs)}
    by_cls: dict[str, list[str]] = {c: [] for c in SHARES}
    classes = list(SHARES)
    counts = {c: max(1, int(n_nodes * s)) for c, s in SHARES.items()}
    counts["Company"] += n_nodes - sum(counts.values())
    for cls in classes:
        for i in range(counts[cls]):
            name = "".join(rng.choice(SYL) for _ in range(rng.randint(2, 4)))
            label = {"Company": f"{name}科技有限公司", "Person": name[:3], "Park": f"{name}高新区",
                     "GovernmentBody": f"{name}管委会", "Institute": f"{name}研究院", "Place": f"{name}市"}[cls]
            node = f"https://w3id.org/parkkg/id/{cls.lower()}/{i:06x}"
            f500 = cls == "Company" and rng.random() < 0.01
            G.add_node(node, cls=cls, label=f"{label}{i}", alt_labels=(f"{name}{i}",), label_en="",
                       fortune500=f500, fortune500_rank=rng.randint(1, 500) if f500 else None, lists=(),
                       docs=tuple(sorted(rng.sample(sorted(G.graph["articles"]), 2))))
            by_cls[cls].append(node)
    orgs = by_cls["Company"] + by_cls["Institute"]
    home = {c: rng.choice(by_cls["Park"]) for c in orgs}
    members: dict[str, list[str]] = {}
    for c, p in home.items():
        members.setdefault(p, []).append(c)

    def pair(kind):
        if kind == "hosts":
            c = rng.choice(orgs)
            return (home[c] if rng.random() < 0.8 else rng.choice(by_cls["Park"])), c
        if kind == "partnersWith":
            a = rng.choice(orgs)
            b = rng.choice(members[home[a]]) if rng.random() < 0.7 else rng.choice(orgs)
            return tuple(sorted((a, b)))
        if kind == "worksFor":
            return rng.choice(by_cls["Person"]), rng.choice(orgs)
        if kind == "locatedIn":
            return rng.choice(by_cls["Park"] + orgs), rng.choice(by_cls["Place"])
        if kind == "subsidiaryOf":
            return rng.choice(by_cls["Company"]), rng.choice(by_cls["Company"])
        return rng.choice(by_cls["GovernmentBody"]), rng.choice(by_cls["Park"])

    docs = sorted(G.graph["articles"])
    kinds = list(KIND_SHARES)
    weights = [KIND_SHARES[k] for k in kinds]
    made = 0
    while made < n_edges:
        kind = rng.choices(kinds, weights)[0]
        u, v = pair(kind)
        if u == v or G.has_edge(u, v, key=kind):
            continue
        sentence = f"{G.nodes[u]['label']}与{G.nodes[v]['label']}的关系见于本文，双方在园区内开展了多项合作。"
        ev = ({"doc_id": rng.choice(docs), "sentence": sentence, "start": 0, "end": len(sentence),
               "role": "总经理" if kind == "worksFor" else "", "implied": False, "cue": "bench"},)
        G.add_edge(u, v, key=kind, kind=kind, evidence=ev)
        made += 1
    return G


def wait_until(page, expr: str, timeout: float = 120.0) -> None:
    """Poll ``expr`` with page.evaluate. (Playwright's wait_for_function evaluates its predicate with eval(),
    which the page's Content-Security-Policy forbids.)"""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expr):
        if time.monotonic() > deadline:
            raise TimeoutError(f"still false after {timeout} s: {expr}")
        time.sleep(0.02)


def browser_figures(path: Path) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 860})
        outside = []
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:"))
                   else (outside.append(r.request.url), r.abort()))
        t0 = time.perf_counter()
        page.goto(path.resolve().as_uri())
        wait_until(page, "window.parkkgReady === true")
        first_draw = time.perf_counter() - t0
        t1 = time.perf_counter()
        page.fill("#search", page.evaluate("window.parkkg.data.nodes[123].names[1] || window.parkkg.data.nodes[123].label"))
        page.press("#search", "Enter")
        wait_until(page, "document.querySelector('#panel').dataset.kind === 'node'")
        search_click = time.perf_counter() - t1
        redraw = page.evaluate("""() => new Promise(resolve => {
            const net = window.parkkgNetwork, t = performance.now();
            net.once('afterDrawing', () => resolve(performance.now() - t));
            net.moveTo({scale: net.getScale() * 1.5});
        })""")
        drawn = page.evaluate("Object.keys(window.parkkgNetwork.getPositions()).length")
        browser.close()
    return {"first_draw_s": first_draw, "search_and_panel_s": search_click, "redraw_ms": redraw,
            "drawn_nodes": drawn, "outside_requests": len(outside)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=10_000)
    ap.add_argument("--edges", type=int, default=30_000)
    ap.add_argument("--out", type=Path, default=None, help="keep the HTML here (default: a temporary file)")
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args()

    t = time.perf_counter()
    G = synthetic_graph(args.nodes, args.edges)
    gen = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        path = args.out or Path(tmp) / "view.html"
        t = time.perf_counter()
        fig = render_html(G, path, title="ParkKG benchmark")
        render = time.perf_counter() - t
        print(f"graph: {G.number_of_nodes():,} entities, {G.number_of_edges():,} relations; "
              f"physics {'on' if fig['physics'] else 'off'} (threshold {PHYSICS_THRESHOLD:,} nodes)")
        print(f"generation:        {gen:7.2f} s")
        print(f"render_html:       {render:7.2f} s   (selection, layout, JSON, write)")
        print(f"file size:         {fig['bytes'] / 1e6:7.2f} MB")
        if not args.no_browser:
            b = browser_figures(Path(path))
            print(f"first drawing:     {b['first_draw_s']:7.2f} s   (navigation to vis-network's first afterDrawing)")
            print(f"search + panel:    {b['search_and_panel_s']:7.2f} s   (type a name, Enter, side panel shown)")
            print(f"one redraw (zoom): {b['redraw_ms'] / 1000:7.2f} s")
            print(f"drawn nodes:       {b['drawn_nodes']:,}; requests outside the file: {b['outside_requests']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
