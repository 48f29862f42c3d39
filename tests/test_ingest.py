"""kg.ingest: encodings, OCR repair with an exact offset map, HTML, JSONL, folders, bylines, bad files."""
from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import decode_bytes, DecodeError, describe_error, iter_articles, read_article, repair_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

SIMPLIFIED = "聊城高新区的博源科技公司为世界500强加拿大麦格纳公司赶制汽车零部件。济南高新区进出口总额完成147.2亿元。\n"
TRADITIONAL = "聊城高新區的博源科技公司為世界500強加拿大麥格納公司趕製汽車零部件。濟南高新區進出口總額完成147.2億元。\n"


def collect(paths, **kw):
    errors: list[InputError] = []
    arts = list(iter_articles([str(p) for p in paths], on_error=errors.append, **kw))
    return arts, errors


def assert_exact_map(text: str, to_raw, raw: str) -> None:
    assert len(to_raw) == len(text) + 1
    assert all(raw[to_raw[i]] == ch for i, ch in enumerate(text))
    assert list(to_raw[:-1]) == sorted(set(to_raw[:-1]))  # strictly increasing


# ----------------------------------------------------------------------------------------------- encodings

@pytest.mark.parametrize("text, codec, expected", [
    (SIMPLIFIED, "utf-8", "utf-8"),
    (SIMPLIFIED, "utf-8-sig", "utf-8-sig"),
    (SIMPLIFIED, "utf-16", "utf-16-le"),         # BOM + little endian (CPython's native order here)
    (SIMPLIFIED, "utf-16-le", "utf-16-le"),      # no BOM: NULs of the ASCII digits in odd positions
    (SIMPLIFIED, "utf-16-be", "utf-16-be"),
    (SIMPLIFIED, "utf-32", "utf-32-le"),
    (SIMPLIFIED, "gb18030", "gb18030"),
    (SIMPLIFIED, "gbk", "gb18030"),
    (SIMPLIFIED, "gb2312", "gb18030"),
    (TRADITIONAL, "utf-8", "utf-8"),
    (TRADITIONAL, "big5", "big5"),
    (TRADITIONAL, "cp950", "big5"),
    (TRADITIONAL, "gb18030", "gb18030"),         # Traditional characters in GB18030 are not taken for Big5
    (TRADITIONAL, "utf-16-be", "utf-16-be"),
])
def test_decode_encodings(text, codec, expected):
    decoded, used = decode_bytes(text.encode(codec))
    assert decoded == text
    assert used == expected


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
])
def test_bom_is_honoured_and_stripped(tmp_path, bom, codec):
    p = tmp_path / "bom.txt"
    p.write_bytes(bom + SIMPLIFIED.encode(codec))
    art = read_article(p)
    assert art.raw == SIMPLIFIED  # no U+FEFF left at the start
    assert art.encoding.startswith(codec)
    assert art.text == SIMPLIFIED.strip()


@pytest.mark.parametrize("data, problem", [
    (b"", "empty file"),
    (b" \n\t\r\n \xe3\x80\x80 ", "empty file"),                         # incl. a full-width space
    (b"\x00\x01\x02\x03binary\x00\x00\xff\xfe\x00" * 50, "binary file (NUL bytes)"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary file (PNG image)"),
    (bytes(range(1, 32)) * 20, "binary file"),
    ("中文".encode() + b"\xff\xfe\xfa\x80" * 100, "undecodable (tried utf-8"),
])
def test_bad_bytes_are_rejected(tmp_path, data, problem):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(InputError) as ei:
        read_article(p)
    assert problem in str(ei.value)
    assert str(p) in str(ei.value)


def test_undecodable_names_the_encodings_tried():
    with pytest.raises(DecodeError, match="gb18030.*big5"):
        decode_bytes("中文".encode() + b"\xff\xfe\xfa\x80" * 100)


def test_nearly_valid_utf8_keeps_the_text():
    data = ("聊城高新区" * 100).encode() + b"\xff" + "博源公司。".encode()
    text, codec = decode_bytes(data)
    assert codec == "utf-8"
    assert text.endswith("\ufffd博源公司。")


def test_html_meta_charset(tmp_path):
    p = tmp_path / "gbk.html"
    p.write_bytes('<html><head><meta charset="gbk"><title>标题</title></head><body><p>聊城高新区。</p>'
                  '</body></html>'.encode("gbk"))
    art = read_article(p)
    assert art.encoding == "gb18030"
    assert "聊城高新区。" in art.text


# ----------------------------------------------------------------------------------------------- OCR repair

@pytest.mark.parametrize("raw, clean", [
    ("在区域经济的发 展大局中,总有一部分 企业扮演角 色。", "在区域经济的发展大局中,总有一部分企业扮演角色。"),
    ("济南高\n\n新区 发 展", "济南高新区发展"),
    ("五月泉城，欣欣向荣。走进济南高\n\n新区，浪潮集团、中国重汽等龙头企业生产线马力全开。",
     "五月泉城，欣欣向荣。走进济南高新区，浪潮集团、中国重汽等龙头企业生产线马力全开。"),
    ("疫情期间，到岗难、招工难让人头疼。诺伯特的“六轴桁架机器人”有了用武之地。浙江宁\n\n波有企业2月中旬紧急订购了多台。",
     "疫情期间，到岗难、招工难让人头疼。诺伯特的“六轴桁架机器人”有了用武之地。浙江宁波有企业2月中旬紧急订购了多台。"),
    ("近年来，贵阳高新区在党工委的坚强领导\n\n下，始终坚持“发展高科技、实现产业化”方向。",
     "近年来，贵阳高新区在党工委的坚强领导下，始终坚持“发展高科技、实现产业化”方向。"),
    ("5月 6日，金现代在创业板敲钟上市。", "5月6日，金现代在创业板敲钟上市。"),
    ("进出口总额完成 147.2 亿元 ，同比增长 48.1% 。", "进出口总额完成147.2亿元，同比增长48.1%。"),
    ("加拿大麦格纳公司（Magna International）是世界500强。", "加拿大麦格纳公司（Magna International）是世界500强。"),
    ("Magna  International Inc. 与 博源 合作。", "Magna International Inc.与博源合作。"),
    ("第一段结束。\n\n\n\n第二段开始。", "第一段结束。\n第二段开始。"),
    ("他说：\n“我们能独立完成。”\n记者了解到，这里很好。", "他说：\n“我们能独立完成。”\n记者了解到，这里很好。"),
    ("　　全角空格缩进的段落。\r\n　　第二段。\r\n", "全角空格缩进的段落。\n第二段。"),
    ("# 株洲高新区：“园”景无限\n\n## 双招双引\n\n正文。", "株洲高新区：“园”景无限\n双招双引\n正文。"),
    ("#聊城高新区#话题标签不是标题。", "#聊城高新区#话题标签不是标题。"),
    ("浪潮集团\n中国重汽\n齐鲁制药", "浪潮集团\n中国重汽\n齐鲁制药"),   # a list of short lines stays a list
    ("2019年经济增速\n稳居济南市第一\n\n2019 年，济南高新区围绕济南市工作体系。",
     "2019年经济增速稳居济南市第一\n2019年，济南高新区围绕济南市工作体系。"),
    ("中\u200b国\u3000重\t汽", "中国重汽"),
])
def test_repair_text(raw, clean):
    text, to_raw = repair_text(raw)
    assert text == clean
    assert_exact_map(text, to_raw, raw)


def test_repair_hard_wrapped_ocr_lines():
    """Seed 004's layout: ~18 characters a line, blank lines between, a sentence running across them."""
    raw = ("\n五月泉城，欣欣向荣。走进济南高\n\n新区，浪潮集团、中国重汽、齐鲁制药等\n\n龙头企业生产线马力全开；山东产研院\n\n"
           "科学城、大数据产业基地、中国算谷科\n\n技园等重点项目建设马不停蹄。\n\n数字来看，今年一季度，在国内外\n\n"
           "疫情双重影响下，济南高新区进出口总\n\n额完成 147.2 亿元 ，同比增长 48.1% 。\n")
    text, to_raw = repair_text(raw)
    assert text == ("五月泉城，欣欣向荣。走进济南高新区，浪潮集团、中国重汽、齐鲁制药等龙头企业生产线马力全开；山东产研院"
                    "科学城、大数据产业基地、中国算谷科技园等重点项目建设马不停蹄。\n"
                    "数字来看，今年一季度，在国内外疫情双重影响下，济南高新区进出口总额完成147.2亿元，同比增长48.1%。")
    assert_exact_map(text, to_raw, raw)


def test_repair_of_empty_and_blank_text():
    assert repair_text("") == ("", (0,))
    assert repair_text(" \n\u3000\n") == ("", (0,))


# ----------------------------------------------------------------------------------------------- bylines

@pytest.mark.parametrize("raw, clean, names", [
    ("聊城高新区的隐形冠军\n\n本报记者 王延斌\n通讯员 郭志刚 梁明浚\n\n正文在此。", "聊城高新区的隐形冠军\n正文在此。",
     ("王延斌", "郭志刚", "梁明浚")),
    ("# 株洲高新区：园景无限\n\n谢嘉 李媛\n\n开园5周年。", "株洲高新区：园景无限\n开园5周年。", ("谢嘉", "李媛")),
    ("标题\n\n黄龄亿 本报记者 江 耘\n\n正文。", "标题\n正文。", ("黄龄亿", "江耘")),
    ("正文。\n\n视觉中国供图\n\n再一段。", "正文。\n再一段。", ()),
    ("贵阳高新区企业研发的仿真平台工作图景 受访者供图\n\n正文。", "贵阳高新区企业研发的仿真平台工作图景\n正文。", ()),
    ("正文。\n\n新华社记者 张玉薇摄\n\n再一段。", "正文。\n再一段。", ("张玉薇",)),
    ("正文。\n\n图片来源：济南高新区\n\n再一段。", "正文。\n再一段。", ()),
    ("科技日报讯(记者叶青 通讯员李建均)2月22日，广清产业园举行活动。", "科技日报讯2月22日，广清产业园举行活动。",
     ("叶青", "李建均")),
    ("记者了解到，这里生产的每一个零部件都被送往实验室。", "记者了解到，这里生产的每一个零部件都被送往实验室。", ()),
    ("博源技术负责人袁锡铭告诉科技日报记者，我们加班加点。", "博源技术负责人袁锡铭告诉科技日报记者，我们加班加点。", ()),
    ("聊城高新区(山东省)的企业。", "聊城高新区(山东省)的企业。", ()),
])
def test_bylines_are_metadata(tmp_path, raw, clean, names):
    p = tmp_path / "doc.txt"
    p.write_text(raw, encoding="utf-8")
    art = read_article(p)
    assert art.text == clean
    assert art.bylines == names
    assert_exact_map(art.text, art.to_raw, art.raw)


def test_seed_000_byline_removed():
    art = read_article(SEEDS / "000_7dd7cb491af5f5f4.txt")
    assert "王延斌" in art.bylines and "郭志刚" in art.bylines
    assert "王延斌" not in art.text and "本报记者" not in art.text and "视觉中国供图" not in art.text
    assert "浙江宁波有企业" in art.text
    assert_exact_map(art.text, art.to_raw, art.raw)


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_seeds_map_exactly(name):
    art = read_article(SEEDS / name)
    assert_exact_map(art.text, art.to_raw, art.raw)
    assert art.raw == (SEEDS / name).read_text(encoding="utf-8")
    assert "\n\n" not in art.text and " 展" not in art.text
    assert art.title and art.doc_id == name[:-4]


def test_seed_repairs():
    by_id = {a.doc_id[:3]: a for a in collect([SEEDS])[0]}
    assert "济南高新区，浪潮集团" in by_id["004"].text
    assert "完成147.2亿元，同比增长48.1%" in by_id["004"].text
    assert "5月6日，金现代" in by_id["004"].text
    assert "在区域经济的发展大局中" in by_id["001"].text
    assert "坚强领导下，始终坚持" in by_id["002"].text
    assert by_id["003"].bylines[:2] == ("谢嘉", "李媛") and "谢嘉" not in by_id["003"].text
    assert by_id["002"].title == "贵阳高新区：排名跃升背后的创新秘诀"   # not the "# 5250万元" call-out
    assert by_id["003"].title == "株洲高新区：“园”景无限“谷”耀未来"
    assert by_id["001"].title == "山东昌乐培育高质量"


# ----------------------------------------------------------------------------------------------- title, date

@pytest.mark.parametrize("raw, title, date", [
    ("# 标题在这里\n\n2020年5月12日\n\n正文。", "标题在这里", "2020-05-12"),
    ("第一句是正文。\n\n短标题行\n\n正文 2021-3-7 发布。", "短标题行", "2021-03-07"),
    ("只有正文，没有标题。", "doc", ""),
    ("2020年13月45日不是日期。", "doc", ""),
])
def test_title_and_date(tmp_path, raw, title, date):
    p = tmp_path / "doc.md"
    p.write_text(raw, encoding="utf-8")
    art = read_article(p)
    assert (art.title, art.date) == (title, date)


# ----------------------------------------------------------------------------------------------- HTML

HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>聊城高新区 &amp; 博源</title>
<style>p { color: red; }</style><script>var x = "<p>脚本里的字</p>";</script></head>
<body><h1>聊城高新区的“隐形冠军”</h1>
<p>本报记者 王延斌</p>
<p>博源科技公司&amp;麦格纳公司签约&#12290; a &lt; b</p>
<!-- 注释里的字 -->
<div>Magna International&nbsp;加拿大</div><noscript>不显示</noscript>
</body></html>"""


def test_html_visible_text_and_map(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(HTML, encoding="utf-8")
    art = read_article(p)
    # the article starts at its headline: the <title> in <head> names the page (kg/ingest/main_text.py)
    assert art.text == "聊城高新区的“隐形冠军”\n博源科技公司&麦格纳公司签约。a < b\nMagna International加拿大"
    assert art.title == "聊城高新区 & 博源"
    assert art.bylines == ("王延斌",)
    assert art.raw == HTML
    for bad in ("脚本", "注释", "color", "不显示", "王延斌"):
        assert bad not in art.text
    # offsets point into the HTML source: text characters at themselves, entities at their "&", breaks at a "<"
    for i, ch in enumerate(art.text):
        src = art.raw[art.to_raw[i]]
        assert src == ch or (src == "&" and ch in "&。<") or (ch == "\n" and src == "<")
    start = art.text.index("博源科技公司")
    r0, r1 = art.raw_span(start, start + 6)
    assert art.raw[r0:r1] == "博源科技公司"


# ----------------------------------------------------------------------------------------------- JSONL

def test_jsonl_records_and_malformed_lines(tmp_path):
    lines = [
        json.dumps({"id": "a1", "title": "T1", "text": "聊城高新区 发 展。", "url": "https://x.cn/1",
                    "date": "2020-05-12"}, ensure_ascii=False),
        '{"id": "a2", "text": ',                                  # truncated
        "",                                                        # blank: skipped silently
        json.dumps({"id": "a3", "text": ""}),
        "[1, 2]",
        json.dumps({"text": "没有id的文章。", "date": "2021年3月7日"}, ensure_ascii=False),
        json.dumps({"id": 7, "text": 5}),
        json.dumps({"id": "a1", "text": "重复的id。"}, ensure_ascii=False),
        '{"id": "last", "text": "截断',
    ]
    p = tmp_path / "news.jsonl"
    p.write_text("\n".join(lines), encoding="utf-8")
    arts, errors = collect([p])
    assert [(a.doc_id, a.source, a.text) for a in arts] == [
        ("a1", "news.jsonl#L1", "聊城高新区发展。"),
        ("news_L6", "news.jsonl#L6", "没有id的文章。"),
        ("news/a1", "news.jsonl#L8", "重复的id。"),
    ]
    a1 = arts[0]
    assert (a1.title, a1.url, a1.date, a1.raw) == ("T1", "https://x.cn/1", "2020-05-12", "聊城高新区 发 展。")
    assert arts[1].date == "2021-03-07"
    assert_exact_map(a1.text, a1.to_raw, a1.raw)
    msgs = [describe_error(e) for e in errors]
    assert [m.split(": ", 1)[0] for m in msgs] == [f"{p}:{n}" for n in (2, 4, 5, 7, 9)]
    assert "truncated JSON" in msgs[0] and "empty" in msgs[1] and "JSON object" in msgs[2]
    assert '"text"' in msgs[3] and "truncated JSON" in msgs[4]


def test_jsonl_empty_file(tmp_path):
    p = tmp_path / "empty.jsonl"
    p.write_bytes(b"")
    arts, errors = collect([p])
    assert arts == [] and [str(e) for e in errors] == [f"{p}: empty file"]


def test_jsonl_line_limit(tmp_path):
    p = tmp_path / "big.jsonl"
    small = json.dumps({"id": "s", "text": "小的。"}, ensure_ascii=False)
    p.write_text(json.dumps({"id": "b", "text": "大" * 5000}, ensure_ascii=False) + "\n" + small + "\n",
                 encoding="utf-8")
    arts, errors = collect([p], max_bytes=1000)
    assert [a.doc_id for a in arts] == ["s"]
    assert len(errors) == 1 and "line too large" in str(errors[0]) and f"{p}:1" in str(errors[0])


# ----------------------------------------------------------------------------------------------- folders

def write(p: Path, text: str = "聊城高新区的企业。", encoding: str = "utf-8") -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(text.encode(encoding))
    return p


def test_folder_recursion_order_and_filters(tmp_path):
    for rel in ("b.txt", "a/z.md", "a/y.html", "c.txt", ".hidden.txt", ".git/x.txt", "notes.docx", "img.png",
                "a/b/deep.txt"):
        write(tmp_path / rel, "<p>正文。</p>" if rel.endswith("html") else "正文。")
    arts, errors = collect([tmp_path])
    # everything not read is reported, with the reason: a hidden folder once, not file by file
    assert [describe_error(e) for e in errors] == [
        f"{tmp_path / '.git'}: hidden (its name starts with \".\")",
        f"{tmp_path / '.hidden.txt'}: hidden (its name starts with \".\")",
        f"{tmp_path / 'img.png'}: unsupported file type .png",
        f"{tmp_path / 'notes.docx'}: not a Word .docx file (File is not a zip file)"]
    assert [a.source for a in arts] == [
        f"{tmp_path.name}/{r}" for r in ("a/b/deep.txt", "a/y.html", "a/z.md", "b.txt", "c.txt")]
    assert [a.doc_id for a in arts] == ["deep", "y", "z", "b", "c"]


def test_same_stem_in_two_folders_gets_unique_ids(tmp_path):
    write(tmp_path / "x" / "news.txt")
    write(tmp_path / "y" / "news.txt")
    arts, _ = collect([tmp_path])
    assert [a.doc_id for a in arts] == ["news", "y/news"]
    assert [a.doc_id for a in collect([tmp_path])[0]] == ["news", "y/news"]  # deterministic


def test_explicit_file_with_unknown_extension_is_read_as_text(tmp_path):
    p = write(tmp_path / "article.dat")
    arts, errors = collect([p])
    assert [a.text for a in arts] == ["聊城高新区的企业。"] and not errors


def test_missing_path_and_duplicates(tmp_path):
    p = write(tmp_path / "a.txt")
    arts, errors = collect([tmp_path / "nope.txt", p, p])
    assert len(arts) == 1
    assert [describe_error(e) for e in errors] == [f"{tmp_path / 'nope.txt'}: no such file or folder"]


def test_symlink_loop_is_reported_and_walk_goes_on(tmp_path):
    write(tmp_path / "d" / "a.txt")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")         # d/loop -> d
    os.symlink("self", tmp_path / "self")                        # self -> self
    os.symlink(tmp_path / "missing.txt", tmp_path / "broken.txt")
    write(tmp_path / "z.txt")
    arts, errors = collect([tmp_path])
    assert [a.doc_id for a in arts] == ["a", "z"]
    msgs = sorted(describe_error(e) for e in errors)
    assert msgs == sorted([f"{tmp_path / 'broken.txt'}: broken symlink",
                           f"{tmp_path / 'd' / 'loop'}: symlink loop (links back to an enclosing folder)",
                           f"{tmp_path / 'self'}: symlink loop"])


def test_unreadable_file_is_reported(tmp_path):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root reads files whatever their permissions")
    bad = write(tmp_path / "secret.txt")
    bad.chmod(0)
    write(tmp_path / "ok.txt")
    try:
        arts, errors = collect([tmp_path])
    finally:
        bad.chmod(0o644)
    assert [a.doc_id for a in arts] == ["ok"]
    assert [describe_error(e) for e in errors] == [f"{bad}: permission denied"]


def test_file_too_large_is_not_loaded(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        f.truncate(2000)
    with pytest.raises(InputError, match="file too large"):
        read_article(p, max_bytes=1000)


def test_describe_error_is_one_line():
    err = InputError("a\nb.txt", "bad\x00thing")
    assert describe_error(err) == "a\\nb.txt: bad\\x00thing"
    assert "\n" not in describe_error(ValueError("x\ny"))


# ----------------------------------------------------------------------------------------------- source names

def test_source_is_relative_to_the_input_argument(tmp_path, monkeypatch):
    """Article.source: the folder's name + the path inside it, or a lone file's name; never the absolute path
    and never dependent on the working folder (``#L<n>`` kept for JSONL records)."""
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt")
    write(corpus / "sub" / "b.md")
    (corpus / "news.jsonl").write_text(json.dumps({"id": "j1", "text": "聊城高新区。"}, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
    expected = ["corpus/a.txt", "corpus/news.jsonl#L1", "corpus/sub/b.md"]
    assert [a.source for a in collect([corpus])[0]] == expected                     # absolute
    assert [a.source for a in collect([f"{corpus}{os.sep}"])[0]] == expected        # trailing separator
    monkeypatch.chdir(tmp_path)
    assert [a.source for a in collect(["corpus"])[0]] == expected                   # relative
    assert [a.source for a in collect([Path("corpus") / ".." / "corpus"])[0]] == expected
    monkeypatch.chdir(corpus)
    assert [a.source for a in collect(["."])[0]] == expected                        # the folder itself
    monkeypatch.chdir(corpus / "sub")
    assert [a.source for a in collect([".."])[0]] == expected
    # a file named by itself: its name alone, wherever it is and however it is written
    assert [a.source for a in collect([corpus / "sub" / "b.md", "b.md", corpus / "news.jsonl"])[0]] == [
        "b.md", "news.jsonl#L1"]
    assert read_article(corpus / "a.txt").source == "a.txt"
    # error messages keep the path as given, so the user can find the file
    bad = write(corpus / "empty.txt", "")
    _, errors = collect([corpus])
    assert [e.source for e in errors] == [str(bad)]


def test_build_from_relative_and_absolute_input_is_byte_identical(tmp_path, monkeypatch):
    """``kg build seeds/ -o A`` and ``kg build $PWD/seeds -o B`` write the same graph.ttl, byte for byte."""
    from kg.build import build

    names = sorted(p.name for p in SEEDS.glob("*.txt"))[:2]
    corpus = tmp_path / "work" / "seeds"
    corpus.mkdir(parents=True)
    for n in names:
        (corpus / n).write_bytes((SEEDS / n).read_bytes())
    monkeypatch.chdir(tmp_path / "work")
    build(["seeds/"], tmp_path / "A", html=False, store=False)
    build([str(corpus)], tmp_path / "B", html=False, store=False)
    a, b = (tmp_path / "A" / "graph.ttl").read_bytes(), (tmp_path / "B" / "graph.ttl").read_bytes()
    assert a == b
    assert f'"seeds/{names[0]}"'.encode() in a and str(tmp_path).encode() not in a


def test_jsonl_text_may_be_called_content_or_body(tmp_path):
    """Scraped corpora often name the text field "content" or "body"; "text" wins when several are there."""
    p = tmp_path / "scraped.jsonl"
    rows = [{"id": "a", "content": "济南高新区的浪潮集团。"}, {"id": "b", "body": "聊城高新区。"},
            {"id": "c", "text": "正文。", "content": "别的。"}, {"id": "d", "content": 3}]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    errors = []
    arts = list(iter_articles([p], on_error=errors.append))
    assert [(a.doc_id, a.text) for a in arts] == [("a", "济南高新区的浪潮集团。"), ("b", "聊城高新区。"), ("c", "正文。")]
    assert [e.problem for e in errors] == ['"content" is a int, not a string']
