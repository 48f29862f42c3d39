"""The ontology declares exactly the vocabulary the code uses (kg.vocab.PK), and every pk: IRI anyone uses."""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

from kg.vocab import ONTOLOGY_IRI, PK, ontology_path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rdf"
NS = str(PK._NS)
DECLARING = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


@pytest.fixture(scope="module")
def graph_ttl(request) -> Path:
    """The Turtle of the seeds' build (conftest ``seeds_out``), or the hand-written fixture until it exists."""
    try:
        out = request.getfixturevalue("seeds_out")
    except pytest.FixtureLookupError:
        return FIXTURES / "sample_graph.ttl"
    return Path(out) / "graph.ttl"


def code_terms() -> set[str]:
    return {NS + name for name in PK.__annotations__}


def declared_terms(onto: Graph) -> set[str]:
    return {str(s) for t in DECLARING for s in onto.subjects(RDF.type, t) if str(s).startswith(NS)}


def pk_iris(text: str) -> set[str]:
    """Every pk: term in a Turtle/SPARQL text, whether written as pk:name or <...#name>."""
    found = {NS + m for m in re.findall(r"(?<![\w:])pk:([A-Za-z_][\w-]*)", text)}
    found |= set(re.findall(re.escape(NS) + r"[A-Za-z_][\w-]*", text))
    return found


def test_every_code_term_is_declared_and_vice_versa(onto):
    declared, code = declared_terms(onto), code_terms()
    assert code - declared == set(), "in kg.vocab.PK but not declared in ontology/parkkg.ttl"
    assert declared - code == set(), "declared in the ontology but missing from kg.vocab.PK"


def test_no_pk_iri_in_the_ontology_is_undeclared(onto):
    used = {str(t) for triple in onto for t in triple if isinstance(t, URIRef) and str(t).startswith(NS)}
    assert used <= declared_terms(onto)


def test_header(onto):
    heads = list(onto.subjects(RDF.type, OWL.Ontology))
    assert heads == [URIRef(ONTOLOGY_IRI)]
    h = heads[0]
    assert onto.value(h, OWL.versionInfo) is not None
    assert {t.language for t in onto.objects(h, DCTERMS.title)} == {"zh", "en"}
    assert onto.value(h, DCTERMS.license) is not None
    assert onto.value(h, DCTERMS.creator) is not None


@pytest.mark.parametrize("name", sorted(PK.__annotations__))
def test_term_is_documented(onto, name):
    term = URIRef(NS + name)
    for prop in (RDFS.label, RDFS.comment):
        langs = {o.language for o in onto.objects(term, prop) if isinstance(o, Literal)}
        assert {"zh", "en"} <= langs, f"{name}: {prop} needs @zh and @en"
    assert onto.value(term, RDFS.isDefinedBy) == URIRef(ONTOLOGY_IRI)
    if (term, RDF.type, OWL.Class) not in onto:
        assert onto.value(term, RDFS.range) is not None, f"{name} has no rdfs:range"


def test_axioms(onto):
    assert (PK.partnersWith, RDF.type, OWL.SymmetricProperty) in onto
    assert (PK.Fortune500Firm, RDFS.subClassOf, PK.Company) in onto
    assert onto.value(PK.manages, RDFS.domain) == PK.GovernmentBody
    assert onto.value(PK.manages, RDFS.range) == PK.Park
    assert onto.value(PK.worksFor, RDFS.domain) == PK.Person
    # the range of hosts is the union Company ∪ Institute ∪ GovernmentBody
    rng = onto.value(PK.hosts, RDFS.range)
    members = set(onto.items(onto.value(rng, OWL.unionOf)))
    assert members == {PK.Company, PK.Institute, PK.GovernmentBody}


def test_ontology_parses_with_pyoxigraph():
    triples = list(ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE))
    assert len(triples) > 100


def test_every_pk_iri_the_pipeline_writes_is_declared(onto, graph_ttl):
    g = Graph().parse(graph_ttl, format="turtle")
    used = {str(t) for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(NS)}
    assert used, "the graph uses no pk: term at all"
    assert used - declared_terms(onto) == set()


def test_every_pk_iri_in_queries_and_shapes_is_declared(onto):
    files = sorted((ROOT / "kg" / "store" / "queries").glob("*.rq")) + [ontology_path().with_name("shapes.ttl")]
    assert len(files) > 10
    for f in files:
        undeclared = pk_iris(f.read_text(encoding="utf-8")) - declared_terms(onto)
        assert undeclared == set(), f"{f.name} uses undeclared terms"


def test_the_check_catches_a_typo(onto):
    """The W3C ORG lesson (org:subOrganzationOf): a misspelt term must not pass."""
    assert pk_iris("SELECT * { ?s pk:subsidaryOf ?o }") - declared_terms(onto) == {NS + "subsidaryOf"}
