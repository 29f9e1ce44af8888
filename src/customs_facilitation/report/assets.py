"""What a report page carries besides its content: the report's stylesheets and, on a page with an
interactive table, DataTables (the offline bundle that itables ships) and the script that turns
each such table into one that sorts, searches and filters. All of it inline: nothing is fetched.
"""

from __future__ import annotations

import base64
import functools
from pathlib import Path

from ..errors import ReportError
from ..notebook.table_html import INTERACTIVE_CLASS

ASSETS = Path(__file__).parent / "assets"


@functools.cache
def datatables_bundle() -> tuple[str, str]:
    """itables' offline DataTables bundle: (its JavaScript as base64, its CSS)."""
    import itables

    folder = Path(itables.__file__).parent / "html"
    script, style = (folder / "dt_bundle.js").read_bytes(), (folder / "dt_bundle.css").read_text(encoding="utf-8")
    if "</style" in style.lower():
        raise ReportError("itables' dt_bundle.css contains '</style'; it cannot be inlined")
    return base64.b64encode(script).decode("ascii"), style


def site_css() -> str:
    """The stylesheet of the index and the data dictionary (pages the report writes itself)."""
    return (ASSETS / "site.css").read_text(encoding="utf-8")


def add_assets(page_html: str) -> str:
    """The page with the report's stylesheet, and DataTables where the page has an interactive table.

    Raises:
        ReportError: if the page has not exactly one ``</head>`` and one ``</body>`` to add them at.
    """
    for tag in ("</head>", "</body>"):
        if page_html.count(tag) != 1:
            raise ReportError(f"the exported page has {page_html.count(tag)} '{tag}' tags; expected one")
    head = f"<style>\n{(ASSETS / 'report.css').read_text(encoding='utf-8')}</style>\n"
    end = ""
    if f'class="cf-table {INTERACTIVE_CLASS}"' in page_html:
        script, style = datatables_bundle()
        head += f"<style>\n{style}\n</style>\n"
        end = (f'<script type="text/plain" id="cf-datatables-bundle">\n{script}\n</script>\n'
               f'<script type="module">\n{(ASSETS / "tables.js").read_text(encoding="utf-8")}</script>\n')
    return page_html.replace("</head>", head + "</head>", 1).replace("</body>", end + "</body>", 1)
