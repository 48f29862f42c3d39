"""Incremental build state: ``OUT/state/extractions.sqlite``, one row per article.

Each row holds the article's ``doc_id``, the SHA-256 of its raw text and what the pipeline extracted from it
(a :class:`~kg.records.DocExtraction`, JSON, zlib-compressed). A rerun of ``kg build`` extracts only articles
whose hash is new or changed, reuses the other rows, and deletes the rows of articles it did not see again, so
what a deleted or changed article contributed is withdrawn. The graph is then assembled from the rows in
``doc_id`` order, exactly as a fresh build would assemble it.

The state is a cache, never the truth: the set of articles in the graph is always the set read in this run, and
a row is only reused when the *pipeline fingerprint* (a hash of the extraction code, gazetteers and models) is
the one that wrote it; any other fingerprint empties the state. SQLite (WAL, one transaction per batch) makes it
crash-safe: a build killed at any point leaves rows that are either complete or absent.

Examples
--------
>>> from kg.records import DocExtraction
>>> d = DocExtraction("a1", "a1.txt", "t", "", "", 3, content_hash="x")
>>> decode_extraction(encode_extraction(d)) == d
True
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from kg.errors import OutputError, output_errors
from kg.records import (DocExtraction, EntityClass, EntityRecord, Mention, RelationKind, RelationRecord)

STATE_DIRNAME = "state"
STATE_FILENAME = "extractions.sqlite"
SCHEMA_VERSION = "1"
BATCH = 256  # rows per transaction


@lru_cache(maxsize=4)
def pipeline_fingerprint(use_ner: bool) -> str:
    """A hash of everything extraction results depend on: ingest and extraction code, records, data, models."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(f"schema={SCHEMA_VERSION};ner={int(use_ner)}".encode())
    parts = [*sorted((root / "ingest").rglob("*.py")), root / "records.py", root / "vocab.py",
             *sorted((root / "extract").rglob("*.py")),
             *sorted(p for p in (root / "data").rglob("*") if p.is_file()),
             *sorted((root / "models").glob("*.json"))]    # the relation classifier's weights
    if use_ner:
        parts += sorted(p for p in (root / "ner").rglob("*.py"))
        parts += sorted(p for p in (root / "models").rglob("*") if p.is_file())
    for p in parts:
        h.update(str(p.relative_to(root)).encode())
        h.update(p.read_bytes())
    try:  # the jieba dictionary decides generic words
        from importlib.metadata import version

        h.update(f"jieba={version('jieba')}".encode())
    except Exception:  # noqa: BLE001 - jieba missing means extraction fails later with a clear error
        pass
    return h.hexdigest()[:32]


# ------------------------------------------------------------------------------------------------ (de)serialising

def encode_extraction(d: DocExtraction) -> bytes:
    return zlib.compress(json.dumps(asdict(d), ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def decode_extraction(blob: bytes, *, mentions: bool = True) -> DocExtraction:
    """The inverse of :func:`encode_extraction`; ``mentions=False`` leaves ``EntityRecord.mentions`` empty
    (the graph does not use them, and they are most of the decoding time)."""
    x = json.loads(zlib.decompress(blob).decode("utf-8"))
    ents = tuple(EntityRecord(**{**e, "cls": EntityClass(e["cls"]), "aliases": tuple(e["aliases"]),
                                 "lists": tuple(e["lists"]),
                                 "mentions": tuple(Mention(**m) for m in e["mentions"]) if mentions else ()})
                 for e in x["entities"])
    rels = tuple(RelationRecord(**{**r, "kind": RelationKind(r["kind"])}) for r in x["relations"])
    return DocExtraction(**{**x, "entities": ents, "relations": rels})


def _guarded(method):
    """A BuildState method whose SQLite and OS errors (a read-only folder, a full disk) become one OutputError
    naming the state file."""
    import functools

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with output_errors(self.path, "write the build state"):
            return method(self, *args, **kwargs)

    return wrapper


def _guarded_iter(method):
    import functools

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with output_errors(self.path, "read the build state"):
            yield from method(self, *args, **kwargs)

    return wrapper


class BuildState:
    """The per-article state of one OUT folder (a context manager; one writer at a time). Its SQLite and OS
    errors (read-only folder, full disk) are raised as one :class:`~kg.errors.OutputError` naming the file."""

    def __init__(self, out_dir: str | Path, fingerprint: str, *, reset: bool = False):
        self.dir = Path(out_dir) / STATE_DIRNAME
        self.path = self.dir / STATE_FILENAME
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            try:
                self.db = self._open()
            except sqlite3.DatabaseError as e:  # a corrupt or foreign file is only a cache: start again
                import logging

                logging.getLogger(__name__).warning("%s: unreadable build state (%s); starting a fresh one",
                                                    self.path, e)
                for suffix in ("", "-wal", "-shm"):
                    Path(str(self.path) + suffix).unlink(missing_ok=True)
                self.db = self._open()
        except (OSError, sqlite3.DatabaseError) as e:
            raise OutputError(f"{self.path}: cannot write the build state ({e})") from e
        try:
            with output_errors(self.path, "write the build state"):
                self.db.execute("BEGIN")
                if self._meta("fingerprint") != fingerprint or reset:
                    self.db.execute("DELETE FROM docs")
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
                self.run = int(self._meta("run") or 0) + 1
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('run', ?)", (str(self.run),))
                self.db.execute("COMMIT")
                self._pending = 0
                self.db.execute("BEGIN")
        except OutputError:
            self.db.close()
            raise

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.execute("CREATE TABLE IF NOT EXISTS docs (doc_id TEXT PRIMARY KEY, hash TEXT NOT NULL, "
                       "run INTEGER NOT NULL, payload BLOB NOT NULL)")
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    # ---------------------------------------------------------------------------------------------- per article
    @_guarded
    def lookup(self, doc_id: str, key: str) -> bool:
        """True when ``doc_id`` was extracted from the same content (``key``: a hash of the article's raw text
        and metadata, see :func:`kg.build.article_key`); then marks it as seen in this run."""
        row = self.db.execute("SELECT hash FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None or row[0] != key:
            return False
        self.db.execute("UPDATE docs SET run = ? WHERE doc_id = ?", (self.run, doc_id))
        self._tick()
        return True

    @_guarded
    def put(self, doc_id: str, key: str, payload: bytes) -> None:
        """Store the extraction of an article (``payload``: :func:`encode_extraction`; ``key`` as in
        :meth:`lookup`); seen in this run."""
        self.db.execute("INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?)", (doc_id, key, self.run, payload))
        self._tick()

    def _tick(self) -> None:
        self._pending += 1
        if self._pending >= BATCH:
            self.commit()

    @_guarded
    def commit(self) -> None:
        self.db.execute("COMMIT")
        self._pending = 0
        self.db.execute("BEGIN")

    @_guarded
    def withdraw_unseen(self) -> int:
        """Delete the rows of articles not seen in this run; returns how many."""
        n = self.db.execute("DELETE FROM docs WHERE run != ?", (self.run,)).rowcount
        self.commit()
        return n

    @_guarded_iter
    def extractions(self, *, mentions: bool = True) -> Iterator[DocExtraction]:
        """Every article of this run, in doc_id order (what :func:`kg.graph.build_graph` expects)."""
        self.commit()
        cur = self.db.cursor()  # a separate cursor: rows stream, they are not loaded all at once
        for (blob,) in cur.execute("SELECT payload FROM docs WHERE run = ? ORDER BY doc_id", (self.run,)):
            yield decode_extraction(blob, mentions=mentions)

    @_guarded
    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM docs WHERE run = ?", (self.run,)).fetchone()[0]

    @_guarded
    def close(self) -> None:
        try:
            if self.db.in_transaction:
                self.db.execute("COMMIT")
        finally:
            self.db.close()

    def __enter__(self) -> "BuildState":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
