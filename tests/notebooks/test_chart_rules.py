"""Every chart the notebooks show keeps the chart rules (:mod:`customs_facilitation.notebook.chart_rules`):
read from the specs stored in the committed notebooks' outputs, the default run that nbval checks."""

import nbformat
import pytest

from customs_facilitation.notebook.chart_rules import chart_problems
from customs_facilitation.paths import REPO_DIR, report_notebooks
from customs_facilitation.report.chart_files import chart_specs

NOTEBOOKS = report_notebooks(REPO_DIR / "notebooks")


def notebook_specs(path):
    """Every chart spec stored in a notebook's outputs."""
    return chart_specs(nbformat.read(path, as_version=4))


def test_the_notebooks_show_charts():
    assert any(notebook_specs(path) for path in NOTEBOOKS), "no chart spec found in any notebook's outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_chart_keeps_the_chart_rules(path):
    problems = {spec.get("description", "?")[:80]: chart_problems(spec) for spec in notebook_specs(path)}
    assert not {title: found for title, found in problems.items() if found}, problems
