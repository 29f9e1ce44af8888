"""Words for numbers: how the report writes a figure, its change, its period and its source.

Each function writes in the current language (:mod:`customs_facilitation.language`): English
here, Chinese in :mod:`.chinese`.
"""

import html
import math
import re

import pandas as pd

from ..language import N_, _, current
from . import chinese

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
UNIT_WORDS = {N_("CNY trillion"): "trillion yuan", N_("CNY billion"): "billion yuan",
              N_("USD trillion"): "trillion US dollars", N_("TEU million"): "million TEU", N_("hours"): "hours",
              N_("percent"): "percent", N_("count"): "", N_("months"): "months",
              N_("tonnes billion"): "billion tonnes", N_("users"): "users",
              N_("declarations per day"): "declarations a day", N_("USD billion"): "billion US dollars",
              N_("USD"): "US dollars", N_("CNY million"): "million yuan", N_("applications"): "applications",
              N_("rank"): "(rank; lower is better)", N_("score (0-100)"): "out of 100", N_("score (1-5)"): "out of 5"}
QUALIFIER_WORDS = {"exact": "{}", "at_least": "more than {}", "about": "about {}", "preliminary": "{} (preliminary)"}
"""How a qualifier reads: a lower bound (at_least) is published as "more than N" in every source we hold."""


def number(value: float, digits: int | None = None) -> str:
    """A number as the report prints it: thousands separated, never in exponent form;
    rounded to ``digits`` significant digits if given.

    >>> number(3776), number(256.99), number(239.0604651, digits=4), number(1234567), number(12345.6, digits=4)
    ('3,776', '256.99', '239.1', '1,234,567', '12,350')
    """
    if current() == "zh":
        return chinese.number(value, digits)
    if pd.isna(value):
        return "n/a"
    if digits:
        value = float(f"{value:.{digits}g}")
    return f"{value:,.10f}".rstrip("0").rstrip(".")


def level(value: float, unit: str, qualifier: str = "exact", digits: int | None = None,
          counted: str | None = None) -> str:
    """A level with its unit in words, e.g. '256.99 billion yuan' or 'at least 5,800'; in Chinese a count
    takes ``counted``, its measure word ('5800家')."""
    if current() == "zh":
        return chinese.level(value, unit, qualifier, digits, counted if isinstance(counted, str) else "")
    if pd.isna(value):
        return "no level published"
    text = f"{number(value, digits)} {UNIT_WORDS.get(unit, unit)}".strip()
    return QUALIFIER_WORDS[qualifier].format(text)


def level_of(row, qualified: bool = True) -> str:
    """A figure's level (a row of the figures, a Series or a tuple), with its qualifier unless
    ``qualified`` is False, and in Chinese the measure word of what it counts."""
    get = row.get if hasattr(row, "get") else lambda key, default=None: getattr(row, key, default)
    return level(get("value"), get("unit"), get("qualifier") if qualified else "exact", counted=get("counted_zh"))


def change(amount: float, change_unit: str, basis: str, qualifier: str = "exact") -> str:
    """A change with its sign, unit and basis, e.g. '+7.5% year on year'; ``qualifier`` where the
    change itself is a lower bound.

    >>> change(-62.3, "percent", "versus_2017"), change(1.2, "percentage_points", "year_on_year")
    ('-62.3% versus 2017', '+1.2 percentage points year on year')
    >>> change(2, "count", "year_on_year"), change(10, "percent", "year_on_year", "at_least")
    ('+2 year on year', 'more than +10% year on year')
    """
    if current() == "zh":
        return chinese.change(amount, change_unit, basis, qualifier)
    if pd.isna(amount):
        return "no change published"
    unit = {"percent": "%", "percentage_points": " percentage points", "rank_places": " places"}.get(change_unit, "")
    return QUALIFIER_WORDS[qualifier].format(f"{amount:+g}{unit} {basis.replace('_', ' ')}")


def period(start: pd.Period, end: pd.Period) -> str:
    """A period in words: 'H1 2025', 'Q2 2025', 'Q1-Q3 2025', '2025', 'June 2025', 'January-July 2025'.

    >>> period(pd.Period("2025-01", "M"), pd.Period("2025-06", "M"))
    'H1 2025'
    """
    if current() == "zh":
        return chinese.period(start, end)
    if start == end:
        return f"{MONTHS[start.month - 1]} {start.year}"
    if start.year != end.year:
        return f"{MONTHS[start.month - 1]} {start.year} to {MONTHS[end.month - 1]} {end.year}"
    months = (start.month, end.month)
    named = {(1, 12): "{y}", (1, 6): "H1 {y}", (7, 12): "H2 {y}", (1, 9): "Q1-Q3 {y}", (1, 3): "Q1 {y}",
             (4, 6): "Q2 {y}", (7, 9): "Q3 {y}", (10, 12): "Q4 {y}"}
    if months in named:
        return named[months].format(y=start.year)
    return f"{MONTHS[start.month - 1]}-{MONTHS[end.month - 1]} {start.year}"


def period_length(months: int) -> str:
    """What a period of so many months measures, for a legend.

    >>> period_length(12), period_length(6), period_length(3), period_length(1), period_length(7)
    ('a whole year', 'a half year', 'a quarter', 'a single month', '7 months')
    """
    if current() == "zh":
        return chinese.period_length(months)
    return {12: "a whole year", 6: "a half year", 3: "a quarter", 1: "a single month"}.get(months, f"{months} months")


def date(day: pd.Timestamp) -> str:
    """A date in words: '14 July 2025'; 'date not shown' where the source shows none."""
    if current() == "zh":
        return chinese.date(day)
    if pd.isna(day):
        return "date not shown"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def due(target) -> str:
    """When a target is due, as its source states it ('by end-2018'; in Chinese '2018年底前')."""
    return str(target["due_as_stated_zh" if current() == "zh" else "due_as_stated"])


def change_qualifier(row) -> str:
    """The qualifier of a figure's change: its own only where no level was published (else it is the level's)."""
    return row["qualifier"] if pd.isna(row["value"]) else "exact"


def citation(source: pd.Series) -> str:
    """Outlet and publication date, e.g. 'Legal Daily, 14 July 2025'."""
    return _("{outlet}, {date}").format(outlet=source["outlet"], date=date(source["published_date"]))


def unit_title(unit: str) -> str:
    """An axis title for values in ``unit`` as published: 'Billion yuan (CNY billion)'; in Chinese '十亿元'."""
    if current() == "zh":
        return chinese.unit_words(unit)
    return f"{UNIT_WORDS[unit].capitalize()} ({unit})"


def amount(value: float, unit: str, digits: int | None = None, with_unit: bool = False) -> str:
    """A computed quantity in ``unit``: in English its number (``digits`` significant, else 6), with the unit
    as published if ``with_unit``; in Chinese always with its unit in words. An open end of an interval is ∞.

    >>> amount(3.70234, "percent", 4, with_unit=True), amount(float("inf"), "count")
    ('3.702 percent', '∞')
    """
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if current() == "zh":
        return chinese.level(value, unit, digits=digits or 6)
    text = f"{value:.{digits or 6}g}"
    return f"{text} {unit}" if with_unit else text


def reading(value: float, unit: str) -> str:
    """Another source's reading of a figure: '3,776 count', '21.79 CNY trillion' (the unit as published);
    in Chinese the level in words ('21.79万亿元')."""
    return chinese.level(value, unit) if current() == "zh" else f"{number(value)} {unit}"


def unit_label(unit: str) -> str:
    """``unit`` as a label says it beside numbers in that unit: as published ('CNY billion') in English,
    in words in Chinese ('十亿元')."""
    return chinese.unit_words(unit) if current() == "zh" else unit


def base_unit_label(unit: str) -> str:
    """``unit`` beside values written in words: as published in English (the values are numbers); in
    Chinese the word of its base unit ('元'), the values carrying their scale words ('52亿吨')."""
    return chinese.base_unit_words(unit) if current() == "zh" else unit


def unit_words(unit: str) -> str:
    """``unit`` as published, in words: 'billion yuan'; in Chinese '十亿元'."""
    return chinese.unit_words(unit) if current() == "zh" else UNIT_WORDS[unit]


def figure(row: pd.Series | None) -> str:
    """A figure with its change, source and id, or 'no curated figure' for None."""
    if row is None:
        return _("no curated figure")
    text = level_of(row)
    if pd.notna(row["change"]):
        said = change(row["change"], row["change_unit"], row["change_basis"], change_qualifier(row))
        text = _("{level} ({change})").format(level=text, change=said)
    return _("{figure}, {citation}, {id}").format(figure=text, citation=citation(row), id=row["observation_id"])


def capitalized(text: str) -> str:
    """Text with its first letter upper case (names are lower case in English; Chinese has no case)."""
    return text[:1].upper() + text[1:]


ASPECTS = {"policy_provisions": N_("Policy provisions"), "cross_border_logistics": N_("Cross border logistics"),
           "trade_environment": N_("Trade environment"), "clearance_costs": N_("Clearance costs")}
"""The seed's four aspects, as a heading names them."""


def aspect(name: str) -> str:
    """One of the seed's aspects as a heading names it: 'Policy provisions'."""
    return _(ASPECTS[name])


def markdown(text: str):
    """Prose for display in a notebook, with ``<``, ``>`` and ``&`` escaped.

    Text from the data (outlets, notes, explanations) then shows as text: markup in it never
    becomes HTML in the notebook or the report.
    """
    from IPython.display import Markdown

    return Markdown(html.escape(text, quote=False))


TRANSLATED_COLUMNS = ("name", "definition", "note", "explanation", "action")
"""Curated text columns that have a Chinese twin (``name_zh``...) in the data."""
WORDED_VALUES = (
    N_("official"), N_("state_media"), N_("repost"), N_("secondary"), N_("low"), N_("en"),
    N_("zh"), N_("zh-Hant"), N_("ja"), N_("pass"), N_("explained"), N_("fail"),
    N_("sum"), N_("share"), N_("implied_base"), N_("same_figure"), N_("growth"), N_("policy"),
    N_("pilot"), N_("procedure"), N_("monitoring"), N_("platform"), N_("incentive"), N_("policy_provisions"),
    N_("cross_border_logistics"), N_("trade_environment"), N_("clearance_costs"), N_("new_in_year"), N_("met"),
    N_("missed"), N_("met later"), N_("not knowable"), N_("yes"), N_("no"),
    N_("special_operation"), N_("bonded_repair"), N_("logistics"), N_("aeo"), N_("clearance_time"),
    N_("trade_totals"), N_("trade_structure"), N_("trade_actors"), N_("trade_partners"), N_("trade_modes"),
    N_("trade_regions"), N_("single_window"), N_("ports"), N_("customs_supervision"), N_("release_time"),
    N_("international_context"),
)
"""Words the data uses as values (reliability tiers, languages, checks' kinds and results, measures' kinds
and aspects, pilot cities' status, targets' outcomes, indicators' topics), each translated where a page shows
it (:func:`value`)."""


LOCATORS = (
    (re.compile(r"paragraph (?P<n>[0-9]+)"), N_("paragraph {n}")),
    (re.compile(r"source pack (?P<file>\S+) row (?P<row>\w+), note column; the page itself is not held"),
     N_("source pack {file} row {row}, note column; the page itself is not held")),
    (re.compile(r"source pack (?P<file>\S+) row (?P<row>\w+); the page itself is not held"),
     N_("source pack {file} row {row}; the page itself is not held")),
    (re.compile(r"source pack (?P<file>\S+); the page itself is not held"),
     N_("source pack {file}; the page itself is not held")),
)
"""The forms a locator (where in its source a figure stands) takes, each translated as a whole."""


def locator(text: str) -> str:
    """Where in its source a figure stands, in the current language ('paragraph 3' is '第3段');
    a locator of another form reads as written."""
    if current() == "en" or not isinstance(text, str):
        return text
    for form, message in LOCATORS:
        if found := form.fullmatch(text):
            return _(message).format(**found.groupdict())
    return text


def localized(column: str) -> str:
    """The column of curated text in the current language: ``name``, or ``name_zh`` in Chinese
    (a province is ``province_en`` or ``province_zh``)."""
    if column == "province":
        return f"province_{current()}"
    return f"{column}_zh" if current() == "zh" and column in TRANSLATED_COLUMNS else column


def value(word: str) -> str:
    """A word the data uses as a value, in the current language (unchanged in English)."""
    return _(word) if current() != "en" and word else word
