"""What a report page's extras cost against exporting the page itself: the CSV of its figures (read
from the executed notebook and written with its sources), the stylesheet and DataTables, and the
tables drawn by Great Tables against pandas' own HTML of the same frame.

Run after ``make report``: .venv/bin/python benchmarks/bench_page_extras.py [--repeat 5]
Each step runs ``--repeat`` times in this process; the median is printed with its ratio to the
page's export (nbconvert) measured in the same run, and the sizes of the page, its CSV and the
DataTables bundle.
"""

import argparse
from pathlib import Path

import nbformat
from timing import median_seconds  # benchmarks/timing.py, beside this script

from customs_facilitation.notebook import tables
from customs_facilitation.notebook.figures import load_figures
from customs_facilitation.notebook.table_html import table_html
from customs_facilitation.report.assets import add_assets, datatables_bundle
from customs_facilitation.report.html import export_html
from customs_facilitation.report.page_figures import figures_csv, figures_shown

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    executed = REPO / "build" / "executed" / "default" / "04-sources-and-checks.ipynb"
    if not executed.exists():
        raise SystemExit(f"{executed} is missing: run make report first")
    nb = nbformat.read(str(executed), as_version=4)
    ids = figures_shown(nb)
    page = export_html(nb, executed)  # the first export also reads the vega bundle, as a build does once
    export = median_seconds(lambda: export_html(nb, executed), args.repeat)
    datatables_bundle()
    figures = load_figures()
    frame = tables.figure_table(figures)
    interactive = table_html(frame, html_id="t", filters=("period", "reliability"))
    steps = {
        "read the page's figures from the notebook": lambda: figures_shown(nb),
        f"write the CSV of its {len(ids)} figures": lambda: figures_csv(ids),
        "add the stylesheet and DataTables to a page with that table": lambda: add_assets(
            f"<html><head></head><body>{interactive}</body></html>"),
        f"draw the table of {len(frame)} figures (Great Tables)": lambda: table_html(frame, html_id="t"),
        "the same frame as pandas' HTML (what pages showed before)": lambda: frame.to_html(),
    }
    print(f"export of page 04 (nbconvert, with the vega bundle): {export * 1000:.0f} ms (ratio 1)")
    for name, step in steps.items():
        seconds = median_seconds(step, args.repeat)
        print(f"{name}: {seconds * 1000:.1f} ms (ratio {seconds / export:.3f})")
    script, style = datatables_bundle()
    print(f"sizes: page 04 {len(page) / 1e6:.2f} MB, of which DataTables {(len(script) + len(style)) / 1e6:.2f} MB "
          f"(base64 script and stylesheet); its CSV {len(figures_csv(ids)) / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
