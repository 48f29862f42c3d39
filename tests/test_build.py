"""`kg build` end to end on the seeds: outputs, determinism, offsets, bad input."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.build import build
from kg.vocab import PK

PROV_FROM = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")


def _rdflib(path: Path) -> Graph:
    g = Graph()
    g.parse(path, format="turtle")
    return g


def test_outputs_exist_and_summary(seeds_out):
    for name in ("graph.ttl", "graph.html", "summary.json"):
        assert (seeds_out / name).stat().st_size > 0
    summary = json.loads((seeds_out / "summary.json").read_text(encoding="utf-8"))
    assert summary["articles"] == 5
    assert summary["entities_by_class"]["Park"] >= 5
    assert summary["relations_by_kind"]["hosts"] >= 5
    assert summary["skipped"] == []


def test_turtle_parses_with_rdflib_and_pyoxigraph(seeds_out):
    ttl = seeds_out / "graph.ttl"
    g = _rdflib(ttl)
    with open(ttl, "rb") as f:
        quads = list(ox.parse(f, format=ox.RdfFormat.TURTLE))
    assert len(g) == len(quads) > 1000


def test_two_builds_are_byte_identical(seeds_out, tmp_path):
    build([str(Path(__file__).resolve().parent.parent / "seeds")], tmp_path, html=False, store=False)
    assert (tmp_path / "graph.ttl").read_bytes() == (seeds_out / "graph.ttl").read_bytes()


def test_contract_classes_labels_and_fortune500(seeds_out):
    g = _rdflib(seeds_out / "graph.ttl")
    labels = {str(o): s for s, o in g.subject_objects(RDFS.label)}
    park = labels["聊城高新区"]
    assert (park, RDF.type, PK.Park) in g
    magna = next(s for s, o in g.subject_objects(SKOS.altLabel) if str(o) == "麦格纳")
    assert (magna, RDF.type, PK.Fortune500Firm) in g and (magna, RDF.type, PK.Company) in g
    assert "Magna International" in {str(o) for o in g.objects(magna, SKOS.altLabel)}
    boyuan = labels["博源科技公司"]
    assert (park, PK.hosts, boyuan) in g
    assert (boyuan, PK.partnersWith, magna) in g and (magna, PK.partnersWith, boyuan) in g
    # 山东世纪阳光纸业集团(以下简称世纪阳光): the alias is an altLabel of the full name
    sunshine = labels["山东世纪阳光纸业集团"]
    assert "世纪阳光" in {str(o) for o in g.objects(sunshine, SKOS.altLabel)}


def test_bylines_are_not_entities(seeds_out):
    g = _rdflib(seeds_out / "graph.ttl")
    names = {str(o) for o in g.objects(None, RDFS.label)} | {str(o) for o in g.objects(None, SKOS.altLabel)}
    assert "王延斌" not in names and "郭志刚" not in names


def test_every_statement_points_at_its_evidence_in_the_raw_file(seeds_out, repo_root):
    from kg.vocab import normalise_name

    g = _rdflib(seeds_out / "graph.ttl")
    checked = 0
    for st in g.subjects(RDF.type, RDF.Statement):
        article = g.value(st, PROV_FROM)
        source = str(g.value(article, PK.sourceFile))
        raw = (repo_root / source).read_text(encoding="utf-8") if not Path(source).is_absolute() \
            else Path(source).read_text(encoding="utf-8")
        start, end = int(g.value(st, PK.startOffset)), int(g.value(st, PK.endOffset))
        evidence = str(g.value(st, PK.evidence))
        if not evidence:
            continue
        # the raw span holds the evidence sentence, plus what the repair removed (OCR breaks, inline bylines)
        span = raw[start:end]
        assert span[:1] == evidence[:1] and span[-1:] == evidence[-1:], st
        it = iter(span)
        assert all(ch in it for ch in evidence), st
        checked += 1
    assert checked > 50


def test_worksfor_has_role(seeds_out):
    g = _rdflib(seeds_out / "graph.ttl")
    roles = {str(g.value(st, PK.role)) for st in g.subjects(RDF.predicate, PK.worksFor)}
    assert any("负责人" in r for r in roles)


def test_bad_files_are_reported_and_the_rest_built(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("聊城高新区管委会副主任田存伟表示，博源科技公司落户聊城高新区。", encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (src / "bad.jsonl").write_text('{"id": "a", "text": "济南高新区的浪潮集团。"}\n{not json\n', encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(src), "-o", str(out), "--no-html"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "empty.txt" in proc.stderr and "binary.txt" in proc.stderr and "bad.jsonl" in proc.stderr
    g = _rdflib(out / "graph.ttl")
    labels = {str(o) for o in g.objects(None, RDFS.label)}
    assert "博源科技公司" in labels


def test_nothing_readable_exits_nonzero(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "o")],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert "empty.txt" in proc.stderr and "Traceback" not in proc.stderr


def test_every_command_has_help_and_is_in_the_readme(repo_root):
    from kg.cli import COMMANDS, make_parser

    parser = make_parser()
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():
        assert p.format_help().strip()
        assert f"kg {name}" in readme, f"kg {name} is not documented in README.md"
