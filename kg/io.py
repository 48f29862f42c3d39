"""Files written whole or not at all: atomic writes, the process umask, fsync of a folder after renames.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator


from kg.errors import OutputError



def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def fsync_dir(folder: str | os.PathLike) -> None:
    """Flush ``folder``'s entries (a rename into it) to disk. Where a system or file system cannot fsync a
    folder (Windows, some network file systems) this does nothing; a real I/O error is raised (OSError)."""
    import errno

    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as e:
        if e.errno in (errno.EACCES, errno.EPERM, errno.EISDIR, errno.ENOTDIR, errno.EINVAL):
            return
        raise
    try:
        os.fsync(fd)
    except OSError as e:
        if e.errno not in (errno.EINVAL, errno.EBADF, errno.ENOTSUP, errno.EROFS, errno.EACCES, errno.EPERM):
            raise
    finally:
        os.close(fd)


@contextmanager
def atomic_output(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary file that replaces ``path`` only once it is completely written (temporary file in the same
    folder, fsync, usual permissions, rename); on any error the temporary file is removed and ``path`` kept.
    A symbolic link is written through: its target is replaced (``OUT/graph.html`` is the current generation's).
    Operating-system errors (disk full, permissions) become one :class:`OutputError` naming the file."""
    path = Path(path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from e
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~current_umask())  # mkstemp makes 0600; outputs get the usual permissions
        os.replace(tmp, target)
        fsync_dir(target.parent)  # the rename itself on disk: a power cut cannot take back a finished output
    except BaseException as e:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(e, OSError):
            raise OutputError(f"cannot write {path}: {e.strerror or e}") from e
        raise


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_output`)."""
    with atomic_output(path) as f:
        f.write(data)


def write_atomic_files(folder: str | os.PathLike, files: dict[str, bytes]) -> list[Path]:
    """Write ``files`` (name → bytes) into ``folder``, all or none: each is written whole into a temporary
    folder inside ``folder`` first, and renamed into place only once every one is; on any error the temporary
    folder is removed and the files already in ``folder`` are kept. Returns the paths written, in order."""
    import shutil

    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".files-", suffix=".tmp", dir=folder))
    except OSError as e:
        raise OutputError(f"cannot write {folder}: {e.strerror or e}") from e
    try:
        for name, data in files.items():
            with open(tmp / name, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp / name, 0o666 & ~current_umask())
        for name in files:
            os.replace(tmp / name, folder / name)
        fsync_dir(folder)
    except OSError as e:
        raise OutputError(f"cannot write {folder / name}: {e.strerror or e}") from e
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return [folder / name for name in files]
