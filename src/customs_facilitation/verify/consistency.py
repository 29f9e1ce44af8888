"""Consistency checks between published figures, with tolerances from the published precision.

A published "21.79" stands for anything in [21.785, 21.795]: half a unit of its last digit.
Counts are exact. A lower bound, "more than 101", stands for anything above it (sums only).
Each check evaluates its formula over the corners of its inputs' intervals
(every formula here is monotone in each input, so the corners bound the result) and passes
when that range meets the published figure's range.
"""

import math
from dataclasses import dataclass
from itertools import product

import pandas as pd

from ..data.package import load_cells_as_written, load_package
from ..data.units import base_units, conversion_factors


@dataclass(frozen=True)
class Interval:
    """A closed range of values; ``mid`` is the value as computed from the published figures."""

    low: float
    high: float
    mid: float

    def meets(self, other: "Interval") -> bool:
        """True when the two ranges share at least one value."""
        return self.low <= other.high and other.low <= self.high

    def scaled(self, factor: float) -> "Interval":
        """The same range in a unit ``factor`` times smaller (CNY billion -> CNY: 1e9)."""
        return Interval(self.low * factor, self.high * factor, self.mid * factor)


def published_interval(text: str, exact: bool = False) -> Interval:
    """The values a published number stands for: +/- half a unit of its last digit.

    >>> published_interval("21.79")
    Interval(low=21.785, high=21.795, mid=21.79)
    """
    value = float(text)
    if exact:
        return Interval(value, value, value)
    decimals = len(text.split(".")[1]) if "." in text else 0
    half = 0.5 * 10 ** -decimals
    return Interval(round(value - half, decimals + 1), round(value + half, decimals + 1), value)


def lower_bound(published: Interval, count: bool) -> Interval:
    """What "more than N" stands for: any value above N (for a count, N + 1 and up).

    >>> lower_bound(Interval(101, 101, 101), count=True)
    Interval(low=102, high=inf, mid=101)
    """
    return Interval(published.mid + 1 if count else published.mid, math.inf, published.mid)


def evaluate(formula, inputs: list[Interval]) -> Interval:
    """Apply ``formula`` to every corner of the inputs' ranges; return the range of results."""
    results = [formula(*corner) for corner in product(*[(i.low, i.high) for i in inputs])]
    return Interval(min(results), max(results), formula(*[i.mid for i in inputs]))


FORMULAS = {
    "sum": lambda *parts: sum(parts),
    "share": lambda part, total: 100 * part / total,
    "implied_base": lambda value, change: value / (1 + change / 100),
    "same_figure": lambda value: value,
    "growth": lambda current, earlier: 100 * (current / earlier - 1),
}


def run_consistency_checks(data_dir=None) -> pd.DataFrame:
    """Evaluate every check of ``checks.csv``. Returns one row per check with its status.

    Computed and published ranges are in the published figure's unit (percent for shares and
    growth rates).

    Status is ``pass`` when the computed range meets the published one, ``explained`` when it
    does not but the check declares why, and ``fail`` otherwise.

    >>> (run_consistency_checks()["status"] != "fail").all()
    np.True_
    """
    tables = load_package(data_dir)
    obs = tables["observations"].set_index("observation_id")
    texts = load_cells_as_written(data_dir)["observations"].set_index("observation_id")[["value", "change"]]
    factor = conversion_factors(tables["units"])
    counts = base_units(obs["unit"], tables["units"]) == "count"

    def level(oid: str) -> Interval:
        """A figure's published range in its base unit (counts are exact; a lower bound has no upper limit)."""
        published = published_interval(texts.loc[oid, "value"], bool(counts[oid]))
        if obs.loc[oid, "qualifier"] == "at_least":
            published = lower_bound(published, bool(counts[oid]))
        return published.scaled(factor[obs.loc[oid, "unit"]])

    rows = []
    for check in tables["checks"].itertuples():
        inputs = check.inputs.split(" ")
        published_id = check.published_id
        if check.kind == "implied_base":
            args = [level(inputs[0]), published_interval(texts.loc[inputs[0], "change"])]
        else:
            args = [level(i) for i in inputs]
        if check.kind in ("share",):
            target = published_interval(texts.loc[published_id, "value"])
        elif check.kind == "growth":
            target = published_interval(texts.loc[published_id, "change"])
        else:
            target = level(published_id)
        computed = evaluate(FORMULAS[check.kind], args)
        status = "pass" if computed.meets(target) else ("explained" if check.expected == "explained" else "fail")
        unit = "percent"
        if check.kind not in ("share", "growth"):
            unit = obs.loc[published_id, "unit"]
            computed, target = computed.scaled(1 / factor[unit]), target.scaled(1 / factor[unit])
        rows.append({"check_id": check.check_id, "kind": check.kind, "inputs": check.inputs,
                     "published_id": published_id, "unit": unit,
                     "computed": computed.mid, "computed_low": computed.low, "computed_high": computed.high,
                     "published": target.mid, "published_low": target.low, "published_high": target.high,
                     "status": status, "explanation": check.explanation if status != "pass" else pd.NA,
                     "explanation_zh": check.explanation_zh if status != "pass" else pd.NA})
    return pd.DataFrame(rows)
