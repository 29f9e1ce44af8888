"""Account for every number in the source texts we hold: curated, or excluded with a reason.

A claim found by :func:`customs_facilitation.claims.find_claims` is *curated* when an observation
of the same source, located in the same paragraph, publishes the same quantity (value or signed
change, in the same base unit) and records it as the text writes it; it is *excluded* when
``claim_exclusions.csv`` lists it; otherwise it is *unaccounted*.
"""

import pandas as pd

from ..data.package import load_package
from ..data.units import base_units, to_base_units
from ..errors import DataValidationError, Problem
from ..paths import resolve_data_dir
from .claims import Claim, find_claims

CHANGE_UNITS = {"percent", "percentage_points"}
MEASURED_UNITS = {"CNY", "USD", "TEU", "hours", "months"}
NOT_QUANTITIES = {"date", "year", "ordinal", "days", "years", "times", "tonnes"}


def paragraph_of(text: str, offset: int) -> int:
    """The paragraph (line, counted from 1) that holds character ``offset``."""
    return text.count("\n", 0, offset) + 1


def same_quantity(claim: Claim, obs: pd.DataFrame, units: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Which observations publish the claim's quantity: (as a level, as a change).

    Levels compare in base units ("RMB 256.99 billion" is 256.99 "CNY billion", not 256.99
    "CNY trillion"); changes compare with their sign (a "fall of 2.7%" is -2.7).
    """
    nothing = pd.Series(False, index=obs.index)
    if claim.unit in NOT_QUANTITIES:
        return nothing, nothing
    if claim.unit in CHANGE_UNITS:
        signed = -claim.number if claim.direction == "decrease" else claim.number
        as_change = (obs["change"] == signed) & (obs["change_unit"] == claim.unit)
        as_level = (obs["unit"] == claim.unit) & (obs["value"] == claim.number) & (claim.direction is None)
        return as_level.fillna(False).astype(bool), as_change.fillna(False).astype(bool)
    base = claim.unit if claim.unit in MEASURED_UNITS else "count"
    in_base = to_base_units(obs["value"], obs["unit"], units)
    as_level = (base_units(obs["unit"], units) == base) & ((in_base - claim.value).abs() <= 1e-9 * abs(claim.value))
    return as_level.fillna(False).astype(bool), nothing


def _written_as(column: pd.Series, text: str) -> pd.Series:
    return column.fillna("").str.contains(text, regex=False)


def audit(data_dir=None) -> pd.DataFrame:
    """One row per claim in every held source text, with its status and what accounts for it.

    Raises:
        DataValidationError: if the data is invalid or a held text is not UTF-8.
    """
    data_dir = resolve_data_dir(data_dir)
    tables = load_package(data_dir)
    obs, exclusions = tables["observations"], tables["claim_exclusions"]
    rows = []
    for source in tables["sources"].dropna(subset=["text_path"]).itertuples():
        try:
            text = (data_dir / source.text_path).read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            problem = Problem(source.text_path, f"is not UTF-8 text ({error.reason} at byte {error.start}); "
                                                "store the snapshot as UTF-8")
            raise DataValidationError([problem]) from None
        excluded = exclusions[exclusions["source_id"] == source.source_id]
        for claim in find_claims(text):
            paragraph = paragraph_of(text, claim.start)
            here = obs[(obs["source_id"] == source.source_id) & (obs["locator"] == f"paragraph {paragraph}")]
            as_level, as_change = same_quantity(claim, here, tables["units"])
            hits = (as_level & _written_as(here["value_as_published"], claim.text)) | (
                as_change & _written_as(here["change_as_published"], claim.text))
            matched = sorted(here.loc[hits, "observation_id"])
            reason = excluded.loc[(excluded["paragraph"] == paragraph) & (excluded["text"] == claim.text), "reason"]
            status = "curated" if matched else ("excluded" if len(reason) else "unaccounted")
            rows.append({"source_id": source.source_id, "paragraph": paragraph, "text": claim.text,
                         "number": claim.number, "unit": claim.unit, "qualifier": claim.qualifier,
                         "direction": claim.direction, "status": status,
                         "accounted_by": ", ".join(matched) if matched else (reason.iloc[0] if len(reason) else "")})
    return pd.DataFrame(rows)


def curated_matches(claims: list[Claim], data_dir=None) -> list[str]:
    """For each claim of any text, the curated observations that publish the same quantity."""
    tables = load_package(resolve_data_dir(data_dir))
    obs = tables["observations"]
    marks = []
    for claim in claims:
        as_level, as_change = same_quantity(claim, obs, tables["units"])
        marks.append(", ".join(sorted(obs.loc[as_level | as_change, "observation_id"])))
    return marks
