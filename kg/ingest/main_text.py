"""Main text of a saved news web page, as character ranges of the raw HTML.

ParkKG's ``_html_to_text`` keeps every visible character of a page: top menu, sidebar of "热门企业" links, related
articles, and the footer (``技术支持：某某软件股份有限公司``, 版权所有, ICP备案) all become article text, and the firm
names in them become entities. :func:`main_blocks` says which parts of the page are the article itself (headline and
body paragraphs), without giving up ParkKG's guarantee that every kept character maps back to its offset in the raw
file:

1. ``_html_to_text`` gives the visible text, its map into the raw HTML and the block breaks; the text between two
   breaks is one *block* (a paragraph, a menu item, a table cell...).
2. readability-lxml (chosen by measurement against trafilatura, jusText, goose3, newspaper4k and GNE; see
   the README, "Inputs") reads the same HTML and picks the element that holds the article.
3. The blocks are aligned against readability's text (both sides NFKC, whitespace dropped): the blocks of 8+
   characters found whole form the heaviest chain that is in order on both sides (so a headline repeated at the end
   of readability's text cannot drag the alignment there); between those anchors, short blocks count only right
   after the previous match (so "首页" or "01" elsewhere does not), longer ones when most of their text is there.
4. Lines that are never article text are dropped: footers (版权所有, ICP备, 技术支持：…), everything from an end
   marker (责任编辑, 免责声明, 扫描二维码, 相关新闻, 上一篇 …) in the last third of the text on, runs of links
   (related articles) at either end, and small groups of blocks far from the rest at either end.
5. The headline (the nearest block before the first paragraph that reads as the page's ``<title>``, else an
   ``<h1>``) starts the kept text; anything the extractor kept above it (a breadcrumb) goes. The raw ranges of the
   kept blocks are returned; nothing of readability's own text is used, so no character can come from anywhere
   but the file.

The publication date comes from ``<meta>`` tags (article:published_time, PubDate, publishdate, ...), JSON-LD, then a
date in the lines between the headline and the body (``2024年3月5日``, ``2024-03-05``, ``发布时间：...``), then a
labelled date (``发布日期：``) just after the body.

Everything runs offline and is deterministic. Any failure, and any page whose main text cannot be identified with
confidence, gives ``None``: the caller then keeps the whole page as before.
"""
from __future__ import annotations

import html as _html
import json
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from kg.ingest.webpage import _HTML_TOKEN, _html_to_text

__all__ = ["MainText", "main_blocks", "apply_ranges"]


@dataclass(frozen=True)
class MainText:
    """The main content of a page.

    ``ranges``: sorted, non-overlapping ``(start, end)`` character ranges of the raw HTML string, one per kept block
    (headline first, then body paragraphs in page order); ``raw[start:end]`` holds that block's text (plus any inline
    markup inside it). ``date``: publication date ``YYYY-MM-DD`` or ``""``. ``title``: the headline as shown on the
    page (``""`` when none was found). ``extractor``: the library and version that picked the blocks."""
    ranges: tuple[tuple[int, int], ...]
    date: str = ""
    title: str = ""
    extractor: str = ""


# ---------------------------------------------------------------------------------------------------------------
# limits
# ---------------------------------------------------------------------------------------------------------------

MIN_VISIBLE = 20         # pages with fewer visible characters (whitespace dropped) -> None
MIN_KEPT = 20            # kept body characters below this -> None
MIN_LIB_MATCHED = 0.5    # share of the extractor's text that must be found again in the blocks
SHORT_BLOCK = 8          # blocks shorter than this must follow the previous match closely
SHORT_GAP = 12           # ... within this many characters of the extractor's text
PARTIAL_KEEP = 0.6       # a block only partly in the extractor's text is kept from this share up
MAX_INPUT = 20_000_000   # characters; larger inputs -> None

_DROP = re.compile(r"[\s\u200b-\u200f\u2028\u2029\u2060\ufeff|]+")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_TITLE_EL = re.compile(r"<title\b[^>]*>.*?</title\s*>", re.S | re.I)
_SPLIT = re.compile(r"[，。、；：！？,.;:!?（）()《》“”\"'·\-—_【】\[\]<>/\\]+")


def _norm(s: str) -> str:
    """Text for matching only: NFKC, no whitespace, no zero-width characters, no table bars."""
    return _DROP.sub("", unicodedata.normalize("NFKC", s))


# ---------------------------------------------------------------------------------------------------------------
# blocks of ParkKG's visible text
# ---------------------------------------------------------------------------------------------------------------

@dataclass
class _Block:
    a: int          # start in the visible text
    b: int          # end in the visible text
    start: int      # start in the raw HTML
    end: int        # end in the raw HTML
    text: str       # the block's visible text, stripped
    norm: str       # _norm(text)
    link: float = 0.0   # share of the block's characters inside <a>...</a>


def _raw_end(raw: str, pos: int) -> int:
    """End in ``raw`` of the character that starts at ``pos`` (an entity such as ``&amp;`` spans several)."""
    if raw.startswith("&", pos):
        m = _ENTITY.match(raw, pos)
        if m:
            return m.end()
    return pos + 1


def _anchor_spans(raw: str) -> list[tuple[int, int]]:
    """Raw spans of the content of <a> elements (scripts, comments and the like skipped by ParkKG's tokenizer)."""
    spans: list[tuple[int, int]] = []
    open_at = -1
    for m in _HTML_TOKEN.finditer(raw):
        tag = m.group("tag")
        if not tag or tag.lower() != "a":
            continue
        if m.group("close"):
            if open_at >= 0:
                spans.append((open_at, m.start()))
                open_at = -1
        else:
            if open_at >= 0:  # <a> inside <a>: the first one ends here
                spans.append((open_at, m.start()))
            open_at = m.end()
    return spans


def _link_share(a: int, b: int, text: str, to_src: list[int], spans: list[tuple[int, int]], starts: list[int]) -> float:
    n = inside = 0
    for i in range(a, b):
        if text[i].isspace():
            continue
        n += 1
        p = to_src[i]
        k = bisect_right(starts, p) - 1
        if k >= 0 and spans[k][0] <= p < spans[k][1]:
            inside += 1
    return inside / n if n else 0.0


def _blocks(raw: str, text: str, to_src: list[int], hard: list[int]) -> list[_Block]:
    spans = _anchor_spans(raw)
    span_starts = [s for s, _ in spans]
    head_title = _TITLE_EL.search(raw)
    t0, t1 = head_title.span() if head_title else (-1, -1)
    out: list[_Block] = []
    starts = [0] + [h + 1 for h in hard]
    ends = list(hard) + [len(text)]
    for a, b in zip(starts, ends):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a >= b:
            continue
        start, end = to_src[a], _raw_end(raw, to_src[b - 1])
        if t0 <= start < t1:
            continue  # the <title> element in <head>: not page content
        s = text[a:b]
        n = _norm(_html.unescape(s))
        if n:
            out.append(_Block(a, b, start, end, s, n, _link_share(a, b, text, to_src, spans, span_starts)))
    return out


# ---------------------------------------------------------------------------------------------------------------
# alignment against the extractor's text
# ---------------------------------------------------------------------------------------------------------------

def _partial(norm: str, lib: str, lo: int, hi: int) -> tuple[float, int]:
    """Share of ``norm``'s characters (in pieces of 4+ between punctuation) found in order in ``lib[lo:hi]``, and the
    end of the last piece found."""
    found = 0
    last = -1
    cur = lo
    for p in _SPLIT.split(norm):
        if len(p) < 4:
            continue
        pos = lib.find(p, cur, hi)
        if pos < 0:
            continue
        found += len(p)
        cur = last = pos + len(p)
    return found / max(1, len(norm)), last


MAX_OCCURRENCES = 8      # places in the extractor's text tried for one block


def _chain(blocks: list[_Block], lib: str) -> list[tuple[int, int, int]]:
    """The blocks of SHORT_BLOCK+ characters found whole in ``lib``, as the heaviest chain in which both the page
    order and the order in ``lib`` increase (a headline that ``lib`` repeats at its end does not pull the alignment
    there): ``[(block, start, end)]``."""
    cands: list[tuple[int, int, int]] = []          # (block, start, end) in lib
    for i, bl in enumerate(blocks):
        n = bl.norm
        if len(n) < SHORT_BLOCK:
            continue
        pos = lib.find(n)
        k = 0
        while pos >= 0 and k < MAX_OCCURRENCES:
            cands.append((i, pos, pos + len(n)))
            pos = lib.find(n, pos + 1)
            k += 1
    if not cands:
        return []
    # weighted longest chain: Fenwick tree over end positions holding (best weight, candidate index)
    ends = sorted({e for _, _, e in cands})
    rank = {e: r + 1 for r, e in enumerate(ends)}
    size = len(ends)
    tree: list[tuple[int, int]] = [(0, -1)] * (size + 1)

    def query(x: int) -> tuple[int, int]:       # best over ends <= the x-th end
        best = (0, -1)
        while x > 0:
            if tree[x][0] > best[0]:
                best = tree[x]
            x -= x & -x
        return best

    def update(x: int, val: tuple[int, int]) -> None:
        while x <= size:
            if val[0] > tree[x][0]:
                tree[x] = val
            x += x & -x

    score = [0] * len(cands)
    back = [-1] * len(cands)
    j = 0
    while j < len(cands):
        k = j
        while k < len(cands) and cands[k][0] == cands[j][0]:
            k += 1
        group = range(j, k)   # one block's occurrences: scored together, so that a block is used once
        for c in group:
            _i, st, en = cands[c]
            prev = query(bisect_right(ends, st))
            score[c] = prev[0] + (en - st)
            back[c] = prev[1]
        for c in group:
            update(rank[cands[c][2]], (score[c], c))
        j = k
    c = max(range(len(cands)), key=lambda x: (score[x], -x))
    chain = []
    while c >= 0:
        chain.append(cands[c])
        c = back[c]
    return chain[::-1]


def _align(blocks: list[_Block], lib: str) -> tuple[list[int], int]:
    """Indices of the blocks found in ``lib`` in page order, and how many characters of ``lib`` they cover. The
    chain of long blocks is fixed first; short blocks (right after the previous match only) and blocks found in part
    are then looked for in the stretch of ``lib`` between their chained neighbours."""
    chain = _chain(blocks, lib)
    anchors = {i: (st, en) for i, st, en in chain}
    nexts = [st for _i, st, _e in chain] + [len(lib)]
    kept: list[int] = []
    covered = 0
    cur = 0
    nxt = 0           # index into chain of the next anchor
    for i, bl in enumerate(blocks):
        if i in anchors:
            st, en = anchors[i]
            kept.append(i)
            covered += en - st
            cur = en
            nxt += 1
            continue
        hi = nexts[nxt]
        n = bl.norm
        if len(n) < SHORT_BLOCK:
            pos = lib.find(n, cur, hi)
            if pos >= 0 and pos - cur <= SHORT_GAP:
                kept.append(i)
                covered += len(n)
                cur = pos + len(n)
        elif len(n) >= 2 * SHORT_BLOCK:
            share, last = _partial(n, lib, cur, hi)
            if share >= PARTIAL_KEEP:
                kept.append(i)
                covered += int(share * len(n))
                cur = last
    return kept, covered


# never article text: site footers
_FOOTER = re.compile(r"版权所有|ICP备|ICP证|公网安备|网站标识码|技术支持\s*[:：]|Copyright|All Rights Reserved|©", re.I)
# where the article ends: editor/source lines, notices, share/QR prompts, related or hot lists, paging
_END = re.compile(
    r"^[\s(（【\[]*(?:责任编辑|责编|编辑\s*[|｜:：]|校对\s*[|｜:：]|审核\s*[|｜:：]|特别声明|免责声明|声明\s*[:：]|版权声明"
    r"|(?:扫描|长按|识别|扫一扫).{0,10}二维码|扫一扫|更多猛料|推荐阅读|相关(?:新闻|阅读|文章|稿件|链接|推荐)"
    r"|热门(?:文章|推荐|企业|新闻)|最新文章|猜你喜欢|上一篇|下一篇|返回(?:首页|列表|顶部)|打印本页|关闭窗口|分享到)")
LINKY = 0.8              # a block with this share of link text is a link
GAP = 6                  # a kept group this many skipped blocks away from the rest is a separate part of the page
STRAY = 0.3              # ... and is dropped, at either end, when it is smaller than this share of the rest
TAIL_MAX = 0.35          # an end marker is obeyed when what follows it is at most this share of the kept text


def _trim(blocks: list[_Block], kept: list[int]) -> list[int]:
    """Drop footer lines, everything from an end marker in the last part of the text on, and runs of links
    (related articles) at either end."""
    kept = [i for i in kept if not _FOOTER.search(blocks[i].text)]
    total = sum(len(blocks[i].norm) for i in kept)
    after = total
    for k, i in enumerate(kept):
        after -= len(blocks[i].norm)
        if k > 0 and _END.search(blocks[i].text) and after + len(blocks[i].norm) <= TAIL_MAX * total:
            kept = kept[:k]
            break

    def linkish(i: int) -> bool:
        return blocks[i].link >= LINKY or len(blocks[i].norm) < 12

    def links(i: int) -> bool:
        return blocks[i].link >= LINKY
    # related-article lists at the end: a run of links (dates and other short bits between them allowed)
    k = len(kept)
    while k > 0 and linkish(kept[k - 1]):
        k -= 1
    if sum(1 for i in kept[k:] if links(i)) >= 2 or (k < len(kept) and all(links(i) for i in kept[k:])):
        kept = kept[:k]
    # links before the first paragraph ("点击进入……>>")
    while kept and links(kept[0]):
        kept = kept[1:]
    # small groups far from the rest at either end (a teaser list under the article, a lead-in box above it)
    def size(part: list[int]) -> int:
        return sum(len(blocks[i].norm) for i in part)
    while len(kept) > 1:
        cut_tail = next((k for k in range(len(kept) - 1, 0, -1) if kept[k] - kept[k - 1] > GAP), None)
        cut_head = next((k for k in range(1, len(kept)) if kept[k] - kept[k - 1] > GAP), None)
        if cut_tail is not None and size(kept[cut_tail:]) < STRAY * size(kept[:cut_tail]):
            kept = kept[:cut_tail]
        elif cut_head is not None and size(kept[:cut_head]) < STRAY * size(kept[cut_head:]):
            kept = kept[cut_head:]
        else:
            break
    return kept


_TITLE_SEP = re.compile(r"\s*(?:_|\||｜|--|——|—|–|\s-\s)\s*")
_H1 = re.compile(r"<h1\b[^>]*>.*?</h1\s*>", re.S | re.I)


def _title_forms(title: str) -> tuple[str, str]:
    """The normalised ``<title>`` and its longest part between separators (``标题_频道_网站名`` -> ``标题``)."""
    t = _norm(title)
    parts = [_norm(p) for p in _TITLE_SEP.split(title)]
    return t, max(parts, key=len, default=t) or t


def _matches_title(block: _Block, t: str, core: str) -> bool:
    """Whether the block reads as the page title: the whole ``<title>`` or its main part, most of it, or it plus a
    little."""
    n = block.norm
    if n == t or n == core:
        return True
    return len(n) >= 6 and ((n in t and 2 * len(n) >= len(core)) or (core in n and len(n) <= 2 * len(core) + 10))


def _headline(raw: str, blocks: list[_Block], first_body: int, title: str) -> int | None:
    """Index of the headline block: the nearest block before ``first_body`` that reads as the page's ``<title>``
    (``<title>`` often adds ``_频道_网站名``), else the nearest ``<h1>``. When the headline is repeated just above (a
    title block, then date and source, then the title again), the first of them."""
    lo = max(-1, first_body - 40)
    t, core = _title_forms(title)
    if len(core) >= 4:
        for i in range(first_body - 1, lo, -1):
            if _matches_title(blocks[i], t, core):
                for j in range(i - 1, max(-1, i - 5), -1):
                    if _matches_title(blocks[j], t, core):
                        return j
                return i
    h1 = [m.span() for m in _H1.finditer(raw, 0, blocks[first_body - 1].end if first_body > 0 else 0)]
    for i in range(first_body - 1, lo, -1):
        if len(blocks[i].norm) >= 4 and any(a <= blocks[i].start < b for a, b in h1):
            return i
    return None


# ---------------------------------------------------------------------------------------------------------------
# date
# ---------------------------------------------------------------------------------------------------------------

_META_DATE_NAMES = (
    "article:published_time", "og:article:published_time", "og:release_date", "datepublished", "pubdate",
    "publishdate", "publish_date", "publishtime", "publish-date", "firstpublishedtime", "dc.date.issued",
    "dc.date", "dcterms.issued", "dcterms.created", "date", "sailthru.date", "parsely-pub-date", "weibo:article:create_at",
)
_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([a-zA-Z:_.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_LD = re.compile(r"""<script[^>]+application/ld\+json[^>]*>(.*?)</script\s*>""", re.S | re.I)
_YMD = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})(?!\d)")
_LABELLED = re.compile(r"(?:发布|发表|更新|成文|印发)?(?:日期|时间)\s*[:：]")


def _ymd(s: str) -> str:
    m = _YMD.search(s)
    if not m:
        return ""
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return ""


def _meta_date(raw: str) -> str:
    head = raw[:300_000]
    found: dict[str, str] = {}
    for m in _META.finditer(head):
        attrs = {k.lower(): (v1 or v2 or v3) for k, v1, v2, v3 in _ATTR.findall(m.group())}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in _META_DATE_NAMES and key not in found:
            d = _ymd(attrs.get("content", ""))
            if d:
                found[key] = d
    for key in _META_DATE_NAMES:
        if key in found:
            return found[key]
    for m in _LD.finditer(head):
        try:
            data = json.loads(m.group(1))
        except ValueError:
            continue
        for obj in data if isinstance(data, list) else [data]:
            if isinstance(obj, dict) and isinstance(obj.get("datePublished"), str):
                d = _ymd(obj["datePublished"])
                if d:
                    return d
    return ""


def _page_date(raw: str, blocks: list[_Block], kept: list[int], head: int | None) -> str:
    d = _meta_date(raw)
    if d:
        return d
    # the lines between the headline and the first real paragraph (date, source, author)
    body = next((i for i in kept if len(blocks[i].norm) >= 30 and i != head), kept[-1])
    if head is not None and head < body:
        zone = list(range(head, min(body, head + 12)))
    else:  # no headline found: the lines just before the body, nearest first
        zone = list(range(body - 1, max(-1, body - 7), -1))
    for i in zone:
        d = _ymd(blocks[i].text)
        if d:
            return d
    m = _LABELLED.search(blocks[body].text[:40])
    if m:
        d = _ymd(blocks[body].text[m.end():m.end() + 30])
        if d:
            return d
    # a labelled date just after the body: 发布日期：2024-03-05
    for i in range(kept[-1] + 1, min(len(blocks), kept[-1] + 9)):
        m = _LABELLED.search(blocks[i].text)
        if m:
            d = _ymd(blocks[i].text[m.end():m.end() + 30])
            if d:
                return d
    return ""


# ---------------------------------------------------------------------------------------------------------------
# the extractor
# ---------------------------------------------------------------------------------------------------------------

def _readability(raw: str) -> str:
    """Main text by readability-lxml: the text of the element it picks as the article (no title, no metadata)."""
    import lxml.html
    from readability import Document

    summary = Document(raw).summary(html_partial=True)
    if not summary or not summary.strip():
        return ""
    tree = lxml.html.fromstring(summary)
    for el in tree.iter():  # keep a separator between elements so that their texts do not run together
        el.tail = "\n" + (el.tail or "") if isinstance(el.tag, str) else el.tail
    return tree.text_content()


def _extractor_name() -> str:
    try:
        from importlib.metadata import version

        return "readability-lxml " + version("readability-lxml")
    except Exception:  # noqa: BLE001
        return "readability-lxml"


# ---------------------------------------------------------------------------------------------------------------
# public
# ---------------------------------------------------------------------------------------------------------------

def main_blocks(raw_html: str, visible: tuple | None = None) -> MainText | None:
    """Raw-HTML character ranges of the page's main content (headline + body paragraphs) and its date, or ``None``
    when there is no main content to be confident about (the caller then keeps the whole page). Never raises.

    ``visible``: ``_html_to_text(raw_html)`` when the caller has it already (saves computing it twice)."""
    try:
        return _main_blocks(raw_html, _readability, visible)
    except Exception:  # noqa: BLE001 - garbage in, None out: the caller falls back to the whole page
        return None


def _main_blocks(raw: str, extract, visible: tuple | None = None) -> MainText | None:
    if not isinstance(raw, str) or not raw or len(raw) > MAX_INPUT:
        return None
    text, to_src, page_title, hard = (visible if visible is not None else _html_to_text(raw))[:4]
    blocks = _blocks(raw, text, to_src, hard)
    if sum(len(b.norm) for b in blocks) < MIN_VISIBLE:
        return None
    lib = _norm(extract(raw) or "")
    if len(lib) < MIN_KEPT:
        return None
    kept, covered = _align(blocks, lib)
    if not kept or covered < MIN_LIB_MATCHED * len(lib) or covered < MIN_KEPT:
        return None
    kept = _trim(blocks, kept)
    if sum(len(blocks[i].norm) for i in kept) < MIN_KEPT:
        return None
    # the headline: just before the first real paragraph; whatever the extractor kept above it (a breadcrumb) goes
    body = next((i for i in kept if len(blocks[i].norm) >= 30), kept[0])
    head = _headline(raw, blocks, body + 1, page_title)
    if head is not None:
        kept = [head] + [i for i in kept if i > head]
    date = _page_date(raw, blocks, kept, head)
    ranges = tuple((blocks[i].start, blocks[i].end) for i in kept)
    return MainText(ranges=ranges, date=date, title=blocks[head].text if head is not None else "",
                    extractor=_extractor_name())


def apply_ranges(text: str, to_src: list[int], hard: list[int], ranges) -> tuple[str, list[int], list[int]]:
    """Restrict ``_html_to_text``'s output to ``ranges``: the characters whose raw offset lies in a range, one line
    break between blocks. Returns ``(text, to_src, hard)`` in the same form, ready for ParkKG's repair step."""
    spans = sorted(ranges)
    out: list[str] = []
    out_map: list[int] = []
    out_hard: list[int] = []
    j = 0
    prev_in = False
    for i, ch in enumerate(text):
        p = to_src[i]
        while j < len(spans) and spans[j][1] <= p:
            j += 1
        inside = j < len(spans) and spans[j][0] <= p < spans[j][1]
        if inside:
            out.append(ch)
            out_map.append(p)
        elif prev_in:
            out_hard.append(len(out))
            out.append("\n")
            out_map.append(p)
        prev_in = inside
    return "".join(out), out_map, out_hard
