"""What a page carries besides its content: the stylesheet always, DataTables only with an
interactive table, both inline."""

import pytest

from customs_facilitation.errors import ReportError
from customs_facilitation.report.assets import add_assets

PAGE = "<html><head><title>t</title></head><body>{}</body></html>"


def test_every_page_gets_the_stylesheet_and_only_an_interactive_one_gets_datatables():
    plain = add_assets(PAGE.format('<div class="cf-table"><table></table></div>'))
    assert ".cf-table" in plain and "cf-datatables-bundle" not in plain and "<script" not in plain
    interactive = add_assets(PAGE.format('<div class="cf-table cf-interactive" data-filters="1"><table></table></div>'))
    assert interactive.count('id="cf-datatables-bundle"') == 1 and interactive.count('<script type="module">') == 1
    head, body = interactive.split("</head>")
    assert ".dt-container" in head  # DataTables' own stylesheet, inline
    assert body.index('id="cf-datatables-bundle"') < body.index('<script type="module">') < body.index("</body>")
    assert "src=" not in interactive and "<link" not in interactive  # nothing fetched


def test_a_page_without_one_head_and_one_body_is_refused():
    with pytest.raises(ReportError, match="2 '</head>' tags"):
        add_assets("<head></head><head></head><body></body>")
