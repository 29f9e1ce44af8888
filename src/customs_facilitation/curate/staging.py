"""Change a data folder all or nothing: the new files are validated in a copy before any is written.

:func:`apply_changes` copies the data folder, puts the new files into the copy and reads it
through the package's own validation (every table with its rules and snapshots, and each new
sidecar against ``sidecarSchema``). Only when nothing is wrong are the files written into the data
folder, each through a temporary file; should one write fail, those already written are put back.
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from pathlib import Path

from ..data.package import load_package
from ..data.snapshots import sidecar_problems
from ..errors import DataValidationError, Problem
from ..files import replacing


def problems_with(data_dir: Path, changes: dict[str, bytes]) -> list[Problem]:
    """Every problem the data folder would have with ``changes`` (path below the folder: new
    bytes) made, named as in the data folder itself: any of its tables and rules, and the
    sidecar problems the changes add."""
    with tempfile.TemporaryDirectory(prefix="customs-facilitation-") as tmp:
        copy = Path(tmp) / data_dir.name
        shutil.copytree(data_dir, copy)
        for name, content in changes.items():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            (copy / name).write_bytes(content)
        try:
            found = sidecar_problems(copy, load_package(copy)["sources"])
        except DataValidationError as error:
            return [_named_in(problem, str(copy), str(data_dir)) for problem in error.problems]
        problems = [_named_in(problem, str(copy), str(data_dir)) for problem in found]
    before = set(sidecar_problems(data_dir, load_package(data_dir)["sources"]))
    return [problem for problem in problems if problem not in before]


def apply_changes(data_dir: Path, changes: dict[str, bytes]) -> None:
    """Write ``changes`` (path below ``data_dir``: new bytes) if the folder stays valid with them.

    Raises:
        DataValidationError: listing every problem; nothing is written.
    """
    problems = problems_with(data_dir, changes)
    if problems:
        raise DataValidationError(problems)
    write_all(data_dir, changes)


def write_all(data_dir: Path, changes: dict[str, bytes]) -> None:
    """Write every file in order, each through a temporary file; on a failure, restore those written."""
    before = {name: (data_dir / name).read_bytes() if (data_dir / name).is_file() else None for name in changes}
    written = []
    try:
        for name, content in changes.items():
            with replacing(data_dir / name) as tmp:
                tmp.write_bytes(content)
            written.append(name)
    except BaseException:
        for name in written:
            if before[name] is None:
                (data_dir / name).unlink(missing_ok=True)
            else:
                (data_dir / name).write_bytes(before[name])
        raise


def _named_in(problem: Problem, copy: str, folder: str) -> Problem:
    return dataclasses.replace(problem, file=problem.file.replace(copy, folder),
                               message=problem.message.replace(copy, folder))
