"""A notebook as a reviewer reads it (git's textconv): cells, tables' rows, charts' data rows,
findings and figures as text, never base64; a changed value changes the line of its row."""

import base64
import copy
import difflib
import os
import re
import subprocess
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from customs_facilitation.notebook.charts import CHART_MIMETYPE
from customs_facilitation.notebook.page import FIGURES_MIMETYPE, FINDINGS_MIMETYPE
from customs_facilitation.paths import REPO_DIR
from customs_facilitation.report.notebook_text import notebook_file_text, notebook_text

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 2).decode("ascii")  # 520 bytes
BASE64_RUN = re.compile(r"[A-Za-z0-9+/]{60,}={0,2}")
TABLE = ("<details><summary>Show the table</summary><style>td { color: red; }</style><table><thead><tr>"
         "<th>Indicator</th><th>Level</th><th>Figure</th></tr></thead><tbody>"
         '<tr><td><a href="#x">goods trade</a></td><td><span data-order="2.179e13">21.79 trillion yuan</span></td>'
         "<td>F01</td></tr><tr><td>exports</td><td>13 trillion yuan</td><td>F02</td></tr></tbody></table></details>")


def chart_spec(values=(21.79, 13, 8.79)) -> dict:
    """A chart's spec as page.chart saves it: a title, a name, its rows in a named dataset."""
    rows = [{"id": figure, "period": "H1 2025", "value": value} for figure, value in zip(("F01", "F02", "F03"), values)]
    return {"title": {"text": "Goods trade", "subtitle": "Levels"}, "usermeta": {"name": "02-totals"},
            "data": {"name": "data-abc"}, "mark": "bar", "datasets": {"data-abc": rows}}


def small_notebook(values=(21.79, 13, 8.79)):
    """A markdown cell, then code cells showing a stream, a table, a chart, an image, findings and figures."""
    display = lambda data: new_output("display_data", data=data)  # noqa: E731
    chart = {CHART_MIMETYPE: {"spec": chart_spec(values)}, "text/plain": "Goods trade. Levels.",
             "text/html": f'<div><img src="data:image/svg+xml;base64,{PNG}"></div>'}
    findings = {FINDINGS_MIMETYPE: {"findings": [{"statement": "Exports outpaced imports.", "ids": ["F02", "F03"],
                                                  "caveat": "F03 from a low source", "kind": "pace",
                                                  "outcome": "faster"}]},
                "text/markdown": "- Exports outpaced imports.", "text/plain": "- Exports outpaced imports."}
    figures = {FIGURES_MIMETYPE: {"figures": ["F01", "F02", "F03"], "sources": ["paper-a"]},
               "text/html": TABLE.replace("Indicator", "Source"), "text/plain": "Table of 2 rows"}
    cells = [new_markdown_cell("# Trade context\n\nThe totals."),
             new_code_cell("print('hello')", execution_count=1,
                           outputs=[new_output("stream", name="stdout", text="hello\n")]),
             new_code_cell("page.table(t)", execution_count=2,
                           outputs=[display({"text/html": TABLE, "text/plain": "Table of 2 rows"})]),
             new_code_cell("page.chart(c)", execution_count=3, outputs=[display(chart)]),
             new_code_cell("plt.show()", execution_count=4,
                           outputs=[display({"image/png": PNG, "text/plain": "<Figure size 640x480>"})]),
             new_code_cell("page.findings(f)", execution_count=5, outputs=[display(findings)]),
             new_code_cell("page.sources()", execution_count=6, outputs=[display(figures)])]
    return nbformat.from_dict(new_notebook(cells=cells))


def test_each_cell_is_its_source_and_its_outputs_as_read():
    lines = notebook_text(small_notebook()).splitlines()
    assert lines[:3] == ["## cell 1 [markdown]", "# Trade context", ""]
    assert lines[5:9] == ["## cell 2 [code]", "print('hello')", "### stdout", "hello"]
    assert lines[12:16] == ["### table", "Indicator | Level | Figure", "goods trade | 21.79 trillion yuan | F01",
                            "exports | 13 trillion yuan | F02"]
    assert lines[19:24] == ["### chart 02-totals: Goods trade", "id,period,value", "F01,H1 2025,21.79",
                            "F02,H1 2025,13", "F03,H1 2025,8.79"]
    assert "### text" in lines and "<Figure size 640x480>" in lines and "[image/png: 520 bytes]" in lines
    assert "- Exports outpaced imports. [F02 F03] Caveat: F03 from a low source." in lines
    assert "### figures shown (3): F01 F02 F03" in lines and "### sources cited (1): paper-a" in lines
    assert "Source | Level | Figure" in lines  # the figures record's table of sources


def test_the_text_holds_no_base64_markup_or_execution_count():
    text = notebook_text(small_notebook())
    assert not BASE64_RUN.search(text) and "data:image" not in text and PNG[:20] not in text
    assert "<" not in text.replace("<Figure size 640x480>", "") and "color: red" not in text
    assert "execution_count" not in text and "[1]" not in text
    assert text.count("- Exports outpaced imports.") == 1  # the record, not its markdown as well


def test_the_text_is_the_same_for_the_same_notebook_however_it_was_run():
    nb = small_notebook()
    rerun = copy.deepcopy(nb)
    for number, cell in enumerate(rerun.cells):
        if cell.cell_type == "code":
            cell.execution_count = 40 + number
            cell.metadata["execution"] = {"iopub.status.busy": f"2026-01-{number + 1:02}"}
    assert notebook_text(nb) == notebook_text(rerun) == notebook_text(small_notebook())


def test_one_changed_value_in_a_chart_changes_exactly_the_line_of_its_row():
    before = notebook_text(small_notebook()).splitlines()
    after = notebook_text(small_notebook(values=(21.79, 13.1, 8.79))).splitlines()
    changed = [line for line in difflib.unified_diff(before, after, lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["-F02,H1 2025,13", "+F02,H1 2025,13.1"]


def test_a_committed_notebook_reads_in_far_fewer_characters_and_no_image_data():
    path = REPO_DIR / "notebooks" / "02-trade-context.ipynb"
    json_text = path.read_text(encoding="utf-8")
    text = notebook_file_text(path)
    assert len(text) * 4 < len(json_text), (len(text), len(json_text))
    assert "data:image" not in text and not BASE64_RUN.search(text)
    assert "### chart 02-trade-totals:" in text and "### findings" in text and "### figures shown" in text
    assert text == notebook_file_text(path)


def test_a_file_that_is_not_a_notebook_is_shown_as_it_is(tmp_path):
    conflicted = tmp_path / "x.ipynb"
    conflicted.write_text('<<<<<<< HEAD\n{"cells": []\n=======\n', encoding="utf-8")
    assert notebook_file_text(conflicted) == '<<<<<<< HEAD\n{"cells": []\n=======\n'


def cell_line() -> str:
    """The regular expression the Makefile gives git to name each hunk's cell (diff.notebook.xfuncname)."""
    (line,) = [line for line in (REPO_DIR / "Makefile").read_text(encoding="utf-8").splitlines()
               if line.startswith("CELL_LINE :=")]
    return line.split(":=", 1)[1].strip().replace("\\#", "#").replace("$$", "$")


def test_git_diff_through_the_textconv_shows_the_changed_row_in_its_cell(tmp_path):
    """As make review runs git: .gitattributes marks notebooks, the command line converts them."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_PAGER": "cat"}

    def git(*args):
        done = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=tmp_path,
                              env=env, capture_output=True, text=True, encoding="utf-8")
        assert done.returncode == 0, done.stderr
        return done.stdout

    git("init", "-q")
    (tmp_path / ".gitattributes").write_bytes((REPO_DIR / ".gitattributes").read_bytes())
    nbformat.write(small_notebook(), tmp_path / "02-page.ipynb")
    git("add", ".")
    git("commit", "-q", "-m", "first")
    nbformat.write(small_notebook(values=(21.79, 13.1, 8.79)), tmp_path / "02-page.ipynb")
    textconv = f"{sys.executable} -m customs_facilitation notebook-text"
    diff = git("-c", f"diff.notebook.textconv={textconv}", "-c", f"diff.notebook.xfuncname={cell_line()}", "diff")
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["-F02,H1 2025,13", "+F02,H1 2025,13.1"], diff
    assert re.search(r"^@@ .* @@ ## cell 4 \[code\]$", diff, re.MULTILINE), diff
    assert "base64" not in diff and '"outputs"' not in diff
