"""Time charts in JupyterLab (not a test): ``.venv/bin/python benchmarks/bench_lab.py``.

Starts ``make lab`` on copies of notebooks in a temporary folder (see ``tests/lab.py``) and drives
it with headless chromium. For each notebook below, several times: restart the kernel, run all
cells, and time, from the restart, until the first chart has drawn its marks (or, for the
floor, until the first output shows). Measured in the same run and printed as ratios:

- floor: a notebook whose one cell is ``1 + 1`` (a kernel start and one execution);
- static: a loader's frame charted with the renderer's static image only (``interactive=False``);
- interactive: the same chart as the Lab kernel draws it (the offline widget: vega is bundled by
  vl-convert at the first chart of each kernel);
- the start-here notebook and notebook 03 as they are: Page set-up, then their first chart.
"""

import statistics
import sys
import tempfile
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from customs_facilitation.paths import REPO_DIR

ROUNDS = 3
CHART = """
import altair as alt
from customs_facilitation import load_observations
from customs_facilitation.notebook import charts
charts.enable(interactive={interactive})
alt.Chart(load_observations(topic="clearance_time")).mark_line().encode(x="period_end:T", y="value:Q")
"""
MADE = {"floor": "1 + 1", "static": CHART.format(interactive=False), "interactive": CHART.format(interactive=True)}
REAL = ["00-start-here.ipynb", "03-clearance-and-aeo.ipynb"]

# Restart the kernel, clear the outputs, run all; resolve with the milliseconds from the restart
# to the kernel answering, to the first output the selector finds, and to the end of the run.
MEASURE = """async (selector) => {
    const app = window.jupyterapp, panel = app.shell.currentWidget;
    const start = performance.now();
    await panel.sessionContext.session.kernel.restart();
    const ready = performance.now();
    await app.commands.execute('notebook:clear-all-cell-outputs');
    const run = app.commands.execute('notebook:run-all-cells');
    await new Promise(resolve => {
        const look = () => document.querySelector(selector) ? resolve() : requestAnimationFrame(look);
        look();
    });
    const shown = performance.now();
    await run;
    return {ready: ready - start, shown: shown - start, all: performance.now() - start};
}"""
DRAWN = ".jp-OutputArea-output .vega-embed svg [class*='role-mark']"
SELECTORS = {"floor": ".jp-OutputArea-output", "static": ".jp-OutputArea-output img[src^='data:image/svg+xml']"}


def made_notebooks(folder: Path) -> list[Path]:
    paths = []
    for name, source in MADE.items():
        path = folder / f"bench-{name}.ipynb"
        notebook = new_notebook(cells=[new_code_cell(source.strip())])
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(notebook, str(path))
        paths.append(path)
    return paths


def measure(browser, lab, name: str, selector: str) -> dict[str, float]:
    """Median seconds over ROUNDS kernel restarts: kernel ready, first output shown, run done."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(lab.url(f"/lab/tree/{name}?reset"))
    page.wait_for_function("() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel"
                           "?.status === 'idle'", timeout=120_000)
    rounds = [page.evaluate(MEASURE, selector) for _ in range(ROUNDS)]
    page.close()
    return {key: statistics.median(r[key] for r in rounds) / 1000 for key in ("ready", "shown", "all")}


def main() -> None:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(REPO_DIR))  # tests/ (the Lab helper and the browser flags) sits beside benchmarks/
    from tests.browser import ARGS, chromium_path
    from tests.lab import Lab

    with tempfile.TemporaryDirectory(prefix="bench-lab-") as tmp:
        notebooks = made_notebooks(Path(tmp)) + [REPO_DIR / "notebooks" / name for name in REAL]
        lab = Lab(Path(tmp) / "lab", notebooks)
        try:
            lab.wait_ready()
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium_path(), args=ARGS)
                results = {name: measure(browser, lab, f"bench-{name}.ipynb", SELECTORS.get(name, DRAWN))
                           for name in MADE}
                results |= {name: measure(browser, lab, name, DRAWN) for name in REAL}
                browser.close()
        finally:
            lab.stop()
    floor = results["floor"]["shown"]
    print(f"median of {ROUNDS} kernel restarts each; seconds from the restart (ratio to the floor)")
    print(f"{'notebook':30} {'kernel ready':>13} {'first shown':>18} {'run done':>10}")
    for name, times in results.items():
        print(f"{name:30} {times['ready']:13.2f} {times['shown']:8.2f} ({times['shown'] / floor:5.2f}x) "
              f"{times['all']:10.2f}")


if __name__ == "__main__":
    main()
