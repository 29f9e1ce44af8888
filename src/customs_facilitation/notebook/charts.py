"""Charts: one altair theme, a source line under every chart, charts that draw anywhere, spec files.

A chart shows as a ``<div>`` whose id is derived from the spec's hash, holding a static SVG image
of the chart, and one ``vegaEmbed`` call that replaces the image by the live chart wherever vega
is loaded: the exported report pages carry vega once (see :mod:`customs_facilitation.report.html`).
Every chart's output also holds its record (:data:`CHART_MIMETYPE`, the spec): in the report
build's kernels (``CUSTOMS_FACILITATION_CHARTS=images-by-build``) only the record and no HTML, and
the build makes the HTML from it, drawing every chart once, cached by spec, in one process.
A notebook just opened in JupyterLab runs no script, so it shows the image. In the kernel that
``make lab`` starts (environment ``CUSTOMS_FACILITATION_CHARTS=interactive``) the output also holds
an altair ``JupyterChart`` widget drawn by vega bundled with vl-convert: JupyterLab shows that
instead, interactive and offline. The div is the same on every run, so nbval compares it, spec
included; ``tests/nbval_sanitize.cfg`` normalises the image, a rendering of that spec.

Loader frames chart directly: a data transformer turns period columns into dates.
"""

import base64
import hashlib
import html
import json
import math
import os
import re
import textwrap
from pathlib import Path

import altair as alt
import pandas as pd

from ..data.load import RELIABILITY_TIERS
from ..files import kept_in_environment
from ..language import N_, _, current

THEME_NAME = "customs_facilitation"
RENDERER_NAME = "customs_facilitation"
DATA_TRANSFORMER_NAME = "customs_facilitation"
INTERACTIVE_VARIABLE = "CUSTOMS_FACILITATION_CHARTS"
"""Set to ``interactive`` (the kernel of ``make lab`` does) to add the live widget to each chart, or
to ``images-by-build`` (the report build's kernels) to leave each chart's image to the build."""
IMAGES_BY_BUILD = "images-by-build"
"""The value of :data:`INTERACTIVE_VARIABLE` in the report build's kernels."""
CHART_MIMETYPE = "application/vnd.customs-facilitation.chart+json"
"""A chart's record in a notebook's outputs: ``{"spec": vega-lite spec}``. The report build reads
every chart from it (see docs/architecture.md, "Between a notebook and the build")."""

EMBED_OPTIONS = {"renderer": "svg", "actions": False}
VEGALITE_VERSION = "v" + ".".join(alt.VEGALITE_VERSION.split(".")[:2])  # as vl-convert names it: v6.4
FONT = "Helvetica, Arial, sans-serif"
PALETTE = ["#1f5aa6", "#d9822b", "#3c8d5a", "#a63d40", "#6b5b95", "#7f7f7f"]
NEUTRAL_FILL = "#9aa9b8"
"""The one fill of bars whose reliability is marked: no tier looks like emphasis."""
MARKER_COLOUR = "#222222"
TIER_SHAPES = ["circle", "square", "diamond", "triangle-up", "cross"]
"""A marker shape per reliability tier (most reliable first), the same on every chart."""
WIDE_CHART_PX = 700
"""A chart drawn wider than this keeps its size on a phone and scrolls in its box (scaled to the
screen its labels would be a few pixels high); a narrower one is scaled to fit."""
SOURCE_LINE_CHARACTERS = 90  # about 450 pixels at the source line's size: within the narrowest chart


TIME_LOCALES = {"zh": {
    "dateTime": "%x %A %X", "date": "%Y年%-m月%-d日", "time": "%H:%M:%S", "periods": ["上午", "下午"],
    "days": ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
    "shortDays": ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
    "months": [f"{month}月" for month in range(1, 13)], "shortMonths": [f"{month}月" for month in range(1, 13)]}}
"""d3's time locale for a language other than English (vega names months and days with it on a time axis)."""


@alt.theme.register(THEME_NAME, enable=False)
def theme() -> alt.theme.ThemeConfig:
    """House style: plain background, readable type, one palette; dates in the page's language."""
    return {
        "config": {**({"locale": {"time": TIME_LOCALES[current()]}} if current() in TIME_LOCALES else {}),
            "background": "white",
            "font": FONT,
            "view": {"stroke": None, "continuousWidth": 520, "continuousHeight": 260},
            "title": {"anchor": "start", "fontSize": 15, "subtitleFontSize": 12, "subtitleColor": "#444"},
            "axis": {"labelFontSize": 11, "titleFontSize": 12, "gridColor": "#e6e6e6"},
            "legend": {"labelFontSize": 11, "titleFontSize": 12, "orient": "bottom", "labelLimit": 0, "columns": 1},
            "range": {"category": PALETTE},
        }
    }


def render(spec: dict, interactive: bool = False, image: bool = True) -> dict:
    """Mimebundle for a chart spec: its record (:data:`CHART_MIMETYPE`, the spec), its title as
    text, and its HTML (:func:`chart_html`); with ``interactive``, the live altair widget as well.
    Without ``image`` (the report build's kernels), no HTML: the build makes it from the record."""
    spec = as_saved(spec)
    bundle = {CHART_MIMETYPE: {"spec": spec}, "text/plain": chart_description(spec)}
    if image:
        bundle["text/html"] = chart_html(spec)
    if interactive:
        bundle.update(live_chart(spec))
    return bundle


def chart_html(spec: dict, svg: str | None = None, downloads: str = "") -> str:
    """A chart as HTML: a div whose id is derived from the spec, holding the chart's image (its SVG,
    drawn by vl-convert unless given), and one vegaEmbed call that draws the live chart where vega
    is loaded. With ``downloads`` (the folder of the chart's files, relative to the page), a named
    chart (:func:`chart_name`) is followed by links to its PNG, SVG and data as CSV."""
    text = json.dumps(spec, sort_keys=True, separators=(",", ":"))
    chart_id = "chart-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    safe = text.replace("<", "\\u003c")  # no "</script>" or "<!--" in the data can end the script
    options = json.dumps(EMBED_OPTIONS)
    svg = drawn(spec) if svg is None else svg
    wide = " cf-wide" if _width(svg) > WIDE_CHART_PX else ""
    return (f'<div id="{chart_id}" class="cf-chart{wide}" role="figure" '
            f'aria-label="{html.escape(chart_description(spec))}">{static_image(spec, svg)}</div>\n'
            f'<script>if (window.vegaEmbed) {{ vegaEmbed("#{chart_id}", {safe}, {options})'
            f'.catch(function (error) {{ console.error(error); }}); }}</script>'
            + (_download_links(downloads, chart_name(spec)) if downloads and chart_name(spec) else ""))


def _width(svg: str) -> float:
    """The width an SVG drawing declares (vl-convert writes it on the root element), or 0."""
    found = re.search(r'<svg[^>]*\swidth="([0-9.]+)"', svg[:2000])
    return float(found.group(1)) if found else 0.0


def _download_links(folder: str, name: str) -> str:
    files = [(f"{name}.png", "PNG"), (f"{name}.svg", "SVG"), (f"{name}.csv", _("data (CSV)"))]
    links = " · ".join(f'<a href="{html.escape(folder)}/{html.escape(file)}" download>{html.escape(label)}</a>'
                       for file, label in files)
    return '\n<p class="cf-downloads">' + _("Download this chart: {links}").format(links=links) + "</p>"


def chart_name(spec: dict) -> str:
    """The name a chart's files go by (``usermeta.name``, set by :meth:`.Page.chart`), or ''.

    >>> chart_name({"usermeta": {"name": "02-trade-totals"}}), chart_name({})
    ('02-trade-totals', '')
    """
    return str(spec.get("usermeta", {}).get("name", ""))


def static_image(spec: dict, svg: str | None = None) -> str:
    """An ``<img>`` of the chart: its SVG (drawn by vl-convert unless given), inline as a data URI,
    described for screen readers (as the chart's div is, which keeps the description once vega
    draws the live chart)."""
    encoded = base64.b64encode((drawn(spec) if svg is None else svg).encode("utf-8")).decode("ascii")
    return f'<img alt="{html.escape(chart_description(spec))}" src="data:image/svg+xml;base64,{encoded}">'


def drawn(spec: dict) -> str:
    """The chart of a spec drawn by vl-convert, as SVG text, with a CJK font for its Chinese
    (:mod:`.fonts`: a :class:`.ReportError` saying how to install one if there is none)."""
    import vl_convert

    from .fonts import ensure_cjk_font

    ensure_cjk_font(spec)
    return vl_convert.vegalite_to_svg(spec, vl_version=VEGALITE_VERSION)


def chart_title(spec: dict) -> str:
    """The title text of a chart spec, or 'Chart' when it has none.

    >>> chart_title({"title": {"text": "Clearance time", "subtitle": "Hours"}}), chart_title({})
    ('Clearance time', 'Chart')
    """
    title = spec.get("title") or "Chart"
    text = title.get("text", "Chart") if isinstance(title, dict) else title
    return " ".join(text) if isinstance(text, list) else str(text)


def chart_description(spec: dict) -> str:
    """What a chart shows, for screen readers: its ``description``, else its title.

    >>> chart_description({"description": "Clearance time. Hours.", "title": "Clearance time"})
    'Clearance time. Hours.'
    """
    return spec.get("description") or chart_title(spec)


def live_chart(spec: dict) -> dict:
    """The widget part of a mimebundle: altair's JupyterChart with vega bundled offline."""
    enable_offline_widget()
    widget = alt.JupyterChart(alt.Chart.from_dict(spec), embed_options=EMBED_OPTIONS)
    data, _metadata = widget._repr_mimebundle_()
    return {key: value for key, value in data.items() if key != "text/plain"}


def enable_offline_widget() -> None:
    """altair's ``JupyterChart.enable_offline()``, its bundle kept in the environment: vl-convert
    bundles vega for the widget in about 0.9 s of CPU, which each new kernel would spend again."""
    import vl_convert

    if alt.JupyterChart._is_offline:  # altair's own flag, set by enable_offline
        return

    def bundle() -> str:
        alt.JupyterChart.enable_offline()
        return alt.JupyterChart._esm

    name = f"jupyterchart-altair-{alt.__version__}-vl-convert-{getattr(vl_convert, '__version__', 'unknown')}.js"
    alt.JupyterChart._esm = kept_in_environment(name, bundle)  # the widget's module, as enable_offline sets it
    alt.JupyterChart._is_offline = True


def chart_data(data, **options):
    """altair's default data transformer, after turning period columns into dates (a month is
    drawn at its first day), then with every missing value a null (altair leaves NaN, which is not
    JSON, in a column of strings: a frame joined from two with different columns has them), so a
    loader's frame charts as it is."""
    if isinstance(data, pd.DataFrame):
        periods = [name for name, dtype in data.dtypes.items() if isinstance(dtype, pd.PeriodDtype)]
        data = data.assign(**{name: data[name].dt.to_timestamp() for name in periods}) if periods else data
    made = alt.default_data_transformer(data, **options)
    if isinstance(made, dict) and "values" in made:  # altair 6 on pandas 3 leaves NaN in a column of strings
        made["values"] = [{key: None if isinstance(value, float) and math.isnan(value) else value
                           for key, value in row.items()} for row in made["values"]]
    return made


def enable(interactive: bool | None = None, *, keep_choices: bool = False) -> None:
    """Use the house theme, this module's renderer and its data transformer.

    ``interactive`` adds the live widget to each chart; by default it follows the
    ``CUSTOMS_FACILITATION_CHARTS`` environment variable. With ``keep_choices``, only what is still
    altair's default changes: a theme, renderer or data transformer already chosen (this module's
    included, with its options) stays.
    """
    mode = os.environ.get(INTERACTIVE_VARIABLE)
    if interactive is None:
        interactive = mode == "interactive"
    alt.renderers.register(RENDERER_NAME, render)
    alt.data_transformers.register(DATA_TRANSFORMER_NAME, chart_data)
    for registry, name, options in ((alt.theme, THEME_NAME, {}),
                                    (alt.renderers, RENDERER_NAME,
                                     {"interactive": interactive, "image": mode != IMAGES_BY_BUILD}),
                                    (alt.data_transformers, DATA_TRANSFORMER_NAME, {})):
        if not keep_choices or registry.active == "default":
            registry.enable(name, **options)


def panel_header() -> alt.Header:
    """The label of each panel of a faceted chart: above it, left-aligned, whole (an indicator's name)."""
    return alt.Header(labelAngle=0, labelAlign="left", labelLimit=0, labelOrient="top", labelAnchor="start")


def reliability_shape(field: str = "reliability") -> alt.Shape:
    """Marker shape by source reliability, the same shape for a tier on every chart (the legend
    names the tiers in the page's language)."""
    legend = {} if current() == "en" else {"legend": alt.Legend(labelExpr=translated_labels(RELIABILITY_TIERS))}
    return alt.Shape(f"{field}:N", title=_("Source reliability"),
                     scale=alt.Scale(domain=list(RELIABILITY_TIERS), range=TIER_SHAPES), **legend)


def translated_labels(values) -> str:
    """A vega label expression that shows each of ``values`` (words of the data) translated."""
    return json.dumps({value: _(value) for value in values}, ensure_ascii=False) + "[datum.label]"


TOOLTIP_WORDS = (N_("value"), N_("also"), N_("year"), N_("date"), N_("measures"), N_("months"), N_("city"),
                 N_("chinese"), N_("province"), N_("status"), N_("source_id"), N_("kind"), N_("derived from"),
                 N_("measure"), N_("flow"), N_("stage"), N_("qualifier"))
"""Tooltip fields beyond the tables' headers, marked for the catalogs."""


TOOLTIP_TITLES = {"measures": N_("length of period")}
"""Tooltip fields whose name is a word that means something else on its own (measures of an operation)."""


def tooltips(*fields: str) -> list:
    """A chart's tooltip fields, each titled in the page's language (as the fields, in English)."""
    if current() == "en":
        return list(fields)
    names = [field.split(":")[0] for field in fields]
    return [alt.Tooltip(field, title=_(TOOLTIP_TITLES.get(name, name))) for field, name in zip(fields, names)]


def with_reliability_markers(bars: alt.Chart) -> alt.LayerChart:
    """Bars in one neutral fill, each with a dark marker at its end shaped by its source's
    reliability tier (one legend): the tier is marked without any bar looking highlighted."""
    markers = bars.mark_point(filled=True, size=70, opacity=1, color=MARKER_COLOUR)
    return alt.layer(bars.encode(color=alt.value(NEUTRAL_FILL)), markers.encode(shape=reliability_shape()))


def with_titles(chart: alt.TopLevelMixin, title: str, subtitle: str, source_line: str) -> alt.VConcatChart:
    """Put a title and subtitle above the chart and a source line under it; all three describe it
    for screen readers (the spec's ``description``)."""
    footed = chart.properties(title=alt.TitleParams(wrap_sources(source_line), orient="bottom", anchor="start",
                                                    fontSize=10, fontWeight="normal", color="#555"))
    return alt.vconcat(footed, title=alt.TitleParams(title, subtitle=subtitle, anchor="start"),
                       description=_("{title}. {subtitle}. {sources}").format(title=title, subtitle=subtitle,
                                                                               sources=source_line))


def wrap_sources(source_line: str, width: int = SOURCE_LINE_CHARACTERS) -> list[str]:
    """The source line in lines of at most ``width`` characters, broken after a source where it
    can be (an image of the chart ends where the chart does: a longer line would be cut).

    >>> wrap_sources("Sources: Legal Daily (S01, S02); SCIO (F46)", 35)
    ['Sources: Legal Daily (S01, S02);', 'SCIO (F46)']
    """
    joiner = _("; ")  # what source_line put between the sources: '; ', or '；' in Chinese
    mark, space = joiner.rstrip(), joiner[len(joiner.rstrip()):]
    pieces = [part + mark for part in source_line.split(joiner)]
    pieces[-1] = pieces[-1].removesuffix(mark)
    lines: list[str] = []
    for piece in pieces:
        if lines and len(lines[-1]) + len(space) + len(piece) <= width:
            lines[-1] += space + piece
        else:
            lines += textwrap.wrap(piece, width, break_long_words=False, break_on_hyphens=False)
    return lines


def save_chart(chart: alt.TopLevelMixin, name: str, charts_dir: str) -> list[Path]:
    """Write the chart's vega-lite spec, as drawn here (under the active data transformer), as
    ``name``.vl.json into ``charts_dir``; nothing when it is empty. The report build draws its PNG
    and SVG from it (:mod:`.images`), cached by content."""
    if not charts_dir:
        return []
    folder = Path(charts_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.vl.json"
    path.write_bytes(chart_text(as_saved(chart.to_dict())))
    return [path]


def as_saved(value):
    """A spec as JSON writers in JavaScript write it back: a whole number stored as a float (10.0)
    becomes an int (10), so JupyterLab saving a notebook leaves every chart's record as it was.

    >>> as_saved({"data": [{"value": 10.0, "share": 2.5}], "width": 480})
    {'data': [{'value': 10, 'share': 2.5}], 'width': 480}
    """
    if isinstance(value, dict):
        return {key: as_saved(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_saved(item) for item in value]
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        return int(value)
    return value


def chart_text(spec: dict) -> bytes:
    """A spec as its ``.vl.json`` file holds it (and as the build's image cache is keyed)."""
    return json.dumps(spec, indent=2, sort_keys=True).encode("utf-8")
