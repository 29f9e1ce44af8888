"""Derived figures: implied base-period levels and shares, with their basis stated."""

import pandas as pd
import pytest

from customs_facilitation import implied_base_levels, load_observations, load_units, share_of_total
from customs_facilitation.verify.derive import base_period, pilot_city_naming


def test_year_on_year_base_is_the_same_months_a_year_earlier():
    start, end = base_period(pd.Period("2025-04", "M"), pd.Period("2025-06", "M"), "year_on_year")
    assert (str(start), str(end)) == ("2024-04", "2024-06")


def test_versus_a_year_base_is_that_whole_year():
    start, end = base_period(pd.Period("2022-01", "M"), pd.Period("2022-12", "M"), "versus_2017")
    assert (str(start), str(end)) == ("2017-01", "2017-12")
    with pytest.raises(ValueError, match="names no base period"):
        base_period(start, end, "versus_last_year")


def test_implied_base_levels_only_for_level_and_percent_change(tiny):
    derived = implied_base_levels(load_observations(tiny)).set_index("observation_id")
    assert sorted(derived.index) == ["F01", "S01"]  # F02 has no change, F03 no level
    # 200 grown by 10 percent is 220: the inverse must hold for what we derive.
    s01 = derived.loc["S01"]
    assert s01["implied_base_value"] * (1 + 7.5 / 100) == pytest.approx(256.99)
    assert str(s01["base_period_start"]) == "2024-01" and s01["unit"] == "CNY billion"
    assert s01["derivation"].startswith("derived by us") and "S01" in s01["derivation"]


def test_share_converts_units_before_dividing(tiny):
    obs, units = load_observations(tiny), load_units(tiny)
    share = share_of_total(obs, units, "S01", "F01")
    assert share["share_percent"] == pytest.approx(100 * 256.99e9 / 21.79e12)
    assert "S01" in share["derivation"] and "F01" in share["derivation"]


def test_share_refuses_incomparable_units_and_unknown_ids(tiny):
    obs, units = load_observations(tiny), load_units(tiny)
    with pytest.raises(ValueError, match="not comparable"):
        share_of_total(obs, units, "F02", "F01")
    with pytest.raises(ValueError, match="no observation X99"):
        share_of_total(obs, units, "X99", "F01")


def test_period_on_period_bases_are_the_period_just_before():
    start, end = base_period(pd.Period("2023-04", "M"), pd.Period("2023-06", "M"), "quarter_on_quarter")
    assert (str(start), str(end)) == ("2023-01", "2023-03")
    start, end = base_period(pd.Period("2023-05", "M"), pd.Period("2023-05", "M"), "month_on_month")
    assert (str(start), str(end)) == ("2023-04", "2023-04")


def named(*rows):
    return pd.DataFrame(rows, columns=["operation_year", "status", "city_en", "count_observation_id"])


def counts(*rows):
    frame = pd.DataFrame(rows, columns=["observation_id", "indicator_id", "period_start", "value"])
    frame["period_start"] = frame["period_start"].map(lambda m: pd.Period(m, "M"))
    return frame.assign(period_end=frame["period_start"])


def test_named_cities_are_set_against_the_count_they_belong_to():
    cities = named((2025, "pilot", "Beijing", "F24"), (2025, "pilot", "Tianjin", "F24"),
                   (2026, "new_in_year", "Wuhan", "G58"), (2026, "new_in_year", "Xi'an", "G58"))
    obs = counts(("F24", "special_operation_pilot_cities", "2025-04", 25.0),
                 ("G58", "special_operation_pilot_cities", "2026-03", 45.0),
                 ("G59", "special_operation_pilot_cities_added", "2026-03", 20.0))
    naming = pilot_city_naming(cities, obs).set_index("operation_year")
    assert naming.loc[2025, ["named", "of", "count_id"]].tolist() == [2, 25.0, "F24"]
    assert naming.loc[2025, "share_named"] == pytest.approx(8.0)
    # cities new in 2026 are counted against the cities added that year, not all 45
    assert naming.loc[2026, ["named", "of", "count_id"]].tolist() == [2, 20.0, "G59"]
    without = pilot_city_naming(cities, obs[obs["observation_id"] != "G59"]).set_index("operation_year")
    assert pd.isna(without.loc[2026, "of"]) and without.loc[2026, "count_id"] == ""
