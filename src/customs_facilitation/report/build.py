"""Build the report in one process: every notebook with every parameter set, what is out of date.

The build reads and checks the notebooks, the parameter sets and the data first; then it runs
each out-of-date (notebook, set) on a fresh kernel forked from a process that has already
imported what the notebooks import (:mod:`.kernels`), as many at a time as there are cores;
exports each page with one exporter; draws the charts' images once per distinct spec; and
writes the index. Everything a run writes goes to temporary files moved into place when complete,
so a failed or killed run leaves the last good page; a lock keeps two builds of one folder apart.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ..errors import ReportError
from ..files import replacing
from ..language import use
from .freshness import is_fresh, run_key
from .inputs import Notebook, ParameterSet, page_language, parameters_for, read_report_inputs
from .layout import Layout
from .lock import build_lock
from .run import RunFailed, failed_note, who

SAY = functools.partial(print, flush=True)
"""How the build reports progress, a line at a time."""
_LEFTOVER = re.compile(r"\..+-[a-z0-9_]{8}(\.tmp\..+)?")  # files.temp_path and this module's spec folders


def build(notebooks_dir, params_dir, build_dir, *, only: list[tuple[Path, Path]] | None = None,
          force: bool = False, jobs: int | None = None, say: Callable[[str], None] = SAY) -> Path | None:
    """Bring the report in ``build_dir`` up to date; return the index (None when ``only`` is given).

    Args:
        only: (notebook, parameter set file) pairs: bring just those up to date; no index.
        force: run even what is up to date.
        jobs: kernels at a time (default: the number of cores).

    Raises:
        ReportError: for bad inputs (before anything runs), or naming every failed run.
        DataValidationError: for bad curated data (before anything runs).
    """
    from ..data.version import data_version

    notebooks, param_sets = read_report_inputs(notebooks_dir, params_dir)
    runs = [(nb, s) for s in param_sets for nb in notebooks] if only is None else \
        [_one(notebooks, param_sets, *pair) for pair in only]
    layout = Layout(Path(build_dir))
    with build_lock(layout.lock, say):
        _remove_leftovers(layout)
        version = data_version()
        keys = {(nb.path, s.path): run_key(nb, s, parameters_for(nb, s, Path()), version) for nb, s in runs}
        todo = [(nb, s) for nb, s in runs if force or not is_fresh(layout, nb, s, keys[nb.path, s.path])]
        if todo:
            jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
            say(f"report: {len(todo)} of {len(runs)} runs to do, {jobs} at a time")
            asyncio.run(_run_all(todo, keys, layout, version, jobs, say))
        if only is not None:
            return None
        from .index import write_index

        return write_index(notebooks_dir, params_dir, build_dir)


def _one(notebooks: list[Notebook], param_sets: list[ParameterSet], notebook_path, params_path):
    """The run of the notebook and the parameter set named, checked like all the others."""
    from .inputs import read_notebook, read_parameter_set, require_declared_parameters

    notebook = next((nb for nb in notebooks if nb.path.resolve() == Path(notebook_path).resolve()), None)
    if notebook is None:
        notebook = read_notebook(notebook_path)
    param_set = next((s for s in param_sets if s.path.resolve() == Path(params_path).resolve()), None)
    if param_set is None:
        param_set = read_parameter_set(params_path)
        require_declared_parameters(param_set, [*notebooks, notebook])
    return notebook, param_set


def _remove_leftovers(layout: Layout) -> None:
    """Delete temporary files and folders that a killed build left (we hold the lock: no other
    build is writing)."""
    for folder in layout.output_folders():
        for path in folder.iterdir() if folder.is_dir() else ():
            if _LEFTOVER.fullmatch(path.name):
                shutil.rmtree(path) if path.is_dir() else path.unlink()


async def _run_all(todo, keys, layout: Layout, version: str, jobs: int, say) -> None:
    """Run every (notebook, set) of ``todo``, ``jobs`` at a time; raise naming every failure."""
    from .forker import preload_for
    from .kernels import KernelForker

    # It imports what the notebooks import while this process imports and checks the data.
    forker = KernelForker(preload_for(set().union(*(notebook.imports for notebook, _ in todo))))
    loop = asyncio.get_running_loop()
    try:
        from ..data.package import load_package
        from .html import vega_bundle

        bundle = loop.run_in_executor(None, vega_bundle)  # vl-convert releases the GIL
        await loop.run_in_executor(None, load_package)  # every problem of the data, before any run
        gates = asyncio.Semaphore(jobs), asyncio.Semaphore(2 * jobs)
        results = await asyncio.gather(*(_run_one(nb, s, keys[nb.path, s.path], layout, version, forker, gates,
                                                   bundle, say) for nb, s in todo), return_exceptions=True)
    finally:
        forker.close()
    for result in results:
        if isinstance(result, BaseException) and not isinstance(result, Exception):
            raise result
    failures = [str(r) if isinstance(r, ReportError) else f"{type(r).__name__}: {r}"
                for r in results if isinstance(r, Exception)]
    if failures:
        raise ReportError("\n".join(failures))


async def _run_one(notebook: Notebook, param_set: ParameterSet, key: str, layout: Layout, version: str, forker,
                   gates: tuple[asyncio.Semaphore, asyncio.Semaphore], bundle, say) -> None:
    """One run: a kernel started ahead, the notebook executed (``jobs`` at a time: the first
    gate), the page exported, the charts drawn, then everything moved into place. At most one
    kernel waits, ready, per running one (the second gate)."""
    import nbformat

    from .chart_files import images_into, place_charts
    from .html import export_html
    from .kernels import ready_kernel, stop_kernel
    from .page_figures import figures_shown, write_page_figures
    from .run import execute

    set_name, name = param_set.name, notebook.name
    charts = layout.charts(set_name)
    charts.mkdir(parents=True, exist_ok=True)
    specs = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=charts))
    running, alive = gates
    try:
        async with alive:
            start = time.perf_counter()
            kernel = await ready_kernel(forker, notebook.path.parent)
            try:
                async with running:
                    nb = await execute(notebook, param_set, parameters_for(notebook, param_set, specs.resolve()),
                                       kernel)
            except RunFailed as failed:
                kept = _keep_failed(failed.notebook, layout.failed(set_name, name), layout.cache / "charts")
                raise ReportError(str(failed) + failed_note(kept)) from None
            finally:
                await stop_kernel(*kernel)
        loop = asyncio.get_running_loop()
        try:  # the charts' images, drawn here (vl-convert releases the GIL) and cached by spec
            await loop.run_in_executor(None, functools.partial(  # the links under each chart in the page's language
                in_language, page_language(notebook, param_set), images_into, nb, layout.cache / "charts"))
            await loop.run_in_executor(None, place_charts, specs, charts, layout.cache / "charts")
        except ReportError as error:
            raise ReportError(f"{who(notebook, param_set)}: {error}.{failed_note(None)}") from None
        await bundle
        shown, page_csv = figures_shown(nb), layout.figures_csv(set_name, name)
        page = export_html(nb, notebook.path, set_title=param_set.title, data_version=version,
                           figures_csv=page_csv.name if shown is not None else "",
                           language=page_language(notebook, param_set))
        with replacing(layout.executed(set_name, name)) as tmp_executed, \
                replacing(layout.page(set_name, name)) as tmp_page:
            nbformat.write(nb, str(tmp_executed))
            tmp_page.write_text(page, encoding="utf-8")
            write_page_figures(shown, page_csv)
    finally:
        shutil.rmtree(specs, ignore_errors=True)
    layout.failed(set_name, name).unlink(missing_ok=True)
    with replacing(layout.key(set_name, name)) as tmp_key:
        tmp_key.write_text(key, encoding="utf-8")
    say(f"ran {name} [{set_name}] in {time.perf_counter() - start:.1f} s")


def in_language(language: str, function, *args):
    """``function(*args)`` written in ``language`` (a worker thread does not inherit the caller's)."""
    with use(language):
        return function(*args)


def _keep_failed(nb, failed: Path, cache: Path) -> Path | None:
    """Write a failed run's notebook (as far as it went, with its charts' images where they can be
    drawn) to ``failed``; return it, or None."""
    if nb is None:
        return None
    import nbformat

    from .chart_files import images_into

    with contextlib.suppress(ReportError):  # the run's own failure is what the user needs to read
        images_into(nb, cache)

    with replacing(failed) as tmp:
        nbformat.write(nb, str(tmp))
    return failed
