"""Re-execute the committed notebooks with their default parameters and store clean outputs.

``customs-facilitation refresh [NOTEBOOK ...]`` (``make refresh``). Outputs come from a clean
kernel run in the notebook's folder; timing and papermill metadata are dropped and cell ids are
kept, so a notebook's diff shows only real changes. A notebook that fails is left untouched.
"""

from pathlib import Path

import nbformat
from nbclient import NotebookClient

from ..files import replacing
from .kernels import this_python_kernel_manager


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
    with replacing(path) as tmp:
        nbformat.write(clean(notebook), str(tmp))
