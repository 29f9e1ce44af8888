"""A page's findings in words: each one sentence that compares, with the ids it rests on and its
caveat, from the judgements of :mod:`customs_facilitation.verify.findings`.

Every builder takes the figures that qualify for the page and returns a :class:`Finding`, or None
when the figures it needs are not there (an early ``as_of``): a page finds what could be found.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..language import N_, _
from ..verify import findings as judge
from . import words
from .figures import measure_words, one_reading_each, outcomes

MOVED = {"up": N_("rose"), "down": N_("fell"), "unchanged": N_("stayed level")}
PACE = {"faster": N_("outpaced"), "slower": N_("lagged behind"), "as fast": N_("kept pace with")}


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
    turns = [_("it {moved} from {first} to {last} on the way").format(moved=_(MOVED[step.outcome]), first=_at(a),
                                                                      last=_at(b))
             for (_i, a), (_j, b) in zip(alike.iterrows(), alike.iloc[1:].iterrows())
             if (step := judge.movement(a, b)).outcome in {"up", "down"} and step.outcome != verdict.outcome]
    statement = _sentence(_("{name} {moved} from {first} to {last}.").format(
        name=_name(latest), moved=_(MOVED[verdict.outcome]), first=_at(earliest), last=_at(latest)))
    return Finding(statement, verdict.ids, _("; ").join(filter(None, [verdict.caveat, *turns])), verdict.kind,
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
    statement = _("In {period}, {first} {paced} {second}: {first_change} against {second_change}.").format(
        period=words.period(first["period_start"], first["period_end"]), first=_name(first),
        paced=_(PACE[verdict.outcome]), second=_name(second), first_change=_change(first),
        second_change=_change(second))
    return Finding(statement, verdict.ids, _("; ").join(filter(None, [differs, verdict.caveat])), verdict.kind,
                   verdict.outcome)


def agreed(figs: pd.DataFrame, indicator: str, start: pd.Period, end: pd.Period) -> Finding | None:
    """Whether every source that published an indicator for one period gives the same level."""
    readings = figs[(figs["indicator_id"] == indicator) & (figs["period_start"] == start)
                    & (figs["period_end"] == end) & figs["value"].notna()].sort_values("observation_id")
    if len(readings) < 2:
        return None
    verdict = judge.agreement(readings)
    levels = _(", ").join(_("{level} ({id})").format(level=words.level_of(r),
                                                     id=r.observation_id) for r in readings.itertuples())
    said = _("give the same level") if verdict.outcome == "agree" else _("disagree")
    return Finding.of(verdict, _("The {count} sources of {name} for {period} {said}: {levels}.").format(
        count=len(readings), name=_name(readings.iloc[0]), period=words.period(start, end), said=said,
        levels=levels))


TARGET_SAID = {"met": N_("was met"), "missed": N_("was missed"),
               "met later": N_("was missed at its date and met later")}


def target_met(target: pd.Series, figs: pd.DataFrame, name: str) -> Finding:
    """Whether a stated target (a row of ``load_targets``) on the indicator called ``name`` was met by
    its date, missed, met later, or cannot be known from the figures that qualify, and on what."""
    judged = outcomes(figs, target["indicator_id"])
    verdict = judge.target_outcome(target, judged)
    level = words.level(target["value"], target["unit"], counted=measure_words(figs).get(target["indicator_id"]))
    aim = (_("the target of {name} at most {level} by {due} ({id})") if target["direction"] == "at_most"
           else _("the target of {name} at least {level} by {due} ({id})")).format(
        name=name, level=level, due=words.due(target).removeprefix("by "), id=target["target_id"])
    if verdict.outcome == "not knowable":  # the reason is the statement's, not a caveat
        statement = _sentence(_("Whether {aim} was met cannot be known from the figures held: {reason}.").format(
            aim=aim, reason=verdict.caveat))
        return Finding(statement, verdict.ids, "", verdict.kind, verdict.outcome)
    shown = judged.set_index("observation_id", drop=False)
    evidence = _(" then ").join(_at(shown.loc[i]) for i in verdict.ids[1:])
    return Finding.of(verdict, _sentence(_("{aim} {outcome}: {evidence}.").format(
        aim=aim, outcome=_(TARGET_SAID[verdict.outcome]), evidence=evidence)))


ALONGSIDE = {"agree": N_("moved the same way as"), "disagree": N_("moved the other way from"),
             "not knowable": N_("cannot be said to have moved with")}


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
        statement = _("{outside} ({first}, {last}) cannot be set beside {own}: we hold no figure of it within a "
                      "year of each edition.").format(outside=_name(first), first=first["observation_id"],
                                                      last=last["observation_id"], own=_name(ours.iloc[0]))
        return Finding(_sentence(statement), (first["observation_id"], last["observation_id"]), "", "alongside",
                       "not comparable")
    verdict = judge.alongside((first, last), (near[0], near[1]))
    statement = _("{outside} went from {first} to {last}, and {own} from {own_first} to {own_last}: the outside "
                  "measure {moved} GACC's own account (lower is better in both).").format(
        outside=_name(first), first=_at(first), last=_at(last), own=_name(near[0]), own_first=_at(near[0]),
        own_last=_at(near[1]), moved=_(ALONGSIDE[verdict.outcome]))
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
    return "\n".join(f"- {f.statement}" + (_(" *Caveat: {caveat}.*").format(caveat=f.caveat) if f.caveat else "")
                     for f in found)


def _sentence(text: str) -> str:
    """Text with its first letter capitalised (indicator names are lower case)."""
    return text[:1].upper() + text[1:]


def _name(row: pd.Series) -> str:
    return str(row["name"])


def _at(row: pd.Series) -> str:
    return _("{level} in {period} ({id})").format(level=words.level_of(row),
                                                 period=words.period(row["period_start"], row["period_end"]),
                                                 id=row["observation_id"])


def _change(row: pd.Series) -> str:
    return _("{change} ({id})").format(change=words.change(row["change"], row["change_unit"], row["change_basis"]),
                                       id=row["observation_id"])


def repeated_figures(figs: pd.DataFrame, most: int = 6) -> list[Finding]:
    """Whether the sources of each figure published by several agree: disagreements first, then the
    figures most sources repeat; at most ``most``."""
    several = figs[figs["value"].notna()].groupby(["indicator_id", "period_start", "period_end"], observed=True)
    found = [agreed(figs, indicator, start, end) for (indicator, start, end), rows in several if len(rows) > 1]
    return sorted(found, key=lambda f: (f.outcome == "agree", -len(f.ids), f.ids))[:most]
