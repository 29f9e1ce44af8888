"""A chart's images for the report: an SVG and a PNG of it at twice its size, from its spec alone."""

import json
import re
import struct

import altair as alt
import pandas as pd

from customs_facilitation.notebook import images


def test_the_png_is_the_svg_at_twice_its_size():
    frame = pd.DataFrame({"month": ["2025-01", "2025-02"], "value": [1.5, 2.5]})
    spec = alt.Chart(frame, title="Two bars").mark_bar().encode(x="month", y="value").to_dict()
    drawn = images.render(json.dumps(spec).encode("utf-8"))
    svg = drawn["svg"].decode("utf-8")
    assert svg.startswith("<svg") and svg.count('aria-roledescription="bar"') == 2 and "Two bars" in svg
    width, height = (float(re.search(rf'<svg[^>]*\b{side}="([0-9.]+)"', svg).group(1)) for side in ("width", "height"))
    png = drawn["png"]
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (round(width * images.PNG_SCALE), round(height * images.PNG_SCALE))
