"""Figures we derive from published ones. Every result says it is derived, and from what."""

import re

import pandas as pd

from ..data.units import base_units, to_base_units
from ..language import _

VERSUS_YEAR = re.compile(r"versus_([0-9]{4})")
MONTHS_BACK = {"year_on_year": 12, "quarter_on_quarter": 3, "month_on_month": 1}
"""How far back the base period of a period-on-period change lies, in months."""


def base_period(period_start: pd.Period, period_end: pd.Period, change_basis: str) -> tuple[pd.Period, pd.Period]:
    """The period a change compares with: a year, quarter or month earlier, or the whole of a named year.

    >>> base_period(pd.Period("2025-01", "M"), pd.Period("2025-06", "M"), "year_on_year")
    (Period('2024-01', 'M'), Period('2024-06', 'M'))
    >>> base_period(pd.Period("2023-04", "M"), pd.Period("2023-06", "M"), "quarter_on_quarter")
    (Period('2023-01', 'M'), Period('2023-03', 'M'))
    """
    if change_basis in MONTHS_BACK:
        return period_start - MONTHS_BACK[change_basis], period_end - MONTHS_BACK[change_basis]
    match = VERSUS_YEAR.fullmatch(change_basis)
    if match is None:
        raise ValueError(f"change_basis {change_basis!r} names no base period")
    year = match.group(1)
    return pd.Period(f"{year}-01", "M"), pd.Period(f"{year}-12", "M")


def implied_base_levels(observations: pd.DataFrame) -> pd.DataFrame:
    """The level of the base period implied by each figure with a level and a percent change.

    ``implied_base_value = value / (1 + change / 100)``, in the figure's unit. Year-on-year
    changes give the prior-year level; "versus 2017" changes give a 2017 baseline.

    Args:
        observations: rows as returned by :func:`load_observations`.

    Returns:
        One row per usable figure: its id, indicator, period, value, unit, change and basis, the
        base period, ``implied_base_value`` and a ``derivation`` sentence.
    """
    usable = observations[observations["value"].notna() & (observations["change_unit"] == "percent")].copy()
    columns = ["observation_id", "indicator_id", "period_start", "period_end", "value", "unit", "change",
               "change_basis", "source_id"]
    result = usable[columns].reset_index(drop=True)
    bases = [base_period(r.period_start, r.period_end, r.change_basis) for r in result.itertuples()]
    result["base_period_start"] = pd.Series([b[0] for b in bases], dtype="period[M]")
    result["base_period_end"] = pd.Series([b[1] for b in bases], dtype="period[M]")
    result["implied_base_value"] = result["value"] / (1 + result["change"] / 100)
    result["derivation"] = [f"derived by us: {r.value:g} / (1 + {r.change:g}/100) from {r.observation_id}"
                            for r in result.itertuples()]
    return result


def share_of_total(observations: pd.DataFrame, units: pd.DataFrame, part_id: str, total_id: str) -> dict:
    """The share (percent) that one figure is of another, after converting both to base units.

    Raises:
        ValueError: if either id is missing, or their base units differ.
    """
    by_id = observations.set_index("observation_id")
    missing = [i for i in (part_id, total_id) if i not in by_id.index]
    if missing:
        raise ValueError(f"no observation {', '.join(missing)} among those given")
    part, total = by_id.loc[part_id], by_id.loc[total_id]
    both = by_id.loc[[part_id, total_id]]
    if base_units(both["unit"], units).nunique() != 1:
        raise ValueError(f"{part_id} is in {part['unit']} and {total_id} in {total['unit']}: not comparable")
    values = to_base_units(both["value"], both["unit"], units)
    share = 100 * values.iloc[0] / values.iloc[1]
    return {"part_id": part_id, "total_id": total_id, "share_percent": float(share),
            "derivation": f"derived by us: {part['value']:g} {part['unit']} / {total['value']:g} {total['unit']} "
                          f"from {part_id} and {total_id}"}


NAMED_AGAINST = {"pilot": "special_operation_pilot_cities", "new_in_year": "special_operation_pilot_cities_added"}
"""What a named city is counted in: a year's pilot cities, or the cities new that year."""


def pilot_city_naming(cities: pd.DataFrame, observations: pd.DataFrame) -> pd.DataFrame:
    """For each operation year and status, how many cities are named against how many were counted.

    ``of`` is the year's count (pilot cities, or cities new that year): the cities' own
    ``count_observation_id`` where it counts that, else the first such figure of the year among
    ``observations``; it is missing where no such figure is among them.

    Returns:
        One row per year and status: ``named``, ``of``, ``count_id``, ``share_named`` (percent,
        derived by us) and the ``cities`` named.
    """
    counts = observations[observations["indicator_id"].isin(NAMED_AGAINST.values()) & observations["value"].notna()]
    rows = []
    for (year, status), named in cities.groupby(["operation_year", "status"], sort=True):
        counted = counts[(counts["indicator_id"] == NAMED_AGAINST[status])
                         & (counts["period_start"].dt.year == year) & (counts["period_end"].dt.year == year)]
        own = counted[counted["observation_id"].isin(named["count_observation_id"])]
        count = (own if len(own) else counted).sort_values("observation_id").head(1)
        of = float(count["value"].sum()) if len(count) else float("nan")
        rows.append({"operation_year": int(year), "status": status, "named": len(named), "of": of,
                     "count_id": ", ".join(count["observation_id"]), "share_named": 100 * len(named) / of,
                     "cities": ", ".join(named["city_en"])})
    return pd.DataFrame(rows, columns=["operation_year", "status", "named", "of", "count_id", "share_named", "cities"])


def levels_from_cuts(cuts: pd.DataFrame, bases: pd.DataFrame) -> pd.DataFrame:
    """The level each figure published only as a percent change versus a named year implies, from
    the level held for that whole year: ``base * (1 + change / 100)``, derived by us.

    ``cuts`` and ``bases`` are figures (rows of ``load_figures``); ``bases`` should hold one reading
    per indicator and period. Each result keeps its figure's id, period and reliability, takes the
    base's unit, is rounded to the base's decimals, is ``about`` that level, and says in ``derived_from``
    what it was derived from; a cut whose base year is not held is left out.

    >>> month = lambda text: pd.Period(text, "M")
    >>> cut = pd.DataFrame({"observation_id": ["C"], "indicator_id": ["t"], "period_start": [month("2018-12")],
    ...     "period_end": [month("2018-12")], "value": [None], "unit": [None], "change": [-50.0],
    ...     "change_basis": ["versus_2017"]})
    >>> base = pd.DataFrame({"observation_id": ["B"], "indicator_id": ["t"], "period_start": [month("2017-01")],
    ...     "period_end": [month("2017-12")], "value": [90.0], "unit": ["hours"]})
    >>> levels_from_cuts(cut, base)[["observation_id", "value", "qualifier", "derived_from"]].to_dict("records")
    [{'observation_id': 'C', 'value': 45.0, 'qualifier': 'about', 'derived_from': 'a cut of 50% on B (90 hours)'}]
    """
    rows = []
    for cut in cuts[cuts["value"].isna() & cuts["change"].notna()].itertuples(index=False):
        year = VERSUS_YEAR.fullmatch(str(cut.change_basis))
        if year is None:
            continue
        held = bases[(bases["indicator_id"] == cut.indicator_id) & bases["value"].notna()
                     & (bases["period_start"] == pd.Period(f"{year.group(1)}-01", "M"))
                     & (bases["period_end"] == pd.Period(f"{year.group(1)}-12", "M"))]
        if held.empty:
            continue
        base = held.iloc[0]
        digits = len(f"{float(base['value']):g}".partition(".")[2])  # as precise as the base, no more
        level = round(float(base["value"]) * (1 + float(cut.change) / 100), digits)
        derived_from = _("{cut} on {id} ({value} {unit})").format(
            cut=_cut_or_rise(float(cut.change)), id=base["observation_id"], value=f"{base['value']:g}",
            unit=_(base["unit"]))  # a unit code is a message: its words in another language
        rows.append({**cut._asdict(), "value": level, "unit": base["unit"], "qualifier": "about",
                     "derived_from": derived_from})
    return pd.DataFrame(rows, columns=list(dict.fromkeys([*cuts.columns, "qualifier", "derived_from"])))


def _cut_or_rise(change: float) -> str:
    return (_("a cut of {size}%") if change < 0 else _("a rise of {size}%")).format(size=f"{abs(change):g}")
