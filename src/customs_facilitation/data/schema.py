"""Read one table against its Frictionless schema: check every cell, then cast to typed columns.

The field dictionary is ``data/datapackage.json``; nothing here restates it. Checks are
vectorised, so that reading and validating a table costs a small multiple of a plain
``pandas.read_csv`` of it (``benchmarks/bench_loading.py``). Nothing is coerced silently: every
cell that does not fit its declared type or constraints becomes a :class:`Problem`.
"""

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from ..errors import DataValidationError, Problem
from . import cells

NUMBER_PATTERN = r"[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?"
INTEGER_PATTERN = r"[-+]?[0-9]+"
DATE_PATTERN = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
YEARMONTH_PATTERN = r"[0-9]{4}-(0[1-9]|1[0-2])"
MAX_LISTED_PER_RULE = 20
BLOCK_BYTES = 4 << 20
"""pyarrow reads a CSV in blocks of this size; each column is then one chunk per block."""


def read_descriptor(data_dir: Path) -> dict:
    """Return the parsed ``datapackage.json`` of ``data_dir``."""
    path = data_dir / "datapackage.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problem = Problem(str(path), "not found: every data folder needs its datapackage.json")
        raise DataValidationError([problem]) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise DataValidationError([Problem(path.name, f"is not valid UTF-8 JSON: {error}")]) from None


def resource(descriptor: dict, name: str) -> dict:
    """Return the resource called ``name`` from a descriptor."""
    for res in descriptor.get("resources", []):
        if res.get("name") == name:
            return res
    raise DataValidationError([Problem("datapackage.json", f"has no resource named {name!r}")])


def closed_fields(res: dict) -> set[str]:
    """The text fields whose values come from a closed list: an ``enum``, or a single-column
    foreign key. Asked for, they are read and typed as categoricals (one small code per row)."""
    schema = res["schema"]
    keys = {fk["fields"][0] for fk in schema.get("foreignKeys", []) if len(fk["fields"]) == 1}
    return {f["name"] for f in schema["fields"]
            if f["type"] == "string" and ("enum" in f.get("constraints", {}) or f["name"] in keys)}


def read_raw(path: Path, fields: list[str], closed: set[str] = frozenset()) -> tuple[pd.DataFrame | None,
                                                                                    list[Problem]]:
    """Read a CSV as text cells (no type guessing), the ``closed`` fields' cells as categoricals
    where the file is well formed. Return (table or None, problems)."""
    name = path.name
    try:
        table = _read_well_formed(path, fields, closed)
        if table is not None:
            return table, []
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(name, f"not found in {path.parent}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(name, f"is not UTF-8: byte {raw[error.start]:#04x} on line {line}; "
                                    "save the file as UTF-8")]
    if not text.strip():
        return None, [Problem(name, f"is empty; expected a header line: {','.join(fields)}")]
    longer = _rows_longer_than_the_header(name, text, fields)
    if longer:
        return None, longer
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8")
    except pd.errors.ParserError as error:
        return None, [Problem(name, f"is not a well-formed CSV: {error}")]
    return table, []


def _rows_longer_than_the_header(name: str, text: str, fields: list[str]) -> list[Problem]:
    """Below the declared header, rows with more fields than it (pandas would quietly take the
    first column for an index, or drop the extra cells), numbered as pandas numbers rows (blank
    lines skipped) and capped per rule. A header unlike the declared one is reported as such."""
    rows = csv.reader(io.StringIO(text.removeprefix("\ufeff")))
    try:
        if next(rows, None) != fields:
            return []
        longer = []
        data_rows = (row for row in rows if row and not (len(row) == 1 and not row[0].strip()))
        for number, row in enumerate(data_rows, 1):
            if len(row) > len(fields):
                longer.append((number, len(row)))
    except csv.Error:  # pandas' reader then says what is wrong with the file
        return []
    return ([Problem(name, f"has {width} fields, more than the header's {len(fields)}", row=number)
             for number, width in longer[:MAX_LISTED_PER_RULE]]
            + _the_rest(name, len(longer), "rows", f"has more fields than the header's {len(fields)}"))


def _read_well_formed(path: Path, fields: list[str], closed: set[str]) -> pd.DataFrame | None:
    """The common case, fast: a UTF-8 CSV whose first line is the declared header and whose
    rows all have its fields, read by pyarrow as text cells. None for anything else: pandas'
    reader then reads it as before and the checks name what is wrong."""
    with path.open("rb") as handle:
        if handle.readline().removesuffix(b"\n").removesuffix(b"\r") != ",".join(fields).encode("utf-8"):
            return None
    types = {f: pa.dictionary(pa.int32(), pa.large_string()) if f in closed else pa.large_string() for f in fields}
    try:  # one thread: pyarrow's threads add CPU time and, on a busy machine, elapsed time
        table = pacsv.read_csv(path, read_options=pacsv.ReadOptions(use_threads=False, block_size=BLOCK_BYTES),
                               parse_options=pacsv.ParseOptions(newlines_in_values=True),
                               convert_options=pacsv.ConvertOptions(column_types=types, strings_can_be_null=False,
                                                                    quoted_strings_can_be_null=False))
    except pa.ArrowInvalid:
        return None
    return table.to_pandas() if table.column_names == fields else None


def header_problems(name: str, table: pd.DataFrame, fields: list[str]) -> list[Problem]:
    """Compare the header with the declared fields: missing, extra, or out of order."""
    header = list(table.columns)
    problems = [Problem(name, f"missing column {f!r}", column=f) for f in fields if f not in header]
    problems += [Problem(name, f"unexpected column {c!r}; declared columns are {', '.join(fields)}", column=c)
                 for c in header if c not in fields]
    if not problems and header != fields:
        problems.append(Problem(name, f"columns are out of order; expected {', '.join(fields)}"))
    return problems


def _cell_problems(name: str, column: pd.Series, bad: pd.Series, message: str) -> list[Problem]:
    """One problem per offending cell (capped per rule, with a count of the rest)."""
    rows = bad[bad].index
    return ([Problem(name, message, row=int(i) + 1, column=column.name, value=column[i])
             for i in rows[:MAX_LISTED_PER_RULE]]
            + _the_rest(name, len(rows), "cells", message, column=column.name))


def _the_rest(name: str, found: int, what: str, message: str, column: str | None = None) -> list[Problem]:
    """Beyond the first :data:`MAX_LISTED_PER_RULE` of ``found`` breaches of one rule, one problem
    counting the rest (none if there is no rest)."""
    rest = found - MAX_LISTED_PER_RULE
    return [Problem(name, f"... and {rest} more {what} break the same rule ({message})", column=column)] if rest > 0 \
        else []


def field_problems(name: str, column: pd.Series, field: dict) -> list[Problem]:
    """Check every cell of one column against its field's type and constraints.

    The rules run once per distinct value where cells repeat (see :func:`.cells.values_of`), then
    the offending values are traced back to their rows.
    """
    constraints = field.get("constraints", {})
    values = cells.values_of(column)
    present = ~cells.is_empty(values)
    checks = [(cells.has_line_break(values), "contains a line break; keep each row on one line"),
              (cells.has_outer_space(values), "has leading or trailing whitespace")]
    if constraints.get("required"):
        checks.append((~present, "is empty but required"))
    type_pattern = {"number": NUMBER_PATTERN, "integer": INTEGER_PATTERN,
                    "date": DATE_PATTERN, "yearmonth": YEARMONTH_PATTERN}.get(field["type"])
    if type_pattern:
        expected = {"number": "a number (digits, optional sign and decimal point)",
                    "integer": "a whole number", "date": "a date YYYY-MM-DD",
                    "yearmonth": "a month YYYY-MM"}[field["type"]]
        written_as_type = present & cells.full_match(values, type_pattern)
        wrong = present & ~written_as_type
        if field["type"] == "date":
            dates = pd.Series(values.to_pylist(), dtype="str").where(written_as_type)
            wrong |= written_as_type & pd.to_datetime(dates, format="%Y-%m-%d", errors="coerce").isna().to_numpy()
        checks.append((wrong, f"is not {expected}"))
    elif field["type"] != "string":
        message = f"field {field['name']!r} has unsupported type {field['type']!r}"
        raise DataValidationError([Problem("datapackage.json", message)])
    if "enum" in constraints:
        checks.append((present & ~cells.is_one_of(values, constraints["enum"]),
                       f"is not one of the allowed values: {', '.join(constraints['enum'])}"))
    if "pattern" in constraints:
        checks.append((present & ~cells.full_match(values, constraints["pattern"]),
                       f"does not match the pattern {constraints['pattern']}"))
    if "minimum" in constraints and field["type"] in ("number", "integer"):
        # an integer field's "-1.5" is written as a number too, and below a minimum of 0
        as_number = written_as_type if field["type"] == "number" else present & cells.full_match(values, NUMBER_PATTERN)
        checks.append((cells.below(values, as_number, constraints["minimum"]),
                       f"is below the minimum {constraints['minimum']}"))
    problems = []
    for bad_values, message in checks:
        if bad_values.any():
            offending = pd.Series(values.filter(pa.array(bad_values)).to_pylist(), dtype="str")
            problems += _cell_problems(name, column, cells.rows_in(column, offending), message)
    return problems


def duplicate_key_problems(name: str, table: pd.DataFrame, key: list[str]) -> list[Problem]:
    """Primary key values must be unique (emptiness is caught as 'required')."""
    if not key or (len(key) == 1 and cells.all_distinct(table[key[0]])):
        return []
    duplicated = table.duplicated(subset=key, keep="first")
    label = ", ".join(key)
    return [Problem(name, f"duplicates the primary key ({label}) of an earlier row", row=int(i) + 1,
                    column=label, value=" | ".join(table.loc[i, key])) for i in table.index[duplicated]]


def _parse_distinct(text: pd.Series, kind: str) -> pd.Series:
    """Parse dates or months once per distinct value, then spread them over the rows (missing where empty)."""
    distinct = pd.Series(text.unique(), dtype="str")
    written = distinct.mask(distinct == "")
    if kind == "date":
        parsed, dtype = pd.to_datetime(written, format="%Y-%m-%d"), "datetime64[us]"
    else:
        parsed, dtype = pd.to_datetime(written, format="%Y-%m").dt.to_period("M"), "period[M]"
    codes = cells.positions(text, distinct).to_numpy()
    return pd.Series(parsed.astype(dtype).array.take(codes), index=text.index)


def cast(table: pd.DataFrame, fields: list[dict], closed: set[str] = frozenset()) -> pd.DataFrame:
    """Turn checked text cells into typed columns; empty cells become missing values.

    A ``closed`` field becomes a categorical: its categories are its enum, or (a foreign key) the
    values present, sorted either way.
    """
    typed = {}
    for field in fields:
        text, kind = table[field["name"]], field["type"]
        if field["name"] in closed:
            typed[field["name"]] = cells.categories(text, field.get("constraints", {}).get("enum"))
        elif kind == "number":
            typed[field["name"]] = cells.floats(text)
        elif kind == "integer":
            typed[field["name"]] = pd.to_numeric(text.mask(text == "")).astype("Int64")
        elif kind in ("date", "yearmonth"):
            typed[field["name"]] = _parse_distinct(text, kind)
        else:
            typed[field["name"]] = cells.empty_as_missing(text)
    return pd.DataFrame(typed, index=table.index, copy=False)


def read_table(data_dir: Path, res: dict, categories: bool = False) -> tuple[pd.DataFrame | None,
                                                                             pd.DataFrame | None, list[Problem]]:
    """Read and check one resource. Return (text cells, typed table, problems); with ``categories``,
    its closed-list columns (:func:`closed_fields`) as categoricals.

    The typed table is None when any problem was found, so nothing half-checked escapes.
    """
    fields = res["schema"]["fields"]
    names = [f["name"] for f in fields]
    closed = closed_fields(res) if categories else set()
    raw, problems = read_raw(data_dir / res["path"], names, closed)
    if raw is None:
        return None, None, problems
    name = res["path"]
    problems = header_problems(name, raw, names)
    if problems:
        return None, None, problems
    incomplete = raw.isna().any(axis=1)
    if incomplete.any():
        return None, None, [Problem(name, f"has fewer fields than the header's {len(names)}", row=int(i) + 1)
                            for i in raw.index[incomplete]]
    for field in fields:
        problems += field_problems(name, raw[field["name"]], field)
    problems += duplicate_key_problems(name, raw, res["schema"].get("primaryKey", []))
    if problems:
        return raw, None, problems
    return raw, cast(raw, fields, closed), []
