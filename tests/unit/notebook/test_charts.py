"""Charts draw everywhere: a deterministic, safe div holding a static image for a notebook just
opened, the offline widget in the Lab kernel, loader frames that chart as they are; a chart's spec is
saved for the build to draw."""

import base64
import json
import os
import re
import subprocess
import sys

import altair as alt
import pandas as pd
import pytest

from customs_facilitation.data.load import load_indicators, load_measures, load_observations, load_sources, load_units
from customs_facilitation.notebook import charts
from customs_facilitation.notebook.images import render


def bar(values):
    return alt.Chart(pd.DataFrame({"x": ["a", "b"], "y": values})).mark_bar().encode(x="x:N", y="y:Q")


def static_svg(html: str) -> str:
    """The SVG image a chart's div carries."""
    encoded = re.search(r'<img alt="[^"]*" src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)">', html).group(1)
    return base64.b64decode(encoded).decode("utf-8")


def test_same_chart_same_html_and_data_in_it():
    first, again = charts.render(bar([1, 2]).to_dict()), charts.render(bar([1, 2]).to_dict())
    assert first == again
    other = charts.render(bar([1, 3]).to_dict())
    assert first["text/html"].split('"')[1] != other["text/html"].split('"')[1]  # id follows the spec
    assert '"y":3' in other["text/html"]


def test_markup_in_data_cannot_close_the_script():
    html = charts.render(bar([1, 2]).properties(title="</script><!--<script>alert(1)</script>").to_dict())["text/html"]
    assert html.count("</script>") == 1 and "<!--" not in html and "\\u003c/script>" in html
    assert 'alt="&lt;/script&gt;&lt;!--&lt;script&gt;alert(1)&lt;/script&gt;"' in html


def test_the_div_holds_the_chart_drawn_as_an_image_until_vega_replaces_it():
    html = charts.render(bar([1, 2]).properties(title="Two bars").to_dict())["text/html"]
    div, script = html.split("\n")
    assert div.startswith('<div id="chart-') and div.endswith("</div>") and 'alt="Two bars"' in div
    image = static_svg(html)
    assert image.startswith("<svg") and image.count('aria-roledescription="bar"') == 2  # both bars drawn
    assert script.startswith("<script>if (window.vegaEmbed) {") and "textContent" not in script


def test_interactive_adds_the_offline_widget_and_keeps_the_same_div():
    spec = bar([1, 2]).to_dict()
    bundle = charts.render(spec, interactive=True)
    assert set(bundle) == {charts.CHART_MIMETYPE, "text/plain", "text/html", "application/vnd.jupyter.widget-view+json"}
    assert bundle["text/html"] == charts.render(spec)["text/html"]
    assert re.fullmatch(r"[0-9a-f]{32}", bundle["application/vnd.jupyter.widget-view+json"]["model_id"])
    # vega comes bundled with the widget: no module is imported from the network
    assert not re.search(r"""^\s*import\b[^;]*from\s*["']https?://""", alt.JupyterChart._esm, re.MULTILINE)


def test_the_offline_widget_module_is_kept_in_the_environment_and_reused(tmp_path, monkeypatch):
    from customs_facilitation import files

    made = []

    def enable_offline(cls=alt.JupyterChart):  # altair's bundling (make setup runs the real one)
        made.append(1)
        cls._esm, cls._is_offline = f"/* bundled {len(made)} */", True

    monkeypatch.setattr(files, "ENVIRONMENT_CACHE", tmp_path)
    monkeypatch.setattr(alt.JupyterChart, "enable_offline", enable_offline)
    monkeypatch.setattr(alt.JupyterChart, "_esm", alt.JupyterChart._esm)
    monkeypatch.setattr(alt.JupyterChart, "_is_offline", False)
    charts.enable_offline_widget()
    kept = list(tmp_path.glob(f"jupyterchart-altair-{alt.__version__}-vl-convert-*.js"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == alt.JupyterChart._esm == "/* bundled 1 */"
    alt.JupyterChart._is_offline = False  # a new kernel: it reads the kept module instead of bundling again
    charts.enable_offline_widget()
    assert made == [1] and alt.JupyterChart._esm == "/* bundled 1 */" and alt.JupyterChart._is_offline


def test_enable_follows_the_lab_kernel_environment(monkeypatch):
    with alt.renderers.enable("default"):
        monkeypatch.setenv(charts.INTERACTIVE_VARIABLE, "interactive")
        charts.enable()
        assert alt.renderers.active == charts.RENDERER_NAME
        assert alt.renderers.options == {"interactive": True, "image": True}
        monkeypatch.setenv(charts.INTERACTIVE_VARIABLE, charts.IMAGES_BY_BUILD)  # the report build's kernels
        charts.enable()
        assert alt.renderers.options == {"interactive": False, "image": False}
        monkeypatch.delenv(charts.INTERACTIVE_VARIABLE)
        charts.enable()
        assert alt.renderers.options == {"interactive": False, "image": True}


def test_a_chart_is_a_record_and_can_leave_its_html_to_the_build(monkeypatch):
    spec = charts.with_titles(bar([1, 2]), "Title", "Sub", "Sources: X (F01)").to_dict()
    shown = charts.render(spec)
    assert shown[charts.CHART_MIMETYPE] == {"spec": spec} and shown["text/plain"] == "Title. Sub. Sources: X (F01)"
    monkeypatch.setattr(charts, "drawn", lambda spec: pytest.fail("drawn in the kernel"))
    left = charts.render(spec, image=False)
    assert left == {charts.CHART_MIMETYPE: {"spec": spec}, "text/plain": shown["text/plain"]}  # no HTML
    monkeypatch.undo()
    # the HTML the build makes from the record and its image is the kernel's, byte for byte
    assert charts.chart_html(spec, charts.drawn(spec)) == shown["text/html"]


def test_keep_choices_leaves_what_the_user_chose():
    with alt.renderers.enable("svg"), alt.theme.enable("dark"), alt.data_transformers.enable("default"):
        charts.enable(keep_choices=True)
        assert (alt.renderers.active, alt.theme.active) == ("svg", "dark")
        assert alt.data_transformers.active == charts.DATA_TRANSFORMER_NAME  # the default was not a choice
    with alt.renderers.enable("default"):
        charts.enable(interactive=True)
        charts.enable(keep_choices=True, interactive=False)
        assert alt.renderers.options == {"interactive": True, "image": True}


@pytest.mark.parametrize("load", [load_sources, load_indicators, load_observations, load_measures, load_units],
                         ids=lambda f: f.__name__)
def test_every_loader_frame_charts_as_it_is(load):
    frame = load()
    with alt.data_transformers.enable(charts.DATA_TRANSFORMER_NAME):
        spec = alt.Chart(frame).mark_point().encode(x=f"{frame.columns[1]}:N").to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert len(rows) == len(frame) and json.dumps(rows)


def test_months_chart_as_dates_where_altair_alone_fails(tiny):
    observations = load_observations(tiny)
    with alt.data_transformers.enable("default"), pytest.raises(TypeError, match="Period is not JSON serializable"):
        alt.Chart(observations).mark_line().encode(x="period_end:T", y="value:Q").to_json()
    with alt.data_transformers.enable(charts.DATA_TRANSFORMER_NAME):
        spec = alt.Chart(observations).mark_line().encode(x="period_end:T", y="value:Q").to_dict()
    rows = {row["observation_id"]: row for row in next(iter(spec["datasets"].values()))}
    assert (rows["S01"]["period_start"], rows["S01"]["period_end"]) == ("2025-01-01T00:00:00", "2025-06-01T00:00:00")
    assert isinstance(observations["period_end"].dtype, pd.PeriodDtype)  # the frame itself is unchanged


def test_a_users_first_chart_from_the_public_api_draws():
    """A fresh interpreter: no set-up call, the issue's first chart, shown as a notebook shows it."""
    code = """
import altair as alt
from customs_facilitation import load_observations
chart = alt.Chart(load_observations(topic="clearance_time")).mark_line().encode(x="period_end:T", y="value:Q")
bundle = chart._repr_mimebundle_()
print(sorted(bundle), "vegaEmbed" in bundle["text/html"], "data:image/svg+xml;base64," in bundle["text/html"])
alt.renderers.enable("svg")
from customs_facilitation import load_sources
print(alt.renderers.active)
"""
    env = {k: v for k, v in os.environ.items() if k != charts.INTERACTIVE_VARIABLE}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    shown = sorted([charts.CHART_MIMETYPE, "text/html", "text/plain"])
    assert done.stdout.splitlines() == [f"{shown} True True", "svg"]


def test_titles_and_source_line(tmp_path):
    chart = charts.with_titles(bar([1, 2]), "Title", "Subtitle", "Sources: X (F01)")
    spec = chart.to_dict()
    assert spec["title"]["text"] == "Title" and spec["vconcat"][0]["title"]["orient"] == "bottom"
    assert spec["vconcat"][0]["title"]["text"] == ["Sources: X (F01)"]
    drawn = charts.render(spec)["text/html"]
    assert 'role="figure" aria-label="Title. Subtitle. Sources: X (F01)"' in drawn
    assert 'alt="Title. Subtitle. Sources: X (F01)"' in drawn
    assert spec["description"] == "Title. Subtitle. Sources: X (F01)"
    [path] = charts.save_chart(chart, "demo", str(tmp_path))
    assert path.name == "demo.vl.json"
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["title"]["text"] == "Title" and saved["vconcat"][0]["title"]["text"] == ["Sources: X (F01)"]
    assert saved["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6")
    assert charts.save_chart(chart, "demo", "") == []


def test_images_are_drawn_from_the_saved_spec(tmp_path):
    [path] = charts.save_chart(charts.with_titles(bar([1, 2]), "Title", "Sub", "Sources: X (F01)"), "demo",
                                str(tmp_path))
    images = render(path.read_bytes())
    assert images["png"][:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in images["svg"][:500] and b"Sources: X (F01)" in images["svg"]


def test_bars_have_one_neutral_fill_and_a_marker_shaped_by_reliability_tier():
    from customs_facilitation.data.load import RELIABILITY_TIERS

    frame = pd.DataFrame({"year": ["2024", "2025"], "value": [20, 25], "reliability": ["official", "low"]})
    bars = alt.Chart(frame).mark_bar().encode(x="year:O", y="value:Q")
    spec = charts.with_reliability_markers(bars).to_dict()
    bar_layer, marker_layer = spec["layer"]
    assert bar_layer["mark"]["type"] == "bar" and marker_layer["mark"]["type"] == "point"
    assert bar_layer["encoding"]["color"] == {"value": charts.NEUTRAL_FILL}, "no bar's colour depends on its tier"
    assert "color" not in marker_layer["encoding"] and marker_layer["mark"]["color"] == charts.MARKER_COLOUR
    shape = marker_layer["encoding"]["shape"]
    assert shape["field"] == "reliability" and shape["scale"]["domain"] == list(RELIABILITY_TIERS)
    assert len(set(shape["scale"]["range"])) == len(RELIABILITY_TIERS), "one shape per tier"


def test_a_named_chart_in_the_build_links_its_files():
    titled = charts.with_titles(bar([1, 2]), "Title", "Sub", "Sources: X (F01)")
    spec = {**titled.to_dict(), "usermeta": {"name": "01-x"}}
    built = charts.chart_html(spec, "<svg/>", downloads="charts")
    links = re.findall(r'<a href="([^"]+)" download>', built)
    assert links == ["charts/01-x.png", "charts/01-x.svg", "charts/01-x.csv"]
    assert "download>" not in charts.chart_html(spec, "<svg/>"), "no links outside the build (Lab, nbval)"
    unnamed = {k: v for k, v in spec.items() if k != "usermeta"}
    assert "download>" not in charts.chart_html(unnamed, "<svg/>", downloads="charts"), "no files to link"


def test_a_wide_chart_is_marked_to_scroll_on_a_phone_and_a_narrow_one_to_scale():
    spec = bar([1, 2]).to_dict()
    wide = f'<svg xmlns="http://www.w3.org/2000/svg" width="{charts.WIDE_CHART_PX + 1}" height="10"/>'
    narrow = '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="10"/>'
    assert 'class="cf-chart cf-wide"' in charts.chart_html(spec, wide)
    assert 'class="cf-chart"' in charts.chart_html(spec, narrow)
