"""Tiny throwaway notebooks for the report build tests (never the real notebooks' content)."""

import json
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

# The notebooks' own chart set-up: the house theme and the offline renderer the pages are built for.
RENDERER = '''
import altair as alt
from customs_facilitation.notebook import charts
charts.enable()
'''

CHART = '''
import pandas as pd
frame = pd.DataFrame({"month": ["2025-01", "2025-02", "2025-03"], "value": [1.5, 2.5, 2.0]})
chart = alt.Chart(frame, title=f"as of {as_of} </script><!-- tricky").mark_bar().encode(x="month", y="value")
chart
'''

LINE = '''
alt.Chart(frame).mark_line(point=True).encode(x="month", y="value")
'''

FIGURES = '''
charts.save_chart(chart, "values", charts_dir)
print(f"as_of={as_of} min_reliability={min_reliability}")
'''


def write_notebook(path, parameters_source, *cells, title=None):
    """Write a notebook: an optional '# title' markdown cell, the tagged parameters cell, cells."""
    nb_cells = [new_markdown_cell(f"# {title}")] if title else []
    nb_cells.append(new_code_cell(parameters_source, metadata={"tags": ["parameters"]}))
    nb_cells += [new_code_cell(c) if isinstance(c, str) else c for c in cells]
    nb = new_notebook(cells=nb_cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


def write_params(path, title, parameters, description=""):
    """Write a parameter-set YAML file (JSON is valid YAML)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"title": title, "description": description, "parameters": parameters}))
    return path


def make_project(root):
    """Two tiny notebooks (the first with charts and charts_dir) and two parameter sets."""
    notebooks = Path(root) / "notebooks"
    write_notebook(notebooks / "01-charts.ipynb",
                   'as_of = "2026-11-26"\nmin_reliability = "low"\ncharts_dir = ""',
                   RENDERER, CHART, LINE, FIGURES, title="Tiny charts")
    write_notebook(notebooks / "02-plain.ipynb", 'min_reliability = "low"',
                   'print("reliability at least", min_reliability)', title="Plain text")
    write_params(notebooks / "params" / "default.yml", "Default", {}, "the notebooks' defaults")
    write_params(notebooks / "params" / "press.yml", "Press conference",
                 {"as_of": "2025-07-31", "min_reliability": "state_media"})
    return notebooks


@pytest.fixture(scope="session")
def tiny_build(tmp_path_factory):
    """A tiny project built once with the report module: (notebooks dir, build dir, output)."""
    import contextlib
    import io

    from customs_facilitation.report.build import build

    root = tmp_path_factory.mktemp("tiny")
    notebooks = make_project(root)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        build(notebooks, notebooks / "params", root / "build")
    return notebooks, root / "build", out.getvalue()


@pytest.fixture
def kit():
    """The helpers above, for test modules (tests/ has no __init__.py to import them by)."""
    from types import SimpleNamespace

    return SimpleNamespace(make_project=make_project, write_notebook=write_notebook, write_params=write_params,
                           RENDERER=RENDERER, CHART=CHART, LINE=LINE, FIGURES=FIGURES)
