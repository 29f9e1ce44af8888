"""The report's index pages: the story of the latest figures, every page of every parameter set,
the downloads, the sources and how to cite; one index per language a parameter set is written in
(``index.html``, ``index.zh.html``: :func:`~.html.index_name`), each listing the sets of its
language and linking the others.

``write_index`` also writes what the indexes link to (the data dictionary, the data bundle and
``CITATION.cff``) and removes the pages of notebooks or parameter sets that no longer exist.

The index's messages are HTML: a translation keeps their markup (links, ``<code>``) as it is.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import shutil
import subprocess
from pathlib import Path

import pandas as pd

from ..data.load import RELIABILITY_TIERS, load_sources
from ..data.package import data_version
from ..errors import ReportError
from ..files import replacing, write_atomically
from ..language import HTML_LANG, LANGUAGES, _, current, use
from ..notebook import words
from ..notebook.charts import chart_title
from ..notebook.figures import load_figures
from ..notebook.table_html import short_address
from ..paths import REPO_DIR
from .assets import site_css
from .bundle import write_bundle
from .catalog import markdown_message
from .chart_files import SPEC_SUFFIX
from .dictionary import render_dictionary
from .findings import build_findings, findings_csv, strongest_html
from .html import index_name
from .inputs import Notebook, ParameterSet, _source, first_heading, page_language, read_report_inputs
from .layout import CHARTS_FOLDER, Layout
from .story import in_english, story_html

BUNDLE_NAME = "customs-facilitation-data.zip"
CITATION_NAME = "CITATION.cff"
DICTIONARY_NAME = "dictionary.html"
FINDINGS_NAME = "findings.csv"
REPORT_TITLE = "Customs facilitation: curated indicators of China's cross-border trade facilitation"
"""The report's title as it is cited (CITATION.cff), the same in every language."""
EDITIONS = {"en": "English edition", "zh": "中文版"}
"""Each language's edition of the report, named in its own language: the link to its index from the others."""


def set_language(param_set: ParameterSet) -> str:
    """The language a parameter set's pages are written in (its ``language`` parameter; English if none)."""
    return param_set.parameters.get("language", "en")


def editions(param_sets) -> list[str]:
    """The languages the report has an index in: English, and each language a parameter set is written in."""
    written = {set_language(s) for s in param_sets}
    return [language for language in LANGUAGES if language == "en" or language in written]


def opening_set(param_sets, language: str) -> str | None:
    """The set whose findings an index opens with: the language's default set (``default``,
    ``default-zh``...), else its first set; None if no set is written in the language."""
    names = [s.name for s in param_sets if set_language(s) == language]
    default = "default" if language == "en" else f"default-{language}"
    return default if default in names else next(iter(names), None)


def write_index(notebooks_dir, params_dir, build_dir) -> Path:
    """Write ``build/report/index.html`` and the index of every other language a set is written in
    (``index.zh.html``; temp file + rename), and remove pages of notebooks or sets that no longer
    exist (and the index of a language no set is written in any more). Raises ReportError if a page
    is missing. Returns the English index."""
    notebooks, param_sets = read_report_inputs(notebooks_dir, params_dir)
    layout = Layout(Path(build_dir))
    missing = [str(layout.page(s.name, nb.name)) for s in param_sets for nb in notebooks
               if not layout.page(s.name, nb.name).exists()]
    if missing:
        raise ReportError("cannot write the index: page(s) not built: " + ", ".join(missing))
    _remove_stale_pages(layout, notebooks, param_sets)
    report_dir, version = layout.index.parent, data_version()
    languages = editions(param_sets)
    write_atomically(report_dir / DICTIONARY_NAME, render_dictionary(version_of_data=version, editions=languages))
    write_bundle(report_dir / BUNDLE_NAME)
    with replacing(report_dir / CITATION_NAME) as tmp:
        shutil.copyfile(REPO_DIR / CITATION_NAME, tmp)
    csvs = {(s.name, nb.name) for s in param_sets for nb in notebooks if layout.figures_csv(s.name, nb.name).exists()}
    charts = {s.name: chart_titles(layout.charts(s.name)) for s in param_sets}
    found = build_findings(layout, notebooks, param_sets)
    write_atomically(report_dir / FINDINGS_NAME, findings_csv(found))
    sources = load_sources()
    for language in languages:
        first_set = opening_set(param_sets, language)
        with use(language):
            opening = (strongest_html(found, first_set) if first_set else "") + story_html(load_figures())
            text = render_index(notebooks, param_sets, sources, version, opening, csvs, charts, language=language)
        write_atomically(report_dir / index_name(language), text)
    for language in set(LANGUAGES) - set(languages):
        stale = report_dir / index_name(language)
        if stale.exists():
            stale.unlink()
            print(f"removed stale index {stale}")
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
                 csvs: set[tuple[str, str]] = frozenset(), charts: dict | None = None, language: str = "en") -> str:
    """The index page in ``language``: the story, one section per parameter set written in that
    language, the downloads, the source list and how to cite, with a link to the index of each other
    language a set is written in. ``csvs`` names the (set, notebook) pages that have a CSV of their
    figures; ``charts`` each set's charts, (name, title), whose files the set's section links."""
    with use(language):
        sets_html = [_set_section(s, notebooks, csvs, (charts or {}).get(s.name, []), language)
                     for s in param_sets if set_language(s) == language]
        rows = [_source_row(row) for row in sources.sort_values(["published_date", "outlet"]).itertuples()]
        tiers = {tier: f"<code>{html.escape(words.value(tier))}</code>" for tier in RELIABILITY_TIERS}
        title = _("Customs facilitation report")
        intro = _("Curated, sourced figures on China's cross-border trade facilitation, with the trade totals they\n"
                  "sit in. Every figure names its source; <a href=\"{dictionary}\">the data dictionary</a> says what\n"
                  "each table, column and indicator means.").format(dictionary=DICTIONARY_NAME)
        variants = _("Each parameter set below is one variant of the report; every page is self-contained and works "
                     "offline,\nand links a CSV of the figures it shows.")
        downloads = [
            _("<a href=\"{bundle}\">The data bundle</a> (zip): every curated table, <code>datapackage.json</code>,\n"
              "the held source texts, a README listing every source, and <code>CITATION.cff</code>.").format(
                bundle=BUNDLE_NAME),
            _("<a href=\"{citation}\"><code>CITATION.cff</code></a>: how to cite the data.").format(
                citation=CITATION_NAME),
            _("<a href=\"{findings}\"><code>{findings}</code></a>: every finding of every page and variant, with\n"
              "the ids of the figures it rests on and its caveat.").format(findings=FINDINGS_NAME),
            _("<a href=\"{dictionary}\">The data dictionary</a>: every table and column with its type, unit and\n"
              "allowed values; every indicator with its definition.").format(dictionary=DICTIONARY_NAME)]
        reliability = _("Every figure in the report points to one of these sources. Reliability runs from\n"
                        "{official} (most reliable) through {state_media}, {repost} and\n"
                        "{secondary} to {low}.").format(**tiers)
        headers = [_("Outlet"), _("Title"), _("Address"), _("Published"), _("Reliability")]
        cite = _("This report collects figures that others published; cite a figure by its original source\n"
                 "(outlet, title, date and URL above), and cite this report for the selection, the derived figures\n"
                 "and the charts: {citation}").format(citation=_citation(version_of_data))
        headings = {"report": _("The report"), "downloads": _("Downloads"), "sources": _("Sources"),
                    "cite": _("How to cite")}
        others = _other_editions(param_sets, language)
    newline = "\n"
    return f"""<!DOCTYPE html>
<html lang="{HTML_LANG[language]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title}</title>
<style>
{site_css()}</style>
</head>
<body>
{others}<h1>{title}</h1>
<p>{intro}</p>
{story}
<section id="variants"><h2>{headings["report"]}</h2>
<p>{variants}</p>
{newline.join(sets_html)}
</section>
<section id="downloads"><h2>{headings["downloads"]}</h2>
<ul>
{newline.join(f"<li>{item}</li>" for item in downloads)}
</ul></section>
<section id="sources"><h2>{headings["sources"]}</h2>
<p>{reliability}</p>
<div class="scroll"><table>
<thead><tr><th scope="col">{headers[0]}</th><th scope="col">{headers[1]}</th><th scope="col">{headers[2]}</th>
<th scope="col">{headers[3]}</th><th scope="col">{headers[4]}</th></tr></thead>
<tbody>
{newline.join(rows)}
</tbody>
</table></div></section>
<section id="how-to-cite"><h2>{headings["cite"]}</h2>
<p>{cite}</p></section>
</body>
</html>
"""


def _other_editions(param_sets, language: str) -> str:
    """Links to the index of each other language a set is written in, each named in its language
    (a line of its own at the top of the page; nothing if there is none)."""
    links = [f'<a href="{index_name(other)}" hreflang="{HTML_LANG[other]}" lang="{HTML_LANG[other]}">'
             f"{html.escape(EDITIONS[other])}</a>" for other in editions(param_sets) if other != language]
    if not links:
        return ""
    label = html.escape(_("Other languages"))
    return f'<nav class="editions" aria-label="{label}">{" · ".join(links)}</nav>\n'


def page_title(notebook: Notebook, language: str) -> str:
    """A notebook's title in ``language``: the first '# ' heading of its markdown cells as the
    catalog translates them (:func:`.catalog.translate_markdown` puts the same text on the page)."""
    if language == "en":
        return notebook.title
    cells = json.loads(notebook.path.read_text(encoding="utf-8"))["cells"]
    with use(language):
        for cell in cells:
            message = markdown_message(_source(cell)) if cell.get("cell_type") == "markdown" else ""
            heading = first_heading([{"cell_type": "markdown", "source": _(message)}]) if message else None
            if heading:
                return heading
    return notebook.title


def _set_section(param_set: ParameterSet, notebooks, csvs: set[tuple[str, str]] = frozenset(),
                 charts: list[tuple[str, str]] = (), language: str = "en") -> str:
    """A parameter set's section: its title, description, values, a link to each page (and its CSV)
    and, folded, the downloads of each of its charts. A page in another language than the index's
    (the start-here notebook stays English) says its language."""
    e, name = html.escape, html.escape(param_set.name)
    shown = _(", ").join(f"<code>{e(k)} = {e(json.dumps(v, ensure_ascii=False))}</code>"
                      for k, v in param_set.parameters.items()) or _("the notebooks' defaults")
    analysis = [nb for nb in notebooks if not nb.name.startswith(APPENDIX_PREFIX)]
    appendix = [nb for nb in notebooks if nb.name.startswith(APPENDIX_PREFIX)]
    items, its_csv = [], _("its figures, CSV")
    untranslated = {nb.name.split("-")[0] for nb in notebooks if page_language(nb, param_set) != language}
    for nb in analysis + appendix:
        written_in = page_language(nb, param_set)
        title = e(page_title(nb, written_in))
        other = f' hreflang="{HTML_LANG[written_in]}"' if written_in != language else ""
        if other:  # the start-here notebook: English on every index, named by its file on another
            title = _("{name}, a page in English").format(name=f"<code>{e(nb.name)}</code>")
        label = _("Appendix: {title}").format(title=title) if nb in appendix else title
        csv = (_(" ({link})").format(link=f'<a href="{name}/{e(nb.name)}.csv">{its_csv}</a>')
               if (param_set.name, nb.name) in csvs else "")
        items.append(f'<li><a href="{name}/{e(nb.name)}.html"{other}>{label}</a>{csv}</li>')
    pages = "\n".join(items)
    return (f'<section id="set-{name}"><h3>{e(param_set.title)}</h3>\n'
            + (f"<p>{e(param_set.description)}</p>\n" if param_set.description else "")
            + '<p class="params">' + _("Parameter set {name}: {values}.").format(name=f"<code>{name}</code>",
                                                                                values=shown)
            + f"</p>\n<ol>\n{pages}\n</ol>" + _chart_downloads(name, charts, untranslated) + "</section>")


APPENDIX_PREFIX = "00-"
"""Notebook 00 is the tour of the package, for JupyterLab: the report opens with the analysis and
keeps the tour as an appendix on using the data."""


def _chart_downloads(set_name: str, charts: list[tuple[str, str]], untranslated: set[str] = frozenset()) -> str:
    """A folded list of a set's charts, each with links to its PNG, SVG and data (CSV); a chart of a
    page in another language than the index's (its name begins with that page's number, in
    ``untranslated``) is named by its file."""
    if not charts:
        return ""
    folder = f"{set_name}/{CHARTS_FOLDER}"

    def named(chart: str, title: str) -> str:
        if chart.split("-")[0] in untranslated:
            return _("{name}, a page in English").format(name=f"<code>{html.escape(chart)}</code>")
        return html.escape(title)

    items = "\n".join(
        "<li>" + _("{title}: {links}").format(title=named(chart, title), links=" · ".join(
            f'<a href="{folder}/{html.escape(chart)}.{ext}" download>{label}</a>'
            for ext, label in (("png", "PNG"), ("svg", "SVG"), ("csv", _("data (CSV)"))))) + "</li>"
        for chart, title in charts)
    summary = _("Download its charts ({count})").format(count=len(charts))
    return f"\n<details><summary>{summary}</summary>\n<ul>\n{items}\n</ul></details>"


def _source_row(row) -> str:
    """One source as a table row: outlet, title, link, publication date, reliability."""
    e = html.escape
    url = row.url if isinstance(row.url, str) and row.url else None
    link = f'<a href="{e(url)}" title="{e(url)}">{e(short_address(url))}</a>' if url else "<i>{}</i>".format(
        _("no URL kept"))
    published = ("" if pd.isna(row.published_date) else row.published_date.strftime("%Y-%m-%d")) if current() == "en" \
        else words.date(row.published_date)  # a Chinese reader reads 2025年7月14日; an undated source says so
    return (f"<tr><td>{in_english(str(row.outlet))}</td><td>{in_english(str(row.title))}</td><td>{link}</td>"
            f"<td>{published}</td><td>{e(words.value(str(row.reliability)))}</td></tr>")


def _citation(version_of_data: str) -> str:
    """How to cite the report: package version, git commit, data version and build date."""
    e = html.escape
    version, commit, today = _package_version(), _git_commit(), dt.date.today().isoformat()
    return (_("customs-facilitation contributors ({year}). <i>{title}</i>, report version {version}").format(
                year=today[:4], title=e(REPORT_TITLE), version=e(version))
            + (_(", commit <code>{commit}</code>").format(commit=e(commit)) if commit else "")
            + _(", data version <code>{data_version}</code> (a content hash of data/), built {date}. Name the "
                "parameter set (the section title above) whose pages you cite; CITATION.cff in the repository "
                "and <code>make bundle</code> give the data in citable form.").format(
                data_version=e(version_of_data), date=today))


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
