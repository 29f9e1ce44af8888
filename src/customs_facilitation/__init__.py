"""customs-facilitation: curated indicators of China's cross-border trade facilitation.

The package has five stages: data <- verify <- notebook <- report, and data <- curate:

- :mod:`.data`: reading the data package, its schema and rules, the loaders, units;
- :mod:`.verify`: figures derived from published ones, consistency checks between figures;
- :mod:`.curate`: the curator's tools: claims in a text, draft rows, the audit, scoring the finder;
- :mod:`.notebook`: what a report notebook calls: its page, words, tables, charts;
- :mod:`.report`: notebook discovery, parameter sets, running, HTML, the index, refresh.

The public API below is imported when first used, so ``import customs_facilitation`` is light.
Using it also sets altair up for the frames it returns (the house theme, a renderer that draws
offline, period columns charted as dates; see :func:`.notebook.charts.enable`), so that
``alt.Chart(load_observations())`` draws as it is, unless the user has chosen otherwise.
"""

import importlib

_PUBLIC = {
    "DataValidationError": ".errors", "Problem": ".errors", "ReportError": ".errors",
    "RELIABILITY_TIERS": ".data.load", "load_indicators": ".data.load", "load_measures": ".data.load",
    "load_observations": ".data.load", "load_pilot_cities": ".data.load", "load_sources": ".data.load",
    "load_targets": ".data.load", "load_units": ".data.load",
    "load_china_outline": ".data.geography", "locate_cities": ".data.geography",
    "load_package": ".data.package", "data_version": ".data.package",
    "implied_base_levels": ".verify.derive", "share_of_total": ".verify.derive",
    "run_consistency_checks": ".verify.consistency",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str):
    if name not in _PUBLIC:
        raise AttributeError(f"module 'customs_facilitation' has no attribute {name!r}")
    if _PUBLIC[name] != ".errors":
        importlib.import_module(".notebook.charts", __name__).enable(keep_choices=True)
    globals()[name] = value = getattr(importlib.import_module(_PUBLIC[name], __name__), name)
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))
