"""The figures a page works with: joined with their indicator and source, picked, put in series."""

import pandas as pd

from ..data.load import RELIABILITY_TIERS, load_indicators, load_observations, load_sources
from ..data.units import conversion_factors, to_base_units
from . import words


def load_figures(as_of=None, min_reliability="low", data_dir=None, **filters) -> pd.DataFrame:
    """Observations as they stood on ``as_of``, with indicator name and topic and source details."""
    obs = load_observations(data_dir, as_of=as_of, min_reliability=min_reliability, **filters)
    indicators = load_indicators(data_dir)[["indicator_id", "name", "topic"]]
    sources = load_sources(data_dir)[["source_id", "outlet", "published_date", "reliability", "url"]]
    return obs.merge(indicators, on="indicator_id", how="left").merge(sources, on="source_id", how="left")


def pick(figs: pd.DataFrame, indicator: str, start: str, end: str, need: str = "value") -> pd.Series | None:
    """The most reliable figure (then the earliest published) for an indicator and exact period."""
    rows = figs[(figs["indicator_id"] == indicator) & (figs["period_start"] == pd.Period(start, "M"))
                & (figs["period_end"] == pd.Period(end, "M")) & figs[need].notna()]
    return most_reliable(rows)


def most_reliable(rows: pd.DataFrame) -> pd.Series | None:
    """The row from the most reliable source (then the earliest published), or None if empty."""
    if rows.empty:
        return None
    rank = rows["reliability"].astype(str).map(RELIABILITY_TIERS.index)
    return rows.assign(rank=rank).sort_values(["rank", "published_date", "observation_id"]).iloc[0]


def series(figs: pd.DataFrame, indicators: list[str]) -> pd.DataFrame:
    """Levels of some indicators over time, one point per figure, for charts.

    Points are placed at the period's last month; the label says the period in words.
    """
    rows = figs[figs["indicator_id"].isin(indicators) & figs["value"].notna()]
    return pd.DataFrame({
        "indicator": rows["name"],
        "period": [words.period(s, e) for s, e in zip(rows["period_start"], rows["period_end"])],
        "date": rows["period_end"].dt.to_timestamp(how="end").dt.strftime("%Y-%m-%d"),
        "value": rows["value"].astype(float),
        "unit": rows["unit"],
        "qualifier": rows["qualifier"],
        "id": rows["observation_id"],
        "source": rows["outlet"],
        "reliability": rows["reliability"].astype(str),
    }).sort_values(["indicator", "date", "id"]).reset_index(drop=True)


def in_one_unit(points: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Points of :func:`series` converted to the unit most of them were published in, named in ``unit``."""
    if points.empty:
        return points
    target = points["unit"].mode().iloc[0]
    in_target = to_base_units(points["value"], points["unit"], units) / conversion_factors(units)[target]
    return points.assign(value=in_target, unit=target)


def cumulative_totals(figs: pd.DataFrame, year: int, units: pd.DataFrame) -> pd.DataFrame:
    """Goods trade, exports and imports for periods starting in January of ``year``, for a chart,
    in one unit (:func:`in_one_unit`)."""
    totals = series(figs, ["goods_trade", "exports", "imports"])
    from_january = figs.loc[figs["period_start"] == pd.Period(f"{year}-01", "M"), "observation_id"]
    return in_one_unit(totals[totals["id"].isin(from_january)].reset_index(drop=True), units)


def same_months_each_year(figs: pd.DataFrame, indicators: list[str], first_month: int, last_month: int,
                          units: pd.DataFrame) -> pd.DataFrame:
    """Levels of some indicators over the same months of every year (the first half of 2023, of
    2024...), in one unit, with a ``year`` column, for a chart."""
    rows = figs[(figs["period_start"].dt.month == first_month) & (figs["period_end"].dt.month == last_month)
                & (figs["period_start"].dt.year == figs["period_end"].dt.year)]
    points = series(rows, indicators)
    return in_one_unit(points.assign(year=points["date"].str[:4]), units)
