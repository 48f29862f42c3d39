"""Assemble the knowledge graph across articles: one node per real-world entity, edges carry every evidence.

Merging (``merge_key``): places by administrative code, Fortune 500 firms by rank, parks by their name
variant key (X高新技术产业开发区 = X高新区), persons by name *and* employer (two 张伟 in different firms are two
people), every other organisation by its normalised full name or any shared long alias.

Examples
--------
>>> import networkx as nx
>>> G = build_graph([])
>>> isinstance(G, nx.MultiDiGraph), G.number_of_nodes()
(True, 0)
"""
from __future__ import annotations

from typing import Iterable

import networkx as nx

from kg.records import DocExtraction, EntityClass, EntityRecord, RelationKind
from kg.vocab import mint_article_iri, mint_entity_iri, normalise_name, park_key

def merge_keys(e: EntityRecord) -> list[str]:
    """Keys under which an entity may meet the same entity from another article (first key = IRI key)."""
    cls = e.cls.value
    if e.cls is EntityClass.PLACE and e.place_code:
        return [f"place:{e.place_code}"]
    if e.cls is EntityClass.PERSON:
        return [f"person:{normalise_name(e.name)}@{normalise_name(e.context)}"]
    if e.cls is EntityClass.PARK:
        return [f"park:{park_key(e.name)}"] + [f"park:{park_key(a)}" for a in e.aliases if len(park_key(a)) >= 4]
    keys = []
    if e.fortune_rank:
        keys.append(f"fortune:{e.fortune_rank}")
    keys.append(f"{cls}:{normalise_name(e.name)}")
    # long aliases (full names seen in another article) identify the entity too; short forms do not
    keys += [f"{cls}:{normalise_name(a)}" for a in e.aliases if len(normalise_name(a)) >= 5]
    return keys


class GraphMerger:
    """Merges per-article extractions, one at a time and in doc_id order, into :attr:`G`: one node per entity
    (IRI minted by its first merge key, label = fullest name seen) and one edge per distinct relation.

    :meth:`add` returns what grows with every article — the article record, the entities it mentions and the
    evidence of each relation — for the caller to keep: in memory (:func:`build_graph`) or on disk
    (:mod:`kg.rdf.assembly`). Nodes here carry ``names`` (a set) until :func:`freeze_node`.
    """

    def __init__(self) -> None:
        self.G = nx.MultiDiGraph()
        self.key_to_iri: dict[str, str] = {}

    def add(self, d: DocExtraction) -> tuple[dict, list[str], list[tuple[str, str, str, dict]]]:
        """Merge one article; return (article record, IRIs of the entities it mentions, [(u, v, kind, evidence)])."""
        G, key_to_iri = self.G, self.key_to_iri
        article = {"iri": str(mint_article_iri(d.doc_id)), "title": d.title, "source": d.source, "url": d.url,
                   "date": d.date, "n_chars": d.n_chars}
        local: dict[str, str] = {}
        for e in d.entities:
            keys = merge_keys(e)
            iri = next((key_to_iri[k] for k in keys if k in key_to_iri), None)
            if iri is None:
                iri = str(mint_entity_iri(e.cls.value, keys[0]))
                G.add_node(iri, cls=e.cls.value, label=e.name, names=set(), label_en="", fortune500=False,
                           fortune500_rank=None, lists=set())
            for k in keys:
                key_to_iri.setdefault(k, iri)
            local[e.key] = iri
            node = G.nodes[iri]
            node["names"].update([e.name, *e.aliases])
            if len(normalise_name(e.name)) > len(normalise_name(node["label"])):
                node["label"] = e.name
            node["fortune500"] = node["fortune500"] or e.fortune500
            if e.fortune_rank:
                node["fortune500_rank"] = e.fortune_rank
            if e.name_en:
                node["label_en"] = e.name_en
            node["lists"].update(e.lists)
        evidence = []
        for r in d.relations:
            u, v = local.get(r.head), local.get(r.tail)
            if u is None or v is None or u == v:
                continue
            if r.kind is RelationKind.PARTNERS_WITH and v < u:
                u, v = v, u
            if not G.has_edge(u, v, key=r.kind.value):
                G.add_edge(u, v, key=r.kind.value, kind=r.kind.value)
            evidence.append((u, v, r.kind.value, {
                "doc_id": d.doc_id, "sentence": r.evidence, "start": r.sent_start, "end": r.sent_end,
                "role": r.role, "implied": r.implied, "cue": r.cue}))
        return article, list(local.values()), evidence


def freeze_node(data: dict) -> None:
    """Turn a merged node's ``names`` set and ``lists`` into sorted tuples (``alt_labels``: every name but the
    label), so that every consumer sees the same order."""
    label = data["label"]
    data["alt_labels"] = tuple(n for n in sorted(data.pop("names")) if n != label)
    data["lists"] = tuple(sorted(data["lists"]))


def evidence_key(ev: dict) -> tuple:
    """Evidence of one relation with the same key is one piece of evidence (the last one seen is kept)."""
    return ev["doc_id"], ev["start"], ev["end"], ev["role"]


def build_graph(extractions: Iterable[DocExtraction], *, ordered: bool = False) -> nx.MultiDiGraph:
    """Merge per-article extractions into one MultiDiGraph held in memory (node = entity IRI, edge key =
    relation kind; nodes carry ``docs``, edges ``evidence``). For a whole build, :mod:`kg.rdf.assembly` keeps the
    per-article part on disk instead.

    The result does not depend on the order of the extractions. ``ordered=True`` promises they already come in
    doc_id order (a stream from the build state), so they are consumed one at a time, never held all at once.
    """
    exts = extractions if ordered else sorted(extractions, key=lambda d: d.doc_id)
    merger = GraphMerger()
    G = merger.G
    G.graph["articles"] = {}
    docs: dict[str, set[str]] = {}
    evidence: dict[tuple[str, str, str], list[dict]] = {}
    for d in exts:
        article, mentioned, found = merger.add(d)
        G.graph["articles"][d.doc_id] = article
        for iri in mentioned:
            docs.setdefault(iri, set()).add(d.doc_id)
        for u, v, kind, ev in found:
            evidence.setdefault((u, v, kind), []).append(ev)
    for iri, data in G.nodes(data=True):
        freeze_node(data)
        data["docs"] = tuple(sorted(docs.get(iri, ())))
    for u, v, kind, data in G.edges(keys=True, data=True):
        ev = {evidence_key(x): x for x in evidence.get((u, v, kind), ())}
        data["evidence"] = tuple(ev[k] for k in sorted(ev))
    return G


def summarise(G: nx.MultiDiGraph) -> dict:
    """Counts by class and relation kind (what ``kg build`` prints)."""
    by_class: dict[str, int] = {}
    for _, data in G.nodes(data=True):
        by_class[data["cls"]] = by_class.get(data["cls"], 0) + 1
    f500 = sum(1 for _, d in G.nodes(data=True) if d.get("fortune500"))
    by_kind: dict[str, int] = {}
    for _, _, k in G.edges(keys=True):
        by_kind[k] = by_kind.get(k, 0) + 1
    n_articles = G.graph.get("n_articles", len(G.graph.get("articles", {})))
    return {"articles": n_articles, "entities": G.number_of_nodes(),
            "entities_by_class": dict(sorted(by_class.items())), "fortune500": f500,
            "relations": G.number_of_edges(), "relations_by_kind": dict(sorted(by_kind.items()))}
