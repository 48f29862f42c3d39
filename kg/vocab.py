"""The ParkKG vocabulary as code, IRI minting and the one place prefixes are bound.

Every ``pk:`` term the code emits is an attribute of :class:`PK`; ``_fail = True`` makes a typo raise instead of
minting a junk IRI. ``tests/test_ontology.py`` checks this module against ``ontology/parkkg.ttl`` both ways.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/parkkg/ontology"
ID_BASE = "https://w3id.org/parkkg/id/"


class PK(DefinedNamespace):
    _NS = Namespace("https://w3id.org/parkkg/ontology#")
    _fail = True

    # classes
    Park: URIRef
    Company: URIRef
    Fortune500Firm: URIRef
    Person: URIRef
    GovernmentBody: URIRef
    Institute: URIRef
    Place: URIRef
    Article: URIRef
    # relations between entities
    hosts: URIRef
    partnersWith: URIRef
    worksFor: URIRef
    locatedIn: URIRef
    subsidiaryOf: URIRef
    manages: URIRef
    # entity -> article
    mentionedIn: URIRef
    # datatype properties
    role: URIRef
    evidence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    sourceFile: URIRef
    implied: URIRef
    cue: URIRef
    listedIn: URIRef
    fortune500Rank: URIRef


ID = Namespace(ID_BASE)

PREFIXES = {
    "pk": Namespace(str(PK._NS)),
    "id": ID,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "xsd": XSD,
}


#: What ``graph.ttl`` declares for our resources: one prefix per kind of IRI minted below, named as its path
#: segment (``company:71f400152aec4c36`` is ``id:company/71f400152aec4c36``), so that the Turtle writes them
#: as prefixed names (a local name cannot hold the ``/`` of ``id:company/…`` unescaped). The Turtle writer
#: uses them, and a query may too (``park:1abe…`` copied from graph.ttl); messages and the other formats keep
#: :data:`PREFIXES`.
RESOURCE_KINDS = ("park", "company", "person", "governmentbody", "institute", "place", "article", "stmt")
RESOURCE_PREFIXES = {kind: Namespace(f"{ID_BASE}{kind}/") for kind in RESOURCE_KINDS}


def new_graph(store: str = "default") -> Graph:
    """An rdflib Graph with exactly our prefixes bound (no ``ns1:`` surprises, none of rdflib's ~30 defaults)."""
    g = Graph(store=store, bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


_WS = re.compile(r"\s+")


_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


@lru_cache(maxsize=1 << 16)
def normalise_name(name: str) -> str:
    """The comparison form of a name: NFKC, whitespace and zero-width characters removed."""
    s = unicodedata.normalize("NFKC", name).translate(_ZERO_WIDTH)
    return _WS.sub("", s)


_BRACKETED = re.compile(r"[(（][^)）]*[)）]")


def park_key(name: str) -> str:
    """Comparison key for park name variants: X高新技术产业开发区 = X高新区, 长沙国家级经开区 = 长沙经开区."""
    n = _BRACKETED.sub("", normalise_name(name))
    return n.replace("高新技术产业开发区", "高新区").replace("经济技术开发区", "经开区").replace("国家级", "")


def _digest(*parts: str) -> str:
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:16]


def mint_entity_iri(cls: str, key: str) -> URIRef:
    """A stable ASCII IRI for an entity: ``id/<class>/<hash of its merge key>``."""
    return ID[f"{cls.lower()}/{_digest(cls, key)}"]


def mint_article_iri(doc_id: str) -> URIRef:
    slug = re.sub(r"[^A-Za-z0-9_.-]", "_", doc_id)[:60].strip("_.") or "doc"
    return ID[f"article/{slug}-{_digest(doc_id)[:8]}"]


def mint_statement_iri(*parts: str) -> URIRef:
    return ID[f"stmt/{_digest(*parts)}"]


def ontology_path() -> Path:
    """The ontology shipped inside the package, ``kg/ontology/parkkg.ttl`` (the SHACL shapes lie beside it).

    The repository's top-level ``ontology/`` is the source of truth; ``kg/ontology/`` is its copy for the wheel
    (``cp ontology/*.ttl kg/ontology/`` after editing; ``tests/test_packaging.py`` fails while they differ).
    """
    path = Path(__file__).resolve().parent / "ontology" / "parkkg.ttl"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: the ontology is missing from the installed kg package")
    return path
