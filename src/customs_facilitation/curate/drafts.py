"""Draft rows for the curated tables from a press release: nearly final, for a curator to finish.

A draft is a CSV with one row per figure of the text that is neither curated nor excluded, in the
columns of ``observations.csv`` (read from ``datapackage.json``), and one row per number to
exclude, between four columns of its own:

- ``action``: ``add`` (a new figure), ``upgrade`` (a figure already curated from this source,
  now located in the held text), ``exclude`` (into ``claim_exclusions.csv``), or empty to skip;
- ``decide``: what the curator must still decide, row by row; ``accept`` takes a kept row only
  once it is empty;
- ``reason``: an exclusion's reason; ``sentence``: the source's sentence, for the curator's eyes
  only (third-party text is never written to the tables).

A figure's level and change come paired (:mod:`.pairs`), with the period read from the words and
the page's date and the change's basis (:mod:`.figures`), the value in a unit of ``units.csv`` by
an exact shift of the decimal point (2569.9亿元 is 256.99 "CNY billion"), the qualifier, the next
free id and a suggested indicator (:mod:`.suggest`). The note says, in our words, what was read
rather than written (a basis by convention, a yearly average); its Chinese twin ``note_zh``, the
column beside it, is left empty for the curator to write (``accept`` refuses a note without it).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd

from ..data.package import load_cells_as_written, load_package
from ..data.schema import read_descriptor, resource
from ..paths import resolve_data_dir
from .audit import account_for, paragraph_of
from .claims import Claim
from .exclusions import (
    DURATIONS,
    NOT_TRACKED,
    kind_rows,
    number_row,
    period_length_note,
    untracked_duration_note,
)
from .figures import Reading, read_figures
from .listing import decimal_text
from .periods import period_phrases
from .suggest import IndicatorIndex, words
from .upgrades import same_figure

ACTIONS = ("add", "upgrade", "exclude")
ID_PREFIX = "T"
"""Figures read in a held text other than the seed take ids T01, T02, ..."""
_PRELIMINARY = re.compile(r"初步|preliminary|estimate", re.IGNORECASE)
_QUALIFIER_WORDS = {"at_least": "more than", "about": "about", "at_most": "at most"}
_SURE = 0.35
"""A suggested indicator scoring less than this is looked for with the clause before it too."""


def observation_columns(data_dir) -> list[str]:
    """The columns of ``observations.csv`` as ``datapackage.json`` declares them."""
    return [field["name"] for field in resource(read_descriptor(data_dir), "observations")["schema"]["fields"]]


def draft_columns(data_dir) -> list[str]:
    """A draft's columns: action and decide, those of ``observations.csv``, reason and sentence."""
    return ["action", "decide", *observation_columns(data_dir), "reason", "sentence"]


def draft_rows(text: str, source_id: str, data_dir=None, published: date | None = None) -> pd.DataFrame:
    """The draft for the numbers of ``text`` that ``source_id`` has not accounted for.

    Args:
        text: The held text of the source.
        source_id: Its row in ``sources.csv``.
        data_dir: A data folder; default the curated data.
        published: The page's date; default the source's ``published_date``.

    Example:
        >>> rows = draft_rows("全年进出口45.47万亿元，增长3.8%。", "new-release", published=date(2026, 1, 14))
        >>> rows[["action", "value", "unit", "change", "change_basis", "period_start", "period_end"]].values.tolist()
        [['add', '45.47', 'CNY trillion', '3.8', 'year_on_year', '2025-01', '2025-12']]
    """
    data_dir = resolve_data_dir(data_dir)
    tables = load_package(data_dir)
    if published is None:
        published = _published(tables["sources"], source_id)
    open_claims = {e["claim"].start: e["claim"] for e in account_for(text, source_id, tables)
                   if e["status"] == "unaccounted"}
    drafter = _Drafter(tables, data_dir, source_id, published, text)
    readings = read_figures(text, published)
    repeated = _repeats(readings)
    rows = []
    for i, reading in enumerate(readings):
        if not any(c.start in open_claims for c in reading.figure.claims):
            continue
        if i in repeated:
            kept = readings[repeated[i]]
            given = " + ".join(c.text for c in kept.figure.claims)
            row = drafter.repeat_row(reading, open_claims, f"repeats {given} of paragraph {kept.paragraph}")
            if reading.figure.level is None:  # a change alone may be another figure's equal change
                row["decide"] = f"the same figure as {given} of paragraph {kept.paragraph}? If not, add it as a figure"
            rows.append(row)
        else:
            rows.append(drafter.figure_row(reading, readings[i - 1] if i else None, open_claims))
    rows += drafter.exclusion_rows(list(open_claims.values()))
    columns = draft_columns(data_dir)
    return pd.DataFrame([{column: row.get(column, "") for column in columns} for row in rows], columns=columns)


def _repeats(readings: list[Reading]) -> dict[int, int]:
    """The figures that repeat another of the same period (a headline's "3.8%" before the body's
    "CNY45.47 trillion, up 3.8 percent"), each with the one it repeats: the fuller, else the first."""
    def parts(reading: Reading) -> set[tuple]:
        level, change = reading.figure.level, reading.figure.change
        return ({("level", level.unit, level.value)} if level else set()) | (
            {("change", change.unit, _signed(change))} if change else set())

    repeated = {}
    for i, reading in enumerate(readings):
        for j, other in enumerate(readings):
            if j != i and other.period == reading.period and parts(reading) <= parts(other) \
                    and (len(parts(other)) > len(parts(reading)) or j < i):
                repeated[i] = j
                break
    return repeated


def _published(sources: pd.DataFrame, source_id: str) -> date | None:
    day = sources.loc[sources["source_id"] == source_id, "published_date"]
    return None if day.empty or pd.isna(day.iloc[0]) else day.iloc[0].date()


class _Drafter:
    """What drafting one text needs to know: the tables, the indicators' words, the next id."""

    def __init__(self, tables: dict[str, pd.DataFrame], data_dir: Path, source_id: str, published: date | None,
                 text: str):
        self.tables, self.source_id, self.published, self.text = tables, source_id, published, text
        self.units = tables["units"]
        self.cells = load_cells_as_written(data_dir)["observations"].set_index("observation_id", drop=False)
        self.index = IndicatorIndex(tables, data_dir)
        taken = [int(i[1:]) for i in tables["observations"]["observation_id"] if i[0] == ID_PREFIX]
        self.next_id = max(taken, default=0) + 1

    def figure_row(self, reading: Reading, previous: Reading | None, open_claims: dict[int, Claim]) -> dict:
        """The draft row of one figure: an addition, an upgrade of a curated row, or an exclusion."""
        level, change = reading.figure.level, reading.figure.change
        row = {"action": "add", "source_id": self.source_id, "locator": f"paragraph {reading.paragraph}",
               "checked": "text_held", "sentence": reading.figure.claims[0].sentence}
        if level and change is None and level.unit in DURATIONS and level.unit not in set(self.units["base_unit"]):
            return {**row, "action": "exclude", **number_row(level, reading.paragraph, untracked_duration_note(level))}
        decide, notes = [], []
        curated = [c.text for c in reading.figure.claims if c.start not in open_claims]
        if curated:
            decide.append(f"{' and '.join(curated)} already curated: keep the rest only, or skip the row")
        if reading.figure.unpaired:
            decide.append(f"pair: {reading.figure.unpaired}, so none of them was paired; where a change belongs "
                          "to a level, fill the level's row with it and skip the change's own row")
        if level:
            row.update(self._level(level, reading, decide, notes))
        if change:
            row.update(self._change(change, reading, decide, notes))
        row["qualifier"] = self._qualifier(level, change, decide, notes)
        match, others = same_figure(self.tables["observations"], self.units, self.source_id, reading.period,
                                    level.value if level else None, _signed(change) if change and not level else None)
        if match and self.cells.loc[match, "checked"] == "text_held":
            return self.repeat_row(reading, open_claims, f"{match} again, as in its {self.cells.loc[match, 'locator']}")
        if match:
            return self._upgrade(row, match, change, decide)
        row.update(self._period(reading, decide))
        if others:
            decide.append(f"period: {', '.join(others)} of this source has the same value in another period; "
                          "if it is the same figure, make this row an upgrade of it")
        decide.insert(0, self._indicator(row, reading, previous, level))
        row.update(observation_id=f"{ID_PREFIX}{self.next_id:02d}", note="; ".join(notes), decide="; ".join(decide))
        self.next_id += 1
        return row

    def _level(self, level: Claim, reading: Reading, decide: list[str], notes: list[str]) -> dict:
        listed = _in_a_listed_unit(level, self.units)
        if listed is None:
            decide.append(_no_unit(level, self.units))
            listed = decimal_text(Decimal(repr(level.value))), ""
        if level.direction:
            decide.append(f"value: published as an {level.direction} of this amount, not a level")
        if reading.average:
            notes.append("a yearly average over the period")
        return {"value": listed[0], "unit": listed[1], "value_as_published": level.text}

    def _change(self, change: Claim, reading: Reading, decide: list[str], notes: list[str]) -> dict:
        if reading.average:
            decide.append("change_basis: a yearly average rate, which change_basis cannot say; drop the change, "
                          "or exclude the row")
        elif reading.basis is None:
            decide.append("change_basis: not written; year_on_year, month_on_month, quarter_on_quarter or "
                          "versus_YYYY")
        elif reading.basis_read == "paragraph":
            notes.append("the basis is not written beside the change; read from the paragraph's earlier change")
        elif reading.basis_read == "convention":
            notes.append("the basis is not written; read as year on year, as customs releases compare")
        return {"change": decimal_text(Decimal(repr(_signed(change)))), "change_unit": change.unit,
                "change_basis": reading.basis or "", "change_as_published": change.text}

    def _qualifier(self, level: Claim | None, change: Claim | None, decide: list[str], notes: list[str]) -> str:
        """The level's qualifier (the change's where only a change is published)."""
        qualifier = (level or change).qualifier
        if level and change and change.qualifier != "exact":
            notes.append(f"the change is published as {_QUALIFIER_WORDS[change.qualifier]} {change.text}")
        if qualifier == "at_most":
            decide.append("qualifier: published as at most this, which qualifier cannot say; exclude the row, "
                          "or note it")
            return ""
        if qualifier == "exact" and _PRELIMINARY.search((level or change).sentence):
            return "preliminary"
        return qualifier

    def _period(self, reading: Reading, decide: list[str]) -> dict:
        if not reading.period_words:
            decide.append("period: no words name it; the page's month is proposed" if reading.period
                          else "period: no words name it and the page shows no date")
        elif self.published is None:
            decide.append(f"period: read from {reading.period_words!r}; the page shows no date to check its year")
        start, end = reading.period or ("", "")
        return {"period_start": start, "period_end": end}

    def _indicator(self, row: dict, reading: Reading, previous: Reading | None, level: Claim | None) -> str:
        """Fill indicator_id with the best suggestion; return what the curator must decide about it."""
        unit = None
        if level is not None:
            units = self.units.set_index("unit")["base_unit"]
            unit = units.get(row["unit"], level.unit)
        found = self.index.suggest(reading.words, unit, own=reading.own)
        if previous is not None and (not found or found[0][1] < _SURE or _a_share_of(reading, previous, self.index)):
            found = self.index.suggest(f"{previous.words} {reading.words}", unit, own=reading.own) or found
        if not found:
            return "indicator_id: none suggested; choose one of indicators.csv, or add one"
        row["indicator_id"] = found[0][0]
        others = ", ".join(indicator for indicator, _ in found[1:])
        return f"indicator_id: {found[0][0]}?" + (f" (or {others})" if others else "")

    def _upgrade(self, row: dict, match: str, change: Claim | None, decide: list[str]) -> dict:
        """The curated row ``match`` located in the held text: its cells as written, with the
        paragraph, the numbers as the text writes them and checked text_held."""
        curated = self.cells.loc[match].to_dict()
        upgraded = {**curated, "action": "upgrade", "locator": row["locator"], "checked": "text_held",
                    "value_as_published": row.get("value_as_published", ""),
                    "change_as_published": row.get("change_as_published", ""), "sentence": row["sentence"]}
        if curated["change"] and change is None:
            upgraded["checked"] = curated["checked"]
            decide.append(f"change: {match} has a change this sentence does not give; checked stays "
                          f"{curated['checked']}")
        elif change is not None and curated["change"] != row["change"]:
            upgraded.update({k: row[k] for k in ("change", "change_unit", "change_basis")})
            decide.append(f"change: the sentence gives {change.text}; {match} has "
                          f"{curated['change'] or 'none'}")
        upgraded["decide"] = "; ".join(decide)
        return upgraded

    def repeat_row(self, reading: Reading, open_claims: dict[int, Claim], note: str) -> dict:
        """A figure the text gives again, excluded where it stands as not tracked."""
        level, change = reading.figure.level, reading.figure.change
        return {"action": "exclude", "source_id": self.source_id, "locator": f"paragraph {reading.paragraph}",
                "value_as_published": level.text if level and level.start in open_claims else "",
                "change_as_published": change.text if change and change.start in open_claims else "",
                "reason": NOT_TRACKED, "note": note, "sentence": reading.figure.claims[0].sentence}

    def exclusion_rows(self, open_claims: list[Claim]) -> list[dict]:
        """Exclusions for the numbers that are no figures: by kind, and the lengths of named periods."""
        phrases = period_phrases(self.text)
        rows = kind_rows(open_claims)
        for claim in open_claims:
            phrase = next((p for p in phrases if p.start <= claim.start and claim.end <= p.end), None)
            if claim.kind == "quantity" and phrase is not None:
                rows.append(number_row(claim, paragraph_of(self.text, claim.start), period_length_note(phrase)))
        return [{"action": "exclude", "source_id": self.source_id, "sentence": "", **row} for row in rows]


def _a_share_of(reading: Reading, previous: Reading, index: IndicatorIndex) -> bool:
    """Whether a figure is a share of the one before it in its sentence, naming no partner of its own:
    "trade with ASEAN reached 5.7 trillion yuan, accounting for 15.7 percent of the total"."""
    return previous.figure.claims[0].sentence == reading.figure.claims[0].sentence \
        and "share" in words(reading.words) and not index.telling_name_in(reading.own or reading.words)


def _signed(change: Claim) -> float:
    return -change.number if change.direction == "decrease" else change.number


_EXCLUDE = "make the row an exclusion (action exclude, reason not_tracked, a note in your words on what it is)"
_UNIT_WORDS = {"percentage_points": "percentage points"}


def _no_unit(level: Claim, units: pd.DataFrame) -> str:
    """What the curator is to do with a level no unit of units.csv holds, plainly.

    Example:
        >>> units = pd.DataFrame({"unit": ["CNY billion"], "base_unit": ["CNY"], "factor": [1e9]})
        >>> from .claims import find_claims
        >>> _no_unit(find_claims("a rise of 4 percentage points")[0], units)[:80]
        'unit: no unit of units.csv is in percentage points, which measure a change of a '
    """
    if level.unit is None:
        return f"unit: the text gives this number no unit; fill unit with one of units.csv, or {_EXCLUDE}"
    named = _UNIT_WORDS.get(level.unit, level.unit)
    same_base = units.loc[units["base_unit"] == level.unit, "unit"].tolist()
    if same_base:
        return (f"unit: the units of units.csv in {named} ({', '.join(same_base)}) are all larger than this value; "
                f"add a smaller one to units.csv, or {_EXCLUDE}")
    if level.unit == "percentage_points":
        return (f"unit: no unit of units.csv is in {named}, which measure a change of a rate, not a level: put it as "
                f"the change (change_unit percentage_points) of its rate's row, or {_EXCLUDE}")
    return f"unit: no unit of units.csv is in {named}; to keep the figure add one to units.csv, or {_EXCLUDE}"


def _in_a_listed_unit(claim: Claim, units: pd.DataFrame) -> tuple[str, str] | None:
    """The claim's value in a unit of units.csv with the same base: the published scale if listed,
    else the largest unit the value reaches. None if no unit fits (never 6.52e-12 "USD trillion")."""
    same_base = units[units["base_unit"] == claim.unit]
    if claim.unit is None or same_base.empty:
        return None
    value = Decimal(repr(claim.value))
    factors = {row.unit: Decimal(repr(float(row.factor))) for row in same_base.itertuples()}
    published = value / Decimal(repr(claim.number)) if claim.number else None
    exact = [unit for unit, factor in factors.items() if factor == published]
    reached = sorted((unit for unit, factor in factors.items() if factor <= value), key=factors.get)
    unit = (exact or reached[-1:] or [None])[0]
    return None if unit is None else (decimal_text(value / factors[unit]), unit)
