"""Tables a page shows: figures, derived levels, consistency checks and sources, in words."""

import pandas as pd

from ..data.load import load_measures
from ..language import N_, _
from ..verify.derive import implied_base_levels
from ..verify.findings import target_outcome
from . import words
from .figures import measure_words, outcomes

SORT_KEY = " sort key"
"""A column named after another with this suffix holds what that column sorts by in an interactive
table (a level's value in its base unit, not its words); it is not shown."""

QUANTITY_COLUMNS = frozenset({"level", "change", "published level", "published change",
                              "implied base level (derived by us)", "computed (range)", "published (range)"})
"""Columns of these tables that hold quantities in words, with their units: aligned right like numbers."""


def figure_table(figs: pd.DataFrame) -> pd.DataFrame:
    """One line per figure in words: what and its level first (a phone shows them without
    scrolling), then change, period, source, reliability and the figure's id; with the ids of its
    indicator and source (a page links the indicator and the source by them) and the level's sort
    key, its value in the base unit (:data:`.table_html.SORT_KEY`)."""
    return pd.DataFrame({
        N_("indicator"): figs["name"],
        N_("level"): [words.level_of(row) for _key, row in figs.iterrows()],
        N_("change"): [words.change(row["change"], row["change_unit"], row["change_basis"], words.change_qualifier(row))
                   for _key, row in figs.iterrows()],
        N_("period"): [words.period(s, e) for s, e in zip(figs["period_start"], figs["period_end"])],
        N_("source"): [_("{outlet}, {date}").format(outlet=o, date=words.date(d))
                          for o, d in zip(figs["outlet"], figs["published_date"])],
        N_("reliability"): figs["reliability"].astype(str),
        N_("id"): figs["observation_id"],
        "indicator_id": figs["indicator_id"],
        "source_id": figs["source_id"],
        "level" + SORT_KEY: figs["base_value"],
    }).reset_index(drop=True)


def target_table(targets: pd.DataFrame, figs: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """One line per stated target: what, by when, when stated and by whom, and how it came out on
    the figures that qualify (:func:`.verify.findings.target_outcome`), with the figures it rests on
    and its caveat, or why it cannot be known."""
    found = [target_outcome(target, outcomes(figs, target["indicator_id"])) for _key, target in targets.iterrows()]
    counted = measure_words(figs)
    return pd.DataFrame({
        N_("indicator"): [names[i] for i in targets["indicator_id"]],
        N_("target"): [(_("at most {level}") if d == "at_most" else _("at least {level}"))
                       .format(level=words.level(v, u, counted=counted.get(i)))
                       for d, v, u, i in zip(targets["direction"], targets["value"], targets["unit"],
                                             targets["indicator_id"])],
        N_("by"): [words.due(target) for _key, target in targets.iterrows()],
        N_("stated"): [words.period(m, m) for m in targets["set_month"]],
        N_("outcome"): [f.outcome for f in found],
        N_("on figures"): [", ".join(f.ids[1:]) for f in found],
        N_("caveat, or why not knowable"): [f.caveat for f in found],
        N_("target id"): targets["target_id"],
        "source_id": targets["source_id"],
    })


def implied_levels_table(figs: pd.DataFrame) -> pd.DataFrame:
    """Each figure beside the base-period level its change implies (derived by us)."""
    derived = implied_base_levels(figs)
    return pd.DataFrame({
        N_("id"): derived["observation_id"],
        N_("period"): [words.period(s, e) for s, e in zip(derived["period_start"], derived["period_end"])],
        N_("published level"): [words.level(v, u) for v, u in zip(derived["value"], derived["unit"])],
        N_("published change"): [words.change(c, "percent", b)
                                 for c, b in zip(derived["change"], derived["change_basis"])],
        N_("base period"): [words.period(s, e)
                            for s, e in zip(derived["base_period_start"], derived["base_period_end"])],
        N_("implied base level (derived by us)"): [words.level(v, u, digits=4)
                                               for v, u in zip(derived["implied_base_value"], derived["unit"])],
    })


def measures_by_aspect(as_of=None, data_dir=None) -> dict[str, pd.DataFrame]:
    """The seed's measures grouped under its four aspects, in the article's order."""
    measures = load_measures(data_dir, as_of=as_of)
    measures = measures.assign(name=measures[words.localized("name")], action=measures[words.localized("action")])
    return {aspect: group[["name", "kind", "action", "related_indicator_id"]].reset_index(drop=True)
            for aspect, group in measures.groupby("aspect", sort=False)}


def consistency_in_scope(results: pd.DataFrame, figs: pd.DataFrame) -> pd.DataFrame:
    """The consistency check results whose every figure is among ``figs`` (so a page checks what it shows)."""
    shown = set(figs["observation_id"])
    inside = [set(inputs.split(" ")) | {published} <= shown
              for inputs, published in zip(results["inputs"], results["published_id"])]
    return results[inside].reset_index(drop=True)


def consistency_table(results: pd.DataFrame) -> pd.DataFrame:
    """Consistency check results in words: computed range against the published figure's range."""
    def said(value, low, high, unit, digits=None):
        return _("{value} ({low} to {high})").format(value=words.amount(value, unit, digits),
                                                     low=words.amount(low, unit, 6), high=words.amount(high, unit, 6))

    return pd.DataFrame({
        N_("check"): results["check_id"],
        N_("kind"): results["kind"],
        N_("figures"): results["inputs"] + _(" vs ") + results["published_id"],
        N_("computed (range)"): [said(m, lo, hi, u, 6) for m, lo, hi, u in zip(
            results["computed"], results["computed_low"], results["computed_high"], results["unit"])],
        N_("published (range)"): [said(m, lo, hi, u) for m, lo, hi, u in zip(
            results["published"], results["published_low"], results["published_high"], results["unit"])],
        N_("unit"): results["unit"].map(words.base_unit_label),
        N_("status"): results["status"],
        N_("why"): results[words.localized("explanation")].fillna(""),
    })


def source_table(sources: pd.DataFrame) -> pd.DataFrame:
    """Sources in words: id, outlet, title, date, language, reliability, address."""
    return pd.DataFrame({
        N_("source"): sources["source_id"],
        N_("outlet"): sources["outlet"],
        N_("title (our words)"): sources["title"],
        N_("published"): sources["published_date"].map(words.date),
        N_("language"): sources["language"],
        N_("reliability"): sources["reliability"].astype(str),
        N_("url"): sources["url"].fillna(_("(not kept)")),
    }).reset_index(drop=True)


def yearly_counts(points: pd.DataFrame, label: str) -> pd.DataFrame:
    """Yearly counts from :func:`.figures.series` (with a ``year`` column), the count named ``label``."""
    return points[["year", "value", "id", "source", "reliability"]].rename(columns={"value": label})
