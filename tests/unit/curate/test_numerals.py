"""Normal form and numeral values: one character for one, so offsets survive the conversion."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from customs_facilitation.curate.numerals import (
    english_fraction_percent,
    english_number_value,
    fraction_percent,
    normalize,
    numeral_value,
)


def test_traditional_and_full_width_become_simplified_and_ascii():
    assert normalize("超過３８萬億元，增長３．８％；個項家約近") == "超过38万亿元,增长3.8%;个项家约近"
    assert normalize("新臺幣、港幣、標準貨櫃、百分點") == "新台币、港币、标准货柜、百分点"


def test_simplified_and_english_text_is_left_as_it_is():
    text = "全年进出口45.47万亿元、增长3.8%。Exports rose 6.1%."
    assert normalize(text) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFFFF, exclude_categories=("Cs",))))
def test_normal_form_keeps_the_length(text):
    assert len(normalize(text)) == len(text)


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("3,776", "3776"), ("256.99", "256.99"), ("二十九", "29"), ("一百四十一", "141"), ("两万", "20000"),
     ("三点五", "3.5"), ("二〇二五", "2025"), ("一万二千", "12000"), ("四十五点四七", "45.47"), ("百", "100")],
)
def test_numeral_values(numeral, value):
    assert numeral_value(numeral) == Decimal(value)


def test_a_run_that_is_no_numeral_is_refused():
    with pytest.raises(ValueError):
        numeral_value("点点")


def test_fractions_as_percentages():
    assert fraction_percent("五", "百") == 5
    assert fraction_percent("三", "千") == Decimal("0.3")
    assert fraction_percent("一", "三") == pytest.approx(Decimal(100) / 3)
    assert english_fraction_percent("one", "fifth") == 20
    assert english_fraction_percent("two", "thirds") == pytest.approx(Decimal(200) / 3)
    assert english_fraction_percent(None, "half") == 50


def test_english_cardinals():
    assert [english_number_value(w) for w in ("six", "Twelve", "twenty", "forty-two", "ninety-one")] == [
        6, 12, 20, 42, 91]
