"""How a page's tables look: no index, text left and numbers right, headers and dates in words,
sources and indicators as links, every cell escaped, interactive where asked, a stable id."""

import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from customs_facilitation.notebook import tables
from customs_facilitation.notebook.figures import load_figures
from customs_facilitation.notebook.table_html import table_html, table_id, table_text


class Cells(HTMLParser):
    """The header texts, the body rows (texts, alignment classes) and the links of a table."""

    def __init__(self):
        super().__init__()
        self.headers, self.rows, self.links, self.row_headers = [], [], [], 0
        self._in, self._cell = None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tbody":
            self._in = "body"
        elif tag == "thead":
            self._in = "head"
        elif tag == "tr" and self._in == "body":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.row_headers += tag == "th" and self._in == "body"
            self._cell = {"text": "", "align": "right" if "gt_right" in attrs.get("class", "") else "left"}
        elif tag == "a":
            self.links.append(attrs)

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            (self.headers if self._in == "head" else self.rows[-1]).append(self._cell)
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell["text"] += data


def parsed(html: str) -> Cells:
    cells = Cells()
    cells.feed(html)
    return cells


def test_a_figure_table_reads_like_a_publication(tiny):
    figs = load_figures(data_dir=tiny).sort_values("observation_id")
    html = table_html(tables.figure_table(figs), html_id="t1", definitions={"repair_value": "value of repair trade"})
    cells = parsed(html)
    # what and its level first (a phone shows them); the ids behind the links and the sort key not shown
    assert [h["text"] for h in cells.headers] == ["Indicator", "Level", "Change", "Period", "Source", "Reliability",
                                                  "Figure"]
    assert cells.row_headers == 0 and len(cells.rows) == len(figs)  # no index column
    first = {h["text"]: c for h, c in zip(cells.headers, cells.rows[0])}  # F01
    assert first["Figure"]["text"] == "F01" and first["Level"]["text"] == "21.79 trillion yuan"
    assert first["Level"]["align"] == first["Change"]["align"] == "right"
    assert first["Indicator"]["align"] == first["Source"]["align"] == "left"
    assert first["Source"]["text"] == "Blog B, 1 September 2025"
    hrefs = [link["href"] for link in cells.links]
    assert "#source-blog-b" in hrefs and "../dictionary.html#indicator-repair_value" in hrefs
    assert {"href": "../dictionary.html#indicator-repair_value", "title": "value of repair trade"} in cells.links


def test_a_loader_frame_shows_numbers_right_dates_in_words_and_ids_as_links(tiny):
    frame = pd.DataFrame({"observation_id": ["S01", "F01"], "period_start": pd.PeriodIndex(["2025-01", "2025-07"],
                                                                                          freq="M"),
                          "value": pd.array([1234567.5, None], dtype="Float64"),
                          "published_date": pd.to_datetime(["2025-07-14", None]),
                          "source_id": ["paper-a", "blog-b"], "url": ["https://a.example/1", "(not kept)"]})
    cells = parsed(table_html(frame, html_id="t2"))
    assert [h["text"] for h in cells.headers] == ["Figure", "From", "Value", "Published", "Source", "Address"]
    assert [[c["text"] for c in row] for row in cells.rows] == [
        ["S01", "January 2025", "1,234,567.5", "14 July 2025", "paper-a", "a.example"],
        ["F01", "July 2025", "", "", "blog-b", "(not kept)"]]
    assert [c["align"] for c in cells.rows[0]] == ["left", "left", "right", "left", "left", "left"]
    assert [link["href"] for link in cells.links] == ["#source-paper-a", "https://a.example/1", "#source-blog-b"]


def test_markup_in_a_cell_shows_as_text():
    html = table_html(pd.DataFrame({"note": ['<script>alert("x")</script> & <b>b</b>']}), html_id="t3")
    assert "<script>alert" not in html and "<b>b</b>" not in html
    assert parsed(html).rows[0][0]["text"] == '<script>alert("x")</script> & <b>b</b>'


def test_an_interactive_table_is_marked_with_its_filter_columns_and_still_holds_every_row(tiny):
    figs = load_figures(data_dir=tiny)
    frame = tables.figure_table(figs)
    html = table_html(frame, html_id="t4", filters=("period", "reliability"))
    assert re.search(r'<div class="cf-table cf-interactive" data-filters="3 5">', html)
    assert len(parsed(html).rows) == len(figs)
    assert "<script" not in html  # the report page's script enhances it; the table itself is plain
    with pytest.raises(ValueError, match=r"cannot filter by \['source_id'\]"):
        table_html(frame, html_id="t5", filters=("source_id",))  # not shown: its words link by it


def test_a_table_keeps_its_id_when_its_rows_change_and_a_page_never_repeats_one():
    frame = pd.DataFrame({"id": ["S01"], "value": [1.0]})
    first = table_id(frame)
    assert table_id(frame.assign(id=["F07"], value=[2.0])) == first
    assert table_id(frame.rename(columns={"value": "level"})) != first
    assert table_id(frame, {first}) != first and f'id="{first}"' in table_html(frame, html_id=first)
    assert table_text(frame) == "Table of 1 row: Figure, Value"


def test_levels_sort_by_their_value_in_the_base_unit_not_their_words(tiny):
    figs = load_figures(data_dir=tiny)
    html = table_html(tables.figure_table(figs), html_id="t6", filters=("period",))
    keys = [float(k) for k in re.findall(r'<span data-order="([^"]+)">', html)]
    shown = figs.dropna(subset=["value"])
    assert sorted(keys) == sorted(shown["base_value"].tolist()) and len(keys) == len(shown)
    trillion = figs[figs["unit"] == "CNY trillion"].iloc[0]
    assert trillion["base_value"] == trillion["value"] * 1e12  # 21.79 trillion sorts above 830 billion


def test_years_print_as_years_addresses_as_their_site_and_a_long_table_folds():
    frame = pd.DataFrame({"year": [2024, 2025], "operation_year": [2024.0, None], "count": [2024, 3],
                          "url": ["https://www.customs.gov.cn/customs/302249/a-very-long-path/index.html", "x"]})
    html = table_html(frame, html_id="t7", fold="Show the table")
    rows = [[c["text"] for c in row] for row in parsed(html).rows]
    assert rows == [["2024", "2024", "2,024", "customs.gov.cn"], ["2025", "", "3", "x"]]
    assert html.startswith('<details class="cf-fold"><summary>Show the table</summary>')
