"""The package layout: modules import each other in one direction (no import circle, lazy imports included),
and a stage never imports a later stage (docs/DESIGN.md, "Layout")."""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

KG = Path(__file__).resolve().parents[1] / "kg"

# the stages in data-flow order; a module of a stage may import its own stage and earlier ones
STAGES = ["ingest", "extract", "graph", "rdf", "store", "view"]


def _module_name(path: Path) -> str:
    parts = path.relative_to(KG.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in KG.rglob("*.py")}


def _imports(path: Path, mods: dict[str, Path]) -> set[str]:
    """Every kg module ``path`` imports, at the top or inside a function."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name in mods)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module in mods:
            subs = [f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in mods]
            out.update(subs or [node.module])
            if len(subs) < len(node.names):
                out.add(node.module)
    return out


def _graph() -> nx.DiGraph:
    mods = _modules()
    g = nx.DiGraph()
    for name, path in mods.items():
        g.add_node(name)
        for dep in _imports(path, mods):
            if dep != name and not name.startswith(dep + "."):   # a module's own package is loaded anyway
                g.add_edge(name, dep)
    return g


def test_the_import_graph_finds_modules_and_edges():
    g = _graph()
    assert {"kg.ingest.read", "kg.extract.pipeline", "kg.rdf.turtle", "kg.store.database", "kg.io"} <= set(g)
    assert g.has_edge("kg.extract.resolve", "kg.extract.types")
    assert g.has_edge("kg.rdf.turtle", "kg.io")


def test_no_import_circle():
    cycles = list(nx.simple_cycles(_graph()))
    assert cycles == [], "import circles: " + "; ".join(" -> ".join(c + c[:1]) for c in cycles[:5])


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_never_imports_a_later_one(stage):
    later = STAGES[STAGES.index(stage) + 1:]
    bad = sorted(
        (src, dst) for src, dst in _graph().edges
        if src.startswith(f"kg.{stage}.") or src == f"kg.{stage}"
        for st in later if dst == f"kg.{st}" or dst.startswith(f"kg.{st}.")
    )
    assert bad == []
