"""A page's CSV: exactly the figures its notebook lists, each with its source, as curated."""

import csv
import io

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

from customs_facilitation.errors import ReportError
from customs_facilitation.notebook.page import FIGURES_MIMETYPE
from customs_facilitation.report.page_figures import figures_csv, figures_shown, write_page_figures


def executed(*listed):
    """A notebook whose cells each emit one list of figures (as page.sources() does)."""
    cells = [new_code_cell("page.sources()", outputs=[new_output(
        "display_data", data={"text/plain": "sources", FIGURES_MIMETYPE: {"figures": ids, "sources": []}})])
             for ids in listed]
    return nbformat.from_dict(new_notebook(cells=[new_code_cell("x = 1"), *cells]))


def test_the_listed_figures_are_read_from_the_executed_notebook():
    assert figures_shown(executed(["S01", "F02"])) == ["S01", "F02"]
    assert figures_shown(executed()) is None
    with pytest.raises(ReportError, match="called more than once"):
        figures_shown(executed(["S01"], ["F02"]))


def test_the_csv_holds_each_figure_once_as_curated_with_indicator_and_source(tiny):
    rows = list(csv.DictReader(io.StringIO(figures_csv(["S01", "F02"], tiny))))
    assert [r["observation_id"] for r in rows] == ["F02", "S01"]
    s01 = rows[1]
    assert (s01["value"], s01["unit"], s01["change"], s01["period_start"]) == ("256.99", "CNY billion", "7.5",
                                                                               "2025-01")
    assert s01["value_as_published"] == "RMB 256.99 billion" and s01["locator"] == "paragraph 1"
    assert (s01["indicator_name"], s01["indicator_base_unit"]) == ("repair trade", "CNY")
    assert (s01["source_id"], s01["source_outlet"], s01["source_url"], s01["source_published_date"],
            s01["source_reliability"]) == ("paper-a", "Paper A", "https://a.example/1", "2025-07-14", "official")
    assert rows[0]["value"] == "10" and rows[0]["qualifier"] == "at_least"  # as written, not 10.0
    with pytest.raises(ReportError, match="not in observations.csv: X99"):
        figures_csv(["S01", "X99"], tiny)


def test_a_page_that_lists_no_figures_has_no_csv(tiny, tmp_path):
    out = tmp_path / "01-page.csv"
    write_page_figures(figures_shown(executed(["F01"])), out, tiny)
    assert "F01" in out.read_text(encoding="utf-8")
    write_page_figures(figures_shown(executed()), out, tiny)
    assert not out.exists()
