"""A page's findings in words: each one sentence that compares, with the ids it rests on and its
caveat, from the judgements of :mod:`customs_facilitation.verify.findings`.

Every builder takes the figures that qualify for the page and returns a :class:`Finding`, or None
when the figures it needs are not there (an early ``as_of``): a page finds what could be found.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..verify import findings as judge
from . import words
from .figures import one_reading_each, outcomes

MOVED = {"up": "rose", "down": "fell", "unchanged": "stayed level"}
PACE = {"faster": "outpaced", "slower": "lagged behind", "as fast": "kept pace with"}


@dataclass(frozen=True)
class Finding:
    """One thing a page shows: a sentence, the figure (and target) ids it rests on, its caveat,
    the kind of comparison and how it came out."""

    statement: str
    ids: tuple[str, ...]
    caveat: str
    kind: str
    outcome: str

    @classmethod
    def of(cls, verdict: judge.Verdict, statement: str) -> Finding:
        return cls(statement, verdict.ids, verdict.caveat, verdict.kind, verdict.outcome)


def moved(figs: pd.DataFrame, indicator: str) -> Finding | None:
    """How an indicator moved from its earliest to its latest figure of the same kind (unit and
    length of period as the latest), one reading each."""
    rows = one_reading_each(figs[(figs["indicator_id"] == indicator) & figs["value"].notna()])
    if rows.empty:
        return None
    latest = rows.sort_values(["period_end", "period_start"]).iloc[-1]
    alike = rows[(rows["unit"] == latest["unit"])
                 & ((rows["period_end"] - rows["period_start"]).map(lambda d: d.n) ==
                    (latest["period_end"] - latest["period_start"]).n)].sort_values("period_end")
    earliest = alike.iloc[0]
    if earliest["observation_id"] == latest["observation_id"]:
        return None
    verdict = judge.movement(earliest, latest)
    if verdict.outcome not in MOVED:  # a lower bound that the later level may or may not exceed
        return None
    turns = [f"it {MOVED[step.outcome]} from {_at(a)} to {_at(b)} on the way"
             for (_, a), (_, b) in zip(alike.iterrows(), alike.iloc[1:].iterrows())
             if (step := judge.movement(a, b)).outcome in {"up", "down"} and step.outcome != verdict.outcome]
    statement = _sentence(f"{_name(latest)} {MOVED[verdict.outcome]} from {_at(earliest)} to {_at(latest)}.")
    return Finding(statement, verdict.ids, "; ".join(filter(None, [verdict.caveat, *turns])), verdict.kind,
                   verdict.outcome)


def paced(first: pd.Series | None, second: pd.Series | None, differs: str = "") -> Finding | None:
    """Whether the first figure grew faster or slower than the second over the same period; ``differs``
    says how the two measures differ, where they do (it joins the caveat)."""
    if first is None or second is None:
        return None
    try:
        verdict = judge.pace(first, second)
    except ValueError:
        return None
    statement = (f"In {words.period(first['period_start'], first['period_end'])}, {_name(first)} "
                 f"{PACE[verdict.outcome]} {_name(second)}: {_change(first)} against {_change(second)}.")
    return Finding(statement, verdict.ids, "; ".join(filter(None, [differs, verdict.caveat])), verdict.kind,
                   verdict.outcome)


def agreed(figs: pd.DataFrame, indicator: str, start: pd.Period, end: pd.Period) -> Finding | None:
    """Whether every source that published an indicator for one period gives the same level."""
    readings = figs[(figs["indicator_id"] == indicator) & (figs["period_start"] == start)
                    & (figs["period_end"] == end) & figs["value"].notna()].sort_values("observation_id")
    if len(readings) < 2:
        return None
    verdict = judge.agreement(readings)
    levels = ", ".join(f"{words.level(r.value, r.unit, r.qualifier)} ({r.observation_id})"
                       for r in readings.itertuples())
    said = "give the same level" if verdict.outcome == "agree" else "disagree"
    return Finding.of(verdict, f"The {len(readings)} sources of {_name(readings.iloc[0])} for "
                               f"{words.period(start, end)} {said}: {levels}.")


TARGET_SAID = {"met": "was met", "missed": "was missed", "met later": "was missed at its date and met later"}


def target_met(target: pd.Series, figs: pd.DataFrame, name: str) -> Finding:
    """Whether a stated target (a row of ``load_targets``) on the indicator called ``name`` was met by
    its date, missed, met later, or cannot be known from the figures that qualify, and on what."""
    judged = outcomes(figs, target["indicator_id"])
    verdict = judge.target_outcome(target, judged)
    direction = "at most" if target["direction"] == "at_most" else "at least"
    aim = (f"the target of {name} {direction} {words.level(target['value'], target['unit'])} by "
           f"{str(target['due_as_stated']).removeprefix('by ')} ({target['target_id']})")
    if verdict.outcome == "not knowable":  # the reason is the statement's, not a caveat
        statement = _sentence(f"Whether {aim} was met cannot be known from the figures held: {verdict.caveat}.")
        return Finding(statement, verdict.ids, "", verdict.kind, verdict.outcome)
    shown = judged.set_index("observation_id", drop=False)
    evidence = " then ".join(_at(shown.loc[i]) for i in verdict.ids[1:])
    return Finding.of(verdict, _sentence(f"{aim} {TARGET_SAID[verdict.outcome]}: {evidence}."))


ALONGSIDE = {"agree": "moved the same way as", "disagree": "moved the other way from",
             "not knowable": "cannot be said to have moved with"}


def alongside(figs: pd.DataFrame, outside: str, own: str) -> Finding | None:
    """Whether an outside measure (``outside``, its first and latest edition) moved the way GACC's own
    figure (``own``, the figure nearest each edition, within a year) did; lower is better in both."""
    editions = one_reading_each(figs[(figs["indicator_id"] == outside) & figs["value"].notna()])
    ours = one_reading_each(figs[(figs["indicator_id"] == own) & figs["value"].notna()])
    if len(editions) < 2 or ours.empty:
        return None
    editions = editions.sort_values("period_end")
    first, last = editions.iloc[0], editions.iloc[-1]
    near = [_nearest(ours, edition["period_end"]) for edition in (first, last)]
    if any(row is None for row in near) or near[0]["observation_id"] == near[1]["observation_id"]:
        statement = (f"{_name(first)} ({first['observation_id']}, {last['observation_id']}) cannot be set beside "
                     f"{_name(ours.iloc[0])}: we hold no figure of it within a year of each edition.")
        return Finding(_sentence(statement), (first["observation_id"], last["observation_id"]), "", "alongside",
                       "not comparable")
    verdict = judge.alongside((first, last), (near[0], near[1]))
    statement = (f"{_name(first)} went from {_at(first)} to {_at(last)}, and {_name(near[0])} from {_at(near[0])} "
                 f"to {_at(near[1])}: the outside measure {ALONGSIDE[verdict.outcome]} GACC's own account "
                 f"(lower is better in both).")
    return Finding.of(verdict, _sentence(statement))


def _nearest(rows: pd.DataFrame, month: pd.Period) -> pd.Series | None:
    """The row whose period ends nearest ``month``, within a year (the earlier on a tie), or None."""
    distance = (rows["period_end"] - month).map(lambda offset: abs(offset.n))
    close = rows.assign(distance=distance)[distance <= 12].sort_values(["distance", "period_end"])
    return None if close.empty else close.iloc[0]


def as_record(finding: Finding) -> dict:
    """A finding as the page's record holds it (and ``findings.csv`` writes it)."""
    return {"statement": finding.statement, "ids": list(finding.ids), "caveat": finding.caveat,
            "kind": finding.kind, "outcome": finding.outcome}


def as_markdown(found: list[Finding]) -> str:
    """The findings as a list, each with its caveat."""
    return "\n".join(f"- {f.statement}" + (f" *Caveat: {f.caveat}.*" if f.caveat else "") for f in found)


def _sentence(text: str) -> str:
    """Text with its first letter capitalised (indicator names are lower case)."""
    return text[:1].upper() + text[1:]


def _name(row: pd.Series) -> str:
    return str(row["name"])


def _at(row: pd.Series) -> str:
    return (f"{words.level(row['value'], row['unit'], row['qualifier'])} in "
            f"{words.period(row['period_start'], row['period_end'])} ({row['observation_id']})")


def _change(row: pd.Series) -> str:
    return f"{words.change(row['change'], row['change_unit'], row['change_basis'])} ({row['observation_id']})"


def repeated_figures(figs: pd.DataFrame, most: int = 6) -> list[Finding]:
    """Whether the sources of each figure published by several agree: disagreements first, then the
    figures most sources repeat; at most ``most``."""
    several = figs[figs["value"].notna()].groupby(["indicator_id", "period_start", "period_end"], observed=True)
    found = [agreed(figs, indicator, start, end) for (indicator, start, end), rows in several if len(rows) > 1]
    return sorted(found, key=lambda f: (f.outcome == "agree", -len(f.ids), f.ids))[:most]
