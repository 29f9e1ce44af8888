"""Static images of a chart: PNG and SVG rendered from its vega-lite spec, as ``chart.save`` would.

A chart's spec (``chart.save("name.vl.json")``, see :func:`.charts.save_figure`) says all there
is to draw, so its images can be rendered apart from the notebook that made it, and cached by
the spec's content hash: an unchanged chart is never drawn twice.
"""

import hashlib
import json

import altair as alt
from altair.utils.mimebundle import spec_to_mimebundle

FORMATS = ("png", "svg")
PNG_SCALE = 2  # twice the chart's size in pixels: sharp on high-density screens and in print


def spec_key(spec_text: bytes) -> str:
    """The content hash that names a spec's images.

    >>> spec_key(b'{"mark": "bar"}')
    'ced019dbd1e3c35d'
    """
    return hashlib.sha256(spec_text).hexdigest()[:16]


def render(spec_text: bytes) -> dict[str, bytes]:
    """PNG and SVG bytes of a vega-lite spec, by format, drawn with vl-convert."""
    spec = json.loads(spec_text)
    versions = {"vega_version": alt.VEGA_VERSION, "vegalite_version": alt.VEGALITE_VERSION,
                "vegaembed_version": alt.VEGAEMBED_VERSION}
    png, _ = spec_to_mimebundle(spec, format="png", mode="vega-lite", scale_factor=PNG_SCALE, **versions)
    svg = spec_to_mimebundle(spec, format="svg", mode="vega-lite", **versions)
    return {"png": png["image/png"], "svg": svg["image/svg+xml"].encode("utf-8")}
