"""Each change is paired with the level it belongs to, in either word order, in English and Chinese."""

import pytest

from customs_facilitation.curate.claims import find_claims
from customs_facilitation.curate.pairs import pair_figures


def _pairs(text: str) -> list[tuple]:
    return [(f.level.text if f.level else None, f.change.text if f.change else None)
            for f in pair_figures(text, find_claims(text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("Exports rose 6.1 percent to CNY26.99 trillion, and imports rose 0.5 percent to CNY18.48 trillion.",
     [("CNY26.99 trillion", "6.1 percent"), ("CNY18.48 trillion", "0.5 percent")]),
    ("Imports of machinery totaled CNY7.41 trillion, up 5.7 percent.", [("CNY7.41 trillion", "5.7 percent")]),
    ("The value was RMB 256.99 billion in the first half of the year, marking an increase of 7.5%.",
     [("RMB 256.99 billion", "7.5%")]),
    ("全年进出口45.47万亿元，同比增长3.8%。", [("45.47万亿元", "3.8%")]),
    ("民营企业进出口增长7.3%，达到12.48万亿元。", [("12.48万亿元", "7.3%")]),
    ("机电产品进口增长5.7%至7.41万亿元。", [("7.41万亿元", "5.7%")]),
    ("出口、进口分别为26.99万亿元和18.48万亿元，分别增长6.1%和0.5%。",
     [("26.99万亿元", "6.1%"), ("18.48万亿元", "0.5%")]),
    ("Exports and imports reached 26.99 trillion yuan and 18.48 trillion yuan, up 6.1 percent and 0.5 percent "
     "respectively.", [("26.99 trillion yuan", "6.1 percent"), ("18.48 trillion yuan", "0.5 percent")]),
])
def test_a_change_pairs_with_its_level_in_either_order(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Exports totaled CNY26.99 trillion, and imports grew 0.5 percent.",
     [("CNY26.99 trillion", None), (None, "0.5 percent")]),
    ("出口26.99万亿元，进口增长0.5%。", [("26.99万亿元", None), (None, "0.5%")]),
    ("Trade grew 3.8 percent, while exports reached CNY26.99 trillion.",
     [(None, "3.8 percent"), ("CNY26.99 trillion", None)]),
])
def test_a_change_with_a_subject_of_its_own_stands_alone(text, expected):
    assert _pairs(text) == expected


def test_a_level_in_brackets_is_a_conversion_standing_alone():
    figures = pair_figures(text := "Trade hit CNY45.47 trillion (USD6.52 Trillion), up 3.8 percent.",
                           find_claims(text))
    assert [(f.level.text, f.change and f.change.text, f.aside) for f in figures] == [
        ("CNY45.47 trillion", "3.8 percent", False), ("USD6.52 Trillion", None, True)]


def test_a_share_takes_the_change_in_points_after_it():
    text = "Private firms' trade rose 7.1 percent to CNY26.04 trillion, making up 57.3 percent of the total, up 2.3 " \
           "percentage points."
    assert _pairs(text) == [("CNY26.04 trillion", "7.1 percent"), ("57.3 percent", "2.3 percentage points")]
