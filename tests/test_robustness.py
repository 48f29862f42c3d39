"""Issue 7, ingest side: messy corpora. Every bad file gets exactly one error line naming it, good files are still
read, nothing raises, memory stays bounded; plus property tests of the repair map."""
from __future__ import annotations

import codecs
import json
import os
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg.ingest.read
from kg.errors import InputError
from kg.ingest import decode_bytes, DecodeError, describe_error, iter_articles, repair_text

SIMPLIFIED = "聊城高新区的博源科技公司为世界500强加拿大麦格纳公司赶制汽车零部件。"
TRADITIONAL = "聊城高新區的博源科技公司為世界500強加拿大麥格納公司趕製汽車零部件。"

# name -> bytes, for files that must be read; the expected clean text is SIMPLIFIED/TRADITIONAL
GOOD = {
    "utf8.txt": SIMPLIFIED.encode("utf-8"),
    "utf8_bom.txt": codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"),
    "gb18030.txt": SIMPLIFIED.encode("gb18030"),
    "gbk.md": SIMPLIFIED.encode("gbk"),
    "big5.txt": TRADITIONAL.encode("big5"),
    "traditional_utf8.txt": TRADITIONAL.encode("utf-8"),
    "utf16le_bom.txt": codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"),
    "utf16be_bom.txt": codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"),
    "utf16le_nobom.txt": SIMPLIFIED.encode("utf-16-le"),
    "utf16be_nobom.txt": SIMPLIFIED.encode("utf-16-be"),
    "page.html": ("<html><head><title>标题</title><script>alert('<p>x</p>')</script></head><body><p>"
                  + SIMPLIFIED.replace("加拿大", "加拿大&nbsp;") + "</p></body></html>").encode("utf-8"),
    "news.jsonl": (json.dumps({"id": "j1", "text": SIMPLIFIED}, ensure_ascii=False) + "\n"
                   + '{"id": "j2", "text": "截断\n'                      # malformed line in the middle
                   + json.dumps({"id": "j3", "text": TRADITIONAL}, ensure_ascii=False) + "\n"
                   + '{"id": "j4", "te').encode("utf-8"),               # truncated last line
}
# name -> a word of the one-line problem reported for it
BAD = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b" \r\n\t\n   \n", "empty file"),
    "nul.txt": (SIMPLIFIED.encode() + b"\x00\x00abc\x00" + SIMPLIFIED.encode(), "NUL bytes"),
    "random.txt": (bytes((i * 7919 + 13) % 256 for i in range(4096)), "binary file"),
    "image.txt": (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary file"),
    "zip.md": (b"PK\x03\x04" + bytes(range(256)), "binary file"),
    "invalid_bytes.txt": ("中文".encode() + b"\xff\xfe\xfa\x80\x81" * 50, "undecodable"),
    "script_only.html": (b"<html><script>var a = 1;</script><style>p{}</style></html>", "no text"),
}


def collect(paths, **kw):
    errors: list[InputError] = []
    arts = list(iter_articles([str(p) for p in paths], on_error=errors.append, **kw))
    return arts, errors


def test_mixed_folder_every_kind(tmp_path):
    for name, data in {**GOOD, **{k: v[0] for k, v in BAD.items()}}.items():
        (tmp_path / name).write_bytes(data)
    line_1mb = tmp_path / "one_long_line.txt"
    line_1mb.write_text("聊城高新区博源科技公司" * 100_000, encoding="utf-8")   # 1.1M chars, no punctuation
    arts, errors = collect([tmp_path])
    by_id = {a.doc_id: a for a in arts}
    expected_ids = {Path(n).stem for n in GOOD if not n.endswith(".jsonl")} | {"j1", "j3", "one_long_line"}
    assert set(by_id) == expected_ids
    for doc_id, art in by_id.items():
        if doc_id == "one_long_line":
            assert art.text == "聊城高新区博源科技公司" * 100_000
        elif doc_id == "page":
            assert art.text == SIMPLIFIED and art.title == "标题"   # the <title> names the page, not text
        else:
            assert art.text == (TRADITIONAL if doc_id in ("big5", "traditional_utf8", "j3") else SIMPLIFIED), doc_id
    assert by_id["gbk"].encoding == "gb18030" and by_id["big5"].encoding == "big5"
    assert by_id["utf16be_nobom"].encoding == "utf-16-be"
    # one line per bad file (two for the JSONL: its malformed and its truncated line), naming the file and reason
    msgs = sorted(describe_error(e) for e in errors)
    assert len(msgs) == len(BAD) + 2
    for name, (_, word) in BAD.items():
        hits = [m for m in msgs if m.startswith(f"{tmp_path / name}: ")]
        assert len(hits) == 1 and word in hits[0], (name, hits)
    jsonl = [m for m in msgs if m.startswith(f"{tmp_path / 'news.jsonl'}:")]
    assert [m.split(": ", 1)[0] for m in jsonl] == [f"{tmp_path / 'news.jsonl'}:{n}" for n in (2, 4)]
    assert all("\n" not in m for m in msgs)


def test_ten_thousand_files(tmp_path):
    n = 10_000
    for i in range(n):
        d = tmp_path / f"d{i // 1000:02d}"
        if i % 1000 == 0:
            d.mkdir()
        (d / f"f{i:05d}.txt").write_bytes(f"第{i}号园区 发 展。".encode("utf-8"))
    (tmp_path / "d03" / "f03500.txt").write_bytes(b"")      # one bad file among them
    arts, errors = collect([tmp_path])
    assert len(arts) == n - 1
    assert [a.doc_id for a in arts] == sorted(a.doc_id for a in arts)   # deterministic, sorted walk
    assert arts[0].text == "第0号园区发展。"
    assert [describe_error(e) for e in errors] == [f"{tmp_path / 'd03' / 'f03500.txt'}: empty file"]


def test_100mb_file_is_rejected_without_loading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:         # sparse: 100 MB on paper, nothing on disk
        f.truncate(100 * 1024 * 1024)
    (tmp_path / "small.txt").write_text(SIMPLIFIED, encoding="utf-8")
    tracemalloc.start()
    try:
        arts, errors = collect([tmp_path])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [a.doc_id for a in arts] == ["small"]
    assert len(errors) == 1 and "file too large (100.0 MB > 50.0 MB limit)" in str(errors[0])
    assert peak < 5 * 1024 * 1024


def test_jsonl_is_streamed_in_bounded_memory(tmp_path):
    p = tmp_path / "stream.jsonl"
    record = {"text": "聊城高新区的博源科技公司。" * 40}
    with open(p, "w", encoding="utf-8") as f:
        for i in range(1500):
            f.write(json.dumps({"id": f"r{i}", **record}, ensure_ascii=False) + "\n")
    size = p.stat().st_size
    assert size > 2 * 1024 * 1024
    tracemalloc.start()
    try:
        count = 0
        for art in iter_articles([p], on_error=pytest.fail):
            count += 1
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 1500
    assert peak < size / 4


def test_unreadable_file_reported(tmp_path, monkeypatch):
    """Permissions, simulated so the test also means something when run as root."""
    (tmp_path / "a.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SIMPLIFIED, encoding="utf-8")
    real_open = open

    def fake_open(path, *args, **kwargs):
        if str(path).endswith("a.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(kg.ingest.read, "open", fake_open, raising=False)
    arts, errors = collect([tmp_path])
    assert [a.doc_id for a in arts] == ["b"]
    assert [describe_error(e) for e in errors] == [f"{tmp_path / 'a.txt'}: permission denied"]


def test_unreadable_folder_reported(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SIMPLIFIED, encoding="utf-8")
    real_scandir = os.scandir

    def fake_scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(kg.ingest.read.os, "scandir", fake_scandir)
    arts, errors = collect([tmp_path])
    assert [a.doc_id for a in arts] == ["b"]
    assert [describe_error(e) for e in errors] == [f"{tmp_path / 'locked'}: permission denied"]


def test_symlink_loops(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text(SIMPLIFIED, encoding="utf-8")
    os.symlink(tmp_path / "a", tmp_path / "a" / "b" / "up")      # a/b/up -> a
    os.symlink(tmp_path / "l2", tmp_path / "l1")                  # l1 -> l2 -> l1
    os.symlink(tmp_path / "l1", tmp_path / "l2")
    arts, errors = collect([tmp_path, tmp_path / "l1"])
    assert [a.doc_id for a in arts] == ["x"]
    msgs = sorted(describe_error(e) for e in errors)
    assert msgs == sorted([f"{tmp_path / 'a' / 'b' / 'up'}: symlink loop (links back to an enclosing folder)",
                           f"{tmp_path / 'l1'}: symlink loop", f"{tmp_path / 'l2'}: symlink loop"])  # l1 once,
    # although met twice (in the folder and named)


def test_unexpected_failure_in_one_file_does_not_stop_the_walk(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (tmp_path / "b.txt").write_text("触发" + SIMPLIFIED, encoding="utf-8")
    real = kg.ingest.read._article

    def flaky(doc_id, *args, **kwargs):
        if doc_id == "b":
            raise RuntimeError("boom")
        return real(doc_id, *args, **kwargs)

    monkeypatch.setattr(kg.ingest.read, "_article", flaky)
    arts, errors = collect([tmp_path])
    assert [a.doc_id for a in arts] == ["a"]
    assert [describe_error(e) for e in errors] == [f"{tmp_path / 'b.txt'}: internal error (RuntimeError: boom)"]


# ----------------------------------------------------------------------------------------------- properties

CJK_TEXT = st.lists(
    st.one_of(
        st.sampled_from(list("聊城高新区博源公司发展济南。，、“”：！？…")),
        st.sampled_from([" ", "\n", "\n\n", "\r\n", "\r", "\u3000", "\t", "\u200b", "\x00", "#", "## ", "本报记者 ",
                         "王延斌", "（记者叶青）", "通讯员", "供图", "Magna ", "147.2", "%", "■", "谢嘉 李媛"]),
        st.characters(codec="utf-8"),
    ),
    max_size=120,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CJK_TEXT)
def test_repair_map_is_exact(raw):
    text, to_raw = repair_text(raw)
    assert len(to_raw) == len(text) + 1
    assert all(raw[to_raw[i]] == ch for i, ch in enumerate(text))
    assert all(a < b for a, b in zip(to_raw, to_raw[1:-1]))
    assert not text.startswith(("\n", " ")) and not text.endswith(("\n", " ")) and "\n\n" not in text
    assert repair_text(raw) == (text, to_raw)  # deterministic


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>&;/=\"' abpscript#x12tle聊城。\n")), max_size=200))
def test_html_never_crashes_and_maps_into_the_source(raw):
    try:
        art = kg.ingest.read._article("d", "d.html", raw, encoding="utf-8", kind="html")
    except DecodeError:
        return
    assert len(art.to_raw) == len(art.text) + 1
    assert all(0 <= r < len(raw) for r in art.to_raw[:-1])


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_decode_bytes_only_raises_decode_error(data):
    try:
        text, codec = decode_bytes(data)
    except DecodeError as e:
        assert str(e) and "\n" not in str(e)
        return
    assert isinstance(text, str) and codec


# ------------------------------------------------------------------------------------- end to end, kg build

def test_kg_build_over_every_kind_of_bad_input(tmp_path):
    """The whole command over a folder of every good and bad kind, plus a symlink loop and an unreadable file
    (chmod 000; simulated as a dangling link when running as root): exit 0, one stderr line per bad input naming
    it, no traceback, every good article in the graph, nothing half-written."""
    import subprocess
    import sys

    src = tmp_path / "in"
    src.mkdir()
    for name, data in {**GOOD, **{k: v[0] for k, v in BAD.items()}}.items():
        (src / name).write_bytes(data)
    (src / "loop").mkdir()
    os.symlink("..", src / "loop" / "back")
    locked = src / "locked.txt"
    if os.geteuid() == 0:
        os.symlink(tmp_path / "does-not-exist.txt", locked)
    else:
        locked.write_text(SIMPLIFIED, encoding="utf-8")
        locked.chmod(0)
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(src), "-o", str(out), "--no-progress"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [x for x in proc.stderr.splitlines() if x.startswith("skipped ")]
    assert len(lines) == len(BAD) + 2 + 2  # + the JSONL's two bad lines, the loop, the unreadable file
    for name in [*BAD, "news.jsonl:2", "news.jsonl:4", "back", "locked.txt"]:
        assert sum(name in x for x in lines) == 1, (name, lines)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["articles"] == len(GOOD) - 1 + 2  # every good file, the JSONL's two good records
    assert len(summary["skipped"]) == len(lines)
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "博源科技公司" in ttl and "聊城高新区" in ttl
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
