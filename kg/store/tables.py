"""Tables and graph files for the tools analysts use: CSV, an Excel workbook, GraphML (``kg export``).

The graph is read from the build's ``graph.ttl`` (:func:`kg.rdf.read.graph_from_turtle`, the viewer's reader)
and becomes three tables:

- ``entities``: one row per entity (IRI, label, class, aliases, English name, Fortune 500 flag and 2022 rank,
  honour lists, number of articles), by class (Park, Company, …), then label.
- ``relations``: one row per piece of evidence (head, kind, tail, role, evidence sentence, source file,
  article date and title), by head label, kind, tail label, then source. A relation without evidence gets
  one row with the evidence columns empty. ``partnersWith`` is symmetric: one row per evidence, with the head
  the party whose IRI sorts first.
- ``firms-by-park``: one row per park–firm pair (a firm: a Company or an Institute) linked by any relation
  (``hosts``, ``partnersWith``, ``locatedIn``…): the kinds, the number of evidence sentences, the source files.

Several values in one cell (aliases, lists, kinds, sources) are joined with :data:`SEPARATOR`, sorted.
CSV files are UTF-8 with a BOM (Excel on Chinese Windows reads them as UTF-8) and CRLF line ends; a text cell
starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'`` so that Excel never
takes it for a formula (CSV injection). The workbook needs no such prefix: its cells are typed text. Every
output is deterministic (the workbook's dates are fixed, see :data:`FIXED_TIME`).
"""
from __future__ import annotations

import csv
import datetime
import io
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from kg.errors import OutputError
from kg.io import write_atomic, write_atomic_files
from kg.records import EntityClass
from kg.rdf.read import graph_from_turtle
from kg.store.database import GRAPH_FILENAME
from kg.store.sparql import display_width

TABLE_FORMATS = ("csv", "xlsx", "graphml")
SEPARATOR = " | "
FIRM_CLASSES = (EntityClass.COMPANY.value, EntityClass.INSTITUTE.value)

ENTITY_HEADER = ("iri", "label", "class", "aliases", "label_en", "fortune500", "fortune500_rank", "lists",
                 "articles")
RELATION_HEADER = ("head_iri", "head", "head_class", "kind", "tail_iri", "tail", "tail_class", "role", "implied",
                   "evidence", "source_file", "article_date", "article_title")
FIRM_HEADER = ("park_iri", "park", "firm_iri", "firm", "firm_class", "fortune500_rank", "relations", "evidence",
               "sources")

#: the workbook's created/modified dates and its zip entries' date (the zip format's earliest)
FIXED_TIME = datetime.datetime(1980, 1, 1)
EXCEL_MAX_ROWS = 1_048_576   # rows of an Excel sheet, the header included (openpyxl cuts a cell at 32,767 characters)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# what XML 1.0 (xlsx, GraphML) cannot hold: C0 controls but tab and line ends, and the non-characters U+FFFE/F
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CLASS_ORDER = {c.value: i for i, c in enumerate(EntityClass)}


@dataclass(frozen=True)
class Table:
    """One table: its name (the CSV file's stem and the sheet's name), header and rows of plain values."""

    name: str
    header: tuple[str, ...]
    rows: list[tuple]


def read_graph(out_dir: str | os.PathLike) -> nx.MultiDiGraph:
    """The graph of the build in ``out_dir`` (or of a ParkKG Turtle file); one :class:`OutputError` otherwise."""
    out = Path(out_dir)
    if not out.exists():
        raise OutputError(f"{out}: no such folder")
    turtle = out if out.is_file() else out / GRAPH_FILENAME
    if not turtle.is_file():
        raise OutputError(f"{out}: not a build output (no {GRAPH_FILENAME}); run `kg build`")
    return graph_from_turtle(turtle)


def _joined(values) -> str:
    return SEPARATOR.join(sorted(set(values)))


def _node_order(G: nx.MultiDiGraph) -> list[str]:
    return sorted(G.nodes, key=lambda n: (_CLASS_ORDER.get(G.nodes[n]["cls"], len(_CLASS_ORDER)),
                                          G.nodes[n]["label"], n))


def _edge_order(G: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    label = nx.get_node_attributes(G, "label")
    return sorted(G.edges(keys=True), key=lambda e: (label[e[0]], e[2], label[e[1]], e[0], e[1]))


def entity_table(G: nx.MultiDiGraph) -> Table:
    rows = []
    for n in _node_order(G):
        d = G.nodes[n]
        rows.append((n, d["label"], d["cls"], _joined(d["alt_labels"]), d["label_en"], d["fortune500"],
                     d["fortune500_rank"], _joined(d["lists"]), len(d["docs"])))
    return Table("entities", ENTITY_HEADER, rows)


def relation_table(G: nx.MultiDiGraph) -> Table:
    articles = G.graph.get("articles", {})
    rows = []
    for u, v, kind in _edge_order(G):
        head = (u, G.nodes[u]["label"], G.nodes[u]["cls"], kind, v, G.nodes[v]["label"], G.nodes[v]["cls"])
        evidence = G.edges[u, v, kind]["evidence"]
        if not evidence:
            rows.append(head + ("", None, "", "", "", ""))
        for ev in evidence:
            article = articles.get(ev["doc_id"], {})
            rows.append(head + (ev["role"], ev["implied"], ev["sentence"], article.get("source", ""),
                                article.get("date", ""), article.get("title", "")))
    return Table("relations", RELATION_HEADER, rows)


def firm_table(G: nx.MultiDiGraph) -> Table:
    articles = G.graph.get("articles", {})
    pairs: dict[tuple[str, str], dict[str, list]] = {}
    for u, v, kind in _edge_order(G):
        ends = {G.nodes[u]["cls"]: u, G.nodes[v]["cls"]: v}
        firm_cls = next((c for c in FIRM_CLASSES if c in ends), None)
        if EntityClass.PARK.value not in ends or firm_cls is None:
            continue
        pair = pairs.setdefault((ends[EntityClass.PARK.value], ends[firm_cls]), {"kinds": [], "evidence": []})
        pair["kinds"].append(kind)
        pair["evidence"].extend(G.edges[u, v, kind]["evidence"])
    rows = []
    for park, firm in sorted(pairs, key=lambda p: (G.nodes[p[0]]["label"], G.nodes[p[1]]["label"]) + p):
        pair, f = pairs[park, firm], G.nodes[firm]
        sources = (articles.get(ev["doc_id"], {}).get("source", "") for ev in pair["evidence"])
        rows.append((park, G.nodes[park]["label"], firm, f["label"], f["cls"], f["fortune500_rank"],
                     _joined(pair["kinds"]), len(pair["evidence"]), _joined(s for s in sources if s)))
    return Table("firms-by-park", FIRM_HEADER, rows)


def tables(G: nx.MultiDiGraph) -> list[Table]:
    """The three tables of ``G``: entities, relations, firms-by-park."""
    return [entity_table(G), relation_table(G), firm_table(G)]


# ---------------------------------------------------------------- CSV

def csv_cell(value) -> str:
    """A value as CSV text: None empty, booleans ``true``/``false``, a text Excel would run as a formula
    prefixed with ``'``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_bytes(table: Table) -> bytes:
    """``table`` as CSV: UTF-8 with a BOM, CRLF line ends, minimal quoting."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(table.header)
    writer.writerows([csv_cell(v) for v in row] for row in table.rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


# ---------------------------------------------------------------- Excel workbook

def _restamped(archive: bytes) -> bytes:
    """The zip ``archive`` with every entry dated :data:`FIXED_TIME` (openpyxl dates them with the clock)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for entry in src.infolist():
            stamped = zipfile.ZipInfo(entry.filename, date_time=FIXED_TIME.timetuple()[:6])
            stamped.compress_type = zipfile.ZIP_DEFLATED
            stamped.external_attr = 0o600 << 16   # the same mode whatever temporary file openpyxl wrote
            dst.writestr(stamped, src.read(entry))
    return out.getvalue()


def _xml_text(text: str) -> str:
    """``text`` with the characters XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _column_widths(table: Table, sample: int = 200) -> list[float]:
    """Widths (in Excel's character units) fitting the header and the first ``sample`` rows, 8 to 60."""
    widths = [display_width(h) for h in table.header]
    for row in table.rows[:sample]:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], display_width(csv_cell(value)))
    return [min(60, max(8, w + 2)) for w in widths]


def xlsx_bytes(tabs: list[Table]) -> bytes:
    """The tables as one workbook, a sheet each (bold frozen header, filters, fitted widths); same tables,
    same bytes."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook(write_only=True)
    wb.properties.creator = "ParkKG"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    bold = Font(bold=True)
    for table in tabs:
        if len(table.rows) + 1 > EXCEL_MAX_ROWS:
            raise OutputError(f"the {table.name} table has {len(table.rows):,} rows, more than an Excel sheet "
                              f"holds ({EXCEL_MAX_ROWS - 1:,} below the header); use --format csv")
        ws = wb.create_sheet(table.name)
        ws.freeze_panes = "A2"
        for i, width in enumerate(_column_widths(table), start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.auto_filter.ref = f"A1:{get_column_letter(len(table.header))}{len(table.rows) + 1}"

        def text(value: str) -> WriteOnlyCell:
            c = WriteOnlyCell(ws, value=value)
            c.data_type = "s"   # typed text: "=…" is no formula, "#N/A" no error value
            return c

        header = [text(h) for h in table.header]
        for c in header:
            c.font = bold
        ws.append(header)
        for row in table.rows:
            values = [_xml_text(v) if isinstance(v, str) else v for v in row]
            ws.append([text(v) if isinstance(v, str) and v.startswith(("=", "#")) else v for v in values])
    buf = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()   # keeps our dates
    return _restamped(buf.getvalue())


# ---------------------------------------------------------------- GraphML

def graphml_bytes(G: nx.MultiDiGraph) -> bytes:
    """``G`` as GraphML for Gephi and yEd: nodes (id = IRI) with label, class, aliases, label_en, fortune500,
    fortune500_rank (absent when unknown), lists, articles; edges with a unique id, kind, label (= kind) and
    evidence (the number of sentences). Lists are joined with :data:`SEPARATOR`."""
    H = nx.MultiDiGraph()
    for n in _node_order(G):
        d = G.nodes[n]
        attrs = {"label": d["label"], "class": d["cls"], "aliases": _joined(d["alt_labels"]),
                 "label_en": d["label_en"], "fortune500": d["fortune500"], "lists": _joined(d["lists"]),
                 "articles": len(d["docs"])}
        if d["fortune500_rank"] is not None:
            attrs["fortune500_rank"] = d["fortune500_rank"]
        H.add_node(n, **{k: _xml_text(v) if isinstance(v, str) else v for k, v in attrs.items()})
    for i, (u, v, kind) in enumerate(_edge_order(G)):
        H.add_edge(u, v, key=f"e{i}", kind=kind, label=kind, evidence=len(G.edges[u, v, kind]["evidence"]))
    buf = io.BytesIO()
    nx.write_graphml_xml(H, buf)   # the standard-library writer: the same bytes with or without lxml
    return buf.getvalue()


# ---------------------------------------------------------------- writing

def export_tables(out_dir: str | os.PathLike, fmt: str, dest: str | os.PathLike) -> list[tuple[Path, str]]:
    """Write the ``fmt`` export of the build in ``out_dir`` to ``dest`` (a folder for ``csv``, a file
    otherwise), atomically; return each file written with what it holds (``10 rows``)."""
    if fmt not in TABLE_FORMATS:
        raise OutputError(f"unknown table format {fmt!r} (one of {', '.join(TABLE_FORMATS)})")
    G = read_graph(out_dir)
    dest = Path(dest)
    if fmt == "graphml":
        write_atomic(dest, graphml_bytes(G))
        return [(dest, f"{G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges")]
    tabs = tables(G)
    if fmt == "xlsx":
        try:
            data = xlsx_bytes(tabs)
        except OutputError as e:
            raise OutputError(f"{dest}: {e}") from e
        write_atomic(dest, data)
        return [(dest, ", ".join(f"{t.name} {len(t.rows):,}" for t in tabs) + " rows")]
    if dest.exists() and not dest.is_dir():
        raise OutputError(f"{dest}: not a folder (--format csv writes {len(tabs)} files into a folder)")
    files = write_atomic_files(dest, {f"{t.name}.csv": csv_bytes(t) for t in tabs})
    return [(path, f"{len(t.rows):,} rows") for path, t in zip(files, tabs)]
