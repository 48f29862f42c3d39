"""networkx graph -> rdflib Graph (the public contract, see docs/DESIGN.md) -> deterministic Turtle.

Every relation is asserted (partnersWith in both directions, so a plain triple pattern finds it either way)
and each piece of evidence is also an ``rdf:Statement`` with its article, sentence and character offsets.
"""
from __future__ import annotations

import os
import re
import tempfile
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

import networkx as nx
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.errors import OutputError
from kg.vocab import PK, PREFIXES, RESOURCE_PREFIXES, mint_statement_iri, new_graph

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
    build's store loads what is written here without reading the file back (:func:`kg.store.streamed_store`).
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


def serialize_turtle(g: Graph) -> bytes:
    """An rdflib Graph (no blank nodes) as deterministic Turtle, the same bytes :func:`graph_turtle` writes."""
    return turtle_from_plain(_plain_from_rdflib(g))


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def fsync_dir(folder: str | os.PathLike) -> None:
    """Flush ``folder``'s entries (a rename into it) to disk. Where a system or file system cannot fsync a
    folder (Windows, some network file systems) this does nothing; a real I/O error is raised (OSError)."""
    import errno

    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as e:
        if e.errno in (errno.EACCES, errno.EPERM, errno.EISDIR, errno.ENOTDIR, errno.EINVAL):
            return
        raise
    try:
        os.fsync(fd)
    except OSError as e:
        if e.errno not in (errno.EINVAL, errno.EBADF, errno.ENOTSUP, errno.EROFS, errno.EACCES, errno.EPERM):
            raise
    finally:
        os.close(fd)


@contextmanager
def atomic_output(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary file that replaces ``path`` only once it is completely written (temporary file in the same
    folder, fsync, usual permissions, rename); on any error the temporary file is removed and ``path`` kept.
    Operating-system errors (disk full, permissions) become one :class:`OutputError` naming the file."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from e
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~current_umask())  # mkstemp makes 0600; outputs get the usual permissions
        os.replace(tmp, path)
        fsync_dir(path.parent)  # the rename itself on disk: a power cut cannot take back a finished output
    except BaseException as e:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(e, OSError):
            raise OutputError(f"cannot write {path}: {e.strerror or e}") from e
        raise


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_output`)."""
    with atomic_output(path) as f:
        f.write(data)
