"""The conda environment and the pip lock pin the same versions; pyproject's pins are locked, each in
the lock of the environment it belongs to (.venv for the project, .venv-lab for JupyterLab)."""

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
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    named = {d.split("=")[0] for d in conda} | {re.sub(r"[-_.]+", "-", p.split("==")[0]).lower() for p in pip}
    project = tomllib.loads((REPO_DIR / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    missing = {r.split("==")[0] for r in project} - named
    assert not missing, f"environment.yml lacks what the package needs: {sorted(missing)}"
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


def test_each_lock_holds_the_pins_of_its_environment():
    extras = tomllib.loads((REPO_DIR / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lab_extra = extras["optional-dependencies"].pop("lab")
    project = list(extras["dependencies"]) + [d for extra in extras["optional-dependencies"].values() for d in extra]
    main, lab = lock_pins(), lock_pins("requirements-lab.lock")
    for requirements, pins, lock in ((project, main, "requirements.lock"), (lab_extra, lab, "requirements-lab.lock")):
        for requirement in requirements:
            package, version = requirement.split("==")
            assert pins.get(re.sub(r"[-_.]+", "-", package).lower()) == version, f"{lock} lacks {requirement}"
    assert "jupyterlab" not in main, "jupyterlab belongs in the lab lock only (it slows every kernel)"


def test_the_lab_environment_holds_lab_not_the_project_or_its_test_tools():
    main, lab = lock_pins(), lock_pins("requirements-lab.lock")
    assert not {"pandas", "altair", "pytest", "hypothesis", "playwright", "nbval"} & set(lab), (
        "Lab's kernels run .venv: its own environment needs Lab and the widget frontend only")
    differing = {p: (main[p], lab[p]) for p in set(main) & set(lab) if main[p] != lab[p]}
    assert not differing, f"the two locks pin these differently (main, lab): {differing}"
