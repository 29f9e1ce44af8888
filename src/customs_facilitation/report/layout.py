"""Where the report build writes: executed notebooks, HTML pages and figures, per parameter set."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Layout:
    """The build folder's layout."""

    build_dir: Path

    def executed(self, set_name: str, notebook_name: str) -> Path:
        return self.build_dir / "executed" / set_name / f"{notebook_name}.ipynb"

    def failed(self, set_name: str, notebook_name: str) -> Path:
        """Where a failed run's executed notebook (with its traceback) is kept for reading."""
        return self.executed(set_name, notebook_name).with_suffix(".failed.ipynb")

    def page(self, set_name: str, notebook_name: str) -> Path:
        return self.build_dir / "report" / set_name / f"{notebook_name}.html"

    def figures_csv(self, set_name: str, notebook_name: str) -> Path:
        """The figures a page shows, with their sources, beside the page."""
        return self.page(set_name, notebook_name).with_suffix(".csv")

    def figures(self, set_name: str) -> Path:
        return self.build_dir / "figures" / set_name

    @property
    def cache(self) -> Path:
        return self.build_dir / "cache"

    @property
    def index(self) -> Path:
        return self.build_dir / "report" / "index.html"
