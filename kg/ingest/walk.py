"""Finding the inputs: files and folders walked lazily in sorted order, unique doc_ids. What is not read (hidden
entries, ParkKG output folders, files of a type ParkKG does not read) is reported with the reason, a folder once.
"""
from __future__ import annotations

import errno
import logging
import os
import stat
from typing import Callable, Iterable, Iterator

from kg.errors import InputError, printable
from kg.records import Article
from kg.ingest.read import DEFAULT_MAX_BYTES, MANY_ARTICLE_KINDS, _kind_of, _os_problem, _read_file, _unicode_name, \
    iter_jsonl, source_name
from kg.ingest.tables import iter_table


log = logging.getLogger(__name__)
# Walking inputs
# ---------------------------------------------------------------------------------------------------------------

class _DocIds:
    """Unique doc_ids, deterministic for a given input order: the stem, else the relative path, else ``~n``."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def take(self, *candidates: str | Callable[[], str]) -> str:
        """The first unused candidate (callables are called only when reached)."""
        c = ""
        for cand in candidates:
            c = cand() if callable(cand) else cand
            if c and c not in self._used:
                self._used.add(c)
                return c
        base = c or "doc"
        n = 2
        while f"{base}~{n}" in self._used:
            n += 1
        self._used.add(f"{base}~{n}")
        return f"{base}~{n}"


#: What marks a folder as a ParkKG output folder (``kg build -o``): its build state, or its graph and summary.
OUTPUT_MARKERS = ((("state", "extractions.sqlite"),), (("graph.ttl",), ("summary.json",)),
                  ((".generations", "current", "summary.json"),))
OUTPUT_FOLDER_REASON = "a ParkKG output folder (a build's outputs are never read back as input)"
THIS_OUTPUT_FOLDER_REASON = "this build's output folder (never read back as input)"
HIDDEN_REASON = 'hidden (its name starts with ".")'
# formats ParkKG does not read whose newer form it does
_SAVE_AS = {".doc": ".docx", ".wps": ".docx", ".rtf": ".docx", ".xls": ".xlsx", ".et": ".xlsx"}


def _unsupported(path: str) -> str:
    """Why a file found in a folder is not read: its type (``photo.jpg: unsupported file type .jpg``)."""
    suffix = os.path.splitext(path)[1].lower()
    if not suffix:
        return "unsupported file type (no suffix)"
    return f"unsupported file type {suffix}" + (f" (save it as {_SAVE_AS[suffix]})" if suffix in _SAVE_AS else "")


def is_output_folder(folder: str | os.PathLike) -> bool:
    """True when ``folder`` holds what ``kg build`` writes (:data:`OUTPUT_MARKERS`): its graph.html must not
    become an article of a build whose input folder holds it."""
    return any(all(os.path.isfile(os.path.join(folder, *parts)) for parts in marker) for marker in OUTPUT_MARKERS)


def _skipped_folder(folder: str, st: os.stat_result, skip: set[tuple[int, int]]) -> str | None:
    """Why folder ``folder`` is not read (an output folder), or None."""
    if (st.st_dev, st.st_ino) in skip:
        return THIS_OUTPUT_FOLDER_REASON
    try:
        return OUTPUT_FOLDER_REASON if is_output_folder(folder) else None
    except (OSError, ValueError):
        return None


def _folder_keys(folders: Iterable[str | os.PathLike]) -> set[tuple[int, int]]:
    keys = set()
    for f in folders:
        try:
            st = os.stat(f)
        except (OSError, ValueError):
            continue
        keys.add((st.st_dev, st.st_ino))
    return keys


def _walk(root: str, on_error: Callable[[InputError], None],
          skip: set[tuple[int, int]] = frozenset()) -> Iterator[tuple[str, os.stat_result]]:
    """The files under folder ``root`` that ParkKG reads: depth first, entries sorted by name, lazily. What is
    not read is passed to ``on_error`` with the reason: hidden entries, output folders (``skip``, and any
    :func:`is_output_folder`; once, not file by file), other files (their type, or not a regular file)."""
    try:
        st = os.stat(root)
    except OSError as e:
        on_error(InputError(root, _os_problem(e)))
        return
    why = _skipped_folder(root, st, skip)
    if why is not None:
        on_error(InputError(root, why))
        return
    stack: list[tuple[Iterator[str], set[tuple[int, int]]]] = []

    def listing(folder: str) -> Iterator[tuple[str, bool | None]] | None:
        """(path, is a folder: from the listing, without a stat; None when unknown) of each entry."""
        try:
            with os.scandir(folder) as it:
                entries = sorted((e.name, _entry_is_dir(e)) for e in it)
        except OSError as e:
            on_error(InputError(folder, _os_problem(e)))
            return None
        return ((os.path.join(folder, n), d) for n, d in entries)

    first = listing(root)
    if first is None:
        return
    stack.append((first, {(st.st_dev, st.st_ino)}))
    while stack:
        it, ancestors = stack[-1]
        path, is_dir = next(it, (None, None))
        if path is None:
            stack.pop()
            continue
        if os.path.basename(path).startswith("."):
            on_error(InputError(path, HIDDEN_REASON))
            continue
        try:
            st = os.stat(path)
        except OSError as e:
            folder = os.path.dirname(path)
            if e.errno in (errno.EACCES, errno.EPERM) and not os.path.islink(path):
                # the folder can be listed but not entered (read permission without execute): one line for it
                on_error(InputError(folder, "permission denied (the folder can be listed but its files cannot be "
                                            "opened: no execute permission)"))
                stack[-1] = (iter(()), ancestors)
                continue
            if e.errno != errno.ENOENT or os.path.islink(path):  # (not a file deleted meanwhile)
                on_error(InputError(path, _os_problem(e)))
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in ancestors:
                on_error(InputError(path, "symlink loop (links back to an enclosing folder)"))
                continue
            why = _skipped_folder(path, st, skip)
            if why is not None:
                on_error(InputError(path, why))
                continue
            sub = listing(path)
            if sub is not None:
                stack.append((sub, ancestors | {key}))
        elif not stat.S_ISREG(st.st_mode):
            on_error(InputError(path, "not a regular file"))
        elif _kind_of(path, explicit=False):
            yield path, st
        else:
            on_error(InputError(path, _unsupported(path)))


def _entry_is_dir(entry: os.DirEntry) -> bool | None:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return None


def iter_articles(paths: Iterable[str | os.PathLike], *, on_error: Callable[[InputError], None],
                  max_bytes: int = DEFAULT_MAX_BYTES,
                  skip_folders: Iterable[str | os.PathLike] = ()) -> Iterator[Article]:
    """Every article under ``paths`` (files, folders; JSONL, CSV and Excel files hold many), lazily and in a
    deterministic order.

    Everything not read is passed to ``on_error`` once, with the reason, and skipped; nothing else is raised: a
    bad input (missing, unreadable, binary, empty, undecodable, too large, a malformed JSONL line or table row, a
    symlink loop), and in a folder a hidden entry, a file of another type (``photo.jpg: unsupported file type
    .jpg``) or a ParkKG output folder (``skip_folders``, the build's own ``OUT``, and any folder
    :func:`is_output_folder` recognises; one line for the folder, also for files given from inside one). Folders
    yield the files :data:`~kg.ingest.read.SUFFIX_KINDS` names, sorted by name at each level. doc_ids are unique:
    the file stem, else the path relative to the folder given, else ``<id>~<n>``. ``Article.source`` is
    :func:`source_name`: the folder's name and the path inside it, or the name of a file given by itself (so the
    outputs do not depend on where the corpus lives or on the working folder).
    """
    ids = _DocIds()
    skip = _folder_keys(skip_folders)
    seen: set[tuple[int, int]] = set()
    reported: set[tuple[str, str]] = set()

    def report(err: InputError) -> None:  # once each (a folder given twice, or a folder and one inside it)
        if (err.source, err.problem) not in reported:
            reported.add((err.source, err.problem))
            on_error(err)

    for p in paths:
        spath = os.fspath(p)
        try:
            st = os.stat(spath)
        except OSError as e:
            report(InputError(spath, _os_problem(e)))
            continue
        if stat.S_ISDIR(st.st_mode):
            files: Iterable[tuple[str, os.stat_result, str, bool]] = (
                (f, fst, spath, False) for f, fst in _walk(spath, report, skip))
        else:
            folder = os.path.dirname(spath) or "."
            try:
                why = _skipped_folder(folder, os.stat(folder), skip)
            except OSError:
                why = None
            if why is not None:
                report(InputError(folder, why))
                continue
            files = [(spath, st, os.path.dirname(spath), True)]
        for fpath, fst, root, explicit in files:
            key = (fst.st_dev, fst.st_ino)
            if key in seen:  # the same file twice (named twice, or through a symlink)
                log.debug("%s: already read, skipped", fpath)
                continue
            seen.add(key)
            source = source_name(fpath, None if explicit else root)
            yield from _read_any(fpath, fst, root, explicit, ids, report, max_bytes, source)


def _read_any(fpath: str, st: os.stat_result, root: str, explicit: bool, ids: _DocIds,
              on_error: Callable[[InputError], None], max_bytes: int, source: str) -> Iterator[Article]:
    kind = _kind_of(fpath, explicit)
    stem = _unicode_name(os.path.splitext(os.path.basename(fpath))[0])

    def rel() -> str:
        return _unicode_name(os.path.splitext(os.path.relpath(fpath, root or "."))[0].replace(os.sep, "/"))

    try:
        if kind in MANY_ARTICLE_KINDS:
            records = iter_jsonl if kind == "jsonl" else iter_table
            for art in records(fpath, on_error=on_error, max_bytes=max_bytes, source=source):
                doc_id = ids.take(art.doc_id, lambda: f"{rel()}/{art.doc_id}")
                if doc_id != art.doc_id:
                    log.warning("%s%s: duplicate id %r renamed %r", fpath, art.source[len(source):], art.doc_id,
                                doc_id)
                    art = _replace_id(art, doc_id)
                yield art
            return
        art = _read_file(fpath, kind or "text", stem, max_bytes, st, source=source)
    except InputError as e:
        on_error(e)
        return
    except Exception as e:  # noqa: BLE001 - one bad file must never stop a build of thousands
        log.debug("unexpected error reading %s", fpath, exc_info=True)
        on_error(InputError(fpath, f"internal error ({type(e).__name__}: {e})"))
        return
    doc_id = ids.take(stem, rel)
    if doc_id != stem:
        art = _replace_id(art, doc_id)
    yield art


def _replace_id(art: Article, doc_id: str) -> Article:
    from dataclasses import replace

    return replace(art, doc_id=doc_id, title=doc_id if art.title == art.doc_id else art.title)


def describe_error(err: BaseException) -> str:
    """One clean line for an ingest error: ``path: problem`` (control characters, newlines, ANSI escapes and lone
    surrogates escaped: :func:`kg.errors.printable`)."""
    msg = str(err) if isinstance(err, InputError) else f"{type(err).__name__}: {err}"
    return printable(msg)
