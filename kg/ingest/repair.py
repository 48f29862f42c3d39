"""Repairing decoded text: OCR breaks and spaces inside Chinese words removed, paragraph breaks kept,
bylines and markdown marks dropped; the title and date found in the text.

Every character of the clean text is copied from the raw text, so the offset map points each clean character
back into the raw source.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from bisect import bisect_left
from itertools import accumulate, chain
from typing import Callable



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
# a line that is a date alone (``2024年3月5日``, ``2024-03-05 08:00``): its own paragraph, never half a word
_DATE_LINE = re.compile(r"(?:19|20)\d{2}(?:\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2})"
                        r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?")


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
    if _DATE_LINE.fullmatch(at) or _DATE_LINE.fullmatch(bt):
        return True
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


def _find_date(text: str, title: str = "") -> str:
    """The date written under the title (in the 200 characters after the line that is the title, or part of it:
    a ``<title>`` often adds the site's name), else the first date in the first 1,000 characters; "" when
    none."""
    if title:
        after_title, at = [], 0
        for line in text[:2000].split("\n"):
            at += len(line) + 1
            if len(line) >= 4 and (line in title or title in line):
                after_title.append(at)
        for at in reversed(after_title):  # the last: a web page's <title> comes before its menus and its <h1>
            found = _first_date(text[at:at + 200])
            if found:
                return found
    return _first_date(text[:1000])


def _first_date(head: str) -> str:
    import datetime

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
