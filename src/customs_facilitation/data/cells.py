"""Which text cells break a rule, decided with pyarrow over a column's values at once.

Every test here answers exactly as Python's ``str`` and ``re`` would (the rules were written for
them): where pyarrow's RE2 could differ from Python's ``re`` (``\\S`` and ``\\s`` beyond printable
ASCII, syntax RE2 lacks), those values are decided by ``re`` itself. A rule tests a column's
distinct values where its cells repeat (:func:`values_of`); the tests return numpy boolean arrays,
one entry per value tested; the helpers on whole columns (lookups, typed columns) keep pandas' results.
"""

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# Python's str.isspace() characters, so that str.strip() is replicated exactly.
PYTHON_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + \
    "\u2028\u2029\u202f\u205f\u3000"
SAMPLE = 4096
"""The first cells of a column that tell whether its values repeat (:func:`values_of`)."""


def arrow(column: pd.Series):
    """A text column's cells as a pyarrow array (shared, not copied, when pandas keeps them in one)."""
    return pa.array(column.array)


def values_of(column: pd.Series) -> pa.Array | pa.ChunkedArray:
    """The values a rule over a text column tests: its distinct values (in order of first appearance)
    where its first :data:`SAMPLE` cells repeat, else the cells themselves (finding the distinct values
    of ids or notes would cost more than testing every cell).

    >>> values_of(pd.Series(["b", "a", "b", "b"])).to_pylist()
    ['b', 'a']
    >>> len(values_of(pd.Series([f"id {i}" for i in range(5000)])))
    5000
    """
    if isinstance(column.dtype, pd.CategoricalDtype):
        return pc.unique(arrow(_categories_of(column)))
    text = arrow(column)
    sample = text.slice(0, SAMPLE)
    return text if 2 * len(pc.unique(sample)) > len(sample) else pc.unique(text)


def _categories_of(column: pd.Series) -> pd.Series:
    """A categorical column's categories, as text (also when it has none)."""
    return pd.Series(column.cat.categories, dtype="str")


def rows_in(column: pd.Series, allowed: pd.Series) -> pd.Series:
    """For each row, whether its cell is one of ``allowed`` (``column.isin(allowed)``, in C++).

    >>> rows_in(pd.Series(["a", "b", ""]), pd.Series(["a", ""])).tolist()
    [True, False, True]
    """
    return pd.Series(_mask(pc.is_valid(positions(column, allowed))), index=column.index)


def all_in(column: pd.Series, allowed: pd.Series) -> bool:
    """Whether every non-empty cell is one of ``allowed``, tested once per value (:func:`values_of`).

    >>> all_in(pd.Series(["a", "", "a", "a"]), pd.Series(["a"])), all_in(pd.Series(["a", "b"]), pd.Series(["a"]))
    (True, False)
    """
    values = values_of(column)
    return pc.all(pc.or_(_is_in(values, arrow(allowed).cast(values.type)), pc.equal(values, "")), min_count=0).as_py()


def _is_in(values: pa.Array | pa.ChunkedArray, allowed: pa.Array | pa.ChunkedArray) -> pa.BooleanArray:
    """``pc.is_in(values, allowed)``; where ``allowed`` is the longer, it is scanned once against the
    distinct values rather than hashed whole."""
    if len(allowed) <= len(values):
        return pc.is_in(values, value_set=allowed)
    distinct = pc.unique(values)
    found = pc.unique(pc.drop_null(pc.index_in(allowed, value_set=distinct)))
    return pc.is_in(values, value_set=pc.take(distinct, found))


def empty_as_missing(column: pd.Series) -> pd.Series:
    """Text cells with the empty ones missing (``column.mask(column == "")``), sharing the cells'
    memory with ``column`` rather than copying them.

    >>> empty_as_missing(pd.Series(["a", "", "b"])).tolist()
    ['a', nan, 'b']
    """
    text = arrow(column)
    shortest = pc.min(pc.binary_length(text)).as_py()
    if shortest is not None and shortest > 0:  # no empty cell: the column as it is
        return column
    kept = _only(text, _mask(pc.not_equal(text, "")))
    return pd.Series(kept.to_pandas().array, index=column.index, name=column.name)


def _only(values: pa.Array | pa.ChunkedArray, keep: np.ndarray) -> pa.ChunkedArray:
    """``values`` missing where ``keep`` is False, sharing their offsets and characters (with
    ``keep`` as the validity bitmap; copied only where a chunk already has one or is sliced)."""
    chunks, start = [], 0
    for chunk in values.chunks if isinstance(values, pa.ChunkedArray) else [values]:
        part, start = keep[start:start + len(chunk)], start + len(chunk)
        if chunk.offset or chunk.null_count:  # bitmaps would not line up: copy
            chunks.append(pc.if_else(pa.array(part), chunk, pa.scalar(None, chunk.type)))
        else:
            bitmap = pa.py_buffer(np.packbits(part, bitorder="little"))
            chunks.append(pa.Array.from_buffers(chunk.type, len(chunk), [bitmap, *chunk.buffers()[1:]]))
    return pa.chunked_array(chunks, type=values.type)


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
    parsed = pc.cast(arrow(empty_as_missing(column)), pa.float64())
    return pd.Series(parsed.to_pandas(types_mapper={pa.float64(): pd.Float64Dtype()}.get).array, index=column.index)


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
    """Whether no cell repeats another (``not column.duplicated().any()``); at once where the cells
    are written in strictly increasing order, as keys often are.

    >>> all_distinct(pd.Series(["a", "b", "c"])), all_distinct(pd.Series(["b", "a", "b"]))
    (True, False)
    """
    text = arrow(column)
    if len(text) < 2 or pc.all(pc.less(text.slice(0, len(text) - 1), text.slice(1))).as_py():
        return True
    return len(pc.unique(text)) == len(text)


def _mask(result) -> np.ndarray:
    return result.to_numpy(zero_copy_only=False).astype(bool, copy=False)


def has_line_break(values: pa.Array) -> np.ndarray:
    """``"\\n" in v or "\\r" in v`` for each value (no value is searched where no byte of their text
    is a line break).

    >>> has_line_break(pa.array(["a", "b\\r\\nc", "d"])).tolist()
    [False, True, False]
    """
    if not _holds_byte(values, b"\r\n"):
        return np.zeros(len(values), dtype=bool)
    return _mask(pc.match_substring_regex(values, r"[\r\n]"))


def _holds_byte(values: pa.Array | pa.ChunkedArray, found: bytes) -> bool:
    """Whether any of the ``found`` bytes stands in the character buffers of text values, searched a
    chunk at a time (a sliced array's buffer may hold more than its values: that can only answer True)."""
    for chunk in values.chunks if isinstance(values, pa.ChunkedArray) else [values]:
        characters = chunk.buffers()[2]
        text = b"" if characters is None else characters.to_pybytes()
        if any(byte in text for byte in found):
            return True
    return False


def has_outer_space(values: pa.Array) -> np.ndarray:
    """``v != v.strip()`` for each value; stripped only where a value's first or last byte could be
    part of a space (:func:`_edge_bytes`), so that ids and notes are not copied to be tested.

    >>> has_outer_space(pa.array(["a", " a", "a\\u3000", "a b", "\\x1ca", "\\u00e0"])).tolist()
    [False, True, True, False, True, False]
    >>> PYTHON_SPACES == "".join(c for c in map(chr, range(0x110000)) if c.isspace())
    True
    """
    suspect = _edge_bytes(values, _SPACE_FIRST_BYTES, _SPACE_LAST_BYTES)
    found = np.zeros(len(values), dtype=bool)
    if suspect.any():
        tested = values.filter(pa.array(suspect))
        found[suspect] = _mask(pc.not_equal(pc.utf8_trim(tested, PYTHON_SPACES), tested))
    return found


def _byte_table(found: set[int]) -> np.ndarray:
    """256 booleans, True at the ``found`` byte values."""
    table = np.zeros(256, dtype=bool)
    table[list(found)] = True
    return table


_SPACE_FIRST_BYTES = _byte_table({space.encode("utf-8")[0] for space in PYTHON_SPACES})
_SPACE_LAST_BYTES = _byte_table({space.encode("utf-8")[-1] for space in PYTHON_SPACES})


def _edge_bytes(values: pa.Array | pa.ChunkedArray, first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """For each text value, whether its first byte is marked in the table ``first`` or its last
    byte in ``last`` (256 booleans each); read from the values' buffers in place."""
    marked = []
    for chunk in values.chunks if isinstance(values, pa.ChunkedArray) else [values]:
        width = np.dtype(np.int64 if pa.types.is_large_string(chunk.type) else np.int32)
        offsets = np.frombuffer(chunk.buffers()[1], dtype=width, count=len(chunk) + 1,
                                offset=chunk.offset * width.itemsize)
        starts, ends = offsets[:-1], offsets[1:]
        filled = ends > starts
        edge = np.zeros(len(chunk), dtype=bool)
        if filled.any():
            data = np.frombuffer(chunk.buffers()[2], dtype=np.uint8)
            edge[filled] = first[data[starts[filled]]] | last[data[ends[filled] - 1]]
        marked.append(edge)
    return np.concatenate(marked) if marked else np.zeros(0, dtype=bool)


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
    plain = _mask(pc.ascii_is_printable(values))
    matched = matched.copy()
    for i in (~plain).nonzero()[0]:
        matched[i] = compiled.fullmatch(values[int(i)].as_py()) is not None
    return matched


def below(values: pa.Array | pa.ChunkedArray, written_as_numbers: np.ndarray, bound: float) -> np.ndarray:
    """``float(v) < bound`` for each value written as a number (False for the others).

    >>> below(pa.array(["-1", "x", "2.5"]), np.array([True, False, True]), 0).tolist()
    [True, False, False]
    """
    numbers = pc.cast(_only(values, written_as_numbers), pa.float64())
    return _mask(pc.fill_null(pc.less(numbers, bound), False))
