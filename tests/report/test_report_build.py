"""The report build on tiny throwaway notebooks: pages, index, atomic failure, parameter checks."""

import base64
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from customs_facilitation import ReportError, load_sources
from customs_facilitation.cli import main as cli_main
from customs_facilitation.notebook import charts
from customs_facilitation.notebook.images import spec_key
from customs_facilitation.report.build import build as build_report
from customs_facilitation.report.html import offline_problems
from customs_facilitation.report.inputs import read_report_inputs

pytestmark = pytest.mark.slow  # builds reports, runs kernels or drives the browser

REPO = Path(__file__).resolve().parents[2]


class Links(HTMLParser):
    """Collect href/src attributes of a page."""

    def __init__(self):
        super().__init__()
        self.hrefs, self.scripts = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag in ("script", "link", "img") and (attrs.get("src") or attrs.get("href")):
            self.scripts.append(attrs.get("src") or attrs.get("href"))


def links_of(path):
    parser = Links()
    parser.feed(Path(path).read_text(encoding="utf-8"))
    return parser


def test_build_writes_every_page_without_code_and_offline(tiny_build):
    notebooks, build, output = tiny_build
    for set_name in ("default", "press"):
        for name in ("01-charts", "02-plain"):
            assert (build / "executed" / set_name / f"{name}.ipynb").exists()
            page = (build / "report" / set_name / f"{name}.html").read_text(encoding="utf-8")
            assert page.count("window.vegaEmbed=") == 1, "the vega bundle goes in once per page"
            bundle_end = page.index("window.vegaLite=")
            body = page.index("<body", page.index("</head>", bundle_end))  # the bundle is in <head>
            assert all(m.start() > body for m in re.finditer('<div id="chart-', page))
            assert "import hashlib" not in page and "def offline_renderer" not in page, "code cells leak"
            assert "class=\"jp-InputPrompt" not in page and "class=\"jp-OutputPrompt" not in page
            assert offline_problems(page) == []
            loaded = links_of(build / "report" / set_name / f"{name}.html").scripts
            assert [src for src in loaded if not src.startswith("data:")] == [], "only inline images (charts)"
            assert not re.search(r"(require|mathjax|mermaid)[^\"'>]*\.js", page, re.I)
        assert re.search(rf"^ran 01-charts \[{set_name}\] in \d+\.\d s$", output, re.M), output
    press = (build / "report" / "press" / "01-charts.html").read_text(encoding="utf-8")
    assert "as_of=2025-07-31 min_reliability=state_media" in press
    assert "as_of=2026-11-26 min_reliability=low" in (build / "report" / "default" / "01-charts.html").read_text()
    # charts_dir goes only to notebooks that declare it; other parameters only where declared
    chart_folder = build / "report" / "press" / "charts"
    assert json.loads((chart_folder / "values.vl.json").read_text())["mark"]["type"] == "bar"
    assert (chart_folder / "values.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "2025-07-31" in (chart_folder / "values.svg").read_text(encoding="utf-8"), "drawn from the press set's spec"
    assert (chart_folder / "values.csv").read_text(encoding="utf-8").splitlines()[0] == "month,value"
    specs = {spec_key(p.read_bytes()) for p in build.glob("report/*/charts/*.vl.json")}
    assert len(specs) == 2, "the chart's title differs between the sets"
    cached = {p.name for p in (build / "cache" / "charts").iterdir()}
    saved = {f"{key}.{fmt}" for key in specs for fmt in ("png", "svg")}
    assert saved <= cached, "each saved spec's PNG and SVG, drawn once, cached by content"
    assert cached - saved, "the line chart, shown but not saved: the kernel left its image to the build"
    # each chart's image, left by the kernel, drawn by the build: the picture of the chart's own spec
    page = (build / "report" / "press" / "01-charts.html").read_text(encoding="utf-8")
    executed = (build / "executed" / "press" / "01-charts.ipynb").read_text(encoding="utf-8")
    records = [output["data"] for cell in json.loads(executed)["cells"] for output in cell.get("outputs", [])
               if charts.CHART_MIMETYPE in output.get("data", {})]
    assert len(records) == 2 and all("text/html" in data for data in records), "the build made each chart's HTML"
    images = re.findall(r'<img alt="[^"]*" src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', page)
    assert len(images) == 2  # the bar chart and the line
    svg = (chart_folder / "values.svg").read_text(encoding="utf-8")
    assert base64.b64decode(images[0]).decode("utf-8") == svg, "the bar chart's image is the saved spec's SVG"
    cells = json.loads((build / "executed" / "press" / "02-plain.ipynb").read_text())["cells"]
    [injected] = [c for c in cells if "injected-parameters" in c["metadata"].get("tags", [])]
    assert "min_reliability" in "".join(injected["source"]) and "as_of" not in "".join(injected["source"])
    leftovers = [p for p in build.rglob("*") if ".tmp" in p.name or p.name.startswith(".01-")]
    assert leftovers == []


def test_index_links_every_page_sources_and_citation(tiny_build):
    _, build, _ = tiny_build
    index = build / "report" / "index.html"
    links = links_of(index)
    local = {h.partition("#")[0] for h in links.hrefs if not h.startswith(("http://", "https://"))}
    pages = sorted(p.relative_to(index.parent).as_posix() for p in index.parent.glob("*/*.html"))
    assert pages == ["default/01-charts.html", "default/02-plain.html", "press/01-charts.html", "press/02-plain.html"]
    downloads = ["dictionary.html", "customs-facilitation-data.zip", "CITATION.cff", "findings.csv"]
    charts = [f"{s}/charts/values.{ext}" for s in ("default", "press") for ext in ("png", "svg", "csv")]
    assert local == {*pages, *downloads, *charts}  # the tiny notebooks list no figures: no CSV
    assert all((index.parent / name).is_file() for name in downloads + charts)
    text = index.read_text(encoding="utf-8")
    assert links.scripts == [] and "Press conference" in text and "Tiny charts" in text
    assert 'id="how-to-cite"' in text and "How to cite" in text
    sources = load_sources()
    for url in sources["url"].dropna():
        assert url in links.hrefs
    for outlet in sources["outlet"]:
        assert outlet.replace("&", "&amp;").replace("'", "&#x27;") in text
    assert "state_media" in text and "2025-07-14" in text


def test_the_same_run_makes_the_same_page_byte_for_byte(tiny_build, tmp_path, capsys):
    notebooks, build, _ = tiny_build
    again = tmp_path / "again"
    for name in ("01-charts", "02-plain"):
        status = cli_main(["report", "run", str(notebooks / f"{name}.ipynb"), str(notebooks / "params" / "press.yml"),
                           "--notebooks", str(notebooks), "--build", str(again)])
        assert status == 0, capsys.readouterr().err
        page = Path("report") / "press" / f"{name}.html"
        assert (again / page).read_bytes() == (build / page).read_bytes(), f"{page} differs between two runs"


def test_failing_notebook_names_notebook_set_cell_and_keeps_last_good_report(kit, tiny_build, tmp_path, capsys):
    notebooks, build, _ = tiny_build
    shutil.copytree(notebooks, tmp_path / "notebooks")
    shutil.copytree(build, tmp_path / "build")
    notebooks, build = tmp_path / "notebooks", tmp_path / "build"
    page, executed = build / "report" / "press" / "02-plain.html", build / "executed" / "press" / "02-plain.ipynb"
    before = page.read_bytes(), executed.read_bytes()
    kit.write_notebook(notebooks / "02-plain.ipynb", 'min_reliability = "low"', "x = 1",
                   'ratio = 1 / 0  # boom', title="Plain text")

    status = cli_main(["report", "run", str(notebooks / "02-plain.ipynb"), str(notebooks / "params" / "press.yml"),
                          "--notebooks", str(notebooks), "--build", str(build)])

    message = capsys.readouterr().err
    assert status == 1
    assert "02-plain.ipynb" in message and "'press'" in message
    # markdown, parameters, x = 1, then the failing cell; papermill's injected cell shifts In [ ]
    assert "at cell 4 of the notebook (In [4] in the failed run)" in message, message
    assert "ZeroDivisionError: division by zero" in message and "ratio = 1 / 0" in message
    assert message.count("\n") == 1, "one paragraph"
    assert (page.read_bytes(), executed.read_bytes()) == before, "the last good page stays in place"
    assert (build / "executed" / "press" / "02-plain.failed.ipynb").exists()
    assert not [p for p in build.rglob("*") if ".tmp" in p.name]


def test_a_chart_that_cannot_be_drawn_names_notebook_set_and_chart(kit, tiny_build, tmp_path, capsys):
    notebooks, build, _ = tiny_build
    shutil.copytree(notebooks, tmp_path / "notebooks")
    shutil.copytree(build, tmp_path / "build")
    notebooks, build = tmp_path / "notebooks", tmp_path / "build"
    page = build / "report" / "press" / "01-charts.html"
    before = page.read_bytes()
    broken = '{"mark": "nonsense", "data": {"values": [{"a": 1}]}}'  # a spec vl-convert cannot draw
    kit.write_notebook(notebooks / "01-charts.ipynb", 'as_of = "2026-11-26"\nmin_reliability = "low"\ncharts_dir = ""',
                       f'from pathlib import Path\nPath(charts_dir, "broken.vl.json").write_text({broken!r})',
                       title="Tiny charts")

    status = cli_main(["report", "run", str(notebooks / "01-charts.ipynb"), str(notebooks / "params" / "press.yml"),
                       "--notebooks", str(notebooks), "--build", str(build)])

    message = capsys.readouterr().err
    assert status == 1
    assert "01-charts.ipynb" in message and "'press'" in message, message
    assert "its chart broken.vl.json cannot be drawn: Vega-Lite to SVG conversion failed: TypeError" in message, message
    assert "backtrace" not in message.lower() and message.count("\n") == 1, message
    assert page.read_bytes() == before, "the last good page stays in place"


def test_a_failed_run_is_kept_with_its_charts_images(kit, tiny_build, tmp_path, capsys):
    notebooks, build, _ = tiny_build
    shutil.copytree(notebooks, tmp_path / "notebooks")
    notebooks, build = tmp_path / "notebooks", tmp_path / "build"
    kit.write_notebook(notebooks / "01-charts.ipynb", 'as_of = "2026-11-26"\nmin_reliability = "low"\ncharts_dir = ""',
                       kit.RENDERER, kit.CHART, "1 / 0", title="Tiny charts")
    status = cli_main(["report", "run", str(notebooks / "01-charts.ipynb"), str(notebooks / "params" / "press.yml"),
                       "--notebooks", str(notebooks), "--build", str(build)])
    assert status == 1 and "ZeroDivisionError" in capsys.readouterr().err
    kept = (build / "executed" / "press" / "01-charts.failed.ipynb").read_text(encoding="utf-8")
    assert "data:image/svg+xml;base64," in kept and charts.CHART_MIMETYPE in kept


def test_a_chart_record_without_a_spec_fails_the_run(tmp_path):
    import nbformat

    from customs_facilitation.report.chart_files import images_into

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output(
        "display_data", data={charts.CHART_MIMETYPE: {"title": "x"}})])])
    with pytest.raises(ReportError, match="cell 1 shows a chart record without a vega-lite spec"):
        images_into(nb, tmp_path)


def test_unknown_parameter_fails_before_any_notebook_runs(kit, tmp_path):
    notebooks = kit.make_project(tmp_path)
    kit.write_params(notebooks / "params" / "typo.yml", "Typo", {"as_off": "2025-07-31"})

    with pytest.raises(ReportError) as error:
        build_report(notebooks, notebooks / "params", tmp_path / "build")

    assert "typo.yml" in str(error.value) and "unknown parameter 'as_off'" in str(error.value)
    assert "as_of" in str(error.value), "lists the declared parameters"
    assert not (tmp_path / "build").exists()


def test_a_parameter_set_with_the_old_name_figures_dir_names_the_new_one(kit, tmp_path):
    notebooks = kit.make_project(tmp_path)
    kit.write_params(notebooks / "params" / "old.yml", "Old", {"figures_dir": "out"})

    with pytest.raises(ReportError, match=r"old.yml: parameter 'figures_dir' is now called 'charts_dir'"):
        read_report_inputs(notebooks, notebooks / "params")


@pytest.mark.parametrize("yaml_text, expected", [
    ("title: X\nparameters:\n  as_of: 2025-07-31\n", 'quote it: "2025-07-31"'),
    ("title: X\nparameters:\n  as_of: 20250731\n",
     "as_of: 20250731 is of type int, but 01-charts.ipynb declares as_of = '2026-11-26' (type str); quote it"),
    ("title: X\nparameters: [as_of]\n", "'parameters' must be a mapping"),
    ("parameters: {}\n", "missing key 'title'"),
    ("title: X\nparameters: {}\nas_of: '2025-07-31'\n", "unknown top-level key(s) as_of"),
    ("title: X\nparameters: {as_of: '2025\n", "not valid YAML"),
    ("- just\n- a list\n", "expected a mapping"),
])
def test_malformed_parameter_sets_fail_clearly(kit, tmp_path, yaml_text, expected):
    notebooks = kit.make_project(tmp_path)
    (notebooks / "params" / "bad.yml").write_text(yaml_text)

    with pytest.raises(ReportError) as error:
        read_report_inputs(notebooks, notebooks / "params")

    assert "bad.yml" in str(error.value) and expected in str(error.value)


def test_notebook_needs_exactly_one_parameters_cell(kit, tmp_path):
    notebooks = kit.make_project(tmp_path)
    kit.write_notebook(notebooks / "03-two.ipynb", "a = 1", "b = 2")
    nb = json.loads((notebooks / "03-two.ipynb").read_text())
    nb["cells"][1]["metadata"]["tags"] = ["parameters"]
    (notebooks / "03-two.ipynb").write_text(json.dumps(nb))

    with pytest.raises(ReportError, match=r"03-two.ipynb: needs exactly one cell tagged 'parameters' \(found 2"):
        read_report_inputs(notebooks, notebooks / "params")


def test_cli_validate_reports_unknown_key_with_exit_status(kit, tmp_path):
    notebooks = kit.make_project(tmp_path)
    kit.write_params(notebooks / "params" / "typo.yml", "Typo", {"title_text": "x"})
    done = subprocess.run([sys.executable, "-m", "customs_facilitation", "report", "validate",
                           "--notebooks", str(notebooks)], capture_output=True, text=True)
    assert done.returncode == 1
    assert "typo.yml: unknown parameter 'title_text'" in done.stderr
