"""Draft rows for ``observations.csv`` from a press release, for a curator to finish.

Each figure of the text that is neither curated nor excluded becomes a candidate row in
``observations.csv``'s columns (read from ``datapackage.json``): the value in a unit of
``units.csv`` (an exact shift of the decimal point: 2569.9亿元 is 256.99 "CNY billion"), the
qualifier, ``paragraph N`` as locator, the value as published and the sentence as the note. A
change ("增长3.8%") joins the level before it in the same sentence, as the curated rows do. The
indicator, the period and the id are left empty: they are the curator's reading.
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from ..data.package import load_package
from ..data.schema import read_descriptor, resource
from ..paths import resolve_data_dir
from .audit import CHANGE_UNITS, account_for
from .claims import Claim
from .listing import decimal_text

_QUALIFIERS = {"exact", "at_least", "about"}


def observation_columns(data_dir) -> list[str]:
    """The columns of ``observations.csv`` as ``datapackage.json`` declares them."""
    return [field["name"] for field in resource(read_descriptor(data_dir), "observations")["schema"]["fields"]]


def draft_observations(text: str, source_id: str, data_dir=None) -> pd.DataFrame:
    """Candidate observation rows for the figures of ``text`` that ``source_id`` has not accounted for.

    Example:
        >>> rows = draft_observations("全年进出口45.47万亿元，增长3.8%。", "new-release")
        >>> rows[["value", "unit", "change", "change_basis", "value_as_published", "locator"]].values.tolist()
        [['45.47', 'CNY trillion', '3.8', '', '45.47万亿元', 'paragraph 1']]
    """
    data_dir = resolve_data_dir(data_dir)
    tables = load_package(data_dir)
    rows: list[dict] = []
    for entry in account_for(text, source_id, tables):
        claim = entry["claim"]
        if claim.kind != "quantity" or entry["status"] != "unaccounted":
            continue
        locator = f"paragraph {entry['paragraph']}"
        previous = rows[-1] if rows else None
        if claim.unit in CHANGE_UNITS and claim.direction:
            joins = (previous is not None and previous["value"] != "" and previous["change"] == ""
                     and (previous["locator"], previous["sentence"]) == (locator, claim.sentence))
            row = previous if joins else _row(source_id, locator, claim.sentence)
            row.update(_change(claim))
            if not joins:
                rows.append(row)
        else:
            rows.append({**_row(source_id, locator, claim.sentence), **_level(claim, tables["units"])})
    columns = observation_columns(data_dir)
    return pd.DataFrame([{column: row.get(column, "") for column in columns} for row in rows], columns=columns)


def _row(source_id: str, locator: str, sentence: str) -> dict:
    """A row's fixed parts; "sentence" is kept to join a change to its level and is not a column."""
    return {"source_id": source_id, "locator": locator, "checked": "text_held", "qualifier": "exact",
            "value": "", "change": "", "note": sentence, "sentence": sentence}


def _change(claim: Claim) -> dict:
    signed = Decimal(repr(claim.number)) * (-1 if claim.direction == "decrease" else 1)
    return {"change": decimal_text(signed), "change_unit": claim.unit,
            "change_basis": claim.basis or "", "change_as_published": claim.text}


def _level(claim: Claim, units: pd.DataFrame) -> dict:
    """Value, unit, qualifier and value as published; what the curator must settle goes in front of the note."""
    caveats = []
    qualifier = claim.qualifier if claim.qualifier in _QUALIFIERS else ""
    if not qualifier:
        caveats.append(f"published as {claim.qualifier.replace('_', ' ')}, which observations cannot say")
    if claim.direction:
        caveats.append(f"published as an {claim.direction} of this amount")
    in_unit = _in_a_listed_unit(claim, units)
    if in_unit is None:
        caveats.append(f"units.csv has no unit for {claim.unit}; value is in {claim.unit} without scale" if claim.unit
                       else "the text names no unit; value is without scale")
        value, unit = decimal_text(Decimal(repr(claim.value))), ""
    else:
        value, unit = in_unit
    note = "; ".join(caveats)
    return {"value": value, "unit": unit, "qualifier": qualifier, "value_as_published": claim.text,
            "note": f"{note}: {claim.sentence}" if note else claim.sentence}


def _in_a_listed_unit(claim: Claim, units: pd.DataFrame) -> tuple[str, str] | None:
    """The claim's value in a unit of units.csv with the same base: the published scale if listed,
    else the largest unit the value reaches, else the smallest. None if no unit has that base."""
    same_base = units[units["base_unit"] == claim.unit]
    if claim.unit is None or same_base.empty:
        return None
    value = Decimal(repr(claim.value))
    factors = {row.unit: Decimal(repr(float(row.factor))) for row in same_base.itertuples()}
    published = value / Decimal(repr(claim.number)) if claim.number else None
    exact = [unit for unit, factor in factors.items() if factor == published]
    reached = [unit for unit, factor in factors.items() if factor <= value]
    unit = (exact or sorted(reached, key=factors.get)[-1:] or sorted(factors, key=factors.get)[:1])[0]
    return decimal_text(value / factors[unit]), unit
