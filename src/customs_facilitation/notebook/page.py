"""A report notebook's page: its set-up in one call, and a record of every figure it shows.

A notebook opens its page with its parameters; the page parses them (failing at once on a bad
value), sets up the charts and tables, loads the figures that qualify and says what they are.
Everything shown through the page (sentences, tables, charts) is scanned for the observation ids
it cites, so :meth:`Page.sources` lists the source of every figure shown and cannot miss one (any
curated figure: one a notebook shows beyond those that qualify for the page counts too).
With that list it emits the ids of every figure shown, in a mimetype of its own
(:data:`FIGURES_MIMETYPE`): the report writes them, with their sources, to the page's CSV.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import altair as alt
import pandas as pd

from ..data.load import load_indicators, load_sources, load_units
from ..language import _, choose
from . import charts, prose, tables, words
from .figures import load_figures
from .findings import Finding, as_markdown, as_record
from .parameters import parse_page_parameters
from .table_html import SOURCE_ANCHOR, table_html, table_id, table_summary, table_text

_TOKEN = re.compile(r"[A-Za-z0-9_.-]+")
FIGURE_COLUMNS = ("id", "observation_id")
"""Columns that name the figures a chart plots: the page's own ``id``, the loaders'
``observation_id``."""
FINDINGS_MIMETYPE = "application/vnd.customs-facilitation.findings+json"
"""The output of :meth:`Page.findings`: ``{"findings": [{statement, ids, caveat, kind, outcome}]}``;
the report writes every page's findings to ``findings.csv``."""
FOLD_ROWS = 12
"""A table of more rows is folded under a summary (a reference table): the page shows its story first."""
FIGURES_MIMETYPE = "application/vnd.customs-facilitation.figures+json"
"""The output of :meth:`Page.sources` that lists the figures the page showed and their sources:
``{"figures": [ids], "sources": [ids]}``, sorted. Renderers that do not know it ignore it."""


@dataclass
class Page:
    """The figures a page may show, its parameters, and the ids of the figures it has shown."""

    figures: pd.DataFrame
    units: pd.DataFrame
    as_of: pd.Timestamp | None
    min_reliability: str
    focus_start: pd.Period | None = None
    focus_end: pd.Period | None = None
    charts_dir: str = ""
    data_dir: str | None = None
    shown: set[str] = field(default_factory=set)
    shown_sources: set[str] = field(default_factory=set)
    table_ids: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, as_of: str, min_reliability: str, focus_start: str | None = None,
             focus_end: str | None = None, charts_dir: str = "", data_dir=None, language: str = "en") -> Page:
        """Parse the parameters, choose the page's language, set up charts and tables, load the
        figures, show the intro.

        ``data_dir`` reads another data folder than the curated data (tests, a copy of ``data/``).
        """
        parsed = parse_page_parameters(as_of, min_reliability, focus_start, focus_end, language)
        choose(language)
        charts.enable()
        page = cls(load_figures(as_of=parsed["as_of"], min_reliability=min_reliability, data_dir=data_dir),
                   load_units(data_dir), parsed["as_of"], min_reliability, parsed.get("focus_start"),
                   parsed.get("focus_end"), charts_dir, data_dir)
        undated = 0
        if page.as_of is not None:
            sources = page.all_sources
            without_date = sources.loc[sources["published_date"].isna(), "source_id"]
            everything = load_figures(min_reliability=min_reliability, data_dir=data_dir)
            undated = int(everything["source_id"].isin(without_date).sum())
        page.say(prose.page_intro(page.as_of, min_reliability, page.figures, page.focus, undated))
        return page

    @functools.cached_property
    def curated(self) -> pd.DataFrame:
        """Every curated figure, whether or not it qualifies for the page (as :attr:`figures`)."""
        return load_figures(data_dir=self.data_dir)

    @functools.cached_property
    def all_sources(self) -> pd.DataFrame:
        """Every curated source, read once for the page."""
        return load_sources(self.data_dir)

    @functools.cached_property
    def indicators(self) -> pd.DataFrame:
        """Every indicator, read once for the page."""
        return load_indicators(self.data_dir)

    @functools.cached_property
    def definitions(self) -> dict[str, str]:
        """Each indicator's definition, by id."""
        return dict(zip(self.indicators["indicator_id"], self.indicators[words.localized("definition")]))

    @functools.cached_property
    def names(self) -> dict[str, str]:
        """Each indicator's name, by id (for an indicator none of whose figures qualify, too)."""
        return dict(zip(self.indicators["indicator_id"], self.indicators[words.localized("name")]))

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

    def table(self, frame: pd.DataFrame, filters: tuple[str, ...] = ()) -> None:
        """Record the figures and sources a table names (in any of its cells: an id column, a list
        of ids, a check's figures) and show it as a publication table; with ``filters`` (columns),
        an interactive one that sorts, searches and filters by those columns (see :mod:`.table_html`)."""
        for column in frame.columns:
            self._record(token for cell in frame[column].dropna() for token in _TOKEN.findall(str(cell)))
        long = not filters and len(frame) > FOLD_ROWS  # an interactive table pages itself
        html = table_html(frame, html_id=self._table_id(frame), filters=tuple(filters),
                          definitions=self.definitions,
                          linkable={"source_id": set(self.all_sources["source_id"]),
                                    "indicator_id": set(self.definitions)},
                          fold=_("Show the table: {what}").format(what=table_summary(frame)) if long else "")
        _display_bundle({"text/html": html, "text/plain": table_text(frame)})

    def chart(self, chart: alt.TopLevelMixin, name: str, title: str, subtitle: str) -> None:
        """Title a chart, put the sources of the figures it plots (its data's ``FIGURE_COLUMNS``, or
        ``source_id`` for rows that are not figures) under it, record them, save its spec as
        ``name``.vl.json in ``charts_dir`` (the build draws its PNG and SVG) and show it. A chart
        whose data has no row (no figure qualifies: an early ``as_of``) is not drawn; the page says so."""
        datasets = chart.to_dict().get("datasets", {})
        if datasets and not any(datasets.values()):
            self.say(_("{title}: no figure qualifies for this page, so there is no chart.").format(title=title))
            return
        rows = [row for data in datasets.values() for row in data]
        plotted = {row[column] for row in rows for column in FIGURE_COLUMNS if column in row}
        named = {row["source_id"] for row in rows if "source_id" in row}
        self._record(plotted | named)
        used = self.curated[self.curated["observation_id"].isin(plotted)]
        titled = charts.with_titles(chart, title, subtitle, prose.source_line(used, self._sources(named)))
        titled = titled.properties(usermeta={"name": name})  # the name its files go by (downloads)
        charts.save_chart(titled, name, self.charts_dir)
        _display(titled)

    def findings(self, *found: Finding | None) -> None:
        """Show what the page found (those that could be computed from the figures that qualify),
        each with its ids and caveat, record their figures, and emit them as a record
        (:data:`FINDINGS_MIMETYPE`)."""
        kept = [f for f in found if f is not None]
        self._record(token for f in kept for token in f.ids)
        text = as_markdown(kept) or _("No finding can be computed from the figures that qualify for this page.")
        _display_bundle({"text/markdown": words.markdown(text).data, "text/plain": text,
                         FINDINGS_MIMETYPE: {"findings": [as_record(f) for f in kept]}})

    def cited_sources(self) -> pd.DataFrame:
        """The sources behind every figure (and named source) this page has shown, in words."""
        used = set(self.curated.loc[self.curated["observation_id"].isin(self.shown), "source_id"])
        return tables.source_table(self._sources(used | self.shown_sources).sort_values("published_date"))

    def sources(self) -> None:
        """Show :meth:`cited_sources` (each row the target of the links to its source) with the ids
        of every figure shown and their sources (:data:`FIGURES_MIMETYPE`)."""
        cited = self.cited_sources()
        _display_bundle({
            "text/html": table_html(cited, html_id=self._table_id(cited), anchors={"source": SOURCE_ANCHOR},
                                    fold=_("Show the {count} sources of this page's figures").format(count=len(cited))),
            "text/plain": table_text(cited),
            FIGURES_MIMETYPE: {"figures": sorted(self.shown), "sources": sorted(cited["source"])},
        })

    def _table_id(self, frame: pd.DataFrame) -> str:
        """An id for the next table, unique on this page."""
        new = table_id(frame, self.table_ids)
        self.table_ids.add(new)
        return new

    def _sources(self, ids) -> pd.DataFrame:
        return self.all_sources[self.all_sources["source_id"].isin(set(ids))]

    def _record(self, candidates) -> None:
        candidates = set(candidates)
        self.shown |= candidates & set(self.curated["observation_id"])
        self.shown_sources |= candidates & set(self.all_sources["source_id"])


def _display(obj) -> None:
    from IPython.display import display

    display(obj)


def _display_bundle(bundle: dict) -> None:
    """Show an output given as mimetype -> data."""
    from IPython.display import display

    display(bundle, raw=True)
