"""Accept a finished draft: the rows the curator kept go into the curated tables, or none does.

A draft row whose ``action`` is ``add`` becomes a new row of ``observations.csv``, ``upgrade``
rewrites the row of its ``observation_id``, and ``exclude`` becomes rows of
``claim_exclusions.csv`` (one per number the row names; a row naming no number excludes every
number of its ``reason``, a kind); a row with an empty action is skipped. A figure's note goes in
with its Chinese twin ``note_zh`` (claim_exclusions.csv has no Chinese note). The draft is checked
first (actions, nothing left to decide, notes in our own words and in Chinese), then the tables as
they would be are validated by the package itself; if anything is wrong nothing is written, and
each problem names the draft's row and column.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..data.package import load_cells_as_written
from ..data.schema import read_descriptor, resource
from ..errors import DataValidationError, Problem
from ..paths import resolve_data_dir
from .drafts import ACTIONS, draft_columns
from .exclusions import NOT_TRACKED
from .staging import apply_changes
from .table_text import with_rows

_QUOTED = 20
"""A note holding this many characters of the source's sentence quotes it."""
_EXCLUSION_COLUMNS = {"paragraph": "locator", "text": "value_as_published"}
"""Where a draft row holds each column of claim_exclusions.csv that it names otherwise."""


@dataclass
class Accepted:
    """What a draft put into the tables."""

    added: list[str] = field(default_factory=list)
    upgraded: list[str] = field(default_factory=list)
    excluded: int = 0
    skipped: int = 0


def accept_draft(draft: Path | str, data_dir=None) -> Accepted:
    """Put the kept rows of a draft into ``observations.csv`` and ``claim_exclusions.csv``.

    Raises:
        DataValidationError: naming each draft row and column at fault; nothing is written.
    """
    draft, data_dir = Path(draft), resolve_data_dir(data_dir)
    rows = _read_draft(draft, data_dir)
    cells = load_cells_as_written(data_dir)
    _check(rows, draft.name, set(cells["observations"]["observation_id"]))
    accepted = Accepted(skipped=int((rows["action"] == "").sum()))
    observation_columns = list(cells["observations"].columns)
    exclusion_columns = [f["name"] for f in resource(read_descriptor(data_dir), "claim_exclusions")["schema"]["fields"]]
    added, upgraded, exclusions, origin = [], {}, [], {}
    for number, row in rows.iterrows():
        if row["action"] == "add":
            added.append([row[c] for c in observation_columns])
            origin["observations.csv", len(cells["observations"]) + len(added)] = number
            accepted.added.append(row["observation_id"])
        elif row["action"] == "upgrade":
            upgraded[row["observation_id"]] = [row[c] for c in observation_columns]
            origin["observations.csv", _row_of(cells["observations"], row["observation_id"])] = number
            accepted.upgraded.append(row["observation_id"])
        elif row["action"] == "exclude":
            for exclusion in _exclusions(row):
                exclusions.append([exclusion[c] for c in exclusion_columns])
                origin["claim_exclusions.csv", len(cells["claim_exclusions"]) + len(exclusions)] = number
    accepted.excluded = len(exclusions)
    changes = {"observations.csv": with_rows(_text(data_dir, "observations.csv"), added, upgraded),
               "claim_exclusions.csv": with_rows(_text(data_dir, "claim_exclusions.csv"), exclusions)}
    try:
        apply_changes(data_dir, {name: text.encode("utf-8") for name, text in changes.items()})
    except DataValidationError as error:
        raise DataValidationError([_in_the_draft(p, origin, draft.name) for p in error.problems]) from None
    return accepted


def _read_draft(draft: Path, data_dir: Path) -> pd.DataFrame:
    """The draft's cells as text, rows numbered from 1; refused if a column is missing."""
    try:
        rows = pd.read_csv(draft, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise DataValidationError([Problem(str(draft), f"cannot be read as a UTF-8 CSV draft: {error}")]) from None
    missing = [c for c in draft_columns(data_dir) if c not in rows.columns]
    if missing:
        raise DataValidationError([Problem(draft.name, "is missing the column; a draft has the columns "
                                                       f"{', '.join(draft_columns(data_dir))}", column=c)
                                   for c in missing])
    rows.index += 1
    return rows.apply(lambda column: column.str.strip())


def _check(rows: pd.DataFrame, name: str, curated: set[str]) -> None:
    """What the tables cannot see: a known action, nothing left to decide, no quoted sentence, a
    figure's note in Chinese too, an upgrade of a row that exists."""
    problems = []
    for number, row in rows.iterrows():
        kept = row["action"] != ""
        flags = [
            ("action", row["action"] not in (*ACTIONS, ""), f"is not one of {', '.join(ACTIONS)}, or empty to skip"),
            ("decide", kept and row["decide"] != "",
             "is still to decide: settle it and empty the cell, or empty action to skip the row"),
            ("note", kept and _quotes(row["note"], row["sentence"]),
             "repeats the source's sentence; third-party text is never committed: write the note in your own words"),
            ("note_zh", row["action"] in ("add", "upgrade") and row["note"] != "" and row["note_zh"] == "",
             "is empty, but note is not; write the note in Chinese (docs/translating.md)"),
            ("observation_id", row["action"] == "upgrade" and row["observation_id"] not in curated,
             "names no row of observations.csv to upgrade"),
        ]
        problems += [Problem(name, message, row=int(number), column=column, value=row[column] or None)
                     for column, wrong, message in flags if wrong]
    if problems:
        raise DataValidationError(problems)


def _quotes(note: str, sentence: str) -> bool:
    """Whether a note copies a stretch of the sentence."""
    return any(sentence[i : i + _QUOTED] in note for i in range(0, max(0, len(sentence) - _QUOTED) + 1)) \
        if len(sentence) >= _QUOTED and len(note) >= _QUOTED else False


def _exclusions(row: pd.Series) -> list[dict]:
    """The claim_exclusions.csv rows of an excluded draft row: one per number it names, or one
    for the kind it names."""
    paragraph = row["locator"].removeprefix("paragraph ").strip()
    texts = [t for t in (row["value_as_published"], row["change_as_published"]) if t] or [""]
    return [{"source_id": row["source_id"], "paragraph": paragraph, "text": text,
             "reason": row["reason"] or NOT_TRACKED, "note": row["note"]} for text in texts]


def _row_of(table: pd.DataFrame, observation_id: str) -> int:
    return int(table.index[table["observation_id"] == observation_id][0]) + 1


def _text(data_dir: Path, name: str) -> str:
    return (data_dir / name).read_text(encoding="utf-8")


def _in_the_draft(problem: Problem, origin: dict, draft: str) -> Problem:
    """A problem of a table row that came from the draft, named by the draft's row and column."""
    number = origin.get((problem.file, problem.row))
    if number is None:
        return problem
    column = _EXCLUSION_COLUMNS.get(problem.column, problem.column) if problem.file == "claim_exclusions.csv" \
        else problem.column
    return dataclasses.replace(problem, file=draft, row=number, column=column,
                               message=f"{problem.message} (as {problem.file} row {problem.row})")
