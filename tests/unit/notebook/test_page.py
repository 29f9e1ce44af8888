"""The page helper: set-up in one call, and every figure shown (prose, table, chart) recorded."""

import json
import re

import altair as alt
import pytest

from customs_facilitation.notebook import Page, figures, tables


def test_open_parses_parameters_and_loads_what_qualifies(tiny):
    page = Page.open("2025-09-30", "low", "2025-01", "2025-06", data_dir=tiny)
    assert sorted(page.figures["observation_id"]) == ["F01", "F02", "F03", "S01"]
    assert page.focus == "H1 2025" and page.shown == set()
    assert sorted(Page.open("2025-08-31", "low", data_dir=tiny).figures["observation_id"]) == ["F03", "S01"]


def test_bad_parameters_fail_before_anything_loads(tiny):
    with pytest.raises(ValueError, match="as_of='yesterday' is not a date"):
        Page.open("yesterday", "low", data_dir=tiny)


def test_every_figure_shown_is_recorded_and_its_source_listed(tiny):
    page = Page.open("", "low", data_dir=tiny)
    page.say("Repair trade was large (S01), unlike X99 which is no figure.")
    assert page.shown == {"S01"}
    assert list(page.cited_sources()["source"]) == ["paper-a"]
    page.table(tables.figure_table(page.figures[page.figures["observation_id"] == "F03"]))
    points = figures.series(page.figures, ["cities"])
    page.chart(alt.Chart(points).mark_point().encode(x="date:T", y="value:Q"), "cities", "Cities", "Counts")
    assert page.shown == {"S01", "F03", "F02"}
    assert list(page.cited_sources()["source"]) == ["paper-a", "blog-b"]


def test_a_chart_carries_the_sources_of_what_it_plots(tiny, tmp_path):
    page = Page.open("", "low", charts_dir=str(tmp_path), data_dir=tiny)
    points = figures.series(page.figures, ["cities"])
    page.chart(alt.Chart(points).mark_point().encode(x="date:T", y="value:Q"), "cities", "Cities", "Counts")
    saved = json.loads((tmp_path / "cities.vl.json").read_text(encoding="utf-8"))
    assert saved["vconcat"][0]["title"]["text"] == ["Sources: Blog B (F02)"] and saved["title"]["text"] == "Cities"


def test_a_chart_of_no_figure_is_not_drawn_and_the_page_says_so(tiny, tmp_path, monkeypatch):
    """vega lays an empty time axis out infinitely wide: such an image cannot be drawn (nor read)."""
    from customs_facilitation.notebook import page as page_module

    shown = []
    monkeypatch.setattr(page_module, "_display", lambda obj: shown.append(getattr(obj, "data", obj)))
    page = Page.open("2001-01-01", "low", charts_dir=str(tmp_path), data_dir=tiny)  # before every source
    assert page.figures.empty
    points = figures.series(page.figures, ["cities"])
    page.chart(alt.Chart(points).mark_line().encode(x="date:T", y="value:Q"), "cities", "Cities", "Counts")
    assert "Cities: no figure qualifies for this page, so there is no chart." in shown[-1]
    assert not list(tmp_path.glob("*.vl.json"))


def test_a_dated_page_says_how_many_figures_lack_a_dated_source(tiny, monkeypatch):
    from customs_facilitation.notebook import page as page_module

    shown = []
    monkeypatch.setattr(page_module, "_display", lambda obj: shown.append(obj.data))
    sources = tiny / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8").replace(",2025-09-01,2025-09-02,", ",,,"), encoding="utf-8")
    page = Page.open("2025-12-31", "low", data_dir=tiny)
    assert sorted(page.figures["observation_id"]) == ["F03", "S01"]  # blog-b's F01 and F02 have no date
    assert "Another 2 figures are left out because their source shows no publication date" in shown[-1]
    Page.open("", "low", data_dir=tiny)
    assert "left out" not in shown[-1]


def test_a_loader_frame_shown_as_it_is_records_its_figures(tiny, tmp_path):
    from customs_facilitation.data.load import load_observations

    page = Page.open("", "low", charts_dir=str(tmp_path), data_dir=tiny)
    page.table(load_observations(tiny, indicator="repair_value"))
    assert page.shown == {"S01"}
    cities = load_observations(tiny, indicator="cities")
    page.chart(alt.Chart(cities).mark_point().encode(x="period_end:T", y="value:Q"), "cities", "Cities", "Counts")
    assert page.shown == {"S01", "F02"}
    saved = json.loads((tmp_path / "cities.vl.json").read_text(encoding="utf-8"))
    assert saved["vconcat"][0]["title"]["text"] == ["Sources: Blog B (F02)"]


def test_the_sources_output_lists_exactly_the_figures_shown_for_the_report(tiny, monkeypatch):
    import pandas as pd

    from customs_facilitation.notebook import page as page_module

    shown = []
    monkeypatch.setattr(page_module, "_display_bundle", shown.append)
    page = Page.open("", "low", data_dir=tiny)
    page.table(pd.DataFrame({"check": ["a sum"], "figures": ["S01 F01 vs F03"]}))  # ids inside any cell
    page.table(pd.DataFrame({"year": ["2022"], "cities": ["10 (F02)"]}))
    page.sources()
    listed = shown[-1][page_module.FIGURES_MIMETYPE]
    assert listed == {"figures": ["F01", "F02", "F03", "S01"], "sources": ["blog-b", "paper-a"]}
    assert 'id="source-paper-a"' in shown[-1]["text/html"] and 'id="source-blog-b"' in shown[-1]["text/html"]
    ids = [re.search(r'<div id="(table-[^"]+)"', output["text/html"]).group(1) for output in shown]
    assert len(set(ids)) == len(ids) == 3


def test_a_curated_figure_shown_beyond_the_page_s_figures_counts_and_an_unknown_source_is_no_link(tiny, monkeypatch):
    import pandas as pd

    from customs_facilitation.notebook import page as page_module

    shown = []
    monkeypatch.setattr(page_module, "_display_bundle", shown.append)
    page = Page.open("2025-08-31", "low", data_dir=tiny)  # blog-b's F01 and F02 are not published yet
    assert "F02" not in set(page.figures["observation_id"])
    page.table(pd.DataFrame({"observation_id": ["F02", "U01"], "source_id": ["blog-b", "my-notes"]}))
    assert page.shown == {"F02"} and list(page.cited_sources()["source"]) == ["blog-b"]
    assert '<a href="#source-blog-b">blog-b</a>' in shown[-1]["text/html"]
    assert ">my-notes</td>" in shown[-1]["text/html"] and "#source-my-notes" not in shown[-1]["text/html"]


def test_opening_a_page_leaves_pandas_options_as_they_were(tiny):
    import pandas as pd
    from pandas._config.config import _deprecated_options, _registered_options  # every option pandas knows

    def options():
        return {name: pd.get_option(name) for name in set(_registered_options) - set(_deprecated_options)}

    with pd.option_context("display.max_rows", 7, "display.max_colwidth", 11):
        before = options()
        Page.open("", "low", data_dir=tiny)
        assert options() == before
