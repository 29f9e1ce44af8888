"""The public loaders: one per table, each returning a typed DataFrame that follows the schema."""

from pathlib import Path

import pandas as pd

from ..errors import DataValidationError, Problem
from ..paths import DATA_DIR
from .package import load_package
from .schema import read_descriptor, resource
from .units import base_units


def _declared_tiers() -> tuple[str, ...]:
    fields = resource(read_descriptor(DATA_DIR), "sources")["schema"]["fields"]
    return tuple(next(f for f in fields if f["name"] == "reliability")["constraints"]["enum"])


RELIABILITY_TIERS = _declared_tiers()
"""Reliability tiers, most reliable first, as ``datapackage.json`` declares them."""

RELIABILITY = pd.CategoricalDtype(list(reversed(RELIABILITY_TIERS)), ordered=True)
"""Ordered so that ``reliability >= "state_media"`` means 'state media or better'."""

DataDir = Path | str | None


def load_units(data_dir: DataDir = None) -> pd.DataFrame:
    """Units as published, with their base unit and conversion factor.

    >>> load_units().set_index("unit").loc["CNY billion", "factor"]
    np.float64(1000000000.0)
    """
    return load_package(data_dir)["units"]


def load_sources(data_dir: DataDir = None) -> pd.DataFrame:
    """One row per source; ``reliability`` is an ordered categorical (low < ... < official).

    >>> load_sources().set_index("source_id").loc["legal-daily-2025-07-14", "outlet"]
    'Legal Daily'
    """
    sources = load_package(data_dir)["sources"]
    sources["reliability"] = sources["reliability"].astype(RELIABILITY)
    return sources


def load_indicators(data_dir: DataDir = None) -> pd.DataFrame:
    """One row per indicator: id, name, base unit, topic, definition.

    >>> load_indicators().set_index("indicator_id").loc["bonded_repair_trade_value", "unit"]
    'CNY'
    """
    return load_package(data_dir)["indicators"]


def load_measures(data_dir: DataDir = None, *, as_of=None) -> pd.DataFrame:
    """Named facilitation measures and pilots, with the seed's aspect they stand under.

    Args:
        data_dir: a data folder; default the repository's ``data/``.
        as_of: keep measures whose source was published on or before this date.

    >>> sorted(load_measures()["aspect"].unique())[0]
    'clearance_costs'
    """
    tables = load_package(data_dir)
    measures = tables["measures"]
    if as_of is not None:
        measures = measures[measures["source_id"].isin(_sources_as_of(tables["sources"], as_of))]
    return measures.reset_index(drop=True)


def load_pilot_cities(data_dir: DataDir = None, *, min_reliability=None, as_of=None) -> pd.DataFrame:
    """Pilot cities named in a source, one row per operation year and city.

    A year's cities may be only partly named: its count is the observation ``count_observation_id``.

    Args:
        data_dir: a data folder; default the repository's ``data/``.
        min_reliability: the least reliable tier of source to keep, e.g. ``"state_media"``.
        as_of: keep cities whose source was published on or before this date.

    >>> cities = load_pilot_cities()
    >>> cities.loc[cities["city_en"] == "Haikou", ["operation_year", "city_zh", "province_en"]].values.tolist()
    [[2024, '海口', 'Hainan']]
    """
    tables = load_package(data_dir)
    cities = tables["pilot_cities"]
    if min_reliability is not None:
        cities = cities[cities["source_id"].isin(_sources_at_least(tables["sources"], min_reliability))]
    if as_of is not None:
        cities = cities[cities["source_id"].isin(_sources_as_of(tables["sources"], as_of))]
    return cities.reset_index(drop=True)


def load_observations(data_dir: DataDir = None, *, indicator=None, topic=None, period=None,
                      min_reliability=None, as_of=None, categories: bool = False) -> pd.DataFrame:
    """Published figures, optionally filtered. Periods are ``period[M]``; values ``Float64``.

    Args:
        data_dir: a data folder; default the repository's ``data/``.
        indicator: an indicator_id or a list of them.
        topic: a topic or a list of them (see indicators.csv).
        period: a month ``"2025-06"`` or a pair ``("2025-01", "2025-06")``; keeps figures whose
            period overlaps it.
        min_reliability: the least reliable tier to keep, e.g. ``"state_media"``.
        as_of: a date; keeps figures whose source was published on or before it.
        categories: the columns drawn from a closed list (indicator_id, unit, change_unit,
            qualifier, source_id, checked) as categoricals: for a large table, far less memory.

    Raises:
        ValueError: for an unknown indicator, topic or tier, or a malformed period or date.

    >>> row = load_observations(indicator="bonded_repair_trade_value").iloc[0]
    >>> float(row["value"]), row["unit"], float(row["change"]), row["source_id"]
    (256.99, 'CNY billion', 7.5, 'legal-daily-2025-07-14')
    """
    tables = load_package(data_dir, categories=categories)
    obs, sources, indicators = tables["observations"], tables["sources"], tables["indicators"]
    keep = pd.Series(True, index=obs.index)
    if indicator is not None:
        keep &= obs["indicator_id"].isin(_known("indicator", indicator, indicators["indicator_id"]))
    if topic is not None:
        wanted = indicators.loc[indicators["topic"].isin(_known("topic", topic, indicators["topic"])), "indicator_id"]
        keep &= obs["indicator_id"].isin(wanted)
    if period is not None:
        start, end = _period_bounds(period)
        keep &= (obs["period_start"] <= end) & (obs["period_end"] >= start)
    if min_reliability is not None:
        keep &= obs["source_id"].isin(_sources_at_least(sources, min_reliability))
    if as_of is not None:
        keep &= obs["source_id"].isin(_sources_as_of(sources, as_of))
    return obs if keep.all() else obs[keep].reset_index(drop=True)  # no copy of an unfiltered table


def load_targets(data_dir: DataDir = None, *, min_reliability=None, as_of=None) -> pd.DataFrame:
    """Stated targets: the level an indicator is to reach by a deadline, one row per target.

    A target is not an outcome: its outcomes are the figures of its ``indicator_id`` in
    :func:`load_observations`, and no ``target_id`` is an ``observation_id``. ``value`` is in
    ``unit`` (whose base unit is the indicator's), ``direction`` says which way the target is met
    (``at_most`` or ``at_least``), ``due`` (``period[M]``) is the month by whose end it is to be met,
    ``set_month`` when it was stated and ``baseline_observation_id`` the figure it starts from.

    Args:
        data_dir: a data folder; default the repository's ``data/``.
        min_reliability, as_of: keep the targets whose source qualifies, as :func:`load_observations`
            keeps figures.

    Raises:
        DataValidationError: if the package breaks its schema, or a target shares its id with an
            observation, is in a unit that does not fit its indicator, is stated after its deadline,
            or starts from a figure of another indicator.

    >>> target = load_targets().set_index("target_id").loc["H03"]
    >>> target["indicator_id"], float(target["value"]), target["unit"], target["direction"], str(target["due"])
    ('import_clearance_time', 65.0, 'hours', 'at_most', '2018-12')
    """
    tables = load_package(data_dir)
    targets = tables["targets"]
    problems = _target_problems(targets, tables)
    if problems:
        raise DataValidationError(problems)
    keep = pd.Series(True, index=targets.index)
    if min_reliability is not None:
        keep &= targets["source_id"].isin(_sources_at_least(tables["sources"], min_reliability))
    if as_of is not None:
        keep &= targets["source_id"].isin(_sources_as_of(tables["sources"], as_of))
    return targets[keep].reset_index(drop=True)


def _target_problems(targets: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """Rules across tables that keep a target apart from a figure and tied to its indicator."""
    f = "targets.csv"
    obs = tables["observations"]
    indicator_unit = tables["indicators"].set_index("indicator_id")["unit"]
    figure_indicator = obs.set_index("observation_id")["indicator_id"]
    unit_base = base_units(targets["unit"], tables["units"]).set_axis(targets.index)
    checks = [
        (targets["target_id"].isin(obs["observation_id"]), "target_id",
         "is also an observation_id; a target and a published figure never share an id"),
        (unit_base != targets["indicator_id"].map(indicator_unit), "unit",
         "does not fit the indicator's unit in indicators.csv"),
        ((unit_base == "count") & (targets["value"] % 1 != 0), "value", "is a count and must be a whole number"),
        (targets["set_month"].notna() & (targets["set_month"] > targets["due"]), "set_month",
         "is after due; a target is stated before its deadline"),
        (targets["baseline_observation_id"].notna()
         & (targets["baseline_observation_id"].map(figure_indicator) != targets["indicator_id"]),
         "baseline_observation_id", "is a figure of another indicator than the target's"),
    ]
    problems = []
    for bad, column, message in checks:
        bad = bad.fillna(False).astype(bool)
        problems += [Problem(f, message, row=int(i) + 1, column=column,
                             value=None if pd.isna(targets.loc[i, column]) else str(targets.loc[i, column]))
                     for i in targets.index[bad]]
    return problems


def _known(what: str, wanted, valid: pd.Series) -> list:
    wanted = [wanted] if isinstance(wanted, str) else list(wanted)
    unknown = sorted(set(wanted) - set(valid))
    if unknown:
        raise ValueError(f"unknown {what} {', '.join(map(repr, unknown))}; known: {', '.join(sorted(set(valid)))}")
    return wanted


def _month(value) -> pd.Period:
    try:
        return pd.Period(value, freq="M")
    except (ValueError, TypeError):
        raise ValueError(f"period bound {value!r} is not a month like '2025-06'") from None


def _period_bounds(period) -> tuple[pd.Period, pd.Period]:
    bounds = (period, period) if isinstance(period, (str, pd.Period)) else tuple(period)
    if len(bounds) != 2:
        raise ValueError(f"period {period!r} must be one month or a (start, end) pair of months")
    start, end = bounds
    start, end = _month(start), _month(end)
    if end < start:
        raise ValueError(f"period {period!r} ends before it starts")
    return start, end


def _sources_at_least(sources: pd.DataFrame, min_reliability: str) -> pd.Series:
    if min_reliability not in RELIABILITY_TIERS:
        raise ValueError(f"min_reliability {min_reliability!r} is not a tier; "
                         f"use one of {', '.join(RELIABILITY_TIERS)}")
    tiers = RELIABILITY_TIERS[: RELIABILITY_TIERS.index(min_reliability) + 1]
    return sources.loc[sources["reliability"].isin(tiers), "source_id"]


def _sources_as_of(sources: pd.DataFrame, as_of) -> pd.Series:
    try:
        day = pd.Timestamp(as_of)
    except (ValueError, TypeError):
        raise ValueError(f"as_of {as_of!r} is not a date like '2025-07-14'") from None
    if pd.isna(day):
        raise ValueError(f"as_of {as_of!r} is not a date like '2025-07-14'")
    return sources.loc[sources["published_date"] <= day, "source_id"]
