"""Out-of-core assembly of a build's graph.

:func:`kg.graph.build_graph` holds everything in memory, which grows with the corpus: every piece of evidence
(a sentence per relation found) and every (entity, article) mention. A build instead keeps in memory only what
is bounded by the number of *distinct* entities and relations — the merged nodes and one edge per relation —
and streams the rest into a temporary SQLite database beside the outputs:

- ``article``: one row per article;
- ``mention``: (entity IRI, doc_id) for each entity an article mentions;
- ``evidence``: one row per piece of evidence, with its ``rdf:Statement`` IRI.

The Turtle is then written in its deterministic order (subjects sorted; see :func:`kg.rdf.turtle.turtle_from_plain`)
by merging three sorted streams: the articles and the statements sorted by SQLite (an external merge sort when
they do not fit its cache) and the entities sorted in memory. The bytes are exactly those of
``graph_turtle(build_graph(...))`` (tested). The view draws from :meth:`Assembly.view_graph`, which loads the
evidence of the drawn relations only, at most ``max_evidence`` each.
"""
from __future__ import annotations

import heapq
import os
import sqlite3
from pathlib import Path
from typing import Iterable, Iterator

import networkx as nx

from kg.rdf.triples import (PlainTriple, article_triples, node_triples, statement_iri, statement_triples, triple_sort_key)
from kg.graph import GraphMerger, evidence_key, freeze_node
from kg.records import DocExtraction

_SCHEMA = """
CREATE TABLE article(doc_id TEXT PRIMARY KEY, iri TEXT NOT NULL, title TEXT, source TEXT, url TEXT, date TEXT,
                     n_chars INTEGER);
CREATE TABLE mention(iri TEXT NOT NULL, doc_id TEXT NOT NULL);
CREATE TABLE evidence(seq INTEGER PRIMARY KEY, st TEXT NOT NULL, u TEXT NOT NULL, v TEXT NOT NULL,
                      kind TEXT NOT NULL, doc_id TEXT NOT NULL, start INTEGER, "end" INTEGER, role TEXT,
                      implied INTEGER, cue TEXT, sentence TEXT);
"""
_ARTICLE_COLS = ("iri", "title", "source", "url", "date", "n_chars")
_EV_COLS = ("u", "v", "kind", "doc_id", "start", "end", "role", "implied", "cue", "sentence")
_EV_SELECT = ", ".join(f'"{c}"' for c in _EV_COLS)   # "end" is an SQL keyword
_BATCH = 5000


class Assembly:
    """The graph of a build: :attr:`G` in memory (nodes without ``docs``, edges without ``evidence``) and the
    per-article part in the SQLite file ``path``, deleted by :meth:`close`."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.path.unlink(missing_ok=True)
        self.G: nx.MultiDiGraph = nx.MultiDiGraph()
        self.n_articles = 0
        self._pid = os.getpid()
        self._db = self._connect()
        self._db.executescript(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None)
        # a scratch database: rebuilt from the build state whenever needed, so no journal and no fsync
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-32768; "
                         "PRAGMA temp_store=FILE;")
        return db

    @property
    def db(self) -> sqlite3.Connection:
        if self._pid != os.getpid():  # a forked child (the view): SQLite handles must not cross fork
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._pid = os.getpid()
        return self._db

    # ------------------------------------------------------------------------------------------- assembling
    def fill(self, extractions: Iterable[DocExtraction]) -> "Assembly":
        """Merge ``extractions`` (in doc_id order, e.g. a stream from the build state)."""
        merger = GraphMerger()
        articles, mentions, evidence = [], [], []
        db = self.db
        db.execute("BEGIN")

        def flush() -> None:
            db.executemany("INSERT OR REPLACE INTO article VALUES (?,?,?,?,?,?,?)", articles)
            db.executemany("INSERT INTO mention VALUES (?,?)", mentions)
            db.executemany("INSERT INTO evidence(st,u,v,kind,doc_id,start,\"end\",role,implied,cue,sentence) "
                           "VALUES (?,?,?,?,?,?,?,?,?,?,?)", evidence)
            articles.clear(), mentions.clear(), evidence.clear()

        for d in extractions:
            article, mentioned, found = merger.add(d)
            articles.append((d.doc_id, *(article[c] for c in _ARTICLE_COLS)))
            mentions.extend((iri, d.doc_id) for iri in set(mentioned))
            for u, v, kind, ev in found:
                evidence.append((statement_iri(u, kind, v, ev), u, v, kind, ev["doc_id"], ev["start"], ev["end"],
                                 ev["role"], int(bool(ev["implied"])), ev["cue"], ev["sentence"]))
            if len(evidence) + len(mentions) > _BATCH:
                flush()
        flush()
        db.execute("COMMIT")
        self.G = merger.G
        for _, data in self.G.nodes(data=True):
            freeze_node(data)
        self.n_articles = db.execute("SELECT COUNT(*) FROM article").fetchone()[0]
        self.G.graph["n_articles"] = self.n_articles
        return self

    # ------------------------------------------------------------------------------------------------ Turtle
    def _article_stream(self) -> Iterator[tuple[str, list[PlainTriple]]]:
        cur = self.db.cursor()
        for row in cur.execute(f"SELECT {', '.join(_ARTICLE_COLS)} FROM article ORDER BY iri"):
            a = dict(zip(_ARTICLE_COLS, row))
            yield a["iri"], sorted(set(article_triples(a)), key=triple_sort_key)

    def _entity_stream(self) -> Iterator[tuple[str, list[PlainTriple]]]:
        cur = self.db.cursor()
        rows = cur.execute("SELECT DISTINCT m.iri, a.iri FROM mention m JOIN article a USING (doc_id) "
                           "ORDER BY m.iri")
        pending = next(rows, None)
        for s in sorted(self.G.nodes):
            while pending is not None and pending[0] < s:  # mentions of no node (cannot happen; skipped)
                pending = next(rows, None)
            docs = []
            while pending is not None and pending[0] == s:
                docs.append(pending[1])
                pending = next(rows, None)
            yield s, sorted(set(node_triples(self.G, s, docs)), key=triple_sort_key)

    def _statement_stream(self) -> Iterator[tuple[str, list[PlainTriple]]]:
        cur = self.db.cursor()
        # each statement with its article's IRI (the article table has it; no need to mint it again)
        rows = cur.execute(f"SELECT st, {_EV_SELECT}, a.iri FROM evidence JOIN article a USING (doc_id) "
                           f"ORDER BY st, seq")
        last = None
        for row in rows:
            if last is not None and row[0] != last[0]:
                yield self._statement(last)
            last = row  # same statement seen again: the last one counts, as in build_graph
        if last is not None:
            yield self._statement(last)

    @staticmethod
    def _statement(row: tuple) -> tuple[str, list[PlainTriple]]:
        st, ev, article = row[0], dict(zip(_EV_COLS, row[1:-1])), row[-1]
        ev["implied"] = bool(ev["implied"])
        return st, sorted(set(statement_triples(st, ev["u"], ev["v"], ev["kind"], ev, article)),
                          key=triple_sort_key)

    def triples(self) -> Iterator[PlainTriple]:
        """Every triple of the graph's RDF form in the Turtle order (subjects sorted, ``a`` first), no duplicates."""
        streams = (self._article_stream(), self._entity_stream(), self._statement_stream())
        for _, triples in heapq.merge(*streams, key=lambda x: x[0]):
            yield from triples

    # -------------------------------------------------------------------------------------------------- view
    def view_graph(self, nodes: list[str], edges: list[tuple[str, str, str]], *, max_evidence: int = 20,
                   max_docs: int = 50) -> nx.MultiDiGraph:
        """The subgraph of ``nodes`` and ``edges`` with everything the view shows: per node its ``docs`` (the first
        ``max_docs``; how many in all in ``n_docs``), per edge its ``evidence`` (the first ``max_evidence`` in
        :func:`kg.graph.build_graph`'s order; ``n_evidence`` in all) and the records of the articles they cite.

        Read-only sorted scans (no index is built), so a forked child may call it while this process reads too.
        """
        db = self.db
        H = nx.MultiDiGraph()
        wanted_nodes = set(nodes)
        docs: dict[str, list[str]] = {n: [] for n in nodes}
        n_docs = dict.fromkeys(nodes, 0)
        for iri, doc_id in db.execute("SELECT DISTINCT iri, doc_id FROM mention ORDER BY iri, doc_id"):
            if iri in wanted_nodes:
                n_docs[iri] += 1
                if len(docs[iri]) < max_docs:
                    docs[iri].append(doc_id)
        for n in nodes:
            H.add_node(n, **self.G.nodes[n], docs=tuple(docs[n]), n_docs=n_docs[n])
        wanted_edges = set(edges)
        kept: dict[tuple[str, str, str], list[dict]] = {e: [] for e in edges}
        counted = dict.fromkeys(edges, 0)
        last_key: dict[tuple[str, str, str], tuple] = {}
        # sorted by edge, then evidence_key, then seq: equal keys are adjacent and the last of them counts
        for row in db.execute(f"SELECT {_EV_SELECT} FROM evidence ORDER BY u, kind, v, doc_id, start, \"end\", role, seq"):
            ev = dict(zip(_EV_COLS, row))
            edge = (ev.pop("u"), ev.pop("v"), ev.pop("kind"))
            if edge not in wanted_edges:
                continue
            ev["implied"] = bool(ev["implied"])
            key = evidence_key(ev)
            if last_key.get(edge) == key:
                if kept[edge] and evidence_key(kept[edge][-1]) == key:
                    kept[edge][-1] = ev
                continue
            last_key[edge] = key
            counted[edge] += 1
            if len(kept[edge]) < max_evidence:
                kept[edge].append(ev)
        used = {d for ds in docs.values() for d in ds}
        for u, v, k in edges:
            evidence = kept[(u, v, k)]
            H.add_edge(u, v, key=k, **self.G.edges[u, v, k], evidence=tuple(evidence), n_evidence=counted[(u, v, k)])
            used.update(e["doc_id"] for e in evidence)
        H.graph["articles"] = {}
        for row in db.execute(f"SELECT doc_id, {', '.join(_ARTICLE_COLS)} FROM article ORDER BY doc_id"):
            if row[0] in used:
                H.graph["articles"][row[0]] = dict(zip(_ARTICLE_COLS, row[1:]))
        H.graph["n_articles"] = self.n_articles
        H.graph["total"] = {"nodes": self.G.number_of_nodes(), "edges": self.G.number_of_edges()}
        return H

    def close(self) -> None:
        try:
            self.db.close()
        finally:
            self.path.unlink(missing_ok=True)

    def __enter__(self) -> "Assembly":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def assemble(extractions: Iterable[DocExtraction], path: str | os.PathLike) -> Assembly:
    """:class:`Assembly` of ``extractions`` (in doc_id order) with its scratch database at ``path``."""
    asm = Assembly(path)
    try:
        return asm.fill(extractions)
    except BaseException:
        asm.close()
        raise
