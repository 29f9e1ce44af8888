"""Two builds at once in one checkout (real processes): the second waits for the first."""

import re
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.slow  # builds reports, runs kernels or drives the browser


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
    assert pages == ["report/default/01-charts.html", "report/default/02-plain.html", "report/dictionary.html",
                     "report/index.html", "report/press/01-charts.html", "report/press/02-plain.html"]
    assert not [p for p in (tmp_path / "build").rglob(".*") if p.name != ".lock"], "no temporary file left"
