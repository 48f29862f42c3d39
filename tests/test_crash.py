"""Crash safety (#7): a build killed with SIGKILL at any point leaves the previous outputs intact and the build
state usable; the next run completes and gives exactly what an uninterrupted build gives.

Each case runs ``kg build`` in a child process over an output folder holding a complete earlier build, and
kills it (SIGKILL, no cleanup possible) at a chosen point: after the k-th extraction stored in the state, after
an output's data is on disk but before its rename, at each rename, at the store swap, or after a delay.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
OUTPUTS = ("graph.ttl", "graph.html", "summary.json")

NEW_ARTICLE = ("云岭数字经济产业园迎来新企业\n"
               "云岭数字经济产业园近日迎来南屏智能装备有限公司入驻。南屏智能装备有限公司董事长孙立群说，"
               "公司看中了园区的产业配套。\n")

HARNESS = r"""
import json, os, signal, sys
event, k, corpus, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
counts = {}

def hit(name):
    counts[name] = counts.get(name, 0) + 1
    if name == event and counts[name] == k:
        os.kill(os.getpid(), signal.SIGKILL)

import kg.state, kg.store.database
kg.state.BATCH = 1  # commit every row, so a kill leaves a partly updated state behind
real_replace, real_fsync = os.replace, os.fsync
def replace(*a, **kw):
    hit("replace")
    return real_replace(*a, **kw)
def fsync(fd):
    real_fsync(fd)
    hit("fsync")
os.replace, os.fsync = replace, fsync
real_put = kg.state.BuildState.put
def put(self, *a):
    real_put(self, *a)
    hit("put")
kg.state.BuildState.put = put
real_exchange = kg.store.database._exchange
def exchange(a, b):
    hit("exchange")
    return real_exchange(a, b)
kg.store.database._exchange = exchange

from kg.build import build
build([corpus], out)
print(json.dumps(counts))
"""


def _run(harness: Path, event: str, k: int, corpus: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(harness), event, str(k), str(corpus), str(out)],
                          capture_output=True, text=True, timeout=300)


def _snapshot(out: Path) -> dict:
    snap = {name: (out / name).read_bytes() for name in OUTPUTS}
    store = ox.Store.read_only(str(out / "store"))
    snap["store"] = len(store)
    del store
    return snap


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    """v1: the seeds minus one; v2: one article added, one changed, the left-out one back. Outputs of a
    complete v1 build, of a fresh v2 build, and the number of each kill event in an uninterrupted v2 run."""
    from kg.build import build

    base = tmp_path_factory.mktemp("crash")
    harness = base / "harness.py"
    harness.write_text(HARNESS, encoding="utf-8")
    v1, v2 = base / "v1", base / "v2"
    shutil.copytree(SEEDS, v1)
    seeds = sorted(v1.glob("*.txt"))
    seeds[-1].unlink()
    shutil.copytree(SEEDS, v2)
    (v2 / "900_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    changed = sorted(v2.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n" + NEW_ARTICLE, encoding="utf-8")
    corpus = base / "corpus"  # every build reads a folder of this name, as a user's runs would
    out_v1 = base / "out_v1"
    shutil.copytree(v1, corpus)
    build([str(corpus)], out_v1)
    shutil.rmtree(corpus)
    shutil.copytree(v2, corpus)
    fresh = base / "fresh_v2"
    build([str(corpus)], fresh)
    probe_out = base / "probe"
    shutil.copytree(out_v1, probe_out)
    res = _run(harness, "none", 0, corpus, probe_out)
    assert res.returncode == 0, res.stderr
    counts = json.loads(res.stdout.strip().splitlines()[-1])
    return {"base": base, "harness": harness, "v1": v1, "v2": v2, "out_v1": out_v1, "counts": counts,
            "old": _snapshot(out_v1), "new": _snapshot(fresh)}


def _kill_points(counts: dict) -> list[tuple[str, int]]:
    points = [("put", 1), ("put", counts.get("put", 1))]
    points += [("fsync", k) for k in range(1, counts.get("fsync", 0) + 1)]
    points += [("replace", k) for k in range(1, counts.get("replace", 0) + 1)]
    points += [("exchange", k) for k in range(1, counts.get("exchange", 0) + 1)]
    return points


def _check_killed_then_resumed(setup, tmp_path, kill) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    shutil.copytree(setup["v1"], corpus)
    shutil.copytree(setup["out_v1"], out)
    shutil.rmtree(corpus)
    shutil.copytree(setup["v2"], corpus)
    kill(corpus, out)
    old, new = setup["old"], setup["new"]
    now = _snapshot(out)  # every output is complete: the old one or the new one, never a mix or a fragment
    for name, value in now.items():
        assert value in (old[name], new[name]), name
    from kg.build import build

    report = build([str(corpus)], out)
    assert report.counts["extracted"] + report.counts["reused"] == report.counts["read"]
    assert _snapshot(out) == new
    assert not [p.name for p in out.iterdir() if p.name.startswith(".") and p.name != ".lock"]


def test_kill_points_cover_every_stage(setup):
    c = setup["counts"]
    assert c.get("put", 0) >= 2 and c.get("fsync", 0) >= 3 and c.get("replace", 0) >= 3
    assert c.get("exchange", 0) == 1


def test_sigkill_at_each_step_leaves_outputs_intact(setup, tmp_path):
    """Every kill point of an uninterrupted run, one after the other (each in a fresh copy of the outputs)."""
    for n, (event, k) in enumerate(_kill_points(setup["counts"])):
        def kill(corpus, out):
            res = _run(setup["harness"], event, k, corpus, out)
            assert res.returncode == -signal.SIGKILL, (event, k, res.returncode, res.stderr[-2000:])

        _check_killed_then_resumed(setup, tmp_path / str(n), kill)


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.85])
def test_sigkill_after_a_delay_leaves_outputs_intact(setup, tmp_path, fraction):
    """Kills from outside, at a fraction of how long an uninterrupted run takes."""
    probe, corpus = tmp_path / "probe" / "out", tmp_path / "probe" / "corpus"
    shutil.copytree(setup["out_v1"], probe)
    shutil.copytree(setup["v2"], corpus)
    t = time.perf_counter()
    _run(setup["harness"], "none", 0, corpus, probe)
    duration = time.perf_counter() - t

    def kill(corpus, out):
        proc = subprocess.Popen([sys.executable, str(setup["harness"]), "none", "0", str(corpus), str(out)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()

    _check_killed_then_resumed(setup, tmp_path, kill)
