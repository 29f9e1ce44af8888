"""Tables a page shows: figures, derived levels, consistency checks and sources, in words."""

import pandas as pd

from ..data.load import load_measures
from ..verify.derive import implied_base_levels
from ..verify.findings import target_outcome
from . import words
from .figures import outcomes

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
        "indicator": figs["name"],
        "level": [words.level(v, u, q) for v, u, q in zip(figs["value"], figs["unit"], figs["qualifier"])],
        "change": [words.change(row["change"], row["change_unit"], row["change_basis"], words.change_qualifier(row))
                   for _, row in figs.iterrows()],
        "period": [words.period(s, e) for s, e in zip(figs["period_start"], figs["period_end"])],
        "source": [f"{o}, {words.date(d)}" for o, d in zip(figs["outlet"], figs["published_date"])],
        "reliability": figs["reliability"].astype(str),
        "id": figs["observation_id"],
        "indicator_id": figs["indicator_id"],
        "source_id": figs["source_id"],
        "level" + SORT_KEY: figs["base_value"],
    }).reset_index(drop=True)


def target_table(targets: pd.DataFrame, figs: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """One line per stated target: what, by when, when stated and by whom, and how it came out on
    the figures that qualify (:func:`.verify.findings.target_outcome`), with the figures it rests on
    and its caveat, or why it cannot be known."""
    found = [target_outcome(target, outcomes(figs, target["indicator_id"])) for _, target in targets.iterrows()]
    return pd.DataFrame({
        "indicator": [names[i] for i in targets["indicator_id"]],
        "target": [f"{'at most' if d == 'at_most' else 'at least'} {words.level(v, u)}"
                   for d, v, u in zip(targets["direction"], targets["value"], targets["unit"])],
        "by": targets["due_as_stated"],
        "stated": [words.period(m, m) for m in targets["set_month"]],
        "outcome": [f.outcome for f in found],
        "on figures": [", ".join(f.ids[1:]) for f in found],
        "caveat, or why not knowable": [f.caveat for f in found],
        "target id": targets["target_id"],
        "source_id": targets["source_id"],
    })


def implied_levels_table(figs: pd.DataFrame) -> pd.DataFrame:
    """Each figure beside the base-period level its change implies (derived by us)."""
    derived = implied_base_levels(figs)
    return pd.DataFrame({
        "id": derived["observation_id"],
        "period": [words.period(s, e) for s, e in zip(derived["period_start"], derived["period_end"])],
        "published level": [words.level(v, u) for v, u in zip(derived["value"], derived["unit"])],
        "published change": [words.change(c, "percent", b) for c, b in zip(derived["change"], derived["change_basis"])],
        "base period": [words.period(s, e) for s, e in zip(derived["base_period_start"], derived["base_period_end"])],
        "implied base level (derived by us)": [words.level(v, u, digits=4)
                                               for v, u in zip(derived["implied_base_value"], derived["unit"])],
    })


def measures_by_aspect(as_of=None, data_dir=None) -> dict[str, pd.DataFrame]:
    """The seed's measures grouped under its four aspects, in the article's order."""
    measures = load_measures(data_dir, as_of=as_of)
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


def source_table(sources: pd.DataFrame) -> pd.DataFrame:
    """Sources in words: id, outlet, title, date, language, reliability, address."""
    return pd.DataFrame({
        "source": sources["source_id"],
        "outlet": sources["outlet"],
        "title (our words)": sources["title"],
        "published": sources["published_date"].map(words.date),
        "language": sources["language"],
        "reliability": sources["reliability"].astype(str),
        "url": sources["url"].fillna("(not kept)"),
    }).reset_index(drop=True)


def yearly_counts(points: pd.DataFrame, label: str) -> pd.DataFrame:
    """Yearly counts from :func:`.figures.series` (with a ``year`` column), the count named ``label``."""
    return points[["year", "value", "id", "source", "reliability"]].rename(columns={"value": label})
