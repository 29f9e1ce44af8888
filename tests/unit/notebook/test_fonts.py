"""Chinese in a chart is drawn in a CJK font: glyphs, not the boxes a font without them draws.

The control is text no font draws: private-use characters (plane 16) are boxes, every box alike,
so two such strings of one length draw the same PNG and the same layout. Two Chinese strings of
that length must draw different PNGs (their glyphs), laid out as wide as each other (an ideograph
is one em wide) and not as wide as boxes. The SVG holds text, laid out with the font's widths.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

from customs_facilitation.errors import ReportError
from customs_facilitation.notebook import charts, fonts, images

CHINESE = ("整体通关时间", ["保税维修", "跨境电商"])
OTHER_CHINESE = ("进口货物通关", ["加工贸易", "出口退税"])


def boxes(start: int, count: int) -> str:
    """Private-use characters (plane 16), which no font draws."""
    return "".join(chr(0x100000 + start + i) for i in range(count))


BOXES = (boxes(0, 6), [boxes(16, 4), boxes(32, 4)])
OTHER_BOXES = (boxes(48, 6), [boxes(64, 4), boxes(80, 4)])


def cjk_font() -> Path:
    """The CJK font folder, or a visible skip (a failure under CI=true) saying how to install it."""
    folder = fonts.cjk_font_directory()
    if folder is None:
        missing = f"no CJK font ({fonts.DEBIAN_CJK_FONT}); install one: {fonts.INSTALL}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{missing} (.ci/run does this)")
        pytest.skip(missing)
    return folder


def spec(title: str, labels: list[str]) -> dict:
    frame = pd.DataFrame({"kind": labels, "hours": [30.5, 12.0]})
    with alt.theme.enable(charts.THEME_NAME):
        return alt.Chart(frame, title=title, width=40).mark_bar().encode(
            x=alt.X("hours:Q", title=title), y=alt.Y("kind:N", title=labels[0])).to_dict()


def drawing(title: str, labels: list[str]) -> tuple[str, bytes]:
    """A chart's SVG and PNG, drawn as the report build draws them."""
    drawn = images.render(json.dumps(spec(title, labels)).encode("utf-8"))
    return drawn["svg"].decode("utf-8"), drawn["png"]


def layout(svg: str) -> tuple[str, ...]:
    """Where the text put things: the drawing's size and every offset."""
    size = re.findall(r'<svg[^>]*\b(?:width|height)="([0-9.]+)"', svg)
    return (*size, *re.findall(r"translate\(([^)]*)\)", svg))


def test_chinese_is_drawn_in_a_cjk_font_not_as_boxes():
    cjk_font()
    (svg, png), (other_svg, other_png) = drawing(*CHINESE), drawing(*OTHER_CHINESE)
    (box_svg, box_png), (other_box_svg, other_box_png) = drawing(*BOXES), drawing(*OTHER_BOXES)
    assert box_png == other_box_png and layout(box_svg) == layout(other_box_svg), "boxes are all alike"
    assert all(f">{text}</text>" in svg for text in [CHINESE[0], *CHINESE[1]])
    assert png != other_png, "two Chinese texts drew the same PNG: boxes, not glyphs"
    assert png != box_png, "Chinese drew the PNG that boxes draw"
    assert layout(svg) == layout(other_svg), "ideographs are one em wide each"
    assert layout(svg) != layout(box_svg), "Chinese was laid out as wide as boxes"


def test_without_a_cjk_font_a_chinese_chart_says_how_to_install_one(monkeypatch, tmp_path):
    monkeypatch.setenv(fonts.CJK_FONTS_VARIABLE, str(tmp_path / "nowhere"))
    monkeypatch.setattr(fonts, "_found", [])  # looked for again, and not found
    with pytest.raises(ReportError, match=re.escape(fonts.INSTALL)):
        charts.drawn(spec(*CHINESE))
    assert "<svg" in charts.drawn(spec("Clearance time", ["Bonded maintenance", "Cross-border e-commerce"]))


SEPARATE_PROCESS = """
import json, sys
import vl_convert
from customs_facilitation.notebook import charts, images

def unregistered(text):  # vl-convert alone, with the fonts the system shows it
    svg = vl_convert.vegalite_to_svg(json.loads(text), vl_version=charts.VEGALITE_VERSION)
    return vl_convert.svg_to_png(svg, scale=images.PNG_SCALE)

chinese, boxes = sys.argv[1:]
print(unregistered(chinese) == unregistered(boxes))
print(images.render(chinese.encode("utf-8"))["png"].hex())
"""


def test_the_font_folder_is_registered_for_a_system_without_cjk_fonts(tmp_path):
    """vl-convert reads the system's fonts as well: with them hidden (fontconfig shows only
    DejaVu's folder), Chinese is boxes until the package registers the CJK font folder."""
    folder, dejavu = cjk_font(), Path("/usr/share/fonts/truetype/dejavu")
    if not dejavu.is_dir():
        pytest.skip(f"{dejavu} (Debian fonts-dejavu-core) is needed to stand for a system without CJK fonts")
    (tmp_path / "fonts.conf").write_text(f"<?xml version='1.0'?>\n<fontconfig><dir>{dejavu}</dir></fontconfig>\n")
    env = os.environ | {"FONTCONFIG_FILE": str(tmp_path / "fonts.conf"), fonts.CJK_FONTS_VARIABLE: str(folder)}
    run = subprocess.run([sys.executable, "-c", SEPARATE_PROCESS, json.dumps(spec(*CHINESE)), json.dumps(spec(*BOXES))],
                         capture_output=True, text=True, env=env, check=True)
    hidden, png = run.stdout.split()
    if hidden != "True":
        pytest.skip("vl-convert read fonts FONTCONFIG_FILE does not name: it cannot stand for a system without CJK")
    assert bytes.fromhex(png) == drawing(*CHINESE)[1]
