"""Deterministic Turtle: plain triples in, byte-identical output for the same graph, written atomically.
"""
from __future__ import annotations

import os
import re
from typing import Callable, Iterable, Iterator

import networkx as nx
from rdflib import BNode, Graph, Literal

from kg.vocab import PREFIXES, RESOURCE_PREFIXES
from kg.io import atomic_output
from kg.rdf.triples import PlainTriple, _TYPE, _XSD, _subjects, triple_sort_key


# What a quoted literal escapes: the characters Oxigraph's Turtle serializer escapes (checked over every code
# point in tests/test_output_safety.py), so that both give the same bytes.
_LITERAL_ESCAPES = {i: f"\\u{i:04X}" for i in range(0x20)}
_LITERAL_ESCAPES.update({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"',
                         0x5C: "\\\\", 0x7F: "\\u007F", 0xFFFE: "\\uFFFE", 0xFFFF: "\\uFFFF"})
_NEEDS_ESCAPE = re.compile("[\x00-\x1f\"\\\\\x7f\ufffe\uffff]")
# A local name written unescaped, as Oxigraph writes it (a subset of Turtle's PN_LOCAL: ASCII, dots inside only);
# any other IRI is written in full
_LOCAL_NAME = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_INTEGER = re.compile(r"[+-]?[0-9]+")


def _quoted(lexical: str) -> str:
    if _NEEDS_ESCAPE.search(lexical):
        lexical = lexical.translate(_LITERAL_ESCAPES)
    return f'"{lexical}"'


class TurtleWriter:
    """Plain triples, already sorted and grouped by subject (:func:`triple_sort_key`), to Turtle text:
    ``@prefix`` lines, then per subject ``S p1 o1 , o2 ;\n\tp2 o3 .`` with ``a`` for ``rdf:type``, our prefixes
    (the vocabularies' and one per kind of resource, ``company:71f4…``) where the local name is a plain word,
    bare integers and booleans. The layout and escaping are those of
    Oxigraph's serializer (the same bytes, tested), at several times its speed from Python objects: no term
    object is built per triple."""

    def __init__(self, prefixes: dict[str, str] | None = None):
        if prefixes is None:
            # not id: (id:company/… would need its / escaped) but one prefix per kind of resource: company:…
            prefixes = {k: str(v) for k, v in PREFIXES.items() if k != "id"}
            prefixes.update((k, str(v)) for k, v in RESOURCE_PREFIXES.items())
        self.prefixes = prefixes
        # longest namespace first, so that a nested namespace wins
        self._by_ns = sorted(((ns, name) for name, ns in prefixes.items()), key=lambda x: -len(x[0]))
        self._iris: dict[str, str] = {}

    def header(self) -> str:
        return "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in self.prefixes.items())

    def iri(self, iri: str) -> str:
        text = self._iris.get(iri)
        if text is None:
            text = f"<{iri}>"
            for ns, name in self._by_ns:
                if iri.startswith(ns) and _LOCAL_NAME.fullmatch(iri, len(ns)):
                    text = f"{name}:{iri[len(ns):]}"
                    break
            if len(self._iris) > 200_000:  # bounded: entity IRIs repeat, statement IRIs do not
                self._iris.clear()
            self._iris[iri] = text
        return text

    def term(self, o: tuple) -> str:
        if o[0] == 0:
            return self.iri(o[1])
        _, lexical, lang, datatype = o
        if lang:
            return f"{_quoted(lexical)}@{lang}"
        if not datatype or datatype == _XSD + "string":
            return _quoted(lexical)
        if (datatype == _XSD + "integer" and _INTEGER.fullmatch(lexical)) or (
                datatype == _XSD + "boolean" and lexical in ("true", "false")):
            return lexical
        return f"{_quoted(lexical)}^^{self.iri(datatype)}"

    def chunks(self, triples: Iterable[PlainTriple], size: int = 1 << 16) -> Iterator[str]:
        """The Turtle document in pieces of about ``size`` characters, each ending where a statement ends (the
        first one holds the ``@prefix`` lines): a piece after the first is valid Turtle after :meth:`header`."""
        out = [self.header()]
        n = 0
        subject = predicate = None
        for s, p, o in triples:
            if s != subject:
                if subject is not None:
                    out.append(" .\n")
                    if n > size:
                        yield "".join(out)
                        out.clear()
                        n = 0
                pred = "a" if p == _TYPE else self.iri(p)
                out.append(f"{self.iri(s)} {pred} ")
                subject, predicate = s, p
            elif p != predicate:
                out.append(" ;\n\t" + ("a" if p == _TYPE else self.iri(p)) + " ")
                predicate = p
            else:
                out.append(" , ")
            text = self.term(o)
            out.append(text)
            n += len(text)
        if subject is not None:
            out.append(" .\n")
        yield "".join(out)


def turtle_from_plain(triples: Iterable[PlainTriple]) -> bytes:
    """Deterministic Turtle: triples sorted (subject, rdf:type first, predicate, object), duplicates dropped,
    written by :class:`TurtleWriter` (subjects grouped with ``;``, objects with ``,``), our prefixes declared."""
    return "".join(TurtleWriter().chunks(sorted(set(triples), key=triple_sort_key))).encode("utf-8")


def _sorted_stream(G: nx.MultiDiGraph) -> Iterator[PlainTriple]:
    """The triples of :func:`plain_triples` in :func:`turtle_from_plain`'s order, one subject at a time: memory
    holds the sorted subject IRIs, never every triple."""
    subjects: dict[str, Callable[[], Iterator[PlainTriple]]] = {}
    for iri, triples in _subjects(G):
        subjects.setdefault(iri, triples)
    for iri in sorted(subjects):
        yield from sorted(set(subjects.pop(iri)()), key=triple_sort_key)


def graph_turtle(G: nx.MultiDiGraph) -> bytes:
    """The networkx graph straight to deterministic Turtle (the same bytes as ``turtle_from_plain``)."""
    return "".join(TurtleWriter().chunks(_sorted_stream(G))).encode("utf-8")


def write_graph_turtle(G: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    """:func:`graph_turtle` streamed into ``path`` atomically (temporary file, fsync, rename)."""
    write_turtle_stream(_sorted_stream(G), path)


def write_turtle_stream(triples: Iterable[PlainTriple], path: str | os.PathLike,
                        tee: Callable[[bytes], object] | None = None) -> None:
    """Plain triples *already in* :func:`turtle_from_plain`'s order, without duplicates, streamed into ``path``
    as Turtle, atomically (temporary file, fsync, rename).

    ``tee``: also called with each piece of the document as it is written, in order; every piece ends where a
    statement ends and the first holds the ``@prefix`` lines (see :meth:`TurtleWriter.chunks`), so that the
    build's store loads what is written here without reading the file back (:func:`kg.store.database.streamed_store`).
    """
    with atomic_output(path) as f:
        for chunk in TurtleWriter().chunks(triples):
            data = chunk.encode("utf-8")
            f.write(data)
            if tee is not None:
                tee(data)


def _plain_from_rdflib(g: Graph) -> Iterator[PlainTriple]:
    for s, p, o in g:
        if isinstance(s, BNode) or isinstance(o, BNode):
            raise ValueError("blank nodes are not used in ParkKG graphs")
        if isinstance(o, Literal):
            yield str(s), str(p), (1, str(o), o.language or "", str(o.datatype) if o.datatype else "")
        else:
            yield str(s), str(p), (0, str(o))


def serialize_turtle(g: Graph) -> bytes:
    """An rdflib Graph (no blank nodes) as deterministic Turtle, the same bytes :func:`graph_turtle` writes."""
    return turtle_from_plain(_plain_from_rdflib(g))
