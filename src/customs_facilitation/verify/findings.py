"""Findings: what two or more figures say together, judged from the figures alone.

Each judgement takes figures as a page holds them (rows of ``load_figures``: value, unit, period,
change, qualifier, reliability, ids) and returns a :class:`Verdict`: which way it came out, the ids
it rests on, and the caveat that weakens it. The words of a finding are the notebook's
(:mod:`customs_facilitation.notebook.findings`); the judgement is here, tested on tiny figures.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..language import LOCALES, _, current
from .consistency import lower_bound, published_interval

WEAK_TIERS = ("secondary", "low")
"""Reliability tiers a finding names in its caveat."""


@dataclass(frozen=True)
class Verdict:
    """How a comparison came out (``outcome``), the figures it rests on and what weakens it."""

    kind: str
    outcome: str
    ids: tuple[str, ...]
    caveat: str = ""


def movement(earlier: pd.Series, later: pd.Series) -> Verdict:
    """Whether an indicator went up, down or stayed between two of its figures (same unit, periods
    of the same length), within the precision each was published to.

    Raises:
        ValueError: if the two figures are not of one indicator, unit and length of period.
    """
    if (earlier["indicator_id"], earlier["unit"]) != (later["indicator_id"], later["unit"]) or (
            _months(earlier) != _months(later)):
        raise ValueError(f"{earlier['observation_id']} and {later['observation_id']} are not comparable levels")
    outcome = _moved(earlier, later) or "not knowable"  # "more than 5,800" then 5,882: either way
    return Verdict("movement", outcome, (earlier["observation_id"], later["observation_id"]),
                   caveat(pd.DataFrame([earlier, later])))


def pace(first: pd.Series, second: pd.Series) -> Verdict:
    """Whether the first figure's percent change is faster, slower or as fast as the second's, both
    on the same basis over the same period.

    Raises:
        ValueError: if either change is not a percentage on one basis over one period.
    """
    same = (first["change_unit"] == second["change_unit"] == "percent"
            and first["change_basis"] == second["change_basis"]
            and (first["period_start"], first["period_end"]) == (second["period_start"], second["period_end"]))
    if not same or pd.isna(first["change"]) or pd.isna(second["change"]):
        raise ValueError(f"{first['observation_id']} and {second['observation_id']} do not share a percent change")
    a, b = published_interval(_text(first["change"])), published_interval(_text(second["change"]))
    outcome = "as fast" if a.meets(b) else ("faster" if a.mid > b.mid else "slower")
    return Verdict("pace", outcome, (first["observation_id"], second["observation_id"]),
                   caveat(pd.DataFrame([first, second])))


def agreement(readings: pd.DataFrame) -> Verdict:
    """Whether the readings of one figure (one indicator and period, several sources) agree, within
    the precision each was published to."""
    intervals = [_interval(row) for _key, row in readings.iterrows()]
    agree = all(a.meets(b) for a in intervals for b in intervals) and readings["unit"].nunique() == 1
    return Verdict("agreement", "agree" if agree else "disagree", tuple(readings["observation_id"]),
                   caveat(readings))


def alongside(outside: tuple[pd.Series, pd.Series], own: tuple[pd.Series, pd.Series]) -> Verdict:
    """Whether an outside measure moved the way the agency's own account did over about the same
    years: "agree" when both got better or both got worse (lower is better for both: a rank, a time,
    a cost), "disagree" when not, "not knowable" when either cannot be said to have moved. The
    caveat says how the measures differ: periods of different lengths, and the sources' tiers."""
    moves = [_moved(first, last) for first, last in (outside, own)]
    ids = tuple(row["observation_id"] for row in (*outside, *own))
    said = [caveat(pd.DataFrame([*outside, *own]))]
    if _months(own[0]) != _months(own[1]):
        said.append(_("{first} measures {months} months and {second} {other}").format(
            first=own[0]["observation_id"], months=_months(own[0]), second=own[1]["observation_id"],
            other=_months(own[1])))
    if None in moves or "unchanged" in moves:
        return Verdict("alongside", "not knowable", ids, _("; ").join(filter(None, said)))
    return Verdict("alongside", "agree" if moves[0] == moves[1] else "disagree", ids, _("; ").join(filter(None, said)))


def _moved(first: pd.Series, last: pd.Series) -> str | None:
    """Up, down or unchanged from one level to another of the same unit, within their precision."""
    if first["unit"] != last["unit"]:
        return None
    before, after = _interval(first), _interval(last)
    if before.meets(after):
        return None if "at_least" in {str(first["qualifier"]), str(last["qualifier"])} else "unchanged"
    return "up" if after.mid > before.mid else "down"


def target_outcome(target: pd.Series, outcomes: pd.DataFrame) -> Verdict:
    """Whether a stated target was met by its date, missed, met later, or cannot be known from the
    figures held (and why). ``target`` has ``value``, ``unit``, ``direction`` (``at_most`` or
    ``at_least``), ``due`` (a month) and ``target_id``; ``outcomes`` are the indicator's figures, with levels
    derived from a published cut (``derived_from``, :func:`.derive.levels_from_cuts`) where no level
    was published for a date: the caveat then says so."""
    ids = (target["target_id"],)
    in_unit = outcomes[outcomes["unit"] == target["unit"]].sort_values("period_end")
    if in_unit.empty:
        reason = (_("no outcome in its unit, only a percentage change from a base")
                  if outcomes["change_unit"].eq("percent").any() else _("no outcome held"))
        return Verdict("target", "not knowable", ids, reason)
    meets = in_unit.apply(lambda row: _meets(row, target), axis=1).eq(True)
    due = pd.Period(target["due"], "M")
    met_by_due = in_unit[meets & (in_unit["period_end"] <= due)]
    if not met_by_due.empty:
        first = met_by_due.iloc[0]
        return Verdict("target", "met", (*ids, first["observation_id"]), caveat(met_by_due.iloc[[0]]))
    at_due = in_unit[(in_unit["period_end"] >= due)]
    first = None if at_due.empty else at_due.iloc[0]
    if first is None or first["period_end"] > due + 12 or _meets(first, target):
        # nothing shows the level at the deadline: a figure after it that meets says nothing of the date
        reason = _("no outcome for {month}").format(month=month_name(due))
        if first is None or first["period_end"] > due + 12:
            reason += _(" or within a year after it")
        if first is not None:
            said = {True: _("meets"), False: _("does not meet"), None: _("cannot show whether it meets")}[
                _meets(first, target)]
            reason += _("; the first held after it, {id} of {month}, {said} it").format(
                id=first["observation_id"], month=month_name(first["period_end"]), said=said)
            ids = (*ids, first["observation_id"])
        return Verdict("target", "not knowable", ids, reason)
    if _meets(first, target) is None:
        return Verdict("target", "not knowable", (*ids, first["observation_id"]),
                       _("{id} is only a lower bound, which cannot show it").format(id=first["observation_id"]))
    later = in_unit[meets & (in_unit["period_end"] > due)]
    shown = at_due.iloc[[0]] if later.empty else pd.concat([at_due.iloc[[0]], later.iloc[[0]]])
    return Verdict("target", "missed" if later.empty else "met later",
                   (*ids, *dict.fromkeys(shown["observation_id"])), caveat(shown))


def caveat(rows: pd.DataFrame) -> str:
    """What weakens a finding resting on these figures: a weak source, a lower bound."""
    said = []
    weak = rows[rows["reliability"].astype(str).isin(WEAK_TIERS)]
    for tier, same in weak.groupby(weak["reliability"].astype(str), sort=False):
        said.append(_("{ids} from a {tier} source").format(ids=_(", ").join(same["observation_id"]), tier=_(tier)))
    bounds = rows[rows["qualifier"].astype(str).eq("at_least")]
    if not bounds.empty:
        said.append(_("{ids} only a lower bound").format(ids=_(", ").join(bounds["observation_id"])))
    if "derived_from" in rows:
        said += [_("the level of {id} derived by us from {base}").format(id=r.observation_id, base=r.derived_from)
                 for r in rows[rows["derived_from"].notna()].itertuples()]
    return _("; ").join(said)


def month_name(month: pd.Period) -> str:
    """A month in words in the current language: 'July 2025', '2025年7月' (CLDR, through Babel)."""
    from babel.dates import format_skeleton

    return format_skeleton("yMMMM", month.to_timestamp(), locale=LOCALES[current()])


def _meets(row: pd.Series, target: pd.Series) -> bool | None:
    """Whether a figure meets a target, or None where a lower bound cannot show it either way."""
    bound = str(row["qualifier"]) == "at_least"
    if target["direction"] == "at_most":
        return False if row["value"] > target["value"] else (None if bound else True)
    return True if row["value"] >= target["value"] else (None if bound else False)


def _interval(row: pd.Series):
    published = published_interval(_text(row["value"]), exact=row["unit"] == "count")
    return lower_bound(published, count=row["unit"] == "count") if str(row["qualifier"]) == "at_least" else published


def _months(row: pd.Series) -> int:
    return (row["period_end"] - row["period_start"]).n + 1


def _text(value: float) -> str:
    """A float as it was published: no trailing zeros, no exponent (21.79, not 21.790000000000003)."""
    return f"{float(value):.10f}".rstrip("0").rstrip(".")
