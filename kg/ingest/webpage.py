"""The visible text of an HTML page, with the map of every character back into the page source, and the dates
the page states in its tags.
"""
from __future__ import annotations

import html
import re


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
_ATTR = re.compile(r"""([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
# the <meta> names (name, property or itemprop, any case) that hold the publication date, most telling first
_DATE_META = ("article:published_time", "datepublished", "pubdate", "publishdate", "date")


def _tag_date(tag: str, token: str) -> tuple[int, str] | None:
    """(rank, value) of a date a ``<meta>`` or ``<time datetime>`` tag states, or None: meta names rank by
    :data:`_DATE_META`, ``<time>`` after them."""
    attrs = {m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
             for m in _ATTR.finditer(token)}
    if tag == "time":
        return (len(_DATE_META), attrs["datetime"]) if attrs.get("datetime") else None
    for key in ("property", "name", "itemprop"):
        name = attrs.get(key, "").strip().lower()
        if name in _DATE_META and attrs.get("content"):
            return _DATE_META.index(name), attrs["content"]
    return None


def _html_to_text(src: str) -> tuple[str, list[int], str, list[int], list[str]]:
    """Visible text of an HTML page, its map into ``src``, the ``<title>`` (or first ``<h1>``), the positions
    of the line breaks that block elements make, and the dates its tags state (:func:`_tag_date`), the most
    telling first (the caller parses them)."""
    parts: list[str] = []
    hard: list[int] = []
    n_out = 0
    to_src: list[int] = []
    in_head = False
    capture: str | None = None      # "title" or "h1" while inside one
    title = ""
    h1 = ""
    cap_parts: list[str] = []
    dates: list[tuple[int, str]] = []
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
        if tag in ("meta", "time") and not closing:
            found = _tag_date(tag, tok)
            if found:
                dates.append(found)
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
    return "".join(parts), to_src, title or h1, hard, [v for _, v in sorted(dates, key=lambda d: d[0])]
