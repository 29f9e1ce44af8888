"""Execute one notebook with one parameter set (papermill) and export its page, atomically.

The executed notebook goes to ``build/executed/<set>/NN-topic.ipynb``, the page without code
to ``build/report/<set>/NN-topic.html`` and the figures to ``build/figures/<set>/``. Everything
is written to a temporary path first and moved into place only when complete, so a failed run
leaves the last good page where it was.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

import nbformat

from ..data.package import data_version
from ..errors import ReportError
from ..files import replacing
from .html import export_html
from .inputs import (
    Notebook,
    ParameterSet,
    find_notebooks,
    parameters_for,
    read_notebook,
    read_parameter_set,
    require_declared_parameters,
)
from .layout import Layout
from .page_figures import write_page_figures

INJECTED_TAG = "injected-parameters"


def run(notebook_path, params_path, build_dir, *, notebooks_dir=None, timeout=600) -> float:
    """Execute one notebook with one parameter set, export its page; return the seconds taken.

    The executed notebook, the HTML page and the figures are written to temporary paths and
    moved into place only when all of them are complete.

    Raises:
        ReportError: for a bad parameter set, a failing cell (naming notebook, set, cell and
            error) or a page that would load anything from the network.
    """
    start = time.perf_counter()
    notebook_path, layout = Path(notebook_path), Layout(Path(build_dir))
    notebooks = find_notebooks(notebooks_dir or notebook_path.parent)
    notebook = next((nb for nb in notebooks if nb.path.resolve() == notebook_path.resolve()), None)
    if notebook is None:
        notebook = read_notebook(notebook_path)
        notebooks.append(notebook)
    param_set = read_parameter_set(params_path)
    require_declared_parameters(param_set, notebooks)

    executed, page = layout.executed(param_set.name, notebook.name), layout.page(param_set.name, notebook.name)
    figures, failed = layout.figures(param_set.name), layout.failed(param_set.name, notebook.name)
    for folder in (executed.parent, page.parent, figures):
        folder.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(folder, notebook.name)
    with tempfile.TemporaryDirectory(prefix=f".{notebook.name}-", dir=figures) as tmp_figures:
        with replacing(executed) as tmp_executed, replacing(page) as tmp_page:
            _execute(notebook, param_set, tmp_executed, failed, Path(tmp_figures).resolve(), timeout)
            csv = layout.figures_csv(param_set.name, notebook.name)
            listed = write_page_figures(nbformat.read(str(tmp_executed), as_version=4), csv)
            tmp_page.write_text(export_html(tmp_executed, set_title=param_set.title,
                                             data_version=data_version(), cache_dir=layout.cache,
                                             figures_csv=csv.name if listed else ""),
                                encoding="utf-8")
        for made in sorted(Path(tmp_figures).iterdir()):
            if made.is_dir() and (figures / made.name).is_dir():
                shutil.rmtree(figures / made.name)
            os.replace(made, figures / made.name)
    failed.unlink(missing_ok=True)
    return time.perf_counter() - start


def _remove_leftovers(folder: Path, notebook_name: str) -> None:
    """Delete temporary files or folders an earlier, killed run of this notebook left in ``folder``."""
    leftover = re.compile(rf"\.{re.escape(notebook_name)}-[a-z0-9_]{{8}}(\.tmp\..+)?")
    for path in folder.iterdir():
        if leftover.fullmatch(path.name) and path.is_dir():
            shutil.rmtree(path)
        elif leftover.fullmatch(path.name):
            path.unlink()


def _execute(notebook: Notebook, param_set: ParameterSet, output: Path, failed: Path, figures: Path,
             timeout) -> None:
    import papermill

    parameters = parameters_for(notebook, param_set, figures)
    try:
        papermill.execute_notebook(
            str(notebook.path), str(output), parameters=parameters, cwd=str(notebook.path.parent),
            kernel_name="python3", progress_bar=False, log_output=False, request_save_on_cell_execute=False,
            execution_timeout=timeout, kernel_manager_class=this_python_kernel_manager())
    except Exception as error:  # a failing cell; or the kernel died, a timeout, an unreadable notebook...
        kept = _keep_failed(output, failed)
        raise ReportError(_failure_message(notebook, param_set, error, kept or output) + _kept_note(kept)) from None


def _keep_failed(output: Path, failed: Path) -> Path | None:
    """Move a failed run's partial notebook to ``failed``; return it, or None if nothing was written."""
    if not output.exists() or output.stat().st_size == 0:
        return None
    os.replace(output, failed)
    return failed


def _kept_note(kept: Path | None) -> str:
    note = " The last good page, if any, was left in place."
    return note + (f" The failed run, with its full traceback, is in {kept}." if kept else "")


def _failure_message(notebook: Notebook, param_set: ParameterSet, error: Exception, executed: Path) -> str:
    """Which notebook failed with which set; for a failing cell, its number, first line and error."""
    from papermill.exceptions import PapermillExecutionError

    failed = f"notebook {notebook.path} failed with parameter set '{param_set.name}' ({param_set.path})"
    if not isinstance(error, PapermillExecutionError):
        return f"{failed}: {type(error).__name__}: {error}".rstrip()
    number = _source_cell_number(executed, error.cell_index)
    prompt = f" (In [{error.exec_count}] in the failed run)" if error.exec_count else ""
    first_line = next((line.strip() for line in (error.source or "").splitlines() if line.strip()), "")
    evalue = " ".join(str(error.evalue).split())
    return (f"{failed} at cell {number} of the notebook{prompt}, which begins `{first_line[:80]}`: "
            f"{error.ename}: {evalue}.")


def _source_cell_number(executed: Path, cell_index: int) -> int:
    """Turn papermill's cell index (counting its injected cell) into a 1-based cell number of the
    notebook as written (counting markdown cells too, as JupyterLab does)."""
    try:
        cells = json.loads(executed.read_text(encoding="utf-8"))["cells"]
        injected = sum(1 for c in cells[:cell_index]
                       if INJECTED_TAG in c.get("metadata", {}).get("tags", []))
        return cell_index - injected + 1
    except (OSError, ValueError, KeyError, TypeError):
        return cell_index + 1


@functools.cache
def this_python_kernel_manager():
    """A kernel manager that always starts ``python3`` with this interpreter (the venv's), even
    if a user-level kernelspec named python3 points at another Python, and that shuts down quietly."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class NativeKernelSpecManager(KernelSpecManager):
        @default("kernel_dirs")
        def _kernel_dirs_default(self):
            return []

    class ThisPythonKernelManager(AsyncKernelManager):
        @default("kernel_spec_manager")
        def _kernel_spec_manager_default(self):
            return NativeKernelSpecManager(data_dir=self.data_dir)

        async def _async_interrupt_kernel(self):
            # jupyter_client interrupts before every shutdown; an idle kernel then logs a
            # spurious "KeyboardInterrupt caught in kernel" error. The shutdown request suffices.
            if not self.shutting_down:
                await super()._async_interrupt_kernel()

    return ThisPythonKernelManager
