"""Words for numbers: how the report writes a figure, its change, its period and its source."""

import html

import pandas as pd

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
UNIT_WORDS = {"CNY trillion": "trillion yuan", "CNY billion": "billion yuan", "USD trillion": "trillion US dollars",
              "TEU million": "million TEU", "hours": "hours", "percent": "percent", "count": "", "months": "months",
              "tonnes billion": "billion tonnes", "users": "users", "declarations per day": "declarations a day",
              "USD billion": "billion US dollars", "USD": "US dollars", "CNY million": "million yuan",
              "applications": "applications", "rank": "(rank; lower is better)", "score (0-100)": "out of 100",
              "score (1-5)": "out of 5"}
QUALIFIER_WORDS = {"exact": "{}", "at_least": "more than {}", "about": "about {}", "preliminary": "{} (preliminary)"}
"""How a qualifier reads: a lower bound (at_least) is published as "more than N" in every source we hold."""


def number(value: float, digits: int | None = None) -> str:
    """A number as the report prints it: thousands separated, never in exponent form;
    rounded to ``digits`` significant digits if given.

    >>> number(3776), number(256.99), number(239.0604651, digits=4), number(1234567), number(12345.6, digits=4)
    ('3,776', '256.99', '239.1', '1,234,567', '12,350')
    """
    if pd.isna(value):
        return "n/a"
    if digits:
        value = float(f"{value:.{digits}g}")
    return f"{value:,.10f}".rstrip("0").rstrip(".")


def level(value: float, unit: str, qualifier: str = "exact", digits: int | None = None) -> str:
    """A level with its unit in words, e.g. '256.99 billion yuan' or 'at least 5,800'."""
    if pd.isna(value):
        return "no level published"
    text = f"{number(value, digits)} {UNIT_WORDS.get(unit, unit)}".strip()
    return QUALIFIER_WORDS[qualifier].format(text)


def change(amount: float, change_unit: str, basis: str, qualifier: str = "exact") -> str:
    """A change with its sign, unit and basis, e.g. '+7.5% year on year'; ``qualifier`` where the
    change itself is a lower bound.

    >>> change(-62.3, "percent", "versus_2017"), change(1.2, "percentage_points", "year_on_year")
    ('-62.3% versus 2017', '+1.2 percentage points year on year')
    >>> change(2, "count", "year_on_year"), change(10, "percent", "year_on_year", "at_least")
    ('+2 year on year', 'more than +10% year on year')
    """
    if pd.isna(amount):
        return "no change published"
    unit = {"percent": "%", "percentage_points": " percentage points", "rank_places": " places"}.get(change_unit, "")
    return QUALIFIER_WORDS[qualifier].format(f"{amount:+g}{unit} {basis.replace('_', ' ')}")


def period(start: pd.Period, end: pd.Period) -> str:
    """A period in words: 'H1 2025', 'Q2 2025', 'Q1-Q3 2025', '2025', 'June 2025', 'January-July 2025'.

    >>> period(pd.Period("2025-01", "M"), pd.Period("2025-06", "M"))
    'H1 2025'
    """
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
    return {12: "a whole year", 6: "a half year", 3: "a quarter", 1: "a single month"}.get(months, f"{months} months")


def date(day: pd.Timestamp) -> str:
    """A date in words: '14 July 2025'; 'date not shown' where the source shows none."""
    if pd.isna(day):
        return "date not shown"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def change_qualifier(row) -> str:
    """The qualifier of a figure's change: its own only where no level was published (else it is the level's)."""
    return row["qualifier"] if pd.isna(row["value"]) else "exact"


def citation(source: pd.Series) -> str:
    """Outlet and publication date, e.g. 'Legal Daily, 14 July 2025'."""
    return f"{source['outlet']}, {date(source['published_date'])}"


def figure(row: pd.Series | None) -> str:
    """A figure with its change, source and id, or 'no curated figure' for None."""
    if row is None:
        return "no curated figure"
    text = level(row["value"], row["unit"], row["qualifier"])
    if pd.notna(row["change"]):
        text += f" ({change(row['change'], row['change_unit'], row['change_basis'], change_qualifier(row))})"
    return f"{text}, {citation(row)}, {row['observation_id']}"


def markdown(text: str):
    """Prose for display in a notebook, with ``<``, ``>`` and ``&`` escaped.

    Text from the data (outlets, notes, explanations) then shows as text: markup in it never
    becomes HTML in the notebook or the report.
    """
    from IPython.display import Markdown

    return Markdown(html.escape(text, quote=False))
