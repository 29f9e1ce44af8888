"""Checks on the real curated data: provenance, the seed's figures, the pack, the arithmetic."""

import csv
import json
import re
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from customs_facilitation import (
    load_indicators,
    load_measures,
    load_observations,
    load_package,
    load_pilot_cities,
    load_sources,
)
from customs_facilitation.curate.audit import CHANGE_UNITS, audit
from customs_facilitation.data.snapshots import sidecar_problems, snapshot_problems
from customs_facilitation.paths import DATA_DIR
from customs_facilitation.verify.consistency import run_consistency_checks

SEED = "legal-daily-2025-07-14"
PACKS = {"source-pack-figures.csv": 71, "source-pack-figures-2.csv": 101}
CITIES = DATA_DIR / "raw" / "source-pack-pilot-cities.csv"
LATER_READING = {"F38": ("China News Service via Teller Report", "repost")}
"""Sources a later pack's re-check rated anew (figures-3.csv, H86: a machine translation of a China
News Service article): one page has one outlet and tier, the better-informed ones."""
BASIS = {"year on year": "year_on_year", "quarter on quarter": "quarter_on_quarter", "month on month": "month_on_month",
         "versus 2017": "versus_2017", "versus 2020": "versus_2020", "": None}


def present(cell):
    """The cell's value, or None where it is missing."""
    return None if pd.isna(cell) else cell


def paragraph(locator: str, source_id: str = SEED) -> str:
    """The paragraph (line) of a held text that a locator names."""
    number = int(re.fullmatch(r"paragraph (\d+)", locator).group(1))
    text_path = load_sources().set_index("source_id").loc[source_id, "text_path"]
    return (DATA_DIR / text_path).read_text(encoding="utf-8").splitlines()[number - 1]


def pack_rows(name: str) -> list[dict]:
    return list(csv.DictReader((DATA_DIR / "raw" / name).open(encoding="utf-8")))


def test_every_snapshot_is_unchanged_with_its_provenance_in_one_shape():
    """Each sidecar records its snapshot's sha256 and follows sidecarSchema; a held source and its
    snapshot's sidecar name each other, so a citation is written once (in sources.csv or the sidecar)."""
    assert snapshot_problems(load_sources(), DATA_DIR) == []
    assert sidecar_problems(DATA_DIR, load_sources()) == []


def test_every_figure_from_a_held_text_stands_where_its_locator_says():
    held = load_observations().query("checked == 'text_held'")
    assert not held.empty and set(held["source_id"]) <= set(load_sources().dropna(subset=["text_path"])["source_id"])
    for row in held.itertuples():  # as written: 52億噸 is stored as 5.2 billion tonnes, so the text, not the value
        text = paragraph(row.locator, row.source_id)
        assert row.value_as_published in text, f"{row.observation_id}: {row.value_as_published!r} not in {row.locator}"
        if present(row.change_as_published):
            assert row.change_as_published in text, f"{row.observation_id}: {row.change_as_published!r}"


def test_the_seed_figures_named_in_the_brief_are_curated():
    seed = load_observations().query("source_id == 'legal-daily-2025-07-14'")
    got = {(r.indicator_id, r.value, r.unit, r.change) for r in seed.itertuples()}
    for item in [("special_operation_departments", 20, "count"), ("special_operation_pilot_cities", 25, "count"),
                 ("special_operation_measures", 29, "count"), ("bonded_repair_trade_value", 256.99, "CNY billion", 7.5),
                 ("waterborne_container_handling", 67.41, "TEU million", 11.3),
                 ("smart_customs_platform_members", 141, "count"), ("aeo_facilitation_instances", 3776, "count")]:
        assert any(g[: len(item)] == item for g in got), f"seed figure {item} is not curated"


def test_every_seed_measure_locator_is_a_paragraph_of_the_article():
    measures = load_measures()
    aspects = {"policy_provisions", "cross_border_logistics", "trade_environment", "clearance_costs"}
    assert set(measures["aspect"]) == aspects
    for row in measures.itertuples():
        assert row.source_id == "legal-daily-2025-07-14"
        assert paragraph(row.locator)


@pytest.mark.parametrize("pack_name", sorted(PACKS))
def test_every_pack_row_is_curated_with_its_citation(pack_name):
    pack = pack_rows(pack_name)
    assert len(pack) == PACKS[pack_name]
    obs = load_observations().set_index("observation_id")
    sources = load_sources().set_index("source_id")
    for row in pack:
        fid = row["figure_id"]
        assert fid in obs.index, f"{fid} of the source pack is not in observations.csv"
        got = obs.loc[fid]
        source = sources.loc[got["source_id"]]
        assert (str(got["period_start"]), str(got["period_end"])) == (row["period_start"], row["period_end"]), fid
        assert present(got["value"]) == (float(row["value"]) if row["value"] else None), fid
        assert (present(got["unit"]) or "") == row["unit"], fid
        assert present(got["change"]) == (float(row["change"]) if row["change"] else None), fid
        assert present(got["change_basis"]) == BASIS[row["change_basis"]], fid
        assert (present(got["note"]) or "") == row["note"], fid
        assert (present(got["change_unit"]) or "") == row["change_unit"], fid
        # a figure whose page we hold is checked against that text (its locator is a paragraph)
        assert got["checked"] == ("text_held" if present(source["text_path"]) else row["checked"]), fid
        outlet, reliability = LATER_READING.get(fid, (row["outlet"], row["reliability"]))
        assert (source["outlet"], source["url"], source["language"], source["reliability"]) == (
            outlet, row["url"], row["language"], reliability), fid
        published = source["published_date"]
        assert ("" if pd.isna(published) else published.strftime("%Y-%m-%d")) == row["published"], fid
        lower_bound = "lower bound" in row["note"]
        assert (got["qualifier"] == "at_least") == lower_bound, fid


def test_every_share_published_beside_a_pack_figure_is_curated_from_its_note():
    obs = load_observations().set_index("observation_id")
    notes = {row["figure_id"]: row["note"] for name in PACKS for row in pack_rows(name)}
    shares = obs[obs.index.str.startswith("P") & obs["locator"].str.contains(r"row [FG][0-9]+, note column")]
    assert not shares.empty  # those beside the third pack's figures: tests/data/test_figures_3.py
    for pid, row in shares.iterrows():
        beside = re.search(r"row ([FG][0-9]+), note column", row["locator"]).group(1)
        assert f"{row['value']:g} percent" in notes[beside], pid
        if present(row["change"]):
            assert f"up {row['change']:g} percentage points" in notes[beside], pid
        assert row["source_id"] == obs.loc[beside, "source_id"], pid


def test_every_named_pilot_city_is_curated_with_its_source():
    pack = pack_rows(CITIES.name)
    assert pack
    cities = load_pilot_cities().set_index(["operation_year", "city_en"])
    sources = load_sources().set_index("source_id")
    assert len(cities) == len(pack)
    for row in pack:
        got = cities.loc[(int(row["operation_year"]), row["city_en"])]
        got_row = (got["city_zh"], got["province_en"], got["status"], got["count_observation_id"], present(got["note"]))
        assert got_row == (row["city_zh"], row["province_en"], row["status"], row["source_figure_id"], row["note"]), (
            row["city_en"])
        assert sources.loc[got["source_id"], "url"] == row["url"], row["city_en"]
        if present(sources.loc[got["source_id"], "text_path"]):
            assert row["city_zh"] in paragraph(got["locator"], got["source_id"]), row["city_en"]


def test_partly_named_years_are_visible_in_the_data():
    cities, obs = load_pilot_cities(), load_observations().set_index("observation_id")
    named = cities.groupby(["operation_year", "status"]).size().to_dict()
    assert named == {(2024, "pilot"): 20, (2025, "pilot"): 4, (2026, "new_in_year"): 13}
    assert obs.loc["G45", "value"] == 20 and obs.loc["F24", "value"] == 25 and obs.loc["G59", "value"] == 20


def test_lower_bounds_and_preliminary_estimates_keep_their_meaning():
    obs = load_observations().set_index("observation_id")
    assert obs.loc["F39", "qualifier"] == "at_least"
    assert set(obs.index[obs["qualifier"] == "at_least"]) == {"F39", "G10", "G12", "G25", "G31", "G42", "G72",
                                                              "H09", "H100", "H101", "H119"}
    assert pd.isna(obs.loc["G10", "value"]) and obs.loc["G10", "change"] == 10
    assert obs.loc["F20", "qualifier"] == "preliminary"
    assert obs.loc[["F06", "F07", "F09", "F10", "F59"], "value"].isna().all()


def test_every_source_is_used():
    tables = load_package()
    used = set(tables["observations"]["source_id"]) | set(tables["measures"]["source_id"]) | set(
        tables["pilot_cities"]["source_id"]) | set(tables["targets"]["source_id"])
    assert set(tables["sources"]["source_id"]) == used


def test_sums_and_shares_agree_within_published_rounding():
    results = run_consistency_checks()
    failed = results[results["status"] == "fail"]
    assert failed.empty, failed.to_string()
    h1 = results.set_index("check_id").loc["h1_2025_exports_plus_imports"]
    assert h1["status"] == "pass" and h1["computed"] == pytest.approx(13 + 8.79)


def test_known_disagreements_are_shown_not_hidden():
    results = run_consistency_checks().set_index("check_id")
    for check in ["smart_customs_platform_two_dates", "fy_2025_growth_from_2024_level", "ports_by_mode_against_total",
                  "supervised_goods_value_two_windows", "aeo_enterprises_mid_and_end_2025"]:
        assert results.loc[check, "status"] == "explained", check
    both = load_observations(indicator="smart_customs_platform_members")
    assert sorted(both["value"]) == [141, 142]
    aeo = load_observations(indicator="aeo_enterprises").set_index("observation_id")["value"]
    assert (aeo["G83"], aeo["F41"]) == (7029, 6876)
    supervised = load_observations(indicator="supervised_goods_value").set_index("observation_id")
    assert supervised.loc[["G76", "G78"], "value"].tolist() == [41.5, 42.3]
    assert [str(supervised.loc[oid, "period_end"]) for oid in ("G76", "G78")] == ["2025-08", "2025-12"]
    ports = results.loc["ports_by_mode_against_total"]
    assert ports["computed_low"] == 312 and ports["published"] == 311  # "more than 101" land ports


def test_the_running_totals_and_the_three_meanings_of_29_measures():
    results = run_consistency_checks().set_index("check_id")
    assert results.loc["measures_to_2025_running_total", "status"] == "pass"
    assert results.loc["measures_to_2025_running_total", "computed"] == 115 + 29 == 144
    obs = load_observations().set_index("observation_id")
    twenty_nines = obs[(obs["value"] == 29) & obs["indicator_id"].str.startswith("special_operation_measures")]
    meanings = {(r.indicator_id, r.period_start.year) for r in twenty_nines.itertuples()}
    assert {("special_operation_measures_replicated", 2025), ("special_operation_measures", 2025),
            ("special_operation_measures", 2026)} <= meanings


def test_frictionless_validates_the_package():
    exe = shutil.which("frictionless", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert exe, "frictionless is not installed in this environment; run make setup"
    result = subprocess.run([exe, "validate", "--json", "datapackage.json"], cwd=DATA_DIR,
                            capture_output=True, text=True)
    report = json.loads(result.stdout)
    assert report["valid"], json.dumps(report, indent=1)[:3000]


def test_every_number_in_every_held_text_is_accounted_for():
    result = audit()
    unaccounted = result[result["status"] == "unaccounted"]
    assert unaccounted.empty, unaccounted.to_string()
    curated = result[result["status"] == "curated"].groupby("source_id").size().to_dict()
    located = load_observations().query("locator.str.startswith('paragraph ')", engine="python")
    written = located[["value_as_published", "change_as_published"]].notna().sum(axis=1)
    assert curated == {s: n for s, n in written.groupby(located["source_id"]).sum().items() if n}


def test_every_figure_from_a_held_text_is_found_by_the_audit():
    result = audit()
    matched = {oid for ids in result.loc[result["status"] == "curated", "accounted_by"] for oid in ids.split(", ")}
    held = set(load_observations().query("checked == 'text_held'")["observation_id"])
    assert held <= matched, f"not found in their text with value, unit and paragraph: {sorted(held - matched)}"
    # A number of a held text in percent (or points) is a change of a curated row, or a level in that
    # unit (a partner's share of trade): each row accounts for as many as it holds of both.
    rates = result[(result["status"] == "curated") & result["unit"].isin(CHANGE_UNITS)]
    found = rates.groupby("accounted_by").size().to_dict()
    rows = load_observations().query("checked == 'text_held'").set_index("observation_id")
    holds = rows["change_unit"].isin(CHANGE_UNITS).astype(int) + rows["unit"].isin(CHANGE_UNITS).astype(int)
    assert found == holds[holds > 0].to_dict()


CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_indicator_has_its_own_chinese_name_and_definition():
    """The glossary's two languages: each indicator named and defined in Chinese, no two sharing a name."""
    indicators = load_indicators()
    chinese = indicators["name_zh"].str.contains(CJK) & indicators["definition_zh"].str.contains(CJK)
    not_chinese = indicators.loc[~chinese, "indicator_id"]
    assert not_chinese.empty, f"indicators without a Chinese name or definition: {', '.join(not_chinese)}"
    shared = indicators[indicators["name_zh"].duplicated(keep=False)].sort_values("name_zh")
    assert shared.empty, f"indicators sharing a Chinese name: {shared[['indicator_id', 'name_zh']].values.tolist()}"
