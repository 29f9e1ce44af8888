"""The package works where it is installed: a wheel carries the curated data and finds it.

Builds the wheel from this checkout, installs it into a fresh virtual environment (its
dependencies come from this environment's site-packages through a .pth file, so nothing is
downloaded) and loads every table from an unrelated folder.
"""

import subprocess
import sys
import sysconfig
import textwrap
import venv
import zipfile

import pytest

from customs_facilitation.paths import REPO_DIR

pytestmark = pytest.mark.slow  # builds a wheel and a virtual environment

LOAD_EVERYTHING = textwrap.dedent("""
    import customs_facilitation as cf
    from customs_facilitation.verify.consistency import run_consistency_checks
    tables = cf.load_package()
    print(cf.__file__)
    print(cf.load_observations().shape[0], cf.load_sources().shape[0], cf.load_indicators().shape[0],
          cf.load_measures().shape[0], cf.load_units().shape[0], len(tables))
    print((run_consistency_checks()["status"] != "fail").all())
""")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                           "--disable-pip-version-check", "-q", "-w", str(out), str(REPO_DIR)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    (path,) = out.glob("customs_facilitation-*.whl")
    return path


def test_the_wheel_carries_the_curated_data_and_licences(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    data = sorted(p.name for p in (REPO_DIR / "data").glob("*") if p.is_file())
    raw = sorted(p.name for p in (REPO_DIR / "data" / "raw").glob("*"))
    assert [n for n in data if f"customs_facilitation/curated_data/{n}" not in names] == []
    assert [n for n in raw if f"customs_facilitation/curated_data/raw/{n}" not in names] == []
    assert any(n.endswith("licenses/LICENSE-DATA") for n in names), "the data licence travels with the data"
    assets = sorted(p.name for p in (REPO_DIR / "src" / "customs_facilitation" / "report" / "assets").iterdir())
    assert [n for n in assets if f"customs_facilitation/report/assets/{n}" not in names] == []


def test_an_installed_wheel_loads_every_table_from_another_folder(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          capture_output=True, text=True, check=True).stdout.strip()
    # Dependencies from this environment; a .pth line adds a folder without running its .pth
    # files, so the editable install of the checkout stays out.
    (tmp_path / "venv" / site.split(str(env_dir) + "/", 1)[1] / "deps.pth").write_text(
        sysconfig.get_path("purelib") + "\n")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                              "--disable-pip-version-check", "-q", str(wheel)], capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = subprocess.run([str(python), "-c", LOAD_EVERYTHING], cwd=elsewhere, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    location, counts, checks = done.stdout.splitlines()
    assert location.startswith(str(env_dir)), f"imported {location}, not the installed wheel"
    expected = subprocess.run([sys.executable, "-c", LOAD_EVERYTHING], capture_output=True, text=True,
                              check=True).stdout.splitlines()[1]
    assert counts == expected and checks == "True"
