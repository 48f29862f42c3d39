"""SPARQL over a build's store: named queries, parameter binding and result formatting.

Named queries are the ``kg/store/queries/*.rq`` files. Each starts with a header comment::

    # name: firms-in-park
    # description: Firms, institutes and government bodies a park hosts.
    # param: park -> ?parkName (optional): name or alias of the park

A parameter is bound to its SPARQL variable through pyoxigraph's ``substitutions`` (SEP-0007 bindings), never
by formatting user text into the query. Name parameters are bound as plain literals (surrounding whitespace
trimmed, characters otherwise kept: names and titles in the graph keep their full-width punctuation, ``，`` and
``（）``, so NFKC folding would make ``疫情期间订单不减，凭实力…`` match nothing); the queries compare them with ``STR()`` against ``rdfs:label`` and ``skos:altLabel``, so any name of an entity
works whatever its language tag. An optional parameter is written ``FILTER(COALESCE(<test on ?var>, true))``:
unbound, the test errors and COALESCE lets every row through. pyoxigraph requires a substituted variable to be
projected; those columns are dropped from the output (they would only repeat the parameter).

Users may leave out ``PREFIX`` declarations for our prefixes (``pk:``, ``id:``, ``rdfs:``, ``skos:`` ...).
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from kg.errors import QueryError, UsageError, printable
from kg.vocab import PREFIXES

QUERY_DIR = Path(__file__).resolve().parent / "queries"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
FORMATS = ("table", "csv", "tsv", "json")

_HEADER = re.compile(r"^#\s*(name|description|param)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^(\w+)\s*->\s*\?(\w+)\s*(?:\((optional|required)\))?\s*:?\s*(.*)$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class QueryParam:
    name: str            # what the user types: --param park=...
    variable: str        # the SPARQL variable it binds (without '?')
    required: bool = False
    description: str = ""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    text: str
    params: tuple[QueryParam, ...] = ()
    path: Path | None = None

    def param(self, name: str) -> QueryParam:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise QueryError(f"query {self.name!r} has no parameter {name!r} (parameters: {known})")


@dataclass
class QueryResult:
    """What a query returned: ``kind`` is ``select``, ``ask`` or ``graph`` (CONSTRUCT/DESCRIBE)."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[ox.NamedNode | ox.BlankNode | ox.Literal | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)

    def dicts(self) -> list[dict[str, str | None]]:
        """Rows as ``{variable: value}`` with plain string values (IRI, literal lexical form) or None."""
        return [{v: (None if t is None else t.value) for v, t in zip(self.variables, row)} for row in self.rows]


def parse_named_query(text: str, path: Path | None = None) -> NamedQuery:
    """Read the header comment of a ``.rq`` file."""
    meta: dict[str, str] = {}
    params: list[QueryParam] = []
    where = str(path) if path else "query"
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER.match(line)
        if not m:
            continue
        key, value = m.groups()
        if key == "param":
            pm = _PARAM.match(value)
            if not pm:
                raise QueryError(f"{where}: bad param line {line!r} (want 'NAME -> ?VAR (optional): text')")
            pname, var, opt, desc = pm.groups()
            params.append(QueryParam(pname, var, required=(opt == "required"), description=desc))
        else:
            meta[key] = value
    name = meta.get("name") or (path.stem if path else "")
    if not _NAME.match(name or ""):
        raise QueryError(f"{where}: missing or bad '# name:' header")
    return NamedQuery(name=name, description=meta.get("description", ""), text=text, params=tuple(params),
                      path=path)


def list_queries(directory: Path = QUERY_DIR) -> list[NamedQuery]:
    """Every named query, sorted by name."""
    out = [parse_named_query(p.read_text(encoding="utf-8"), p) for p in sorted(directory.glob("*.rq"))]
    return sorted(out, key=lambda q: q.name)


def get_query(name: str, directory: Path = QUERY_DIR) -> NamedQuery:
    queries = {q.name: q for q in list_queries(directory)}
    if name not in queries:
        raise QueryError(f"no named query {name!r}; `kg query --list` shows them")
    return queries[name]


def normalise_param(value: str) -> str:
    """Parameters are compared with names in the graph as they are: only surrounding whitespace (ideographic space
    included) is dropped. No NFKC: the graph keeps the text's full-width punctuation (``，``, ``（``, ``：``)."""
    return value.strip()


def param_term(value: str) -> ox.NamedNode | ox.Literal:
    """The RDF term for a parameter value: ``<IRI>`` gives an IRI, anything else a plain literal."""
    value = normalise_param(value)
    if len(value) > 2 and value.startswith("<") and value.endswith(">"):
        try:
            return ox.NamedNode(value[1:-1])
        except ValueError as e:
            raise QueryError(f"bad IRI parameter {value!r}: {e}") from e
    return ox.Literal(value)


def parse_param_args(items: Iterable[str]) -> dict[str, str]:
    """``["park=聊城高新区", ...]`` -> ``{"park": "聊城高新区"}``."""
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"bad --param {item!r}: want NAME=VALUE")
        out[name.strip()] = value
    return out


def bindings_for(query: NamedQuery, params: dict[str, str]) -> dict[str, ox.NamedNode | ox.Literal]:
    """Check ``params`` against the query's declared parameters and map them to ``{variable: term}``."""
    out: dict[str, ox.NamedNode | ox.Literal] = {}
    for name, value in params.items():
        out[query.param(name).variable] = param_term(value)
    missing = [p.name for p in query.params if p.required and p.name not in params]
    if missing:
        raise QueryError(f"query {query.name!r} needs --param {missing[0]}=VALUE")
    return out


def run_query(store: ox.Store, text: str, bindings: dict[str, ox.NamedNode | ox.Literal] | None = None,
              hide: Iterable[str] = ()) -> QueryResult:
    """Run a SPARQL query; ``bindings`` maps variable names to terms; ``hide`` drops output columns."""
    subs = {ox.Variable(k): v for k, v in (bindings or {}).items()} or None
    prefixes = {k: str(v) for k, v in PREFIXES.items()}
    try:
        res = store.query(text, prefixes=prefixes, substitutions=subs)
    except SyntaxError as e:
        raise QueryError(f"SPARQL syntax error: {' '.join(str(e).split())[:300]}") from e
    except (RuntimeError, ValueError) as e:
        raise QueryError(str(e)) from e
    except OSError as e:
        if _SERVICE.search(text):
            raise QueryError(f"the query failed: {' '.join(str(e).split())[:300]} (a SERVICE call to another "
                             "endpoint failed?)") from e
        raise QueryError(f"the store cannot be read: {e}") from e
    try:  # results are computed as they are read: a SERVICE call or the store can still fail here
        if isinstance(res, ox.QueryBoolean):
            return QueryResult(kind="ask", boolean=bool(res))
        if isinstance(res, ox.QuerySolutions):
            hidden = set(hide)
            names = [v.value for v in res.variables]
            keep = [i for i, n in enumerate(names) if n not in hidden]
            rows = [tuple(sol[i] for i in keep) for sol in res]
            return QueryResult(kind="select", variables=[names[i] for i in keep], rows=rows)
        return QueryResult(kind="graph", triples=list(res))
    except (OSError, RuntimeError, ValueError) as e:
        msg = " ".join(str(e).split())[:300] or type(e).__name__
        hint = " (a SERVICE call to another endpoint failed?)" if _SERVICE.search(text) else ""
        raise QueryError(f"the query failed while reading its results: {msg}{hint}") from e


_SERVICE = re.compile(r"\bSERVICE\b", re.I)


def run_named(store: ox.Store, name: str, params: dict[str, str] | None = None) -> QueryResult:
    """Run a named query with ``params`` (user strings, bound as terms)."""
    q = get_query(name)
    bindings = bindings_for(q, params or {})
    return run_query(store, q.text, bindings, hide=[p.variable for p in q.params])


# ---------------------------------------------------------------- formatting

def _compact(iri: str) -> str:
    best = None
    for prefix, ns in PREFIXES.items():
        ns = str(ns)
        if iri.startswith(ns) and (best is None or len(ns) > len(best[1])):
            best = (prefix, ns)
    return f"{best[0]}:{iri[len(best[1]):]}" if best else iri


def term_text(term: ox.NamedNode | ox.BlankNode | ox.Literal | None, compact: bool = False) -> str:
    """The human form of a term: IRI (compacted with our prefixes when ``compact``), literal value, ``_:id``."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return _compact(term.value) if compact else term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def display_width(s: str) -> int:
    """Columns ``s`` takes in a terminal: East Asian wide/full-width characters count two, combining marks none."""
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def _clip(s: str, width: int) -> str:
    if width <= 0 or display_width(s) <= width:
        return s
    out, w = [], 0
    for ch in s:
        cw = display_width(ch)
        if w + cw > width - 1:
            break
        out.append(ch)
        w += cw
    return "".join(out) + "…"


def _pad(s: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(s))
    return gap + s if right else s + gap


def format_table(result: QueryResult, max_width: int = 80) -> str:
    """An aligned text table (wide-character aware); numbers right-aligned; cells clipped to ``max_width``;
    control characters escaped (:func:`kg.errors.printable`), newlines shown as spaces."""
    if result.kind == "ask":
        return "true\n" if result.boolean else "false\n"
    if result.kind == "graph":
        return format_graph(result)
    header = result.variables
    # (a title holding control characters or ANSI escapes must not drive the terminal: they are shown escaped)
    cells = [[_clip(printable(term_text(t, compact=True).replace("\n", " ")), max_width) for t in row]
             for row in result.rows]
    numeric = [bool(result.rows) and all(isinstance(r[i], ox.Literal) and _is_number(r[i]) or r[i] is None
                                         for r in result.rows) for i in range(len(header))]
    widths = [max([display_width(h)] + [display_width(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(_pad(h, widths[i]) for i, h in enumerate(header)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for r in cells:
        lines.append("  ".join(_pad(c, widths[i], numeric[i]) for i, c in enumerate(r)).rstrip())
    n = len(result.rows)
    lines.append(f"({n} row{'s' if n != 1 else ''})")
    return "\n".join(lines) + "\n"


def _is_number(t: ox.Literal) -> bool:
    return t.datatype.value.startswith("http://www.w3.org/2001/XMLSchema#") and t.datatype.value.rsplit("#", 1)[1] in (
        "integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")


def format_csv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results CSV: header of variable names, plain values (IRIs in full)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if result.kind == "ask":
        w.writerow(["boolean"])
        w.writerow(["true" if result.boolean else "false"])
        return buf.getvalue()
    w.writerow(result.variables)
    for row in result.rows:
        w.writerow([term_text(t) for t in row])
    return buf.getvalue()


def format_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results TSV: ``?var`` header, terms in N-Triples/Turtle syntax."""
    if result.kind == "ask":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    for row in result.rows:
        lines.append("\t".join("" if t is None else str(t) for t in row))
    return "\n".join(lines) + "\n"


def _json_term(t: ox.NamedNode | ox.BlankNode | ox.Literal) -> dict[str, str]:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value not in (XSD_STRING, RDF_LANGSTRING):
            d["datatype"] = t.datatype.value
        return d
    return {"type": "triple", "value": str(t)}


def format_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON (``head.vars`` and ``results.bindings``, or ``boolean``)."""
    if result.kind == "ask":
        doc = {"head": {}, "boolean": bool(result.boolean)}
    else:
        bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None}
                    for row in result.rows]
        doc = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def format_graph(result: QueryResult) -> str:
    """CONSTRUCT/DESCRIBE results as Turtle with our prefixes."""
    prefixes = {k: str(v) for k, v in PREFIXES.items()}
    data = ox.serialize(result.triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    return data.decode("utf-8") if data else ""


def to_dataframe(result: QueryResult):
    """A SELECT result as a pandas DataFrame: one column per variable, in the query's order; numbers (xsd:integer,
    decimal, double ...) as numbers, IRIs and other literals as their text, unbound as None. Needs pandas
    (``pip install 'parkkg[notebook]'``)."""
    try:
        import pandas as pd
    except ImportError as e:
        raise UsageError("a DataFrame needs pandas: pip install 'parkkg[notebook]'") from e
    if result.kind != "select":
        raise QueryError(f"only a SELECT result is a table (this is a {result.kind} result)")
    return pd.DataFrame([[_python_value(t) for t in row] for row in result.rows], columns=result.variables)


def _python_value(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str | int | float | None:
    if term is None:
        return None
    if isinstance(term, ox.Literal) and _is_number(term):
        try:
            return int(term.value) if _is_integer(term) else float(term.value)
        except ValueError:  # an ill-typed literal ("12a"^^xsd:integer) stays text
            return term.value
    return term_text(term)


def _is_integer(t: ox.Literal) -> bool:
    return t.datatype.value.rsplit("#", 1)[1] in ("integer", "int", "long", "nonNegativeInteger")


def format_result(result: QueryResult, fmt: str = "table", max_width: int = 80) -> str:
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if result.kind == "graph":
        return format_graph(result)
    if fmt == "table":
        return format_table(result, max_width)
    return {"csv": format_csv, "tsv": format_tsv, "json": format_json}[fmt](result)
