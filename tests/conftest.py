"""Session fixtures shared by every test module."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def extractor():
    """The full extraction pipeline, loaded once."""
    from kg.extract.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory) -> Path:
    """An OUT folder built from seeds/ (graph.ttl, graph.html, store/, summary.json)."""
    from kg.build import build

    out = tmp_path_factory.mktemp("seeds_out")
    build([str(SEEDS)], out)
    return out
