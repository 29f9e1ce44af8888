"""Each kind of finding comes out one way on tiny figures, and the other way when one figure changes."""

import pandas as pd
import pytest

from customs_facilitation.verify.derive import levels_from_cuts
from customs_facilitation.verify.findings import agreement, alongside, caveat, movement, pace, target_outcome

COLUMNS = ["observation_id", "indicator_id", "period_start", "period_end", "value", "unit", "change", "change_unit",
           "change_basis", "qualifier", "reliability"]


def figures(*rows):
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame[["period_start", "period_end"]] = frame[["period_start", "period_end"]].apply(pd.PeriodIndex, freq="M")
    return frame


def row(oid, indicator, start, end, value, unit="hours", change=None, basis=None, qualifier="exact",
        reliability="official"):
    return (oid, indicator, start, end, value, unit, change, "percent" if change is not None else None, basis,
            qualifier, reliability)


def test_a_level_moves_down_then_up_when_the_later_figure_changes():
    figs = figures(row("A", "clearance", "2017-01", "2017-12", 97.39),
                   row("B", "clearance", "2022-01", "2022-12", 32.02))
    assert movement(figs.iloc[0], figs.iloc[1]).outcome == "down"
    figs.loc[1, "value"] = 120.0
    assert movement(figs.iloc[0], figs.iloc[1]).outcome == "up"
    figs.loc[1, "value"] = 97.394  # within the precision 97.39 was published to
    assert movement(figs.iloc[0], figs.iloc[1]).outcome == "unchanged"


def test_levels_of_different_lengths_of_period_are_not_compared():
    figs = figures(row("A", "clearance", "2017-01", "2017-12", 97.39),
                   row("B", "clearance", "2019-12", "2019-12", 36.7))
    with pytest.raises(ValueError, match="not comparable"):
        movement(figs.iloc[0], figs.iloc[1])


def test_exports_grow_faster_then_slower_than_imports():
    figs = figures(row("E", "exports", "2025-01", "2025-12", 26.99, "CNY trillion", 6.1, "year_on_year"),
                   row("I", "imports", "2025-01", "2025-12", 18.48, "CNY trillion", 0.5, "year_on_year"))
    assert pace(figs.iloc[0], figs.iloc[1]).outcome == "faster"
    figs.loc[1, "change"] = 7.5
    assert pace(figs.iloc[0], figs.iloc[1]).outcome == "slower"
    figs.loc[1, "change_basis"] = "month_on_month"
    with pytest.raises(ValueError, match="do not share a percent change"):
        pace(figs.iloc[0], figs.iloc[1])


def test_two_readings_agree_then_disagree():
    figs = figures(row("F61", "trade", "2025-01", "2025-12", 45.47, "CNY trillion"),
                   row("T01", "trade", "2025-01", "2025-12", 45.47, "CNY trillion", reliability="repost"))
    assert agreement(figs).outcome == "agree"
    figs.loc[1, "value"] = 45.5  # a rounding of 45.47: it agrees within the precision it was published to
    assert agreement(figs).outcome == "agree"
    figs.loc[1, "value"] = 45.6
    assert agreement(figs).outcome == "disagree"


TARGET = pd.Series({"target_id": "X01", "value": 65.0, "unit": "hours", "direction": "at_most", "due": "2018-12"})


def test_a_target_is_met_missed_met_later_or_not_knowable():
    outcomes = figures(row("A", "clearance", "2018-12", "2018-12", 60.0),
                       row("B", "clearance", "2019-12", "2019-12", 36.7))
    met = target_outcome(TARGET, outcomes)
    assert (met.outcome, met.ids) == ("met", ("X01", "A"))
    outcomes.loc[0, "value"] = 70.0
    later = target_outcome(TARGET, outcomes)
    assert (later.outcome, later.ids) == ("met later", ("X01", "A", "B"))
    outcomes.loc[1, "value"] = 66.0
    assert target_outcome(TARGET, outcomes).outcome == "missed"
    cut_only = figures(row("C", "clearance", "2018-12", "2018-12", None, None, -40.0, "versus_2017"))
    unknowable = target_outcome(TARGET, cut_only)
    assert unknowable.outcome == "not knowable" and "percentage change" in unknowable.caveat
    too_late = figures(row("D", "clearance", "2021-06", "2021-06", 30.0))
    assert target_outcome(TARGET, too_late).outcome == "not knowable"
    only_after = target_outcome(TARGET, outcomes.iloc[[1]].assign(value=36.7))  # met a year on; and at the date?
    assert only_after.outcome == "not knowable" and "no outcome for December 2018" in only_after.caveat


def test_a_cut_on_a_held_base_year_judges_a_target_and_says_it_is_derived():
    cut = figures(row("C", "clearance", "2018-12", "2018-12", None, None, -40.0, "versus_2017"))
    base = figures(row("B", "clearance", "2017-01", "2017-12", 100.0))
    derived = levels_from_cuts(cut, base)
    met = target_outcome(TARGET, derived)
    assert (met.outcome, met.ids) == ("met", ("X01", "C"))
    assert "derived by us from a cut of 40% on B (100 hours)" in met.caveat
    cut.loc[0, "change"] = -30.0  # 70 hours at the deadline, and no later figure
    missed = target_outcome(TARGET, pd.concat([levels_from_cuts(cut, base)]))
    assert missed.outcome == "missed" and "derived by us" in missed.caveat
    assert levels_from_cuts(cut, base.assign(period_start=pd.Period("2016-01", "M"))).empty, "no whole base year"


def test_the_caveat_names_weak_sources_and_lower_bounds():
    figs = figures(row("A", "x", "2025-01", "2025-12", 5.0, reliability="low"),
                   row("B", "x", "2025-01", "2025-12", 101.0, "count", qualifier="at_least"),
                   row("C", "x", "2025-01", "2025-12", 7.0, reliability="state_media"))
    assert caveat(figs) == "A from a low source; B only a lower bound"
    assert caveat(figs.iloc[[2]]) == ""


def test_a_rise_from_a_lower_bound_cannot_be_known_but_a_fall_below_it_can():
    figs = figures(row("A", "aeo", "2023-12", "2023-12", 5800.0, "count", qualifier="at_least"),
                   row("B", "aeo", "2024-04", "2024-04", 5882.0, "count"))
    assert movement(figs.iloc[0], figs.iloc[1]).outcome == "not knowable"  # "more than 5,800", then 5,882
    figs.loc[1, "value"] = 5700.0
    assert movement(figs.iloc[0], figs.iloc[1]).outcome == "down"


def test_an_outside_measure_agrees_with_the_own_account_then_disagrees():
    outside = figures(row("R1", "rank", "2017-10", "2017-10", 97.0, "rank"),
                      row("R2", "rank", "2019-10", "2019-10", 56.0, "rank"))
    own = figures(row("A", "clearance", "2017-01", "2017-12", 97.39),
                  row("B", "clearance", "2019-12", "2019-12", 36.7, reliability="low"))
    both = alongside((outside.iloc[0], outside.iloc[1]), (own.iloc[0], own.iloc[1]))
    assert (both.outcome, both.ids) == ("agree", ("R1", "R2", "A", "B"))
    assert "B from a low source" in both.caveat and "A measures 12 months and B 1" in both.caveat
    outside.loc[1, "value"] = 120.0  # the rank fell back while the hours fell
    assert alongside((outside.iloc[0], outside.iloc[1]), (own.iloc[0], own.iloc[1])).outcome == "disagree"
    outside.loc[1, "value"] = 97.0
    assert alongside((outside.iloc[0], outside.iloc[1]), (own.iloc[0], own.iloc[1])).outcome == "not knowable"
