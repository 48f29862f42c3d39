"""Load a build's graph into a remote triple store over the SPARQL 1.1 Graph Store HTTP Protocol.

``PUT`` replaces the target graph, ``POST`` adds to it; the target is ``?graph=IRI`` or ``?default``. Works with
Oxigraph (``/store``), Fuseki (``/DATASET/data``), GraphDB (``/repositories/ID/rdf-graphs/service``) and others.

Security: credentials (basic or bearer) come from arguments or the environment (``PARKKG_USER``,
``PARKKG_PASSWORD``, ``PARKKG_TOKEN``) and are only ever put into the ``Authorization`` header: never logged
(at any level), printed, or included in an exception message or a repr. ``user:password@`` in the endpoint URL
is taken as credentials and stripped from every URL we show, even from a URL too malformed to parse. What a
server sends back (an error body, a ``Location``) is scrubbed of every form of the secrets we sent (as typed,
percent-encoded, base64 in the header) before it is shown. A token or user name that cannot go into an HTTP
header is refused with a message that does not quote it (http.client's own error would). Sending credentials
over plain ``http://`` to a host other than this machine logs a warning.

TLS: certificates and host names are verified against the system's CAs (``SSL_CERT_FILE``/``SSL_CERT_DIR``
name a private CA) unless ``insecure=True`` (``kg push --insecure``), which logs a warning; no environment
variable turns verification off. Redirects are not followed (a redirect could forward the credentials to
another host or turn the upload into a GET).

Reliability: a timeout on every request; retries with exponential backoff on 5xx answers, connection resets,
dropped connections and timeouts; one clear error for a refused connection, 401/403 and other 4xx answers.
"""
from __future__ import annotations

import base64
import http.client
import ipaddress
import logging
import os
import re
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Iterator

from kg.errors import PushError

log = logging.getLogger(__name__)

ENV_USER, ENV_PASSWORD, ENV_TOKEN = "PARKKG_USER", "PARKKG_PASSWORD", "PARKKG_TOKEN"


class Credentials:
    """Basic (user + password) or bearer (token) credentials; the secrets never show in ``repr``/``str``."""

    __slots__ = ("user", "_password", "_token")

    def __init__(self, user: str = "", password: str = "", token: str = ""):
        self.user = user or ""
        self._password = password or ""
        self._token = token or ""

    @classmethod
    def resolve(cls, user: str | None = None, password: str | None = None, token: str | None = None,
                env: dict[str, str] | None = None) -> "Credentials":
        """Options first, then ``PARKKG_USER``/``PARKKG_PASSWORD``/``PARKKG_TOKEN``."""
        env = os.environ if env is None else env
        return cls(user or env.get(ENV_USER, ""), password or env.get(ENV_PASSWORD, ""),
                   token or env.get(ENV_TOKEN, ""))

    @property
    def kind(self) -> str:
        return "bearer" if self._token else "basic" if self.user else "none"

    def header(self) -> str | None:
        """The ``Authorization`` header value, or None."""
        if self._token:
            return f"Bearer {self._token}"
        if self.user:
            raw = f"{self.user}:{self._password}".encode("utf-8")
            return "Basic " + base64.b64encode(raw).decode("ascii")
        return None

    def check(self) -> None:
        """Refuse credentials that cannot go into an HTTP header, without quoting them. Raises PushError."""
        if self._token and not _TOKEN_CHARS.fullmatch(self._token):
            raise PushError("the bearer token (--token or PARKKG_TOKEN) holds a space, line break, control or "
                            "non-ASCII character; it cannot be sent in an HTTP header")
        if ":" in self.user or any(ord(c) < 32 or ord(c) == 127 for c in self.user):
            raise PushError("the user name (--user or PARKKG_USER) holds ':' or a control character; "
                            "basic authentication cannot send it")

    def secrets(self) -> list[str]:
        """Strings that must never appear in any output (used to scrub server messages): each secret as typed,
        percent-encoded (as a server may echo a URL or form), JSON- and HTML-escaped (as it may echo a field in
        an error document) and the base64 value of the header."""
        out: set[str] = set()
        for s in (self._password, self._token):
            if s:
                out.update(_encodings(s))
        h = self.header()
        if h:
            out.add(h.split(" ", 1)[1])
        return sorted((x for x in out if x), key=len, reverse=True)  # longest first: no partial leftovers

    def raw_secrets(self) -> list[str]:
        """The secrets as typed (and the header's base64 value): what a decoded server message must not hold."""
        h = self.header()
        return [x for x in (self._password, self._token, h.split(" ", 1)[1] if h else "") if x]

    def __repr__(self) -> str:
        return f"Credentials(kind={self.kind!r}, user={self.user!r}, secret=***)"

    __str__ = __repr__


def _encodings(s: str) -> set[str]:
    """The forms a server may echo ``s`` in: as typed, percent-encoded (either way, either case), JSON string
    escapes (ASCII-only or not, with ``\\/``), HTML/XML escapes (named, decimal and hexadecimal references)."""
    import html
    import json

    forms = {s, urllib.parse.quote(s, safe=""), urllib.parse.quote_plus(s), urllib.parse.quote(s)}
    forms |= {re.sub("%[0-9A-F]{2}", lambda m: m.group().lower(), f) for f in list(forms)}
    for ascii_only in (True, False):
        j = json.dumps(s, ensure_ascii=ascii_only)[1:-1]
        forms |= {j, j.replace("/", "\\/")}
    forms |= {html.escape(s, quote=True), html.escape(s, quote=False),
              html.escape(s, quote=True).replace("&#x27;", "&#39;").replace("&quot;", "&#34;"),
              html.escape(s, quote=True).replace("&#x27;", "&apos;"),
              "".join(f"&#{ord(c)};" for c in s), "".join(f"&#x{ord(c):x};" for c in s)}
    return forms


_TOKEN_CHARS = re.compile(r"[\x21-\x7e]+")  # visible ASCII: what an HTTP header value can carry as a token


@dataclass(frozen=True)
class PushResult:
    method: str
    url: str          # without credentials
    status: int
    n_bytes: int
    attempts: int


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102 (urllib hook)
        return None  # urllib then raises HTTPError(3xx), which push() reports


def split_endpoint(endpoint: str) -> tuple[str, Credentials | None]:
    """Validate the endpoint URL and strip ``user:password@`` from it (returned as credentials)."""
    text = endpoint.strip()
    shown = _hide_userinfo(text)
    if any(ord(c) <= 32 or ord(c) == 127 for c in text):
        raise PushError(f"bad endpoint {shown!r}: it holds a space or control character (percent-encode it)")
    _, sep, rest = text.partition("//")
    authority = rest.split("/", 1)[0] if sep else ""
    if "@" in authority and any(c in authority[:authority.rfind("@")] for c in "?#"):
        # ``http://admin:s3cr#et@host/``: by the URL rules the host is "admin" and "et@host/" a fragment, which
        # is never what was meant; refused rather than guessed (and sent to the wrong host)
        raise PushError(f"bad endpoint {shown!r}: the user name or password holds '#' or '?', which end the host "
                        "part of a URL; percent-encode them (%23, %3F) or give the password with --password or "
                        f"{ENV_PASSWORD}")
    try:
        parts = urllib.parse.urlsplit(text)
        hostname, port = parts.hostname, parts.port
        username, password = parts.username, parts.password
    except ValueError:  # a bad port or IPv6 literal: urllib's message may quote part of a password
        raise PushError(f"bad endpoint {shown!r}: its host or port does not parse") from None
    if parts.scheme not in ("http", "https") or not hostname:
        raise PushError(f"bad endpoint {shown!r}: want an http:// or https:// URL")
    creds = None
    if username is not None or password is not None:
        creds = Credentials(urllib.parse.unquote(username or ""), urllib.parse.unquote(password or ""))
        host = hostname if ":" not in hostname else f"[{hostname}]"
        netloc = f"{host}:{port}" if port else host
        parts = parts._replace(netloc=netloc)
    return urllib.parse.urlunsplit(parts), creds


def _safe_url(url: str) -> str:
    """``url`` without its ``user:password@``, even when it does not parse: everything between ``//`` and the
    last ``@`` before the query or fragment, or before the first ``/`` (a password holding ``#`` or ``?``), is
    dropped."""
    head, sep, tail = url.partition("//")
    if not sep:
        head, tail = "", url
    cut = len(tail)
    for stop in "?#":
        i = tail.find(stop)
        if i >= 0:
            cut = min(cut, i)
    slash = tail.find("/")
    at = max(tail.rfind("@", 0, cut), tail.rfind("@", 0, slash if slash >= 0 else len(tail)))
    return head + sep + (tail[at + 1:] if at >= 0 else tail)


def _hide_userinfo(url: str) -> str:
    """An endpoint as typed, for an error message: everything between ``//`` and the last ``@`` becomes
    ``***`` (a password may hold ``/``, ``?`` and ``#`` too: better hide too much than a secret)."""
    head, sep, tail = url.partition("//")
    if not sep:
        head, tail = "", url
    at = tail.rfind("@")
    return head + sep + ("***@" + tail[at + 1:] if at >= 0 else tail)


def _is_local(url: str) -> bool:
    host = urllib.parse.urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def target_url(endpoint: str, graph: str | None) -> str:
    """``endpoint`` with ``graph=IRI`` (named graph) or ``default`` (default graph) added to its query."""
    parts = urllib.parse.urlsplit(endpoint)
    extra = urllib.parse.urlencode({"graph": graph}) if graph else "default"
    query = f"{parts.query}&{extra}" if parts.query else extra
    return urllib.parse.urlunsplit(parts._replace(query=query))


def _scrub(text: str, creds: Credentials) -> str:
    """``text`` (a server's message) with every form of the secrets replaced by ``***``; withheld altogether
    when a secret still shows once the message is un-escaped (an encoding the replacement did not foresee)."""
    for s in creds.secrets():
        text = text.replace(s, "***")
    raw = creds.raw_secrets()
    if raw and any(secret in decoded for decoded in _decodings(text) for secret in raw):
        return "(the server's message is not shown: it quotes the credentials)"
    return text


def _decodings(text: str) -> Iterator[str]:
    """``text`` un-escaped every way a server may have escaped what it echoes (HTML, percent, JSON), also
    stacked two deep (HTML-escaped JSON)."""
    import html

    def json_unescape(t: str) -> str:
        return re.sub(r"\\(u[0-9a-fA-F]{4}|.)", lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] == "u"
                      and len(m.group(1)) == 5 else {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}.get(
                          m.group(1), m.group(1)), t)

    steps = (html.unescape, urllib.parse.unquote, urllib.parse.unquote_plus, json_unescape)
    yield text
    for a in steps:
        once = a(text)
        yield once
        for b in steps:
            yield b(once)


MAX_TIMEOUT = 86_400.0
"""The longest ``timeout`` accepted (a day): the socket layer cannot take ``inf`` or 1e300 seconds."""


def check_timeout(timeout: float) -> float:
    """``timeout`` if it is a usable number of seconds per request; else one clear PushError."""
    import math

    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or math.isnan(timeout) or timeout <= 0:
        raise PushError(f"--timeout must be a positive number of seconds (got {timeout!r})")
    if timeout > MAX_TIMEOUT:
        raise PushError(f"--timeout {timeout:g} is too long: at most {MAX_TIMEOUT:g} seconds (a day)")
    return float(timeout)


_RETRYABLE = (ConnectionResetError, ConnectionAbortedError, BrokenPipeError, http.client.RemoteDisconnected,
              http.client.IncompleteRead, socket.timeout, TimeoutError)


def push_bytes(data: bytes, endpoint: str, *, graph: str | None = None, replace: bool = False,
               credentials: Credentials | None = None, content_type: str = "text/turtle; charset=utf-8",
               timeout: float = 60.0, insecure: bool = False, retries: int = 3, backoff: float = 0.5) -> PushResult:
    """Send ``data`` (Turtle by default) to a Graph Store Protocol endpoint; PUT if ``replace`` else POST."""
    check_timeout(timeout)
    base, url_creds = split_endpoint(endpoint)
    creds = credentials if credentials is not None and credentials.kind != "none" else (url_creds or Credentials())
    creds.check()
    if graph is not None:
        g = urllib.parse.urlsplit(graph)
        if not g.scheme or any(c in graph for c in " <>\"{}|\\^`"):
            raise PushError(f"bad graph IRI {graph!r}: want an absolute IRI such as https://example.org/parkkg")
    url = target_url(base, graph)
    shown = url
    method = "PUT" if replace else "POST"
    if url.startswith("https://") and insecure:
        log.warning("TLS certificate verification is off (--insecure): anyone on the network path can read "
                    "the graph%s", " and the credentials" if creds.kind != "none" else "")
    if url.startswith("http://") and creds.kind != "none" and not _is_local(url):
        log.warning("sending %s credentials over plain http:// to %s: anyone on the network path can read "
                    "them; use https://", creds.kind, urllib.parse.urlsplit(url).hostname)
    context = ssl.create_default_context()
    if insecure:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context), _NoRedirect())
    headers = {"Content-Type": content_type, "User-Agent": "parkkg"}
    auth = creds.header()
    if auth:
        headers["Authorization"] = auth
    attempts = max(1, retries + 1)
    last = ""
    for attempt in range(1, attempts + 1):
        req = urllib.request.Request(url, data=data, method=method, headers=headers)
        log.debug("%s %s (%d bytes, auth: %s, attempt %d)", method, shown, len(data), creds.kind, attempt)
        try:
            with opener.open(req, timeout=timeout) as resp:
                resp.read()
                log.debug("%s %s -> %d", method, shown, resp.status)
                return PushResult(method, shown, resp.status, len(data), attempt)
        except urllib.error.HTTPError as e:
            status = e.code
            body = _read_body(e, creds)
            if status in (401, 403):
                hint = ("give --user/--password or --token (or PARKKG_USER/PARKKG_PASSWORD, PARKKG_TOKEN)"
                        if creds.kind == "none" else f"the {creds.kind} credentials were refused")
                raise PushError(f"{method} {shown}: HTTP {status} {_reason(e)}: {hint}") from None
            if 300 <= status < 400:
                where = _scrub(_safe_url(e.headers.get("Location", "") if e.headers else ""), creds)
                raise PushError(f"{method} {shown}: HTTP {status} redirect to {where or '?'}; "
                                "give that URL as --endpoint") from None
            if status < 500:
                detail = f": {body}" if body else ""
                raise PushError(f"{method} {shown}: HTTP {status} {_reason(e)}{detail}") from None
            last = f"HTTP {status} {_reason(e)}" + (f": {body}" if body else "")
        except urllib.error.URLError as e:
            reason = e.reason
            if isinstance(reason, ConnectionRefusedError):
                raise PushError(f"cannot connect to {shown}: connection refused (is the triple store running "
                                "at that address?)") from None
            if isinstance(reason, ssl.SSLCertVerificationError):
                raise PushError(f"{shown}: TLS certificate verification failed ({reason.verify_message}); "
                                "use --insecure only if you trust this server") from None
            if isinstance(reason, ssl.SSLError):
                raise PushError(f"{shown}: TLS handshake failed ({reason.reason or type(reason).__name__}); "
                                "is it an https endpoint?") from None
            if isinstance(reason, socket.gaierror):
                raise PushError(f"cannot connect to {shown}: unknown host") from None
            if not isinstance(reason, _RETRYABLE) and not isinstance(reason, OSError):
                raise PushError(f"cannot connect to {shown}: {_scrub(str(reason), creds)}") from None
            last = _describe(reason)
        except _RETRYABLE as e:
            last = _describe(e)
        except OSError as e:
            last = _describe(e)
        except (ValueError, UnicodeError) as e:
            # http.client refusing the request (a bad URL or header): its message may quote a header value,
            # so only the kind of error is shown
            raise PushError(f"{method} {shown}: the request cannot be sent ({type(e).__name__})") from None
        if attempt < attempts:
            delay = min(backoff * 2 ** (attempt - 1), 30.0)
            log.warning("%s %s: %s; retrying in %.1f s (%d/%d)", method, shown, last, delay, attempt, attempts - 1)
            time.sleep(delay)
    raise PushError(f"{method} {shown}: {last} (gave up after {attempts} attempts)")


def _reason(e: urllib.error.HTTPError) -> str:
    return str(e.reason or http.client.responses.get(e.code, "")).strip()


def _read_body(e: urllib.error.HTTPError, creds: Credentials, limit: int = 2000) -> str:
    """The start of an error body as one short line, scrubbed (:func:`_scrub`) before it is cut: a secret cut
    in half by the 200-character limit is never shown, nor one cut by the ``limit`` bytes read."""
    try:
        data = e.read(limit)
    except Exception:  # noqa: BLE001 - the body is only a hint
        return ""
    text = _scrub(" ".join(data.decode("utf-8", "replace").split()), creds)
    if len(data) >= limit:  # the body goes on: the end read may hold the first part of a secret
        longest = max(map(len, creds.secrets()), default=1)
        text = text[:max(0, len(text) - longest)]
    return text[:200]


def _describe(e: BaseException) -> str:
    if isinstance(e, (socket.timeout, TimeoutError)):
        return "timed out"
    if isinstance(e, (ConnectionResetError, http.client.RemoteDisconnected)):
        return "connection reset by the server"
    return type(e).__name__ + (f": {e.strerror}" if isinstance(e, OSError) and e.strerror else "")


def push_out(out_dir: str | os.PathLike, endpoint: str, **kwargs) -> PushResult:
    """Push the graph of a build output folder (``graph.ttl``, or the store exported as Turtle)."""
    from kg.output import current_generation
    from kg.store.formats import serialise

    out = current_generation(out_dir)  # once: the Turtle, or else the store, of the same build
    ttl = out / "graph.ttl" if out.is_dir() else out
    data = ttl.read_bytes() if ttl.is_file() else serialise(out, "turtle")
    return push_bytes(data, endpoint, **kwargs)
