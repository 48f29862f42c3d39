"""Reading one input into :class:`~kg.records.Article` records: a text, markdown, HTML, Word or PDF file, or the
lines of a JSONL file (one record at a time, a bad line never stops the rest; CSV and Excel tables:
:mod:`kg.ingest.tables`).
"""
from __future__ import annotations

import codecs
import errno
import json
import logging
import os
import re
import stat
from pathlib import Path
from typing import Callable, Iterator

from kg.errors import InputError
from kg.records import Article
from kg.ingest.decode import DecodeError, _META_CHARSET, decode_bytes
from kg.ingest.documents import docx_text, pdf_text
from kg.ingest.repair import _WS_CHARS, _find_date, _find_title, _materialise, _repair
from kg.ingest.main_text import apply_ranges, main_blocks
from kg.ingest.webpage import _html_to_text


log = logging.getLogger(__name__)
# the JSONL field holding an article's text, in order of preference
TEXT_FIELDS = ("text", "content", "body")

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""Files (and JSONL lines) larger than this are reported, not loaded."""

SUFFIX_KINDS = {
    ".txt": "text", ".text": "text",
    ".md": "text", ".markdown": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx", ".pdf": "pdf",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".xlsx": "xlsx",
}
"""File suffix -> reader. In a folder other suffixes are reported and skipped; a file named explicitly is read as
text."""
#: Files that hold many articles, one a line or a row (:func:`iter_jsonl`, :func:`kg.ingest.tables.iter_table`)
MANY_ARTICLE_KINDS = frozenset({"jsonl", "csv", "xlsx"})

# Articles
# ---------------------------------------------------------------------------------------------------------------

def _article(doc_id: str, source: str, raw: str, *, encoding: str, kind: str = "text", title: str = "",
             url: str = "", date: str = "", hard: list[int] | None = None, late_date: str = "") -> Article:
    """Build an Article from decoded ``raw`` (text or HTML source). Raises DecodeError when no text is left.

    The date is ``date`` (metadata), else the page's own (HTML meta tags, ``<time datetime>``), else one written
    under the title or at the top of the text, else ``late_date`` (a Word file's creation date). ``hard``: the
    line breaks of ``raw`` that always end a paragraph (a Word file's paragraphs).
    """
    main = None
    if kind == "html":
        inter, inter_map, html_title, hard, page_dates = _html_to_text(raw)
        date = date or next(filter(None, map(parse_date, page_dates)), "")
        main = main_blocks(raw, visible=(inter, inter_map, html_title, hard))
        if main is not None:     # the article only: menus, sidebars, related links and footers dropped
            inter, inter_map, hard = apply_ranges(inter, inter_map, hard, main.ranges)
            html_title = main.title or html_title
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
        rep = _repair(raw, hard)
        text, to_raw = _materialise(raw, rep)
    if not text:
        raise DecodeError("no text left after cleaning" if raw.strip(_WS_CHARS + "\n\r") else "empty file")
    title = title or _find_title(text, rep.paragraphs, doc_id)
    # (in the text before the repair, which drops source lines such as ``来源：青川日报 2024年3月5日``)
    date = date or _find_date(inter if kind == "html" else raw, title) or (main.date if main else "") or late_date
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
    """Read one ``.txt``/``.md``/``.html``/``.docx``/``.pdf`` file (any other name is read as text). Raises
    InputError.

    ``doc_id`` defaults to the file stem, ``source`` to the file name (:func:`source_name`). A ``.jsonl``,
    ``.csv`` or ``.xlsx`` file holds many articles: use :func:`~kg.ingest.walk.iter_articles`.
    """
    spath = os.fspath(path)
    kind = _kind_of(spath, explicit=True)
    if kind in MANY_ARTICLE_KINDS:
        raise InputError(spath, f"a .{kind} file holds many articles: read it with iter_articles")
    return _read_file(spath, kind, doc_id or _unicode_name(Path(spath).stem), max_bytes, source=source)


def _read_file(spath: str, kind: str, doc_id: str, max_bytes: int, st: os.stat_result | None = None,
               source: str | None = None) -> Article:
    data = _read_limited(spath, max_bytes, st)
    source = source if source is not None else source_name(spath)
    if kind in ("docx", "pdf"):
        try:
            doc = docx_text(data, max_bytes) if kind == "docx" else pdf_text(data)
            return _article(doc_id, source, doc.raw, encoding="", title=doc.title, hard=doc.hard,
                            late_date=doc.created)
        except DecodeError as e:
            raise InputError(spath, str(e)) from e
    hint = None
    if kind == "html":
        m = _META_CHARSET.search(data[:4096])
        hint = m.group(1).decode("ascii", "replace") if m else None
    try:
        raw, encoding = decode_bytes(data, hint=hint, warn=lambda msg: log.warning("%s: %s", spath, msg))
        return _article(doc_id, source, raw, encoding=encoding, kind=kind)
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
    return record_article(where, f"{src}#L{lineno}", meta["id"] or f"{stem}_L{lineno}", text, field,
                          title=meta["title"], url=meta["url"], date=meta["date"], encoding=encoding)


def record_article(where: str, source: str, doc_id: str, text: str, field: str, *, title: str = "",
                   url: str = "", date: str = "", encoding: str = "utf-8") -> Article:
    """The Article of one record of a file of many (a JSONL line, a table row): its text is its raw text.
    ``where`` names the record in messages; a date that is no valid day is left out with a warning. Raises
    InputError when the text (field ``field``) is empty."""
    try:
        return _article(doc_id, source, text, encoding=encoding, title=title, url=url,
                        date=_normalise_date(date, where))
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
    """The ``date`` of a record as ``YYYY-MM-DD``; a value that is no valid date (``2023-13-45``, ``2023``,
    ``yesterday``) is dropped with a warning: the graph never holds an ill-typed ``xsd:date``."""
    if not value:
        return ""
    found = parse_date(value)
    if not found:
        log.warning("%s: \"date\" %r is not a valid date (want YYYY-MM-DD); left out", where, value[:40])
    return found
