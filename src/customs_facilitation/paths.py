"""Where the project's files live."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parents[1]
DATA_DIR = REPO_DIR / "data"
DESCRIPTOR_NAME = "datapackage.json"


def resolve_data_dir(data_dir=None) -> Path:
    """Return ``data_dir`` as a Path, or the repository's ``data/`` when it is None."""
    return DATA_DIR if data_dir is None else Path(data_dir)
