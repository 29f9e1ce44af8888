"""Converting published figures to their base units (CNY billion -> CNY) with ``units.csv``."""

import pandas as pd

from .cells import lookup


def conversion_factors(units: pd.DataFrame) -> pd.Series:
    """Each unit's factor to its base unit, by unit name, as floats."""
    return units.set_index("unit")["factor"].astype(float)


def base_units(unit_names: pd.Series, units: pd.DataFrame) -> pd.Series:
    """The base unit of each unit name (``CNY billion`` -> ``CNY``)."""
    return lookup(unit_names, units.set_index("unit")["base_unit"])


def to_base_units(values: pd.Series, unit_names: pd.Series, units: pd.DataFrame) -> pd.Series:
    """``values`` published in ``unit_names``, converted to their base units.

    >>> units = pd.DataFrame({"unit": ["CNY billion"], "base_unit": ["CNY"], "factor": [1e9]})
    >>> to_base_units(pd.Series([2.5]), pd.Series(["CNY billion"]), units).tolist()
    [2500000000.0]
    """
    return values * unit_names.map(conversion_factors(units)).astype(float)  # float even when empty
