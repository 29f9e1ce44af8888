"""Parse a report notebook's parameters at once, failing with a message that says what is wrong."""

import re

import pandas as pd

from ..data.load import RELIABILITY_TIERS
from ..data.schema import DATE_PATTERN, YEARMONTH_PATTERN
from ..language import LANGUAGES

DATE = re.compile(DATE_PATTERN)
MONTH = re.compile(YEARMONTH_PATTERN)


def _parse(name: str, value, pattern: re.Pattern, expected: str, parse):
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise ValueError(f"parameter {name}={value!r} is not {expected}")
    try:
        return parse(value)
    except ValueError:
        raise ValueError(f"parameter {name}={value!r} is not {expected}") from None


def parse_page_parameters(as_of: str, min_reliability: str, focus_start: str | None = None,
                          focus_end: str | None = None, language: str = "en") -> dict:
    """Validate report parameters; return them parsed (``as_of`` None when empty).

    Raises:
        ValueError: naming the parameter, the value given and what is expected.

    >>> parse_page_parameters("2025-07-14", "official")["as_of"]
    Timestamp('2025-07-14 00:00:00')
    """
    parsed = {"min_reliability": min_reliability, "as_of": None, "language": language}
    if language not in LANGUAGES:
        raise ValueError(f"parameter language={language!r} is not one of {', '.join(LANGUAGES)}")
    if as_of != "":
        parsed["as_of"] = _parse("as_of", as_of, DATE, "a date YYYY-MM-DD (or '' for all data)",
                                 lambda v: pd.to_datetime(v, format="%Y-%m-%d"))
    if min_reliability not in RELIABILITY_TIERS:
        raise ValueError(f"parameter min_reliability={min_reliability!r} is not one of {', '.join(RELIABILITY_TIERS)}")
    if focus_start is not None or focus_end is not None:
        for name, value in (("focus_start", focus_start), ("focus_end", focus_end)):
            parsed[name] = _parse(name, value, MONTH, "a month YYYY-MM", lambda v: pd.Period(v, "M"))
        if parsed["focus_end"] < parsed["focus_start"]:
            raise ValueError(f"parameter focus_end={focus_end!r} is before focus_start={focus_start!r}")
    return parsed
