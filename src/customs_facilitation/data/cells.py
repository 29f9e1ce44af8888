"""Which text cells break a rule, decided over a column's distinct values at once with pyarrow.

Every test here answers exactly as Python's ``str`` and ``re`` would (the rules were written for
them): where pyarrow's RE2 could differ from Python's ``re`` (``\\S`` and ``\\s`` beyond printable
ASCII, syntax RE2 lacks), those values are decided by ``re`` itself. The tests over distinct
values return numpy boolean arrays, one entry per distinct value; the helpers on whole columns
(lookups, typed columns) keep pandas' results.
"""

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# Python's str.isspace() characters, so that str.strip() is replicated exactly.
PYTHON_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + \
    "\u2028\u2029\u202f\u205f\u3000"
_SPACE = "[" + "".join(f"\\x{{{ord(c):x}}}" for c in PYTHON_SPACES) + "]"


def arrow(column: pd.Series):
    """A text column's cells as a pyarrow array (shared, not copied, when pandas keeps them in one)."""
    return pa.array(column.array)


def distinct(column: pd.Series) -> pa.Array:
    """The distinct values of a text column, in order of first appearance.

    >>> distinct(pd.Series(["b", "a", "b"])).to_pylist()
    ['b', 'a']
    """
    if isinstance(column.dtype, pd.CategoricalDtype):
        column = _categories_of(column)
    return pc.unique(arrow(column))


def _categories_of(column: pd.Series) -> pd.Series:
    """A categorical column's categories, as text (also when it has none)."""
    return pd.Series(column.cat.categories, dtype="str")


def rows_in(column: pd.Series, allowed: pd.Series) -> pd.Series:
    """For each row, whether its cell is one of ``allowed`` (``column.isin(allowed)``, in C++).

    >>> rows_in(pd.Series(["a", "b", ""]), pd.Series(["a", ""])).tolist()
    [True, False, True]
    """
    return pd.Series(_mask(pc.is_valid(positions(column, allowed))), index=column.index)


def empty_as_missing(column: pd.Series) -> pd.Series:
    """Text cells with the empty ones missing (``column.mask(column == "")``), sharing the cells'
    memory with ``column`` rather than copying them.

    >>> empty_as_missing(pd.Series(["a", "", "b"])).tolist()
    ['a', nan, 'b']
    """
    text = arrow(column)
    chunks = []
    for chunk in text.chunks if isinstance(text, pa.ChunkedArray) else [text]:
        present = pc.not_equal(chunk, "")
        if chunk.offset or chunk.null_count or present.offset:  # bitmaps would not line up: copy
            chunks.append(pc.if_else(present, chunk, pa.scalar(None, chunk.type)))
        else:  # the same offsets and characters, with 'present' as the validity bitmap
            chunks.append(pa.Array.from_buffers(chunk.type, len(chunk), [present.buffers()[1], *chunk.buffers()[1:]]))
    return pd.Series(pa.chunked_array(chunks, type=text.type).to_pandas().array, index=column.index, name=column.name)


def categories(column: pd.Series, declared: list[str] | None = None) -> pd.Series:
    """Text cells as a categorical, empty cells missing. Its categories are sorted, so that it
    sorts as its text would: the ``declared`` values, used or not, or else the values present.

    >>> categories(pd.Series(["b", "", "a", "b"])).cat.categories.tolist()
    ['a', 'b']
    >>> categories(pd.Series(["low", ""]), ["official", "low"]).cat.categories.tolist()
    ['low', 'official']
    """
    if not isinstance(column.dtype, pd.CategoricalDtype):
        column = column.astype("category")
    values = declared if declared is not None else [value for value in column.cat.categories if value != ""]
    return column.cat.set_categories(sorted(values))  # an empty cell, in no category, is missing


def floats(column: pd.Series) -> pd.Series:
    """Text cells written as numbers, as ``Float64`` (missing where empty).

    >>> floats(pd.Series(["256.99", "", "-1e3"])).tolist()
    [256.99, <NA>, -1000.0]
    """
    text = arrow(column)
    parsed = pc.cast(pc.if_else(pc.equal(text, ""), pa.scalar(None, text.type), text), pa.float64())
    values = pc.fill_null(parsed, 0.0).to_numpy(zero_copy_only=False).copy()
    missing = pc.is_null(parsed).to_numpy(zero_copy_only=False).copy()
    return pd.Series(pd.arrays.FloatingArray(values, missing), index=column.index)


def positions(column: pd.Series, values: pd.Series) -> pa.Array:
    """Where each cell of ``column`` stands in ``values`` (null where it is not there).

    A categorical column is looked up once per category, then spread over its rows by their codes.

    >>> positions(pd.Series(["b", "x", "b"], dtype="category"), pd.Series(["a", "b"])).to_pylist()
    [1, None, 1]
    """
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy()
        return pc.take(positions(_categories_of(column), values), pa.array(codes, mask=codes < 0))
    text = arrow(column)
    return pc.index_in(text, value_set=pa.array(values.array).cast(text.type))


def lookup(column: pd.Series, mapping: pd.Series) -> pd.Series:
    """``column.map(mapping)`` for text cells keyed by a text index, in C++ (missing where no key).

    >>> lookup(pd.Series(["b", "x", "a"]), pd.Series(["A", "B"], index=["a", "b"])).tolist()
    ['B', nan, 'A']
    """
    if isinstance(mapping.dtype, pd.CategoricalDtype):  # its values, not codes that only it can compare
        mapping = mapping.astype(mapping.cat.categories.dtype)
    found = pc.take(arrow(mapping), positions(column, pd.Series(mapping.index)))
    return pd.Series(found.to_pandas().array if hasattr(found, "to_pandas") else found, index=column.index)


def all_distinct(column: pd.Series) -> bool:
    """Whether no cell repeats another (``not column.duplicated().any()``)."""
    return pc.count_distinct(arrow(column), mode="all").as_py() == len(column)


def _mask(result) -> np.ndarray:
    return result.to_numpy(zero_copy_only=False).astype(bool, copy=False)


def has_line_break(values: pa.Array) -> np.ndarray:
    """``"\\n" in v or "\\r" in v`` for each value."""
    return _mask(pc.match_substring_regex(values, r"[\r\n]"))


def has_outer_space(values: pa.Array) -> np.ndarray:
    """``v != v.strip()`` for each value.

    >>> has_outer_space(pa.array(["a", " a", "a\\u3000", "a b", "\\x1ca"])).tolist()
    [False, True, True, False, True]
    >>> PYTHON_SPACES == "".join(c for c in map(chr, range(0x3001)) if c.isspace())
    True
    """
    return _mask(pc.match_substring_regex(values, f"^{_SPACE}|{_SPACE}$"))


def is_empty(values: pa.Array) -> np.ndarray:
    return _mask(pc.equal(values, ""))


def is_one_of(values: pa.Array, allowed: list[str]) -> np.ndarray:
    return _mask(pc.is_in(values, value_set=pa.array(allowed, type=pa.string())))


def full_match(values: pa.Array, pattern: str) -> np.ndarray:
    """``re.fullmatch(pattern, v) is not None`` for each value.

    RE2 decides the values made only of printable ASCII, where it and ``re`` agree on the
    patterns of a schema; ``re`` decides the others (and all, if RE2 cannot read the pattern).

    >>> full_match(pa.array(["https://a.b", "https://a\\u00a0b", "x"]), r"https?://\\S+").tolist()
    [True, False, False]
    """
    compiled = re.compile(pattern)
    try:
        matched = _mask(pc.match_substring_regex(values, f"^(?:{pattern})$"))
    except pa.ArrowInvalid:
        return np.array([compiled.fullmatch(v) is not None for v in values.to_pylist()], dtype=bool)
    plain = _mask(pc.match_substring_regex(values, r"^[\x20-\x7e]*$"))
    matched = matched.copy()
    for i in (~plain).nonzero()[0]:
        matched[i] = compiled.fullmatch(values[int(i)].as_py()) is not None
    return matched


def numbers(values: pa.Array, written_as_numbers: np.ndarray) -> np.ndarray:
    """The values that are written as numbers, as floats (NaN for the others)."""
    chosen = pc.if_else(pa.array(written_as_numbers), values, pa.scalar(None, values.type))
    return pc.cast(chosen, pa.float64()).to_numpy(zero_copy_only=False)
