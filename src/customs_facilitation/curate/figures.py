"""Read each figure of a text: its level and change paired, its paragraph, period and basis.

A figure's clause runs from the number of another figure before it to the one after it (the
figures of a list read "respectively" share the list's clause, and each has its own item of the
list of names before it: "trade with the EU, the US and Japan was ..."). Its period
comes from the words naming one nearest it (in its clause, before it, else after it; else the last
named earlier in the text; a headline's from the text below), a year they leave out from the
paragraph, else from the page's date. A change's basis is what its words say; else what the
paragraph's earlier change said; else, for a period within a year or of whole years, year on year,
as customs releases compare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .audit import paragraph_of
from .claims import find_claims
from .numerals import normalize
from .pairs import Figure, pair_figures
from .periods import Phrase, period_phrases, resolve

_AVERAGE = re.compile(r"年均|平均每年|(?:average|mean) (?:annual|yearly)|(?:annual|yearly) average|on average",
                      re.IGNORECASE)
_AVERAGE_REACH = 30
_CLAUSE_BREAK = re.compile(r",\s*(?:and|while|whereas|but)\b|;|；")
_HARD_BREAK = re.compile(r",\s*(?:while|whereas|but)\b|;|；")
_NAME_SEPARATOR = re.compile(r"\s*(?:,\s*and\b|,\s*as well as\b|\bas well as\b|\band\b|,|，|、|以及|和|与|及)\s*",
                             re.IGNORECASE)
_JOINED_NAME = re.compile(r"\bbelt and road\b", re.IGNORECASE)
"""A name holding "and", which separates no items."""
_TRAILING = re.compile(r"\s*(?:in|during|for|of)?\s*", re.IGNORECASE)
"""Words between a number and a phrase that trails it: "2.3 percent in June"."""


@dataclass(frozen=True)
class Reading:
    """A figure and what the text says about it.

    Attributes:
        figure: The level and change.
        paragraph: Its paragraph (line) in the text, from 1.
        period: First and last month ("2025-01", "2025-06"), or None where nothing dates it.
        period_words: The words the period was read from; empty where it is the page's month.
        basis: What the change compares with (year_on_year, versus_2017...), or None.
        basis_read: Where the basis was read: "text", "paragraph" (an earlier change of the
            paragraph), "convention" (year on year, as releases compare), or "" for none.
        average: Whether the text calls the figure a yearly average (年均, "on average").
        words: The words of its clause, from the number of another figure before it to the one
            after it (its own numbers left out): what it is a figure of.
        own: In a list read "respectively", the words of its own item of the names listed before
            the numbers ("the EU" of "trade with the EU, the US and Japan was"); else empty.
    """

    figure: Figure
    paragraph: int
    period: tuple[str, str] | None
    period_words: str
    basis: str | None
    basis_read: str
    average: bool
    words: str
    own: str = ""


def read_figures(text: str, published: date | None) -> list[Reading]:
    """Every figure of ``text`` with its period and basis, ``published`` being the page's date.

    Example:
        >>> text = "上半年，出口13万亿元，增长7.2%。Imports fell 2.7 percent year on year to CNY8.79 trillion."
        >>> for r in read_figures(text + "Imports from the US fell 9.3 percent.", date(2025, 7, 14)):
        ...     print(r.figure.change.text, r.period, r.basis, r.basis_read)
        7.2% ('2025-01', '2025-06') year_on_year convention
        2.7 percent ('2025-01', '2025-06') year_on_year text
        9.3 percent ('2025-01', '2025-06') year_on_year paragraph
    """
    phrases = period_phrases(text)
    figures = pair_figures(text, [c for c in find_claims(text) if not _within_a_phrase(c, phrases)])
    normalized = normalize(text)
    readings: list[Reading] = []
    for figure in figures:
        paragraph = paragraph_of(text, figure.start)
        listing = figure.listing
        if listing is None:
            low, high = _clause(figure, [f for f in figures if f is not figure and not f.aside], text)
            words, own = _words(figure, (low, high), text), ""
        else:
            others = [f for f in figures if not f.aside and (f.listing is None or f.listing.start != listing.start)]
            low, high = _clause(figure, others, text, (listing.start, listing.end))
            numbers = [c.start for f in figures for c in f.claims]
            words, own = _list_words(figure, (low, high), text), _own_item(figure, numbers, phrases, text)
        phrase = _phrase_for(figure, (low, high), phrases, text)
        period = _period(phrase, phrases, published, text)
        average = bool(_AVERAGE.search(normalized[max(0, figure.start - _AVERAGE_REACH) : figure.start]))
        basis, read = _basis(figure, period, average, [r for r in readings if r.paragraph == paragraph])
        readings.append(Reading(figure, paragraph, period, phrase.text if phrase else "", basis, read, average,
                                words, own))
    return readings


def _within_a_phrase(claim, phrases: list[Phrase]) -> bool:
    """Whether a claim is part of the words naming a period: the "five years" of "the past five years"."""
    return any(p.start <= claim.start and claim.end <= p.end for p in phrases)


def _words(figure: Figure, clause: tuple[int, int], text: str) -> str:
    """The words of a figure's clause, its own numbers left out, within the clause breaks around it."""
    starts = [_after_breaks(text, clause[0], figure.start)] + [c.end for c in figure.claims]
    ends = [c.start for c in figure.claims] + [_before_a_break(text, figure.end, clause[1])]
    return " ".join(text[start:end] for start, end in zip(starts, ends))


def _sentence_span(figure: Figure, text: str) -> tuple[int, int]:
    sentence = figure.claims[0].sentence
    start = text.find(sentence, max(0, figure.claims[0].end - len(sentence)))
    return start, start + len(sentence)


def _clause(figure: Figure, others: list[Figure], text: str, span: tuple[int, int] | None = None) -> tuple[int, int]:
    """The span of a figure's clause in its sentence: from the end of the last number of another
    figure before it (or before ``span``, the numbers of its list) to the first after it."""
    start, end = _sentence_span(figure, text)
    low, high = span or (figure.start, figure.end)
    numbers = [c for other in others for c in other.claims if start <= c.start < end]
    return (max((c.end for c in numbers if c.end <= low), default=start),
            min((c.start for c in numbers if c.start >= high), default=end))


def _list_words(figure: Figure, clause: tuple[int, int], text: str) -> str:
    """The words of a list's clause, every number of the list left out, within the hard breaks
    around it (a list of names runs across ", and")."""
    listing = figure.listing
    start = max((m.end() for m in _HARD_BREAK.finditer(text, clause[0], listing.start)), default=clause[0])
    found = _HARD_BREAK.search(text, listing.end, clause[1])
    end = found.start() if found else clause[1]
    spans = [(c.start, c.end) for c in find_claims(text[start:end])]
    words, at = [], 0
    for low, high in spans:
        words.append(text[start + at : start + low])
        at = high
    return " ".join([*words, text[start + at : end]])


def _own_item(figure: Figure, numbers: list[int], phrases: list[Phrase], text: str) -> str:
    """A listed figure's own item of the names listed before the first number of its sentence (or
    of the part after a hard break): the item at its position among the last ``count`` items
    ("the EU" | "the US" | "Japan was"); else among the first ``count`` listed after the list
    ("4120亿、3980亿元分别为机电产品和劳动密集型产品的出口额"). Empty where fewer are listed, or where
    the items are periods ("去年和今年"): a list of periods is no list of names."""
    listing = figure.listing
    sentence_start, sentence_end = _sentence_span(figure, text)
    start = max((m.end() for m in _HARD_BREAK.finditer(text, sentence_start, listing.start)), default=sentence_start)
    before = _items(text, start, min(n for n in numbers if n >= start))
    if len(before) >= listing.count:
        items = before[len(before) - listing.count :]
    else:
        found = _HARD_BREAK.search(text, listing.end, sentence_end)
        items = _items(text, listing.end, found.start() if found else sentence_end)[: listing.count]
    starts, ends = {p.start for p in phrases}, {p.end for p in phrases}
    if len(items) < listing.count or all(a[1] in ends and b[0] in starts for a, b in zip(items, items[1:])):
        return ""
    low, high = items[listing.position]
    return text[low:high]


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the items listed in ``text[start:end]``, split at commas, "and", 、, 和...,
    each without the spaces around it."""
    part = text[start:end]
    masked = _JOINED_NAME.sub(lambda m: m.group().replace(" ", "_"), normalize(part))
    cuts = [0, *(x for m in _NAME_SEPARATOR.finditer(masked) for x in m.span()), len(part)]
    spans = []
    for low, high in zip(cuts[::2], cuts[1::2]):
        item = part[low:high]
        if item.strip():
            low += len(item) - len(item.lstrip())
            high -= len(item) - len(item.rstrip())
            spans.append((start + low, start + high))
    return spans


def _after_breaks(text: str, start: int, end: int) -> int:
    """Where the last clause of ``text[start:end]`` begins."""
    return max((m.end() for m in _CLAUSE_BREAK.finditer(text, start, end)), default=start)


def _before_a_break(text: str, start: int, end: int) -> int:
    """Where the first clause of ``text[start:end]`` ends."""
    found = _CLAUSE_BREAK.search(text, start, end)
    return found.start() if found else end


def _phrase_for(figure: Figure, clause: tuple[int, int], phrases: list[Phrase], text: str) -> Phrase | None:
    """The phrase naming the figure's period. In its clause: the last before or within it with no
    clause break between (unless it trails the number before: "rose 2.3% in June after a 2.1%
    fall in May"), else the first after it, else the last before it; else the last earlier in the
    text; else (a headline) the first in a later sentence."""
    (low, high), (sentence_start, sentence_end) = clause, _sentence_span(figure, text)
    before = [p for p in phrases if low <= p.start and p.end <= figure.end]
    own_clause = [p for p in before if not _CLAUSE_BREAK.search(text, p.end, max(p.end, figure.start))]
    after = [p for p in phrases if figure.end <= p.start and p.end <= high]
    if own_clause and after and low > sentence_start and _TRAILING.fullmatch(text, low, own_clause[-1].start):
        own_clause = []
    earlier = [p for p in phrases if p.end <= figure.start]
    later = [p for p in phrases if p.start >= sentence_end]
    return (own_clause[-1:] or after[:1] or before[-1:] or earlier[-1:] or later[:1] or [None])[0]


def _period(phrase: Phrase | None, phrases: list[Phrase], published: date | None, text: str) -> tuple[str, str] | None:
    """The phrase's months; a year it leaves out is the last one written earlier in its paragraph."""
    if phrase is None:
        return None if published is None else (f"{published:%Y-%m}",) * 2
    paragraph = paragraph_of(text, phrase.start)
    years = [p.year for p in phrases
             if p.end <= phrase.start and p.year and paragraph_of(text, p.start) == paragraph]
    return resolve(phrase, published, years[-1] if years else None)


def _basis(figure: Figure, period: tuple[str, str] | None, average: bool,
           earlier: list[Reading]) -> tuple[str | None, str]:
    """The change's basis and where it was read (see :class:`Reading`)."""
    if figure.change is None or average:
        return None, ""
    basis = figure.change.basis
    if basis == "sequential":
        months = _months(period)
        basis = {1: "month_on_month", 3: "quarter_on_quarter"}.get(months) if months else None
    if basis and period and period[0][:4] == period[1][:4] and basis == f"versus_{int(period[0][:4]) - 1}":
        basis = "year_on_year"  # a figure of 2018 "compared with 2017"
    if basis:
        return basis, "text"
    said = [r.basis for r in earlier if r.basis and r.basis_read == "text"]
    if said:
        return said[-1], "paragraph"
    months = _months(period)
    if months and (months <= 12 or months % 12 == 0):
        return "year_on_year", "convention"
    return None, ""


def _months(period: tuple[str, str] | None) -> int | None:
    """How many months a period spans."""
    if period is None:
        return None
    (y1, m1), (y2, m2) = (map(int, month.split("-")) for month in period)
    return (y2 - y1) * 12 + m2 - m1 + 1
