"""Checks on the real curated data: provenance, the seed's figures, the pack, the arithmetic."""

import csv
import hashlib
import json
import re
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from customs_facilitation import load_measures, load_observations, load_package, load_sources
from customs_facilitation.paths import DATA_DIR
from customs_facilitation.verify.audit import audit
from customs_facilitation.verify.consistency import run_consistency_checks

SEED = DATA_DIR / "raw" / "legal-daily-2025-07-14.txt"
PACK = DATA_DIR / "raw" / "source-pack-figures.csv"
BASIS = {"year on year": "year_on_year", "versus 2017": "versus_2017", "versus 2020": "versus_2020", "": None}


def present(cell):
    """The cell's value, or None where it is missing."""
    return None if pd.isna(cell) else cell


def paragraph(locator: str) -> str:
    number = int(re.fullmatch(r"paragraph (\d+)", locator).group(1))
    return SEED.read_text(encoding="utf-8").splitlines()[number - 1]


def number_in(text: str) -> float:
    return float(re.search(r"\d[\d,]*(\.\d+)?", text).group(0).replace(",", ""))


@pytest.mark.parametrize("snapshot", sorted(DATA_DIR.glob("raw/*.json")), ids=lambda p: p.name)
def test_raw_snapshots_are_unchanged(snapshot):
    sidecar = json.loads(snapshot.read_text(encoding="utf-8"))
    data = (snapshot.parent / sidecar["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == sidecar["sha256"], f"{sidecar['file']} was edited; raw data is immutable"


def test_every_seed_figure_stands_where_its_locator_says():
    seed = load_observations().query("checked == 'text_held'")
    assert len(seed) >= 7
    for row in seed.itertuples():
        text = paragraph(row.locator)
        assert row.value_as_published in text, f"{row.observation_id}: {row.value_as_published!r} not in {row.locator}"
        assert number_in(row.value_as_published) == row.value
        if present(row.change_as_published):
            assert row.change_as_published in text
            assert number_in(row.change_as_published) == row.change


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


def test_every_pack_row_is_curated_with_its_citation():
    pack = list(csv.DictReader(PACK.open(encoding="utf-8")))
    assert len(pack) == 71
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
        assert got["checked"] == row["checked"], fid
        assert (source["outlet"], source["url"], source["language"], source["reliability"]) == (
            row["outlet"], row["url"], row["language"], row["reliability"]), fid
        assert source["published_date"].strftime("%Y-%m-%d") == row["published"], fid


def test_lower_bounds_and_preliminary_estimates_keep_their_meaning():
    obs = load_observations().set_index("observation_id")
    assert obs.loc["F39", "qualifier"] == "at_least"
    assert obs.loc["F20", "qualifier"] == "preliminary"
    assert obs.loc[["F06", "F07", "F09", "F10", "F59"], "value"].isna().all()


def test_every_source_is_used():
    tables = load_package()
    used = set(tables["observations"]["source_id"]) | set(tables["measures"]["source_id"])
    assert set(tables["sources"]["source_id"]) == used


def test_sums_and_shares_agree_within_published_rounding():
    results = run_consistency_checks()
    failed = results[results["status"] == "fail"]
    assert failed.empty, failed.to_string()
    h1 = results.set_index("check_id").loc["h1_2025_exports_plus_imports"]
    assert h1["status"] == "pass" and h1["computed"] == pytest.approx(13 + 8.79)


def test_known_disagreements_are_shown_not_hidden():
    results = run_consistency_checks().set_index("check_id")
    assert results.loc["smart_customs_platform_two_dates", "status"] == "explained"
    assert results.loc["fy_2025_growth_from_2024_level", "status"] == "explained"
    both = load_observations(indicator="smart_customs_platform_members")
    assert sorted(both["value"]) == [141, 142]


def test_frictionless_validates_the_package():
    exe = shutil.which("frictionless", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert exe, "frictionless is not installed in this environment; run make setup"
    result = subprocess.run([exe, "validate", "--json", "datapackage.json"], cwd=DATA_DIR,
                            capture_output=True, text=True)
    report = json.loads(result.stdout)
    assert report["valid"], json.dumps(report, indent=1)[:3000]


def test_every_number_in_the_seed_is_accounted_for():
    result = audit()
    unaccounted = result[result["status"] == "unaccounted"]
    assert unaccounted.empty, unaccounted.to_string()
    assert (result["status"] == "curated").sum() >= 9


def test_every_figure_from_a_held_text_is_found_by_the_audit():
    result = audit()
    matched = {oid for ids in result.loc[result["status"] == "curated", "accounted_by"] for oid in ids.split(", ")}
    held = set(load_observations().query("checked == 'text_held'")["observation_id"])
    assert held <= matched, f"not found in their text with value, unit and paragraph: {sorted(held - matched)}"
    changes = result[(result["status"] == "curated") & result["unit"].eq("percent")]
    assert len(changes) == load_observations().query("checked == 'text_held'")["change"].notna().sum()
