"""Ingest: files, folders and JSONL in; :class:`~kg.records.Article` (clean text + offset map) out.

Three jobs, in this order, for every input:

1. **Find** the inputs: a file, a folder (walked lazily and recursively in sorted order, hidden entries skipped,
   symlink loops reported) or a JSONL file (streamed one record at a time).
2. **Decode** the bytes: BOM, strict UTF-8, BOM-less UTF-16, GB18030, Big5, then charset-normalizer; binary,
   empty and undecodable files raise :class:`~kg.errors.InputError`.
3. **Repair** the text (:func:`repair_text`): OCR line breaks and spaces inside Chinese words are removed, real
   paragraph breaks kept as one ``"\\n"``, markdown heading marks and byline lines (``本报记者 王延斌``) dropped.
   Every character of the clean text is copied from the raw text, so ``to_raw`` maps each clean offset back to
   the raw decoded source (``raw[to_raw[i]] == text[i]`` for text files; for HTML, entities map to their ``&``
   and block tags to their ``<``).

Example
-------
>>> text, to_raw = repair_text("济南高\\n\\n新区 发 展")
>>> text
'济南高新区发展'
>>> to_raw[3]
5
"""
from __future__ import annotations

import codecs
import errno
import html
import json
import logging
import os
import re
import stat
from dataclasses import dataclass, field
from bisect import bisect_left
from itertools import accumulate, chain
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg.errors import InputError, printable
from kg.records import Article

log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DecodeError",
    "SUFFIX_KINDS",
    "decode_bytes",
    "describe_error",
    "iter_articles",
    "iter_jsonl",
    "read_article",
    "repair_text",
    "source_name",
]
# the JSONL field holding an article's text, in order of preference
TEXT_FIELDS = ("text", "content", "body")

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""Files (and JSONL lines) larger than this are reported, not loaded."""

SUFFIX_KINDS = {
    ".txt": "text", ".text": "text",
    ".md": "text", ".markdown": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}
"""File suffix -> reader. In a folder other suffixes are skipped; a file named explicitly is read as text."""


# ---------------------------------------------------------------------------------------------------------------
# Character classes
# ---------------------------------------------------------------------------------------------------------------

# Whitespace the repair removes or collapses: Unicode spaces, zero-width characters, BOM and C0 control characters
# (line breaks are handled separately).
_WS_CHARS = (" \t\x0b\x0c\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
             "\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
             + "".join(map(chr, range(0x00, 0x09))) + "".join(map(chr, range(0x0e, 0x20))) + "\x7f")
_WS_CLASS = "[" + re.escape(_WS_CHARS) + "]"
_WS_RUN = re.compile(_WS_CLASS + "+")

# "CJK side" characters: ideographs, CJK/full-width punctuation and the curly quotes, dashes and dots Chinese text
# uses. Whitespace next to one of these is an OCR artefact; whitespace between two other characters
# (``Magna International``) is a real word break.
_CJK_SIDE = re.compile(
    "[\u2e80-\u9fff\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f"
    "\u2010-\u2027\u00b7]"
)
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")

_CLAUSE_PUNCT = re.compile("[，,、；;：:。！？!?…]")
_ENDS_FINAL = re.compile(r"[。！？!?…：:][”’」』\"'）)]*\Z")
_FINAL_CHARS = frozenset("。！？!?…：:")
_CLOSERS = frozenset("”’」』\"'）)")
_BULLETS = frozenset("■□●○◆◇▲△★☆•·▶►-*+>|")
_INNER_FINAL = re.compile("[。！？!?]")
_ENDS_QUOTE = re.compile(r"[”」』]\Z")
_ENDS_SENTENCE = re.compile(r"[。！？!?…][”’」』\"'）)]*\Z")

_MD_HEADING = re.compile(r"#{1,6}(?:[ \t\u3000]+|(?=[^\s#]))")


# ---------------------------------------------------------------------------------------------------------------
# Bylines
# ---------------------------------------------------------------------------------------------------------------

_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温"
    "康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成"
    "苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费"
    "卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝洪雍俄郗"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐", "夏侯")

_ROLE = re.compile(
    r"(?:(?:本报|本刊|新华社|中新社|科技日报|人民日报|经济日报|光明日报|新华网|人民网|央视|特约|实习|见习|首席)?"
    r"(?:摄影记者|记者|通讯员|实习生|摄影|编辑|责任编辑|责编|撰稿)"
    r"|文[/／]图|图[/／]文|撰文|作者|文(?=[/／:：])|图(?=[/／:：])|摄(?=[/／:：]))"
    r"[/／:：]?"
)
_SOURCE_LINE = re.compile(r"(?:图片|照片|图文|资料)?来源[:：]\s*(?P<who>\S.{0,20})\Z")
_CREDIT = re.compile(r"(?:^|(?<=" + _WS_CLASS + r"))(?P<who>[^\s]{0,12}?)(?:供图|供稿|摄)\Z")
_NAME = re.compile("[\u4e00-\u9fff]{1,4}")
_INLINE_BYLINE = re.compile(r"[（(](?P<body>[^()（）\n]{2,40})[）)]")


def _looks_like_person(name: str) -> bool:
    if name.startswith(_COMPOUND_SURNAMES):
        return 3 <= len(name) <= 4
    return 2 <= len(name) <= 3 and name[0] in _SURNAMES


def _parse_byline(content: str, *, names_only: bool = False) -> list[str] | None:
    """The names of a byline line (``本报记者 王延斌 通讯员 田珊``), or None when ``content`` is not one.

    ``names_only``: also accept a line of 2-4 personal names without a role word (``谢嘉 李媛`` under a title).
    """
    if len(content) > 48:
        return None
    tokens = _WS_RUN.split(content.strip(_WS_CHARS))
    names: list[str] = []
    n_roles = 0
    pending = ""  # single characters of a name written with a space (``江 耘``)
    for tok in tokens:
        m = _ROLE.match(tok)
        if m:
            n_roles += 1
            if pending:
                names.append(pending)
                pending = ""
            tok = tok[m.end():]
            if not tok:
                continue
        if tok.endswith("摄") and len(tok) > 2:
            tok = tok[:-1]
        if not _NAME.fullmatch(tok):
            return None
        if len(tok) == 1:
            pending += tok
            if len(pending) > 3:
                return None
            continue
        if pending:
            names.append(pending)
            pending = ""
        names.append(tok)
    if pending:
        names.append(pending)
    if n_roles:
        return names if names else None
    if names_only and 1 <= len(names) <= 4 and all(_looks_like_person(n) for n in names):
        return names
    return None


def _parse_credit(content: str) -> tuple[int, str] | None:
    """A photo credit at the end of a line (``视觉中国供图``, ``… 受访者供图``): (start of the credit, who)."""
    m = _SOURCE_LINE.match(content)
    if m:
        return 0, m.group("who")
    if not (content.endswith("供图") or content.endswith("供稿") or content.endswith("摄")):
        return None
    m = _CREDIT.search(content)
    if not m:
        return None
    who = m.group("who")
    if content.endswith("摄") and not m.start():
        # ``张玉薇摄`` alone is a credit; a sentence ending in 摄 is not
        if not _NAME.fullmatch(who):
            return None
    if _CLAUSE_PUNCT.search(who):
        return None
    return m.start(), who


# ---------------------------------------------------------------------------------------------------------------
# Repair
# ---------------------------------------------------------------------------------------------------------------

_NON_CJK_SIDE = _CJK_SIDE.pattern[0] + "^" + _CJK_SIDE.pattern[1:]
# a whitespace run between two non-CJK characters is a word break (keep one character of it); any other is dropped
# (the lookbehind sits after the first whitespace character so the engine only tries it at whitespace: fast)
_WS_KEEP_OR_DROP = re.compile(
    _WS_CLASS + "(?:(?<=" + _NON_CJK_SIDE + _WS_CLASS + ")" + _WS_CLASS + "*(?=" + _NON_CJK_SIDE + ")(?P<keep>)|"
    + _WS_CLASS + "*)")
# one non-blank line: its content (no leading/trailing whitespace) and its terminator
_CONTENT_LINE = re.compile(
    "^" + _WS_CLASS + "*([^\r\n" + re.escape(_WS_CHARS) + "](?:[^\r\n]*[^\r\n" + re.escape(_WS_CHARS)
    + "])?)" + _WS_CLASS + "*(\r\n|\r|\n|\\Z)",
    re.M,
)
_ROLE_ANY = re.compile("记者|通讯员|实习生|摄影|编辑|责编|撰稿|撰文|作者|[文图摄][/／:：]|供图|供稿|摄$|来源[:：]")
_NAMES_LINE = re.compile("[\u4e00-\u9fff]{1,4}(?:" + _WS_CLASS + "+[\u4e00-\u9fff]{1,4}){0,5}\\Z")
_REAL_SPACE = frozenset(" \t\u3000\xa0\u2002\u2003\u2009\u202f")


@dataclass
class _Repaired:
    segments: list[tuple[int, int]]           # source ranges copied into the clean text, in order
    para_marks: list[tuple[int, int, bool]]   # output lines as (first, end) indexes into segments, is-heading
    bylines: list[str] = field(default_factory=list)
    paragraphs: list[tuple[int, int, bool]] = field(default_factory=list)  # clean [start, end), set by materialise


def _weighted_len(s: str) -> float:
    """Display-ish length: a CJK character counts 1, an ASCII character 2/3."""
    return (len(s) + len(s.encode("utf-8", "surrogatepass")) / 3) / 2


def _first_clause_len(s: str) -> int:
    m = _CLAUSE_PUNCT.search(s)
    return m.start() if m else len(s)


# line record fields
_START, _END, _TERM, _HEAD, _TEXT, _WLEN, _BLANK_AFTER, _FORCED = range(8)


def _short_bare(ln: list | None, short: float) -> bool:
    """A short line without punctuation (a heading, a list item or half of a wrapped word)."""
    return ln is not None and ln[_WLEN] <= short and not ln[_HEAD] and not _CLAUSE_PUNCT.search(ln[_TEXT])


def _is_break(kept: list[list], i: int, short: float) -> bool:
    """Is the line break between ``kept[i - 1]`` and ``kept[i]`` a real paragraph break (True) or an OCR wrap?"""
    a, b = kept[i - 1], kept[i]
    if a[_HEAD] or b[_HEAD] or b[_FORCED] or a[_TERM] < 0:
        return True
    at, bt = a[_TEXT], b[_TEXT]
    if at[0] in _BULLETS or bt[0] in _BULLETS:
        return True  # list items and tags (``■短评``)
    last = at[-1]
    if last in _FINAL_CHARS:
        return True
    if last in _CLOSERS and (_ENDS_FINAL.search(at) or (short >= 30 and _ENDS_QUOTE.search(at))):
        return True  # in hard-wrapped text (short < 30) a closing quote alone does not end a paragraph
    if _short_bare(a, short) and _short_bare(b, short):
        # two short bare lines: one word or heading broken in two (``济南高`` / ``新区``), unless they are items of
        # a list of such lines
        return (a[_WLEN] + b[_WLEN] > 24 or (i >= 2 and _short_bare(kept[i - 2], short) and not a[_FORCED])
                or (i + 1 < len(kept) and _short_bare(kept[i + 1], short) and not kept[i + 1][_FORCED]))
    b_alone = b[_BLANK_AFTER] or i == len(kept) - 1
    if b_alone and b[_WLEN] <= short and not _CLAUSE_PUNCT.search(bt):
        return True  # ``b`` is a title standing alone
    if a[_WLEN] <= short:
        # a short line: a heading, unless it is clearly the head of a sentence that goes on in ``b``
        if _CLAUSE_PUNCT.search(at):
            if _INNER_FINAL.search(at):
                return False  # ``五月泉城，欣欣向荣。走进济南高`` / ``新区，…``: headings hold no full stop
            if _first_clause_len(bt) <= 1 and _CLAUSE_PUNCT.search(bt):
                return False  # ``…坚强领导`` / ``下，始终坚持…``
            if _ENDS_SENTENCE.search(bt) and len(_CLAUSE_PUNCT.findall(bt)) == 1 and b[_WLEN] <= 15:
                return False  # ``…必须淬炼`` / ``出自己的核心技术。``
        return True
    return False


def _line_records(s: str, hard: list[int] | None = None) -> tuple[list[list], list[str], list[list[tuple[int, int]]]]:
    """The kept lines of ``s`` (headings marked, bylines and credits removed), the byline names, and per kept
    line the source spans of inline bylines to cut (``(记者叶青 通讯员李建均)``)."""
    kept: list[list] = []
    bylines: list[str] = []
    cuts: list[list[tuple[int, int]]] = []
    removed_since = False
    prev_end = -1
    for m in _CONTENT_LINE.finditer(s):
        start, end = m.span(1)
        t0, t1 = m.span(2)
        term = -1 if t0 == t1 else (t0 if t1 - t0 == 1 else t0 + 1)  # the "\n" of a "\r\n"
        content = s[start:end]
        if kept and start > prev_end and (s.find("\n", prev_end, start) >= 0 or s.find("\r", prev_end, start) >= 0):
            kept[-1][_BLANK_AFTER] = True  # (only blank lines and indentation lie between two matches)
        if hard and kept and not removed_since:
            k = bisect_left(hard, kept[-1][_TERM])
            removed_since = k < len(hard) and hard[k] < start  # a block element ends between the two lines
        prev_end = m.end()
        heading = False
        if content[0] == "#":
            h = _MD_HEADING.match(content)
            if h and h.end() < len(content) and (h.group().strip() != h.group() or "#" not in content[h.end():]):
                heading = True
                rest = content[h.end():]
                lead = len(rest) - len(rest.lstrip(_WS_CHARS))
                start += h.end() + lead
                content = rest[lead:]
        if not heading and len(content) <= 48:
            # a line of names right under a title or heading (``谢嘉 李媛``) is a byline too
            after_title = bool(kept) and _NAMES_LINE.match(content) is not None and (kept[-1][_HEAD] or (
                kept[-1][_WLEN] <= 30 and not _CLAUSE_PUNCT.search(kept[-1][_TEXT])))
            if after_title or _ROLE_ANY.search(content):
                names = _parse_byline(content, names_only=after_title)
                if names is not None:
                    bylines.extend(names)
                    removed_since = True
                    if kept:
                        kept[-1][_BLANK_AFTER] = True
                    continue
                credit = _parse_credit(content)
                if credit is not None:
                    cut, who = credit
                    if _looks_like_person(who):  # not agencies or parks (视觉中国, 图片来源：济南高新区)
                        bylines.append(who)
                    content = content[:cut].rstrip(_WS_CHARS)
                    if not content:
                        removed_since = True
                        if kept:
                            kept[-1][_BLANK_AFTER] = True
                        continue
                    end = start + len(content)
        line_cuts: list[tuple[int, int]] = []
        if "(" in content or "（" in content:
            for ib in _INLINE_BYLINE.finditer(s, start, end):
                names = _parse_byline(ib.group("body"))
                if names:
                    bylines.extend(names)
                    line_cuts.append(ib.span())
        kept.append([start, end, term, heading, content, _weighted_len(content), False, removed_since])
        cuts.append(line_cuts)
        removed_since = False
    return kept, bylines, cuts


def _keep_one(s: str, w0: int, w1: int, add: Callable[[tuple[int, int]], None]) -> None:
    """Keep one real space of the whitespace run ``s[w0:w1]`` (none if it holds only control characters)."""
    k = w0 if s[w0] in _REAL_SPACE else next(
        (k for k in range(w0, w1) if s[k] in _REAL_SPACE or (s[k].isspace() and s[k] >= " ")), -1)
    if k >= 0:
        add((k, k + 1))


def _repair(s: str, hard: list[int] | None = None) -> _Repaired:
    """The repair of ``s`` as source ranges (see :func:`repair_text`); ``hard``: sorted positions of line breaks
    that are always paragraph breaks (HTML block elements)."""
    kept, bylines, cuts = _line_records(s, hard)
    # the document's typical line length tells hard-wrapped OCR (~18 characters a line) from one line per paragraph
    body = sorted(ln[_WLEN] for ln in kept if not ln[_HEAD])
    wrap = body[len(body) // 2] if len(body) >= 3 else float("inf")
    short = max(12.0, min(0.75 * wrap, 30.0))  # nobody wraps lines at fewer than ~16 characters

    segments: list[tuple[int, int]] = []
    add = segments.append
    finditer = _WS_KEEP_OR_DROP.finditer
    marks: list[tuple[int, int, bool]] = []
    para_first = 0
    para_heading = False
    for i, ln in enumerate(kept):
        if i:
            prev = kept[i - 1]
            if _is_break(kept, i, short):
                marks.append((para_first, len(segments), para_heading))
                if prev[_TERM] >= 0:
                    add((prev[_TERM], prev[_TERM] + 1))
                para_first = len(segments)
                para_heading = False
            else:
                a, b = s[prev[_END] - 1], s[ln[_START]]
                if _LATIN_LETTER.match(a) and _LATIN_LETTER.match(b):
                    gap = s.find(" ", prev[_END], ln[_START])
                    keep = gap if gap >= 0 else prev[_TERM]
                    add((keep, keep + 1))
        para_heading = para_heading or ln[_HEAD]
        if not cuts[i]:  # the common case: the whole line
            pos = ln[_START]
            for m in finditer(s, pos, ln[_END]):
                w0, w1 = m.span()
                add((pos, w0))
                if m.lastgroup:
                    _keep_one(s, w0, w1, add)
                pos = w1
            add((pos, ln[_END]))
        else:  # the line minus its inline bylines; whitespace around a cut goes with it
            bounds = [ln[_START], *chain.from_iterable(cuts[i]), ln[_END]]
            pieces = []
            for p0, p1 in zip(bounds[::2], bounds[1::2]):
                piece = s[p0:p1]
                p0 += len(piece) - len(piece.lstrip(_WS_CHARS))
                p1 -= len(piece) - len(piece.rstrip(_WS_CHARS))
                if p1 > p0:
                    pieces.append((p0, p1))
            for p0, p1 in pieces:
                pos = p0
                for m in finditer(s, p0, p1):
                    w0, w1 = m.span()
                    add((pos, w0))
                    if m.lastgroup:
                        _keep_one(s, w0, w1, add)
                    pos = w1
                add((pos, p1))
    if kept:
        marks.append((para_first, len(segments), para_heading))
    seen: set[str] = set()
    uniq = [n for n in bylines if not (n in seen or seen.add(n))]
    return _Repaired(segments, marks, uniq)


def _materialise(s: str, rep: _Repaired) -> tuple[str, tuple[int, ...]]:
    """The clean text and its map (``len(text) + 1`` entries); fills ``rep.paragraphs`` with clean offsets."""
    segs = rep.segments
    offsets = [0]
    offsets.extend(accumulate(b - a for a, b in segs))
    rep.paragraphs = [(offsets[f], offsets[e], h) for f, e, h in rep.para_marks]
    text = "".join([s[a:b] for a, b in segs])
    end = next((b for a, b in reversed(segs) if b > a), 0)
    to_raw = tuple(chain(chain.from_iterable(map(range, (a for a, _ in segs), (b for _, b in segs))), (end,)))
    return text, to_raw


def repair_text(raw: str) -> tuple[str, tuple[int, ...]]:
    """Repair OCR artefacts in ``raw``; return the clean text and its map to ``raw``.

    Whitespace and line breaks between Chinese characters (``发 展``, ``济南高\\n\\n新区``) are removed unless the
    break is a real paragraph break (after sentence-final punctuation, around a short heading line), which is kept
    as one ``"\\n"``; spaces between a Chinese character and a digit or Latin letter go too, spaces between two
    Latin words stay. Markdown heading marks and byline lines are dropped. Characters are never changed (no NFKC),
    so ``raw[to_raw[i]] == text[i]`` for every ``i``; ``len(to_raw) == len(text) + 1``.
    """
    text, to_raw = _materialise(raw, _repair(raw))
    if "\n\n" in text or text[:1].isspace() or text[-1:].isspace():
        # a removed byline line can leave a break at the start or end, or two breaks in a row: one at most
        keep: list[int] = []
        for i, ch in enumerate(text):
            if ch.isspace() and (not keep or (ch == "\n" and text[keep[-1]] == "\n")):
                continue
            keep.append(i)
        while keep and text[keep[-1]].isspace():
            keep.pop()
        text, to_raw = "".join(text[i] for i in keep), tuple(to_raw[i] for i in keep) + (to_raw[-1],)
    return text, to_raw


# ---------------------------------------------------------------------------------------------------------------
# Title and date
# ---------------------------------------------------------------------------------------------------------------

_DATE_PATTERNS = (
    re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
    re.compile(r"(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"),
)


def _find_date(text: str) -> str:
    import datetime

    head = text[:1000]
    for pat in _DATE_PATTERNS:
        for m in pat.finditer(head):
            y, mo, d = (int(g) for g in m.groups())
            try:
                return datetime.date(y, mo, d).isoformat()
            except ValueError:
                continue
    return ""


def _looks_like_title(s: str) -> bool:
    letters = len(_HAN.findall(s)) + len(_LATIN_LETTER.findall(s))
    return 2 <= len(s) <= 60 and letters >= 4 and not _ENDS_SENTENCE.search(s)


def _find_title(text: str, paragraphs: list[tuple[int, int, bool]], fallback: str) -> str:
    heads = [text[a:b] for a, b, h in paragraphs[:12] if h]
    for t in heads:
        if _looks_like_title(t):
            return t
    for a, b, _ in paragraphs[:5]:
        t = text[a:b]
        if len(t) <= 40 and _looks_like_title(t) and not _CLAUSE_PUNCT.search(t[-1:]):
            return t
    return fallback


# ---------------------------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------------------------

_ATTRS = r"""(?:"[^"]*"|'[^']*'|[^'">])*"""
_HTML_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(?P<raw>script|style|noscript|template|svg|math)\b" + _ATTRS + r">.*?(?:</(?P=raw)\s*>|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<[!?]" + _ATTRS + r">"
    r"|<(?P<close>/)?(?P<tag>[A-Za-z][A-Za-z0-9:-]*)" + _ATTRS + r">"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?",
    re.S | re.I,
)
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead title tr ul body html "
    "caption center".split()
)


def _html_to_text(src: str) -> tuple[str, list[int], str, list[int]]:
    """Visible text of an HTML page, its map into ``src``, the ``<title>`` (or first ``<h1>``) and the positions
    of the line breaks that block elements make."""
    parts: list[str] = []
    hard: list[int] = []
    n_out = 0
    to_src: list[int] = []
    in_head = False
    capture: str | None = None      # "title" or "h1" while inside one
    title = ""
    h1 = ""
    cap_parts: list[str] = []
    pos = 0

    def add_text(a: int, b: int) -> None:
        nonlocal n_out
        if b <= a:
            return
        piece = src[a:b]
        if in_head and capture != "title":
            return
        parts.append(piece)
        n_out += b - a
        to_src.extend(range(a, b))
        if capture:
            cap_parts.append(piece)

    def add_break(at: int) -> None:
        nonlocal n_out
        if in_head and capture != "title":
            return
        hard.append(n_out)
        n_out += 1
        parts.append("\n")
        to_src.append(at)

    for m in _HTML_TOKEN.finditer(src):
        add_text(pos, m.start())
        pos = m.end()
        tok = m.group()
        if tok.startswith("&"):
            ch = html.unescape(tok)
            if ch == tok:
                add_text(m.start(), m.end())
            elif not (in_head and capture != "title"):
                parts.append(ch)
                n_out += len(ch)
                to_src.extend([m.start()] * len(ch))
                if capture:
                    cap_parts.append(ch)
            continue
        tag = (m.group("tag") or "").lower()
        if not tag:
            continue  # comment, script, style, doctype, processing instruction
        closing = bool(m.group("close"))
        if tag == "head":
            in_head = not closing
            continue
        if tag in ("title", "h1"):
            if not closing and capture is None:
                capture, cap_parts = tag, []
            elif closing and capture == tag:
                text = re.sub(r"\s+", " ", html.unescape("".join(cap_parts))).strip()
                if tag == "title" and not title:
                    title = text
                elif tag == "h1" and not h1:
                    h1 = text
                capture = None
        if tag == "body":
            in_head = False
        if tag in _BLOCK_TAGS:
            add_break(m.start())
    add_text(pos, len(src))
    return "".join(parts), to_src, title or h1, hard


# ---------------------------------------------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------------------------------------------

class DecodeError(ValueError):
    """Bytes that are not text; ``str(e)`` is the problem (the caller adds the file name)."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document"), (b"PK\x03\x04", "ZIP archive"), (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"), (b"MZ", "executable"), (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"), (b"7z\xbc\xaf\x27\x1c", "7z archive"), (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"), (b"RIFF", "RIFF media file"),
)
_CONTROL_BYTES = bytes(list(range(0x01, 0x09)) + [0x0e, 0x0f] + list(range(0x10, 0x1b)) + [0x1c, 0x1d, 0x1e, 0x1f])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
# characters that plausible text is made of: CJK, kana, hangul, Latin, punctuation, whitespace
_TEXTY = re.compile(
    "[\t\n\r\x20-\x7e\u00a0-\u024f\u0370-\u03ff\u0400-\u04ff\u2000-\u206f\u2100-\u214f\u2190-\u21ff\u2460-\u24ff"
    "\u2500-\u257f\u25a0-\u25ff\u2600-\u26ff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U0001f300-\U0001faff]+"
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_GB_TOKENS = re.compile(rb"[\x81-\xfe][\x40-\x7e\x80-\xfe]|[\x00-\x7f]")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte order mark: (text, codec), or None when the bytes are not UTF-16 text.

    Both byte orders are decoded and the one that reads as more common text wins. NUL bytes alone cannot tell
    the order: ASCII puts them on odd positions in UTF-16-LE, but 一 (U+4E00), 开 (U+5F00) and every other
    character ``U+xx00`` put them on even ones. The wrong order turns ASCII into ideographs ``U+xx00`` and
    common ideographs into rare blocks (Hangul, Yi, private use), so it scores lower.
    """
    if len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _texty_ratio(text) < 0.9:
            continue
        score = _utf16_score(text)
        if best is None or score > best[0]:
            best = (score, codec, text)
    if best is None or best[0] < 0.6:
        return None
    return best[2], best[1]


_COMMON_TEXT = re.compile("[\t\n\r\x20-\x7e\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _utf16_score(text: str) -> float:
    """How much ``text`` reads as ordinary text: ASCII, CJK punctuation and common ideographs count 1 (an
    ideograph ``U+xx00`` one half: as many of those as ASCII characters is the mark of the wrong byte order)."""
    sample = text[:100_000]
    if not sample:
        return 0.0
    common = len(_COMMON_TEXT.findall(sample))
    xx00 = sum(1 for ch in sample if ord(ch) >= 0x100 and not ord(ch) & 0xFF)
    return (common - xx00 / 2) / len(sample)


def _texty_ratio(text: str) -> float:
    sample = text[:200_000]
    if not sample:
        return 1.0
    bad = len(_TEXTY.sub("", sample))
    return 1.0 - bad / len(sample)


def _common_hanzi_ratio(text: str, codec: str, lead_lo: int, lead_hi: int) -> float:
    """Share of the Han characters of ``text`` that are in the common level of ``codec`` (GB2312 / Big5 level 1)."""
    han = "".join(_HAN.findall(text[:20_000]))
    if not han:
        return 0.0
    data = han.encode(codec, errors="replace")
    toks = _GB_TOKENS.findall(data)
    common = sum(1 for t in toks if len(t) == 2 and lead_lo <= t[0] <= lead_hi)
    return common / max(1, len(han))


def _chinese_reading(data: bytes, tried: list[str]) -> tuple[float, str, str] | None:
    """(common-ideograph ratio, codec, text) of GB18030 or Big5, whichever reads as more common characters;
    None when neither decodes to text. Appends the codecs tried to ``tried``."""
    candidates: list[tuple[float, str, str]] = []
    for codec, lo, hi, enc in (("gb18030", 0xB0, 0xD7, "gb2312"), ("big5", 0xA4, 0xC6, "big5"),
                               ("cp950", 0xA4, 0xC6, "big5")):
        tried.append(codec)
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _texty_ratio(text) < 0.9:
            continue
        score = _common_hanzi_ratio(text, enc, lo, hi)
        candidates.append((score, codec, text))
        if codec == "big5":
            break  # cp950 only when strict Big5 fails
    if not candidates:
        return None
    # GB18030 wins ties: Big5 must read clearly better
    return max(candidates, key=lambda c: c[0] - (0.15 if c[1] != "gb18030" else 0.0))


def _mojibake(text: str) -> bool:
    """Does a single-byte decoding look like multi-byte text read with the wrong charset? Real Latin or Cyrillic
    text has letters for its non-ASCII characters; GBK read as Latin-1 or KOI8-R is ~40 % symbols, box drawing
    and C1 controls (``ÁÄ³Ç¸ß``)."""
    import unicodedata

    high = [ch for ch in text[:20_000] if ord(ch) > 0x7F]
    if len(high) < 4:
        return False
    odd = sum(1 for ch in high if not unicodedata.category(ch).startswith("L"))
    return odd >= 0.15 * len(high)


def _normalise_codec(name: str) -> str | None:
    """The Python codec a declared charset names, or None when it is unknown or no text encoding (``undefined``,
    ``base64``, ``rot13``)."""
    try:
        info = codecs.lookup(name.decode("ascii", "replace") if isinstance(name, bytes) else name)
    except (LookupError, ValueError):
        return None
    codec = info.name
    if not getattr(info, "_is_text_encoding", True) or codec == "undefined":
        return None
    if codec in ("gb2312", "gbk", "hz"):
        return "gb18030"
    return codec


def decode_bytes(data: bytes, *, hint: str | None = None,
                 warn: Callable[[str], None] | None = None) -> tuple[str, str]:
    """Decode the bytes of a text file: (text, encoding used). Raises :class:`DecodeError`.

    Order: BOM (UTF-8, UTF-16 LE/BE, UTF-32), UTF-16 without BOM (NUL bytes; the byte order that reads better),
    strict UTF-8, ``hint`` (an HTML ``<meta charset>``; ignored when unknown or not a text encoding, and overruled,
    with a warning, when it names a single-byte charset such as ISO-8859-1 or KOI8-R for bytes that read as
    mojibake there but as Chinese in GB18030 or Big5), GB18030 (superset of GBK/GB2312) or Big5, whichever reads
    as more common characters, then nearly-valid UTF-8/GB18030 (a few bad bytes replaced), then
    charset-normalizer. ``warn`` (default: the log) receives what the caller should report about the file.
    """
    if not data.strip():
        raise DecodeError("empty file" if not data else "empty file (whitespace only)")
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as e:
                raise DecodeError(f"cannot decode as {name} despite its byte order mark ({e.reason} at byte "
                                  f"{e.start})") from e
            return text, name + ("-sig" if name == "utf-8" else "")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"binary file ({what})")
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is not None:
            return found
        raise DecodeError("binary file (NUL bytes)")
    n_control = len(data.translate(None, _NOT_CONTROL))
    if n_control > max(2, len(data) // 100):
        raise DecodeError(f"binary file ({n_control} control bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    warn = warn or log.warning
    tried = ["utf-8"]
    if hint:
        codec = _normalise_codec(hint)
        if codec and codec not in ("utf-8",):
            tried.append(codec)
            try:
                text = data.decode(codec)
            except (UnicodeError, LookupError, ValueError):  # (the "undefined" codec raises a plain UnicodeError)
                text = ""
            if text and _texty_ratio(text) >= 0.9:
                if len(text) == len(data) and _mojibake(text):  # a single-byte charset: perhaps a wrong label
                    chinese = _chinese_reading(data, [])
                    if chinese is not None and chinese[0] >= 0.5 and len(_HAN.findall(chinese[2][:1000])) >= 2:
                        warn(f"the declared charset {hint!r} does not fit the bytes, which read as Chinese: "
                             f"decoded as {chinese[1]}")
                        return chinese[2], chinese[1]
                return text, codec
    chinese = _chinese_reading(data, tried)
    if chinese is not None:
        return chinese[2], chinese[1]
    # nearly valid: a few bad bytes (a truncated file, a stray byte) are replaced with U+FFFD
    for codec in ("utf-8", "gb18030"):
        text = data.decode(codec, errors="replace")
        n_bad = text.count("\ufffd") - (data.count(b"\xef\xbf\xbd") if codec == "utf-8" else 0)
        if n_bad <= max(1, len(text) // 200) and _texty_ratio(text) >= 0.9:
            warn(f"{n_bad} undecodable byte sequence(s) replaced (decoded as {codec})")
            return text, codec
    tried.append("charset-normalizer")
    try:
        from charset_normalizer import from_bytes

        best_match = from_bytes(data[:1_000_000]).best()
    except Exception:  # noqa: BLE001 - an optional last resort must never crash ingest
        best_match = None
    if best_match is not None:
        try:
            text = data.decode(best_match.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if text and _texty_ratio(text) >= 0.95:
            return text, best_match.encoding
    raise DecodeError("undecodable (tried " + ", ".join(dict.fromkeys(tried)) + ")")


# ---------------------------------------------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------------------------------------------

def _article(doc_id: str, source: str, raw: str, *, encoding: str, kind: str = "text", title: str = "",
             url: str = "", date: str = "") -> Article:
    """Build an Article from decoded ``raw`` (text or HTML source). Raises DecodeError when no text is left."""
    if kind == "html":
        inter, inter_map, html_title, hard = _html_to_text(raw)
        rep = _repair(inter, hard)
        text, idx = _materialise(inter, rep)
        if text:
            end = inter_map[idx[-2]] + 1
            to_raw = [inter_map[i] for i in idx[:-1]]
            to_raw.append(end)
        else:
            to_raw = [0]
        title = title or html_title
    else:
        rep = _repair(raw)
        text, to_raw = _materialise(raw, rep)
    if not text:
        raise DecodeError("no text left after cleaning" if raw.strip(_WS_CHARS + "\n\r") else "empty file")
    title = title or _find_title(text, rep.paragraphs, doc_id)
    date = date or _find_date(text)
    return Article(doc_id=doc_id, source=source, text=text, raw=raw, to_raw=tuple(to_raw), title=title, url=url,
                   date=date, bylines=tuple(rep.bylines), encoding=encoding)


def _read_limited(path: str, max_bytes: int, st: os.stat_result | None = None) -> bytes:
    """The bytes of a regular file, refusing (without reading) one over ``max_bytes``. Raises InputError."""
    if st is None:
        try:
            st = os.stat(path)
        except OSError as e:
            raise InputError(path, _os_problem(e)) from e
    if stat.S_ISDIR(st.st_mode):
        raise InputError(path, "is a folder")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(path, "not a regular file")
    if st.st_size > max_bytes:
        raise InputError(path, f"file too large ({_mb(st.st_size)} > {_mb(max_bytes)} limit)")
    try:
        with open(path, "rb") as f:
            # (read(n) allocates n bytes up front: ask for the size stat gave, then go on in chunks if it grew)
            chunks = [f.read(st.st_size + 1)]
            total = len(chunks[0])
            while total > st.st_size and total <= max_bytes and chunks[-1]:
                chunks.append(f.read(min(1 << 20, max_bytes + 1 - total)))
                total += len(chunks[-1])
    except OSError as e:
        raise InputError(path, _os_problem(e)) from e
    data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    if len(data) > max_bytes:
        raise InputError(path, f"file too large (more than {_mb(max_bytes)} limit)")
    return data


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _os_problem(e: OSError) -> str:
    if e.errno == errno.ELOOP:
        return "symlink loop"
    if e.errno == errno.ENOENT:
        return "no such file or folder" if not os.path.islink(e.filename or "") else "broken symlink"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if e.errno == errno.EISDIR:
        return "is a folder"
    if e.errno == errno.ENAMETOOLONG:
        name = os.fsencode(e.filename) if isinstance(e.filename, (str, bytes)) else b""
        return (f"path too long ({len(name):,} bytes; the system's limit is {_path_max():,})" if name
                else "path too long")
    return e.strerror or type(e).__name__


def _path_max() -> int:
    try:
        return os.pathconf("/", "PC_PATH_MAX")
    except (OSError, ValueError):
        return 4096


def _kind_of(path: str, explicit: bool) -> str | None:
    kind = SUFFIX_KINDS.get(os.path.splitext(path)[1].lower())
    if kind is None and explicit:
        return "text"
    return kind


def source_name(path: str | os.PathLike, root: str | os.PathLike | None = None) -> str:
    """The ``Article.source`` of file ``path``: a name that does not depend on where the corpus lives.

    ``root`` is the folder given as input: the source is the folder's own name, then the path inside it, with
    ``/`` separators (input ``/x/seeds`` or ``seeds/`` or ``.`` run inside ``seeds``: ``seeds/000.txt``,
    ``seeds/sub/001.txt``). A file given by itself (``root`` None) is recorded by its name alone (``000.txt``).
    Error messages keep the path as given, so a user can still find a bad file. A name that is not UTF-8 is
    read as GB18030, else its bad bytes become U+FFFD.

    >>> source_name("/x/seeds/sub/001.txt", "/x/seeds/")
    'seeds/sub/001.txt'
    >>> source_name("/x/seeds/000.txt")
    '000.txt'
    """
    spath = os.fspath(path)
    if root is None:
        return _unicode_name(os.path.basename(spath))
    sroot = os.fspath(root)
    base = os.path.basename(os.path.normpath(os.path.abspath(sroot)))
    rel = os.path.relpath(spath, sroot).replace(os.sep, "/")
    return _unicode_name(f"{base}/{rel}" if base else rel)


def _unicode_name(name: str) -> str:
    """A file name as text that can be written (ids, sources, the graph): a name whose bytes are not UTF-8
    (Python keeps those as lone surrogates) is read as GB18030 (names from a Chinese Windows archive), else its
    bad bytes become U+FFFD."""
    if not _LONE_SURROGATE.search(name):
        return name
    data = os.fsencode(name)
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        return data.decode("utf-8", "replace")


def read_article(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES,
                 doc_id: str | None = None, source: str | None = None) -> Article:
    """Read one ``.txt``/``.md``/``.html`` file (any other name is read as text). Raises InputError.

    ``doc_id`` defaults to the file stem, ``source`` to the file name (:func:`source_name`). A ``.jsonl`` file
    holds many articles: use :func:`iter_jsonl`.
    """
    spath = os.fspath(path)
    kind = _kind_of(spath, explicit=True)
    if kind == "jsonl":
        raise InputError(spath, "a JSONL file holds many articles: read it with iter_articles or iter_jsonl")
    return _read_file(spath, kind, doc_id or _unicode_name(Path(spath).stem), max_bytes, source=source)


def _read_file(spath: str, kind: str, doc_id: str, max_bytes: int, st: os.stat_result | None = None,
               source: str | None = None) -> Article:
    data = _read_limited(spath, max_bytes, st)
    hint = None
    if kind == "html":
        m = _META_CHARSET.search(data[:4096])
        hint = m.group(1).decode("ascii", "replace") if m else None
    try:
        raw, encoding = decode_bytes(data, hint=hint, warn=lambda msg: log.warning("%s: %s", spath, msg))
        return _article(doc_id, source if source is not None else source_name(spath), raw, encoding=encoding,
                        kind=kind)
    except DecodeError as e:
        raise InputError(spath, str(e)) from e


def iter_jsonl(path: str | os.PathLike, *, on_error: Callable[[InputError], None],
               max_bytes: int = DEFAULT_MAX_BYTES, source: str | None = None) -> Iterator[Article]:
    """Stream the records of a JSONL file (``{"id","title","text","url","date"}`` a line) as Articles.

    A malformed line is reported through ``on_error`` as ``path:line`` and the problem; the other lines still
    yield. ``max_bytes`` limits one line, not the file. ``doc_id`` is the record's ``id`` (else ``<stem>_L<n>``);
    ``source`` is ``<source>#L<n>``, ``source`` defaulting to the file name (:func:`source_name`).
    """
    spath = os.fspath(path)
    src = source if source is not None else source_name(spath)
    stem = _unicode_name(Path(spath).stem)
    try:
        st = os.stat(spath)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(spath, "not a regular file" if not stat.S_ISDIR(st.st_mode) else "is a folder")
        f = open(spath, "rb")
    except OSError as e:
        on_error(InputError(spath, _os_problem(e)))
        return
    except InputError as e:
        on_error(e)
        return
    n_records = n_errors = 0

    def report(err: InputError) -> None:
        nonlocal n_errors
        n_errors += 1
        on_error(err)

    with f:
        lineno = 0
        while True:
            try:
                line = f.readline(max_bytes + 1)
            except OSError as e:
                report(InputError(f"{spath}:{lineno + 1}", _os_problem(e)))
                return
            if not line:
                break
            lineno += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while True:  # skip the rest of the oversized line without holding it
                    chunk = f.readline(1024 * 1024)
                    if not chunk or chunk.endswith(b"\n"):
                        break
                report(InputError(f"{spath}:{lineno}", f"line too large (more than {_mb(max_bytes)} limit)"))
                continue
            if lineno == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8):]
            if not line.strip():
                continue
            try:
                art = _jsonl_record(line, stem, spath, lineno, src)
            except InputError as e:
                report(e)
                continue
            except Exception as e:  # noqa: BLE001 - one line must never stop the lines after it
                log.debug("unexpected error reading %s:%d", spath, lineno, exc_info=True)
                report(InputError(f"{spath}:{lineno}", f"internal error ({type(e).__name__}: {e})"))
                continue
            n_records += 1
            yield art
    if not n_records and not n_errors:
        on_error(InputError(spath, "empty file" if not lineno else "no records (only blank lines)"))


def _jsonl_record(line: bytes, stem: str, spath: str, lineno: int, src: str) -> Article:
    where = f"{spath}:{lineno}"
    try:
        text_line = line.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        try:
            text_line, encoding = decode_bytes(line, warn=lambda msg: log.warning("%s: %s", where, msg))
        except DecodeError as e:
            raise InputError(where, f"not UTF-8 ({e})") from e
    text_line = text_line.strip()
    try:
        rec = json.loads(text_line, parse_int=_parse_int)
    except json.JSONDecodeError as e:
        truncated = e.pos >= len(text_line) or e.msg.startswith("Unterminated")
        raise InputError(where, f"{'truncated' if truncated else 'invalid'} JSON ({e.msg}, column {e.colno})") from e
    except RecursionError as e:
        raise InputError(where, "invalid JSON (nested too deeply)") from e
    except ValueError as e:  # a number json cannot convert (a float literal of 5,000 digits)
        raise InputError(where, f"invalid JSON ({e})") from e
    if not isinstance(rec, dict):
        raise InputError(where, f"expected a JSON object, got {type(rec).__name__}")
    field = next((k for k in TEXT_FIELDS if k in rec), "text")  # scrapers often say "content" or "body"
    text = rec.get(field)
    if not isinstance(text, str) or isinstance(text, _Digits):
        kind = "int" if isinstance(text, _Digits) else type(text).__name__
        raise InputError(where, 'no "text" string' if text is None else f'"{field}" is a {kind}, not a string')
    meta = {}
    for key in ("id", "title", "url", "date"):
        v = rec.get(key)
        if v is None:
            v = ""
        if isinstance(v, bool) or not isinstance(v, (str, int, float)):
            raise InputError(where, f'"{key}" must be a string, not {type(v).__name__}')
        meta[key] = _no_surrogates(str(v).strip(), where, key)
    text = _no_surrogates(text, where, field)
    doc_id = meta["id"] or f"{stem}_L{lineno}"
    try:
        return _article(doc_id, f"{src}#L{lineno}", text, encoding=encoding, title=meta["title"],
                        url=meta["url"], date=_normalise_date(meta["date"], where))
    except DecodeError as e:
        raise InputError(where, f'"{field}" is empty' if str(e) == "empty file" else str(e)) from e


class _Digits(str):
    """An integer of the JSON text too long for ``int()`` (Python refuses more than 4,300 digits), kept as its
    digits: an ``id`` of 5,000 digits is still an id, and the lines after it are still read."""


def _parse_int(digits: str) -> int | str:
    try:
        return int(digits)
    except ValueError:  # over sys.get_int_max_str_digits()
        return _Digits(digits)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(value: str, where: str, key: str) -> str:
    """``value`` with its lone surrogates (``"\\udfff"`` escapes in the JSON; no text can be written with them)
    replaced by U+FFFD, with a warning: one character for one, so offsets do not move."""
    if not _LONE_SURROGATE.search(value):
        return value
    log.warning("%s: invalid Unicode in %r (a lone surrogate escape) replaced with U+FFFD", where, key)
    return _LONE_SURROGATE.sub("\ufffd", value)


_DATE_VALUE = (
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?"),
    re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),                                # compact: 20230101
)
# what may follow the date in a metadata value: a time, a time zone (``2023-01-01T08:00:00+08:00``)
_DATE_TAIL = re.compile(r"(?:[T\s]\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:[.,]\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?\s*")


def parse_date(value: str) -> str:
    """A metadata date (``2023-01-01``, ``2023/1/1``, ``20230101``, ``2023年1月1日``, ``2023-01-01T08:00:00Z``) as an
    ISO ``YYYY-MM-DD`` (the form of ``xsd:date``), or "" when it is not one valid calendar date.

    >>> parse_date("20230101"), parse_date("2023年1月5日 10:30"), parse_date("2023-13-45"), parse_date("2023")
    ('2023-01-01', '2023-01-05', '', '')
    """
    import datetime

    value = value.strip()
    for pat in _DATE_VALUE:
        m = pat.match(value)
        if m and _DATE_TAIL.fullmatch(value, m.end()):
            y, mo, d = (int(g) for g in m.groups())
            try:
                return datetime.date(y, mo, d).isoformat() if y >= 1 else ""
            except ValueError:
                return ""
    return ""


def _normalise_date(value: str, where: str = "") -> str:
    """The ``date`` of a JSONL record as ``YYYY-MM-DD``; a value that is no valid date (``2023-13-45``, ``2023``,
    ``yesterday``) is dropped with a warning: the graph never holds an ill-typed ``xsd:date``."""
    if not value:
        return ""
    found = parse_date(value)
    if not found:
        log.warning("%s: \"date\" %r is not a valid date (want YYYY-MM-DD); left out", where, value[:40])
    return found


# ---------------------------------------------------------------------------------------------------------------
# Walking inputs
# ---------------------------------------------------------------------------------------------------------------

class _DocIds:
    """Unique doc_ids, deterministic for a given input order: the stem, else the relative path, else ``~n``."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def take(self, *candidates: str | Callable[[], str]) -> str:
        """The first unused candidate (callables are called only when reached)."""
        c = ""
        for cand in candidates:
            c = cand() if callable(cand) else cand
            if c and c not in self._used:
                self._used.add(c)
                return c
        base = c or "doc"
        n = 2
        while f"{base}~{n}" in self._used:
            n += 1
        self._used.add(f"{base}~{n}")
        return f"{base}~{n}"


#: What marks a folder as a ParkKG output folder (``kg build -o``): its build state, or its graph and summary.
OUTPUT_MARKERS = (("state", "extractions.sqlite"),), (("graph.ttl",), ("summary.json",))
OUTPUT_FOLDER_REASON = "a ParkKG output folder (a build's outputs are never read back as input)"
THIS_OUTPUT_FOLDER_REASON = "this build's output folder (never read back as input)"


def is_output_folder(folder: str | os.PathLike) -> bool:
    """True when ``folder`` holds what ``kg build`` writes (:data:`OUTPUT_MARKERS`): its graph.html must not
    become an article of a build whose input folder holds it."""
    return any(all(os.path.isfile(os.path.join(folder, *parts)) for parts in marker) for marker in OUTPUT_MARKERS)


def _skipped_folder(folder: str, st: os.stat_result, skip: set[tuple[int, int]]) -> str | None:
    """Why folder ``folder`` is not read (an output folder), or None."""
    if (st.st_dev, st.st_ino) in skip:
        return THIS_OUTPUT_FOLDER_REASON
    try:
        return OUTPUT_FOLDER_REASON if is_output_folder(folder) else None
    except (OSError, ValueError):
        return None


def _folder_keys(folders: Iterable[str | os.PathLike]) -> set[tuple[int, int]]:
    keys = set()
    for f in folders:
        try:
            st = os.stat(f)
        except (OSError, ValueError):
            continue
        keys.add((st.st_dev, st.st_ino))
    return keys


def _walk(root: str, on_error: Callable[[InputError], None],
          skip: set[tuple[int, int]] = frozenset()) -> Iterator[tuple[str, os.stat_result]]:
    """The files under folder ``root``: depth first, entries sorted by name, hidden ones skipped, lazily.
    Output folders (``skip``, and any :func:`is_output_folder`) are skipped, each passed to ``on_error``."""
    try:
        st = os.stat(root)
    except OSError as e:
        on_error(InputError(root, _os_problem(e)))
        return
    why = _skipped_folder(root, st, skip)
    if why is not None:
        on_error(InputError(root, why))
        return
    stack: list[tuple[Iterator[str], set[tuple[int, int]]]] = []

    def listing(folder: str) -> Iterator[tuple[str, bool | None]] | None:
        """(path, is a folder: from the listing, without a stat; None when unknown) of each visible entry."""
        try:
            with os.scandir(folder) as it:
                entries = sorted((e.name, _entry_is_dir(e)) for e in it if not e.name.startswith("."))
        except OSError as e:
            on_error(InputError(folder, _os_problem(e)))
            return None
        return ((os.path.join(folder, n), d) for n, d in entries)

    first = listing(root)
    if first is None:
        return
    stack.append((first, {(st.st_dev, st.st_ino)}))
    while stack:
        it, ancestors = stack[-1]
        path, is_dir = next(it, (None, None))
        if path is None:
            stack.pop()
            continue
        try:
            st = os.stat(path)
        except OSError as e:
            folder = os.path.dirname(path)
            if e.errno in (errno.EACCES, errno.EPERM) and not os.path.islink(path):
                # the folder can be listed but not entered (read permission without execute): one line for it
                on_error(InputError(folder, "permission denied (the folder can be listed but its files cannot be "
                                            "opened: no execute permission)"))
                stack[-1] = (iter(()), ancestors)
                continue
            wanted = is_dir or SUFFIX_KINDS.get(os.path.splitext(path)[1].lower()) or not os.path.splitext(path)[1]
            if wanted and (e.errno != errno.ENOENT or os.path.islink(path)):  # (not a file deleted meanwhile)
                on_error(InputError(path, _os_problem(e)))
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in ancestors:
                on_error(InputError(path, "symlink loop (links back to an enclosing folder)"))
                continue
            why = _skipped_folder(path, st, skip)
            if why is not None:
                on_error(InputError(path, why))
                continue
            sub = listing(path)
            if sub is not None:
                stack.append((sub, ancestors | {key}))
        elif stat.S_ISREG(st.st_mode) and _kind_of(path, explicit=False):
            yield path, st


def _entry_is_dir(entry: os.DirEntry) -> bool | None:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return None


def iter_articles(paths: Iterable[str | os.PathLike], *, on_error: Callable[[InputError], None],
                  max_bytes: int = DEFAULT_MAX_BYTES,
                  skip_folders: Iterable[str | os.PathLike] = ()) -> Iterator[Article]:
    """Every article under ``paths`` (files, folders, JSONL), lazily and in a deterministic order.

    Each bad input (missing, unreadable, binary, empty, undecodable, too large, a malformed JSONL line, a symlink
    loop) is passed to ``on_error`` once and skipped; nothing else is raised. Folders yield their ``.txt``, ``.md``,
    ``.html`` and ``.jsonl`` files, sorted by name at each level; hidden files and folders are skipped. doc_ids
    are unique: the file stem, else the path relative to the folder given, else ``<id>~<n>``. ``Article.source``
    is :func:`source_name`: the folder's name and the path inside it, or the name of a file given by itself (so
    the outputs do not depend on where the corpus lives or on the working folder).

    ParkKG output folders met while walking a folder (``skip_folders``, the build's own ``OUT``, and any folder
    :func:`is_output_folder` recognises) are not read: each is passed to ``on_error`` with the reason.
    """
    ids = _DocIds()
    skip = _folder_keys(skip_folders)
    seen: set[tuple[int, int]] = set()
    for p in paths:
        spath = os.fspath(p)
        try:
            st = os.stat(spath)
        except OSError as e:
            on_error(InputError(spath, _os_problem(e)))
            continue
        if stat.S_ISDIR(st.st_mode):
            files: Iterable[tuple[str, os.stat_result, str, bool]] = (
                (f, fst, spath, False) for f, fst in _walk(spath, on_error, skip))
        else:
            files = [(spath, st, os.path.dirname(spath), True)]
        for fpath, fst, root, explicit in files:
            key = (fst.st_dev, fst.st_ino)
            if key in seen:  # the same file twice (named twice, or through a symlink)
                log.debug("%s: already read, skipped", fpath)
                continue
            seen.add(key)
            source = source_name(fpath, None if explicit else root)
            yield from _read_any(fpath, fst, root, explicit, ids, on_error, max_bytes, source)


def _read_any(fpath: str, st: os.stat_result, root: str, explicit: bool, ids: _DocIds,
              on_error: Callable[[InputError], None], max_bytes: int, source: str) -> Iterator[Article]:
    kind = _kind_of(fpath, explicit)
    stem = _unicode_name(os.path.splitext(os.path.basename(fpath))[0])

    def rel() -> str:
        return _unicode_name(os.path.splitext(os.path.relpath(fpath, root or "."))[0].replace(os.sep, "/"))

    try:
        if kind == "jsonl":
            for art in iter_jsonl(fpath, on_error=on_error, max_bytes=max_bytes, source=source):
                doc_id = ids.take(art.doc_id, lambda: f"{rel()}/{art.doc_id}")
                if doc_id != art.doc_id:
                    log.warning("%s%s: duplicate id %r renamed %r", fpath, art.source[len(source):], art.doc_id,
                                doc_id)
                    art = _replace_id(art, doc_id)
                yield art
            return
        art = _read_file(fpath, kind or "text", stem, max_bytes, st, source=source)
    except InputError as e:
        on_error(e)
        return
    except Exception as e:  # noqa: BLE001 - one bad file must never stop a build of thousands
        log.debug("unexpected error reading %s", fpath, exc_info=True)
        on_error(InputError(fpath, f"internal error ({type(e).__name__}: {e})"))
        return
    doc_id = ids.take(stem, rel)
    if doc_id != stem:
        art = _replace_id(art, doc_id)
    yield art


def _replace_id(art: Article, doc_id: str) -> Article:
    from dataclasses import replace

    return replace(art, doc_id=doc_id, title=doc_id if art.title == art.doc_id else art.title)


def describe_error(err: BaseException) -> str:
    """One clean line for an ingest error: ``path: problem`` (control characters, newlines, ANSI escapes and lone
    surrogates escaped: :func:`kg.errors.printable`)."""
    msg = str(err) if isinstance(err, InputError) else f"{type(err).__name__}: {err}"
    return printable(msg)
