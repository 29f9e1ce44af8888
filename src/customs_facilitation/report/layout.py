"""Where the report build writes: executed notebooks, HTML pages, the figures' CSVs and charts, per set."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CHARTS_FOLDER = "charts"
"""The folder beside a set's pages that holds its charts' files (pages link them by this name)."""


@dataclass(frozen=True)
class Layout:
    """The build folder's layout."""

    build_dir: Path

    def executed(self, set_name: str, notebook_name: str) -> Path:
        return self.build_dir / "executed" / set_name / f"{notebook_name}.ipynb"

    def failed(self, set_name: str, notebook_name: str) -> Path:
        """Where a failed run's executed notebook (with its traceback) is kept for reading."""
        return self.executed(set_name, notebook_name).with_suffix(".failed.ipynb")

    def key(self, set_name: str, notebook_name: str) -> Path:
        """The key of everything the run read, written once its page and notebook are in place."""
        return self.executed(set_name, notebook_name).with_suffix(".key")

    def page(self, set_name: str, notebook_name: str) -> Path:
        return self.build_dir / "report" / set_name / f"{notebook_name}.html"

    def figures_csv(self, set_name: str, notebook_name: str) -> Path:
        """The figures a page shows, with their sources, beside the page."""
        return self.page(set_name, notebook_name).with_suffix(".csv")

    def charts(self, set_name: str) -> Path:
        """Each chart's spec, PNG, SVG and data (CSV), in the report beside its pages, which link them."""
        return self.build_dir / "report" / set_name / CHARTS_FOLDER

    def output_folders(self) -> list[Path]:
        """Every folder a run writes into (where a killed build may have left temporary files)."""
        found = [self.build_dir / "report", self.cache / "charts"]
        for kind in ("executed", "report"):
            found += sorted(p for p in (self.build_dir / kind).glob("*") if p.is_dir())
        found += sorted(p for p in (self.build_dir / "report").glob(f"*/{CHARTS_FOLDER}") if p.is_dir())
        return found

    @property
    def cache(self) -> Path:
        return self.build_dir / "cache"

    @property
    def lock(self) -> Path:
        return self.build_dir / ".lock"

    @property
    def index(self) -> Path:
        return self.build_dir / "report" / "index.html"
