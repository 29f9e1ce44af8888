"""When a page is up to date: a key over everything its run reads, kept beside its notebook.

The key hashes the notebook's cells (their kinds, sources and tags; not their outputs, which a
run makes and ``make refresh`` stores), the parameter set's title and the parameters injected, the
data version (a content hash of ``data/``), the package's code, assets and translations and the Python that runs it. A
page is rebuilt when its key changed or a file of the run is missing; touching a file without
changing it rebuilds nothing.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sys
from pathlib import Path

from ..paths import PACKAGE_DIR
from .inputs import CHARTS_PARAMETER, Notebook, ParameterSet
from .layout import Layout


@functools.cache
def code_version() -> str:
    """A content hash of the package's source files (what the notebooks and the build import), of
    the report's assets (the stylesheet and script every page carries) and of its translations."""
    digest = hashlib.sha256()
    sources = [*PACKAGE_DIR.rglob("*.py"), *(PACKAGE_DIR / "report" / "assets").glob("*"),
               *(PACKAGE_DIR / "locale").rglob("*.po")]
    for path in sorted(p for p in sources if "__pycache__" not in p.parts and p.is_file()):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def run_key(notebook: Notebook, param_set: ParameterSet, parameters: dict, version_of_data: str) -> str:
    """The key of one run: it changes exactly when something the run reads changed."""
    read = {"notebook": cells_hash(notebook.path), "set_title": param_set.title,
            "parameters": {k: v for k, v in parameters.items() if k != CHARTS_PARAMETER},
            "data": version_of_data, "code": code_version(), "python": sys.version}
    return hashlib.sha256(json.dumps(read, sort_keys=True).encode("utf-8")).hexdigest()[:16]


def cells_hash(path) -> str:
    """A content hash of what a notebook's run reads: each cell's kind, source and tags, in order.

    >>> import json, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> def notebook(outputs):
    ...     cell = {"cell_type": "code", "source": ["x = 1"], "metadata": {}, "outputs": outputs}
    ...     (folder / "a.ipynb").write_text(json.dumps({"cells": [cell]}))
    ...     return cells_hash(folder / "a.ipynb")
    >>> notebook([]) == notebook([{"output_type": "stream", "name": "stdout", "text": "1"}])
    True
    """
    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    read = [[c.get("cell_type"), "".join(c.get("source", "")), c.get("metadata", {}).get("tags", [])] for c in cells]
    return hashlib.sha256(json.dumps(read).encode("utf-8")).hexdigest()


def is_fresh(layout: Layout, notebook: Notebook, param_set: ParameterSet, key: str) -> bool:
    """True when the run's page and executed notebook exist and were made with this key."""
    key_file = layout.key(param_set.name, notebook.name)
    return (layout.page(param_set.name, notebook.name).exists()
            and layout.executed(param_set.name, notebook.name).exists()
            and key_file.exists() and key_file.read_text(encoding="utf-8") == key)
