"""The persistent SPARQL store of a build: an embedded Oxigraph (pyoxigraph) store in ``OUT/store``.

Why Oxigraph: on a synthetic 1M-triple graph in our vocabulary (``bench/bench_store.py``) it loads Turtle,
serialises and answers a two-hop GROUP BY one to two orders of magnitude faster than rdflib's in-memory store
(the README quotes the figures). rdflib stays the API where the code *builds* graphs (``kg.rdf.triples``); this module
only takes the Turtle that stage wrote.

- :func:`streamed_store` (what ``kg build`` uses) loads the Turtle *as it is written*: the writer hands each
  piece of the document to the store too (:func:`kg.rdf.turtle.write_turtle_stream`'s ``tee``), and a background
  thread bulk-loads it in slices of :data:`SLICE_BYTES`, so ``graph.ttl`` is never read back or parsed into
  Python objects, the load overlaps the writing, and the loader's memory is bounded by a slice.
  :func:`write_store` loads a Turtle file that already exists.
- Either builds a fresh store next to the target, then swaps it in with one
  atomic ``renameat2(RENAME_EXCHANGE)`` (Linux), so a crash at any point leaves either the old or the new store
  in ``OUT/store``. Where the exchange is not available the swap takes two renames; a crash between them leaves
  the old store in ``.store.old-*/``, which the next :func:`write_store` puts back first (and meanwhile
  :func:`open_store` falls back to ``graph.ttl``). Leftover temporary folders of killed builds are removed.
- :func:`open_store` opens it read-only for queries (in a build output folder: the store of its current
  generation, :mod:`kg.output`); when ``store/`` is missing but ``graph.ttl`` exists it loads the Turtle into an
  in-memory store and logs a warning.
- ``kg build`` writes its store into a fresh generation folder (nothing to swap there); a ``store_dir`` that is
  a symbolic link (``OUT/store``) is written through: the store of the current generation is replaced.
"""
from __future__ import annotations

import itertools
import logging
import os
import queue
import shutil
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox

from kg.errors import OutputError

log = logging.getLogger(__name__)

STORE_DIRNAME = "store"
GRAPH_FILENAME = "graph.ttl"


# Oxigraph's bulk loader holds ~0.8 KB per triple while it sorts (1.3M triples: 1 GB). Above this size the
# Turtle is loaded in slices of SLICE_TRIPLES (1.3M triples: 280 MB, about twice the time).
BULK_LOAD_MAX_BYTES = 64 * 2**20
SLICE_TRIPLES = 250_000
# A build's store is loaded from the Turtle being written in slices of this many bytes (~45k triples of our
# Turtle): one slice waits while the one before is loaded. Slices of 1 to 8 MiB load 1M triples in about the
# same time; small ones let the load overlap the writing of a small graph too, and bound the loader's memory.
SLICE_BYTES = 2 * 2**20


def load_turtle(turtle_path: str | os.PathLike, store: ox.Store | None = None) -> ox.Store:
    """Load a Turtle file into ``store`` (a new in-memory store when None) and return the store; memory stays
    bounded for large files (loaded in slices)."""
    store = ox.Store() if store is None else store
    try:
        if os.path.getsize(turtle_path) <= BULK_LOAD_MAX_BYTES:
            store.bulk_load(path=str(turtle_path), format=ox.RdfFormat.TURTLE)
        else:
            load_ntriples_slices(store, ox.parse(path=str(turtle_path), format=ox.RdfFormat.TURTLE))
    except SyntaxError as e:
        raise OutputError(f"{turtle_path}: not valid Turtle: {e}") from e
    except OSError as e:
        raise OutputError(f"{turtle_path}: cannot read: {e.strerror or e}") from e
    return store


def write_store(turtle_path: str | os.PathLike, store_dir: str | os.PathLike) -> int:
    """Build ``store_dir`` as an Oxigraph store holding the triples of ``turtle_path``; return the triple count.

    The store is built in a temporary sibling folder and renamed into place; a previous store is removed only
    once the new one is complete.

    Examples
    --------
    >>> write_store("out/graph.ttl", "out/store")  # doctest: +SKIP
    2417
    """
    turtle_path = Path(turtle_path)
    if not turtle_path.is_file():
        raise OutputError(f"{turtle_path}: no such file")
    return build_store(store_dir, lambda store: load_turtle(turtle_path, store))


def load_ntriples_slices(store: ox.Store, triples: Iterable[ox.Triple]) -> None:
    """Bulk-load ``triples`` (any order, duplicates allowed) slice by slice: memory stays bounded."""
    it = iter(triples)
    while data := ox.serialize(itertools.islice(it, SLICE_TRIPLES), format=ox.RdfFormat.N_TRIPLES):
        store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)


def build_store(store_dir: str | os.PathLike, fill: Callable[[ox.Store], object]) -> int:
    """A fresh store filled by ``fill(store)`` in a temporary sibling folder, then swapped into ``store_dir``
    atomically (see the module notes); returns the triple count."""
    with _new_store(store_dir) as new:
        try:
            fill(new.store)
        except OSError as e:
            raise OutputError(f"{store_dir}: cannot write the store: {e.strerror or e}") from e
    return new.triples


@contextmanager
def streamed_store(store_dir: str | os.PathLike) -> Iterator["TurtleFeed"]:
    """Build ``store_dir`` from a Turtle document handed to the yielded :class:`TurtleFeed` piece by piece while
    it is written (as :func:`kg.rdf.turtle.write_turtle_stream`'s ``tee``); the store is swapped in when the block
    ends without error, as :func:`write_store` does, and removed otherwise (what the block raised goes through
    unchanged). ``feed.triples`` then holds the triple count.

    Examples
    --------
    >>> with streamed_store("out/store") as feed:  # doctest: +SKIP
    ...     write_turtle_stream(triples, "out/graph.ttl", tee=feed)
    """
    with _new_store(store_dir) as new:
        feed = TurtleFeed(new.store, store_dir)
        try:
            yield feed
        except BaseException:
            feed.abort()
            raise
        feed.finish()
    feed.triples = new.triples


class TurtleFeed:
    """Loads a Turtle document handed over piece by piece (each piece ends where a statement ends; the first
    holds the ``@prefix`` lines, which are put again before every later slice) into ``store``: the pieces are
    gathered into slices of about :data:`SLICE_BYTES`, and a background thread bulk-loads each slice while the
    next one is written (pyoxigraph releases the GIL while it loads). Call it with each piece, then
    :meth:`finish` (or :meth:`abort`)."""

    def __init__(self, store: ox.Store, store_dir: str | os.PathLike = "store"):
        self.store: ox.Store | None = store
        self.store_dir = store_dir
        self.triples = 0
        self._header: bytes | None = None
        self._pending: list[bytes] = []
        self._size = 0
        self._error: BaseException | None = None
        self._aborted = False
        self._slices: queue.Queue = queue.Queue(maxsize=1)  # one slice waits while one is loaded
        self._thread = threading.Thread(target=self._load, name="kg-store-load", daemon=True)
        self._thread.start()

    def __call__(self, piece: bytes) -> None:
        self._raise_error()  # the store failed (a full disk): stop the writer now, not at the end
        if self._header is None:
            end = 0
            while piece.startswith(b"@prefix ", end):
                end = piece.index(b"\n", end) + 1
            self._header = piece[:end]
        self._pending.append(piece)
        self._size += len(piece)
        if self._size >= SLICE_BYTES:
            self._send()

    def _send(self) -> None:
        data = b"".join(self._pending)
        if not data.startswith(b"@prefix "):
            data = self._header + data
        self._pending.clear()
        self._size = 0
        self._slices.put(data)

    def _load(self) -> None:
        while (data := self._slices.get()) is not None:
            if self._error is None and not self._aborted:
                try:
                    self.store.bulk_load(data, format=ox.RdfFormat.TURTLE)
                except BaseException as e:  # noqa: BLE001 - raised in the writing thread
                    self._error = e

    def _stop(self) -> None:
        if self._thread.is_alive():
            self._slices.put(None)
            self._thread.join()
        self.store = None

    def _raise_error(self) -> None:
        e = self._error
        if e is None:
            return
        if isinstance(e, SyntaxError):
            raise OutputError(f"{self.store_dir}: the Turtle handed to the store is not valid: {e}") from e
        if isinstance(e, OSError):
            raise OutputError(f"{self.store_dir}: cannot write the store: {e.strerror or e}") from e
        raise e

    def finish(self) -> None:
        """Load what is left and wait for the loader; raise what it met."""
        if self._pending and self._error is None:
            self._send()
        self._stop()
        self._raise_error()

    def abort(self) -> None:
        """Stop loading (the store is being thrown away)."""
        self._aborted = True  # a slice still queued is not loaded
        self._pending.clear()
        self._stop()


class _NewStore:
    def __init__(self, store: ox.Store):
        self.store: ox.Store | None = store
        self.triples = 0


@contextmanager
def _new_store(store_dir: str | os.PathLike) -> Iterator[_NewStore]:
    """A fresh store (``new.store``) in a temporary sibling folder of ``store_dir``, swapped into ``store_dir``
    when the block ends without error (see the module notes; ``new.triples`` then holds the triple count) and
    removed otherwise; what the block raises goes through unchanged. The block keeps no reference to the
    store: pyoxigraph closes the database when the object goes away."""
    store_dir = Path(store_dir)
    if store_dir.is_symlink():  # OUT/store: the store of the current generation is replaced (atomically)
        store_dir = Path(os.path.realpath(store_dir))
    parent = store_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    _recover(store_dir)
    tmp = Path(tempfile.mkdtemp(prefix=f".{store_dir.name}.tmp-", dir=parent))
    new = None
    try:
        try:
            from kg.io import current_umask

            os.chmod(tmp, 0o777 & ~current_umask())  # mkdtemp makes 0700; outputs get the usual permissions
            new = _NewStore(ox.Store(str(tmp)))
        except OSError as e:
            raise OutputError(f"{store_dir}: cannot write the store: {e.strerror or e}") from e
        yield new
        try:
            store, new.store = new.store, None
            store.flush()
            store.optimize()
            new.triples = len(store)
            del store  # pyoxigraph closes the database when the object goes away
            from kg.io import fsync_dir

            if store_dir.exists() and _exchange(tmp, store_dir):
                fsync_dir(parent)  # tmp now holds the old store, removed below
            else:
                old = None
                if store_dir.exists():
                    old = Path(tempfile.mkdtemp(prefix=f".{store_dir.name}.old-", dir=parent))
                    os.replace(store_dir, old / store_dir.name)
                os.replace(tmp, store_dir)
                fsync_dir(parent)
                if old is not None:
                    shutil.rmtree(old, ignore_errors=True)
        except OSError as e:
            raise OutputError(f"{store_dir}: cannot write the store: {e.strerror or e}") from e
    finally:
        if new is not None:
            new.store = None
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    log.debug("store %s: %d triples", store_dir, new.triples)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux ``renameat2(RENAME_EXCHANGE)``); False where that is not available."""
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    AT_FDCWD, RENAME_EXCHANGE = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0


def _recover(store_dir: Path) -> None:
    """Undo what a killed :func:`write_store` left: put a moved-away old store back, remove temporary folders.
    Only called by a build, which holds the output folder's lock."""
    parent, name = store_dir.parent, store_dir.name
    if not store_dir.exists():
        olds = sorted(parent.glob(f".{name}.old-*/{name}"), key=lambda p: p.stat().st_mtime, reverse=True)
        if olds:
            os.replace(olds[0], store_dir)
            from kg.io import fsync_dir

            fsync_dir(parent)
            log.warning("%s: restored the previous store left by an interrupted build", store_dir)
    for leftover in [*parent.glob(f".{name}.tmp-*"), *parent.glob(f".{name}.old-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def open_store(out_dir: str | os.PathLike) -> ox.Store:
    """Open the store of a build output folder (its current generation, :mod:`kg.output`) for reading.

    ``out_dir`` may also be a store folder itself or a Turtle file. Without ``OUT/store`` but with
    ``OUT/graph.ttl`` the Turtle is loaded into memory (slower; a warning says so).
    """
    out = Path(out_dir)
    if out.is_file():
        return load_turtle(out)
    from kg.output import current_generation

    out = current_generation(out)  # once: the store and the Turtle of the same build
    store_dir = out / STORE_DIRNAME
    if not store_dir.is_dir() and (out / "CURRENT").exists():  # given the store folder itself
        store_dir = out
    if store_dir.is_dir():
        try:
            return ox.Store.read_only(str(store_dir))
        except OSError as e:
            if not (out / GRAPH_FILENAME).is_file():
                raise OutputError(f"{store_dir}: cannot open the store: {e}") from e
            log.warning("%s cannot be opened (%s); loading %s into memory instead", store_dir, e, GRAPH_FILENAME)
            return load_turtle(out / GRAPH_FILENAME)
    if (out / GRAPH_FILENAME).is_file():
        log.warning("%s has no %s/; loading %s into memory (rebuild with `kg build` for a persistent store)",
                    out, STORE_DIRNAME, GRAPH_FILENAME)
        return load_turtle(out / GRAPH_FILENAME)
    if not out.exists():
        raise OutputError(f"{out}: no such folder")
    raise OutputError(f"{out}: not a build output (neither {STORE_DIRNAME}/ nor {GRAPH_FILENAME}); run `kg build`")
