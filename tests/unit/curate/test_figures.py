"""Each figure of a text read with its period and basis; on the texts we hold, as curated."""

from datetime import date

import pandas as pd
import pytest

from customs_facilitation.curate.figures import read_figures
from customs_facilitation.data.load import load_observations, load_sources
from customs_facilitation.paths import DATA_DIR

JULY_2025 = date(2025, 7, 14)


def _read(text: str, published=JULY_2025) -> list[tuple]:
    return [(r.figure.change.text if r.figure.change else r.figure.level.text, r.basis, r.basis_read)
            for r in read_figures(text, published)]


@pytest.mark.parametrize(("text", "expected"), [
    ("上半年出口同比增长7.2%。", [("7.2%", "year_on_year", "text")]),
    ("上半年出口增长7.2%。", [("7.2%", "year_on_year", "convention")]),
    ("上半年出口同比增长7.2%。进口增长2.3%。",
     [("7.2%", "year_on_year", "text"), ("2.3%", "year_on_year", "paragraph")]),
    ("通关时间比2017年压缩62.3%。", [("62.3%", "versus_2017", "text")]),
    ("In December 2019, import clearance took 36.7 hours, 62.3 percent less than in 2017.",
     [("62.3 percent", "versus_2017", "text")]),
    ("In 2018, trade was $4.62 trillion, 12.6 percent more than in 2017.", [("12.6 percent", "year_on_year", "text")]),
    ("二季度进出口10.34万亿元，环比增长6%。", [("6%", "quarter_on_quarter", "text")]),
    ("In June, trade grew 1.2 percent month on month.", [("1.2 percent", "month_on_month", "text")]),
    ("过去五年，进出口年均增长5%。", [("5%", None, "")]),
])
def test_the_basis_is_read_from_the_text_the_paragraph_or_the_releases_convention(text, expected):
    assert _read(text) == expected


def test_a_yearly_average_is_marked():
    (reading,) = read_figures("过去五年，全国海关年均监管进出口货物52亿吨。", date(2026, 1, 14))
    assert (reading.average, reading.period) == (True, ("2021-01", "2025-12"))


def test_the_number_of_a_period_is_no_figure():
    readings = read_figures("过去五年，货值42.3万亿元。", date(2026, 1, 14))
    assert [r.figure.level.text for r in readings] == ["42.3万亿元"]


@pytest.mark.parametrize(("text", "own"), [
    ("In the first half, trade with the Alpha Union, Beta and the Gamma Islands came to 3.1 trillion yuan, 2.2 "
     "trillion yuan and 1.3 trillion yuan, up 2.1, 3.4 and 5.6 percent respectively.",
     ["trade with the Alpha Union", "Beta", "the Gamma Islands came to"]),
    ("Trade with Belt and Road countries and Alpha grew 2.1 percent and 3.4 percent to 3.1 trillion yuan and 2.2 "
     "trillion yuan, respectively, in the first half.", ["Trade with Belt and Road countries", "Alpha grew"]),
    ("上半年，我国对甲国、乙国进出口分别为3.1万亿元和2.2万亿元，分别增长2.1%和3.4%，分别占12.5%和8.8%。",
     ["我国对甲国", "乙国进出口分别为", "我国对甲国", "乙国进出口分别为"]),
])
def test_the_figures_of_a_list_share_its_period_each_with_its_own_item(text, own):
    readings = read_figures(text, JULY_2025)
    assert [r.own for r in readings] == own
    assert {r.period for r in readings} == {("2025-01", "2025-06")}
    assert len({r.words for r in readings if r.figure.change}) == 1  # the list's clause, every number left out
    assert not any(c.isdigit() for r in readings for c in r.words)


def test_a_figure_outside_a_list_has_no_own_item():
    (reading,) = read_figures("In the first half, trade with Alpha rose 2.1 percent to 3.1 trillion yuan.", JULY_2025)
    assert reading.own == "" and "Alpha" in reading.words


def _curated_from_dated_held_texts() -> list[tuple]:
    """(text, date, observation) for every figure curated from a held text of a dated source."""
    sources = load_sources().dropna(subset=["text_path", "published_date"]).set_index("source_id")
    observations = load_observations()
    held = observations[observations["source_id"].isin(sources.index) & observations["locator"].str.startswith(
        "paragraph ", na=False) & observations["value_as_published"].notna()]
    return [((DATA_DIR / sources.loc[o.source_id, "text_path"]).read_text(encoding="utf-8"),
             sources.loc[o.source_id, "published_date"].date(), o) for o in held.itertuples()]


@pytest.mark.parametrize("text, published, curated", _curated_from_dated_held_texts(),
                         ids=lambda value: getattr(value, "observation_id", ""))
def test_a_figure_curated_from_a_held_text_is_read_as_curated(text, published, curated):
    """Drafting a held text again gives each curated figure's pairing, period and basis."""
    readings = [r for r in read_figures(text, published) if r.figure.level
                and f"paragraph {r.paragraph}" == curated.locator and r.figure.level.text in curated.value_as_published]
    assert readings, f"{curated.observation_id}: no figure read at {curated.locator} as {curated.value_as_published}"
    reading = readings[0]
    if pd.isna(curated.change_as_published):
        assert reading.figure.change is None
    else:
        assert reading.figure.change.text in curated.change_as_published
    assert (reading.period, reading.basis) == ((str(curated.period_start), str(curated.period_end)),
                                               curated.change_basis if pd.notna(curated.change_basis) else None)
