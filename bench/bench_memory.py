"""Benchmark: memory of ``kg build`` on a folder of many small files and on one large JSONL file.

Generates synthetic park news (a few hundred invented parks, firms and people, combined at random into
sentences with the cue structures the pipeline reads, between sentences that name nothing), then runs ``kg build`` in a fresh process and samples the
resident memory of its process tree every 50 ms. Memory should stay flat while articles stream through: the
input is never loaded at once, extraction results go to the on-disk state, only the graph itself grows (and it
saturates here, since the names repeat).

    python bench/bench_memory.py [--files 100000] [--jsonl-mb 200] [--jobs 2] [--work DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from memwatch import TreeMemory  # noqa: E402

CITIES = ["青川", "临潼", "白河", "江屿", "北岚", "望川", "南岭", "石湾", "云泽", "东岳", "西畴", "金沙"]
PARK_KINDS = ["高新区", "经开区", "科技产业园", "智能制造产业园"]
FIRM_WORDS = ["精密", "智能", "新材料", "光电", "生物", "数据", "装备", "能源", "汽车零部件", "半导体"]
FIRM_HEADS = ["宏", "泰", "瑞", "华", "嘉", "盛", "恒", "鼎", "博", "远", "星", "安", "德", "信", "创", "达"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
ROLES = ["董事长", "总经理", "技术负责人", "主任", "副主任"]
FILLER = ["今年以来，园区坚持创新驱动发展战略，产业结构不断优化，发展质量稳步提升。",
          "据介绍，项目总投资约12亿元，建成后预计年产值可达30亿元，新增就业岗位800余个。",
          "下一步，将继续优化营商环境，完善配套服务，推动产业链上下游协同发展。",
          "记者在生产车间看到，一条条自动化生产线正在满负荷运转，工人们忙着赶制订单。",
          "近年来，当地围绕主导产业精准招商，一批高成长性企业相继落地。"]


def make_names(rng: random.Random) -> tuple[list[str], list[str], list[str]]:
    parks = [c + k for c in CITIES for k in PARK_KINDS]
    firms = sorted({rng.choice(FIRM_HEADS) + rng.choice(FIRM_HEADS) + rng.choice(FIRM_WORDS) + "有限公司"
                    for _ in range(600)})
    people = sorted({rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN) for _ in range(400)})
    return parks, firms, people


def article(rng: random.Random, names, n_sentences: int) -> str:
    parks, firms, people = names
    out = []
    for _ in range(n_sentences):
        if rng.random() < 0.6:  # most sentences of real news name nothing the graph keeps
            out.append(rng.choice(FILLER))
            continue
        p, f, g, who, role = (rng.choice(parks), rng.choice(firms), rng.choice(firms), rng.choice(people),
                              rng.choice(ROLES))
        out.append(rng.choice([
            f"位于{p}的{f}今年订单不减。",
            f"{f}{role}{who}表示，公司将与{g}开展合作。",
            f"{p}管委会{role}{who}介绍，{f}已落户园区。",
            f"{f}与{g}签约，共同建设研发中心。",
            f"近日，{g}入驻{p}，成为园区企业。",
        ]))
    return "".join(out)


def generate(work: Path, files: int, jsonl_mb: float) -> tuple[Path, Path, int, int]:
    rng = random.Random(7)
    names = make_names(rng)
    folder = work / "files"
    chars_files = 0
    if files and not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        for i in range(files):
            sub = folder / f"{i // 1000:03d}"
            if i % 1000 == 0:
                sub.mkdir(parents=True)
            text = article(rng, names, rng.randint(1, 3))
            (sub / f"n{i:06d}.txt").write_text(text, encoding="utf-8")
        (folder / ".complete").touch()
    if files:
        chars_files = sum(len(p.read_text(encoding="utf-8")) for p in folder.rglob("*.txt"))
    jsonl = work / "news.jsonl"
    if jsonl_mb and not jsonl.exists():
        tmp = jsonl.with_suffix(".part")
        with open(tmp, "w", encoding="utf-8") as f:
            i = 0
            while f.tell() < jsonl_mb * 2**20:
                f.write(json.dumps({"id": f"j{i:07d}", "text": article(rng, names, rng.randint(5, 20))},
                                   ensure_ascii=False) + "\n")
                i += 1
        tmp.rename(jsonl)
    chars_jsonl = 0
    if jsonl_mb:
        with open(jsonl, encoding="utf-8") as f:
            chars_jsonl = sum(len(json.loads(line)["text"]) for line in f)
    return folder, jsonl, chars_files, chars_jsonl


def run(inp: Path, out: Path, jobs: int) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "kg", "build", str(inp), "-o", str(out), "--jobs", str(jobs), "--no-progress",
           "--timings"]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    with TreeMemory(proc.pid) as mem:
        stdout, stderr = proc.communicate()
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"kg build failed: {stderr[-2000:]}")
    return {"wall": wall, "samples": mem.samples, "stdout": stdout}


def report(label: str, chars: int, res: dict) -> None:
    samples = res["samples"]
    peak = max(r for _, r in samples)
    quarters = []
    for q in (0.25, 0.5, 0.75, 0.95):
        t = res["wall"] * q
        quarters.append(max((r for s, r in samples if s <= t), default=0))
    arts = next((ln for ln in res["stdout"].splitlines() if ln.startswith("articles:")), "")
    print(f"{label}: {arts}; {chars:,} chars in {res['wall']:.1f} s = {chars / res['wall']:,.0f} chars/s")
    print("  peak memory of the process tree: " + f"{peak / 2**20:,.0f} MiB; peak so far at 25/50/75/95 % of the "
          "run: " + " / ".join(f"{r / 2**20:,.0f}" for r in quarters) + " MiB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=100_000)
    ap.add_argument("--jsonl-mb", type=float, default=200)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--work", type=Path)
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="parkkg-mem-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        folder, jsonl, cf, cj = generate(work, args.files, args.jsonl_mb)
        if args.files:
            report(f"{args.files:,} small files", cf, run(folder, work / "out-files", args.jobs))
        if args.jsonl_mb:
            report(f"one {jsonl.stat().st_size / 2**20:,.1f} MB JSONL file", cj, run(jsonl, work / "out-jsonl",
                                                                                     args.jobs))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
