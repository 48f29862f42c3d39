"""`kg query` answers a person can act on (issue 12, item 3): a misspelt query name, a park name the graph does
not hold, --param in one's own SPARQL, an unknown prefix, an update, SERVICE, and results as an Excel workbook.

Everything goes through the command (kg.cli.main) on tests/fixtures/rdf/sample_graph.ttl, built once per module.
"""
from __future__ import annotations

import csv
import io
import shutil
import socket
from pathlib import Path

import openpyxl
import pytest

from kg.store.database import write_store
from cli_helper import run_kg as kg

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "rdf" / "sample_graph.ttl"
PARK = "https://w3id.org/parkkg/id/park/8114219760bae97a"   # 聊城高新区 in the sample graph


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    o = tmp_path_factory.mktemp("query_help")
    shutil.copy(SAMPLE, o / "graph.ttl")
    write_store(o / "graph.ttl", o / "store")
    return o


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


# ---------------------------------------------------------------- 1. a misspelt query name

def test_a_misspelt_query_name_gets_the_closest_name(out, capsys):
    code, stdout, err = kg(capsys, "query", out, "--name", "firm-in-park")
    assert (code, stdout) == (1, "")
    assert err == "kg query: error: unknown query 'firm-in-park'; did you mean firms-in-park?\n"


def test_a_query_name_like_none_points_to_the_list(out, capsys):
    code, _, err = kg(capsys, "query", out, "--name", "zzz")
    assert code == 1
    assert err == "kg query: error: unknown query 'zzz'; `kg query --list` shows them\n"


# ---------------------------------------------------------------- 2. a name the graph does not hold

def test_a_park_name_matching_nothing_names_the_closest_parks(out, capsys):
    code, stdout, err = kg(capsys, "query", out, "--name", "firms-in-park", "--param", "park=济南", "--format", "csv")
    assert code == 0                                       # an empty answer is an answer
    assert csv_rows(stdout) == [["park", "org", "class"]]   # the (empty) rows are still printed
    assert err == "kg query: no park named '济南'; did you mean: 济南高新区, 济南高新技术产业开发区?\n"
    # what it suggests works
    code, stdout, err = kg(capsys, "query", out, "--name", "firms-in-park", "--param", "park=济南高新技术产业开发区",
                           "--format", "csv")
    assert code == 0 and err == ""
    assert {r[1] for r in csv_rows(stdout)[1:]} == {"中国重汽", "浪潮集团", "浪潮软件"}


def test_a_misspelt_name_gets_a_similar_spelling(out, capsys):
    code, _, err = kg(capsys, "query", out, "--name", "people-roles", "--param", "org=博源科枝公司")
    assert code == 0
    assert err == "kg query: no org named '博源科枝公司'; did you mean: 博源科技公司, 博源公司, 博源?\n"


def test_only_names_of_the_right_class_are_suggested(out, capsys):
    # 博源科技公司 is a company: no park has that name, and no company is offered as a park
    code, _, err = kg(capsys, "query", out, "--name", "firms-in-park", "--param", "park=博源科技公司")
    assert code == 0
    assert err == "kg query: no park named '博源科技公司' in this graph\n"


def test_an_honour_list_matching_nothing_names_the_lists(out, capsys):
    code, _, err = kg(capsys, "query", out, "--name", "listed-firms", "--param", "list=瞪羚")
    assert code == 0 and err == "kg query: no list named '瞪羚'; did you mean: 瞪羚企业?\n"


def test_the_seeds_jinan_example(seeds_out, capsys):
    code, stdout, err = kg(capsys, "query", seeds_out, "--name", "firms-in-park", "--param", "park=济南")
    assert code == 0 and stdout.endswith("(0 rows)\n")
    assert err.startswith("kg query: no park named '济南'; did you mean: ") and "济南高新区" in err
    assert err.count("\n") == 1


# ---------------------------------------------------------------- 3. --param in one's own query

@pytest.mark.parametrize("test", ["?l = ?name", "STR(?l) = STR(?name)", "STR(?l) = ?name", "sameTerm(?l, ?name)"])
def test_an_own_param_matches_a_zh_label_however_it_is_compared(out, capsys, test):
    query = f"SELECT ?p ?name WHERE {{ ?p rdfs:label ?l FILTER({test}) }}"
    code, stdout, err = kg(capsys, "query", out, query, "--param", "name=聊城高新区", "--format", "csv")
    assert (code, err) == (0, "")
    assert csv_rows(stdout) == [["p"], [PARK]]              # once: not once per form of the name


def test_an_own_param_in_a_triple_pattern_and_in_a_count(out, capsys):
    code, stdout, _ = kg(capsys, "query", out, "SELECT ?p ?name WHERE { ?p rdfs:label|skos:altLabel ?name }",
                         "--param", "name=济南高新技术产业开发区", "--format", "csv")
    assert code == 0 and csv_rows(stdout) == [["p"], ["https://w3id.org/parkkg/id/park/2ad0ec1253bcf8da"]]
    for test in ("?l = ?name", "STR(?l) = STR(?name)"):   # a COUNT is not doubled by the two forms
        code, stdout, _ = kg(capsys, "query", out, "SELECT ?name (COUNT(?f) AS ?firms) WHERE { ?p rdfs:label ?l ; "
                             f"pk:hosts ?f FILTER({test}) }} GROUP BY ?name", "--param", "name=济南高新区",
                             "--format", "csv")
        assert code == 0 and csv_rows(stdout) == [["firms"], ["3"]]


def test_an_own_param_matches_an_english_name_and_a_plain_string(out, capsys):
    query = "SELECT ?firm ?name WHERE { ?f rdfs:label ?firm ; skos:altLabel ?n FILTER(?n = ?name) }"
    code, stdout, _ = kg(capsys, "query", out, query, "--param", "name=Magna International", "--format", "csv")
    assert code == 0 and csv_rows(stdout) == [["firm"], ["加拿大麦格纳公司"]]
    # a plain string in the graph (pk:sourceFile) and a substring test need the plain form
    code, stdout, _ = kg(capsys, "query", out, "SELECT ?e ?name WHERE { ?e rdfs:label ?l "
                         "FILTER(CONTAINS(STR(?l), ?name)) } ORDER BY ?e", "--param", "name=高新区", "--format", "csv")
    assert code == 0 and len(csv_rows(stdout)) == 1 + 4    # 济南/聊城/株洲高新区 and 济南高新区管委会


def test_two_own_params_in_an_or_both_match(out, capsys):
    query = "SELECT ?park ?a ?b WHERE { ?p rdfs:label ?park FILTER(?park = ?a || ?park = ?b) } ORDER BY ?park"
    code, stdout, _ = kg(capsys, "query", out, query, "--param", "a=聊城高新区", "--param", "b=济南高新区",
                         "--format", "csv")
    assert code == 0 and csv_rows(stdout) == [["park"], ["济南高新区"], ["聊城高新区"]]


def test_an_own_param_matching_differently_in_two_forms_is_one_clear_line(out, capsys):
    query = "SELECT ?tag ?name WHERE { ?p rdfs:label ?l FILTER(STR(?l) = STR(?name)) BIND(LANG(?name) AS ?tag) }"
    code, stdout, err = kg(capsys, "query", out, query, "--param", "name=聊城高新区")
    assert (code, stdout) == (1, "")
    assert err == ('kg query: error: ?name matches as "聊城高新区" and as "聊城高新区"@zh with different answers: '
                   "compare with STR() on both sides, e.g. FILTER(STR(?label) = STR(?name))\n")


def test_an_own_param_the_query_does_not_select_is_one_clear_line(out, capsys):
    code, _, err = kg(capsys, "query", out, "SELECT ?p WHERE { ?p rdfs:label ?name }", "--param", "name=聊城高新区")
    assert code == 1
    assert err == ("kg query: error: --param name=… binds ?name, which the query must select: add ?name to SELECT "
                   "(and to GROUP BY in a grouped query); its column is not printed\n")


# ---------------------------------------------------------------- 4. an unknown prefix

def test_an_unknown_prefix_is_one_line_with_the_known_ones(out, capsys):
    code, stdout, err = kg(capsys, "query", out, "SELECT * { ?s ex:foo ?o }")
    assert (code, stdout) == (1, "")
    assert err == ("kg query: error: unknown prefix 'ex:'; known prefixes: pk:, park:, company:, person:, "
                   "governmentbody:, institute:, place:, article:, stmt:, id:, rdf:, rdfs:, owl:, skos:, prov:, "
                   "dcterms:, xsd: (or declare it: PREFIX ex: <IRI>)\n")


def test_declared_and_resource_prefixes_are_known(out, capsys):
    code, stdout, _ = kg(capsys, "query", out, "PREFIX ex: <http://example.org/> SELECT * { ?s ex:foo ?o }")
    assert code == 0 and stdout.endswith("(0 rows)\n")
    code, stdout, _ = kg(capsys, "query", out, "ASK { park:8114219760bae97a rdfs:label \"聊城高新区\"@zh }")
    assert (code, stdout) == (0, "true\n")


def test_a_prefix_inside_a_string_is_no_prefix(out, capsys):
    code, _, err = kg(capsys, "query", out, 'SELECT ?s WHERE { ?s rdfs:label "ex:foo" ')   # unclosed: syntax error
    assert code == 1 and err.startswith("kg query: error: SPARQL syntax error: ") and "prefix" not in err


# ---------------------------------------------------------------- 5. updates

@pytest.mark.parametrize("update, form", [
    ("DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
    ('PREFIX ex: <http://example.org/> INSERT DATA { ex:a ex:b "c" }', "INSERT DATA"),
    ("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "DELETE"),
    ("LOAD <http://example.org/data.ttl>", "LOAD"),
    ("CLEAR ALL", "CLEAR"),
    ("drop graph <http://example.org/g>", "DROP"),
])
def test_an_update_is_refused_in_one_line(out, capsys, update, form):
    code, stdout, err = kg(capsys, "query", out, update)
    assert (code, stdout) == (1, "")
    assert err == (f"kg query: error: queries are read-only: {form} is an update (kg query runs SELECT, ASK, "
                   "CONSTRUCT and DESCRIBE)\n")
    code, stdout, _ = kg(capsys, "query", out, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv")
    assert csv_rows(stdout)[1] != ["0"]                     # nothing was deleted


# ---------------------------------------------------------------- 6. SERVICE

def test_service_is_refused_before_any_connection(out, capsys):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.setblocking(False)
        port = server.getsockname()[1]
        for query in (f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
                      f"ASK {{ service silent <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
                      f"SELECT * WHERE {{ ?s ?p ?o .SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}"):
            code, stdout, err = kg(capsys, "query", out, query)
            assert (code, stdout) == (1, "")
            assert err == ("kg query: error: SERVICE is refused: the store is local and a query makes no network "
                           "request (federated queries are not run)\n")
        with pytest.raises(BlockingIOError):   # no connection is waiting: none was attempted
            server.accept()


@pytest.mark.parametrize("query", [
    'SELECT ?s WHERE { ?s rdfs:label "SERVICE" }',
    "SELECT ?s WHERE { ?s rdfs:label '''a\nSERVICE <http://x> {}''' }",
    "SELECT ?s WHERE { ?s <http://example.org/SERVICE> ?o }",
    "SELECT ?service WHERE { ?service pk:SERVICE ?o }",
    "SELECT ?s WHERE { ?s rdfs:label ?o } # SERVICE <http://example.org/> { }\nLIMIT 0",
])
def test_the_word_service_in_a_string_iri_name_or_comment_is_no_service(out, capsys, query):
    code, stdout, err = kg(capsys, "query", out, query)
    assert (code, err) == (0, "") and stdout.endswith("(0 rows)\n")


# ---------------------------------------------------------------- 7. Excel

def test_xlsx_holds_the_rows_of_the_csv(out, capsys, tmp_path):
    book = tmp_path / "partners.xlsx"
    code, stdout, err = kg(capsys, "query", out, "--name", "fortune500-partners", "--format", "xlsx", "-o", book)
    assert (code, stdout) == (0, "") and err == f"kg query: wrote {book} (1 row)\n"
    sheet = openpyxl.load_workbook(book).active
    assert sheet.title == "fortune500-partners"
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["firm", "fortune500", "rank", "park"], ["博源科技公司", "加拿大麦格纳公司", 287, "聊城高新区"]]  # a number
    _, stdout, _ = kg(capsys, "query", out, "--name", "fortune500-partners", "--format", "csv")
    assert csv_rows(stdout) == [[str(c.value) for c in row] for row in sheet.iter_rows()]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.b


def test_xlsx_is_byte_identical_and_text_stays_text(out, capsys, tmp_path):
    query = 'SELECT ?park ("=1+1" AS ?formula) WHERE { ?p a pk:Park ; rdfs:label ?park } ORDER BY ?park'
    for name in ("a.xlsx", "b.xlsx"):
        assert kg(capsys, "query", out, query, "--format", "xlsx", "-o", tmp_path / name)[0] == 0
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx").active
    assert sheet["B2"].value == "=1+1" and sheet["B2"].data_type == "s"   # not a formula
    assert sheet.max_row == 1 + 4


def test_xlsx_needs_a_file_and_a_failed_query_keeps_the_old_one(out, capsys, tmp_path):
    code, stdout, err = kg(capsys, "query", out, "--name", "park-overview", "--format", "xlsx")
    assert (code, stdout) == (1, "") and err == "kg query: error: --format xlsx writes a workbook: give -o FILE.xlsx\n"
    book = tmp_path / "parks.xlsx"
    book.write_bytes(b"yesterday")
    assert kg(capsys, "query", out, "SELECT * { ?s ex:foo ?o }", "--format", "xlsx", "-o", book)[0] == 1
    assert book.read_bytes() == b"yesterday" and list(tmp_path.iterdir()) == [book]


def test_the_text_formats_remain_and_write_to_a_file_too(out, capsys, tmp_path):
    query = "SELECT ?park WHERE { ?p a pk:Park ; rdfs:label ?park } ORDER BY ?park"
    for fmt in ("table", "csv", "tsv", "json"):
        code, stdout, _ = kg(capsys, "query", out, query, "--format", fmt)
        assert code == 0
        target = tmp_path / f"parks.{fmt}"
        assert kg(capsys, "query", out, query, "--format", fmt, "-o", target)[0] == 0
        assert target.read_bytes().decode("utf-8") == stdout
