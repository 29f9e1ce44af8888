"""The report's inputs: each notebook's ``parameters`` cell and the parameter-set YAML files.

``read_report_inputs`` reads every ``notebooks/NN-topic.ipynb`` and ``notebooks/params/*.yml`` and fails
at once on a malformed parameter set or a key that no notebook declares.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import ReportError
from ..paths import report_notebooks

NOTEBOOK_NAME = re.compile(r"^[0-9]{2}-[A-Za-z0-9_.-]+$")
SET_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
SET_KEYS = {"title", "description", "parameters"}
CHARTS_PARAMETER = "charts_dir"
RENAMED_PARAMETERS = {"figures_dir": CHARTS_PARAMETER}
"""Old parameter names and their new ones (a drawing is a chart; a figure is a published number)."""
_UNKNOWN = object()  # a default that is not a literal: any value type is accepted


@dataclass(frozen=True)
class _InputFile:
    """A file the report reads; its name (the file's stem) names pages and folders."""

    path: Path

    @property
    def name(self) -> str:
        return self.path.stem


@dataclass(frozen=True)
class Notebook(_InputFile):
    """A report notebook, the parameters its ``parameters`` cell declares (name -> default), its
    title and the modules its code imports."""

    parameters: dict
    title: str
    imports: frozenset[str]


@dataclass(frozen=True)
class ParameterSet(_InputFile):
    """One ``notebooks/params/<name>.yml``: a label, a description and parameter values."""

    title: str
    description: str
    parameters: dict


def _well_named(path, pattern: re.Pattern, rule: str) -> Path:
    """``path`` as a Path, if its stem follows ``pattern``; else a ReportError saying the rule."""
    path = Path(path)
    if not pattern.match(path.stem):
        raise ReportError(f"{path}: {rule}; rename it")
    return path


def read_notebook(path) -> Notebook:
    """Read a notebook's declared parameters (literal defaults) and its first heading.

    Raises:
        ReportError: if the notebook is unreadable, its name is not ``NN-topic.ipynb`` or it
            has not exactly one cell tagged ``parameters``.
    """
    path = _well_named(path, NOTEBOOK_NAME, "a report notebook is named NN-topic.ipynb (two digits, a dash, "
                                             "letters, digits or dashes)")
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
    try:
        parameters = declared_parameters(_source(cell))
    except SyntaxError as error:
        raise ReportError(f"{path}: the parameters cell (cell {number + 1}) is not valid Python: "
                          f"{error.msg} on line {error.lineno}") from error
    return Notebook(path=path, parameters=parameters, title=first_heading(cells) or path.stem,
                    imports=imported_modules(cells))


def declared_parameters(source: str) -> dict:
    """The names a parameters cell assigns, with their literal defaults (a default that is no literal
    accepts any value).

    Raises:
        SyntaxError: if the cell is not valid Python.

    >>> declared_parameters('as_of = ""\\nlanguage: str = "en"')
    {'as_of': '', 'language': 'en'}
    """
    parameters = {}
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, ast.AnnAssign) and node.value is not None else [])
        for target in targets:
            if isinstance(target, ast.Name):
                try:
                    parameters[target.id] = ast.literal_eval(node.value)
                except ValueError:
                    parameters[target.id] = _UNKNOWN
    return parameters


def imported_modules(cells) -> frozenset[str]:
    """The modules that code cells import (``import a.b``, ``from a.b import c``), in the cells
    that parse as Python once their magic and shell lines (``%``, ``!``) are left out.

    >>> sorted(imported_modules([{"cell_type": "code", "source": "%matplotlib inline\\nimport a.b as ab\\n"
    ...                           "from c import d\\nfrom . import e"}]))
    ['a.b', 'c']
    """
    found = set()
    for cell in cells:
        if cell.get("cell_type") != "code":
            continue
        lines = [line for line in _source(cell).splitlines() if not line.lstrip().startswith(("%", "!"))]
        try:
            tree = ast.parse("\n".join(lines))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
    return frozenset(found)


def _source(cell) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def first_heading(cells) -> str | None:
    """The text of the first markdown '# ' heading in ``cells``, or None."""
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            for line in _source(cell).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return None


def find_notebooks(notebooks_dir) -> list[Notebook]:
    """Every ``NN-topic.ipynb`` in ``notebooks_dir``, in order. Raises ReportError if none."""
    paths = report_notebooks(notebooks_dir)
    if not paths:
        raise ReportError(f"{notebooks_dir}: no report notebooks (NN-topic.ipynb) found")
    return [read_notebook(p) for p in paths]


def read_parameter_set(path) -> ParameterSet:
    """Read and validate the shape of one parameter-set YAML file.

    Raises:
        ReportError: naming the file, for bad YAML, a missing or unknown key, or a value that
            is not a string, number, boolean, null or a list/mapping of those.
    """
    path = _well_named(path, SET_NAME, "a parameter set's file name may hold only letters, digits, '-', '_' "
                                       "and '.'")
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


def require_declared_parameters(param_set: ParameterSet, notebooks: list[Notebook]) -> None:
    """Fail if a key is declared by no notebook, or its value's type differs from the default's."""
    for name, value in param_set.parameters.items():
        declaring = [nb for nb in notebooks if name in nb.parameters]
        if not declaring and name in RENAMED_PARAMETERS:
            raise ReportError(f"{param_set.path}: parameter '{name}' is now called '{RENAMED_PARAMETERS[name]}' "
                              f"(a drawing is a chart; a figure is a published number); rename it")
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


def parameters_for(notebook: Notebook, param_set: ParameterSet, charts_dir: Path) -> dict:
    """The parameters to inject: those of the set the notebook declares, plus charts_dir."""
    chosen = {k: v for k, v in param_set.parameters.items() if k in notebook.parameters}
    if CHARTS_PARAMETER in notebook.parameters:
        chosen[CHARTS_PARAMETER] = str(charts_dir)
    return chosen


def page_language(notebook: Notebook, param_set: ParameterSet) -> str:
    """The language a notebook's page is written in under a parameter set: the set's ``language``
    where the notebook declares the parameter (the start-here notebook does not: it stays English)."""
    return param_set.parameters.get("language", "en") if "language" in notebook.parameters else "en"


def read_report_inputs(notebooks_dir, params_dir) -> tuple[list[Notebook], list[ParameterSet]]:
    """Read and validate every notebook and parameter set; raise ReportError at the first problem."""
    notebooks = find_notebooks(notebooks_dir)
    param_sets = find_parameter_sets(params_dir)
    for param_set in param_sets:
        require_declared_parameters(param_set, notebooks)
    return notebooks, param_sets
