"""Builds that follow what changed in content, through the real Makefile."""

import os
import re
import shutil
import subprocess
import sys
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
    for name in ("Makefile", "CITATION.cff"):  # the index offers CITATION.cff for download
        shutil.copy(REPO / name, project / name)
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
