"""How the report words figures, and how it rejects bad parameters."""

import pandas as pd
import pytest

from customs_facilitation.notebook import words as narrative
from customs_facilitation.notebook.parameters import parse_page_parameters


def month(text):
    return pd.Period(text, "M")


@pytest.mark.parametrize("start, end, words", [
    ("2025-01", "2025-06", "H1 2025"), ("2025-04", "2025-06", "Q2 2025"), ("2025-01", "2025-09", "Q1-Q3 2025"),
    ("2025-01", "2025-12", "2025"), ("2025-06", "2025-06", "June 2025"), ("2025-01", "2025-07", "January-July 2025"),
    ("2021-01", "2025-08", "January 2021 to August 2025"),
])
def test_periods_in_words(start, end, words):
    assert narrative.period(month(start), month(end)) == words


def test_levels_keep_their_qualifier_and_unit():
    assert narrative.level(5800, "count", "at_least") == "more than 5,800"
    assert narrative.level(1.32, "CNY trillion", "preliminary") == "1.32 trillion yuan (preliminary)"
    assert narrative.level(pd.NA, None) == "no level published"
    assert narrative.change(pd.NA, None, None) == "no change published"


def test_good_parameters_are_parsed():
    parsed = parse_page_parameters("", "state_media", "2025-01", "2025-12")
    assert parsed["as_of"] is None and parsed["focus_end"] == month("2025-12")


@pytest.mark.parametrize("args, message", [
    (("2025-13-01", "low"), "as_of='2025-13-01' is not a date"),
    (("14 July 2025", "low"), "as_of='14 July 2025' is not a date"),
    (("", "good"), "min_reliability='good' is not one of"),
    (("", "low", "2025-1", "2025-06"), "focus_start='2025-1' is not a month"),
    (("", "low", "2025-06", "2025-01"), "focus_end='2025-01' is before focus_start"),
    (("", "low", 2025, "2025-06"), "focus_start=2025 is not a month"),
])
def test_bad_parameters_fail_at_once_naming_the_parameter(args, message):
    with pytest.raises(ValueError, match=message):
        parse_page_parameters(*args)


def test_markup_from_the_data_is_escaped_in_prose():
    shown = narrative.markdown("**Why:** <img src=x onerror=alert(1)> & co")
    assert shown.data == "**Why:** &lt;img src=x onerror=alert(1)&gt; &amp; co"
