"""Format conversions of a build's graph: Turtle, N-Triples, JSON-LD and TriG (``kg export``).

The triples come from the build's store (``OUT/store``, or ``graph.ttl`` when the store is missing).

TriG layout (one named graph per article, plus the ontology):

- ``<article IRI>``: the article resource itself; every ``rdf:Statement`` derived from that article
  (``prov:wasDerivedFrom``) with all its triples; the relation each asserts (``s pk:rel o``; both directions for
  the symmetric ``pk:partnersWith``); and the description of each entity the article mentions (``rdf:type``,
  ``rdfs:label``, ``skos:altLabel``, ``pk:listedIn``, ``pk:fortune500Rank`` and its ``pk:mentionedIn`` that
  article). An entity or relation found in several articles therefore appears in each of their graphs: dropping
  one article's graph withdraws exactly what only that article said.
- ``<https://w3id.org/parkkg/ontology>``: ``ontology/parkkg.ttl``.
- the default graph: any triple no article accounts for (none in a normal build), so that the union of all
  graphs but the ontology is always the whole ``graph.ttl``.

Every output is deterministic: the same graph gives the same bytes.
"""
from __future__ import annotations

import json
import os
from collections import defaultdict

import pyoxigraph as ox

from kg.errors import OutputError
from kg.store.database import open_store
from kg.vocab import ONTOLOGY_IRI, PK, PREFIXES, ontology_path

FORMATS = ("turtle", "ntriples", "jsonld", "trig")
SUFFIX = {"turtle": ".ttl", "ntriples": ".nt", "jsonld": ".jsonld", "trig": ".trig"}

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_TYPE = ox.NamedNode(_RDF + "type")
_STATEMENT = ox.NamedNode(_RDF + "Statement")
_SUBJECT, _PREDICATE, _OBJECT = (ox.NamedNode(_RDF + x) for x in ("subject", "predicate", "object"))
_DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
_MENTIONED = ox.NamedNode(str(PK.mentionedIn))
_PARTNERS = ox.NamedNode(str(PK.partnersWith))
_DESCRIPTION = {ox.NamedNode(x) for x in (
    _RDF + "type", "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#altLabel",
    str(PK.listedIn), str(PK.fortune500Rank))}


def _prefixes() -> dict[str, str]:
    return {k: str(v) for k, v in PREFIXES.items()}


def _sort_key(q: ox.Quad | ox.Triple) -> tuple[str, ...]:
    return tuple(str(t) for t in q)


def graph_triples(store: ox.Store) -> list[ox.Triple]:
    """The default-graph triples of ``store``, in a stable order."""
    triples = [q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())]
    triples.sort(key=_sort_key)
    return triples


def article_quads(triples: list[ox.Triple]) -> list[ox.Quad]:
    """Split ``triples`` into one named graph per article (see the module docstring); ontology not included."""
    by_subject: dict[object, list[ox.Triple]] = defaultdict(list)
    for t in triples:
        by_subject[t.subject].append(t)
    present = set(triples)
    graphs: dict[object, set[ox.Triple]] = defaultdict(set)
    for t in triples:
        if t.predicate == _TYPE and t.object == _STATEMENT:
            st = t.subject
            parts = {u.predicate: u.object for u in by_subject[st]}
            for u in by_subject[st]:
                if u.predicate != _DERIVED:
                    continue
                g = graphs[u.object]
                g.update(by_subject[st])
                s, p, o = parts.get(_SUBJECT), parts.get(_PREDICATE), parts.get(_OBJECT)
                if s is not None and isinstance(p, ox.NamedNode) and o is not None:
                    for cand in ((s, p, o), (o, p, s) if p == _PARTNERS else None):
                        if cand and not isinstance(cand[0], ox.Literal):
                            asserted = ox.Triple(*cand)
                            if asserted in present:
                                g.add(asserted)
        elif t.predicate == _MENTIONED:
            g = graphs[t.object]
            g.add(t)
            g.update(u for u in by_subject[t.subject] if u.predicate in _DESCRIPTION)
    placed: set[ox.Triple] = set()
    quads = []
    for article, g in graphs.items():
        g.update(by_subject.get(article, ()))
        placed.update(g)
        quads.extend(ox.Quad(t.subject, t.predicate, t.object, article) for t in g)
    quads.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples if t not in placed)
    quads.sort(key=lambda q: (str(q.graph_name), ) + _sort_key(q.triple))
    return quads


def ontology_quads() -> list[ox.Quad]:
    g = ox.NamedNode(ONTOLOGY_IRI)
    names: dict[ox.BlankNode, ox.BlankNode] = {}

    def stable(term):  # parsed blank nodes get random ids; name them by order of appearance instead
        if isinstance(term, ox.BlankNode):
            return names.setdefault(term, ox.BlankNode(f"onto{len(names)}"))
        return term

    triples = ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE)
    quads = [ox.Quad(stable(t.subject), t.predicate, stable(t.object), g) for t in triples]
    return sorted(quads, key=_sort_key)


def serialise(out_dir: str | os.PathLike, fmt: str) -> bytes:
    """The graph of the build in ``out_dir`` as ``fmt`` (one of :data:`FORMATS`)."""
    if fmt not in FORMATS:
        raise OutputError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    from kg.output import current_generation

    out = current_generation(out_dir)  # once: every file read below belongs to the same build
    if fmt == "turtle" and (out / "graph.ttl").is_file():
        return (out / "graph.ttl").read_bytes()  # already deterministic Turtle with our prefixes
    triples = graph_triples(open_store(out))
    if fmt == "turtle":
        return _stable_prefixes(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=_prefixes()) or b"")
    if fmt == "ntriples":
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        return b"".join(sorted(data.splitlines(keepends=True)))
    if fmt == "jsonld":
        return _jsonld(triples)
    quads = ontology_quads() + article_quads(triples)
    return _stable_prefixes(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=_prefixes()) or b"")


def _stable_prefixes(data: bytes) -> bytes:
    """pyoxigraph writes the ``@prefix`` lines in hash order; sort them so the output is byte-stable."""
    lines = data.splitlines(keepends=True)
    n = 0
    while n < len(lines) and lines[n].startswith(b"@prefix "):
        n += 1
    return b"".join(sorted(lines[:n]) + lines[n:])


def _jsonld(triples: list[ox.Triple]) -> bytes:
    """Compact JSON-LD with our prefixes as the ``@context`` (rdflib's serialiser; parses back to the same graph)."""
    from kg.vocab import new_graph

    g = new_graph()
    g.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"", format="nt")
    context = {k: str(v) for k, v in PREFIXES.items()}
    doc = json.loads(g.serialize(format="json-ld", context=context))
    nodes = doc.get("@graph", [])
    for node in nodes:  # rdflib emits nodes and values in set order: sort both for byte-stable output
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    nodes.sort(key=lambda n: n.get("@id", ""))
    return (json.dumps(doc, sort_keys=True, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def export(out_dir: str | os.PathLike, fmt: str, dest: str | os.PathLike) -> int:
    """Write the export to ``dest`` atomically (:func:`kg.io.write_atomic`); return the number of bytes."""
    from kg.io import write_atomic

    data = serialise(out_dir, fmt)
    write_atomic(dest, data)
    return len(data)
