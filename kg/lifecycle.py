"""Child processes of ``kg build`` end with it, and never keep its ``OUT/.lock``.

A worker forked by a build inherits the lock file's descriptor, and with it the lock (``flock`` belongs to the
open file, shared across ``fork``): if the build was killed (SIGKILL, no cleanup), a worker left alive under
init kept every later build of that folder out. So each child, first thing:

- closes its copies of the lock descriptors (:data:`HELD_LOCKS`; the parent's lock is unaffected);
- asks Linux to kill it when its parent dies (``prctl(PR_SET_PDEATHSIG, SIGKILL)``), and, everywhere, watches
  its parent from a thread and exits once it is gone.
"""
from __future__ import annotations

import os
import sys
import threading

#: File descriptors of the ``OUT/.lock`` files this process holds (see :func:`kg.build._lock`).
HELD_LOCKS: set[int] = set()
#: How often (seconds) a child checks that its parent is still there (where PR_SET_PDEATHSIG does not exist).
POLL_SECONDS = 1.0


def child_of_build(parent_pid: int) -> None:
    """Call first thing in a process started by a build whose pid is ``parent_pid``."""
    for fd in list(HELD_LOCKS):
        try:
            os.close(fd)
        except OSError:
            pass
    HELD_LOCKS.clear()
    _die_with_parent()
    if os.getppid() != parent_pid:  # the parent died before the line above took effect
        os._exit(1)
    threading.Thread(target=_watch, args=(parent_pid,), name="kg-parent-watch", daemon=True).start()


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _watch(parent_pid: int) -> None:
    import time

    while True:
        time.sleep(POLL_SECONDS)
        if os.getppid() != parent_pid:
            os._exit(1)


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` exists (a zombie counts as gone)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    try:  # Linux: a zombie has ended, whatever its parent has not collected yet
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True
