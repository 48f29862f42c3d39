"""``kg build``: articles in, knowledge graph out (Turtle, store, HTML view, summary).

The orchestration only: each stage lives in its own module. The outputs of a build are one generation
(:mod:`kg.output`): written into a fresh folder and published all at once, so a crash or a failed write never
leaves a half-written graph, nor the files of two builds side by side; the previous build stays until then.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg.errors import InputError, OutputError, output_errors, printable
from kg.rdf.assembly import Assembly, assemble
from kg.io import write_atomic
from kg.output import new_generation, remove_leftovers
from kg.rdf.turtle import write_turtle_stream
from kg.graph import summarise
from kg.records import Article

log = logging.getLogger(__name__)

#: The scratch database of the out-of-core graph assembly (kg.rdf.assembly), removed when the build ends.
ASSEMBLY_FILE = ".assembly.tmp"
#: What graph.html draws at most: entities (the most connected first; `kg view` draws any part of the graph),
#: evidence sentences per relation and articles per entity, within a budget for the whole page (a large graph
#: gets fewer per relation, at least one). The page states the totals.
VIEW_MAX_NODES = 10_000
VIEW_MAX_EVIDENCE = 20
VIEW_MAX_DOCS = 50
VIEW_EVIDENCE_BUDGET = 40_000
VIEW_DOCS_BUDGET = 30_000


@dataclass
class BuildReport:
    out_dir: Path
    summary: dict
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (source, reason)
    outputs: dict[str, str] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)        # seconds per stage (not in summary.json)
    counts: dict[str, int] = field(default_factory=dict)           # extracted / reused / withdrawn articles


def article_key(a: Article) -> str:
    """What an extraction depends on besides the pipeline: the raw text and the article's metadata."""
    h = hashlib.sha256()
    for part in (a.doc_id, a.source, a.title, a.url, a.date, a.raw):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


class _Timed:
    """Wraps an iterator and adds the time spent inside it to ``timings[name]``."""

    def __init__(self, it: Iterable, timings: dict[str, float], name: str):
        self.it, self.timings, self.name = iter(it), timings, name

    def __iter__(self):
        return self

    def __next__(self):
        t = time.perf_counter()
        try:
            return next(self.it)
        finally:
            self.timings[self.name] = self.timings.get(self.name, 0.0) + time.perf_counter() - t


def build(paths: list[str], out_dir: str | Path, *, html: bool = True, store: bool = True,
          on_error: Callable[[InputError], None] | None = None, progress: bool = False,
          jobs: int = 1, engine: str = "local", scheduler: str | None = None, full: bool = False,
          use_ner: bool | None = None) -> BuildReport:
    """Read ``paths``, extract what changed since the last build into ``out_dir`` (``full``: everything), and
    write the outputs. ``jobs``/``engine``/``scheduler`` choose where extraction runs; the result is the same.
    """
    from kg.state import BuildState, pipeline_fingerprint

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"{out}: cannot create the output folder ({e.strerror})") from e
    if use_ner is None:
        from kg.extract import ner_enabled

        use_ner = ner_enabled()
    skipped: list[tuple[str, str]] = []
    timings: dict[str, float] = {}
    counts = {"read": 0, "extracted": 0, "reused": 0, "withdrawn": 0}

    def record_error(err: InputError) -> None:
        skipped.append((err.source, err.problem))
        if on_error is not None:
            on_error(err)

    # a read-only folder or a full disk anywhere below (state, scratch database, outputs): one error line
    with output_errors(out, "write the build outputs"), _lock(out):
        remove_leftovers(out)
        with BuildState(out, pipeline_fingerprint(use_ner), reset=full) as state:
            asm = _extract_and_assemble(state, paths, out, jobs, engine, scheduler, use_ner, progress, timings,
                                        counts, record_error)
        with asm:
            return _write_outputs(asm, out, html, store, jobs, timings, BuildReport(
                out, summarise(asm.G), skipped, timings=timings, counts=counts))


def _extract_and_assemble(state, paths, out: Path, jobs: int, engine: str, scheduler: str | None, use_ner: bool,
                          progress: bool, timings: dict[str, float], counts: dict[str, int],
                          record_error: Callable[[InputError], None]) -> Assembly:
    """Extract the articles of ``paths`` the state lacks, drop those not seen, and assemble the graph."""
    from kg.engines import make_engine, run_chunks
    from kg.ingest import iter_articles

    bar = _ArticleBar() if progress else None
    keys: dict[str, str] = {}

    def todo() -> Iterator[Article]:
        """The articles whose extraction is not in the state yet (the others count as done at once)."""
        for a in _Timed(iter_articles(paths, on_error=record_error, skip_folders=[out]), timings, "ingest"):
            counts["read"] += 1
            key = article_key(a)
            if state.lookup(a.doc_id, key):
                counts["reused"] += 1
                if bar is not None:
                    bar.reused(1)
                continue
            keys[a.doc_id] = key
            yield a

    t0 = time.perf_counter()
    eng = make_engine(engine, jobs, scheduler, use_ner)
    try:
        for docs, seconds in run_chunks(eng, todo()):
            timings["extract_cpu"] = timings.get("extract_cpu", 0.0) + seconds
            for d in docs:
                if isinstance(d, InputError):
                    record_error(d)
                    counts["read"] -= 1
                    continue
                doc_id, payload = d
                state.put(doc_id, keys.pop(doc_id), payload)
                counts["extracted"] += 1
            if bar is not None:
                bar.extracted(len(docs))
    finally:
        eng.close()
        if bar is not None:
            bar.close()
    timings["extract_wall"] = time.perf_counter() - t0
    if counts["read"] == 0:  # nothing read (a wrong path?): keep the state and the previous outputs
        raise InputError(", ".join(map(str, paths)), "no article could be read")
    counts["withdrawn"] = state.withdraw_unseen()
    t = time.perf_counter()
    asm = assemble(state.extractions(mentions=False), out / ASSEMBLY_FILE)
    timings["graph"] = time.perf_counter() - t
    return asm


class _ArticleBar:
    """``--progress`` on stderr. Until the first extraction comes back (the pipeline is loading) it counts the
    unchanged articles; from then on the articles done, their rate counted from there, so the pipeline's
    loading time is not in it. Always articles/s (tqdm's own format turns to s/article below 1 a second); the
    last line, written when the bar closes, has the total."""

    def __init__(self):
        from tqdm import tqdm

        self.tqdm = tqdm
        self.bar = tqdm(file=sys.stderr, bar_format="extracting: {n_fmt} unchanged [{elapsed}]")
        self.started = False

    def reused(self, n: int) -> None:
        self.bar.update(n)

    def extracted(self, n: int) -> None:
        if self.started:
            self.bar.update(n)
            return
        self.started = True
        self.bar.leave = False  # replaced by the bar whose clock starts now
        self.bar.close()
        self.bar = self.tqdm(file=sys.stderr, desc="extracting", unit=" articles", initial=self.bar.n + n,
                             smoothing=0.1, bar_format="{desc}: {n_fmt}{unit} [{elapsed}, {rate_noinv_fmt}]")

    def close(self) -> None:
        self.bar.close()


def _write_outputs(asm: Assembly, out: Path, html: bool, store: bool, jobs: int, timings: dict[str, float],
                   report: BuildReport) -> BuildReport:
    """graph.ttl, the store, graph.html and summary.json from the assembled graph, written into a new generation
    that is published once all are on disk (see :mod:`kg.output`)."""
    report.summary["skipped"] = [{"source": s, "reason": r} for s, r in report.skipped]
    with new_generation(out) as gen:
        html_job = None
        if html and jobs > 1:  # more than one process allowed: the view is drawn while the Turtle and store are
            # written. (Not the store: a child forked after this process used Oxigraph can deadlock in RocksDB.)
            html_job = _Background(_render_view, asm, gen / "graph.html")
        try:
            _write_turtle_and_store(asm, gen, store, timings)
            if html:
                t = time.perf_counter()
                if html_job is not None:
                    html_job.wait()
                else:
                    _render_view(asm, gen / "graph.html")
                timings["html"] = time.perf_counter() - t
        except BaseException:
            if html_job is not None:
                html_job.cancel()  # before the generation folder is removed
            raise
        write_atomic(gen / "summary.json", json.dumps(report.summary, ensure_ascii=False, indent=2,
                                                      sort_keys=True).encode("utf-8") + b"\n")
    report.outputs["turtle"] = str(out / "graph.ttl")
    if store:
        report.outputs["store"] = str(out / "store")
    if html:
        report.outputs["html"] = str(out / "graph.html")
    return report


def _write_turtle_and_store(asm: Assembly, gen: Path, store: bool, timings: dict[str, float]) -> None:
    ttl = gen / "graph.ttl"
    t = time.perf_counter()
    if store:  # the store loads the Turtle as it is written (never reads graph.ttl back)
        from kg.store.database import streamed_store

        with streamed_store(gen / "store") as feed:
            write_turtle_stream(asm.triples(), ttl, tee=feed)
            timings["export"] = time.perf_counter() - t
        timings["store"] = time.perf_counter() - t - timings["export"]  # what was left to load and swap in
    else:
        write_turtle_stream(asm.triples(), ttl)
        timings["export"] = time.perf_counter() - t


def _render_view(asm: Assembly, path: Path) -> None:
    """The whole graph up to VIEW_MAX_NODES entities, with at most VIEW_MAX_EVIDENCE sentences per relation and
    VIEW_MAX_DOCS articles per entity, fewer when the page's budgets need it (the page says how many more there
    are; graph.ttl and the store have them all)."""
    from kg.view import render_html
    from kg.view.subgraph import select

    nodes, edges = select(asm.G, max_nodes=VIEW_MAX_NODES)
    max_evidence = max(1, min(VIEW_MAX_EVIDENCE, VIEW_EVIDENCE_BUDGET // max(1, len(edges))))
    max_docs = max(1, min(VIEW_MAX_DOCS, VIEW_DOCS_BUDGET // max(1, len(nodes))))
    render_html(asm.view_graph(nodes, edges, max_evidence=max_evidence, max_docs=max_docs), path, title="ParkKG")


class _Background:
    """``fn(*args)`` in a forked child process (the graph is shared copy-on-write, not pickled); :meth:`wait`
    re-raises its error here. Falls back to running in this process where ``fork`` does not exist."""

    def __init__(self, fn: Callable, *args):
        import multiprocessing as mp

        self.proc = None
        self.what = fn.__name__.strip("_").replace("_", " ")
        if "fork" not in mp.get_all_start_methods():
            fn(*args)
            return
        ctx = mp.get_context("fork")
        self.recv, send = ctx.Pipe(duplex=False)
        self.proc = ctx.Process(target=_child, args=(send, fn, args, os.getpid()), daemon=True)
        self.proc.start()
        send.close()

    def wait(self) -> None:
        if self.proc is None:
            return
        try:
            err = self.recv.recv() if self.recv.poll(None) else None
        except EOFError:
            err = None
        self.proc.join()
        if err is not None:
            raise err
        if self.proc.exitcode != 0:
            raise OutputError(f"{self.what} failed (worker exit code {self.proc.exitcode})")

    def cancel(self) -> None:
        """Stop the child (the build failed) and wait for it."""
        if self.proc is not None:
            self.proc.kill()
            self.proc.join()


def _child(send, fn: Callable, args: tuple, parent_pid: int) -> None:
    from kg.lifecycle import child_of_build

    child_of_build(parent_pid)  # a killed build leaves no view half-drawn behind, nor its lock held
    try:
        fn(*args)
        send.send(None)
    except BaseException as e:  # noqa: BLE001 - carried to the parent, which raises it
        try:
            send.send(e)
        except Exception:  # noqa: BLE001 - an unpicklable error still becomes a clear one
            send.send(OutputError(f"{fn.__name__.strip('_').replace('_', ' ')} failed ({type(e).__name__}: {e})"))


@contextmanager
def _lock(out: Path) -> Iterator[None]:
    """One build at a time per OUT folder: an advisory lock (``flock``, which the OS drops when the process
    dies; its children never keep it, see :mod:`kg.lifecycle`) on ``OUT/.lock``, which holds the owner's pid
    while it runs. A lock still held although its owner is gone (a process of a killed build that did not end
    with it) is taken over with a warning."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    from kg.lifecycle import HELD_LOCKS

    path = out / ".lock"
    f = _take_lock(out, path, fcntl)
    with f:
        HELD_LOCKS.add(f.fileno())
        try:
            yield
        finally:
            HELD_LOCKS.discard(f.fileno())
            try:  # a clean end leaves no owner behind
                f.truncate(0)
                f.flush()
            except OSError:
                pass
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def _take_lock(out: Path, path: Path, fcntl):
    """The lock file, opened and locked, with this process's pid in it."""
    from kg.lifecycle import pid_alive

    def opened(p: Path):
        try:
            return open(p, "a+b")
        except OSError as e:
            raise OutputError(f"{p}: cannot create the lock file ({e.strerror})") from e

    def owner(f) -> int | None:
        try:
            f.seek(0)
            return int(f.read(32).decode("ascii").split()[0])
        except (OSError, ValueError, IndexError, UnicodeDecodeError):
            return None

    f = opened(path)
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        pid = owner(f)
        f.close()
        if pid is None or pid == os.getpid() or pid_alive(pid):
            raise OutputError(f"{out}: another kg build is writing this folder; wait for it to finish") from None
        f = _take_over(out, path, fcntl, pid, opened, owner, pid_alive)
    else:
        pid = owner(f)
        if pid is not None and pid != os.getpid() and not pid_alive(pid):
            log.warning("%s: taking over the lock of kg build %d, which ended without releasing it",
                        printable(str(path)), pid)
    try:
        f.seek(0)
        f.truncate(0)
        f.write(f"{os.getpid()}\n".encode("ascii"))
        f.flush()
    except OSError as e:
        f.close()
        raise OutputError(f"{path}: cannot write the lock file ({e.strerror})") from e
    return f


def _take_over(out: Path, path: Path, fcntl, pid: int, opened, owner, pid_alive):
    """Replace a lock file still locked by a process whose build (``pid``) is gone with a new, locked one. The
    folder itself is locked meanwhile, so that of two builds doing this at once, one wins and one is refused."""
    try:
        dfd = os.open(out, os.O_RDONLY)
    except OSError as e:
        raise OutputError(f"{out}: cannot open the output folder ({e.strerror})") from e
    try:
        fcntl.flock(dfd, fcntl.LOCK_EX)
        f = opened(path)  # what is there now: another build may have taken it over meanwhile
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return f
        except OSError:
            now = owner(f)
            f.close()
            if now is None or now != pid or pid_alive(now):
                raise OutputError(f"{out}: another kg build is writing this folder; wait for it to finish") from None
        tmp = path.with_name(f".lock.{os.getpid()}.tmp")
        f = opened(tmp)
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.replace(tmp, path)
        except OSError as e:
            f.close()
            tmp.unlink(missing_ok=True)
            raise OutputError(f"{path}: cannot replace the lock file ({e.strerror})") from e
        log.warning("%s: taking over the lock of kg build %d, which is gone (a process it left still held it)",
                    printable(str(path)), pid)
        return f
    finally:
        os.close(dfd)


def format_summary(report: BuildReport) -> str:
    s = report.summary
    c = report.counts
    lines = [f"articles: {s['articles']}" + (f" (extracted {c['extracted']}, unchanged {c['reused']}, withdrawn "
                                              f"{c['withdrawn']})" if c else ""),
             f"entities: {s['entities']} (" + ", ".join(f"{k} {v}" for k, v in s["entities_by_class"].items())
             + f"; Fortune 500: {s['fortune500']})",
             f"relations: {s['relations']} (" + ", ".join(f"{k} {v}" for k, v in s["relations_by_kind"].items()) + ")"]
    if report.skipped:
        lines.append(f"skipped: {len(report.skipped)} (files, folders or records not read)")
        lines += [f"  {src}: {reason}" for src, reason in report.skipped]
    else:
        lines.append("skipped: none")
    lines += [f"wrote {k}: {v}" for k, v in report.outputs.items()]
    return "\n".join(map(printable, lines))  # a file name with a newline or an ANSI escape stays on its line
