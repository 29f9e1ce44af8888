"""The audit accounts for every number in a held text, and names the ones it cannot."""

import csv
import io
import json

import pytest

from customs_facilitation.curate.audit import audit, paragraph_of
from customs_facilitation.curate.listing import readable_number
from customs_facilitation.curate.nonfigures import KINDS
from customs_facilitation.paths import DATA_DIR
from tests.unit.conftest import SNAPSHOT, write_snapshot


def test_paragraph_counts_lines_from_one():
    assert [paragraph_of("a\nb\nc", i) for i in (0, 2, 4)] == [1, 2, 3]


def test_tiny_text_is_fully_accounted(tiny):
    result = audit(tiny)
    assert list(result["status"]) == ["curated", "curated", "curated"]
    assert list(result["accounted_by"]) == ["S01", "S01", "F03"]


def test_a_new_number_in_the_text_is_unaccounted_until_excluded(tiny, cli):
    write_snapshot(tiny, SNAPSHOT + "It involved 42 ports.\n")
    result = audit(tiny)
    assert result.loc[result["text"] == "42", "status"].tolist() == ["unaccounted"]
    printed = cli("audit", "--data-dir", tiny)
    assert printed.returncode == 1 and "1 unaccounted" in printed.stdout
    (tiny / "claim_exclusions.csv").write_text(
        "source_id,paragraph,text,reason,note\npaper-a,3,42,not_tracked,ports are not an indicator here\n",
        encoding="utf-8")
    assert audit(tiny).loc[lambda r: r["text"] == "42", "status"].tolist() == ["excluded"]


def test_a_number_in_the_wrong_paragraph_is_not_matched(tiny):
    observations = tiny / "observations.csv"
    observations.write_text(observations.read_text(encoding="utf-8").replace(",paragraph 2,", ",paragraph 1,"),
                            encoding="utf-8")
    result = audit(tiny)
    assert result.loc[result["text"] == "4.5%", "status"].tolist() == ["unaccounted"]


def test_claims_command_marks_curated_figures(tmp_path, cli):
    release = tmp_path / "release.txt"
    release.write_text("上半年保税维修进出口2569.9亿元。Container handling: 99.99 million TEU.\n", encoding="utf-8")
    result = cli("claims", release)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert any("2569.9亿元" in line and "S04" in line for line in lines)
    assert any("99.99 million TEU" in line and "S0" not in line for line in lines)
    assert "2 claims, 2 of them figures, 1 matching a curated figure" in result.stdout


def test_a_level_in_the_wrong_unit_is_not_matched(tiny):
    observations = tiny / "observations.csv"
    observations.write_text(observations.read_text(encoding="utf-8").replace(
        "256.99,CNY billion", "256.99,CNY trillion"), encoding="utf-8")
    result = audit(tiny)
    assert result.loc[result["text"] == "RMB 256.99 billion", "status"].tolist() == ["unaccounted"]


def test_a_fall_matches_a_negative_change(tiny):
    write_snapshot(tiny, SNAPSHOT.replace("Trade grew 4.5%.", "Trade fell 4.5%."))
    observations = tiny / "observations.csv"
    assert audit(tiny).loc[lambda r: r["text"] == "4.5%", "status"].tolist() == ["unaccounted"]
    observations.write_text(observations.read_text(encoding="utf-8").replace(",,4.5,percent", ",,-4.5,percent"),
                            encoding="utf-8")
    assert audit(tiny).loc[lambda r: r["text"] == "4.5%", "status"].tolist() == ["curated"]


DATED = SNAPSHOT + "Published 2025-07-14 at 10:30; updated 2025-07-15.\nSee page 3, dated 2025-07-16.\n"


def _exclude(tiny, rows: str) -> None:
    (tiny / "claim_exclusions.csv").write_text("source_id,paragraph,text,reason,note\n" + rows, encoding="utf-8")


def test_one_row_excludes_every_number_of_a_kind_in_the_text(tiny):
    write_snapshot(tiny, DATED)
    _exclude(tiny, "paper-a,,,date,every date of the page\npaper-a,3,,time,the time of publication\n"
                   "paper-a,4,,label,the page number\n")
    result = audit(tiny).set_index("text")
    assert result.loc[["2025-07-14", "2025-07-15", "2025-07-16"], "accounted_by"].tolist() == [
        "date (every one in the text)"] * 3
    assert result.loc["10:30", ["kind", "status", "accounted_by"]].tolist() == [
        "time", "excluded", "time (every one in the paragraph)"]
    assert result.loc["page 3", "status"] == "excluded"
    assert set(result["status"]) == {"curated", "excluded"}


def test_a_kind_row_covers_only_its_paragraph(tiny):
    write_snapshot(tiny, DATED)
    _exclude(tiny, "paper-a,3,,date,dates of the byline\npaper-a,3,,time,\npaper-a,4,,label,\n")
    result = audit(tiny).set_index("text")
    assert result.loc["2025-07-16", "status"] == "unaccounted"
    assert result.loc["2025-07-15", "status"] == "excluded"


def test_an_exclusion_by_kind_never_hides_a_figure(tiny):
    write_snapshot(tiny, SNAPSHOT + "It involved 42 ports.\n")
    _exclude(tiny, "paper-a,3,42,date,\npaper-a,,,date,\n")
    result = audit(tiny).set_index("text")
    assert result.loc["42", ["kind", "status", "accounted_by"]].tolist() == [
        "quantity", "unaccounted", "listed as date in claim_exclusions.csv, but read as quantity"]


def test_the_exclusion_reasons_are_the_kinds_the_finder_returns():
    descriptor = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    exclusions = next(r for r in descriptor["resources"] if r["name"] == "claim_exclusions")
    reason = next(f for f in exclusions["schema"]["fields"] if f["name"] == "reason")
    assert set(reason["constraints"]["enum"]) == (set(KINDS) - {"quantity"}) | {"not_tracked"}


def test_claims_command_as_csv_and_json(tmp_path, cli):
    release = tmp_path / "release.txt"
    release.write_text("上半年保税维修进出口2569.9亿元。\n今（18）日发布。\n", encoding="utf-8")
    as_csv = cli("claims", release, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [(r["paragraph"], r["kind"], r["text"], r["value"], r["unit"], r["curated_as"]) for r in rows] == [
        ("1", "quantity", "2569.9亿元", "256990000000.0", "CNY", "S04"), ("2", "date", "今（18）日", "18.0", "", "")]
    out = tmp_path / "claims.json"
    assert cli("claims", release, "--format", "json", "--out", out).returncode == 0
    records = json.loads(out.read_text(encoding="utf-8"))
    assert records[0]["value"] == 256_990_000_000.0 and records[0]["scale"] == "hundred_million"
    assert records[1]["kind"] == "date" and records[1]["start"] == release.read_text(encoding="utf-8").index("今")


def test_claims_table_shows_values_as_people_write_them(tmp_path, cli):
    release = tmp_path / "release.txt"
    release.write_text("Exports were RMB 256.99 billion; trade 45.47万亿元; 3,776 instances; 6741万标箱.\n",
                       encoding="utf-8")
    result = cli("claims", release)
    for shown in ("256.99 billion", "45.47 trillion", "3,776", "67.41 million"):
        assert shown in result.stdout
    assert "e+" not in result.stdout


@pytest.mark.parametrize(
    ("value", "shown"),
    [(2.5699e11, "256.99 billion"), (4.547e13, "45.47 trillion"), (3776.0, "3,776"), (6.741e7, "67.41 million"),
     (200_000.0, "200,000"), (1e6, "1 million"), (7.5, "7.5"), (100 / 3, "33.3333333333")],
)
def test_readable_numbers(value, shown):
    assert readable_number(value) == shown


def test_claims_marks_the_figures_of_the_named_source_only(tmp_path, cli):
    release = tmp_path / "release.txt"
    release.write_text("上半年保税维修进出口2569.9亿元。\n", encoding="utf-8")
    assert "S04" in cli("claims", release).stdout
    assert "S04" not in cli("claims", release, "--source", "pdo-2025-07-15-h1-trade").stdout
    assert "S04" in cli("claims", release, "--source", "legal-daily-2025-07-14").stdout
