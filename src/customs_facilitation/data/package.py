"""Read the whole data package: every table checked, then foreign keys and curation rules."""

import contextlib
import functools
import threading
from pathlib import Path

import pandas as pd
import pyarrow as pa

from ..errors import DataValidationError, Problem
from ..paths import resolve_data_dir
from .cells import rows_in
from .rules import rule_problems
from .schema import read_descriptor, read_table
from .version import data_version


def foreign_key_problems(raw: dict[str, pd.DataFrame], descriptor: dict) -> list[Problem]:
    """Every non-empty foreign-key cell must name an existing row of the referenced table."""
    problems = []
    for res in descriptor["resources"]:
        table = raw.get(res["name"])
        for fk in res["schema"].get("foreignKeys", []):
            target = raw.get(fk["reference"]["resource"])
            if table is None or target is None:
                continue
            if len(fk["fields"]) != 1:
                raise DataValidationError([Problem("datapackage.json", f"{res['name']} declares a foreign key on "
                                                   f"{fk['fields']}; only single-column foreign keys are supported")])
            column, target_column = fk["fields"][0], fk["reference"]["fields"][0]
            cells = table[column]
            unknown = (cells != "") & ~rows_in(cells, target[target_column])
            target_file = fk["reference"]["resource"] + ".csv"
            problems += [Problem(res["path"], f"is not a {target_column} in {target_file}", row=int(i) + 1,
                                 column=column, value=cells[i]) for i in cells.index[unknown]]
    return problems


def load_package(data_dir: Path | str | None = None, *, categories: bool = False) -> dict[str, pd.DataFrame]:
    """Read and check every table of a data folder; return typed tables by resource name.

    The checked tables are kept while the folder's content (its data version) stays the same, and
    each call returns fresh copies, so callers may change what they get. With ``categories``, the
    text columns drawn from a closed list (an enum, a foreign key) are categoricals with sorted
    categories: far less memory for a large table, at the price of categoricals' rules (see README).

    Raises:
        DataValidationError: listing every problem in every table, if there is any.
    """
    typed, _ = _checked(resolve_data_dir(data_dir).resolve(), categories)
    return {name: table.copy(deep=False) for name, table in typed.items()}  # copy on write: callers' own


def load_cells_as_written(data_dir: Path | str | None = None) -> dict[str, pd.DataFrame]:
    """The checked tables' cells exactly as written, as text: what typing loses (a figure's
    published precision, "21.790" against "21.79")."""
    _, cells = _checked(resolve_data_dir(data_dir).resolve(), False)
    return {name: table.copy(deep=False) for name, table in cells.items()}


def _checked(data_dir: Path, categories: bool) -> tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame]]:
    return _checked_tables(data_dir, data_version(data_dir), categories)


_POOL_SWAP = threading.Lock()


@contextlib.contextmanager
def _memory_returned_at_once():
    """While inside, Arrow allocates from jemalloc set to give freed memory back to the system at
    once, so the many short-lived buffers of reading and checking a large table do not pile up in
    the process (10^6 rows as text: a peak of about 600 MiB instead of about 700). Arrow's pool is restored
    after, also on error; where pyarrow has no jemalloc, nothing changes. One load at a time swaps
    the pool, and meanwhile other threads' Arrow allocations come from jemalloc too."""
    try:
        pool = pa.jemalloc_memory_pool()
    except NotImplementedError:
        yield
        return
    with _POOL_SWAP:
        pa.jemalloc_set_decay_ms(0)
        previous = pa.default_memory_pool()
        pa.set_memory_pool(pool)
        try:
            yield
        finally:
            pa.set_memory_pool(previous)


@functools.lru_cache(maxsize=8)
def _checked_tables(data_dir: Path, version: str, categories: bool) -> tuple[dict[str, pd.DataFrame],
                                                                              dict[str, pd.DataFrame]]:
    """(typed tables, text cells) of ``data_dir`` at data ``version`` (which only keys the cache)."""
    with _memory_returned_at_once():
        return _read_and_check(data_dir, categories)


def _read_and_check(data_dir: Path, categories: bool) -> tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame]]:
    descriptor = read_descriptor(data_dir)
    raw, typed, problems = {}, {}, []
    for res in descriptor["resources"]:
        text_cells, table, table_problems = read_table(data_dir, res, categories)
        problems += table_problems
        if text_cells is not None:
            raw[res["name"]] = text_cells
        if table is not None:
            typed[res["name"]] = table
    problems += foreign_key_problems(raw, descriptor)
    if problems:
        raise DataValidationError(problems)
    problems = rule_problems(typed, data_dir)
    if problems:
        raise DataValidationError(problems)
    return typed, raw
