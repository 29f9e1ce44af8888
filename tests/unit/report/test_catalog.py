"""The translation catalogs: every message the code and the notebooks mark is translated, and
every translation keeps its message's placeholders."""

import json
import string

import nbformat
import pytest
from babel.messages.pofile import read_po

from customs_facilitation.language import LANGUAGES, catalog_path
from customs_facilitation.paths import REPO_DIR, report_notebooks
from customs_facilitation.report.catalog import (
    extract_notebook,
    is_translated,
    translate_markdown,
    translated_copies,
    untranslated,
)

TRANSLATED = [language for language in LANGUAGES if language != "en"]


def placeholders(text: str) -> set[str]:
    return {name for _text, name, _spec, _conversion in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_marked_message_has_a_translation(language):
    missing = untranslated(language)
    listed = "; ".join(f"{message!r} ({where[0]})" for message, where in missing.items())
    assert not missing, (f"{len(missing)} message(s) without a translation in {catalog_path(language)}; run "
                         f"`make catalogs` and translate them: {listed}")


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_translation_keeps_the_placeholders_of_its_message(language):
    with open(catalog_path(language), "rb") as po:
        catalog = read_po(po)
    wrong = [(m.id, m.string) for m in catalog if m.id and m.string and placeholders(m.id) != placeholders(m.string)]
    assert not wrong, wrong


def test_each_markdown_cell_of_a_translated_notebook_is_one_message():
    for path in report_notebooks(REPO_DIR / "notebooks"):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        with open(path, "rb") as handle:
            found = {message for _cell, funcname, message, _comments in extract_notebook(handle, ["_"], [], {})
                     if funcname is None}
        expected = {c["source"] if isinstance(c["source"], str) else "".join(c["source"]) for c in cells
                    if c["cell_type"] == "markdown"} if is_translated(cells) else set()
        assert found == {text.strip() for text in expected if text.strip()}, path.name


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_translated_notebook_has_no_markdown_cell_left_in_english(language):
    for path in report_notebooks(REPO_DIR / "notebooks"):
        nb = nbformat.read(path, as_version=4)
        if not is_translated(nb.cells):
            continue
        english = [c.source for c in nb.cells if c.cell_type == "markdown"]
        translate_markdown(nb, language)
        assert all(c.source != text for c, text in zip([c for c in nb.cells if c.cell_type == "markdown"], english))


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_copies_for_jupyterlab_are_in_the_language_with_its_parameter_and_no_outputs(tmp_path, language):
    written = translated_copies(REPO_DIR / "notebooks", tmp_path, language)
    translated = [p.name for p in report_notebooks(REPO_DIR / "notebooks")
                  if is_translated(nbformat.read(p, as_version=4).cells)]
    assert sorted(p.name for p in written) == sorted(translated) and translated
    for path in written:
        copy, original = nbformat.read(path, as_version=4), nbformat.read(REPO_DIR / "notebooks" / path.name, 4)
        pairs = list(zip(copy.cells, original.cells))
        assert len(copy.cells) == len(original.cells)
        assert all(c.source != o.source for c, o in pairs if c.cell_type == "markdown"), path.name
        assert all(c.source == o.source and not c.outputs for c, o in pairs
                   if c.cell_type == "code" and "parameters" not in c.metadata.get("tags", [])), path.name
        (parameters,) = [c.source for c in copy.cells if "parameters" in c.metadata.get("tags", [])]
        assert f'language = "{language}"' in parameters.splitlines(), path.name
