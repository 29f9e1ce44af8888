"""Numbers that are figures: amounts, Chinese numerals, fractions in words, and the names of units.

Each form is a regular expression over normalized text (see :mod:`.numerals`: ASCII digits,
simplified Chinese). :data:`QUANTITIES` lists them in the order the claims finder tries them at a
position, after the kinds of :mod:`.nonfigures`; :data:`SCALES` and :func:`unit_name` read what
they match.
"""

from .nonfigures import SP
from .numerals import EN_CARDINAL_WORDS, EN_FRACTION_WORDS, EN_NUMERATOR_WORDS

_ARABIC = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
_CN_DIGIT_CHARS = "零〇一二两三四五六七八九十"
CN_NUMERAL_CHARS = _CN_DIGIT_CHARS + "百千万亿"
_CN_CURRENCIES = "美元|美金|港元|港币|澳门元|澳门币|新台币|台币|日元|欧元|英镑|韩元|元人民币|元|人民币"

_CURRENCY = r"(?<![A-Za-z])(?:RMB|CNY|USD|US\$|HK\$|HKD|NT\$|TWD|MOP|EUR|GBP|JPY|€|£|\$|¥)|人民币|新台币|港币"
# Scale words in any case ("USD6.52 Trillion" in a headline); their abbreviations as written.
_SCALE_EN = "(?i:thousand|million|billion|trillion)|bn|bln|trn|trln|tn|mln|mn"
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
    rf"(?<![{CN_NUMERAL_CHARS}数几上点])(?P<cn_numeral>[{_CN_DIGIT_CHARS}][{CN_NUMERAL_CHARS}点]{{0,15}})"
    rf"(?P<cn_approx>[多余])?(?P<cn_scale>万亿|亿|万)?(?P<cn_approx_after_scale>[多余])?(?P<cn_unit>{_UNIT_CN})"
)
# Fractions in words: 三分之一 and 百分之五 (denominator 分之 numerator), 九成 (tenths), 一半; in English
# "one-fifth", "a third of" (a fraction spelt with a space needs "of": "a third round" is no fraction), "half of".
_NOT_AFTER_A_NUMERAL = rf"(?<![0-9.{CN_NUMERAL_CHARS}])"
_FRACTION_CN = (
    rf"{_NOT_AFTER_A_NUMERAL}(?P<frac_den>[0-9]+|[{CN_NUMERAL_CHARS}]+)分之"
    rf"(?P<frac_num>[0-9]+(?:\.[0-9]+)?|[{_CN_DIGIT_CHARS}百点]+)"
)
_TENTHS_CN = (
    rf"{_NOT_AFTER_A_NUMERAL}(?P<tenths>[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十])成(?P<tenths_half>半)?"
    "(?P<tenths_approx>多)?"
    "(?![员本果功为立交效绩品不型长熟就])"
)
_HALF_CN = "一半|过半|逾半|超半|半数"
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

SCALES = {
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
ARTICLE_UNITS = {"count", "years", "months", "weeks", "days"}
AT_LEAST_HALVES = {"过半", "逾半", "超半"}
DOLLARS_CALLED_YUAN = {"HKD", "TWD", "MOP"}  # 元 is also the word for these currencies
# Between the numbers of a list (normalized text: a Chinese full-width comma is a bare ",").

QUANTITIES = {
    "fraction_cn": _FRACTION_CN,
    "tenths_cn": _TENTHS_CN,
    "half_cn": _HALF_CN,
    "fraction_en": _FRACTION_EN,
    "amount": _AMOUNT,
    "words_amount": _WORDS_AMOUNT,
    "cn_amount": _CN_AMOUNT,
}


def unit_name(word: str | None) -> str | None:
    """Map a matched unit or currency to its normal name; Chinese classifiers (家, 项, 人次) are "count"."""
    if word is None:
        return None
    key = " ".join(word.lower().split())
    return _UNITS.get(key, None if key.isascii() else "count")
