"""Issue 13: the defects a hostile run found (D1-D19), one regression test (or more) each.

Every test here failed before its fix. Nothing depends on timing: servers are local stubs, a full disk and a
read-only folder are simulated inside SQLite, permissions are simulated where root would ignore them.
"""
from __future__ import annotations

import base64
import errno
import html
import http.server
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import urllib.parse
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal

import kg.engines
import kg.ingest.read
from kg.build import build
from kg.errors import InputError, OutputError, PushError, QueryError, printable
from kg.rdf.triples import article_triples
from kg.ingest import decode_bytes, describe_error, iter_articles, parse_date, read_article
from kg.push import Credentials, _scrub, check_timeout, push_bytes, split_endpoint
from kg.records import Article
from kg.store.sparql import QueryResult, format_table, run_query
from cli_helper import run_kg

SIMPLIFIED = "青川高新区的岳岚科技公司为世界500强星桥汽车公司赶制汽车零部件。"


def collect(paths, **kw):
    errors: list[InputError] = []
    arts = list(iter_articles([str(p) for p in paths], on_error=errors.append, **kw))
    return arts, errors


def record(**fields) -> str:
    return json.dumps({"text": SIMPLIFIED, **fields}, ensure_ascii=False)


# ------------------------------------------------------------------------ D1, D3: one JSONL line never stops the rest

def test_d1_jsonl_id_of_4301_digits_does_not_stop_the_reader(tmp_path):
    p = tmp_path / "news.jsonl"
    big = "9" * 4301                       # more digits than int() accepts
    p.write_text("\n".join([record(id="a"), f'{{"id": {big}, "text": "{SIMPLIFIED}"}}', record(id="c"),
                            f'{{"id": "d", "title": {big}, "text": "{SIMPLIFIED}"}}',
                            f'{{"id": "e", "text": {big}}}', record(id="f")]) + "\n", encoding="utf-8")
    arts, errors = collect([p])
    assert [a.doc_id for a in arts] == ["a", big, "c", "d", "f"]      # the huge id is kept, as its digits
    assert arts[3].title == big
    assert [describe_error(e) for e in errors] == [f'{p}:5: "text" is a int, not a string']


def test_d1_an_unexpected_failure_on_one_jsonl_line_is_one_error_line(tmp_path, monkeypatch):
    p = tmp_path / "news.jsonl"
    p.write_text("\n".join(record(id=i) for i in ("a", "boom", "c")) + "\n", encoding="utf-8")
    real = kg.ingest.read._article

    def flaky(doc_id, *args, **kwargs):
        if doc_id == "boom":
            raise ValueError("Exceeds the limit (4300 digits)")
        return real(doc_id, *args, **kwargs)

    monkeypatch.setattr(kg.ingest.read, "_article", flaky)
    arts, errors = collect([p])
    assert [a.doc_id for a in arts] == ["a", "c"]
    assert [describe_error(e) for e in errors] == [f"{p}:2: internal error (ValueError: Exceeds the limit (4300 "
                                                   "digits))"]


def test_d3_lone_surrogate_in_a_jsonl_record_is_replaced_with_a_warning(tmp_path, caplog):
    p = tmp_path / "news.jsonl"
    p.write_text('{"id": "a\\udfff", "title": "t\\ud800", "text": "' + SIMPLIFIED + '\\udc80"}\n'
                 + record(id="b") + "\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        arts, errors = collect([p])
    assert errors == []
    assert [a.doc_id for a in arts] == ["a\ufffd", "b"]
    assert arts[0].title == "t\ufffd" and arts[0].text == SIMPLIFIED + "\ufffd"
    for a in arts:  # everything can be written as UTF-8 (the state, the Turtle)
        for v in (a.doc_id, a.title, a.text, a.raw, a.source):
            v.encode("utf-8")
    assert sum("lone surrogate" in r.getMessage() and f"{p}:1" in r.getMessage() for r in caplog.records) == 3


def test_d3_file_name_that_is_not_utf8_gets_a_writable_id(tmp_path):
    (tmp_path / os.fsdecode("新闻".encode("gbk") + b".txt")).write_text(SIMPLIFIED, encoding="utf-8")
    (tmp_path / os.fsdecode(b"bad\xff.txt")).write_text(SIMPLIFIED, encoding="utf-8")
    arts, errors = collect([tmp_path])
    assert errors == []
    assert sorted(a.doc_id for a in arts) == ["bad\ufffd", "新闻"]            # GBK names read as GB18030
    assert sorted(a.source for a in arts) == sorted(f"{tmp_path.name}/{n}" for n in ("bad\ufffd.txt", "新闻.txt"))


def test_d1_d3_d19_kg_build_goes_on_through_every_bad_record(tmp_path):
    """The whole command: huge ids, lone surrogates, a non-UTF-8 file name, bad dates. Exit 0, every record
    built, one warning line each, no traceback, and no ill-typed literal in the graph."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "news.jsonl").write_text("\n".join([
        f'{{"id": {"7" * 4301}, "text": "{SIMPLIFIED}"}}',
        '{"id": "s\\udfff", "text": "' + SIMPLIFIED + '"}',
        record(id="d1", date="20230101"),
        record(id="d2", date="2023-13-45"),
        record(id="d3", date="2023/2/30"),
        record(id="d4", date="2023-01-02T08:00:00+08:00"),
    ]) + "\n", encoding="utf-8")
    (src / os.fsdecode(b"bad\xff.txt")).write_text(SIMPLIFIED, encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(src), "-o", str(out), "--no-progress",
                           "--no-html"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["articles"] == 7
    warnings = proc.stderr.splitlines()
    assert sum("not a valid date" in w for w in warnings) == 2
    assert sum("lone surrogate" in w for w in warnings) == 1
    g = Graph().parse(out / "graph.ttl", format="turtle")
    dates = sorted(str(o) for _, p, o in g if str(p) == "http://purl.org/dc/terms/date")
    assert dates == ["2023-01-01", "2023-01-02"]
    assert not [o for _, _, o in g if isinstance(o, Literal) and o.ill_typed]


# ----------------------------------------------------------------------------------------- D2: UTF-16 without BOM

@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_d2_utf16_without_bom_holding_characters_xx00(codec):
    # 一 (U+4E00), 开 (U+5F00), 丁 (U+4E01 no), 万 ... : NULs on both byte positions, not only the ASCII ones
    text = ("一开始，青川高新区开工一个项目。OK 2023\n" * 3) + "一一开开\n"
    data = text.encode(codec)
    assert data[0::2].count(0) and data[1::2].count(0)   # NULs in both positions: the old parity test refused it
    assert decode_bytes(data) == (text, codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_d2_utf16_english_and_binary_with_nuls_are_still_told_apart(codec):
    assert decode_bytes("Plain English, 42 lines.\n".encode(codec)) == ("Plain English, 42 lines.\n", codec)
    with pytest.raises(kg.ingest.decode.DecodeError, match="NUL bytes"):
        decode_bytes(SIMPLIFIED.encode() + b"\x00\x00abc\x00\x00" + SIMPLIFIED.encode())


# --------------------------------------------------------- D4, D18: control characters never reach the terminal raw

def test_printable_escapes_controls_ansi_bidi_and_surrogates():
    assert printable("a\nb\r\x1b[31mc\x07\x85\u202e\u2028\udcff 中文") == \
        "a\\nb\\r\\x1b[31mc\\x07\\x85\\u202e\\u2028\\udcff 中文"


def test_d4_skipped_file_names_with_newlines_and_ansi_escapes_are_printed_escaped(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (src / "evil\nskipped forged.txt\x1b[2J\x1b[31m.txt").write_bytes(b"")          # empty: skipped
    (src / "news.jsonl").write_text(record(id="x", date="\x1b[31m2023\n") + "\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(src), "-o", str(out), "--no-progress",
                           "--no-html", "--no-store"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    for stream in (proc.stdout, proc.stderr):
        assert "\x1b" not in stream and "\r" not in stream
    skipped = [line for line in proc.stderr.splitlines() if line.startswith("skipped ")]
    assert skipped == [f"skipped {src}/evil\\nskipped forged.txt\\x1b[2J\\x1b[31m.txt: empty file"]
    assert f"{src}/evil\\nskipped forged.txt\\x1b[2J\\x1b[31m.txt: empty file" in proc.stdout    # the summary
    assert any("'\\x1b[31m2023'" in line and "not a valid date" in line for line in proc.stderr.splitlines())


def test_d18_query_table_escapes_control_characters_in_titles():
    title = "标题\x1b[2J\x1b[31m红\x07\r\tend\u202e"
    res = QueryResult(kind="select", variables=["title"], rows=[(ox.Literal(title),)])
    table = format_table(res)
    assert "\x1b" not in table and "\x07" not in table and "\r" not in table and "\u202e" not in table
    assert table.splitlines()[2] == "标题\\x1b[2J\\x1b[31m红\\x07\\r\\tend\\u202e"


def test_d18_kg_query_over_a_build_with_a_hostile_title(tmp_path, capsys):
    src = tmp_path / "news.jsonl"
    src.write_text(record(id="a", title="园区\x1b]0;owned\x07新闻\n第二行") + "\n", encoding="utf-8")
    out = tmp_path / "out"
    build([str(src)], out, html=False, use_ner=False)
    code, stdout, err = run_kg(capsys, "query", out, "SELECT ?t WHERE { ?a dcterms:title ?t }")
    assert code == 0, err
    assert "\x1b" not in stdout and "\x07" not in stdout
    assert "园区\\x1b]0;owned\\x07新闻 第二行" in stdout


# ---------------------------------------------------------------------- D6/D13: read-only or full state database

def _patch_state_db(monkeypatch, pragma: str) -> None:
    import kg.state

    real = kg.state.BuildState._open

    def _open(self):
        db = real(self)
        db.execute(pragma)
        return db

    monkeypatch.setattr(kg.state.BuildState, "_open", _open)


@pytest.mark.parametrize("pragma, problem", [
    ("PRAGMA max_page_count = 8", "database or disk is full"),           # a full disk, as SQLite sees it
    ("PRAGMA query_only = ON", "attempt to write a readonly database"),  # a read-only folder
])
def test_d6_d13_state_database_errors_are_one_clear_line(tmp_path, monkeypatch, capsys, pragma, problem):
    src = tmp_path / "news.jsonl"
    src.write_text("\n".join(record(id=f"a{i}", title="长" * 3000) for i in range(30)) + "\n", encoding="utf-8")
    _patch_state_db(monkeypatch, pragma)
    state = tmp_path / "out" / "state" / "extractions.sqlite"
    with pytest.raises(OutputError, match="^" + str(state).replace("\\", "\\\\") + ": cannot write the build "
                                          "state"):
        build([str(src)], tmp_path / "out", html=False, store=False, use_ner=False)
    code, out, err = run_kg(capsys, "build", src, "-o", tmp_path / "out", "--no-html", "--no-store", "--no-progress")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"kg build: error: {state}: cannot write the build state")
    assert problem in err and "Traceback" not in err


def test_d6_d13_a_full_disk_while_writing_the_outputs_is_one_clear_line(tmp_path, monkeypatch, capsys):
    import kg.build

    src = tmp_path / "a.txt"
    src.write_text(SIMPLIFIED, encoding="utf-8")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(kg.build, "write_turtle_stream", full)
    code, out, err = run_kg(capsys, "build", src, "-o", tmp_path / "out", "--no-progress")
    assert code == 1 and out == "" and "Traceback" not in err
    assert err == f"kg build: error: {tmp_path / 'out'}: cannot write the build outputs: No space left on device\n"


@pytest.mark.parametrize("error, line", [
    (sqlite3.OperationalError("disk I/O error"), "SQLite: disk I/O error"),
    (OSError(errno.EROFS, os.strerror(errno.EROFS), "/x/out/a.tmp"), f"/x/out/a.tmp: {os.strerror(errno.EROFS)}"),
])
def test_d6_an_os_or_sqlite_error_no_library_code_named_is_still_one_line(monkeypatch, capsys, error, line):
    import kg.commands.query

    def broken(args):
        raise error

    monkeypatch.setattr(kg.commands.query, "run", broken)   # (read when the parser is made, inside main)
    code, out, err = run_kg(capsys, "query", "out", "ASK {}")
    assert code == 1 and out == ""
    assert err == f"kg query: error: {line}\n"


# ----------------------------------------------------------------------------------- D7: an article over 1M chars

def test_d7_an_article_longer_than_spacy_max_length_is_extracted_in_segments(extractor_light, monkeypatch):
    ex = extractor_light
    para = ("湛江高新区管委会与湛江大学签署合作协议。青川高新区的岳岚科技公司为星桥汽车公司赶制汽车零部件。\n"
            "云岚集团投资建设数据中心。\n")
    text = para * 40
    art = Article.from_text(text, doc_id="long", source="long.txt")
    whole = ex.extract(art)
    monkeypatch.setattr(ex.nlp, "max_length", 1000)            # so that the test's article is "too long"
    with pytest.raises(ValueError, match="E088"):
        ex.extract(art)                                           # what failed before
    d = kg.engines.extract_article(ex, art)
    assert d.doc_id == "long" and d.n_chars == len(text)
    assert {(e.cls, e.name) for e in d.entities} == {(e.cls, e.name) for e in whole.entities}
    assert {(r.kind, r.evidence) for r in d.relations} <= {(r.kind, r.evidence) for r in whole.relations}
    assert len({(r.kind, r.evidence) for r in d.relations}) >= 0.9 * len({(r.kind, r.evidence) for r in whole.relations})
    keys = {e.key for e in d.entities}
    assert len(keys) == len(d.entities) and all(r.head in keys and r.tail in keys for r in d.relations)
    for e in d.entities:
        for m in e.mentions:   # offsets into the whole article, clean and raw alike
            assert text[m.raw_start:m.raw_end] == text[m.start:m.end]
    assert max(m.start for e in d.entities for m in e.mentions) > len(text) - len(para)


def test_d7_the_build_path_never_hits_e088(extractor_light, monkeypatch):
    monkeypatch.setattr(extractor_light.nlp, "max_length", 500)
    monkeypatch.setitem(kg.engines._EXTRACTORS, False, extractor_light)
    art = Article.from_text("云岚集团在湛江高新区投资建设数据中心。\n" * 100, doc_id="long")
    results, _ = kg.engines.extract_chunk([art], use_ner=False)
    assert [type(r) for r in results] == [tuple]           # an extraction, not an InputError ("E088")
    assert kg.engines.SPLIT_ABOVE_CHARS <= 1_000_000        # spaCy's default max_length


def test_d7_segments_end_at_line_breaks():
    text = ("一" * 30 + "\n") * 10
    spans = kg.engines.segments(text, 100)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(e - s <= 100 and text[e - 1] == "\n" for s, e in spans[:-1])
    assert kg.engines.segments("一" * 250, 100) == [(0, 100), (100, 200), (200, 250)]


@pytest.fixture(scope="module")
def extractor_light():
    """The pipeline without the statistical NER (what a build uses by default)."""
    return kg.engines._extractor(False)


# ------------------------------------------------------------------------------------------- D8: SERVICE in a query

@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } }",
    "ASK { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } }",
])
def test_d8_a_service_call_is_refused_in_one_line(tmp_path, capsys, query):
    store = ox.Store()
    with pytest.raises(QueryError, match="SERVICE"):
        run_query(store, query)
    (tmp_path / "graph.ttl").write_text("<http://a> <http://b> <http://c> .\n", encoding="utf-8")
    code, out, err = run_kg(capsys, "query", tmp_path / "graph.ttl", query)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("kg query: error: SERVICE is refused") and "Traceback" not in err


# ----------------------------------------------------------------------------------------- D9, D10, D11: kg push

PASSWORD = 'pw"<&>\'/é\\x'    # characters JSON, HTML and URLs all escape differently


def leaked_forms(secret: str) -> set[str]:
    forms = {secret, json.dumps(secret)[1:-1], json.dumps(secret, ensure_ascii=False)[1:-1],
             html.escape(secret), html.escape(secret, quote=False), urllib.parse.quote(secret, safe=""),
             base64.b64encode(f"alice:{secret}".encode()).decode()}
    return {f for f in forms if len(f) >= 4}


class EscapingEcho(http.server.BaseHTTPRequestHandler):
    """A server whose error documents repeat the password JSON-escaped and HTML-escaped."""

    statuses: list[int] = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        _, _, value = (self.headers.get("Authorization") or "").partition(" ")
        password = base64.b64decode(value).decode().split(":", 1)[1]
        status = type(self).statuses.pop(0) if type(self).statuses else 500
        body = (json.dumps({"error": "bad login", "password": password}) + " "
                + json.dumps({"pw": password}, ensure_ascii=False) + " <p>you sent " + html.escape(password)
                + "</p> <i>" + "".join(f"&#{ord(c)};" for c in password) + "</i>").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def escaping_echo():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), EscapingEcho)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield EscapingEcho, f"http://127.0.0.1:{server.server_address[1]}/store"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("statuses", [[500, 502, 503], [400]])
def test_d9_credentials_echoed_json_or_html_escaped_are_scrubbed(escaping_echo, tmp_path, capsys, caplog,
                                                                monkeypatch, statuses):
    handler, url = escaping_echo
    handler.statuses = list(statuses)
    (tmp_path / "graph.ttl").write_text("<http://a> <http://b> <http://c> .\n", encoding="utf-8")
    monkeypatch.setattr("kg.push.time.sleep", lambda s: None)
    monkeypatch.setenv("PARKKG_PASSWORD", PASSWORD)
    with caplog.at_level(logging.DEBUG):
        code, out, err = run_kg(capsys, "-v", "push", tmp_path, "--endpoint", url, "--user", "alice", "--retries", "2")
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert "bad login" in err                                   # the server's message is shown, scrubbed
    if len(statuses) > 1:
        assert sum("retrying" in r.getMessage() for r in caplog.records) == 2
    for text in (out, err, caplog.text):
        for form in leaked_forms(PASSWORD):
            assert form not in text, f"{form!r} leaked"


def test_d9_a_message_that_still_holds_the_secret_once_unescaped_is_withheld():
    creds = Credentials("alice", "Zq8:secret")
    doubly = html.escape(json.dumps({"pw": "Zq8:secret"}).replace(":", "\\u003a"))  # \u003a, then HTML-escaped
    assert "Zq8:secret" not in _scrub(doubly, creds)
    assert _scrub("a plain error", creds) == "a plain error"


@pytest.mark.parametrize("at", [190, 1995])
def test_d9_a_secret_cut_by_the_length_limits_is_not_shown_in_part(at):
    import io
    import urllib.error

    from kg.push import _read_body

    secret = "Zq8-0123456789-secret"
    body = ("x" * at + secret + "y" * 3000).encode()
    err = urllib.error.HTTPError("http://h/", 500, "boom", {}, io.BytesIO(body))
    shown = _read_body(err, Credentials("alice", secret))
    assert "Zq8" not in shown and len(shown) <= 200


@pytest.mark.parametrize("endpoint", [
    "http://admin:s3cr#et@127.0.0.1:1/store",
    "http://admin:1234#s3cret@127.0.0.1:1/store",           # by the URL rules: host "admin", port 1234
    "http://admin:s3?cret@127.0.0.1:1/store",
    "http://admin:s3/c#ret@127.0.0.1:1/store",
])
def test_d10_password_with_hash_or_question_mark_is_refused_without_printing_it(tmp_path, capsys, caplog,
                                                                                monkeypatch, endpoint):
    sent = []
    monkeypatch.setattr("kg.push.urllib.request.OpenerDirector.open", lambda *a, **k: sent.append(a))
    (tmp_path / "graph.ttl").write_text("<http://a> <http://b> <http://c> .\n", encoding="utf-8")
    with caplog.at_level(logging.DEBUG):
        code, out, err = run_kg(capsys, "-v", "push", tmp_path, "--endpoint", endpoint, "--retries", "0")
    assert code == 1 and sent == [], "nothing may be sent (least of all to a host named 'admin')"
    assert err.count("\n") == 1 and "bad endpoint" in err and "Traceback" not in err
    for text in (out, err, caplog.text):
        for part in ("s3cr", "cret", "1234", "et@"):
            assert part not in text


def test_d10_percent_encoded_hash_in_the_password_still_works():
    base, creds = split_endpoint("http://admin:s3cr%23et%3F@example.org/store")
    assert base == "http://example.org/store"
    assert creds.header() == "Basic " + base64.b64encode(b"admin:s3cr#et?").decode()
    assert split_endpoint("http://example.org/store?mail=a@b.org")[1] is None   # an @ in the query is no user
    assert split_endpoint("http://example.org?x=1/y#z")[0] == "http://example.org?x=1/y#z"


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e300", "0", "-5"])
def test_d11_push_timeout_that_the_socket_cannot_take_is_one_line(tmp_path, capsys, value):
    (tmp_path / "graph.ttl").write_text("<http://a> <http://b> <http://c> .\n", encoding="utf-8")
    code, out, err = run_kg(capsys, "push", tmp_path, "--endpoint", "http://127.0.0.1:1/store", f"--timeout={value}")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("kg push: error: --timeout") and "Traceback" not in err
    with pytest.raises(PushError, match="--timeout"):
        push_bytes(b"", "http://127.0.0.1:1/store", timeout=float(value))
    assert check_timeout(60) == 60.0 and check_timeout(86_400) == 86_400.0


# -------------------------------------------------------------------------------------- D14, D15: declared charsets

def html_page(body: str, charset: str, codec: str) -> bytes:
    return (f'<html><head><meta charset="{charset}"><title>t</title></head><body><p>{body}</p></body></html>'
            .encode(codec))


def test_d14_charset_undefined_is_ignored_not_an_internal_error(tmp_path):
    for charset in ("undefined", "base64", "rot13", "no-such-charset"):
        (tmp_path / f"{charset}.html").write_bytes(html_page(SIMPLIFIED, charset, "gbk"))
    arts, errors = collect([tmp_path])
    assert errors == []
    assert {a.text for a in arts} == {SIMPLIFIED}   # (the <title> names the page: not article text)


@pytest.mark.parametrize("charset", ["iso-8859-1", "windows-1252", "latin1", "koi8-r"])
def test_d15_gbk_bytes_under_a_single_byte_charset_are_read_as_chinese_with_a_warning(tmp_path, caplog, charset):
    p = tmp_path / "page.html"
    p.write_bytes(html_page(SIMPLIFIED, charset, "gbk"))
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        art = read_article(p)
    assert art.text == SIMPLIFIED and art.encoding == "gb18030"
    assert [r.getMessage() for r in caplog.records] == [
        f"{p}: the declared charset {charset!r} does not fit the bytes, which read as Chinese: decoded as gb18030"]


@pytest.mark.parametrize("charset, text", [
    ("iso-8859-1", "Le café de la résidence à côté de l'école était fermé."),
    ("windows-1252", "Größere Unternehmen – „Übersicht“ für Städte"),
    ("koi8-r", "привет парк"),           # also valid GBK bytes, but letters in KOI8-R: the label is believed
])
def test_d15_real_single_byte_text_keeps_its_declared_charset(tmp_path, caplog, charset, text):
    p = tmp_path / "page.html"
    p.write_bytes(html_page(text, charset, charset))
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        art = read_article(p)
    assert art.encoding == kg.ingest.decode._normalise_codec(charset)
    assert caplog.records == []
    assert decode_bytes(text.encode(charset), hint=charset) == (text, kg.ingest.decode._normalise_codec(charset))


# ----------------------------------------------------------------------- D17: paths nobody could read, said so

def test_d17_a_path_over_the_system_limit_is_listed_with_a_reason(tmp_path):
    limit = os.pathconf(str(tmp_path), "PC_PATH_MAX")
    (tmp_path / "ok.txt").write_text(SIMPLIFIED, encoding="utf-8")
    fd = os.open(tmp_path, os.O_RDONLY)
    depth = 0
    try:
        length = len(os.fsencode(str(tmp_path)))
        while length < limit - 150:          # nested folders up to just under the limit (each name is legal)
            name = "d" * min(200, limit - 150 - length)
            os.mkdir(name, dir_fd=fd)
            sub = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd, depth, length = sub, depth + 1, length + len(name) + 1
        long_name = "文" * 80 + ".txt"        # 244 bytes: the file's full path is over the limit
        with os.fdopen(os.open(long_name, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w") as f:
            f.write(SIMPLIFIED)
    finally:
        os.close(fd)
    arts, errors = collect([tmp_path])
    assert [a.doc_id for a in arts] == ["ok"]
    assert len(errors) == 1
    msg = describe_error(errors[0])
    assert msg.endswith(f"bytes; the system's limit is {limit:,})") and "path too long" in msg
    assert long_name in msg


def test_d17_a_folder_without_execute_permission_is_listed_with_a_reason(tmp_path, monkeypatch):
    """Simulated (root ignores permissions): the folder lists, but nothing in it can be opened."""
    locked = tmp_path / "locked"
    locked.mkdir()
    for name in ("a.txt", "b.txt", "sub"):
        (locked / name).write_text(SIMPLIFIED, encoding="utf-8") if name != "sub" else (locked / name).mkdir()
    (tmp_path / "ok.txt").write_text(SIMPLIFIED, encoding="utf-8")
    real_stat = os.stat

    def fake_stat(path, *args, **kwargs):
        if os.path.dirname(os.fspath(path)) == str(locked):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(kg.ingest.read.os, "stat", fake_stat)
    arts, errors = collect([tmp_path])
    assert [a.doc_id for a in arts] == ["ok"]
    assert [describe_error(e) for e in errors] == [
        f"{locked}: permission denied (the folder can be listed but its files cannot be opened: no execute "
        "permission)"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root enters folders whatever their permissions")
def test_d17_a_real_folder_without_execute_permission(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(SIMPLIFIED, encoding="utf-8")
    locked.chmod(0o600)
    try:
        arts, errors = collect([tmp_path])
    finally:
        locked.chmod(0o700)
    assert arts == [] and [e.source for e in errors] == [str(locked)]


# -------------------------------------------------------------------------------------- D19: dates that are dates

@pytest.mark.parametrize("value, iso", [
    ("20230101", "2023-01-01"), ("2023-1-5", "2023-01-05"), ("2023/01/05", "2023-01-05"),
    ("2023.01.05", "2023-01-05"), ("2023年1月5日", "2023-01-05"), ("2023-01-05T08:30:00Z", "2023-01-05"),
    ("2023-01-05 08:30", "2023-01-05"), ("2024-02-29", "2024-02-29"),
    ("2023-13-45", ""), ("20231345", ""), ("2023-02-29", ""), ("2023", ""), ("2023-01", ""), ("yesterday", ""),
    ("0000-01-01", ""), ("2023-01-05 garbage", ""), ("123456789", ""),
])
def test_d19_parse_date(value, iso):
    assert parse_date(value) == iso


def test_d19_invalid_jsonl_dates_are_dropped_with_a_warning(tmp_path, caplog):
    p = tmp_path / "news.jsonl"
    p.write_text("\n".join([record(id="a", date="20230101"), record(id="b", date="2023-13-45"),
                            record(id="c", date=20230102)]) + "\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        arts, errors = collect([p])
    assert errors == [] and [a.date for a in arts] == ["2023-01-01", "", "2023-01-02"]
    assert [r.getMessage() for r in caplog.records] == [
        f"{p}:2: \"date\" '2023-13-45' is not a valid date (want YYYY-MM-DD); left out"]


def test_d19_export_never_writes_an_ill_typed_date():
    a = {"iri": "https://example.org/a", "source": "a.txt", "title": "", "url": "", "n_chars": 1}
    for bad in ("2023-13-45", "20230101", "2023-02-29", "2023"):
        assert not [t for t in article_triples({**a, "date": bad}) if t[1].endswith("/date")]
    assert [t[2] for t in article_triples({**a, "date": "2023-01-01"}) if t[1].endswith("/date")] == [
        (1, "2023-01-01", "", "http://www.w3.org/2001/XMLSchema#date")]


# ------------------------------------------------------------------------ D5: an output folder inside the input

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_d5_an_output_folder_inside_the_input_folder_is_not_read_back(tmp_path):
    from kg.ingest import is_output_folder

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SIMPLIFIED, encoding="utf-8")
    out = corpus / "out"
    first = build([str(corpus)], out, store=False)
    assert (out / "graph.html").is_file() and is_output_folder(out)
    again = build([str(corpus)], out, store=False)
    assert again.counts["read"] == 1 and again.summary["articles"] == 1  # graph.html is no article
    assert again.summary["skipped"] == [{"source": str(out), "reason": "this build's output folder (never read "
                                                                       "back as input)"}]
    # another build's output folder (recognised by its files) inside the input: skipped with its reason
    other = build([str(corpus)], tmp_path / "other", store=False)
    assert other.summary["articles"] == 1
    assert other.skipped == [(str(out), "a ParkKG output folder (a build's outputs are never read back as input)")]
    # a folder only named like one is read
    plain = corpus / "notes"
    plain.mkdir()
    (plain / "summary.json").write_text("{}", encoding="utf-8")
    (plain / "b.txt").write_text(SIMPLIFIED, encoding="utf-8")
    assert not is_output_folder(plain)
    arts, errors = collect([corpus])
    assert sorted(a.doc_id for a in arts) == ["a", "b"]
    assert [describe_error(e) for e in errors] == [
        f"{plain / 'summary.json'}: unsupported file type .json",
        f"{out}: a ParkKG output folder (a build's outputs are never read back as input)"]


def test_d5_kg_build_lists_the_skipped_output_folder(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SIMPLIFIED, encoding="utf-8")
    out = corpus / "out"
    assert run_kg(capsys, "build", corpus, "-o", out, "--no-store")[0] == 0
    code, stdout, err = run_kg(capsys, "build", corpus, "-o", out, "--no-store")
    assert code == 0
    assert f"skipped {out}: this build's output folder" in err
    assert "articles: 1 " in stdout and f"  {out}: this build's output folder" in stdout
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["skipped"][0]["source"] == str(out)


# ------------------------------------------------------------------------ D12: one generation per output folder

D12_OLD = "青川高新区的岳岚科技公司为世界500强星桥汽车公司赶制汽车零部件。"
D12_NEW = ("澜沧湾经开区近日迎来宏泰精密有限公司入驻。宏泰精密有限公司董事长王海明说，公司看中了园区的产业配套。"
           "青川高新区管委会与澜沧湾经开区签署合作协议。")


def _what_readers_see(out: Path) -> dict:
    """What each reader of ``out`` sees, each finding the build on its own: the files under the names users
    open, the store (``kg query``), ``kg export``, ``kg diff``, ``kg push``'s and ``kg validate``'s graph."""
    from kg.diff import read_triples
    from kg.store.database import open_store
    from kg.store.formats import serialise
    from kg.validate import load_out_graph

    seen = {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.html", "summary.json")}
    store = open_store(out)
    seen["query"] = len(store)
    del store
    seen["export"] = serialise(out, "ntriples")
    seen["diff"] = frozenset(read_triples(out))
    seen["validate"] = len(load_out_graph(out))
    return seen


def _d12_builds(tmp_path: Path) -> tuple[Path, Path, dict, dict]:
    """An output folder holding a build of one article, a corpus of two, and what readers see of each build."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(D12_OLD, encoding="utf-8")
    out = tmp_path / "out"
    build([str(corpus)], out)
    (corpus / "b.txt").write_text(D12_NEW, encoding="utf-8")
    build([str(corpus)], tmp_path / "fresh")
    old, new = _what_readers_see(out), _what_readers_see(tmp_path / "fresh")
    assert all(old[k] != new[k] for k in old)
    return corpus, out, old, new


def _no_space(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _fail_on_switch(real_replace):
    def replace(src, dst, *a, **kw):
        if os.path.basename(dst) == "current":
            _no_space()
        return real_replace(src, dst, *a, **kw)
    return replace


@pytest.mark.parametrize("where", ["turtle", "store", "view", "summary", "link", "switch"])
def test_d12_a_write_that_fails_at_any_output_leaves_the_previous_build_whole(tmp_path, monkeypatch, where):
    """The defect: graph.ttl of the new build beside the store, view and summary of the old one. Now a full disk
    at any output (or at the switch itself) leaves every reader on the previous build, and nothing behind."""
    import kg.build
    import kg.store.database

    corpus, out, old, new = _d12_builds(tmp_path)
    before = sorted(p.name for p in (out / ".generations").iterdir())
    patch = {"turtle": (kg.build, "write_turtle_stream", _no_space),
             "store": (kg.store.database.TurtleFeed, "finish", _no_space),
             "view": (kg.build, "_render_view", _no_space),
             "summary": (kg.build, "write_atomic", _no_space),
             "link": (os, "symlink", _no_space),
             "switch": (os, "replace", _fail_on_switch(os.replace))}[where]
    with monkeypatch.context() as m:
        m.setattr(*patch)
        with pytest.raises(OutputError, match="No space left on device"):
            build([str(corpus)], out, jobs=2 if where in ("turtle", "view") else 1)  # (the view drawn meanwhile)
    assert _what_readers_see(out) == old
    assert sorted(p.name for p in (out / ".generations").iterdir()) == before  # the new generation removed
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    build([str(corpus)], out)
    assert _what_readers_see(out) == new


def _can_mount_tmpfs() -> bool:
    try:
        return subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                               "mount -t tmpfs -o size=1m tmpfs /mnt"], capture_output=True).returncode == 0
    except OSError:
        return False


D12_FULL_DISK = r"""
import json, os, shutil, subprocess, sys
from pathlib import Path
sys.path.insert(0, os.path.dirname(__file__))
from test_robustness_more import _what_readers_see, D12_NEW
from kg.build import build
from kg.errors import OutputError
disk, corpus = Path(sys.argv[1]), Path(sys.argv[2])
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(disk)], check=True)
build([str(corpus)], disk / "out")
old = _what_readers_see(disk / "out")
used = shutil.disk_usage(disk).used
# room for the state and part of a new generation, not for all of it (graph.html alone is ~900 kB)
subprocess.run(["mount", "-o", f"remount,size={used + 600 * 1024}", str(disk)], check=True)
(corpus / "b.txt").write_text(D12_NEW * 20, encoding="utf-8")
try:
    build([str(corpus)], disk / "out")
    error = None
except OutputError as e:
    error = str(e)
same = _what_readers_see(disk / "out") == old
left = sorted(os.listdir(disk / "out" / ".generations"))
print(json.dumps({"error": error, "same": same, "left": left}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux") or not _can_mount_tmpfs(),
                    reason="needs a tmpfs mounted in a user namespace (unshare)")
def test_d12_a_really_full_disk_leaves_the_previous_build_whole(tmp_path):
    """The issue's case: a small tmpfs that holds one build but not the next."""
    corpus, disk = tmp_path / "corpus", tmp_path / "disk"
    corpus.mkdir()
    disk.mkdir()
    (corpus / "a.txt").write_text(D12_OLD, encoding="utf-8")
    script_path = tmp_path / "full_disk.py"
    script_path.write_text(D12_FULL_DISK.replace("os.path.dirname(__file__)", repr(str(Path(__file__).parent))),
                           encoding="utf-8")
    res = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", sys.executable, str(script_path),
                          str(disk), str(corpus)], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr[-3000:]
    result = json.loads(res.stdout.strip().splitlines()[-1])
    assert result["error"] and "No space left on device" in result["error"], result
    assert result["same"] and result["left"] == ["1", "current"]


def test_d12_readers_resolve_the_generation_once(tmp_path, monkeypatch):
    """A build published between two reads of a reader cannot give it a mix: ``kg export``, ``kg push`` and
    ``kg validate`` read every file from the generation they resolved first."""
    import kg.output
    from kg.store.formats import serialise

    corpus, out, old, new = _d12_builds(tmp_path)
    real = kg.output.current_generation
    resolved = []

    def resolve_then_publish(path):
        folder = real(path)
        resolved.append(folder)
        if len(resolved) == 1:  # a build is published right after the reader found the generation
            build([str(corpus)], out)
        return folder

    monkeypatch.setattr(kg.output, "current_generation", resolve_then_publish)
    assert serialise(out, "ntriples") == old["export"]  # (the store of the generation found, not the new one)
    assert real(out) != resolved[0] and _what_readers_see(out) == new


def test_d12_an_older_output_folder_is_read_then_converted(tmp_path, capsys):
    """An output folder of an older ParkKG (plain files, a store folder, leftovers of its store swap) is read as
    it is; the next build publishes a generation and puts links in place of the files."""
    from kg.output import current_generation

    corpus, out, old, new = _d12_builds(tmp_path)
    legacy = tmp_path / "legacy"
    shutil.copytree(out / "state", legacy / "state")
    for name in ("graph.ttl", "store", "graph.html", "summary.json"):
        src = current_generation(out) / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, legacy / name)
    (legacy / ".store.old-x1").mkdir()
    (legacy / ".graph.ttl.abc.tmp").write_text("half", encoding="utf-8")
    assert current_generation(legacy) == legacy and _what_readers_see(legacy) == old
    code, stdout, _ = run_kg(capsys, "query", legacy, "SELECT (COUNT(*) AS ?n) { ?a a pk:Article }",
                             "--format", "csv")
    assert code == 0 and stdout.splitlines()[1] == "1"
    build([str(corpus)], legacy)
    assert _what_readers_see(legacy) == new
    assert sorted(p.name for p in legacy.iterdir()) == [".generations", ".lock", "graph.html", "graph.ttl",
                                                        "state", "store", "summary.json"]
    assert all((legacy / n).is_symlink() for n in ("graph.ttl", "store", "graph.html", "summary.json"))
    assert sorted(os.listdir(legacy / ".generations")) == ["0", "1", "current"]  # 0: the older build, adopted


def test_d12_old_generations_are_removed(tmp_path):
    """After each build: the new generation and the one before it (for readers that found it before the switch);
    a generation a dead build left half-written is removed by the next build."""
    corpus, out, old, new = _d12_builds(tmp_path)
    for _ in range(3):
        build([str(corpus)], out)
    assert sorted(os.listdir(out / ".generations")) == ["3", "4", "current"]
    assert os.readlink(out / ".generations" / "current") == "4"
    dead = out / ".generations" / "5"  # what a build killed before its switch leaves
    (dead / "store").mkdir(parents=True)
    (dead / "graph.ttl").write_text("half", encoding="utf-8")
    (out / ".generations" / ".current.99.tmp").symlink_to("5")
    assert _what_readers_see(out) == new
    build([str(corpus)], out)
    assert sorted(os.listdir(out / ".generations")) == ["4", "5", "current"]
    assert (out / ".generations" / "5" / "graph.ttl").read_bytes() == new["graph.ttl"]


def test_d12_an_output_a_build_did_not_write_is_not_left_from_another(tmp_path):
    """``--no-html``/``--no-store``: no view or store of an earlier build stays under the usual names."""
    corpus, out, old, new = _d12_builds(tmp_path)
    build([str(corpus)], out, html=False, store=False)
    assert not (out / "graph.html").exists() and not (out / "graph.html").is_symlink()
    assert not (out / "store").is_symlink()
    assert (out / "graph.ttl").read_bytes() == new["graph.ttl"]
    build([str(corpus)], out)
    assert _what_readers_see(out) == new


def test_d12_writing_under_the_usual_names_writes_the_current_generation(tmp_path, capsys):
    """``kg view OUT -o OUT/graph.html`` replaces the current generation's view (atomically), keeping the link;
    the page opened through the link needs no file beside it. So do ``write_store`` and ``kg export``."""
    corpus, out, old, new = _d12_builds(tmp_path)
    html_before = (out / "graph.html").read_bytes()
    code, stdout, _ = run_kg(capsys, "view", out, "--focus", "青川高新区", "-o", out / "graph.html")
    assert code == 0
    assert os.readlink(out / "graph.html") == ".generations/current/graph.html"
    page = (out / ".generations" / "current" / "graph.html").read_bytes()
    assert page != html_before and (out / "graph.html").read_bytes() == page
    assert b"<script src=" not in page and b'href="' not in page.replace(b'href="#', b"")
    assert not [p for p in (out / ".generations" / "current").iterdir() if p.name.startswith(".")]
    code, stdout, _ = run_kg(capsys, "view", out)  # the default target is OUT/view.html, outside the generations
    assert code == 0 and (out / "view.html").is_file() and not (out / "view.html").is_symlink()
    assert "ParkKG · out" in (out / "view.html").read_text(encoding="utf-8")
    # the store and the Turtle written again under their usual names: the same, through the links
    from kg.store.database import write_store
    from kg.store.formats import export

    assert write_store(out / "graph.ttl", out / "store") == old["query"]
    export(out, "turtle", out / "graph.ttl")
    assert os.readlink(out / "store") == ".generations/current/store" and os.path.islink(out / "graph.ttl")
    assert _what_readers_see(out) == {**old, "graph.html": page}


def test_d12_a_file_system_without_symbolic_links_is_one_clear_line(tmp_path, monkeypatch, capsys):
    src = tmp_path / "a.txt"
    src.write_text(D12_OLD, encoding="utf-8")

    def refuse(*args, **kwargs):
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(os, "symlink", refuse)
    code, stdout, err = run_kg(capsys, "build", src, "-o", tmp_path / "out", "--no-progress")
    assert code == 1 and stdout == "" and err.count("\n") == 1
    assert "cannot publish the build: this file system does not take symbolic links" in err
    assert sorted(os.listdir(tmp_path / "out" / ".generations")) == []


def test_d12_an_output_folder_is_recognised_without_its_state(tmp_path):
    """A copy of the outputs (links and generations, no state) inside an input folder is still not read."""
    from kg.ingest import is_output_folder

    corpus, out, old, new = _d12_builds(tmp_path)
    copy = corpus / "shared"
    shutil.copytree(out, copy, symlinks=True, ignore=shutil.ignore_patterns("state"))
    assert is_output_folder(copy) and is_output_folder(copy / ".generations" / "1")
    (copy / "graph.ttl").unlink()
    assert is_output_folder(copy)  # the generation still says it
    arts, errors = collect([corpus])
    assert sorted(a.doc_id for a in arts) == ["a", "b"] and [e.source for e in errors] == [str(copy)]


# ------------------------------------------------------------------------ D16: a killed build leaves no process, no lock

def _children(pid: int) -> set[int]:
    """The descendants of ``pid`` (Linux /proc)."""
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    fields = f.read().rsplit(b")", 1)[-1].split()
            except OSError:
                continue
            if int(fields[1]) == parent and int(entry) not in found:
                found.add(int(entry))
                todo.append(int(entry))
    return found


def _wait(predicate, timeout: float = 120.0) -> bool:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return predicate()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_d16_kill_9_of_a_jobs_2_build_leaves_no_worker_and_no_lock(tmp_path):
    from kg.lifecycle import pid_alive

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for n in range(120):  # enough work that the build is still extracting when it is killed
        src = seeds[n % len(seeds)]
        (corpus / f"{n:03d}.txt").write_text(src.read_text(encoding="utf-8") + f"\n{n}\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out), "--jobs", "2",
                             "--no-store", "--no-html"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert _wait(lambda: bool(_children(proc.pid)) or proc.poll() is not None), "no worker started"
        workers = _children(proc.pid)
        assert workers and proc.poll() is None, "the build ended before a worker was seen"
    finally:
        proc.kill()
        proc.wait()
    assert _wait(lambda: not any(pid_alive(w) for w in workers), timeout=60), "a worker outlived its build"
    small = tmp_path / "small"
    small.mkdir()
    (small / "a.txt").write_text(SIMPLIFIED, encoding="utf-8")
    report = build([str(small)], out, store=False, html=False)  # not refused
    assert report.summary["articles"] == 1


def test_d16_a_worker_closes_the_lock_it_inherited_and_ends_with_its_parent(tmp_path):
    """In the worker: the build's lock descriptor is closed (so the lock is the parent's alone)."""
    import fcntl

    import kg.lifecycle

    out = tmp_path / "out"
    out.mkdir()
    from kg.build import _lock

    with _lock(out):
        (fd,) = kg.lifecycle.HELD_LOCKS
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: as a pool worker starts
            try:
                kg.lifecycle.child_of_build(os.getppid())
                try:
                    os.fstat(fd)
                    os.write(w, b"open")
                except OSError:
                    os.write(w, b"closed")
            finally:
                os._exit(0)
        os.close(w)
        assert os.read(r, 16) == b"closed"
        os.waitpid(pid, 0)
        os.close(r)
    with open(out / ".lock", "a+b") as f:  # released, and no owner left in the file
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert (out / ".lock").read_bytes() == b""


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_d16_a_stale_lock_with_a_dead_owner_is_taken_over_with_a_warning(tmp_path, caplog):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SIMPLIFIED, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    dead = _dead_pid()
    (out / ".lock").write_text(f"{dead}\n", encoding="ascii")
    with caplog.at_level(logging.WARNING, logger="kg.build"):
        build([str(corpus)], out, store=False, html=False)
    assert any(f"taking over the lock of kg build {dead}" in r.getMessage() for r in caplog.records)
    assert (out / ".lock").read_bytes() == b""  # released cleanly: the next build warns about nothing
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="kg.build"):
        build([str(corpus)], out, store=False, html=False)
    assert not [r for r in caplog.records if "lock" in r.getMessage()]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs fork")
def test_d16_a_lock_still_held_by_a_leftover_process_of_a_dead_build_is_taken_over(tmp_path, caplog):
    """The defect as it was: a process left by a killed build holds the flock; the pid in the file is gone."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SIMPLIFIED, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    dead = _dead_pid()
    (out / ".lock").write_text(f"{dead}\n", encoding="ascii")
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, sys, time\n"
        f"f = open({str(out / '.lock')!r}, 'a+b')\n"
        "fcntl.flock(f.fileno(), fcntl.LOCK_EX)\n"
        "print('locked', flush=True)\n"
        "time.sleep(600)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with caplog.at_level(logging.WARNING, logger="kg.build"):
            report = build([str(corpus)], out, store=False, html=False)
        assert report.summary["articles"] == 1
        assert any(f"taking over the lock of kg build {dead}" in r.getMessage() for r in caplog.records)
        # while a live build holds it, it is still refused
        (out / ".lock").unlink()
        live = tmp_path / "live"
        live.mkdir()
        (live / ".lock").write_text(f"{holder.pid}\n", encoding="ascii")
        import fcntl

        with open(live / ".lock", "a+b") as f:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            with pytest.raises(OutputError, match="another kg build"):
                build([str(corpus)], live, store=False, html=False)
    finally:
        holder.kill()
        holder.wait()


# ------------------------------------------------------------------------ every output rename is flushed to disk

def test_each_output_rename_is_followed_by_an_fsync_of_its_folder(tmp_path, monkeypatch):
    """Each rename (an output into its generation, the switch of ``current``) is followed by an fsync of its
    folder before the next one, and the generation is on disk before the switch."""
    import stat as stat_mod

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SIMPLIFIED, encoding="utf-8")
    out = tmp_path / "out"
    build([str(corpus)], out)  # a previous build: the second one publishes over it
    events: list[tuple[str, tuple[int, int]]] = []
    real_replace, real_fsync = os.replace, os.fsync

    def key(st: os.stat_result) -> tuple[int, int]:
        return st.st_dev, st.st_ino

    def replace(src, dst, *a, **kw):
        real_replace(src, dst, *a, **kw)
        events.append(("rename", key(os.stat(os.path.dirname(os.path.abspath(dst))))))

    def fsync(fd):
        real_fsync(fd)
        st = os.fstat(fd)
        if stat_mod.S_ISDIR(st.st_mode):
            events.append(("fsync", key(st)))

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "fsync", fsync)
    (corpus / "b.txt").write_text(SIMPLIFIED + "又一篇。", encoding="utf-8")
    build([str(corpus)], out)
    generations = key(os.stat(out / ".generations"))
    generation = key(os.stat(out / ".generations" / "current"))
    renames = [i for i, e in enumerate(events) if e[0] == "rename"]
    assert [events[i][1] for i in renames] == [generation] * 4 + [generations]  # 4 outputs, then the switch
    for i in renames:  # the next folder fsync after each rename (before the next one) is of that folder
        following = [e for e in events[i + 1:] if e[0] == "fsync"]
        assert following and following[0] == ("fsync", events[i][1]), events
    before_switch = events[renames[3] + 1:renames[4]]
    assert ("fsync", generation) in before_switch and ("fsync", generations) in before_switch
    assert events[-1] == ("fsync", generations)
