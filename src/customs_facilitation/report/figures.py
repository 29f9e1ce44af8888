"""The report's figures: each chart's spec, PNG and SVG in ``build/figures/<set>/``.

A notebook run leaves its charts' specs (``name.vl.json``) in a folder of its own; the build
draws their images from them, once per distinct spec: images live in ``build/cache/figures/``
under the spec's content hash, so an unchanged chart is never drawn again, whichever page or
parameter set shows it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import ReportError
from ..files import replacing
from ..notebook.images import FORMATS, render, spec_key

SPEC_SUFFIX = ".vl.json"


def cached_images(spec: Path, cache: Path) -> dict[str, Path]:
    """The cached image files of a spec, by format, drawn first if they are not cached yet."""
    text = spec.read_bytes()
    key = spec_key(text)
    cached = {fmt: cache / f"{key}.{fmt}" for fmt in FORMATS}
    if not all(path.exists() for path in cached.values()):
        try:
            images = render(text)
        except Exception as error:
            raise ReportError(f"its chart {spec.name} cannot be drawn: {_before_the_trace(error)}") from None
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


def place_figures(specs_dir: Path, figures: Path, cache: Path) -> list[Path]:
    """Put every spec of ``specs_dir`` and its images into ``figures`` (each file replaced whole)."""
    placed = []
    for spec in sorted(specs_dir.glob(f"*{SPEC_SUFFIX}")):
        name = spec.name.removesuffix(SPEC_SUFFIX)
        sources = {SPEC_SUFFIX: spec} | {f".{fmt}": path for fmt, path in cached_images(spec, cache).items()}
        for suffix, source in sources.items():
            with replacing(figures / f"{name}{suffix}") as tmp:
                shutil.copyfile(source, tmp)
            placed.append(figures / f"{name}{suffix}")
    return placed
