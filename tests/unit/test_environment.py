"""The conda environment and the pip lock pin the same versions; pyproject's pins are locked."""

import re
import tomllib

import yaml

from customs_facilitation.paths import REPO_DIR


def lock_pins(name="requirements.lock") -> dict[str, str]:
    pins = {}
    for line in (REPO_DIR / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            package, version = line.split("==")
            pins[re.sub(r"[-_.]+", "-", package).lower()] = version
    return pins


def test_environment_yml_agrees_with_the_lock():
    env = yaml.safe_load((REPO_DIR / "environment.yml").read_text(encoding="utf-8"))
    pins = lock_pins()
    conda = [d for d in env["dependencies"] if isinstance(d, str) and "=" in d and not d.startswith("python=")]
    assert len(conda) >= 10
    for dependency in conda:
        package, version = dependency.split("=")
        locked = pins.get(package)
        assert locked == version, f"environment.yml pins {package}={version}, requirements.lock {locked}"


def test_environment_yml_pip_section_agrees_with_the_lock():
    env = yaml.safe_load((REPO_DIR / "environment.yml").read_text(encoding="utf-8"))
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    pins = lock_pins()
    for requirement in [p for p in pip if "==" in p]:
        package, version = requirement.split("==")
        locked = pins.get(re.sub(r"[-_.]+", "-", package).lower())
        assert locked == version, f"environment.yml's pip section pins {requirement}, requirements.lock {locked}"


def test_every_pyproject_pin_is_in_both_locks():
    project = tomllib.loads((REPO_DIR / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"]) + [d for extra in project["optional-dependencies"].values() for d in extra]
    main, lab = lock_pins(), lock_pins("requirements-lab.lock")
    for requirement in wanted:
        package, version = requirement.split("==")
        package = re.sub(r"[-_.]+", "-", package).lower()
        assert lab.get(package) == version, f"requirements-lab.lock lacks {requirement}"
        if package != "jupyterlab":
            assert main.get(package) == version, f"requirements.lock lacks {requirement}"
    assert "jupyterlab" not in main, "jupyterlab belongs in the lab lock only (it slows every kernel)"
