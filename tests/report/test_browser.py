"""Open every page of the built report in headless Debian chromium, offline, from file://.

Builds the real report first (``make report``, incremental).
"""

import contextlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser import ARGS, chromium_path, watch

pytestmark = pytest.mark.slow  # builds reports, runs kernels or drives the browser

REPO = Path(__file__).resolve().parents[2]
LOCAL = ("file:", "data:", "about:", "blob:")

# Resolves once every chart div holds an SVG with marks, or when a chart reported an error.
ALL_DRAWN = """() => [...document.querySelectorAll('div[id^="chart-"]')]
    .every(div => div.querySelector('svg [class*="role-mark"]'))"""


def report_dir() -> Path:
    """build/report of the real notebooks, brought up to date with ``make report``."""
    make = shutil.which("make")
    if make is None:
        pytest.fail("GNU make is missing: cannot build the report")
    done = subprocess.run([make, "--no-print-directory", "-C", str(REPO), "report"], capture_output=True,
                          text=True, env={**os.environ, "MAKEFLAGS": ""})
    assert done.returncode == 0, f"make report failed:\n{done.stdout}\n{done.stderr}"
    return REPO / "build" / "report"


def test_every_page_draws_its_charts_offline():
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    report = report_dir()
    pages = [report / "index.html", *sorted(report.glob("*/*.html"))]
    assert len(pages) > 1, f"no report pages in {report}"
    problems, charts_seen = [], 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
        try:
            context = browser.new_context()
            left = []

            def guard(route):  # nothing may leave the machine: record and block it
                if route.request.url.startswith(LOCAL):
                    route.continue_()
                else:
                    left.append(route.request.url)
                    route.abort()

            context.route("**/*", guard)
            for path in pages:
                page = context.new_page()
                errors, requests = watch(page)
                page.goto(path.as_uri(), wait_until="load")
                with contextlib.suppress(Exception):  # a chart that does not draw is reported below
                    page.wait_for_function(ALL_DRAWN, timeout=20_000)
                ids = page.eval_on_selector_all('div[id^="chart-"]', "divs => divs.map(d => d.id)")
                marks = page.eval_on_selector_all(
                    'div[id^="chart-"]',
                    "divs => divs.map(d => d.querySelectorAll('svg [class*=\"role-mark\"]').length)")
                charts_seen += len(ids)
                name = path.relative_to(report)
                problems += [f"{name}: chart {i} drew no marks" for i, n in zip(ids, marks) if n == 0]
                problems += [f"{name}: chart id {i} appears twice" for i in set(ids) if ids.count(i) > 1]
                problems += [f"{name}: {e}" for e in errors]
                problems += [f"{name}: request left the machine: {u}" for u in requests if not u.startswith(LOCAL)]
                page.close()
            problems += [f"blocked request: {u}" for u in left if not any(u in p for p in problems)]
        finally:
            browser.close()
    assert not problems, "\n".join(problems)
    assert charts_seen > 0, f"no chart (div id chart-...) on any page of {report}"
