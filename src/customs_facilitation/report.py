"""Build the offline HTML report: run each notebook per parameter set, export, index.

``make report`` drives the incremental build with one make target per (notebook, parameter
set); this module does the work of each target:

``python -m customs_facilitation.report check``
    read every ``notebooks/NN-topic.ipynb`` and ``notebooks/params/*.yml`` and fail at once on
    a malformed parameter set or a key that no notebook declares.
``python -m customs_facilitation.report run NOTEBOOK PARAMS_YML``
    execute one notebook with one parameter set (papermill) into
    ``build/executed/<set>/NN-topic.ipynb``, export it without code into
    ``build/report/<set>/NN-topic.html`` and move its figures into ``build/figures/<set>/``.
    Everything is written to a temporary path first and moved into place only when complete,
    so a failed run leaves the last good page where it was.
``python -m customs_facilitation.report index``
    write ``build/report/index.html``: every page of every set, the sources and how to cite.
``python -m customs_facilitation.report build``
    all of the above in one process, serially and from scratch (no make; used by the tests).

Charts: every exported page carries the JavaScript bundle of ``vl_convert.javascript_bundle()``
once, inline, as a classic ``<script>`` in ``<head>`` wrapped in a function, so its internal
top-level names stay private and only ``window.vegaEmbed``, ``window.vega`` and
``window.vegaLite`` are defined before any chart script in the body runs. A chart output is then
``<div id="chart-HASH"></div><script>vegaEmbed("#chart-HASH", SPEC, {...})...</script>``.
(A ``<script type="module">`` would run after the body's scripts: the charts would not draw.)
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import functools
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .bundle import data_version
from .paths import REPO_DIR

NOTEBOOK_GLOB = "[0-9][0-9]-*.ipynb"
NOTEBOOK_NAME = re.compile(r"^[0-9]{2}-[A-Za-z0-9_.-]+$")
SET_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
SET_KEYS = {"title", "description", "parameters"}
FIGURES_PARAMETER = "figures_dir"
INJECTED_TAG = "injected-parameters"

# The page template: nbconvert's lab template without its CDN scripts (require.js, MathJax,
# mermaid, widgets), plus the vega bundle inline in <head> and a link back to the index.
PAGE_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}
<script>/* vega, vega-lite, vega-embed: vl_convert.javascript_bundle() */
(function () {
/* @@vega-bundle@@ */
})();
</script>
{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block body_header -%}
{{ super() }}
<nav class="report-nav" style="padding: 8px 16px; font-family: sans-serif; font-size: 14px;">
<a href="../index.html">&larr; all pages</a> &middot; parameter set: <b>{{ resources.set_title | e }}</b>
&middot; data version <code>{{ resources.data_version | e }}</code>
</nav>
{%- endblock body_header -%}
"""

# Any script or stylesheet the page would fetch from the network.
_REMOTE = re.compile(
    r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//[^\"'\s>]*"
    r"|@import\s+(?:url\()?[\"']?\s*(?:https?:)?//[^\"')\s]*",
    re.IGNORECASE)


class ReportError(Exception):
    """A build step failed; the message says which notebook, parameter set and what to fix."""


@dataclass(frozen=True)
class Notebook:
    """A report notebook and the parameters its ``parameters`` cell declares (name -> default)."""

    path: Path
    parameters: dict
    title: str

    @property
    def name(self) -> str:
        return self.path.stem


@dataclass(frozen=True)
class ParameterSet:
    """One ``notebooks/params/<name>.yml``: a label, a description and parameter values."""

    path: Path
    title: str
    description: str
    parameters: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.stem


@dataclass(frozen=True)
class Layout:
    """Where the build writes: executed notebooks, HTML pages and figures, per parameter set."""

    build_dir: Path

    def executed(self, set_name: str, notebook_name: str) -> Path:
        return self.build_dir / "executed" / set_name / f"{notebook_name}.ipynb"

    def page(self, set_name: str, notebook_name: str) -> Path:
        return self.build_dir / "report" / set_name / f"{notebook_name}.html"

    def figures(self, set_name: str) -> Path:
        return self.build_dir / "figures" / set_name

    @property
    def cache(self) -> Path:
        return self.build_dir / "cache"

    @property
    def index(self) -> Path:
        return self.build_dir / "report" / "index.html"


# --------------------------------------------------------------------------- reading inputs

def read_notebook(path) -> Notebook:
    """Read a notebook's declared parameters (literal defaults) and its first heading.

    Raises:
        ReportError: if the notebook is unreadable, its name is not ``NN-topic.ipynb`` or it
            has not exactly one cell tagged ``parameters``.
    """
    path = Path(path)
    if not NOTEBOOK_NAME.match(path.stem):
        raise ReportError(f"{path}: a report notebook is named NN-topic.ipynb (two digits, a dash, "
                          f"letters, digits or dashes); rename it")
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
        cells = nb["cells"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ReportError(f"{path}: not a readable notebook ({error})") from error
    tagged = [(i, c) for i, c in enumerate(cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(tagged) != 1:
        where = ", ".join(str(i + 1) for i, _ in tagged) or "none"
        raise ReportError(f"{path}: needs exactly one cell tagged 'parameters' (found {len(tagged)}: "
                          f"cells {where}); tag the cell of literal defaults")
    number, cell = tagged[0]
    source = _source(cell)
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        raise ReportError(f"{path}: the parameters cell (cell {number + 1}) is not valid Python: "
                          f"{error.msg} on line {error.lineno}") from error
    parameters = {}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, ast.AnnAssign) and node.value is not None else [])
        for target in targets:
            if isinstance(target, ast.Name):
                try:
                    parameters[target.id] = ast.literal_eval(node.value)
                except ValueError:
                    parameters[target.id] = _UNKNOWN
    return Notebook(path=path, parameters=parameters, title=_heading(cells) or path.stem)


_UNKNOWN = object()  # a default that is not a literal: any value type is accepted


def _source(cell) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def _heading(cells) -> str | None:
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            for line in _source(cell).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return None


def find_notebooks(notebooks_dir) -> list[Notebook]:
    """Every ``NN-topic.ipynb`` in ``notebooks_dir``, in order. Raises ReportError if none."""
    paths = sorted(Path(notebooks_dir).glob(NOTEBOOK_GLOB))
    if not paths:
        raise ReportError(f"{notebooks_dir}: no report notebooks (NN-topic.ipynb) found")
    return [read_notebook(p) for p in paths]


def read_parameter_set(path) -> ParameterSet:
    """Read and check the shape of one parameter-set YAML file.

    Raises:
        ReportError: naming the file, for bad YAML, a missing or unknown key, or a value that
            is not a string, number, boolean, null or a list/mapping of those.
    """
    path = Path(path)
    if not SET_NAME.match(path.stem):
        raise ReportError(f"{path}: a parameter set's file name may hold only letters, digits, '-', "
                          f"'_' and '.'; rename it")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ReportError(f"{path}: cannot read the parameter set ({error})") from error
    except yaml.YAMLError as error:
        raise ReportError(f"{path}: not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise ReportError(f"{path}: expected a mapping with keys title, description and parameters; "
                          f"got {type(data).__name__}")
    unknown = sorted(map(str, set(data) - SET_KEYS))
    if unknown:
        raise ReportError(f"{path}: unknown top-level key(s) {', '.join(unknown)}; allowed: title, "
                          f"description, parameters (notebook parameters go under 'parameters:')")
    for key in ("title", "parameters"):
        if key not in data:
            raise ReportError(f"{path}: missing key '{key}'")
    title, description = data["title"], data.get("description") or ""
    if not isinstance(title, str) or not title.strip():
        raise ReportError(f"{path}: 'title' must be a non-empty string (the label shown in the index)")
    if not isinstance(description, str):
        raise ReportError(f"{path}: 'description' must be a string")
    parameters = data["parameters"] if data["parameters"] is not None else {}
    if not isinstance(parameters, dict):
        raise ReportError(f"{path}: 'parameters' must be a mapping of parameter name -> value "
                          f"(use 'parameters: {{}}' for none); got {type(parameters).__name__}")
    for name, value in parameters.items():
        if not isinstance(name, str) or not name.isidentifier():
            raise ReportError(f"{path}: parameter name {name!r} is not a Python identifier")
        problem = _value_problem(value)
        if problem:
            raise ReportError(f"{path}: parameter {name}: {problem}")
    return ParameterSet(path=path, title=title.strip(), description=description.strip(),
                        parameters=dict(parameters))


def _value_problem(value) -> str | None:
    if isinstance(value, (dt.date, dt.datetime)):
        return (f"YAML read {value} as a date, but parameters are passed as literals; quote it: "
                f"\"{value}\"")
    if value is None or isinstance(value, (str, bool, int, float)):
        return None
    if isinstance(value, list):
        return next(filter(None, map(_value_problem, value)), None)
    if isinstance(value, dict):
        return next(filter(None, map(_value_problem, value.values())), None)
    return f"{value!r} ({type(value).__name__}) is not a string, number, boolean, null, list or mapping"


def find_parameter_sets(params_dir) -> list[ParameterSet]:
    """Every ``*.yml`` in ``params_dir``, by name. Raises ReportError if there is none."""
    paths = sorted(Path(params_dir).glob("*.yml"))
    if not paths:
        raise ReportError(f"{params_dir}: no parameter sets (*.yml) found; add at least default.yml "
                          f"with 'title: ...' and 'parameters: {{}}'")
    return [read_parameter_set(p) for p in paths]


def check_parameter_set(param_set: ParameterSet, notebooks: list[Notebook]) -> None:
    """Fail if a key is declared by no notebook, or its value's type differs from the default's."""
    for name, value in param_set.parameters.items():
        declaring = [nb for nb in notebooks if name in nb.parameters]
        if not declaring:
            known = sorted({p for nb in notebooks for p in nb.parameters})
            raise ReportError(f"{param_set.path}: unknown parameter '{name}': no notebook declares it in "
                              f"its parameters cell (declared: {', '.join(known) or 'none'}); fix the "
                              f"name or remove it")
        for nb in declaring:
            default = nb.parameters[name]
            if not _same_kind(default, value):
                raise ReportError(
                    f"{param_set.path}: parameter {name}: {value!r} is of type {type(value).__name__}, but "
                    f"{nb.path.name} declares {name} = {default!r} (type {type(default).__name__})"
                    + ("; quote it in the YAML" if isinstance(default, str) else ""))


def _same_kind(default, value) -> bool:
    if default is _UNKNOWN or default is None or value is None:
        return True
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float)) and (isinstance(default, float) or isinstance(value, int))
    return isinstance(value, type(default))


def parameters_for(notebook: Notebook, param_set: ParameterSet, figures_dir: Path | None) -> dict:
    """The parameters to inject: those of the set the notebook declares, plus figures_dir."""
    chosen = {k: v for k, v in param_set.parameters.items() if k in notebook.parameters}
    if figures_dir is not None and FIGURES_PARAMETER in notebook.parameters:
        chosen[FIGURES_PARAMETER] = str(figures_dir)
    return chosen


def check_all(notebooks_dir, params_dir) -> tuple[list[Notebook], list[ParameterSet]]:
    """Read and check every notebook and parameter set; raise ReportError at the first problem."""
    notebooks = find_notebooks(notebooks_dir)
    param_sets = find_parameter_sets(params_dir)
    for param_set in param_sets:
        check_parameter_set(param_set, notebooks)
    return notebooks, param_sets


# --------------------------------------------------------------------------- running

def run(notebook_path, params_path, build_dir, *, notebooks_dir=None, timeout=600) -> float:
    """Execute one notebook with one parameter set, export its page; return the seconds taken.

    The executed notebook, the HTML page and the figures are written to temporary paths and
    moved into place only when all of them are complete.

    Raises:
        ReportError: for a bad parameter set, a failing cell (naming notebook, set, cell and
            error) or a page that would load anything from the network.
    """
    start = time.perf_counter()
    notebook_path, layout = Path(notebook_path), Layout(Path(build_dir))
    notebooks = find_notebooks(notebooks_dir or notebook_path.parent)
    notebook = next((nb for nb in notebooks if nb.path.resolve() == notebook_path.resolve()), None)
    if notebook is None:
        notebook = read_notebook(notebook_path)
        notebooks.append(notebook)
    param_set = read_parameter_set(params_path)
    check_parameter_set(param_set, notebooks)

    executed, page = layout.executed(param_set.name, notebook.name), layout.page(param_set.name, notebook.name)
    figures = layout.figures(param_set.name)
    for folder in (executed.parent, page.parent, figures):
        folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{notebook.name}-", dir=figures) as tmp_figures:
        tmp_executed = _temp_path(executed)
        try:
            _execute(notebook, param_set, tmp_executed, Path(tmp_figures).resolve(), timeout)
            tmp_page = _temp_path(page)
            try:
                tmp_page.write_text(export_html(tmp_executed, set_title=param_set.title,
                                                 data_version=data_version(), cache_dir=layout.cache),
                                    encoding="utf-8")
                os.replace(tmp_executed, executed)
                os.replace(tmp_page, page)
            finally:
                tmp_page.unlink(missing_ok=True)
        finally:
            tmp_executed.unlink(missing_ok=True)
        for made in sorted(Path(tmp_figures).iterdir()):
            if made.is_dir() and (figures / made.name).is_dir():
                shutil.rmtree(figures / made.name)
            os.replace(made, figures / made.name)
    layout_failed(layout, param_set.name, notebook.name).unlink(missing_ok=True)
    return time.perf_counter() - start


def layout_failed(layout: Layout, set_name: str, notebook_name: str) -> Path:
    """Where a failed run's executed notebook (with its traceback) is kept for reading."""
    return layout.executed(set_name, notebook_name).with_suffix(".failed.ipynb")


def _temp_path(final: Path) -> Path:
    handle, name = tempfile.mkstemp(prefix=f".{final.stem}-", suffix=".tmp" + final.suffix, dir=final.parent)
    os.close(handle)
    os.chmod(name, 0o666 & ~_UMASK)  # mkstemp makes 0600; the report is meant to be read
    return Path(name)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _umask()


def _execute(notebook: Notebook, param_set: ParameterSet, output: Path, figures: Path, timeout) -> None:
    import papermill
    from papermill.exceptions import PapermillExecutionError

    parameters = parameters_for(notebook, param_set, figures)
    try:
        papermill.execute_notebook(
            str(notebook.path), str(output), parameters=parameters, cwd=str(notebook.path.parent),
            kernel_name="python3", progress_bar=False, log_output=False, request_save_on_cell_execute=False,
            execution_timeout=timeout, kernel_manager_class=_this_python_kernel_manager())
    except PapermillExecutionError as error:
        kept = _keep_failed(output, notebook, param_set)
        raise ReportError(_failure_message(notebook, param_set, error, output, kept)) from None
    except Exception as error:  # kernel died, timeout, unreadable notebook...
        kept = _keep_failed(output, notebook, param_set)
        raise ReportError(
            f"notebook {notebook.path} failed with parameter set '{param_set.name}' ({param_set.path}): "
            f"{type(error).__name__}: {error}".rstrip() + _kept_note(kept)) from None


def _keep_failed(output: Path, notebook: Notebook, param_set: ParameterSet) -> Path | None:
    if not output.exists() or output.stat().st_size == 0:
        return None
    kept = output.parent / f"{notebook.name}.failed.ipynb"
    os.replace(output, kept)
    return kept


def _kept_note(kept: Path | None) -> str:
    note = " The last good page, if any, was left in place."
    return note + (f" The failed run, with its full traceback, is in {kept}." if kept else "")


def _failure_message(notebook, param_set, error, output: Path, kept: Path | None) -> str:
    number = _source_cell_number(kept or output, error.cell_index)
    prompt = f" (In [{error.exec_count}] in the failed run)" if error.exec_count else ""
    first_line = next((line.strip() for line in (error.source or "").splitlines() if line.strip()), "")
    evalue = " ".join(str(error.evalue).split())
    return (f"notebook {notebook.path} failed with parameter set '{param_set.name}' ({param_set.path}) "
            f"at cell {number} of the notebook{prompt}, which begins `{first_line[:80]}`: {error.ename}: {evalue}."
            + _kept_note(kept))


def _source_cell_number(executed: Path, cell_index: int) -> int:
    """Turn papermill's cell index (counting its injected cell) into a 1-based cell number of the
    notebook as written (counting markdown cells too, as JupyterLab does)."""
    try:
        cells = json.loads(executed.read_text(encoding="utf-8"))["cells"]
        injected = sum(1 for c in cells[:cell_index]
                       if INJECTED_TAG in c.get("metadata", {}).get("tags", []))
        return cell_index - injected + 1
    except (OSError, ValueError, KeyError, TypeError):
        return cell_index + 1


@functools.cache
def _this_python_kernel_manager():
    """A kernel manager that always starts ``python3`` with this interpreter (the venv's), even
    if a user-level kernelspec named python3 points at another Python, and that shuts down quietly."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class NativeKernelSpecManager(KernelSpecManager):
        @default("kernel_dirs")
        def _kernel_dirs_default(self):
            return []

    class ThisPythonKernelManager(AsyncKernelManager):
        @default("kernel_spec_manager")
        def _kernel_spec_manager_default(self):
            return NativeKernelSpecManager(data_dir=self.data_dir)

        async def _async_interrupt_kernel(self):
            # jupyter_client interrupts before every shutdown; an idle kernel then logs a
            # spurious "KeyboardInterrupt caught in kernel" error. The shutdown request suffices.
            if not self.shutting_down:
                await super()._async_interrupt_kernel()

    return ThisPythonKernelManager


# --------------------------------------------------------------------------- exporting

BUNDLE_MARKER = "/* @@vega-bundle@@ */"


@functools.cache
def vega_bundle(cache_dir=None) -> str:
    """vega, vega-lite and vega-embed as one classic script that sets window.vegaEmbed etc.

    ``vl_convert.javascript_bundle()`` takes about 3 s (it bundles on every call), so the result
    is kept in ``cache_dir`` (one file per vl-convert version) when one is given.
    """
    import vl_convert

    cache = None
    if cache_dir is not None:
        cache = Path(cache_dir) / f"vega-bundle-{getattr(vl_convert, '__version__', 'unknown')}.js"
        if cache.exists():
            return cache.read_text(encoding="utf-8")
    bundle = vl_convert.javascript_bundle()
    if "</script" in bundle.lower():
        raise ReportError("vl_convert.javascript_bundle() contains '</script'; it cannot be inlined")
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = _temp_path(cache)
        tmp.write_text(bundle, encoding="utf-8")
        os.replace(tmp, cache)
    return bundle


def export_html(executed_notebook, *, set_title: str = "", data_version: str = "", cache_dir=None) -> str:
    """HTML of an executed notebook without code or prompts, with the vega bundle inline once.

    Raises:
        ReportError: if the page would load a script, stylesheet or image from the network.
    """
    import jinja2
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(executed_notebook), as_version=4)
    title = _heading(nb.cells) or Path(executed_notebook).stem
    exporter = HTMLExporter(
        template_name="lab", template_file="report.html.j2",
        extra_loaders=[jinja2.DictLoader({"report.html.j2": PAGE_TEMPLATE})],
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True, embed_images=True)
    body, _ = exporter.from_notebook_node(nb, resources={
        "metadata": {"name": f"{title} ({set_title})" if set_title else title,
                     "path": str(Path(executed_notebook).parent)},
        "set_title": set_title, "data_version": data_version})
    remote = offline_problems(body)
    if remote:
        raise ReportError(f"{executed_notebook}: the exported page would load from the network: "
                          + "; ".join(remote[:5]))
    if body.count(BUNDLE_MARKER) != 1:
        raise ReportError(f"{executed_notebook}: the page template's vega bundle marker appears "
                          f"{body.count(BUNDLE_MARKER)} times; expected once")
    # Inserted after nbconvert's HTML clean-up, which would otherwise parse 0.9 MB of script.
    return body.replace(BUNDLE_MARKER, vega_bundle(cache_dir))


def offline_problems(page_html: str) -> list[str]:
    """Tags or CSS imports in ``page_html`` that would fetch something over the network.

    >>> offline_problems('<script src="https://cdn.example/x.js"></script><a href="https://ok">')
    ['<script src="https://cdn.example/x.js']
    """
    return [m.group(0) for m in _REMOTE.finditer(page_html)]


# --------------------------------------------------------------------------- index

def write_index(notebooks_dir, params_dir, build_dir, *, data_dir=None) -> Path:
    """Write ``build/report/index.html`` (temp file + rename) and remove pages of notebooks or
    sets that no longer exist. Raises ReportError if a page is missing."""
    from . import load_sources

    notebooks, param_sets = check_all(notebooks_dir, params_dir)
    layout = Layout(Path(build_dir))
    missing = [str(layout.page(s.name, nb.name)) for s in param_sets for nb in notebooks
               if not layout.page(s.name, nb.name).exists()]
    if missing:
        raise ReportError("cannot write the index: page(s) not built: " + ", ".join(missing))
    _remove_stale_pages(layout, notebooks, param_sets)
    sources = load_sources(data_dir)
    text = render_index(notebooks, param_sets, sources, data_version(data_dir))
    layout.index.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_path(layout.index)
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, layout.index)
    finally:
        tmp.unlink(missing_ok=True)
    return layout.index


def _remove_stale_pages(layout: Layout, notebooks, param_sets) -> None:
    wanted = {layout.page(s.name, nb.name) for s in param_sets for nb in notebooks}
    report_dir = layout.index.parent
    for page in sorted(report_dir.glob("*/*.html")):
        if page not in wanted:
            page.unlink()
            print(f"removed stale page {page}")
    for folder in report_dir.iterdir():
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def render_index(notebooks, param_sets, sources, version_of_data: str) -> str:
    """The index page: one section per parameter set, the source list and how to cite."""
    e = html.escape
    sets_html = []
    for s in param_sets:
        shown = ", ".join(f"<code>{e(k)} = {e(json.dumps(v, ensure_ascii=False))}</code>"
                          for k, v in s.parameters.items()) or "the notebooks' defaults"
        pages = "\n".join(f'<li><a href="{e(s.name)}/{e(nb.name)}.html">{e(nb.title)}</a></li>'
                          for nb in notebooks)
        sets_html.append(
            f'<section id="set-{e(s.name)}"><h2>{e(s.title)}</h2>\n'
            + (f"<p>{e(s.description)}</p>\n" if s.description else "")
            + f'<p class="params">Parameter set <code>{e(s.name)}</code>: {shown}.</p>\n<ol>\n{pages}\n</ol></section>')
    rows = []
    for row in sources.sort_values(["published_date", "outlet"]).itertuples():
        url = row.url if isinstance(row.url, str) and row.url else None
        link = f'<a href="{e(url)}">{e(url)}</a>' if url else "<i>no URL kept</i>"
        published = row.published_date.strftime("%Y-%m-%d") if not _isna(row.published_date) else ""
        rows.append(f"<tr><td>{e(str(row.outlet))}</td><td>{e(str(row.title))}</td><td>{link}</td>"
                    f"<td>{published}</td><td>{e(str(row.reliability))}</td></tr>")
    version, commit, today = _package_version(), _git_commit(), dt.date.today().isoformat()
    cite = (f"customs-facilitation contributors ({today[:4]}). <i>Customs facilitation: curated indicators "
            f"of China's cross-border trade facilitation</i>, report version {e(version)}"
            + (f", commit <code>{e(commit)}</code>" if commit else "")
            + f", data version <code>{e(version_of_data)}</code> (a content hash of data/), built {today}. "
            "Name the parameter set (the section title above) whose pages you cite; CITATION.cff in the "
            "repository and <code>make bundle</code> give the data in citable form.")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Customs facilitation report</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #222; }}
table {{ border-collapse: collapse; width: 100%; font-size: 0.9rem; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }}
td a {{ word-break: break-all; }}
code {{ background: #f4f4f4; padding: 0 0.2rem; }}
</style>
</head>
<body>
<h1>Customs facilitation report</h1>
<p>Each parameter set below is one variant of the report; every page is self-contained and works offline.</p>
{chr(10).join(sets_html)}
<section id="sources"><h2>Sources</h2>
<p>Every figure in the report points to one of these sources. Reliability runs from
<code>official</code> (most reliable) through <code>state_media</code>, <code>repost</code> and
<code>secondary</code> to <code>low</code>.</p>
<table>
<thead><tr><th>Outlet</th><th>Title</th><th>URL</th><th>Published</th><th>Reliability</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table></section>
<section id="how-to-cite"><h2>How to cite</h2>
<p>This report collects figures that others published; cite a figure by its original source
(outlet, title, date and URL above), and cite this report for the selection, the derived figures
and the charts: {cite}</p></section>
</body>
</html>
"""


def _isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


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


# --------------------------------------------------------------------------- whole build

def build(notebooks_dir, params_dir, build_dir, *, data_dir=None) -> Path:
    """Check, run every notebook for every set (serially), then write the index; return it."""
    notebooks, param_sets = check_all(notebooks_dir, params_dir)
    for param_set in param_sets:
        for notebook in notebooks:
            seconds = run(notebook.path, param_set.path, build_dir, notebooks_dir=notebooks_dir)
            print(f"ran {notebook.name} [{param_set.name}] in {seconds:.1f} s", flush=True)
    return write_index(notebooks_dir, params_dir, build_dir, data_dir=data_dir)


def build_parser() -> argparse.ArgumentParser:
    """The command line: check, run, index, build."""
    parser = argparse.ArgumentParser(prog="python -m customs_facilitation.report",
                                     description="Build the offline HTML report (make report calls this).")
    commands = parser.add_subparsers(dest="command", required=True)

    def add(name, text):
        command = commands.add_parser(name, help=text)
        command.add_argument("--build", default="build", help="the build folder (default: build)")
        command.add_argument("--notebooks", default="notebooks", help="the notebooks folder")
        command.add_argument("--params", default=None, help="the parameter sets folder (default: NOTEBOOKS/params)")
        command.add_argument("--data-dir", default=None, help="a data folder (default: the repository's data/)")
        return command

    add("check", "check every notebook's parameters cell and every parameter set")
    command = add("run", "execute one notebook with one parameter set and export its page")
    command.add_argument("notebook")
    command.add_argument("param_set", metavar="PARAMS_YML")
    add("index", "write build/report/index.html")
    add("build", "check, run everything serially, write the index (no make, not incremental)")
    return parser


def main(argv=None) -> int:
    """Run the command line; print a clear one-paragraph message and return 1 on failure."""
    args = build_parser().parse_args(argv)
    params = args.params or str(Path(args.notebooks) / "params")
    try:
        if args.command == "check":
            notebooks, param_sets = check_all(args.notebooks, params)
            print(f"parameters ok: {len(notebooks)} notebook(s) x {len(param_sets)} parameter set(s)")
        elif args.command == "run":
            seconds = run(args.notebook, args.param_set, args.build, notebooks_dir=args.notebooks)
            print(f"ran {Path(args.notebook).stem} [{Path(args.param_set).stem}] in {seconds:.1f} s", flush=True)
        elif args.command == "index":
            print(f"wrote {write_index(args.notebooks, params, args.build, data_dir=args.data_dir)}")
        else:
            print(f"wrote {build(args.notebooks, params, args.build, data_dir=args.data_dir)}")
    except ReportError as error:
        print(f"report: error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
