"""kg.ingest.main_text: the article of a web page, with menus, sidebars, related links and footers dropped.

Every page, park, firm and person here is invented.
"""
from __future__ import annotations

import html
import random

import pytest

from kg.ingest.main_text import MainText, apply_ranges, main_blocks
from kg.ingest.webpage import _html_to_text

TITLE = "青岚高新区管委会与云帆智能科技有限公司签署战略合作协议"
BODY = [
    "3月4日，青岚高新区管委会与云帆智能科技有限公司在园区创新服务中心签署战略合作协议，双方将在智能制造、"
    "工业互联网和人才培养等领域开展深度合作，共同建设青岚智能装备产业园。",
    "根据协议，云帆智能科技有限公司将在青岚高新区投资12亿元，建设年产5万台工业机器人的生产基地和华东研发中心，"
    "项目建成后预计年产值超过30亿元，新增就业岗位1500个。",
    "青岚高新区管委会主任林晓舟表示，高新区将为项目提供“一站式”审批服务，协调解决用地、用能和人才住房等问题，"
    "确保项目年内开工、明年投产。",
    "云帆智能科技有限公司董事长周启明介绍，公司此次落户青岚高新区，看中的是园区完善的产业链配套和良好的营商环境，"
    "下一步还将联合星湖大学共建机器人联合实验室。",
]
SIDEBAR_FIRMS = ["蓝鲸半导体有限公司", "青松生物医药股份有限公司", "北斗星光电科技有限公司", "橙子新能源汽车有限公司",
                 "海棠精密机械有限公司"]
RELATED = ["青岚高新区举办2024年人才招聘会", "星湖大学科技成果转化基地揭牌", "青岚高新区召开安全生产工作会议"]
FOOTER_FIRM = "北辰软件股份有限公司"


def park_page(*, meta: str = "", info: str = "发布时间：2024年3月5日　来源：青岚高新区管委会　浏览次数：1024",
              charset: str = "gbk") -> str:
    nav = "".join(f'<li><a href="/c{i}.html">{t}</a></li>' for i, t in enumerate(
        ["首页", "园区概况", "招商引资", "新闻中心", "政务公开", "企业服务", "人才政策", "联系我们"]))
    firms = "".join(f'<li><a href="/qy/{i}.html">{f}</a></li>' for i, f in enumerate(SIDEBAR_FIRMS))
    related = "".join(f'<li><a href="/xw/{i}.html">{t}</a><span>2024-02-2{i}</span></li>'
                      for i, t in enumerate(RELATED))
    paras = "".join(f"<p>&nbsp;&nbsp;{p}</p>" for p in BODY)
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{TITLE}_青岚高新区管委会</title>{meta}
<script>var _hm = "<div>统计代码</div>";</script>
<style>.nav li {{ float: left; }}</style></head>
<body>
<div class="top"><a href="/">青岚高新区管委会</a> | <a href="/en/">English</a> | 无障碍浏览</div>
<ul class="nav">{nav}</ul>
<div class="main">
  <div class="left">
    <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xw/">新闻中心</a> &gt; 园区动态</div>
    <div class="article">
      <h1>{TITLE}</h1>
      <div class="info">{info}</div>
      <div class="content">{paras}</div>
      <div class="tools">【<a href="javascript:print()">打印本页</a>】【<a href="javascript:close()">关闭窗口</a>】</div>
    </div>
    <div class="related"><h3>相关新闻</h3><ul>{related}</ul></div>
  </div>
  <div class="right">
    <div class="box"><h3>热门企业</h3><ul>{firms}</ul></div>
    <div class="box"><h3>办事指南</h3><ul><li><a href="/bs/1.html">企业入驻申请</a></li>
      <li><a href="/bs/2.html">高新技术企业认定</a></li></ul></div>
  </div>
</div>
<div class="footer">
  <p><a href="/about">关于我们</a> | <a href="/map">网站地图</a> | <a href="/contact">联系我们</a></p>
  <p>主办单位：青岚高新区管委会　版权所有 &copy; 2024　地址：青岚市星湖大道88号</p>
  <p>技术支持：{FOOTER_FIRM}　备案号：青ICP备12345678号-1</p>
</div>
</body></html>"""


def kept_text(raw: str, res: MainText) -> str:
    text, to_src, _title, hard = _html_to_text(raw)[:4]
    return apply_ranges(text, to_src, hard, res.ranges)[0]


def squash(s: str) -> str:
    return "".join(html.unescape(s).split()).replace("\u3000", "")


# ---------------------------------------------------------------------------------------------------------------

def test_only_the_article_is_kept():
    raw = park_page()
    res = main_blocks(raw)
    assert isinstance(res, MainText)
    kept = squash(kept_text(raw, res))
    assert squash(TITLE) in kept
    for p in BODY:
        assert squash(p) in kept
    for junk in SIDEBAR_FIRMS + RELATED + [FOOTER_FIRM, "技术支持", "版权所有", "ICP备", "园区概况", "热门企业",
                                           "当前位置", "打印本页", "关闭窗口", "办事指南", "高新技术企业认定"]:
        assert junk not in kept, junk
    assert res.title == TITLE


def test_ranges_map_back_into_the_raw_html():
    raw = park_page()
    res = main_blocks(raw)
    assert res is not None
    assert list(res.ranges) == sorted(res.ranges)
    for (a, b), (c, _d) in zip(res.ranges, res.ranges[1:]):
        assert a < b <= c  # ordered, not overlapping
    # each range holds one block of the page: the headline or a paragraph, its text right there in the raw HTML
    pieces = [squash(html.unescape(raw[a:b])) for a, b in res.ranges]
    assert pieces[0] == squash(TITLE)
    for p in BODY:
        assert squash(p) in pieces
    # character by character: every kept character is the raw character at its offset (or an entity there)
    text, to_src, _t, hard = _html_to_text(raw)[:4]
    kept, kept_map, _h = apply_ranges(text, to_src, hard, res.ranges)
    for ch, pos in zip(kept, kept_map):
        if ch == "\n":
            continue
        if raw[pos] == "&":
            assert html.unescape(raw[pos:raw.index(";", pos) + 1]) == ch
        else:
            assert raw[pos] == ch
        assert any(a <= pos < b for a, b in res.ranges)


def test_date_next_to_the_title():
    res = main_blocks(park_page())
    assert res is not None and res.date == "2024-03-05"


def test_date_iso_next_to_the_title():
    res = main_blocks(park_page(info="2024-03-05 09:30　来源：青岚日报"))
    assert res is not None and res.date == "2024-03-05"


def test_date_from_meta_wins():
    raw = park_page(meta='<meta name="PubDate" content="2024-03-06 10:12">')
    assert main_blocks(raw).date == "2024-03-06"
    raw = park_page(meta='<meta property="article:published_time" content="2024-03-07T08:00:00+08:00">',
                    info="来源：青岚高新区管委会")
    assert main_blocks(raw).date == "2024-03-07"


def test_no_date():
    res = main_blocks(park_page(info="来源：青岚高新区管委会"))
    assert res is not None and res.date == ""


def test_a_page_that_is_one_paragraph_is_kept_whole():
    para = ("青岚高新区今年一季度新签约项目二十六个，总投资一百八十亿元，其中智能装备、生物医药和新能源项目占比超过七成，"
            "园区规模以上工业总产值同比增长百分之十二点六。")
    for raw in (f"<p>{para}</p>", f"<html><body><div>{para}</div></body></html>", para):
        res = main_blocks(raw)
        assert res is not None, raw[:20]
        assert squash(kept_text(raw, res)) == squash(para)


@pytest.mark.parametrize("raw", [
    "", " ", "\n\n", "hello", "<html></html>", "<html><body></body></html>", "<p>短文本</p>", "<<<>>>", "&amp;",
    "<script>alert('x')</script>", "<!-- 注释 -->", "\x00\x01\x02\x03" * 50, "<div>" * 3000,
    "<p>" + "首页 " * 5 + "</p>", "<a href='/'>青岚高新区</a>" * 3,
])
def test_garbage_empty_and_tiny_give_none(raw):
    assert main_blocks(raw) is None


@pytest.mark.parametrize("raw", [None, b"<p>bytes</p>", 42, ["<p>x</p>"]])
def test_not_a_string_gives_none(raw):
    assert main_blocks(raw) is None


def test_random_garbage_never_raises():
    rng = random.Random(20240305)
    alphabet = "<>/&;#=\"' \n\tabcdivpscript园区企业公司，。" + "".join(chr(c) for c in range(0x4e00, 0x4e40))
    for _ in range(200):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        res = main_blocks(raw)
        assert res is None or isinstance(res, MainText)
    page = park_page()
    for _ in range(30):  # truncated and spliced pages
        a, b = sorted(rng.randint(0, len(page)) for _ in range(2))
        res = main_blocks(page[:a] + page[b:])
        if res is not None:
            assert all(0 <= s < e <= len(page) for s, e in res.ranges)


def test_deterministic():
    raw = park_page()
    assert main_blocks(raw) == main_blocks(raw)


def test_gbk_page_decoded_by_the_caller():
    raw = park_page(charset="gb2312")
    data = raw.encode("gbk")
    res = main_blocks(data.decode("gbk"))
    assert res is not None and squash(BODY[1]) in squash(kept_text(raw, res))


def test_apply_ranges_keeps_blocks_apart():
    raw = park_page()
    res = main_blocks(raw)
    text, to_src, _t, hard = _html_to_text(raw)[:4]
    kept, kept_map, kept_hard = apply_ranges(text, to_src, hard, res.ranges)
    assert len(kept) == len(kept_map)
    assert all(kept[h] == "\n" for h in kept_hard)
    assert len(kept_hard) == len(res.ranges)  # one break after each block


def test_a_saved_page_gives_the_article_firms_only(tmp_path, extractor):
    """Through the reader and the pipeline: the sidebar's and the footer's firms are no entities, the article's
    are, and every statement's offsets point into the saved file."""
    from kg.ingest import read_article

    p = tmp_path / "page.html"
    p.write_bytes(park_page().encode("gbk"))
    art = read_article(p)
    assert art.date == "2024-03-05"
    d = extractor.extract(art)
    names = {n for e in d.entities for n in (e.name, *e.aliases)}
    assert "云帆智能科技有限公司" in names and "青岚高新区" in names
    assert not names & {*SIDEBAR_FIRMS, FOOTER_FIRM}
    for r in d.relations:
        assert art.raw[r.sent_start:r.sent_end].replace("&nbsp;", "")  # a span of the page itself
        assert squash(r.evidence)[:6] in squash(art.raw[r.sent_start:r.sent_end])
