"""Charts: one altair theme, a source line under every chart, an offline renderer, spec files.

The renderer emits a ``<div>`` whose id is derived from the spec's hash and one ``vegaEmbed``
call, so the output is the same on every run (nbval compares it, data and encodings included).
The exported report pages carry the vega bundle once (see :mod:`customs_facilitation.report.html`).
"""

import hashlib
import json
from pathlib import Path

import altair as alt

from ..data.load import RELIABILITY_TIERS

THEME_NAME = "customs_facilitation"
RENDERER_NAME = "customs_facilitation"
FONT = "Helvetica, Arial, sans-serif"
PALETTE = ["#1f5aa6", "#d9822b", "#3c8d5a", "#a63d40", "#6b5b95", "#7f7f7f"]
TIER_COLOURS = ["#1b7837", "#5aae61", "#c2a5cf", "#e08214", "#b2182b"]


@alt.theme.register(THEME_NAME, enable=False)
def theme() -> alt.theme.ThemeConfig:
    """House style: plain background, readable type, one palette."""
    return {
        "config": {
            "background": "white",
            "font": FONT,
            "view": {"stroke": None, "continuousWidth": 520, "continuousHeight": 260},
            "title": {"anchor": "start", "fontSize": 15, "subtitleFontSize": 12, "subtitleColor": "#444"},
            "axis": {"labelFontSize": 11, "titleFontSize": 12, "gridColor": "#e6e6e6"},
            "legend": {"labelFontSize": 11, "titleFontSize": 12, "orient": "bottom", "labelLimit": 0, "columns": 1},
            "range": {"category": PALETTE},
        }
    }


def render(spec: dict) -> dict:
    """Mimebundle for a chart spec: a div with a stable id and one vegaEmbed call."""
    text = json.dumps(spec, sort_keys=True, separators=(",", ":"))
    chart_id = "chart-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    safe = text.replace("<", "\\u003c")  # no "</script>" or "<!--" in the data can end the script
    html = (f'<div id="{chart_id}" class="cf-chart"></div>\n'
            f'<script>if (window.vegaEmbed) {{ vegaEmbed("#{chart_id}", {safe}, '
            f'{{"renderer": "svg", "actions": false}}).catch(function (error) {{ console.error(error); }}); }} '
            f'else {{ document.getElementById("{chart_id}")'
            f'.textContent = "(chart: drawn in the HTML report built by make report)"; }}</script>')
    return {"text/html": html}


def enable() -> None:
    """Use the house theme and the offline renderer (call once at the top of a notebook)."""
    alt.theme.enable(THEME_NAME)
    alt.renderers.register(RENDERER_NAME, render)
    alt.renderers.enable(RENDERER_NAME)


def reliability_colour(field: str = "reliability") -> alt.Color:
    """Colour by source reliability, the same colour for a tier on every chart."""
    return alt.Color(f"{field}:N", title="Source reliability",
                     scale=alt.Scale(domain=list(RELIABILITY_TIERS), range=TIER_COLOURS))


def with_titles(chart: alt.TopLevelMixin, title: str, subtitle: str, source_line: str) -> alt.VConcatChart:
    """Put a title and subtitle above the chart and a source line under it."""
    footed = chart.properties(title=alt.TitleParams(source_line, orient="bottom", anchor="start", fontSize=10,
                                                    fontWeight="normal", color="#555"))
    return alt.vconcat(footed, title=alt.TitleParams(title, subtitle=subtitle, anchor="start"))


def save_figure(chart: alt.TopLevelMixin, name: str, figures_dir: str) -> list[Path]:
    """Write the chart's vega-lite spec as ``name``.vl.json into ``figures_dir``; nothing when it
    is empty. The report build draws its PNG and SVG from it (:mod:`.images`), cached by content."""
    if not figures_dir:
        return []
    folder = Path(figures_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.vl.json"
    chart.save(str(path))
    return [path]
