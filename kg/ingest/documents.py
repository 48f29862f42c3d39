"""Word (``.docx``) and PDF files: their text, read with python-docx and pdfminer.six.

There is no text file behind these: the text extracted here *is* the article's raw text (``Article.raw``), and
the offsets of evidence sentences point into it. A Word file's paragraphs (and table cells) are its lines; a
PDF's text is what pdfminer's layout analysis gives (lines as laid out, a blank line between paragraphs, a line
break for a page break), repaired like OCR text afterwards.

pdfminer.six rather than pypdf: on a two-column page written line by line across the columns, pdfminer reads
each column in turn while pypdf interleaves their lines; both decode Chinese (Adobe-GB1 CID fonts) equally,
pypdf about 2.5 times faster (extraction, not PDF reading, is what takes a build's time).
"""
from __future__ import annotations

import datetime
import io
import logging
import re
import zipfile
from dataclasses import dataclass, field

from kg.ingest.decode import DecodeError

# pdfminer reports the oddities of many PDFs it reads anyway ("CropBox missing"): not the user's concern
logging.getLogger("pdfminer").setLevel(logging.ERROR)

#: python-docx's own template says it was created at this moment: no article's date
_PYTHON_DOCX_TEMPLATE_CREATED = datetime.datetime(2013, 12, 23, 23, 15, tzinfo=datetime.timezone.utc)
_CHINA_TIME = datetime.timezone(datetime.timedelta(hours=8))
#: the start of an OLE2 compound file: an old .doc/.xls, or an Office file saved with a password
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLE_PROBLEM = "an old-format or password-protected Office file: save it (without a password) as"
_HEADING_STYLES = ("title", "heading", "标题")
_CID = re.compile(r"\(cid:\d+\)")


@dataclass
class DocumentText:
    """The text of a document and what its file says about it."""

    raw: str
    hard: list[int] = field(default_factory=list)   # line breaks of ``raw`` that always end a paragraph
    title: str = ""
    created: str = ""                                # YYYY-MM-DD (China time) the file says it was created


def docx_text(data: bytes, max_bytes: int) -> DocumentText:
    """The paragraphs of a ``.docx`` file (body and tables, in order) one a line; the title from the file's
    properties, else its first Title or Heading paragraph; its creation date. Raises DecodeError."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            size = z.getinfo("word/document.xml").file_size
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise DecodeError(f"{OLE_PROBLEM} .docx" if data.startswith(OLE_MAGIC) else
                          f"not a Word .docx file ({e})") from e
    if size > 4 * max_bytes:  # the text is XML, which zip packs tightly: refuse before python-docx loads it
        raise DecodeError(f"document too large ({size / 1024 / 1024:.1f} MB of XML unpacked)")
    try:
        doc = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as e:
        raise DecodeError(f"not a readable Word .docx file ({e})") from e
    lines: list[str] = []
    heading = ""
    for para in _paragraphs(doc):
        line = para.text.strip()
        if not line:
            continue
        if not heading and _style_name(para).startswith(_HEADING_STYLES):
            heading = line
        lines.append(line)
    if not lines:
        raise DecodeError("no text (the document is empty)")
    raw = "\n".join(lines)
    hard = [i for i, ch in enumerate(raw) if ch == "\n"]
    props = doc.core_properties
    created = props.created
    day = ""
    if created is not None and created != _PYTHON_DOCX_TEMPLATE_CREATED:
        if created.tzinfo is None:
            created = created.replace(tzinfo=datetime.timezone.utc)  # Word writes it in UTC
        day = created.astimezone(_CHINA_TIME).date().isoformat()
    return DocumentText(raw, hard, title=(props.title or "").strip() or heading, created=day)


def _paragraphs(container):
    """The paragraphs of a document or table cell in reading order, those of tables (nested ones too) included;
    a cell merged over several columns once."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        yield from _paragraphs(cell)
        else:
            yield block


def _style_name(para) -> str:
    try:
        return (para.style.name or "").lower() if para.style is not None else ""
    except (KeyError, ValueError, AttributeError):
        return ""


def pdf_text(data: bytes) -> DocumentText:
    """The text of a PDF, as pdfminer.six lays it out (page breaks as line breaks). Raises DecodeError for an
    encrypted, damaged or scanned (image-only) PDF."""
    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFEncryptionError
    from pdfminer.psparser import PSException

    try:
        raw = extract_text(io.BytesIO(data)).replace("\f", "\n")
    except PDFEncryptionError as e:  # (a wrong password included)
        raise DecodeError("encrypted PDF (it needs a password)") from e
    except (PSException, ValueError, KeyError, TypeError, AssertionError) as e:
        raise DecodeError(f"not a readable PDF ({type(e).__name__}: {e})") from e
    if not raw.strip():
        raise DecodeError("no text in the PDF (a scanned document? it needs OCR first)")
    unmapped = sum(len(m) for m in _CID.findall(raw))
    if unmapped > len(raw) // 10:
        raise DecodeError("the PDF's fonts do not say which characters they draw (text shows as (cid:N)): "
                          "it needs OCR")
    return DocumentText(raw)
