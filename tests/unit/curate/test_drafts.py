"""Draft observation rows from a press release: the curator's starting point, never a finished figure."""

import csv
import io
import json

import pytest

from customs_facilitation.curate.audit import audit
from customs_facilitation.curate.drafts import draft_observations
from customs_facilitation.data.package import load_package
from tests.unit.conftest import SNAPSHOT, write_snapshot

NEW_LINE = "上半年保税维修出口2569.9亿元，同比增长3.1%；另有约1,200家企业参与。\n"


def _observation_columns(data_dir) -> list[str]:
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    observations = next(r for r in descriptor["resources"] if r["name"] == "observations")
    return [field["name"] for field in observations["schema"]["fields"]]


def test_a_fully_curated_text_drafts_nothing(tiny):
    rows = draft_observations(SNAPSHOT, "paper-a", tiny)
    assert rows.empty and list(rows.columns) == _observation_columns(tiny)


def test_new_figures_become_rows_in_the_columns_of_observations(tiny):
    rows = draft_observations(SNAPSHOT + NEW_LINE, "paper-a", tiny)
    assert list(rows.columns) == _observation_columns(tiny)
    assert rows.to_dict("records") == [
        {"observation_id": "", "indicator_id": "", "period_start": "", "period_end": "",
         "value": "256.99", "unit": "CNY billion", "change": "3.1", "change_unit": "percent",
         "change_basis": "year_on_year", "qualifier": "exact", "source_id": "paper-a", "locator": "paragraph 3",
         "value_as_published": "2569.9亿元", "change_as_published": "3.1%", "checked": "text_held",
         "note": "上半年保税维修出口2569.9亿元，同比增长3.1%；"},
        {"observation_id": "", "indicator_id": "", "period_start": "", "period_end": "",
         "value": "1200", "unit": "count", "change": "", "change_unit": "", "change_basis": "",
         "qualifier": "about", "source_id": "paper-a", "locator": "paragraph 3",
         "value_as_published": "1,200家", "change_as_published": "", "checked": "text_held",
         "note": "另有约1,200家企业参与。"},
    ]


def test_a_filled_draft_is_valid_and_the_audit_counts_it_curated(tiny):
    write_snapshot(tiny, SNAPSHOT + NEW_LINE)
    rows = draft_observations(SNAPSHOT + NEW_LINE, "paper-a", tiny)
    rows.loc[0, ["observation_id", "indicator_id", "period_start", "period_end"]] = [
        "D01", "repair_value", "2025-01", "2025-06"]
    rows.loc[1, ["observation_id", "indicator_id", "period_start", "period_end"]] = [
        "D02", "cities", "2025-06", "2025-06"]
    path = tiny / "observations.csv"
    path.write_text(path.read_text(encoding="utf-8") + rows.to_csv(index=False, header=False), encoding="utf-8")
    assert len(load_package(tiny)["observations"]) == 6
    result = audit(tiny)
    assert result.loc[result["paragraph"] == 3, ["text", "status", "accounted_by"]].values.tolist() == [
        ["2569.9亿元", "curated", "D01"], ["3.1%", "curated", "D01"], ["1,200家", "curated", "D02"]]


# What a draft row holds, by the sentence it is drafted from: {field: expected cell}.
DRAFTED = {
    "Imports fell 2.7% year on year.\n": {"change": "-2.7", "value": ""},
    "Trade with ASEAN was 5.57万亿元.\n": {"value": "5.57", "unit": "CNY trillion"},
    "Clearance took less than 36.7 hours.\n": {
        "qualifier": "",
        "note": "published as at most, which observations cannot say; units.csv has no unit for hours; value is "
                "in hours without scale: Clearance took less than 36.7 hours.",
    },
    "Exports were HK$388.4 billion.\n": {
        "value": "388400000000",
        "unit": "",
        "note": "units.csv has no unit for HKD; value is in HKD without scale: Exports were HK$388.4 billion.",
    },
    "Sales were 20万件.\n": {"value": "200000"},
}


@pytest.mark.parametrize("line", DRAFTED)
def test_drafted_fields(tiny, line):
    rows = draft_observations(SNAPSHOT + line, "paper-a", tiny)
    assert {field: rows[field].tolist() for field in DRAFTED[line]} == {
        field: [expected] for field, expected in DRAFTED[line].items()}


def test_dates_and_excluded_numbers_are_not_drafted(tiny):
    (tiny / "claim_exclusions.csv").write_text(
        "source_id,paragraph,text,reason,note\npaper-a,3,42,not_tracked,ports are not an indicator here\n",
        encoding="utf-8")
    text = SNAPSHOT + "On 14 July 2025 at 10:30, 42 ports joined.\n"
    assert draft_observations(text, "paper-a", tiny).empty


def test_claims_draft_command_writes_the_csv(tiny, tmp_path, cli):
    release = tmp_path / "release.txt"
    release.write_text(SNAPSHOT + NEW_LINE, encoding="utf-8")
    out = tmp_path / "draft.csv"
    run = ["claims", release, "--data-dir", tiny, "--draft"]
    result = cli(*run, "--source", "paper-a", "--out", out)
    assert result.returncode == 0, result.stderr
    assert "2 draft rows for paper-a" in result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0]) == _observation_columns(tiny)
    assert [r["value_as_published"] for r in rows] == ["2569.9亿元", "1,200家"]
    unknown = cli(*run, "--source", "not-yet")
    assert unknown.returncode == 0 and "not-yet is not in sources.csv yet" in unknown.stderr
    assert unknown.stdout.splitlines()[0] == ",".join(_observation_columns(tiny))
    missing = cli(*run)
    assert missing.returncode == 2 and "needs --source" in missing.stderr
