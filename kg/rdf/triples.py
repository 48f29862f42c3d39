"""Records -> triples: the one mapping of the graph to RDF (the public contract, see docs/DESIGN.md).

Every relation is asserted (partnersWith in both directions, so a plain triple pattern finds it either way)
and each piece of evidence is also an ``rdf:Statement`` with its article, sentence and character offsets.
Builds (:mod:`kg.rdf.assembly`), tests and evaluation (:func:`to_rdf`, :func:`kg.rdf.turtle.graph_turtle`)
all go through :func:`article_triples`, :func:`node_triples` and :func:`statement_triples`.
"""
from __future__ import annotations

import re
from functools import partial
from typing import Callable, Iterable, Iterator

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.vocab import PK, mint_statement_iri, new_graph


CLASS_IRI = {"Park": PK.Park, "Company": PK.Company, "Person": PK.Person, "GovernmentBody": PK.GovernmentBody,
             "Institute": PK.Institute, "Place": PK.Place}
RELATION_IRI = {"hosts": PK.hosts, "partnersWith": PK.partnersWith, "worksFor": PK.worksFor,
                "locatedIn": PK.locatedIn, "subsidiaryOf": PK.subsidiaryOf, "manages": PK.manages}


_RDF, _RDFS, _SKOS, _PROV, _DCT, _XSD = (str(RDF), str(RDFS), str(SKOS), str(PROV), str(DCTERMS), str(XSD))
_TYPE = _RDF + "type"

# A plain triple: (subject IRI, predicate IRI, object), the object either ``(0, iri)`` or
# ``(1, lexical, language, datatype IRI)``. Plain tuples sort cheaply and convert to rdflib or Oxigraph terms.
PlainTriple = tuple[str, str, tuple]


def _iri(x: str) -> tuple:
    return (0, str(x))


def _zh(s: str) -> tuple:
    return (1, s, "zh", "")


def _int(n: int) -> tuple:
    return (1, str(int(n)), "", _XSD + "integer")


def _bool(b: bool) -> tuple:
    return (1, "true" if b else "false", "", _XSD + "boolean")


_XSD_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _is_xsd_date(value: str) -> bool:
    """Is ``value`` a valid ``xsd:date`` in the ``YYYY-MM-DD`` form ingest writes (a real calendar day)?"""
    import datetime

    if not _XSD_DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_iri(s: str) -> bool:
    """An absolute http(s) IRI that Oxigraph's strict parser accepts (else the URL is kept as a literal)."""
    if not s.startswith(("http://", "https://")) or any(c in s for c in ' <>"{}|\\^`') \
            or any(ord(c) < 0x21 or 0x7f <= ord(c) <= 0x9f for c in s):
        return False
    import pyoxigraph as ox

    try:
        ox.NamedNode(s)
    except ValueError:
        return False
    return True


def article_triples(a: dict) -> Iterator[PlainTriple]:
    art = a["iri"]
    yield art, _TYPE, _iri(PK.Article)
    yield art, str(PK.sourceFile), (1, a["source"], "", "")
    if a.get("title"):
        yield art, _DCT + "title", _zh(a["title"])
    # ingest normalises dates; one that is still no valid xsd:date is left out, never written ill-typed
    if a.get("date") and _is_xsd_date(a["date"]):
        yield art, _DCT + "date", (1, a["date"], "", _XSD + "date")
    if a.get("url"):
        yield art, _DCT + "source", _iri(a["url"]) if _is_iri(a["url"]) else (1, a["url"], "", "")


def node_triples(G: nx.MultiDiGraph, s: str, mentioned_in: Iterable[str] | None = None) -> Iterator[PlainTriple]:
    """An entity's own triples, its outgoing relations, and partnersWith pointing back at it.

    ``mentioned_in``: the IRIs of the articles that mention it (default: from the node's ``docs``)."""
    d = G.nodes[s]
    if mentioned_in is None:
        articles = G.graph.get("articles", {})
        mentioned_in = (articles[doc_id]["iri"] for doc_id in d.get("docs", ()))
    yield s, _TYPE, _iri(CLASS_IRI[d["cls"]])
    if d.get("fortune500"):
        yield s, _TYPE, _iri(PK.Fortune500Firm)
    yield s, _RDFS + "label", _zh(d["label"])
    for alt in d.get("alt_labels", ()):
        yield s, _SKOS + "altLabel", _zh(alt)
    if d.get("label_en"):
        yield s, _SKOS + "altLabel", (1, d["label_en"], "en", "")
    if d.get("fortune500_rank"):
        yield s, str(PK.fortune500Rank), _int(d["fortune500_rank"])
    for x in d.get("lists", ()):
        yield s, str(PK.listedIn), _zh(x)
    for article in mentioned_in:
        yield s, str(PK.mentionedIn), _iri(article)
    for _, v, kind in G.out_edges(s, keys=True):
        yield s, str(RELATION_IRI[kind]), _iri(v)
    for u, _, kind in G.in_edges(s, keys=True):
        if kind == "partnersWith":  # symmetric: asserted in both directions
            yield s, str(RELATION_IRI[kind]), _iri(u)


def statement_iri(u: str, kind: str, v: str, ev: dict) -> str:
    return str(mint_statement_iri(u, kind, v, ev["doc_id"], str(ev["start"]), str(ev["end"]), ev.get("role", "")))


def statement_triples(st: str, u: str, v: str, kind: str, ev: dict, article: str) -> Iterator[PlainTriple]:
    """One piece of evidence of the relation ``u kind v`` as an ``rdf:Statement`` from ``article`` (its IRI)."""
    yield st, _TYPE, _iri(_RDF + "Statement")
    yield st, _RDF + "subject", _iri(u)
    yield st, _RDF + "predicate", _iri(RELATION_IRI[kind])
    yield st, _RDF + "object", _iri(v)
    yield st, _PROV + "wasDerivedFrom", _iri(article)
    yield st, str(PK.evidence), _zh(ev["sentence"])
    yield st, str(PK.startOffset), _int(ev["start"])
    yield st, str(PK.endOffset), _int(ev["end"])
    yield st, str(PK.implied), _bool(ev.get("implied", False))
    if ev.get("cue"):
        yield st, str(PK.cue), (1, ev["cue"], "", _XSD + "string")
    if ev.get("role"):
        yield st, str(PK.role), _zh(ev["role"])


def _subjects(G: nx.MultiDiGraph) -> Iterator[tuple[str, Callable[[], Iterator[PlainTriple]]]]:
    """Every subject IRI of the RDF form with a function that yields all of its triples."""
    for a in G.graph.get("articles", {}).values():
        yield a["iri"], partial(article_triples, a)
    for s in G.nodes:
        yield s, partial(node_triples, G, s)
    articles = G.graph.get("articles", {})
    for u, v, kind, d in G.edges(keys=True, data=True):
        for ev in d["evidence"]:
            st = statement_iri(u, kind, v, ev)
            yield st, partial(statement_triples, st, u, v, kind, ev, articles[ev["doc_id"]]["iri"])


def plain_triples(G: nx.MultiDiGraph) -> Iterator[PlainTriple]:
    """Every triple of the graph's RDF form (the contract in docs/DESIGN.md), as plain tuples."""
    for _, triples in _subjects(G):
        yield from triples()


def triple_sort_key(t: PlainTriple) -> tuple:
    return (t[0], t[1] != _TYPE, t[1], t[2])  # `a` first


def _rdflib_object(o: tuple):
    if o[0] == 0:
        return URIRef(o[1])
    return Literal(o[1], lang=o[2] or None, datatype=URIRef(o[3]) if o[3] else None)


def to_rdf(G: nx.MultiDiGraph) -> Graph:
    """The graph as an rdflib Graph with our prefixes bound."""
    g = new_graph()
    for s, p, o in plain_triples(G):
        g.add((URIRef(s), URIRef(p), _rdflib_object(o)))
    return g
