"""Builds that follow what changed, and two builds at once in one checkout (real processes)."""

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds reports, runs kernels or drives the browser

REPO = Path(__file__).resolve().parents[2]


def tiny_project_with_make(kit, project: Path):
    """Two tiny notebooks, one parameter set, the real Makefile, src/ and data/ (imported from the copy)."""
    notebooks = project / "notebooks"
    kit.write_notebook(notebooks / "01-one.ipynb", 'as_of = "2026-11-26"', "print(as_of)", title="One")
    kit.write_notebook(notebooks / "02-two.ipynb", 'as_of = "2026-11-26"', "print(as_of)", title="Two")
    kit.write_params(notebooks / "params" / "default.yml", "Default", {})
    shutil.copy(REPO / "Makefile", project / "Makefile")
    for folder in ("data", "src"):
        shutil.copytree(REPO / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("requirements.lock", "pyproject.toml", "installed"):  # an up-to-date environment stamp
        (project / name).write_text("")
        os.utime(project / name, (1e9, 1e9) if name != "installed" else None)
    bin_dir = Path(sys.executable).parent
    make = ["make", "--no-print-directory", "-C", str(project), f"BIN={bin_dir}", "STAMP=installed",
            f"PYTHON={sys.executable}"]
    return make, {**os.environ, "MAKEFLAGS": "", "PYTHONPATH": str(project / "src")}


def test_make_report_reruns_what_changed_in_content(kit, tmp_path):
    """The real Makefile on a tiny project: a second run does nothing; a touched but unchanged
    notebook reruns nothing; a changed notebook reruns only its own page; a changed data row all."""
    project = tmp_path / "project"
    make, env = tiny_project_with_make(kit, project)

    def run(*args):
        done = subprocess.run([*make, *args], capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stdout + done.stderr
        return sorted(re.findall(r"^ran (\S+) \[(\S+)\]", done.stdout, re.M))

    assert run("-j2", "report") == [("01-one", "default"), ("02-two", "default")]
    assert (project / "build" / "report" / "index.html").exists()
    assert run("report") == [], "nothing changed: nothing runs"
    os.utime(project / "notebooks" / "02-two.ipynb")
    assert run("report") == [], "touched, not changed: nothing runs"
    kit.write_notebook(project / "notebooks" / "02-two.ipynb", 'as_of = "2026-11-26"', "print(as_of, 2)",
                       title="Two")
    assert run("report") == [("02-two", "default")]
    assert "2026-11-26 2" in (project / "build" / "report" / "default" / "02-two.html").read_text(encoding="utf-8")
    observations = project / "data" / "observations.csv"
    observations.write_text(observations.read_text(encoding="utf-8").replace("record high", "a record high", 1),
                            encoding="utf-8")
    assert run("report") == [("01-one", "default"), ("02-two", "default")]


def test_two_builds_at_once_in_one_checkout_both_succeed(kit, tmp_path):
    """Two real build processes on one build folder: the second waits for the first, saying for
    whom, then finds the report up to date; neither breaks the other."""
    notebooks = kit.make_project(tmp_path)
    kit.write_notebook(notebooks / "02-plain.ipynb", 'min_reliability = "low"',
                       'import time\nprint("reliability at least", min_reliability)\ntime.sleep(2)', title="Plain text")
    command = [sys.executable, "-m", "customs_facilitation", "report", "build", "--notebooks", str(notebooks),
               "--build", str(tmp_path / "build")]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lock = tmp_path / "build" / ".lock"
    deadline = time.monotonic() + 60
    while not (lock.exists() and lock.read_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    second = subprocess.run(command, capture_output=True, text=True, timeout=300)
    first_out, first_err = first.communicate(timeout=300)

    assert first.returncode == 0, first_err
    assert second.returncode == 0, second.stderr
    assert f"process {first.pid}" in second.stdout and "waiting for another build" in second.stdout
    assert len(re.findall(r"^ran ", first_out, re.M)) == 4
    assert "ran " not in second.stdout, "the second build found the first one's pages up to date"
    pages = sorted(p.relative_to(tmp_path / "build").as_posix() for p in (tmp_path / "build").rglob("*.html"))
    assert pages == ["report/default/01-charts.html", "report/default/02-plain.html", "report/index.html",
                     "report/press/01-charts.html", "report/press/02-plain.html"]
    assert not [p for p in (tmp_path / "build").rglob(".*") if p.name != ".lock"], "no temporary file left"
