"""The story the index opens with: the latest figure of each headline indicator, with its source,
and a paragraph that says them in words, every figure cited by its id. All from the data.

Written in the current language (:mod:`customs_facilitation.language`); the indicators' names are
those :func:`~customs_facilitation.notebook.figures.load_figures` gives in that language.
"""

from __future__ import annotations

import html

import pandas as pd

from ..language import N_, _, current
from ..notebook import words
from ..notebook.figures import most_reliable

HEADLINES = ["goods_trade", "exports", "imports", "import_clearance_time", "export_clearance_time",
             "aeo_enterprises", "special_operation_pilot_cities", "special_operation_measures"]
"""The indicators the index leads with, in the order it names them."""
WRITTEN_WITHOUT_SPACES = {"zh"}
"""Languages whose sentences follow each other without a space between them."""


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


def in_english(text: str) -> str:
    """Text of the data that stays English (an outlet, a source's title), as HTML: marked so on a page
    in another language."""
    return html.escape(text) if current() == "en" else f'<span lang="en">{html.escape(text)}</span>'


def _period(row) -> str:
    return words.period(row["period_start"], row["period_end"])


def _said(row, counted: str = "") -> str:
    """'45.47 trillion yuan (+3.8% year on year; F61)', or with ``counted``, a message that counts
    its ``{level}``: '25 cities (S02)'."""
    text = words.level_of(row)
    if counted:
        text = _(counted).format(level=text)
    if pd.notna(row["change"]):
        return _("{level} ({change}; {id})").format(
            level=text, change=words.change(row["change"], row["change_unit"], row["change_basis"]),
            id=row["observation_id"])
    return _("{level} ({id})").format(level=text, id=row["observation_id"])


ENTERPRISES, CITIES, MEASURES = N_("{level} enterprises"), N_("{level} cities"), N_("{level} measures")
"""A count of enterprises, cities or measures (Chinese counts each with its own measure word)."""


def _trade_sentence(trade: list) -> str:
    """Goods trade in its latest period, with exports and imports where published for the same period."""
    total, exports, imports = trade
    same = [row is not None and row["period_start"] == total["period_start"]
            and row["period_end"] == total["period_end"] for row in (exports, imports)]
    said = {"period": _period(total), "trade": _said(total)}
    if all(same):
        message = _("In {period} China's goods trade came to {trade}: exports {exports} and imports {imports}.")
        return message.format(**said, exports=_said(exports), imports=_said(imports))
    if same[0]:
        return _("In {period} China's goods trade came to {trade}: exports {exports}.").format(
            **said, exports=_said(exports))
    if same[1]:
        return _("In {period} China's goods trade came to {trade}: imports {imports}.").format(
            **said, imports=_said(imports))
    return _("In {period} China's goods trade came to {trade}.").format(**said)


def _clearance_sentence(imports, exports) -> str:
    """The latest overall clearance times, each in its own period."""
    if imports is not None and exports is not None:
        return _("The latest overall customs clearance times published are for imports {imports} in "
                 "{imports_period} and for exports {exports} in {exports_period}.").format(
            imports=_said(imports), imports_period=_period(imports), exports=_said(exports),
            exports_period=_period(exports))
    if imports is not None:
        return _("The latest overall customs clearance times published are for imports {imports} in "
                 "{imports_period}.").format(imports=_said(imports), imports_period=_period(imports))
    return _("The latest overall customs clearance times published are for exports {exports} in "
             "{exports_period}.").format(exports=_said(exports), exports_period=_period(exports))


def _operation_sentence(cities, measures) -> str:
    """The latest special operation's pilot cities, with its measures where counted for the same year."""
    year = cities["period_start"].year
    if measures is not None and measures["period_start"].year == year:
        return _("The {year} special operation on cross-border trade facilitation was piloted in {cities}, "
                 "with {measures}.").format(year=year, cities=_said(cities, CITIES),
                                            measures=_said(measures, MEASURES))
    return _("The {year} special operation on cross-border trade facilitation was piloted in {cities}.").format(
        year=year, cities=_said(cities, CITIES))


def summary(latest: pd.DataFrame) -> str:
    """One paragraph, in words, of the headline figures ``latest_figures`` picked."""
    by_id = {row["indicator_id"]: row for _, row in latest.iterrows()}
    sentences = []
    trade = [by_id.get(i) for i in ("goods_trade", "exports", "imports")]
    if trade[0] is not None:
        sentences.append(_trade_sentence(trade))
    clearance = [by_id.get(i) for i in ("import_clearance_time", "export_clearance_time")]
    if any(row is not None for row in clearance):
        sentences.append(_clearance_sentence(*clearance))
    aeo = by_id.get("aeo_enterprises")
    if aeo is not None:
        sentences.append(_("In {period}, {enterprises} were certified Authorized Economic Operators, by a source "
                           "rated {tier}.").format(period=_period(aeo), enterprises=_said(aeo, ENTERPRISES),
                                                   tier=words.value(str(aeo["reliability"]))))
    cities = by_id.get("special_operation_pilot_cities")
    if cities is not None:
        sentences.append(_operation_sentence(cities, by_id.get("special_operation_measures")))
    joiner = "" if current() in WRITTEN_WITHOUT_SPACES else " "
    return joiner.join(sentences) or _("No headline figure is curated yet.")


HEADERS = (N_("Indicator"), N_("Period"), N_("Level"), N_("Change"), N_("Source"), N_("Reliability"), N_("Figure"))
"""The headers of the table of headline figures."""


def story_html(figs: pd.DataFrame) -> str:
    """The index's opening section: the summary paragraph, then a table of the headline figures,
    each with its period, change and source (linked where its address was kept)."""
    e = html.escape
    latest = latest_figures(figs)
    rows = []
    for _index, row in latest.iterrows():
        source = e(_("{outlet}, {date}")).format(outlet=in_english(row["outlet"]),
                                                   date=e(words.date(row["published_date"])))
        if isinstance(row["url"], str) and row["url"]:
            source = f'<a href="{e(row["url"])}">{source}</a>'
        change = (words.change(row["change"], row["change_unit"], row["change_basis"]) if pd.notna(row["change"])
                  else "")
        rows.append(
            f'<tr><td><a href="dictionary.html#indicator-{e(row["indicator_id"])}">{e(row["name"])}</a></td>'
            f"<td>{e(_period(row))}</td>"
            f'<td class="number">{e(words.level_of(row))}</td>'
            f'<td class="number">{e(change)}</td><td>{source}</td><td>{e(words.value(str(row["reliability"])))}</td>'
            f"<td>{e(row['observation_id'])}</td></tr>")
    title = e(_("The latest figures"))
    caption = e(_("The latest published level of each headline indicator, from all curated data"))
    h = [e(_(text)) for text in HEADERS]
    return f"""<section id="story" aria-labelledby="story-title"><h2 id="story-title">{title}</h2>
<p>{e(summary(latest))}</p>
<div class="scroll"><table>
<caption>{caption}</caption>
<thead><tr><th scope="col">{h[0]}</th><th scope="col">{h[1]}</th><th scope="col" class="number">{h[2]}</th>
<th scope="col" class="number">{h[3]}</th><th scope="col">{h[4]}</th><th scope="col">{h[5]}</th>
<th scope="col">{h[6]}</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table></div></section>"""
