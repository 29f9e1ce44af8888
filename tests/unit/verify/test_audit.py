"""The audit accounts for every number in a held text, and names the ones it cannot."""

import subprocess
import sys

from customs_facilitation.verify.audit import audit, paragraph_of
from tests.unit.conftest import SNAPSHOT, write_snapshot


def test_paragraph_counts_lines_from_one():
    assert [paragraph_of("a\nb\nc", i) for i in (0, 2, 4)] == [1, 2, 3]


def test_tiny_text_is_fully_accounted(tiny):
    result = audit(tiny)
    assert list(result["status"]) == ["curated", "curated", "curated"]
    assert list(result["accounted_by"]) == ["S01", "S01", "F03"]


def test_a_new_number_in_the_text_is_unaccounted_until_excluded(tiny):
    write_snapshot(tiny, SNAPSHOT + "It involved 42 ports.\n")
    result = audit(tiny)
    assert result.loc[result["text"] == "42", "status"].tolist() == ["unaccounted"]
    cli = subprocess.run([sys.executable, "-m", "customs_facilitation", "audit", "--data-dir", str(tiny)],
                         capture_output=True, text=True)
    assert cli.returncode == 1 and "1 unaccounted" in cli.stdout
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


def test_claims_command_marks_curated_figures(tmp_path):
    release = tmp_path / "release.txt"
    release.write_text("上半年保税维修进出口2569.9亿元。Container handling: 99.99 million TEU.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "customs_facilitation", "claims", str(release)],
                            capture_output=True, text=True)
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
