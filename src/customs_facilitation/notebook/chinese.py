"""Numbers, changes, periods and dates written the way Chinese readers write them.

A level is read in its base unit (units.csv: ``factor``) and written with the largest scale word
(万, 亿, 万亿) under which it is at least one, then its unit's Chinese pattern (units.csv:
``pattern_zh``): 256.99 CNY billion is 2569.9亿元, 45.47 CNY trillion is 45.47万亿元. The digits
are shifted exactly (decimal arithmetic), never rounded. Dates come from CLDR through Babel.
"""

from __future__ import annotations

import functools
from decimal import Decimal

import pandas as pd
from babel.dates import format_date, format_skeleton

from ..data.load import load_units
from ..language import LOCALES

SCALES = ((Decimal(10) ** 12, "万亿"), (Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万"))
"""Chinese scale words, largest first."""
UNIT_SCALES = {Decimal(10) ** 12: "万亿", Decimal(10) ** 9: "十亿", Decimal(10) ** 6: "百万", Decimal(1): ""}
"""The scale of a unit as published (CNY billion is 十亿元), for an axis in that unit."""
UNSCALED = ("percent", "rank", "score (0-100)", "score (1-5)", "hours", "months")
"""Base units whose numbers are never written with a scale word (a rank of 10,000 is not 1万)."""
QUALIFIERS = {"exact": "{}", "at_least": "超过{}", "about": "约{}", "preliminary": "{}（初步数）"}
BASES = {"year_on_year": "同比", "month_on_month": "环比", "quarter_on_quarter": "环比",
         "versus_previous_edition": "较上一版"}
NAMED_PERIODS = {(1, 12): "{y}年", (1, 6): "{y}年上半年", (7, 12): "{y}年下半年", (1, 9): "{y}年前三季度",
                 (1, 3): "{y}年一季度", (4, 6): "{y}年二季度", (7, 9): "{y}年三季度", (10, 12): "{y}年四季度"}
LOCALE = LOCALES["zh"]


@functools.cache
def _units() -> pd.DataFrame:
    return load_units().set_index("unit")


def decimal_text(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros, without grouping: '2569.9', '3776'.

    >>> decimal_text(Decimal("2569.900")), decimal_text(Decimal("4.5E+3"))
    ('2569.9', '4500')
    """
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def number(value: float, digits: int | None = None) -> str:
    """A number without grouping, as Chinese statistics print it; ``digits`` significant digits if given.

    >>> number(3776), number(239.0604651, digits=4), number(-2.5)
    ('3776', '239.1', '-2.5')
    """
    if pd.isna(value):
        return "无"
    if digits:
        value = float(f"{value:.{digits}g}")
    return decimal_text(Decimal(repr(float(value))))


def scaled(base_value: Decimal) -> str:
    """A value in base units with its scale word.

    >>> scaled(Decimal("256990000000")), scaled(Decimal("45470000000000")), scaled(Decimal("3776"))
    ('2569.9亿', '45.47万亿', '3776')
    """
    for size, word in SCALES:
        if abs(base_value) >= size:
            return decimal_text(base_value / size) + word
    return decimal_text(base_value)


def level(value: float, unit: str, qualifier: str = "exact", digits: int | None = None, counted: str = "") -> str:
    """A level in Chinese with its unit: '2569.9亿元', '约45.47万亿元', '超过5800家'; a count of things
    takes ``counted``, the measure word of what it counts (indicators.csv: ``counted_zh``).

    >>> level(256.99, "CNY billion"), level(45.47, "CNY trillion", "about"), level(7.5, "percent")
    ('2569.9亿元', '约45.47万亿元', '7.5%')
    >>> level(628000, "count", counted="家"), level(5800, "count", "at_least", counted="家")
    ('62.8万家', '超过5800家')
    """
    if pd.isna(value):
        return "未公布数值"
    row = _units().loc[unit]
    text = number(value, digits)
    if row["base_unit"] not in UNSCALED:
        text = scaled(Decimal(text) * Decimal(repr(float(row["factor"]))))
    said = row["pattern_zh"].format(text) + (counted if counted and row["pattern_zh"] == "{}" else "")
    return QUALIFIERS[qualifier].format(said)


def unit_words(unit: str) -> str:
    """A unit as published, in Chinese (for an axis in that unit): 'CNY billion' is '十亿元'.

    >>> unit_words("CNY billion"), unit_words("TEU million"), unit_words("percent"), unit_words("score (1-5)")
    ('十亿元', '百万标准箱', '%', '分，满分5分')
    """
    row = _units().loc[unit]
    if row["base_unit"] == "rank":
        return "排名"
    return _bracketed(row["pattern_zh"].format(UNIT_SCALES.get(Decimal(repr(float(row["factor"]))), "")))


def base_unit_words(unit: str) -> str:
    """The word of a unit's base unit, without scale: 'CNY billion' is '元', 'percent' is '%'.

    >>> base_unit_words("tonnes billion"), base_unit_words("count"), base_unit_words("score (1-5)")
    ('吨', '', '分，满分5分')
    """
    return _bracketed(_units().loc[unit, "pattern_zh"].format(""))


def _bracketed(words: str) -> str:
    """A unit's words as they stand inside a bracket of their own: a score's scale after a comma."""
    return words.replace("（", "，").removesuffix("）")


def basis(name: str) -> str:
    """What a change compares with: 同比, 环比, 较2017年.

    >>> basis("year_on_year"), basis("versus_2017")
    ('同比', '较2017年')
    """
    if name.startswith("versus_") and name.removeprefix("versus_").isdigit():
        return f"较{name.removeprefix('versus_')}年"
    return BASES[name]


def change(amount: float, change_unit: str, basis_name: str, qualifier: str = "exact") -> str:
    """A change in Chinese: '同比增长7.5%', '较2017年下降62.3%', '同比提高1.2个百分点'.

    >>> change(7.5, "percent", "year_on_year"), change(-62.3, "percent", "versus_2017")
    ('同比增长7.5%', '较2017年下降62.3%')
    >>> change(1.2, "percentage_points", "year_on_year"), change(10, "percent", "year_on_year", "at_least")
    ('同比提高1.2个百分点', '同比增长超过10%')
    >>> change(6, "count", "year_on_year"), change(-32, "rank_places", "versus_previous_edition")
    ('同比增加6个', '较上一版上升32位')
    """
    if pd.isna(amount):
        return "未公布变化"
    size = QUALIFIERS[qualifier].format(number(abs(amount)))
    if amount == 0:
        return f"{basis(basis_name)}持平"
    if change_unit == "percentage_points":
        return f"{basis(basis_name)}{'提高' if amount > 0 else '下降'}{size}个百分点"
    if change_unit == "rank_places":  # a rank that falls in number rises in place
        return f"{basis(basis_name)}{'上升' if amount < 0 else '下降'}{size}位"
    if change_unit == "count":  # so many more or fewer things, not a rate
        return f"{basis(basis_name)}{'增加' if amount > 0 else '减少'}{size}个"
    return f"{basis(basis_name)}{'增长' if amount > 0 else '下降'}{size}%"


def period(start: pd.Period, end: pd.Period) -> str:
    """A period in Chinese: '2025年上半年', '2025年前三季度', '2025年6月', '2025年1—7月'.

    >>> period(pd.Period("2025-01", "M"), pd.Period("2025-06", "M"))
    '2025年上半年'
    >>> period(pd.Period("2025-01", "M"), pd.Period("2025-07", "M"))
    '2025年1—7月'
    """
    if start == end:
        return format_skeleton("yMMM", start.to_timestamp(), locale=LOCALE)
    if start.year != end.year:
        return f"{start.year}年{start.month}月至{end.year}年{end.month}月"
    named = NAMED_PERIODS.get((start.month, end.month))
    return named.format(y=start.year) if named else f"{start.year}年{start.month}—{end.month}月"


def date(day: pd.Timestamp) -> str:
    """A date in Chinese (CLDR long form): '2025年7月14日'."""
    if pd.isna(day):
        return "未标明日期"
    return format_date(day, "long", locale=LOCALE)


def period_length(months: int) -> str:
    """What a period of so many months measures, for a legend: '全年', '半年', '一个季度', '单月', '7个月'."""
    return {12: "全年", 6: "半年", 3: "一个季度", 1: "单月"}.get(months, f"{months}个月")
