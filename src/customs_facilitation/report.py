"""Build the offline HTML report: run each notebook per parameter set, export, index.

``make report`` drives the incremental build with one make target per (notebook, parameter
set); this command line does the work of each target:

``python -m customs_facilitation.report check``
    read every ``notebooks/NN-topic.ipynb`` and ``notebooks/params/*.yml`` and fail at once on
    a malformed parameter set or a key that no notebook declares (:mod:`.report_params`).
``python -m customs_facilitation.report run NOTEBOOK PARAMS_YML``
    execute one notebook with one parameter set and export its page without code, atomically
    (:mod:`.report_run`, :mod:`.report_html`).
``python -m customs_facilitation.report index``
    write ``build/report/index.html``: every page of every set, the sources and how to cite
    (:mod:`.report_index`).
``python -m customs_facilitation.report build``
    all of the above in one process, serially and from scratch (no make; used by the tests).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .report_index import write_index
from .report_params import ReportError, check_all
from .report_run import run


def build(notebooks_dir, params_dir, build_dir) -> Path:
    """Check, run every notebook for every set (serially), then write the index; return it."""
    notebooks, param_sets = check_all(notebooks_dir, params_dir)
    for param_set in param_sets:
        for notebook in notebooks:
            _run_and_say(notebook.path, param_set.path, build_dir, notebooks_dir)
    return write_index(notebooks_dir, params_dir, build_dir)


def _run_and_say(notebook_path, params_path, build_dir, notebooks_dir) -> None:
    """Run one notebook with one parameter set and print ``ran NN-topic [set] in N.N s``."""
    seconds = run(notebook_path, params_path, build_dir, notebooks_dir=notebooks_dir)
    print(f"ran {Path(notebook_path).stem} [{Path(params_path).stem}] in {seconds:.1f} s", flush=True)


def build_parser() -> argparse.ArgumentParser:
    """The command line: check, run, index, build."""
    parser = argparse.ArgumentParser(prog="python -m customs_facilitation.report",
                                     description="Build the offline HTML report (make report calls this).")
    commands = parser.add_subparsers(dest="command", required=True)

    def add(name, text):
        command = commands.add_parser(name, help=text)
        command.add_argument("--build", default="build", help="the build folder (default: build)")
        command.add_argument("--notebooks", default="notebooks", help="the notebooks folder")
        command.add_argument("--params", default=None, help="the parameter sets folder (default: NOTEBOOKS/params)")
        return command

    add("check", "check every notebook's parameters cell and every parameter set")
    command = add("run", "execute one notebook with one parameter set and export its page")
    command.add_argument("notebook")
    command.add_argument("param_set", metavar="PARAMS_YML")
    add("index", "write build/report/index.html")
    add("build", "check, run everything serially, write the index (no make, not incremental)")
    return parser


def main(argv=None) -> int:
    """Run the command line; print a clear one-paragraph message and return 1 on failure."""
    args = build_parser().parse_args(argv)
    params = args.params or str(Path(args.notebooks) / "params")
    try:
        if args.command == "check":
            notebooks, param_sets = check_all(args.notebooks, params)
            print(f"parameters ok: {len(notebooks)} notebook(s) x {len(param_sets)} parameter set(s)")
        elif args.command == "run":
            _run_and_say(args.notebook, args.param_set, args.build, args.notebooks)
        elif args.command == "index":
            print(f"wrote {write_index(args.notebooks, params, args.build)}")
        else:
            print(f"wrote {build(args.notebooks, params, args.build)}")
    except ReportError as error:
        print(f"report: error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
