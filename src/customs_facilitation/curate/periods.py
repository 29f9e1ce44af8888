"""The period a figure covers, read from the words of its text and the page's date.

A release names its periods in words ("the first half", "January-November", "last year",
上半年, 前三季度, 1-11月, 过去五年) and often leaves the year to the page's date: a first half read on
a page of July 2025 is the first half of 2025. :func:`period_phrases` finds every such phrase in a
text; :func:`resolve` turns one into months (``"2025-01"``, ``"2025-06"``), given the page's date
and the year the paragraph has named.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .nonfigures import SP
from .numerals import english_number_value, normalize, numeral_value

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_NAME = ("(?:" + "|".join(f"{m[:3]}(?:{m[3:]})?" if len(m) > 4 else m for m in _MONTHS) + r"|sept)\.?")
_CAPITAL_MONTH = ("(?:" + "|".join(m.title() for m in _MONTHS)
                  + "|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.)")
_YEAR = r"(?:19|20)[0-9]{2}(?![0-9])"
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_CN_ORDINALS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_COUNT = r"[0-9]{1,2}|[一二三四五六七八九十两]{1,3}"
_EN_COUNT = r"[0-9]{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven"
# A year, or a year named from the page's ("this year"), after an English period word.
_EN_YEAR_AFTER = rf"(?:,?{SP}+(?i:of{SP}+)?(?:(?P<year>{_YEAR})|(?P<shift>(?i:this|last)){SP}+year|the{SP}+year))?"
# ... and before a Chinese one.
_ZH_YEAR_BEFORE = rf"(?:(?P<year>{_YEAR})年|(?P<shift>今年|本年|去年|上年)(?!同期))?"
_NOT_A_BASIS = "(?<!比)(?<!较)(?<!与)"
# A year after these is what a change compares with, not the period: "down 62.3% versus 2017".
_BASIS_BEFORE = re.compile(rf"(?i:versus|vs\.?|compared{SP}+(?:with|to)|from|over|than(?:{SP}+in)?|against){SP}*$")


@dataclass(frozen=True)
class Phrase:
    """Words naming a period, at ``text[start:end]``, and what they say.

    Attributes:
        months: The first and last month within a year (the first half: 1, 6).
        year: The year the words write.
        shift: The year counted from the page's year: 0 this year, -1 last year.
        years: A run of whole years (2021, 2025).
        past_years: The whole years before the page's year ("the past five years": 5).
        since: The first year of a span running to the page's month ("since 2018").
        now: The page's month ("now", 目前).
    """

    start: int
    end: int
    text: str
    months: tuple[int, int] | None = None
    year: int | None = None
    shift: int | None = None
    years: tuple[int, int] | None = None
    past_years: int | None = None
    since: int | None = None
    now: bool = False


def _count(word: str) -> int:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word[0].isascii():
        return int({"eleven": 11, "ten": 10}.get(word) or english_number_value(word))
    return int(numeral_value(word))


def _month(name: str) -> int:
    return next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(name.lower().rstrip(".")[:3]))


def _year_of(match: re.Match) -> dict:
    """The written year, or the shift from the page's year, of a match's ``year``/``shift`` groups."""
    groups = match.groupdict()
    if groups.get("year"):
        return {"year": int(groups["year"])}
    return _shift_of(groups.get("shift"))


def _shift_of(words: str | None) -> dict:
    """The shift from the page's year that "this year", "last year", 今年 or 去年 says."""
    if not words:
        return {}
    return {"shift": -1 if words.lower().startswith("last") or words in ("去年", "上年") else 0}


_Meaning = Callable[[re.Match], dict]
"""What a form's match says: the fields of a Phrase."""
_FORMS: list[tuple[str, _Meaning]] = [
    # A day is a date, no period: "July 14, 2025", "14 July 2025", "2025-07-14", "2025年7月14日".
    (rf"(?i:{_MONTH_NAME}{SP}+[0-9]{{1,2}}(?:st|nd|rd|th)?,?{SP}+{_YEAR}|[0-9]{{1,2}}{SP}+{_MONTH_NAME}{SP}+{_YEAR})"
     rf"|{_YEAR}[-/.][01]?[0-9][-/.][0-3]?[0-9]|{_YEAR}年[01]?[0-9]月[0-3]?[0-9]日", lambda m: {}),
    # English
    (rf"(?i:(?:from{SP}+)?(?P<m1>{_MONTH_NAME})(?:{SP}*(?:-|–|—|to|through){SP}*)(?P<m2>{_MONTH_NAME}))"
     + _EN_YEAR_AFTER,
     lambda m: {"months": (_month(m["m1"]), _month(m["m2"])), **_year_of(m)}),
    (rf"(?i:(?:the{SP}+)?first{SP}+(?P<n>{_EN_COUNT}){SP}+months)" + _EN_YEAR_AFTER,
     lambda m: {"months": (1, _count(m["n"])), **_year_of(m)}),
    (rf"(?i:(?:the{SP}+)?(?P<half>first|second)(?:{SP}|-)half(?:(?:{SP}|-)year)?)" + _EN_YEAR_AFTER,
     lambda m: {"months": (1, 6) if m["half"].lower() == "first" else (7, 12), **_year_of(m)}),
    (rf"(?i:(?:the{SP}+)?first{SP}+(?P<n>two|three){SP}+quarters)" + _EN_YEAR_AFTER,
     lambda m: {"months": (1, 3 * _count(m["n"])), **_year_of(m)}),
    (rf"(?i:(?:the{SP}+)?(?P<q>first|second|third|fourth)(?:{SP}|-)quarter)" + _EN_YEAR_AFTER,
     lambda m: {"months": (3 * _ORDINALS[m["q"].lower()] - 2, 3 * _ORDINALS[m["q"].lower()]), **_year_of(m)}),
    (rf"(?<![A-Za-z])(?P<hq>[HQ])(?P<n>[1-4])(?![0-9])(?:{SP}*(?P<year>{_YEAR}))?",
     lambda m: {"months": (6 * int(m["n"]) - 5, 6 * int(m["n"])) if m["hq"] == "H"
                else (3 * int(m["n"]) - 2, 3 * int(m["n"])), **_year_of(m)}),
    (rf"(?i:(?:by{SP}+|at{SP}+|as{SP}+of{SP}+)?(?:the{SP}+)?end(?:{SP}+of{SP}+|-)(?P<m1>{_MONTH_NAME}))"
     + _EN_YEAR_AFTER, lambda m: {"months": (_month(m["m1"]),) * 2, **_year_of(m)}),
    (rf"(?i:(?:by{SP}+|at{SP}+|as{SP}+of{SP}+)?(?:the{SP}+)?end(?:{SP}+of{SP}+|-))(?:(?P<year>{_YEAR})"
     rf"|(?i:(?P<shift>this|last){SP}+year))", lambda m: {"months": (12, 12), **_year_of(m)}),
    (rf"(?i:(?:over|in|during){SP}+the{SP}+(?:past|last){SP}+(?P<n>{_EN_COUNT}){SP}+years)",
     lambda m: {"past_years": _count(m["n"])}),
    (rf"(?i:the{SP}+14th{SP}+five-year{SP}+plan(?:{SP}+period)?)", lambda m: {"years": (2021, 2025)}),
    (rf"(?i:(?:from{SP}+|between{SP}+)?(?P<y1>{_YEAR}){SP}*(?:-|–|—|to|through|and){SP}*(?P<y2>{_YEAR}))",
     lambda m: {"years": (int(m["y1"]), int(m["y2"]))}),
    (rf"(?i:since{SP}+(?P<year>{_YEAR}))", lambda m: {"since": int(m["year"])}),
    (rf"(?<![A-Za-z])(?P<m1>{_CAPITAL_MONTH})(?![A-Za-z]){_EN_YEAR_AFTER}(?!{SP}*[0-9])",
     lambda m: {"months": (_month(m["m1"]),) * 2, **_year_of(m)}),
    (rf"(?i:(?P<shift>this|last){SP}+year|the{SP}+(?:whole|full|entire){SP}+year|full(?:{SP}|-)year)",
     lambda m: {"months": (1, 12), **_year_of(m)}),
    (rf"(?i:\b(?:now|currently|so{SP}+far|to{SP}+date|at{SP}+present|this{SP}+month)\b)", lambda m: {"now": True}),
    (rf"{_NOT_A_BASIS}(?<![0-9])(?P<year>{_YEAR})(?![0-9年])(?!{SP}*(?:level|base))", lambda m: _year_of(m)),
    # Chinese
    (rf"(?:截至|截止)?{_ZH_YEAR_BEFORE}(?:年底|年末|底)", lambda m: {"months": (12, 12), **_year_of(m)}),
    (rf"{_NOT_A_BASIS}{_ZH_YEAR_BEFORE}(?P<m1>[0-9]{{1,2}})(?:-|–|—|~|至|到)(?P<m2>[0-9]{{1,2}})月(?:份)?",
     lambda m: {"months": (int(m["m1"]), int(m["m2"])), **_year_of(m)}),
    (rf"{_ZH_YEAR_BEFORE}前(?P<n>{_COUNT})个?月", lambda m: {"months": (1, _count(m["n"])), **_year_of(m)}),
    (rf"{_ZH_YEAR_BEFORE}(?P<half>上|下)半年", lambda m: {"months": (1, 6) if m["half"] == "上" else (7, 12),
                                                       **_year_of(m)}),
    (rf"{_ZH_YEAR_BEFORE}前(?P<n>[两二三])(?:个)?季度", lambda m: {"months": (1, 3 * _count(m["n"])), **_year_of(m)}),
    (rf"{_ZH_YEAR_BEFORE}第?(?P<q>[一二三四1-4])季度", lambda m: {"months": (3 * _CN_ORDINALS[m["q"]] - 2,
                                                                          3 * _CN_ORDINALS[m["q"]]), **_year_of(m)}),
    (rf"{_ZH_YEAR_BEFORE}(?:截至)?(?P<m1>1[0-2]|0?[1-9])月(?:份|底|末)?(?![0-9]|[0-9]{{0,2}}日)",
     lambda m: {"months": (int(m["m1"]),) * 2, **_year_of(m)}),
    (rf"(?:过去|近|最近)(?P<n>{_COUNT})年|(?P<n2>{_COUNT})年来",
     lambda m: {"past_years": _count(m["n"] or m["n2"])}),
    ("“?十四五”?(?:时期|期间|以来)?", lambda m: {"years": (2021, 2025)}),
    (rf"(?P<y1>{_YEAR})年?(?:-|–|—|~|至|到)(?P<y2>{_YEAR})年", lambda m: {"years": (int(m["y1"]), int(m["y2"]))}),
    (rf"(?:自|从)?(?P<year>{_YEAR})年以来", lambda m: {"since": int(m["year"])}),
    (rf"{_ZH_YEAR_BEFORE}全年|(?P<shift2>今年|去年|本年)(?!同期)",
     lambda m: {"months": (1, 12), **(_year_of(m) or _shift_of(m["shift2"]))}),
    ("截至目前|目前|当前|现已|迄今|本月", lambda m: {"now": True}),
    (rf"{_NOT_A_BASIS}(?P<year>{_YEAR})年(?![0-9]|底|末|以来)", lambda m: {"months": (1, 12), **_year_of(m)}),
]
_PATTERNS = [(re.compile(pattern), meaning) for pattern, meaning in _FORMS]


def period_phrases(text: str) -> list[Phrase]:
    """Every phrase of ``text`` that names a period, in order, none overlapping another (the
    longest wins).

    Example:
        >>> [(p.text, p.months, p.shift) for p in period_phrases("Exports rose last year; in the first half, 上半年")]
        [('last year', (1, 12), -1), ('the first half', (1, 6), None), ('上半年', (1, 6), None)]
    """
    normalized = normalize(text)
    found = []
    for pattern, meaning in _PATTERNS:
        for match in pattern.finditer(normalized):
            start, end = match.span()
            phrase = Phrase(start, end, text[start:end], **meaning(match))
            bare_year = phrase == Phrase(start, end, phrase.text, year=phrase.year)
            if end > start and not (bare_year and _BASIS_BEFORE.search(normalized, max(0, start - 16), start)):
                found.append(phrase)
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[Phrase] = []
    for phrase in found:
        if not kept or phrase.start >= kept[-1].end:
            kept.append(phrase)
    return [phrase for phrase in kept if phrase != Phrase(phrase.start, phrase.end, phrase.text)]  # days out


def resolve(phrase: Phrase, published: date | None, context_year: int | None) -> tuple[str, str] | None:
    """The first and last month (``"YYYY-MM"``) of a phrase: a year the words leave out is
    ``context_year`` (a year named earlier in the paragraph), else the last year in which the
    period had ended before the page's month. None where that needs a page date there is not.

    Example:
        >>> first_half = period_phrases("in the first half")[0]
        >>> resolve(first_half, date(2025, 7, 14), None), resolve(first_half, date(2026, 1, 14), None)
        (('2025-01', '2025-06'), ('2025-01', '2025-06'))
    """
    page = (published.year, published.month) if published else None
    if phrase.years:
        last = min((phrase.years[1], 12), page) if page else (phrase.years[1], 12)
        return _month_text(phrase.years[0], 1), _month_text(*last)
    if phrase.now or phrase.since or phrase.past_years:
        if page is None:
            return None
        if phrase.now:
            return _month_text(*page), _month_text(*page)
        if phrase.since:
            return _month_text(phrase.since, 1), _month_text(*page)
        return _month_text(page[0] - phrase.past_years, 1), _month_text(page[0] - 1, 12)
    first, last = phrase.months or (1, 12)
    year = phrase.year
    if year is None and phrase.shift is not None and page:
        year = page[0] + phrase.shift
    if year is None:
        year = context_year or (None if page is None else page[0] if last < page[1] else page[0] - 1)
    return None if year is None else (_month_text(year, first), _month_text(year, last))


def _month_text(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"
