"""A report page from an executed notebook: outputs reach it as the kernel made them."""

from pathlib import Path

from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from customs_facilitation.report.html import export_html

TABLE = '<table data-b="2" data-a="1"><tr><td>1 &lt; 2</td></tr></table>'


def test_an_html_output_reaches_the_page_verbatim_in_a_box_nbconvert_made_focusable():
    output = new_output("display_data", data={"text/html": TABLE, "text/plain": "table"})
    nb = new_notebook(cells=[new_markdown_cell("# Tiny"), new_code_cell("table", outputs=[output]),
                             new_code_cell("same_again", outputs=[output])])
    page = export_html(nb, Path("tiny.ipynb"))
    assert page.count(TABLE) == 2 and "cf-output-" not in page
    box = page[:page.index(TABLE)].rsplit("<div", 1)[1]
    assert "jp-OutputArea-output" in box and 'tabindex="0"' in box
