"""The data version: a short content hash of a data folder (needs only the standard library, so
the report build knows what is out of date before it imports pandas)."""

import hashlib

from ..paths import resolve_data_dir


def data_version(data_dir=None) -> str:
    """A short content hash of every file in the data folder (names and bytes)."""
    data_dir = resolve_data_dir(data_dir)
    digest = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        digest.update(path.relative_to(data_dir).as_posix().encode("utf-8") + b"\0")
        with path.open("rb") as handle:
            digest.update(hashlib.file_digest(handle, "sha256").digest())
    return digest.hexdigest()[:12]
