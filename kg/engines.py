"""Where extraction runs: in this process, in N local processes (``--jobs N``) or on a Dask cluster.

Every engine has the same shape: :meth:`Engine.submit` takes a list of articles and returns a handle whose
``result()`` is, per article, ``(doc_id, encoded extraction)`` (see :mod:`kg.state`) or an
:class:`~kg.errors.InputError`, plus the seconds spent extracting them.
:func:`run_chunks` keeps a bounded number of chunks in flight (memory stays bounded whatever the input size)
and yields the extractions as they are done. Extraction is a pure function of the article, so every engine gives
the same extractions; the graph is assembled locally, in doc_id order, whatever the engine.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import os
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator, Protocol

from kg.errors import InputError, ParkKGError, UsageError
from kg.records import Article

log = logging.getLogger(__name__)

_EXTRACTORS: dict[bool, object] = {}  # one pipeline per process and NER setting


def _extractor(use_ner: bool):
    ex = _EXTRACTORS.get(use_ner)
    if ex is None:
        from kg.extract.pipeline import Extractor

        ex = _EXTRACTORS[use_ner] = Extractor(use_ner=use_ner)
    return ex


def extract_chunk(articles: list[Article], use_ner: bool) -> tuple[list[tuple[str, bytes] | InputError], float]:
    """Extract a chunk of articles in the calling process (what every engine runs remotely); returns, per
    article, ``(doc_id, kg.state.encode_extraction(...))`` (the encoding work stays with the worker) or the
    :class:`InputError` that says why it failed, and the seconds spent (loading the pipeline included, the
    first time)."""
    from kg.state import encode_extraction

    t = time.perf_counter()
    ex = _extractor(use_ner)  # the first chunk in a process also pays for loading the pipeline
    out: list[tuple[str, bytes] | InputError] = []
    for a in articles:
        try:
            d = extract_article(ex, a)
            out.append((d.doc_id, encode_extraction(d)))
        except Exception as e:  # noqa: BLE001 - one article the pipeline trips on must not stop the build
            log.debug("extraction failed on %s", a.source, exc_info=True)
            out.append(InputError(a.source, f"extraction failed ({type(e).__name__}: {e})"))
    return out, time.perf_counter() - t


#: Articles longer than this (spaCy's own limit, ``nlp.max_length``: longer texts fail with error E088) are
#: extracted in segments of at most SEGMENT_CHARS, cut at paragraph ends. The pipeline's time and memory grow
#: faster than the length (100,000 characters: 1 s and +25 MB; 1,000,000: 50 s and +230 MB), so segments of
#: 100,000 keep a 50 MB article (the ingest limit) to minutes and a bounded amount of memory. Shorter articles are
#: extracted whole, as before.
SPLIT_ABOVE_CHARS = 1_000_000
SEGMENT_CHARS = 100_000


def extract_article(ex, article: Article):
    """``ex.extract(article)``; an article over SPLIT_ABOVE_CHARS characters is extracted segment by segment
    (:func:`segments`) and the results merged into one DocExtraction (offsets into the whole article)."""
    limit = min(SPLIT_ABOVE_CHARS, getattr(getattr(ex, "nlp", None), "max_length", SPLIT_ABOVE_CHARS))
    if len(article.text) <= limit:
        return ex.extract(article)
    from dataclasses import replace

    parts = []
    for start, end in segments(article.text, min(SEGMENT_CHARS, limit)):
        sub = replace(article, text=article.text[start:end], to_raw=article.to_raw[start:end + 1])
        parts.append((start, ex.extract(sub)))
    return merge_segments(parts)


def segments(text: str, size: int) -> list[tuple[int, int]]:
    """``text`` cut into [start, end) spans of at most ``size`` characters: after the last line break of each
    span, else after its last sentence end (。！？), else at ``size``."""
    spans, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = window.rfind("\n") + 1
        if cut < size // 2:
            cut = max(window.rfind(c) for c in "。！？!?") + 1
        if cut < size // 2:
            cut = size
        spans.append((start, start + cut))
        start += cut
    spans.append((start, len(text)))
    return spans


def merge_segments(parts: list):
    """One DocExtraction from the extractions of an article's segments (``(start in the clean text, extraction)``
    each): mentions shifted to the whole text (raw offsets already point into the whole raw text), an entity
    found in several segments merged into one record (same class, name, context, place and rank), relation
    ends renamed."""
    from dataclasses import replace

    from kg.records import Mention

    first = parts[0][1]
    merged: dict[tuple, dict] = {}
    relations = []
    for start, d in parts:
        key_of: dict[str, str] = {}
        for e in d.entities:
            ident = (e.cls, e.name, e.context, e.place_code, e.fortune_rank)
            m = merged.get(ident)
            if m is None:
                m = merged[ident] = {"rec": e, "key": f"e{len(merged)}", "aliases": {}, "lists": {},
                                     "mentions": []}
            m["aliases"].update(dict.fromkeys(e.aliases))
            m["lists"].update(dict.fromkeys(e.lists))
            m["mentions"].extend(Mention(x.text, x.start + start, x.end + start, x.raw_start, x.raw_end)
                                 for x in e.mentions)
            key_of[e.key] = m["key"]
        relations += [replace(r, head=key_of[r.head], tail=key_of[r.tail]) for r in d.relations
                      if r.head in key_of and r.tail in key_of]
    entities = tuple(replace(m["rec"], key=m["key"], aliases=tuple(a for a in m["aliases"] if a != m["rec"].name),
                             lists=tuple(m["lists"]), mentions=tuple(m["mentions"]))
                     for m in merged.values())
    return replace(first, entities=entities, relations=tuple(dict.fromkeys(relations)))


class Handle(Protocol):
    def done(self) -> bool: ...

    def result(self) -> tuple[list[tuple[str, bytes] | InputError], float]: ...


class Engine(Protocol):
    name: str
    workers: int

    def submit(self, articles: list[Article]) -> Handle: ...

    def close(self) -> None: ...


class WorkerError(ParkKGError):
    """An extraction worker or cluster failed (the build stops; the state keeps what was done)."""


class _Done:
    def __init__(self, value):
        self.value = value

    def done(self) -> bool:
        return True

    def result(self):
        return self.value


class InlineEngine:
    """This process (``--jobs 1``)."""

    name = "local"
    workers = 1

    def __init__(self, use_ner: bool):
        self.use_ner = use_ner  # the pipeline loads on the first chunk: an unchanged rerun never loads it

    def submit(self, articles: list[Article]) -> Handle:
        return _Done(extract_chunk(articles, self.use_ner))

    def close(self) -> None:
        pass


class _FutureHandle:
    """A ``concurrent.futures`` / Dask future: a dead worker or a lost task becomes one :class:`WorkerError`."""

    def __init__(self, future, where: str):
        self.future, self.where = future, where

    def done(self) -> bool:
        return self.future.done()

    def result(self):
        try:
            return self.future.result()
        except Exception as e:  # a worker killed (out of memory), a lost task: one clear line, not a traceback
            raise WorkerError(f"{self.where} failed ({type(e).__name__}: {e}); rerun to resume: what was "
                              "extracted so far is kept") from e


class ProcessEngine:
    """``--jobs N``: N processes in all, this one included: a pool of N - 1 workers, and this process extracts a
    chunk itself whenever the workers already have a queue (so N processes never compete for N cores with a
    mostly idle parent).

    Where ``fork`` exists the pipeline is loaded once here and the workers inherit it (no start-up cost per
    worker); elsewhere each worker loads it on its first chunk.
    """

    name = "local"
    #: Small chunks (~0.06 s of work each): when the input ends, the processes finish within a chunk or two of
    #: each other instead of one waiting for another's queue of large chunks. The cost, one pickled chunk per
    #: 10,000 characters, is negligible.
    chunk_chars = 10_000

    def __init__(self, jobs: int, use_ner: bool):
        self.workers = jobs
        self.use_ner = use_ner
        self.pool = None  # started on the first chunk: an unchanged rerun starts no process
        self.queued: deque = deque()

    def submit(self, articles: list[Article]) -> Handle:
        if self.pool is None:
            method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
            if method == "fork":
                _extractor(self.use_ner)
            # concurrent.futures, not multiprocessing.Pool: a worker that dies breaks the pool at once
            # (BrokenProcessPool) instead of leaving its task waiting forever
            self.pool = ProcessPoolExecutor(self.workers - 1, mp_context=mp.get_context(method),
                                            initializer=_worker_init, initargs=(os.getpid(),))
        while self.queued and self.queued[0].done():
            self.queued.popleft()
        if len(self.queued) >= 2 * (self.workers - 1):  # the workers are busy: do this one here
            return _Done(extract_chunk(articles, self.use_ner))
        try:
            future = self.pool.submit(extract_chunk, articles, self.use_ner)
        except BrokenProcessPool as e:   # a worker died since the last chunk: this one fails the same way
            future = Future()
            future.set_exception(e)
        self.queued.append(future)
        return _FutureHandle(future, "an extraction process")

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _worker_init(parent_pid: int | None = None) -> None:
    import signal

    if parent_pid is not None:  # ends with the build, and never keeps its OUT/.lock (kg.lifecycle)
        from kg.lifecycle import child_of_build

        child_of_build(parent_pid)

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is handled once, by the parent
    os.environ.setdefault("OMP_NUM_THREADS", "1")


class DaskEngine:
    """``--engine dask``: chunks go to a Dask distributed cluster (``--scheduler tcp://HOST:PORT``), or to a
    local cluster of ``jobs`` single-threaded worker processes started for this build."""

    name = "dask"
    chunk_chars = 50_000  # larger: every chunk crosses the network twice

    def __init__(self, scheduler: str | None, jobs: int, use_ner: bool):
        try:
            from distributed import Client, LocalCluster
        except ImportError as e:
            raise UsageError("--engine dask needs the 'distributed' package: pip install 'parkkg[dask]'") from e
        self.use_ner = use_ner
        self.cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="10s")
            else:
                self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as e:
            if self.cluster is not None:
                self.cluster.close()
            raise UsageError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {e}") from e
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or jobs)

    def submit(self, articles: list[Article]) -> Handle:
        return _FutureHandle(self.client.submit(extract_chunk, articles, self.use_ner, pure=False),
                             "the Dask cluster")

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(engine: str = "local", jobs: int = 1, scheduler: str | None = None, use_ner: bool = False) -> Engine:
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1 (got {jobs})")
    if engine == "dask":
        return DaskEngine(scheduler, jobs, use_ner)
    if engine != "local":
        raise UsageError(f"unknown engine {engine!r} (choose local or dask)")
    if scheduler:
        raise UsageError("--scheduler needs --engine dask")
    return InlineEngine(use_ner) if jobs == 1 else ProcessEngine(jobs, use_ner)


def run_chunks(engine: Engine, articles: Iterable[Article], *, chunk_chars: int | None = None,
               chunk_articles: int = 32) -> Iterator[tuple[list, float]]:
    """Feed ``articles`` to ``engine`` in chunks and yield each chunk's result (extractions, seconds) as soon as
    it is done, in no particular order. At most ``2 * workers + 1`` chunks are in flight: this process only
    waits for a result when that many are pending, so it never sits idle while it could hand out more work."""
    in_flight: deque[Handle] = deque()
    limit = 2 * engine.workers + 1
    if chunk_chars is None:
        chunk_chars = getattr(engine, "chunk_chars", 50_000)
    try:
        for chunk in _chunks(articles, chunk_chars, chunk_articles if engine.workers > 1 else 1):
            in_flight.append(engine.submit(chunk))
            if any(h.done() for h in in_flight):
                pending: deque[Handle] = deque()
                swept = list(in_flight)
                for i, h in enumerate(swept):
                    if h.done():
                        yield _result_of(h, [*pending, *swept[i + 1:]])
                    else:
                        pending.append(h)
                in_flight = pending
            while len(in_flight) >= limit:
                yield _result_of(in_flight.popleft(), in_flight)
        while in_flight:
            yield _result_of(in_flight.popleft(), in_flight)
    except _ChunkFailed as failed:
        # a chunk failed (a worker died): the chunks already done by others are still handed over, so that the
        # caller keeps them (a rerun resumes from there), then the failure goes on
        for h in failed.others:
            if h.done():
                try:
                    res = h.result()
                except Exception:
                    continue
                yield res
        raise failed.error


class _ChunkFailed(Exception):
    """A chunk's result raised ``error``; ``others`` are the chunks in flight not handed over yet."""

    def __init__(self, error: Exception, others: list[Handle]):
        super().__init__(str(error))
        self.error, self.others = error, others


def _result_of(h: Handle, others: Iterable[Handle]):
    try:
        return h.result()
    except Exception as e:
        raise _ChunkFailed(e, list(others)) from e


def _chunks(articles: Iterable[Article], max_chars: int, max_articles: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    size = 0
    for a in articles:
        chunk.append(a)
        size += len(a.text)
        if size >= max_chars or len(chunk) >= max_articles:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


__all__ = ["Engine", "make_engine", "run_chunks", "extract_chunk"]
