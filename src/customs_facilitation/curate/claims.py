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
from .numerals import english_fraction_percent, english_number_value, fraction_percent, normalize, numeral_value
from .quantities import (
    ARTICLE_UNITS,
    AT_LEAST_HALVES,
    CN_NUMERAL_CHARS,
    DOLLARS_CALLED_YUAN,
    QUANTITIES,
    SCALES,
    unit_name,
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
        basis: What a change compares with, where the words say: "year_on_year", "month_on_month",
            "quarter_on_quarter", "versus_2017", or "sequential" (环比: the period before).
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


# Alternatives are tried in this order at each position; finditer keeps the matches
# leftmost-first and non-overlapping.
_CLAIM = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in {**NON_FIGURES, **QUANTITIES}.items()))

_DIGIT = re.compile(r"[0-9]")
_NUMERAL = re.compile(f"[0-9]+|[{CN_NUMERAL_CHARS}]+")
_YEAR_NUMERAL = re.compile("(?:19|20)[0-9]{2}|(?:一九|二[〇零])[〇零一二三四五六七八九]{2}")
_TRAILING_CN_SCALE = re.compile("(万亿|亿|万)$")

_JOINERS = rf"、|和|与|及|以及|或|至|到|-|–|—|~|/|(?:,?{SP}*)(?:and|or|to)"
_LIST_SEPARATOR = re.compile(rf"{SP}*(?:{_JOINERS}|,){SP}*")
# A change word reaches along a list, but not past a Chinese comma, which starts a new clause.
# ", or" starts an aside, not a list: "up 6.3 percent, or 52 percent of the total".
_CHANGE_LIST_SEPARATOR = re.compile(rf"(?!,{SP}*or\b){SP}*(?:{_JOINERS}|,{SP}+){SP}*")
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
    matches = list(_CLAIM.finditer(normalized))
    rates = [match.span() for match in matches if _is_a_rate(match)]
    claims = []
    for match in matches:
        start, end = match.span()
        first = bisect.bisect_right(sentence_ends, start)
        sentence_start, sentence_end = sentence_ends[first - 1] if first else 0, sentence_ends[bisect.bisect_left(
            sentence_ends, end)]
        reach_start, reach_end = max(sentence_start, start - _CONTEXT_CHARS), min(sentence_end, end + _CONTEXT_CHARS)
        # The words of a change's basis stop at the rates beside it: "同比增长3.8%，出口增长6.1%".
        previous_rate = max((rate_end for _, rate_end in rates if rate_end <= start), default=0)
        next_rate = min((rate_start for rate_start, _ in rates if rate_start >= end), default=len(normalized))
        claim = _build_claim(
            match,
            text=text[start:end],
            sentence=text[sentence_start:sentence_end].strip(),
            before=normalized[reach_start:start],
            after=normalized[end:reach_end],
            basis_words=(normalized[max(reach_start, previous_rate) : start],
                         normalized[end : min(reach_end, next_rate)]),
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


def _is_a_rate(match: re.Match) -> bool:
    """Whether a match is a number in percent or percentage points ("3.8%", "2.3个百分点")."""
    return match.lastgroup == "amount" and unit_name(match["unit_en"] or match["unit_cn"]) in context.RATE_UNITS


def _build_claim(match: re.Match, text: str, sentence: str, before: str, after: str,
                 basis_words: tuple[str, str]) -> Claim | None:
    """Turn one match of ``_CLAIM`` into a Claim, reading context for the rest; ``basis_words`` is
    the context cut at the rates beside it.

    Returns None for a Chinese numeral that is no figure (一个, an unreadable run).
    """
    position = {"text": text, "start": match.start(), "end": match.end(), "sentence": sentence}
    kind = match.lastgroup
    if kind in NON_FIGURES:
        return _not_a_figure(kind, match.group(), position)
    try:
        reading = _read_quantity(match, after)
    except (ValueError, ArithmeticError):  # cn2an refuses a run such as 三点点五; 0分之0 divides by zero
        # Unreadable as a figure; its digits still belong to a claim, so the audit sees them.
        return _not_a_figure("label", match.group(), position) if _DIGIT.search(match.group()) else None
    if reading is None:
        return None
    number, scale, unit, noun, at_least = reading
    if kind == "amount" and _is_a_year(match, after):
        return _not_a_figure("year", match["arabic"], position)
    if kind == "cn_amount" and match["cn_numeral"] != "一" and _YEAR_NUMERAL.fullmatch(match["cn_numeral"]) \
            and unit == "years":
        return _not_a_figure("year", match["cn_numeral"], position)
    name, power = SCALES[scale] if scale else (None, 0)
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
        basis=context.change_basis(*basis_words) if direction or unit in context.RATE_UNITS else None,
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
        return Decimal(50), None, "percent", None, match["half_cn"] in AT_LEAST_HALVES
    if match["fraction_en"]:
        half = match["half_qualified"] or match["half_of"]
        percent = english_fraction_percent(None, "half") if half else english_fraction_percent(
            match["en_num"], match["en_den"] or match["en_den_spaced"])
        return percent, None, "percent", None, False
    if match["words_amount"]:
        scale, unit = match["words_scale"], unit_name(match["words_unit"])
        return english_number_value(match["en_words"]), scale and scale.lower(), unit, None, False
    if match["amount"]:
        scale = match["scale_en"] or match["scale_cn"] or match["scale_abbr"]
        unit = unit_name(match["currency"] or match["unit_en"] or match["unit_cn"])
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
    unit = unit_name(match["cn_unit"])
    if numeral == "一" and not scale and unit in ARTICLE_UNITS:
        return None
    at_least = bool(match["cn_approx"] or match["cn_approx_after_scale"])
    return numeral_value(numeral), scale, unit, match["cn_unit"] if unit == "count" else None, at_least


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
    "分别增长3.2%和4.5%": both increases; "cut 67.1 and 91.6 percent from 2017": both versus 2017;
    "up 2.1, 3.4 and 5.6 percent": the first a rate once the list gives its unit, so "up" makes it
    an increase, and the others with it.
    """
    shared = list(claims)
    for i in range(len(shared) - 2, -1, -1):
        here, following = shared[i], shared[i + 1]
        if _listed_together(here, following, normalized) and here.unit is None and following.unit:
            scale, power = here.scale, 0
            if scale is None and following.scale:
                scale = following.scale
                power = next(p for name, p in SCALES.values() if name == scale)
            value = float(Decimal(repr(here.number)).scaleb(power)) if power else here.value
            shared[i] = replace(here, unit=following.unit, scale=scale, value=value)
            if following.unit in context.RATE_UNITS and here.direction is None:
                shared[i] = _as_a_rate(shared[i], normalized)
    for i in range(1, len(shared)):
        previous, here = shared[i - 1], shared[i]
        if _listed_together(previous, here, normalized, _CHANGE_LIST_SEPARATOR) and here.direction is None \
                and previous.direction and here.unit == previous.unit:
            shared[i] = replace(here, direction=previous.direction, basis=here.basis or previous.basis)
    for i in range(len(shared) - 2, -1, -1):  # a basis written after the last change of a list
        here, following = shared[i], shared[i + 1]
        if _listed_together(here, following, normalized, _CHANGE_LIST_SEPARATOR) and here.direction \
                and here.basis is None and following.basis and here.unit == following.unit:
            shared[i] = replace(here, basis=following.basis)
    return [replace(c, basis=None) if c.basis and not c.direction else c for c in shared]  # no change, no basis


def _as_a_rate(claim: Claim, normalized: str) -> Claim:
    """A number that a list made a rate, with the change word that touches it: "up" counts only
    before a rate, so it was not read while the number had no unit."""
    before = normalized[max(0, claim.start - _CONTEXT_CHARS) : claim.start]
    before = before[max(before.rfind(c) for c in "。！？；.!?;\n") + 1 :]  # within the sentence
    _, before = context.qualifier(before, "")
    direction = context.direction(before, "", claim.unit)
    basis = context.change_basis(before, "") if direction else None
    return replace(claim, direction=direction, basis=claim.basis or basis)


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
            dollars = [c.unit for c in shared[:i] if c.sentence == here.sentence and c.unit in DOLLARS_CALLED_YUAN]
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
