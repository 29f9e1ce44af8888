"""Headless Debian chromium for the browser tests: where it is, its flags, what a page does."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
MISSING = "install Debian chromium: apt-get install chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]


def chromium_path() -> str:
    """Debian chromium, or a visible skip (a failure under CI=true) saying how to install it."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} not found; {MISSING} (.ci/run does this)")
        pytest.skip(MISSING)
    return str(CHROMIUM)


def watch(page) -> tuple[list[str], list[str]]:
    """Collect a page's script errors and the addresses it requests, as they happen."""
    errors, requests = [], []
    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    page.on("console", lambda msg: errors.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on("request", lambda req: requests.append(req.url))
    return errors, requests
