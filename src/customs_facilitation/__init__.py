"""customs-facilitation: curated indicators of China's cross-border trade facilitation."""

from .derive import implied_base_levels, share_of_total
from .errors import DataValidationError, Problem
from .load import (RELIABILITY_TIERS, load_indicators, load_measures, load_observations, load_sources,
                   load_units)
from .package import load_package

__all__ = [
    "DataValidationError", "Problem", "RELIABILITY_TIERS", "implied_base_levels", "load_indicators",
    "load_measures", "load_observations", "load_package", "load_sources", "load_units", "share_of_total",
]
