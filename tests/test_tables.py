"""`kg export --format csv|xlsx|graphml`: the tables and graph file analysts open in Excel, pandas, Gephi, yEd.

A small invented corpus is built once; a hand-written graph.ttl holds the cells Excel would run as formulas.
"""
from __future__ import annotations

import csv
import json
import os
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from openpyxl import load_workbook

from kg.build import build
from kg.cli import main
from cli_helper import run_kg as kg

ARTICLE = """青川高新区迎来新项目

近日，宏泰精密有限公司正式落户青川高新区，总投资12亿元。青川高新区管委会主任王海明表示，园区将全力做好服务。
宏泰精密有限公司与世界500强德国西门子公司签署战略合作协议，共同建设智能制造基地。
宏泰精密有限公司入选“瞪羚企业”名单。
"""
RECORD = {"id": "lcw-1", "title": "澜沧湾经开区招商引资成效显著", "date": "2023年5月8日",
          "text": "澜沧湾经开区位于云江市。瑞华光电有限公司落户澜沧湾经开区，主要生产光学镜头。澜沧湾经开区与宏泰精密有限公司"
                  "签约，共建精密制造产业园。瑞华光电有限公司董事长李春华说，公司将加大研发投入。"}

HEADERS = {
    "entities.csv": ["iri", "label", "class", "aliases", "label_en", "fortune500", "fortune500_rank", "lists",
                     "articles"],
    "relations.csv": ["head_iri", "head", "head_class", "kind", "tail_iri", "tail", "tail_class", "role", "implied",
                      "evidence", "source_file", "article_date", "article_title"],
    "firms-by-park.csv": ["park_iri", "park", "firm_iri", "firm", "firm_class", "fortune500_rank", "relations",
                          "evidence", "sources"],
}

# a hand-written build output: names and an evidence sentence that Excel would take for formulas, a bell character
FORMULA_TTL = r"""@prefix pk: <https://w3id.org/parkkg/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix park: <https://w3id.org/parkkg/id/park/> .
@prefix company: <https://w3id.org/parkkg/id/company/> .
@prefix article: <https://w3id.org/parkkg/id/article/> .
@prefix stmt: <https://w3id.org/parkkg/id/stmt/> .
article:x-1 a pk:Article ; dcterms:title "-青川快讯"@zh ; pk:sourceFile "news/x.txt" .
company:c1 a pk:Company ; rdfs:label "=HYPERLINK(\"http://evil.example\",\"宏泰\")"@zh ;
    skos:altLabel "+86宏泰"@zh, "@SUM(A1)"@zh, "#N/A"@en ; pk:mentionedIn article:x-1 .
company:c2 a pk:Company ; rdfs:label "瑞华\u0007光电有限公司"@zh ; pk:mentionedIn article:x-1 .
park:p1 a pk:Park ; rdfs:label "青川高新区"@zh ; pk:hosts company:c1, company:c2 ; pk:mentionedIn article:x-1 .
stmt:s1 a rdf:Statement ; rdf:subject park:p1 ; rdf:predicate pk:hosts ; rdf:object company:c1 ;
    prov:wasDerivedFrom article:x-1 ; pk:evidence "-1+1 落户青川高新区。"@zh ; pk:implied false .
"""
FORMULAS = ['=HYPERLINK("http://evil.example","宏泰")', "+86宏泰", "@SUM(A1)", "-1+1 落户青川高新区。", "-青川快讯"]


def read_csv(path: Path) -> list[list[str]]:
    """What Excel (or pandas with encoding="utf-8-sig") reads."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def as_text(value) -> str:
    return "" if value is None else ("true" if value else "false") if isinstance(value, bool) else str(value)


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("corpus") / "news"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "b.jsonl").write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    build([str(corpus)], out, html=False)
    return out


@pytest.fixture(scope="module")
def exported(out, tmp_path_factory) -> Path:
    """The three exports of the corpus's build, written by `kg export`."""
    dest = tmp_path_factory.mktemp("exported")
    for fmt, name in (("csv", "tables"), ("xlsx", "graph.xlsx"), ("graphml", "graph.graphml")):
        assert main(["export", str(out), "--format", fmt, "-o", str(dest / name)]) == 0
    return dest


@pytest.fixture()
def formula_out(tmp_path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text(FORMULA_TTL, encoding="utf-8")
    return out


def test_csv_files_start_with_a_bom_and_have_the_documented_headers(exported):
    assert sorted(p.name for p in (exported / "tables").iterdir()) == sorted(HEADERS)
    for name, header in HEADERS.items():
        data = (exported / "tables" / name).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
        assert read_csv(exported / "tables" / name)[0] == header


def test_firms_by_park_lists_each_invented_firm_with_its_parks(exported):
    rows = {(r[1], r[3]): r for r in read_csv(exported / "tables" / "firms-by-park.csv")[1:]}
    assert set(rows) == {("澜沧湾经开区", "宏泰精密有限公司"), ("澜沧湾经开区", "瑞华光电有限公司"),
                         ("青川高新区", "宏泰精密有限公司")}
    both = rows["澜沧湾经开区", "宏泰精密有限公司"]
    assert both[4:] == ["Company", "", "hosts | partnersWith", "2", "news/b.jsonl#L1"]
    assert rows["青川高新区", "宏泰精密有限公司"][6:] == ["hosts", "1", "news/a.txt"]
    assert both[0].startswith("https://w3id.org/parkkg/id/park/")


def test_entities_hold_names_fortune500_lists_and_article_counts(out, exported):
    rows = read_csv(exported / "tables" / "entities.csv")[1:]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert len(rows) == summary["entities"] and len({r[0] for r in rows}) == len(rows)
    by_label = {r[1]: r for r in rows}
    assert by_label["德国西门子公司"][2:] == ["Company", "", "Siemens", "true", "159", "", "1"]
    assert by_label["宏泰精密有限公司"][7:] == ["瞪羚企业", "2"]
    assert by_label["青川县"][3] == "青川"
    assert [r[2] for r in rows[:2]] == ["Park", "Park"], "parks first"


def test_relations_have_one_row_per_evidence_sentence(out, exported):
    rows = read_csv(exported / "tables" / "relations.csv")[1:]
    assert len(rows) == (out / "graph.ttl").read_text(encoding="utf-8").count(" a rdf:Statement")
    works = [r for r in rows if r[1] == "李春华"]
    assert works == [[works[0][0], "李春华", "Person", "worksFor", works[0][4], "瑞华光电有限公司", "Company", "董事长",
                      "false", "瑞华光电有限公司董事长李春华说，公司将加大研发投入。", "news/b.jsonl#L1", "2023-05-08",
                      "澜沧湾经开区招商引资成效显著"]]
    implied = [r for r in rows if r[3] == "manages"]
    assert implied and implied[0][8] == "true"


def test_the_workbook_has_the_three_tables_of_the_csv_files(exported):
    wb = load_workbook(exported / "graph.xlsx")
    assert wb.sheetnames == ["entities", "relations", "firms-by-park"]
    for ws, name in zip(wb.worksheets, HEADERS):
        rows = [[as_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
        assert rows == read_csv(exported / "tables" / name)
        assert ws["A1"].font.b and not ws["A2"].font.b
        assert ws.freeze_panes == "A2"
        assert 8 <= ws.column_dimensions["B"].width <= 60
    assert wb["entities"]["I2"].data_type == "n", "article counts are numbers"


def test_graphml_reads_back_with_networkx(out, exported):
    g = nx.read_graphml(exported / "graph.graphml")
    entities = read_csv(exported / "tables" / "entities.csv")[1:]
    assert sorted(g.nodes) == sorted(r[0] for r in entities)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert g.number_of_edges() == summary["relations"]
    siemens = next(d for _, d in g.nodes(data=True) if d["label"] == "德国西门子公司")
    assert (siemens["class"], siemens["fortune500"], siemens["fortune500_rank"]) == ("Company", True, 159)
    kinds = {(g.nodes[u]["label"], d["kind"], g.nodes[v]["label"]): d["evidence"] for u, v, d in g.edges(data=True)}
    assert kinds[("澜沧湾经开区", "hosts", "宏泰精密有限公司")] == 1


def test_graphml_goes_to_standard_output_without_o(out, exported, capsysbinary):
    assert main(["export", str(out), "--format", "graphml"]) == 0
    assert capsysbinary.readouterr().out == (exported / "graph.graphml").read_bytes()


def test_exports_are_byte_identical(out, exported, tmp_path, capsys):
    for fmt, name in (("csv", "tables"), ("xlsx", "graph.xlsx"), ("graphml", "graph.graphml")):
        assert kg(capsys, "export", out, "--format", fmt, "-o", tmp_path / name)[0] == 0
    for name in HEADERS:
        assert (tmp_path / "tables" / name).read_bytes() == (exported / "tables" / name).read_bytes()
    assert (tmp_path / "graph.graphml").read_bytes() == (exported / "graph.graphml").read_bytes()
    assert (tmp_path / "graph.xlsx").read_bytes() == (exported / "graph.xlsx").read_bytes()
    with zipfile.ZipFile(tmp_path / "graph.xlsx") as z:   # no clock in the workbook: the same bytes another day
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert z.read("docProps/core.xml").count(b"1980-01-01T00:00:00Z") == 2


def test_cells_excel_would_run_as_formulas_are_neutralised(formula_out, tmp_path, capsys):
    assert kg(capsys, "export", formula_out, "--format", "csv", "-o", tmp_path / "t")[0] == 0
    cells = [c for name in HEADERS for row in read_csv(tmp_path / "t" / name) for c in row]
    for text in FORMULAS:
        assert any(c.startswith("'") and text in c for c in cells), text
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    assert "青川高新区" in cells, "other cells are left as they are"

    assert kg(capsys, "export", formula_out, "--format", "xlsx", "-o", tmp_path / "t.xlsx")[0] == 0
    wb = load_workbook(tmp_path / "t.xlsx")
    values = {c.value: c.data_type for ws in wb for row in ws.iter_rows() for c in row if c.value is not None}
    assert values[FORMULAS[0]] == "s", "typed text, not a formula"
    assert values["#N/A"] == "s", "typed text, not Excel's error value"
    assert "瑞华\ufffd光电有限公司" in values, "a character XML cannot hold is replaced"
    with zipfile.ZipFile(tmp_path / "t.xlsx") as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))

    assert kg(capsys, "export", formula_out, "--format", "graphml", "-o", tmp_path / "t.graphml")[0] == 0
    assert "瑞华\ufffd光电有限公司" in {d["label"] for _, d in nx.read_graphml(tmp_path / "t.graphml").nodes(data=True)}


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "graphml"])
def test_a_folder_that_is_no_build_gives_one_error_line(tmp_path, capsys, fmt):
    (tmp_path / "notes").mkdir()
    code, _, err = kg(capsys, "export", tmp_path / "notes", "--format", fmt, "-o", tmp_path / "x")
    assert code == 1
    assert err.strip().splitlines() == [f"kg export: error: {tmp_path / 'notes'}: not a build output "
                                        "(no graph.ttl); run `kg build`"]
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_csv_and_xlsx_need_an_output(out, capsys, fmt):
    code, stdout, err = kg(capsys, "export", out, "--format", fmt)
    assert code == 1 and stdout == ""
    assert err.startswith(f"kg export: error: --format {fmt} needs -o ") and err.count("\n") == 1


def test_a_failed_csv_export_leaves_the_previous_files_whole(out, tmp_path, capsys, monkeypatch):
    dest = tmp_path / "tables"
    assert kg(capsys, "export", out, "--format", "csv", "-o", dest)[0] == 0
    for name in HEADERS:
        (dest / name).write_bytes(b"old " + name.encode())
    real_fsync, calls = os.fsync, []

    def full_disk_on_third_file(fd):
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_disk_on_third_file)
    code, _, err = kg(capsys, "export", out, "--format", "csv", "-o", dest)
    assert code == 1 and "No space left on device" in err and err.count("\n") == 1
    assert sorted(p.name for p in dest.iterdir()) == sorted(HEADERS), "no temporary folder left"
    assert all((dest / name).read_bytes() == b"old " + name.encode() for name in HEADERS)


def test_a_table_too_long_for_an_excel_sheet_is_refused(out, tmp_path, capsys, monkeypatch):
    import kg.store.tables as tables

    monkeypatch.setattr(tables, "EXCEL_MAX_ROWS", 5)
    code, _, err = kg(capsys, "export", out, "--format", "xlsx", "-o", tmp_path / "g.xlsx")
    assert code == 1 and "the entities table has 10 rows" in err and "use --format csv" in err
    assert not (tmp_path / "g.xlsx").exists()
