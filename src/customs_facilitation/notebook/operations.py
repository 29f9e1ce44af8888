"""The yearly special operations side by side: each year's figures, the running totals, and what
one number means in different years, in words and with every figure's id."""

import pandas as pd

from ..language import N_, _
from . import words
from .figures import most_reliable, other_readings

OPERATION_FIGURES = [
    ("special_operation_launching_bodies", N_("government bodies launching it")),
    ("special_operation_departments", N_("departments taking part")),
    ("special_operation_departments_besides_gacc", N_("departments taking part besides GACC")),
    ("special_operation_duration", N_("months of duration")),
    ("special_operation_pilot_cities", N_("pilot cities")),
    ("special_operation_pilot_cities_added", N_("pilot cities new that year")),
    ("special_operation_measures", N_("measures")),
    ("special_operation_key_tasks", N_("key tasks")),
]
"""A yearly operation's figures, in the order a page lists them, with how a sentence names them."""

EXTENDED = "special_operation_measures_replicated"
"""Measures of the previous year's operation extended nationwide, dated to the decision (see indicators.csv)."""

RUNNING_TOTALS = ["special_operation_reform_measures_cumulative", "special_operation_measures_replicated_cumulative",
                  "special_operation_cities_cumulative", "special_operation_provinces_cumulative"]


def yearly_figures(figs: pd.DataFrame) -> pd.DataFrame:
    """The figures of single operations, with the ``operation_year`` each belongs to.

    An operation's own figures fall within one calendar year; measures extended nationwide
    belong to the operation of the year before their decision.
    """
    own = figs["indicator_id"].isin([i for i, _label in OPERATION_FIGURES])
    one_year = figs["period_start"].dt.year == figs["period_end"].dt.year
    extended = figs["indicator_id"] == EXTENDED
    rows = figs[((own & one_year) | extended) & figs["value"].notna()]
    return rows.assign(operation_year=rows["period_start"].dt.year - (rows["indicator_id"] == EXTENDED))


def launch_month(rows: pd.DataFrame) -> str:
    """The month the figures of one operation are dated to, where any is a single month, in words."""
    months = sorted(set(rows.loc[rows["period_start"] == rows["period_end"], "period_start"]))
    return _(" or ").join(words.period(m, m) for m in months) or _("not dated to a month")


def _cell(rows: pd.DataFrame) -> str:
    """Every published value of one figure, each with its ids: '20 (F28, G45)'."""
    by_value = rows.groupby("value", sort=True)["observation_id"].apply(lambda ids: ", ".join(sorted(ids)))
    return _("; ").join(_("{value} ({ids})").format(value=words.number(value), ids=ids)
                     for value, ids in by_value.items())


def by_year(figs: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """One row per operation year from ``first`` to ``last``: launch month, each figure with its ids,
    and the measures extended nationwide the year after; a year without figures says so."""
    yearly = yearly_figures(figs)
    rows = []
    for year in range(first, last + 1):
        this = yearly[yearly["operation_year"] == year]
        row = {"year": str(year), "launched": launch_month(this[this["indicator_id"] != EXTENDED])
               if len(this) else _("no curated figure")}
        columns = [*OPERATION_FIGURES, (EXTENDED, N_("measures extended nationwide (decided the year after)"))]
        for indicator, label in columns:
            row[_(label)] = _cell(this[this["indicator_id"] == indicator])
        row["id"] = ", ".join(sorted(this["observation_id"]))
        rows.append(row)
    table = pd.DataFrame(rows)
    shown = [c for c in table.columns if c in ("year", "launched", "id") or table[c].ne("").any()]
    return table[shown]


def years_across(yearly: pd.DataFrame) -> pd.DataFrame:
    """:func:`by_year` turned for reading: one row per thing counted, one column per year (a table of
    many counts across few years fits a page; the other way round it does not).

    >>> years_across(pd.DataFrame({"year": ["2024", "2025"], "launched": ["April", "April"],
    ...                            "pilot cities": ["20 (G45)", "25 (F24)"], "id": ["G45", "F24"]})).values.tolist()
    [['launched', 'April', 'April'], ['pilot cities', '20 (G45)', '25 (F24)']]
    """
    turned = yearly.drop(columns="id").set_index("year").T
    return turned.rename_axis(columns=None).reset_index(names=_("of the operation")).replace(
        {"launched": _("launched")})


def operation_at_a_glance(figs: pd.DataFrame, year: int | None = None) -> str:
    """Markdown on the operation of ``year`` (default: the latest with figures), each figure cited by its id."""
    yearly = yearly_figures(figs)
    yearly = yearly[yearly["indicator_id"] != EXTENDED]
    if year is None and not yearly.empty:
        year = int(yearly["operation_year"].max())
    this_year = yearly[yearly["operation_year"] == year]
    if this_year.empty:
        if year is None:
            return _("No curated figure on the yearly special operation was published by then.")
        return _("No curated figure on the {year} special operation was published by then.").format(year=year)
    parts = []
    for indicator, label in OPERATION_FIGURES:
        row = most_reliable(this_year[this_year["indicator_id"] == indicator])
        if row is not None:
            parts.append(_("**{value}** {label} ({citation}, {id})").format(
                value=words.number(row["value"]), label=_(label), citation=words.citation(row),
                id=row["observation_id"]))
    return _("The {year} operation, launched in {month}: {parts}.").format(
        year=year, month=launch_month(this_year), parts=_("; ").join(parts))


def launch_notes(figs: pd.DataFrame) -> list[str]:
    """The notes on a launch of figures dated to a whole year, where sources may date it otherwise."""
    yearly = yearly_figures(figs)
    whole_year = yearly[(yearly["period_start"].dt.month == 1) & (yearly["period_end"].dt.month == 12)]
    english = whole_year["note_en"] if "note_en" in whole_year else whole_year["note"]  # the curators' words
    noted = whole_year[english.fillna("").str.contains("launch")]
    return [_("{year}: {id} ({outlet}, rated {tier}) is dated to the whole year; its note: *{note}*").format(
        year=row.operation_year, id=row.observation_id, outlet=row.outlet, tier=words.value(str(row.reliability)),
        note=row.note) for row in noted.itertuples()]


def meanings_of(figs: pd.DataFrame, value: float) -> list[str]:
    """What the special-operation figures equal to ``value`` count: one line per operation and thing
    counted, in time order, with the ids of every source that published it and their notes."""
    rows = yearly_figures(figs)
    rows = rows[rows["value"] == value].sort_values(["operation_year", "period_start", "observation_id"])
    lines = []
    keys = ["operation_year", "indicator_id", "period_start", "period_end"]
    for (year, _indicator, start, end), same in rows.groupby(keys, sort=False):
        notes = _("; ").join(dict.fromkeys(same["note"].dropna()))
        lines.append(_("**{year} operation**: {name}, dated {period} ({ids})").format(
            year=year, name=same["name"].iloc[0], period=words.period(start, end),
            ids=", ".join(same["observation_id"])) + (_(": {notes}").format(notes=notes) if notes else ""))
    return lines


def yearly_series(figs: pd.DataFrame, indicators: list[str]) -> pd.DataFrame:
    """Some yearly figures by operation year, for a chart: one point per year and indicator, the
    most reliable source's, with every other reading of it in ``also`` (:func:`.figures.other_readings`);
    in the order of ``indicators``, then by year."""
    yearly = yearly_figures(figs)
    yearly = yearly[yearly["indicator_id"].isin(indicators)]
    yearly = yearly.assign(rank=yearly["indicator_id"].map(indicators.index))
    points = []
    for (_rank, year, _indicator), same in yearly.groupby(["rank", "operation_year", "indicator_id"], sort=True):
        best = most_reliable(same)
        points.append({"year": str(year), "indicator": best["name"], "value": float(best["value"]),
                       "id": best["observation_id"], "also": other_readings(best, same),
                       "source": best["outlet"], "reliability": str(best["reliability"])})
    return pd.DataFrame(points, columns=["year", "indicator", "value", "id", "also", "source", "reliability"])


def recurring_values(figs: pd.DataFrame, prefix: str = "special_operation_measures") -> list[float]:
    """Values that figures on measures (indicators starting with ``prefix``) take in more than one operation year."""
    yearly = yearly_figures(figs)
    measures = yearly[yearly["indicator_id"].str.startswith(prefix)]
    years = measures.groupby("value")["operation_year"].nunique()
    return [float(v) for v in years[years > 1].index]


def naming_sentences(naming: pd.DataFrame) -> list[str]:
    """How much of each year's list of pilot cities is named, from :func:`pilot_city_naming`."""
    lines = []
    for row in naming.itertuples():
        counted = _("pilot cities") if row.status == "pilot" else _("cities new that year")
        if pd.isna(row.of):
            lines.append(_("{year}: {named} {counted} named; no count of them qualifies here.").format(
                year=row.operation_year, named=row.named, counted=counted))
        elif row.named == row.of:
            lines.append(_("{year}: all {count} {counted} named ({id}).").format(
                year=row.operation_year, count=words.number(row.of), counted=counted, id=row.count_id))
        else:
            lines.append(_("{year}: {named} of the {count} {counted} named ({id}), {share} percent (derived by us); "
                           "the rest are named by no source we hold.").format(
                year=row.operation_year, named=row.named, count=words.number(row.of), counted=counted,
                id=row.count_id, share=f"{row.share_named:.3g}"))
    return lines
