"""Time the report build (not a test): ``.venv/bin/python benchmarks/bench_report.py``.

Works on a copy of the project in a temporary folder (Makefile, notebooks, data, src), so the
real build/ is left alone, and uses this interpreter's environment. Measures, in one run:

- the full build: ``make report`` from an empty build/ (every notebook x every parameter set);
- the same notebooks run one after another with ``jupyter nbconvert --execute --to html``
  (default parameters only: nbconvert cannot pass parameters), compared per notebook run;
- the floor: one ``report run`` of a bare notebook that only imports pandas, altair and the package;
- the no-op rebuild: ``make report`` again with nothing changed;
- ``make -j2 report`` from an empty build/, against the serial build.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from customs_facilitation.paths import report_notebooks

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(command, cwd, env=None) -> tuple[float, str]:
    """Run a command; return (seconds, stdout). Stop with its output if it fails."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, command))}\n{done.stdout}\n{done.stderr}")
    return seconds, done.stdout


def copy_project(root: Path) -> Path:
    project = root / "project"
    project.mkdir()
    for name in ("Makefile", "pyproject.toml", "requirements.lock"):
        shutil.copy2(REPO / name, project / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", ".ipynb_checkpoints")
    for folder in ("notebooks", "data", "src"):
        shutil.copytree(REPO / folder, project / folder, ignore=ignore)
    (project / "installed").touch()  # an up-to-date environment stamp: make uses this venv as it is
    return project


def main() -> None:
    env = {**os.environ, "MAKEFLAGS": ""}
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        project = copy_project(Path(tmp))
        make = ["make", "--no-print-directory", f"BIN={BIN}", "STAMP=installed", f"PYTHON={BIN / 'python'}"]
        notebooks = report_notebooks(project / "notebooks")
        sets = sorted((project / "notebooks" / "params").glob("*.yml"))
        runs = len(notebooks) * len(sets)
        print(f"{len(notebooks)} notebooks x {len(sets)} parameter sets = {runs} runs; "
              f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at start", flush=True)

        serial, out = timed([*make, "report"], project, env)
        ran = [float(s) for s in re.findall(r"^ran .* in ([\d.]+) s$", out, re.M)]
        noop, out_noop = timed([*make, "report"], project, env)
        assert "ran " not in out_noop, out_noop

        shutil.rmtree(project / "build")
        parallel, _ = timed([*make, "-j2", "report"], project, env)

        nbconvert_dir = Path(tmp) / "nbconvert"
        nbconvert = 0.0
        for notebook in notebooks:
            seconds, _ = timed([BIN / "jupyter", "nbconvert", "--execute", "--to", "html", "--output-dir",
                                str(nbconvert_dir), str(notebook)], notebook.parent, env)
            nbconvert += seconds

        bare = project / "notebooks" / "99-bare.ipynb"
        nb = new_notebook(cells=[new_code_cell('figures_dir = ""', metadata={"tags": ["parameters"]}),
                                 new_code_cell("import pandas, altair, customs_facilitation")])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, str(bare))
        floor, _ = timed([BIN / "customs-facilitation", "report", "run", str(bare),
                          str(project / "notebooks" / "params" / "default.yml"), "--build", str(Path(tmp) / "bare")],
                         project, env)

    per_run, per_nbconvert = serial / runs, nbconvert / len(notebooks)
    rows = [
        ("full build, make report (serial, clean)", serial, f"{runs} runs, {per_run:.1f} s per run"),
        ("  sum of the 'ran ... in' lines", sum(ran),
         f"{serial - sum(ran):.1f} s outside runs (validate, check, index)"),
        ("jupyter nbconvert --execute --to html", nbconvert,
         f"{len(notebooks)} runs, {per_nbconvert:.1f} s per run; "
         f"ours/nbconvert per run = {per_run / per_nbconvert:.2f}"),
        ("floor: bare notebook via report run", floor, "process + kernel + imports + export"),
        ("no-op rebuild, make report", noop, "nothing executed"),
        ("make -j2 report (clean)", parallel, f"serial/-j2 = {serial / parallel:.2f}x"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"\n{'measure':<{width}}  {'seconds':>8}  note")
    for name, seconds, note in rows:
        print(f"{name:<{width}}  {seconds:8.1f}  {note}")


if __name__ == "__main__":
    main()
