"""networkx graph -> rdflib Graph (the public contract, see docs/DESIGN.md) -> deterministic Turtle.

Every relation is asserted (partnersWith in both directions, so a plain triple pattern finds it either way)
and each piece of evidence is also an ``rdf:Statement`` with its article, sentence and character offsets.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.vocab import PK, mint_statement_iri, new_graph

CLASS_IRI = {"Park": PK.Park, "Company": PK.Company, "Person": PK.Person, "GovernmentBody": PK.GovernmentBody,
             "Institute": PK.Institute, "Place": PK.Place}
RELATION_IRI = {"hosts": PK.hosts, "partnersWith": PK.partnersWith, "worksFor": PK.worksFor,
                "locatedIn": PK.locatedIn, "subsidiaryOf": PK.subsidiaryOf, "manages": PK.manages}


def _zh(s: str) -> Literal:
    return Literal(s, lang="zh")


def to_rdf(G: nx.MultiDiGraph) -> Graph:
    g = new_graph()
    articles = G.graph.get("articles", {})
    for doc_id, a in articles.items():
        art = URIRef(a["iri"])
        g.add((art, RDF.type, PK.Article))
        g.add((art, PK.sourceFile, Literal(a["source"])))
        if a.get("title"):
            g.add((art, DCTERMS.title, _zh(a["title"])))
        if a.get("date"):
            g.add((art, DCTERMS.date, Literal(a["date"], datatype=XSD.date)))
        if a.get("url"):
            g.add((art, DCTERMS.source, URIRef(a["url"]) if _is_iri(a["url"]) else Literal(a["url"])))
    for iri, d in G.nodes(data=True):
        s = URIRef(iri)
        g.add((s, RDF.type, CLASS_IRI[d["cls"]]))
        if d.get("fortune500"):
            g.add((s, RDF.type, PK.Fortune500Firm))
        g.add((s, RDFS.label, _zh(d["label"])))
        for alt in d.get("alt_labels", ()):
            g.add((s, SKOS.altLabel, _zh(alt)))
        if d.get("label_en"):
            g.add((s, SKOS.altLabel, Literal(d["label_en"], lang="en")))
        if d.get("fortune500_rank"):
            g.add((s, PK.fortune500Rank, Literal(int(d["fortune500_rank"]))))
        for x in d.get("lists", ()):
            g.add((s, PK.listedIn, _zh(x)))
        for doc_id in d.get("docs", ()):
            g.add((s, PK.mentionedIn, URIRef(articles[doc_id]["iri"])))
    for u, v, kind, d in G.edges(keys=True, data=True):
        p = RELATION_IRI[kind]
        su, sv = URIRef(u), URIRef(v)
        g.add((su, p, sv))
        if kind == "partnersWith":
            g.add((sv, p, su))
        for ev in d["evidence"]:
            st = mint_statement_iri(u, kind, v, ev["doc_id"], str(ev["start"]), str(ev["end"]), ev.get("role", ""))
            g.add((st, RDF.type, RDF.Statement))
            g.add((st, RDF.subject, su))
            g.add((st, RDF.predicate, p))
            g.add((st, RDF.object, sv))
            g.add((st, PROV.wasDerivedFrom, URIRef(articles[ev["doc_id"]]["iri"])))
            g.add((st, PK.evidence, _zh(ev["sentence"])))
            g.add((st, PK.startOffset, Literal(int(ev["start"]))))
            g.add((st, PK.endOffset, Literal(int(ev["end"]))))
            g.add((st, PK.implied, Literal(bool(ev.get("implied", False)))))
            if ev.get("role"):
                g.add((st, PK.role, _zh(ev["role"])))
    return g


def _is_iri(s: str) -> bool:
    return s.startswith(("http://", "https://")) and not any(c in s for c in ' <>"{}|\\^`')


def serialize_turtle(g: Graph) -> bytes:
    """Deterministic Turtle: rdflib's serializer sorts subjects and objects; no blank nodes are used."""
    return g.serialize(format="turtle", encoding="utf-8")


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over the target."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
