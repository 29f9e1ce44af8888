"""Find numeric claims (amounts, rates, counts, dates) in English and Chinese text.

Every ASCII or full-width digit in the input ends up inside exactly one claim's
span, so a later audit can account for each number. Numbers written in Chinese
numerals are returned when a unit or classifier follows them (二十九条) or 第
precedes them (第一). Number words such as "first" and month names without a
digit ("April") are not returned.

A claim's span covers the number, its scale, and an explicit unit or currency
("RMB 256.99 billion", "67.41 million TEUs", "4.5万亿元", "5800家"). Qualifiers
("more than", 超过, 以上), change words ("an increase of", 同比增长) and counted
English nouns ("3,776 instances") are read from the surrounding sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Claim:
    """One number found in text.

    Attributes:
        value: ``number`` times the scale (``256.99`` billion -> ``2.5699e11``).
            Percentages stay as printed (``7.5``). For dates and ordinals it is
            the first numeral in the span (14 for "July 14, 2025").
        number: The number as printed, without its scale.
        scale: "thousand", "million", "billion", "trillion", "ten_thousand" (万),
            "hundred_million" (亿) or None.
        unit: "CNY", "USD", "TEU", "percent", "percentage_points", "hours",
            "days", "months", "years", "times", "tonnes", "count" (Chinese
            classifiers such as 家/个/项), the noun after an English count
            ("instances"), "date", "year", "ordinal", or None.
        qualifier: "exact", "at_least", "about" or "at_most".
        direction: "increase", "decrease" or None.
        text: The matched substring, equal to ``source[start:end]``.
        start: Offset of the first character of the match.
        end: Offset just past the match.
        sentence: The stripped sentence (or sentences) containing the match.
    """

    value: float
    number: float
    scale: str | None
    unit: str | None
    qualifier: str
    direction: str | None
    text: str
    start: int
    end: int
    sentence: str


# Full-width ASCII (０-９, ．, ％, ，, Ｒ...) and the ideographic space map one
# character to one character, so offsets in the normalized text stay valid.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH.update({0x3000: ord(" "), 0xFFE5: ord("¥")})

_SP = r"[ \t\u00a0]"
_ARABIC = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
_CN_NUMERAL = "[零〇一二两三四五六七八九十百千]{1,12}"
_YEAR = r"(?:19|20)[0-9]{2}(?![0-9])"
_DAY = r"[0-9]{1,2}(?:st|nd|rd|th)?(?![0-9])"
_MONTH = (
    r"(?<![A-Za-z])(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
    r"(?![A-Za-z])\.?"
)
_CN_MONTH_OR_DAY = "(?:[0-9]{1,2}|[〇零一二三四五六七八九十]{1,3})"
_CN_YEAR = "(?:(?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4})年"

_DATE = "|".join(
    [
        rf"{_MONTH}{_SP}+{_DAY}(?:,?{_SP}+{_YEAR})?",  # July 14, 2025
        rf"{_DAY}{_SP}+{_MONTH}(?:,?{_SP}+{_YEAR})?",  # 14 July 2025
        rf"{_MONTH},?{_SP}+{_YEAR}",  # July 2025
        rf"{_YEAR}[-/][0-9]{{1,2}}[-/][0-9]{{1,2}}(?![0-9])",  # 2025-07-14
        rf"(?:{_CN_YEAR})?{_CN_MONTH_OR_DAY}月(?:{_CN_MONTH_OR_DAY}日)?",  # 2025年7月14日
        rf"{_CN_MONTH_OR_DAY}日",  # 14日
        "第?[一二三四1-4]季度",  # 一季度
        r"(?<![A-Za-z])Q[1-4](?![0-9])",  # Q1
    ]
)
_ORDINAL = rf"[0-9]+(?:st|nd|rd|th)(?![A-Za-z])|第(?:[0-9]+|{_CN_NUMERAL})"

_CURRENCY = r"(?<![A-Za-z])(?:RMB|CNY|USD|US\$|\$|¥)"
_SCALE_EN = "thousand|million|billion|trillion"
_SCALE_CN = "万亿|亿|万"
_UNIT_EN = (
    rf"%|percentage{_SP}+points?|per{_SP}?cent|TEUs?|hours?|yuan"
    rf"|US{_SP}+dollars|dollars|RMB|CNY|USD"
)
_UNIT_CN = (
    "标准箱|标箱|美元|元|个百分点|百分点|小时|个月|天|年|倍|吨"
    "|[个家项条次批种类名人位所座艘架列件票份台辆套款]"
)
_AMOUNT = (
    rf"(?:(?P<currency>{_CURRENCY}){_SP}?)?(?P<arabic>{_ARABIC})"
    rf"(?:{_SP}+(?P<scale_en>{_SCALE_EN})(?![A-Za-z])|(?P<scale_cn>{_SCALE_CN}))?"
    rf"(?P<approx>[多余])?"
    rf"(?:{_SP}*(?P<unit_en>{_UNIT_EN})(?![A-Za-z])|(?P<unit_cn>{_UNIT_CN}))?"
)
_CN_AMOUNT = (
    rf"(?P<cn_numeral>{_CN_NUMERAL})(?P<cn_scale>{_SCALE_CN})?"
    rf"(?P<cn_approx>[多余])?(?P<cn_unit>{_UNIT_CN})"
)

# Alternatives are tried in this order at each position; finditer keeps the
# matches leftmost-first and non-overlapping.
_CLAIM = re.compile(
    rf"(?P<date>{_DATE})|(?P<ordinal>{_ORDINAL})"
    rf"|(?P<amount>{_AMOUNT})|(?P<cn_amount>{_CN_AMOUNT})"
)

_NUMERAL = re.compile(rf"[0-9]+|{_CN_NUMERAL}")
_YEAR_NUMERAL = re.compile("(?:19|20)[0-9]{2}|(?:一九|二[〇零])[〇零一二三四五六七八九]{2}")
_CN_DIGITS = dict(zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9)))
_CN_MULTIPLIERS = {"十": 10, "百": 100, "千": 1000}

_SCALES = {
    "thousand": ("thousand", 10**3),
    "million": ("million", 10**6),
    "billion": ("billion", 10**9),
    "trillion": ("trillion", 10**12),
    "万": ("ten_thousand", 10**4),
    "亿": ("hundred_million", 10**8),
    "万亿": ("trillion", 10**12),
}
_UNITS = {
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "percentage point": "percentage_points",
    "percentage points": "percentage_points",
    "个百分点": "percentage_points",
    "百分点": "percentage_points",
    "teu": "TEU",
    "teus": "TEU",
    "标箱": "TEU",
    "标准箱": "TEU",
    "hour": "hours",
    "hours": "hours",
    "小时": "hours",
    "rmb": "CNY",
    "cny": "CNY",
    "yuan": "CNY",
    "¥": "CNY",
    "元": "CNY",
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollars": "USD",
    "us dollars": "USD",
    "美元": "USD",
    "天": "days",
    "个月": "months",
    "年": "years",
    "倍": "times",
    "吨": "tonnes",
}
_RATE_UNITS = {"percent", "percentage_points"}

_QUALIFIER_BEFORE = re.compile(
    r"(?:(?P<at_most>\b(?:less|fewer|no more) than|\b(?:under|below|at most|up to)"
    r"|不超过|不到|不足|少于|低于)"
    r"|(?P<at_least>\b(?:more than|over|above|exceeding|in excess of|at least|upwards of)"
    r"|不少于|不低于|超过|多于|至少|逾|超)"
    r"|(?P<about>\b(?:about|around|approximately|nearly|almost|roughly|some|close to)"
    r"|约为|大约|将近|接近|约|近))\s*$",
    re.IGNORECASE,
)
_QUALIFIER_AFTER = re.compile(
    r"^\s*(?:(?P<at_least>以上|or more\b)|(?P<about>左右)|(?P<at_most>以下|以内|or (?:less|fewer)\b))",
    re.IGNORECASE,
)
_INCREASE_EN = (
    r"increas(?:e|es|ed|ing)|ris(?:e|es|en|ing)|rose|gr(?:ew|ow|ows|own|owing|owth)"
    r"|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|surg(?:e|es|ed|ing)|gain(?:s|ed|ing)?"
    r"|expand(?:s|ed|ing)?|up"
)
_DECREASE_EN = (
    r"decreas(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|drop(?:s|ped|ping)?"
    r"|f(?:all|alls|ell|allen|alling)|reduc(?:e|es|ed|ing|tion)|shr(?:ink|inks|ank|unk)"
    r"|contract(?:ed|ion)|down"
)
_CHANGE_BEFORE = re.compile(
    rf"(?:(?P<increase>\b(?:{_INCREASE_EN})|增长|增加|上升|提高|提升|上涨|扩大|增)"
    rf"|(?P<decrease>\b(?:{_DECREASE_EN})|下降|减少|降低|回落|下滑|缩小|下跌|减|降))"
    r"(?:\s+(?:of|by)|了)?\s*$",
    re.IGNORECASE,
)
_CHANGE_AFTER = re.compile(
    r"^\s*(?:year[- ]on[- ]year\s+|annual\s+)?"
    r"(?:(?P<increase>increase|rise|growth|gain|jump|surge|higher)"
    r"|(?P<decrease>decrease|decline|drop|fall|reduction|contraction|lower))\b",
    re.IGNORECASE,
)
_WORD = "[A-Za-z][A-Za-z'-]*"
_FOLLOWING_WORDS = re.compile(rf"{_SP}+({_WORD})(?:{_SP}+({_WORD}))?")
_STOPWORDS = {
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "has", "have", "in", "is",
    "it", "its", "of", "on", "or", "per", "so", "than", "that", "the", "these", "this", "those", "to", "was",
    "were", "which", "while", "with", "year-on-year",
}
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s)|[。！？；][”’」』）)]*|\n")
_CONTEXT_CHARS = 40


def find_claims(text: str) -> list[Claim]:
    """Find every numeric claim in English or Chinese text.

    Args:
        text: Any text; full-width digits and punctuation are understood.

    Returns:
        The claims in order of position, with non-overlapping spans such that
        ``text[claim.start:claim.end] == claim.text``.

    Example:
        >>> for claim in find_claims("一季度进出口总值10.3万亿元，同比增长1.3%。"):
        ...     print(claim.text, claim.value, claim.unit, claim.direction)
        一季度 1.0 date None
        10.3万亿元 10300000000000.0 CNY None
        1.3% 1.3 percent increase
    """
    normalized = text.translate(_FULL_WIDTH)
    sentence_ends = [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    claims = []
    for match in _CLAIM.finditer(normalized):
        start, end = match.span()
        first = bisect.bisect_right(sentence_ends, start)
        last = bisect.bisect_left(sentence_ends, end)
        sentence_start = sentence_ends[first - 1] if first else 0
        sentence_end = sentence_ends[last]
        claims.append(
            _build_claim(
                match,
                text=text[start:end],
                sentence=text[sentence_start:sentence_end].strip(),
                before=normalized[max(sentence_start, start - _CONTEXT_CHARS) : start],
                after=normalized[end : min(sentence_end, end + _CONTEXT_CHARS)],
            )
        )
    return claims


def _build_claim(match: re.Match, text: str, sentence: str, before: str, after: str) -> Claim:
    """Turn one match of ``_CLAIM`` into a Claim, reading context for the rest."""
    position = {"text": text, "start": match.start(), "end": match.end(), "sentence": sentence}
    if match["date"] or match["ordinal"]:
        first = _numeral_value(_NUMERAL.search(match.group()).group())
        unit = "date" if match["date"] else "ordinal"
        return Claim(float(first), float(first), None, unit, "exact", None, **position)

    if match["amount"]:
        raw, scale_word, approx = match["arabic"], match["scale_en"] or match["scale_cn"], match["approx"]
        unit_word = match["currency"] or match["unit_en"] or match["unit_cn"]
    else:
        raw, scale_word, approx = match["cn_numeral"], match["cn_scale"], match["cn_approx"]
        unit_word = match["cn_unit"]
    number = _numeral_value(raw)
    if not scale_word and not approx and unit_word in (None, "年") and _YEAR_NUMERAL.fullmatch(raw):
        return Claim(float(number), float(number), None, "year", "exact", None, **position)

    scale, multiplier = _SCALES[scale_word.lower()] if scale_word else (None, 1)
    unit = _normalize_unit(unit_word) if unit_word else _count_noun(after)
    qualifier, before = ("at_least", before) if approx else _qualifier(before, after)
    return Claim(
        value=float(number * multiplier),
        number=float(number),
        scale=scale,
        unit=unit,
        qualifier=qualifier,
        direction=_direction(before, after, unit),
        **position,
    )


def _numeral_value(numeral: str) -> Decimal:
    """Value of "3,776", "256.99", "二十九", "一百四十一" or "二〇二五"."""
    if numeral[0].isascii():
        return Decimal(numeral.replace(",", ""))
    if not any(char in _CN_MULTIPLIERS for char in numeral):
        return Decimal("".join(str(_CN_DIGITS[char]) for char in numeral))
    total, digit = 0, 0
    for char in numeral:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        else:
            total += (digit or 1) * _CN_MULTIPLIERS[char]
            digit = 0
    return Decimal(total + digit)


def _normalize_unit(word: str) -> str:
    """Map a matched unit or currency to its normal name; other Chinese classifiers are "count"."""
    return _UNITS.get(" ".join(word.lower().split()), "count")


def _count_noun(after: str) -> str | None:
    """Return the noun counted by a bare English number ("25 pilot cities" -> "cities")."""
    match = _FOLLOWING_WORDS.match(after)
    if not match or match[1].lower() in _STOPWORDS:
        return None
    for word in match.groups():
        if word and word.lower() not in _STOPWORDS and word.endswith("s"):
            return word
    return match[1]


def _qualifier(before: str, after: str) -> tuple[str, str]:
    """Return the qualifier around a number and the preceding text without it."""
    match = _QUALIFIER_BEFORE.search(before)
    if match:
        return match.lastgroup, before[: match.start()]
    match = _QUALIFIER_AFTER.search(after)
    return (match.lastgroup if match else "exact"), before


def _direction(before: str, after: str, unit: str | None) -> str | None:
    """Return "increase"/"decrease" when a change word touches the number.

    Bare "up"/"down" count only for rates, so "set up 20 centres" is not a change.
    """
    for pattern, context in ((_CHANGE_BEFORE, before), (_CHANGE_AFTER, after)):
        match = pattern.search(context)
        if match:
            word = (match["increase"] or match["decrease"]).lower()
            if word in ("up", "down") and unit not in _RATE_UNITS:
                continue
            return "increase" if match["increase"] else "decrease"
    return None
