"""kg.store (write/open), `kg query` output formats and `kg export` conversions."""
from __future__ import annotations

import csv
import io
import json
import logging
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.errors import OutputError
from kg.store.sparql import display_width
from kg.store.database import open_store, write_store
from cli_helper import run_kg as kg

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rdf"
SAMPLE = FIXTURES / "sample_graph.ttl"
N_SAMPLE = len(Graph().parse(SAMPLE, format="turtle"))


@pytest.fixture()
def out(tmp_path) -> Path:
    """A build output folder holding the fixture graph and its store."""
    o = tmp_path / "out"
    o.mkdir()
    shutil.copy(SAMPLE, o / "graph.ttl")
    write_store(o / "graph.ttl", o / "store")
    return o


# ---------------------------------------------------------------- store

def test_write_store_holds_every_triple(out):
    store = open_store(out)
    assert len(store) == N_SAMPLE
    assert not any(p.name.startswith(".store") for p in out.iterdir()), "temporary folders left behind"


def test_rebuilding_the_store_replaces_it(out, tmp_path):
    small = tmp_path / "small.ttl"
    small.write_text('<https://e.org/a> <https://e.org/p> "x" .\n', encoding="utf-8")
    assert write_store(small, out / "store") == 1
    assert len(open_store(out)) == 1
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl", "store"]


def test_a_bad_turtle_leaves_the_old_store_intact(out, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<https://e.org/a> <https://e.org/p> .\n", encoding="utf-8")
    with pytest.raises(OutputError, match="bad.ttl"):
        write_store(bad, out / "store")
    assert len(open_store(out)) == N_SAMPLE
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl", "store"]


def _plain(data: bytes) -> list:
    """Turtle bytes as kg.rdf.triples plain triples, in the writer's order."""
    from kg.rdf.triples import triple_sort_key

    out = []
    for t in ox.parse(data, format=ox.RdfFormat.TURTLE):
        o = t.object
        if isinstance(o, ox.Literal):
            lang = o.language or ""
            dt = "" if lang or o.datatype.value.endswith("#string") else o.datatype.value
            out.append((t.subject.value, t.predicate.value, (1, o.value, lang, dt)))
        else:
            out.append((t.subject.value, t.predicate.value, (0, o.value)))
    return sorted(out, key=triple_sort_key)


def test_the_builds_store_holds_exactly_the_triples_of_its_turtle(seeds_out):
    """kg build loads the store from the Turtle as it writes it (never reading graph.ttl back): same triples."""
    store = set(ox.Store.read_only(str(seeds_out / "store")))
    assert store == set(ox.parse(path=str(seeds_out / "graph.ttl"), format=ox.RdfFormat.TURTLE)) and len(store) > 1000


def test_a_store_streamed_in_small_slices_is_the_same_store(seeds_out, tmp_path, monkeypatch):
    """Every slice after the first gets the @prefix lines again; pieces end where statements end."""
    import kg.store.database
    from kg.rdf.turtle import TurtleWriter
    from kg.store.database import streamed_store

    ttl = (seeds_out / "graph.ttl").read_bytes()
    monkeypatch.setattr(kg.store.database, "SLICE_BYTES", 3000)
    pieces = [c.encode("utf-8") for c in TurtleWriter().chunks(_plain(ttl), size=1000)]
    assert b"".join(pieces) == ttl and len(pieces) > 20
    assert all(p.endswith(b" .\n") for p in pieces)
    with streamed_store(tmp_path / "store") as feed:
        for piece in pieces:
            feed(piece)
    assert feed.triples == len(_plain(ttl))
    assert set(ox.Store.read_only(str(tmp_path / "store"))) == set(ox.parse(ttl, format=ox.RdfFormat.TURTLE))
    assert [p.name for p in tmp_path.iterdir()] == ["store"]


def test_a_failed_streamed_build_leaves_the_old_store(out, tmp_path):
    """The writer fails (its error goes through as it is) or the store meets bad Turtle (one OutputError naming
    the store): either way the old store stays whole and no temporary folder is left."""
    from kg.store.database import streamed_store

    class DiskFull(OSError):
        pass

    with pytest.raises(DiskFull):
        with streamed_store(out / "store") as feed:
            feed(b"@prefix e: <https://e.org/> .\ne:a e:p 1 .\n")
            raise DiskFull("no space")
    with pytest.raises(OutputError, match="store.*not valid"):
        with streamed_store(out / "store") as feed:
            feed(b"<https://e.org/a> <https://e.org/p> .\n")
    assert len(open_store(out)) == N_SAMPLE
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl", "store"]


def test_query_reads_the_store_not_the_turtle(out, capsys, caplog):
    """With OUT/store present `kg query` never parses graph.ttl: a broken Turtle file changes nothing."""
    (out / "graph.ttl").write_text("this is not Turtle at all .", encoding="utf-8")
    with caplog.at_level(logging.DEBUG):
        code, stdout, err = kg(capsys, "query", out, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv")
    assert code == 0 and err == ""
    assert stdout.splitlines()[1] == str(N_SAMPLE)
    assert "graph.ttl" not in caplog.text


def test_query_without_store_falls_back_to_turtle_with_a_warning(out, capsys, caplog):
    shutil.rmtree(out / "store")
    with caplog.at_level(logging.WARNING, logger="kg.store"):
        code, stdout, _ = kg(capsys, "query", out, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv")
    assert code == 0
    assert stdout.splitlines()[1] == str(N_SAMPLE)
    assert "graph.ttl" in caplog.text and "store" in caplog.text


def test_missing_output_is_one_clear_error(tmp_path, capsys):
    code, stdout, err = kg(capsys, "query", tmp_path / "nope", "ASK {}")
    assert code == 1 and stdout == ""
    assert err.count("\n") == 1 and "nope" in err and "Traceback" not in err


# ---------------------------------------------------------------- kg query

def test_inline_query_table_is_aligned_for_chinese(out, capsys):
    code, stdout, _ = kg(capsys, "query", out,
                         "SELECT ?park ?n WHERE { ?p a pk:Park ; rdfs:label ?park . "
                         "{ SELECT ?p (COUNT(?f) AS ?n) WHERE { ?p pk:hosts ?f } GROUP BY ?p } } ORDER BY ?park")
    assert code == 0
    lines = stdout.splitlines()
    assert lines[0].split() == ["park", "n"]
    assert lines[-1] == "(4 rows)"
    body = lines[2:-1]
    assert any(line.startswith("聊城高新区") for line in body)
    # numbers are right-aligned: every row has the same display width
    assert len({display_width(line) for line in body}) == 1
    # the number column starts at the same display column in every row
    starts = {display_width(line[: line.index(line.split()[-1], len(line.split()[0]))]) for line in body}
    assert len(starts) == 1


def test_display_width_counts_wide_characters_twice():
    assert display_width("聊城ab") == 6
    assert display_width("ＡＢ") == 4
    assert display_width("e\u0301") == 1


def test_query_from_file_and_prefixes_optional(out, tmp_path, capsys):
    q = tmp_path / "q.rq"
    q.write_text("SELECT ?firm WHERE { ?f a pk:Fortune500Firm ; rdfs:label ?firm }\n", encoding="utf-8")
    code, stdout, _ = kg(capsys, "query", out, "-f", q, "--format", "tsv")
    assert code == 0
    assert stdout.splitlines() == ["?firm", '"加拿大麦格纳公司"@zh']


def test_csv_and_json_follow_the_sparql_result_formats(out, capsys):
    query = "SELECT ?firm ?rank WHERE { ?f pk:fortune500Rank ?rank ; rdfs:label ?firm }"
    _, stdout, _ = kg(capsys, "query", out, query, "--format", "csv")
    assert list(csv.reader(io.StringIO(stdout))) == [["firm", "rank"], ["加拿大麦格纳公司", "287"]]
    _, stdout, _ = kg(capsys, "query", out, query, "--format", "json")
    doc = json.loads(stdout)
    assert doc["head"]["vars"] == ["firm", "rank"]
    (row,) = doc["results"]["bindings"]
    assert row["firm"] == {"type": "literal", "value": "加拿大麦格纳公司", "xml:lang": "zh"}
    assert row["rank"] == {"type": "literal", "value": "287",
                           "datatype": "http://www.w3.org/2001/XMLSchema#integer"}


def test_ask_and_construct(out, capsys):
    _, stdout, _ = kg(capsys, "query", out, "ASK { ?p a pk:Park }")
    assert stdout == "true\n"
    _, stdout, _ = kg(capsys, "query", out, "ASK { ?p a pk:Park }", "--format", "json")
    assert json.loads(stdout) == {"head": {}, "boolean": True}
    _, stdout, _ = kg(capsys, "query", out, "CONSTRUCT { ?p a pk:Park } WHERE { ?p a pk:Park }")
    assert len(Graph().parse(data=stdout, format="turtle")) == 4


def test_inline_param_is_bound_not_pasted(out, capsys):
    query = ("SELECT ?firm ?name WHERE { ?f rdfs:label ?firm . ?f rdfs:label|skos:altLabel ?l "
             "FILTER(STR(?l) = STR(?name)) }")
    code, stdout, _ = kg(capsys, "query", out, query, "--param", "name=博源", "--format", "csv")
    assert code == 0 and stdout.splitlines() == ["firm", "博源科技公司"]
    # a value that would break out of a pasted string literal is just a name that matches nothing
    code, stdout, _ = kg(capsys, "query", out, query, "--param", 'name=x") } SELECT * { ?s ?p ?o } #',
                         "--format", "csv")
    assert code == 0 and stdout.splitlines() == ["firm"]


@pytest.mark.parametrize("argv, needle", [
    (["SELECT ?x WHERE {"], "syntax"),
    (["--name", "no-such-query"], "no-such-query"),
    (["--name", "firms-in-park", "--param", "colour=red"], "colour"),
    (["--name", "firms-in-park", "--param", "park"], "NAME=VALUE"),
    ([], "exactly one"),
])
def test_query_errors_are_one_line(out, capsys, argv, needle):
    code, stdout, err = kg(capsys, "query", out, *argv)
    assert code == 1 and stdout == ""
    assert err.count("\n") == 1 and needle in err


def test_list_names_every_query_with_a_description(capsys):
    code, stdout, _ = kg(capsys, "query", "--list")
    assert code == 0
    names = [line.split()[0] for line in stdout.splitlines() if not line.startswith(" ")]
    assert len(names) >= 10
    assert {"firms-in-park", "fortune500-partners", "people-roles", "relation-evidence"} <= set(names)
    assert "--param park=" in stdout
    for line in stdout.splitlines():
        if not line.startswith(" "):
            assert len(line.split(None, 1)) == 2, f"no description: {line}"


# ---------------------------------------------------------------- kg export

@pytest.mark.parametrize("fmt, rdflib_format", [("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld")])
def test_export_formats_hold_the_same_graph(out, tmp_path, capsys, fmt, rdflib_format):
    dest = tmp_path / f"g.{fmt}"
    code, _, _ = kg(capsys, "export", out, "--format", fmt, "-o", dest)
    assert code == 0
    again = Graph().parse(dest, format=rdflib_format)
    assert isomorphic(again, Graph().parse(SAMPLE, format="turtle"))
    kg(capsys, "export", out, "--format", fmt, "-o", tmp_path / "again")
    assert (tmp_path / "again").read_bytes() == dest.read_bytes(), "export is not deterministic"


def test_trig_has_one_graph_per_article_plus_the_ontology(out, tmp_path, capsys):
    dest = tmp_path / "g.trig"
    assert kg(capsys, "export", out, "--format", "trig", "-o", dest)[0] == 0
    ds = Dataset()
    ds.parse(dest, format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    articles = {str(a) for a in Graph().parse(SAMPLE, format="turtle").subjects(
        predicate=None, object=None) if "/id/article/" in str(a)}
    assert "https://w3id.org/parkkg/ontology" in names
    assert articles <= names
    assert names - articles - {"https://w3id.org/parkkg/ontology"} <= {"urn:x-rdflib:default"}
    # the union of the article graphs (and the default graph) is the whole graph
    union = Graph()
    for g in ds.graphs():
        if str(g.identifier) != "https://w3id.org/parkkg/ontology":
            for t in g:
                union.add(t)
    assert isomorphic(union, Graph().parse(SAMPLE, format="turtle"))


def test_trig_article_graph_holds_its_evidence_and_entities(out, capsys):
    code, stdout, _ = kg(capsys, "export", out, "--format", "trig")
    assert code == 0
    store = ox.Store()
    store.load(input=stdout.encode(), format=ox.RdfFormat.TRIG)
    rows = list(store.query("""
        SELECT ?g WHERE { GRAPH ?g {
            ?st pk:evidence ?ev ; rdf:subject ?s ; rdf:predicate pk:worksFor .
            ?s rdfs:label "袁锡铭"@zh ; pk:mentionedIn ?g .
            ?g pk:sourceFile ?src .
        } }""", prefixes={"pk": "https://w3id.org/parkkg/ontology#",
                           "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                           "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}))
    assert len(rows) == 1 and "/id/article/000_" in rows[0]["g"].value


# ---------------------------------------------------------------- the documented RDF shape

def test_design_turtle_example_is_valid_and_uses_the_built_vocabulary(seeds_out):
    """docs/DESIGN.md's Turtle excerpt parses (rdflib and pyoxigraph), and every class and predicate it uses
    occurs in the seeds' build, with the same kinds of objects (IRI or literal, datatype, language)."""
    import re

    from rdflib import Literal, RDF

    text = (Path(__file__).resolve().parent.parent / "docs" / "DESIGN.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```turtle\n(.*?)```", text, re.S)
    doc = Graph().parse(data=block, format="turtle")
    assert len(doc) > 30
    ox.Store().load(input=block.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    built = Graph().parse(seeds_out / "graph.ttl", format="turtle")

    def shape(o):
        return ("literal", o.datatype, o.language) if isinstance(o, Literal) else ("iri", None, None)

    built_shapes = {(p, shape(o)) for _, p, o in built}
    built_classes = set(built.objects(None, RDF.type))
    for s, p, o in doc:
        assert str(s).startswith("https://w3id.org/parkkg/id/"), s
        assert (p, shape(o)) in built_shapes, (p, o)
        if p == RDF.type:
            assert o in built_classes, o
