"""A build output folder holds one generation: readers see the whole of one build, never parts of two.

Layout of ``OUT/`` (POSIX symbolic links; Windows is not supported)::

    graph.ttl    -> .generations/current/graph.ttl      the names users, scripts and browsers open
    graph.html   -> .generations/current/graph.html
    store        -> .generations/current/store
    summary.json -> .generations/current/summary.json
    .generations/current -> 7                           the one pointer a build switches
    .generations/7/   graph.ttl store/ graph.html summary.json   (the published build)
    .generations/6/   the build before it, kept until the next build is published
    state/            the incremental cache (kg.state), not part of a generation
    .lock

A build writes its outputs into a fresh generation folder (:func:`new_generation`), flushes it to disk, then
replaces ``.generations/current`` with one atomic rename of a new link. A build that dies or fails before that
rename leaves the previous generation published; its half-written folder is removed by the next build. Readers
call :func:`current_generation` once and read every file from the folder it returns, so a build published
meanwhile cannot give them a mix. After the switch, generations other than the new one and the one it replaced
are removed (the one replaced stays for the readers that resolved it before the switch).

An output folder of an older ParkKG (plain files, no ``.generations/current``) is read as it is. The next build
first adopts those files as generation 0 (hard links: nothing is moved), publishes it and puts the links in
place of the files, so that readers still see the same build; then it publishes its own generation as usual.
"""
from __future__ import annotations

import errno
import logging
import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from kg.errors import OutputError, printable
from kg.io import fsync_dir

log = logging.getLogger(__name__)

GENERATIONS = ".generations"
CURRENT = "current"
#: What a generation holds (each optional: ``--no-html``, ``--no-store``); OUT holds a link of the same name.
OUTPUT_NAMES = ("graph.ttl", "store", "graph.html", "summary.json")


def current_generation(out: str | os.PathLike) -> Path:
    """The folder holding the build published in ``out``: its current generation, or ``out`` itself when it
    has none (an output folder of an older ParkKG, a generation folder, a file). Resolve once, then read every
    file of the build from the folder returned."""
    out = Path(out)
    try:
        return out / GENERATIONS / os.readlink(out / GENERATIONS / CURRENT)
    except OSError:  # no link (not a folder, older layout) or not a link
        return out


def _numbers(generations: Path) -> list[int]:
    """The numbers of the generation folders in ``generations`` (published or not), ascending."""
    try:
        return sorted(int(p.name) for p in generations.iterdir() if p.name.isdigit() and not p.is_symlink())
    except FileNotFoundError:
        return []


def _current_number(generations: Path) -> int | None:
    try:
        target = os.readlink(generations / CURRENT)
    except OSError:
        return None
    return int(target) if target.isdigit() else None


def remove_leftovers(out: str | os.PathLike) -> None:
    """What killed or failed builds left in ``out``: temporary files and links, the store folders an older
    ParkKG was swapping, and every generation folder but the current one and the one before it (a build that
    died before publishing left a folder numbered above the current one). Call only while holding the lock."""
    out = Path(out)
    for p in [*out.glob(".*.tmp"), *out.glob(".store.tmp-*"), *out.glob(".store.old-*")]:
        _remove(p)
    generations = out / GENERATIONS
    for p in generations.glob(".*.tmp"):
        _remove(p)
    current = _current_number(generations)
    numbers = _numbers(generations)
    keep = {current, max((n for n in numbers if current is not None and n < current), default=None)}
    _prune(generations, numbers, keep)
    for n in keep - {None}:
        for p in (generations / str(n)).glob(".*.tmp"):  # e.g. a `kg view -o OUT/graph.html` that was killed
            _remove(p)


def _remove(p: Path) -> None:
    if p.is_dir() and not p.is_symlink():
        shutil.rmtree(p, ignore_errors=True)
    else:
        p.unlink(missing_ok=True)


def _prune(generations: Path, numbers: list[int], keep: set[int | None]) -> None:
    """Remove the generation folders not in ``keep`` (left for the next build where removal fails)."""
    for n in numbers:
        if n not in keep:
            shutil.rmtree(generations / str(n), ignore_errors=True)


@contextmanager
def new_generation(out: str | os.PathLike) -> Iterator[Path]:
    """A fresh, empty generation folder for a build's outputs. When the block ends without error the generation
    is flushed to disk and published (:func:`publish`); when it (or the publishing, up to the switch) raises,
    the folder is removed and what was published before stays. Call only while holding the lock."""
    out = Path(out)
    generations = out / GENERATIONS
    generations.mkdir(exist_ok=True)
    if _current_number(generations) is None:
        _adopt_older_layout(out, generations)
    folder = generations / str(max(_numbers(generations), default=0) + 1)
    folder.mkdir()
    try:
        yield folder
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    publish(out, folder)


def _adopt_older_layout(out: Path, generations: Path) -> None:
    """The outputs of an older ParkKG, plain files in ``out``, become generation 0: a copy made of hard links
    (plain copies where the file system has none), published, and the files replaced by links to it. Readers
    see the same build before, during and after."""
    names = [name for name in OUTPUT_NAMES if (out / name).exists() and not (out / name).is_symlink()]
    if not names:
        return
    folder = generations / "0"
    _remove(folder)  # what an adoption that was killed left
    folder.mkdir()
    for name in names:
        if (out / name).is_dir():
            shutil.copytree(out / name, folder / name, copy_function=_link_or_copy)
            fsync_dir(folder / name)
        else:
            _link_or_copy(out / name, folder / name)
    publish(out, folder)
    log.debug("adopted the outputs of %s as generation 0", printable(str(out)))


def _link_or_copy(src: str | os.PathLike, dst: str | os.PathLike) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def publish(out: Path, folder: Path) -> None:
    """Make generation ``folder`` (inside ``out/.generations``) the one readers see: one atomic rename of the
    ``current`` link, after the folder and its files are on disk; then the links of :data:`OUTPUT_NAMES` and the
    removal of old generations. Where it fails before the switch, ``folder`` is removed."""
    generations = folder.parent
    previous = _current_number(generations)
    tmp = generations / f".{CURRENT}.{os.getpid()}.tmp"
    try:
        fsync_dir(folder)
        fsync_dir(generations)
        tmp.unlink(missing_ok=True)
        _symlink(folder.name, tmp)
        os.replace(tmp, generations / CURRENT)  # the switch: every reader from now on sees this generation
    except BaseException:
        tmp.unlink(missing_ok=True)
        shutil.rmtree(folder, ignore_errors=True)
        raise
    fsync_dir(generations)
    _link_outputs(out, folder)
    _prune(generations, _numbers(generations), {int(folder.name), previous})


def _symlink(target: str, link: Path) -> None:
    try:
        os.symlink(target, link)
    except OSError as e:
        if e.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS):
            raise
        raise OutputError(f"{link.parent}: cannot publish the build: this file system does not take symbolic "
                          f"links ({e.strerror or e}); the output folder needs a POSIX file system") from e


def _link_outputs(out: Path, folder: Path) -> None:
    """``out/NAME -> .generations/current/NAME`` for each output the generation holds (made once, then left
    alone); any other thing under such a name (the plain files of an older layout, a link to an output this
    build did not write) is removed, so that nothing of another build is left under a stable name."""
    changed = False
    for name in OUTPUT_NAMES:
        link = out / name
        target = f"{GENERATIONS}/{CURRENT}/{name}"
        if not (folder / name).exists():
            if link.is_symlink() or link.exists():
                _remove(link)
                changed = True
            continue
        if link.is_symlink() and os.readlink(link) == target:
            continue
        changed = True
        tmp = out / f".{name}.link.tmp"
        tmp.unlink(missing_ok=True)
        _symlink(target, tmp)
        if link.is_dir() and not link.is_symlink():  # the store folder of an older layout: out of the way first
            old = out / f".{name}.old-{os.getpid()}"
            os.replace(link, old)
            os.replace(tmp, link)
            _remove(old)
        else:
            os.replace(tmp, link)
        log.debug("linked %s", printable(str(link)))
    if changed:
        fsync_dir(out)
