"""The claims of a text as a table: values as people write them, or every field for scripts."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, fields
from decimal import Decimal

import pandas as pd

from .audit import paragraph_of
from .claims import Claim

_WORD_SCALES = ((12, "trillion"), (9, "billion"), (6, "million"))
READABLE_COLUMNS = ["paragraph", "text", "kind", "value", "unit", "qualifier", "direction", "curated_as"]
MACHINE_COLUMNS = ["paragraph", *(f.name for f in fields(Claim)), "curated_as"]


def decimal_text(number: Decimal) -> str:
    """A decimal without exponent or trailing zeros: Decimal('2.56990E+2') -> '256.99'."""
    return f"{number.normalize():f}"


def _grouped(number: Decimal) -> str:
    """A decimal with its thousands separated: 3776 -> '3,776'."""
    integer, _, fraction = decimal_text(number).partition(".")
    return f"{int(integer):,}" + (f".{fraction}" if fraction else "")


def readable_number(value: float) -> str:
    """A number as people write it: 2.5699e11 -> '256.99 billion', 3776 -> '3,776'.

    At most 12 significant digits are shown (a third is 33.3333333333).

    Example:
        >>> readable_number(45_470_000_000_000.0), readable_number(3776.0), readable_number(67_410_000.0)
        ('45.47 trillion', '3,776', '67.41 million')
    """
    number = Decimal(format(value, ".12g"))
    for power, word in _WORD_SCALES:
        if abs(number) >= Decimal(10) ** power:
            return f"{_grouped(number.scaleb(-power))} {word}"
    return _grouped(number)


def readable_table(text: str, claims: list[Claim], curated_as: list[str]) -> pd.DataFrame:
    """One row per claim, for people: quantities as written in words, other kinds without a value."""
    return pd.DataFrame(
        [{"paragraph": paragraph_of(text, c.start), "text": c.text, "kind": c.kind,
          "value": readable_number(c.value) if c.kind == "quantity" else "", "unit": c.unit,
          "qualifier": c.qualifier, "direction": c.direction, "curated_as": mark}
         for c, mark in zip(claims, curated_as)],
        columns=READABLE_COLUMNS,
    )


def machine_records(text: str, claims: list[Claim], curated_as: list[str]) -> list[dict]:
    """One record per claim with every field, numbers as numbers (NaN as None), for CSV or JSON."""
    records = []
    for claim, mark in zip(claims, curated_as):
        record = {"paragraph": paragraph_of(text, claim.start), **asdict(claim), "curated_as": mark}
        records.append({k: None if isinstance(v, float) and math.isnan(v) else v for k, v in record.items()})
    return records


def as_csv(records: list[dict]) -> str:
    """The records as CSV text, columns in field order."""
    return pd.DataFrame(records, columns=MACHINE_COLUMNS).to_csv(index=False)


def as_json(records: list[dict]) -> str:
    """The records as a JSON array, Chinese text kept readable."""
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
