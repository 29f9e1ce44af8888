"""Sentences a page says about its figures, every figure cited with its observation id."""

import pandas as pd

from ..data.load import RELIABILITY_TIERS, load_sources
from ..verify.derive import share_of_total
from . import words
from .tables import measures_by_aspect


def reliability_caveat(rows: pd.DataFrame, label: str) -> str:
    """A sentence naming the rows (by ``label``) whose sources rank below state media, or ''."""
    weaker = rows[rows["reliability"].isin(RELIABILITY_TIERS[RELIABILITY_TIERS.index("state_media") + 1:])]
    if weaker.empty:
        return ""
    listed = ", ".join(f"{getattr(r, label)} ({r.reliability})" for r in weaker.itertuples())
    return f"Figures from sources rated below state media: {listed}."


def page_intro(as_of, min_reliability: str, figs: pd.DataFrame, focus: str | None = None, undated: int = 0) -> str:
    """The first sentence of every page: the data's date, the reliability kept, the focus, and how
    many figures a dated page leaves out because their source shows no date (``undated``)."""
    stated = f"as the data stood on {words.date(as_of)}" if as_of is not None else "with all curated data"
    text = (f"This page is built {stated}, from sources rated *{min_reliability}* or better: "
            f"{len(figs)} figures from {figs['source_id'].nunique()} sources qualify")
    text += f"; {focus} is in focus." if focus else "."
    if undated:
        text += (f" Another {undated} figures are left out because their source shows no publication date, "
                 "so it cannot be shown to have been published by then.")
    return text


def bounds_note(points: pd.DataFrame) -> str:
    """Say which plotted points are lower bounds or estimates, in the data's own words."""
    flagged = points[points["qualifier"] != "exact"]
    return "; ".join(f"{row.id} ({words.level(row.value, row.unit, row.qualifier)}) is plotted at that value"
                     for row in flagged.itertuples())


def source_line(figs: pd.DataFrame, named: pd.DataFrame | None = None) -> str:
    """'Sources: ...' naming each outlet once, with the observation ids it supplied, then the
    outlets of ``named`` sources (rows of sources.csv behind what is not a figure, such as city names)."""
    parts = [] if figs.empty else [
        f"{outlet} ({ids})" for outlet, ids in
        figs.groupby("outlet", sort=True)["observation_id"].apply(lambda ids: ", ".join(sorted(ids))).items()]
    if named is not None:
        parts += sorted(set(named["outlet"]) - set(figs["outlet"]))
    return "Sources: " + ("; ".join(parts) if parts else "none")


def aspect_summary(figs: pd.DataFrame, as_of=None, data_dir=None) -> str:
    """Markdown: each aspect of the seed, its measures, and the seed figures reported beside them."""
    seed_ids = set(load_sources(data_dir).query("text_path.notna()")["source_id"])
    seed_figs = figs[figs["source_id"].isin(seed_ids)]
    lines = []
    for aspect, measures in measures_by_aspect(as_of=as_of, data_dir=data_dir).items():
        lines.append(f"**{aspect.replace('_', ' ').capitalize()}**: {len(measures)} measures or pilots named: "
                     + "; ".join(f"{m.name} ({m.action})" for m in measures.itertuples()) + ".")
        for indicator in measures["related_indicator_id"].dropna():
            for row in seed_figs[seed_figs["indicator_id"] == indicator].itertuples():
                said = words.level(row.value, row.unit, row.qualifier)
                if pd.notna(row.change):
                    said += f", {words.change(row.change, row.change_unit, row.change_basis)}"
                lines.append(f"- Reported beside them: {row.name}, {words.period(row.period_start, row.period_end)}: "
                             f"{said} ({row.observation_id}).")
    return "\n\n".join(lines) if lines else "The seed article had not been published by then."


def pilot_city_growth(cities: pd.DataFrame) -> str:
    """How the yearly count of pilot cities grew, from the first year to the last, with caveats."""
    if len(cities) < 2:
        return "Too few curated yearly figures on pilot cities were published by then to show a trend."
    first, last = cities.iloc[0], cities.iloc[-1]
    return (f"Pilot cities grew from {words.number(first['value'])} in {first['year']} to "
            f"{words.number(last['value'])} in {last['year']}. "
            + reliability_caveat(cities, "year"))


def comparison(figs: pd.DataFrame, units: pd.DataFrame, part: pd.Series | None, total: pd.Series | None) -> str:
    """A sentence giving one figure as a share of another (derived by us), or why it cannot."""
    if part is None or total is None:
        missing = "the part" if part is None else "the total"
        return f"Not computed: {missing} is not among the curated figures for this period, date and reliability."
    share = share_of_total(figs, units, part["observation_id"], total["observation_id"])
    def said(row):
        return f"{words.level(row['value'], row['unit'])}, {row['observation_id']}, source rated {row['reliability']}"

    return (f"{part['name'].capitalize()} ({said(part)}) is **{share['share_percent']:.3g} percent** of "
            f"{total['name']} ({said(total)}): {share['derivation']}.")


def clearance_summary(clearance: pd.DataFrame) -> list[str]:
    """One sentence per clearance indicator: its earliest and latest published levels."""
    lines = []
    for _, rows in clearance[clearance["value"].notna()].groupby("indicator_id", sort=True):
        first, last = rows.iloc[0], rows.iloc[-1]
        text = (f"The {last['name']} was {words.level(first['value'], first['unit'])} in "
                f"{words.period(first['period_start'], first['period_end'])} ({first['observation_id']}, "
                f"source rated {first['reliability']})")
        if len(rows) > 1:
            text += (f" and {words.level(last['value'], last['unit'])} in "
                     f"{words.period(last['period_start'], last['period_end'])}")
            if pd.notna(last["change"]):
                text += f", {words.change(last['change'], last['change_unit'], last['change_basis'])}"
            text += f" ({last['observation_id']}, source rated {last['reliability']})"
        lines.append(text + ".")
    return lines


def disagreements(results: pd.DataFrame, figs: pd.DataFrame) -> list[str]:
    """Markdown paragraphs setting side by side the figures of each check that did not pass."""
    by_id = figs.set_index("observation_id", drop=False)
    paragraphs = []
    for row in results[results["status"] != "pass"].itertuples():
        ids = dict.fromkeys(row.inputs.split(" ") + [row.published_id])
        shown = "; ".join(f"{oid}: {by_id.loc[oid, 'name']}, "
                          f"{words.period(by_id.loc[oid, 'period_start'], by_id.loc[oid, 'period_end'])}, "
                          f"{words.figure(by_id.loc[oid])}" for oid in ids)
        paragraphs.append(f"**{row.check_id}** ({row.status}): {shown}. Computed {row.computed:.4g} {row.unit} "
                          f"against {row.published:g} published. Why: {row.explanation}")
    return paragraphs


def levels_over_time(rows: pd.DataFrame) -> str:
    """'name: level (id, period); level (id, period)...' for the levels of one indicator, in time order."""
    rows = rows[rows["value"].notna()].sort_values(["period_end", "observation_id"])
    if rows.empty:
        return ""
    said = [f"{words.level(r.value, r.unit, r.qualifier)} ({r.observation_id}, "
            f"{words.period(r.period_start, r.period_end)})" for r in rows.itertuples()]
    name = rows["name"].iloc[0]
    return f"{name[:1].upper()}{name[1:]}: " + "; ".join(said) + "."


def latest_move(rows: pd.DataFrame) -> str:
    """How the last two exact levels of one indicator differ, derived by us, with both figures' notes."""
    rows = rows[rows["value"].notna() & (rows["qualifier"] == "exact")].sort_values(["period_end", "observation_id"])
    if len(rows) < 2:
        return ""
    before, last = rows.iloc[-2], rows.iloc[-1]
    difference = last["value"] - before["value"]
    move = "a fall" if difference < 0 else "a rise" if difference > 0 else "no change"
    text = (f"From {words.period(before['period_start'], before['period_end'])} to "
            f"{words.period(last['period_start'], last['period_end'])} the {last['name']} went from "
            f"{words.level(before['value'], before['unit'])} ({before['observation_id']}) to "
            f"{words.level(last['value'], last['unit'])} ({last['observation_id']}): **{move}"
            + (f" of {words.number(abs(difference))}**" if difference else "**") + " (derived by us).")
    notes = [f"{r['observation_id']}: *{r['note']}*" for r in (before, last) if pd.notna(r["note"])]
    return text + (" The sources' notes: " + "; ".join(notes) + "." if notes else "")


def latest_editions(latest: pd.DataFrame) -> str:
    """The latest edition held of each measure (one row each), oldest first: how far a view reaches."""
    said = [f"{row['name']}: {words.period(row['period_start'], row['period_end'])} ({row['observation_id']})"
            for _, row in latest.sort_values("period_end").iterrows()]
    return ("The latest edition held of each outside measure, oldest first. " + "; ".join(said) + ".") if said else ""
