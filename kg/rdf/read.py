"""Rebuild the viewer's networkx graph from ``OUT/graph.ttl`` (the RDF shape in docs/DESIGN.md).

Parsing is pyoxigraph's (Rust, streaming); the triples are then grouped in one pass. Articles are keyed by
their IRI: the Turtle does not carry the pipeline's ``doc_id``, and the view only needs a key that nodes and
evidence share.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.errors import OutputError
from kg.records import EntityClass, RelationKind
from kg.vocab import PK

_PK = str(PK._NS)
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
_DCT = "http://purl.org/dc/terms/"
_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
_TYPE = _RDF + "type"
_CLASSES = {_PK + c.value: c.value for c in EntityClass}
_KINDS = {_PK + k.value: k.value for k in RelationKind}
_SYMMETRIC = {k.value for k in RelationKind if k.symmetric}


def _value(term) -> str:
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)) else str(term)


def graph_from_turtle(path) -> nx.MultiDiGraph:
    """The networkx graph (schema in docs/DESIGN.md) described by a ParkKG Turtle file.

    Node attributes ``cls``, ``label``, ``alt_labels``, ``label_en``, ``fortune500``, ``fortune500_rank``,
    ``lists``, ``docs`` (article IRIs); one edge per asserted relation with the evidence of its
    ``rdf:Statement`` resources; ``G.graph["articles"]`` keyed by article IRI. Raises
    :class:`kg.errors.OutputError` when the file is missing or is not Turtle.
    """
    path = Path(path)
    props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    try:
        for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            s, p, o = t.subject, t.predicate.value, t.object
            if isinstance(s, ox.BlankNode):
                s_key = "_:" + s.value
            else:
                s_key = s.value
            props[s_key][p].append(o)
    except FileNotFoundError as e:
        raise OutputError(f"{path}: not found (run `kg build` first)") from e
    except (SyntaxError, ValueError, OSError) as e:
        raise OutputError(f"{path}: cannot read the graph: {e}") from e

    G = nx.MultiDiGraph()
    articles = {}
    statements = []
    for s, p in props.items():
        types = {_value(o) for o in p.get(_TYPE, ())}
        if _PK + "Article" in types:
            articles[s] = {
                "iri": s,
                "title": _first(p, _DCT + "title"),
                "source": _first(p, _PK + "sourceFile"),
                "url": _first(p, _DCT + "source"),
                "date": _first(p, _DCT + "date"),
                "n_chars": None,
            }
        if _RDF + "Statement" in types:
            statements.append((s, p))
        cls = next((_CLASSES[t] for t in sorted(types) if t in _CLASSES), None)
        if cls is None:
            continue
        labels = p.get(_RDFS_LABEL, ())
        zh_labels = sorted(_value(o) for o in labels if not _lang(o).startswith("en"))
        label = zh_labels[0] if zh_labels else (sorted(_value(o) for o in labels) or [""])[0]
        alts = [o for o in p.get(_ALT, ())]
        en = sorted(_value(o) for o in alts + list(labels) if _lang(o).startswith("en"))
        label_en = en[0] if en else ""
        alt_labels = tuple(sorted({_value(o) for o in alts} - {label, label_en}))
        rank = _first(p, _PK + "fortune500Rank")
        G.add_node(s, cls=cls, label=label, alt_labels=alt_labels, label_en=label_en,
                   fortune500=_PK + "Fortune500Firm" in types, fortune500_rank=int(rank) if rank else None,
                   lists=tuple(sorted(_value(o) for o in p.get(_PK + "listedIn", ()))),
                   docs=tuple(sorted(_value(o) for o in p.get(_PK + "mentionedIn", ()))))
    G.graph["articles"] = dict(sorted(articles.items()))

    def edge(u: str, kind: str, v: str) -> tuple[str, str] | None:
        if u not in G or v not in G:
            return None
        if kind in _SYMMETRIC and v < u:
            u, v = v, u
        if not G.has_edge(u, v, key=kind):
            G.add_edge(u, v, key=kind, kind=kind, evidence=[])
        return u, v

    for s in sorted(G.nodes):
        for pred, kind in _KINDS.items():
            for o in props[s].get(pred, ()):
                edge(s, kind, _value(o))
    seen = set()
    for _, p in sorted(statements, key=lambda sp: sp[0]):
        kind = _KINDS.get(_first(p, _RDF + "predicate"))
        if kind is None:
            continue
        uv = edge(_first(p, _RDF + "subject"), kind, _first(p, _RDF + "object"))
        if uv is None:
            continue
        start, end = _first(p, _PK + "startOffset"), _first(p, _PK + "endOffset")
        ev = {"doc_id": _first(p, _DERIVED), "sentence": _first(p, _PK + "evidence"),
              "start": int(start) if start else None, "end": int(end) if end else None,
              "role": _first(p, _PK + "role"), "implied": _first(p, _PK + "implied") == "true", "cue": ""}
        key = (uv, kind, ev["doc_id"], ev["start"], ev["end"], ev["sentence"], ev["role"])
        if key in seen:
            continue
        seen.add(key)
        G.edges[uv[0], uv[1], kind]["evidence"].append(ev)
    for u, v, k, data in G.edges(keys=True, data=True):
        data["evidence"] = tuple(sorted(data["evidence"], key=lambda e: (e["doc_id"], e["start"] or 0, e["sentence"])))
    return G


def _first(p: dict, pred: str) -> str:
    values = sorted(_value(o) for o in p.get(pred, ()))
    return values[0] if values else ""


def _lang(term) -> str:
    return (term.language or "") if isinstance(term, ox.Literal) else ""
