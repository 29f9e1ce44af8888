"""The citable bundle: complete, versioned by content, and valid for the Frictionless validator."""

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from customs_facilitation import DataValidationError
from customs_facilitation.report.bundle import data_version, write_bundle


def test_version_follows_content(tiny):
    before = data_version(tiny)
    assert before == data_version(tiny)
    (tiny / "units.csv").write_text((tiny / "units.csv").read_text(encoding="utf-8").replace("billions", "billion"),
                                    encoding="utf-8")
    assert data_version(tiny) != before


def test_bundle_holds_data_citation_and_readme_and_validates(tmp_path):
    out = write_bundle(tmp_path / "bundle.zip")
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "x")
    root = f"customs-facilitation-data-{data_version()}"
    for name in ("datapackage.json", "observations.csv", "sources.csv", "CITATION.cff", "README.md",
                 "raw/legal-daily-2025-07-14.txt"):
        assert f"{root}/{name}" in names
    readme = (tmp_path / "x" / root / "README.md").read_text(encoding="utf-8")
    assert "How to cite" in readme and "legal-daily-2025-07-14" in readme and data_version() in readme
    frictionless = shutil.which("frictionless", path=str(Path(sys.executable).parent))
    assert frictionless, "frictionless is not installed in this environment; run make setup"
    report = subprocess.run([frictionless, "validate", "--json", "datapackage.json"], cwd=tmp_path / "x" / root,
                            capture_output=True, text=True)
    assert json.loads(report.stdout)["valid"]


def test_bad_data_writes_no_bundle(tiny, tmp_path):
    (tiny / "units.csv").write_text("unit\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match="units.csv"):
        write_bundle(tmp_path / "bundle.zip", tiny)
    assert not list(tmp_path.glob("bundle.zip*"))
