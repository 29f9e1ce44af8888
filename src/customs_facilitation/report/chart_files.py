"""The report's charts: each chart's spec, PNG, SVG and data in ``build/report/<set>/charts/``, and
each chart's HTML on a page, with its image and links to those files.

A notebook run leaves its charts' specs (``name.vl.json``) in a folder of its own; the build
draws their images from them, once per distinct spec: images live in ``build/cache/charts/``
under the spec's content hash, so an unchanged chart is never drawn again, whichever page or
parameter set shows it. The build's kernels leave each chart's HTML to the build, which makes it
from the chart's record with the image from the same cache: one process draws every chart.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from ..errors import ReportError
from ..files import replacing, write_atomically
from ..notebook.charts import CHART_MIMETYPE, chart_html, chart_text, chart_title
from ..notebook.images import FORMATS, render, spec_key
from .layout import CHARTS_FOLDER

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
    """Put every spec of ``specs_dir``, its images and its data as CSV into ``charts`` (each file
    replaced whole)."""
    placed = []
    for spec in sorted(specs_dir.glob(f"*{SPEC_SUFFIX}")):
        name = spec.name.removesuffix(SPEC_SUFFIX)
        images = cached_images(spec.read_bytes(), spec.name, cache)
        sources = {SPEC_SUFFIX: spec} | {f".{fmt}": path for fmt, path in images.items()}
        for suffix, source in sources.items():
            with replacing(charts / f"{name}{suffix}") as tmp:
                shutil.copyfile(source, tmp)
            placed.append(charts / f"{name}{suffix}")
        write_atomically(charts / f"{name}.csv", chart_rows_csv(json.loads(spec.read_text(encoding="utf-8"))))
        placed.append(charts / f"{name}.csv")
    return placed


def chart_rows_csv(spec: dict) -> str:
    """The rows a chart draws (every dataset of its spec), as CSV text: its figures' ids, values and
    sources as the chart holds them.

    >>> rows = [{"id": "F01", "value": 21.79}, {"id": "F02", "source": "X"}]
    >>> print(chart_rows_csv({"datasets": {"d": rows}}), end="")
    id,value,source
    F01,21.79,
    F02,,X
    """
    rows = [row for data in spec.get("datasets", {}).values() for row in data]
    rows += spec.get("data", {}).get("values", []) if isinstance(spec.get("data"), dict) else []
    columns = list(dict.fromkeys(column for row in rows for column in row))
    text = io.StringIO()
    writer = csv.DictWriter(text, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue()


def chart_records(nb):
    """Every chart record of an executed notebook (:data:`.charts.CHART_MIMETYPE`), with its cell's
    number and its output's data: the one way the build learns what charts a page shows."""
    for number, cell in enumerate(nb.cells, 1):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if CHART_MIMETYPE in data:
                yield number, data


def chart_specs(nb) -> list[dict]:
    """The spec of every chart an executed notebook shows, in order."""
    return [data[CHART_MIMETYPE]["spec"] for _, data in chart_records(nb)]


def images_into(nb, cache: Path, downloads: str = CHARTS_FOLDER) -> None:
    """Give every chart of an executed notebook whose kernel left its HTML to the build that HTML,
    made from the chart's record with its image drawn from the spec (cached with its PNG, as
    :func:`place_charts` caches it), and links to its files in ``downloads``.

    Raises:
        ReportError: if a chart cannot be drawn, or a chart record holds no spec.
    """
    for number, data in chart_records(nb):
        spec = data[CHART_MIMETYPE].get("spec") if isinstance(data[CHART_MIMETYPE], dict) else None
        if not isinstance(spec, dict):
            raise ReportError(f"cell {number} shows a chart record without a vega-lite spec")
        if "text/html" not in data:
            svg = cached_images(chart_text(spec), chart_title(spec), cache)["svg"].read_bytes().decode("utf-8")
            data["text/html"] = chart_html(spec, svg, downloads)
