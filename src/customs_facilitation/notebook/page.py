"""A report notebook's page: its set-up in one call, and a record of every figure it shows.

A notebook opens its page with its parameters; the page parses them (failing at once on a bad
value), sets up the charts and tables, loads the figures that qualify and says what they are.
Everything shown through the page (sentences, tables, charts) is scanned for the observation ids
it cites, so :meth:`Page.sources` lists the source of every figure shown and cannot miss one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import altair as alt
import pandas as pd

from ..data.load import load_sources, load_units
from . import charts, prose, tables, words
from .figures import load_figures
from .parameters import parse_page_parameters

_TOKEN = re.compile(r"[A-Za-z0-9_.-]+")


@dataclass
class Page:
    """The figures a page may show, its parameters, and the ids of the figures it has shown."""

    figures: pd.DataFrame
    units: pd.DataFrame
    as_of: pd.Timestamp | None
    min_reliability: str
    focus_start: pd.Period | None = None
    focus_end: pd.Period | None = None
    figures_dir: str = ""
    data_dir: str | None = None
    shown: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, as_of: str, min_reliability: str, focus_start: str | None = None,
             focus_end: str | None = None, figures_dir: str = "", data_dir=None) -> Page:
        """Parse the parameters, set up charts and tables, load the figures, show the intro.

        ``data_dir`` reads another data folder than the curated data (tests, a copy of ``data/``).
        """
        parsed = parse_page_parameters(as_of, min_reliability, focus_start, focus_end)
        charts.enable()
        tables.show_whole_tables()
        page = cls(load_figures(as_of=parsed["as_of"], min_reliability=min_reliability, data_dir=data_dir),
                   load_units(data_dir), parsed["as_of"], min_reliability, parsed.get("focus_start"),
                   parsed.get("focus_end"), figures_dir, data_dir)
        page.say(prose.page_intro(page.as_of, min_reliability, page.figures, page.focus))
        return page

    @property
    def focus(self) -> str | None:
        """The period in focus in words ('H1 2025'), or None."""
        return None if self.focus_start is None else words.period(self.focus_start, self.focus_end)

    def in_focus(self, rows: pd.DataFrame) -> pd.DataFrame:
        """The rows whose period is exactly the period in focus."""
        return rows[(rows["period_start"] == self.focus_start) & (rows["period_end"] == self.focus_end)]

    def say(self, text: str) -> None:
        """Show markdown prose (data text escaped) and record the figures it cites."""
        self._record(_TOKEN.findall(text))
        _display(words.markdown(text))

    def table(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Record the figures of a table (its ``id`` column) and return it for display."""
        if "id" in frame.columns:
            self._record(frame["id"])
        return frame

    def chart(self, chart: alt.TopLevelMixin, name: str, title: str, subtitle: str) -> None:
        """Title a chart, put the sources of the figures it plots (its data's ``id``) under it,
        record them, save its spec as ``name``.vl.json in ``figures_dir`` (the build draws its
        PNG and SVG) and show it."""
        plotted = {row["id"] for rows in chart.to_dict().get("datasets", {}).values() for row in rows if "id" in row}
        self._record(plotted)
        used = self.figures[self.figures["observation_id"].isin(plotted)]
        titled = charts.with_titles(chart, title, subtitle, prose.source_line(used))
        charts.save_figure(titled, name, self.figures_dir)
        _display(titled)

    def sources(self) -> pd.DataFrame:
        """The sources behind every figure this page has shown, in words."""
        used = self.figures.loc[self.figures["observation_id"].isin(self.shown), "source_id"]
        sources = load_sources(self.data_dir)
        return tables.source_table(sources[sources["source_id"].isin(used)].sort_values("published_date"))

    def _record(self, candidates) -> None:
        self.shown |= set(candidates) & set(self.figures["observation_id"])


def _display(obj) -> None:
    from IPython.display import display

    display(obj)
