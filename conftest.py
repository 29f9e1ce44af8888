"""Pytest collection: doctests run on the package, never on its command-line entry point; every
notebook cell nbval runs is marked slow (it needs a kernel), like the tests that build or browse.
Under notebooks/, only the report notebooks (NN-topic.ipynb) are collected: never a user's own
(notebooks/mine/, or an Untitled.ipynb made in JupyterLab).

Under CI=true the property-based tests draw the same examples on every run (hypothesis'
derandomize), so a CI result can be reproduced; locally they explore new examples each run."""

import os
from pathlib import Path

import pytest
from hypothesis import settings

from customs_facilitation.paths import REPORT_NOTEBOOK_GLOB

collect_ignore = ["src/customs_facilitation/__main__.py"]
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")
NOTEBOOKS = Path(__file__).resolve().parent / "notebooks"


def pytest_ignore_collect(collection_path: Path):
    if NOTEBOOKS in collection_path.parents and not (
            collection_path.parent == NOTEBOOKS and collection_path.match(REPORT_NOTEBOOK_GLOB)):
        return True
    return None


def pytest_collection_modifyitems(items):
    for item in items:
        if item.nodeid.endswith(".ipynb") or ".ipynb::" in item.nodeid:
            item.add_marker(pytest.mark.slow)
