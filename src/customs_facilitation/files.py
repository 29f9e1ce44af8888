"""Writing files so that a reader never sees half of one (a temporary file, then a rename), and
keeping slow-to-make text in the environment."""

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _umask()


def temp_path(final: Path) -> Path:
    """A new empty file beside ``final`` (hidden, ``.tmp`` in its name), readable as ``final`` would be."""
    handle, name = tempfile.mkstemp(prefix=f".{final.stem}-", suffix=".tmp" + final.suffix, dir=final.parent)
    os.close(handle)
    os.chmod(name, 0o666 & ~_UMASK)  # mkstemp makes 0600; what we write is meant to be read
    return Path(name)


@contextmanager
def replacing(final: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``final``; move it into place if the block succeeds, else delete it."""
    final = Path(final)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(final)
    try:
        yield tmp
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` as UTF-8 through a temporary file."""
    with replacing(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


ENVIRONMENT_CACHE = Path(sys.prefix) / "share" / "customs-facilitation"
"""Where text made by this environment's libraries is kept (``make setup`` fills it)."""


def kept_in_environment(name: str, make: Callable[[], str]) -> str:
    """The text kept as ``name`` in :data:`ENVIRONMENT_CACHE`, else ``make()``'s, kept there for
    next time (not kept if the environment is read-only). ``name`` carries the versions of the
    libraries that make it, so an upgrade makes it anew."""
    kept = ENVIRONMENT_CACHE / name
    if kept.exists():
        return kept.read_text(encoding="utf-8")
    text = make()
    with contextlib.suppress(OSError):
        write_atomically(kept, text)
    return text
