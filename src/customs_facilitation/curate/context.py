"""What the words around a number say about it: qualifier, direction of change, counted noun, basis.

Every function reads normalized text (ASCII digits, simplified Chinese): ``before`` ends where
the number starts, ``after`` starts where it ends, both cut at the sentence's edge.
"""

import re

RATE_UNITS = {"percent", "percentage_points"}

_QUALIFIER_BEFORE = re.compile(
    r"(?:(?P<at_least>\b(?:more|greater) than|\bno (?:fewer|less) than|\bnot less than"
    r"|\b(?:over|above|exceed(?:s|ed|ing)?|in excess of|at least|upwards of|just over|well over"
    r"|top(?:s|ped|ping)|pass(?:es|ed|ing)|surpass(?:es|ed|ing)|broke through|crossed)"
    r"|不少于|不低于|超过|多于|至少|逾|突破|超)"
    r"|(?P<at_most>\b(?:less|fewer|no more) than|\b(?:under|below|at most|up to)"
    r"|不超过|不到|不足|少于|低于)"
    r"|(?P<about>\b(?:about|around|approximately|nearly|almost|roughly|some|close to|an estimated)"
    r"|约为|大约|将近|接近|约|近))\s*$",
    re.IGNORECASE,
)
_QUALIFIER_AFTER = re.compile(
    r"^\s*(?:(?P<at_least>以上|or more\b|-plus\b)|(?P<about>左右|上下)"
    r"|(?P<at_most>以下|以内|or (?:less|fewer)\b))",
    re.IGNORECASE,
)
_INCREASE_EN = (
    r"increas(?:e|es|ed|ing)|ris(?:e|es|en|ing)|rose|gr(?:ew|ow|ows|own|owing|owth)"
    r"|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|surg(?:e|es|ed|ing)|gain(?:s|ed|ing)?|soar(?:s|ed|ing)?"
    r"|expand(?:s|ed|ing)?|rebound(?:s|ed|ing)?|(?<!making )(?<!makes )(?<!made )(?<!make )up"  # not "making up 57%"
)
_DECREASE_EN = (
    r"decreas(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|drop(?:s|ped|ping)?|slid|slip(?:s|ped)?|dip(?:s|ped)?"
    r"|f(?:all|alls|ell|allen|alling)|reduc(?:e|es|ed|ing|tion)|shr(?:ink|inks|ank|unk)"
    r"|contract(?:ed|ion)|cut(?:s|ting)?|down"
)
_INCREASE_CN = "增长|增加|上升|提高|提升|上涨|扩大|成长|增幅|涨幅|攀升|回升|增|升|涨"
_DECREASE_CN = "下降|减少|降低|回落|下滑|缩小|下跌|衰退|萎缩|缩减|压缩|降幅|跌幅|减幅|减|降|跌"
CHANGE_WORD_EN = re.compile(rf"\b(?:{_INCREASE_EN}|{_DECREASE_EN})\b", re.IGNORECASE)
CHANGE_WORD_CN = re.compile(f"{_INCREASE_CN}|{_DECREASE_CN}")
"""A word of change anywhere in English or Chinese text ("rose", "down", 增长, 下降)."""
_CHANGE_BEFORE = re.compile(
    rf"(?:(?P<increase>\b(?:{_INCREASE_EN})|{_INCREASE_CN})|(?P<decrease>\b(?:{_DECREASE_EN})|{_DECREASE_CN}))"
    r"(?:\s+rates?)?(?:\s+(?:of|by)|了|达到|达|为)?\s*$",  # "growth rates of 1.2 percent"
    re.IGNORECASE,
)
_CHANGE_AFTER = re.compile(
    r"^\s*(?:year[- ]on[- ]year\s+|annual\s+)?"
    r"(?:(?P<increase>increase|rise|growth|gain|jump|surge|higher|more|longer)"
    r"|(?P<decrease>decrease|decline|drop|fall|reduction|contraction|lower|less|shorter|fewer))\b",
    re.IGNORECASE,
)
# Words that make a change of a rate only: "set up 20 centres", "5,800 more enterprises" are levels.
_RATES_ONLY = {"up", "down", "cut", "cuts", "cutting", "more", "longer", "less", "shorter", "fewer"}
_YEAR_ON_YEAR = re.compile(
    r"同比|按年|(?<![0-9〇零一二三四五六七八九十])年[增减]|[比较]上年|[比较]去年|上年同期|去年同期|与上年相比"
    r"|year[- ]on[- ]year|\by-?o-?y\b|from (?:a|one|the previous|the same period a) year|from last year"
    r"|same period (?:of )?(?:last|the previous) year"
    r"|(?:over|than|compared (?:with|to)) (?:a year (?:earlier|ago)|last year|the previous year|the same period)"
    r"|\b(?<!average )(?:yearly|annual) (?:increase|rise|growth|gain|decline|decrease|drop|fall)",
    re.IGNORECASE,
)
_MONTH_ON_MONTH = re.compile(r"month[- ]on[- ]month|from (?:a|the previous) month|\bm-?o-?m\b", re.IGNORECASE)
_QUARTER_ON_QUARTER = re.compile(r"quarter[- ]on[- ]quarter|from (?:a|the previous) quarter|\bq-?o-?q\b",
                                 re.IGNORECASE)
_SEQUENTIAL = re.compile("环比")
_VERSUS_YEAR = re.compile(r"(?:比|较|与|相比|compared (?:with|to)|versus|from|over)\s*((?:19|20)[0-9]{2})")
_VERSUS_YEAR_AFTER = re.compile(
    r"^\s*(?:respectively,?\s+)?(?:compared (?:with|to)|versus|vs\.?|from|over|on"
    r"|(?:(?:less|more|lower|higher|shorter|longer|fewer)\s+)?than(?: in)?)\s+(?:the\s+)?((?:19|20)[0-9]{2})(?![0-9])",
    re.IGNORECASE)

_SP = r"[ \t\u00a0]"
_WORD = "[A-Za-z][A-Za-z'-]*"
_FOLLOWING_WORDS = re.compile(rf"{_SP}+({_WORD})(?:{_SP}+({_WORD}))?")
_STOPWORDS = {
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "has", "have", "in", "is",
    "it", "its", "of", "on", "or", "per", "so", "than", "that", "the", "these", "this", "those", "to", "was",
    "were", "which", "while", "with", "year-on-year", "respectively", "compared", "against", "versus", "after",
    "before", "during", "since", "until", "over", "under", "into", "out",
}
# Verbs that follow a year as its subject ("2025 marks"): the year is not a count of them.
_VERBS_AFTER_A_YEAR = {"marks", "sees", "saw", "brings", "brought", "shows", "showed", "witnessed", "witnesses",
                       "represents", "will", "also", "alone", "onwards"}


def qualifier(before: str, after: str) -> tuple[str, str]:
    """Return the qualifier around a number and the preceding text without it."""
    match = _QUALIFIER_BEFORE.search(before)
    if match:
        return match.lastgroup, before[: match.start()]
    match = _QUALIFIER_AFTER.search(after)
    return (match.lastgroup if match else "exact"), before


def direction(before: str, after: str, unit: str | None) -> str | None:
    """Return "increase"/"decrease" when a change word touches the number.

    Bare "up", "down", "cut", "more", "less"... count only for rates ("62.3 percent less than in
    2017"), so "set up 20 centres" is not a change.
    """
    for pattern, context in ((_CHANGE_BEFORE, before), (_CHANGE_AFTER, after)):
        match = pattern.search(context)
        if match:
            word = (match["increase"] or match["decrease"]).lower()
            if word in _RATES_ONLY and unit not in RATE_UNITS:
                continue
            return "increase" if match["increase"] else "decrease"
    return None


def change_basis(before: str, after: str) -> str | None:
    """What a change compares with, when the words say: "year_on_year", "month_on_month",
    "quarter_on_quarter", "versus_2017", or "sequential" (环比: the period before, a month or a
    quarter as the period says)."""
    for basis, pattern in (("year_on_year", _YEAR_ON_YEAR), ("month_on_month", _MONTH_ON_MONTH),
                           ("quarter_on_quarter", _QUARTER_ON_QUARTER), ("sequential", _SEQUENTIAL)):
        if pattern.search(before) or pattern.search(after):
            return basis
    match = _VERSUS_YEAR.search(before) or _VERSUS_YEAR_AFTER.search(after)
    return f"versus_{match[1]}" if match else None


def count_noun(after: str) -> str | None:
    """Return the noun counted by a bare English number ("25 pilot cities" -> "cities")."""
    match = _FOLLOWING_WORDS.match(after)
    if not match or match[1].lower() in _STOPWORDS:
        return None
    for word in match.groups():
        if word and word.lower() not in _STOPWORDS and word.endswith("s"):
            return word
    return match[1]


def names_a_year(after: str) -> bool:
    """Whether a year-like number ("2025", "2000") stands as a year, not as a count of a noun.

    It is a count before a plural noun ("2000 enterprises"), but not before a verb ("2025 marks")
    or a name ("Copyright 2026 Reuters").
    """
    noun = count_noun(after)
    return (noun is None or not noun.endswith("s") or noun[0].isupper()
            or noun.lower() in _VERBS_AFTER_A_YEAR)
