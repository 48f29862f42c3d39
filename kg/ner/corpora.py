"""Readers for the public Chinese NER corpora, mapped to ParkKG's NER labels.

Every reader yields :class:`AnnotatedSentence` records: the sentence text, the gold entity spans as
``(start, end, label)`` character offsets (end exclusive) and the spans whose annotation is *missing* (text the
corpus labels with a category we neither learn nor score, e.g. CLUENER ``game``; training marks those characters
as unknown instead of "outside").

Formats:

- *char-tagged* (People's Daily, MSRA): one ``char TAG`` per line (space or tab), a blank line between sentences,
  BIO (``B-``/``I-``) or BMES (``B-``/``M-``/``E-``/``S-``) tags over ``PER``/``LOC``/``ORG``.
- *CLUENER*: JSON lines ``{"text": str, "label": {type: {surface: [[start, end_inclusive], ...]}}}``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from kg.errors import InputError

#: Labels the NER model predicts.
LABELS = ("PER", "LOC", "ORG")

#: CLUENER category -> our label; ``None``: "missing" (not learned, not scored); ``""``: learned as no entity.
CLUENER_TRAIN_MAP: dict[str, str | None] = {
    "name": "PER",
    "company": "ORG",
    "government": "ORG",
    "organization": "ORG",
    # CLUENER's addresses are long postal phrases (北京市海淀区中关村大街27号), not the news corpora's place
    # names: left missing so that the model learns one LOC convention
    "address": None,
    "scene": None,
    "game": None,
    "book": None,
    "movie": None,
    "position": None,
}

#: CLUENER categories scored by ``kg evaluate --public`` (issue 3: company+government+organization+name).
CLUENER_EVAL_MAP: dict[str, str | None] = {
    "name": "PER",
    "company": "ORG",
    "government": "ORG",
    "organization": "ORG",
}


@dataclass(frozen=True)
class AnnotatedSentence:
    text: str
    spans: tuple[tuple[int, int, str], ...]
    missing: tuple[tuple[int, int], ...] = field(default=())


def read_char_tagged(path: str | Path) -> Iterator[AnnotatedSentence]:
    """Read a one-char-per-line BIO/BMES file (People's Daily, MSRA)."""
    path = Path(path)
    chars: list[str] = []
    tags: list[str] = []
    try:
        handle = path.open(encoding="utf-8")
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror or e}") from e
    with handle:
        for lineno, line in enumerate(handle, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                if chars:
                    yield _from_tags(chars, tags)
                    chars, tags = [], []
                continue
            parts = line.split()
            if len(parts) != 2 or len(parts[0]) != 1:
                raise InputError(f"{path}:{lineno}", f"expected 'CHAR TAG', got {line!r}")
            chars.append(parts[0])
            tags.append(parts[1])
    if chars:
        yield _from_tags(chars, tags)


def _from_tags(chars: list[str], tags: list[str]) -> AnnotatedSentence:
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate(tags):
        prefix, _, lab = tag.partition("-")
        if prefix in ("B", "S") or (prefix in ("I", "M", "E") and lab != label) or prefix == "O":
            if start is not None:
                spans.append((start, i, label))
                start, label = None, None
            if prefix != "O":
                start, label = i, lab
        if prefix in ("E", "S") and start is not None:
            spans.append((start, i + 1, label))
            start, label = None, None
    if start is not None:
        spans.append((start, len(tags), label))
    return AnnotatedSentence("".join(chars), tuple(spans))


def read_cluener(path: str | Path, mapping: dict[str, str | None]) -> Iterator[AnnotatedSentence]:
    """Read CLUENER JSON lines; categories not in ``mapping`` or mapped to ``None`` become missing spans, those
    mapped to ``""`` are plain text (learned as no entity)."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror or e}") from e
    with handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
                spans, missing = [], []
                for category, surfaces in record.get("label", {}).items():
                    label = mapping.get(category)
                    for _surface, offsets in surfaces.items():
                        for start, end_incl in offsets:
                            if label is None:
                                missing.append((start, end_incl + 1))
                            elif label:
                                spans.append((start, end_incl + 1, label))
                            # "": learned as outside (no entity there), like unannotated text
            except (ValueError, KeyError, TypeError) as e:
                raise InputError(f"{path}:{lineno}", f"malformed CLUENER record: {e}") from e
            yield AnnotatedSentence(text, tuple(sorted(spans)), tuple(sorted(missing)))


@dataclass(frozen=True)
class PublicSet:
    """A public test set: where it lies under the data folder and how to read it."""

    name: str
    relpath: str
    fmt: str            # "char" or "cluener"
    description: str

    def read(self, data_dir: str | Path) -> list[AnnotatedSentence]:
        path = Path(data_dir) / self.relpath
        if not path.is_file():
            raise InputError(str(path), "public test set not found (give --data-dir, the folder holding "
                                        "peoples_daily_ner/, msra_ner/ and cluener2020/)")
        if self.fmt == "cluener":
            return list(read_cluener(path, CLUENER_EVAL_MAP))
        return list(read_char_tagged(path))


#: The public test sets ``kg evaluate --public`` reports, in order.
PUBLIC_SETS: dict[str, PublicSet] = {s.name: s for s in (
    PublicSet("peoples_daily", "peoples_daily_ner/example.test", "char",
              "People's Daily NER test (4,636 sentences; PER/LOC/ORG)"),
    PublicSet("msra", "msra_ner/msra_test_bio.oye93.txt", "char",
              "MSRA NER official test split (3,442 sentences; PER/LOC/ORG)"),
    PublicSet("cluener", "cluener2020/dev.json", "cluener",
              "CLUENER2020 dev (1,343 sentences; company+government+organization->ORG, name->PER)"),
)}
