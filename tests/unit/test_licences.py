"""Licences are said once and consistently: code MIT, curated data CC-BY-4.0, everywhere."""

import json
import tomllib

import yaml

from customs_facilitation.paths import DATA_DIR, REPO_DIR


def test_code_and_data_licence_texts_are_in_the_repository():
    assert (REPO_DIR / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    data_licence = (REPO_DIR / "LICENSE-DATA").read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0 International Public License" in data_licence
    assert "data/raw/" in data_licence, "it says the held snapshots stay their publishers'"


def test_every_declaration_names_the_same_licences():
    project = tomllib.loads((REPO_DIR / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT AND CC-BY-4.0"
    assert all((REPO_DIR / name).is_file() for name in project["license-files"])
    citation = yaml.safe_load((REPO_DIR / "CITATION.cff").read_text(encoding="utf-8"))
    descriptor = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    assert [licence["name"] for licence in descriptor["licenses"]] == [citation["license"]] == ["CC-BY-4.0"]


def test_sidecars_record_the_source_not_where_a_file_was_copied_from():
    for sidecar in sorted((DATA_DIR / "raw").glob("*.json")):
        text = sidecar.read_text(encoding="utf-8")
        assert "received_as" not in json.loads(text), sidecar.name
        assert "shared/" not in text and "../" not in text, f"{sidecar.name} names a path outside the repository"
