"""Inputs as they come: Word, PDF, CSV (with a BOM, in GBK) and Excel files are read into the graph, with the
offsets of evidence sentences pointing into each article's raw text; a bad row is one line and the other rows
are read; everything in a folder that is not read is listed with the reason; a web page's date comes from its
meta tags, else from under its title. Every name and sentence is invented; every file is made here."""
from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from kg.ingest import describe_error, iter_articles, read_article
from cli_helper import run_kg

PK = Namespace("https://w3id.org/parkkg/ontology#")

# file -> (park, firm it hosts) the build must find
HOSTS = {
    "宏泰.docx": ("青川高新区", "宏泰精密有限公司"),
    "宏泰.docx table": ("青川高新区", "金桥光电有限公司"),
    "签约.pdf": ("澜沧湾经开区", "瑞丰新材料股份有限公司"),
    "bom.csv": ("松岭高新区", "华远智能装备有限公司"),
    "bom.csv row 4": ("松岭高新区", "锦程汽车零部件有限公司"),
    "gbk.csv": ("白鹭湾经开区", "恒川电子科技有限公司"),
    "news.xlsx": ("云溪高新区", "德盛生物医药有限公司"),
    "page.html": ("澜沧湾经开区", "蓝海航空材料有限公司"),
}


def write_docx(path: Path, *, title: str = "", created: datetime.datetime | None = None,
               heading: str = "", paragraphs: list[str] = (), table: list[list[str]] = ()) -> list[str]:
    """A Word file; returns its paragraphs (heading, body, table cells) in reading order."""
    import docx

    doc = docx.Document()
    doc.core_properties.title = title
    if created is not None:
        doc.core_properties.created = created
    lines = []
    if heading:
        doc.add_heading(heading, level=1)
        lines.append(heading)
    for p in paragraphs:
        doc.add_paragraph(p)
        lines.append(p)
    if table:
        t = doc.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
                lines.append(value)
    doc.save(path)
    return lines


def write_pdf(path: Path, lines: list[str]) -> None:
    """A PDF in reportlab's built-in Chinese font (Adobe-GB1, no font file needed), one paragraph a line."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=10, leading=18, wordWrap="CJK")
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1)
    doc.build([Paragraph(line, style) for line in lines])


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A folder with one file of each new kind (and an HTML page with a meta date)."""
    src = tmp_path_factory.mktemp("formats") / "corpus"
    src.mkdir()
    write_docx(src / "宏泰.docx", title="宏泰精密新厂投产",
               created=datetime.datetime(2024, 3, 4, 18, 30, tzinfo=datetime.timezone.utc),  # 3-5 in China
               heading="青川高新区企业动态",
               paragraphs=["青川高新区管委会主任王海明介绍，宏泰精密有限公司已入驻青川高新区。",
                           "新建的精密轴承生产线上月投产，年产值预计超过5亿元。"],
               table=[["金桥光电有限公司入驻青川高新区，建设激光器生产线。", "投资3亿元。"]])
    write_docx(src / "动态.docx", created=datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc),
               heading="松岭高新区新闻", paragraphs=["2024年3月6日", "园区举办招商推介会，多家企业参会。"])
    write_pdf(src / "签约.pdf", ["澜沧湾经开区新项目签约", "2024-03-07",
                                  "瑞丰新材料股份有限公司落户澜沧湾经开区，项目总投资12亿元。"])
    (src / "bom.csv").write_bytes("\ufeff".encode("utf-8") + (
        "ID,Title,Content,URL,Date\r\n"
        "c1,华远投产,华远智能装备有限公司入驻松岭高新区，主要生产工业机器人。,https://example.org/c1,2024/3/8\r\n"
        "c2,空行,,https://example.org/c2,2024-03-08\r\n"
        'c3,锦程落户,"锦程汽车零部件有限公司入驻松岭高新区，建设底盘件工厂。\r\n首期工程年内完工。",,2024-02-30\r\n'
    ).encode("utf-8"))
    (src / "gbk.csv").write_bytes(
        "编号,标题,正文,日期\r\ng1,恒川落户,恒川电子科技有限公司落户白鹭湾经开区，建设芯片封装基地。,20240310\r\n"
        .encode("gbk"))
    write_xlsx(src / "news.xlsx", {
        "三月": [["ID", "Title", "Text", "Date"],
                 [1001, "德盛入驻", "德盛生物医药有限公司入驻云溪高新区，建设创新药研发中心。",
                  datetime.datetime(2024, 3, 9)]],
        "说明": [["本表由招商部整理"]],
    })
    (src / "page.html").write_text(
        '<html><head><meta charset="utf-8"><title>蓝海落户_澜沧湾经开区</title>'
        '<meta property="article:published_time" content="2024-03-11T09:00:00+08:00"></head>'
        "<body><h1>蓝海落户</h1><p>2024年1月2日</p>"
        "<p>蓝海航空材料有限公司入驻澜沧湾经开区，建设复合材料工厂。</p></body></html>", encoding="utf-8")
    return src


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory):
    """``kg build`` of the corpus: (exit code, stdout, stderr, OUT)."""
    from kg.build import build, format_summary

    out = tmp_path_factory.mktemp("formats_out")
    errors: list[str] = []
    report = build([str(corpus)], out, html=False, store=False, on_error=lambda e: errors.append(describe_error(e)))
    return report, format_summary(report), errors, out


def _articles(corpus: Path) -> dict[str, object]:
    return {a.source: a for a in iter_articles([corpus], on_error=lambda e: None)}


def test_every_format_is_read_into_the_graph(corpus, built):
    report, _, _, out = built
    g = Graph().parse(out / "graph.ttl", format="turtle")
    label = {s: str(o) for s, o in g.subject_objects(RDFS.label)}
    hosts = {(label[p], label[f]) for p, f in g.subject_objects(PK.hosts)}
    for what, pair in HOSTS.items():
        assert pair in hosts, what
    sources = sorted(str(o) for o in g.objects(None, PK.sourceFile))
    assert sources == ["corpus/bom.csv#R2", "corpus/bom.csv#R4", "corpus/gbk.csv#R2", "corpus/news.xlsx#三月!R2",
                       "corpus/page.html", "corpus/动态.docx", "corpus/宏泰.docx", "corpus/签约.pdf"]
    people = {label[s] for s in g.subjects(RDF.type, PK.Person)}
    assert "王海明" in people
    assert report.summary["articles"] == 8


def test_offsets_point_into_the_raw_text_of_each_article(corpus, built):
    """Every evidence sentence equals ``raw[start:end]`` of its article; for Word and PDF files the raw text is
    the text extracted from them (a Word file: its paragraphs and table cells, one a line)."""
    _, _, _, out = built
    g = Graph().parse(out / "graph.ttl", format="turtle")
    arts = _articles(corpus)
    source_of = {a: str(s) for a, s in g.subject_objects(PK.sourceFile)}
    checked = set()
    for st in g.subjects(RDF.type, RDF.Statement):
        raw = arts[source_of[g.value(st, PROV.wasDerivedFrom)]].raw
        start, end = int(g.value(st, PK.startOffset)), int(g.value(st, PK.endOffset))
        assert raw[start:end] == str(g.value(st, PK.evidence))
        checked.add(source_of[g.value(st, PROV.wasDerivedFrom)])
    assert {"corpus/宏泰.docx", "corpus/签约.pdf", "corpus/bom.csv#R2", "corpus/gbk.csv#R2",
            "corpus/news.xlsx#三月!R2"} <= checked
    assert arts["corpus/宏泰.docx"].raw == "\n".join([
        "青川高新区企业动态", "青川高新区管委会主任王海明介绍，宏泰精密有限公司已入驻青川高新区。",
        "新建的精密轴承生产线上月投产，年产值预计超过5亿元。", "金桥光电有限公司入驻青川高新区，建设激光器生产线。", "投资3亿元。"])
    # a CSV field over several lines keeps its line break in the raw text
    assert arts["corpus/bom.csv#R4"].raw == "锦程汽车零部件有限公司入驻松岭高新区，建设底盘件工厂。\r\n首期工程年内完工。"


def test_titles_ids_and_dates(corpus, built):
    _, _, _, out = built
    g = Graph().parse(out / "graph.ttl", format="turtle")
    by_source = {str(s): a for a, s in g.subject_objects(PK.sourceFile)}

    def meta(source):
        a = by_source[source]
        date = g.value(a, DCTERMS.date)
        return str(g.value(a, DCTERMS.title)), str(date) if date is not None else None

    assert meta("corpus/宏泰.docx") == ("宏泰精密新厂投产", "2024-03-05")   # core properties (created, China time)
    assert meta("corpus/动态.docx") == ("松岭高新区新闻", "2024-03-06")     # first heading; the date under it
    assert meta("corpus/签约.pdf") == ("澜沧湾经开区新项目签约", "2024-03-07")
    assert meta("corpus/bom.csv#R2") == ("华远投产", "2024-03-08")
    assert meta("corpus/bom.csv#R4") == ("锦程落户", None)                  # 2024-02-30: left out, with a warning
    assert meta("corpus/gbk.csv#R2") == ("恒川落户", "2024-03-10")
    assert meta("corpus/news.xlsx#三月!R2") == ("德盛入驻", "2024-03-09")
    assert meta("corpus/page.html") == ("蓝海落户_澜沧湾经开区", "2024-03-11")  # the meta tag, not the text's date
    ids = {a.source: a.doc_id for a in _articles(corpus).values()}
    assert ids["corpus/bom.csv#R2"] == "c1" and ids["corpus/news.xlsx#三月!R2"] == "1001"


def test_a_bad_row_is_one_line_and_the_other_rows_are_read(corpus, built, caplog):
    report, summary, errors, _ = built
    csv_path, xlsx_path = corpus / "bom.csv", corpus / "news.xlsx"
    expected = [f'{csv_path}, row 3: "Content" is empty',
                f"{xlsx_path}, sheet 说明: no text column in the first row (want one named text, content, body, "
                "正文 or 内容)"]
    assert errors == expected
    assert report.summary["skipped"] == [{"source": e.split(": ", 1)[0], "reason": e.split(": ", 1)[1]}
                                         for e in expected]
    assert summary.count(f'  {csv_path}, row 3: "Content" is empty') == 1
    with caplog.at_level("WARNING"):
        list(iter_articles([csv_path], on_error=lambda e: None))
    assert [r.getMessage() for r in caplog.records] == [
        f"{csv_path}, row 4: \"date\" '2024-02-30' is not a valid date (want YYYY-MM-DD); left out"]


def test_csv_large_fields_and_what_stops_a_table(tmp_path):
    big = "锦程汽车零部件有限公司入驻松岭高新区。" + "园区企业持续发展。" * 20_000   # 180,000 characters > csv's default
    (tmp_path / "big.csv").write_text(f"id,text\nb1,{big}\nb2,短文。\n", encoding="utf-8")
    (tmp_path / "notext.csv").write_text("id,标题\nx,没有正文列\n", encoding="utf-8")
    (tmp_path / "tabs.csv").write_text("id\ttext\nt1\t制表符分隔的表格。\n", encoding="gb18030")
    write_xlsx(tmp_path / "header_only.xlsx", {"Sheet1": [["id", "text"]]})
    errors = []
    arts = list(iter_articles([tmp_path], on_error=errors.append))
    assert [(a.doc_id, len(a.raw)) for a in arts] == [("b1", len(big)), ("b2", 3), ("t1", 9)]
    assert [describe_error(e) for e in errors] == [
        f"{tmp_path / 'header_only.xlsx'}: no articles (no rows under the header)",
        f"{tmp_path / 'notext.csv'}: no text column in the first row (want one named text, content, body, 正文 or 内容)"]
    limited = []
    arts = list(iter_articles([tmp_path / "big.csv"], on_error=limited.append, max_bytes=100_000))
    assert arts == [] and [describe_error(e) for e in limited] == [
        f"{tmp_path / 'big.csv'}, row 2: field larger than field limit (100000); the rest of the file is not read"]


def test_every_unread_file_and_folder_is_listed_with_its_reason(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("宏泰精密有限公司入驻青川高新区，新建精密轴承生产线。", encoding="utf-8")
    (src / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(100))
    (src / "setup.exe").write_bytes(b"MZ" + bytes(100))
    (src / "README").write_text("说明", encoding="utf-8")
    (src / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    (src / "fake.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))   # a .doc renamed
    (src / "locked.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))  # (or a password)
    (src / "broken.pdf").write_bytes(b"%PDF-1.4\n%garbage")
    (src / ".DS_Store").write_bytes(bytes(10))
    scan = src / "scan.pdf"
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(scan), invariant=1)
    c.rect(50, 50, 200, 200, fill=1)   # a page with a drawing and no text, like a scan
    c.save()
    prev = src / "prev"                # an earlier build's outputs, inside the input folder
    (prev / "state").mkdir(parents=True)
    for name in ("graph.ttl", "summary.json", "graph.html", "state/extractions.sqlite"):
        (prev / name).write_text("x", encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, stderr = run_kg(capsys, "build", src, "-o", out, "--no-store", "--no-html", "--no-progress")
    assert code == 0
    expected = [
        (src / ".DS_Store", 'hidden (its name starts with ".")'),
        (src / "README", "unsupported file type (no suffix)"),
        (src / "broken.pdf", "not a readable PDF"),
        (src / "fake.docx", "an old-format or password-protected Office file: save it (without a password) as "
                            ".docx"),
        (src / "locked.xlsx", "an old-format or password-protected Office file: save it (without a password) as "
                              ".xlsx"),
        (src / "old.doc", "unsupported file type .doc (save it as .docx)"),
        (src / "photo.jpg", "unsupported file type .jpg"),
        (prev, "a ParkKG output folder (a build's outputs are never read back as input)"),
        (scan, "no text in the PDF (a scanned document? it needs OCR first)"),
        (src / "setup.exe", "unsupported file type .exe"),
    ]
    skipped = json.loads((out / "summary.json").read_text(encoding="utf-8"))["skipped"]
    assert [s["source"] for s in skipped] == [str(p) for p, _ in expected]
    for s, (_, reason) in zip(skipped, expected):
        assert s["reason"].startswith(reason), s     # (for the broken PDF, then what pdfminer said)
    printed = stdout.splitlines()
    assert f"skipped: {len(expected)} (files, folders or records not read)" in printed
    for s in skipped:   # the printed summary and the lines as the build goes list the same, once each
        assert printed.count(f"  {s['source']}: {s['reason']}") == 1
        assert stderr.splitlines().count(f"skipped {s['source']}: {s['reason']}") == 1
    assert not [line for line in printed + stderr.splitlines() if f"{prev}/" in line]   # the folder, not its files
    assert "articles: 1 " in stdout

    # files named from inside an output folder: the folder is listed once
    errors = []
    arts = list(iter_articles([prev / "graph.html", prev / "summary.json", src / "a.txt"], on_error=errors.append))
    assert [a.doc_id for a in arts] == ["a"]
    assert [describe_error(e) for e in errors] == [
        f"{prev}: a ParkKG output folder (a build's outputs are never read back as input)"]


PAGE = ('<html><head><meta charset="utf-8"><title>{title}</title>{head}</head><body>{body}'
        "<p>蓝海航空材料有限公司入驻澜沧湾经开区，建设复合材料工厂。</p></body></html>")


@pytest.mark.parametrize("head, body, date", [
    ('<meta property="article:published_time" content="2024-03-05T08:00:00+08:00">',
     "<h1>蓝海落户</h1><p>2024年1月2日</p>", "2024-03-05"),                    # meta over the text
    ('<meta name="PubDate" content="2024-03-06 10:30">', "<h1>蓝海落户</h1>", "2024-03-06"),
    ('<meta name="publishdate" content="2024/3/7">', "<h1>蓝海落户</h1>", "2024-03-07"),
    ('<meta name="date" content="2024-13-45"><meta name="keywords" content="2023-01-01">',
     '<h1>蓝海落户</h1><time datetime="2024-03-08T09:00">3月8日</time>', "2024-03-08"),  # no valid meta: <time>
    ('<meta name="date" content="2024-03-12"><meta property="article:published_time" content="2024-03-13">',
     "<h1>蓝海落户</h1>", "2024-03-13"),                                        # the most telling meta first
    ("", '<ul><li><a href="/1">澜沧湾经开区召开年会</a> 2023-12-01</li></ul>'
         "<h1>蓝海落户</h1><p>来源：澜沧湾经开区 2024年3月9日</p>", "2024-03-09"),   # under the title, not the menu
    ("", "<h1>蓝海落户</h1><p>2024-03-10 08:00</p>", "2024-03-10"),
    ("", "<h1>蓝海落户</h1>", ""),
])
def test_the_date_of_a_web_page(tmp_path, head, body, date):
    p = tmp_path / "page.html"
    p.write_text(PAGE.format(title="蓝海落户_澜沧湾经开区", head=head, body=body), encoding="utf-8")
    assert read_article(p).date == date


def test_the_date_under_the_title_of_a_text_file(tmp_path):
    p = tmp_path / "news.txt"
    p.write_text("往期回顾：园区开放日于2023年5月1日举行。\n\n蓝海航空材料公司落户\n\n2024年3月9日\n\n"
                 "蓝海航空材料有限公司入驻澜沧湾经开区，建设复合材料工厂。", encoding="utf-8")
    art = read_article(p)
    assert (art.title, art.date) == ("蓝海航空材料公司落户", "2024-03-09")


def test_the_paragraphs_of_a_word_file_stay_apart(tmp_path):
    """Two short lines of a text file may be one word an OCR broke in two; two paragraphs of a Word file never."""
    write_docx(tmp_path / "名录.docx", paragraphs=["青川高新区", "企业名录", "宏泰精密有限公司入驻青川高新区。"])
    assert read_article(tmp_path / "名录.docx").text == "青川高新区\n企业名录\n宏泰精密有限公司入驻青川高新区。"
