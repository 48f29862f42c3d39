"""`kg push` against a real Oxigraph server, a refused port, and a local stub for 401 and 500-then-200."""
from __future__ import annotations

import base64
import http.server
import json
import logging
import shutil
import socket
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph

from kg.cli import main
from kg.errors import PushError
from kg.push import Credentials, push_bytes, split_endpoint
from cli_helper import run_kg as kg

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rdf"
OXIGRAPH = shutil.which("oxigraph") or str(Path(__file__).resolve().parent.parent / ".venv" / "bin" / "oxigraph")
SECRET = "s3cr3t-Pa55-word"
TOKEN = "tok-9f8e7d6c5b4a"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def graph_out(request, tmp_path_factory) -> Path:
    try:
        return Path(request.getfixturevalue("seeds_out"))
    except pytest.FixtureLookupError:
        out = tmp_path_factory.mktemp("push-out")
        shutil.copy(FIXTURES / "sample_graph.ttl", out / "graph.ttl")
        return out


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    """A real Oxigraph server on 127.0.0.1 with a temporary store; yields its base URL."""
    if not Path(OXIGRAPH).exists():
        pytest.fail("the `oxigraph` server (PyPI package oxigraph) is not installed")
    port = free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"oxigraph did not start: {proc.stderr.read().decode(errors='replace')[-500:]}")
            time.sleep(0.1)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def sparql(base: str, query: str) -> dict:
    url = f"{base}/query?" + urllib.parse.urlencode({"query": query})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


def count(base: str, graph: str | None) -> int:
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    res = sparql(base, f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
    return int(res["results"]["bindings"][0]["n"]["value"])


# ---------------------------------------------------------------- real Oxigraph server

def test_push_named_graph_then_query(oxigraph, graph_out, capsys):
    n = len(Graph().parse(graph_out / "graph.ttl", format="turtle"))
    g = "https://example.org/parkkg/test-named"
    code, out, err = kg(capsys, "push", graph_out, "--endpoint", f"{oxigraph}/store", "--graph", g, "--replace")
    assert code == 0, err
    assert "replaced" in out and g in out
    assert count(oxigraph, g) == n
    res = sparql(oxigraph, f"""PREFIX pk: <https://w3id.org/parkkg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?firm WHERE {{ GRAPH <{g}> {{ ?p rdfs:label "聊城高新区"@zh ; pk:hosts ?f . ?f rdfs:label ?firm }} }}""")
    assert "博源科技公司" in [b["firm"]["value"] for b in res["results"]["bindings"]]


def test_replace_twice_keeps_one_copy_and_post_adds(oxigraph, graph_out, capsys, tmp_path):
    n = len(Graph().parse(graph_out / "graph.ttl", format="turtle"))
    g = "https://example.org/parkkg/test-replace"
    for _ in range(2):
        assert kg(capsys, "push", graph_out, "--endpoint", f"{oxigraph}/store", "--graph", g, "--replace")[0] == 0
    assert count(oxigraph, g) == n
    extra = tmp_path / "extra.ttl"
    extra.write_text('<https://example.org/a> <https://example.org/p> "新增"@zh .\n', encoding="utf-8")
    assert kg(capsys, "push", extra, "--endpoint", f"{oxigraph}/store", "--graph", g)[0] == 0
    assert count(oxigraph, g) == n + 1
    # PUT replaces: back to the graph alone
    assert kg(capsys, "push", graph_out, "--endpoint", f"{oxigraph}/store", "--graph", g, "--replace")[0] == 0
    assert count(oxigraph, g) == n


def test_push_default_graph(oxigraph, graph_out, capsys):
    n = len(Graph().parse(graph_out / "graph.ttl", format="turtle"))
    code, out, _ = kg(capsys, "push", graph_out, "--endpoint", f"{oxigraph}/store", "--replace")
    assert code == 0 and "default graph" in out
    assert count(oxigraph, None) == n


# ---------------------------------------------------------------- failures

def test_refused_connection_is_one_clear_line(graph_out, capsys):
    port = free_port()  # nothing listens there
    code, out, err = kg(capsys, "push", graph_out, "--endpoint", f"http://127.0.0.1:{port}/store",
                        "--retries", "0")
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert "connection refused" in err and f"127.0.0.1:{port}" in err


class Stub(http.server.BaseHTTPRequestHandler):
    """Answers from a script: a list of status codes, one per request; records what it saw."""

    script: list[int] = []
    seen: list[dict] = []

    def _answer(self):
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length)
        type(self).seen.append({"method": self.command, "path": self.path, "auth": self.headers.get("Authorization"),
                                "type": self.headers.get("Content-Type"), "bytes": len(body)})
        status = type(self).script.pop(0) if type(self).script else 204
        msg = b"unauthorised: bad credentials" if status in (401, 403) else b"oops"
        self.send_response(status)
        self.send_header("Content-Length", str(len(msg) if status >= 400 else 0))
        self.end_headers()
        if status >= 400:
            self.wfile.write(msg)

    do_PUT = do_POST = _answer

    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture()
def stub():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    Stub.script, Stub.seen = [], []
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield Stub, f"http://127.0.0.1:{server.server_address[1]}/store"
    server.shutdown()
    server.server_close()


def test_retries_500_then_succeeds(stub, graph_out, capsys):
    handler, url = stub
    handler.script = [500, 503, 204]
    code = main(["push", str(graph_out), "--endpoint", url, "--graph", "https://example.org/g"])
    assert code == 0
    assert [s["method"] for s in handler.seen] == ["POST"] * 3
    assert handler.seen[0]["path"] == "/store?graph=https%3A%2F%2Fexample.org%2Fg"
    assert handler.seen[-1]["type"].startswith("text/turtle")
    assert handler.seen[-1]["bytes"] == (graph_out / "graph.ttl").stat().st_size


def test_gives_up_after_retries(stub):
    handler, url = stub
    handler.script = [500, 500, 500]
    with pytest.raises(PushError, match=r"HTTP 500.*gave up after 3 attempts"):
        push_bytes(b"<a:b> <a:c> <a:d> .", url, retries=2, backoff=0.01)


def test_4xx_is_not_retried(stub):
    handler, url = stub
    handler.script = [400]
    with pytest.raises(PushError, match="HTTP 400"):
        push_bytes(b"<a:b> <a:c> <a:d> .", url, retries=3, backoff=0.01)
    assert len(handler.seen) == 1


@pytest.mark.parametrize("status", [401, 403])
def test_unauthorised_is_clear_and_never_shows_credentials(stub, graph_out, capsys, caplog, monkeypatch, status):
    handler, url = stub
    handler.script = [status]
    monkeypatch.setenv("PARKKG_PASSWORD", SECRET)
    with caplog.at_level(logging.DEBUG):
        code, out, err = kg(capsys, "-v", "push", graph_out, "--endpoint", url, "--user", "alice")
    assert code == 1
    assert err.count("\n") == 1 and f"HTTP {status}" in err and "credentials were refused" in err
    expected = "Basic " + base64.b64encode(f"alice:{SECRET}".encode()).decode()
    assert handler.seen[0]["auth"] == expected, "the password from PARKKG_PASSWORD was not used"
    for text in (out, err, caplog.text):
        assert SECRET not in text and expected.split()[1] not in text


def test_bearer_token_from_env_and_url_credentials_never_leak(stub, graph_out, capsys, caplog, monkeypatch):
    handler, url = stub
    monkeypatch.setenv("PARKKG_TOKEN", TOKEN)
    with caplog.at_level(logging.DEBUG):
        code, out, err = kg(capsys, "-v", "push", graph_out, "--endpoint", url)
    assert code == 0 and handler.seen[0]["auth"] == f"Bearer {TOKEN}"
    monkeypatch.delenv("PARKKG_TOKEN")
    handler.script = [401]
    secret_url = url.replace("http://", f"http://bob:{SECRET}@")
    with caplog.at_level(logging.DEBUG):
        code, out2, err2 = kg(capsys, "-v", "push", graph_out, "--endpoint", secret_url)
    assert code == 1
    assert handler.seen[-1]["auth"] == "Basic " + base64.b64encode(f"bob:{SECRET}".encode()).decode()
    for text in (out, err, out2, err2, caplog.text):
        assert TOKEN not in text and SECRET not in text


def test_credentials_never_in_repr_or_exception_text():
    creds = Credentials("alice", SECRET)
    assert SECRET not in repr(creds) and SECRET not in str(creds)
    assert TOKEN not in repr(Credentials(token=TOKEN))
    base, from_url = split_endpoint(f"https://alice:{SECRET}@example.org/store")
    assert base == "https://example.org/store" and from_url.header().startswith("Basic ")
    port = free_port()
    with pytest.raises(PushError) as e:
        push_bytes(b"", f"http://alice:{SECRET}@127.0.0.1:{port}/store", retries=0)
    assert SECRET not in str(e.value) and SECRET not in repr(e.value)
    assert SECRET not in repr(e.value.__context__)


def test_bad_endpoint_and_graph_are_refused():
    with pytest.raises(PushError, match="http:// or https://"):
        push_bytes(b"", "ftp://example.org/store")
    with pytest.raises(PushError, match="bad graph IRI"):
        push_bytes(b"", "http://127.0.0.1:1/store", graph="not an iri")


def test_tls_is_verified_by_default(graph_out, capsys):
    """A plain-HTTP server spoken to over https fails the TLS handshake instead of silently going on."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    try:
        with pytest.raises(PushError, match="TLS"):
            push_bytes(b"", f"https://127.0.0.1:{server.server_address[1]}/store", retries=0, timeout=5)
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------- secrets: never in output, logs or errors

ODD_SECRET = "p@ss/w%rd:é 9"          # characters that URL-encoding, base64 and echoing all treat differently


def secret_forms(*secrets: str, user: str = "") -> set[str]:
    """Every form a secret could leak in: as typed, percent-encoded, and the base64 of a basic header."""
    forms = set()
    for s in secrets:
        forms |= {s, urllib.parse.quote(s, safe=""), urllib.parse.quote_plus(s), urllib.parse.quote(s)}
        if user:
            forms.add(base64.b64encode(f"{user}:{s}".encode()).decode())
    return forms


class Echo(http.server.BaseHTTPRequestHandler):
    """A hostile or careless server: its error bodies and redirects repeat the credentials it received."""

    script: list[int] = []
    seen: list[dict] = []

    def _answer(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        auth = self.headers.get("Authorization") or ""
        type(self).seen.append({"method": self.command, "auth": auth})
        scheme, _, value = auth.partition(" ")
        secret = base64.b64decode(value).decode() if scheme == "Basic" else value
        password = secret.split(":", 1)[-1]
        echo = (f"echo: you sent Authorization: {auth}; credentials {secret}; password {password}; "
                f"encoded {urllib.parse.quote(password, safe='')} {urllib.parse.quote_plus(password)}").encode()
        status = type(self).script.pop(0) if type(self).script else 204
        self.send_response(status)
        if 300 <= status < 400:
            self.send_header("Location", f"https://alice:{urllib.parse.quote(password, safe='')}@elsewhere.example"
                                         f"/store?pw={urllib.parse.quote(password, safe='')}")
        self.send_header("Content-Length", str(len(echo) if status >= 300 else 0))
        self.end_headers()
        if status >= 300:
            self.wfile.write(echo)

    do_PUT = do_POST = _answer

    def log_message(self, *args):
        pass


@pytest.fixture()
def echo():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    Echo.script, Echo.seen = [], []
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield Echo, f"http://127.0.0.1:{server.server_address[1]}/store"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("source", ["options", "environment", "url"])
@pytest.mark.parametrize("script, needle", [
    ([400], "HTTP 400"),                       # the body is shown (scrubbed)
    ([409], "HTTP 409"),
    ([500, 502, 503], "gave up after 3"),     # the last 5xx body is shown (scrubbed)
    ([401], "credentials were refused"),
    ([307], "redirect to https://elsewhere.example/store?pw=***"),
])
def test_echoed_credentials_never_reach_output_or_debug_logs(echo, graph_out, capsys, caplog, monkeypatch,
                                                            source, script, needle):
    handler, url = echo
    handler.script = list(script)
    argv = ["-v", "push", graph_out, "--endpoint", url, "--retries", "2"]
    if source == "options":
        argv += ["--user", "alice", "--password", ODD_SECRET]
    elif source == "environment":
        monkeypatch.setenv("PARKKG_USER", "alice")
        monkeypatch.setenv("PARKKG_PASSWORD", ODD_SECRET)
    else:
        argv[4] = url.replace("http://", f"http://alice:{urllib.parse.quote(ODD_SECRET, safe='')}@")
    monkeypatch.setattr("kg.push.time.sleep", lambda s: None)
    with caplog.at_level(logging.DEBUG):
        code, out, err = kg(capsys, *argv)
    assert code == 1
    assert handler.seen[0]["auth"] == "Basic " + base64.b64encode(f"alice:{ODD_SECRET}".encode()).decode()
    assert err.count("\n") == 1 and needle in err and "Traceback" not in err
    if script[0] in (400, 409, 500):
        assert "echo: you sent Authorization: Basic ***" in err      # the server's message, scrubbed
    for text in (out, err, caplog.text):
        for form in secret_forms(ODD_SECRET, user="alice"):
            assert form not in text, f"{form!r} leaked"


def test_echoed_bearer_token_never_reaches_output_or_logs(echo, graph_out, capsys, caplog, monkeypatch):
    handler, url = echo
    handler.script = [403, 400]
    for argv in (["--token", TOKEN], []):
        if not argv:
            monkeypatch.setenv("PARKKG_TOKEN", TOKEN)
        with caplog.at_level(logging.DEBUG):
            code, out, err = kg(capsys, "-v", "push", graph_out, "--endpoint", url, *argv)
        assert code == 1 and handler.seen[-1]["auth"] == f"Bearer {TOKEN}"
        for text in (out, err, caplog.text):
            assert TOKEN not in text


@pytest.mark.parametrize("endpoint", [
    "http://alice:{s}@127.0.0.1:notaport/store",
    "http://alice:{s}@[::1/store",
    "http://alice:{s}@127.0.0.1:1/a path",
    "http://alice:{s}/more@127.0.0.1:1/store",       # an unencoded / in the password
    "ftp://alice:{s}@127.0.0.1/store",
])
def test_malformed_endpoint_with_credentials_is_one_line_without_them(graph_out, capsys, caplog, endpoint):
    secret = "Zq8-unencoded"
    with caplog.at_level(logging.DEBUG):
        code, out, err = kg(capsys, "-v", "push", graph_out, "--endpoint", endpoint.format(s=secret),
                            "--retries", "0")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "bad endpoint" in err and "Traceback" not in err
    for text in (err, caplog.text):
        assert secret not in text and "Zq8" not in text and "unencoded" not in text


@pytest.mark.parametrize("env, value", [("PARKKG_TOKEN", "abc\r\nX-Injected: 1"), ("PARKKG_TOKEN", "令牌-abc"),
                                        ("PARKKG_TOKEN", "two words"), ("PARKKG_USER", "al:ice")])
def test_credentials_that_cannot_go_in_a_header_are_refused_without_quoting_them(echo, graph_out, capsys, caplog,
                                                                                  monkeypatch, env, value):
    handler, url = echo
    monkeypatch.setenv(env, value)
    monkeypatch.setenv("PARKKG_PASSWORD", ODD_SECRET)
    with caplog.at_level(logging.DEBUG):
        code, out, err = kg(capsys, "-v", "push", graph_out, "--endpoint", url)
    assert code == 1 and handler.seen == [], "nothing may be sent"
    assert err.count("\n") == 1 and "Traceback" not in err
    for text in (out, err, caplog.text):
        assert value not in text and "abc" not in text and ODD_SECRET not in text


def test_credentials_over_plain_http_to_another_host_are_warned_about(graph_out, capsys, caplog):
    # 192.0.2.1 (TEST-NET-1) is never routed: the push fails at once or times out, after the warning
    with caplog.at_level(logging.DEBUG):
        code, out, err = kg(capsys, "push", graph_out, "--endpoint", "http://192.0.2.1:9/store", "--user", "alice",
                            "--password", ODD_SECRET, "--retries", "0", "--timeout", "0.5")
    assert code == 1
    assert "plain http://" in caplog.text and "192.0.2.1" in caplog.text
    for text in (out, err, caplog.text):
        for form in secret_forms(ODD_SECRET, user="alice"):
            assert form not in text


# ---------------------------------------------------------------- TLS: verified unless --insecure

def self_signed_cert(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for the address 127.0.0.1 only (not the name localhost), made now (cryptography if installed, else the
    openssl command); the test is skipped when neither is there."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    try:
        import datetime

        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID
    except ImportError:
        openssl = shutil.which("openssl")
        if not openssl:
            pytest.skip("neither the cryptography package nor the openssl command is available")
        subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                        str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
                        "-addext", "subjectAltName=IP:127.0.0.1"],
                       check=True, capture_output=True, timeout=60)
        return cert, key
    import ipaddress

    k = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    c = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(k.public_key())
         .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
         .not_valid_after(now + datetime.timedelta(days=2))
         .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                        critical=False)
         .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
         .sign(k, hashes.SHA256()))
    cert.write_bytes(c.public_bytes(serialization.Encoding.PEM))
    key.write_bytes(k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption()))
    return cert, key


@pytest.fixture()
def https_stub(tmp_path):
    """The recording stub behind TLS with a self-signed certificate: (handler, https URL, cert path)."""
    import ssl

    cert, key = self_signed_cert(tmp_path)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    Stub.script, Stub.seen = [], []
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield Stub, f"https://127.0.0.1:{server.server_address[1]}/store", cert
    server.shutdown()
    server.server_close()


def test_self_signed_certificate_is_refused_by_default(https_stub, graph_out, capsys, caplog, monkeypatch):
    handler, url, _ = https_stub
    monkeypatch.setenv("PARKKG_TOKEN", TOKEN)
    monkeypatch.setenv("PYTHONHTTPSVERIFY", "0")       # no environment variable turns verification off
    with caplog.at_level(logging.DEBUG):
        code, out, err = kg(capsys, "-v", "push", graph_out, "--endpoint", url, "--retries", "2")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "TLS certificate verification failed" in err and "--insecure" in err
    assert handler.seen == [], "no request (and no token) may reach a server whose certificate failed"
    assert TOKEN not in err + caplog.text


def test_insecure_accepts_the_self_signed_certificate_and_says_so(https_stub, graph_out, capsys, caplog,
                                                                    monkeypatch):
    handler, url, _ = https_stub
    monkeypatch.setenv("PARKKG_TOKEN", TOKEN)
    with caplog.at_level(logging.WARNING):
        code, out, err = kg(capsys, "push", graph_out, "--endpoint", url, "--insecure", "--graph",
                            "https://example.org/g")
    assert code == 0, err
    assert [s["method"] for s in handler.seen] == ["POST"] and handler.seen[0]["auth"] == f"Bearer {TOKEN}"
    assert "TLS certificate verification is off" in caplog.text
    assert TOKEN not in out + err + caplog.text


def test_a_trusted_private_ca_is_verified_without_insecure(https_stub, graph_out, capsys, monkeypatch):
    """Verification is real, not a blanket refusal: trusting the certificate (SSL_CERT_FILE) makes it pass."""
    handler, url, cert = https_stub
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    code, out, err = kg(capsys, "push", graph_out, "--endpoint", url)
    assert code == 0, err
    assert [s["method"] for s in handler.seen] == ["POST"]
    # the same server under a name the certificate does not hold (localhost): host names are checked too
    handler.seen.clear()
    code, _, err = kg(capsys, "push", graph_out, "--endpoint", url.replace("127.0.0.1", "localhost"),
                      "--retries", "0", "--timeout", "5")
    assert code == 1 and handler.seen == []
    assert "TLS certificate verification failed" in err
