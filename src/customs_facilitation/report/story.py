"""The story the index opens with: the latest figure of each headline indicator, with its source,
and a paragraph that says them in words, every figure cited by its id. All from the data.
"""

from __future__ import annotations

import html

import pandas as pd

from ..notebook import words
from ..notebook.figures import most_reliable

HEADLINES = ["goods_trade", "exports", "imports", "import_clearance_time", "export_clearance_time",
             "aeo_enterprises", "special_operation_pilot_cities", "special_operation_measures"]
"""The indicators the index leads with, in the order it names them."""


def latest_figures(figs: pd.DataFrame, indicators: list[str] = HEADLINES) -> pd.DataFrame:
    """For each indicator, its figure with a level for the latest period: the latest last month,
    then the longest period, then the most reliable source (then the earliest published).
    Indicators without a level are left out; the order is that of ``indicators``."""
    picked = []
    for indicator in indicators:
        rows = figs[(figs["indicator_id"] == indicator) & figs["value"].notna()]
        if rows.empty:
            continue
        latest = rows[rows["period_end"] == rows["period_end"].max()]
        longest = latest[latest["period_start"] == latest["period_start"].min()]
        picked.append(most_reliable(longest))
    return pd.DataFrame(picked).reset_index(drop=True) if picked else figs.iloc[0:0]


def _said(row, noun: str = "") -> str:
    """'45.47 trillion yuan (+3.8% year on year; F61)', or with a ``noun`` after a count: '25 cities (S02)'."""
    text = " ".join(filter(None, [words.level(row["value"], row["unit"], row["qualifier"]), noun]))
    if pd.notna(row["change"]):
        text += f" ({words.change(row['change'], row['change_unit'], row['change_basis'])}; {row['observation_id']})"
    else:
        text += f" ({row['observation_id']})"
    return text


def summary(latest: pd.DataFrame) -> str:
    """One paragraph, in words, of the headline figures ``latest_figures`` picked."""
    by_id = {row["indicator_id"]: row for _, row in latest.iterrows()}
    sentences = []
    trade = [by_id.get(i) for i in ("goods_trade", "exports", "imports")]
    if trade[0] is not None:
        sentence = (f"In {words.period(trade[0]['period_start'], trade[0]['period_end'])} China's goods trade came "
                    f"to {_said(trade[0])}")
        parts = [f"{name} {_said(row)}" for name, row in zip(("exports", "imports"), trade[1:])
                 if row is not None and row["period_start"] == trade[0]["period_start"]
                 and row["period_end"] == trade[0]["period_end"]]
        sentences.append(sentence + (": " + " and ".join(parts) if parts else "") + ".")
    clearance = [by_id.get(i) for i in ("import_clearance_time", "export_clearance_time")]
    said = [f"{flow} {_said(row)} in {words.period(row['period_start'], row['period_end'])}"
            for flow, row in zip(("imports", "exports"), clearance) if row is not None]
    if said:
        sentences.append("The latest overall customs clearance times published are for " + " and for ".join(said)
                         + ".")
    aeo = by_id.get("aeo_enterprises")
    if aeo is not None:
        sentences.append(f"In {words.period(aeo['period_start'], aeo['period_end'])}, {_said(aeo, 'enterprises')} "
                         f"were certified Authorized Economic Operators, by a source rated {aeo['reliability']}.")
    cities, measures = by_id.get("special_operation_pilot_cities"), by_id.get("special_operation_measures")
    if cities is not None:
        year = cities["period_start"].year
        sentence = (f"The {year} special operation on cross-border trade facilitation was piloted in "
                    f"{_said(cities, 'cities')}")
        if measures is not None and measures["period_start"].year == year:
            sentence += f", with {_said(measures, 'measures')}"
        sentences.append(sentence + ".")
    return " ".join(sentences) or "No headline figure is curated yet."


def story_html(figs: pd.DataFrame) -> str:
    """The index's opening section: the summary paragraph, then a table of the headline figures,
    each with its period, change and source (linked where its address was kept)."""
    e = html.escape
    latest = latest_figures(figs)
    rows = []
    for _, row in latest.iterrows():
        source = f"{row['outlet']}, {words.date(row['published_date'])}"
        if isinstance(row["url"], str) and row["url"]:
            source = f'<a href="{e(row["url"])}">{e(source)}</a>'
        else:
            source = e(source)
        change = (words.change(row["change"], row["change_unit"], row["change_basis"]) if pd.notna(row["change"])
                  else "")
        rows.append(
            f'<tr><td><a href="dictionary.html#indicator-{e(row["indicator_id"])}">{e(row["name"])}</a></td>'
            f"<td>{e(words.period(row['period_start'], row['period_end']))}</td>"
            f'<td class="number">{e(words.level(row["value"], row["unit"], row["qualifier"]))}</td>'
            f'<td class="number">{e(change)}</td><td>{source}</td><td>{e(str(row["reliability"]))}</td>'
            f"<td>{e(row['observation_id'])}</td></tr>")
    return f"""<section id="story" aria-labelledby="story-title"><h2 id="story-title">The latest figures</h2>
<p>{e(summary(latest))}</p>
<div class="scroll"><table>
<caption>The latest published level of each headline indicator, from all curated data</caption>
<thead><tr><th scope="col">Indicator</th><th scope="col">Period</th><th scope="col" class="number">Level</th>
<th scope="col" class="number">Change</th><th scope="col">Source</th><th scope="col">Reliability</th>
<th scope="col">Figure</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table></div></section>"""
