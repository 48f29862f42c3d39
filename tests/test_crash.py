"""Crash safety (#7, issue 13 D12): a build killed with SIGKILL at any point leaves one generation in its output
folder, the previous build or the new one, whole, and the build state usable; the next run completes and gives
exactly what an uninterrupted build gives.

Each case runs ``kg build`` in a child process over an output folder holding a complete earlier build, and
kills it (SIGKILL, no cleanup possible) at a chosen point: after the k-th extraction stored in the state, after
an output's data is on disk but before its rename, at each rename and each link made, or after a delay. Then
every reader (the files under their usual names, ``kg query``'s store, ``kg export``, ``kg diff``) must see the
same build: all of them the old one or all of them the new one.
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

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
OUTPUTS = ("graph.ttl", "graph.html", "summary.json")
READERS = (*OUTPUTS, "query", "export", "diff")

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
real_symlink = os.symlink
def symlink(*a, **kw):
    hit("symlink")
    return real_symlink(*a, **kw)
os.symlink = symlink

from kg.build import build
build([corpus], out)
print(json.dumps(counts))
"""


def _run(harness: Path, event: str, k: int, corpus: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(harness), event, str(k), str(corpus), str(out)],
                          capture_output=True, text=True, timeout=300)


def _snapshot(out: Path) -> dict:
    """What each reader sees in ``out``, each finding the build on its own as separate commands would: the files
    under the names users open, the triple count of the store ``kg query`` opens, ``kg export``, ``kg diff``."""
    from kg.diff import read_triples
    from kg.store.database import open_store
    from kg.store.formats import serialise

    snap = {name: (out / name).read_bytes() for name in OUTPUTS}
    store = open_store(out)
    snap["query"] = len(store)
    del store
    snap["export"] = serialise(out, "ntriples")
    snap["diff"] = frozenset(read_triples(out))
    return snap


def _legacy(out: Path, dest: Path) -> Path:
    """``out`` as an older ParkKG wrote it: plain files and the store folder in OUT, no generations."""
    from kg.output import current_generation

    shutil.copytree(out / "state", dest / "state")
    for name in ("graph.ttl", "store", "graph.html", "summary.json"):
        src = current_generation(out) / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    return dest


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
    legacy_v1 = _legacy(out_v1, base / "legacy_v1")
    counts = {}
    for name, start in (("counts", out_v1), ("legacy_counts", legacy_v1)):
        probe_out = base / f"probe_{name}"
        shutil.copytree(start, probe_out, symlinks=True)
        res = _run(harness, "none", 0, corpus, probe_out)
        assert res.returncode == 0, res.stderr
        counts[name] = json.loads(res.stdout.strip().splitlines()[-1])
    old, new = _snapshot(out_v1), _snapshot(fresh)
    assert _snapshot(legacy_v1) == old  # an older layout is read as it is
    assert all(old[name] != new[name] for name in READERS)  # so that a mix of the two would show
    return {"base": base, "harness": harness, "v1": v1, "v2": v2, "out_v1": out_v1, "legacy_v1": legacy_v1,
            **counts, "old": old, "new": new}


def _kill_points(counts: dict, after: dict | None = None) -> list[tuple[str, int]]:
    """Each kill point of a run with these ``counts``; with ``after``, the counts of a run that does the same
    work less what comes first in this one, only the kill points of that first part, the one after each, and
    the last one of each kind."""
    points = [("put", 1), ("put", counts.get("put", 1))]
    for event in ("fsync", "replace", "symlink"):
        n = counts.get(event, 0)
        first = n if after is None else min(n, n - after.get(event, 0) + 1)
        points += [(event, k) for k in sorted({*range(1, first + 1), n} - {0})]
    return points


def _one_generation(setup, out: Path) -> str:
    """Which build every reader of ``out`` sees ("old" or "new"); fails when they see different ones."""
    now = _snapshot(out)
    side = "new" if now["summary.json"] == setup["new"]["summary.json"] else "old"
    mixed = [name for name in READERS if now[name] != setup[side][name]]
    assert not mixed, f"the {side} build, but not in {mixed}"
    return side


def _check_killed_then_resumed(setup, tmp_path, kill, start: str = "out_v1") -> str:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    shutil.copytree(setup["v1"], corpus)
    shutil.copytree(setup[start], out, symlinks=True)
    shutil.rmtree(corpus)
    shutil.copytree(setup["v2"], corpus)
    kill(corpus, out)
    side = _one_generation(setup, out)
    from kg.build import build

    report = build([str(corpus)], out)
    assert report.counts["extracted"] + report.counts["reused"] == report.counts["read"]
    assert _one_generation(setup, out) == "new"
    _assert_tidy(out)
    return side


def _assert_tidy(out: Path) -> None:
    """Nothing left of the killed build: the outputs are links into the current generation, which is kept with
    at most the one before it."""
    from kg.output import current_generation

    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".generations", ".lock"]
    for name in ("graph.ttl", "store", "graph.html", "summary.json"):
        assert os.readlink(out / name) == f".generations/current/{name}"
    generations = sorted(p.name for p in (out / ".generations").iterdir())
    current = current_generation(out).name
    assert current == max(g for g in generations if g.isdigit()) and "current" in generations
    assert len(generations) <= 3 and not [g for g in generations if g.startswith(".")]


def test_kill_points_cover_every_stage(setup):
    for c in (setup["counts"], setup["legacy_counts"]):
        assert c.get("put", 0) >= 2 and c.get("fsync", 0) >= 3 and c.get("symlink", 0) >= 1
        assert c.get("replace", 0) >= 5  # graph.ttl, the store, graph.html, summary.json, the switch
    assert setup["legacy_counts"]["symlink"] >= 6  # and the links in place of an older layout's files


@pytest.mark.parametrize("start", ["out_v1", "legacy_v1"], ids=["generations", "older-layout"])
def test_sigkill_at_each_step_leaves_one_generation(setup, tmp_path, start):
    """Every kill point of an uninterrupted run, one after the other (each in a fresh copy of the outputs); those
    before the switch leave the old build, those after it the new one. An older layout's outputs are adopted as
    a generation before the new one is written: its kill points are those of the adoption, the next one and the
    last one of each kind (the rest are the same as a build over generations)."""
    points = (_kill_points(setup["counts"]) if start == "out_v1"
              else _kill_points(setup["legacy_counts"], after=setup["counts"]))
    sides = []
    for n, (event, k) in enumerate(points):
        def kill(corpus, out):
            res = _run(setup["harness"], event, k, corpus, out)
            assert res.returncode == -signal.SIGKILL, (event, k, res.returncode, res.stderr[-2000:])

        sides.append(_check_killed_then_resumed(setup, tmp_path / str(n), kill, start))
    assert "old" in sides and "new" in sides


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.85])
def test_sigkill_after_a_delay_leaves_outputs_intact(setup, tmp_path, fraction):
    """Kills from outside, at a fraction of how long an uninterrupted run takes."""
    probe, corpus = tmp_path / "probe" / "out", tmp_path / "probe" / "corpus"
    shutil.copytree(setup["out_v1"], probe, symlinks=True)
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
