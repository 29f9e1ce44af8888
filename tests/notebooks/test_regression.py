"""nbval really guards the outputs: a changed curated value makes the stored notebook fail."""

import os
import shutil
import subprocess
import sys

import pytest

from customs_facilitation.paths import REPO_DIR

pytestmark = pytest.mark.slow  # builds reports, runs kernels or drives the browser

NOTEBOOK = "notebooks/01-special-operation-2025.ipynb"


def copy_project(target):
    for folder in ("data", "src", "notebooks"):
        shutil.copytree(REPO_DIR / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "tests").mkdir()
    shutil.copy(REPO_DIR / "tests" / "nbval_sanitize.cfg", target / "tests")
    return target


def nbval(project):
    env = dict(os.environ, PYTHONPATH=str(project / "src"))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env", "--nbval-sanitize-with",
         "tests/nbval_sanitize.cfg", "-p", "no:cacheprovider", "-o", "addopts=", "--color=no", "-q",
         "--rootdir", str(project), NOTEBOOK], cwd=project, env=env, capture_output=True, text=True)


def test_nbval_fails_when_a_curated_value_changes(tmp_path):
    project = copy_project(tmp_path)
    assert nbval(project).returncode == 0, "the untouched copy should pass"
    observations = project / "data" / "observations.csv"
    text = observations.read_text(encoding="utf-8")
    assert text.count(",256.99,CNY billion,") == 1
    observations.write_text(text.replace(",256.99,CNY billion,", ",265.99,CNY billion,"), encoding="utf-8")
    result = nbval(project)
    assert result.returncode != 0
    assert "265.99" in result.stdout, result.stdout[-2000:]
