"""Rows of a curated table written into its CSV text, every other line left as it is.

A curated CSV keeps each row on one line (a cell with a line break is refused), so a row is
replaced by finding the line that starts with its key, and rows are appended at the end, quoted as
pandas and the csv module quote: only where a cell needs it.
"""

from __future__ import annotations

import csv
import io


def csv_line(cells: list[str]) -> str:
    """One CSV line, ending in a newline.

    >>> csv_line(["T04", "3,776 instances", ""])
    'T04,"3,776 instances",\\n'
    """
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cells)
    return out.getvalue()


def with_rows(text: str, appended: list[list[str]] = (), replaced: dict[str, list[str]] | None = None) -> str:
    """``text`` with the rows keyed by their first cell in ``replaced`` rewritten and ``appended``
    added at the end.

    Raises:
        KeyError: for a key of ``replaced`` that no row has.

    >>> with_rows("id,v\\nA,1\\nB,2", [["C", "3"]], {"A": ["A", "9"]})
    'id,v\\nA,9\\nB,2\\nC,3\\n'
    """
    lines = text.splitlines(keepends=True)
    replaced = dict(replaced or {})
    for number, line in enumerate(lines[1:], start=1):
        key = next(csv.reader([line]), [""])[0]
        if key in replaced:
            lines[number] = csv_line(replaced.pop(key))
    if replaced:
        raise KeyError(", ".join(replaced))
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return "".join(lines) + "".join(csv_line(cells) for cells in appended)
