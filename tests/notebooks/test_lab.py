"""Exploring in JupyterLab: ``make lab`` on copies of the report notebooks, driven by chromium.

A notebook just opened shows its charts (static images) and is not modified by opening and
saving; Run All draws every chart as an interactive widget (tooltips) with no error output; and
no request leaves the machine. The server is started with ``make lab`` on a free 127.0.0.1 port
with a token (``JUPYTER_PORT``, ``JUPYTER_TOKEN``), with Jupyter's own folders in a temporary
directory, and stopped by its process group, the one the test created. Lab's page loads once;
each notebook is opened in it as File > Open does, and closed with its kernel after its test.
"""

import contextlib
import json
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
OUTPUTS = f"""() => {{
    const cells = {CURRENT}.content.model.cells, found = [];
    for (let i = 0; i < cells.length; i++) {{
        const cell = cells.get(i);
        if (cell.type !== 'code') continue;
        for (let j = 0; j < cell.outputs.length; j++) found.push(cell.outputs.get(j).toJSON());
    }}
    return found;
}}"""
WIDGET_MARKS = """() => [...document.querySelectorAll('.jp-OutputArea-output .vega-embed')]
    .map(chart => chart.querySelectorAll('svg [class*="role-mark"] [aria-roledescription]').length)"""


def charts_stored(path: Path) -> int:
    """How many chart outputs (our renderer's div) the committed notebook holds."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return sum('class="cf-chart"' in "".join(output.get("data", {}).get("text/html", ""))
               for cell in cells for output in cell.get("outputs", []))


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
    expected = charts_stored(notebook)

    # Just opened: the stored charts show as images, and saving writes the file back unchanged.
    images = page.locator('.jp-OutputArea-output img[src^="data:image/svg+xml;base64,"]')
    assert images.count() == expected, f"{notebook.name}: {images.count()} chart images shown, {expected} stored"
    for index in range(expected):
        images.nth(index).scroll_into_view_if_needed()
        page.wait_for_function("image => image.complete && image.naturalWidth > 0",
                               arg=images.nth(index).element_handle(), timeout=10_000)
    assert page.evaluate(f"() => {CURRENT}.context.model.dirty") is False, f"{notebook.name} opens modified"
    before = (lab.root / notebook.name).read_bytes()
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    assert page.evaluate(f"() => {CURRENT}.context.model.dirty") is False, f"{notebook.name} not saved"
    assert (lab.root / notebook.name).read_bytes() == before, f"opening and saving changed {notebook.name}"

    # Run All: every chart becomes an interactive widget drawn by vega, with tooltips, and no error.
    assert page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')") is True
    page.wait_for_function(KERNEL_IDLE, timeout=60_000)
    outputs = page.evaluate(OUTPUTS)
    problems = [f"{o['output_type']}: {o.get('ename', '')} {o.get('evalue', '')}{o.get('text', '')}"[:500]
                for o in outputs if o["output_type"] == "error" or o.get("name") == "stderr"]
    assert not problems, f"{notebook.name}:\n" + "\n".join(problems)
    live = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(live) == expected, f"{notebook.name}: {len(live)} widget charts, {expected} expected"
    widgets = page.locator(".jp-OutputArea-output .vega-embed")
    # A widget's view renders a moment after its output arrives (its module loads first); if fewer
    # than expected ever render, the assertion below says how many.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(f"() => ({WIDGET_MARKS})().length >= {expected}", timeout=30_000)
    drawn = widgets.count()
    assert drawn == expected, f"{notebook.name}: {drawn} charts drawn by vega, {expected} expected"
    for index in range(expected):
        widgets.nth(index).scroll_into_view_if_needed()
    page.wait_for_function(f"() => ({WIDGET_MARKS})().every(marks => marks > 0)", timeout=60_000)
    for index in range(expected):
        mark = widgets.nth(index).locator("svg g.role-mark:not(.mark-line) path[aria-label]").first
        mark.scroll_into_view_if_needed()
        box = mark.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=4)
        tooltip = page.locator("#vg-tooltip-element.visible")
        tooltip.wait_for(state="visible", timeout=10_000)
        assert tooltip.inner_text().strip(), f"{notebook.name}: chart {index} shows an empty tooltip"
        page.mouse.move(1, 1)
        tooltip.wait_for(state="hidden", timeout=10_000)
    assert not errors, "\n".join(errors)
    assert not outside(requests, lab), outside(requests, lab)
