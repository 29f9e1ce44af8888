"""Account for every number in the source texts we hold: curated, or excluded with a reason.

A claim found by :func:`customs_facilitation.curate.claims.find_claims` is *curated* when an
observation of the same source, located in the same paragraph, publishes the same quantity (value
or signed change, in the same base unit) and records it as the text writes it; it is *excluded*
when a row of ``claim_exclusions.csv`` covers it; otherwise it is *unaccounted*.

An exclusion names its paragraph and text, or leaves them empty to cover any paragraph and any
text; its reason is the kind the claim must have (date, time, year, ordinal, label,
document_number), or ``not_tracked`` for a figure we do not curate. So one row can exclude every
date of a text, and a row saying "date" never hides a number the finder reads as a figure.
"""

import pandas as pd

from ..data.package import load_package
from ..data.units import base_units, to_base_units
from ..errors import DataValidationError, Problem
from ..paths import resolve_data_dir
from .claims import Claim, find_claims

CHANGE_UNITS = {"percent", "percentage_points"}
NOT_A_KIND = "not_tracked"


def paragraph_of(text: str, offset: int) -> int:
    """The paragraph (line, counted from 1) that holds character ``offset``."""
    return text.count("\n", 0, offset) + 1


def same_quantity(claim: Claim, obs: pd.DataFrame, units: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Which observations publish the claim's quantity: (as a level, as a change).

    Levels compare in base units ("RMB 256.99 billion" is 256.99 "CNY billion", not 256.99
    "CNY trillion"); changes compare with their sign (a "fall of 2.7%" is -2.7). A claim that is
    not a quantity, or whose unit the text does not give, publishes nothing.
    """
    nothing = pd.Series(False, index=obs.index)
    if claim.kind != "quantity" or claim.unit is None:
        return nothing, nothing
    if claim.unit in CHANGE_UNITS:
        signed = -claim.number if claim.direction == "decrease" else claim.number
        as_change = (obs["change"] == signed) & (obs["change_unit"] == claim.unit)
        as_level = (obs["unit"] == claim.unit) & (obs["value"] == claim.number) & (claim.direction is None)
        return as_level.fillna(False).astype(bool), as_change.fillna(False).astype(bool)
    in_base = to_base_units(obs["value"], obs["unit"], units)
    as_level = (base_units(obs["unit"], units) == claim.unit) & (
        (in_base - claim.value).abs() <= 1e-9 * abs(claim.value))
    return as_level.fillna(False).astype(bool), nothing


def _written_as(column: pd.Series, text: str) -> pd.Series:
    return column.fillna("").str.contains(text, regex=False)


def _exclusion(claim: Claim, paragraph: int, excluded: pd.DataFrame) -> tuple[str, str]:
    """(status, why) from the exclusions of the claim's source: excluded, or unaccounted."""
    here = excluded[(excluded["paragraph"] == paragraph).fillna(False) | excluded["paragraph"].isna()]
    named = here[here["text"] == claim.text]
    fits = pd.concat([named, here[here["text"].isna()]])
    fits = fits[(fits["reason"] == NOT_A_KIND) | (fits["reason"] == claim.kind)]
    if len(fits):
        row = fits.iloc[0]
        if pd.notna(row["text"]):
            return "excluded", row["reason"]
        return "excluded", row["reason"] + (" (every one in the text)" if pd.isna(row["paragraph"])
                                            else " (every one in the paragraph)")
    if len(named):
        return "unaccounted", f"listed as {named['reason'].iloc[0]} in claim_exclusions.csv, but read as {claim.kind}"
    return "unaccounted", ""


def account_for(text: str, source_id: str, tables: dict[str, pd.DataFrame]) -> list[dict]:
    """Every claim of one source's text: its paragraph, status and what accounts for it.

    A curated level or change accounts for one claim only: a second "13 percent" in the paragraph
    needs a figure, or an exclusion, of its own.
    """
    obs = tables["observations"]
    excluded = tables["claim_exclusions"][tables["claim_exclusions"]["source_id"] == source_id]
    rows, used = [], set()
    for claim in find_claims(text):
        paragraph = paragraph_of(text, claim.start)
        here = obs[(obs["source_id"] == source_id) & (obs["locator"] == f"paragraph {paragraph}")]
        as_level, as_change = same_quantity(claim, here, tables["units"])
        parts = sorted({(i, "value") for i in here.loc[as_level & _written_as(here["value_as_published"], claim.text),
                                                      "observation_id"]}
                       | {(i, "change") for i in here.loc[as_change & _written_as(here["change_as_published"],
                                                                                  claim.text), "observation_id"]})
        unused = [part for part in parts if part not in used]
        used.update(unused[:1])
        status, why = ("curated", unused[0][0]) if unused else _exclusion(claim, paragraph, excluded)
        rows.append({"claim": claim, "paragraph": paragraph, "status": status, "accounted_by": why})
    return rows


def audit(data_dir=None) -> pd.DataFrame:
    """One row per claim in every held source text, with its status and what accounts for it.

    Raises:
        DataValidationError: if the data is invalid or a held text is not UTF-8.
    """
    data_dir = resolve_data_dir(data_dir)
    tables = load_package(data_dir)
    rows = []
    for source in tables["sources"].dropna(subset=["text_path"]).itertuples():
        try:
            text = (data_dir / source.text_path).read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            problem = Problem(source.text_path, f"is not UTF-8 text ({error.reason} at byte {error.start}); "
                                                "store the snapshot as UTF-8")
            raise DataValidationError([problem]) from None
        for row in account_for(text, source.source_id, tables):
            claim = row["claim"]
            rows.append({"source_id": source.source_id, "paragraph": row["paragraph"], "text": claim.text,
                         "kind": claim.kind, "number": claim.number, "unit": claim.unit,
                         "qualifier": claim.qualifier, "direction": claim.direction, "status": row["status"],
                         "accounted_by": row["accounted_by"]})
    return pd.DataFrame(rows)


def curated_matches(claims: list[Claim], data_dir=None, source_id: str | None = None) -> list[str]:
    """For each claim of any text, the curated observations that publish the same quantity (of
    ``source_id`` only, if given: the same value elsewhere is often another figure)."""
    tables = load_package(resolve_data_dir(data_dir))
    obs = tables["observations"]
    if source_id is not None:
        obs = obs[obs["source_id"] == source_id]
    marks = []
    for claim in claims:
        as_level, as_change = same_quantity(claim, obs, tables["units"])
        marks.append(", ".join(sorted(obs.loc[as_level | as_change, "observation_id"])))
    return marks
