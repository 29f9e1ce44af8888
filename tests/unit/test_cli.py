"""The command line reports valid data, every problem of bad data, and check results."""

import subprocess
import sys

from tests.unit.conftest import write_tiny


def run(*args):
    return subprocess.run([sys.executable, "-m", "customs_facilitation", *args], capture_output=True, text=True)


def test_validate_summarises_a_valid_folder(tiny):
    result = run("validate", "--data-dir", str(tiny))
    assert result.returncode == 0
    assert "4 observations" in result.stdout and "2 sources" in result.stdout


def test_validate_lists_every_problem_and_fails(tiny):
    text = (tiny / "observations.csv").read_text(encoding="utf-8")
    (tiny / "observations.csv").write_text(text.replace("21.79", "x").replace("2022-01", "22-01"), encoding="utf-8")
    result = run("validate", "--data-dir", str(tiny))
    assert result.returncode == 1
    assert "2 problem(s)" in result.stderr
    assert "observations.csv row 2 (line 3), column value: 'x' is not a number" in result.stderr
    assert "column period_start: '22-01'" in result.stderr


def test_check_fails_when_a_figure_breaks_its_sum(tmp_path):
    folder = write_tiny(tmp_path / "d")
    (folder / "checks.csv").write_text(
        "check_id,kind,inputs,published_id,expected,explanation\nrepair_is_total,sum,S01,F01,pass,\n", encoding="utf-8")
    result = run("check", "--data-dir", str(folder))
    assert result.returncode == 1
    assert "fail      repair_is_total" in result.stdout and "1 fail" in result.stdout
