"""The wheel works alone: every runtime import is a declared dependency, and the data the code reads (the
ontology and SHACL shapes included) lies inside the package. `.ci/run` builds the wheel, installs it in a fresh
venv and runs build / validate / query on the seeds from outside the source tree; these tests catch the same
mistakes without building anything."""
from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from kg.validate import shapes_path
from kg.vocab import ontology_path

tomllib = pytest.importorskip("tomllib" if sys.version_info >= (3, 11) else "tomli")

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "kg"

#: Imports that only optional commands make, each behind a helpful ImportError: module -> (extra, requirement).
OPTIONAL = {"sklearn": ("train", "scikit-learn"), "distributed": ("dask", "dask"),
            "pandas": ("notebook", "pandas")}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _req_name(req: str) -> str:
    return _norm(re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", req).group(1))


@pytest.fixture(scope="module")
def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def third_party_imports() -> dict[str, list[str]]:
    """Top-level module -> where kg/ imports it (import statements, importlib.import_module / find_spec)."""
    found: dict[str, list[str]] = {}
    for path in sorted(PKG.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
                  and isinstance(node.args[0].value, str)
                  and getattr(node.func, "attr", getattr(node.func, "id", None))
                  in ("import_module", "find_spec", "__import__")):
                names = [node.args[0].value]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top != "kg" and top not in sys.stdlib_module_names and top != "__future__":
                    found.setdefault(top, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_runtime_import_is_a_declared_dependency(pyproject):
    declared = {_req_name(r) for r in pyproject["project"]["dependencies"]}
    extras = {k: {_req_name(r) for r in v} for k, v in pyproject["project"]["optional-dependencies"].items()}
    dists = packages_distributions()
    imports = third_party_imports()
    assert {"spacy", "rdflib", "pyoxigraph", "numpy", "pyshacl"} <= set(imports)   # the scan sees them
    missing = []
    for module, where in sorted(imports.items()):
        if module in OPTIONAL:
            extra, req = OPTIONAL[module]
            if req not in extras.get(extra, set()):
                missing.append(f"{module} ({where[0]}): not in the [{extra}] extra")
            continue
        names = {_norm(d) for d in dists.get(module, [])}
        if not names:
            missing.append(f"{module} ({where[0]}): no installed distribution provides it")
        elif not names & declared:
            missing.append(f"{module} ({where[0]}): {sorted(names)} not in [project] dependencies")
    assert missing == [], "\n".join(missing)


def test_the_packaged_ontology_is_the_top_level_one_byte_for_byte():
    """``ontology/`` is the source of truth; after editing it: ``cp ontology/*.ttl kg/ontology/``."""
    source = sorted(p.name for p in (ROOT / "ontology").glob("*.ttl"))
    packaged = sorted(p.name for p in (PKG / "ontology").glob("*.ttl"))
    assert source == packaged == ["parkkg.ttl", "shapes.ttl"]
    for name in source:
        assert (PKG / "ontology" / name).read_bytes() == (ROOT / "ontology" / name).read_bytes(), (
            f"kg/ontology/{name} differs from ontology/{name}: cp ontology/*.ttl kg/ontology/")


def test_the_code_reads_the_packaged_ontology_and_shapes():
    assert ontology_path() == PKG / "ontology" / "parkkg.ttl"
    assert shapes_path() == PKG / "ontology" / "shapes.ttl"


def test_package_data_covers_every_data_file_in_the_package(pyproject):
    """A file under kg/ that no package-data pattern names would be missing from the wheel."""
    patterns = pyproject["tool"]["setuptools"]["package-data"]["kg"]
    covered = {p for pat in patterns for p in PKG.glob(pat) if p.is_file()}
    data = {p for p in PKG.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc")
            and "__pycache__" not in p.parts}
    assert PKG / "ontology" / "shapes.ttl" in covered
    assert sorted(str(p.relative_to(PKG)) for p in data - covered) == []
