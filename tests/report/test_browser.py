"""Open every page of the built report in headless Debian chromium, offline, from file://.

Builds the real report first (``make report``, incremental).
"""

import contextlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds reports, runs kernels or drives the browser

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
MISSING = "install Debian chromium: apt-get install chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]
LOCAL = ("file:", "data:", "about:", "blob:")

# Resolves once every chart div holds an SVG with marks, or when a chart reported an error.
ALL_DRAWN = """() => [...document.querySelectorAll('div[id^="chart-"]')]
    .every(div => div.querySelector('svg [class*="role-mark"]'))"""


def chromium_path() -> str:
    """Debian chromium, or a visible skip (a failure under CI=true) saying how to install it."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} not found; {MISSING} (.ci/run does this)")
        pytest.skip(MISSING)
    return str(CHROMIUM)


def report_dir() -> Path:
    """build/report of the real notebooks, brought up to date with ``make report``."""
    make = shutil.which("make")
    if make is None:
        pytest.fail("GNU make is missing: cannot build the report")
    done = subprocess.run([make, "--no-print-directory", "-C", str(REPO), "report"], capture_output=True,
                          text=True, env={**os.environ, "MAKEFLAGS": ""})
    assert done.returncode == 0, f"make report failed:\n{done.stdout}\n{done.stderr}"
    return REPO / "build" / "report"


def watch(page) -> tuple[list[str], list[str]]:
    """Collect a page's script errors and the addresses it requests, as they happen."""
    errors, requests = [], []
    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    page.on("console", lambda msg: errors.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on("request", lambda req: requests.append(req.url))
    return errors, requests


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
