"""Find a drafted figure among the figures already curated from the same source.

A figure is the same as a curated one only when the source, the period and the value agree (the
level in base units, or, where only a change is published, the signed change): the same value in
another source or another period is another figure. A figure found so is offered as an upgrade
of the curated row: its locator becomes the paragraph of the held text.
"""

from __future__ import annotations

import pandas as pd

from ..data.units import to_base_units


def same_figure(obs: pd.DataFrame, units: pd.DataFrame, source_id: str, period: tuple[str, str] | None,
                level: float | None, change: float | None) -> tuple[str | None, list[str]]:
    """(the id of the curated figure of ``source_id`` with this period and value, or None;
    the ids of its figures with the same value in other periods).

    ``level`` is in base units (CNY, not CNY billion); ``change`` is signed.
    """
    mine = obs[obs["source_id"] == source_id]
    if level is not None:
        in_base = to_base_units(mine["value"], mine["unit"], units)
        same_value = ((in_base - level).abs() <= 1e-9 * abs(level)).fillna(False)
    elif change is not None:
        same_value = (mine["value"].isna() & (mine["change"] == change)).fillna(False)
    else:
        return None, []
    same_value = same_value.astype(bool)
    if period is None:
        return None, sorted(mine.loc[same_value, "observation_id"])
    same_period = (mine["period_start"].astype(str) == period[0]) & (mine["period_end"].astype(str) == period[1])
    found = sorted(mine.loc[same_value & same_period, "observation_id"])
    return (found[0] if found else None), sorted(mine.loc[same_value & ~same_period, "observation_id"])
