"""SHACL validation of a build's graph against ``ontology/shapes.ttl`` (pyshacl), with readable messages.

The data graph is validated on its own, without the ontology and without inference, so that what the graph
itself says is checked (e.g. a ``pk:Fortune500Firm`` must also be typed ``pk:Company``).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SH

from kg.errors import OutputError
from kg.vocab import PREFIXES, new_graph, ontology_path


@dataclass(frozen=True)
class Violation:
    focus: str        # IRI (or blank node id) of the focus node
    label: str        # its rdfs:label, "" when it has none
    path: str         # the property path, compacted (pk:hosts), "" for node-level results
    message: str
    value: str = ""   # the offending value, when there is one
    severity: str = "Violation"

    def __str__(self) -> str:
        who = f"{self.label} <{_compact(self.focus)}>" if self.label else f"<{_compact(self.focus)}>"
        where = f" {self.path}:" if self.path else ":"
        val = f" (value: {self.value})" if self.value else ""
        sev = "" if self.severity == "Violation" else f" [{self.severity}]"
        return f"{who}{where} {self.message}{val}{sev}"


def shapes_path() -> Path:
    """``kg/ontology/shapes.ttl`` (the packaged copy of ``ontology/shapes.ttl``), next to the ontology."""
    return ontology_path().with_name("shapes.ttl")


def _compact(iri: str) -> str:
    best = ""
    for prefix, ns in PREFIXES.items():
        ns = str(ns)
        if iri.startswith(ns) and len(ns) > len(best):
            best = ns
            out = f"{prefix}:{iri[len(ns):]}"
    return out if best else iri


def _term_text(g: Graph, t) -> str:
    if t is None:
        return ""
    if isinstance(t, URIRef):
        return _compact(str(t))
    if isinstance(t, Literal):
        s = str(t)
        return repr(s) if len(s) <= 60 else repr(s[:57] + "...")
    # blank node path (e.g. sequence or alternative): show its Turtle-ish form
    return "[complex path]"


def _pick(literals: list[Literal], lang: str) -> str:
    """The message in ``lang``; pyshacl drops the tags of SPARQL-constraint messages, so fall back on script."""
    for lit in literals:
        if lit.language == lang:
            return str(lit)
    untagged = [lit for lit in literals if not lit.language]
    for lit in untagged:
        if _has_cjk(str(lit)) == (lang == "zh"):
            return str(lit)
    return str(literals[0]) if literals else ""


def _has_cjk(s: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in s)


def validate_graph(data: Graph, shapes: Graph | None = None, lang: str = "en") -> tuple[bool, list[Violation]]:
    """Validate ``data``; return (conforms, violations sorted by focus label, path, message)."""
    import pyshacl

    if shapes is None:
        shapes = Graph().parse(shapes_path(), format="turtle")
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True,
                                           allow_warnings=True, abort_on_first=False)
    out = []
    for res in report.objects(None, SH.result):  # top-level results only, not nested sh:detail
        focus = report.value(res, SH.focusNode)
        path = report.value(res, SH.resultPath)
        value = report.value(res, SH.value)
        messages = list(report.objects(res, SH.resultMessage))
        severity = report.value(res, SH.resultSeverity)
        label = data.value(focus, RDFS.label)
        out.append(Violation(
            focus=str(focus), label=str(label) if label is not None else "", path=_term_text(data, path),
            message=_pick(messages, lang) or "does not conform",
            value=_term_text(data, value) if value is not None and value != focus else "",
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation"))
    out = sorted(set(out), key=lambda v: (v.label, v.focus, v.path, v.message, v.value))
    return bool(conforms), out


def load_out_graph(out_dir: str | os.PathLike) -> Graph:
    """The graph of a build output folder (``graph.ttl``, else the store), or a Turtle file, as rdflib."""
    from kg.output import current_generation

    p = current_generation(out_dir)  # once: the Turtle, or else the store, of the same build
    ttl = p if p.is_file() else p / "graph.ttl"
    g = new_graph()
    try:
        if ttl.is_file():
            g.parse(ttl, format="turtle")
        else:
            from kg.store.formats import serialise

            g.parse(data=serialise(p, "ntriples"), format="nt")
    except (SyntaxError, ValueError) as e:
        raise OutputError(f"{ttl}: cannot parse: {' '.join(str(e).split())[:300]}") from e
    return g


def validate_out(out_dir: str | os.PathLike, lang: str = "en") -> tuple[bool, list[Violation]]:
    return validate_graph(load_out_graph(out_dir), lang=lang)
