"""Find numeric claims in English and Chinese (simplified or traditional) press-release text.

Every ASCII or full-width digit in the input ends up inside exactly one claim's span, so a later
audit can account for each number. A claim is a *quantity* (a figure: "RMB 256.99 billion",
"超過38萬億元", "九成", "one-fifth") or one of the kinds that are not figures: a ``date``
("2025年1-6月", "June 3 to 5", "今（18）日"), a ``time`` ("18:40"), a ``year``, an ``ordinal``,
a ``label`` (a newspaper page "07版", "5G", a view counter "3次") or a ``document_number``
("署岸函〔2025〕17号"). Numbers written in Chinese numerals are quantities when a unit or
classifier follows them (二十九条); number words such as "first" and month names are skipped.

A quantity's span covers the number, its scale, and an explicit unit or currency
("CNY38.20 trillion", "67.41 million TEUs", "4.5万亿元", "5800家"). Qualifiers ("more than",
超过, 以上), change words ("an increase of", 同比增长) and counted English nouns ("3,776
instances") are read from the surrounding sentence; a unit or scale written once for a list
("8.12万亿和9.05万亿元") applies to every number of the list.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from . import context
from .nonfigures import NON_FIGURES, SP
from .numerals import (
    EN_CARDINAL_WORDS,
    EN_FRACTION_WORDS,
    EN_NUMERATOR_WORDS,
    english_fraction_percent,
    english_number_value,
    fraction_percent,
    normalize,
    numeral_value,
)


@dataclass(frozen=True)
class Claim:
    """One number found in text.

    Attributes:
        kind: "quantity" (a figure) or what else it is: "date", "time", "year", "ordinal",
            "label", "document_number".
        value: A quantity in its unit without scale (``256.99`` billion -> ``2.5699e11``).
            Percentages stay as printed (``7.5``); fractions in words are percentages
            (九成 -> 90). For the other kinds, the first numeral in the span.
        number: The number as printed, without its scale.
        scale: "thousand", "ten_thousand" (万), "million", "hundred_million" (亿), "billion",
            "trillion" (and the other powers of ten Chinese writes), or None.
        unit: The unit of a quantity: a currency code ("CNY", "USD", "HKD", "TWD", ...), "TEU",
            "percent", "percentage_points", "hours", "days", "months", "years", "times",
            "tonnes", "count" (classifiers such as 家/个/项, counted English nouns, bare whole
            numbers), or None where the text gives none. None for the other kinds.
        noun: What a count counts: the English noun ("instances") or the Chinese classifier (家).
        qualifier: "exact", "at_least", "about" or "at_most".
        direction: "increase", "decrease" or None.
        basis: What a change compares with, where the words say: "year_on_year", "versus_2017".
        text: The matched substring, equal to ``source[start:end]``.
        start: Offset of the first character of the match.
        end: Offset just past the match.
        sentence: The stripped sentence (or sentences) containing the match.
    """

    kind: str
    value: float
    number: float
    scale: str | None
    unit: str | None
    noun: str | None
    qualifier: str
    direction: str | None
    basis: str | None
    text: str
    start: int
    end: int
    sentence: str


_ARABIC = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
_CN_DIGIT_CHARS = "零〇一二两三四五六七八九十"
_CN_NUMERAL_CHARS = _CN_DIGIT_CHARS + "百千万亿"
_CN_CURRENCIES = "美元|美金|港元|港币|澳门元|澳门币|新台币|台币|日元|欧元|英镑|韩元|元人民币|元|人民币"

_CURRENCY = r"(?<![A-Za-z])(?:RMB|CNY|USD|US\$|HK\$|HKD|NT\$|TWD|MOP|EUR|GBP|JPY|€|£|\$|¥)|人民币|新台币|港币"
_SCALE_EN = "thousand|million|billion|trillion|bn|bln|trn|trln|tn|mln|mn"
_SCALE_CN = f"万亿|千亿|百亿|亿|千万|百万|万|千(?![米克瓦伏焦卡帕])|兆(?={_CN_CURRENCIES})"
_UNIT_EN = (
    rf"%|percentage{SP}+points?|per{SP}?cent|pct|ppts?|pp|twenty-foot{SP}+equivalent{SP}+units?|TEUs?"
    rf"|hours?|hrs|minutes|(?:working{SP}+|business{SP}+)?days?|weeks?|months?|years?|times|tonnes|tons|kilograms|kg"
    rf"|yuan|renminbi|RMB|CNY|USD|(?:US|U\.S\.){SP}+dollars|(?:Hong{SP}+Kong|HK){SP}+dollars"
    rf"|(?:New{SP}+Taiwan|NT){SP}+dollars|dollars|HKD|TWD|patacas|MOP|euros?|EUR"
)
_UNIT_CN = (
    f"个百分点|百分点|个?标准箱|个?标箱|个?标准货柜|{_CN_CURRENCIES}|个工作日|工作日|个小时|小时|分钟|个月"
    "|周(?!年)|天|日(?=内|以内|之内)|年|倍|公吨|吨|公斤|千克"
    "|人次|架次|艘次|车次|航次|批次|班次|列次|[个家项条次批种类名人位所座艘架列件票份台辆套款户单箱宗起支]"
)
_AMOUNT = (
    rf"(?P<minus>(?<![0-9A-Za-z.,])[-−])?(?:(?P<currency>{_CURRENCY}){SP}?)?(?P<arabic>{_ARABIC})(?P<approx>[多余])?"
    rf"(?:{SP}*(?P<scale_en>{_SCALE_EN})(?![A-Za-z])|(?P<scale_cn>{_SCALE_CN})"
    r"|(?(currency)(?P<scale_abbr>[mk])(?![A-Za-z])|(?!)))?"
    rf"(?P<approx_after_scale>[多余])?"
    rf"(?:(?:{SP}*|-)(?P<unit_en>{_UNIT_EN})(?![A-Za-z])|(?P<unit_cn>{_UNIT_CN}))?"
)
# English cardinals in words count only before a unit of measure: "six hours", "three million tonnes".
_WORDS_AMOUNT = (
    rf"(?<![A-Za-z-])(?P<en_words>(?i:{EN_CARDINAL_WORDS}))(?:{SP}+(?P<words_scale>{_SCALE_EN}))?"
    rf"(?:{SP}+|-)(?P<words_unit>{_UNIT_EN})(?![A-Za-z])"
)
_CN_AMOUNT = (
    rf"(?<![{_CN_NUMERAL_CHARS}数几上点])(?P<cn_numeral>[{_CN_DIGIT_CHARS}][{_CN_NUMERAL_CHARS}点]{{0,15}})"
    rf"(?P<cn_approx>[多余])?(?P<cn_scale>万亿|亿|万)?(?P<cn_approx_after_scale>[多余])?(?P<cn_unit>{_UNIT_CN})"
)
# Fractions in words: 三分之一 and 百分之五 (denominator 分之 numerator), 九成 (tenths), 一半; in English
# "one-fifth", "a third of" (a fraction spelt with a space needs "of": "a third round" is no fraction), "half of".
_NOT_AFTER_A_NUMERAL = rf"(?<![0-9.{_CN_NUMERAL_CHARS}])"
_FRACTION_CN = (
    rf"{_NOT_AFTER_A_NUMERAL}(?P<frac_den>[0-9]+|[{_CN_NUMERAL_CHARS}]+)分之"
    rf"(?P<frac_num>[0-9]+(?:\.[0-9]+)?|[{_CN_DIGIT_CHARS}百点]+)"
)
_TENTHS_CN = (
    rf"{_NOT_AFTER_A_NUMERAL}(?P<tenths>[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十])成(?P<tenths_half>半)?"
    "(?P<tenths_approx>多)?"
    "(?![员本果功为立交效绩品不型长熟就])"
)
_HALF_CN = "(?P<half_cn>一半|过半|逾半|超半|半数)"
_HALF_AFTER = "|".join(f"(?<={word} )" for word in (
    "than", "[Oo]ver", "[Nn]early", "[Aa]lmost", "[Aa]bout", "[Aa]round", "[Rr]oughly", "[Ss]ome", "[Uu]nder"))
_NOT_A_HALF_YEAR = "".join(f"(?<!{word} )" for word in ("first", "second", "latter", "other", "last", "this",
                                                        "same", "the", "a"))
_FRACTION_EN = (
    rf"(?<![A-Za-z-])(?:(?P<en_num>(?i:{EN_NUMERATOR_WORDS}))"
    rf"(?:-(?P<en_den>(?i:{EN_FRACTION_WORDS}))|{SP}(?P<en_den_spaced>(?i:{EN_FRACTION_WORDS}))(?={SP}+of\b))"
    rf"|(?:{_HALF_AFTER})(?P<half_qualified>half)"
    rf"|{_NOT_A_HALF_YEAR}(?P<half_of>[Hh]alf)(?={SP}+(?:of|the|their|its|all)\b))(?![A-Za-z-])"
)

# Alternatives are tried in this order at each position; finditer keeps the matches
# leftmost-first and non-overlapping.
_CLAIM = re.compile(
    "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in NON_FIGURES.items())
    + rf"|(?P<fraction_cn>{_FRACTION_CN})|(?P<tenths_cn>{_TENTHS_CN})|{_HALF_CN}|(?P<fraction_en>{_FRACTION_EN})"
    rf"|(?P<amount>{_AMOUNT})|(?P<words_amount>{_WORDS_AMOUNT})|(?P<cn_amount>{_CN_AMOUNT})"
)

_NUMERAL = re.compile(f"[0-9]+|[{_CN_NUMERAL_CHARS}]+")
_YEAR_NUMERAL = re.compile("(?:19|20)[0-9]{2}|(?:一九|二[〇零])[〇零一二三四五六七八九]{2}")
_TRAILING_CN_SCALE = re.compile("(万亿|亿|万)$")

_SCALES = {
    "thousand": ("thousand", 3), "k": ("thousand", 3), "千": ("thousand", 3),
    "万": ("ten_thousand", 4),
    "million": ("million", 6), "mn": ("million", 6), "mln": ("million", 6), "m": ("million", 6),
    "百万": ("million", 6),
    "千万": ("ten_million", 7),
    "亿": ("hundred_million", 8),
    "billion": ("billion", 9), "bn": ("billion", 9), "bln": ("billion", 9),
    "百亿": ("ten_billion", 10),
    "千亿": ("hundred_billion", 11),
    "trillion": ("trillion", 12), "tn": ("trillion", 12), "trn": ("trillion", 12), "trln": ("trillion", 12),
    "万亿": ("trillion", 12),
    "兆": ("trillion", 12),
}
_UNITS = {
    "%": "percent", "percent": "percent", "per cent": "percent", "pct": "percent",
    "percentage point": "percentage_points", "percentage points": "percentage_points", "pp": "percentage_points",
    "ppt": "percentage_points", "ppts": "percentage_points", "个百分点": "percentage_points",
    "百分点": "percentage_points",
    "teu": "TEU", "teus": "TEU", "twenty-foot equivalent unit": "TEU", "twenty-foot equivalent units": "TEU",
    "标箱": "TEU", "标准箱": "TEU", "标准货柜": "TEU", "个标箱": "TEU", "个标准箱": "TEU", "个标准货柜": "TEU",
    "hour": "hours", "hours": "hours", "hrs": "hours", "小时": "hours", "个小时": "hours",
    "minutes": "minutes", "分钟": "minutes",
    "day": "days", "days": "days", "working day": "days", "working days": "days", "business days": "days",
    "business day": "days", "天": "days", "日": "days", "工作日": "days", "个工作日": "days",
    "week": "weeks", "weeks": "weeks", "周": "weeks",
    "month": "months", "months": "months", "个月": "months",
    "year": "years", "years": "years", "年": "years",
    "times": "times", "倍": "times",
    "tonnes": "tonnes", "tons": "tonnes", "吨": "tonnes", "公吨": "tonnes",
    "kilograms": "kg", "kg": "kg", "公斤": "kg", "千克": "kg",
    "rmb": "CNY", "cny": "CNY", "yuan": "CNY", "renminbi": "CNY", "¥": "CNY", "元": "CNY", "人民币": "CNY",
    "元人民币": "CNY",
    "$": "USD", "us$": "USD", "usd": "USD", "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD",
    "美元": "USD", "美金": "USD",
    "hk$": "HKD", "hkd": "HKD", "hong kong dollars": "HKD", "hk dollars": "HKD", "港元": "HKD", "港币": "HKD",
    "nt$": "TWD", "twd": "TWD", "new taiwan dollars": "TWD", "nt dollars": "TWD", "新台币": "TWD", "台币": "TWD",
    "mop": "MOP", "patacas": "MOP", "澳门元": "MOP", "澳门币": "MOP",
    "eur": "EUR", "€": "EUR", "euro": "EUR", "euros": "EUR", "欧元": "EUR",
    "gbp": "GBP", "£": "GBP", "英镑": "GBP", "jpy": "JPY", "日元": "JPY", "韩元": "KRW",
}
# "一个", "一批", "一年": the Chinese indefinite article, not a figure.
_ARTICLE_UNITS = {"count", "years", "months", "weeks", "days"}
_AT_LEAST_HALVES = {"过半", "逾半", "超半"}
_DOLLARS_CALLED_YUAN = {"HKD", "TWD", "MOP"}  # 元 is also the word for these currencies
# Between the numbers of a list (normalized text: a Chinese full-width comma is a bare ",").
_JOINERS = rf"、|和|与|及|以及|或|至|到|-|–|—|~|/|(?:,?{SP}*)(?:and|or|to)"
_LIST_SEPARATOR = re.compile(rf"{SP}*(?:{_JOINERS}|,){SP}*")
# A change word reaches along a list, but not past a Chinese comma, which starts a new clause.
_CHANGE_LIST_SEPARATOR = re.compile(rf"{SP}*(?:{_JOINERS}|,{SP}+){SP}*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s)|[。！？；][”’」』）)]*|\n")
_WORD_BEFORE_A_STOP = re.compile(r"([A-Za-z.]+)\.$")
# A full stop after these ends no sentence: "Announcement No. 12", "Jan. 14", "U.S. dollars".
_ABBREVIATIONS = {
    "no", "nos", "art", "fig", "figs", "vol", "pp", "p", "mr", "ms", "mrs", "dr", "st", "vs", "etc", "approx",
    "co", "ltd", "inc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "e.g", "i.e", "a.m", "p.m",
}
_CONTEXT_CHARS = 40


def find_claims(text: str) -> list[Claim]:
    """Find every numeric claim in English or Chinese text.

    Args:
        text: Any text; full-width digits and traditional characters are understood.

    Returns:
        The claims in order of position, with non-overlapping spans such that
        ``text[claim.start:claim.end] == claim.text``.

    Example:
        >>> for claim in find_claims("一季度进出口總值10.3萬億元，同比增長1.3%。"):
        ...     print(claim.kind, claim.text, claim.value, claim.unit, claim.direction)
        date 一季度 1.0 None None
        quantity 10.3萬億元 10300000000000.0 CNY None
        quantity 1.3% 1.3 percent increase
    """
    normalized = normalize(text)
    sentence_ends = _sentence_ends(text)
    claims = []
    for match in _CLAIM.finditer(normalized):
        start, end = match.span()
        first = bisect.bisect_right(sentence_ends, start)
        last = bisect.bisect_left(sentence_ends, end)
        sentence_start = sentence_ends[first - 1] if first else 0
        sentence_end = sentence_ends[last]
        claim = _build_claim(
            match,
            text=text[start:end],
            sentence=text[sentence_start:sentence_end].strip(),
            before=normalized[max(sentence_start, start - _CONTEXT_CHARS) : start],
            after=normalized[end : min(sentence_end, end + _CONTEXT_CHARS)],
        )
        if claim is not None:
            claims.append(claim)
    return _bare_whole_numbers_count(_unit_from_the_sentence(_share_across_lists(claims, normalized)))


def _sentence_ends(text: str) -> list[int]:
    """Offsets just past each sentence's end, and the end of the text; abbreviations end none."""
    ends = []
    for match in _SENTENCE_END.finditer(text):
        word = _WORD_BEFORE_A_STOP.search(text, max(0, match.start() - 12), match.start() + 1)
        if match.group() == "." and word and (word[1].lower() in _ABBREVIATIONS or len(word[1]) == 1):
            continue
        ends.append(match.end())
    return ends + [len(text)]


def _build_claim(match: re.Match, text: str, sentence: str, before: str, after: str) -> Claim | None:
    """Turn one match of ``_CLAIM`` into a Claim, reading context for the rest.

    Returns None for a Chinese numeral that is no figure (一个, an unreadable run).
    """
    position = {"text": text, "start": match.start(), "end": match.end(), "sentence": sentence}
    kind = match.lastgroup
    if kind in NON_FIGURES:
        return _not_a_figure(kind, match.group(), position)
    try:
        reading = _read_quantity(match, after)
    except (ValueError, ArithmeticError):  # cn2an refuses a run such as 三点点五
        return None
    if reading is None:
        return None
    number, scale, unit, noun, at_least = reading
    if kind == "amount" and _is_a_year(match, after):
        return _not_a_figure("year", match["arabic"], position)
    if kind == "cn_amount" and match["cn_numeral"] != "一" and _YEAR_NUMERAL.fullmatch(match["cn_numeral"]) \
            and unit == "years":
        return _not_a_figure("year", match["cn_numeral"], position)
    name, power = _SCALES[scale] if scale else (None, 0)
    qualifier, before = ("at_least", before) if at_least else context.qualifier(before, after)
    direction = "decrease" if kind == "amount" and match["minus"] else context.direction(before, after, unit)
    return Claim(
        kind="quantity",
        value=float(number.scaleb(power)),
        number=float(number),
        scale=name,
        unit=unit,
        noun=noun,
        qualifier=qualifier,
        direction=direction,
        basis=context.change_basis(before, after) if direction else None,
        **position,
    )


def _not_a_figure(kind: str, span: str, position: dict) -> Claim:
    first = _NUMERAL.search(span)
    try:
        value = float(numeral_value(first.group()))
    except ValueError:
        value = math.nan
    return Claim(kind, value, value, None, None, None, "exact", None, None, **position)


def _read_quantity(match: re.Match, after: str):
    """(number, scale word, unit, noun, at_least) of a quantity match, or None if it is no figure."""
    if match["fraction_cn"]:
        return fraction_percent(match["frac_num"], match["frac_den"]), None, "percent", None, False
    if match["tenths_cn"]:
        percent = numeral_value(match["tenths"]) * 10 + (5 if match["tenths_half"] else 0)
        return percent, None, "percent", None, bool(match["tenths_approx"])
    if match["half_cn"]:
        return Decimal(50), None, "percent", None, match["half_cn"] in _AT_LEAST_HALVES
    if match["fraction_en"]:
        half = match["half_qualified"] or match["half_of"]
        percent = english_fraction_percent(None, "half") if half else english_fraction_percent(
            match["en_num"], match["en_den"] or match["en_den_spaced"])
        return percent, None, "percent", None, False
    if match["words_amount"]:
        scale = match["words_scale"]
        return english_number_value(match["en_words"]), scale and scale.lower(), _unit(match["words_unit"]), None, False
    if match["amount"]:
        scale = match["scale_en"] or match["scale_cn"] or match["scale_abbr"]
        unit = _unit(match["currency"] or match["unit_en"] or match["unit_cn"])
        noun = match["unit_cn"] if unit == "count" else None
        if unit is None:
            noun = context.count_noun(after)
            unit = "count" if noun else None
        at_least = bool(match["approx"] or match["approx_after_scale"])
        return numeral_value(match["arabic"]), scale and scale.lower(), unit, noun, at_least
    numeral, scale = match["cn_numeral"], match["cn_scale"]
    trailing = _TRAILING_CN_SCALE.search(numeral)
    if not scale and trailing and trailing.start():
        numeral, scale = numeral[: trailing.start()], trailing[1]
    unit = _unit(match["cn_unit"])
    if numeral == "一" and not scale and unit in _ARTICLE_UNITS:
        return None
    at_least = bool(match["cn_approx"] or match["cn_approx_after_scale"])
    return numeral_value(numeral), scale, unit, match["cn_unit"] if unit == "count" else None, at_least


def _unit(word: str | None) -> str | None:
    """Map a matched unit or currency to its normal name; Chinese classifiers (家, 项, 人次) are "count"."""
    if word is None:
        return None
    key = " ".join(word.lower().split())
    return _UNITS.get(key, None if key.isascii() else "count")


def _is_a_year(match: re.Match, after: str) -> bool:
    """A bare 19xx/20xx (or one followed by 年) with no currency, scale or approximation is a year."""
    if match["currency"] or match["scale_en"] or match["scale_cn"] or match["approx"] \
            or match["approx_after_scale"] or not _YEAR_NUMERAL.fullmatch(match["arabic"]):
        return False
    if match["unit_en"] or match["unit_cn"]:
        return match["unit_cn"] == "年"
    return context.names_a_year(after)


def _share_across_lists(claims: list[Claim], normalized: str) -> list[Claim]:
    """A unit (and scale) written once for a list applies to each number; so does a change word.

    "8.12万亿和9.05万亿元": both trillion yuan; "8.12 and 9.05 trillion yuan": both trillion;
    "分别增长3.2%和4.5%": both increases.
    """
    shared = list(claims)
    for i in range(len(shared) - 2, -1, -1):
        here, following = shared[i], shared[i + 1]
        if _listed_together(here, following, normalized) and here.unit is None and following.unit:
            scale, power = here.scale, 0
            if scale is None and following.scale:
                scale = following.scale
                power = next(p for name, p in _SCALES.values() if name == scale)
            value = float(Decimal(repr(here.number)).scaleb(power)) if power else here.value
            shared[i] = replace(here, unit=following.unit, scale=scale, value=value)
    for i in range(1, len(shared)):
        previous, here = shared[i - 1], shared[i]
        if _listed_together(previous, here, normalized, _CHANGE_LIST_SEPARATOR) and here.direction is None \
                and previous.direction and here.unit == previous.unit:
            shared[i] = replace(here, direction=previous.direction, basis=previous.basis)
    return shared


def _unit_from_the_sentence(claims: list[Claim]) -> list[Claim]:
    """A scaled number without unit takes the unit of the nearest figure of its sentence with the same
    scale, the last before it or else the first after it.

    "reached 2.63 trillion yuan, of which exports were 2.03 trillion": both yuan;
    "出口8.12万亿，进口9.05万亿元": both yuan. A bare 元 after a Hong Kong, Taiwan or Macao dollar
    figure in the sentence is that currency: "由新台币2,000元调整为3,000元".
    """
    shared = list(claims)
    for i, here in enumerate(shared):
        if here.kind == "quantity" and here.unit is None and here.scale:
            alike = [c for c in shared if c.kind == "quantity" and c.sentence == here.sentence
                     and c.scale == here.scale and c.unit]
            before = [c for c in alike if c.start < here.start]
            after = [c for c in alike if c.start > here.start]
            if before or after:
                shared[i] = replace(here, unit=(before[-1:] or after)[0].unit)
        elif here.unit == "CNY" and here.text.endswith("元") and "人民" not in here.text:
            dollars = [c.unit for c in shared[:i] if c.sentence == here.sentence and c.unit in _DOLLARS_CALLED_YUAN]
            if dollars:
                shared[i] = replace(here, unit=dollars[-1])
    return shared


def _listed_together(first: Claim, second: Claim, normalized: str, separator: re.Pattern = _LIST_SEPARATOR) -> bool:
    return (first.kind == second.kind == "quantity"
            and separator.fullmatch(normalized[first.end : second.start]) is not None)


def _bare_whole_numbers_count(claims: list[Claim]) -> list[Claim]:
    """A whole number with no unit, scale or list to take one from counts something ("650,000")."""
    return [replace(c, unit="count") if c.kind == "quantity" and c.unit is None and c.scale is None
            and c.number.is_integer() else c for c in claims]
