"""Score the claims finder on a labelled corpus: figures read right, non-figures taken for figures.

A corpus is a JSON object whose ``cases`` each hold an ``id``, a ``language`` and a ``text``, with
``figures`` as ``[anchor, value in base units, unit]`` and ``non_figures`` as ``[anchor, kind]``;
a case may label its ``rows`` too, scored by :mod:`.figure_scoring` (it then gives ``published``).
An anchor is a substring that occurs once in the text; the claim scored for it is the first claim
whose span overlaps it. A figure is read right when that claim is a quantity with the labelled
unit and value (so the scale is right too); a non-figure is taken for a figure when any claim
overlapping it is a quantity.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .claims import Claim, find_claims
from .listing import readable_number
from .nonfigures import KINDS


class CorpusError(ValueError):
    """A labelled corpus that cannot be scored: names the file, the case and what is wrong."""


@dataclass
class Score:
    """Counts over a corpus, overall and by language, with one line per miss."""

    figures: Counter = field(default_factory=Counter)
    figures_right: Counter = field(default_factory=Counter)
    non_figures: Counter = field(default_factory=Counter)
    taken_for_figures: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    @property
    def figure_share(self) -> float:
        """Share of figures read with the right value, unit and scale (NaN for a corpus without figures)."""
        return self.figures_right.total() / self.figures.total() if self.figures else math.nan

    @property
    def non_figure_share(self) -> float:
        """Share of non-figures reported as figures (NaN for a corpus without non-figures)."""
        return self.taken_for_figures.total() / self.non_figures.total() if self.non_figures else math.nan

    def summary(self) -> str:
        """The two scores, then the counts by language."""
        lines = [
            f"figures read right (value, unit, scale): {self.figures_right.total()} of {self.figures.total()} "
            f"({self.figure_share:.1%})",
            f"non-figures reported as figures: {self.taken_for_figures.total()} of {self.non_figures.total()} "
            f"({self.non_figure_share:.1%})",
        ]
        for language in sorted(self.figures | self.non_figures):
            lines.append(f"  {language}: {self.figures_right[language]} of {self.figures[language]} figures right, "
                         f"{self.taken_for_figures[language]} of {self.non_figures[language]} non-figures as figures")
        return "\n".join(lines)


def read_corpus(path: Path | str) -> list[dict]:
    """Read and check a labelled corpus; every anchor must occur exactly once in its text.

    Raises:
        CorpusError: naming the file, the case, the label and what was expected.
    """
    path = Path(path)
    try:
        cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as error:
        raise CorpusError(f"{path}: not a corpus (a UTF-8 JSON object with a 'cases' list): {error}") from None
    problems = []
    for number, case in enumerate(cases, start=1):
        where = f"{path.name} case {number} ({case.get('id', 'no id')})"
        if not all(isinstance(case.get(key), str) for key in ("id", "language", "text")):
            problems.append(f"{where}: needs id, language and text as strings")
            continue
        for label in case.get("figures", []) + case.get("non_figures", []):
            if case["text"].count(label[0]) != 1:
                problems.append(f"{where}: anchor {label[0]!r} occurs {case['text'].count(label[0])} times in "
                                "the text; expected exactly once")
        for anchor, *rest in case.get("figures", []):
            if len(rest) != 2 or not isinstance(rest[0], int | float) or not isinstance(rest[1], str):
                problems.append(f"{where}: figure {anchor!r} needs [anchor, value in base units, unit]")
        for anchor, *rest in case.get("non_figures", []):
            if rest not in ([kind] for kind in KINDS if kind != "quantity"):
                problems.append(f"{where}: non-figure {anchor!r} needs [anchor, kind] with a kind of "
                                f"{', '.join(k for k in KINDS if k != 'quantity')}")
        problems += [f"{where}: {problem}" for problem in _row_problems(case)]
    if problems:
        raise CorpusError("\n".join(problems))
    return cases


def _row_problems(case: dict) -> list[str]:
    """What is wrong with a case's labelled rows (a figure's level, change, period and basis)."""
    rows = case.get("rows", [])
    if rows and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", str(case.get("published"))):
        return ["labels rows, so needs published (the page's date, YYYY-MM-DD)"]
    problems = []
    for number, row in enumerate(rows, start=1):
        parts = [row[key] for key in ("level", "change") if key in row]
        if not parts or any(not (isinstance(part, list) and len(part) == 3 and isinstance(part[0], str))
                            for part in parts):
            problems.append(f"row {number} needs a level or a change (or both), each [anchor, value, unit]")
            continue
        problems += [f"row {number}: anchor {part[0]!r} occurs {case['text'].count(part[0])} times in the text; "
                     "expected exactly once" for part in parts if case["text"].count(part[0]) != 1]
        period = row.get("period")
        if not (isinstance(period, list) and len(period) == 2
                and all(re.fullmatch(r"[0-9]{4}-(0[1-9]|1[0-2])", str(month)) for month in period)):
            problems.append(f"row {number} needs period as [first month, last month] (YYYY-MM)")
        if "change" in row and not (row.get("basis") is None or isinstance(row["basis"], str)):
            problems.append(f"row {number}: basis must be a text (year_on_year, versus_2017...) or null")
    return problems


def score_claims(cases: list[dict]) -> Score:
    """Run the finder on every case and count what it reads right."""
    score = Score()
    for case in cases:
        text, language = case["text"], case["language"]
        found = find_claims(text)
        for anchor, value, unit in case.get("figures", []):
            claim = next(iter(overlapping(found, text, anchor)), None)
            score.figures[language] += 1
            if _read_right(claim, value, unit):
                score.figures_right[language] += 1
            else:
                score.misses.append(f"{case['id']} figure {anchor!r}: expected {readable_number(value)} {unit}, "
                                    f"read {_described(claim)}")
        for anchor, kind in case.get("non_figures", []):
            score.non_figures[language] += 1
            figures = [c for c in overlapping(found, text, anchor) if c.kind == "quantity"]
            if figures:
                score.taken_for_figures[language] += 1
                score.misses.append(f"{case['id']} {kind} {anchor!r}: read as {_described(figures[0])}")
    return score


def overlapping(claims: list[Claim], text: str, anchor: str) -> list[Claim]:
    """The claims whose span overlaps the one place ``anchor`` stands in ``text``."""
    start = text.index(anchor)
    end = start + len(anchor)
    return [c for c in claims if c.start < end and start < c.end]


def _read_right(claim: Claim | None, value: float, unit: str) -> bool:
    return (claim is not None and claim.kind == "quantity" and claim.unit == unit
            and math.isclose(claim.value, value, rel_tol=1e-9, abs_tol=1e-12))


def _described(claim: Claim | None) -> str:
    if claim is None:
        return "nothing"
    if claim.kind != "quantity":
        return f"a {claim.kind} {claim.text!r}"
    return f"{readable_number(claim.value)} {claim.unit} from {claim.text!r}"
