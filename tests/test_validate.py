"""`kg validate`: the seeds' graph conforms to ontology/shapes.ttl; broken graphs fail with readable lines."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph

from kg.cli import main
from kg.validate import shapes_path, validate_graph, validate_out

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rdf"


@pytest.fixture(scope="module")
def graph_out(request, tmp_path_factory) -> Path:
    try:
        return Path(request.getfixturevalue("seeds_out"))
    except pytest.FixtureLookupError:
        out = tmp_path_factory.mktemp("validate-out")
        shutil.copy(FIXTURES / "sample_graph.ttl", out / "graph.ttl")
        return out


def kg(capsys, *argv):
    code = main([str(a) for a in argv])
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def test_shapes_has_one_node_shape_per_class():
    from rdflib.namespace import RDF, SH

    from kg.vocab import PK

    g = Graph().parse(shapes_path(), format="turtle")
    targets = set(g.objects(None, SH.targetClass))
    classes = {PK.Park, PK.Company, PK.Fortune500Firm, PK.Person, PK.GovernmentBody, PK.Institute, PK.Place,
               PK.Article, RDF.Statement}
    assert classes <= targets


def test_the_seeds_graph_conforms(graph_out, capsys):
    code, out, _ = kg(capsys, "validate", graph_out)
    assert code == 0, out
    assert "conforms" in out


def test_the_fixture_graph_conforms():
    conforms, problems = validate_out(FIXTURES / "sample_graph.ttl")
    assert conforms and problems == []


def test_invalid_entities_fail_with_readable_lines(capsys):
    code, out, _ = kg(capsys, "validate", FIXTURES / "invalid_entities.ttl")
    assert code == 1
    lines = out.splitlines()
    assert lines[-1].endswith("does not conform: 7 problems")
    expected = [
        "聊城高新区 <id:park/p1> rdfs:label: needs exactly one rdfs:label, a @zh string",
        "聊城高新区 <id:park/p1> rdfs:label: needs exactly one rdfs:label, a @zh string "
        "(value: 'Liaocheng High-tech Zone')",
        "<id:park/p2> rdfs:label: needs exactly one rdfs:label, a @zh string",
        "袁锡铭 <id:person/x> pk:worksFor: pk:worksFor points to an organisation or a park (Company, Institute, "
        "GovernmentBody or Park) (value: id:place/y)",
        "加拿大麦格纳公司 <id:company/m> rdf:type: a pk:Fortune500Firm is also typed pk:Company",
        "加拿大麦格纳公司 <id:company/m> pk:fortune500Rank: pk:fortune500Rank is at most one xsd:integer "
        "between 1 and 500 (value: '900')",
        "博源科技公司 <id:company/b> rdfs:label: needs exactly one rdfs:label, a @zh string (value: '博源科技公司')",
    ]
    assert sorted(lines[:-1]) == sorted(expected)


def test_invalid_statements_fail_with_readable_lines(capsys):
    code, out, _ = kg(capsys, "validate", FIXTURES / "invalid_statements.ttl")
    assert code == 1
    body = "\n".join(out.splitlines()[:-1])
    assert "<id:stmt/1> pk:evidence: a statement has exactly one non-empty pk:evidence sentence" in body
    assert "<id:stmt/1> pk:startOffset: pk:startOffset is one non-negative xsd:integer, not greater than " \
           "pk:endOffset (value: '50')" in body
    assert "<id:stmt/2> prov:wasDerivedFrom: a statement is prov:wasDerivedFrom exactly one pk:Article" in body
    assert "<id:stmt/2>: the statement's relation is not asserted in the graph" in body
    assert "<id:stmt/3> rdf:subject: a statement has exactly one rdf:subject" in body
    assert out.splitlines()[-1].endswith("does not conform: 5 problems")


def test_messages_in_chinese(capsys):
    code, out, _ = kg(capsys, "validate", FIXTURES / "invalid_statements.ttl", "--lang", "zh")
    assert code == 1
    assert "证据陈述须来自一篇文章（prov:wasDerivedFrom）" in out
    assert "证据陈述描述的关系没有在图中断言" in out


def test_one_broken_fact_in_a_good_graph_is_found():
    g = Graph().parse(FIXTURES / "sample_graph.ttl", format="turtle")
    from rdflib import Literal

    from kg.vocab import PK

    st = next(g.subjects(PK.startOffset, Literal(312)))
    g.set((st, PK.endOffset, Literal(3)))
    conforms, problems = validate_graph(g)
    assert not conforms
    assert [p.path for p in problems] == ["pk:startOffset"]


def test_unparseable_file_is_one_error_line(tmp_path, capsys):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    code, out, err = kg(capsys, "validate", bad)
    assert code == 1 and err.count("\n") == 1 and "bad.ttl" in err
