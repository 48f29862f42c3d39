"""Out-of-core graph assembly (kg.rdf.assembly): the same bytes as the in-memory graph, bounded view, no leftovers."""
from __future__ import annotations

import json

import pytest

from kg.rdf.assembly import assemble
from kg.rdf.turtle import graph_turtle, turtle_from_plain, write_turtle_stream
from kg.graph import build_graph, summarise
from kg.records import DocExtraction, EntityClass, EntityRecord, RelationKind, RelationRecord


def _firm(key: str, name: str, *aliases: str) -> EntityRecord:
    return EntityRecord(key=key, cls=EntityClass.COMPANY, name=name, aliases=aliases)


def _park(key: str, name: str, *aliases: str) -> EntityRecord:
    return EntityRecord(key=key, cls=EntityClass.PARK, name=name, aliases=aliases)


def _rel(kind: RelationKind, head: str, tail: str, sentence: str, start: int, cue: str = "", role: str = "",
         implied: bool = False) -> RelationRecord:
    return RelationRecord(kind=kind, head=head, tail=tail, evidence=sentence, sent_start=start,
                          sent_end=start + len(sentence), role=role, implied=implied, cue=cue)


def _doc(doc_id: str, entities, relations, title: str = "") -> DocExtraction:
    return DocExtraction(doc_id=doc_id, source=f"{doc_id}.txt", title=title or doc_id, url="", date="2024-01-02",
                         n_chars=100, entities=tuple(entities), relations=tuple(relations))


@pytest.fixture(scope="module")
def seed_extractions(extractor, seeds_dir):
    from kg.ingest import iter_articles

    return sorted((extractor.extract(a) for a in iter_articles([str(seeds_dir)], on_error=pytest.fail)), key=lambda d: d.doc_id)


def _invented() -> list[DocExtraction]:
    """Merging across articles, a symmetric relation written both ways, and one piece of evidence found twice in
    an article (the last one counts), so that every path of the merge is exercised."""
    hosts, partners = RelationKind.HOSTS, RelationKind.PARTNERS_WITH
    a = _doc("a", [_park("p", "青川高新技术产业开发区", "青川高新区"), _firm("f", "宏泰精密有限公司", "宏泰精密"),
                   _firm("g", "瑞华光电有限公司")],
             [_rel(hosts, "p", "f", "宏泰精密有限公司落户青川高新区。", 0, cue="first"),
              _rel(hosts, "p", "f", "宏泰精密有限公司落户青川高新区。", 0, cue="second"),
              _rel(partners, "g", "f", "瑞华光电有限公司与宏泰精密有限公司签约。", 20)])
    b = _doc("b", [_park("p", "青川高新区"), _firm("f", "宏泰精密"), _firm("g", "瑞华光电有限公司")],
             [_rel(partners, "f", "g", "宏泰精密与瑞华光电有限公司牵手。", 5),
              _rel(hosts, "p", "g", "青川高新区的瑞华光电有限公司", 40, implied=True)])
    return [a, b]


def _same_turtle(exts: list[DocExtraction], tmp_path) -> None:
    G = build_graph(exts)
    with assemble(sorted(exts, key=lambda d: d.doc_id), tmp_path / "asm.sqlite") as asm:
        write_turtle_stream(asm.triples(), tmp_path / "g.ttl")
        assert summarise(asm.G) == summarise(G)
    assert (tmp_path / "g.ttl").read_bytes() == graph_turtle(G)
    assert not (tmp_path / "asm.sqlite").exists()


def test_assembly_gives_the_in_memory_graphs_turtle_on_the_seeds(seed_extractions, tmp_path):
    _same_turtle(seed_extractions, tmp_path)


def test_assembly_gives_the_in_memory_graphs_turtle_on_invented_articles(tmp_path):
    exts = _invented()
    _same_turtle(exts, tmp_path)
    ttl = graph_turtle(build_graph(exts)).decode("utf-8")
    # one statement for the doubled one, with the cue of the last piece of evidence found
    assert ttl.count("宏泰精密有限公司落户青川高新区。") == 1 and 'pk:cue "second"' in ttl and '"first"' not in ttl


def test_assembly_triples_are_sorted_and_unique(seed_extractions, tmp_path):
    with assemble(seed_extractions, tmp_path / "asm.sqlite") as asm:
        triples = list(asm.triples())
    assert len(set(triples)) == len(triples)
    assert [t[0] for t in triples] == sorted(t[0] for t in triples)
    assert turtle_from_plain(triples) == graph_turtle(build_graph(seed_extractions))


def test_view_graph_caps_evidence_and_says_how_much_there_is(tmp_path):
    hosts = RelationKind.HOSTS
    exts = [_doc(f"d{i:03d}", [_park("p", "青川高新区"), _firm("f", "宏泰精密有限公司")],
                 [_rel(hosts, "p", "f", f"第{i}句：宏泰精密有限公司落户青川高新区。", 10)]) for i in range(30)]
    G = build_graph(exts)
    with assemble(exts, tmp_path / "asm.sqlite") as asm:
        H = asm.view_graph(sorted(asm.G.nodes), sorted(asm.G.edges(keys=True)), max_evidence=5, max_docs=7)
    (u, v, k), = G.edges(keys=True)
    assert H.edges[u, v, k]["n_evidence"] == 30
    assert list(H.edges[u, v, k]["evidence"]) == list(G.edges[u, v, k]["evidence"][:5])
    for n in G.nodes:
        assert H.nodes[n]["n_docs"] == 30 and H.nodes[n]["docs"] == G.nodes[n]["docs"][:7]
    # the articles the page cites are there, the others are not
    assert sorted(H.graph["articles"]) == [f"d{i:03d}" for i in range(7)]
    assert H.graph["total"] == {"nodes": 2, "edges": 1}


def test_build_view_says_more_evidence_exists(tmp_path, monkeypatch):
    """graph.html carries VIEW_MAX_EVIDENCE sentences per relation and the total; the Turtle keeps every one."""
    import kg.build
    from kg.build import build

    monkeypatch.setattr(kg.build, "VIEW_MAX_EVIDENCE", 2)
    src = tmp_path / "news.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for i in range(4):
            f.write(json.dumps({"id": f"n{i}", "title": f"新闻{i}",
                                "text": f"第{i}期报道。青川高新区管委会主任王海明介绍，宏泰精密有限公司落户青川高新区。"},
                               ensure_ascii=False) + "\n")
    out = tmp_path / "out"
    build([str(src)], out, store=False)
    html = (out / "graph.html").read_text(encoding="utf-8")
    start = html.index('id="parkkg-data">') + len('id="parkkg-data">')
    data = json.loads(html[start:html.index("</script>", start)])
    hosted = [e for e in data["edges"] if e["kind"] == "hosts"]
    assert hosted and all(len(e["ev"]) == 2 and e["n"] == 4 for e in hosted)
    assert (out / "graph.ttl").read_text(encoding="utf-8").count("pk:startOffset") >= 4 * len(hosted)
    assert not list(out.glob(".assembly*"))
    # a page budget smaller than the relations: one sentence each, never none
    monkeypatch.setattr(kg.build, "VIEW_EVIDENCE_BUDGET", 1)
    build([str(src)], out, store=False)
    html = (out / "graph.html").read_text(encoding="utf-8")
    start = html.index('id="parkkg-data">') + len('id="parkkg-data">')
    data = json.loads(html[start:html.index("</script>", start)])
    assert all(len(e["ev"]) == 1 and e["n"] >= 1 for e in data["edges"])
