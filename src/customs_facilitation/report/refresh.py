"""Store the notebooks' outputs from the report's own default run: nbval's reference.

``customs-facilitation refresh [NOTEBOOK ...]`` (``make refresh``) brings the default parameter
set's pages up to date through the build (a page already current is not run again), then writes
each notebook back with that run's outputs, as a plain run in a clean kernel would leave them: the
injected parameters cell taken out, the execution counts as they would be without it, each chart's
HTML made as the kernel makes it (with the image the build drew), and no timing or papermill
metadata. The build's key reads a notebook's cells, not its outputs, so the next ``make report``
finds the default pages current and runs only the other sets. nbval then checks that a fresh run
in a clean kernel gives the same outputs. A notebook whose run fails is left untouched.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from ..errors import ReportError
from ..files import replacing
from ..notebook.charts import CHART_MIMETYPE, chart_html, chart_text, chart_title
from .chart_files import cached_images, chart_records
from .inputs import read_report_inputs
from .layout import Layout
from .run import INJECTED_TAG


def refresh(notebooks: list[Path], notebooks_dir, params_dir, build_dir) -> None:
    """Bring the default set's runs of ``notebooks`` up to date, then store their outputs in them.

    Raises:
        ReportError: if no parameter set leaves every default as it is, or a run fails.
    """
    from .build import build

    default = default_set(params_dir, notebooks_dir)
    build(notebooks_dir, params_dir, build_dir, only=[(path, default) for path in notebooks])
    layout = Layout(Path(build_dir))
    for path in notebooks:
        executed = nbformat.read(layout.executed(default.stem, Path(path).stem), as_version=4)
        with replacing(Path(path)) as tmp:
            nbformat.write(as_committed(executed, layout.cache / "charts"), str(tmp))


def default_set(params_dir, notebooks_dir) -> Path:
    """The parameter set that sets no parameter: its runs are the notebooks as committed."""
    _, param_sets = read_report_inputs(notebooks_dir, params_dir)
    for param_set in param_sets:
        if not param_set.parameters:
            return param_set.path
    raise ReportError(f"{params_dir}: no parameter set without parameters (like default.yml with "
                      "'parameters: {}'); the notebooks' stored outputs are that set's run")


def as_committed(nb: nbformat.NotebookNode, cache: Path) -> nbformat.NotebookNode:
    """A build's executed notebook as a run of the notebook itself in a clean kernel leaves it."""
    injected = [i for i, cell in enumerate(nb.cells) if INJECTED_TAG in cell.metadata.get("tags", [])]
    if injected:
        del nb.cells[injected[0]]
        for cell in nb.cells[injected[0]:]:
            _count_one_less(cell)
    for _, data in chart_records(nb):
        spec = data[CHART_MIMETYPE]["spec"]
        svg = cached_images(chart_text(spec), chart_title(spec), cache, ("svg",))["svg"]
        data["text/html"] = chart_html(spec, svg.read_text(encoding="utf-8"))
    return clean(nb)


def _count_one_less(cell) -> None:
    """Number a cell as the kernel would have without the injected cell run before it."""
    if cell.get("execution_count"):
        cell.execution_count -= 1
    for output in cell.get("outputs", []):
        if output.get("execution_count"):
            output.execution_count -= 1


def clean(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop metadata that changes from run to run (timings, papermill's records and the empty
    tags it gives every cell)."""
    notebook.metadata.pop("papermill", None)
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        for key in ("execution", "papermill", "collapsed", "scrolled"):
            cell.metadata.pop(key, None)
        if cell.metadata.get("tags") == []:
            del cell.metadata["tags"]
    return notebook
