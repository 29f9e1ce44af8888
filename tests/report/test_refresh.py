"""``refresh`` stores the default set's run as the notebooks' outputs, as a clean kernel leaves them,
and the build then reuses that run instead of running every notebook a second time."""

import contextlib
import copy
import io
import re

import nbformat
import pytest
from nbclient import NotebookClient

from customs_facilitation.errors import ReportError
from customs_facilitation.report.build import build
from customs_facilitation.report.kernels import this_python_kernel_manager
from customs_facilitation.report.refresh import clean, refresh

pytestmark = pytest.mark.slow  # runs kernels


def ran(function, *args, **options) -> list[tuple[str, str]]:
    """The (notebook, set) runs a build-driven call made, from what it says."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        function(*args, **options)
    return sorted(re.findall(r"^ran (\S+) \[(\S+)\]", out.getvalue(), re.M))


def test_refresh_stores_what_a_clean_kernel_leaves_and_the_build_reuses_it(kit, tmp_path):
    notebooks = kit.make_project(tmp_path)
    paths = sorted(notebooks.glob("*.ipynb"))
    params, build_dir = notebooks / "params", tmp_path / "build"

    assert ran(refresh, paths, notebooks, params, build_dir) == [("01-charts", "default"), ("02-plain", "default")]
    assert ran(build, notebooks, params, build_dir) == [("01-charts", "press"), ("02-plain", "press")], \
        "the default set's pages come from the refresh"

    for path in paths:
        stored = nbformat.read(path, as_version=4)
        plain = copy.deepcopy(stored)
        NotebookClient(plain, kernel_name="python3", record_timing=False, timeout=120,
                       kernel_manager_class=this_python_kernel_manager(),
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        assert [c.get("execution_count") for c in stored.cells] == [c.get("execution_count") for c in plain.cells]
        assert [c.get("outputs") for c in stored.cells] == [c.get("outputs") for c in clean(plain).cells], path.name
        assert all("injected-parameters" not in c.metadata.get("tags", []) for c in stored.cells)
    charts = nbformat.read(paths[0], as_version=4)
    assert any("data:image/svg+xml;base64" in o.get("data", {}).get("text/html", "")
               for c in charts.cells for o in c.get("outputs", [])), "charts keep their drawn HTML"

    assert ran(refresh, paths, notebooks, params, build_dir) == [], "nothing changed: nothing runs again"


def test_refresh_needs_a_set_that_keeps_the_defaults(kit, tmp_path):
    notebooks = kit.make_project(tmp_path)
    (notebooks / "params" / "default.yml").unlink()
    with pytest.raises(ReportError, match="no parameter set without parameters"):
        refresh(sorted(notebooks.glob("*.ipynb")), notebooks, notebooks / "params", tmp_path / "build")
