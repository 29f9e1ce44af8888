"""Tests for customs_facilitation.curate.claims."""

import doctest
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import customs_facilitation.curate.claims as claims_module
from customs_facilitation.curate.claims import Claim, find_claims
from customs_facilitation.paths import DATA_DIR

SEED = DATA_DIR / "raw" / "legal-daily-2025-07-14.txt"
DIGITS = "0123456789０１２３４５６７８９"


def _claim(text: str, matched: str) -> Claim:
    """Return the only claim whose text is ``matched``."""
    found = [c for c in find_claims(text) if c.text == matched]
    assert len(found) == 1, [c.text for c in find_claims(text)]
    return found[0]


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_claims(seed_text: str) -> dict[str, Claim]:
    return {claim.text: claim for claim in find_claims(seed_text)}


@pytest.mark.parametrize(
    ("matched", "kind", "value", "number", "scale", "unit", "noun", "direction"),
    [
        ("20", "quantity", 20.0, 20.0, None, "count", "departments", None),
        ("25", "quantity", 25.0, 25.0, None, "count", "cities", None),
        ("29", "quantity", 29.0, 29.0, None, "count", "measures", None),
        ("RMB 256.99 billion", "quantity", 256_990_000_000.0, 256.99, "billion", "CNY", None, None),
        ("7.5%", "quantity", 7.5, 7.5, None, "percent", None, "increase"),
        ("67.41 million TEUs", "quantity", 67_410_000.0, 67.41, "million", "TEU", None, None),
        ("11.3%", "quantity", 11.3, 11.3, None, "percent", None, "increase"),
        ("141", "quantity", 141.0, 141.0, None, "count", "countries", None),
        ("3,776", "quantity", 3776.0, 3776.0, None, "count", "instances", None),
        ("July 14", "date", 14.0, 14.0, None, None, None, None),
        ("2025", "year", 2025.0, 2025.0, None, None, None, None),
    ],
)
def test_seed_claims(seed_claims, matched, kind, value, number, scale, unit, noun, direction):
    claim = seed_claims[matched]
    assert (claim.kind, claim.value, claim.number, claim.scale, claim.unit, claim.noun, claim.direction) == (
        kind, value, number, scale, unit, noun, direction)
    assert claim.qualifier == "exact"


def test_seed_spans_and_sentences(seed_text):
    found = find_claims(seed_text)
    assert [c.start for c in found] == sorted(c.start for c in found)
    for claim in found:
        assert seed_text[claim.start : claim.end] == claim.text
        assert claim.text in claim.sentence
        assert "\n" not in claim.sentence
    rate = next(c for c in found if c.text == "7.5%")
    assert rate.sentence.startswith("The national bonded repair business")
    assert rate.sentence.endswith("marking an increase of 7.5%.")


def test_seed_every_digit_is_accounted_for_and_april_is_skipped(seed_text):
    found = find_claims(seed_text)
    covered = [i for c in found for i in range(c.start, c.end)]
    assert all(i in covered for i, char in enumerate(seed_text) if char.isdigit())
    assert len(covered) == len(set(covered)), "no number is read twice (one claim per number)"
    assert not any("April" in c.text for c in found)


def test_chinese_trillion_and_year_on_year_growth():
    text = "一季度进出口总值10.3万亿元，同比增长1.3%。"
    total = _claim(text, "10.3万亿元")
    assert (total.value, total.number, total.scale, total.unit) == (1.03e13, 10.3, "trillion", "CNY")
    assert total.direction is None
    growth = _claim(text, "1.3%")
    assert (growth.value, growth.unit, growth.direction) == (1.3, "percent", "increase")
    assert growth.sentence == text
    assert _claim(text, "一季度").kind == "date"


def test_english_rise_level_and_more_than():
    text = "Exports rose 7.2 percent to 13 trillion yuan, and more than 5,800 AEOs took part."
    rise = _claim(text, "7.2 percent")
    assert (rise.unit, rise.direction) == ("percent", "increase")
    level = _claim(text, "13 trillion yuan")
    assert (level.value, level.scale, level.unit, level.direction) == (1.3e13, "trillion", "CNY", None)
    operators = _claim(text, "5,800")
    assert (operators.value, operators.unit, operators.noun) == (5800.0, "count", "AEOs")
    assert operators.qualifier == "at_least"


def test_full_width_digits_and_hundred_million_scale():
    text = "保税维修进出口２５６．９９亿元，同比增长７．５％。"
    amount = _claim(text, "２５６．９９亿元")
    assert (amount.number, amount.scale, amount.unit) == (256.99, "hundred_million", "CNY")
    assert amount.value == pytest.approx(2.5699e10)
    rate = _claim(text, "７．５％")
    assert (rate.value, rate.unit, rate.direction) == (7.5, "percent", "increase")
    assert text[rate.start : rate.end] == "７．５％"


def test_full_width_comma_is_a_thousands_separator_only_before_three_digits():
    assert _claim("累计认证１２，３４５家企业。", "１２，３４５家").value == 12345.0
    assert [c.value for c in find_claims("分别为12，34家")] == [12.0, 34.0]
    assert [c.value for c in find_claims("编号1,2345。")] == [1.0, 2345.0]


def test_ten_thousand_teu_and_percentage_points_decrease():
    text = "集装箱吞吐量6741万标箱，平均通关时间下降2.1个百分点。"
    boxes = _claim(text, "6741万标箱")
    assert (boxes.value, boxes.scale, boxes.unit) == (67_410_000.0, "ten_thousand", "TEU")
    points = _claim(text, "2.1个百分点")
    assert (points.unit, points.direction) == ("percentage_points", "decrease")


@pytest.mark.parametrize(
    ("text", "matched", "qualifier", "unit"),
    [
        ("超过5800家企业获得认证。", "5800家", "at_least", "count"),
        ("惠及逾300家企业。", "300家", "at_least", "count"),
        ("新增5800多家企业。", "5800多家", "at_least", "count"),
        ("约4.5万亿元的货物。", "4.5万亿元", "about", "CNY"),
        ("近30个国家参与。", "30个", "about", "count"),
        ("共200项左右。", "200项", "about", "count"),
        ("不到10小时即可通关。", "10小时", "at_most", "hours"),
        ("不超过3天。", "3天", "at_most", "days"),
        ("It took less than 36.7 hours.", "36.7 hours", "at_most", "hours"),
        ("Nearly 57.3 percent of firms agreed.", "57.3 percent", "about", "percent"),
    ],
)
def test_qualifiers(text, matched, qualifier, unit):
    claim = _claim(text, matched)
    assert (claim.qualifier, claim.unit) == (qualifier, unit)


# The direction of a change, by sentence: (the claim's text, its direction or None).
DIRECTIONS = {
    "出口同比下降3.4%。": ("3.4%", "decrease"),
    "进口减少了120亿美元。": ("120亿美元", "decrease"),
    "Imports fell 2.8 percent in May.": ("2.8 percent", "decrease"),
    "The share was down 0.4 percentage points.": ("0.4 percentage points", "decrease"),
    "It marked a 1.5% year-on-year decline.": ("1.5%", "decrease"),
    "Costs went up 4% this year.": ("4%", "increase"),
    "They set up 12 centres.": ("12", None),
    "Trade grew to 3 trillion yuan.": ("3 trillion yuan", None),
    "进出口增长超过5%。": ("5%", "increase"),
    "Trade with both partners posted growth rates of 1.5 percent and 2.5 percent.": ("1.5 percent", "increase"),
}


@pytest.mark.parametrize("text", DIRECTIONS)
def test_directions(text):
    matched, direction = DIRECTIONS[text]
    assert _claim(text, matched).direction == direction


def test_a_change_word_reaches_the_numbers_a_list_makes_rates():
    claims = find_claims("The two were up 1.5, 2.5 and 3.5 percent respectively.")
    assert [(c.text, c.unit, c.direction) for c in claims] == [
        ("1.5", "percent", "increase"), ("2.5", "percent", "increase"), ("3.5 percent", "percent", "increase")]
    assert find_claims("They set up 12, 15 and 20 centres.")[0].direction is None  # "up" counts before a rate only


def test_usd_trillion_and_hundred_million_usd():
    dollars = _claim("Trade reached US$3.04 trillion.", "US$3.04 trillion")
    assert (dollars.value, dollars.scale, dollars.unit) == (3.04e12, "trillion", "USD")
    yuan = _claim("出口额为85亿美元。", "85亿美元")
    assert (yuan.value, yuan.unit) == (8.5e9, "USD")


def test_counts_take_the_plural_noun_after_the_number():
    text = "It worked with 20 departments and 25 pilot cities on 29 measures."
    assert [(c.text, c.unit, c.noun) for c in find_claims(text)] == [
        ("20", "count", "departments"),
        ("25", "count", "cities"),
        ("29", "count", "measures"),
    ]
    assert _claim("Customs in 141 countries and regions joined.", "141").noun == "countries"


@pytest.mark.parametrize(
    ("text", "matched", "value", "kind"),
    [
        ("Beijing, July 14—A reporter", "July 14", 14.0, "date"),
        ("Published on 14 July 2025.", "14 July 2025", 14.0, "date"),
        ("Published on July 14, 2025.", "July 14, 2025", 14.0, "date"),
        ("发布于2025年7月14日。", "2025年7月14日", 2025.0, "date"),
        ("今年7月起实施。", "7月", 7.0, "date"),
        ("In the first half of 2025, trade grew.", "2025", 2025.0, "year"),
        ("2024年全年进出口稳定。", "2024年", 2024.0, "year"),
        ("二〇二五年上半年。", "二〇二五年", 2025.0, "year"),
        ("The 21st session opened.", "21st", 21.0, "ordinal"),
        ("第一批试点城市。", "第一", 1.0, "ordinal"),
        ("Q3 results improved.", "Q3", 3.0, "date"),
    ],
)
def test_dates_years_and_ordinals(text, matched, value, kind):
    claim = _claim(text, matched)
    assert (claim.value, claim.kind, claim.unit, claim.direction) == (value, kind, None, None)


def test_chinese_numerals_need_a_unit_or_di():
    found = find_claims("会同二十个部门出台二十九条措施，进一步统一口径。")
    assert [(c.text, c.value, c.unit) for c in found] == [
        ("二十个", 20.0, "count"),
        ("二十九条", 29.0, "count"),
    ]
    assert _claim("覆盖一百四十一个国家和地区。", "一百四十一个").value == 141.0
    assert _claim("达到二十万标箱。", "二十万标箱").value == 200_000.0


def test_long_chinese_numeral_runs_stay_linear():
    started = time.perf_counter()
    assert find_claims("一" * 20_000) == []
    assert time.perf_counter() - started < 5  # unbounded backtracking took ~50 s


def test_month_names_and_number_words_without_digits_are_skipped():
    assert find_claims("In April, the first measures took effect; 上半年成效明显。") == []


def test_english_and_chinese_sentence_splitting():
    text = "Report of 2025\nImports rose 3%. 出口增长5%！进口下降2%；总体平稳。"
    assert [c.sentence for c in find_claims(text)] == [
        "Report of 2025",
        "Imports rose 3%.",
        "出口增长5%！",
        "进口下降2%；",
    ]


def test_docstring_example():
    assert doctest.testmod(claims_module).failed == 0


TOKENS = st.sampled_from(
    [
        " ", "\n", ".", ". ", ",", "，", "。", "；", "-", "$", "US$", "RMB ", "¥", "０", "７", "．",
        "％", "1", "2", "3", "20", "25", "000", ",000", "2025", "1999", "3.5", "256.99", "%",
        " percent", " percentage points", " billion", " million", " TEUs", " hours", " yuan",
        "万", "亿", "万亿", "元", "美元", "标箱", "个百分点", "个", "家", "多", "余", "以上", "左右",
        "年", "月", "日", "季度", "第", "一", "二", "十", "百", "〇", "Q", "st", "th", "July",
        " July ", "Sep.", "May", "more than ", "over ", "about ", "超过", "约", "近", "不到",
        "同比增长", "下降", "rose ", "fell by ", "up ", "an increase of ",
        " year-on-year increase", " instances", " pilot cities", " and ", "is",
        "萬", "億", "個", "增長", "超過", "兩", "成", "半", "一半", "分之", "〔", "〕", "号", "版", "次", "时", ":",
        "/", "G", "-", "至", "和", "、", "（", "）", "今", "half", "one-fifth", "a third", " of", "twenty", "six",
        " hours", "bn", "HK$", "CNY", "No. ", "Announcement ", " views", "前", "个月", "新台币", "兆",
    ]
)
TEXTS = st.one_of(st.text(), st.lists(TOKENS, max_size=30).map("".join))


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_spans_are_exact_ordered_and_cover_every_digit(text):
    found = find_claims(text)
    previous_end = 0
    for claim in found:
        assert text[claim.start : claim.end] == claim.text
        assert previous_end <= claim.start < claim.end
        previous_end = claim.end
        assert claim.text in claim.sentence
        assert claim.qualifier in {"exact", "at_least", "about", "at_most"}
        assert claim.direction in {None, "increase", "decrease"}
    covered = {i for c in found for i in range(c.start, c.end)}
    assert all(i in covered for i, char in enumerate(text) if char in DIGITS)


@pytest.mark.parametrize("text", ["0分之0", "0分之5", "〇亿一元", "比例为0分之0，"])
def test_unreadable_numbers_are_no_figures_but_keep_their_digits(text):
    """Found by the property test above: a zero denominator and a run cn2an refuses."""
    found = find_claims(text)
    assert all(claim.kind != "quantity" or claim.unit != "percent" for claim in found)
    covered = {i for c in found for i in range(c.start, c.end)}
    assert all(i in covered for i, char in enumerate(text) if char in DIGITS)
