"""Where the report build writes, and how: a temporary file beside the target, then a rename."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Layout:
    """Where the build writes: executed notebooks, HTML pages and figures, per parameter set."""

    build_dir: Path

    def executed(self, set_name: str, notebook_name: str) -> Path:
        return self.build_dir / "executed" / set_name / f"{notebook_name}.ipynb"

    def failed(self, set_name: str, notebook_name: str) -> Path:
        """Where a failed run's executed notebook (with its traceback) is kept for reading."""
        return self.executed(set_name, notebook_name).with_suffix(".failed.ipynb")

    def page(self, set_name: str, notebook_name: str) -> Path:
        return self.build_dir / "report" / set_name / f"{notebook_name}.html"

    def figures(self, set_name: str) -> Path:
        return self.build_dir / "figures" / set_name

    @property
    def cache(self) -> Path:
        return self.build_dir / "cache"

    @property
    def index(self) -> Path:
        return self.build_dir / "report" / "index.html"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _umask()


def temp_path(final: Path) -> Path:
    """A new empty file beside ``final`` (hidden, ``.tmp`` in its name), readable as ``final`` would be."""
    handle, name = tempfile.mkstemp(prefix=f".{final.stem}-", suffix=".tmp" + final.suffix, dir=final.parent)
    os.close(handle)
    os.chmod(name, 0o666 & ~_UMASK)  # mkstemp makes 0600; the report is meant to be read
    return Path(name)


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so readers never see half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(path)
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
