"""Re-execute the committed notebooks with their default parameters and store clean outputs.

``python -m customs_facilitation.refresh [NOTEBOOK ...]`` (``make refresh``). Outputs come from
a clean kernel run in ``notebooks/``; timing and papermill metadata are dropped and cell ids are
kept, so a notebook's diff shows only real changes. A notebook that fails is left untouched.
"""

import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from .paths import REPO_DIR
from .report_run import this_python_kernel_manager

NOTEBOOK_DIR = REPO_DIR / "notebooks"


def clean(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop metadata that changes from run to run (timings, papermill's records)."""
    notebook.metadata.pop("papermill", None)
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        for key in ("execution", "papermill", "collapsed", "scrolled"):
            cell.metadata.pop(key, None)
    return notebook


def refresh(path: Path) -> None:
    """Execute one notebook in its folder and write it back atomically, outputs stored."""
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, kernel_name="python3", record_timing=False, timeout=600,
                   kernel_manager_class=this_python_kernel_manager(),
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    with tempfile.NamedTemporaryFile("w", dir=path.parent, suffix=".ipynb", delete=False, encoding="utf-8") as out:
        nbformat.write(clean(notebook), out)
    Path(out.name).replace(path)


def main(argv: list[str]) -> int:
    """Refresh the named notebooks, or every notebook in notebooks/."""
    paths = [Path(a) for a in argv] or sorted(NOTEBOOK_DIR.glob("[0-9][0-9]-*.ipynb"))
    for path in paths:
        refresh(path)
        print(f"refreshed {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
