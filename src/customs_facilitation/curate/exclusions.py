"""Draft ``claim_exclusions.csv`` rows for the numbers of a text that are no figures to curate.

Numbers of a kind that is no figure (dates, years, labels...) are excluded by kind for the whole
text, one row per kind; a number that only measures a period the words name ("the past five
years", 过去五年) or counts units no table holds ("连续9年": years) is excluded where it stands, as
not tracked.
"""

from __future__ import annotations

from .claims import Claim
from .periods import Phrase

DURATIONS = {"years", "months", "weeks", "days", "hours", "minutes"}
NOT_TRACKED = "not_tracked"
_EXAMPLES = 3


def kind_rows(claims: list[Claim]) -> list[dict]:
    """One exclusion per kind of the numbers that are no figures, naming a few of them."""
    by_kind: dict[str, list[str]] = {}
    for claim in claims:
        if claim.kind != "quantity":
            by_kind.setdefault(claim.kind, [])
            if claim.text not in by_kind[claim.kind]:
                by_kind[claim.kind].append(claim.text)
    return [{"reason": kind, "locator": "", "value_as_published": "",
             "note": f"the {kind.replace('_', ' ')}s of the text ({', '.join(texts[:_EXAMPLES])}"
                     f"{', ...' if len(texts) > _EXAMPLES else ''})"}
            for kind, texts in by_kind.items()]


def number_row(claim: Claim, paragraph: int, note: str) -> dict:
    """An exclusion of one number where it stands, as not tracked."""
    return {"reason": NOT_TRACKED, "locator": f"paragraph {paragraph}", "value_as_published": claim.text,
            "note": note}


def period_length_note(phrase: Phrase) -> str:
    return f"the length of the period {phrase.text!r} names, not a figure"


def untracked_duration_note(claim: Claim) -> str:
    return f"a count of {claim.unit}, not tracked: units.csv has no unit for {claim.unit}"
