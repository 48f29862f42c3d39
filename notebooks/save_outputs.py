"""Run the notebooks top to bottom and save them with their outputs, so that a reader sees the tables and the
chart before running anything::

    python notebooks/save_outputs.py            # every notebook in notebooks/
    python notebooks/save_outputs.py notebooks/01_seeds_graph.ipynb

Kept small and stable: no execution timings, only the language's name in the metadata, and no saved output for
cells tagged ``unsaved-output`` (the interactive view: its page in-lines vis-network, about 1 MB). A rerun on the
same machine rewrites the same bytes. Needs ``pip install -e '.[notebook,test]'`` (pandas, matplotlib, nbclient).
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent
UNSAVED = "unsaved-output"


def execute(path: Path) -> nbformat.NotebookNode:
    """The notebook at ``path`` run in a fresh kernel (working folder: the notebook's own)."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


def for_saving(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``nb`` with what would make it large or differ from run to run taken out."""
    nb.metadata["language_info"] = {"name": "python"}
    for cell in nb.cells:
        if cell.cell_type == "code" and UNSAVED in cell.metadata.get("tags", []):
            cell.outputs = []
    return nb


def main(argv: list[str]) -> int:
    for path in [Path(p) for p in argv] or sorted(HERE.glob("*.ipynb")):
        nbformat.write(for_saving(execute(path)), path)
        print(f"{path}: {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
