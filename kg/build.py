"""``kg build``: articles in, knowledge graph out (Turtle, store, HTML view, summary).

The orchestration only: each stage lives in its own module. Outputs are written atomically, so a crash
never leaves a half-written graph; the previous outputs stay until the new ones replace them.
"""
from __future__ import annotations

import json
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kg.errors import InputError, OutputError
from kg.export import serialize_turtle, to_rdf, write_atomic
from kg.graph import build_graph, summarise
from kg.records import Article, DocExtraction

log = logging.getLogger(__name__)


@dataclass
class BuildReport:
    out_dir: Path
    summary: dict
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (source, reason)
    outputs: dict[str, str] = field(default_factory=dict)


def extract_all(articles: Iterable[Article], progress: Callable[[Article], None] | None = None
                ) -> Iterator[DocExtraction]:
    from kg.extract.pipeline import Extractor

    extractor = Extractor()
    for article in articles:
        yield extractor.extract(article)
        if progress is not None:
            progress(article)


def build(paths: list[str], out_dir: str | Path, *, html: bool = True, store: bool = True,
          on_error: Callable[[InputError], None] | None = None, progress: bool = False) -> BuildReport:
    from kg.ingest import iter_articles

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"{out}: cannot create the output folder ({e.strerror})") from e
    skipped: list[tuple[str, str]] = []

    def record_error(err: InputError) -> None:
        skipped.append((err.source, err.problem))
        if on_error is not None:
            on_error(err)

    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit=" articles", file=sys.stderr, desc="extracting", dynamic_ncols=True)
    articles = iter_articles(paths, on_error=record_error)
    extractions = list(extract_all(articles, progress=(lambda a: bar.update(1)) if bar is not None else None))
    if bar is not None:
        bar.close()
    if not extractions:
        raise InputError(", ".join(map(str, paths)), "no article could be read")
    G = build_graph(extractions)
    report = BuildReport(out, summarise(G), skipped)
    report.summary["skipped"] = [{"source": s, "reason": r} for s, r in skipped]
    ttl = out / "graph.ttl"
    write_atomic(ttl, serialize_turtle(to_rdf(G)))
    report.outputs["turtle"] = str(ttl)
    if store:
        from kg.store import write_store

        write_store(ttl, out / "store")
        report.outputs["store"] = str(out / "store")
    if html:
        from kg.view import render_html

        render_html(G, out / "graph.html", title="ParkKG")
        report.outputs["html"] = str(out / "graph.html")
    write_atomic(out / "summary.json",
                 json.dumps(report.summary, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8") + b"\n")
    return report


def format_summary(report: BuildReport) -> str:
    s = report.summary
    lines = [f"articles: {s['articles']}",
             f"entities: {s['entities']} (" + ", ".join(f"{k} {v}" for k, v in s["entities_by_class"].items())
             + f"; Fortune 500: {s['fortune500']})",
             f"relations: {s['relations']} (" + ", ".join(f"{k} {v}" for k, v in s["relations_by_kind"].items()) + ")"]
    if report.skipped:
        lines.append(f"skipped: {len(report.skipped)} file(s)")
        lines += [f"  {src}: {reason}" for src, reason in report.skipped]
    else:
        lines.append("skipped: none")
    lines += [f"wrote {k}: {v}" for k, v in report.outputs.items()]
    return "\n".join(lines)
