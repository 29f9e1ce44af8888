"""Execute one notebook with one parameter set in a fresh kernel, and say where it failed.

The parameters go into a cell after the notebook's ``parameters`` cell (papermill's
parameterizer); a page in another language than English has its markdown cells translated
(:mod:`.catalog`); nbclient executes the cells in a kernel from the given kernel manager.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ReportError
from ..language import MissingTranslation
from .catalog import LANGUAGE_PARAMETER, translate_markdown
from .inputs import Notebook, ParameterSet

INJECTED_TAG = "injected-parameters"


class RunFailed(ReportError):
    """A run failed; ``notebook`` is the run as far as it went (with the traceback), if any."""

    def __init__(self, message: str, notebook=None):
        super().__init__(message)
        self.notebook = notebook


async def execute(notebook: Notebook, param_set: ParameterSet, parameters: dict, kernel, timeout=600):
    """The notebook executed with ``parameters`` injected, on ``kernel``: a (manager, client) of a
    fresh kernel started in the notebook's folder, left running for the caller to stop.

    Raises:
        RunFailed: naming notebook, parameter set, cell and error (or what else went wrong).
    """
    from nbclient import NotebookClient
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    try:
        nb = parameterize_notebook(load_notebook_node(str(notebook.path)), parameters)
    except Exception as error:
        raise RunFailed(f"{who(notebook, param_set)}: cannot read it: {error}") from None
    try:
        translate_markdown(nb, parameters.get(LANGUAGE_PARAMETER, "en"))
    except MissingTranslation as error:
        raise RunFailed(f"{who(notebook, param_set)}: {error}") from None
    for cell in nb.cells:
        if INJECTED_TAG in cell.metadata.get("tags", []):
            cell.id = INJECTED_TAG  # papermill draws a random id: the same run would make another page
    failing = {}
    client = NotebookClient(nb, km=kernel[0], timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(notebook.path.parent)}},
                            on_cell_error=lambda **hook: failing.update(hook))
    client.kc = kernel[1]
    try:
        await client.async_execute()
    except Exception as error:  # a failing cell; or the kernel died, a timeout...
        raise RunFailed(_failure_message(notebook, param_set, error, nb, failing), nb) from None
    return nb


def who(notebook: Notebook, param_set: ParameterSet) -> str:
    """'notebook N failed with parameter set S (its file)': how every failure of a run begins."""
    return f"notebook {notebook.path} failed with parameter set '{param_set.name}' ({param_set.path})"


def _failure_message(notebook: Notebook, param_set: ParameterSet, error: Exception, nb, failing: dict) -> str:
    """Which notebook failed with which set; for a failing cell, its number, first line and error."""
    from nbclient.exceptions import CellExecutionError

    if not isinstance(error, CellExecutionError) or "cell_index" not in failing:
        return f"{who(notebook, param_set)}: {type(error).__name__}: {' '.join(str(error).split())}".rstrip()
    index, cell = failing["cell_index"], failing["cell"]
    number = index + 1 - sum(1 for c in nb.cells[:index] if INJECTED_TAG in c.metadata.get("tags", []))
    prompt = f" (In [{cell.execution_count}] in the failed run)" if cell.execution_count else ""
    first_line = next((line.strip() for line in cell.source.splitlines() if line.strip()), "")
    evalue = " ".join(str(error.evalue).split())
    return (f"{who(notebook, param_set)} at cell {number} of the notebook{prompt}, which begins "
            f"`{first_line[:80]}`: {error.ename}: {evalue}.")


def failed_note(kept: Path | None) -> str:
    """What a failure leaves: the last good page, and the failed run to read, if kept."""
    note = " The last good page, if any, was left in place."
    return note + (f" The failed run, with its full traceback, is in {kept}." if kept else "")
