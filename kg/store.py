"""The persistent SPARQL store of a build: an embedded Oxigraph (pyoxigraph) store in ``OUT/store``.

Why Oxigraph: on a synthetic 1M-triple graph in our vocabulary (``bench/bench_store.py``) it loads Turtle,
serialises and answers a two-hop GROUP BY one to two orders of magnitude faster than rdflib's in-memory store
(the README quotes the figures). rdflib stays the API where the code *builds* graphs (``kg.export``); this module
only takes the Turtle that stage wrote.

- :func:`write_store` builds a fresh store next to the target, bulk-loads the Turtle, then swaps it in with one
  atomic ``renameat2(RENAME_EXCHANGE)`` (Linux), so a crash at any point leaves either the old or the new store
  in ``OUT/store``. Where the exchange is not available the swap takes two renames; a crash between them leaves
  the old store in ``.store.old-*/``, which the next :func:`write_store` puts back first (and meanwhile
  :func:`open_store` falls back to ``graph.ttl``). Leftover temporary folders of killed builds are removed.
- :func:`open_store` opens it read-only for queries; when ``store/`` is missing but ``graph.ttl`` exists it
  loads the Turtle into an in-memory store and logs a warning.
"""
from __future__ import annotations

import itertools
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Iterable

import pyoxigraph as ox

from kg.errors import OutputError

log = logging.getLogger(__name__)

STORE_DIRNAME = "store"
GRAPH_FILENAME = "graph.ttl"


# Oxigraph's bulk loader holds ~0.8 KB per triple while it sorts (1.3M triples: 1 GB). Above this size the
# Turtle is loaded in slices of SLICE_TRIPLES (1.3M triples: 280 MB, about twice the time).
BULK_LOAD_MAX_BYTES = 64 * 2**20
SLICE_TRIPLES = 250_000


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
    store_dir = Path(store_dir)
    parent = store_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    _recover(store_dir)
    tmp = Path(tempfile.mkdtemp(prefix=f".{store_dir.name}.tmp-", dir=parent))
    try:
        from kg.export import current_umask

        os.chmod(tmp, 0o777 & ~current_umask())  # mkdtemp makes 0700; outputs get the usual permissions
        store = ox.Store(str(tmp))
        fill(store)
        store.flush()
        store.optimize()
        n = len(store)
        del store  # pyoxigraph closes the database when the object goes away
        if store_dir.exists() and _exchange(tmp, store_dir):
            pass  # tmp now holds the old store, removed below
        else:
            old = None
            if store_dir.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{store_dir.name}.old-", dir=parent))
                os.replace(store_dir, old / store_dir.name)
            os.replace(tmp, store_dir)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
    except OSError as e:
        raise OutputError(f"{store_dir}: cannot write the store: {e.strerror or e}") from e
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    log.debug("store %s: %d triples", store_dir, n)
    return n


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
            log.warning("%s: restored the previous store left by an interrupted build", store_dir)
    for leftover in [*parent.glob(f".{name}.tmp-*"), *parent.glob(f".{name}.old-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def open_store(out_dir: str | os.PathLike) -> ox.Store:
    """Open the store of a build output folder for reading.

    ``out_dir`` may also be a store folder itself or a Turtle file. Without ``OUT/store`` but with
    ``OUT/graph.ttl`` the Turtle is loaded into memory (slower; a warning says so).
    """
    out = Path(out_dir)
    if out.is_file():
        return load_turtle(out)
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
