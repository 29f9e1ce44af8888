"""What the notebooks show, on the tiny inline package: picking, converting, caveats, scope."""

import pandas as pd

from customs_facilitation import load_units
from customs_facilitation.notebook import figures, prose, tables


def test_figures_carry_indicator_and_source_context(tiny):
    figs = figures.load_figures(data_dir=tiny).set_index("observation_id")
    assert figs.loc["S01", "name"] == "repair trade" and figs.loc["S01", "outlet"] == "Paper A"
    assert str(figs.loc["F02", "reliability"]) == "low"


def test_most_reliable_then_earliest(tiny):
    figs = figures.load_figures(data_dir=tiny)
    twins = pd.concat([figs[figs["observation_id"] == "F01"], figs[figs["observation_id"] == "F01"]])
    twins["observation_id"] = ["F01", "F09"]
    twins["reliability"] = pd.Categorical(["low", "official"], categories=figs["reliability"].cat.categories,
                                          ordered=True)
    assert figures.most_reliable(twins)["observation_id"] == "F09"
    assert figures.most_reliable(twins.iloc[0:0]) is None
    assert figures.pick(figs, "trade_total", "2025-01", "2025-06")["observation_id"] == "F01"
    assert figures.pick(figs, "trade_total", "2025-04", "2025-06") is None  # F03 has no level
    assert figures.pick(figs, "trade_total", "2025-04", "2025-06", need="change")["observation_id"] == "F03"


def test_cumulative_totals_are_converted_to_one_unit(tiny):
    figs = figures.load_figures(data_dir=tiny)
    figs.loc[figs["observation_id"] == "F01", ["indicator_id", "value", "unit"]] = ["exports", 21790.0, "CNY billion"]
    row = figs[figs["observation_id"] == "F01"]
    extra = [row.assign(observation_id=oid, indicator_id=indicator, value=value, unit="CNY trillion")
             for oid, indicator, value in (("F05", "imports", 1.5), ("F06", "goods_trade", 2.5))]
    totals = figures.cumulative_totals(pd.concat([figs, *extra]), 2025, load_units(tiny)).set_index("id")
    assert set(totals["unit"]) == {"CNY trillion"}  # the unit most of them were published in
    assert totals.loc["F01", "value"] == 21.79 and totals.loc["F05", "value"] == 1.5


def test_no_cumulative_totals_before_any_was_published(tiny):
    """A page dated before every source (``as_of`` early) shows no totals, rather than failing."""
    figs = figures.load_figures(data_dir=tiny)
    assert figures.cumulative_totals(figs.iloc[0:0], 2025, load_units(tiny)).empty
    assert figures.cumulative_totals(figs, 1999, load_units(tiny)).empty


def test_caveats_and_notes_come_from_the_data(tiny):
    figs = figures.load_figures(data_dir=tiny)
    caveat = prose.reliability_caveat(figs, "observation_id")
    assert "F01 (low)" in caveat and "S01" not in caveat
    assert prose.reliability_caveat(figs[figs["observation_id"] == "S01"], "observation_id") == ""
    points = figures.series(figs, ["cities"])
    assert prose.bounds_note(points) == "F02 (more than 10) is plotted at that value"


def test_page_intro_and_consistency_checks_in_scope(tiny):
    figs = figures.load_figures(data_dir=tiny)
    intro = prose.page_intro(pd.Timestamp("2025-07-14"), "official", figs, "H1 2025")
    assert intro.startswith("This page is built as the data stood on 14 July 2025")
    assert "4 figures from 2 sources" in intro and "left out" not in intro
    assert prose.page_intro(pd.Timestamp("2025-07-14"), "low", figs, undated=3).endswith(
        "Another 3 figures are left out because their source shows no publication date, so it cannot be shown "
        "to have been published by then.")
    results = pd.DataFrame({"inputs": ["S01 F01", "S01 X9"], "published_id": ["F01", "F01"]})
    assert len(tables.consistency_in_scope(results, figs)) == 1


def test_findings_in_words_cite_their_figures_and_change_with_them(tiny):
    from customs_facilitation.notebook import findings

    figs = figures.load_figures(data_dir=tiny)
    trade = figs[figs["change_unit"] == "percent"].iloc[0]
    faster = trade.copy()
    faster[["observation_id", "name", "change"]] = ["X01", "widget exports", trade["change"] + 5]
    found = findings.paced(faster, trade)
    assert found.outcome == "faster" and found.ids == ("X01", trade["observation_id"])
    assert found.statement.startswith("In ") and "widget exports outpaced" in found.statement
    faster["change"] = trade["change"] - 5
    assert findings.paced(faster, trade).outcome == "slower"
    assert findings.paced(None, trade) is None  # a figure that does not qualify: no finding
    assert findings.moved(figs.iloc[0:0], "goods_trade") is None


def test_a_target_finding_says_met_or_missed_on_what_and_changes_with_its_figure(tiny):
    from customs_facilitation.notebook import findings

    figs = figures.load_figures(data_dir=tiny)
    target = pd.Series({"target_id": "X02", "indicator_id": "cities", "value": 8.0, "unit": "count",
                        "direction": "at_least", "due": "2022-12", "due_as_stated": "by the end of 2022"})
    met = findings.target_met(target, figs, "pilot cities")
    assert met.outcome == "met" and met.ids == ("X02", "F02")
    assert met.statement.startswith("The target of pilot cities at least 8 by the end of 2022 (X02) was met: ")
    assert "(F02)" in met.statement and "F02 only a lower bound" in met.caveat
    target["value"] = 12.0  # at least 10 cannot show whether 12 was reached
    unknown = findings.target_met(target, figs, "pilot cities")
    assert unknown.outcome == "not knowable" and unknown.ids == ("X02", "F02")
    assert unknown.statement.startswith("Whether the target of pilot cities at least 12 ")
    assert "F02 is only a lower bound" in unknown.statement


def test_yearly_changes_are_one_published_yearly_rate_per_indicator_and_year():
    figs = figures.load_figures()
    changes = figures.yearly_changes(figs, sorted(figs["indicator_id"].unique()))
    assert not changes.duplicated(["indicator", "year"]).any()
    rows = figs.set_index("observation_id").loc[changes["id"]]
    assert (rows["change_basis"] == "year_on_year").all() and (rows["change_unit"] == "percent").all()
    assert (rows["period_start"].dt.month == 1).all() and (rows["period_end"].dt.month == 12).all()
    assert (rows["change"].to_numpy() == changes["change"].to_numpy()).all(), "the rate as published"
    pair = figures.latest_common_year(figs, "goods_trade", "exports")
    assert pair[0]["period_start"] == pair[1]["period_start"]
    assert figures.latest_common_year(figs.iloc[0:0], "goods_trade", "exports") is None


def test_targets_are_drawn_apart_from_outcomes_and_derived_levels_say_so():
    from customs_facilitation.data.load import load_targets

    targets = load_targets()
    points, marks = figures.against_targets(figures.load_figures(), targets)
    assert set(marks["id"]) == set(targets["target_id"]) and not set(marks["id"]) & set(points["id"])
    derived = points[points["kind"] != "as published"]
    assert derived["derived from"].str.startswith("a cut of").all()
    assert (points.loc[points["kind"] == "as published", "derived from"] == "").all()


def test_an_outside_measure_without_a_near_own_figure_is_said_not_comparable(tiny):
    from customs_facilitation.notebook import findings

    figs = figures.load_figures(data_dir=tiny)
    editions = figs[figs["observation_id"] == "F02"]
    later = editions.assign(observation_id="F09", period_start=pd.Period("2024-01", "M"),
                            period_end=pd.Period("2024-12", "M"), value=12.0)
    far = findings.alongside(pd.concat([figs, later]), "cities", "trade_total")
    assert far.outcome == "not comparable" and far.ids == ("F02", "F09")
    assert findings.alongside(figs, "cities", "trade_total") is None, "one edition: nothing to compare"
