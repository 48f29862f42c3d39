"""The notebooks in notebooks/ run top to bottom, and the DataFrame helper they use."""
from __future__ import annotations

import functools
import html
import re
from pathlib import Path

import pytest

pytest.importorskip("pandas", reason="the notebooks need the notebook extra: pip install -e '.[notebook]'")
pytest.importorskip("matplotlib", reason="the notebooks need the notebook extra: pip install -e '.[notebook]'")

import nbformat  # noqa: E402
import pyoxigraph as ox  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

from kg.errors import QueryError  # noqa: E402
from kg.store.sparql import run_query, to_dataframe  # noqa: E402

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
SEEDS_NOTEBOOK = NOTEBOOK_DIR / "01_seeds_graph.ipynb"


@functools.cache  # each notebook runs once for all the tests
def _execute(path: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


def _outputs(nb: nbformat.NotebookNode, cell_id: str) -> list[dict]:
    return next(c for c in nb.cells if c.get("id") == cell_id).outputs


def _text(outputs: list[dict]) -> str:
    return "".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in outputs)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path):
    nb = _execute(path)
    tofu = [o["text"] for c in nb.cells if c.cell_type == "code" for o in c.outputs
            if o.get("name") == "stderr" and "missing from font" in o["text"]]
    assert not tofu, tofu  # a chart label drawn as empty boxes


@pytest.fixture(scope="module")
def seeds_notebook() -> nbformat.NotebookNode:
    return _execute(SEEDS_NOTEBOOK)


def test_the_seeds_notebook_shows_dataframes_of_the_named_queries(seeds_notebook):
    per_park = _text(_outputs(seeds_notebook, "firms-per-park"))
    assert re.search(r"聊城高新区\s+6\b", per_park), per_park      # park and firm count, as columns
    assert "博源科技公司" in _text(_outputs(seeds_notebook, "one-park"))
    partners = _text(_outputs(seeds_notebook, "fortune500-partners"))
    assert re.search(r"博源科技公司\s+采埃孚\s+310\s+聊城高新区", partners), partners
    assert re.search(r"徐鲁田\s+车间主管\s+博源科技公司", _text(_outputs(seeds_notebook, "people-table")))
    assert all("text/html" in o["data"] for o in _outputs(seeds_notebook, "fortune500-firms")
               if o["output_type"] == "execute_result")   # an HTML table, as pandas shows it


def test_the_seeds_notebook_draws_the_chart_and_the_view_inline(seeds_notebook):
    chart = _outputs(seeds_notebook, "chart")
    assert any("image/png" in o.get("data", {}) for o in chart)
    labels = _text(chart)
    # without a Chinese font the bars are P1, P2 ... and a table names them (the first bar: the park with the most
    # firms, as the firms-per-park table counts them); with one, the names are on the bars
    top = re.search(r"0\s+(\S+)\s+(\d+)", _text(_outputs(seeds_notebook, "firms-per-park")))
    assert top is not None and top.group(1) == "济南高新技术产业开发区"
    assert "P1" not in labels or re.search(rf"P1\s+{top.group(1)}\s+{top.group(2)}\b", labels), labels
    frames = [o["data"]["text/html"] for o in _outputs(seeds_notebook, "view") if "text/html" in o.get("data", {})]
    assert len(frames) == 1 and frames[0].startswith('<iframe sandbox="allow-scripts" srcdoc="')
    page = html.unescape(re.search(r'srcdoc="([^"]*)"', frames[0]).group(1))
    assert "聊城高新区" in page and "博源科技公司" in page
    assert "default-src &#39;none&#39;" in page or "default-src 'none'" in page   # the page may load nothing
    assert not re.search(r"""\b(src|href)=["']?(https?:)?//""", page)


def test_the_saved_notebook_is_small_and_has_its_outputs():
    """What a reader sees before running anything: tables and the chart, not the 1 MB view page."""
    assert SEEDS_NOTEBOOK.stat().st_size < 400_000
    nb = nbformat.read(SEEDS_NOTEBOOK, as_version=4)
    assert "<table" in "".join(o.get("data", {}).get("text/html", "") for o in _outputs(nb, "firms-per-park"))
    images = [o["data"]["image/png"] for o in _outputs(nb, "chart") if "image/png" in o.get("data", {})]
    assert len(images) == 1 and len(images[0]) * 3 // 4 < 60_000
    assert _outputs(nb, "view") == []
    assert all("execution" not in c.metadata for c in nb.cells)  # no timings: a rerun does not change the file


def test_to_dataframe_gives_numbers_as_numbers_and_unbound_as_none():
    store = ox.Store()
    park, firm = ox.NamedNode("https://example.org/青川高新区"), ox.NamedNode("https://example.org/宏泰精密")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    store.add(ox.Quad(park, label, ox.Literal("青川高新区")))
    store.add(ox.Quad(firm, label, ox.Literal("宏泰精密有限公司")))
    store.add(ox.Quad(park, ox.NamedNode("https://w3id.org/parkkg/ontology#hosts"), firm))
    df = to_dataframe(run_query(store, """
        SELECT ?name (COUNT(?o) AS ?hosted) (AVG(1.5) AS ?score) ?missing WHERE {
          ?x rdfs:label ?name . OPTIONAL { ?x pk:hosts ?o } } GROUP BY ?name ?missing ORDER BY ?name"""))
    assert list(df.columns) == ["name", "hosted", "score", "missing"]
    assert df.to_dict("records") == [{"name": "宏泰精密有限公司", "hosted": 0, "score": 1.5, "missing": None},
                                     {"name": "青川高新区", "hosted": 1, "score": 1.5, "missing": None}]
    assert df["hosted"].dtype.kind == "i"
    empty = to_dataframe(run_query(store, "SELECT ?a ?b WHERE { ?a pk:nothing ?b }"))
    assert empty.empty and list(empty.columns) == ["a", "b"]
    with pytest.raises(QueryError, match="only a SELECT result"):
        to_dataframe(run_query(store, "ASK { ?a ?b ?c }"))
