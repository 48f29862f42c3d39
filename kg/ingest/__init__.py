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
from kg.ingest.decode import DecodeError, decode_bytes
from kg.ingest.read import DEFAULT_MAX_BYTES, SUFFIX_KINDS, TEXT_FIELDS, iter_jsonl, parse_date, read_article, \
    source_name
from kg.ingest.repair import repair_text
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
    "parse_date",
    "read_article",
    "repair_text",
    "source_name",
]
