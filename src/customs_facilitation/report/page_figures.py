"""A page's figures as a CSV beside the page: exactly the figures it shows, with their sources.

A report notebook ends with ``page.sources()``, whose output lists the ids of every figure the
page showed (:data:`~customs_facilitation.notebook.page.FIGURES_MIMETYPE`). The report reads that
list from the executed notebook and writes ``NN-topic.csv``: one row per figure, the columns of
``observations.csv`` with the indicator's name, definition and base unit and the source's columns,
every cell exactly as the curated CSVs write it.
"""

from __future__ import annotations

import io
from pathlib import Path

from ..data.package import load_cells_as_written
from ..errors import ReportError
from ..files import write_atomically
from ..notebook.page import FIGURES_MIMETYPE

INDICATOR_COLUMNS = {"name": "indicator_name", "definition": "indicator_definition", "unit": "indicator_base_unit"}
SOURCE_COLUMNS = {"outlet": "source_outlet", "title": "source_title", "url": "source_url",
                  "published_date": "source_published_date", "accessed_date": "source_accessed_date",
                  "language": "source_language", "reliability": "source_reliability"}
"""The indicator's and the source's columns a page's CSV adds to each figure, as named there."""


def figures_shown(nb) -> list[str] | None:
    """The ids of the figures an executed notebook's page showed, or None if it lists none
    (a notebook that does not close with ``page.sources()``).

    Raises:
        ReportError: if the notebook lists its figures more than once.
    """
    lists = [output["data"][FIGURES_MIMETYPE]["figures"] for cell in nb.cells if cell.cell_type == "code"
             for output in cell.get("outputs", []) if FIGURES_MIMETYPE in output.get("data", {})]
    if len(lists) > 1:
        raise ReportError(f"the notebook lists the figures it shows {len(lists)} times (page.sources() is "
                          "called more than once); call it once, at the end")
    return list(lists[0]) if lists else None


def figures_csv(ids: list[str], data_dir=None) -> str:
    """The figures of ``ids`` as CSV text, by id, with their indicators' and sources' columns.

    Raises:
        ReportError: if an id is not a curated figure.
    """
    cells = load_cells_as_written(data_dir)  # as written: no number re-formatted, no date re-written
    observations = cells["observations"]
    unknown = sorted(set(ids) - set(observations["observation_id"]))
    if unknown:
        raise ReportError(f"the page lists figures that are not in observations.csv: {', '.join(unknown)}")
    indicators = cells["indicators"][["indicator_id", *INDICATOR_COLUMNS]].rename(columns=INDICATOR_COLUMNS)
    sources = cells["sources"][["source_id", *SOURCE_COLUMNS]].rename(columns=SOURCE_COLUMNS)
    rows = (observations[observations["observation_id"].isin(ids)]
            .merge(indicators, on="indicator_id", how="left").merge(sources, on="source_id", how="left")
            .sort_values("observation_id"))
    text = io.StringIO()
    rows.to_csv(text, index=False, lineterminator="\n")
    return text.getvalue()


def write_page_figures(ids: list[str] | None, csv: Path, data_dir=None) -> None:
    """Write the CSV of the figures ``ids`` (from :func:`figures_shown`) atomically; for None (a
    page that lists no figures), remove a CSV an earlier run left."""
    if ids is None:
        csv.unlink(missing_ok=True)
    else:
        write_atomically(csv, figures_csv(ids, data_dir))
