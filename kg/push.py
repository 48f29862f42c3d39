"""Load a build's graph into a remote triple store over the SPARQL 1.1 Graph Store HTTP Protocol.

``PUT`` replaces the target graph, ``POST`` adds to it; the target is ``?graph=IRI`` or ``?default``. Works with
Oxigraph (``/store``), Fuseki (``/DATASET/data``), GraphDB (``/repositories/ID/rdf-graphs/service``) and others.

Security: credentials (basic or bearer) come from arguments or the environment (``PARKKG_USER``,
``PARKKG_PASSWORD``, ``PARKKG_TOKEN``) and are only ever put into the ``Authorization`` header: never logged,
printed, or included in an exception message or a repr. ``user:password@`` in the endpoint URL is taken as
credentials and stripped from every URL we show. TLS certificates are verified unless ``insecure=True``.
Redirects are not followed (a redirect could forward the credentials or turn the upload into a GET).

Reliability: a timeout on every request; retries with exponential backoff on 5xx answers, connection resets,
dropped connections and timeouts; one clear error for a refused connection, 401/403 and other 4xx answers.
"""
from __future__ import annotations

import base64
import http.client
import logging
import os
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

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

    def secrets(self) -> list[str]:
        """Strings that must never appear in any output (used to scrub server messages)."""
        out = [s for s in (self._password, self._token) if s]
        h = self.header()
        if h:
            out.append(h.split(" ", 1)[1])
        return out

    def __repr__(self) -> str:
        return f"Credentials(kind={self.kind!r}, user={self.user!r}, secret=***)"

    __str__ = __repr__


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
    parts = urllib.parse.urlsplit(endpoint.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PushError(f"bad endpoint {_safe_url(endpoint)!r}: want an http:// or https:// URL")
    creds = None
    if parts.username is not None or parts.password is not None:
        creds = Credentials(urllib.parse.unquote(parts.username or ""),
                            urllib.parse.unquote(parts.password or ""))
        host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
        netloc = f"{host}:{parts.port}" if parts.port else host
        parts = parts._replace(netloc=netloc)
    return urllib.parse.urlunsplit(parts), creds


def _safe_url(url: str) -> str:
    try:
        parts = urllib.parse.urlsplit(url)
        if "@" in parts.netloc:
            return urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))
    except ValueError:
        return "<unparseable URL>"
    return url


def target_url(endpoint: str, graph: str | None) -> str:
    """``endpoint`` with ``graph=IRI`` (named graph) or ``default`` (default graph) added to its query."""
    parts = urllib.parse.urlsplit(endpoint)
    extra = urllib.parse.urlencode({"graph": graph}) if graph else "default"
    query = f"{parts.query}&{extra}" if parts.query else extra
    return urllib.parse.urlunsplit(parts._replace(query=query))


def _scrub(text: str, creds: Credentials) -> str:
    for s in creds.secrets():
        text = text.replace(s, "***")
    return text


_RETRYABLE = (ConnectionResetError, ConnectionAbortedError, BrokenPipeError, http.client.RemoteDisconnected,
              http.client.IncompleteRead, socket.timeout, TimeoutError)


def push_bytes(data: bytes, endpoint: str, *, graph: str | None = None, replace: bool = False,
               credentials: Credentials | None = None, content_type: str = "text/turtle; charset=utf-8",
               timeout: float = 60.0, insecure: bool = False, retries: int = 3, backoff: float = 0.5) -> PushResult:
    """Send ``data`` (Turtle by default) to a Graph Store Protocol endpoint; PUT if ``replace`` else POST."""
    base, url_creds = split_endpoint(endpoint)
    creds = credentials if credentials is not None and credentials.kind != "none" else (url_creds or Credentials())
    if graph is not None:
        g = urllib.parse.urlsplit(graph)
        if not g.scheme or any(c in graph for c in " <>\"{}|\\^`"):
            raise PushError(f"bad graph IRI {graph!r}: want an absolute IRI such as https://example.org/parkkg")
    url = target_url(base, graph)
    shown = url
    method = "PUT" if replace else "POST"
    if url.startswith("https://") and insecure:
        log.warning("TLS certificate verification is off (--insecure)")
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
            body = _scrub(_read_body(e), creds)
            if status in (401, 403):
                hint = ("give --user/--password or --token (or PARKKG_USER/PARKKG_PASSWORD, PARKKG_TOKEN)"
                        if creds.kind == "none" else f"the {creds.kind} credentials were refused")
                raise PushError(f"{method} {shown}: HTTP {status} {_reason(e)}: {hint}") from None
            if 300 <= status < 400:
                where = _safe_url(e.headers.get("Location", "") if e.headers else "")
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
        if attempt < attempts:
            delay = min(backoff * 2 ** (attempt - 1), 30.0)
            log.warning("%s %s: %s; retrying in %.1f s (%d/%d)", method, shown, last, delay, attempt, attempts - 1)
            time.sleep(delay)
    raise PushError(f"{method} {shown}: {last} (gave up after {attempts} attempts)")


def _reason(e: urllib.error.HTTPError) -> str:
    return str(e.reason or http.client.responses.get(e.code, "")).strip()


def _read_body(e: urllib.error.HTTPError) -> str:
    try:
        text = e.read(2000).decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - the body is only a hint
        return ""
    return " ".join(text.split())[:200]


def _describe(e: BaseException) -> str:
    if isinstance(e, (socket.timeout, TimeoutError)):
        return "timed out"
    if isinstance(e, (ConnectionResetError, http.client.RemoteDisconnected)):
        return "connection reset by the server"
    return type(e).__name__ + (f": {e.strerror}" if isinstance(e, OSError) and e.strerror else "")


def push_out(out_dir: str | os.PathLike, endpoint: str, **kwargs) -> PushResult:
    """Push the graph of a build output folder (``graph.ttl``, or the store exported as Turtle)."""
    from kg.exports import serialise

    out = Path(out_dir)
    ttl = out / "graph.ttl" if out.is_dir() else out
    data = ttl.read_bytes() if ttl.is_file() else serialise(out, "turtle")
    return push_bytes(data, endpoint, **kwargs)
