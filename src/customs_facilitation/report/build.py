"""Build the whole report in one process: check the inputs, run every notebook for every
parameter set, write the index. ``make report`` does the same incrementally, one target per
page, through ``customs-facilitation report run`` and ``report index``."""

from __future__ import annotations

from pathlib import Path

from .index import write_index
from .inputs import read_report_inputs
from .run import run


def run_and_say(notebook_path, params_path, build_dir, notebooks_dir) -> None:
    """Run one notebook with one parameter set and print ``ran NN-topic [set] in N.N s``."""
    seconds = run(notebook_path, params_path, build_dir, notebooks_dir=notebooks_dir)
    print(f"ran {Path(notebook_path).stem} [{Path(params_path).stem}] in {seconds:.1f} s", flush=True)


def build(notebooks_dir, params_dir, build_dir) -> Path:
    """Check, run every notebook for every set (serially), then write the index; return it."""
    notebooks, param_sets = read_report_inputs(notebooks_dir, params_dir)
    for param_set in param_sets:
        for notebook in notebooks:
            run_and_say(notebook.path, param_set.path, build_dir, notebooks_dir)
    return write_index(notebooks_dir, params_dir, build_dir)
