"""The offline renderer is deterministic and safe; a chart's spec is saved and drawn as PNG and SVG."""

import json

import altair as alt
import pandas as pd

from customs_facilitation.notebook import charts
from customs_facilitation.notebook.images import render


def bar(values):
    return alt.Chart(pd.DataFrame({"x": ["a", "b"], "y": values})).mark_bar().encode(x="x:N", y="y:Q")


def test_same_chart_same_html_and_data_in_it():
    first, again = charts.render(bar([1, 2]).to_dict()), charts.render(bar([1, 2]).to_dict())
    assert first == again
    other = charts.render(bar([1, 3]).to_dict())
    assert first["text/html"].split('"')[1] != other["text/html"].split('"')[1]  # id follows the spec
    assert '"y":3' in other["text/html"]


def test_markup_in_data_cannot_close_the_script():
    html = charts.render(bar([1, 2]).properties(title="</script><!--<script>alert(1)</script>").to_dict())["text/html"]
    assert html.count("</script>") == 1 and "<!--" not in html and "\\u003c/script>" in html


def test_titles_and_source_line(tmp_path):
    chart = charts.with_titles(bar([1, 2]), "Title", "Subtitle", "Sources: X (F01)")
    spec = chart.to_dict()
    assert spec["title"]["text"] == "Title" and spec["vconcat"][0]["title"]["orient"] == "bottom"
    [path] = charts.save_figure(chart, "demo", str(tmp_path))
    assert path.name == "demo.vl.json"
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["title"]["text"] == "Title" and saved["vconcat"][0]["title"]["text"] == "Sources: X (F01)"
    assert saved["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6")
    assert charts.save_figure(chart, "demo", "") == []


def test_images_are_drawn_from_the_saved_spec(tmp_path):
    [path] = charts.save_figure(charts.with_titles(bar([1, 2]), "Title", "Sub", "Sources: X (F01)"), "demo",
                                str(tmp_path))
    images = render(path.read_bytes())
    assert images["png"][:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in images["svg"][:500] and b"Sources: X (F01)" in images["svg"]
