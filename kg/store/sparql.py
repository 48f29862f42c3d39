"""SPARQL over a build's store: named queries, parameter binding, read-only checks and result formatting.

Named queries are the ``kg/store/queries/*.rq`` files. Each starts with a header comment::

    # name: firms-in-park
    # description: Firms, institutes and government bodies a park hosts.
    # param: park -> ?parkName (optional; name of pk:Park): name or alias of the park

A parameter is bound to its SPARQL variable through pyoxigraph's ``substitutions`` (SEP-0007 bindings), never
by formatting user text into the query. Name parameters are bound as plain literals (surrounding whitespace
trimmed, characters otherwise kept: names and titles in the graph keep their full-width punctuation, ``，`` and
``（）``, so NFKC folding would make ``疫情期间订单不减，凭实力…`` match nothing); the queries compare them with
``STR()`` against ``rdfs:label`` and ``skos:altLabel``, so any name of an entity works whatever its language tag.
An optional parameter is written ``FILTER(COALESCE(<test on ?var>, true))``: unbound, the test errors and
COALESCE lets every row through. pyoxigraph requires a substituted variable to be projected; those columns are
dropped from the output (they would only repeat the parameter). ``name of CLASS|CLASS`` (or ``value of
PREDICATE``) in a parameter's header says what it names: when a query finds nothing, :func:`unknown_value_hints`
says which value the graph does not hold and the closest names it does hold.

In one's own query (:func:`run_with_params`) ``--param name=聊城高新区`` must match however the query compares:
``?label = ?name`` and a pattern ``?p rdfs:label ?name`` need the term ``"聊城高新区"@zh``, ``STR(?label) = ?name``
and ``CONTAINS(STR(?label), ?name)`` the plain string. So ``?name`` is bound in turn to the plain string and to
each other form of it the graph holds (``@zh``, ``@en``, ``xsd:integer``, ``xsd:date``, ``xsd:boolean``: an index
look-up each; with several parameters, each combination), and the answer of the form that matches is printed.
A form "matches" when its answer differs from the answer with a value that matches nothing (an ungrouped COUNT
answers 0 then, an OPTIONAL the unfiltered rows); forms giving the same answer (``STR(?label) = STR(?name)``)
count once, and of several answers the one holding all the others is printed (``?l = ?a || ?l = ?b``: both names
in their graph form). A single VALUES of both terms would print rows twice and double a COUNT. Answers none of
which holds the others are an error that says to compare with STR() on both sides.

Users may leave out ``PREFIX`` declarations for our prefixes (``pk:``, ``park:``, ``company:``, ``rdfs:`` ...).
Before a query runs, :func:`check_read_only` refuses updates and ``SERVICE`` (the store is local; a query makes no
network request), looking only at the query's keywords: strings, IRIs, comments and names are masked first.
"""
from __future__ import annotations

import csv
import datetime
import difflib
import io
import itertools
import json
import re
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from kg.errors import QueryError, UsageError, printable
from kg.vocab import PREFIXES, RESOURCE_PREFIXES, normalise_name

QUERY_DIR = Path(__file__).resolve().parent / "queries"
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
FORMATS = ("table", "csv", "tsv", "json")
#: the prefixes a query may use undeclared: ours first (as ``graph.ttl`` writes IRIs), then the W3C ones
QUERY_PREFIXES = {"pk": str(PREFIXES["pk"]), **{k: str(v) for k, v in RESOURCE_PREFIXES.items()},
                  **{k: str(v) for k, v in PREFIXES.items()}}
#: the forms besides the plain string that a literal takes in our graphs: (language, datatype)
LITERAL_FORMS = (("zh", None), ("en", None), (None, XSD + "integer"), (None, XSD + "date"), (None, XSD + "boolean"))
#: a parameter value that no graph holds: the answer of a query when its parameter matches nothing
NO_MATCH = ox.Literal("kg query: a value that matches nothing")

_HEADER = re.compile(r"^#\s*(name|description|param)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^(\w+)\s*->\s*\?(\w+)\s*(?:\((optional|required)(?:;\s*(name|value) of\s+([\w:|]+))?\))?"
                    r"\s*:?\s*(.*)$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class QueryParam:
    name: str            # what the user types: --param park=...
    variable: str        # the SPARQL variable it binds (without '?')
    required: bool = False
    description: str = ""
    known: str = ""      # a SPARQL group binding ?n to every value the graph holds for it ("" if not declared)


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

    def holds(self, other: QueryResult) -> bool:
        """Every row (or triple) of ``other`` is in this answer, in any order (a GROUP BY without ORDER BY may
        list groups in any order)."""
        return ((self.kind, self.variables, self.boolean) == (other.kind, other.variables, other.boolean)
                and not Counter(other.rows) - Counter(self.rows) and set(other.triples) <= set(self.triples))

    def same_answer(self, other: QueryResult) -> bool:
        return self.holds(other) and other.holds(self)

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
            pname, var, opt, kind, among, desc = pm.groups()
            params.append(QueryParam(pname, var, required=(opt == "required"), description=desc,
                                     known=_known_values(kind, among)))
        else:
            meta[key] = value
    name = meta.get("name") or (path.stem if path else "")
    if not _NAME.match(name or ""):
        raise QueryError(f"{where}: missing or bad '# name:' header")
    return NamedQuery(name=name, description=meta.get("description", ""), text=text, params=tuple(params),
                      path=path)


def _known_values(kind: str | None, among: str | None) -> str:
    """The group pattern behind ``name of pk:Park|pk:Company`` (labels and aliases of entities of those classes)
    or ``value of pk:listedIn`` (objects of that predicate)."""
    if kind == "name":
        return f"{{ VALUES ?c {{ {' '.join(among.split('|'))} }} ?e a ?c ; rdfs:label|skos:altLabel ?n }}"
    if kind == "value":
        return f"{{ ?e {among} ?n }}"
    return ""


def list_queries(directory: Path = QUERY_DIR) -> list[NamedQuery]:
    """Every named query, sorted by name."""
    out = [parse_named_query(p.read_text(encoding="utf-8"), p) for p in sorted(directory.glob("*.rq"))]
    return sorted(out, key=lambda q: q.name)


def get_query(name: str, directory: Path = QUERY_DIR) -> NamedQuery:
    queries = {q.name: q for q in list_queries(directory)}
    if name not in queries:
        near = closest(name, list(queries), n=3)
        hint = f"did you mean {' or '.join(near)}?" if near else "`kg query --list` shows them"
        raise QueryError(f"unknown query {name!r}; {hint}")
    return queries[name]


def closest(value: str, names: Iterable[str], n: int = 5) -> list[str]:
    """The ``n`` names nearest ``value``: first those holding it, then those it holds and the similar spellings
    (difflib ratio at least 0.5 and within 0.1 of the best), each by similarity; NFKC- and case-folded."""
    key = normalise_name(value).casefold()
    matcher = difflib.SequenceMatcher(b=key)   # b is the side difflib caches: one value against many names
    ranked = []
    for name in sorted(set(names)):
        folded = normalise_name(name).casefold()
        matcher.set_seq1(folded)
        holding, held = bool(key) and key in folded, len(folded) >= 2 and folded in key
        if holding or held or (matcher.real_quick_ratio() >= 0.5 and matcher.quick_ratio() >= 0.5):
            ranked.append((not holding, -matcher.ratio(), name, holding or held))
    best = -min((r[1] for r in ranked), default=0.0)
    return [name for _, ratio, name, contains in sorted(ranked)
            if contains or -ratio >= max(0.5, best - 0.1)][:n]


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
    """Run a read-only SPARQL query; ``bindings`` maps variable names to terms; ``hide`` drops output columns."""
    check_read_only(text)
    subs = {ox.Variable(k): v for k, v in (bindings or {}).items()} or None
    try:
        res = store.query(text, prefixes=QUERY_PREFIXES, substitutions=subs)
    except SyntaxError as e:
        unknown = unknown_prefixes(text)
        if unknown:
            known = ", ".join(f"{p}:" for p in QUERY_PREFIXES)
            raise QueryError(f"unknown prefix '{unknown[0]}:'; known prefixes: {known} "
                             f"(or declare it: PREFIX {unknown[0]}: <IRI>)") from e
        raise QueryError(f"SPARQL syntax error: {' '.join(str(e).split())[:300]}") from e
    except (RuntimeError, ValueError) as e:
        unselected = re.search(r"variable \?(\w+) in its SELECT projection", str(e))
        if unselected:
            var = unselected.group(1)
            raise QueryError(f"--param {var}=… binds ?{var}, which the query must select: add ?{var} to SELECT "
                             f"(and to GROUP BY in a grouped query); its column is not printed") from e
        raise QueryError(str(e)) from e
    except OSError as e:
        raise QueryError(f"the store cannot be read: {e}") from e
    try:  # results are computed as they are read: the store can still fail here
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
        raise QueryError(f"the query failed while reading its results: {msg}") from e


def run_named(store: ox.Store, name: str, params: dict[str, str] | None = None) -> QueryResult:
    """Run a named query with ``params`` (user strings, bound as terms)."""
    q = get_query(name)
    bindings = bindings_for(q, params or {})
    return run_query(store, q.text, bindings, hide=[p.variable for p in q.params])


def param_forms(store: ox.Store, value: str) -> list[ox.NamedNode | ox.Literal]:
    """The terms a parameter value may stand for: an IRI; or the plain string and each other form of it
    (:data:`LITERAL_FORMS`) that the store holds."""
    term = param_term(value)
    if isinstance(term, ox.NamedNode):
        return [term]
    forms = [term]
    for language, datatype in LITERAL_FORMS:
        form = (ox.Literal(term.value, language=language) if language
                else ox.Literal(term.value, datatype=ox.NamedNode(datatype)))
        if next(store.quads_for_pattern(None, None, form), None) is not None:
            forms.append(form)
    return forms


def run_with_params(store: ox.Store, text: str, params: dict[str, str]) -> QueryResult:
    """Run one's own query with ``--param`` values bound to ``?NAME`` in whichever form matches (module doc)."""
    choices = {name: param_forms(store, value) for name, value in params.items()}
    combos = [dict(zip(choices, terms)) for terms in itertools.product(*choices.values())]
    first = run_query(store, text, combos[0], hide=choices)
    if len(combos) == 1:
        return first
    nothing = run_query(store, text, dict.fromkeys(choices, NO_MATCH), hide=choices)
    answers: list[tuple[dict[str, ox.NamedNode | ox.Literal], QueryResult]] = []
    for combo in combos:
        result = first if combo is combos[0] else run_query(store, text, combo, hide=choices)
        if not result.same_answer(nothing) and not any(result.same_answer(r) for _, r in answers):
            answers.append((combo, result))
    widest = [r for _, r in answers if all(r.holds(other) for _, other in answers)]
    if len(answers) > 1 and not widest:
        (a, _), (b, _) = answers[:2]
        var = next(v for v in choices if a[v] != b[v])
        raise QueryError(f"?{var} matches as {a[var]} and as {b[var]} with different answers: compare with STR() "
                         f"on both sides, e.g. FILTER(STR(?label) = STR(?{var}))")
    return widest[0] if answers else first


def unknown_value_hints(store: ox.Store, query: NamedQuery, params: dict[str, str]) -> list[str]:
    """One line per parameter declared ``name of …``/``value of …`` whose value the graph does not hold, with the
    closest values it holds: ``no park named '济南'; did you mean: 济南高新区, …?``."""
    lines = []
    for name, value in params.items():
        param = query.param(name)
        value = normalise_param(value)
        if not param.known or isinstance(param_term(value), ox.NamedNode):
            continue
        held = {sol[0].value for sol in store.query(f"SELECT DISTINCT (STR(?n) AS ?v) WHERE {param.known}",
                                                     prefixes=QUERY_PREFIXES)}
        if value in held:
            continue
        near = closest(value, held)
        lines.append(f"no {name} named '{value}'" + (f"; did you mean: {', '.join(near)}?" if near
                                                     else " in this graph"))
    return lines


# ---------------------------------------------------------------- what a query may do

# string literals (long and short), IRIs and comments: where a keyword is only text
_OPAQUE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
                     r'|"(?:[^"\\\n\r]|\\.)*"' r"|'(?:[^'\\\n\r]|\\.)*'"
                     r'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n\r]*', re.S)
_VARIABLE = re.compile(r"[?$][\w\u00b7\u0300-\u036f\u203f\u2040]+")
_BLANK = re.compile(r"_:[\w.\-\u00b7]*")
# a prefixed name: PNAME_NS and PN_LOCAL of the SPARQL grammar (local escapes and %XX included)
_PNAME = re.compile(r"(?<![\w.\-\u00b7])([^\W\d_](?:[\w.\-\u00b7]*[\w\-\u00b7])?)?:"
                    r"(?:[\w:%\\\-\u00b7]|\.(?=[\w:%\\\-\u00b7.]))*")
_UPDATES = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


def _masked(text: str) -> str:
    """``text`` with strings, IRIs and comments masked (``""``, ``<>``, a space)."""
    return _OPAQUE.sub(lambda m: {"<": "<>", "#": " "}.get(m.group()[0], '""'), text)


def _code(text: str) -> str:
    """Only what can be a keyword left: strings, IRIs, comments, variables, blank nodes and prefixed names
    masked (``""``, ``<>``, a space, ``?``, ``:``)."""
    return _PNAME.sub(" : ", _BLANK.sub(" : ", _VARIABLE.sub(" ? ", _masked(text))))


def check_read_only(text: str) -> None:
    """Refuse an update (``INSERT DATA``, ``DELETE WHERE``, ``LOAD``, ``CLEAR``, ``DROP`` …) and a ``SERVICE``
    clause before the query runs: one clear :class:`QueryError` line each."""
    code = _code(text)
    head = re.match(r"(?:\s*(?:BASE|PREFIX)\b[^\w{]*)*\s*(\w+)(?:\s+(DATA|WHERE)\b)?", code, re.I)
    if head and head.group(1).upper() in _UPDATES:
        form = " ".join(w for w in head.groups() if w).upper()
        raise QueryError(f"queries are read-only: {form} is an update (kg query runs SELECT, ASK, CONSTRUCT and "
                         "DESCRIBE)")
    if re.search(r"\bSERVICE\b", code, re.I):
        raise QueryError("SERVICE is refused: the store is local and a query makes no network request (federated "
                         "queries are not run)")


def unknown_prefixes(text: str) -> list[str]:
    """Prefixes the query uses that it does not declare and :data:`QUERY_PREFIXES` does not hold, in order."""
    code = _BLANK.sub(" ", _VARIABLE.sub(" ", _masked(text)))
    declared = {p or "" for p in re.findall(r"\bPREFIX\s+([^\W\d_][\w.\-]*)?:", code, re.I)}
    used = [m.group(1) or "" for m in _PNAME.finditer(code)]
    return [p for p in dict.fromkeys(used) if p not in declared and p not in QUERY_PREFIXES]


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


# ---------------------------------------------------------------- workbook

XLSX_MAX_CELL = 32_767   # characters Excel holds in a cell
_XLSX_NUMBER = {XSD + t: int for t in ("integer", "int", "long", "nonNegativeInteger", "positiveInteger")} | {
    XSD + t: float for t in ("decimal", "double", "float")}


def _xlsx_value(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> object:
    """A cell value: numbers, booleans and dates as such (when their lexical form is valid), anything else text."""
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _XLSX_NUMBER:
                return _XLSX_NUMBER[datatype](term.value)
            if datatype == XSD + "boolean" and term.value in ("true", "false", "1", "0"):
                return term.value in ("true", "1")
            if datatype == XSD + "date":
                return datetime.date.fromisoformat(term.value)
        except ValueError:
            pass
    return None if term is None else term_text(term)


ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)   # the date of every member of a workbook and of its "created" property


class _FixedTimeZip(zipfile.ZipFile):
    """A zip file whose members all carry :data:`ZIP_EPOCH`, so that the same table gives the same bytes."""

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):  # noqa: D102
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=ZIP_EPOCH)
            zinfo_or_arcname.compress_type = self.compression
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):  # noqa: D102
        self.writestr(arcname or Path(filename).name, Path(filename).read_bytes(), compress_type, compresslevel)


def format_xlsx(result: QueryResult, sheet: str = "query") -> bytes:
    """The result as an Excel workbook (openpyxl): a bold, frozen header row with filters, one row per answer
    (CONSTRUCT/DESCRIBE: subject, predicate, object). Text is never read as a formula (``=…`` stays text),
    control characters are escaped (:func:`kg.errors.printable`), cells are clipped to Excel's 32,767
    characters; the file's dates are fixed (:data:`ZIP_EPOCH`), so the same answer gives byte-identical files."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    if result.kind == "ask":
        header, rows = ["boolean"], [[bool(result.boolean)]]
    elif result.kind == "graph":
        header = ["subject", "predicate", "object"]
        rows = [[_xlsx_value(t) for t in (tr.subject, tr.predicate, tr.object)] for tr in result.triples]
    else:
        header, rows = list(result.variables), [[_xlsx_value(t) for t in row] for row in result.rows]
    wb = Workbook()
    wb.properties.created = wb.properties.modified = datetime.datetime(*ZIP_EPOCH)
    ws = wb.active
    ws.title = re.sub(r"[\[\]:*?/\\]", "-", sheet)[:31] or "query"
    widths = [display_width(h) for h in header]
    for r, values in enumerate([header, *rows], start=1):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c)
            if isinstance(value, str):
                text = printable(value)
                cell.value = text if len(text) <= XLSX_MAX_CELL else text[:XLSX_MAX_CELL - 1] + "…"
                cell.data_type = "s"   # "=SUM(…)" in an article stays text
                widths[c - 1] = max(widths[c - 1], min(60, display_width(text)))
            elif value is not None:
                cell.value = value
                if isinstance(value, datetime.date):
                    cell.number_format = "yyyy-mm-dd"
                widths[c - 1] = max(widths[c - 1], 10)
            if r == 1:
                cell.font = Font(bold=True)
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width + 2
    ws.freeze_panes = "A2"
    if header:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    buf = io.BytesIO()
    with _FixedTimeZip(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    return buf.getvalue()
