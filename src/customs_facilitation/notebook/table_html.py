"""How a page's tables look: a frame as a publication table, drawn by Great Tables.

No index column; text left, numbers right (and the worded quantities of :mod:`.tables`, which carry
their units); headers in words; every date as '14 July 2025' and every month as 'July 2025'; a
source id links to that source in the page's list of sources, an indicator to its definition in
the report's data dictionary, an address to itself; a wide table scrolls in its own box.

An interactive table is the same table, marked for the report page's script (sort, search and
filter by the columns named): where no script runs, as in a notebook just opened in JupyterLab,
it stays a plain table with every row. Every cell's text is escaped: markup in the data shows as text.
The table's id comes from its headers (:func:`table_id`): the same on every run, and unchanged
when only its rows change, so a diff of a notebook's stored output shows the rows that changed.
"""

from __future__ import annotations

import hashlib
import html
import json
from urllib.parse import urlsplit

import pandas as pd

from ..language import N_, _, current
from . import words
from .tables import QUANTITY_COLUMNS, SORT_KEY

DICTIONARY = "../dictionary.html"
"""The report's data dictionary, from a page (``build/report/<set>/NN-topic.html``)."""
SOURCE_ANCHOR = "source-{}"
"""The id of a source's row in a page's list of sources (:meth:`.Page.sources`)."""
INDICATOR_ANCHOR = "indicator-{}"
"""The id of an indicator's row in the data dictionary."""
INTERACTIVE_CLASS = "cf-interactive"
"""The class of an interactive table's box; the report page's script enhances every such table."""

LINK_TARGETS = {"source_id": "#" + SOURCE_ANCHOR, "indicator_id": f"{DICTIONARY}#{INDICATOR_ANCHOR}", "url": "{}"}
"""Columns whose values link somewhere: where the value leads."""
LINK_LABELS = {"source_id": "source", "indicator_id": "indicator"}
"""Where a frame has both, the words of the second column link by the ids of the first, which is not shown."""

COLUMN_WORDS = {
    "observation_id": N_("figure"), "id": N_("figure"), "indicator_id": N_("indicator"), "source_id": N_("source"),
    "period_start": N_("from"), "period_end": N_("to"), "change_unit": N_("unit of change"),
    "change_basis": N_("change on"), "locator": N_("where in the source"), "published_date": N_("published"),
    "accessed_date": N_("read"), "url": N_("address"), "implied_base_value": N_("implied base value (derived by us)"),
    "value_as_published": N_("as written"), "operation_year": N_("operation year"), "city_en": N_("city"),
    "city_zh": N_("city (Chinese)"), "province_en": N_("province"), "province_zh": N_("province"),
    "count_observation_id": N_("count (figure)"), "related_indicator_id": N_("related indicator"),
    "title": N_("title (our words)"),
}
"""Headers in words for the loaders' column names; any other name reads with spaces for underscores."""
WORDED_COLUMNS = frozenset({"reliability", "status", "kind", "language", "outcome", "expected", "aspect"})
"""Columns whose values are words of the data (:data:`.words.WORDED_VALUES`), translated on a page."""


def header(column: str) -> str:
    """A column's header in words, capitalised.

    >>> header("period_start"), header("published level"), header("change_as_published")
    ('From', 'Published level', 'Change as published')
    """
    text = COLUMN_WORDS.get(column, column.replace("_", " "))
    if current() != "en":
        return _(text) if text.isascii() and not text.isdigit() else text  # a year heads its column as it is
    return text[:1].upper() + text[1:]


def cell_text(value) -> str:
    """A cell's value as the report writes it: numbers with thousands separators, dates in words,
    months as 'July 2025', nothing for a missing value.

    >>> cell_text(1234567.5), cell_text(pd.Timestamp("2025-07-14")), cell_text(pd.Period("2025-07", "M"))
    ('1,234,567.5', '14 July 2025', 'July 2025')
    >>> cell_text(None), cell_text(pd.NA), cell_text("text"), cell_text(True)
    ('', '', 'text', 'yes')
    """
    if isinstance(value, bool):
        return words.value("yes" if value else "no")
    if value is None or (not isinstance(value, (str, pd.Period)) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Period):
        return words.period(value.asfreq("M", "start"), value.asfreq("M", "end"))
    if isinstance(value, pd.Timestamp):
        return words.date(value)
    if pd.api.types.is_number(value):
        return words.number(value)
    return str(value)


def _right_aligned(frame: pd.DataFrame, column: str) -> bool:
    dtype = frame[column].dtype
    numeric = pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
    return numeric or column in QUANTITY_COLUMNS


def _link(target: str, label: str, title: str = "") -> str:
    titled = f' title="{html.escape(title)}"' if title else ""
    return f'<a href="{html.escape(target)}"{titled}>{html.escape(label)}</a>'


def _cells(frame: pd.DataFrame, column: str, anchor: str | None, definitions: dict[str, str],
           linkable: dict[str, set[str]]) -> list[str]:
    """The HTML of one column's cells: escaped text, a link, or the anchor a link leads to."""

    def leads(id_column: str, key: str) -> bool:
        return id_column not in linkable or key in linkable[id_column]

    if column + SORT_KEY in frame.columns:  # the interactive table sorts by the key (tables.js)
        keys = frame[column + SORT_KEY]
        plain = _cells(frame.drop(columns=column + SORT_KEY), column, anchor, definitions, linkable)
        return [cell if pd.isna(key) else f'<span data-order="{float(key)!r}">{cell}</span>'
                for cell, key in zip(plain, keys)]
    if _is_year(frame, column):
        return [str(int(v)) if pd.notna(v) else "" for v in frame[column]]
    texts = [cell_text(v) for v in frame[column]]
    if column in WORDED_COLUMNS:
        texts = [words.value(t) for t in texts]
    if anchor is not None:
        return [f'<span id="{html.escape(anchor.format(t))}">{html.escape(t)}</span>' if t else "" for t in texts]
    by_id = next((i for i, label in LINK_LABELS.items() if label == column and i in frame.columns), None)
    if by_id is not None:  # words that link by another column's ids
        return [_link(LINK_TARGETS[by_id].format(key), t, definitions.get(key, "")) if t and leads(by_id, key)
                else html.escape(t) for key, t in zip(map(cell_text, frame[by_id]), texts)]
    if column == "url":  # a short link (the site's name); an address not kept reads as the table says it
        return [_link(t, short_address(t), t) if t.startswith(("https://", "http://")) else html.escape(t)
                for t in texts]
    if column in LINK_TARGETS:
        return [_link(LINK_TARGETS[column].format(t), t, definitions.get(t, "")) if t and leads(column, t)
                else html.escape(t) for t in texts]
    return [_breakable(html.escape(t)) for t in texts]


def _breakable(text: str) -> str:
    """Escaped text in which a long id or address may break after '_' or '/' (a table column is never
    wider than its longest word, and an address in a note is one long word)."""
    return text.replace("_", "_<wbr>").replace("/", "/<wbr>")


def short_address(url: str) -> str:
    """The site an address is on, as a link's words: a table cell never cuts an address mid-word.

    >>> short_address("https://www.news.cn/fortune/2025-07/14/c_1.htm"), short_address("http://kaosee.cn/x")
    ('news.cn', 'kaosee.cn')
    """
    return urlsplit(url).netloc.removeprefix("www.") or url


def _is_year(frame: pd.DataFrame, column: str) -> bool:
    """A column of whole years (``year``, ``operation_year``): printed 2024, not 2,024."""
    values = frame[column].dropna()
    return ("year" in column.split("_") or column.endswith(" year") or column == "year") and (
        pd.api.types.is_integer_dtype(frame[column].dtype)
        or (pd.api.types.is_numeric_dtype(frame[column].dtype) and bool((values == values.round()).all())))


def displayed_columns(frame: pd.DataFrame) -> list[str]:
    """The columns a table shows: all but the ids whose words another column links by, and sort keys."""
    return [c for c in frame.columns if not (c in LINK_LABELS and LINK_LABELS[c] in frame.columns)
            and not c.endswith(SORT_KEY)]


def table_id(frame: pd.DataFrame, taken: set[str] = frozenset()) -> str:
    """An HTML id for a table, from its columns, not in ``taken`` (the ids a page has used).

    >>> frame = pd.DataFrame({"id": ["S01"]})
    >>> first = table_id(frame)
    >>> first == table_id(frame.assign(id=["F99"])), table_id(frame, {first}) == first + "-2"
    (True, True)
    """
    base = "table-" + hashlib.sha256("\x1f".join(map(str, frame.columns)).encode("utf-8")).hexdigest()[:8]
    return next(f"{base}-{n}" if n > 1 else base for n in range(1, len(taken) + 2)
                if (f"{base}-{n}" if n > 1 else base) not in taken)


def interactive_words() -> dict:
    """What an interactive table says (DataTables' and its column menus' words) in the page's language."""
    return {
        "search": _("Search every column:"), "lengthMenu": _("_MENU_ rows a page"),
        "info": _("Rows _START_ to _END_ of _TOTAL_"), "infoEmpty": _("No rows"),
        "infoFiltered": _("(filtered from _MAX_ rows)"), "zeroRecords": _("No row matches"),
        "emptyTable": _("No rows"), "entries": "", "lengthLabels": {"-1": _("all")},
        "columnControl": {"orderAsc": _("Sort ascending"), "orderDesc": _("Sort descending"),
                          "searchClear": _("Clear search"), "buttons": {"searchClear": _("Clear search")},
                          "list": {"all": _("Select all"), "none": _("Deselect"), "search": _("Search..."),
                                   "empty": _("No options")}},
    }


def table_html(frame: pd.DataFrame, *, html_id: str, filters: tuple[str, ...] = (),
               anchors: dict[str, str] | None = None, definitions: dict[str, str] | None = None,
               linkable: dict[str, set[str]] | None = None, fold: str = "") -> str:
    """The frame as a publication table (HTML) with the id ``html_id``, without its index.

    Args:
        filters: make the table interactive (sortable, searchable) with a list filter on each
            column named here.
        anchors: column -> id pattern (``"source-{}"``): each cell becomes the target of links.
        definitions: indicator id -> definition, shown when the pointer rests on an indicator's link.
        linkable: id column -> the ids that have somewhere to lead (the curated sources, listed on the
            page; the curated indicators, in the dictionary); other ids show as text. Default: all.
        fold: fold the table under this summary (a long reference table), opened with a click.
    """
    from great_tables import GT

    anchors, definitions, linkable = anchors or {}, definitions or {}, linkable or {}
    columns = displayed_columns(frame)
    missing = [c for c in filters if c not in columns]
    if missing:
        raise ValueError(f"cannot filter by {missing}: the table shows {columns}")
    shown = pd.DataFrame({c: _cells(frame, c, anchors.get(c), definitions, linkable) for c in columns})
    right = [c for c in columns if _right_aligned(frame, c)]
    gt = (GT(shown, id=html_id)
          .fmt(lambda cell: cell)  # the cells are HTML already, their text escaped
          .cols_label(**{c: header(c) for c in columns})
          .cols_align("left")
          .tab_options(table_margin_left="0", table_font_size="14px", column_labels_font_weight="bold",
                       container_overflow_x="auto", data_row_padding="4px"))
    if right:
        gt = gt.cols_align("right", columns=right)
    classes = "cf-table" + (f" {INTERACTIVE_CLASS}" if filters else "")
    filtered = " ".join(str(columns.index(c)) for c in filters)
    marked = f' data-filters="{filtered}"' if filters else ""
    if filters and current() != "en":
        marked += f' data-language="{html.escape(json.dumps(interactive_words(), ensure_ascii=False))}"'
    table = f'<div class="{classes}"{marked}>\n{gt.as_raw_html()}\n</div>'
    return f'<details class="cf-fold"><summary>{html.escape(fold)}</summary>\n{table}\n</details>' if fold else table


def table_text(frame: pd.DataFrame) -> str:
    """What a table shows where HTML cannot be shown: its size and headers.

    >>> table_text(pd.DataFrame({"observation_id": ["S01"], "value": [1.5]}))
    'Table of 1 row: Figure, Value'
    """
    return _("Table of {summary}").format(summary=table_summary(frame))


def table_summary(frame: pd.DataFrame) -> str:
    """A table's size and headers: '1 row: Figure, Value'."""
    rows = (_("{count} row") if len(frame) == 1 else _("{count} rows")).format(count=len(frame))
    return _("{rows}: {headers}").format(rows=rows, headers=_(", ").join(header(c) for c in displayed_columns(frame)))
