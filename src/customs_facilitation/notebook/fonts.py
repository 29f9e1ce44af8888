"""A CJK font for the chart renderer, so Chinese text in a chart's PNG is drawn, not boxes.

vl-convert lays a chart out and draws its PNG with the fonts it knows: the system's and those
registered with it. A character the house font (:data:`.charts.FONT`) lacks is drawn in any font
it knows that has it, so Chinese needs no font name in the theme, only a CJK font: Debian's
``fonts-noto-cjk``, registered here once per process (:func:`ensure_cjk_font`). The SVG keeps its
text as text, laid out with that font's widths; its reader's own fonts draw the glyphs.
"""

import json
import os
import re
import threading
from pathlib import Path

from ..errors import ReportError

CJK_FONTS_VARIABLE = "CUSTOMS_FACILITATION_CJK_FONTS"
"""A folder of CJK fonts to use instead of Debian's (another system, another font)."""
DEBIAN_CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
"""The font file of Debian's ``fonts-noto-cjk``; its folder is registered."""
INSTALL = "apt-get install fonts-noto-cjk"
CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]")
"""Characters a CJK font draws: radicals, CJK punctuation (〔〕), kana, ideographs, full-width forms."""

_lock = threading.Lock()
_found: list[Path | None] = []  # once looked for: the registered folder, or None


def cjk_font_directory() -> Path | None:
    """The folder of CJK fonts to register: the one :data:`CJK_FONTS_VARIABLE` names, else that of
    :data:`DEBIAN_CJK_FONT`; None when it is not there."""
    named = os.environ.get(CJK_FONTS_VARIABLE)
    if named:
        return Path(named) if Path(named).is_dir() else None
    return DEBIAN_CJK_FONT.parent if DEBIAN_CJK_FONT.is_file() else None


def has_cjk(spec: dict) -> bool:
    """Whether a spec holds CJK text.

    >>> has_cjk({"title": "保税维修"}), has_cjk({"title": "Bonded maintenance"})
    (True, False)
    """
    return bool(CJK.search(json.dumps(spec, ensure_ascii=False)))


def ensure_cjk_font(spec: dict) -> None:
    """Register the CJK fonts with vl-convert (once per process) before ``spec`` is drawn.

    Raises:
        ReportError: if ``spec`` holds CJK text and there is no CJK font, saying how to install it.
    """
    with _lock:
        if not _found:
            folder = cjk_font_directory()
            if folder is not None:
                import vl_convert

                vl_convert.register_font_directory(str(folder.resolve()))
            _found.append(folder)
    if _found[0] is None and has_cjk(spec):
        named = os.environ.get(CJK_FONTS_VARIABLE)
        looked = f"{named} ({CJK_FONTS_VARIABLE})" if named else str(DEBIAN_CJK_FONT)
        raise ReportError(f"a chart has Chinese text but there is no CJK font to draw it ({looked} not found): "
                          f"install one with {INSTALL}")
