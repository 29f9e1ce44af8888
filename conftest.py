"""Pytest collection: doctests run on the package, never on its command-line entry point; every
notebook cell nbval runs is marked slow (it needs a kernel), like the tests that build or browse."""

import pytest

collect_ignore = ["src/customs_facilitation/__main__.py"]


def pytest_collection_modifyitems(items):
    for item in items:
        if item.nodeid.endswith(".ipynb") or ".ipynb::" in item.nodeid:
            item.add_marker(pytest.mark.slow)
