"""The command line reports valid data, every problem of bad data, and check results."""

import subprocess
import sys
import zipfile
from pathlib import Path

from customs_facilitation.paths import REPO_DIR, report_notebooks
from tests.unit.conftest import write_tiny


def test_validate_summarises_a_valid_folder(tiny, cli):
    result = cli("validate", "--data-dir", str(tiny))
    assert result.returncode == 0
    assert "4 observations" in result.stdout and "2 sources" in result.stdout
    assert "observations by id letter: 3 F.., 1 S.." in result.stdout


def test_validate_lists_every_problem_and_fails(tiny, cli):
    text = (tiny / "observations.csv").read_text(encoding="utf-8")
    (tiny / "observations.csv").write_text(text.replace("21.79", "x").replace("2022-01", "22-01"), encoding="utf-8")
    result = cli("validate", "--data-dir", str(tiny))
    assert result.returncode == 1
    assert "2 problem(s)" in result.stderr
    assert "observations.csv row 2 (line 3), column value: 'x' is not a number" in result.stderr
    assert "column period_start: '22-01'" in result.stderr


def test_validate_names_a_data_folder_that_is_a_file(tiny, cli):
    result = cli("validate", "--data-dir", str(tiny / "sources.csv"))
    assert result.returncode == 1
    assert f"{(tiny / 'sources.csv').resolve()}: is not a folder; a data folder holds datapackage.json" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_fails_when_a_figure_breaks_its_sum(tmp_path, cli):
    folder = write_tiny(tmp_path / "d")
    (folder / "checks.csv").write_text(
        "check_id,kind,inputs,published_id,expected,explanation,explanation_zh\nrepair_is_total,sum,S01,F01,pass,,\n",
        encoding="utf-8")
    result = cli("check", "--data-dir", str(folder))
    assert result.returncode == 1
    assert "fail      repair_is_total" in result.stdout and "1 fail" in result.stdout


def test_the_console_script_offers_every_command():
    script = Path(sys.executable).parent / "customs-facilitation"
    done = subprocess.run([str(script), "--help"], capture_output=True, text=True)
    assert done.returncode == 0
    for command in ("validate", "check", "audit", "claims", "claims-score", "bundle", "refresh", "report"):
        assert command in done.stdout
    steps = subprocess.run([str(script), "report", "--help"], capture_output=True, text=True).stdout
    for step in ("list", "validate", "run", "index", "build"):
        assert step in steps


def test_report_list_needs_only_the_standard_library():
    """make lists the notebooks with the system Python, before the environment exists."""
    code = ("import sys; sys.modules.update(pandas=None, altair=None, yaml=None); "
            "from customs_facilitation.cli import main; sys.exit(main(['report', 'list', '--notebooks', 'notebooks']))")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO_DIR, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [p.relative_to(REPO_DIR).as_posix() for p in report_notebooks(REPO_DIR / "notebooks")]
    assert "notebooks/01-special-operation-2025.ipynb" in done.stdout.split()


def test_bundle_command_writes_the_zip(tmp_path, cli):
    done = cli("bundle", str(tmp_path / "out.zip"))
    assert done.returncode == 0, done.stderr
    assert zipfile.is_zipfile(tmp_path / "out.zip") and "wrote" in done.stdout


def test_the_curators_commands_hold_a_page_draft_it_and_accept_it(tiny, tmp_path, cli):
    """add-source, claims --draft and accept, in order, as docs/curating.md runs them."""
    import pandas as pd

    page = tmp_path / "page.txt"
    page.write_text("上半年，进出口2.08万亿元，下降9.3%。\n", encoding="utf-8")
    held = cli("add-source", page, "--source-id", "paper-c", "--outlet", "Paper C", "--title", "H1 trade",
               "--published", "2025-07-14", "--language", "zh", "--reliability", "secondary", "--data-dir", tiny)
    assert held.returncode == 0, held.stderr
    draft = tmp_path / "draft.csv"
    drafted = cli("claims", tiny / "raw" / "paper-c.txt", "--draft", "--source", "paper-c", "--out", draft,
                  "--data-dir", tiny)
    assert drafted.returncode == 0, drafted.stderr
    rows = pd.read_csv(draft, dtype=str, keep_default_na=False)
    assert rows[["value", "change", "period_start", "period_end"]].values.tolist() == [
        ["2.08", "-9.3", "2025-01", "2025-06"]]
    rows["decide"] = ""
    rows.to_csv(draft, index=False)
    assert rows.loc[0, "note"] == "the basis is not written; read as year on year, as customs releases compare"
    refused = cli("accept", draft, "--data-dir", tiny)  # a figure's note needs its Chinese twin
    assert refused.returncode == 1
    assert "draft.csv row 1 (line 2), column note_zh: is empty, but note is not; write the note in Chinese" \
        in refused.stderr
    rows.loc[0, "note_zh"] = "未写明比较基期；按海关发布的惯例读作同比"
    rows.to_csv(draft, index=False)
    accepted = cli("accept", draft, "--data-dir", tiny)
    assert accepted.returncode == 0, accepted.stderr
    assert cli("audit", "--data-dir", tiny).returncode == 0 and cli("validate", "--data-dir", tiny).returncode == 0


def test_the_console_script_offers_the_curators_commands():
    script = Path(sys.executable).parent / "customs-facilitation"
    done = subprocess.run([str(script), "--help"], capture_output=True, text=True)
    assert "add-source" in done.stdout and "accept" in done.stdout
