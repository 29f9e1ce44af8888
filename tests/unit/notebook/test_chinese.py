"""Numbers written the Chinese way: every level's digits shifted exactly, never rounded."""

import re
from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customs_facilitation.data.load import load_units
from customs_facilitation.language import use
from customs_facilitation.notebook import chinese, words

SCALE_WORDS = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4, "": Decimal(1)}
UNITS = load_units()


def read_back(text: str, unit: str) -> Decimal:
    """The value a Chinese level says, in ``unit`` (the inverse of :func:`chinese.level`)."""
    found = re.search(r"(-?[0-9]+(?:\.[0-9]+)?)(万亿|亿|万)?", text)
    base = Decimal(found.group(1)) * SCALE_WORDS[found.group(2) or ""]
    row = UNITS.set_index("unit").loc[unit]
    scaled = row["base_unit"] not in chinese.UNSCALED
    return base / Decimal(repr(float(row["factor"]))) if scaled else Decimal(found.group(1))


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999"), places=2),
       st.sampled_from(list(UNITS["unit"])))
def test_a_level_reads_back_to_the_same_value_in_every_unit(value, unit):
    text = chinese.level(float(value), unit)
    assert read_back(text, unit) == value, text


@pytest.mark.parametrize("unit", list(UNITS["unit"]))
def test_every_unit_has_chinese_words_without_latin_letters(unit):
    text = chinese.level(12345.6, unit)
    assert not re.search(r"[A-Za-z]", text), text
    assert not re.search(r"[A-Za-z]", chinese.unit_words(unit)), unit


def test_the_scale_word_is_the_largest_under_which_the_number_is_at_least_one():
    assert chinese.level(9999, "count", counted="家") == "9999家"
    assert chinese.level(10000, "count", counted="家") == "1万家"
    assert chinese.level(0.99, "CNY trillion") == "9900亿元"
    assert chinese.level(1, "CNY trillion") == "1万亿元"


def test_words_write_chinese_inside_use_and_english_after():
    start, end = pd.Period("2025-01", "M"), pd.Period("2025-09", "M")
    with use("zh"):
        assert (words.period(start, end), words.date(pd.Timestamp("2025-07-14"))) == ("2025年前三季度", "2025年7月14日")
        assert words.change(-2.7, "percent", "year_on_year") == "同比下降2.7%"
    assert words.period(start, end) == "Q1-Q3 2025"
