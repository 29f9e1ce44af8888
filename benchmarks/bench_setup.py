"""Time a newcomer's set-up, today's pip against uv from the same lock (not a test).

Run: ``.venv/bin/python benchmarks/bench_setup.py [--repeats 1] [--no-lab]``

Each set-up runs the Makefile's own recipe in a fresh copy of the project (Makefile, pyproject,
locks, README, licences, src/, data/, notebooks/) in a temporary folder, so .venv and .venv-lab
are left alone:

- pip (the baseline, today's set-up): ``make setup INSTALLER=pip``: ``python -m venv``, ``pip
  install -r requirements.lock``, the editable install, the kernel's config and the vega bundle;
- uv: ``make setup``: the same steps, with uv (the version requirements-uv.lock pins, fetched by pip
  into the copy's build/) installing the lock and the project.

Both set-ups are timed cold (pip's and uv's caches in new, empty folders: a newcomer's first run,
uv's own download included) and then warm (a second fresh copy with the caches the cold run
filled). ``--no-lab`` skips timing JupyterLab's environment (``.venv-lab``) the same way. The
machine is shared and noisy: the two set-ups alternate within each repeat, every ratio is
computed within a repeat, and the median over the repeats is printed with each repeat's value.
The cold ratio uv / pip of ``make setup`` is the goal (<= 0.5). Each uv set-up must say it used
uv (not the pip fallback) and leave exactly the pins the pip one left.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOAL = 0.5
FILES = ("Makefile", "pyproject.toml", "requirements.lock", "requirements-lab.lock", "requirements-uv.lock",
         "README.md", "LICENSE", "LICENSE-DATA", "CITATION.cff", "lab-settings.json")
FOLDERS = ("src", "data", "notebooks")
TARGETS = {"setup": ".venv/.installed", "lab-setup": ".venv-lab/.installed"}


def copy_project(root: Path) -> Path:
    project = root / "project"
    project.mkdir(parents=True)
    for name in FILES:
        shutil.copy2(REPO / name, project / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", ".ipynb_checkpoints", "mine")
    for folder in FOLDERS:
        shutil.copytree(REPO / folder, project / folder, ignore=ignore)
    return project


def pins(venv: Path) -> list[str]:
    done = subprocess.run([venv / "bin" / "python", "-m", "pip", "freeze", "--all", "--exclude-editable"],
                          capture_output=True, text=True, check=True)
    return sorted(done.stdout.lower().split())


def set_up(root: Path, installer: str, target: str, caches: Path) -> tuple[float, list[str]]:
    """Seconds of ``make <target>`` with one installer in a fresh copy; the pins it left."""
    project = copy_project(root)
    env = {**os.environ, "MAKEFLAGS": "", "PIP_CACHE_DIR": str(caches / "pip"), "UV_CACHE_DIR": str(caches / "uv")}
    env.pop("VIRTUAL_ENV", None)
    command = ["make", "--no-print-directory", f"INSTALLER={installer}", TARGETS[target]]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    said = f"{installer} " if installer == "uv" else "pip: "
    if said not in done.stdout or "could not be had" in done.stdout:
        sys.exit(f"{' '.join(command)} did not install with {installer}:\n{done.stdout[-3000:]}")
    left = pins(project / Path(TARGETS[target]).parent)
    shutil.rmtree(project)
    return seconds, left


def one_repeat(targets: list[str]) -> dict:
    result = {}
    with tempfile.TemporaryDirectory(prefix="bench-setup-") as tmp:
        tmp = Path(tmp)
        for target in targets:
            left = {}
            for state in ("cold", "warm"):  # warm: the caches the cold set-up with the same installer filled
                for installer in ("pip", "uv"):
                    caches = tmp / f"caches-{installer}-{target}"
                    seconds, left[installer, state] = set_up(tmp / f"{installer}-{target}-{state}", installer,
                                                             target, caches)
                    result[f"{target} {state} {installer}"] = seconds
                result[f"{target} {state} uv / pip"] = result[f"{target} {state} uv"] / result[f"{target} {state} pip"]
                print(f"  {target} {state}: pip {result[f'{target} {state} pip']:.1f} s, "
                      f"uv {result[f'{target} {state} uv']:.1f} s", flush=True)
            if len({tuple(pins) for pins in left.values()}) != 1:
                sys.exit(f"{target}: uv and pip left different pins")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--no-lab", action="store_true", help="time make setup only, not JupyterLab's venv")
    args = parser.parse_args()
    targets = ["setup"] if args.no_lab else ["setup", "lab-setup"]
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at start; {args.repeats} repeat(s), "
          "medians; cold = empty pip and uv caches, warm = the caches the cold run filled", flush=True)
    results = []
    for repeat in range(args.repeats):
        print(f"repeat {repeat + 1}:", flush=True)
        results.append(one_repeat(targets))
    print()
    for key in results[0]:
        values = [r[key] for r in results]
        unit = "" if "/" in key else " s"
        print(f"{key:<24} {statistics.median(values):7.2f}{unit:<2}  ({', '.join(f'{v:.2f}' for v in values)})")
    print("uv and pip left the same pins in every set-up")
    ratio = statistics.median(r["setup cold uv / pip"] for r in results)
    print(f"make setup, cold, uv / pip: {ratio:.2f}   goal <= {GOAL}: {'PASS' if ratio <= GOAL else 'FAIL'}")


if __name__ == "__main__":
    main()
