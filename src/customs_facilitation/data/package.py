"""Read the whole data package: every table checked, then foreign keys and curation rules."""

import functools
import time
from pathlib import Path

import pandas as pd

from ..errors import DataValidationError, Problem
from ..paths import resolve_data_dir
from .cells import all_in, rows_in
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
            if all_in(cells, target[target_column]):
                continue
            unknown = (cells != "") & ~rows_in(cells, target[target_column])
            target_file = fk["reference"]["resource"] + ".csv"
            problems += [Problem(res["path"], f"is not a {target_column} in {target_file}", row=int(i) + 1,
                                 column=column, value=cells[i]) for i in cells.index[unknown]]
    return problems


def load_package(data_dir: Path | str | None = None, *, categories: bool = False) -> dict[str, pd.DataFrame]:
    """Read and check every table of a data folder; return typed tables by resource name.

    The checked tables are kept while the folder's files stay as they were (:func:`folder_state`),
    and each call returns fresh copies, so callers may change what they get. With ``categories``,
    the text columns drawn from a closed list (an enum, a foreign key) are categoricals with sorted
    categories: less memory and time for a large table, at the price of categoricals' rules (see
    docs/data.md).

    Raises:
        DataValidationError: listing every problem in every table, if there is any.
    """
    typed, _ = _checked(data_dir, categories)
    return {name: table.copy(deep=False) for name, table in typed.items()}  # copy on write: callers' own


def load_cells_as_written(data_dir: Path | str | None = None) -> dict[str, pd.DataFrame]:
    """The checked tables' cells exactly as written, as text: what typing loses (a figure's
    published precision, "21.790" against "21.79")."""
    _, cells = _checked(data_dir, False)
    return {name: table.copy(deep=False) for name, table in cells.items()}


def _checked(data_dir: Path | str | None, categories: bool) -> tuple[dict[str, pd.DataFrame],
                                                                      dict[str, pd.DataFrame]]:
    folder = data_folder(data_dir)
    return _checked_tables(folder, folder_state(folder), categories)


def data_folder(data_dir: Path | str | None) -> Path:
    """``data_dir`` (default: the curated data) as an absolute path, refused if it is not a folder.

    A missing folder is reported by its missing ``datapackage.json``; anything else there is named here.

    Raises:
        DataValidationError: if ``data_dir`` exists but is a file (or anything else but a folder).
    """
    folder = resolve_data_dir(data_dir).resolve()
    if folder.exists() and not folder.is_dir():
        raise DataValidationError([Problem(str(folder), "is not a folder; a data folder holds datapackage.json "
                                                        "and the tables it declares")])
    return folder


RECENT_NS = 2 * 10 ** 9
"""Files changed less than this long ago (two seconds, in nanoseconds) may change again without a
change of size or times: file times are only as fine as the clock's tick (or the file system's)."""


def folder_state(folder: Path) -> tuple | str:
    """What tells whether a data folder changed: each file's path, size, inode and modification and
    change times, read without reading the files; where a file changed in the last two seconds, the
    folder's content hash (:func:`data_version`) instead.

    A file changed later gets later times, except within the clock's tick of its last change: hence
    the content hash for recent changes.
    """
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    state = tuple((path.relative_to(folder).as_posix(), *_stat(path)) for path in files)
    if any(time.time_ns() - max(modified, changed) < RECENT_NS for *_, modified, changed in state):
        return data_version(folder)
    return state


def _stat(path: Path) -> tuple[int, int, int, int]:
    """(size, inode, modification time, change time) of a file, times in nanoseconds."""
    stat = path.stat()
    return stat.st_size, stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns


@functools.lru_cache(maxsize=8)
def _checked_tables(data_dir: Path, state: tuple | str, categories: bool) -> tuple[dict[str, pd.DataFrame],
                                                                                  dict[str, pd.DataFrame]]:
    """(typed tables, text cells) of ``data_dir`` in ``state`` (:func:`folder_state`, which only keys the cache)."""
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
