"""A notebook as a reviewer reads it, in plain text: what ``git diff`` shows of a committed notebook.

Git turns each version of a notebook into this text before comparing them (a *textconv*:
``.gitattributes`` marks ``*.ipynb`` as ``diff=notebook``, ``make setup`` points git's
``diff.notebook.textconv`` at ``customs-facilitation notebook-text``), so a curator's change shows
as the lines it changes on each page: a table's row, a chart's data row, a finding, a figure
listed, never the notebook's JSON or an image's base64.

Each cell is a header line (``## cell 7 [code]``), its source, then each of its outputs under a
line of its own (``### table``, ``### chart NAME: TITLE``...): streams and plain text as they are;
an HTML table as its rows, one line each, cells joined by `` | ``; a chart's record
(:data:`~customs_facilitation.notebook.charts.CHART_MIMETYPE`) as its title and the rows it draws
(a header line of columns, then one line per row, each dataset in the order the spec uses it); the
page's findings as their statements with ids and caveat; its figures record as the ids of the
figures and sources; an image as its size. Execution counts and metadata are left out: they change
on every run. The same notebook always gives the same text.
"""

from __future__ import annotations

import base64
import binascii
import csv
import hashlib
import io
import json
from html.parser import HTMLParser

from ..notebook.charts import CHART_MIMETYPE, chart_name, chart_title
from ..notebook.page import FIGURES_MIMETYPE, FINDINGS_MIMETYPE

SKIPPED_ELEMENTS = {"script", "style", "template"}
"""HTML elements whose content is not text a reader sees."""


def notebook_text(nb) -> str:
    """The notebook ``nb`` (an nbformat notebook, or its JSON as a dict) as plain text, cell by cell.

    >>> nb = {"cells": [{"cell_type": "markdown", "source": "# Trade"},
    ...                 {"cell_type": "code", "source": "print(21.79)", "execution_count": 3,
    ...                  "outputs": [{"output_type": "stream", "name": "stdout", "text": "21.79\\n"}]}]}
    >>> print(notebook_text(nb), end="")
    ## cell 1 [markdown]
    # Trade
    <BLANKLINE>
    ## cell 2 [code]
    print(21.79)
    ### stdout
    21.79
    """
    return "\n".join("\n".join(cell_lines(number, cell)) + "\n" for number, cell in enumerate(nb["cells"], 1))


def cell_lines(number: int, cell) -> list[str]:
    """A cell's header line, its source, its attachments' sizes and its outputs."""
    tags = cell.get("metadata", {}).get("tags", [])
    header = f"## cell {number} [{cell.get('cell_type', 'unknown')}]" + (f" tags: {', '.join(tags)}" if tags else "")
    lines = [header, *_text(cell.get("source", "")).splitlines()]
    for name, bundle in sorted(cell.get("attachments", {}).items()):
        lines += [f"[attachment {name}: {_size(mimetype, data)}]" for mimetype, data in sorted(bundle.items())]
    for output in cell.get("outputs", []):
        lines += output_lines(output)
    return lines


def output_lines(output) -> list[str]:
    """One output as text: a line saying what it is, then what it shows."""
    kind = output.get("output_type")
    if kind == "stream":
        return [f"### {output.get('name', 'stream')}", *_text(output.get("text", "")).splitlines()]
    if kind == "error":
        return ["### error", f"{output.get('ename', '')}: {output.get('evalue', '')}"]
    if kind in ("display_data", "execute_result"):
        return data_lines(output.get("data", {}))
    return [f"### {kind}"]


def data_lines(data: dict) -> list[str]:
    """A display's data as text: the project's records where it holds one (a chart, the findings,
    the figures shown), else its HTML table, its markdown or its plain text; then its images."""
    lines: list[str] = []
    if CHART_MIMETYPE in data:
        lines += chart_lines(data[CHART_MIMETYPE])
    if FINDINGS_MIMETYPE in data:
        lines += findings_lines(data[FINDINGS_MIMETYPE])
    if FIGURES_MIMETYPE in data:
        lines += figures_lines(data[FIGURES_MIMETYPE])
    html = _text(data.get("text/html", ""))
    if "<table" in html.lower() and (not lines or FIGURES_MIMETYPE in data):  # the figures come with the sources
        lines += ["### table", *table_lines(html)]
    elif not lines and "text/markdown" in data:
        lines += ["### markdown", *_text(data["text/markdown"]).splitlines()]
    elif not lines and "text/plain" in data:
        lines += ["### text", *_text(data["text/plain"]).splitlines()]
    elif not lines and html:
        lines += ["### html", *html_text(html)]
    lines += [f"[{mimetype}: {_size(mimetype, data[mimetype])}]" for mimetype in sorted(data)
              if mimetype.startswith("image/")]
    return lines or [f"### [{', '.join(sorted(data)) or 'no data'}]"]


def chart_lines(record) -> list[str]:
    """A chart's record as its name and title, then the rows it draws, dataset by dataset: a line
    of column names, then a CSV line per row (a nested value, such as a map's outline, by size).

    >>> spec = {"title": {"text": "Trade"}, "usermeta": {"name": "02-totals"}, "data": {"name": "d"},
    ...         "datasets": {"d": [{"id": "F01", "value": 21.79}, {"id": "F02", "value": 13}]}}
    >>> print("\\n".join(chart_lines({"spec": spec})))
    ### chart 02-totals: Trade
    id,value
    F01,21.79
    F02,13
    """
    spec = record.get("spec") if isinstance(record, dict) else None
    if not isinstance(spec, dict):
        return ["### chart without a spec"]
    name = chart_name(spec)
    lines = [f"### chart {name}: {chart_title(spec)}" if name else f"### chart: {chart_title(spec)}"]
    for rows in chart_datasets(spec):
        lines += rows_csv(rows).splitlines()
    return lines


def chart_datasets(spec: dict) -> list[list[dict]]:
    """The rows of each dataset of a spec, in the order its views use them (the order stays when a
    value changes, though a dataset's name, a hash of its rows, does not), then any it does not use."""
    named = spec.get("datasets", {}) if isinstance(spec.get("datasets"), dict) else {}
    found: list[list[dict]] = []
    used: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key == "datasets":
                    continue
                if key == "data" and isinstance(item, dict):
                    if item.get("name") in named and item["name"] not in used:
                        used.add(item["name"])
                        found.append(named[item["name"]])
                    if isinstance(item.get("values"), list):
                        found.append(item["values"])
                    continue
                walk(item)

    walk(spec)
    return found + [rows for name, rows in sorted(named.items()) if name not in used]


def rows_csv(rows: list) -> str:
    """Rows (dicts) as CSV text with a header, columns in the order they first appear, as
    :func:`.chart_files.chart_rows_csv` writes a chart's data; a nested value is written as its
    size and a short hash, so a change to it shows without its contents.

    >>> print(rows_csv([{"id": "F01", "shape": {"type": "Polygon", "coordinates": [[1, 2]]}}]), end="")
    id,shape
    F01,<JSON 44 characters #cef418da>
    """
    rows = [row if isinstance(row, dict) else {"value": row} for row in rows]
    columns = list(dict.fromkeys(column for row in rows for column in row))
    text = io.StringIO()
    writer = csv.DictWriter(text, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: _cell(value) for key, value in row.items()} for row in rows)
    return text.getvalue()


def _cell(value):
    if isinstance(value, dict | list):
        encoded = json.dumps(value, sort_keys=True, ensure_ascii=False)
        return f"<JSON {len(encoded)} characters #{hashlib.sha256(encoded.encode('utf-8')).hexdigest()[:8]}>"
    return value


def findings_lines(record) -> list[str]:
    """The page's findings: each statement, with its figures' ids and its caveat.

    >>> print("\\n".join(findings_lines({"findings": [{"statement": "Exports rose.", "ids": ["F02", "F03"],
    ...                                                "caveat": "F03 from a low source"}]})))
    ### findings
    - Exports rose. [F02 F03] Caveat: F03 from a low source.
    """
    lines = ["### findings"]
    for finding in record.get("findings", []) if isinstance(record, dict) else []:
        caveat = finding.get("caveat") or ""
        lines.append(f"- {finding.get('statement', '')} [{' '.join(finding.get('ids', []))}]"
                     + (f" Caveat: {caveat}." if caveat else ""))
    return lines


def figures_lines(record) -> list[str]:
    """The ids of the figures a page showed and of their sources, a line each.

    >>> print("\\n".join(figures_lines({"figures": ["F01", "F02"], "sources": ["paper-a"]})))
    ### figures shown (2): F01 F02
    ### sources cited (1): paper-a
    """
    record = record if isinstance(record, dict) else {}
    figures, sources = record.get("figures", []), record.get("sources", [])
    return [f"### figures shown ({len(figures)}): {' '.join(figures)}",
            f"### sources cited ({len(sources)}): {' '.join(sources)}"]


class _Tables(HTMLParser):
    """Collects each table row's cells and the text outside tables (no script or style)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.text: list[str] = []
        self.cell: list[str] | None = None
        self.depth = 0  # tables open
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_ELEMENTS:
            self.skipping += 1
        elif tag == "table":
            self.depth += 1
        elif tag == "tr" and self.depth:
            self.rows.append([])
        elif tag in ("td", "th") and self.depth:
            self._close_cell()
            self.cell = []
        elif tag in ("br", "p", "div", "li") and not self.depth:
            self.text.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIPPED_ELEMENTS:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "table":
            self._close_cell()
            self.depth = max(0, self.depth - 1)
        elif tag in ("td", "th", "tr"):
            self._close_cell()

    def handle_data(self, data):
        if self.skipping:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif not self.depth:
            self.text.append(data)

    def _close_cell(self):
        if self.cell is not None:
            if not self.rows:
                self.rows.append([])
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None


def table_lines(html: str) -> list[str]:
    """The rows of every table in an HTML fragment, one line each, cells joined by `` | ``.

    >>> table_lines('<style>td {}</style><table><tr><th>Figure</th><th>Level</th></tr>'
    ...             '<tr><td>F01</td><td><span>21.79 trillion</span> yuan</td></tr></table>')
    ['Figure | Level', 'F01 | 21.79 trillion yuan']
    """
    parser = _Tables()
    parser.feed(html)
    parser.close()
    parser._close_cell()
    return [" | ".join(row) for row in parser.rows if row]


def html_text(html: str) -> list[str]:
    """The text an HTML fragment shows, line by line (no markup, script or style; an image's
    address is an attribute, never text).

    >>> html_text('<p>Map of <b>pilot cities</b></p><script>draw()</script><img src="data:image/png;base64,AAAA">')
    ['Map of pilot cities']
    """
    parser = _Tables()
    parser.feed(html)
    parser.close()
    return [" ".join(line.split()) for line in "".join(parser.text).splitlines() if line.strip()]


def _text(value) -> str:
    """A notebook's multiline string, which its JSON may hold as a list of lines."""
    return "".join(value) if isinstance(value, list) else str(value)


def _size(mimetype: str, value) -> str:
    """An image's size in bytes (decoded, for the base64 a notebook stores binary images in).

    >>> _size("image/png", "iVBORw0KGgo="), _size("image/svg+xml", "<svg/>")
    ('8 bytes', '6 bytes')
    """
    text = _text(value) if isinstance(value, str | list) else json.dumps(value)
    if mimetype.startswith("image/") and not mimetype.endswith("+xml"):
        try:
            return f"{len(base64.b64decode(text))} bytes"
        except (binascii.Error, ValueError):
            pass
    return f"{len(text.encode('utf-8'))} bytes"


def notebook_file_text(path) -> str:
    """The text of the notebook file at ``path``; a file that is not a notebook (git may hand over
    one with conflict markers) as it is, so that ``git diff`` still shows it."""
    import warnings

    import nbformat

    with open(path, encoding="utf-8", errors="replace") as file:
        raw = file.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nb = nbformat.reads(raw, as_version=4)
    except Exception:  # not JSON, or not a notebook: nbformat raises several kinds
        return raw
    return notebook_text(nb)
