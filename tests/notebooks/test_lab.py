"""Exploring in JupyterLab: ``make lab`` on copies of the report notebooks, driven by chromium.

A notebook just opened shows its charts (static images) and is not modified by opening and
saving; Run All draws every chart as an interactive widget (tooltips) with no error output; and
no request leaves the machine. The server is started with ``make lab`` on a free 127.0.0.1 port
with a token (``JUPYTER_PORT``, ``JUPYTER_TOKEN``), with Jupyter's own folders in a temporary
directory, and stopped by its process group, the one the test created. Lab's page loads once;
each notebook is opened in it as File > Open does, and closed with its kernel after its test.

Lab 4 builds a notebook's cells lazily: those out of view stay placeholders until the browser is
idle (the default windowing mode, which a user gets too), and a loaded machine is rarely idle. So
the charts are counted only once every cell is built and each chart's cell shows it, scrolling to
the first cell still short as a reader would; past a deadline the test fails naming those cells.
"""

import contextlib
import difflib
import json
import time
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from customs_facilitation.paths import REPO_DIR, report_notebooks
from tests.browser import ARGS, chromium_path, watch
from tests.lab import Lab

pytestmark = pytest.mark.slow  # builds reports, runs kernels or drives the browser

NOTEBOOKS = report_notebooks(REPO_DIR / "notebooks")

# The notebook in the main area, as JupyterLab's app (exposed by --LabApp.expose_app_in_browser) holds it.
CURRENT = "window.jupyterapp?.shell.currentWidget"
KERNEL_IDLE = f"() => {CURRENT}?.sessionContext?.session?.kernel?.status === 'idle'"
# The outputs of each cell of the notebook's model, by cell (none for a markdown cell).
OUTPUTS = f"""() => Array.from({CURRENT}.content.model.cells,
    cell => cell.type === 'code' ? cell.outputs.toJSON() : [])"""
# What a cell's node shows: stored chart images that loaded, and chart widgets that vega drew marks in.
IMAGES_SHOWN = """node => [...node.querySelectorAll('.jp-OutputArea-output img[src^="data:image/svg+xml;base64,"]')]
    .filter(image => image.complete && image.naturalWidth > 0).length"""
WIDGETS_DRAWN = """node => [...node.querySelectorAll('.jp-OutputArea-output .vega-embed')]
    .filter(chart => chart.querySelector('svg [class*="role-mark"] [aria-roledescription]')).length"""
# Scrolls the notebook in the main area to a cell, which builds it (and those above it) if Lab has not yet.
SCROLL_TO = f"async (index) => {{ await {CURRENT}.content.scrollToItem(index, 'center'); }}"
SHOWN_WITHIN = 90  # seconds for every cell to be built and every chart to show; about 3 s on a loaded machine


def cells_showing(count: str) -> str:
    """A script returning, per cell of the notebook in the main area, whether Lab has built it (not a
    placeholder), its outputs in the model and on the page, and what ``count`` counts in its node."""
    return f"""() => {CURRENT}.content.widgets.map(cell => ({{
        built: !cell.isPlaceholder(),
        outputs: cell.model.type === 'code' ? cell.model.outputs.length : 0,
        rendered: cell.node.querySelectorAll('.jp-OutputArea-output').length,
        shown: ({count})(cell.node),
    }}))"""


def wait_until_shown(page, notebook: Path, what: str, count: str, expected: dict[int, int]) -> int:
    """Wait until every cell is built and each cell in ``expected`` shows as many ``what`` as it says,
    scrolling to the first cell still short; fail after ``SHOWN_WITHIN`` s naming the cells still short.
    Returns how many ``what`` the whole notebook shows then."""
    script, deadline = cells_showing(count), time.monotonic() + SHOWN_WITHIN
    while True:
        cells = page.evaluate(script)
        short = [i for i, cell in enumerate(cells) if not cell["built"] or cell["shown"] < expected.get(i, 0)]
        if not short:
            return sum(cell["shown"] for cell in cells)
        if time.monotonic() > deadline:
            pytest.fail(f"{notebook.name}: after {SHOWN_WITHIN} s, {what} still missing: " + "; ".join(
                f"cell {i} shows {cells[i]['shown']} of {expected.get(i, 0)}"
                + (", not built yet" if not cells[i]["built"] else "")
                + f", {cells[i]['rendered']} of {cells[i]['outputs']} outputs rendered" for i in short))
        page.evaluate(SCROLL_TO, short[0])
        page.wait_for_timeout(200)


def point_at(page, mark, chart: str) -> str:
    """Move the pointer onto a chart's mark until vega shows its tooltip, and return the tooltip's text.
    Each try first waits until the mark is in view, stands still and is what the pointer would hit; it
    is tried again because cells above it may still change height as they come into view (Lab swaps
    their estimated heights for real ones), moving the mark from under the pointer. Fails after
    ``SHOWN_WITHIN`` s saying the chart shows no tooltip."""
    tooltip, deadline = page.locator("#vg-tooltip-element.visible"), time.monotonic() + SHOWN_WITHIN
    while True:
        with contextlib.suppress(PlaywrightTimeoutError):
            mark.hover(trial=True, timeout=10_000)  # scrolls it into view and waits; moves nothing
            box = mark.bounding_box()  # None if vega redrew the chart meanwhile
            if box:
                page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=4)
                tooltip.wait_for(state="visible", timeout=3_000)
                return tooltip.inner_text()
        if time.monotonic() > deadline:
            pytest.fail(f"{chart} shows no tooltip when pointed at (tried for {SHOWN_WITHIN} s)")
        page.mouse.move(1, 1)


def charts_stored(path: Path) -> dict[int, int]:
    """How many chart outputs (our renderer's div) each cell of the committed notebook holds, by cell index."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    counts = {index: sum('class="cf-chart' in "".join(output.get("data", {}).get("text/html", ""))
                         for output in cell.get("outputs", [])) for index, cell in enumerate(cells)}
    return {index: count for index, count in counts.items() if count}


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    server = Lab(tmp_path_factory.mktemp("lab"), NOTEBOOKS)
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser(lab):
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


# Opens a notebook as a user does (File > Open), and resolves once its kernel has started and
# answered, and Lab has applied the kernel's name and language to the notebook's metadata.
OPEN = """async (path) => {
    const app = window.jupyterapp;
    const panel = await app.commands.execute('docmanager:open', {path, factory: 'Notebook'});
    await panel.context.ready;
    await panel.sessionContext.ready;
    const kernel = panel.sessionContext.session.kernel;
    await Promise.all([kernel.info, kernel.spec]);
    await new Promise(resolve => setTimeout(resolve, 100));
}"""
# Closes the notebook in the main area and shuts its kernel down.
CLOSE = f"""async () => {{
    const panel = {CURRENT};
    await panel.sessionContext.shutdown();
    panel.dispose();
}}"""


@pytest.fixture(scope="module")
def lab_page(browser, lab):
    """One JupyterLab page for the module (Lab's own scripts load once): (page, errors, addresses requested)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors, requests = watch(page)
    page.on("websocket", lambda socket_: requests.append(socket_.url))
    page.goto(lab.url("/lab?reset"))  # reset: an empty layout, not the last session's
    page.wait_for_function("() => window.jupyterapp", timeout=120_000)
    page.evaluate("() => window.jupyterapp.restored")
    try:
        yield page, errors, requests
    finally:
        page.close()


@pytest.fixture
def opened(lab_page, notebook):
    """The notebook opened in the Lab page with its kernel idle, and closed (kernel shut down) after
    the test: (page, errors, addresses requested), the lists holding only what this notebook caused."""
    page, errors, requests = lab_page
    errors.clear()
    requests.clear()
    page.evaluate(OPEN, notebook.name)
    page.wait_for_function(KERNEL_IDLE, timeout=120_000)
    try:
        yield page, errors, requests
    finally:
        page.evaluate(CLOSE)


def outside(requests: list[str], lab) -> list[str]:
    """Requests to anywhere but this server (data: and blob: URLs stay in the page)."""
    local = (f"http://127.0.0.1:{lab.port}/", f"ws://127.0.0.1:{lab.port}/", "data:", "blob:", "about:")
    return [url for url in requests if not url.startswith(local)]


def test_lab_runs_the_project_kernel_with_a_token_and_no_news(lab):
    assert lab.get("/api/status", token=False) == 403
    defaults = lab.get("/lab/api/settings/@jupyterlab/apputils-extension:notification")["schema"]["properties"]
    assert (defaults["fetchNews"]["default"], defaults["checkForUpdates"]["default"]) == ("false", False)
    specs = lab.get("/api/kernelspecs")
    assert specs["default"] == "python3" and set(specs["kernelspecs"]) == {"python3"}
    spec = specs["kernelspecs"]["python3"]["spec"]
    assert spec["display_name"] == "Python 3"
    assert Path(spec["argv"][0]) == REPO_DIR / ".venv" / "bin" / "python"
    assert spec["env"] == {"CUSTOMS_FACILITATION_CHARTS": "interactive"}
    assert (lab.root / "mine").is_dir()


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_a_notebook_opens_with_its_charts_saves_unchanged_and_run_all_draws_them_interactive(opened, lab, notebook):
    page, errors, requests = opened
    stored = charts_stored(notebook)
    expected = sum(stored.values())

    # Just opened: the stored charts show as images, and saving writes the file back unchanged.
    shown = wait_until_shown(page, notebook, "chart images", IMAGES_SHOWN, stored)
    assert shown == expected, f"{notebook.name}: {shown} chart images shown, {expected} stored"
    assert page.evaluate(f"() => {CURRENT}.context.model.dirty") is False, f"{notebook.name} opens modified"
    before = (lab.root / notebook.name).read_bytes()
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    assert page.evaluate(f"() => {CURRENT}.context.model.dirty") is False, f"{notebook.name} not saved"
    after = (lab.root / notebook.name).read_bytes()
    if after != before:  # the lines that changed, not pytest's diff of two large byte strings
        changed = difflib.unified_diff(before.decode().splitlines(), after.decode().splitlines(), lineterm="", n=0)
        pytest.fail(f"opening and saving changed {notebook.name}:\n" + "\n".join(list(changed)[:30]))

    # Run All: every chart becomes an interactive widget drawn by vega, with tooltips, and no error.
    ran_all = page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(KERNEL_IDLE, timeout=60_000)
    outputs = page.evaluate(OUTPUTS)
    problems = [f"cell {i} {o['output_type']}: {o.get('ename', '')} {o.get('evalue', '')}{o.get('text', '')}"[:500]
                for i, cell in enumerate(outputs) for o in cell
                if o["output_type"] == "error" or o.get("name") == "stderr"]
    assert not problems, f"{notebook.name}:\n" + "\n".join(problems)
    assert ran_all is True, f"{notebook.name}: Run All did not finish"
    live = {i: n for i, cell in enumerate(outputs)
            if (n := sum("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in cell))}
    assert live == stored, f"{notebook.name}: widget charts by cell {live}, charts stored by cell {stored}"
    # A widget's view renders a moment after its output arrives (its module loads first, then vega draws).
    drawn = wait_until_shown(page, notebook, "charts drawn by vega", WIDGETS_DRAWN, live)
    assert drawn == expected, f"{notebook.name}: {drawn} charts drawn by vega, {expected} expected"
    widgets = page.locator(".jp-OutputArea-output .vega-embed")
    assert widgets.count() == expected, f"{notebook.name}: {widgets.count()} chart widgets, {expected} expected"
    for index in range(expected):
        mark = widgets.nth(index).locator("svg g.role-mark:not(.mark-line) path[aria-label]").first
        text = point_at(page, mark, f"{notebook.name}: chart {index}")
        assert text.strip(), f"{notebook.name}: chart {index} shows an empty tooltip"
        page.mouse.move(1, 1)
        page.locator("#vg-tooltip-element.visible").wait_for(state="hidden", timeout=10_000)
    assert not errors, "\n".join(errors)
    assert not outside(requests, lab), outside(requests, lab)
