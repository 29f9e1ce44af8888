"""Periods read from the words of a release and the page's date."""

from datetime import date

import pytest

from customs_facilitation.curate.periods import period_phrases, resolve

JULY_2025, JANUARY_2026 = date(2025, 7, 14), date(2026, 1, 14)


@pytest.mark.parametrize(("words", "published", "months"), [
    ("in the first half", JULY_2025, ("2025-01", "2025-06")),
    ("During the first half year", JULY_2025, ("2025-01", "2025-06")),
    ("last year", JANUARY_2026, ("2025-01", "2025-12")),
    ("in January-November", date(2025, 12, 8), ("2025-01", "2025-11")),
    ("from January to November 2024", JANUARY_2026, ("2024-01", "2024-11")),
    ("the first 11 months", date(2025, 12, 8), ("2025-01", "2025-11")),
    ("in the third quarter", date(2025, 10, 13), ("2025-07", "2025-09")),
    ("H1 2024", JANUARY_2026, ("2024-01", "2024-06")),
    ("in June", JULY_2025, ("2025-06", "2025-06")),
    ("in April this year", JULY_2025, ("2025-04", "2025-04")),
    ("As of the end of May 2020", JANUARY_2026, ("2020-05", "2020-05")),
    ("by the end of 2025", JANUARY_2026, ("2025-12", "2025-12")),
    ("now", JULY_2025, ("2025-07", "2025-07")),
    ("since 2018", JULY_2025, ("2018-01", "2025-07")),
    ("over the past five years", JANUARY_2026, ("2021-01", "2025-12")),
    ("the 14th Five-Year Plan period", date(2025, 8, 25), ("2021-01", "2025-08")),
    ("in 2019", JANUARY_2026, ("2019-01", "2019-12")),
    ("上半年", JULY_2025, ("2025-01", "2025-06")),
    ("前三季度", date(2025, 10, 13), ("2025-01", "2025-09")),
    ("2025年1-11月", JANUARY_2026, ("2025-01", "2025-11")),
    ("今年前7個月", date(2025, 8, 8), ("2025-01", "2025-07")),
    ("全年", JANUARY_2026, ("2025-01", "2025-12")),
    ("去年12月", JANUARY_2026, ("2025-12", "2025-12")),
    ("过去五年", JANUARY_2026, ("2021-01", "2025-12")),
    ("“十四五”时期", JANUARY_2026, ("2021-01", "2025-12")),
    ("截至2025年底", JANUARY_2026, ("2025-12", "2025-12")),
    ("目前", JULY_2025, ("2025-07", "2025-07")),
])
def test_a_phrase_names_its_months(words, published, months):
    (phrase,) = period_phrases(words)
    assert resolve(phrase, published, None) == months


def test_a_year_the_words_leave_out_comes_from_the_paragraph_else_the_page():
    (phrase,) = period_phrases("上半年")
    assert resolve(phrase, JANUARY_2026, 2024) == ("2024-01", "2024-06")
    assert resolve(phrase, None, None) is None


@pytest.mark.parametrize("text", ["down 62.3% versus 2017", "通关时间比2017年缩短", "比上年增长", "去年同期",
                                  "July 14, 2025", "exports may rise", "5个月"])
def test_words_that_name_no_period_of_the_figure(text):
    assert [(p.text, p.months) for p in period_phrases(text) if p.months or p.year] == []
