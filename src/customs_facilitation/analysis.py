"""Tables the notebooks show: figures with their context, picked, compared and derived."""

import pandas as pd

from . import narrative
from .derive import implied_base_levels, share_of_total
from .load import RELIABILITY_TIERS, load_indicators, load_measures, load_observations, load_sources


def figures(as_of=None, min_reliability="low", data_dir=None, **filters) -> pd.DataFrame:
    """Observations as they stood on ``as_of``, with indicator name and topic and source details."""
    obs = load_observations(data_dir, as_of=as_of, min_reliability=min_reliability, **filters)
    indicators = load_indicators(data_dir)[["indicator_id", "name", "topic"]]
    sources = load_sources(data_dir)[["source_id", "outlet", "published_date", "reliability", "url"]]
    return obs.merge(indicators, on="indicator_id", how="left").merge(sources, on="source_id", how="left")


def pick(figs: pd.DataFrame, indicator: str, start: str, end: str, need: str = "value") -> pd.Series | None:
    """The most reliable figure (then the earliest published) for an indicator and exact period."""
    rows = figs[(figs["indicator_id"] == indicator) & (figs["period_start"] == pd.Period(start, "M"))
                & (figs["period_end"] == pd.Period(end, "M")) & figs[need].notna()]
    return most_reliable(rows)


def most_reliable(rows: pd.DataFrame) -> pd.Series | None:
    """The row from the most reliable source (then the earliest published), or None if empty."""
    if rows.empty:
        return None
    rank = rows["reliability"].astype(str).map(RELIABILITY_TIERS.index)
    return rows.assign(rank=rank).sort_values(["rank", "published_date", "observation_id"]).iloc[0]


OPERATION_FIGURES = [
    ("special_operation_launching_bodies", "government bodies launching it"),
    ("special_operation_departments", "departments taking part"),
    ("special_operation_departments_besides_gacc", "departments taking part besides GACC"),
    ("special_operation_pilot_cities", "pilot cities"),
    ("special_operation_measures", "measures"),
    ("special_operation_key_tasks", "key tasks"),
]


def operation_at_a_glance(figs: pd.DataFrame) -> tuple[str, list[str]]:
    """Markdown on the latest yearly special operation with figures, and the ids it cites."""
    yearly = figs[figs["indicator_id"].isin([i for i, _ in OPERATION_FIGURES]) & figs["value"].notna()
                  & (figs["period_start"].dt.year == figs["period_end"].dt.year)]
    if yearly.empty:
        return "No curated figure on a yearly special operation was published by then.", []
    year = int(yearly["period_start"].dt.year.max())
    this_year = yearly[yearly["period_start"].dt.year == year]
    launch_months = this_year.loc[this_year["period_start"] == this_year["period_end"], "period_start"]
    launched = f", launched in {narrative.period(launch_months.min(), launch_months.min())}" if len(launch_months) else ""
    parts, ids = [], []
    for indicator, words in OPERATION_FIGURES:
        row = most_reliable(this_year[this_year["indicator_id"] == indicator])
        if row is not None:
            parts.append(f"**{narrative.number(row['value'])}** {words} ({narrative.citation(row)}, {row['observation_id']})")
            ids.append(row["observation_id"])
    return f"The {year} operation{launched}: " + "; ".join(parts) + ".", ids


def reliability_caveat(rows: pd.DataFrame, label: str) -> str:
    """A sentence naming the rows (by ``label``) whose sources rank below state media, or ''."""
    weaker = rows[rows["reliability"].isin(["repost", "secondary", "low"])]
    if weaker.empty:
        return ""
    listed = ", ".join(f"{getattr(r, label)} ({r.reliability})" for r in weaker.itertuples())
    return f"Figures from sources rated below state media: {listed}."


def page_intro(as_of, min_reliability: str, figs: pd.DataFrame, focus: str | None = None) -> str:
    """The first sentence of every page: the data's date, the reliability kept, the focus."""
    stated = f"as the data stood on {narrative.date(as_of)}" if as_of is not None else "with all curated data"
    text = (f"This page is built {stated}, from sources rated *{min_reliability}* or better: "
            f"{len(figs)} figures from {figs['source_id'].nunique()} sources qualify")
    return text + (f"; {focus} is in focus." if focus else ".")


def figure_table(figs: pd.DataFrame) -> pd.DataFrame:
    """One line per figure in words: what, period, level, change, source, reliability."""
    return pd.DataFrame({
        "id": figs["observation_id"],
        "figure": figs["name"],
        "period": [narrative.period(s, e) for s, e in zip(figs["period_start"], figs["period_end"])],
        "level": [narrative.level(v, u, q) for v, u, q in zip(figs["value"], figs["unit"], figs["qualifier"])],
        "change": [narrative.change(c, u, b) for c, u, b in zip(figs["change"], figs["change_unit"], figs["change_basis"])],
        "source": [f"{o}, {narrative.date(d)}" for o, d in zip(figs["outlet"], figs["published_date"])],
        "reliability": figs["reliability"].astype(str),
    }).reset_index(drop=True)


def implied_levels_table(figs: pd.DataFrame) -> pd.DataFrame:
    """Each figure beside the base-period level its change implies (derived by us)."""
    derived = implied_base_levels(figs)
    return pd.DataFrame({
        "id": derived["observation_id"],
        "period": [narrative.period(s, e) for s, e in zip(derived["period_start"], derived["period_end"])],
        "published level": [narrative.level(v, u) for v, u in zip(derived["value"], derived["unit"])],
        "published change": [narrative.change(c, "percent", b) for c, b in zip(derived["change"], derived["change_basis"])],
        "base period": [narrative.period(s, e) for s, e in zip(derived["base_period_start"], derived["base_period_end"])],
        "implied base level (derived by us)": [narrative.level(v, u, digits=4)
                                               for v, u in zip(derived["implied_base_value"], derived["unit"])],
    })


def measures_by_aspect(as_of=None, data_dir=None) -> dict[str, pd.DataFrame]:
    """The seed's measures grouped under its four aspects, in the article's order."""
    measures = load_measures(data_dir, as_of=as_of)
    return {aspect: group[["name", "kind", "action", "related_indicator_id"]].reset_index(drop=True)
            for aspect, group in measures.groupby("aspect", sort=False)}


def series(figs: pd.DataFrame, indicators: list[str]) -> pd.DataFrame:
    """Levels of some indicators over time, one point per figure, for charts.

    Points are placed at the period's last month; the label says the period in words.
    """
    rows = figs[figs["indicator_id"].isin(indicators) & figs["value"].notna()]
    return pd.DataFrame({
        "indicator": rows["name"],
        "period": [narrative.period(s, e) for s, e in zip(rows["period_start"], rows["period_end"])],
        "date": rows["period_end"].dt.to_timestamp(how="end").dt.strftime("%Y-%m-%d"),
        "value": rows["value"].astype(float),
        "unit": rows["unit"],
        "qualifier": rows["qualifier"],
        "id": rows["observation_id"],
        "source": rows["outlet"],
        "reliability": rows["reliability"].astype(str),
    }).sort_values(["indicator", "date", "id"]).reset_index(drop=True)


def bounds_note(points: pd.DataFrame) -> str:
    """Say which plotted points are lower bounds or estimates, in the data's own words."""
    flagged = points[points["qualifier"] != "exact"]
    return "; ".join(f"{row.id} ({narrative.level(row.value, row.unit, row.qualifier)}) is plotted at that value"
                     for row in flagged.itertuples())


def source_line(figs: pd.DataFrame) -> str:
    """'Sources: ...' naming each outlet once, with the observation ids it supplied."""
    if figs.empty:
        return "Sources: none"
    by_outlet = figs.groupby("outlet", sort=True)["observation_id"].apply(lambda ids: ", ".join(sorted(ids)))
    return "Sources: " + "; ".join(f"{outlet} ({ids})" for outlet, ids in by_outlet.items())


def aspect_summary(figs: pd.DataFrame, as_of=None, data_dir=None) -> list[str]:
    """Markdown lines: each aspect of the seed, its measures, and the seed figures reported beside them."""
    seed_ids = set(load_sources(data_dir).query("text_path.notna()")["source_id"])
    seed_figs = figs[figs["source_id"].isin(seed_ids)]
    lines = []
    for aspect, measures in measures_by_aspect(as_of=as_of, data_dir=data_dir).items():
        lines.append(f"**{aspect.replace('_', ' ').capitalize()}**: {len(measures)} measures or pilots named: "
                     + "; ".join(f"{m.name} ({m.action})" for m in measures.itertuples()) + ".")
        for indicator in measures["related_indicator_id"].dropna():
            for row in seed_figs[seed_figs["indicator_id"] == indicator].itertuples():
                said = narrative.level(row.value, row.unit, row.qualifier)
                if pd.notna(row.change):
                    said += f", {narrative.change(row.change, row.change_unit, row.change_basis)}"
                lines.append(f"- Reported beside them: {row.name}, {narrative.period(row.period_start, row.period_end)}: "
                             f"{said} ({row.observation_id}).")
    return lines


def setup_display() -> None:
    """Show whole tables: every row, every column, whole cell texts (sources and notes are long)."""
    for option in ("display.max_colwidth", "display.max_rows", "display.max_columns"):
        pd.set_option(option, None)


def cumulative_totals(figs: pd.DataFrame, year: int, units: pd.DataFrame) -> pd.DataFrame:
    """Goods trade, exports and imports for periods starting in January of ``year``, for a chart.

    Values are converted to the unit most of them were published in, named in ``unit``.
    """
    totals = series(figs, ["goods_trade", "exports", "imports"])
    starts = figs.set_index("observation_id")["period_start"]
    totals = totals[totals["id"].map(starts) == pd.Period(f"{year}-01", "M")].reset_index(drop=True)
    if totals.empty:
        return totals
    factors = units.set_index("unit")["factor"].astype(float)
    target = totals["unit"].mode().iloc[0]
    return totals.assign(value=totals["value"] * totals["unit"].map(factors) / factors[target], unit=target)


def comparison(figs: pd.DataFrame, units: pd.DataFrame, part: pd.Series | None, total: pd.Series | None) -> str:
    """A sentence giving one figure as a share of another (derived by us), or why it cannot."""
    if part is None or total is None:
        missing = "the part" if part is None else "the total"
        return f"Not computed: {missing} is not among the curated figures for this period, date and reliability."
    share = share_of_total(figs, units, part["observation_id"], total["observation_id"])
    def said(row):
        return f"{narrative.level(row['value'], row['unit'])}, {row['observation_id']}, source rated {row['reliability']}"

    return (f"{part['name'].capitalize()} ({said(part)}) is **{share['share_percent']:.3g} percent** of "
            f"{total['name']} ({said(total)}): {share['derivation']}.")


def clearance_summary(clearance: pd.DataFrame) -> list[str]:
    """One sentence per clearance indicator: its earliest and latest published levels."""
    lines = []
    for _, rows in clearance[clearance["value"].notna()].groupby("indicator_id", sort=True):
        first, last = rows.iloc[0], rows.iloc[-1]
        text = (f"The {last['name']} was {narrative.level(first['value'], first['unit'])} in "
                f"{narrative.period(first['period_start'], first['period_end'])} ({first['observation_id']}, "
                f"source rated {first['reliability']})")
        if len(rows) > 1:
            text += (f" and {narrative.level(last['value'], last['unit'])} in "
                     f"{narrative.period(last['period_start'], last['period_end'])}")
            if pd.notna(last["change"]):
                text += f", {narrative.change(last['change'], last['change_unit'], last['change_basis'])}"
            text += f" ({last['observation_id']}, source rated {last['reliability']})"
        lines.append(text + ".")
    return lines


def checks_in_scope(results: pd.DataFrame, figs: pd.DataFrame) -> pd.DataFrame:
    """The check results whose every figure is among ``figs`` (so a page checks what it shows)."""
    shown = set(figs["observation_id"])
    inside = [set(inputs.split(" ")) | {published} <= shown
              for inputs, published in zip(results["inputs"], results["published_id"])]
    return results[inside].reset_index(drop=True)


def checks_table(results: pd.DataFrame) -> pd.DataFrame:
    """Check results in words: computed range against the published figure's range."""
    def rng(low, high):
        return f"{low:.6g} to {high:.6g}"

    return pd.DataFrame({
        "check": results["check_id"],
        "kind": results["kind"],
        "figures": results["inputs"] + " vs " + results["published_id"],
        "computed (range)": [f"{m:.6g} ({rng(lo, hi)})" for m, lo, hi in
                             zip(results["computed"], results["computed_low"], results["computed_high"])],
        "published (range)": [f"{m:g} ({rng(lo, hi)})" for m, lo, hi in
                              zip(results["published"], results["published_low"], results["published_high"])],
        "unit": results["unit"],
        "status": results["status"],
        "why": results["explanation"].fillna(""),
    })


def disagreements(results: pd.DataFrame, figs: pd.DataFrame) -> list[str]:
    """Markdown paragraphs setting side by side the figures of each check that did not pass."""
    by_id = figs.set_index("observation_id", drop=False)
    paragraphs = []
    for row in results[results["status"] != "pass"].itertuples():
        ids = dict.fromkeys(row.inputs.split(" ") + [row.published_id])
        shown = "; ".join(f"{oid}: {by_id.loc[oid, 'name']}, "
                          f"{narrative.period(by_id.loc[oid, 'period_start'], by_id.loc[oid, 'period_end'])}, "
                          f"{narrative.figure(by_id.loc[oid])}" for oid in ids)
        paragraphs.append(f"**{row.check_id}** ({row.status}): {shown}. Computed {row.computed:.4g} {row.unit} "
                          f"against {row.published:g} published. Why: {row.explanation}")
    return paragraphs


def source_table(sources: pd.DataFrame) -> pd.DataFrame:
    """Sources in words: outlet, title, date, language, reliability, address."""
    return pd.DataFrame({
        "source": sources["source_id"],
        "outlet": sources["outlet"],
        "title (our words)": sources["title"],
        "published": sources["published_date"].map(narrative.date),
        "language": sources["language"],
        "reliability": sources["reliability"].astype(str),
        "url": sources["url"].fillna("(not kept)"),
    }).reset_index(drop=True)


def page_sources(figs: pd.DataFrame, shown_ids, data_dir=None) -> pd.DataFrame:
    """The sources behind the figures a page showed (by observation id), in words."""
    used = figs.loc[figs["observation_id"].isin(set(shown_ids)), "source_id"]
    sources = load_sources(data_dir)
    return source_table(sources[sources["source_id"].isin(used)].sort_values("published_date"))
