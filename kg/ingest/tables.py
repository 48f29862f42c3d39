"""Tables of articles: a CSV or Excel (``.xlsx``) file with one article a row, read like JSONL.

The first row names the columns (any case): ``id``, ``title``, the text (``text``, ``content`` or ``body``, like
JSONL's :data:`~kg.ingest.read.TEXT_FIELDS`, or 正文/内容), ``url``, ``date``; other columns are ignored. A row
without text is reported as ``FILE, row N`` (the row number a spreadsheet shows) and the other rows are read; a
date that is no valid day is left out with a warning, as in JSONL. A CSV file is streamed (any size; a field may
hold up to ``max_bytes`` characters) in the encoding :func:`~kg.ingest.decode.decode_bytes` finds in its first
megabyte (BOM, UTF-8, GBK/GB18030, Big5, ...); an Excel workbook is read with openpyxl in read-only mode, every
worksheet in turn.
"""
from __future__ import annotations

import csv
import datetime
import io
import logging
import os
import warnings
import zipfile
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg.errors import InputError
from kg.records import Article
from kg.ingest.decode import _BOMS, DecodeError, decode_bytes
from kg.ingest.documents import OLE_MAGIC, OLE_PROBLEM
from kg.ingest.read import DEFAULT_MAX_BYTES, TEXT_FIELDS, _os_problem, _unicode_name, record_article, source_name

log = logging.getLogger(__name__)

#: column -> the header names that mean it (compared case-insensitively), in order of preference
COLUMNS = {
    "id": ("id", "编号"),
    "title": ("title", "标题"),
    "text": (*TEXT_FIELDS, "正文", "内容"),
    "url": ("url", "链接", "网址"),
    "date": ("date", "日期", "发布日期", "发布时间"),
}
_SAMPLE = 1 << 20  # the bytes a CSV file's encoding is judged on

Rows = Iterator[tuple[int, list]]  # (row number, cells)


def iter_table(path: str | os.PathLike, *, on_error: Callable[[InputError], None],
               max_bytes: int = DEFAULT_MAX_BYTES, source: str | None = None) -> Iterator[Article]:
    """Stream the rows of a ``.csv`` or ``.xlsx`` file as Articles. A bad row is reported through ``on_error``
    and the others still yield. ``doc_id`` is the row's ``id`` (else ``<stem>_R<n>``, ``<stem>_<sheet>_R<n>``
    in a workbook); ``source`` is ``<source>#R<n>`` (``<source>#<sheet>!R<n>``)."""
    spath = os.fspath(path)
    src = source if source is not None else source_name(spath)
    stem = _unicode_name(Path(spath).stem)
    n_records = n_errors = 0

    def report(err: InputError) -> None:
        nonlocal n_errors
        n_errors += 1
        on_error(err)

    try:
        if spath.lower().endswith(".csv"):
            encoding, rows = _csv_rows(spath, max_bytes)
            sheets: Iterable[tuple[str | None, Rows]] = [(None, rows)]
        else:
            encoding, sheets = "", _xlsx_sheets(spath)
        for sheet, rows in sheets:
            label, ref, ids = (spath, "", stem) if sheet is None else (f"{spath}, sheet {sheet}", f"{sheet}!",
                                                                       f"{stem}_{sheet}")
            try:
                for art in _sheet_articles(rows, label, f"{src}#{ref}", ids, encoding, report):
                    n_records += 1
                    yield art
            except InputError as e:  # the rest of this sheet cannot be read
                report(e)
    except InputError as e:  # the file cannot be read
        report(e)
    if not n_records and not n_errors:
        on_error(InputError(spath, "no articles (no rows under the header)"))


def _sheet_articles(rows: Rows, label: str, source: str, ids: str, encoding: str,
                    report: Callable[[InputError], None]) -> Iterator[Article]:
    """The articles of the rows of one table: the first non-blank row is the header."""
    columns: dict[str, int] | None = None
    header: list[str] = []
    for n, cells in rows:
        if all(_blank(c) for c in cells):
            continue
        if columns is None:
            header = [_cell_text(c).strip().lstrip("\ufeff") for c in cells]
            columns = _columns(header)
            if "text" not in columns:
                report(InputError(label, "no text column in the first row (want one named text, content, body, "
                                         "正文 or 内容)"))
                return
            continue
        value = {key: _cell_text(cells[i] if i < len(cells) else None) for key, i in columns.items()}
        try:
            yield record_article(f"{label}, row {n}", f"{source}R{n}", value.get("id", "").strip() or f"{ids}_R{n}",
                                 value["text"], header[columns["text"]], title=value.get("title", "").strip(),
                                 url=value.get("url", "").strip(), date=value.get("date", "").strip(),
                                 encoding=encoding)
        except InputError as e:
            report(e)


def _columns(header: list[str]) -> dict[str, int]:
    """column -> index in the header row, for the columns :data:`COLUMNS` knows."""
    names = [h.lower() for h in header]
    found = {}
    for key, aliases in COLUMNS.items():
        for alias in aliases:
            if alias in names:
                found[key] = names.index(alias)
                break
    return found


def _blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _cell_text(cell: object) -> str:
    """A cell as text: an Excel number that is whole without its ``.0`` (an id typed as 1001), an Excel date
    in ISO form (``2024-03-05T00:00:00``, which :func:`~kg.ingest.read.parse_date` reads)."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    return str(cell)


# CSV
# ---------------------------------------------------------------------------------------------------------------

def _csv_rows(spath: str, max_bytes: int) -> tuple[str, Rows]:
    """The encoding of a CSV file and its rows, numbered from 1 (the header) as a spreadsheet numbers them. A
    broken file (a field over ``max_bytes`` characters, bytes the encoding does not read) ends the rows with an
    InputError naming the row."""
    try:
        f = open(spath, "rb")
        try:
            head = f.read(_SAMPLE + 1)
            f.seek(0)
        except OSError:
            f.close()
            raise
    except OSError as e:
        raise InputError(spath, _os_problem(e)) from e
    try:
        codec, errors, delimiter = _csv_format(head if len(head) <= _SAMPLE else _whole_lines(head[:_SAMPLE]), spath)
    except InputError:
        f.close()
        raise

    def rows() -> Rows:
        with f:
            csv.field_size_limit(max_bytes)  # (process-wide; the default, 131,072 characters, is short of an article)
            reader = csv.reader(io.TextIOWrapper(f, encoding=codec, errors=errors, newline=""), delimiter=delimiter)
            n = 0
            while True:
                where = f"{spath}, row {n + 1}"
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except csv.Error as e:
                    raise InputError(where, f"{e}; the rest of the file is not read") from e
                except UnicodeDecodeError as e:
                    raise InputError(where, f"cannot be read as {codec}, the encoding of the start of the file; the "
                                            "rest of the file is not read") from e
                except OSError as e:
                    raise InputError(where, _os_problem(e)) from e
                n += 1
                yield n, cells

    return codec, rows()


def _whole_lines(sample: bytes) -> bytes:
    """``sample`` cut after its last line break, so that no character is cut in two (a UTF-16 ``\\n`` is two
    bytes)."""
    cut = sample.rfind(b"\n") + 1
    if not cut:
        return sample
    if b"\x00" in sample and cut % 2:
        cut += 1
    return sample[:cut]


def _csv_format(sample: bytes, spath: str) -> tuple[str, str, str]:
    """(codec, decoding errors, delimiter) of a CSV file from its first bytes. Raises InputError."""
    for bom, _, codec in _BOMS:
        if sample.startswith(bom):
            text, errors = sample.decode(codec, errors="replace"), "strict"
            break
    else:
        warned: list[str] = []
        try:
            text, codec = decode_bytes(sample, warn=warned.append)
        except DecodeError as e:
            raise InputError(spath, str(e)) from e
        for msg in warned:
            log.warning("%s: %s", spath, msg)
        errors = "replace" if warned else "strict"  # a few bad bytes: replaced, as in a text file
    first = next((line for line in text.splitlines() if line.strip()), "")
    # a comma, unless the header holds none but tabs or semicolons (a table exported with another separator)
    delimiter = "," if "," in first else max(("\t", ";", ","), key=first.count)
    return codec, errors, delimiter


# Excel
# ---------------------------------------------------------------------------------------------------------------

def _xlsx_sheets(spath: str) -> Iterable[tuple[str, Rows]]:
    """(name, rows) of every worksheet of an ``.xlsx`` workbook, rows numbered as Excel numbers them."""
    import openpyxl

    try:
        with warnings.catch_warnings():  # ("Workbook contains no default style"): nothing the user can act on
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(spath, read_only=True, data_only=True)
    except OSError as e:
        raise InputError(spath, _os_problem(e)) from e
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as e:
        try:
            with open(spath, "rb") as f:
                ole = f.read(len(OLE_MAGIC)) == OLE_MAGIC
        except OSError:
            ole = False
        raise InputError(spath, f"{OLE_PROBLEM} .xlsx" if ole else
                         f"not a readable Excel .xlsx workbook ({type(e).__name__}: {e})") from e
    try:
        for ws in wb.worksheets:
            yield ws.title, _xlsx_rows(spath, ws)
    finally:
        wb.close()


def _xlsx_rows(spath: str, ws) -> Rows:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for n, cells in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1):
                yield n, list(cells)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as e:
        raise InputError(f"{spath}, sheet {ws.title}", f"cannot read the sheet ({type(e).__name__}: {e})") from e
