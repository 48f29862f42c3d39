"""Bytes to text: BOM, strict UTF-8, BOM-less UTF-16, GB18030, Big5, then charset-normalizer; binary and
undecodable input raise :class:`DecodeError`.
"""
from __future__ import annotations

import codecs
import logging
import re
from typing import Callable

from kg.ingest.repair import _HAN


log = logging.getLogger(__name__)
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
