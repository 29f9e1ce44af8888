"""Where the project's files live: the curated data, the report notebooks, the repository."""

from importlib import resources
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parents[1]
"""The source checkout holding this package (meaningful in a checkout or an editable install)."""

PACKAGED_DATA = "curated_data"
"""Where a built wheel carries a copy of the repository's ``data/`` (pyproject.toml maps it)."""

DESCRIPTOR_NAME = "datapackage.json"
REPORT_NOTEBOOK_GLOB = "[0-9][0-9]-*.ipynb"
"""Report notebooks are numbered: ``01-topic.ipynb``. Other notebooks are not built or tested."""


def default_data_dir() -> Path:
    """The curated data: the copy an installed wheel carries, else the checkout's ``data/``."""
    packaged = resources.files("customs_facilitation") / PACKAGED_DATA
    if packaged.is_dir():
        return Path(str(packaged))
    return REPO_DIR / "data"


DATA_DIR = default_data_dir()


def resolve_data_dir(data_dir=None) -> Path:
    """Return ``data_dir`` as a Path, or the default curated data when it is None."""
    return DATA_DIR if data_dir is None else Path(data_dir)


def report_notebooks(notebooks_dir) -> list[Path]:
    """The report notebooks of a folder, in their numbered order."""
    return sorted(Path(notebooks_dir).glob(REPORT_NOTEBOOK_GLOB))
