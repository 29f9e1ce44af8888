"""A citable bundle of the data: ``customs-facilitation bundle OUT.zip`` (``make bundle``).

The zip holds the curated CSVs, ``datapackage.json``, the raw snapshots with their sidecars,
``CITATION.cff`` and a README listing every source, the licence notes and how to cite, all under
one folder named after the data version (a content hash of ``data/``).
"""

import zipfile
from pathlib import Path

from ..data.load import load_sources
from ..data.package import data_version, load_package
from ..data.schema import read_descriptor
from ..files import replacing
from ..notebook.words import date
from ..paths import REPO_DIR, resolve_data_dir


def readme(data_dir: Path, version: str) -> str:
    """The bundle's README: what it is, its licence notes, how to cite, every source."""
    descriptor = read_descriptor(data_dir)
    licence = descriptor["licenses"][0]
    lines = [f"# {descriptor['title']}", "", f"Data version {version}.", "", descriptor["description"], "",
             "## Licence", "", f"Our curation: {licence['title']} ({licence['path']}). The figures themselves are",
             "facts published by the outlets listed below; their texts are not redistributed, except the",
             "snapshots in raw/ kept for verification (the seed article and excerpts of two official texts),",
             "which remain their publishers', and Natural Earth's outline of China (public domain).", "",
             "## How to cite", "",
             f"customs-facilitation maintainers, curated indicators of China's cross-border trade facilitation, "
             f"data version {version} (see CITATION.cff). Cite the original source of each figure too: "
             "observations.csv names it in source_id.", "", "## Sources", ""]
    for source in load_sources(data_dir).itertuples():
        address = source.url if isinstance(source.url, str) else "address not kept"
        lines.append(f"- `{source.source_id}`: {source.outlet}, {date(source.published_date)}: "
                     f"{source.title} ({source.reliability}; {address})")
    return "\n".join(lines) + "\n"


def write_bundle(out: Path, data_dir=None) -> Path:
    """Validate the data, then write the zip atomically (a temp file moved into place)."""
    data_dir = resolve_data_dir(data_dir)
    load_package(data_dir)
    version = data_version(data_dir)
    root = f"customs-facilitation-data-{version}"
    with replacing(Path(out)) as temp, zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
            archive.write(path, f"{root}/{path.relative_to(data_dir).as_posix()}")
        archive.write(REPO_DIR / "CITATION.cff", f"{root}/CITATION.cff")
        archive.writestr(f"{root}/README.md", readme(data_dir, version))
    return Path(out)
