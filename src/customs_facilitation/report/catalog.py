"""The report's messages in the notebooks: Babel's extractor for them, and the notebooks translated.

A report notebook that declares a ``language`` parameter is translated: each of its markdown cells is
one message (the whole cell), and its code cells' ``_("...")`` calls are messages as in any Python
file. ``babel.cfg`` tells ``pybabel extract`` to read notebooks with :func:`extract_notebook`; the
build puts each markdown cell's translation in place before it runs a page in another language
(:func:`translate_markdown`), and writes copies in that language for JupyterLab (:func:`translated_copies`).
A notebook without the parameter (the start-here notebook) stays English.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from babel.messages.extract import extract_from_dir, extract_python

from ..language import _, translations, use
from ..paths import REPO_DIR

LANGUAGE_PARAMETER = "language"
MAPPING = REPO_DIR / "babel.cfg"
KEYWORDS = {"_": None, "N_": None}


def is_translated(cells) -> bool:
    """Whether a notebook's cells declare the ``language`` parameter (its pages can be translated)."""
    from .inputs import _source, declared_parameters

    return any(LANGUAGE_PARAMETER in declared_parameters(_source(cell)) for cell in cells
               if "parameters" in cell.get("metadata", {}).get("tags", []))


def markdown_message(source: str) -> str:
    """A markdown cell's message: its text without the blank lines around it."""
    return source.strip()


def extract_notebook(fileobj, keywords, comment_tags, options):
    """Babel extractor for a report notebook: each markdown cell, then the ``_()`` calls of its code.

    Yields ``(cell number, funcname, message, comments)``; the cell number stands for the line.
    """
    from .inputs import _source

    cells = json.load(fileobj)["cells"]
    if not is_translated(cells):
        return
    for number, cell in enumerate(cells, start=1):
        source = _source(cell)
        if cell.get("cell_type") == "markdown" and markdown_message(source):
            yield number, None, markdown_message(source), [f"markdown cell {number}"]
        elif cell.get("cell_type") == "code":
            for _line, funcname, message, comments in extract_python(
                    io.BytesIO(source.encode("utf-8")), keywords, comment_tags, options):
                yield number, funcname, message, comments


def translate_markdown(nb, language: str) -> None:
    """Put each markdown cell of an nbformat notebook in ``language`` (a missing translation raises)."""
    with use(language):
        for cell in nb.cells:
            if cell.cell_type == "markdown" and markdown_message(cell.source):
                cell.source = _(markdown_message(cell.source))


def translated_copies(notebooks_dir, out_dir, language: str) -> list[Path]:
    """Write each report notebook that can be translated into ``out_dir``, in ``language``: its markdown
    cells translated, its ``language`` parameter set to it, its outputs cleared (run it to see them).
    JupyterLab then shows a page in ``language`` as the build does. Returns the copies written."""
    import nbformat

    from ..files import replacing
    from ..paths import report_notebooks

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in report_notebooks(notebooks_dir):
        nb = nbformat.read(path, as_version=4)
        if not is_translated(nb.cells):
            continue
        translate_markdown(nb, language)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
            if "parameters" in cell.metadata.get("tags", []):
                cell.source = "\n".join(f'{LANGUAGE_PARAMETER} = "{language}"'
                                        if line.split("=")[0].strip() == LANGUAGE_PARAMETER else line
                                        for line in cell.source.splitlines())
        with replacing(out_dir / path.name) as tmp:
            nbformat.write(nb, str(tmp))
        written.append(out_dir / path.name)
    return written


def messages(root: Path = REPO_DIR) -> dict[str, list[str]]:
    """Every message the report's code and notebooks mark, with where each is (as ``pybabel
    extract -F babel.cfg`` finds them)."""
    from babel.messages.frontend import parse_mapping_cfg

    with open(MAPPING, encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping)
    found: dict[str, list[str]] = {}
    for path, line, message, _comments, _context in extract_from_dir(
            root, method_map, options_map, keywords=KEYWORDS):
        if isinstance(message, str):
            found.setdefault(message, []).append(f"{path}:{line}")
    return found


def untranslated(language: str, root: Path = REPO_DIR) -> dict[str, list[str]]:
    """The messages marked in the code and notebooks that ``language``'s catalog does not translate."""
    held = translations(language)._catalog  # noqa: SLF001 (gettext's own table of translations)
    return {message: where for message, where in messages(root).items() if not held.get(message)}
