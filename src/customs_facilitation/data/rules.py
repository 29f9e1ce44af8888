"""Curation rules that span columns or tables, beyond what a field's type can say."""

from pathlib import Path

import pandas as pd

from ..errors import Problem
from .cells import lookup, rows_in
from .snapshots import snapshot_problems
from .units import base_units


def _flag(file: str, table: pd.DataFrame, bad: pd.Series, column: str, message: str) -> list[Problem]:
    return [Problem(file, message, row=int(i) + 1, column=column,
                    value=None if pd.isna(table.loc[i, column]) else str(table.loc[i, column]))
            for i in table.index[bad.fillna(False).astype(bool)]]


def observation_problems(obs: pd.DataFrame, indicators: pd.DataFrame, units: pd.DataFrame,
                       sources: pd.DataFrame) -> list[Problem]:
    """Periods run forward; levels and changes are complete; units fit; held text is quoted."""
    f = "observations.csv"
    has_value, has_unit = obs["value"].notna(), obs["unit"].notna()
    change_parts = obs[["change", "change_unit", "change_basis"]].notna()
    base_of_unit = base_units(obs["unit"], units)
    indicator_unit = lookup(obs["indicator_id"], indicators.set_index("indicator_id")["unit"])
    problems = _flag(f, obs, obs["period_end"] < obs["period_start"], "period_end",
                     "is before period_start; a period runs from its first to its last month")
    problems += _flag(f, obs, has_value != has_unit, "unit", "must be given exactly when value is given")
    problems += _flag(f, obs, change_parts.any(axis=1) & ~change_parts.all(axis=1), "change",
                      "change, change_unit and change_basis go together: give all three or none")
    problems += _flag(f, obs, ~has_value & ~change_parts["change"], "value",
                      "is empty and so is change; a figure needs a level, a change or both")
    problems += _flag(f, obs, has_unit & (base_of_unit != indicator_unit), "unit",
                      "does not fit the indicator's unit in indicators.csv")
    counts = has_value & (base_of_unit == "count")
    problems += _flag(f, obs, counts & (obs["value"] % 1 != 0), "value", "is a count and must be a whole number")
    problems += _flag(f, obs, has_value & (base_of_unit == "percent") & (obs["value"] > 100), "value",
                      "is a percentage above 100")
    problems += _flag(f, obs, obs["value_as_published"].notna() & ~has_value, "value_as_published",
                      "is given but value is empty")
    problems += _flag(f, obs, obs["change_as_published"].notna() & ~change_parts["change"], "change_as_published",
                      "is given but change is empty")
    text_held = obs["checked"] == "text_held"
    holds_text = rows_in(obs["source_id"], sources.loc[sources["text_path"].notna(), "source_id"])
    problems += _flag(f, obs, text_held & ~holds_text, "checked",
                      "says text_held but the source has no text_path in sources.csv")
    problems += _flag(f, obs, text_held & has_value & obs["value_as_published"].isna(), "value_as_published",
                      "is empty; a figure from a held text records how the text writes it")
    problems += _flag(f, obs, text_held & change_parts["change"] & obs["change_as_published"].isna(),
                      "change_as_published", "is empty; a change from a held text records how the text writes it")
    return problems


def source_problems(sources: pd.DataFrame, data_dir: Path) -> list[Problem]:
    """Snapshots named by text_path exist and agree with their sidecars; nothing is read before it was published."""
    f = "sources.csv"
    held = sources["text_path"].notna()
    missing = held & ~sources["text_path"].map(lambda p: pd.notna(p) and (data_dir / p).is_file())
    problems = _flag(f, sources, missing, "text_path", f"names no file below {data_dir}")
    problems += _flag(f, sources, sources["accessed_date"] < sources["published_date"], "accessed_date",
                      "is before published_date")
    return problems + snapshot_problems(sources, data_dir)


def declared_check_problems(checks: pd.DataFrame, observations: pd.DataFrame) -> list[Problem]:
    """Checks name existing exact figures with what their kind needs, and explain expected differences.

    A check's arithmetic treats figures as exact to their last digit, so approximations ("about")
    cannot take part; a lower bound ("more than 101") may be an input of a sum, which then has no
    upper limit.
    """
    if checks.empty:
        return []
    f = "checks.csv"
    arity = {"sum": None, "share": 2, "implied_base": 1, "same_figure": 1, "growth": 2}
    named = set(" ".join(checks["inputs"]).split()) | set(checks["published_id"])
    figures = observations.loc[rows_in(observations["observation_id"], pd.Series(sorted(named), dtype="str"))]
    by_id = figures.set_index("observation_id")[["value", "change", "qualifier"]].to_dict("index")  # plain lookups
    problems = []
    for row in checks.itertuples():
        inputs = row.inputs.split(" ")
        if arity[row.kind] is not None and len(inputs) != arity[row.kind]:
            problems.append(Problem(f, f"has {len(inputs)} inputs; a {row.kind} check takes {arity[row.kind]}",
                                    row=int(row.Index) + 1, column="inputs", value=row.inputs))
        unknown = [i for i in inputs if i not in by_id]
        if unknown:
            problems.append(Problem(f, f"names {', '.join(unknown)}, not in observations.csv", row=int(row.Index) + 1,
                                    column="inputs", value=row.inputs))
            continue
        needs = [(i, "value") for i in inputs] + [(row.published_id, "change" if row.kind == "growth" else "value")]
        if row.kind == "implied_base":
            needs.append((inputs[0], "change"))
        for oid, column in needs:
            if pd.isna(by_id[oid][column]):
                problems.append(Problem(f, f"{oid} has no {column}; a {row.kind} check needs it",
                                        row=int(row.Index) + 1, column="inputs", value=row.inputs))
            qualifier = by_id[oid]["qualifier"]
            lower_bound_input = qualifier == "at_least" and row.kind == "sum" and oid in inputs
            if qualifier not in ("exact", "preliminary") and not lower_bound_input:
                problems.append(Problem(f, f"{oid} is {qualifier}; checks take exact or preliminary figures "
                                           "(and lower bounds as inputs of a sum) only", row=int(row.Index) + 1,
                                        column="inputs", value=row.inputs))
    problems += _flag(f, checks, (checks["expected"] == "explained") & checks["explanation"].isna(), "explanation",
                      "is empty; a check expected to differ must say why")
    return list(dict.fromkeys(problems))


PILOT_CITY_COUNTS = ("special_operation_pilot_cities", "special_operation_pilot_cities_added")
"""The indicators a named pilot city's count_observation_id may point to."""


def pilot_city_problems(cities: pd.DataFrame, observations: pd.DataFrame) -> list[Problem]:
    """Each named city points to its year's count of pilot cities, and no year names more cities than it counts."""
    if cities.empty:
        return []
    f = "pilot_cities.csv"
    counted = cities["count_observation_id"].astype("str")  # its figures' values, also from a categorical
    named_figures = observations[rows_in(observations["observation_id"], counted)].set_index("observation_id")
    figure = named_figures.reindex(counted.to_numpy()).set_axis(cities.index)  # each city's count, missing if none
    problems = _flag(f, cities, ~figure["indicator_id"].isin(PILOT_CITY_COUNTS), "count_observation_id",
                     f"is not a count of pilot cities ({' or '.join(PILOT_CITY_COUNTS)} in observations.csv)")
    year = figure["period_start"].map(lambda p: p.year if pd.notna(p) else pd.NA)
    problems += _flag(f, cities, year != cities["operation_year"], "count_observation_id",
                      "counts the pilot cities of another year than operation_year")
    named = cities.groupby("count_observation_id")["city_en"].transform("size")
    exact = figure["qualifier"] != "at_least"  # "more than 10" may name eleven
    problems += _flag(f, cities, exact & (named > figure["value"]), "count_observation_id",
                      "is a count smaller than the number of cities named for it")
    return problems


def exclusion_problems(exclusions: pd.DataFrame) -> list[Problem]:
    """An exclusion without a text covers every number of a kind, so its reason must name a kind."""
    every_number = exclusions["text"].isna() & (exclusions["reason"] == "not_tracked")
    return _flag("claim_exclusions.csv", exclusions, every_number,
                 "reason", "excludes every number of the paragraph or text (text is empty); name the kind "
                           "to exclude (date, time, year, ordinal, label, document_number) or give the text")


TRANSLATED_TEXT = {"observations": ("note",), "checks": ("explanation",), "targets": ("note",)}
"""Tables whose optional English text has a Chinese twin (``note_zh``...), present exactly where it is."""


def translation_problems(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """Each optional English text has its Chinese twin, and no Chinese text stands without its English;
    an indicator counted in things has the measure word its count takes in Chinese, and no other has one."""
    problems = []
    for table, columns in TRANSLATED_TEXT.items():
        frame = tables[table]
        for column in columns:
            english, chinese = frame[column].notna(), frame[f"{column}_zh"].notna()
            problems += _flag(f"{table}.csv", frame, english & ~chinese, f"{column}_zh",
                              f"is empty, but {column} is not; write the {column} in Chinese")
            problems += _flag(f"{table}.csv", frame, chinese & ~english, f"{column}_zh",
                              f"is a Chinese {column} without an English {column}; write both or neither")
    indicators = tables["indicators"]
    counted, worded = indicators["unit"].astype(str).eq("count"), indicators["counted_zh"].notna()
    problems += _flag("indicators.csv", indicators, counted & ~worded, "counted_zh",
                      "is empty; a count takes the Chinese measure word of what it counts (个, 家, 项, 次, 种...)")
    problems += _flag("indicators.csv", indicators, ~counted & worded, "counted_zh",
                      "is a measure word, but the indicator is not counted in things (its unit is not count)")
    return problems


def rule_problems(tables: dict[str, pd.DataFrame], data_dir: Path) -> list[Problem]:
    """Run every cross-column rule on typed tables."""
    return (observation_problems(tables["observations"], tables["indicators"], tables["units"],
                               tables["sources"])
            + source_problems(tables["sources"], data_dir)
            + declared_check_problems(tables["checks"], tables["observations"])
            + pilot_city_problems(tables["pilot_cities"], tables["observations"])
            + exclusion_problems(tables["claim_exclusions"])
            + translation_problems(tables))
