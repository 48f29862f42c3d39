"""Resident memory of a process tree, sampled in a background thread (psutil; RSS summed over the process and
its children, an upper bound when forked workers share pages)."""
from __future__ import annotations

import threading
import time


class TreeMemory:
    """``with TreeMemory(pid) as m: ...`` then ``m.peak`` (bytes) and ``m.samples`` [(seconds, bytes)]."""

    def __init__(self, pid: int, every: float = 0.05):
        self.pid, self.every = pid, every
        self.samples: list[tuple[float, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def peak(self) -> int:
        return max((r for _, r in self.samples), default=0)

    def _run(self) -> None:
        try:
            import psutil
        except ImportError:  # no psutil: no samples (callers fall back to getrusage)
            return
        t0 = time.perf_counter()
        try:
            proc = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            total = 0
            try:
                for p in [proc, *proc.children(recursive=True)]:
                    total += p.memory_info().rss
            except psutil.Error:
                pass
            if total:
                self.samples.append((time.perf_counter() - t0, total))
            self._stop.wait(self.every)

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
