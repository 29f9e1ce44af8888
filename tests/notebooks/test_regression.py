"""nbval really guards the outputs, also spread over workers as ``make test`` runs it: a changed
curated value makes the notebook that shows it fail, while a notebook that does not show it
passes cell by cell (its cells stayed together on one worker, in order)."""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from customs_facilitation.paths import REPO_DIR

pytestmark = pytest.mark.slow  # builds reports, runs kernels or drives the browser

SHOWS_IT = "notebooks/01-special-operation-2025.ipynb"
DOES_NOT = "notebooks/03-clearance-and-aeo.ipynb"


def copy_project(target):
    for folder in ("data", "src", "notebooks"):
        shutil.copytree(REPO_DIR / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "tests").mkdir()
    shutil.copy(REPO_DIR / "tests" / "nbval_sanitize.cfg", target / "tests")
    return target


def nbval_on_two_workers(project):
    env = dict(os.environ, PYTHONPATH=str(project / "src"))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env", "--nbval-sanitize-with",
         "tests/nbval_sanitize.cfg", "-p", "no:cacheprovider", "-o", "addopts=", "--color=no", "-rA",
         "-n", "2", "--dist", "loadfile", "--rootdir", str(project), SHOWS_IT, DOES_NOT],
        cwd=project, env=env, capture_output=True, text=True)


def test_nbval_fails_when_a_curated_value_changes(tmp_path):
    project = copy_project(tmp_path)
    observations = project / "data" / "observations.csv"
    text = observations.read_text(encoding="utf-8")
    assert text.count(",256.99,CNY billion,") == 1
    observations.write_text(text.replace(",256.99,CNY billion,", ",265.99,CNY billion,"), encoding="utf-8")
    result = nbval_on_two_workers(project)
    assert result.returncode != 0
    assert "265.99" in result.stdout, result.stdout[-2000:]
    failed = set(re.findall(r"^FAILED (\S+?)::", result.stdout, re.M))
    assert failed == {SHOWS_IT}, result.stdout[-3000:]
    passed = re.findall(rf"^PASSED {re.escape(DOES_NOT)}::Cell \d+", result.stdout, re.M)
    cells = sum(1 for c in json.loads((project / DOES_NOT).read_text(encoding="utf-8"))["cells"]
                if c["cell_type"] == "code")
    assert len(passed) == cells, result.stdout[-3000:]
