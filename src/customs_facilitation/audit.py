"""Account for every number in the source texts we hold: curated, or excluded with a reason.

A claim found by :func:`customs_facilitation.claims.find_claims` is *curated* when an observation
of the same source, located in the same paragraph, publishes that number as its value or its
change; it is *excluded* when ``claim_exclusions.csv`` lists it; otherwise it is *unaccounted*.
"""

import pandas as pd

from .claims import Claim, find_claims
from .package import load_package
from .paths import resolve_data_dir

PERCENT_UNITS = {"percent", "percentage_points"}


def paragraph_of(text: str, offset: int) -> int:
    """The paragraph (line, counted from 1) that holds character ``offset``."""
    return text.count("\n", 0, offset) + 1


def matching_observations(claim: Claim, candidates: pd.DataFrame) -> list[str]:
    """Ids of the observations among ``candidates`` that publish the claim's number."""
    if claim.unit in PERCENT_UNITS:
        hits = candidates["change"] == claim.number
    else:
        hits = candidates["value"] == claim.number
    return sorted(candidates.loc[hits.fillna(False).astype(bool), "observation_id"])


def audit(data_dir=None) -> pd.DataFrame:
    """One row per claim in every held source text, with its status and what accounts for it."""
    data_dir = resolve_data_dir(data_dir)
    tables = load_package(data_dir)
    obs, exclusions = tables["observations"], tables["claim_exclusions"]
    rows = []
    for source in tables["sources"].dropna(subset=["text_path"]).itertuples():
        text = (data_dir / source.text_path).read_text(encoding="utf-8")
        own = obs[obs["source_id"] == source.source_id]
        excluded = exclusions[exclusions["source_id"] == source.source_id]
        for claim in find_claims(text):
            paragraph = paragraph_of(text, claim.start)
            here = own[own["locator"] == f"paragraph {paragraph}"]
            matched = matching_observations(claim, here)
            reason = excluded.loc[(excluded["paragraph"] == paragraph) & (excluded["text"] == claim.text), "reason"]
            status = "curated" if matched else ("excluded" if len(reason) else "unaccounted")
            rows.append({"source_id": source.source_id, "paragraph": paragraph, "text": claim.text,
                         "number": claim.number, "unit": claim.unit, "qualifier": claim.qualifier,
                         "direction": claim.direction, "status": status,
                         "accounted_by": ", ".join(matched) if matched else (reason.iloc[0] if len(reason) else "")})
    return pd.DataFrame(rows)


def curated_matches(claims: list[Claim], data_dir=None) -> list[str]:
    """For each claim of any text, the curated observations that publish the same quantity.

    Levels compare in base units (so "RMB 256.99 billion" meets 256.99 "CNY billion");
    percentages compare with published changes and percent values.
    """
    tables = load_package(resolve_data_dir(data_dir))
    obs = tables["observations"]
    factors = obs["unit"].map(tables["units"].set_index("unit")["factor"])
    in_base = obs["value"] * factors
    marks = []
    for claim in claims:
        if claim.unit in PERCENT_UNITS:
            hits = (obs["change"] == claim.number) | ((obs["unit"] == "percent") & (obs["value"] == claim.number))
        elif claim.unit in ("date", "year", "ordinal"):
            hits = pd.Series(False, index=obs.index)
        else:
            hits = (in_base - claim.value).abs() <= 1e-9 * max(abs(claim.value), 1)
        marks.append(", ".join(sorted(obs.loc[hits.fillna(False).astype(bool), "observation_id"])))
    return marks
