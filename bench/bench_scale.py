"""Benchmark: ``kg build`` end to end on real text nobody here wrote, ``--jobs 1`` against ``--jobs 2``.

Corpus (~3M characters): the State Council government work reports (``gov_work_reports``, 72 long documents,
one JSONL file, 1.1M chars) and People's Daily January 1998 (``pd1998_01_pos``, the ``/tag`` marks stripped,
cut into ~3,000-character articles, one .txt file each, 1.86M chars). Both are read from the data folder given
by ``--data-dir`` or ``PARKKG_DATA_DIR``.

Each run is a fresh process (``kg build`` into an empty OUT with every output: Turtle, store, HTML view). It
prints, per ``--jobs`` value: characters per second end to end (the whole ``build()`` call, pipeline loading
included, and the whole process including imports), per stage (ingest, spaCy pipeline, graph, export = Turtle +
store + HTML), peak memory of the process tree, and the same corpus through a bare spaCy char-tokenizer pass as
the reference, with the ratio.

    python bench/bench_scale.py [--data-dir DIR] [--jobs 1 2] [--repeat 1]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from memwatch import TreeMemory  # noqa: E402

CHILD = r"""
import json, os, resource, sys, time
t0 = time.perf_counter()
from kg.build import build
t1 = time.perf_counter()
report = build([sys.argv[1]], sys.argv[2], jobs=int(sys.argv[3]))
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "build": t2 - t1, "timings": report.timings, "counts": report.counts,
                  "summary": {k: report.summary[k] for k in ("entities", "relations")},
                  "maxrss_self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "maxrss_children_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def prepare(data: Path, work: Path) -> Path:
    """Write the corpus as kg inputs: one JSONL file of reports and a folder of People's Daily articles."""
    corpus = work / "corpus"
    if (corpus / ".complete").exists():
        return corpus
    shutil.rmtree(corpus, ignore_errors=True)
    (corpus / "pd1998").mkdir(parents=True)
    with open(data / "gov_work_reports" / "government_work_reports.jsonl", encoding="utf-8") as f, \
            open(corpus / "gov_work_reports.jsonl", "w", encoding="utf-8") as out:
        for i, line in enumerate(f):
            rec = json.loads(line)
            out.write(json.dumps({"id": f"gov{i:03d}", "title": rec.get("title", ""), "text": rec["content"],
                                  "url": rec.get("url", "")}, ensure_ascii=False) + "\n")
    buf: list[str] = []
    size = n = 0
    with open(data / "pd1998_01_pos" / "199801.txt", encoding="utf-8") as f:
        for line in f:
            words = "".join(t.rsplit("/", 1)[0] for t in line.split() if t)
            if not words:
                continue
            buf.append(words)
            size += len(words)
            if size >= 3000:
                (corpus / "pd1998" / f"pd{n:05d}.txt").write_text("\n".join(buf) + "\n", encoding="utf-8")
                buf, size, n = [], 0, n + 1
    if buf:
        (corpus / "pd1998" / f"pd{n:05d}.txt").write_text("\n".join(buf) + "\n", encoding="utf-8")
    (corpus / ".complete").touch()
    return corpus


def tokenizer_reference(corpus: Path) -> tuple[int, float]:
    """Characters and seconds of a bare spaCy char-tokenizer pass over the same article texts."""
    import spacy

    from kg.ingest import iter_articles

    texts = [a.text for a in iter_articles([corpus], on_error=lambda e: None)]
    nlp = spacy.blank("zh")
    t = time.perf_counter()
    for doc in nlp.pipe(texts):
        pass
    return sum(map(len, texts)), time.perf_counter() - t


def run_build(corpus: Path, jobs: int, work: Path) -> dict:
    out = work / f"out-j{jobs}"
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(REPO)}
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(corpus), str(out), str(jobs)], stdout=subprocess.PIPE,
                            env=env, cwd=REPO, text=True)
    with TreeMemory(proc.pid) as mem:
        stdout, _ = proc.communicate()
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"kg build --jobs {jobs} failed (exit code {proc.returncode})")
    res = json.loads(stdout.strip().splitlines()[-1])
    res["process"] = wall
    res["tree_peak_rss"] = mem.peak
    res["ttl"] = (out / "graph.ttl").read_bytes()
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, default=os.environ.get("PARKKG_DATA_DIR"))
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=1, help="runs per --jobs value (the fastest is reported)")
    ap.add_argument("--work", type=Path, help="working folder (default: a temporary one, removed afterwards)")
    args = ap.parse_args()
    data = args.data_dir
    if not data or not (Path(data) / "gov_work_reports").is_dir():
        raise SystemExit(f"{data or 'no data folder given'}: need gov_work_reports/ and pd1998_01_pos/; "
                         "give --data-dir or PARKKG_DATA_DIR")
    work = args.work or Path(tempfile.mkdtemp(prefix="parkkg-bench-"))
    try:
        corpus = prepare(Path(data), work)
        sys.path.insert(0, str(REPO))
        n_chars, tok = tokenizer_reference(corpus)
        files = sum(1 for _ in (corpus / "pd1998").iterdir()) + 1
        print(f"corpus: {n_chars:,} characters (72 government work reports in one JSONL file + "
              f"{files - 1} People's Daily articles, one file each); machine: {os.cpu_count()} cores")
        print(f"reference, bare spaCy char tokenizer: {n_chars / tok:,.0f} chars/s ({tok:.2f} s)")
        results = {}
        for jobs in args.jobs:
            runs = [run_build(corpus, jobs, work) for _ in range(args.repeat)]
            results[jobs] = min(runs, key=lambda r: r["build"])
        first = None
        for jobs, r in results.items():
            t = r["timings"]
            export = t.get("export", 0) + t.get("store", 0) + t.get("html", 0)
            print(f"\n--jobs {jobs}: {r['counts']['read']} articles -> {r['summary']['entities']:,} entities, "
                  f"{r['summary']['relations']:,} relations")
            print(f"  end to end (build call): {r['build']:.2f} s = {n_chars / r['build']:,.0f} chars/s "
                  f"({n_chars / r['build'] / jobs:,.0f} per process); ratio to the tokenizer: "
                  f"{tok / r['build']:.3f}")
            print(f"  whole process (imports included): {r['process']:.2f} s = {n_chars / r['process']:,.0f} chars/s")
            print(f"  stages: ingest {t.get('ingest', 0):.2f} s ({n_chars / max(t.get('ingest', 0), 1e-9):,.0f} "
                  f"chars/s) | spaCy pipeline {t.get('extract_cpu', 0):.2f} s CPU over {jobs} process(es), "
                  f"{t.get('extract_wall', 0):.2f} s wall ({n_chars / t.get('extract_wall', 1):,.0f} chars/s) | "
                  f"graph {t.get('graph', 0):.2f} s | export {export:.2f} s (Turtle {t.get('export', 0):.2f}, "
                  f"store {t.get('store', 0):.2f}, HTML {t.get('html', 0):.2f})")
            peak = r["tree_peak_rss"] or (r["maxrss_self_kb"] + jobs * r["maxrss_children_kb"]) * 1024
            print(f"  peak memory: {peak / 2**20:,.0f} MiB (sum of RSS over the process tree); main process "
                  f"{r['maxrss_self_kb'] / 1024:,.0f} MiB")
            if first is None:
                first = r
            else:
                same = "identical" if r["ttl"] == first["ttl"] else "DIFFERENT"
                print(f"  speed-up over --jobs {args.jobs[0]}: {first['build'] / r['build']:.2f}x "
                      f"(whole process {first['process'] / r['process']:.2f}x); graph.ttl {same}")
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
