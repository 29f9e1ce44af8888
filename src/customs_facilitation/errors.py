"""The one exception type for bad curated data, and the problems it lists."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One broken rule: where it is (file, data row, column), the value and what was expected.

    ``row`` counts data rows from 1; the file line is ``row + 1`` (the header is line 1).
    """

    file: str
    message: str
    row: int | None = None
    column: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f" row {self.row} (line {self.row + 1})"
        if self.column is not None:
            where += f", column {self.column}"
        shown = "" if self.value is None else f"{self.value!r} "
        return f"{where}: {shown}{self.message}"


class DataValidationError(ValueError):
    """Raised when curated data breaks its schema; lists every problem found."""

    def __init__(self, problems):
        self.problems = list(problems)
        lines = [f"{len(self.problems)} problem(s) in the curated data:"]
        lines += [f"- {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class ReportError(Exception):
    """A report build step failed; the message names the notebook, the parameter set and the fix."""
