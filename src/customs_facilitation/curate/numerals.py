"""Reading numerals: one normal form for matching, and the value of a numeral as written.

:func:`normalize` maps every character to exactly one character (full-width forms to ASCII,
traditional to simplified Chinese with OpenCC), so an offset in the normal form is an offset in
the original text. Chinese numerals are read with cn2an; fractions in words ("九成", "三分之一",
"one-fifth", "half") become percentages.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import cn2an
import opencc

# Full-width ASCII (０-９, ．, ％, ，, Ｒ...) and the ideographic space map one character to one.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH.update({0x3000: ord(" "), 0xFFE5: ord("¥")})

_CN_POWERS = {"十": 10, "百": 100, "千": 1000, "万": 10_000}
_EN_FRACTIONS = {
    "half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
    "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}
_EN_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "nine": 9}
_EN_ONES = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
            "ninety": 90}


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def normalize(text: str) -> str:
    """The text with full-width forms as ASCII and traditional characters as simplified.

    Characters are converted one by one (a phrase conversion could change the length), and a
    character whose simplified form is not one character is kept as it is.

    Example:
        >>> normalize("超過３８萬億元")
        '超过38万亿元'
    """
    text = text.translate(_FULL_WIDTH)
    convert = _converter().convert
    table = {}
    for char in set(text):
        if ord(char) > 0x2E7F:  # CJK blocks and beyond: the only characters OpenCC changes
            simplified = convert(char)
            if len(simplified) == 1 and simplified != char:
                table[ord(char)] = simplified
    return text.translate(table)


def numeral_value(numeral: str) -> Decimal:
    """Value of an Arabic or Chinese numeral: "3,776", "256.99", "二十九", "三点五", "二〇二五".

    Raises:
        ValueError: if ``numeral`` is not a numeral cn2an can read.
    """
    if numeral[0].isascii():
        return Decimal(numeral.replace(",", ""))
    if numeral in _CN_POWERS:  # a bare 百 or 千 (千分之三); cn2an wants a digit before it
        return Decimal(_CN_POWERS[numeral])
    try:
        return Decimal(str(cn2an.cn2an(numeral, "normal")))
    except (KeyError, IndexError, TypeError) as error:  # how cn2an's own checks fail on runs like 〇亿一
        raise ValueError(f"cn2an cannot read {numeral!r} as a Chinese numeral") from error


def fraction_percent(numerator: str, denominator: str) -> Decimal:
    """A fraction written "denominator分之numerator" as a percentage: ("一", "三") -> 33.33..."""
    return Decimal(100) * numeral_value(numerator) / numeral_value(denominator)


def english_number_value(words: str) -> Decimal:
    """Value of an English cardinal from two to ninety-nine: "six", "twenty-five"."""
    tens, _, ones = words.lower().partition("-")
    if tens in _EN_TENS:
        return Decimal(_EN_TENS[tens] + ({"one": 1, **_EN_ONES}[ones] if ones else 0))
    return Decimal(_EN_ONES[tens])


def english_fraction_percent(numerator: str | None, denominator: str) -> Decimal:
    """ "one-fifth", "two thirds", "half" as a percentage."""
    count = _EN_NUMERATORS[numerator.lower()] if numerator else 1
    return Decimal(100) * count / _EN_FRACTIONS[denominator.lower()]


EN_FRACTION_WORDS = "|".join(sorted(_EN_FRACTIONS, key=len, reverse=True))
EN_NUMERATOR_WORDS = "|".join(sorted(_EN_NUMERATORS, key=len, reverse=True))
_SINGLE_DIGITS = "|".join(["one", *(word for word, n in _EN_ONES.items() if n < 10)])
EN_CARDINAL_WORDS = (f"(?:{'|'.join(_EN_TENS)})(?:-(?:{_SINGLE_DIGITS}))?"
                     f"|{'|'.join(sorted(_EN_ONES, key=len, reverse=True))}")
