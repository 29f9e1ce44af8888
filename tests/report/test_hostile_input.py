"""Hostile input: markup in the data shows as text, and a killed build leaves the last report."""

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from customs_facilitation.paths import REPO_DIR
from tests.report.test_browser import ARGS, chromium_path

pytestmark = pytest.mark.slow  # builds reports, runs kernels or drives the browser

MARKUP_NOTE = '<script>window.__pwned = "note"</script><img src=x onerror="window.__pwned = \'img\'">'
MARKUP_WHY = '<img src=y onerror="window.__pwned = \'why\'"> revised <b>base</b>'


def report(project, *args, **popen):
    command = [sys.executable, "-m", "customs_facilitation", "report", *args,
               "--build", "build", "--notebooks", "notebooks"]
    env = dict(os.environ, PYTHONPATH=str(project / "src"))
    if popen:
        return subprocess.Popen(command, cwd=project, env=env, **popen)
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)


def copy_project(root: Path, notebook: str) -> Path:
    for folder in ("data", "src"):
        shutil.copytree(REPO_DIR / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO_DIR / "CITATION.cff", root / "CITATION.cff")  # the index links a copy
    (root / "notebooks" / "params").mkdir(parents=True)
    shutil.copy(REPO_DIR / "notebooks" / notebook, root / "notebooks" / notebook)
    shutil.copy(REPO_DIR / "notebooks" / "params" / "default.yml", root / "notebooks" / "params")
    return root


def test_markup_in_the_data_shows_as_text_and_never_runs(tmp_path):
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    project = copy_project(tmp_path, "04-sources-and-checks.ipynb")
    observations = project / "data" / "observations.csv"
    text = observations.read_text(encoding="utf-8")
    marker = "record high for a first half; also ecns and Global Times"
    assert marker in text
    observations.write_text(text.replace(marker, MARKUP_NOTE.replace('"', '""').join('""')), encoding="utf-8")
    checks = project / "data" / "checks.csv"
    quoted = MARKUP_WHY.replace('"', '""').join('""')
    checks.write_text(checks.read_text(encoding="utf-8").replace(
        "growth rates are computed on a revised 2024 total", quoted), encoding="utf-8")
    built = report(project, "run", "notebooks/04-sources-and-checks.ipynb", "notebooks/params/default.yml")
    assert built.returncode == 0, built.stderr
    page = project / "build" / "report" / "default" / "04-sources-and-checks.html"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
        try:
            tab = browser.new_page()
            dialogs = []
            tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            tab.goto(page.as_uri(), wait_until="load")
            tab.wait_for_timeout(500)
            assert tab.evaluate("() => window.__pwned") is None, "markup from the data ran in the page"
            body = tab.inner_text("body")
        finally:
            browser.close()
    assert not dialogs
    assert MARKUP_NOTE in body, "the note should show as literal text"
    assert '<img src=y onerror=' in body, "the check's explanation should show as literal text"


def kernel_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_build_killed_midway_leaves_the_previous_report(tmp_path, kit, tiny_build):
    built_notebooks, built, _ = tiny_build
    project = tmp_path
    notebooks = shutil.copytree(built_notebooks, project / "notebooks")
    shutil.copytree(built, project / "build")
    shutil.copytree(REPO_DIR / "src", project / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO_DIR / "data", project / "data")
    shutil.copy(REPO_DIR / "CITATION.cff", project / "CITATION.cff")
    report_dir = project / "build" / "report"
    before = {p: digest(p) for p in sorted(report_dir.rglob("*.html"))}
    assert len(before) == 6  # index, dictionary and 2 notebooks x 2 sets

    slow = notebooks / "02-plain.ipynb"
    started = notebooks / "started"  # written by the kernel (it runs in the notebooks' folder)
    kit.write_notebook(slow, 'min_reliability = "low"',
                       'import os, time\nfrom pathlib import Path\nPath("started").write_text(str(os.getpid()))\n'
                       'time.sleep(60)', title="Plain text")
    running = report(project, "run", str(slow.relative_to(project)), "notebooks/params/default.yml",
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert started.exists(), "the slow cell never started"
    os.killpg(running.pid, signal.SIGKILL)  # the build and its kernel forker
    running.wait(timeout=30)
    kernel = int(started.read_text())
    while kernel_alive(kernel) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not kernel_alive(kernel), "the kernel of the killed build should end with it"

    after = {p: digest(p) for p in sorted(report_dir.rglob("*.html")) if not p.name.startswith(".")}
    assert after == before, "a killed build changed the report"
    assert "Plain text" in (report_dir / "default" / "02-plain.html").read_text(encoding="utf-8")
    leftovers = [p for p in (project / "build").rglob(".02-plain-*")]
    assert leftovers, "the killed run should have left its temporary files (else this test killed nothing)"

    kit.write_notebook(slow, 'min_reliability = "low"', 'print("quick again")', title="Plain text")
    assert report(project, "run", str(slow.relative_to(project)), "notebooks/params/default.yml").returncode == 0
    assert not list((project / "build").rglob(".02-plain-*")), "the next run should clear the leftovers"
