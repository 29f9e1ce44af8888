"""Time the report build against its baseline and its floor (not a test).

Run: ``.venv/bin/python benchmarks/bench_report.py [--repeats 3]``

Works on a copy of the project in a temporary folder (Makefile, notebooks, data, src) whose own
``src/`` is imported (PYTHONPATH), so the real build/ is left alone and an older checkout can be
measured with this script. Each repeat measures, one after another:

- clean: ``make report`` from an empty build/ (every notebook x every parameter set);
- no-op: ``make report`` again, nothing changed;
- one row: ``make report`` after one curated row changed (a note of observations.csv);
- nbconvert: the same runs done one after another with ``jupyter nbconvert --execute --to html``
  (each notebook once per parameter set, with its defaults: nbconvert passes no parameters);
- floor: every run's cells timed in a kernel whose imports were done beforehand (the notebooks'
  own work, charts_dir passed as the build passes it), summed, divided by the cores, plus one
  kernel start (a bare kernel until ready): the wall time no build on these cores can beat.

The machine is shared and noisy: every ratio is computed within one repeat (measures taken
minutes apart), and the median over the repeats is printed with each repeat's value.
"""

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from timing import timed  # benchmarks/timing.py, beside this script

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PRELOAD = ("import pandas, altair, IPython.display, customs_facilitation.notebook, "
           "customs_facilitation.verify.consistency")
GOALS = {"clean / nbconvert": 0.35, "clean / floor": 1.5, "one row / clean": 1.0}


def copy_project(root: Path) -> Path:
    project = root / "project"
    project.mkdir()
    for name in ("Makefile", "pyproject.toml", "requirements.lock", "CITATION.cff"):  # the index offers CITATION.cff
        shutil.copy2(REPO / name, project / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", ".ipynb_checkpoints")
    for folder in ("notebooks", "data", "src"):
        shutil.copytree(REPO / folder, project / folder, ignore=ignore)
    (project / "installed").touch()  # an up-to-date environment stamp: make uses this venv as it is
    return project


def change_one_row(project: Path, repeat: int) -> None:
    """Change the note of the first observation that has one (a data change, no figure changed)."""
    path = project / "data" / "observations.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    row = next(i for i, line in enumerate(lines[1:], 1) if line and not line.endswith(","))
    edit = f" (edit {repeat})"
    lines[row] = lines[row][:-1] + edit + '"' if lines[row].endswith('"') else lines[row] + edit
    path.write_text("\n".join(lines), encoding="utf-8")


def runs_of(project: Path) -> list[tuple[Path, dict]]:
    """(notebook, parameters to inject) for every run the build makes, as the build makes them."""
    import yaml

    sys.path.insert(0, str(project / "src"))
    from customs_facilitation.paths import report_notebooks
    from customs_facilitation.report.inputs import read_notebook

    runs = []
    for params in sorted((project / "notebooks" / "params").glob("*.yml")):
        values = yaml.safe_load(params.read_text(encoding="utf-8"))["parameters"] or {}
        for path in report_notebooks(project / "notebooks"):
            declared = read_notebook(path).parameters
            chosen = {k: v for k, v in values.items() if k in declared}
            if "charts_dir" in declared:
                chosen["charts_dir"] = str(project / "floor-charts" / params.stem)
            runs.append((path, chosen))
    return runs


async def _floor_parts(runs, env) -> tuple[float, float]:
    """(sum of cell seconds over all runs with imports done beforehand, median kernel start)."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    cells, starts = 0.0, []
    for path, parameters in runs:
        nb = parameterize_notebook(load_notebook_node(str(path)), parameters)
        manager = AsyncKernelManager(kernel_name="python3", kernel_spec_manager=KernelSpecManager(kernel_dirs=[]))
        start = time.perf_counter()
        await manager.start_kernel(cwd=str(path.parent), env=env)
        client = manager.client()
        client.start_channels()
        await client.wait_for_ready(timeout=60)
        starts.append(time.perf_counter() - start)
        try:
            for source in [PRELOAD] + [c.source for c in nb.cells if c.cell_type == "code"]:
                began = time.perf_counter()
                reply = await client.execute_interactive(source, output_hook=lambda msg: None, timeout=120)
                if source is not PRELOAD:
                    cells += time.perf_counter() - began
                if reply["content"]["status"] != "ok":
                    sys.exit(f"floor run of {path.name} failed: {reply['content'].get('evalue')}")
        finally:
            client.stop_channels()
            await manager.shutdown_kernel(now=True)
    return cells, statistics.median(starts)


def measure(project: Path, runs, repeat: int, env) -> dict:
    make = ["make", "--no-print-directory", f"BIN={BIN}", "STAMP=installed", f"PYTHON={BIN / 'python'}"]
    shutil.rmtree(project / "build", ignore_errors=True)
    result = {"clean": timed([*make, "report"], project, env)}
    result["no-op"] = timed([*make, "report"], project, env)
    change_one_row(project, repeat)
    result["one row"] = timed([*make, "report"], project, env)
    out = project.parent / "nbconvert"
    result["nbconvert"] = sum(timed([BIN / "jupyter", "nbconvert", "--execute", "--to", "html", "--output-dir",
                                     str(out), str(path)], path.parent, env) for path, _ in runs)
    cells, kernel_start = asyncio.run(_floor_parts(runs, env))
    cores = os.cpu_count() or 1
    result.update({"cells": cells, "kernel start": kernel_start, "floor": cells / cores + kernel_start})
    result["clean / nbconvert"] = result["clean"] / result["nbconvert"]
    result["clean / floor"] = result["clean"] / result["floor"]
    result["one row / clean"] = result["one row"] / result["clean"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        project = copy_project(Path(tmp))
        env = {**os.environ, "MAKEFLAGS": "", "PYTHONPATH": str(project / "src")}
        runs = runs_of(project)
        notebooks = len({path for path, _ in runs})
        print(f"{notebooks} notebooks x {len(runs) // notebooks} parameter sets = {len(runs)} runs; "
              f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at start; "
              f"{args.repeats} repeats, medians", flush=True)
        results = []
        for repeat in range(args.repeats):
            results.append(measure(project, runs, repeat, env))
            print(f"repeat {repeat + 1}: " + ", ".join(f"{k} {v:.2f}" for k, v in results[-1].items()), flush=True)
    print()
    for key in results[0]:
        values = [r[key] for r in results]
        unit = "" if "/" in key else " s"
        goal = f"   goal <= {GOALS[key]}" if key in GOALS else ("   goal < 0.3 s" if key == "no-op" else "")
        print(f"{key:<18} {statistics.median(values):7.2f}{unit:<2}  ({', '.join(f'{v:.2f}' for v in values)}){goal}")
    print(f"floor = cells / {os.cpu_count()} cores + one kernel start; nbconvert = {len(runs)} runs one after another")


if __name__ == "__main__":
    main()
