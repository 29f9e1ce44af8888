"""The figures a page works with: joined with their indicator and source, picked, put in series."""

import pandas as pd

from ..data.load import RELIABILITY_TIERS, load_indicators, load_observations, load_sources, load_units
from ..data.units import conversion_factors, to_base_units
from ..language import _
from ..verify.derive import levels_from_cuts
from . import words


def load_figures(as_of=None, min_reliability="low", data_dir=None, **filters) -> pd.DataFrame:
    """Observations as they stood on ``as_of``, with indicator name and topic, source details, and
    ``base_value``: the value in its unit's base unit (a trillion yuan as yuan), for sorting; the
    indicator's name and the figure's note in the current language (``note_en``: the note in English)."""
    obs = load_observations(data_dir, as_of=as_of, min_reliability=min_reliability, **filters)
    obs = obs.assign(base_value=to_base_units(obs["value"].astype("float64"), obs["unit"], load_units(data_dir)))
    obs = obs.assign(note_en=obs["note"], note=obs[words.localized("note")])
    indicators = load_indicators(data_dir)
    indicators = indicators.assign(name=indicators[words.localized("name")])[
        ["indicator_id", "name", "topic", "counted_zh"]]
    sources = load_sources(data_dir)[["source_id", "outlet", "published_date", "reliability", "url"]]
    return obs.merge(indicators, on="indicator_id", how="left").merge(sources, on="source_id", how="left")


def measure_words(figs: pd.DataFrame) -> dict[str, str]:
    """Each indicator's Chinese measure word of what it counts (``counted_zh``), by id."""
    return dict(zip(figs["indicator_id"], figs["counted_zh"]))


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


def one_reading_each(rows: pd.DataFrame) -> pd.DataFrame:
    """One figure per indicator and period: the reading :func:`most_reliable` picks, with ``also``
    naming every other source's reading of it (its id, and its value where that differs), so a chart
    draws each figure once however many sources repeat it.

    >>> rows = load_figures(indicator="goods_trade").dropna(subset="value")
    >>> once = one_reading_each(rows)
    >>> len(once) == len(rows.drop_duplicates(["period_start", "period_end"])) < len(rows)
    True
    """
    chosen, also = [], {}
    for _key, same in rows[rows["value"].notna()].groupby(["indicator_id", "period_start", "period_end"],
                                                       sort=False, observed=True):
        best = most_reliable(same)
        chosen.append(best["observation_id"])
        also[best["observation_id"]] = other_readings(best, same)
    picked = rows[rows["observation_id"].isin(chosen)]
    return picked.assign(also=picked["observation_id"].map(also).astype("str"))


def outcomes(figs: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """What a target on ``indicator`` is judged by: its published levels, one reading each, and the
    level each figure published only as a cut versus a base year implies (``derived_from`` says from
    what: :func:`.derive.levels_from_cuts`)."""
    rows = figs[figs["indicator_id"] == indicator]
    held = one_reading_each(rows)
    derived = levels_from_cuts(rows, held)
    return pd.concat([held, derived], ignore_index=True) if not derived.empty else held.assign(derived_from=None)


def other_readings(best: pd.Series, same: pd.DataFrame) -> str:
    """The ids of the readings of a figure other than ``best``, each with its value where that differs."""
    others = same[same["observation_id"] != best["observation_id"]].sort_values("observation_id")
    return ", ".join(other.observation_id if (other.value, other.unit) == (best["value"], best["unit"])
                     else _("{id} ({reading})").format(id=other.observation_id,
                                                       reading=words.reading(other.value, other.unit))
                     for other in others.itertuples())


def series(figs: pd.DataFrame, indicators: list[str]) -> pd.DataFrame:
    """Levels of some indicators over time, one point per figure, for charts.

    Points are placed at the period's last month; the label says the period in words, ``months``
    its length and ``measures`` that length in words (a line joins only periods of one length).
    """
    rows = figs[figs["indicator_id"].isin(indicators) & figs["value"].notna()]
    months = [(e - s).n + 1 for s, e in zip(rows["period_start"], rows["period_end"])]
    return pd.DataFrame({
        "indicator": rows["name"],
        "period": [words.period(s, e) for s, e in zip(rows["period_start"], rows["period_end"])],
        "months": pd.Series(months, index=rows.index, dtype="int64"),
        "measures": pd.Series([words.period_length(n) for n in months], index=rows.index, dtype="str"),
        "date": rows["period_end"].dt.to_timestamp(how="end").dt.strftime("%Y-%m-%d"),
        "value": rows["value"].astype(float),
        "unit": rows["unit"],
        "qualifier": rows["qualifier"],
        "id": rows["observation_id"],
        "source": rows["outlet"],
        "reliability": rows["reliability"].astype(str),
        **({"also": rows["also"]} if "also" in rows else {}),
    }).sort_values(["indicator", "date", "id"]).reset_index(drop=True)


def against_targets(figs: pd.DataFrame, targets: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """For a chart of targets and outcomes: the points (:func:`series` of each target's indicator,
    one reading each, with the levels derived from cuts marked ``derived by us``) and one mark per
    target (from the month it was stated to its deadline, at its level), both with a ``panel``
    naming the indicator and its unit."""
    indicators = list(dict.fromkeys(targets["indicator_id"]))
    held = [outcomes(figs, indicator) for indicator in indicators]
    rows = pd.concat(held, ignore_index=True) if held else figs.iloc[0:0].assign(derived_from=None)
    points = series(rows, indicators)
    derived = rows.set_index("observation_id")["derived_from"].dropna()
    points["kind"] = points["id"].map(lambda i: _("derived by us from a published cut") if i in derived
                                      else _("as published"))
    points["derived from"] = points["id"].map(derived).fillna("")
    names = dict(zip(figs["indicator_id"], figs["name"]))
    marks = pd.DataFrame({
        "id": targets["target_id"],
        "indicator": targets["indicator_id"].map(names),
        "start": targets["set_month"].dt.to_timestamp().dt.strftime("%Y-%m-%d"),
        "date": targets["due"].dt.to_timestamp(how="end").dt.strftime("%Y-%m-%d"),
        "value": targets["value"].astype(float),
        "unit": targets["unit"],
        "by": [words.due(target) for _key, target in targets.iterrows()],
        "source_id": targets["source_id"],
    })
    for frame in (points, marks):
        frame["panel"] = [_("{indicator} ({unit})").format(indicator=name, unit=words.unit_label(unit))
                          if words.unit_label(unit) else name for name, unit in zip(frame["indicator"], frame["unit"])]
    return points, marks


def in_one_unit(points: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Points of :func:`series` converted to the unit most of them were published in, named in ``unit``."""
    if points.empty:
        return points
    target = points["unit"].mode().iloc[0]
    in_target = to_base_units(points["value"], points["unit"], units) / conversion_factors(units)[target]
    return points.assign(value=in_target, unit=target)


def cumulative_totals(figs: pd.DataFrame, year: int, units: pd.DataFrame) -> pd.DataFrame:
    """Goods trade, exports and imports for periods starting in January of ``year``, for a chart:
    one reading of each (:func:`one_reading_each`), in one unit (:func:`in_one_unit`)."""
    from_january = figs[figs["period_start"] == pd.Period(f"{year}-01", "M")]
    return in_one_unit(series(one_reading_each(from_january), ["goods_trade", "exports", "imports"]), units)


def same_months_each_year(figs: pd.DataFrame, indicators: list[str], first_month: int, last_month: int,
                          units: pd.DataFrame) -> pd.DataFrame:
    """Levels of some indicators over the same months of every year (the first half of 2023, of
    2024...), one reading of each (:func:`one_reading_each`), in one unit, with a ``year`` column,
    for a chart."""
    rows = figs[(figs["period_start"].dt.month == first_month) & (figs["period_end"].dt.month == last_month)
                & (figs["period_start"].dt.year == figs["period_end"].dt.year)]
    points = series(one_reading_each(rows), indicators)
    return in_one_unit(points.assign(year=points["date"].str[:4]), units)


def yearly_changes(figs: pd.DataFrame, indicators: list[str]) -> pd.DataFrame:
    """Each indicator's published year-on-year change (percent) for each whole calendar year, one
    reading each (the most reliable, then the earliest published), for a chart of growth rates."""
    whole_year = ((figs["period_start"].dt.month == 1) & (figs["period_end"].dt.month == 12)
                  & (figs["period_start"].dt.year == figs["period_end"].dt.year))
    rows = figs[whole_year & figs["indicator_id"].isin(indicators) & figs["change"].notna()
                & (figs["change_unit"] == "percent") & (figs["change_basis"] == "year_on_year")]
    picked = [most_reliable(same) for _key, same in rows.groupby(["indicator_id", "period_start"], observed=True)]
    chosen = pd.DataFrame(picked) if picked else rows.iloc[0:0]
    return pd.DataFrame({
        "year": chosen["period_start"].dt.year.astype("int64").astype(str),
        "indicator": chosen["name"],
        "change": chosen["change"].astype(float),
        "id": chosen["observation_id"],
        "source": chosen["outlet"],
        "reliability": chosen["reliability"].astype(str),
    }).sort_values(["year", "indicator"]).reset_index(drop=True)


def latest_common_year(figs: pd.DataFrame, first: str, second: str) -> tuple[pd.Series, pd.Series] | None:
    """The two indicators' yearly figures with a year-on-year change for the latest whole year both
    have (:func:`yearly_changes`), or None."""
    changes = yearly_changes(figs, [first, second]).assign(
        indicator_id=lambda c: c["id"].map(figs.set_index("observation_id")["indicator_id"]))
    years = [set(changes.loc[changes["indicator_id"] == i, "year"]) for i in (first, second)]
    common = sorted(years[0] & years[1])
    if not common:
        return None
    ids = changes.loc[changes["year"] == common[-1]].set_index("indicator_id")["id"]
    by_id = figs.set_index("observation_id", drop=False)
    return by_id.loc[ids[first]], by_id.loc[ids[second]]
