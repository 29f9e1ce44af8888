"""Check a notebook's parameters at once, with a message that says what is wrong."""

import pandas as pd

from .load import RELIABILITY_TIERS


def check_parameters(as_of: str, min_reliability: str, focus_start: str | None = None,
                     focus_end: str | None = None) -> dict:
    """Validate report parameters; return them parsed (``as_of`` None when empty).

    Raises:
        ValueError: naming the parameter, the value given and what is expected.

    >>> check_parameters("2025-07-14", "official")["as_of"]
    Timestamp('2025-07-14 00:00:00')
    """
    parsed = {"min_reliability": min_reliability, "as_of": None}
    if as_of:
        try:
            parsed["as_of"] = pd.to_datetime(as_of, format="%Y-%m-%d")
        except (TypeError, ValueError):
            raise ValueError(f"parameter as_of={as_of!r} is not a date YYYY-MM-DD (or '' for all data)") from None
    if min_reliability not in RELIABILITY_TIERS:
        raise ValueError(f"parameter min_reliability={min_reliability!r} is not one of {', '.join(RELIABILITY_TIERS)}")
    if focus_start is not None or focus_end is not None:
        months = {}
        for name, value in (("focus_start", focus_start), ("focus_end", focus_end)):
            try:
                months[name] = pd.Period(pd.to_datetime(value, format="%Y-%m"), "M")
            except (TypeError, ValueError):
                raise ValueError(f"parameter {name}={value!r} is not a month YYYY-MM") from None
        if months["focus_end"] < months["focus_start"]:
            raise ValueError(f"parameter focus_end={focus_end!r} is before focus_start={focus_start!r}")
        parsed.update(months)
    return parsed
