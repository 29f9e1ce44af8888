"""When a page is up to date: a key over everything its run reads, kept beside its notebook.

The key hashes the notebook's bytes, the parameter set's title and the parameters injected, the
data version (a content hash of ``data/``), the package's code and assets and the Python that runs it. A
page is rebuilt when its key changed or a file of the run is missing; touching a file without
changing it rebuilds nothing.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sys

from ..paths import PACKAGE_DIR
from .inputs import CHARTS_PARAMETER, Notebook, ParameterSet
from .layout import Layout


@functools.cache
def code_version() -> str:
    """A content hash of the package's source files (what the notebooks and the build import) and
    of the report's assets (the stylesheet and script every page carries)."""
    digest = hashlib.sha256()
    sources = [*PACKAGE_DIR.rglob("*.py"), *(PACKAGE_DIR / "report" / "assets").glob("*")]
    for path in sorted(p for p in sources if "__pycache__" not in p.parts and p.is_file()):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def run_key(notebook: Notebook, param_set: ParameterSet, parameters: dict, version_of_data: str) -> str:
    """The key of one run: it changes exactly when something the run reads changed."""
    read = {"notebook": hashlib.sha256(notebook.path.read_bytes()).hexdigest(), "set_title": param_set.title,
            "parameters": {k: v for k, v in parameters.items() if k != CHARTS_PARAMETER},
            "data": version_of_data, "code": code_version(), "python": sys.version}
    return hashlib.sha256(json.dumps(read, sort_keys=True).encode("utf-8")).hexdigest()[:16]


def is_fresh(layout: Layout, notebook: Notebook, param_set: ParameterSet, key: str) -> bool:
    """True when the run's page and executed notebook exist and were made with this key."""
    key_file = layout.key(param_set.name, notebook.name)
    return (layout.page(param_set.name, notebook.name).exists()
            and layout.executed(param_set.name, notebook.name).exists()
            and key_file.exists() and key_file.read_text(encoding="utf-8") == key)
