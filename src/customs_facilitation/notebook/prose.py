"""Sentences a page says about its figures, every figure cited with its observation id."""

import pandas as pd

from ..data.load import RELIABILITY_TIERS, load_sources
from ..language import _, current
from ..verify.derive import share_of_total
from . import words
from .tables import measures_by_aspect


def reliability_caveat(rows: pd.DataFrame, label: str) -> str:
    """A sentence naming the rows (by ``label``) whose sources rank below state media, or ''."""
    weaker = rows[rows["reliability"].isin(RELIABILITY_TIERS[RELIABILITY_TIERS.index("state_media") + 1:])]
    if weaker.empty:
        return ""
    listed = _(", ").join(_("{label} ({tier})").format(label=getattr(r, label), tier=words.value(str(r.reliability)))
                          for r in weaker.itertuples())
    return _("Figures from sources rated below state media: {listed}.").format(listed=listed)


def page_intro(as_of, min_reliability: str, figs: pd.DataFrame, focus: str | None = None, undated: int = 0) -> str:
    """The first sentence of every page: the data's date, the reliability kept, the focus, and how
    many figures a dated page leaves out because their source shows no date (``undated``)."""
    stated = (_("as the data stood on {date}").format(date=words.date(as_of)) if as_of is not None
              else _("with all curated data"))
    text = _("This page is built {stated}, from sources rated *{tier}* or better: {count} figures from {sources} "
             "sources qualify").format(stated=stated, tier=words.value(min_reliability), count=len(figs),
                                       sources=figs["source_id"].nunique())
    text += _("; {focus} is in focus.").format(focus=focus) if focus else _(".")
    if undated:
        text += _(" Another {count} figures are left out because their source shows no publication date, "
                  "so it cannot be shown to have been published by then.").format(count=undated)
    return text


def bounds_note(points: pd.DataFrame) -> str:
    """Say which plotted points are lower bounds or estimates, in the data's own words."""
    flagged = points[points["qualifier"] != "exact"]
    return _("; ").join(_("{id} ({level}) is plotted at that value").format(
        id=row.id, level=words.level(row.value, row.unit, row.qualifier)) for row in flagged.itertuples())


def source_line(figs: pd.DataFrame, named: pd.DataFrame | None = None) -> str:
    """'Sources: ...' naming each outlet once, with the observation ids it supplied, then the
    outlets of ``named`` sources (rows of sources.csv behind what is not a figure, such as city names)."""
    parts = [] if figs.empty else [
        _("{outlet} ({ids})").format(outlet=outlet, ids=ids) for outlet, ids in
        figs.groupby("outlet", sort=True)["observation_id"].apply(lambda ids: _(", ").join(sorted(ids))).items()]
    if named is not None:
        parts += sorted(set(named["outlet"]) - set(figs["outlet"]))
    return _("Sources: {sources}").format(sources=_("; ").join(parts) if parts else _("none"))


def aspect_summary(figs: pd.DataFrame, as_of=None, data_dir=None) -> str:
    """Markdown: each aspect of the seed, its measures, and the seed figures reported beside them."""
    seed_ids = set(load_sources(data_dir).query("text_path.notna()")["source_id"])
    seed_figs = figs[figs["source_id"].isin(seed_ids)]
    lines = []
    for aspect, measures in measures_by_aspect(as_of=as_of, data_dir=data_dir).items():
        named = _("; ").join(_("{name} ({action})").format(name=m.name, action=m.action) for m in measures.itertuples())
        lines.append(_("**{aspect}**: {count} measures or pilots named: {named}.").format(
            aspect=words.aspect(aspect), count=len(measures), named=named))
        for indicator in measures["related_indicator_id"].dropna():
            for row in seed_figs[seed_figs["indicator_id"] == indicator].itertuples():
                said = words.level_of(row)
                if pd.notna(row.change):
                    said += _(", {change}").format(change=words.change(row.change, row.change_unit, row.change_basis))
                lines.append(_("- Reported beside them: {name}, {period}: {said} ({id}).").format(
                    name=row.name, period=words.period(row.period_start, row.period_end), said=said,
                    id=row.observation_id))
    return "\n\n".join(lines) if lines else _("The seed article had not been published by then.")


def pilot_city_growth(cities: pd.DataFrame) -> str:
    """How the yearly count of pilot cities grew, from the first year to the last, with caveats."""
    if len(cities) < 2:
        return _("Too few curated yearly figures on pilot cities were published by then to show a trend.")
    first, last = cities.iloc[0], cities.iloc[-1]
    return _("Pilot cities grew from {first} in {first_year} to {last} in {last_year}. ").format(
        first=words.number(first["value"]), first_year=first["year"], last=words.number(last["value"]),
        last_year=last["year"]) + reliability_caveat(cities, "year")


def comparison(figs: pd.DataFrame, units: pd.DataFrame, part: pd.Series | None, total: pd.Series | None) -> str:
    """A sentence giving one figure as a share of another (derived by us), or why it cannot."""
    if part is None or total is None:
        if part is None:
            return _("Not computed: the part is not among the curated figures for this period, date and reliability.")
        return _("Not computed: the total is not among the curated figures for this period, date and reliability.")
    share = share_of_total(figs, units, part["observation_id"], total["observation_id"])

    def said(row):
        return _("{level}, {id}, source rated {tier}").format(level=words.level_of(row, qualified=False),
                                                            id=row["observation_id"],
                                                            tier=words.value(str(row["reliability"])))

    derivation = share["derivation"] if current() == "en" else _("derived by us: {part} / {total} from {part_id} and "
                                                                 "{total_id}").format(
        part=words.level(part["value"], part["unit"]), total=words.level(total["value"], total["unit"]),
        part_id=part["observation_id"], total_id=total["observation_id"])  # the units in words, not as codes
    return _("{part} ({part_said}) is **{share} percent** of {total} ({total_said}): {derivation}.").format(
        part=words.capitalized(part["name"]), part_said=said(part), share=f"{share['share_percent']:.3g}",
        total=total["name"], total_said=said(total), derivation=derivation)


def clearance_summary(clearance: pd.DataFrame) -> list[str]:
    """One sentence per clearance indicator: its earliest and latest published levels."""
    lines = []
    for _key, rows in clearance[clearance["value"].notna()].groupby("indicator_id", sort=True):
        first, last = rows.iloc[0], rows.iloc[-1]
        text = _("The {name} was {level} in {period} ({id}, source rated {tier})").format(
            name=last["name"], level=words.level_of(first, qualified=False),
            period=words.period(first["period_start"], first["period_end"]), id=first["observation_id"],
            tier=words.value(str(first["reliability"])))
        if len(rows) > 1:
            text += _(" and {level} in {period}").format(level=words.level_of(last, qualified=False),
                                                       period=words.period(last["period_start"], last["period_end"]))
            if pd.notna(last["change"]):
                text += _(", {change}").format(change=words.change(last["change"], last["change_unit"],
                                                                   last["change_basis"]))
            text += _(" ({id}, source rated {tier})").format(id=last["observation_id"],
                                                             tier=words.value(str(last["reliability"])))
        lines.append(text + _("."))
    return lines


def disagreements(results: pd.DataFrame, figs: pd.DataFrame) -> list[str]:
    """Markdown paragraphs setting side by side the figures of each check that did not pass."""
    by_id = figs.set_index("observation_id", drop=False)
    paragraphs = []
    for row in results[results["status"] != "pass"].itertuples():
        ids = dict.fromkeys(row.inputs.split(" ") + [row.published_id])
        shown = _("; ").join(_("{id}: {name}, {period}, {figure}").format(
            id=oid, name=by_id.loc[oid, "name"],
            period=words.period(by_id.loc[oid, "period_start"], by_id.loc[oid, "period_end"]),
            figure=words.figure(by_id.loc[oid])) for oid in ids)
        paragraphs.append(_("**{check}** ({status}): {shown}. Computed {computed} against {published} "
                            "published. Why: {why}").format(
            check=row.check_id, status=words.value(row.status), shown=shown,
            computed=words.amount(row.computed, row.unit, 4, with_unit=True),
            published=words.amount(row.published, row.unit),
            why=getattr(row, words.localized("explanation"))))
    return paragraphs


def levels_over_time(rows: pd.DataFrame) -> str:
    """'name: level (id, period); level (id, period)...' for the levels of one indicator, in time order."""
    rows = rows[rows["value"].notna()].sort_values(["period_end", "observation_id"])
    if rows.empty:
        return ""
    said = [_("{level} ({id}, {period})").format(level=words.level_of(r), id=r.observation_id,
                                                period=words.period(r.period_start, r.period_end))
            for r in rows.itertuples()]
    return _("{name}: {levels}.").format(name=words.capitalized(rows["name"].iloc[0]), levels=_("; ").join(said))


def latest_move(rows: pd.DataFrame) -> str:
    """How the exact levels of one indicator's last two periods differ, derived by us, with both figures'
    notes (of a period published by several sources, the last reading by id)."""
    rows = rows[rows["value"].notna() & (rows["qualifier"] == "exact")].sort_values(["period_end", "observation_id"])
    rows = rows.drop_duplicates(["period_start", "period_end"], keep="last")
    if len(rows) < 2:
        return ""
    before, last = rows.iloc[-2], rows.iloc[-1]
    difference = last["value"] - before["value"]
    move = (_("a fall of {size}") if difference < 0 else _("a rise of {size}") if difference > 0
            else _("no change")).format(size=words.number(abs(difference)))
    text = _("From {before_period} to {last_period} the {name} went from {before} ({before_id}) to {last} ({last_id}): "
             "**{move}** (derived by us).").format(
        before_period=words.period(before["period_start"], before["period_end"]),
        last_period=words.period(last["period_start"], last["period_end"]), name=last["name"],
        before=words.level_of(before, qualified=False), before_id=before["observation_id"],
        last=words.level_of(last, qualified=False), last_id=last["observation_id"], move=move)
    notes = [_("{id}: *{note}*").format(id=r["observation_id"], note=r["note"]) for r in (before, last)
             if pd.notna(r["note"])]
    return text + (_(" The sources' notes: {notes}.").format(notes=_("; ").join(notes)) if notes else "")


def latest_editions(latest: pd.DataFrame) -> str:
    """The latest edition held of each measure (one row each), oldest first: how far a view reaches."""
    said = [_("{name}: {period} ({id})").format(name=row["name"], period=words.period(row["period_start"],
                                                                                   row["period_end"]),
                                                id=row["observation_id"])
            for _key, row in latest.sort_values("period_end").iterrows()]
    return _("The latest edition held of each outside measure, oldest first. {editions}.").format(
        editions=_("; ").join(said)) if said else ""
