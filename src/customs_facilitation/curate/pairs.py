"""Pair each change with the level it belongs to, in either word order, in English and Chinese.

A release writes a level and its change in one of a few orders: the change first, then the level it
reached ("rose 0.5 percent to CNY18.48 trillion", "增长6.1%，达到26.99万亿元"), or the level, then
its change ("totaled CNY7.41 trillion, up 5.7 percent", "45.47万亿元，同比增长3.8%"), or lists of
both read "respectively" ("分别为26.99万亿元和18.48万亿元，分别增长6.1%和0.5%", "were 4.6, 4.0 and
1.9 trillion yuan, up 1.2, 4.4 and 6.7 percent respectively", "with growth rates of 1.2 percent,
4.4 percent and 6.7 percent, respectively"), paired in order. A list of levels and a list of
changes of different lengths pair nothing: which belongs to which is the curator's to say. A
change whose words give it a subject of its own ("..., and imports rose 0.5 percent") is no change
of the level before it, and a level in brackets is a conversion ("CNY45.47 trillion (USD6.52
trillion)"), standing alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .claims import Claim
from .context import CHANGE_WORD_CN, CHANGE_WORD_EN, RATE_UNITS
from .numerals import normalize


@dataclass(frozen=True)
class Listing:
    """A figure's place in a list read "respectively": its ``position`` (from 0) among ``count``,
    and ``start`` and ``end``, the span of the list's numbers in the text."""

    position: int
    count: int
    start: int
    end: int


@dataclass(frozen=True)
class Figure:
    """A published figure: a level, its change, or both (at least one); an ``aside`` is a level in
    brackets of its own, such as a conversion ("(USD6.52 trillion)"). ``listing`` places a figure
    of a list read "respectively"; ``unpaired`` says why a listed level or change was left
    without its partner (the lists' lengths differ), else is empty."""

    level: Claim | None
    change: Claim | None
    aside: bool = False
    listing: Listing | None = None
    unpaired: str = ""

    @property
    def claims(self) -> list[Claim]:
        """Its claims in the order of the text."""
        return sorted((c for c in (self.level, self.change) if c is not None), key=lambda c: c.start)

    @property
    def start(self) -> int:
        return self.claims[0].start

    @property
    def end(self) -> int:
        return self.claims[-1].end


def is_change(claim: Claim) -> bool:
    """A rate the words call a rise or a fall ("up 3.8%", 下降2.7%); any other quantity is a level."""
    return claim.unit in RATE_UNITS and claim.direction is not None


_BRACKETS = re.compile(r"[(（][^()（）]*[)）]")
_LIST = re.compile(r"^\s*(?:、|和|与|及|,|，|and|,\s*and|or)\s*$", re.IGNORECASE)
_CHANGE_LIST = re.compile(  # "and 0.5 percent", "and a decrease of 6 percent", "、下降"
    rf"^\s*(?:、|和|与|及|,|，|and|,\s*and|or)\s*(?:(?:a|an)\s+)?(?:(?:{CHANGE_WORD_EN.pattern}|{CHANGE_WORD_CN.pattern})"
    r"(?:\s+(?:of|by))?)?\s*$",
    re.IGNORECASE,
)
_RESPECTIVELY = re.compile(r"respectively|分别|各自")
_QUALIFIER = r"(?:about|around|approximately|nearly|almost|roughly|some|more than|over|close to|约|近|超过|逾|超)?"
_EN_BETWEEN = (r"(?:year[- ]on[- ]year|y-?o-?y|from (?:a|one|the previous) year(?: earlier| ago)?|from last year"
               r"|compared with (?:a year earlier|last year|the previous year)|on (?:a|an) (?:yearly|annual) basis"
               r"|last year|this year|in (?:19|20)[0-9]{2}|increase|rise|growth|gain|jump|decline|drop|fall"
               r"|decrease|respectively|,)")
_FORWARD = re.compile(
    rf"^[\s,]*(?:{_EN_BETWEEN}\s*)*(?:to|at|reaching|to reach|to hit|hitting|to stand at|and reached|to total"
    r"|totall?ing)(?:\s+(?:a|an)\s+(?:record|new|all-time|historic)(?:\s+high)?(?:\s+of)?)?"
    rf"[\s,]*{_QUALIFIER}\s*$"
    rf"|^[\s,，]*(?:规模|总额|总值|金额|总量)?(?:达到了|达到|达|升至|增至|降至|减至|回落至|至|为|到)\s*{_QUALIFIER}\s*$",
    re.IGNORECASE,
)
_NEW_CLAUSE = re.compile(r"[;；]|\b(?:while|whereas|but|of which|among (?:them|which)|including)\b|其中|而")
_EN_SAME_SUBJECT = {"", ",", "and", "which", "that", "it", "also", "has", "have", "had", "been", "was", "were", "is",
                    "are", "a", "an", "the", "its", "their", "having", "marking", "representing", "registering",
                    "recording", "posting", "reflecting", "showing", "with", "by", "of", "year-on-year", "further",
                    "steadily", "slightly", "sharply", "respectively"}
_CN_SAME_SUBJECT = re.compile(
    r"同比|[比较](?:上年|去年)(?:同期)?|与(?:上年|去年)(?:同期)?相比|[比较](?:19|20)[0-9]{2}年|与(?:19|20)[0-9]{2}年相比"
    "|按年|环比|年$|年均|分别|占比|比重|份额|增幅|降幅|均|也|亦|继续|再|又|了|[，,、\\s]")


def pair_figures(text: str, claims: list[Claim]) -> list[Figure]:
    """The figures of a text: each change with its level, levels and changes without one alone.

    Example:
        >>> from .claims import find_claims
        >>> text = "Exports rose 6.1% to CNY26.99 trillion, and imports rose 0.5% to CNY18.48 trillion."
        >>> [(f.level.text, f.change.text) for f in pair_figures(text, find_claims(text))]
        [('CNY26.99 trillion', '6.1%'), ('CNY18.48 trillion', '0.5%')]
    """
    normalized = normalize(text).lower()
    figures = []
    for sentence in _sentences([c for c in claims if c.kind == "quantity"], text):
        figures += _pair_sentence(sentence, normalized)
    return sorted(figures, key=lambda f: f.start)


def _sentences(quantities: list[Claim], text: str) -> list[list[Claim]]:
    """The quantities grouped by sentence, in order."""
    groups: list[list[Claim]] = []
    for claim in quantities:
        if groups and groups[-1][-1].sentence == claim.sentence and "\n" not in text[groups[-1][-1].end : claim.start]:
            groups[-1].append(claim)
        else:
            groups.append([claim])
    return groups


def _pair_sentence(items: list[Claim], normalized: str) -> list[Figure]:
    """The figures of one sentence's quantities: changes listed "respectively" with as many levels,
    then each change with the level it reaches, then with the level before it."""
    level_of: dict[int, int] = {}  # change index -> level index
    listing: dict[int, Listing] = {}  # claim index -> its place in a list read "respectively"
    unpaired: dict[int, str] = {}  # claim index -> why its list was not paired
    blocked: set[int] = set()  # levels of a list that pairs nothing

    def free_level(i: int) -> bool:
        return 0 <= i < len(items) and not is_change(items[i]) and i not in level_of.values() and i not in blocked

    for first, last in _respectively_runs(items, normalized):
        changes = list(range(first, last + 1))
        levels, listed, joined = _listed_levels(items, changes, normalized, free_level)
        span = [items[i] for i in changes + (levels or listed)]
        start, end = min(c.start for c in span), max(c.end for c in span)
        if levels:
            level_of.update(zip(changes, levels))
            if joined:  # levels each in a clause of its own keep their clauses
                listing.update({i: Listing(k, len(changes), start, end) for k, i in enumerate(changes)})
        elif listed:  # the lists' lengths differ: each stands alone, and the curator pairs them
            why = f"the sentence lists {len(listed)} levels and {len(changes)} changes \"respectively\""
            unpaired.update({i: why for i in changes + listed})
            listing.update({i: Listing(k, len(listed), start, end) for k, i in enumerate(listed)})
            blocked.update(listed)
    if _RESPECTIVELY.search(normalize(items[0].sentence).lower()):  # levels alone: "分别占15.3%和13.7%"
        for run in _level_lists(items, normalized, lambda i: free_level(i) and i not in listing):
            start, end = items[run[0]].start, items[run[-1]].end
            listing.update({i: Listing(k, len(run), start, end) for k, i in enumerate(run)})
    for i, claim in enumerate(items):
        if is_change(claim) and i not in level_of and i not in unpaired and free_level(i + 1) \
                and _FORWARD.match(_between(claim, items[i + 1], normalized)):
            level_of[i] = i + 1
    for i, claim in enumerate(items):
        if is_change(claim) and i not in level_of and i not in unpaired:
            previous = next((j for j in range(i - 1, -1, -1) if not _bracketed(items[j], normalized)), None)
            if previous is not None and free_level(previous) \
                    and _same_subject(_between(items[previous], claim, normalized)):
                level_of[i] = previous
    paired = set(level_of.values())
    figures = [Figure(items[level_of[i]] if i in level_of else None, c, listing=listing.get(i),
                      unpaired=unpaired.get(i, "")) for i, c in enumerate(items) if is_change(c)]
    return figures + [Figure(c, None, _bracketed(c, normalized), listing.get(i), unpaired.get(i, ""))
                      for i, c in enumerate(items) if not is_change(c) and i not in paired]


def _listed_levels(items: list[Claim], changes: list[int], normalized: str,
                   free_level) -> tuple[list[int], list[int], bool]:
    """The levels a run of changes read "respectively" pairs with, in order, and, where the nearest
    list of levels holds another number of them, that list instead (pairing nothing); and whether
    the levels are listed together.

    The levels are the nearest free ones before the changes (else after them): a list of levels
    joined by "and", commas, 和 or 、, or, where each stands in a clause of its own
    ("出口26.99万亿元，进口18.48万亿元，分别增长..."), as many as there are changes.
    """
    count, first, last = len(changes), changes[0], changes[-1]
    for side in (range(first - 1, -1, -1), range(last + 1, len(items))):
        near = [i for i in side if free_level(i) and not _bracketed(items[i], normalized)]
        if not near:
            continue
        run = near[:1]
        for i in near[1:]:
            j, k = sorted((run[-1], i))
            if items[i].unit != items[run[-1]].unit or not _LIST.match(_between(items[j], items[k], normalized)) \
                    or any(not _bracketed(items[m], normalized) for m in range(j + 1, k)):
                break
            run.append(i)
        if len(run) == count or len(run) == 1 and len(near) >= count:
            return sorted(near[:count]), [], len(run) == count
        if len(run) > 1:
            return [], sorted(run), True
    return [], [], False


def _level_lists(items: list[Claim], normalized: str, free_level) -> list[list[int]]:
    """Runs of two or more free levels of one unit listed together ("15.3% and 13.7%")."""
    runs: list[list[int]] = []
    for i, claim in enumerate(items):
        if not free_level(i) or _bracketed(claim, normalized):
            continue
        last = runs[-1][-1] if runs else None
        if last is not None and last == i - 1 and items[last].unit == claim.unit \
                and _LIST.match(_between(items[last], claim, normalized)):
            runs[-1].append(i)
        else:
            runs.append([i])
    return [run for run in runs if len(run) > 1]


def _respectively_runs(items: list[Claim], normalized: str) -> list[tuple[int, int]]:
    """Runs of two or more changes listed together in a sentence that says "respectively" (分别):
    "6.1% and 0.5%", "1.2, 4.4 and 6.7 percent", "an increase of 6.9 percent and a decrease of 6 percent"."""
    if not items or not _RESPECTIVELY.search(normalize(items[0].sentence).lower()):
        return []
    runs, first = [], None
    for i, claim in enumerate(items):
        listed = first is not None and is_change(claim) \
            and _CHANGE_LIST.match(_between(items[i - 1], claim, normalized))
        if listed:
            continue
        if first is not None and i - 1 > first:
            runs.append((first, i - 1))
        first = i if is_change(claim) else None
    if first is not None and len(items) - 1 > first:
        runs.append((first, len(items) - 1))
    return runs


def _between(first: Claim, second: Claim, normalized: str) -> str:
    """The words between two claims, bracketed asides left out."""
    return _BRACKETS.sub(" ", normalized[first.end : second.start])


def _bracketed(claim: Claim, normalized: str) -> bool:
    """Whether a claim stands in brackets of its own: "(USD6.52 trillion)"."""
    before = normalized[max(0, claim.start - 16) : claim.start]
    return bool(re.search(rf"[(（]\s*{_QUALIFIER}\s*$", before)) and bool(
        re.match(r"\s*[)）]", normalized[claim.end :]))


def _same_subject(words: str) -> bool:
    """Whether the words between a level and a change leave the change about that level: no new
    clause, and no change word with a subject of its own ("and imports rose", "，进口增长")."""
    if _NEW_CLAUSE.search(words):
        return False
    for match in CHANGE_WORD_EN.finditer(words):
        previous = words[: match.start()].split()  # a word before a comma ends a phrase: "of the total, up"
        if previous and not previous[-1].endswith(",") and previous[-1] not in _EN_SAME_SUBJECT:
            return False
    for match in CHANGE_WORD_CN.finditer(words):
        if re.search("[\u4e00-\u9fff]", _CN_SAME_SUBJECT.sub("", words[: match.start()])):
            return False
    return True
