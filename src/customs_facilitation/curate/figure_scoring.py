"""Score how figures are read on a labelled corpus: each change with its level, periods, bases.

A case's ``rows`` label each figure by hand: its ``level`` and ``change`` (``[anchor, value,
unit]``, either may be absent), its ``period`` (first and last month) and, with a change, its
``basis``. The reading scored for a row is the one holding the claim its level (else its change)
overlaps. A row is *paired right* when that reading holds exactly the labelled level and change;
its *period* and *basis* are right when the reading's equal the labels.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .figures import Reading, read_figures
from .scoring import overlapping


@dataclass
class FigureScore:
    """Counts over a corpus, overall and by language, with one line per miss."""

    rows: Counter = field(default_factory=Counter)
    pairs: Counter = field(default_factory=Counter)
    paired_right: Counter = field(default_factory=Counter)
    pairs_right: Counter = field(default_factory=Counter)
    periods_right: Counter = field(default_factory=Counter)
    changes: Counter = field(default_factory=Counter)
    bases_right: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def share(self, right: str, of: str) -> float:
        """The share ``right`` of ``of`` over every language (NaN where there is none)."""
        total = getattr(self, of).total()
        return getattr(self, right).total() / total if total else float("nan")

    def summary(self) -> str:
        """The three scores, then the counts by language."""
        lines = [f"{label}: {getattr(self, right).total()} of {getattr(self, of).total()} ({self.share(right, of):.1%})"
                 for label, right, of in _SCORES]
        for language in sorted(self.rows):
            counts = (f"{getattr(self, right)[language]} of {getattr(self, of)[language]} {label.split(' ')[0]}"
                      for label, right, of in _SCORES)
            lines.append(f"  {language}: " + ", ".join(counts))
        return "\n".join(lines)


_SCORES = (("level-and-change pairs drafted right", "pairs_right", "pairs"),
           ("rows paired right (with their change, level or alone)", "paired_right", "rows"),
           ("periods right", "periods_right", "rows"),
           ("bases right", "bases_right", "changes"))


def score_figures(cases: list[dict]) -> FigureScore:
    """Read every labelled case's figures and count what is read right."""
    score = FigureScore()
    for case in cases:
        if not case.get("rows"):
            continue
        text, language = case["text"], case["language"]
        readings = read_figures(text, date.fromisoformat(case["published"]))
        for row in case["rows"]:
            reading = _reading_of(row, readings, text)
            paired = reading is not None and all(
                _holds(getattr(reading.figure, key), row.get(key), text) for key in ("level", "change"))
            _count(score, language, case["id"], row, reading, paired)
    return score


def _count(score: FigureScore, language: str, case: str, row: dict, reading: Reading | None, paired: bool) -> None:
    name = " + ".join(row[key][0] for key in ("level", "change") if key in row)
    score.rows[language] += 1
    score.paired_right[language] += paired
    if "level" in row and "change" in row:
        score.pairs[language] += 1
        score.pairs_right[language] += paired
    if not paired:
        found = " + ".join(c.text for c in reading.figure.claims) if reading else "nothing"
        score.misses.append(f"{case} {name!r}: drafted as {found!r}")
    period = reading.period if reading else None
    if period == tuple(row["period"]):
        score.periods_right[language] += 1
    else:
        score.misses.append(f"{case} {name!r}: period {'..'.join(row['period'])}, drafted {period}")
    if "change" in row:
        score.changes[language] += 1
        basis = reading.basis if reading else None
        if basis == row["basis"]:
            score.bases_right[language] += 1
        else:
            score.misses.append(f"{case} {name!r}: basis {row['basis']}, drafted {basis}")


def _reading_of(row: dict, readings: list[Reading], text: str) -> Reading | None:
    anchor = (row.get("level") or row["change"])[0]
    for reading in readings:
        if overlapping(reading.figure.claims, text, anchor):
            return reading
    return None


def _holds(claim, label: list | None, text: str) -> bool:
    """Whether a reading's level (or change) is the labelled one: both absent, or the claim overlaps it."""
    if label is None or claim is None:
        return label is None and claim is None
    return bool(overlapping([claim], text, label[0]))
