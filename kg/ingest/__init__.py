"""Ingest: files, folders, JSONL and tables in; :class:`~kg.records.Article` (clean text + offset map) out.

Three jobs, in this order, for every input:

1. **Find** the inputs: a file, a folder (walked lazily and recursively in sorted order, symlink loops reported)
   or a file of many articles (JSONL, CSV, Excel ``.xlsx``: streamed one record or row at a time). Everything not
   read is reported with the reason (``on_error``; ``kg build`` lists them in its summary): in a folder a hidden
   entry, a file of a type ParkKG does not read (``photo.jpg: unsupported file type .jpg``), a ParkKG output
   folder (once, not file by file); anywhere a bad file, a bad JSONL line or table row.
2. **Decode** the bytes: BOM, strict UTF-8, BOM-less UTF-16, GB18030, Big5, then charset-normalizer; binary,
   empty and undecodable files raise :class:`~kg.errors.InputError`. A Word (``.docx``, python-docx) or PDF
   (pdfminer.six) file is not decoded but its text extracted (:mod:`kg.ingest.documents`).
3. **Repair** the text (:func:`repair_text`): OCR line breaks and spaces inside Chinese words are removed, real
   paragraph breaks kept as one ``"\\n"``, markdown heading marks and byline lines (``本报记者 王延斌``) dropped.
   Every character of the clean text is copied from the raw text, so ``to_raw`` maps each clean offset back to
   ``Article.raw`` (``raw[to_raw[i]] == text[i]`` for text files; for HTML, entities map to their ``&`` and
   block tags to their ``<``).

``Article.raw``, into which evidence offsets point, is the decoded file for text and HTML files, the record's
text for a JSONL line or a table row, and for Word and PDF files the text extracted from them (there is no text
file): a Word file's paragraphs and table cells one a line, a PDF's text as pdfminer lays it out.

The title and the date come from the metadata when there is some (JSONL fields, table columns, a Word file's
title property or first heading, an HTML ``<title>``; an HTML page's ``<meta property="article:published_time">``,
``<meta name="pubdate|publishdate|date">`` or ``<time datetime>``), else from the text (a date under the title,
else the first one near the top); a Word file's creation date (China time) comes last, as it tells when the file
was made rather than when the news was published.

Example
-------
>>> text, to_raw = repair_text("济南高\\n\\n新区 发 展")
>>> text
'济南高新区发展'
>>> to_raw[3]
5
"""
from kg.ingest.decode import DecodeError, decode_bytes
from kg.ingest.read import DEFAULT_MAX_BYTES, SUFFIX_KINDS, TEXT_FIELDS, iter_jsonl, parse_date, read_article, \
    source_name
from kg.ingest.repair import repair_text
from kg.ingest.tables import iter_table
from kg.ingest.walk import describe_error, is_output_folder, iter_articles

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DecodeError",
    "SUFFIX_KINDS",
    "TEXT_FIELDS",
    "decode_bytes",
    "describe_error",
    "is_output_folder",
    "iter_articles",
    "iter_jsonl",
    "iter_table",
    "parse_date",
    "read_article",
    "repair_text",
    "source_name",
]
