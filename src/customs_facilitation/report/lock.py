"""One build at a time in a build folder: a second build waits, saying for whom, then goes on.

The lock is ``flock`` on ``build/.lock``, which holds who has it; the system releases it when
its holder ends, even if killed, so a stale lock cannot block anyone.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def build_lock(path: Path, say: Callable[[str], None] = print) -> Iterator[None]:
    """Hold the lock at ``path`` for the block; wait for it (and say so) while another build has it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            say(f"waiting for another build in {path.parent} to finish: {handle.read().strip() or 'unknown'}")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()} ({' '.join(sys.argv)}), since {dt.datetime.now():%H:%M:%S}\n")
        handle.flush()
        try:
            yield
        finally:
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)
