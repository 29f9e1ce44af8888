"""Static images of a chart: PNG and SVG rendered from its vega-lite spec, with vl-convert.

A chart's spec (``name.vl.json``, written by :func:`.charts.save_chart`) says all there
is to draw, so its images can be rendered apart from the notebook that made it, and cached by
the spec's content hash: an unchanged chart is never drawn twice.
"""

import hashlib
import json

from .charts import drawn

FORMATS = ("png", "svg")
PNG_SCALE = 2  # twice the chart's size in pixels: sharp on high-density screens and in print


def spec_key(spec_text: bytes) -> str:
    """The content hash that names a spec's images.

    >>> spec_key(b'{"mark": "bar"}')
    'ced019dbd1e3c35d'
    """
    return hashlib.sha256(spec_text).hexdigest()[:16]


def render(spec_text: bytes, formats: tuple[str, ...] = FORMATS) -> dict[str, bytes]:
    """The images of a vega-lite spec in ``formats`` (PNG, SVG), drawn with vl-convert: the PNG is
    the SVG rasterised (the same bytes as vl-convert's own PNG, which would lay the chart out again),
    with the fonts :func:`.charts.drawn` has registered (a CJK font for Chinese, :mod:`.fonts`)."""
    import vl_convert

    svg = drawn(json.loads(spec_text))
    images = {"svg": svg.encode("utf-8")}
    if "png" in formats:
        images["png"] = vl_convert.svg_to_png(svg, scale=PNG_SCALE)
    return {fmt: images[fmt] for fmt in formats}
