"""Benchmark: the SPARQL store behind ``kg query`` (pyoxigraph) against rdflib, on a synthetic graph.

Builds a synthetic graph of about ``--triples`` triples in the ParkKG vocabulary (parks hosting firms, firms
partnering with Fortune 500 firms, people working for firms, one ``rdf:Statement`` with evidence per relation,
articles), writes it as Turtle, then times for each engine:

- load:      parse the Turtle into the store (pyoxigraph: ``kg.store.database.write_store``, on disk, and in memory)
- export:    serialise the whole graph back to Turtle
- query:     a two-hop GROUP BY (per park, the Fortune 500 firms its firms partner with), first run and best of 3

Engines: pyoxigraph (what ``kg`` uses), rdflib's default in-memory store, and rdflib with the ``oxrdflib``
store (rdflib API, Oxigraph underneath). rdflib takes minutes at 1M triples; ``--skip-rdflib`` leaves it out.

``--build-path``: also the output stage of ``kg build`` on the same triples, held as ``kg.rdf.triples``' plain
triples: the Turtle written and the store loaded from it as it is written (``kg.store.database.streamed_store``, what the
build does), against the Turtle written and then read back into the store (``kg.store.database.write_store``, what it did
before); seconds and the peak of resident memory above what the process held before, best of ``--repeat``.

Run:  python bench/bench_store.py [--triples 1000000] [--skip-rdflib] [--skip-oxrdflib] [--build-path [--repeat 2]]
"""
from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PK = "https://w3id.org/parkkg/ontology#"
ID = "https://w3id.org/parkkg/id/"

QUERY = """
PREFIX pk: <https://w3id.org/parkkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?park (COUNT(DISTINCT ?f5) AS ?partners) WHERE {
  ?park pk:hosts ?firm .
  ?firm pk:partnersWith ?f5 .
  ?f5 a pk:Fortune500Firm .
}
GROUP BY ?park
ORDER BY DESC(?partners) ?park
LIMIT 10
"""

HEADER = """@prefix pk: <https://w3id.org/parkkg/ontology#> .
@prefix id: <https://w3id.org/parkkg/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def synthesise(path: Path, target: int, seed: int = 7) -> int:
    """Write a Turtle graph of about ``target`` triples; return the exact count."""
    rnd = random.Random(seed)
    n_firms = max(50, target // 25)
    n_parks = max(5, n_firms // 50)
    n_f500 = 500
    n_people = n_firms // 2
    n_articles = max(10, n_firms // 10)
    count = 0
    with path.open("w", encoding="utf-8") as f:
        f.write(HEADER)

        def entity(kind: str, i: int, cls: str, label: str, extra: str = "") -> None:
            nonlocal count
            art = rnd.randrange(n_articles)
            f.write(f"id:{kind}{i} a pk:{cls} ; rdfs:label \"{label}\"@zh ; skos:altLabel \"{label[:4]}\"@zh ;"
                    f" pk:mentionedIn id:a{art}{extra} .\n")
            count += 4 + extra.count(";")

        st = 0

        def relation(s: str, p: str, o: str, sentence: str, symmetric: bool = False) -> None:
            nonlocal count, st
            art = rnd.randrange(n_articles)
            start = rnd.randrange(20000)
            f.write(f"{s} pk:{p} {o} .\n")
            count += 1
            if symmetric:
                f.write(f"{o} pk:{p} {s} .\n")
                count += 1
            f.write(f"id:s{st} a rdf:Statement ; rdf:subject {s} ; rdf:predicate pk:{p} ; rdf:object {o} ;"
                    f" prov:wasDerivedFrom id:a{art} ; pk:evidence \"{sentence}\"@zh ;"
                    f" pk:startOffset {start} ; pk:endOffset {start + len(sentence)} ; pk:implied false .\n")
            count += 9
            st += 1

        for a in range(n_articles):
            f.write(f"id:a{a} a pk:Article ; dcterms:title \"园区新闻第{a}篇\"@zh ; pk:sourceFile \"news/{a}.txt\" ;"
                    f" dcterms:date \"2020-05-{a % 28 + 1:02d}\"^^xsd:date .\n")
            count += 4
        for p in range(n_parks):
            entity("p", p, "Park", f"第{p}高新技术产业开发区")
        for k in range(n_f500):
            entity("g", k, "Fortune500Firm", f"世界五百强集团{k}号有限公司",
                   f" ; a pk:Company ; pk:fortune500Rank {k + 1} ; skos:altLabel \"Global {k} Corp\"@en")
        for c in range(n_firms):
            entity("c", c, "Company", f"某某科技{c}有限公司")
            park = rnd.randrange(n_parks)
            relation(f"id:p{park}", "hosts", f"id:c{c}", f"记者到达地处第{park}高新区的某某科技{c}有限公司。")
            if rnd.random() < 0.3:
                g = rnd.randrange(n_f500)
                relation(f"id:c{c}", "partnersWith", f"id:g{g}", f"某某科技{c}为世界五百强集团{g}号赶制订单。",
                         symmetric=True)
        for h in range(n_people):
            entity("h", h, "Person", f"张{h}")
            firm = rnd.randrange(n_firms)
            relation(f"id:h{h}", "worksFor", f"id:c{firm}", f"某某科技{firm}技术负责人张{h}告诉记者。")
    return count


def timed(fn):
    gc.collect()
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def bench_pyoxigraph(ttl: Path, work: Path) -> dict[str, float]:
    import pyoxigraph as ox

    from kg.store.database import open_store, write_store

    res: dict[str, float] = {}
    res["load (disk store)"], n = timed(lambda: write_store(ttl, work / "out" / "store"))
    res["load (in memory)"], mem = timed(lambda: _ox_mem(ttl))
    del mem
    store = open_store(work / "out")
    res["export Turtle"], data = timed(lambda: store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph()))
    res["_bytes"] = len(data)
    del data
    res["query first"], rows = timed(lambda: list(store.query(QUERY)))
    res["query best of 3"] = min(timed(lambda: list(store.query(QUERY)))[0] for _ in range(3))
    res["_rows"] = len(rows)
    res["_triples"] = n
    return res


def _ox_mem(ttl: Path):
    import pyoxigraph as ox

    s = ox.Store()
    s.bulk_load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    return s


def plain_triples_of(ttl: Path) -> list:
    """The Turtle file as kg.rdf.triples plain triples, in the Turtle writer's order."""
    import pyoxigraph as ox

    from kg.rdf.triples import triple_sort_key

    out = []
    for t in ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE):
        o = t.object
        if isinstance(o, ox.Literal):
            lang = o.language or ""
            dt = "" if lang or o.datatype.value.endswith("#string") else o.datatype.value
            out.append((t.subject.value, t.predicate.value, (1, o.value, lang, dt)))
        else:
            out.append((t.subject.value, t.predicate.value, (0, o.value)))
    out.sort(key=triple_sort_key)
    return out


def bench_build_path(ttl: Path, work: Path, repeat: int) -> dict[str, tuple[float, float]]:
    """kg build's output stage, Turtle + store: (seconds, peak extra MiB) for each way, best of ``repeat``."""
    import psutil

    from kg.rdf.turtle import write_turtle_stream
    from kg.store.database import streamed_store, write_store
    from memwatch import TreeMemory

    plain = plain_triples_of(ttl)

    def reread(out: Path) -> None:
        write_turtle_stream(plain, out / "graph.ttl")
        write_store(out / "graph.ttl", out / "store")

    def streamed(out: Path) -> None:
        with streamed_store(out / "store") as feed:
            write_turtle_stream(plain, out / "graph.ttl", tee=feed)

    ways = {"Turtle, then the store from the file (before)": reread,
            "Turtle and store in one pass (kg build)": streamed}
    res: dict[str, tuple[float, float]] = {}
    for _ in range(repeat):
        for name, fn in ways.items():
            out = work / "build-path"
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir()
            gc.collect()
            base = psutil.Process().memory_info().rss
            with TreeMemory(os.getpid(), every=0.02) as mem:
                seconds, _ = timed(lambda: fn(out))
            extra = (mem.peak - base) / 2**20
            best = res.get(name)
            res[name] = (min(seconds, best[0]), min(extra, best[1])) if best else (seconds, extra)
            print(f"  {name}: {seconds:.2f} s, peak +{extra:.0f} MiB", flush=True)
    shutil.rmtree(work / "build-path", ignore_errors=True)
    return res


def bench_rdflib(ttl: Path, store: str) -> dict[str, float]:
    import rdflib

    res: dict[str, float] = {}
    g = rdflib.Graph(store=store)
    res["load (in memory)"], _ = timed(lambda: g.parse(ttl, format="turtle"))
    res["_triples"] = len(g)
    res["export Turtle"], data = timed(lambda: g.serialize(format="turtle", encoding="utf-8"))
    del data
    res["query first"], rows = timed(lambda: list(g.query(QUERY)))
    res["query best of 3"] = min(timed(lambda: list(g.query(QUERY)))[0] for _ in range(3))
    res["_rows"] = len(rows)
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--skip-rdflib", action="store_true", help="leave out rdflib's in-memory store (slow)")
    ap.add_argument("--skip-oxrdflib", action="store_true", help="leave out rdflib + oxrdflib")
    ap.add_argument("--keep", type=Path, help="also copy the synthetic Turtle here")
    ap.add_argument("--build-path", action="store_true", help="also kg build's Turtle + store stage, two ways")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each way for --build-path (best reported)")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="parkkg-bench-"))
    try:
        ttl = work / "graph.ttl"
        t, n = timed(lambda: synthesise(ttl, args.triples))
        print(f"synthetic graph: {n:,} triples, {ttl.stat().st_size / 1e6:.1f} MB Turtle (generated in {t:.1f} s)")
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; two-hop GROUP BY:{QUERY}")
        if args.keep:
            shutil.copy(ttl, args.keep)
        engines = [("pyoxigraph (kg.store)", lambda: bench_pyoxigraph(ttl, work))]
        if not args.skip_oxrdflib:
            engines.append(("rdflib + oxrdflib", lambda: bench_rdflib(ttl, "Oxigraph")))
        if not args.skip_rdflib:
            engines.append(("rdflib (memory)", lambda: bench_rdflib(ttl, "default")))
        results = {}
        for name, fn in engines:
            print(f"running {name} ...", flush=True)
            results[name] = fn()
            r = results[name]
            print("  " + ", ".join(f"{k}: {v:.2f} s" for k, v in r.items() if not k.startswith("_"))
                  + f"  ({int(r['_triples']):,} triples, {int(r['_rows'])} rows)", flush=True)
        metrics = ["load (disk store)", "load (in memory)", "export Turtle", "query first", "query best of 3"]
        names = list(results)
        width = max(len(m) for m in metrics)
        print()
        print(f"{'seconds':<{width}}  " + "  ".join(f"{n:>22}" for n in names))
        for m in metrics:
            cells = [f"{results[n][m]:>22.2f}" if m in results[n] else f"{'-':>22}" for n in names]
            print(f"{m:<{width}}  " + "  ".join(cells))
        q = results[names[0]]["query best of 3"]
        print(f"\ntarget: the store answers the two-hop GROUP BY in < 0.5 s: {q:.3f} s -> "
              f"{'met' if q < 0.5 else 'NOT met'}")
        if args.build_path:
            print(f"\nkg build's output stage on the same {n:,} triples (Turtle + store), best of {args.repeat}:")
            for name, (seconds, extra) in bench_build_path(ttl, work, args.repeat).items():
                print(f"{name:<48} {seconds:6.2f} s   peak +{extra:.0f} MiB")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
