"""The report's index page: the story of the latest figures, every page of every parameter set,
the downloads, the sources and how to cite.

``write_index`` also writes what the index links to (the data dictionary, the data bundle and
``CITATION.cff``) and removes the pages of notebooks or parameter sets that no longer exist.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import shutil
import subprocess
from pathlib import Path

import pandas as pd

from ..data.load import load_sources
from ..data.package import data_version
from ..errors import ReportError
from ..files import replacing, write_atomically
from ..notebook.charts import chart_title
from ..notebook.figures import load_figures
from ..notebook.table_html import short_address
from ..paths import REPO_DIR
from .assets import site_css
from .bundle import write_bundle
from .chart_files import SPEC_SUFFIX
from .dictionary import render_dictionary
from .findings import build_findings, findings_csv, strongest_html
from .inputs import ParameterSet, read_report_inputs
from .layout import CHARTS_FOLDER, Layout
from .story import story_html

BUNDLE_NAME = "customs-facilitation-data.zip"
CITATION_NAME = "CITATION.cff"
DICTIONARY_NAME = "dictionary.html"
FINDINGS_NAME = "findings.csv"


def write_index(notebooks_dir, params_dir, build_dir) -> Path:
    """Write ``build/report/index.html`` (temp file + rename) and remove pages of notebooks or
    sets that no longer exist. Raises ReportError if a page is missing."""
    notebooks, param_sets = read_report_inputs(notebooks_dir, params_dir)
    layout = Layout(Path(build_dir))
    missing = [str(layout.page(s.name, nb.name)) for s in param_sets for nb in notebooks
               if not layout.page(s.name, nb.name).exists()]
    if missing:
        raise ReportError("cannot write the index: page(s) not built: " + ", ".join(missing))
    _remove_stale_pages(layout, notebooks, param_sets)
    report_dir, version = layout.index.parent, data_version()
    write_atomically(report_dir / DICTIONARY_NAME, render_dictionary(version_of_data=version))
    write_bundle(report_dir / BUNDLE_NAME)
    with replacing(report_dir / CITATION_NAME) as tmp:
        shutil.copyfile(REPO_DIR / CITATION_NAME, tmp)
    csvs = {(s.name, nb.name) for s in param_sets for nb in notebooks if layout.figures_csv(s.name, nb.name).exists()}
    charts = {s.name: chart_titles(layout.charts(s.name)) for s in param_sets}
    found = build_findings(layout, notebooks, param_sets)
    write_atomically(report_dir / FINDINGS_NAME, findings_csv(found))
    first_set = next((s.name for s in param_sets if s.name == "default"), param_sets[0].name)
    opening = strongest_html(found, first_set) + story_html(load_figures())
    text = render_index(notebooks, param_sets, load_sources(), version, opening, csvs, charts)
    write_atomically(layout.index, text)
    return layout.index


def _remove_stale_pages(layout: Layout, notebooks, param_sets) -> None:
    wanted = {layout.page(s.name, nb.name) for s in param_sets for nb in notebooks}
    report_dir = layout.index.parent
    wanted |= {page.with_suffix(".csv") for page in wanted}
    for page in sorted([*report_dir.glob("*/*.html"), *report_dir.glob("*/*.csv")]):
        if page not in wanted:
            page.unlink()
            print(f"removed stale page {page}")
    for folder in report_dir.iterdir():
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def chart_titles(folder: Path) -> list[tuple[str, str]]:
    """(name, title) of every chart whose files are in ``folder``, by name."""
    return [(spec.name.removesuffix(SPEC_SUFFIX), chart_title(json.loads(spec.read_text(encoding="utf-8"))))
            for spec in sorted(folder.glob(f"*{SPEC_SUFFIX}"))]


def render_index(notebooks, param_sets, sources, version_of_data: str, story: str = "",
                 csvs: set[tuple[str, str]] = frozenset(), charts: dict | None = None) -> str:
    """The index page: the story, one section per parameter set, the downloads, the source list and
    how to cite. ``csvs`` names the (set, notebook) pages that have a CSV of their figures;
    ``charts`` each set's charts, (name, title), whose files the set's section links."""
    sets_html = [_set_section(s, notebooks, csvs, (charts or {}).get(s.name, [])) for s in param_sets]
    rows = [_source_row(row) for row in sources.sort_values(["published_date", "outlet"]).itertuples()]
    cite = _citation(version_of_data)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Customs facilitation report</title>
<style>
{site_css()}</style>
</head>
<body>
<h1>Customs facilitation report</h1>
<p>Curated, sourced figures on China's cross-border trade facilitation, with the trade totals they
sit in. Every figure names its source; <a href="{DICTIONARY_NAME}">the data dictionary</a> says what
each table, column and indicator means.</p>
{story}
<section id="variants"><h2>The report</h2>
<p>Each parameter set below is one variant of the report; every page is self-contained and works offline,
and links a CSV of the figures it shows.</p>
{chr(10).join(sets_html)}
</section>
<section id="downloads"><h2>Downloads</h2>
<ul>
<li><a href="{BUNDLE_NAME}">The data bundle</a> (zip): every curated table, <code>datapackage.json</code>,
the held source texts, a README listing every source, and <code>CITATION.cff</code>.</li>
<li><a href="{CITATION_NAME}"><code>CITATION.cff</code></a>: how to cite the data.</li>
<li><a href="{FINDINGS_NAME}"><code>{FINDINGS_NAME}</code></a>: every finding of every page and variant, with
the ids of the figures it rests on and its caveat.</li>
<li><a href="{DICTIONARY_NAME}">The data dictionary</a>: every table and column with its type, unit and
allowed values; every indicator with its definition.</li>
</ul></section>
<section id="sources"><h2>Sources</h2>
<p>Every figure in the report points to one of these sources. Reliability runs from
<code>official</code> (most reliable) through <code>state_media</code>, <code>repost</code> and
<code>secondary</code> to <code>low</code>.</p>
<div class="scroll"><table>
<thead><tr><th scope="col">Outlet</th><th scope="col">Title</th><th scope="col">Address</th>
<th scope="col">Published</th><th scope="col">Reliability</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table></div></section>
<section id="how-to-cite"><h2>How to cite</h2>
<p>This report collects figures that others published; cite a figure by its original source
(outlet, title, date and URL above), and cite this report for the selection, the derived figures
and the charts: {cite}</p></section>
</body>
</html>
"""


def _set_section(param_set: ParameterSet, notebooks, csvs: set[tuple[str, str]] = frozenset(),
                 charts: list[tuple[str, str]] = ()) -> str:
    """A parameter set's section: its title, description, values, a link to each page (and its CSV)
    and, folded, the downloads of each of its charts."""
    e, name = html.escape, html.escape(param_set.name)
    shown = ", ".join(f"<code>{e(k)} = {e(json.dumps(v, ensure_ascii=False))}</code>"
                      for k, v in param_set.parameters.items()) or "the notebooks' defaults"
    analysis = [nb for nb in notebooks if not nb.name.startswith(APPENDIX_PREFIX)]
    appendix = [nb for nb in notebooks if nb.name.startswith(APPENDIX_PREFIX)]
    label = {nb.name: ("Appendix: " if nb in appendix else "") + nb.title for nb in notebooks}
    pages = "\n".join(f'<li><a href="{name}/{e(nb.name)}.html">{e(label[nb.name])}</a>'
                      + (f' (<a href="{name}/{e(nb.name)}.csv">its figures, CSV</a>)'
                         if (param_set.name, nb.name) in csvs else "") + "</li>" for nb in analysis + appendix)
    return (f'<section id="set-{name}"><h3>{e(param_set.title)}</h3>\n'
            + (f"<p>{e(param_set.description)}</p>\n" if param_set.description else "")
            + f'<p class="params">Parameter set <code>{name}</code>: {shown}.</p>\n<ol>\n{pages}\n</ol>'
            + _chart_downloads(name, charts) + "</section>")


APPENDIX_PREFIX = "00-"
"""Notebook 00 is the tour of the package, for JupyterLab: the report opens with the analysis and
keeps the tour as an appendix on using the data."""


def _chart_downloads(set_name: str, charts: list[tuple[str, str]]) -> str:
    """A folded list of a set's charts, each with links to its PNG, SVG and data (CSV)."""
    if not charts:
        return ""
    folder = f"{set_name}/{CHARTS_FOLDER}"
    items = "\n".join(
        f"<li>{html.escape(title)}: " + " · ".join(
            f'<a href="{folder}/{html.escape(chart)}.{ext}" download>{label}</a>'
            for ext, label in (("png", "PNG"), ("svg", "SVG"), ("csv", "data (CSV)"))) + "</li>"
        for chart, title in charts)
    return f"\n<details><summary>Download its charts ({len(charts)})</summary>\n<ul>\n{items}\n</ul></details>"


def _source_row(row) -> str:
    """One source as a table row: outlet, title, link, publication date, reliability."""
    e = html.escape
    url = row.url if isinstance(row.url, str) and row.url else None
    link = f'<a href="{e(url)}" title="{e(url)}">{e(short_address(url))}</a>' if url else "<i>no URL kept</i>"
    published = "" if pd.isna(row.published_date) else row.published_date.strftime("%Y-%m-%d")
    return (f"<tr><td>{e(str(row.outlet))}</td><td>{e(str(row.title))}</td><td>{link}</td>"
            f"<td>{published}</td><td>{e(str(row.reliability))}</td></tr>")


def _citation(version_of_data: str) -> str:
    """How to cite the report: package version, git commit, data version and build date."""
    e = html.escape
    version, commit, today = _package_version(), _git_commit(), dt.date.today().isoformat()
    return (f"customs-facilitation contributors ({today[:4]}). <i>Customs facilitation: curated indicators "
            f"of China's cross-border trade facilitation</i>, report version {e(version)}"
            + (f", commit <code>{e(commit)}</code>" if commit else "")
            + f", data version <code>{e(version_of_data)}</code> (a content hash of data/), built {today}. "
            "Name the parameter set (the section title above) whose pages you cite; CITATION.cff in the "
            "repository and <code>make bundle</code> give the data in citable form.")


def _package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("customs-facilitation")
    except PackageNotFoundError:
        return "unknown"


def _git_commit() -> str | None:
    try:
        done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_DIR, capture_output=True,
                              text=True, timeout=10, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None
