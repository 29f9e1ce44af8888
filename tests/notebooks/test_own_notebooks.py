"""A user's own notebooks (notebooks/mine/, or an Untitled.ipynb made in JupyterLab) are neither
tested by nbval nor built into the report, and git ignores notebooks/mine/."""

import shutil
import subprocess
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from customs_facilitation.paths import REPO_DIR, report_notebooks

OWN = ["notebooks/mine/own.ipynb", "notebooks/mine/deeper/more.ipynb", "notebooks/Untitled.ipynb"]


def write_notebook(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(new_notebook(cells=[new_code_cell("1 + 1")]), str(path))


def test_only_report_notebooks_are_collected(tmp_path):
    for name in ("conftest.py", "pyproject.toml"):
        shutil.copy(REPO_DIR / name, tmp_path / name)
    for name in ["notebooks/01-topic.ipynb", *OWN]:
        write_notebook(tmp_path / name)
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-o", "addopts=--nbval",
         "--color=no", "--rootdir", str(tmp_path), "notebooks"], cwd=tmp_path, capture_output=True, text=True)
    assert collected.returncode == 0, collected.stdout + collected.stderr
    files = {line.split("::")[0] for line in collected.stdout.splitlines() if "::" in line}
    assert files == {"notebooks/01-topic.ipynb"}, collected.stdout
    assert report_notebooks(tmp_path / "notebooks") == [tmp_path / "notebooks" / "01-topic.ipynb"]


def test_git_ignores_the_own_notebooks_folder():
    git = shutil.which("git")
    assert git, "git is needed to read the repository's ignore rules"
    for name in ("notebooks/mine/own.ipynb", "notebooks/mine/deeper/more.ipynb"):
        ignored = subprocess.run([git, "check-ignore", "--quiet", "--no-index", name], cwd=REPO_DIR)
        assert ignored.returncode == 0, f"git does not ignore {name}"
    kept = subprocess.run([git, "check-ignore", "--quiet", "--no-index", "notebooks/01-topic.ipynb"], cwd=REPO_DIR)
    assert kept.returncode == 1, "git ignores report notebooks"
