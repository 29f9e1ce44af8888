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


@pytest.mark.parametrize(("text", "expected"), [
    ("Trade with Alpha, Beta and Gamma came to 3.10 trillion yuan, 2.20 trillion yuan and 1.30 trillion yuan, "
     "with growth rates of 2.1 percent, 3.4 percent, and 5.6 percent, respectively.",
     [("3.10 trillion yuan", "2.1 percent"), ("2.20 trillion yuan", "3.4 percent"),
      ("1.30 trillion yuan", "5.6 percent")]),
    ("Trade with Alpha, Beta and Gamma came to 3.10, 2.20 and 1.30 trillion yuan, up 2.1, 3.4 and 5.6 percent "
     "respectively.", [("3.10", "2.1"), ("2.20", "3.4"), ("1.30 trillion yuan", "5.6 percent")]),
    ("Shipments out and in were 3.10 trillion yuan and 2.20 trillion yuan, rising by 2.1 and 3.4 percent, "
     "respectively.", [("3.10 trillion yuan", "2.1"), ("2.20 trillion yuan", "3.4 percent")]),
    ("Shipments out and in were 3.10 trillion yuan and 2.20 trillion yuan, an increase of 2.1 percent and a "
     "decrease of 3.4 percent, respectively.",
     [("3.10 trillion yuan", "2.1 percent"), ("2.20 trillion yuan", "3.4 percent")]),
    ("Trade with Alpha and Beta grew 2.1 percent and 3.4 percent to 3.10 trillion yuan and 2.20 trillion yuan, "
     "respectively, in the first half.",
     [("3.10 trillion yuan", "2.1 percent"), ("2.20 trillion yuan", "3.4 percent")]),
    ("对甲、乙进出口分别为3.1万亿元和2.2万亿元，分别增长2.1%和3.4%。", [("3.1万亿元", "2.1%"), ("2.2万亿元", "3.4%")]),
])
def test_lists_read_respectively_pair_in_order(text, expected):
    assert _pairs(text) == expected


def test_a_respectively_list_takes_the_list_of_levels_nearest_it():
    text = "Trade came to 9.9 trillion yuan; shipments out and in were 3.10 trillion yuan and 2.20 trillion yuan, up " \
           "2.1 percent and 3.4 percent respectively."
    assert _pairs(text) == [("9.9 trillion yuan", None), ("3.10 trillion yuan", "2.1 percent"),
                            ("2.20 trillion yuan", "3.4 percent")]


def test_lists_of_different_lengths_pair_nothing_and_say_why():
    text = "Trade with Alpha, Beta and Gamma came to 3.10 trillion yuan, 2.20 trillion yuan and 1.30 trillion yuan, " \
           "rising by 2.1 and 3.4 percent, respectively."
    figures = pair_figures(text, find_claims(text))
    assert [(f.level and f.level.text, f.change and f.change.text) for f in figures] == [
        ("3.10 trillion yuan", None), ("2.20 trillion yuan", None), ("1.30 trillion yuan", None), (None, "2.1"),
        (None, "3.4 percent")]
    assert {f.unpaired for f in figures} == {'the sentence lists 3 levels and 2 changes "respectively"'}


def test_a_figure_of_a_list_knows_its_place():
    text = "Trade with Alpha and Beta was 3.10 trillion yuan and 2.20 trillion yuan, up 2.1 percent and 3.4 percent " \
           "respectively, and their shares were 12.5 percent and 8.8 percent respectively."
    places = [(f.claims[0].text, f.listing.position, f.listing.count) for f in pair_figures(text, find_claims(text))]
    assert places == [("3.10 trillion yuan", 0, 2), ("2.20 trillion yuan", 1, 2), ("12.5 percent", 0, 2),
                      ("8.8 percent", 1, 2)]
    assert pair_figures(text := "Exports rose 6.1% to CNY26.99 trillion.", find_claims(text))[0].listing is None
