"""The committed notebooks follow the house rules: one literal parameters cell, prose from data."""

import ast
import re

import nbformat
import pytest

from customs_facilitation.paths import REPO_DIR, report_notebooks

NOTEBOOKS = report_notebooks(REPO_DIR / "notebooks")
FOCUSED = {"00-start-here.ipynb", "01-special-operation-2025.ipynb", "02-trade-context.ipynb"}


def test_the_report_notebooks_are_numbered_once_each_and_the_focused_ones_exist():
    numbers = [p.name[:2] for p in NOTEBOOKS]
    assert numbers and len(set(numbers)) == len(numbers), f"two report notebooks share a number: {numbers}"
    assert {p.name for p in NOTEBOOKS} >= FOCUSED, f"missing: {FOCUSED - {p.name for p in NOTEBOOKS}}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_one_parameters_cell_of_literals(path):
    notebook = nbformat.read(path, as_version=4)
    tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, f"{path.name}: {len(tagged)} cells tagged parameters"
    names = set()
    for statement in ast.parse(tagged[0].source).body:
        assert isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Constant), (
            f"{path.name}: parameters must be literal assignments, got {ast.unparse(statement)}")
        names.add(statement.targets[0].id)
    wanted = {"as_of", "min_reliability"} | ({"focus_start", "focus_end"} if path.name in FOCUSED else set())
    assert wanted <= names, f"{path.name} lacks parameters {wanted - names}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_page_ends_with_its_findings_then_its_sources(path):
    cells = nbformat.read(path, as_version=4).cells
    headings = [c.source.splitlines()[0] for c in cells if c.cell_type == "markdown" and c.source.startswith("## ")]
    assert headings[-2] == "## Findings" and headings[-1].startswith("## Sources"), f"{path.name}: {headings[-2:]}"
    assert any("page.findings(" in c.source for c in cells if c.cell_type == "code")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_number_is_typed_into_markdown(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            assert not re.search(r"\d", cell.source), f"{path.name}: a digit in markdown: {cell.source[:80]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_outputs_are_clean(path):
    notebook = nbformat.read(path, as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert any(c.outputs for c in code), f"{path.name} has no stored outputs: run make refresh"
    assert "papermill" not in notebook.metadata
    for cell in code:
        assert "execution" not in cell.metadata, f"{path.name}: timing metadata stored; run make refresh"
        for output in cell.outputs:
            assert output.output_type != "error", f"{path.name}: a stored error"
            assert output.get("name") != "stderr", f"{path.name}: stderr stored: {output.get('text', '')[:200]}"
    text = path.read_text(encoding="utf-8")
    # a machine path, not a web address that happens to hold /home/ (kaosee.cn/home/news/...)
    assert not re.search(r"(?<![\w.])/(tmp|root|home|work)/|site-packages", text), f"{path.name} stores a machine path"


def test_the_sources_page_lists_every_curated_figure():
    from customs_facilitation import load_observations

    stored = (REPO_DIR / "notebooks" / "04-sources-and-checks.ipynb").read_text(encoding="utf-8")
    missing = [oid for oid in load_observations()["observation_id"] if f">{oid}</td>" not in stored]
    assert not missing, f"figures missing from the stored table (truncated?): {missing}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_read_as_articles(path):
    """A markdown cell before every code cell; no positional indexing; set-up through the page."""
    cells = nbformat.read(path, as_version=4).cells
    for before, cell in zip(cells, cells[1:]):
        if cell.cell_type == "code":
            assert before.cell_type == "markdown", f"{path.name}: no prose before {cell.source[:60]!r}"
            positional = re.search(r"\.iloc\[|\[-?\d+\]", cell.source)
            assert not positional, f"{path.name}: positional indexing in {cell.source!r}"
    code = "\n".join(c.source for c in cells if c.cell_type == "code")
    assert "Page.open(" in code and ("page.sources()" in code), f"{path.name}: set up and close through the page"
