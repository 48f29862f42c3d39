"""Scale features (#6): incremental builds, --jobs, the Dask engine, kg diff, the build state and lock."""
from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from kg.build import build
from kg.cli import main as kg_main
from kg.errors import InputError, OutputError, UsageError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# invented articles (not from the seeds): a new one and an edited version of a seed
NEW_ARTICLE = ("海川高新区签约新项目\n"
               "本报讯 海川高新区管委会近日与北辰精密仪器有限公司签约。北辰精密仪器有限公司总经理刘明远表示，"
               "公司将在海川高新区建设研发中心，并与中国电子科技集团公司开展合作。\n")


def _outputs(out: Path) -> dict[str, bytes]:
    files = {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.html")}
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    files["summary.json"] = json.dumps(summary, sort_keys=True).encode()
    return files


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    c = tmp_path / "corpus"
    shutil.copytree(SEEDS, c)
    return c


def _edit(corpus: Path) -> None:
    """One article added, one changed, one deleted."""
    seeds = sorted(corpus.glob("*.txt"))
    (corpus / "900_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    changed = seeds[1]
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("。", "。北辰精密仪器有限公司也入驻了该园区。", 1), encoding="utf-8")
    seeds[3].unlink()


def test_incremental_rebuild_equals_fresh_build(corpus, tmp_path):
    out = tmp_path / "out"
    first = build([str(corpus)], out, store=False)
    assert first.counts["extracted"] == 5
    again = build([str(corpus)], out, store=False)
    assert (again.counts["extracted"], again.counts["reused"], again.counts["withdrawn"]) == (0, 5, 0)

    _edit(corpus)
    inc = build([str(corpus)], out, store=False)
    assert (inc.counts["extracted"], inc.counts["reused"], inc.counts["withdrawn"]) == (2, 3, 1)
    fresh = tmp_path / "fresh"
    build([str(corpus)], fresh, store=False)
    assert _outputs(out) == _outputs(fresh)
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "北辰精密仪器有限公司" in ttl
    assert sorted(corpus.glob("*.txt"))[0].stem in ttl


def test_withdrawn_article_leaves_no_trace(corpus, tmp_path):
    out = tmp_path / "out"
    (corpus / "900_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    build([str(corpus)], out, store=False, html=False)
    assert "海川高新区" in (out / "graph.ttl").read_text(encoding="utf-8")
    (corpus / "900_new.txt").unlink()
    report = build([str(corpus)], out, store=False, html=False)
    assert report.counts["withdrawn"] == 1
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "海川高新区" not in ttl and "900_new" not in ttl
    db = sqlite3.connect(out / "state" / "extractions.sqlite")
    assert db.execute("SELECT COUNT(*) FROM docs").fetchone()[0] == 5


def test_store_is_rebuilt_incrementally_too(corpus, tmp_path):
    from kg.store.database import open_store

    out = tmp_path / "out"
    build([str(corpus)], out, html=False)
    (corpus / "900_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    build([str(corpus)], out, html=False)
    q = 'SELECT (COUNT(*) AS ?n) WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#label> "海川高新区"@zh }'
    assert int(next(iter(open_store(out).query(q)))["n"].value) == 1


def test_pipeline_change_invalidates_state(corpus, tmp_path, monkeypatch):
    import kg.state

    out = tmp_path / "out"
    build([str(corpus)], out, store=False, html=False)
    kg.state.pipeline_fingerprint.cache_clear()
    monkeypatch.setattr(kg.state, "SCHEMA_VERSION", "test-other")
    try:
        report = build([str(corpus)], out, store=False, html=False)
    finally:
        kg.state.pipeline_fingerprint.cache_clear()
    assert report.counts["extracted"] == 5 and report.counts["reused"] == 0


def test_full_flag_extracts_everything_again(corpus, tmp_path):
    out = tmp_path / "out"
    build([str(corpus)], out, store=False, html=False)
    before = (out / "graph.ttl").read_bytes()
    report = build([str(corpus)], out, store=False, html=False, full=True)
    assert report.counts["extracted"] == 5
    assert (out / "graph.ttl").read_bytes() == before


def test_corrupt_state_is_rebuilt_with_a_warning(corpus, tmp_path, caplog):
    out = tmp_path / "out"
    build([str(corpus)], out, store=False, html=False)
    before = (out / "graph.ttl").read_bytes()
    state = out / "state" / "extractions.sqlite"
    for extra in ("-wal", "-shm"):
        Path(str(state) + extra).unlink(missing_ok=True)
    state.write_bytes(b"this is not a database" * 100)
    report = build([str(corpus)], out, store=False, html=False)
    assert report.counts["extracted"] == 5
    assert (out / "graph.ttl").read_bytes() == before
    assert any("unreadable build state" in r.getMessage() for r in caplog.records)


def test_nothing_readable_keeps_state_and_outputs(corpus, tmp_path):
    out = tmp_path / "out"
    build([str(corpus)], out, store=False, html=False)
    before = (out / "graph.ttl").read_bytes()
    with pytest.raises(InputError):
        build([str(tmp_path / "missing")], out, store=False, html=False)
    assert (out / "graph.ttl").read_bytes() == before
    again = build([str(corpus)], out, store=False, html=False)
    assert again.counts["reused"] == 5


def test_second_concurrent_build_is_refused(corpus, tmp_path):
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".lock", "a+b") as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(OutputError, match="another kg build"):
            build([str(corpus)], out, store=False, html=False)
    build([str(corpus)], out, store=False, html=False)  # the lock is released with its holder


def test_article_the_pipeline_trips_on_is_skipped_not_fatal(corpus, tmp_path, monkeypatch):
    from kg.extract.pipeline import Extractor

    real = Extractor.extract

    def flaky(self, article):
        if article.doc_id.startswith("002"):
            raise RuntimeError("boom")
        return real(self, article)

    monkeypatch.setattr(Extractor, "extract", flaky)
    errors = []
    report = build([str(corpus)], tmp_path / "out", store=False, html=False, on_error=errors.append)
    assert report.summary["articles"] == 4
    assert [e.source.split("/")[-1][:3] for e in errors] == ["002"]
    assert "extraction failed (RuntimeError: boom)" in errors[0].problem


# ------------------------------------------------------------------------------------------ parallel engines

def test_jobs_2_gives_the_same_output_as_jobs_1(corpus, tmp_path):
    (corpus / "900_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    one = tmp_path / "one"
    two = tmp_path / "two"
    build([str(corpus)], one)
    report = build([str(corpus)], two, jobs=2)  # the view is drawn by a forked child
    assert report.counts["extracted"] == 6
    assert _outputs(one) == _outputs(two)

    import pyoxigraph as ox

    def store_triples(out):
        store = ox.Store.read_only(str(out / "store"))
        return {str(q.triple) for q in store}

    assert store_triples(one) == store_triples(two) == {str(t) for t in ox.parse(path=str(one / "graph.ttl"))}


def test_dask_engine_on_a_local_cluster_gives_the_same_output(corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    local = tmp_path / "local"
    build([str(corpus)], local, store=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        out = tmp_path / "dask"
        report = build([str(corpus)], out, store=False, engine="dask", scheduler=cluster.scheduler_address)
        assert report.counts["extracted"] == 5
        with distributed.Client(cluster) as client:  # the work really ran on the cluster's two workers
            assert len(client.scheduler_info()["workers"]) == 2
            ran = client.run(lambda: __import__("kg.engines").engines._EXTRACTORS != {})
            assert any(ran.values())
    assert _outputs(local) == _outputs(out)


def test_bad_engine_options_are_clear_errors(corpus, tmp_path):
    with pytest.raises(UsageError, match="--jobs"):
        build([str(corpus)], tmp_path / "o", jobs=0)
    with pytest.raises(UsageError, match="--scheduler needs --engine dask"):
        build([str(corpus)], tmp_path / "o", scheduler="tcp://127.0.0.1:1")


def test_unreachable_scheduler_is_one_clear_line(corpus, tmp_path, capsys):
    pytest.importorskip("distributed")
    rc = kg_main(["build", str(corpus), "-o", str(tmp_path / "o"), "--engine", "dask",
                  "--scheduler", "tcp://127.0.0.1:9", "--no-progress"])
    err = capsys.readouterr().err
    assert rc == 1
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in err
    assert "Traceback" not in err


# ------------------------------------------------------------------------------------------------- kg diff

def test_kg_diff_lists_added_and_removed_triples(corpus, tmp_path, capsys):
    old, new = tmp_path / "old", tmp_path / "new"
    build([str(corpus)], old, store=False, html=False)
    (corpus / "900_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    sorted(corpus.glob("0*.txt"))[0].unlink()
    build([str(corpus)], new, store=False, html=False)
    capsys.readouterr()
    assert kg_main(["diff", str(old), str(new)]) == 1
    cap = capsys.readouterr()
    lines = cap.out.splitlines()
    added = [x for x in lines if x.startswith("+ ")]
    removed = [x for x in lines if x.startswith("- ")]
    assert any('"海川高新区"@zh' in x for x in added)
    assert any("000_" in x and "sourceFile" in x for x in removed)
    assert not any("海川高新区" in x for x in removed)
    assert f"{len(removed)} triple(s) removed, {len(added)} added" in cap.err

    # the diff is exact: applying it to OLD gives NEW
    from kg.diff import read_triples

    assert (read_triples(old) - {x[2:] for x in removed}) | {x[2:] for x in added} == read_triples(new)


def test_kg_diff_identical_graphs_and_files(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    build([str(corpus)], out, store=False, html=False)
    assert kg_main(["diff", str(out), str(out / "graph.ttl")]) == 0
    cap = capsys.readouterr()
    assert cap.out == "" and "0 triple(s) removed, 0 added" in cap.err
    assert kg_main(["diff", str(out), str(tmp_path / "nothing")]) == 2
    assert "nothing: no such file or folder" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------ bounded streaming

def test_extraction_streams_with_a_bounded_number_of_articles_in_flight():
    """However long the input, only a few chunks are pulled ahead of the results (memory stays bounded)."""
    import itertools

    from kg.engines import run_chunks
    from kg.records import Article

    pulled = 0

    def endless():
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield Article(doc_id=f"a{i}", source=f"a{i}.txt", text="园区", raw="园区", to_raw=(0, 1, 2))

    class Recorder:
        name, workers = "fake", 2

        def submit(self, chunk):
            class Done:
                def done(self):
                    return True

                def result(self):
                    return [(a.doc_id, b"") for a in chunk], 0.0
            return Done()

        def close(self):
            pass

    results = run_chunks(Recorder(), endless(), chunk_articles=10)
    for n, _ in enumerate(itertools.islice(results, 100), 1):
        assert pulled <= (n + 2 * Recorder.workers + 1) * 10
    assert pulled >= 1000


def test_a_failed_chunk_does_not_lose_the_chunks_done_beside_it():
    """A worker dying on one chunk: the chunks other processes finished are still handed over (the build stores
    them, a rerun resumes from there), and only then does the failure go on."""
    from kg.engines import WorkerError, run_chunks
    from kg.records import Article

    class Handle:
        def __init__(self, engine, chunk, k):
            self.engine, self.chunk, self.k, self.fails = engine, chunk, k, k == 0

        def done(self):
            # the first chunk's worker dies once all four are out; the second is still running; the others are done
            return self.k >= 2 or (self.k == 0 and len(self.engine.handles) == 4)

        def result(self):
            if self.fails:
                raise WorkerError("an extraction process failed (BrokenProcessPool)")
            return [(a.doc_id, b"") for a in self.chunk], 0.0

    class Engine:
        name, workers = "fake", 3

        def __init__(self):
            self.handles = []

        def submit(self, chunk):
            self.handles.append(Handle(self, chunk, len(self.handles)))
            return self.handles[-1]

        def close(self):
            pass

    arts = [Article(doc_id=f"a{i}", source=f"a{i}.txt", text="园区", raw="园区", to_raw=(0, 1, 2)) for i in range(4)]
    got = []
    with pytest.raises(WorkerError):
        for docs, _ in run_chunks(Engine(), iter(arts), chunk_articles=1):
            got += [d for d, _ in docs]
    assert sorted(got) == ["a2", "a3"]     # done beside the failed one, each once; the running one is not waited for


def test_output_does_not_depend_on_the_hash_seed(tmp_path):
    """Worker processes (Dask, spawn) have their own hash seeds: extraction must not depend on set order."""
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"o{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SEEDS), "-o", str(out), "--no-html",
                        "--no-store", "--no-progress"], env=env, check=True, capture_output=True)
        outs.append((out / "graph.ttl").read_bytes())
    assert outs[0] == outs[1]


def test_large_turtle_is_loaded_into_the_store_in_slices(tmp_path, monkeypatch):
    """Above BULK_LOAD_MAX_BYTES the store is loaded slice by slice (bounded memory); same triples."""
    import pyoxigraph as ox

    import kg.store.database
    out = tmp_path / "out"
    build([str(SEEDS)], out, html=False)
    whole = len(ox.Store.read_only(str(out / "store")))
    monkeypatch.setattr(kg.store.database, "BULK_LOAD_MAX_BYTES", 0)
    monkeypatch.setattr(kg.store.database, "SLICE_TRIPLES", 500)
    assert kg.store.database.write_store(out / "graph.ttl", tmp_path / "sliced") == whole > 1000


def test_progress_bar_shows_articles_per_second(tmp_path):
    """The bar goes to stderr and always ends with a line giving the total and a rate in articles/s (never
    s/article, however slow the machine)."""
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(SEEDS), "-o", str(tmp_path / "o"), "--no-html",
                           "--no-store", "--progress"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "extracting" not in proc.stdout
    bar = [x for x in proc.stderr.replace("\r", "\n").splitlines() if x.strip()]
    assert re.fullmatch(r"extracting: 5 articles \[[\d:]+, *[\d.]+ articles/s\]", bar[-1]), proc.stderr


def test_progress_rate_leaves_out_the_pipeline_loading(tmp_path, capsys, monkeypatch):
    """On a clock where loading the pipeline takes 100 s and each article 0.5 s, the bar's clock starts with the
    first article done: the last line reads 2 articles/s over 2 s, not 5 articles in 102.5 s."""
    import tqdm.std

    from kg import engines
    from kg.extract.pipeline import Extractor

    now = [1000.0]
    monkeypatch.setattr(tqdm.std, "time", lambda: now[0])
    monkeypatch.setattr(tqdm.std.tqdm, "monitor_interval", 0)
    monkeypatch.setattr(engines, "_EXTRACTORS", {})  # loaded afresh in this build
    real_init, real_extract = Extractor.__init__, Extractor.extract

    def slow_load(self, *args, **kwargs):
        now[0] += 100.0
        real_init(self, *args, **kwargs)

    def slow_extract(self, article):
        now[0] += 0.5
        return real_extract(self, article)

    monkeypatch.setattr(Extractor, "__init__", slow_load)
    monkeypatch.setattr(Extractor, "extract", slow_extract)
    build([str(SEEDS)], tmp_path / "o", html=False, store=False, progress=True)
    lines = [x for x in capsys.readouterr().err.replace("\r", "\n").splitlines() if x.strip()]
    assert lines[-1] == "extracting: 5 articles [00:02,  2.00 articles/s]", lines


def test_progress_counts_unchanged_articles_on_a_rerun(corpus, tmp_path, capsys):
    build([str(corpus)], tmp_path / "o", html=False, store=False)
    build([str(corpus)], tmp_path / "o", html=False, store=False, progress=True)
    lines = [x for x in capsys.readouterr().err.replace("\r", "\n").splitlines() if x.strip()]
    assert re.fullmatch(r"extracting: 5 unchanged \[[\d:]+\]", lines[-1]), lines


def test_a_dying_worker_is_one_clear_error_and_the_state_keeps_the_rest(corpus, tmp_path, capsys, monkeypatch):
    """A worker killed mid-build (out of memory, say): one error line, no traceback, no hang; the rerun resumes
    from what was stored."""
    import os
    import signal

    import time

    from kg.extract.pipeline import Extractor
    from kg.state import BuildState

    for i in range(40):  # enough articles that both processes get chunks
        (corpus / f"extra{i:02d}.txt").write_text(NEW_ARTICLE.replace("海川", f"海川{i}"), encoding="utf-8")
    parent, real, real_put = os.getpid(), Extractor.extract, BuildState.put
    stored = tmp_path / "stored"     # written by this process once it has stored an extraction
    seen = []  # each forked worker counts in its own copy

    def put(self, *args):
        real_put(self, *args)
        stored.touch()

    def dies_in_a_worker(self, article):  # inherited by the forked workers
        if os.getpid() != parent:
            seen.append(article.doc_id)
            if len(seen) == 3:  # mid-build, once this process has stored what it extracted itself
                deadline = time.monotonic() + 120
                while not stored.exists() and time.monotonic() < deadline:
                    time.sleep(0.02)
                os.kill(os.getpid(), signal.SIGKILL)
        return real(self, article)

    monkeypatch.setattr(Extractor, "extract", dies_in_a_worker)
    monkeypatch.setattr(BuildState, "put", put)
    rc = kg_main(["build", str(corpus), "-o", str(tmp_path / "o"), "--jobs", "2", "--no-progress", "--no-html"])
    err = capsys.readouterr().err
    assert rc == 1 and "an extraction process failed (BrokenProcessPool" in err and "Traceback" not in err, err
    monkeypatch.setattr(Extractor, "extract", real)
    monkeypatch.setattr(BuildState, "put", real_put)
    report = build([str(corpus)], tmp_path / "o", html=False)
    assert report.counts["reused"] > 0 and report.summary["articles"] == 45
