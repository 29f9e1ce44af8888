"""The report's charts: each chart's spec, PNG and SVG in ``build/charts/<set>/``, and the image
in each chart of a page.

A notebook run leaves its charts' specs (``name.vl.json``) in a folder of its own; the build
draws their images from them, once per distinct spec: images live in ``build/cache/charts/``
under the spec's content hash, so an unchanged chart is never drawn again, whichever page or
parameter set shows it. The build's kernels leave each chart's inline image to the build
(:func:`.charts.with_image`), which takes it from the same cache: one process draws every chart.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import ReportError
from ..files import replacing
from ..notebook.charts import IMAGE_LEFT_TO_BUILD, chart_text, chart_title, with_image
from ..notebook.images import FORMATS, render, spec_key

SPEC_SUFFIX = ".vl.json"


def cached_images(text: bytes, name: str, cache: Path, formats: tuple[str, ...] = FORMATS) -> dict[str, Path]:
    """The cached image files of a spec (``text``, as :func:`.charts.save_chart` writes it) in
    ``formats``, by format, drawn first if they are not cached yet."""
    key = spec_key(text)
    cached = {fmt: cache / f"{key}.{fmt}" for fmt in formats}
    if not all(path.exists() for path in cached.values()):
        try:
            images = render(text, formats)
        except Exception as error:
            raise ReportError(f"its chart {name} cannot be drawn: {_before_the_trace(error)}") from None
        for fmt, data in images.items():
            with replacing(cached[fmt]) as tmp:
                tmp.write_bytes(data)
    return cached


def _before_the_trace(error: Exception) -> str:
    """What an error says, without the stack trace vl-convert appends (JavaScript's or Rust's).

    >>> _before_the_trace(RuntimeError("SVG has an invalid size\\n\\nStack backtrace:\\n   0: x"))
    'SVG has an invalid size'
    """
    said = []
    for line in str(error).strip().splitlines():
        if not line.strip() or line[0].isspace():
            break
        said.append(line.strip())
    return " ".join(said)


def place_charts(specs_dir: Path, charts: Path, cache: Path) -> list[Path]:
    """Put every spec of ``specs_dir`` and its images into ``charts`` (each file replaced whole)."""
    placed = []
    for spec in sorted(specs_dir.glob(f"*{SPEC_SUFFIX}")):
        name = spec.name.removesuffix(SPEC_SUFFIX)
        images = cached_images(spec.read_bytes(), spec.name, cache)
        sources = {SPEC_SUFFIX: spec} | {f".{fmt}": path for fmt, path in images.items()}
        for suffix, source in sources.items():
            with replacing(charts / f"{name}{suffix}") as tmp:
                shutil.copyfile(source, tmp)
            placed.append(charts / f"{name}{suffix}")
    return placed


def images_into(nb, cache: Path) -> None:
    """Put its image into every chart of an executed notebook whose kernel left it to the build,
    drawn from the chart's spec (cached with its PNG, as :func:`place_charts` caches it).

    Raises:
        ReportError: if a chart cannot be drawn, or an image left to the build has no chart beside it.
    """
    def svg(spec: dict) -> str:
        return cached_images(chart_text(spec), chart_title(spec), cache)["svg"].read_bytes().decode("utf-8")

    for number, cell in enumerate(nb.cells, 1):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/html" in data:
                data["text/html"] = with_image("".join(data["text/html"]), svg)
                if IMAGE_LEFT_TO_BUILD in data["text/html"]:
                    raise ReportError(f"cell {number} shows a chart image left to the build with no chart "
                                      "spec beside it")
